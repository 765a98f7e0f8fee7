"""The date search's last resort, dateparser, asked in a few languages instead of every one.

htmldate (trafilatura's date search, `find_date`) reads the formats it knows itself and hands a
string it cannot place to dateparser with no language given. dateparser then tries its locales
one after the other, loading each; a string no locale completes ("Through Dec 20, 2026", a
citation "2017;6(10):e002218.", "10 Trends in catering to look for in 2025") loads and keeps all
of them: +35 MB and 2.4 s of CPU, once in each digest worker, on 1 to 2 pages in 100.

Asked in DATE_LANGUAGES only, the same string costs 0.1 s and 1 MB. The 70 strings that reached
dateparser on WCXB's tune pages get the same answers as before (docs/PERFORMANCE.md, sixth session).
"""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING, Iterator

from htmldate import extractors

if TYPE_CHECKING:
    from dateparser import DateDataParser

# Western European languages: most of the web's pages after English; htmldate's own month names
# cover English, German, French, Dutch and Turkish already.
DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
# htmldate builds its parser in this lru-cached function, which has no language argument.
_HTMLDATE_PARSER = extractors.get_external_parser


@functools.cache
def date_parser() -> DateDataParser:
    """htmldate's own dateparser (its settings), limited to DATE_LANGUAGES."""
    parser = _HTMLDATE_PARSER.__wrapped__()  # the undecorated body: a parser of our own with htmldate's settings
    parser.languages = list(DATE_LANGUAGES)  # what dateparser itself sets after detecting languages
    return parser


@contextlib.contextmanager
def dates_in_few_languages() -> Iterator[None]:
    """htmldate's date search with `date_parser` as its fallback while the block runs.

    The swap is undone after the block, so trafilatura's own date search elsewhere in the
    process keeps htmldate's parser; htmldate's cache of parsed strings is shared by both."""
    htmldate_parser = extractors.get_external_parser
    extractors.get_external_parser = date_parser
    try:
        yield
    finally:
        extractors.get_external_parser = htmldate_parser

