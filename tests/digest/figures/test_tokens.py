"""The figure stage's tokenizer and mask hint give what their plain references give (speed-ups, same output)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures.tokens import TOKEN, Token, masked_spans, may_hold_masks, tokenize
from tests.digest.figures.references import slow_may_hold_masks, slow_tokenize, token_kind

# Characters the tokenizer's alternatives tell apart: digits (ASCII and others), stops and commas, letters,
# ideographs and kana (some of them not letters), numbers that are not digits, and white space of every kind.
_TRICKY = "a Z 0 9 . , ٣ ² ½ Ⅻ 漢 カ ゛ ・ ー _ - @ + ( [ : w \t \n \r \x0b \x0c \x1c \x85 \xa0 \u2028 \u3000 é ß İ".split(" ")
_TEXTS = st.lists(st.one_of(st.sampled_from(_TRICKY + [" ", "www.", "555-123", "\n1. ", "(12)"]), st.characters()), max_size=40).map("".join)

SAMPLES = [
    "", " ", "It rose 12% to $4.5 million on 3 May.", ".5 and 1,200.50 and 1.2.3", "東京都は12亿元を",
    "x² + ½ = Ⅻ", "a\u3000b\xa0c\u2028d", "Call 555-123-4567 or (555) 123-4567", "1. First\n 2) Then",
]


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_tokenize_is_the_match_by_match_tokenizer(text: str) -> None:
    assert tokenize(text) == slow_tokenize(text)


def find_tokenize(text: str) -> list[Token]:
    """`tokenize` before the seventeenth session: `TOKEN.findall`, each piece's start found by `str.find` after
    the previous token's end (what lies between is white space)."""
    tokens: list[Token] = []
    end = 0
    for piece in TOKEN.findall(text):
        start = text.find(piece, end)
        end = start + len(piece)
        tokens.append(Token(token_kind(piece), piece, start, end))
    return tokens


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_tokenize_is_the_findall_and_find_tokenizer(text: str) -> None:
    assert tokenize(text) == find_tokenize(text)


# ASCII texts take the tokenizer's ASCII pattern (eighteenth session): every ASCII character in play, each white
# space re counts (the separators \x1c to \x1f too), the pieces around a decimal part.
_ASCII_TEXTS = st.lists(
    st.one_of(st.sampled_from(["1.5", ".5", "a.5", "_.5", "1,200", "3.", "x_y", "12ab", " ", "\x1c", "\x1f", "\x0b"]),
              st.characters(max_codepoint=0x7F)),
    max_size=40,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_ASCII_TEXTS)
def test_tokenize_ascii_is_the_match_by_match_tokenizer(text: str) -> None:
    assert tokenize(text) == slow_tokenize(text)


# The masks as one alternation, tried at every position of every text with a hint (the product's pattern before
# the seventeenth session): `masked_spans` must find the same spans trying only the patterns whose literal is there.
ALL_MASKS = re.compile(
    r"""
    (?:https?://|www\.|doi:\s?)\S+                              # web and DOI addresses
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+                 # e-mail addresses
    | (?<![\w+])\+\d[\d ().-]{6,}\d                            # +44 20 7946 0958
    | (?<!\w)\(\d{3}\)\s?\d{3}[ .-]\d{4}(?!\w)                 # (555) 123-4567
    | (?<![\w.-])(?:1[.-])?\d{3}([.-])\d{3}\1\d{4}(?![\w-]|\.\d)  # 555-123-4567, 1-800-555-1234 (a full stop may follow)
    | \[[\d\s,;–\-−]{1,60}\]                                   # citations [12], [3, 4], [5–7]
    | \(\d{1,3}(?:[–-]\d{1,3})?(?:(?:,\s|;\s?|,(?!\d{3}(?!\d)))\d{1,3}(?:[–-]\d{1,3})?)*\)  # citations, equation numbers: (12), (14–17), (3, 4); not (1,200)
    | (?m:^[ \t]*\(?\d{1,2}[.)](?=[ \t]))                      # list numbering "1." "2)"
    """,
    re.X,
)

_MASK_PIECES = [
    "(1) ", "\n(2)\t", "1. ", "\n 12) ", "http://x.org/5", "https://a.b/c?d=1", "www.a.b/1", "doi:10.1/2", "doi: 3",
    "a@b.org", "x.y+z@c.d", "+44 20 7946 0958", "+1 (555) 123-4567", "(555) 123-4567", "555-123-4567",
    "1-800-555-1234", "555.123.4567.", "[12]", "[3, 4]", "[5–7]", "(14–17)", "(3, 4)", "(1,200)", "(12)", "12", "345",
    ".", "-", " ", "\n", "\t", "(", ")", "[", "]", "+", "@", ":", "//", "www", "a", "Z",
]
_MASK_TEXTS = st.lists(st.one_of(st.sampled_from(_MASK_PIECES), st.characters()), max_size=30).map("".join)


def all_masks_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in ALL_MASKS.finditer(text)] if may_hold_masks(text) else []


@settings(max_examples=3000, deadline=None)
@given(_MASK_TEXTS)
def test_masked_spans_are_those_of_all_masks_at_once(text: str) -> None:
    assert masked_spans(text) == all_masks_spans(text)


def test_masked_spans_samples() -> None:
    for piece in _MASK_PIECES:
        for text in (piece, f"see {piece} now", f"{piece}\n{piece}", f"x{piece}7"):
            assert masked_spans(text) == all_masks_spans(text), text
    assert masked_spans("(1) first\n2. second, call 555-123-4567 [3]") == [(0, 3), (10, 12), (26, 38), (39, 42)]


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_mask_hint_is_the_three_tests(text: str) -> None:
    assert may_hold_masks(text) == slow_may_hold_masks(text)


def test_samples() -> None:
    for text in SAMPLES:
        assert tokenize(text) == slow_tokenize(text) == find_tokenize(text), text
        assert may_hold_masks(text) == slow_may_hold_masks(text), text
    assert [t.kind for t in tokenize("x² ² 12 .5")] == ["word", "sym", "num", "num"]
