"""Where a sentence writes a name rather than words: no hedge cue stands there.

The scorer's words are letter runs, so "some_func" gives it "some", "post_install" "post" and "5Post"
"Post"; a reader finds no such word in the sentence (the twelfth session's sweep, `hedge.cue_in_identifier`).
A letter run inside an identifier span is not a cue: the scorer weighs it as no more than a word it never
saw (`scorer.HedgeScorer.prose_parts`) and a cue pattern matched there is dropped.

Identifier spans: a code span (`...`); an address (scheme://..., www....), an e-mail address; a path
(/usr/lib, ./run, ~/x, a/b/c); and a run of word characters holding a letter and an underscore or a digit
("some_func", "SOME_MACRO", "5Post", "p53"; not "1990s", "19th", "10am"). Words joined by a hyphen or a single slash
("and/or") stay words. A bare domain name ("maybe.com", "could.io", "shop.may.co.uk": word labels joined by dots, the
last a common top-level domain written in lower case) is a name too (the thirteenth session's sweep). The training features (`scorer.tokens_with_features`) are not changed: the model
file is the same, and a sentence without such spans is scored exactly as before.

A concessive "whether" is no cue either and is treated the same way (`no_cue_spans`, sixteenth session): "Whether
you're new to the outdoors or a seasoned pro, check out our wide selection ...", "..., whether it's a themed menu or
options for ...". The clause grants every case ("no matter which"); it asks nothing. The embedded question ("decide
whether your goal is ...", "we examined whether ...") is left a cue: it follows its verb, not a sentence's start or a
comma. On the shops' and services' copy of WCXB tune the concessive form was the largest kind of hedge mark with no
uncertainty in it; the train parts of WikiWeasel and BioScope hold one such sentence (labelled certain).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Sequence

from bot.digest.hedges.named_sources import source_name_spans

# The top-level domains a bare domain name ends with, lower case: the common generic ones and country codes that
# are no English word ("it", "me", "us", "in", "to", "no", "be", "is", "at", "so", "do", "go" are left out: "told
# us.Maybe" with its space missing is no address).
_TLD = r"(?:com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|xyz|online|site|tech|news|blog|ly|fm|tv|gg|uk|de|fr|es|nl|ca|au|ru|jp|cn|ch|se|pl|br|eu)"
_BARE_DOMAIN = re.compile(r"[A-Za-z0-9]\." + _TLD + r"(?![\w@-])")
_IDENTIFIER = re.compile(
    r"`(?=[^`\s])[^`\n]*(?<=[^`\s])`"  # a code span (not Wikipedia's "` quoted '" nor "``quoted''")
    r"|(?:[A-Za-z][\w+.-]*://|www\.)\S+"  # an address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address (or "failure-notification@unit.service")
    r"|(?<![\w/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]*)*"  # a path from the root, home or here
    r"|(?<![\w/])[\w.-]+/[\w.-]+/[\w./-]*"  # a path of three parts or more
    r"|(?<![\w.@-])(?:[A-Za-z0-9][\w-]*\.)+" + _TLD + r"(?![\w@-])(?:/\S*)?"  # a bare domain ("maybe.com/x")
    r"|(?<!\w)(?!\d+(?:s|st|nd|rd|th|am|pm)\b)(?=\w*[_\d])(?=\w*[^\W\d_])\w+"  # a name: letters joined by
    # "_" or glued to digits, not a decade, an ordinal or an hour ("1970s", "19th", "10am")
)
# What every identifier span holds: a sign, or a letter glued to a digit. Most sentences have none and need
# no search by `_IDENTIFIER` (whose look-aheads at every word would cost a fifth of the hedge stage's time):
# one character class settles two sentences in three, the digit runs' neighbours most of the rest.
_ANY_SIGN = re.compile(r"[\d`/@_]")
_DIGITS = re.compile(r"\d+")


def _has_sign(sentence: str, digit_from: int) -> bool:
    if "_" in sentence or "/" in sentence or "`" in sentence or "@" in sentence:
        return True
    for run in _DIGITS.finditer(sentence, digit_from):
        start, end = run.span()
        if (start and sentence[start - 1].isalpha()) or (end < len(sentence) and sentence[end].isalpha()):
            return True
    return False


def _may_hold_domain(sentence: str) -> bool:
    """A bare domain holds none of the signs above: its dot between a letter or digit and a lower-case letter is
    looked for with str.find (most sentences' only dot ends them), the domain pattern only where one stands."""
    at = sentence.find(".", 1)
    while 0 < at < len(sentence) - 2:
        if sentence[at + 1].islower() and sentence[at - 1].isalnum():
            return _BARE_DOMAIN.search(sentence) is not None
        at = sentence.find(".", at + 1)
    return False


def identifier_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of the sentence's identifier spans, in order and apart."""
    first = _ANY_SIGN.search(sentence)
    if first is None or not _has_sign(sentence, first.start()):
        if not _may_hold_domain(sentence):
            return ()
    return _spans(sentence)


@functools.lru_cache(maxsize=64)  # the marker asks for a sentence's spans up to three times in a row
def _spans(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _IDENTIFIER.finditer(sentence))


# "Whether" opening the sentence (after a quote, a list mark or "So"/"And"/"But") or a clause after a comma, a
# semicolon, a bracket or a dash, its subject "you", "your", "it", "they" or "we", and an "or" later in the sentence.
_CONCESSIVE_WHETHER = re.compile(
    r"(?:^\W*(?:(?:so|and|but)\b,?\s+)?|[,;(–—]\s*|\s-\s)(whether)\s+(?:you|your|it|they|we)(?:['’](?:s|re|ll|d|ve))?\b"
    r"(?=[^.?!]*\bor\b)",
    re.IGNORECASE,
)


def concessive_whether_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The offsets of each concessive "whether" ("Whether you're X or Y, ..."): a word that grants, not a hedge."""
    if "hether" not in sentence:
        return ()
    return tuple(match.span(1) for match in _CONCESSIVE_WHETHER.finditer(sentence))


@functools.lru_cache(maxsize=64)  # asked up to three times in a row for a sentence, as `_spans`
def no_cue_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where no hedge cue stands: the identifier spans, then any concessive "whether", then the names of named
    sources ("The Post reported": `named_sources`)."""
    return identifier_spans(sentence) + concessive_whether_spans(sentence) + source_name_spans(sentence)


def starts_inside(spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[int]:
    """The indices of the offsets (sorted) that fall inside a span."""
    inside: list[int] = []
    for start, end in spans:
        inside.extend(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))
    return inside


def is_inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)
