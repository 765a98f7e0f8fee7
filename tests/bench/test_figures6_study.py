"""The fifteenth session's chrome study: where a figure's sentence stands against the summary, and a demotion of
imperative openings cross-validated over site folds."""

from __future__ import annotations

from bench import figures_study as fs
from bench.figures6_study import choose_demoting, opening_verb, sentence_traits, site_fold_cv, summary_distance


def _read(texts: list[str], summary: list[int]) -> fs.Read:
    digest = {"text": "\n\n".join(texts), "title": "", "language": "en", "summary": [{"index": i} for i in summary]}
    return fs.read("page", digest)


def test_summary_distance_counts_sentences_outside_the_summary() -> None:
    item = _read([f"Sentence {i} holds {i + 10} apples." for i in range(8)], summary=[2, 4])
    assert [summary_distance(item, i) for i in range(8)] == [2, 1, 0, 0, 0, 1, 2, 3]
    assert summary_distance(_read(["Officials counted 224 people."], summary=[]), 0) == 0


def test_sentence_traits_name_the_voice_and_the_place() -> None:
    item = _read(["Officials counted 224 people at the border.", "Use our tool to compare 3 movers in one minute."], summary=[0])
    first, second = item.found[0], [c for c in item.found if c.figure.sentence == 1][0]
    assert not sentence_traits(item, first)["an imperative opening"]
    traits = sentence_traits(item, second)
    assert traits["an imperative opening"] and traits["we/our/us"] and traits["after the summary's last sentence"]


def test_opening_verb_reads_an_imperative_at_the_start_only() -> None:
    assert opening_verb("Compare the three big cloud providers.") == "compare"
    assert opening_verb("- Use our Find-a-Mover tool in under one minute!") == "use"
    assert opening_verb("Users compared the three providers.") is None


def test_a_demoted_sentence_gives_its_place_to_the_next_candidate() -> None:
    texts = [f"Officials counted {n} people in town number {i}." for i, n in enumerate((110, 220, 330, 440, 550, 660, 770))]
    item = _read(["Use our tool to compare 3 movers in one minute."] + texts, summary=[])
    shipped = {f.value for f in fs.shipped(item)}
    demoted = {f.value for f in choose_demoting(item, lambda text: opening_verb(text) is not None)}
    assert 3 in shipped and 3 not in demoted and len(demoted) == 6
    assert {f.value for f in choose_demoting(item, lambda text: False)} == shipped


def test_site_fold_cv_reads_each_fold_with_verbs_chosen_on_the_others() -> None:
    effects = {
        "use": [("wcxb", 0, -1, "a"), ("wcxb", 1, -1, "b")],  # lowers chrome on two folds: holds on each
        "see": [("wcxb", 2, -1, "c")],  # one page: chosen only where it is not read
        "meet": [("wcxb", 3, -1, "d"), ("bbc", 1, -1, "bbc-1")],  # costs a key number: never chosen
    }
    rows = {k: (verbs, change) for k, verbs, change in site_fold_cv(effects, folds=4)}
    assert rows[0] == (["see", "use"], -1)
    assert rows[2] == (["use"], 0)
    assert rows[3] == (["see", "use"], 0)
