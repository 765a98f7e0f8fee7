"""The layouts `bench.summaries` gives articles in (no shared data needed)."""

from __future__ import annotations

from bench.summaries import CNN_DATELINE, DAILYMAIL_BYLINE, FORMS, VARIANT_FORMS, NewsArticle, document_text

ARTICLE = NewsArticle(
    id="test/1",
    corpus="CNN Corpus",
    title="Storm closes the port",
    paragraphs=("A storm closed the port of Dover on Monday. Ferries stayed in harbour.", "Trucks queued for miles."),
    reference=("A storm closed the port.",),
)
BODY = "A storm closed the port of Dover on Monday. Ferries stayed in harbour. Trucks queued for miles."


def test_every_layout_holds_the_whole_body_and_only_one_has_the_headline() -> None:
    for form in (*FORMS, *VARIANT_FORMS):
        text = document_text(ARTICLE, form)
        assert " ".join(text.split()).endswith(BODY), form
        assert text.startswith(ARTICLE.title) == (form == "title + paragraphs"), form


def test_byline_and_dateline_come_before_a_one_paragraph_body() -> None:
    assert document_text(ARTICLE, "DailyMail byline, one paragraph") == DAILYMAIL_BYLINE + BODY + "\n"
    assert document_text(ARTICLE, "CNN dateline, one paragraph") == CNN_DATELINE + BODY + "\n"
    assert document_text(ARTICLE, "one paragraph").count("\n") == 1


def test_one_sentence_per_paragraph() -> None:
    paragraphs = document_text(ARTICLE, "one sentence per paragraph").strip().split("\n\n")
    assert paragraphs == ["A storm closed the port of Dover on Monday.", "Ferries stayed in harbour.", "Trucks queued for miles."]
