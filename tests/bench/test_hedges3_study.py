"""The thirteenth session's hedge study: its source features say what they are said to say, its nested decision
is the trainer's, and its calibration step sees only the other folds (toy data, no shared data needed)."""

from __future__ import annotations

import numpy as np
import pytest

from bench import train_hedges as th
from bench.hedges3_study import featurise, nested, source_features, stacker


def _sources(sentence: str) -> dict[str, str]:
    from bot.digest.hedges.scorer import _WORD

    words = [m.group(0) for m in _WORD.finditer(sentence)]
    return {words[i]: next(iter(f)).split(":")[1] for i, f in enumerate(source_features(sentence)) if f}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Critics said the plan would fail.", {"Critics": "unnamed", "said": "unnamed"}),  # critic: criticize's stem
        ("Senator Smith said the plan would fail.", {"said": "named"}),
        ("It is widely believed that the plan failed.", {"believed": "unnamed"}),
        ("According to some, the plan failed.", {"According": "unnamed"}),
        ("According to Reuters, the plan failed.", {"According": "named"}),
        ("The plan is considered by many to be a failure.", {"considered": "unnamed"}),
        ("The plan was described by Jones (1998) as a failure.", {"described": "named"}),
        ("In 1998 it was thought to be lost.", {"thought": "named"}),  # a number: a dated, citable claim
        ("I think it will rain.", {"think": "unnamed"}),  # "I" names nobody a reader can check
        ("The plan failed.", {}),
    ],
)
def test_source_features(sentence: str, expected: dict[str, str]) -> None:
    assert _sources(sentence) == expected


def test_source_variant_adds_to_the_trainers_features_only_on_attribution_words() -> None:
    items = [th.LabelledSentence("Many experts said it was lost.", True, "a"),
             th.LabelledSentence("The ship sank in 1912.", False, "b")]
    base, source = featurise("base", items, {}), featurise("source", items, {})
    assert [len(t) for t in base] == [len(t) for t in source]
    added = [sorted(s - b) for tokens_b, tokens_s in zip(base, source) for b, s in zip(tokens_b, tokens_s)]
    assert [a for a in added if a] == [["src:unnamed:said"]]


def test_nested_decision_scores_each_fold_at_a_threshold_from_the_others() -> None:
    rng = np.random.default_rng(0)
    labels = rng.random(400) < 0.4
    folds = np.arange(400) % 5
    scores = labels * 2.0 + rng.normal(0, 1, 400)
    f1, per_fold, predicted = nested({1.0: scores}, labels, folds)
    assert len(per_fold) == 5 and 0.6 < f1 <= 1.0
    # a fold's decisions do not depend on its own labels: the threshold comes from the other folds
    relabelled = labels.copy()
    relabelled[folds == 0] = ~relabelled[folds == 0]
    _, _, predicted_relabelled = nested({1.0: scores}, relabelled, folds)
    assert np.array_equal(predicted[folds == 0], predicted_relabelled[folds == 0])


def test_the_calibration_step_is_fitted_on_the_other_folds_only() -> None:
    items = [th.LabelledSentence(f"Sentence number {k} is here.", k % 2 == 0, str(k)) for k in range(60)]
    labels = np.array([i.uncertain for i in items])
    others = np.arange(60) >= 12
    scores = np.where(labels, 1.0, -1.0)
    rescore = stacker(items, labels)
    base = rescore(scores, others)
    poisoned = scores.copy()
    poisoned[~others] = -poisoned[~others]  # what the held fold says must not change the model fitted without it
    again = rescore(poisoned, others)
    assert np.allclose(base[others], again[others])
