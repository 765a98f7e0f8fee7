"""A small logistic-regression scorer that decides whether a sentence is uncertain.

Features are the sentence's lower-cased words, their Snowball stems, stem
bigrams, the names and kinds of the cue patterns that matched, and the word
groups of a hedge lexicon. The weights are learned by `bench/train_hedges.py`
and stored as JSON; the shipped model (`hedge_model.json`) is for general and
news text.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from nltk.stem.snowball import SnowballStemmer

from bot.digest.hedges.cue_lexicon import CueMatch

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path(__file__).with_name("hedge_model.json")
MODEL_FORMAT = 1
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def words_of(sentence: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(sentence.lower())]


def sentence_features(
    sentence: str, cues: Iterable[CueMatch], lexicon_groups: Mapping[str, tuple[str, ...]] | None = None
) -> set[str]:
    """The feature names that fire for a sentence (binary features)."""
    words = words_of(sentence)
    stems = [_stem(w) for w in words]
    features = {"w:" + w for w in words}
    features.update("s:" + s for s in stems)
    features.update(f"b:{a} {b}" for a, b in zip(stems, stems[1:]))
    for cue in cues:
        features.add("cue:" + cue.name)
        features.add("kind:" + cue.kind)
    if lexicon_groups:
        padded = " " + " ".join(words) + " "
        for group, phrases in lexicon_groups.items():
            if any(f" {phrase} " in padded for phrase in phrases):
                features.add("lex:" + group)
    return features


@dataclass(frozen=True)
class HedgeScorer:
    domain: str  # what text the weights were learned on, e.g. "general (WikiWeasel)"
    weights: Mapping[str, float]
    bias: float
    threshold: float  # a sentence is uncertain when its score reaches this (best F1 in cross-validation)
    confident_threshold: float  # a stricter score: precision at least CONFIDENT_PRECISION in cross-validation
    lexicon_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    info: Mapping[str, Any] = field(default_factory=dict)  # how it was trained, for the record

    def features(self, sentence: str, cues: Iterable[CueMatch]) -> set[str]:
        return sentence_features(sentence, cues, self.lexicon_groups)

    def score(self, features: Iterable[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in features)

    def probability(self, features: Iterable[str]) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    def is_uncertain(self, features: Iterable[str]) -> bool:
        return self.score(features) >= self.threshold

    def is_confidently_uncertain(self, features: Iterable[str]) -> bool:
        return self.score(features) >= max(self.threshold, self.confident_threshold)

    def strongest_word(self, features: Iterable[str]) -> str | None:
        """The word feature that pushes hardest towards "uncertain", as the word itself."""
        weighted = [(self.weights.get(f, 0.0), f) for f in features if f.startswith("w:")]
        weighted = [(w, f) for w, f in weighted if w > 0]
        return max(weighted)[1][2:] if weighted else None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "domain": self.domain,
            "bias": round(self.bias, 5),
            "threshold": round(self.threshold, 5),
            "confident_threshold": round(self.confident_threshold, 5),
            "info": dict(self.info),
            "lexicon_groups": {k: list(v) for k, v in sorted(self.lexicon_groups.items())},
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HedgeScorer:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"unknown hedge model format {data.get('format')!r}")
        return cls(
            domain=data["domain"],
            weights=dict(data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            confident_threshold=float(data["confident_threshold"]),
            lexicon_groups={k: tuple(v) for k, v in data.get("lexicon_groups", {}).items()},
            info=dict(data.get("info", {})),
        )


@functools.lru_cache(maxsize=4)
def load_scorer(path: Path = DEFAULT_MODEL_PATH) -> HedgeScorer | None:
    """The scorer stored at `path`; None (lexicon-only marking) when the file is missing or unreadable."""
    try:
        return HedgeScorer.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as error:
        log.warning("hedge model %s not usable (%s); marking hedges by the cue lexicon alone", path, error)
        return None
