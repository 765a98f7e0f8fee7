"""Extractive summary: the lead, displaced only by a sentence with clearly stronger evidence.

Each candidate sentence gets a few features (`features.candidates`): how much
the sentences after it take up its words and how much it repeats those before
it (directed centrality), its overlap with the title, and whether it is a
quote or a question. A logistic scorer whose weights ship in `weights.json`
(fitted on the CNN Corpus train split by `bench/train_summarizer.py`) turns
them into one score, scaled so that the evidence has unit spread; the first
`lead_sentences` eligible sentences get `lead_bonus` on top, so a later
sentence takes the place of one of them only when its evidence is that much
stronger. The summary is then picked greedily, each pick discounted by its
word overlap with those already chosen (maximal marginal relevance).

The weights are the English ones for every language: the features are the
same in every language (stems and stop words are the language's own), but
nothing was fitted on other languages.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Collection, Sequence

import numpy as np

from bot.digest.model_files import ModelFileError, package_model_path, read_model_file
from bot.digest.models import Language, Sentence
from bot.digest.summarize.features import FEATURE_NAMES, Candidates, pool_candidates
from bot.digest.summarize.unfit import repeats_earlier, unfit

log = logging.getLogger(__name__)

WEIGHTS_FILE = "weights.json"
MODEL_KIND = "summary-sentence-scorer"
MODEL_FORMAT = 2
TRAINER = "bench.train_summarizer"
SENTENCES_PER_STEP = 25  # one more summary sentence per this many article sentences
DUPLICATE_OVERLAP = 0.9  # a candidate sharing this much of its words with a chosen sentence repeats it


@dataclass(frozen=True)
class Model:
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    bias: float
    evidence_scale: float  # spread of the fitted logits on the training sentences
    lead_bonus: float  # in units of that spread
    lead_sentences: int  # how many eligible sentences from the start get the bonus
    redundancy: float  # how much overlap with an already chosen sentence costs

    def score(self, features: np.ndarray, ranks: np.ndarray) -> np.ndarray:
        evidence = (((features - self.mean) / self.scale) @ self.weights + self.bias) / self.evidence_scale
        return evidence + self.lead_bonus * (ranks < self.lead_sentences)

    def to_payload(self) -> dict[str, object]:
        return {
            "weights": [round(float(v), 8) for v in self.weights],
            "mean": [round(float(v), 8) for v in self.mean],
            "scale": [round(float(v), 8) for v in self.scale],
            "bias": round(float(self.bias), 8),
            "evidence_scale": round(float(self.evidence_scale), 8),
            "lead_bonus": self.lead_bonus,
            "lead_sentences": self.lead_sentences,
            "redundancy": self.redundancy,
        }

    @classmethod
    def from_payload(cls, payload: dict) -> Model:
        return cls(
            weights=np.asarray(payload["weights"], dtype=float),
            mean=np.asarray(payload["mean"], dtype=float),
            scale=np.asarray(payload["scale"], dtype=float),
            bias=float(payload["bias"]),
            evidence_scale=float(payload["evidence_scale"]),
            lead_bonus=float(payload["lead_bonus"]),
            lead_sentences=int(payload["lead_sentences"]),
            redundancy=float(payload["redundancy"]),
        )


@functools.lru_cache(maxsize=4)
def load_model(path: str = "") -> Model:
    """The shipped model, or the model file at `path`; a file that does not fit the code raises ModelFileError."""
    where = Path(path) if path else package_model_path("bot.digest.summarize", WEIGHTS_FILE)
    model_file = read_model_file(where, MODEL_KIND, MODEL_FORMAT, FEATURE_NAMES, TRAINER)
    try:
        return Model.from_payload(model_file.payload)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"model file {where}: payload is incomplete ({exc}); rerun `python -m {TRAINER}`") from exc


def sentence_count_for(n_sentences: int, minimum: int = 3, maximum: int = 5) -> int:
    """How many sentences to summarize an article of `n_sentences` into: more for longer articles."""
    if n_sentences <= 0:
        return 0
    count = minimum + n_sentences // SENTENCES_PER_STEP
    return min(max(count, minimum), maximum, n_sentences)


def select(
    overlap: np.ndarray, scores: np.ndarray, count: int, redundancy: float, passed_over: Callable[[int], bool] | None = None
) -> list[int]:
    """Greedy maximal-marginal-relevance pick of `count` candidates; returns their positions, in pick order.

    Each candidate's value is its probability less `redundancy` times its
    largest overlap with a sentence already chosen; one that repeats a chosen
    sentence (`DUPLICATE_OVERLAP`) is passed over while others remain. Ties go
    to the earlier sentence. A candidate whose position `passed_over` holds is
    never chosen: it is asked only of the best one at each step, and the pick is
    the one among the candidates it does not hold (a candidate passed over changes
    no other's value), so only a few need judging.
    """
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    available = np.ones(len(scores), dtype=bool)
    repeated = np.zeros(len(scores))  # each candidate's largest overlap with the chosen ones
    chosen: list[int] = []
    left = len(scores)
    while len(chosen) < count and left:
        value = probabilities - redundancy * repeated - 2.0 * (repeated >= DUPLICATE_OVERLAP)
        best = int(np.argmax(np.where(available, value, -np.inf)))  # argmax: the first of equals
        available[best] = False
        left -= 1
        if passed_over is not None and passed_over(best):
            continue
        chosen.append(best)
        repeated = np.maximum(repeated, overlap[best])
    return chosen


def choose(
    found: Candidates, model: Model, count: int, skip: Collection[int] | None = None, also_skip: Callable[[int], bool] | None = None
) -> list[int]:
    """Article indices of the chosen candidates (never one whose index is in `skip` or `also_skip` holds), in
    article order."""
    def passed_over(k: int) -> bool:  # asks `skip` with `in`, not len(skip): it may judge lazily
        index = found.indices[k]
        return (skip is not None and index in skip) or (also_skip is not None and also_skip(index))

    scores = model.score(found.features, found.ranks)
    return sorted(found.indices[k] for k in select(found.overlap, scores, count, model.redundancy, passed_over))


def summarize(
    sentences: Sequence[Sentence],
    title: str,
    language: Language,
    count: int,
    skip: Collection[int] = (),
    model: Model | None = None,
    pass_over_unfit: bool = True,
) -> list[int]:
    """Indices of the `count` sentences that best summarize the article, in article order.

    Headings, list lines, fragments (`features.is_eligible`) and indices
    in `skip` are never chosen; fewer come back when fewer are eligible.
    Code and pieces begun midway (`unfit.unfit`) are chosen only when the
    article has no other candidate (`pass_over_unfit=False`: never passed over).
    """
    if count <= 0 or not sentences:
        return []
    # The whole pool is scored (as in training); `skip` is asked only about the sentences the pick reaches. A set is
    # asked as it is (the pipeline's judges each sentence when asked); other collections are frozen for `in`.
    found = pool_candidates(sentences, title, language)
    if not found.indices:
        return []
    model = model or load_model()
    skip = skip if isinstance(skip, AbstractSet) else frozenset(skip)
    chosen = choose(found, model, count, skip, (lambda i: unfit(sentences, i)) if pass_over_unfit else None)
    if chosen or not pass_over_unfit:
        return chosen
    # Code and pieces begun midway (`unfit`) are passed over only while the article has something else to show; a
    # second copy of a sentence never is worth showing, so the fallback still passes over those while it can.
    return choose(found, model, count, skip, lambda i: repeats_earlier(sentences, i)) or choose(found, model, count, skip)
