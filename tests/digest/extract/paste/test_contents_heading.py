"""A contents heading ("Table of Contents", "In this article") marks the candidates below it: contents entries and the
body's first section heading, not the headline (bot/digest/extract/paste/title.py, `below_contents`)."""

from __future__ import annotations

from bot.digest.extract.paste.cleaner import clean_paste
from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.regions import select_lines
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.title import HEADLINE_FEATURES, below_contents, headline_rows

BODY = [
    "Video production is the whole process of making a video, from the first idea to the final cut that viewers see.",
    "It has three stages, and each of them needs its own people, its own tools and its own share of the budget.",
    "Planning is where most projects are won or lost, so this guide spends the most time on what happens before filming.",
    "Filming itself is often the shortest stage, although it is the one that most people picture when they think of video.",
]
PASTE = [
    "Home", "Blog", "Login", "Get Started",
    "Video Production 101: The Ultimate Guide for Beginners",
    "By Jane Doe", "March 3, 2025",
    "Table of Contents",
    "Introduction",
    "What Is Video Production?",
    *BODY,
]


def test_candidates_below_a_contents_heading_are_marked() -> None:
    lines = paste_lines("\n".join(PASTE))
    assert below_contents(lines, [4, 8, 9, 10]) == [0.0, 1.0, 1.0, 1.0]
    # The heading itself and the lines above it are not marked; "Contents" and "In this article" count too.
    assert below_contents(lines, [4, 7]) == [0.0, 0.0]
    for heading in ("Contents", "In this article", "Key takeaways", "Jump to section"):
        other = paste_lines("\n".join([*PASTE[:7], heading, *PASTE[8:]]))
        assert below_contents(other, [4, 9]) == [0.0, 1.0]


def test_a_line_that_only_mentions_contents_is_no_contents_heading() -> None:
    for line in ("The table of contents of this book was written last", "Contents of a good first-aid kit for hikers"):
        lines = paste_lines("\n".join([*PASTE[:7], line, *PASTE[8:]]))
        assert below_contents(lines, [4, 9]) == [0.0, 0.0]
    # No contents heading at all: nothing is marked.
    lines = paste_lines("\n".join(PASTE[:7] + PASTE[8:]))
    assert below_contents(lines, [4, 8, 9]) == [0.0, 0.0, 0.0]


def test_the_headline_rows_carry_the_column_and_the_headline_above_the_contents_wins() -> None:
    lines = paste_lines("\n".join(PASTE))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    keep = select_lines(analysis, model.decode)
    candidates, rows = headline_rows(analysis, keep, model.decode.title_lookback)
    column = dict(zip(candidates, rows[:, HEADLINE_FEATURES.index("below_contents")]))
    assert column[4] == 0.0 and column[9] == 1.0
    assert clean_paste("\n".join(PASTE)).title == "Video Production 101: The Ultimate Guide for Beginners"


def test_the_shipped_chooser_scores_a_line_below_a_contents_heading_lower() -> None:
    from bot.digest.extract.paste.title import load_headline_model

    model = load_headline_model()
    lines = paste_lines("\n".join(PASTE))
    analysis = score_lines(lines, own_features(lines), load_model())
    keep = select_lines(analysis, load_model().decode)
    candidates, rows = headline_rows(analysis, keep, load_model().decode.title_lookback)
    row = rows[candidates.index(9)].copy()
    column = HEADLINE_FEATURES.index("below_contents")
    unmarked = row.copy()
    unmarked[column] = 0.0
    assert model.scores(row[None, :])[0] < model.scores(unmarked[None, :])[0]
