"""The figure stage's tokenizer and mask hint give what their plain references give (speed-ups, same output)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures.tokens import TOKEN, Token, may_hold_masks, slow_may_hold_masks, slow_tokenize, tokenize

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
        first = piece[0]
        if first.isdecimal() or (first == "." and len(piece) > 1):
            kind = "num"
        elif first.isalpha():
            kind = "word"
        else:
            kind = "sym"
        tokens.append(Token(kind, piece, start, end))
    return tokens


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_tokenize_is_the_findall_and_find_tokenizer(text: str) -> None:
    assert tokenize(text) == find_tokenize(text)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_mask_hint_is_the_three_tests(text: str) -> None:
    assert may_hold_masks(text) == slow_may_hold_masks(text)


def test_samples() -> None:
    for text in SAMPLES:
        assert tokenize(text) == slow_tokenize(text) == find_tokenize(text), text
        assert may_hold_masks(text) == slow_may_hold_masks(text), text
    assert [t.kind for t in tokenize("x² ² 12 .5")] == ["word", "sym", "num", "num"]
