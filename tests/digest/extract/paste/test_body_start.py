"""The body's start: a block of menu entries the Viterbi pass kept on its own, far above the article and scoring
below it, is not the article's start; a lede split from the body by a table of contents stays."""

from __future__ import annotations

from bot.digest.extract.paste.cleaner import decode_keep, decode_lines
from bot.digest.extract.paste.features import own_features, split_lines
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import analyse
from bot.digest.extract.paste.start import (
    DETACHED_GAP, DETACHED_LINE_WORDS, DETACHED_MARGIN, DETACHED_SHARE, MENU_REGIONS, body_lines, drop_detached_start, regions,
    skip_leading_run,
)

MENU = [
    "Classroom Scheduling >",
    "Automate campus scheduling for classes and exams.",
    "Lease Accounting >",
    "Streamline lease accounting for every standard.",
    "Energy Management >",
    "Make cost-efficient energy decisions.",
]
FILLER = [f"Menu item {i}" for i in range(12)]
PARAGRAPH = (
    "The committee met on Tuesday to review the budget for the coming year, and its members agreed that the school "
    "should spend more on teachers and less on new buildings, which had taken most of the money in the last decade."
)
ARTICLE = [PARAGRAPH] * 8
LEDE = [PARAGRAPH[:150] + ".", PARAGRAPH[150:]]


# A mega-menu glued by the browser: each entry's name runs into its blurb, and no entry ends a sentence.
GLUED_MENU = [
    "HR ConsultingStep into the role of a trusted strategic advisor",
    "People AnalyticsDevelop a full analytics skill set to lead with data",
    "Learning & DevelopmentDesign targeted programs that deliver strategic value",
    "Digital HRStrategically use data to enhance business impact",
]


def _decide(lines: list[str], keep: list[bool], probs: list[float], menus: bool = False) -> list[bool]:
    features = own_features(split_lines("\n".join(lines)))
    assert len(features) == len(lines)
    return drop_detached_start(features, probs, keep, DETACHED_GAP or 10, DETACHED_SHARE, DETACHED_MARGIN, DETACHED_LINE_WORDS, menus)


def _layout(block: list[str], block_prob: float, gap: list[str]) -> tuple[list[str], list[bool], list[float]]:
    lines = block + gap + ARTICLE
    keep = [True] * len(block) + [False] * len(gap) + [True] * len(ARTICLE)
    probs = [block_prob] * len(block) + [0.05] * len(gap) + [0.95] * len(ARTICLE)
    return lines, keep, probs


def test_regions() -> None:
    assert regions([False, True, True, False, True]) == [(1, 3), (4, 5)]
    assert regions([]) == []


def test_a_detached_menu_block_above_the_article_is_dropped() -> None:
    lines, keep, probs = _layout(MENU, 0.65, FILLER)
    decided = _decide(lines, keep, probs)
    assert not any(decided[: len(MENU)])
    assert decided[len(MENU) + len(FILLER) :] == [True] * len(ARTICLE)


def test_a_lede_of_long_paragraphs_stays() -> None:
    lines, keep, probs = _layout(LEDE, 0.5, FILLER)
    assert _decide(lines, keep, probs) == keep


def test_a_block_close_to_the_article_stays() -> None:
    lines, keep, probs = _layout(MENU, 0.65, FILLER[:3])
    assert _decide(lines, keep, probs) == keep


def test_a_block_scoring_like_the_article_stays() -> None:
    lines, keep, probs = _layout(MENU, 0.9, FILLER)
    assert _decide(lines, keep, probs) == keep


def test_a_menu_region_with_no_sentence_is_dropped_even_close_and_scoring_like_the_article() -> None:
    assert MENU_REGIONS
    lines, keep, probs = _layout(GLUED_MENU, 0.9, FILLER[:2])
    assert _decide(lines, keep, probs) == keep  # the detached-block tests alone keep it: close, scores high
    decided = _decide(lines, keep, probs, menus=True)
    assert not any(decided[: len(GLUED_MENU)])
    assert decided[len(GLUED_MENU) + 2 :] == [True] * len(ARTICLE)


def test_a_close_region_with_one_sentence_or_long_lines_stays() -> None:
    with_sentence = [*GLUED_MENU[:3], "Read how our members use it."]
    lines, keep, probs = _layout(with_sentence, 0.9, FILLER[:2])
    assert _decide(lines, keep, probs, menus=True) == keep
    lines, keep, probs = _layout([PARAGRAPH.rstrip(".")] * 2, 0.9, FILLER[:2])  # a lede without its full stops
    assert _decide(lines, keep, probs, menus=True) == keep


def test_the_main_region_and_what_follows_it_are_never_dropped() -> None:
    lines = ARTICLE + FILLER + MENU
    keep = [True] * len(ARTICLE) + [False] * len(FILLER) + [True] * len(MENU)
    probs = [0.95] * len(ARTICLE) + [0.05] * len(FILLER) + [0.65] * len(MENU)
    assert _decide(lines, keep, probs) == keep
    lines = ARTICLE + FILLER[:2] + GLUED_MENU
    keep = [True] * len(ARTICLE) + [False] * 2 + [True] * len(GLUED_MENU)
    assert _decide(lines, keep, [0.9] * len(lines), menus=True) == keep


def test_decode_lines_prints_what_decode_keep_keeps() -> None:
    model = load_model()
    text = "\n".join(["Home", "News", "Sport", "School budget moves money to teachers", *ARTICLE[:4], "Share", "© 2026 Example"])
    analysis = analyse(text, model)
    title_index, keep = decode_keep(analysis, model)
    cleaned = decode_lines(analysis, model)
    assert cleaned.body == "\n\n".join(line.text for line, k in zip(analysis.lines, keep) if k)
    assert title_index is None or not keep[title_index]


def test_the_first_region_starts_at_its_first_prose_line() -> None:
    lines = ["Home", "Health", "Food & Nutrition", "The 7 Biggest Diet Trends in 2025", *ARTICLE[:3], "Menu", PARAGRAPH]
    features = own_features(split_lines("\n".join(lines)))
    keep = [False, True, True, True, True, True, True, False, True]
    assert skip_leading_run(features, keep, 1) == [False, False, False, False, True, True, True, False, True]
    assert skip_leading_run(features, keep, 4) == keep  # a run of 3 is shorter than asked
    only_menu = [True, True, True, False, False, False, False, False, False]
    assert skip_leading_run(features, only_menu, 1) == only_menu  # no prose follows: nothing to start at


def test_the_headline_chooser_sees_the_headline_above_a_trimmed_start() -> None:
    model = load_model()
    text = "\n".join(["Home", "Health", "Food & Nutrition", "Wellness", "Fitness", "Health News", "What to Buy",
                      "School Budget Moves Money to Teachers", *ARTICLE[:4], "Share", "© 2026 Example"])
    analysis = analyse(text, model)
    keep = body_lines(analysis, model.decode)
    first = keep.index(True)
    assert analysis.lines[first].text == PARAGRAPH
