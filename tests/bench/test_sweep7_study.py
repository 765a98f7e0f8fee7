"""The sixteenth session's study: the hand-read pages are chosen by a hash, and `compare` counts what a change moves."""

from __future__ import annotations

from bench.sweep import Item
from bench.sweep7_study import NON_ARTICLE_TYPES, compare, picked, variant_filters
from bot.digest.segment.sentence_splitter import split_sentences
from tests.bench.test_sweep import digest


def _item(kind: str, page_id: str) -> Item:
    return Item(f"wcxb-{kind}", page_id, ".html", "", truth="word " * 80)


def test_pages_are_picked_by_a_hash_of_their_id_per_non_article_type() -> None:
    items = [_item(kind, f"{kind}{n}") for kind in (*NON_ARTICLE_TYPES, "article") for n in range(5)]
    chosen = picked(items, 2)
    assert len(chosen) == 2 * len(NON_ARTICLE_TYPES) and not any(item.set == "wcxb-article" for item in chosen)
    assert picked(list(reversed(items)), 2) == chosen  # the order they come in does not matter


def test_compare_counts_kinds_and_changed_summaries() -> None:
    item = _item("product", "0001")
    text = "How do I choose?\nThe desk rises from 22 to 48 inches at the touch of a button."
    def said(sentence: str, index: int) -> dict:
        return digest(title="Desk", text=text, summary=[{"text": sentence, "index": index, "hedge": None, "soft_cues": []}])

    before, after = said("How do I choose?", 0), said("The desk rises from 22 to 48 inches at the touch of a button.", 1)
    counts_before, counts_after, changed = compare([item], [before], [after])
    assert counts_before["summary.question_line"] == 1 and counts_after["summary.question_line"] == 0
    assert changed == ["wcxb-product 0001"]


def test_each_variant_adds_its_rule_to_mains_filter() -> None:
    sentences = split_sentences("What Is Video Production?\nVideo production is the making of video content.", "en")
    filters = variant_filters()
    assert not filters["main"](sentences, 0) and filters["question"](sentences, 0) and filters["all"](sentences, 0)
    assert not filters["teaser"](sentences, 0)
    colon = split_sentences("Blending Power\n\n: Effectively blends frozen fruit, nuts, and ice.", "en")
    assert filters["colon"](colon, 1) and not filters["all"](colon, 1)  # a rule tried is not in "all" (the shipped filter)
