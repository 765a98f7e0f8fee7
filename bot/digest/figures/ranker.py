"""A learned order of the candidate figures (eighth session): a logistic model over a candidate's traits,
its hand score (`figure_finder.score`), its place in the article and the summarizer's score of its sentence.

Fitted by `bench/train_figures.py` on the CNN Corpus tune half and the BBC News Summary tune part together
(one example per candidate, label: a number it shows is one of the key numbers); shipped as `ranker.json`.
Used only when the caller gives the summarizer's sentence scores (the digest does); without them the hand
weights rank, as before.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np

from bot.digest.model_files import package_model_path, read_model_file
from bot.digest.models import Sentence

if TYPE_CHECKING:  # figure_finder imports this module
    from bot.digest.figures.figure_finder import Candidate

MODEL_NAME = "ranker.json"
MODEL_KIND = "figure-ranker"
MODEL_FORMAT = 1
TRAINER = "bench.train_figures"

_TRAITS = ("clear_noun", "no_noun", "digits", "small_word", "heading", "weak_use", "age", "repeated", "in_summary",
           "in_title", "quoted")
_KINDS = ("count", "money", "percent", "ordinal", "duration", "measure", "date")
UNSCORED = -6.0  # the summarizer's score of a sentence it did not score (headings, fragments)
_UNRANKED = 99  # ... and its place
_NO_ORDER = 60  # a date's place among the article's numbers (it has none)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*[\s,]*$")  # "Chelsea 2", "Mark Berndt, 62"
_QUOTATION_MARK = re.compile(r"[\"“”]")

FEATURE_NAMES: tuple[str, ...] = (
    "hand_score", *_TRAITS, "magnitude", *(f"kind_{k}" for k in _KINDS),
    "order_prior", "log_order", "order_below_3", "order_below_6",
    "log_sentence_position", "sentence_position_share", "first_paragraph", "sentence_position_below_3",
    "offset_share", "log_figures_in_sentence", "approximate", "sentence_has_quotation_mark", "capitalised_before",
    "fraction", "round_ten", "year_like", "log_sentence_words",
    "summary_score", "summary_probability", "log_summary_rank", "summary_rank_below_3", "summary_rank_below_6",
)


def summary_ranks(sentence_scores: Mapping[int, float]) -> dict[int, int]:
    """Each scored sentence's place by the summarizer's score (0 = best; ties: the earlier sentence)."""
    ordered = sorted(sentence_scores, key=lambda index: (-sentence_scores[index], index))
    return {index: rank for rank, index in enumerate(ordered)}


def features(
    found: Sequence[Candidate],
    sentences: Sequence[Sentence],
    sentence_scores: Mapping[int, float],
    hand_scores: Sequence[float],
) -> np.ndarray:
    """One row of `FEATURE_NAMES` per candidate."""
    by_index = {s.index: s for s in sentences}
    per_sentence = Counter(c.figure.sentence for c in found)
    ranks = summary_ranks(sentence_scores)
    rows = [_row(c, by_index, len(sentences), per_sentence, sentence_scores, ranks, hand) for c, hand in zip(found, hand_scores)]
    return np.array(rows, dtype=float).reshape(len(rows), len(FEATURE_NAMES))


def _row(
    candidate: Candidate,
    by_index: Mapping[int, Sentence],
    n_sentences: int,
    per_sentence: Mapping[int, int],
    sentence_scores: Mapping[int, float],
    ranks: Mapping[int, int],
    hand: float,
) -> list[float]:
    figure, traits = candidate.figure, candidate.traits
    sentence = by_index.get(figure.sentence)
    text = sentence.text if sentence is not None else ""
    order = candidate.order if candidate.order is not None else _NO_ORDER
    value = figure.value
    whole = value is not None and value == int(value)
    summary_score = sentence_scores.get(figure.sentence, UNSCORED)
    rank = ranks.get(figure.sentence, _UNRANKED)
    return [
        hand,
        *(traits.get(name, 0.0) for name in _TRAITS),
        min(traits.get("magnitude", 0.0), 7.0),
        *(float(figure.kind == kind) for kind in _KINDS),
        2.0 ** (-order / 20), math.log1p(order), float(order < 3), float(order < 6),
        math.log1p(candidate.position), candidate.position / max(1, n_sentences),
        float(sentence is not None and sentence.paragraph == 0), float(candidate.position < 3),
        candidate.offset / max(1, len(text)), math.log1p(per_sentence.get(figure.sentence, 1)), float(figure.approximate),
        float(bool(_QUOTATION_MARK.search(text))),
        float(bool(_CAPITALISED_BEFORE.search(text[max(0, candidate.offset - 30) : candidate.offset]))),
        float(value is not None and not whole), float(whole and value >= 10 and value % 10 == 0),  # type: ignore[operator]
        float(value is not None and 1900 <= value <= 2100), math.log1p(len(text.split())),
        summary_score, 1.0 / (1.0 + math.exp(-summary_score)), math.log1p(rank), float(rank < 3), float(rank < 6),
    ]


@dataclass(frozen=True)
class RankerModel:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def scores(self, rows: np.ndarray) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias

    @classmethod
    def from_payload(cls, payload: Mapping[str, object]) -> RankerModel:
        return cls(
            mean=np.array(payload["mean"], dtype=float),
            scale=np.array(payload["scale"], dtype=float),
            weights=np.array(payload["weights"], dtype=float),
            bias=float(payload["bias"]),  # type: ignore[arg-type]
        )


def model_path() -> Path:
    return package_model_path(__package__, MODEL_NAME)


@functools.lru_cache(maxsize=1)
def load_ranker() -> RankerModel:
    """The shipped model; a missing or stale file raises ModelFileError naming the trainer."""
    checked = read_model_file(model_path(), MODEL_KIND, MODEL_FORMAT, FEATURE_NAMES, TRAINER)
    return RankerModel.from_payload(checked.payload)
