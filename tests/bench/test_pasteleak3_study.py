"""bench.pasteleak3_study: the third stage's vocabulary columns read a line's words against the other prose lines
(never the line itself), and the figures split leaking pages into headline-only and body leaks."""

from __future__ import annotations

from bench import pasteleak3_study
from bot.digest.extract.paste.cleaner import CleanedPaste
from bot.digest.extract.paste.features import own_features, split_lines
from bot.digest.extract.paste.scoring import Analysis

PROSE = "The committee reviewed the school budget on Tuesday and agreed that teachers should receive higher salaries next year."
LINES = [PROSE, "Committee budget salaries", "Subscribe today", "Menu", PROSE.replace("Tuesday", "Friday")]


def _analysis(probs: list[float]) -> Analysis:
    lines = split_lines("\n".join(LINES))
    return Analysis(lines, own_features(lines), probs)


def test_vocabulary_shares_count_other_prose_lines_only() -> None:
    rows = pasteleak3_study.vocabulary_rows(_analysis([0.9, 0.5, 0.5, 0.5, 0.9]), prose_prob=0.5)
    assert rows[1][1] == 1.0  # every long word of the heading stands in a prose line
    assert rows[2][1] == 0.0  # neither "Subscribe" nor "today" in a prose line
    assert rows[3][3] == 1.0 and rows[3][1] == 0.0  # "Menu": no word of 5+ letters
    # Each prose line is read against the other one only: "Tuesday" is its own, the rest shared.
    assert 0.8 < rows[0][1] < 1.0 and rows[0][2] == 0.0


def test_a_low_scoring_prose_line_is_not_the_article_vocabulary() -> None:
    rows = pasteleak3_study.vocabulary_rows(_analysis([0.9, 0.5, 0.5, 0.5, 0.1]), prose_prob=0.5)
    assert rows[0][1] == 0.0 and rows[1][1] == 1.0


def test_figures_tell_headline_leaks_from_body_leaks() -> None:
    pages = [
        {"id": "a", "truth": PROSE, "without": ["Fact Checked"]},
        {"id": "b", "truth": PROSE, "without": ["Subscribe today"]},
        {"id": "c", "truth": PROSE, "without": ["Share now"]},
    ]
    outputs = [CleanedPaste("Fact Checked", PROSE), CleanedPaste("", PROSE + "\n\nSubscribe today"), CleanedPaste("", PROSE)]
    found = pasteleak3_study.figures(pages, outputs)
    assert found["leaking"] == ["a", "b"] and found["body_leaking"] == ["b"]
    assert found["body_f1"] < 1.0 and 0.0 < found["f1"] < found["body_f1"] + 0.01
