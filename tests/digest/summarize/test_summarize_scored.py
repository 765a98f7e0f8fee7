"""`summarize_scored`: the summary of `summarize` and the scores it was chosen by (eighth session)."""

from __future__ import annotations

from bot.digest.language.language_detector import detect_language
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.summarize.summarizer import summarize, summarize_scored


def test_same_summary_as_summarize_and_a_score_per_chosen_sentence(sample_text: str) -> None:
    title, body = sample_text.split("\n", 1)
    split = split_sentences(body)
    language = detect_language(body)
    chosen, scores = summarize_scored(split, title, language, 4)
    assert chosen == summarize(split, title, language, 4)
    assert set(chosen) <= set(scores)
    assert all(isinstance(value, float) for value in scores.values())


def test_nothing_to_summarize() -> None:
    assert summarize_scored([], "", detect_language("Some words here for the detector."), 3) == ([], {})
