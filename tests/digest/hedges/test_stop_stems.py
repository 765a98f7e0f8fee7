"""Stems the general scorer learns no weight for by themselves (`bench.train_hedges.GENERAL_STOP_STEMS`)."""

from __future__ import annotations

from bench.train_hedges import (
    GENERAL_STOP_STEMS,
    LabelledSentence,
    names_stop_stem,
    featurise,
    split,
    train_scorer,
    without_stop_stems,
)
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


def test_the_shipped_general_scorer_was_trained_with_the_trainers_stop_stems() -> None:
    """A stop list changed without retraining the model file fails here (the list is empty while switched off)."""
    general = load_hedge_model().general
    assert general.info.get("stop_stems", []) == list(GENERAL_STOP_STEMS)
    stop = frozenset(GENERAL_STOP_STEMS)
    assert not any(names_stop_stem(feature, stop) for feature in general.weights)
