"""The hedge benchmark's margin figures: the bootstrap interval and the nested cross-validation (no shared data)."""

from __future__ import annotations

import random

from bench.hedges import bootstrap_f1, nested_cv_f1
from bench.metrics import binary_f1
from tests.digest.hedges.test_training import _toy_sentences


def _noisy_marks(count: int, seed: int) -> tuple[list[bool], list[bool]]:
    rng = random.Random(seed)
    gold = [rng.random() < 0.3 for _ in range(count)]
    return gold, [g if rng.random() < 0.75 else not g for g in gold]


def test_bootstrap_interval_brackets_the_figure_and_repeats() -> None:
    gold, marked = _noisy_marks(1500, seed=3)
    units = [str(i) for i in range(len(gold))]
    f1 = binary_f1(gold, marked).f1
    interval = bootstrap_f1(gold, marked, units, target=f1)
    assert interval.low < f1 < interval.high
    assert 0.02 < interval.high - interval.low < 0.1  # about 2 x 1.645 standard errors of F1 at n = 1,500
    assert 0.3 < (interval.share_at_or_above or 0.0) < 0.7  # the figure itself sits near the middle
    assert bootstrap_f1(gold, marked, units, target=f1) == interval


def test_bootstrap_resamples_whole_units() -> None:
    gold, marked = _noisy_marks(600, seed=5)
    one_unit = bootstrap_f1(gold, marked, ["doc"] * len(gold), target=None)
    assert one_unit.low == one_unit.high == binary_f1(gold, marked).f1 and one_unit.share_at_or_above is None
    perfect = bootstrap_f1(gold, gold, [str(i // 10) for i in range(len(gold))], target=0.99)
    assert perfect.low == perfect.high == 1.0 and perfect.share_at_or_above == 1.0


def test_nested_cv_scores_every_fold_on_settings_chosen_elsewhere() -> None:
    items = _toy_sentences()
    pooled, per_fold = nested_cv_f1(items, {}, l2_grid=(0.7, 1.0))
    assert len(per_fold) == 5
    assert pooled > 0.9  # "zorbly" decides, and the other folds' threshold carries over
    shuffled = [type(i)(i.text, not i.uncertain if n % 2 else i.uncertain, i.item_id) for n, i in enumerate(items)]
    assert nested_cv_f1(shuffled, {}, l2_grid=(1.0,))[0] < pooled  # labels half flipped: no cue to learn
