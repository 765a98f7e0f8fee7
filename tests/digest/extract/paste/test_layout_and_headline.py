"""A line's neighbourhood features and the headline's own text: runs of short lines, nearby repeats, echoes, site tails."""

from __future__ import annotations

import numpy as np

from bot.digest.extract.paste.features import STAGE1_NAMES, line_features, split_lines
from bot.digest.extract.paste.title import _echoes, headline_text

PASTE = "\n".join([
    "Home", "News", "Sport", "Weather",
    "Rivers rise across the valley",
    "The river rose two metres overnight and the town's lower streets were closed before dawn.",
    "Residents were told to move cars to higher ground by noon.",
    "Read more", "Read more",
    "Rivers rise across the valley | Valley Times",
])


def _column(rows: np.ndarray, name: str) -> list[float]:
    return rows[:, STAGE1_NAMES.index(name)].tolist()


def test_runs_of_short_lines_and_of_prose_are_counted() -> None:
    rows = line_features(split_lines(PASTE), {})
    short_run = _column(rows, "short_run")
    prose_run = _column(rows, "prose_run")
    assert short_run[:4] == [np.log1p(5)] * 4  # the menu and the headline after it: five short non-sentences
    assert short_run[5] == 0.0 and prose_run[5] == np.log1p(2)
    assert short_run[7] == np.log1p(3)  # "Read more" twice and the closing "headline | site" line


def test_a_line_repeated_nearby_is_marked() -> None:
    rows = line_features(split_lines(PASTE), {})
    assert _column(rows, "repeat_near") == [0.0] * 7 + [1.0, 1.0, 0.0]


def test_a_headline_echoed_in_a_longer_line_is_counted() -> None:
    lines = split_lines(PASTE)
    echoes = _echoes(lines, [4, 5])
    assert echoes == {4: 1, 5: 0}


def test_site_name_after_the_last_separator_is_dropped_from_the_headline() -> None:
    assert headline_text("Rivers rise across the valley | Valley Times") == "Rivers rise across the valley"
    assert headline_text("Best UK Art Exhibitions 2025 – Artlyst") == "Best UK Art Exhibitions 2025"
    assert headline_text("Parser news / Dec 2025") == "Parser news / Dec 2025"  # too short a head
    assert headline_text("Rivers rise - and the town waits for the water to fall") == (
        "Rivers rise - and the town waits for the water to fall"
    )  # a long tail is part of the headline
