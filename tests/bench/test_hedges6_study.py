"""The fifteenth session's model families learn what they are built to learn, and the nested decision sees only
the other folds (toy data, no shared data needed)."""

from __future__ import annotations

import numpy as np

from bench.hedges6_study import (
    Matrix, char_ngrams, fit_and_score, fit_boosted_trees, nb_ratios, nested_choice, score_boosted_trees,
    standardised_per_fold, word_ngrams,
)


def _toy(n: int = 200, seed: int = 0) -> tuple[list[set[str]], np.ndarray]:
    """Sentences of filler words; the uncertain ones also hold "reportedly"."""
    rng = np.random.default_rng(seed)
    labels = rng.random(n) < 0.4
    filler = ["the", "ship", "sank", "in", "port", "crew", "was", "saved", "storm", "night"]
    texts = [" ".join(rng.choice(filler, 6)) + (" reportedly" if y else "") for y in labels]
    return [word_ngrams(t) for t in texts], labels


def test_word_ngrams_hold_words_and_neighbour_pairs_with_the_sentence_edges() -> None:
    grams = word_ngrams("It may rain.")
    assert {"it", "may", "rain", ".", "<s> it", "it may", "may rain", "rain .", ". </s>"} == grams


def test_char_ngrams_stay_inside_words() -> None:
    grams = char_ngrams("may be")
    assert {" ma", "may", "ay ", " may", "may ", " may ", " be", "be ", " be "} == grams
    assert not any("y b" in g for g in grams)


def test_nb_ratio_favours_the_word_of_the_uncertain_sentences() -> None:
    sets, labels = _toy()
    x = Matrix(sets)
    ratios = nb_ratios(x, labels)
    assert ratios[x.vocabulary["reportedly"]] > 2.0
    assert abs(ratios[x.vocabulary["ship"]]) < 0.5


def test_each_family_ranks_held_out_sentences_with_the_cue_first() -> None:
    sets, labels = _toy()
    train = Matrix(sets[:150])
    test = Matrix(sets[150:], train.vocabulary)
    for family, setting in (("nblr", 3.0), ("lr", 1.0), ("perceptron", 2), ("trees", 30)):
        scores = fit_and_score(family, setting, train, labels[:150], test)
        assert scores[labels[150:]].min() > scores[~labels[150:]].max(), family


def test_boosted_trees_learn_two_words_together() -> None:
    # uncertain only when both "many" and "believe" occur: no single word separates the classes
    rng = np.random.default_rng(1)
    a, b = rng.random(400) < 0.5, rng.random(400) < 0.5
    sets = [{"x"} | ({"many"} if i else set()) | ({"believe"} if j else set()) for i, j in zip(a, b)]
    x = Matrix(sets)
    scores = score_boosted_trees(x, fit_boosted_trees(x, a & b, rounds=60))
    assert scores[a & b].min() > scores[~(a & b)].max()


def test_nested_choice_decides_a_fold_without_its_labels() -> None:
    rng = np.random.default_rng(0)
    labels = rng.random(400) < 0.4
    folds = np.arange(400) % 5
    candidates = {"good": labels * 2.0 + rng.normal(0, 1, 400), "noise": rng.normal(0, 1, 400)}
    f1, per_fold, chosen = nested_choice(candidates, labels, folds)
    assert [c.split(" @ ")[0] for c in chosen] == ["good"] * 5 and 0.6 < f1 <= 1.0 and len(per_fold) == 5
    relabelled = labels.copy()
    relabelled[folds == 0] = ~relabelled[folds == 0]
    assert nested_choice(candidates, relabelled, folds)[2][0] == chosen[0]  # same candidate, same threshold


def test_standardising_per_fold_gives_each_fold_unit_spread() -> None:
    folds = np.arange(100) % 2
    scores = np.where(folds == 0, 1.0, 10.0) * np.random.default_rng(2).normal(0, 1, 100)
    out = standardised_per_fold(scores, folds)
    assert np.allclose([out[folds == f].std() for f in (0, 1)], 1.0)


def test_summary_asks_a_gain_above_the_draw_spread_in_every_draw() -> None:
    from bench.hedges6_study import summary

    rows = [{"variant": "v", "nested_f1": f, "diff_vs_base": [d] * 5} for f, d in ((0.66, 0.02), (0.64, 0.005), (0.66, 0.02))]
    result = summary(rows, [0.645, 0.635, 0.645])
    assert result["base_draw_spread"] == 0.01 and result["gain_per_draw"] == [0.015, 0.005, 0.015]
    assert result["clears_spread_every_draw"] is False and result["folds_up"] == "15 of 15"
    assert summary(rows, [0.645, 0.64, 0.645])["clears_spread_every_draw"] is False
    assert summary(rows, [0.645, 0.625, 0.645])["clears_spread_every_draw"] is False
    assert summary(rows[:1], [0.645])["clears_spread_every_draw"] is True
