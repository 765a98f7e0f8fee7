from __future__ import annotations

import numpy as np
from bench.train_summarizer import with_centrality
from bot.digest.summarize.features import FEATURE_NAMES
from bot.digest.summarize.summarizer import Model

FORWARD, BACKWARD = FEATURE_NAMES.index("forward_similarity"), FEATURE_NAMES.index("backward_similarity")


def _model(weights: np.ndarray, features: np.ndarray) -> Model:
    return Model(weights, features.mean(axis=0), features.std(axis=0), -1.3, 0.7, 0.5, 3, 0.0)


def test_with_centrality_adds_the_standardised_degree_to_the_evidence() -> None:
    rng = np.random.default_rng(0)
    features = rng.random((200, len(FEATURE_NAMES)))
    weights = rng.normal(size=len(FEATURE_NAMES))
    weights[BACKWARD] = 0.0  # a feature the sign-held fit dropped still carries the centrality
    model = _model(weights, features)
    folded = with_centrality(model, features, 0.8)
    ranks = np.arange(len(features))
    degree = features[:, FORWARD] + features[:, BACKWARD]
    expected = model.score(features, ranks) + 0.8 * (degree - degree.mean()) / degree.std()
    assert np.allclose(folded.score(features, ranks), expected)
    assert folded.bias == model.bias and folded.lead_bonus == model.lead_bonus
    changed = [k for k in range(len(FEATURE_NAMES)) if folded.weights[k] != model.weights[k]]
    assert changed == sorted([FORWARD, BACKWARD])


def test_with_no_centrality_the_model_is_unchanged() -> None:
    features = np.random.default_rng(1).random((50, len(FEATURE_NAMES)))
    model = _model(np.ones(len(FEATURE_NAMES)), features)
    assert with_centrality(model, features, 0.0) is model
