"""The tenth session's variant harness: its per-family L2 fit is the trainer's at scale 1, its added features
are where they are said to be (toy data, no shared data needed)."""

from __future__ import annotations

import numpy as np

from bench import train_hedges as th
from bench.hedge_variants import extra_groups, fit_with_family_l2, with_position_features


def _toy() -> tuple[list[list[frozenset[str]]], np.ndarray]:
    sentences = [[frozenset({"w:zorbly", "l:<s> zorbli"}), frozenset({"w:ran", "lex:x"})] if k % 3 == 0
                 else [frozenset({"w:the", "cue:c"}), frozenset({"w:ran", "lex:x"})] for k in range(30)]
    return sentences, np.array([k % 3 == 0 for k in range(30)])


def test_family_fit_at_scale_one_is_the_trainers_fit() -> None:
    sentences, labels = _toy()
    assert fit_with_family_l2(1.0, 1.0)(sentences, labels, 1.0) == th._fit(sentences, labels, 1.0)


def test_heavier_pair_penalty_shrinks_pair_weights() -> None:
    sentences, labels = _toy()
    light, _, _ = fit_with_family_l2(1.0, 1.0)(sentences, labels, 1.0)
    heavy, _, _ = fit_with_family_l2(50.0, 1.0)(sentences, labels, 1.0)
    assert abs(heavy.get("l:<s> zorbli", 0.0)) < abs(light["l:<s> zorbli"])


def test_front_features_mark_the_first_four_words_only() -> None:
    items = [th.LabelledSentence("Many critics say the film is his best work.", True, "a")]
    plain = th.featurise(items, {})
    front = with_position_features(th.featurise, skip=False, front=True)(items, {})
    added = [sorted(f - p) for f, p in zip(front[0], plain[0])]
    assert added[:4] == [["front:mani"], ["front:critic"], ["front:say"], ["front:the"]]
    assert all(not a for a in added[4:])


def test_extra_groups_are_lower_case_word_sequences() -> None:
    for phrases in extra_groups().values():
        assert all(p == " ".join(th.words_of(p)) and p for p in phrases)
    assert "well known" in extra_groups()["weasel/peacock"]
