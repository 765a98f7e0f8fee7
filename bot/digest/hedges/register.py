"""Which register a sentence is written in: general prose (news, encyclopaedia) or scientific (biomedical papers).

The two conventions of uncertainty differ: in a paper's abstract "may" and
"suggest" are speculation nearly every time, while in general prose a bare
"may" is as often capability or permission and the doubt lies in weasel
wording ("many believe", "critics say"). The hedge marker picks the scorer of
the register of the text (the mean over its sentences; a sentence given alone is its own
text) with this gate: a logistic model (fitted by
`bench.fitting.fit_logistic` in `bench/train_hedges.py`) over which of a fixed
list of frequent word stems the sentence holds. Folded into one weight per stem,
a sentence costs one cached look-up per word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from bot.digest.hedges.cue_lexicon import WORD_CACHE_SIZE, letter_runs
from bot.digest.hedges.scorer import _stem
from bot.digest.word_memo import word_memo

_WORD = re.compile(r"[^\W\d_]+")
TEXT_SAMPLE = 32  # at most about this many sentences, evenly spread, judge a text's register


def stems_of(sentence: str) -> set[str]:
    """The distinct Snowball stems of the sentence's words, as the gate sees them."""
    return {_stem(word) for word in _WORD.findall(sentence.lower())}


@dataclass(frozen=True)
class RegisterGate:
    stem_weights: Mapping[str, float]  # stem -> its contribution to the log-odds of the scientific register
    bias: float  # the log-odds of a sentence that holds none of the stems
    threshold: float = 0.0  # scientific from this log-odds up
    info: Mapping[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def _weight_of_word(self) -> Callable[[str], tuple[str, float]]:
        return word_memo(WORD_CACHE_SIZE)(self.weight_of_word)

    @functools.cached_property
    def weight_of_word(self) -> Callable[[str], tuple[str, float]]:
        """A letter run -> its stem and the stem's weight, uncached."""
        weights = self.stem_weights

        def weight_of_word(word: str) -> tuple[str, float]:
            stem = _stem(word.lower())
            return stem, weights.get(stem, 0.0)

        return weight_of_word

    def log_odds(self, sentence: str) -> float:
        """The log-odds that the sentence is in the scientific register."""
        return self.log_odds_of_stems(map(self._weight_of_word, letter_runs(sentence)))

    def log_odds_of_stems(self, stems: Iterable[tuple[str, float]]) -> float:
        """`log_odds` from the (stem, weight) of each of the sentence's letter runs, in order."""
        seen = dict(stems)  # each stem once, in order of first use
        return self.bias + sum(seen.values())

    def is_scientific(self, sentence: str) -> bool:
        return self.log_odds(sentence) >= self.threshold

    def is_scientific_text(self, sentences: Sequence[str]) -> bool:
        """A text's register: the mean of its sentences' log-odds, steadier than any one sentence's (a quote
        with "we" in a news story, a short line)."""
        if not sentences:
            return False
        sample = sentences[:: max(1, len(sentences) // TEXT_SAMPLE)]  # a long text's register shows in a sample
        return sum(map(self.log_odds, sample)) / len(sample) >= self.threshold

    def payload(self) -> dict[str, Any]:
        return {
            "bias": round(self.bias, 5),
            "threshold": round(self.threshold, 5),
            "stem_weights": {k: round(v, 5) for k, v in sorted(self.stem_weights.items())},
            "info": dict(self.info),
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> RegisterGate:
        return cls(dict(data["stem_weights"]), float(data["bias"]), float(data["threshold"]), dict(data.get("info", {})))
