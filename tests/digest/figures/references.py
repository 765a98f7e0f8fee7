"""The plain forms the figure stage's fast forms are tested against: each is what the product ran before a speed-up
(kept here, not in the product, which keeps no code only for its tests)."""

from __future__ import annotations

import functools
import re

from bot.digest.figures.quantities import number_locale
from bot.digest.figures.tokens import CJK_CHAR, Token, _CJK

# The tokenizer's alternatives in their first order (tokens.TOKEN puts words first).
SLOW_TOKEN = re.compile(rf"(?<![\w.,])\.\d+|\d+(?:[.,]\d+)*|[{_CJK}]|[^\W\d_{_CJK}]+|\S")
# tokens.may_hold_masks as one regex, and before that as three tests.
MASK_HINT = re.compile(r"[@+(\[:]|www\.|\d{3}[.-]\d{3}|^[ \t]*\d{1,2}[.)][ \t]", re.M)
_MASK_SIGNS = frozenset("@+([:")
_MASK_DIGITS = re.compile(r"\d{3}[.-]\d{3}|^[ \t]*\d{1,2}[.)][ \t]", re.M)
# figure_finder._number_run as one alternation: four numbers or two prices in a row, or a footnote's number glued
# to a word.
SLOW_NUMBER_RUN = re.compile(r"(?:[$€£¥]?\d[\d,.]*%?\s+){3}[$€£¥]?\d|[$€£¥]\d[\d,.]*\s*[$€£¥]\d|^\s*\d[A-Z][a-z]")
# figure_finder._TITLE_RUN with the word boundary first: eight capitalised words in a row.
SLOW_TITLE_RUN = re.compile(r"\b[A-Z][\w’'&.-]*\s+(?:[A-Z][\w’'&.-]*\s+){7}")


def token_kind(piece: str) -> str:
    """A token's kind by its first character: a decimal digit (or "." before more) opens a number, a letter a word."""
    first = piece[0]
    if first.isdecimal() or (first == "." and len(piece) > 1):
        return "num"
    return "word" if first.isalpha() else "sym"


def slow_tokenize(text: str) -> list[Token]:
    """tokens.tokenize match by match."""
    return [Token(token_kind(match.group()), match.group(), *match.span()) for match in SLOW_TOKEN.finditer(text)]


def slow_may_hold_masks(text: str) -> bool:
    """tokens.may_hold_masks as three tests."""
    return not _MASK_SIGNS.isdisjoint(text) or "www." in text or _MASK_DIGITS.search(text) is not None


def slow_number_run(text: str) -> bool:
    return SLOW_NUMBER_RUN.search(text) is not None


@functools.lru_cache(maxsize=64)
def slow_number_word_pattern(code: str) -> re.Pattern[str] | None:
    """quantities._number_word_pattern as a plain alternation of the locale's number words (None when one is an
    ideograph: scan always)."""
    words = sorted({*number_locale(code).number_words, "room"}, key=len, reverse=True)
    if any(CJK_CHAR.search(word) for word in words):
        return None
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(word) for word in words) + r")(?![^\W\d_])")
