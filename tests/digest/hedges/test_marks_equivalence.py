"""The hedge marker's speed-ups give the marks of the plain code: on every benchmark document when present.

`HedgeMarker.mark` is made of three parts, each sped up against a plain reference kept in the code:
the cue patterns (triggers pick the patterns to run; the reference runs all of them), the scorer's
decision (a cached ceiling settles most sentences; the reference is the exact score against the
threshold) and the register gate (letter runs by an ASCII regex where it can; the reference, the
Unicode one). Equal parts give equal marks; and the marker's one word pass, which feeds all three
from one per-word record, marks as the three parts walking the sentence each on its own. The sentences are those the pipeline hands to the marker:
the pages and pastes of ../shared/data extracted and split as the digest does (the split test's
documents: a fixed quarter by default, SPLIT_EQUIVALENCE=all for every one), and every sentence of the
three hedge corpora.
"""

from __future__ import annotations

import re

import pytest

from bot.digest.hedges.cue_lexicon import ENGLISH
from bot.digest.hedges.hedge_marker import HedgeMarker, default_marker
from bot.digest.hedges.hedge_model import load_hedge_model
from bot.digest.hedges.register import RegisterGate
from bot.digest.segment.sentence_splitter import split_sentences
from tests.bench.test_split_equivalence import DATA, DATA_TIMEOUT, benchmark_articles  # noqa: F401 (a fixture)
from tests.digest.hedges.test_speed_equivalence import SENTENCES

_UNICODE_LETTERS = re.compile(r"[^\W\d_]+")


def reference_register_log_odds(gate: RegisterGate, sentence: str) -> float:
    """`RegisterGate.log_odds` as it was: the letter runs by the Unicode regex, each stem once in order."""
    seen = dict(map(gate._weight_of_word, _UNICODE_LETTERS.findall(sentence)))
    return gate.bias + sum(seen.values())


def differing_parts(sentences: list[str]) -> list[tuple[str, str]]:
    """(part, sentence) for every sentence where a sped-up part answers otherwise than its reference."""
    model = load_hedge_model()
    differing = []
    for sentence in sentences:
        cues = ENGLISH.find_cues(sentence)
        if cues != ENGLISH.find_cues(sentence, prefilter=False):
            differing.append(("cues", sentence))
        for scorer in (model.general, model.scientific):
            if scorer.is_uncertain(sentence, cues) != (scorer.score(sentence, cues) >= scorer.threshold):
                differing.append((scorer.domain, sentence))
        if model.register.log_odds(sentence) != reference_register_log_odds(model.register, sentence):
            differing.append(("register", sentence))
    return differing


def differing_marks(sentences: list[str]) -> list[tuple[bool | None, str]]:
    """(register, sentence) for every sentence the marker's one word pass (`HedgeModel.decide`) marks
    otherwise than the separate walks: the cue finder, the scorer of the register and its strongest token."""
    model = load_hedge_model()
    marker = HedgeMarker(model)
    by_scorer = {False: HedgeMarker(model.general), True: HedgeMarker(model.scientific)}
    differing = []
    for sentence in sentences:
        for scientific in (False, True, None):
            reference = by_scorer[model.register.is_scientific(sentence) if scientific is None else scientific]
            if marker.mark(sentence, "en", scientific) != reference.mark(sentence, "en"):
                differing.append((scientific, sentence))
    return differing


def test_sped_up_parts_answer_as_their_references_on_our_sentences() -> None:
    assert differing_parts(SENTENCES) == []


def test_the_word_pass_marks_as_the_separate_walks_on_our_sentences() -> None:
    assert differing_marks(SENTENCES) == []
    texts = [SENTENCES[i : i + n] for i, n in ((0, 1), (5, 40), (50, 300), (400, 77))]
    marker, gate = default_marker(), load_hedge_model().register
    assert [marker.is_scientific_text(text) for text in texts] == [gate.is_scientific_text(text) for text in texts]


def test_the_text_register_is_the_mean_of_the_references() -> None:
    gate = load_hedge_model().register
    text = SENTENCES[:120]
    sample = text[:: max(1, len(text) // 32)]
    mean = sum(reference_register_log_odds(gate, s) for s in sample) / len(sample)
    assert default_marker().is_scientific_text(text) == (mean >= gate.threshold)


def _benchmark_sentences(articles: list[tuple[str, str, str]]) -> list[str]:
    from bench.train_hedges import load_bioscope, load_wikiweasel

    sentences = [s.text for _, text, code in articles if code.startswith("en")
                 for s in split_sentences(text, code) if not s.is_heading]
    hedges = DATA / "hedges"
    for corpus in (load_wikiweasel(hedges / "wikiweasel-train.csv.gz"), load_bioscope(hedges / "bioscope-abstracts.xml.gz"),
                   load_bioscope(hedges / "bioscope-full-papers.xml.gz")):
        sentences += [item.text for item in corpus if item.text]
    return sentences


@pytest.mark.timeout(DATA_TIMEOUT)
def test_sped_up_parts_answer_as_their_references_on_the_benchmark_documents(
    benchmark_articles: list[tuple[str, str, str]],
) -> None:
    sentences = _benchmark_sentences(benchmark_articles)
    assert len(sentences) > 30_000
    assert differing_parts(sentences) == []
    assert differing_marks(sentences) == []
