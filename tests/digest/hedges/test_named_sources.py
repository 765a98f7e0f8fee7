from __future__ import annotations

import pytest

from bot.digest.hedges.cue_lexicon import CueMatch, find_cues
from bot.digest.hedges.hedge_marker import mark_hedge
from bot.digest.hedges.identifiers import no_cue_spans
from bot.digest.hedges.named_sources import source_cues, source_name_spans, with_source_cues
from bot.digest.models import Hedge


@pytest.mark.parametrize(
    "sentence, cue, name",
    [
        ("The Post reported that the minister had resigned.", "The Post reported", "Post"),
        ("The Washington Post has reported that talks stalled.", "The Washington Post has reported", "Washington Post"),
        ("The New York Times said the deal was done.", "The New York Times said", "New York Times"),
        ("According to the Post, the minister had resigned.", "According to the Post", "Post"),
        ("Fewer adults smoke, according to the Centers for Disease Control and Prevention.",
         "according to the Centers for Disease Control and Prevention", "Centers for Disease Control and Prevention"),
        ("Prices rose, according to the BBC.", "according to the BBC", "BBC"),
    ],
)
def test_a_named_source_is_found_with_its_name(sentence: str, cue: str, name: str) -> None:
    assert [c.text for c in source_cues(sentence)] == [cue]
    assert [sentence[start:end] for start, end in source_name_spans(sentence)] == [name]
    assert all(span in no_cue_spans(sentence) for span in source_name_spans(sentence))


def test_a_news_source_by_its_common_noun_is_a_cue_without_a_name() -> None:
    assert [c.text for c in source_cues("The agency reported a rise in cases.")] == ["The agency reported"]
    assert source_name_spans("The agency reported a rise in cases.") == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics say the plan is flawed.",  # a generalising subject is no name
        "According to some, the earth is flat.",
        "Reuters reported that the company was in talks.",  # no "the": "These reports", "Customizable reports" on tune
        "The AI writes code and the tools catch issues.",  # no reporting verb
        "The Guardian US added 680,000 subscribers.",
        "the post reported nothing",  # a name is capitalised
    ],
)
def test_no_named_source(sentence: str) -> None:
    assert source_cues(sentence) == [] and source_name_spans(sentence) == ()


def test_a_source_cue_replaces_the_bare_cues_it_covers_and_yields_to_one_it_crosses() -> None:
    sentence = "The BBC said the strike would go ahead."
    assert [c.text for c in with_source_cues(sentence, find_cues(sentence))] == ["The BBC said"]
    crossing = CueMatch("BBC said the", "test", "hedged", 4, 16)
    assert with_source_cues(sentence, [crossing]) == [crossing]


def test_the_digest_attributes_a_claim_to_its_named_source() -> None:
    # Before: hedged, with the newspaper's name "Post" (a word the general scorer weighs as a hedge) as the cue.
    assert mark_hedge("The Post reported that the minister had resigned.") == Hedge("attributed", ("The Post reported",))
    assert mark_hedge("According to the Post, the minister had resigned.") == Hedge("attributed", ("According to the Post",))
    assert mark_hedge("The BBC said the strike would go ahead.") == Hedge("attributed", ("The BBC said",))
    # an uncertain claim stays hedged, its source shown beside the hedge word
    hedge = mark_hedge("The Post reported that the minister was reportedly ill.")
    assert hedge is not None and hedge.kind == "hedged" and "reportedly" in hedge.cues


def test_a_scorer_decided_hedge_shows_the_words_that_carry_it() -> None:
    assert mark_hedge("One of the best ways to save money is to cook at home.") == Hedge("hedged", ("One of the best",))


def test_the_gate_before_the_pattern_lets_every_match_through() -> None:
    # white space other than a space after "the" still names the source
    assert [c.text for c in source_cues("The\nPost reported that talks stalled.")] == ["The\nPost reported"]
