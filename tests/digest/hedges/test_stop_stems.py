"""Stems the general scorer learns no weight for by themselves (`bench.train_hedges.GENERAL_STOP_STEMS`)."""

from __future__ import annotations

import pytest

from bench.train_hedges import (
    GENERAL_STOP_STEMS,
    LabelledSentence,
    featurise,
    split,
    train_scorer,
    without_stop_stems,
)
from bot.digest.hedges.hedge_marker import mark_hedge
from bot.digest.hedges.hedge_model import load_hedge_model


def _names_post(feature: str) -> bool:
    family, _, value = feature.partition(":")
    return family in ("w", "s", "l", "r") and any(part.startswith("post") for part in value.split(" "))


def test_the_stop_stems_features_are_left_out_and_the_cue_and_phrase_features_kept() -> None:
    items = [LabelledSentence("In this blog post some people may disagree.", True, "a")]
    groups = {"weasel/vague-source": ("some people",)}
    before = featurise(items, groups)
    after = featurise(items, groups, ("post",))
    assert before != after and without_stop_stems(before, ("post",)) == after
    assert any(_names_post(f) for token in before[0] for f in token)
    assert not any(_names_post(f) for token in after[0] for f in token)  # "w:post", "s:post", "l:blog post", "r:post some"
    kept = set().union(*after[0])
    assert {"w:blog", "s:blog", "w:may", "lex:weasel/vague-source", "l:this blog"} <= kept
    assert any(f.startswith("cue:") for f in kept)  # the "may" pattern
    assert without_stop_stems(before, ()) is before


def test_a_stop_stem_gets_no_weight_even_when_it_marks_the_uncertain_sentences() -> None:
    items = []
    for i, subject in enumerate(["The river", "A committee", "Our museum", "That league", "The factory", "His band"]):
        for j, verb in enumerate(["opened", "closed", "grew", "moved", "changed", "ended", "won"]):
            uncertain = (i + j) % 3 == 0
            text = f"{subject}{' zorbly' if uncertain else ''} {verb} in {1990 + j}."
            items.append(LabelledSentence(text, uncertain, f"{text}#{i}{j}"))
    train, _ = split(items)
    learnt = train_scorer({"toy": train}, "toy", {}, l2_grid=(1.0,))
    stopped = train_scorer({"toy": train}, "toy", {}, l2_grid=(1.0,), stop_stems=("zorbl",))
    assert learnt.weights["w:zorbly"] > 1.0
    assert not any("zorbl" in feature for feature in stopped.weights)
    assert stopped.info["stop_stems"] == ["zorbl"] and "stop_stems" not in learnt.info


def test_the_shipped_general_scorer_has_no_weight_for_its_stop_stems() -> None:
    general = load_hedge_model().general
    assert general.info["stop_stems"] == list(GENERAL_STOP_STEMS)
    assert not any(_names_post(feature) for feature in general.weights)
    assert general.word_part("post").logit == general.token_bias == general.word_part("posts").logit


@pytest.mark.parametrize("sentence", [  # each hedged with the cue "post" by the model before the stop stems
    "Thanks for the post, it was exactly what I needed.",
    "The post-war economy grew quickly.",
    "The post office closes at five.",
    "She shared the post on her page.",
    "He was appointed to the post in 1998.",
])
def test_post_alone_does_not_make_a_sentence_hedged(sentence: str) -> None:
    assert mark_hedge(sentence) is None


@pytest.mark.parametrize("sentence", [
    "In this blog post, some experts believe the market will recover.",
    "Post-war historians are thought to have exaggerated the losses.",
])
def test_a_hedge_beside_post_still_counts(sentence: str) -> None:
    hedge = mark_hedge(sentence)
    assert hedge is not None and hedge.kind == "hedged"
