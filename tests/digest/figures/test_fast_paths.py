"""The figure stage's fast paths give the figures the plain path gives.

Three tests skip work whose answer is known: a line that does not end as a sentence is
not scanned for quantities (the chrome test refuses it whatever it holds), a text
with none of the masks' signs is not scanned by the masks, and a line with none of the
pieces a chrome pattern needs is not searched with it. Turned off, they must not
change a single figure: on the built-in samples always, and on a fixed quarter of the
benchmark pages (ScrapingHub and WCXB) and pastes of ../shared/data when it is there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.fitting import hash_bucket
from bench.speed import html_pages, pastes
from bench.wcxb import load_pages
from bot.digest.figures import figure_finder, quantities, tokens
from bot.digest.figures.figure_finder import find_figures
from bot.digest.language import language_detector
from bot.digest.models import DigestError, Figure
from bot.digest.sources import RawDocument
from bot.digest.pipeline import extract_article
from bot.digest.segment.sentence_splitter import split_sentences
from bot.settings import DigestSettings
from tests.bench.test_split_equivalence import LANGUAGE_SAMPLES, SAMPLE
from tests.conftest import SHARED_DATA
from tests.digest.figures import references

DATA = Path(os.environ.get("SHARED_DATA", SHARED_DATA))


def figures_both_ways(text: str, code: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Figure], list[Figure]]:
    """(with the fast paths, without them) for one text."""
    sentences = split_sentences(text, code)
    fast = find_figures(sentences, limit=50, language_code=code)
    with monkeypatch.context() as plain:
        plain.setattr(figure_finder, "_worth_scanning", lambda text: True)
        plain.setattr(tokens, "may_hold_masks", lambda text: True)
        plain.setattr(figure_finder, "_has_sign", lambda text, signs: True)
        plain.setattr(figure_finder, "_number_run", references.slow_number_run)
        plain.setattr(figure_finder, "_TITLE_RUN", references.SLOW_TITLE_RUN)
        plain.setattr(quantities, "tokenize", references.slow_tokenize)
        plain.setattr(quantities, "_number_word_pattern", references.slow_number_word_pattern)
        slow = find_figures(sentences, limit=50, language_code=code)
    return fast, slow


def test_samples_give_the_same_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    samples = [*SAMPLE, *((path.read_text(encoding="utf-8"), language_detector.identify(path.read_text(encoding="utf-8"))) for path in LANGUAGE_SAMPLES)]
    for text, code in samples:
        fast, slow = figures_both_ways(text, code, monkeypatch)
        assert fast == slow, text[:80]
    assert any(figures_both_ways(text, code, monkeypatch)[0] for text, code in samples)


_PIECES = st.sampled_from([
    "Call 555-123-4567 today", "see www.example.org/7", "write to a@b.org", "+44 20 7946 0958", "(12)", "[3, 4]",
    "1. First", "2) Then", "\n3. Next", "It rose 12% to $4.5 million", "about 300 people", "Reading time: 4 min",
    "Copyright 2024", "at 10:30", "in 2019", "one in 10 say", "the two were", "Price: $9.99/mo", "{x = 4}", ".", "!",
    " ", "\n", ",", ":", "Updated May 2, 2025", "(AMZN +0.21%)",
    "Suite 200", "CA 94105", "P.O. Box 12", "4 min read", "We tested 12 models", "our team tested 5", "Home » Best 10",
    "20% off", "free 14-day trial", "$5 $6", "10 20 30 40", "2For the", "Sources: 12", "5\u00a06\t7\n8", "Lesezeit 3",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12))
def test_any_mix_of_masks_and_chrome_gives_the_same_figures(pieces: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = figures_both_ways(" ".join(pieces), "en", monkeypatch)
    assert fast == slow


@pytest.fixture(scope="module")
def benchmark_texts() -> list[tuple[str, str, str]]:
    """(id, article text, language) of a fixed quarter of the benchmark's pages (ScrapingHub, WCXB) and pastes, as the pipeline extracts them."""
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is not present")
    documents = [(item.id, item.document) for item in (*html_pages(DATA), *pastes(DATA / "pastes" / "scrapinghub.jsonl"))]
    documents += [(page.id, RawDocument(source=page.id, text=page.html, kind="html")) for page in load_pages(DATA, "all")]
    texts = []
    for doc_id, document in documents:
        if hash_bucket(doc_id, 4, salt="figures-equivalence") != 0:
            continue
        try:
            text = extract_article(document, DigestSettings()).text
        except DigestError:
            continue
        texts.append((doc_id, text, language_detector.identify(text)))
    assert len(texts) > 400
    return texts


@pytest.mark.timeout(1800)
def test_benchmark_texts_give_the_same_figures(benchmark_texts: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    differing = [doc_id for doc_id, text, code in benchmark_texts if (pair := figures_both_ways(text, code, monkeypatch))[0] != pair[1]]
    assert differing == []


@pytest.mark.parametrize(
    "line",
    [
        "Reading time: 4 minutes.", "Lesezeit: 3 Minuten.", "Subscribe for 12 issues.", "Copyright 2024 Example Media.",
        "Use code SAVE20 for 20% off.", "Start your free 14-day trial.", "Price: $9.99.", "We tested 12 blenders.",
        "Our team of experts tested 40 mattresses.", "Photo: 3 of 12.", "Home » Guides » 10 Best Tents.",
        "Write to Suite 200, Austin.", "San Francisco, CA 94105.", "P.O. Box 1234, Dover.", "Scores: 10 20 30 40.",
        "2For the 10-year period.", "Was $5 $6 now.", "Totals\u00a05\u00a06\u00a07\u00a08.",
        "37 comments Cancel reply Your email address will not be published.", "12 comments. Leave a reply.",
        "Leave a comment on our 5 tips.",
    ],
)
def test_the_chrome_test_asks_a_pattern_only_when_its_pieces_are_there(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Self-written chrome lines, one per guarded pattern: each is refused with the guards and without them."""
    assert figure_finder._chrome_line(line)
    monkeypatch.setattr(figure_finder, "_has_sign", lambda text, signs: True)
    monkeypatch.setattr(figure_finder, "_number_run", references.slow_number_run)
    assert figure_finder._chrome_line(line)
