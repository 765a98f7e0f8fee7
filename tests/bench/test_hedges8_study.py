"""The seventeenth session's hedge study: the cue families partition sentences as documented, the loss table counts
what it says, the per-family offsets are chosen without the held fold's labels (toy data, no shared data needed)."""

from __future__ import annotations

import numpy as np
import pytest

from bench.hedges8_study import (FAMILY_NAMES, NO_FAMILY, choose_offsets, cue_family, fast_f1, loss_rows,
                                 nested_offsets)


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("Critics say the bridge is unsafe.", "attribution without a source"),
        ("It is widely held that the bridge is unsafe.", "attribution without a source"),
        ("Many experts believe the bridge is unsafe.", "attribution without a source"),
        ("According to some, the bridge is unsafe.", "attribution without a source"),
        ("The bridge is widely regarded as unsafe.", "attribution without a source"),
        ("The bridge is considered unsafe.", "belief passive (is considered/regarded)"),
        ("It is one of the oldest bridges in Europe.", "peacock or superlative"),
        ("Some bridges are older.", "vague quantity (some/many/most)"),
        ("The bridge may be unsafe.", "speculation word (may/might/likely)"),
        ("The bridge is often closed.", "generalising adverb (often/usually)"),
        ("The bridge was built in 1890.", NO_FAMILY),
        ("In May the bridge closed.", "speculation word (may/might/likely)"),  # a pattern, not a parser: the month counts
    ],
)
def test_cue_family(sentence: str, family: str) -> None:
    assert cue_family(sentence) == family


def test_loss_rows_count_each_family_apart() -> None:
    families = ["vague quantity (some/many/most)"] * 4 + [NO_FAMILY] * 2
    labels = np.array([True, False, False, True, True, False])
    predicted = np.array([True, True, True, False, False, False])
    rows = {r["family"]: r for r in loss_rows(families, labels, predicted)}
    assert set(rows) == set(FAMILY_NAMES)
    quantity = rows["vague quantity (some/many/most)"]
    assert (quantity["n"], quantity["uncertain"], quantity["tp"], quantity["fp"], quantity["fn"]) == (4, 2, 1, 2, 1)
    assert (rows[NO_FAMILY]["tp"], rows[NO_FAMILY]["fp"], rows[NO_FAMILY]["fn"]) == (0, 0, 1)
    # the whole: TP 1, FP 2, FN 2 (F1 1/3); without the quantity false positives FP 0 (F1 0.5)
    assert quantity["f1_gain_without_fp"] == pytest.approx(round(0.5 - 1 / 3, 4))


def test_choose_offsets_raises_a_family_that_is_only_missed() -> None:
    # family 0's uncertain sentences score just below the threshold; family 1 is right already
    scores = np.array([-0.5, -0.4, -3.0, 1.0, -1.0])
    labels = np.array([True, True, False, True, False])
    ids = np.array([0, 0, 0, 1, 1])
    offsets = choose_offsets(scores, labels, ids, threshold=0.0)
    assert offsets[0] > 0.4 and offsets[0] < 3.0
    assert offsets[1] == 0.0
    assert fast_f1(scores + offsets[ids], labels, 0.0) == 1.0


def test_nested_offsets_do_not_read_the_held_folds_labels() -> None:
    rng = np.random.default_rng(0)
    n = 200
    scores = rng.normal(size=n)
    labels = scores + rng.normal(scale=0.5, size=n) > 0.3
    folds = np.arange(n) % 5
    ids = rng.integers(0, len(FAMILY_NAMES), size=n)
    _, per_fold, chosen = nested_offsets({1.0: scores}, labels, folds, ids)
    flipped = labels.copy()
    flipped[folds == 2] = ~flipped[folds == 2]
    _, _, chosen_flipped = nested_offsets({1.0: scores}, flipped, folds, ids)
    assert chosen[2] == chosen_flipped[2]  # fold 2's offsets come from the other folds only
    assert len(per_fold) == 5


def test_split_passive_moves_only_the_naming_participles() -> None:
    from bench.hedges8_study import split_passive_groups
    from bench.train_hedges import weasel_phrase_groups

    groups = weasel_phrase_groups()
    split = split_passive_groups(groups)
    assert "is known" in split["weasel/naming-passive"] and "is known" not in split["weasel/belief-passive"]
    assert "is thought" in split["weasel/belief-passive"] and "was widely called" in split["weasel/naming-passive"]
    assert sorted(split["weasel/belief-passive"] + split["weasel/naming-passive"]) == sorted(groups["weasel/belief-passive"])
    assert {k: v for k, v in split.items() if "passive" not in k} == {k: v for k, v in groups.items() if "passive" not in k}


def test_averaged_fit_of_identical_subsets_is_the_single_fit() -> None:
    from bench import train_hedges as th
    from bench.hedges8_study import averaged_fit

    items = [th.LabelledSentence(text, label, text) for text, label in [
        ("Critics say it may fail.", True), ("It may rain.", True), ("It rained.", False), ("The bridge opened.", False),
        ("Some say it is haunted.", True), ("The bridge is old.", False)] * 3]
    sentences = th.featurise(items, {})
    labels = np.array([i.uncertain for i in items])
    single = th._fit(sentences, labels, 1.0)
    averaged = averaged_fit(sentences, labels, 1.0, fits=2, share=1.01)  # every sentence kept in both fits
    assert averaged[1:] == pytest.approx(single[1:])
    assert averaged[0] == pytest.approx(single[0])
    half = averaged_fit(sentences, labels, 1.0, fits=3, share=0.5)
    assert half[0] != pytest.approx(single[0])  # other subsets, other weights
