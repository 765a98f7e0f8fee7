"""The shipped hedge model: one scorer per register and the gate between them, in one model file.

`hedge_model.json` is written by `bench/train_hedges.py` in the model-file
envelope (`bot.digest.model_files`) and read by `load_hedge_model`, which fails
loudly when the file is missing or does not fit the code: there is no quiet
fall-back to marking by the cue patterns alone.

One word pass serves the register gate, the cue finder and the scorer: a
sentence is cut into words once (`sentence_words`), and what each written word
is to all three (its letter runs' stems and register weights, the cue patterns
it can start, the general scorer's part) is one look-up in one per-word memo.
The sentences the register gate reads are remembered for the marking that
follows. The marks are those of the three walking the sentence each on its own
(`tests/digest/hedges/test_marks_equivalence.py`).
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

import Stemmer as pystemmer

from bot.digest.hedges.cue_lexicon import ENGLISH, WORD_CACHE_SIZE, CueMatch
from bot.digest.hedges.register import TEXT_SAMPLE, RegisterGate
from bot.digest.hedges.identifiers import no_cue_spans
from bot.digest.hedges.scorer import (
    HedgeScorer, WordPart, scorer_cue, shown_cue_words, shown_logits, without_identifier_cues, word_regex,
)
from bot.digest.language.stemmers import stemmer
from bot.digest.model_files import model_envelope, package_model_path, read_model_file
from bot.digest.word_memo import word_memo

DEFAULT_MODEL_PATH = package_model_path("bot.digest.hedges", "hedge_model.json")
MODEL_KIND = "hedge-marker"
MODEL_FORMAT = 3
TRAINER = "bench.train_hedges"
# What the weights are keyed by: the scorers' feature families (see `scorer.tokens_with_features`), the
# gate's stems, and the cue pattern names (a renamed or added pattern needs a retrained model, not
# weights that silently stop applying).
FEATURES: tuple[str, ...] = (
    ("family:w", "family:s", "family:l", "family:r", "family:cue", "family:kind", "family:lex", "gate:stems")
    + tuple(sorted({p.name for p in ENGLISH.patterns} | {"modal:may", ENGLISH.consequence_name}))
)

# A scorer's word is one letter run, or two joined by an apostrophe: its letter runs are the parts between.
_APOSTROPHE = re.compile("['’]")
# Words the record memo remembers: twice a per-word memo's bound, since it stands for the three the general
# text's marking used (the general scorer's parts, the gate's stems, the cue triggers; 3.5 MB of records at
# 4,096 words each, against 4.1 MB for 8,192 records). A 100,000-word text then misses 10,300 words
# instead of 19,500 (9,500 distinct), the 181 pages 25,200 instead of 30,900 (20,800 distinct).
RECORD_MEMO_SIZE = 2 * WORD_CACHE_SIZE
# Sentences whose words are remembered: more than a text's register sample (up to twice `TEXT_SAMPLE`).
_REMEMBERED_SENTENCES = 4 * TEXT_SAMPLE


# ASCII with every character but a letter made a space: without an apostrophe in the sentence, its split() is
# what the scorers' word regex finds (runs of letters), for two thirds of the regex's time.
_LETTERS_KEPT = str.maketrans({chr(i): chr(i) if chr(i).isascii() and chr(i).isalpha() else " " for i in range(128)})


def ascii_words(sentence: str) -> list[str] | None:
    """`word_regex(sentence).findall(sentence)` for an ASCII sentence without an apostrophe; None for any other."""
    if sentence.isascii() and "'" not in sentence:
        return sentence.translate(_LETTERS_KEPT).split()
    return None


class _AsciiStems(threading.local):
    """Snowball English stems of lower-case ASCII words (what `stemmers.stemmer("english")` gives them), one
    PyStemmer object per thread without PyStemmer's own cache: the record memo is the cache, and a miss there
    costs a third of what it does through the shared stemmer's cache."""

    def __init__(self) -> None:
        self.stem = pystemmer.Stemmer("english", 0).stemWord


class WordRecord(NamedTuple):
    """What one written word is to the register gate, the cue finder and the general scorer."""

    general: WordPart  # its part in the general scorer (the scientific scorer's is looked up apart: seldom needed)
    patterns: tuple[int, ...]  # the English cue patterns its letter runs can start (`CueLexicon.patterns_of_word`)
    stems: tuple[tuple[str, float], ...]  # each letter run's stem and its weight in the register gate


_GENERAL_PART = operator.attrgetter("general")
_GATE_STEMS = operator.attrgetter("stems")


class SentenceWords(NamedTuple):
    words: list[str]  # as written, by the scorers' word regex
    records: list[WordRecord]

    def starts(self, sentence: str) -> list[int]:
        """The words' offsets in the sentence (`word_regex(sentence)`'s match starts): each word is the first
        occurrence of its text from the end of the word before, since between two matches stands no letter and
        a word starts with one (str.find costs a fifth of the regex's second pass)."""
        found, at, find = [], 0, sentence.find
        for word in self.words:
            at = find(word, at)
            found.append(at)
            at += len(word)
        return found


@dataclass(frozen=True)
class HedgeModel:
    general: HedgeScorer  # news, encyclopaedia and other general prose (learned from WikiWeasel)
    scientific: HedgeScorer  # biomedical papers (learned from the BioScope abstracts)
    register: RegisterGate  # which of the two a sentence is written in

    def scorer_for(self, sentence: str, scientific: bool | None = None) -> HedgeScorer:
        """The scorer of the text's register (`scientific`), or of the sentence's own when it is not given."""
        if scientific is None:
            scientific = self.register.is_scientific(sentence)
        return self.scientific if scientific else self.general

    @functools.cached_property
    def _word_record(self) -> Callable[[str], WordRecord]:
        general_part, patterns_of_run = self.general.part_of, ENGLISH.patterns_of_word
        patterns_of_lower_ascii = ENGLISH.patterns_of_lower_ascii
        weight_of_run, stem_weights = self.register.weight_of_word, self.register.stem_weights
        stem_of, ascii_stems, new = stemmer("english"), _AsciiStems(), tuple.__new__

        def word_record(written: str) -> WordRecord:
            word = written.lower().replace("’", "'")
            stem = ascii_stems.stem(word) if word.isascii() else stem_of(word)
            if "'" not in word:  # one letter run: the gate's stem is the scorer's
                # an ASCII run's patterns from `word`, its lower case, not lowered again ("K", the Kelvin sign,
                # lowers to ASCII: such a run keeps the general look-up)
                patterns = patterns_of_lower_ascii(word) if written.isascii() else patterns_of_run(written)
                # `WordRecord(...)` without its Python-level __new__: the same tuple
                return new(WordRecord, (general_part(word, stem), patterns, ((stem, stem_weights.get(stem, 0.0)),)))
            runs = _APOSTROPHE.split(written)
            patterns = tuple(sorted(set().union(*map(patterns_of_run, runs))))
            return WordRecord(general_part(word, stem), patterns, tuple(map(weight_of_run, runs)))

        return word_memo(RECORD_MEMO_SIZE)(word_record)

    @functools.cached_property
    def sentence_words(self) -> Callable[[str], SentenceWords]:
        """The sentence's words and their records: the marker's one word pass (remembered for a few
        sentences, so the ones the register gate read are not cut up again when they are marked)."""
        word_record = self._word_record

        def sentence_words(sentence: str) -> SentenceWords:
            words = ascii_words(sentence)
            if words is None:
                words = word_regex(sentence).findall(sentence)
            return SentenceWords(words, list(map(word_record, words)))

        return functools.lru_cache(maxsize=_REMEMBERED_SENTENCES)(sentence_words)

    def register_log_odds(self, words: SentenceWords) -> float:
        """`RegisterGate.log_odds` of the sentence of these words."""
        return self.register.log_odds_of_stems(itertools.chain.from_iterable(map(_GATE_STEMS, words.records)))

    def is_scientific_text(self, sentences: Sequence[str]) -> bool:
        """`RegisterGate.is_scientific_text`, from the word pass."""
        if not sentences:
            return False
        sample = sentences[:: max(1, len(sentences) // TEXT_SAMPLE)]
        words_of = self.sentence_words
        return sum(self.register_log_odds(words_of(s)) for s in sample) / len(sample) >= self.register.threshold

    def decide(self, sentence: str, scientific: bool | None) -> tuple[HedgeScorer, bool, list[CueMatch]]:
        """The scorer of the register (the sentence's own when `scientific` is None), whether it finds the
        sentence uncertain, and the sentence's English cues: all from one word pass."""
        words = self.sentence_words(sentence)
        # The records' fields side by side, in one pass in C (a comprehension per field cost more).
        general, patterns, _ = zip(*words.records) if words.records else ((), (), ())
        wanted = set().union(*patterns)
        cues = ENGLISH.cues_of(sentence, *ENGLISH.patterns_among(wanted)) if wanted else []
        if scientific is None:
            scientific = self.register_log_odds(words) >= self.register.threshold
        scorer = self.scientific if scientific else self.general
        parts = general if scorer is self.general else self._parts(words, scorer)
        starts = words.starts(sentence) if cues else []
        uncertain = scorer.parts_reach(parts, starts, cues, scorer.threshold)
        # A name holds no cue (`identifiers`): looked for only where a cue or the decision could change, since a
        # name can take a sentence's uncertainty, never give it (`HedgeScorer.score`). The register gate reads it.
        if (cues or uncertain) and no_cue_spans(sentence):
            prose_cues = without_identifier_cues(sentence, cues)
            if uncertain:
                starts = words.starts(sentence)
                uncertain = scorer.parts_reach(scorer.prose_parts(sentence, parts, starts), starts, prose_cues, scorer.threshold)
            cues = prose_cues
        return scorer, uncertain, cues

    def _parts(self, words: SentenceWords, scorer: HedgeScorer) -> Sequence[WordPart]:
        return tuple(map(_GENERAL_PART, words.records)) if scorer is self.general else tuple(map(scorer._word_part, words.words))

    def strongest_cue(self, sentence: str, scorer: HedgeScorer, cues: Sequence[CueMatch]) -> CueMatch | None:
        """`HedgeScorer.shown_cue` (the words shown as the cue of a scorer-decided hedge), from the word pass."""
        words = self.sentence_words(sentence)
        if not words.words:
            return None
        starts = words.starts(sentence)
        parts = scorer.prose_parts(sentence, self._parts(words, scorer), starts)
        logits = scorer._logits(parts, starts, without_identifier_cues(sentence, cues))
        span = shown_cue_words(sentence, starts, words.words, shown_logits(sentence, starts, logits), scorer)
        return None if span is None else scorer_cue(sentence, starts, words.words, span)

    def envelope(self, trained_on: str, data_sha256: str) -> dict[str, Any]:
        payload = {"general": self.general.payload(), "scientific": self.scientific.payload(),
                   "register": self.register.payload()}
        return model_envelope(MODEL_KIND, MODEL_FORMAT, FEATURES, trained_on, data_sha256, payload)


@functools.lru_cache(maxsize=4)
def load_hedge_model(path: Path = DEFAULT_MODEL_PATH) -> HedgeModel:
    """The model stored at `path`; raises `ModelFileError` when it is missing or does not fit the code."""
    payload = read_model_file(path, MODEL_KIND, MODEL_FORMAT, FEATURES, TRAINER).payload
    return HedgeModel(
        HedgeScorer.from_payload(payload["general"]),
        HedgeScorer.from_payload(payload["scientific"]),
        RegisterGate.from_payload(payload["register"]),
    )
