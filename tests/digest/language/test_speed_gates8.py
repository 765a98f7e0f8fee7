"""The language stage's speed gates (eighteenth session) against langdetect's own steps, which they skip or replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

from bot.digest.language.fast_langdetect import _VIETNAMESE_MARKS, FastDetector, may_hold_vietnamese_mark
from bot.digest.language.profile_table import profile_table

# Pieces that reach each of langdetect's three substitutions, and near misses.
PIECES = [
    "https://example.com/a?b=c", "http://x.org", "HTTPS://X.ORG", "http:/x", "://", "ftp://host",
    "a@b.org", "first.last@mail.example.com", "@handle", "x@", "@@", "me @ home",
    "Hà Nội", "ca\u0300", "A\u0301", "o\u0303", "\u01b0\u0309", "y\u0323", "\u0300", "e\u0302",  # U+0302 is not one
    "plain words", "Ünïcödé", "“quoted”", " ", "  ", "   x  ", "\n", "ſ", "K",
]


def _reference_text(text: str) -> str:
    """What langdetect's own `Detector.append` keeps of `text` (its three substitutions always run)."""
    reference = Detector.__new__(Detector)
    reference.text = ""
    reference.max_text_length = FastDetector(profile_table()).max_text_length
    Detector.append(reference, text)
    return reference.text  # type: ignore[no-any-return]


def _fast_text(text: str) -> str:
    detector = FastDetector(profile_table())
    detector.append(text)
    return detector.text  # type: ignore[no-any-return]


def test_vietnamese_marks_are_those_of_langdetects_pattern() -> None:
    """The marks listed are exactly the second class of `NGram.ALPHABET_WITH_DMARK`, which every match ends in."""
    classes = re.findall(r"\[([^\]]*)\]", NGram.ALPHABET_WITH_DMARK.pattern)
    assert sorted(_VIETNAMESE_MARKS) == sorted(classes[-1])


def test_every_vietnamese_mark_opens_the_gate() -> None:
    for mark in _VIETNAMESE_MARKS:
        assert may_hold_vietnamese_mark("a" + mark)
    assert not may_hold_vietnamese_mark("plain ascii text")
    assert not may_hold_vietnamese_mark("Ünïcödé without a combining mark")


def test_append_keeps_what_langdetect_keeps_on_the_pieces() -> None:
    for first in PIECES:
        for second in PIECES:
            text = f"{first} {second}x{first}"
            assert _fast_text(text) == _reference_text(text), repr(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=8).map("".join))
def test_append_keeps_what_langdetect_keeps(text: str) -> None:
    assert _fast_text(text) == _reference_text(text)
