"""Cut a text into number, word and symbol tokens, and find the spans whose numbers are never quantities.

One linear regex makes the tokens; ideographs and kana are a token each. The
masks (web and e-mail addresses, phone numbers, citations, list numbering) are
regexes that cannot backtrack over the whole text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from bot.digest.front_rules import CJK_CHARACTERS


class Token(NamedTuple):
    kind: str  # "num", "word" or "sym"
    text: str
    start: int
    end: int


# Ideographs and kana: each is a word token of its own, since Chinese and
# Japanese put no spaces between words ("12亿元" is 12, 亿, 元).
_CJK = CJK_CHARACTERS
# Words first (most tokens are words, so most matches take the first branch; thirteenth session). The
# branches start at disjoint characters but for "." (a decimal part before any other sign), so the order
# gives the same tokens: the order before is the reference in tests/digest/figures/references.py.
TOKEN = re.compile(rf"[^\W\d_{_CJK}]+|\d+(?:[.,]\d+)*|(?<![\w.,])\.\d+|[{_CJK}]|\S")
CJK_CHAR = re.compile(rf"[{_CJK}]")

# Spans whose numbers are never quantities, one pattern a kind of span, in the order they are tried. Every
# pattern starts at a literal or behind a lookbehind that stops it from restarting inside a run, so none can
# backtrack over the whole text.
_MASK_BRANCHES = (
    r"(?:https?://|www\.|doi:\s?)\S+",  # web and DOI addresses
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    r"(?<![\w+])\+\d[\d ().-]{6,}\d",  # +44 20 7946 0958
    r"(?<!\w)\(\d{3}\)\s?\d{3}[ .-]\d{4}(?!\w)",  # (555) 123-4567
    r"(?<![\w.-])(?:1[.-])?\d{3}([.-])\d{3}\1\d{4}(?![\w-]|\.\d)",  # 555-123-4567, 1-800-555-1234 (a full stop may follow); its group is the only one
    r"\[[\d\s,;–\-−]{1,60}\]",  # citations [12], [3, 4], [5–7]
    r"\(\d{1,3}(?:[–-]\d{1,3})?(?:(?:,\s|;\s?|,(?!\d{3}(?!\d)))\d{1,3}(?:[–-]\d{1,3})?)*\)",  # citations, equation numbers: (12), (14–17), (3, 4); not (1,200)
    r"(?m:^[ \t]*\(?\d{1,2}[.)](?=[ \t]))",  # list numbering "1." "2)"
)
_THREE_DIGITS_TWICE = re.compile(r"\d{3}[.-]\d{3}")


def _branches_present(text: str) -> tuple[bool, ...]:
    """For each of `_MASK_BRANCHES`, whether `text` holds what every match of it holds (a pattern without it
    cannot match anywhere in the text)."""
    paren = "(" in text
    numbered = paren or _NUMBERED_FIRST_LINE.match(text) is not None or ("\n" in text and _NUMBERED_LATER_LINE.search(text) is not None)
    return (
        "://" in text or "www." in text or "doi:" in text,
        "@" in text,
        "+" in text,
        paren,
        _THREE_DIGITS_TWICE.search(text) is not None,
        "[" in text,
        paren,
        numbered,
    )


@functools.lru_cache(maxsize=256)
def _masks_of(present: tuple[bool, ...]) -> re.Pattern[str]:
    """The alternation of the mask patterns that `present` lets match, in their order."""
    return re.compile("|".join(branch for branch, kept in zip(_MASK_BRANCHES, present) if kept), re.X)


_new_tuple = tuple.__new__  # builds a Token without the Python-level __new__ of a NamedTuple: a fifth of tokenizing
# TOKEN with the white space before each token: a token's start is the previous token's end plus that space's
# length. TOKEN matches at every character but white space (its last alternative is any other one), so
# `findall` finds the same tokens either way, and no `str.find` per token is needed (seventeenth session: 15 %
# less time a text than `findall` and `find`, the reference kept in tests/digest/figures/test_tokens.py).
_SPACED_TOKEN = re.compile(r"(\s*)(" + TOKEN.pattern + ")")
# `_SPACED_TOKEN` on an ASCII text (most sentences): there `[^\W\d_]` is the ASCII letters, `\d` the ASCII digits
# and `\w` those and "_", written as ranges the engine tests without the Unicode category look-ups (eighteenth
# session: 13 % less time a text; the same pieces, tests/digest/figures/test_tokens.py).
_ASCII_SPACED_TOKEN = re.compile(r"(\s*)([A-Za-z]+|[0-9]+(?:[.,][0-9]+)*|(?<![A-Za-z0-9_.,])\.[0-9]+|\S)")
# Each first character's kind, worked out once ("." is not in it: it opens a number or is a symbol).
_KIND_OF_FIRST: dict[str, str] = {}


def _kind_of_first(first: str) -> str:
    """The kind of a token that starts with `first` (not "."): a decimal digit opens a number, a letter a word."""
    kind = "num" if first.isdecimal() else "word" if first.isalpha() else "sym"
    if len(_KIND_OF_FIRST) < 65_536:  # bounded: a text of rare characters cannot grow it without end
        _KIND_OF_FIRST[first] = kind
    return kind


def tokenize(text: str) -> list[Token]:
    """The tokens of `text` in order: kind "num", "word" or "sym", with their offsets.

    The pieces come from one `findall` (no match object per token), each with the white space before it.
    The match-by-match tokenizer is the reference (tests/digest/figures/references.py).
    """
    tokens: list[Token] = []
    append = tokens.append
    kinds = _KIND_OF_FIRST
    end = 0
    for space, piece in (_ASCII_SPACED_TOKEN if text.isascii() else _SPACED_TOKEN).findall(text):
        start = end + len(space)
        end = start + len(piece)
        # The kind by the first character, looked up (a call per token cost 7 % of this loop); "." is told apart by length.
        first = piece[0]
        if first == ".":
            kind = "num" if len(piece) > 1 else "sym"
        else:
            kind = kinds.get(first) or _kind_of_first(first)
        append(_new_tuple(Token, (kind, piece, start, end)))
    return tokens


# Every mask holds one of these signs, "www.", three digits then a dot or dash, or a number opening a line:
# a cheap test spares most sentences the masks' own scan (same spans: tests/digest/figures/test_fast_paths.py).
# The test in three pieces (thirteenth session, about half the time of one regex, which is the reference in
# tests/digest/figures/references.py): a pattern that opens with a set of characters lets the regex engine skip to
# them (the lookbehinds check which branch the character opened), and a line's start is looked for at the text's
# start and after a line break only.
_MASK_SIGN_OR_DIGITS = re.compile(r"[@+(\[:w\d](?:(?<=[@+(\[:])|(?<=w)ww\.|(?<=\d)\d\d[.-]\d{3})")
_NUMBERED_FIRST_LINE = re.compile(r"[ \t]*\d{1,2}[.)][ \t]")
_NUMBERED_LATER_LINE = re.compile(r"\n[ \t]*\d{1,2}[.)][ \t]")


def may_hold_masks(text: str) -> bool:
    """False only when no mask can match in `text` (the one-regex hint's answer, tested against it)."""
    return (
        _MASK_SIGN_OR_DIGITS.search(text) is not None
        or _NUMBERED_FIRST_LINE.match(text) is not None
        or ("\n" in text and _NUMBERED_LATER_LINE.search(text) is not None)
    )


def masked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every span whose numbers are never quantities, in order.

    Only the patterns whose literal the text holds are tried (seventeenth session: a "(" or ":" sent every text
    through all eight at every position). A pattern that cannot match anywhere changes no match of the
    alternation, so the spans are those of all eight together (the reference in tests/digest/figures/test_tokens.py).
    """
    if not may_hold_masks(text):
        return []
    present = _branches_present(text)
    if not any(present):
        return []
    return [(m.start(), m.end()) for m in _masks_of(present).finditer(text)]
