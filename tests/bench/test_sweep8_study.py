"""The seventeenth session's article study: documents are picked by a hash, and each variant adds its rule to main's filter."""

from __future__ import annotations

from bench.sweep import Item
from bench.sweep8_study import RULES, article_kinds, is_cut_quotation, picked, variant_filters
from bot.digest.segment.sentence_splitter import split_sentences
from tests.bench.test_sweep import digest


def _item(kind: str, page_id: str) -> Item:
    return Item(kind, page_id, ".html", "", truth="word " * 80)


def test_documents_are_picked_by_a_hash_of_their_id_per_set() -> None:
    items = [_item(kind, f"{kind}{n}") for kind in ("wcxb-article", "paste", "wcxb-forum") for n in range(5)]
    results = [{"id": item.id} for item in items]
    chosen = picked(items, results, 2)
    assert [item.set for item, _ in chosen] == ["wcxb-article"] * 2 + ["paste"] * 2
    assert all(result["id"] == item.id for item, result in chosen)
    assert {i.id for i, _ in picked(list(reversed(items)), list(reversed(results)), 2)} == {i.id for i, _ in chosen}


def test_each_variant_adds_its_rule_to_mains_filter() -> None:
    sentences = split_sentences("Plants for a dark flat.\n\nPothos\n\nThey can handle low light. They grow fast.", "en")
    filters = variant_filters()
    assert set(filters) == {"main", "all", *RULES}
    assert not filters["main"](sentences, 2) and filters["all"](sentences, 2)
    assert all(filters[name](sentences, 2) for name in ("leans (paragraph openers)", "leans anywhere", "leans after a heading"))
    assert not filters["leans (paragraph openers)"](sentences, 3) and filters["leans anywhere"](sentences, 3)
    tip = split_sentences("Plants.\n\nTurn off the lamp.\n\nThis is the first thing to do. It helps.", "en")
    assert filters["demonstrative opener"](tip, 2) and not filters["leans after a heading"](tip, 2) and not filters["all"](tip, 2)


def test_article_kinds_holds_the_sweeps_and_the_article_checks() -> None:
    text = "Pothos\n\nThey can handle low light.\n\nHow do I choose?"
    said = digest(text=text, figures=[], hedges=[], summary=[
        {"text": "They can handle low light.", "index": 1, "hedge": None, "soft_cues": []},
        {"text": "How do I choose?", "index": 2, "hedge": None, "soft_cues": []}])
    assert {"summary.dependent_opening", "summary.question_line"} <= article_kinds(_item("wcxb-article", "1"), said)


def test_a_quotation_and_its_speakers_tag_cut_apart_are_both_cut() -> None:
    cut = split_sentences('Then she stopped. "Are you for Ukraine or for Russia?" Alex Shiroki\'s boss asked him Thursday. '
                          "Shiroki, 35, opposes the invasion.", "en")
    assert [is_cut_quotation(cut, i) for i in range(len(cut))] == [False, True, True, False]
    whole = split_sentences('"We will protect our lands," the mayor said. He left at noon.', "en")
    assert not any(is_cut_quotation(whole, i) for i in range(len(whole)))  # the tag inside the sentence: whole
    long_tag = split_sentences('"Why now?" The minister said nothing about the timing of the vote in parliament on Tuesday.', "en")
    assert not is_cut_quotation(long_tag, 1)  # over SPEAKER_TAG_WORDS: a sentence of its own
