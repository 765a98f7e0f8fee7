"""Lines longer than pysbd is handed whole (sixteenth session, bench/hostile.py): windows of bounded size, pieces
ending in a comma joined as before, and the work in proportion to the line."""

from __future__ import annotations

import random
import re

import pytest

from bot.digest.segment import sentence_splitter
from bot.digest.segment.sentence_splitter import (
    PYSBD_WHOLE_CHARS,
    PYSBD_WINDOW_CHARS,
    _ends_mid_sentence,
    pysbd_split_line,
    pysbd_windows,
    split_line,
)

WORDS = ("council", "budget", "canal", "plan", "summer", "critics", "Bridge", "e.g.", "a)", "b)", "c)", "1.", "2.")


def _line(characters: int, seed: int) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < characters:
        words.append(rng.choice(WORDS) + rng.choice(("", "", "", ".", ",", "!")))
    return " ".join(words)


def test_a_line_pysbd_takes_whole_is_split_as_stock_pysbd() -> None:
    line = _line(PYSBD_WHOLE_CHARS - 200, seed=1)
    assert pysbd_windows(line) == [line]
    assert split_line(line) == pysbd_split_line(line, "en")


@pytest.mark.parametrize("seed", range(5))
def test_windows_cover_a_long_line_in_order_and_in_bounds(seed: int) -> None:
    line = _line(30_000, seed)
    windows = pysbd_windows(line)
    assert "".join(windows) == line
    assert len(windows) > 20
    assert all(len(window) <= PYSBD_WINDOW_CHARS + 20 for window in windows)
    # every window but the last ends after a stop and a space where its second half had one
    assert sum(window.rstrip()[-1] in ".!" for window in windows[:-1]) >= len(windows) // 2


def test_a_long_line_without_spaces_is_one_window() -> None:
    line = "x" * (PYSBD_WHOLE_CHARS * 3) + "."
    assert pysbd_windows(line) == [line]


def test_sentences_of_a_long_line_are_its_text_in_order() -> None:
    line = _line(20_000, seed=7)
    sentences = split_line(line)
    position = 0
    for sentence in sentences:
        position = line.index(sentence, position) + len(sentence)
    assert len(sentences) > 100


def test_a_long_list_line_is_handed_to_pysbd_in_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """pysbd's list step makes a pass over the whole line per item: "a) ... b) ..." on 43,000 characters took 11 s.
    Handed over in windows, no call sees more than a window."""
    seen: list[int] = []
    original = sentence_splitter._segment

    def recorded(line: str, code: str, segmenter: object) -> list[str]:
        seen.append(len(line))
        return original(line, code, segmenter)  # type: ignore[arg-type]

    monkeypatch.setattr(sentence_splitter, "_segment", recorded)
    line = " ".join(f"{chr(97 + i % 26)}) council budget plan" for i in range(2_000))
    sentences = split_line(line)
    assert sentences and max(seen) <= PYSBD_WINDOW_CHARS + 20 and len(seen) >= len(line) // PYSBD_WINDOW_CHARS


@pytest.mark.parametrize("piece", ["a,", "a, ", "a،\t", "a:", "a: \n", "a", "", " ", ",", "a,b", "a;", "x :  ", "\u00a0,\u00a0"])
@pytest.mark.parametrize("code", ["en", "ar", "hy"])
def test_ends_mid_sentence_is_the_patterns(piece: str, code: str) -> None:
    # the patterns it replaced (searched over a copy of each piece; str.isspace is re's \s)
    comma_end, colon_end = re.compile(r"[,،]\s*$"), re.compile(r":\s*$")
    line = "Start. " + piece + " tail"
    start, end = 7, 7 + len(piece)
    expected = bool(comma_end.search(piece) or (code != "hy" and colon_end.search(piece)))
    assert _ends_mid_sentence(line, start, end, code) == expected


def test_arabic_comma_pieces_are_joined_into_one_sentence() -> None:
    """Pieces ending in an Arabic comma are joined on (the ends read from the line, `_ends_mid_sentence`)."""
    line = "، ".join("وافق المجلس" for _ in range(300)) + "."
    assert split_line(line, "ar") == [line]
