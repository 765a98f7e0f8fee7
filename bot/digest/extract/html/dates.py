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
import re
from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING, Iterator

import htmldate
from htmldate import core as htmldate_core
from htmldate import extractors, validators

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



# -- the extensive search's year patterns, run only near digits ----------------------------------
#
# On a page without a date in its markup, htmldate's last stage (`search_page`) runs up to eight
# patterns over the whole serialised page, each through `plausible_year_filter`'s findall: about
# 100 ms on a 100,000-word article, most of it the regex engine stepping over prose. Every match of
# the patterns below holds a digit and is at most a few characters long, so the same findall run
# only over the stretches of the page within WINDOW_MARGIN characters of a digit finds the same
# matches in the same order (no match can reach past a window's edge; windows are only split where
# digits lie more than 2 * WINDOW_MARGIN apart, so no match spans two). The answers are identical.

WINDOW_MARGIN = 32
HTMLDATE_VERSION = "1.11.0"  # whose patterns and plausible_year_filter were read for this
_LOOKBEHIND_ROOM = 8  # SIMPLE_PATTERN's (?<!w3.org) reads 6 characters before its match


def _longest_match(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of `pattern` can span, or None when it cannot be bounded."""
    try:
        from re import _parser as sre_parse  # noqa: PLC0415 (Python 3.11+)
    except ImportError:  # pragma: no cover (older Pythons)
        import sre_parse  # type: ignore[no-redef]  # noqa: PLC0415
    try:
        longest = sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]
    except Exception:  # noqa: BLE001 (a private parser: never let it break the date search)
        return None
    return longest if longest < sre_parse.MAXREPEAT else None


def _near_digit_patterns() -> frozenset[re.Pattern[str]]:
    """htmldate's patterns that start with \\D (so the engine tries every character), whose matches
    all hold an ASCII digit (read in htmldate 1.11.0: none is used with another version) and are
    short enough for a window (checked here)."""
    if htmldate.__version__ != HTMLDATE_VERSION:
        return frozenset()
    names = (
        "THREE_LOOSE_PATTERN", "SELECT_YMD_PATTERN", "DATESTRINGS_PATTERN", "SLASHES_PATTERN",
        "YYYYMM_PATTERN", "MMYYYY_PATTERN", "SIMPLE_PATTERN",
    )
    chosen = set()
    for name in names:
        pattern = getattr(htmldate_core, name, None)
        if not isinstance(pattern, re.Pattern):
            continue
        longest = _longest_match(pattern)
        if longest is not None and longest + _LOOKBEHIND_ROOM <= WINDOW_MARGIN:
            chosen.add(pattern)
    return frozenset(chosen)


_NEAR_DIGITS = _near_digit_patterns()
# A run of digits and every run that follows within 2 * WINDOW_MARGIN non-digits.
_DIGIT_CLUSTER = re.compile(rf"\d+(?:\D{{1,{2 * WINDOW_MARGIN}}}\d+)*")
_windows_of: dict[str, list[tuple[int, int]]] = {}  # the page being searched -> its windows


def digit_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of `text` within WINDOW_MARGIN characters of a digit, in order,
    apart from each other."""
    size = len(text)
    return [
        (max(0, cluster.start() - WINDOW_MARGIN), min(size, cluster.end() + WINDOW_MARGIN))
        for cluster in _DIGIT_CLUSTER.finditer(text)
    ]


def near_digit_findall(pattern: re.Pattern[str], text: str) -> list:
    """`pattern.findall(text)`, for a pattern of `_NEAR_DIGITS`, read only near the digits."""
    windows = _windows_of.get(text)
    if windows is None:
        _windows_of.clear()  # one page at a time
        windows = _windows_of[text] = digit_windows(text)
    found: list = []
    for start, end in windows:
        found += pattern.findall(text, start, end)
    return found


def plausible_year_filter(
    htmlstring: str, *, pattern: re.Pattern[str], yearpat: re.Pattern[str], earliest: datetime, latest: datetime
) -> Counter[str]:
    """htmldate's `validators.plausible_year_filter` (1.11.0), its findall read near digits only."""
    if pattern in _NEAR_DIGITS:
        occurrences = Counter(near_digit_findall(pattern, htmlstring))
    else:
        occurrences = Counter(pattern.findall(htmlstring))
    min_year, max_year = earliest.year, latest.year
    for item in list(occurrences):
        year_match = yearpat.search(item)
        if year_match is None:
            del occurrences[item]
            continue
        potential_year = validators.correct_year(int(year_match[1]))
        if not min_year <= potential_year <= max_year:
            del occurrences[item]
    return occurrences


@contextlib.contextmanager
def year_search_near_digits() -> Iterator[None]:
    """htmldate's page search with `plausible_year_filter` above while the block runs (undone after)."""
    if not _NEAR_DIGITS:
        yield
        return
    original = htmldate_core.plausible_year_filter
    htmldate_core.plausible_year_filter = plausible_year_filter
    try:
        yield
    finally:
        htmldate_core.plausible_year_filter = original
        _windows_of.clear()
