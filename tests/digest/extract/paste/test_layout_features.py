"""A line's neighbourhood features, its reader-address share, and closing calls to action at the article's end."""

from __future__ import annotations

import numpy as np

from bot.digest.extract.paste.features import READER_ADDRESS, STAGE1_NAMES, line_features, own_features, split_lines
from bot.digest.extract.paste.promo import drop_closing_calls

PASTE = "\n".join([
    "Home", "News", "Sport", "Weather",
    "Rivers rise across the valley",
    "The river rose two metres overnight and the town's lower streets were closed before dawn.",
    "Residents were told to move cars to higher ground by noon.",
    "Read more", "Read more",
    "Rivers rise across the valley | Valley Times",
])

ARTICLE = " ".join(["The council said the levees along the river held through the night and the water began to fall."] * 2)


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


def test_reader_address_is_the_share_of_words_speaking_to_the_reader() -> None:
    own = own_features(split_lines("We can improve your MBA profile\nThe river rose two metres overnight"))
    assert own[0][READER_ADDRESS] == 2 / 6
    assert own[1][READER_ADDRESS] == 0.0


def test_a_call_to_action_closing_the_article_is_dropped_and_the_article_stays() -> None:
    lines = split_lines("\n".join([ARTICLE] * 12 + ["Discuss your project with us today"]))
    kept = drop_closing_calls(own_features(lines), [True] * len(lines))
    assert kept == [True] * 12 + [False]


def test_the_same_line_inside_the_article_or_as_the_whole_article_stays() -> None:
    lines = split_lines("\n".join(["Discuss your project with us today", *[ARTICLE] * 12]))
    assert drop_closing_calls(own_features(lines), [True] * len(lines)) == [True] * 13
    alone = split_lines("We can improve your profile and boost your candidacy, and we will.")
    assert drop_closing_calls(own_features(alone), [True]) == [True]
