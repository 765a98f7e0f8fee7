"""bench.pasteleak10_study: the second passes drop what they describe and nothing else; figures by half and site
fold; why a leaking line was kept (neighbours, stage-2 push)."""

from __future__ import annotations

from bench import pasteleak10_study as study
from bench.pastes import Cleaned
from bot.digest.extract.paste.features import own_features, split_lines
from bot.digest.extract.paste.model import STAGE2_NAMES, load_model
from bot.digest.extract.paste.scoring import Analysis, score_lines

PROSE = "The county opened its third public library branch on Saturday, five years after voters approved the bond."
PROSE2 = "The building holds about forty thousand books and a maker space with two printers for local groups."


def analysis_of(texts: list[str]) -> Analysis:
    lines = split_lines("\n".join(texts))
    return Analysis(lines, own_features(lines), [0.5] * len(lines))


def test_repeated_pass_drops_short_copies_but_not_the_headline_or_sentences() -> None:
    texts = ["Town opens its library", PROSE, "THE CREATIVE CURE", PROSE2, "THE CREATIVE CURE", "Town opens its library", PROSE + " Again."]
    analysis = analysis_of(texts)
    keep = [False, True, True, True, True, True, True]
    out = study.repeated_pass(4, kept_only=True)({}, analysis, 0, keep)
    assert out == [False, True, False, True, False, True, True]  # the headline's copy stays
    # Only one copy kept: with kept_only the other (unkept) copy does not count.
    keep = [False, True, True, True, False, False, True]
    assert study.repeated_pass(4, kept_only=True)({}, analysis, None, keep) == keep
    assert study.repeated_pass(4, kept_only=False)({}, analysis, None, keep)[2] is False
    assert study.repeated_pass(2, kept_only=False)({}, analysis, None, keep) == keep  # three words > 2


def test_snippet_shape_pass_reads_other_sites_only() -> None:
    call = "Sign up for our weekly newsletter today"
    pages = [
        {"url": f"https://www.site{i}.com/a", "truth": PROSE, "without": [call]} for i in range(3)
    ]
    analysis = analysis_of([PROSE, call])
    shape = study.snippet_shape_pass(pages, min_sites=2, share=0.5)
    assert shape(pages[0], analysis, None, [True, True]) == [True, False]  # two other sites show it
    lonely = study.snippet_shape_pass(pages[:2], min_sites=2, share=0.5)
    assert lonely(pages[0], analysis, None, [True, True]) == [True, True]  # only one other site


def test_short_run_pass_drops_labels_between_prose_not_headings() -> None:
    texts = [PROSE, "THE CREATIVE CURE", "BEYOND THE LABEL", PROSE2, "Why it matters", PROSE, "Services include:", "Design", PROSE2]
    analysis = analysis_of(texts)
    keep = [True] * len(texts)
    out = study.short_run_pass(6, 3, 12)({}, analysis, None, keep)
    # the two-label run goes, a lone heading stays; a run is judged by its last line, so a list under
    # "Services include:" whose last item ends no ":" goes too (the rule's known cost).
    assert out == [True, False, False, True, True, True, False, False, True]
    assert study.short_run_pass(6, 1, 12)({}, analysis, None, keep)[1:3] == [True, True]  # run longer than allowed


def test_neighbours_and_site() -> None:
    analysis = analysis_of([PROSE, "Blog.", PROSE2, "Menu"])
    assert study.neighbours(analysis, 1) == "between prose"
    assert study.neighbours(analysis, 3) == "prose above"
    assert study.site_of("https://www.Example.com/x") == "example.com"


def test_stage2_push_names_columns() -> None:
    lines = split_lines("\n".join(["Home", "Town opens its library", PROSE, PROSE2, "Privacy Policy"]))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    push = study.stage2_push(analysis, model, 2, top=3)
    assert len(push) == 3 and all(name in STAGE2_NAMES for name, _ in push)
    assert push[0][1] >= push[1][1] >= push[2][1]
    assert 0.0 < study.stage1_prob(analysis, model, 2) < 1.0


def test_group_figures_by_half_and_fold() -> None:
    pages = [{"url": "https://a.com/1", "truth": PROSE, "without": ["Privacy Policy"]},
             {"url": "https://b.com/1", "truth": PROSE2, "without": ["Privacy Policy"]}]
    outputs = [Cleaned("", PROSE), Cleaned("", PROSE2 + "\n\nPrivacy Policy")]
    figures = study.group_figures(pages, [0, 1], outputs)
    assert figures["half0"] == (1.0, 0)
    assert figures["half1"][1] == 1 and figures["half1"][0] < 1.0
    assert figures["all"][1] == 1
    assert sum(n for g, (_, n) in figures.items() if g.startswith("fold")) == 1
    assert study.moved(pages, outputs, [Cleaned("", PROSE), Cleaned("", PROSE2)]) == (1, 0)


def test_site_name_flags_read_the_copyright_line() -> None:
    texts = ["At Glossier, we make products.", PROSE, "© 2025 Glossier Inc. All rights reserved."]
    assert study.site_name_flags(texts) == [1.0, 0.0, 1.0]
    assert study.site_name_flags(["Copyright 2024 Tech World With Milan", "Tech World With Milan Newsletter"]) == [1.0, 1.0]
    assert study.site_name_flags([PROSE, "All rights reserved."]) == [0.0, 0.0]  # no name given
