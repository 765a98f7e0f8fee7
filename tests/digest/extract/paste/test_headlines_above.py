"""The headline is the first prominent line under the menus (`headlines_above`), and a chosen line that is no
headline by its own text and that the chooser barely believes gives no title (`pick_headline`, NO_TITLE_PROB)
(bot/digest/extract/paste/title.py)."""

from __future__ import annotations

import math

import numpy as np

from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import (
    HEADLINE_FEATURES, NO_TITLE_PROB, HeadlineModel, _HeadlineLike, headline_rows, headlines_above, load_headline_model,
    pick_headline,
)

BODY = [
    "Video production is the whole process of making a video, from the first idea to the final cut that viewers see.",
    "It has three stages, and each of them needs its own people, its own tools and its own share of the budget.",
    "Planning is where most projects are won or lost, so this guide spends the most time on what happens before filming.",
    "Filming itself is often the shortest stage, although it is the one that most people picture when they think of video.",
]
PASTE = [
    "Home", "Blog", "Login",
    "Video Production for Beginners and Professionals",  # 3
    "A Complete Guide to Making Your First Video",  # 4: a dek, headline-like too
    "By Jane Doe",
    "What Is Video Production?",  # 6: the body's first section heading
    *BODY,
]


def _rows(text: str):  # type: ignore[no-untyped-def]
    lines = paste_lines(text)
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    keep = body_lines(analysis, model.decode)
    return analysis, keep, *headline_rows(analysis, keep, model.decode.title_lookback)


def test_headlines_above_counts_the_headline_like_lines_from_the_first_candidate() -> None:
    lines = paste_lines("\n".join(PASTE))
    like = _HeadlineLike(lines, own_features(lines))
    # Menu words are no headline-like lines; the headline, then the dek, then the byline (not headline-like).
    assert headlines_above([0, 3, 4, 5, 6], like) == [0.0, 0.0, math.log1p(1), math.log1p(2), math.log1p(2)]
    assert headlines_above([4, 6], like) == [0.0, math.log1p(1)]


def test_the_rows_carry_the_column() -> None:
    analysis, keep, candidates, rows = _rows("\n".join(PASTE))
    column = dict(zip(candidates, rows[:, HEADLINE_FEATURES.index("headlines_above")]))
    assert column[3] == 0.0 < column[4] < column[6]


def test_the_shipped_chooser_scores_a_line_with_headlines_above_it_lower() -> None:
    _, _, candidates, rows = _rows("\n".join(PASTE))
    row = rows[candidates.index(4)].copy()
    first = row.copy()
    first[HEADLINE_FEATURES.index("headlines_above")] = 0.0
    model = load_headline_model()
    assert model.scores(row[None, :])[0] < model.scores(first[None, :])[0]


def _pick_with_bias(analysis, keep, candidates, rows, bias: float) -> int | None:  # type: ignore[no-untyped-def]
    """The chooser with every weight zero but the headline_like column's: the headline-like lines score `bias`
    + 1, the others `bias`."""
    weights = np.zeros(len(HEADLINE_FEATURES))
    weights[HEADLINE_FEATURES.index("headline_like")] = 1.0
    model = HeadlineModel(np.zeros(len(HEADLINE_FEATURES)), np.ones(len(HEADLINE_FEATURES)), weights, bias, 0.0)
    return pick_headline(analysis, keep, candidates, rows, model)


def test_an_unlikely_menu_label_gives_no_title() -> None:
    text = "\n".join(["Skip to main content", "PERFORMANCE", *BODY])
    analysis, keep, candidates, rows = _rows(text)
    like = rows[:, HEADLINE_FEATURES.index("headline_like")]
    assert candidates and not like.any()  # no candidate is headline-like
    unsure = math.log(NO_TITLE_PROB / 2)  # a logit well below the floor
    assert _pick_with_bias(analysis, keep, candidates, rows, unsure) is None
    # Believed enough, the best line is taken even so (the floor is for lines the chooser barely believes).
    assert _pick_with_bias(analysis, keep, candidates, rows, 0.0) is not None


def test_an_unlikely_headline_like_line_is_still_the_title() -> None:
    analysis, keep, candidates, rows = _rows("\n".join(PASTE))
    unsure = math.log(NO_TITLE_PROB / 10)
    chosen = _pick_with_bias(analysis, keep, candidates, rows, unsure)  # headline-like lines: below the floor too
    assert chosen is not None and rows[candidates.index(chosen)][HEADLINE_FEATURES.index("headline_like")] == 1.0
