"""The eighteenth session's study: documents are picked by a hash of their id, and each variant is the summarizer's
rule asked beside `unfit` for one summary; the rules it tried and left off live in the study."""

from __future__ import annotations

from bench.sweep import Item, check_reader_bullets
from bench import sweep9_study as study
from bench.sweep9_study import VARIANTS, first_by_hash, summary_with
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.summarize import summarizer
from bot.digest.summarize.unfit import unfit


def test_documents_are_picked_by_a_hash_of_their_id() -> None:
    items = [Item("paste", f"p{n}", ".txt", "") for n in range(9)]
    chosen = first_by_hash(items, 3)
    assert len(chosen) == 3 and {i.id for i in first_by_hash(list(reversed(items)), 3)} == {i.id for i in chosen}


def test_a_variant_is_the_rule_for_one_summary_and_is_put_back() -> None:
    text = split_sentences("Startups learn by doing, and most of them fail within five years of their first round.\n\n"
                           "The market is a river that keeps changing its course under every founder's boat. "
                           "It shifts every year, and the founders who read it win the next round of funding.", "en")
    before = summarizer.choose
    with_rule = summary_with(text, "", "en", 2, VARIANTS["leans_on_unseen"])
    assert summarizer.choose is before
    assert 2 not in with_rule or 1 in with_rule  # "It shifts ..." only beside the sentence it leans on
    assert VARIANTS["main"] is None


def test_the_eighteenth_sessions_reader_kinds() -> None:
    said = {"summary": [
        {"text": "This analogy perfectly encapsulates the process.", "index": 4},
        {"text": "This month, our theme is woodworking.", "index": 9},
        {"text": "We'll start by chatting about why we group items […]", "index": 12},
        {"text": "1. How long is my trip to Iceland?", "index": 14},
        {"text": "Vintage gelatin silver contact print – 11.4 × 8.3 cm.", "index": 20},
        {"text": "This principle is the foundation.", "index": 21}]}
    kinds = [kind for kind, _ in check_reader_bullets(Item("paste", "1", ".txt", ""), said)]
    assert kinds == ["summary.demonstrative_phrase", "summary.bracketed_cut", "summary.numbered_question", "summary.caption_dimensions"]


def test_a_pronoun_leans_on_an_unseen_sentence_only_while_the_one_before_is_not_shown() -> None:
    text = split_sentences("Startups learn by doing.\n\nThe market is a river. This is the foundation. It shifts.", "en")
    assert study.leans_on_unseen(text, 3, frozenset()) and not study.leans_on_unseen(text, 3, {2})  # "It": shown once "This is ..." is
    assert study.leans_on_unseen(text, 2, frozenset({0})) and not study.leans_on_unseen(text, 2, {1})
    assert not study.leans_on_unseen(text, 1, frozenset())  # no pronoun
    first = split_sentences("Best Plants\n\nThese are the best plants for a dark flat.", "en")
    assert not study.leans_on_unseen(first, 1, frozenset())  # the text's first sentence after its title points at the page


def test_unfit_as_picked_counts_what_it_let_through_as_shown() -> None:
    text = split_sentences("Startups learn by doing.\n\nThe market is a river. It shifts.\n\nprint(x);", "en")
    asked = study.unfit_as_picked(text, unfit, study.leans_on_unseen)
    assert asked(2)  # "It shifts." with nothing shown
    assert not asked(1) and not asked(2)  # once "The market is a river." is let through, "It" has its sentence
    assert asked(3) and not study.unfit_as_picked(text, unfit)(2)  # `unfit` still holds; no rule: only `unfit`


def test_a_numbered_question() -> None:
    assert study.is_numbered_question("1. How long is my trip to Iceland?") and study.is_numbered_question("12) Which one?")
    assert not study.is_numbered_question("How long is my trip?") and not study.is_numbered_question("In 2019. Why?")
