"""Extractive summary: sumy's sentence ratings combined with lead, title and shape cues by a small learned scorer.

Each candidate sentence gets features (`features.candidates`): the ratings of
sumy's LexRank, TextRank, Luhn, Reduction and SumBasic, its position among
the article's body sentences, its overlap with the title and its shape. A
logistic scorer whose weights ship in `weights.json` (fitted on the CNN Corpus
train split by `bench/train_summarizer.py`) turns them into one score; the
summary is then picked greedily, each pick discounted by its word overlap with
those already chosen (maximal marginal relevance), so it does not repeat itself.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from dataclasses import dataclass
from importlib import resources
from typing import Collection, Sequence

import numpy as np

from bot.digest.models import Language, Sentence
from bot.digest.summarize.features import FEATURE_NAMES, Candidates, candidates

log = logging.getLogger(__name__)

WEIGHTS_FILE = "weights.json"
SENTENCES_PER_STEP = 25  # one more summary sentence per this many article sentences


@dataclass(frozen=True)
class Model:
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    redundancy: float  # how much overlap with an already chosen sentence costs

    def score(self, features: np.ndarray) -> np.ndarray:
        return ((features - self.mean) / self.scale) @ self.weights


@functools.lru_cache(maxsize=1)
def load_model() -> Model:
    data = json.loads(resources.files("bot.digest.summarize").joinpath(WEIGHTS_FILE).read_text("utf-8"))
    return model_from_json(data)


def model_from_json(data: dict) -> Model:
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError("summarizer weights were fitted on different features; rerun bench/train_summarizer.py")
    return Model(
        weights=np.asarray(data["weights"], dtype=float),
        mean=np.asarray(data["mean"], dtype=float),
        scale=np.asarray(data["scale"], dtype=float),
        redundancy=float(data["redundancy"]),
    )


def sentence_count_for(n_sentences: int, minimum: int = 3, maximum: int = 5) -> int:
    """How many sentences to summarize an article of `n_sentences` into: more for longer articles."""
    if n_sentences <= 0:
        return 0
    count = minimum + n_sentences // SENTENCES_PER_STEP
    return min(max(count, minimum), maximum, n_sentences)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words relative to the shorter sentence: 1 when one sentence repeats the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def select(found: Candidates, scores: np.ndarray, count: int, redundancy: float) -> list[int]:
    """Greedy maximal-marginal-relevance pick of `count` candidates; returns article indices in order."""
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    remaining = list(range(len(found.indices)))
    chosen: list[int] = []
    while remaining and len(chosen) < count:
        best, best_value = None, -math.inf
        for k in remaining:
            penalty = max((_overlap(found.terms[k], found.terms[j]) for j in chosen), default=0.0)
            value = probabilities[k] - redundancy * penalty
            if value > best_value:  # strict: ties go to the earlier sentence
                best, best_value = k, value
        chosen.append(best)
        remaining.remove(best)
    return sorted(found.indices[k] for k in chosen)


def summarize(
    sentences: Sequence[Sentence],
    title: str,
    language: Language,
    count: int,
    skip: Collection[int] = (),
    model: Model | None = None,
) -> list[int]:
    """Indices of the `count` sentences that best summarize the article, in article order.

    Headings, list lines, fragments (`features.is_eligible`) and indices
    in `skip` are never chosen; fewer come back when fewer are eligible.
    """
    if count <= 0 or not sentences:
        return []
    found = candidates(sentences, title, language, frozenset(skip))
    if not found.indices:
        return []
    model = model or load_model()
    return select(found, model.score(found.features), count, model.redundancy)
