"""The hedge marker's speed-ups give the marks of the plain code: on every benchmark document when present.

`HedgeMarker.mark` is made of three parts, each sped up against a plain reference kept in the code:
the cue patterns (triggers pick the patterns to run; the reference runs all of them), the scorer's
decision (a cached ceiling settles most sentences; the reference is the exact score against the
threshold) and the register gate (letter runs by an ASCII regex where it can; the reference, the
Unicode one). Equal parts give equal marks. The sentences are those the pipeline hands to the marker:
the pages and pastes of ../shared/data extracted and split as the digest does (a fixed quarter by
default, HEDGE_EQUIVALENCE=all for every one), and every sentence of the three hedge corpora.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bench.fitting import hash_bucket
from bench.speed import html_pages, pastes
from bot.digest.hedges.cue_lexicon import ENGLISH
from bot.digest.hedges.hedge_marker import default_marker
from bot.digest.hedges.hedge_model import load_hedge_model
from bot.digest.hedges.register import RegisterGate
from bot.digest.language import language_detector
from bot.digest.models import DigestError
from bot.digest.pipeline import extract_article
from bot.digest.segment.sentence_splitter import split_sentences
from bot.settings import DigestSettings
from tests.conftest import SHARED_DATA
from tests.digest.hedges.test_speed_equivalence import SENTENCES

DATA = Path(os.environ.get("SHARED_DATA", SHARED_DATA))
DATA_TIMEOUT = 3600
EVERY_DOCUMENT = os.environ.get("HEDGE_EQUIVALENCE") == "all"
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


def test_sped_up_parts_answer_as_their_references_on_our_sentences() -> None:
    assert differing_parts(SENTENCES) == []


def test_the_text_register_is_the_mean_of_the_references() -> None:
    gate = load_hedge_model().register
    text = SENTENCES[:120]
    sample = text[:: max(1, len(text) // 32)]
    mean = sum(reference_register_log_odds(gate, s) for s in sample) / len(sample)
    assert default_marker().is_scientific_text(text) == (mean >= gate.threshold)


def _benchmark_sentences() -> list[str]:
    from bench.train_hedges import load_bioscope, load_wikiweasel

    settings = DigestSettings()
    items = [
        *html_pages(DATA),
        *pastes(DATA / "pastes" / "scrapinghub.jsonl"),
        *pastes(DATA / "pastes" / "wcxb-dev-articles.jsonl.gz"),
    ]
    sentences = []
    for item in items:
        if not EVERY_DOCUMENT and hash_bucket(item.id, 4, salt="equivalence") != 0:
            continue
        try:
            text = extract_article(item.document, settings).text
        except DigestError:
            continue
        code = language_detector.identify(text)
        if code.startswith("en"):
            sentences += [s.text for s in split_sentences(text, code) if not s.is_heading]
    hedges = DATA / "hedges"
    for corpus in (load_wikiweasel(hedges / "wikiweasel-train.csv.gz"), load_bioscope(hedges / "bioscope-abstracts.xml.gz"),
                   load_bioscope(hedges / "bioscope-full-papers.xml.gz")):
        sentences += [item.text for item in corpus if item.text]
    return sentences


@pytest.mark.timeout(DATA_TIMEOUT)
def test_sped_up_parts_answer_as_their_references_on_the_benchmark_documents() -> None:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is not present")
    sentences = _benchmark_sentences()
    assert len(sentences) > (100_000 if EVERY_DOCUMENT else 30_000)
    assert differing_parts(sentences) == []
