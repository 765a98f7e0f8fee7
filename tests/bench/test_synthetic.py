"""The synthetic long articles: deterministic, the asked length, real paragraphs."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import count_words, make_article, rough_sentences, seed_sentences, sentence_pool


def test_seed_sentences_are_prose() -> None:
    sentences = seed_sentences()
    assert len(sentences) >= 10
    assert all(s[-1] in ".!?\"'”’)" for s in sentences)
    assert not any("Ad Free" in s for s in sentences)


def test_rough_sentences_cut_at_stops_before_capitals() -> None:
    text = "The river rose very fast overnight. Villagers moved their cattle to higher ground early.\nMenu Home News"
    assert rough_sentences(text) == ["The river rose very fast overnight.", "Villagers moved their cattle to higher ground early."]


def test_article_reaches_the_word_count_and_is_deterministic() -> None:
    pool = seed_sentences()
    article = make_article(pool, 2_000, seed=3)
    assert 2_000 <= article.words < 2_000 + 6 * 60
    assert article == make_article(pool, 2_000, seed=3)
    assert article != make_article(pool, 2_000, seed=4)
    assert len(article.paragraphs) > 10
    assert article.text.startswith(article.title + "\n\n")
    assert count_words(article.text) == article.words + count_words(article.title)


def test_html_form_holds_every_paragraph() -> None:
    article = make_article(seed_sentences(), 500)
    page = article.html
    assert page.count("<p>") == len(article.paragraphs)
    assert "<article>" in page


def test_pool_falls_back_to_the_seed_without_data(tmp_path: Path) -> None:
    assert sentence_pool(tmp_path) == seed_sentences()
    assert sentence_pool(None) == seed_sentences()
