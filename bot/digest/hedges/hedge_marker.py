"""Mark hedged, conditional and attributed claims so a reader does not take them for facts.

A sentence's cues come from the hand-written patterns in `cue_lexicon`. Whether
an English sentence is uncertain (the hedged kind) is a learned scorer's
decision (`scorer.HedgeScorer`, trained by `bench/train_hedges.py`): the one for
general prose (learned from WikiWeasel) or, when the register gate
(`register.RegisterGate`) finds the text written like a paper, the one for
scientific text (learned from the BioScope abstracts). The cue patterns are
among the scorer's features, not overrides, so a
"may" of capability ("the bridge may carry 40 tonnes") need not make a sentence
hedged while weasel wording outside the patterns ("many believe", "critics")
can. The kind reported is the one a reader most needs: hedged before
conditional before attributed. Hedged cues of a sentence the scorer does not
find uncertain are kept apart as soft cues: the fronts may show them lightly,
never as a hedge, so that what the digest calls hedged is what an annotator of
uncertainty would.

Other languages (`multilingual_cues`: de, fr, es, it, pt, nl, ru, sv, da, no,
pl, cs) have cue patterns only, no scorer: any hedged cue makes a sentence
hedged. Languages without patterns are not marked.

"Uncertain" (`is_uncertain`) is the hedged kind only: the CoNLL-2010
annotations (BioScope, WikiWeasel) count speculation and weasel wording, not a
claim's source, and a plain conditional ("if the talks fail, the strike would
go on") states a dependency rather than doubt.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from bot.digest.hedges.cue_lexicon import ENGLISH, CueLexicon, CueMatch, find_cues
from bot.digest.hedges.multilingual_cues import LEXICONS
from bot.digest.hedges.hedge_model import HedgeModel, load_hedge_model
from bot.digest.hedges.named_sources import with_source_cues
from bot.digest.hedges.scorer import HedgeScorer, without_identifier_cues
from bot.digest.language.language_detector import base_code
from bot.digest.models import Hedge

_KIND_ORDER = ("hedged", "conditional", "attributed")


class SentenceMarks(NamedTuple):
    hedge: Hedge | None
    soft_cues: tuple[str, ...]  # hedged cues that did not make the sentence uncertain (shown lightly)


_UNMARKED = SentenceMarks(None, ())


@dataclass(frozen=True)
class HedgeMarker:
    """Cue patterns plus a scorer that decides; without a scorer any hedged cue counts (lexicon only).
    With a `HedgeModel` the scorer of the sentence's register decides."""

    model: HedgeModel | HedgeScorer | None = None

    def scorer_for(self, sentence: str, scientific: bool | None = None) -> HedgeScorer | None:
        if isinstance(self.model, HedgeModel):
            return self.model.scorer_for(sentence, scientific)
        return self.model

    def is_scientific_text(self, sentences: Sequence[str]) -> bool | None:
        """Whether the (English) text is written like a paper; None without a register gate."""
        return self.model.is_scientific_text(sentences) if isinstance(self.model, HedgeModel) else None

    def uncertain(self, sentence: str, cues: list[CueMatch] | None = None) -> bool:
        return self._uncertain(sentence, find_cues(sentence) if cues is None else cues, self.scorer_for(sentence))

    @staticmethod
    def _uncertain(sentence: str, cues: list[CueMatch], scorer: HedgeScorer | None) -> bool:
        if scorer is None:
            return any(cue.kind == "hedged" for cue in cues)
        return scorer.is_uncertain(sentence, cues)

    def _strongest_cue(self, sentence: str, scorer: HedgeScorer, cues: list[CueMatch]) -> CueMatch | None:
        if isinstance(self.model, HedgeModel):
            return self.model.strongest_cue(sentence, scorer, cues)
        return scorer.shown_cue(sentence, cues)

    def mark(self, sentence: str, language_code: str = "en", scientific: bool | None = None) -> SentenceMarks:
        """The sentence's marks; `scientific` is its text's register (None: judged from the sentence alone)."""
        if not sentence:
            return _UNMARKED
        language = base_code(language_code)
        if language != "en":
            lexicon = LEXICONS.get(language)
            return _UNMARKED if lexicon is None else SentenceMarks(mark_by_patterns(lexicon, sentence), ())
        scorer: HedgeScorer | None
        if isinstance(self.model, HedgeModel):
            scorer, uncertain, cues = self.model.decide(sentence, scientific)
        else:
            cues = without_identifier_cues(sentence, find_cues(sentence))
            scorer = self.scorer_for(sentence, scientific)
            uncertain = self._uncertain(sentence, cues, scorer)
        # The source a claim is credited to, named ("The Post reported"): shown, and the attributed kind; no
        # feature of the scorer (its name is no cue there: `identifiers.no_cue_spans`).
        cues = with_source_cues(sentence, cues)
        if not cues and not uncertain:
            return _UNMARKED  # most sentences: what the rest gives them
        kept = [cue for cue in cues if cue.kind != "hedged" or uncertain]
        soft = () if uncertain else tuple(cue.text for cue in cues if cue.kind == "hedged")
        if uncertain and not any(cue.kind == "hedged" for cue in kept) and scorer is not None:
            # Weasel wording outside the patterns: the words of it the scorer weighs most (`scorer.shown_cue_words`),
            # or none when those are a name or an opener (the sentence is then plainly "hedged").
            shown = self._strongest_cue(sentence, scorer, cues)
            if shown and not any(cue.start <= shown.start < cue.end for cue in kept):
                kept.append(shown)
                kept.sort(key=lambda cue: cue.start)
        texts = tuple(cue.text for cue in kept)
        if uncertain:
            return SentenceMarks(Hedge("hedged", texts), soft)
        for kind in _KIND_ORDER[1:]:
            if any(cue.kind == kind for cue in kept):
                return SentenceMarks(Hedge(kind, texts), soft)
        return SentenceMarks(None, soft)


def mark_by_patterns(lexicon: CueLexicon, sentence: str) -> Hedge | None:
    """The hedge by cue patterns alone (languages without a scorer): any hedged cue makes it hedged."""
    cues = without_identifier_cues(sentence, lexicon.find_cues(sentence))
    for kind in _KIND_ORDER:
        if any(cue.kind == kind for cue in cues):
            return Hedge(kind, tuple(cue.text for cue in cues))
    return None


@functools.lru_cache(maxsize=1)
def default_marker() -> HedgeMarker:
    """The marker with the shipped model (a model file that does not fit the code raises here)."""
    ENGLISH.compile_patterns()
    return HedgeMarker(load_hedge_model())


def text_register(sentences: Sequence[str], language_code: str) -> bool | None:
    """Whether an English text is scientific (for `mark_sentence`); None for other languages."""
    return default_marker().is_scientific_text(sentences) if language_code.lower().startswith("en") else None


def mark_sentence(sentence: str, language_code: str = "en", scientific: bool | None = None) -> SentenceMarks:
    """The sentence's hedge (kind and verbatim cues, or None for a plain statement) and its soft cues;
    `scientific` is the register of its text (`text_register`), None to judge it from the sentence alone."""
    return default_marker().mark(sentence, language_code, scientific)


def mark_hedge(sentence: str, language_code: str = "en") -> Hedge | None:
    """The sentence's hedge (kind and verbatim cues), or None for a plain statement."""
    return mark_sentence(sentence, language_code).hedge


def is_uncertain(sentence: str) -> bool:
    """Whether the sentence is uncertain in the CoNLL-2010 sense: its hedge kind is "hedged"."""
    hedge = mark_hedge(sentence)
    return hedge is not None and hedge.kind == "hedged"
