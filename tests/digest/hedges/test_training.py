"""The scorer's training on small data of our own, and (when present) the public benchmark data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.train_hedges import LabelledSentence, bucket, load_lexicon_groups, split, train_register_gate, train_scorer
from bot.digest.hedges.hedge_marker import HedgeMarker

from tests.conftest import SHARED_DATA  # noqa: E402

DATA = SHARED_DATA


def _toy_sentences() -> list[LabelledSentence]:
    """'Zorbly' makes a sentence uncertain; everything else is noise the scorer must learn to ignore."""
    subjects = ["The river", "A committee", "Our museum", "That league", "The factory", "His band", "The port"]
    verbs = ["opened", "closed", "grew", "moved", "changed", "ended", "won"]
    items = []
    for i, subject in enumerate(subjects):
        for j, verb in enumerate(verbs):
            for k, tail in enumerate(["in 1990.", "last year.", "twice.", "in the north."]):
                uncertain = (i + j + k) % 3 == 0
                middle = " zorbly" if uncertain else ""
                text = f"{subject}{middle} {verb} {tail}"
                items.append(LabelledSentence(text, uncertain, f"{text}#{i}{j}{k}"))
    return items


def test_split_is_deterministic_and_about_80_20() -> None:
    items = _toy_sentences()
    train_a, test_a = split(items)
    train_b, test_b = split(list(reversed(items)))
    assert {i.item_id for i in train_a} == {i.item_id for i in train_b}
    assert not {i.item_id for i in train_a} & {i.item_id for i in test_a}
    assert 0.65 < len(train_a) / len(items) < 0.95
    assert bucket("same") == bucket("same") and 0 <= bucket("x") < 100


def test_train_scorer_learns_the_cue_word() -> None:
    train, test = split(_toy_sentences())
    scorer = train_scorer({"toy": train}, "toy", {}, l2_grid=(1.0,))
    assert scorer.weights["w:zorbly"] > 1.0
    marker = HedgeMarker(scorer)
    assert all(marker.uncertain(item.text) == item.uncertain for item in test)
    assert scorer.info["cv_f1"] > 0.9


def test_register_gate_learns_the_register_words() -> None:
    general = [LabelledSentence(f"The {w} team won the cup in {y}.", False, f"g{w}{y}") for w in ("home", "away", "city") for y in range(1990, 2010)]
    scientific = [LabelledSentence(f"The {w} protein binds cell receptors {y}.", False, f"s{w}{y}") for w in ("p53", "kinase", "membrane") for y in range(1990, 2010)]
    gate = train_register_gate(general, scientific)
    assert gate.is_scientific("A protein in the cell.") and not gate.is_scientific("The team won.")
    assert gate.info["cv_balanced_accuracy"] > 0.95


def test_lexicon_groups_are_read_by_heading(tmp_path: Path) -> None:
    (tmp_path / "hedge_words.txt").write_text("#Epistemic Verbs\nsuggest\nSeem\n\n#Modal Verbs\nmay\n", encoding="utf-8")
    groups = load_lexicon_groups(tmp_path)
    assert groups == {"hedge_words/epistemic-verbs": ("suggest", "seem"), "hedge_words/modal-verbs": ("may",)}


@pytest.mark.skipif(not (DATA / "hedges").exists(), reason="public benchmark data not available")
def test_shipped_model_on_the_wikiweasel_test_split() -> None:
    from bench.hedges import any_word_baseline
    from bench.metrics import binary_f1
    from bench.train_hedges import load_wikiweasel
    from bot.digest.hedges.hedge_model import load_hedge_model

    _, test = split(load_wikiweasel(DATA / "hedges" / "wikiweasel-train.csv.gz"))
    gold = [item.uncertain for item in test]
    ours = binary_f1(gold, [HedgeMarker(load_hedge_model()).uncertain(i.text) for i in test])
    any_word = any_word_baseline(DATA / "hedges" / "lexicon" / "hedge_words.txt")
    baseline = binary_f1(gold, [any_word(i.text) for i in test])
    assert ours.f1 > baseline.f1 + 0.05
    assert ours.f1 > 0.55
