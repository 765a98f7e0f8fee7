"""The first/last-character gates of the line patterns (twelfth session): a line the gate skips cannot match."""

from __future__ import annotations

import itertools

from bot.digest.extract.paste import features as f
from bot.digest.extract.paste.wraps import BULLET_START

# What may follow a first character (or precede a last one): the patterns' own words and stops, spaces, digits.
_PIECES = ["", " ", "y ", "y\t", "by ", "on ", "ar ", "or ", "i ", "oor ", "v ", "f ", "mage", "hoto", ") ", ". ", "1. ", "ource",
           "etty", "euters", "p photo", "llustration", "ild ", "redit", "aption", "oto ", "\u00a0", "“", "”", "’", ".”", ")", "]"]


def _texts(char: str, at_end: bool) -> list[str]:
    tails = ["".join(p) for p in itertools.product(_PIECES, repeat=2)]
    return [tail + char for tail in tails] if at_end else [char + tail for tail in tails]


def test_skipped_first_characters_start_no_match() -> None:
    for skip, test in ((f._BULLET_CANNOT_START, BULLET_START.match), (f._BYLINE_CANNOT_START, f.BYLINE.match), (f._CAPTION_CANNOT_START, f.CAPTION.match)):
        assert all(test(text) is None for char in skip - {""} for text in _texts(char, at_end=False))
        assert test("") is None  # "" stands for the empty line
        kept = f._ASCII - skip
        assert kept and all(any(test(text) for text in _texts(char, at_end=False)) for char in kept)  # the gate is not too wide


def test_skipped_last_characters_end_no_sentence() -> None:
    # The gate sees right-stripped lines: a last character is never white space (before a final "\n", $ matches).
    ends = [char for char in f._SENTENCE_CANNOT_END if char.strip()]
    assert all(f.SENTENCE_END.search(text[-8:]) is None for char in ends for text in _texts(char, at_end=True))
    assert f.SENTENCE_END.search("") is None
    assert all(f.SENTENCE_END.search("Done." + char) for char in f._ASCII - f._SENTENCE_CANNOT_END)


def test_flags_where_runs_the_test_on_the_rest() -> None:
    texts = ["- item", "By Jane", "Home", "", "• dot", "2) two"]
    firsts = [t[:1] for t in texts]
    assert f._flags_where(BULLET_START.match, texts, f._BULLET_CANNOT_START, firsts) == [1.0, 0.0, 0.0, 0.0, 1.0, 1.0]
