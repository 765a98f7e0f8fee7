"""Mark hedged, conditional and attributed claims so a reader does not take them for facts.

A sentence's cues come from the hand-written patterns in `cue_lexicon`; a
learned scorer (`scorer.HedgeScorer`, trained by `bench/train_hedges.py`)
adds what the patterns cannot list: weasel wording ("many believe", "widely
regarded", "critics"). The kind reported is the one a reader most needs:
hedged before conditional before attributed.

Two ways of deciding "hedged", because the public annotations disagree with a
news reader: WikiWeasel labels only about a third of its "may" sentences
uncertain, yet "X may be a general" must be shown as a hedge.
- news (the default, `trust_cues=True`): any hedged cue of the patterns counts;
  a sentence without one counts only when the scorer is confident (its score
  reaches the level where cross-validated precision was at least 0.8), since
  the digest then quotes a single weasel word as the cue.
- benchmark (`trust_cues=False`): the scorer alone decides, at the threshold it
  was tuned to on its training split.

Other languages (`multilingual_cues`: de, fr, es, it, pt, nl, ru, sv, da, no,
pl, cs) have cue patterns only, no scorer: any hedged cue makes a sentence
hedged. Languages without patterns are not marked.

"Uncertain" in the benchmark sense (`is_uncertain`) is the hedged kind only:
the CoNLL-2010 annotations (BioScope, WikiWeasel) count speculation and weasel
wording, not a claim's source, and a plain conditional ("if the talks fail,
the strike would go on") states a dependency rather than doubt.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from bot.digest.hedges.cue_lexicon import CueLexicon, CueMatch, find_cues
from bot.digest.hedges.multilingual_cues import LEXICONS
from bot.digest.hedges.scorer import HedgeScorer, load_scorer
from bot.digest.language.language_detector import base_code
from bot.digest.models import Hedge

_KIND_ORDER = ("hedged", "conditional", "attributed")


@dataclass(frozen=True)
class HedgeMarker:
    """Cue patterns plus an optional scorer; without a scorer any hedged cue counts (lexicon only)."""

    scorer: HedgeScorer | None = None
    trust_cues: bool = True  # False: the scorer alone decides (the benchmark rows)

    def uncertain(self, sentence: str, cues: list[CueMatch] | None = None) -> bool:
        cues = find_cues(sentence) if cues is None else cues
        has_hedged_cue = any(cue.kind == "hedged" for cue in cues)
        if self.scorer is None:
            return has_hedged_cue
        if not self.trust_cues:
            return self.scorer.is_uncertain(sentence, cues)
        return has_hedged_cue or self.scorer.is_confidently_uncertain(sentence, cues)

    def mark(self, sentence: str, language_code: str = "en") -> Hedge | None:
        if not sentence:
            return None
        language = base_code(language_code)
        if language != "en":
            lexicon = LEXICONS.get(language)
            return None if lexicon is None else mark_by_patterns(lexicon, sentence)
        cues = find_cues(sentence)
        uncertain = self.uncertain(sentence, cues)
        # Hedged cues the scorer rejects (benchmark mode) are not reported.
        kept = [cue for cue in cues if cue.kind != "hedged" or uncertain]
        if uncertain and not any(cue.kind == "hedged" for cue in kept) and self.scorer is not None:
            # Weasel wording outside the patterns: the scorer names its strongest word.
            token = self.scorer.strongest_token(sentence, cues)
            if token and not any(cue.start <= token.start < cue.end for cue in kept):
                kept.append(CueMatch(token.text, "scorer", "hedged", token.start, token.start + len(token.text)))
                kept.sort(key=lambda cue: cue.start)
        texts = tuple(cue.text for cue in kept)
        if uncertain:
            return Hedge("hedged", texts)
        for kind in _KIND_ORDER[1:]:
            if any(cue.kind == kind for cue in kept):
                return Hedge(kind, texts)
        return None


def mark_by_patterns(lexicon: CueLexicon, sentence: str) -> Hedge | None:
    """The hedge by cue patterns alone (languages without a scorer): any hedged cue makes it hedged."""
    cues = lexicon.find_cues(sentence)
    for kind in _KIND_ORDER:
        if any(cue.kind == kind for cue in cues):
            return Hedge(kind, tuple(cue.text for cue in cues))
    return None


@functools.lru_cache(maxsize=1)
def default_marker() -> HedgeMarker:
    """The marker with the shipped general/news model."""
    return HedgeMarker(load_scorer())


def mark_hedge(sentence: str, language_code: str = "en") -> Hedge | None:
    """The sentence's hedge (kind and verbatim cues), or None for a plain statement."""
    return default_marker().mark(sentence, language_code)


def is_uncertain(sentence: str) -> bool:
    """Whether the sentence is uncertain in the CoNLL-2010 sense: its hedge kind is "hedged"."""
    hedge = mark_hedge(sentence)
    return hedge is not None and hedge.kind == "hedged"
