"""The hedge marker on news sentences of our own, the sample article, and (when present) the public data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.digest.hedges.cue_lexicon import ENGLISH, find_cues
from bot.digest.hedges.hedge_marker import (
    HedgeMarker,
    SentenceMarks,
    is_uncertain,
    mark_hedge,
    mark_sentence,
    text_register,
)
from bot.digest.hedges.hedge_model import HedgeModel, load_hedge_model
from bot.digest.hedges.register import RegisterGate
from bot.digest.hedges.scorer import HedgeScorer
from bot.digest.model_files import ModelFileError, write_model_file
from bot.digest.models import Hedge

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "syrian-officers-defect.txt"
from tests.conftest import SHARED_DATA  # noqa: E402

DATA = SHARED_DATA

MAY_GENERAL = (
    "One of those three may be a general, but reports on the rank of the third high-level defector "
    "remain inconclusive."
)
IF_GENERAL = (
    "If a general were among those who fled their posts in the Syrian Army, as some reports suggest, "
    "it would mark the 13th general to defect to Turkey since the uprising began about 16 months ago, "
    "reports Al Jazeera."
)


def _kind(sentence: str) -> str | None:
    hedge = mark_hedge(sentence)
    return hedge.kind if hedge else None


# --- the sample article


def test_may_be_a_general_is_hedged_with_both_cues() -> None:
    hedge = mark_hedge(MAY_GENERAL)
    assert hedge is not None and hedge.kind == "hedged"
    assert "may" in hedge.cues and "remain inconclusive" in hedge.cues


def test_as_some_reports_suggest_is_hedged_and_keeps_the_attribution_cue() -> None:
    hedge = mark_hedge(IF_GENERAL)
    assert hedge is not None and hedge.kind == "hedged"
    assert "suggest" in hedge.cues
    assert "reports Al Jazeera" in hedge.cues
    assert "If" in hedge.cues  # the conditional is listed too, in reading order
    assert hedge.cues.index("If") < hedge.cues.index("suggest") < hedge.cues.index("reports Al Jazeera")


def test_attribution_alone_is_attributed() -> None:
    assert mark_hedge("The army lost 12 tanks, reports Al Jazeera.") == Hedge("attributed", ("reports Al Jazeera",))


def test_sample_article_sentences_are_marked() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert MAY_GENERAL in text and IF_GENERAL in text  # the constants above are verbatim
    writes = next(line for line in text.splitlines() if "writes the Atlantic" in line)
    hedge = mark_hedge(writes)
    assert hedge is not None and hedge.kind == "hedged"  # "it appears", "it seems"
    assert "writes the Atlantic's Dashiell Bennett" in hedge.cues


# --- news sentences of our own, one kind at a time


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The minister might resign before the vote.", "might"),
        ("The fire was possibly started by a faulty heater.", "possibly"),
        ("The suspect reportedly fled to Spain.", "reportedly"),
        ("The senator allegedly accepted bribes.", "allegedly"),
        ("The data suggest a link between the two outbreaks.", "suggest"),
        ("It is doubtful the deal will survive the summer.", "It is doubtful"),
        ("The ship is believed to have sunk near the coast.", "believed to have"),
        ("Some people say the mayor lied about the budget.", "Some people say"),
        ("Many believe the vote was rigged.", "Many believe"),
        ("It is unclear whether the talks will resume.", "It is unclear"),
    ],
)
def test_hedged_news_sentences(sentence: str, cue: str) -> None:
    hedge = mark_hedge(sentence)
    assert hedge is not None and hedge.kind == "hedged", sentence
    assert cue in hedge.cues


@pytest.mark.parametrize(
    "sentence",
    [
        "Many experts believe the plan will fail.",
        "It is widely held that the treaty was a mistake.",
        "Critics say the law is unfair to renters.",
        "Some argue that the tax should be scrapped.",
        "He is considered one of the best players of his generation.",
        "The drug is thought to reduce pain in older patients.",
        "The painting is believed to be by Vermeer.",
        "It is said that the castle is haunted.",
        "The film is arguably his finest work.",
    ],
)
def test_weasel_wording_is_hedged(sentence: str) -> None:
    # Weasel wording (CoNLL-2010): a belief held by nobody in particular, unnamed sayers, peacock superlatives.
    assert _kind(sentence) == "hedged", sentence


@pytest.mark.parametrize("sentence", ["The bridge may carry 40 tonnes.", "Visitors may park in the east lot."])
def test_a_may_of_capability_or_permission_is_a_soft_cue_not_a_hedge(sentence: str) -> None:
    assert mark_sentence(sentence) == SentenceMarks(None, ("may",))


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The cause of the crash remains unclear.", "remains unclear"),
        ("Such defections are seen as a blow to the regime.", "are seen as"),
        ("An estimated 4,000 people attended the rally.", "estimated"),
        ("The bridge could collapse within a year.", "could"),
        ("The bridge may carry 40 tonnes.", "may"),
    ],
)
def test_a_cue_the_scorer_weighs_is_shown_hedged_or_soft(sentence: str, cue: str) -> None:
    # The scorer decides (the annotators of WikiWeasel count fewer than a third of its "may" and "could"
    # sentences uncertain); a cue it does not count is still shown, as a soft cue, never dropped.
    marks = mark_sentence(sentence)
    shown = marks.soft_cues if marks.hedge is None else marks.hedge.cues
    assert cue in shown, marks
    assert marks.hedge is None or marks.hedge.kind == "hedged"


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("According to the ministry, 40 schools were closed.", "according to"),
        ("The plant will close in March, officials said.", "said"),
        ("The talks have collapsed, a spokesman told Reuters.", "told Reuters"),
        ("The company said in a statement that prices will rise.", "said in a statement"),
        ("Turnout was the lowest since 1945, writes the Guardian's Jane Smith.", "writes the Guardian's Jane Smith"),
    ],
)
def test_attributed_news_sentences(sentence: str, cue: str) -> None:
    hedge = mark_hedge(sentence)
    assert hedge is not None and hedge.kind == "attributed", sentence
    assert cue in (c.lower() if cue.islower() else c for c in hedge.cues)


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("If the talks fail, the strike would continue into next week.", "If"),
        ("Unless the ceasefire holds, aid convoys will stop.", "Unless"),
        ("Residents should leave in case the dam breaks.", "in case"),
        ("The loan will be paid provided that the budget passes.", "provided that"),
    ],
)
def test_conditional_news_sentences(sentence: str, cue: str) -> None:
    hedge = mark_hedge(sentence)
    assert hedge is not None and hedge.kind == "conditional", sentence
    assert cue in hedge.cues


def test_if_would_lists_both_cues_in_order() -> None:
    assert mark_hedge("If the talks fail, the strike would continue.") == Hedge("conditional", ("If", "would"))


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved the budget on Tuesday.",
        "The new bridge can carry 40,000 cars a day.",
        "The company will open a plant in Ohio next year.",
        "The army lost 12 tanks in the battle.",
        "The bill was considered by the committee on Monday.",
        "Repairs will start as soon as possible.",
        "The original estimate was $3 million.",
        "The estimate of the city's engineers proved too low.",
    ],
)
def test_plain_statements_are_not_marked(sentence: str) -> None:
    assert mark_hedge(sentence) is None
    assert not is_uncertain(sentence)


# --- May the month, "can" and "will"


@pytest.mark.parametrize(
    "sentence",
    [
        "The law took effect in May 2020.",
        "The vote is set for May 5 in the capital.",
        "Prices rose sharply in early May.",
        "Prime Minister Theresa May resigned in 2019.",
        "The report, dated May, 2021, was leaked.",
    ],
)
def test_may_the_month_or_name_is_not_a_hedge(sentence: str) -> None:
    assert _kind(sentence) != "hedged", sentence
    assert not any(c.name == "modal:may" for c in find_cues(sentence))


def test_may_the_modal_is_a_cue_even_at_the_start() -> None:
    assert [c.text for c in find_cues("May the strike spread, the government would fall.") if c.name == "modal:may"] == ["May"]
    marks = mark_sentence("Officials warn that prices may rise in May.")
    shown = marks.soft_cues if marks.hedge is None else marks.hedge.cues
    assert shown.count("may") == 1 and "May" not in shown


# --- several cues: the kind a reader most needs


def test_hedged_beats_conditional_and_attributed() -> None:
    hedge = mark_hedge("If the rains fail, prices might double, officials said.")
    assert hedge is not None and hedge.kind == "hedged"
    assert hedge.cues == ("If", "might", "said")


def test_conditional_beats_attributed() -> None:
    hedge = mark_hedge("If the rains fail, prices would double, officials said.")
    assert hedge is not None and hedge.kind == "conditional"
    assert hedge.cues == ("If", "would", "said")


def test_could_not_be_reached_is_attribution_not_a_hedge() -> None:
    assert _kind("The mayor could not be reached for comment, his office said.") == "attributed"


def test_cues_are_verbatim() -> None:
    sentence = "REPORTEDLY the envoy MIGHT return, Possibly on Friday."
    hedge = mark_hedge(sentence)
    assert hedge is not None
    assert all(cue in sentence for cue in hedge.cues)
    assert hedge.cues == ("REPORTEDLY", "MIGHT", "Possibly")


# --- other languages and odd input


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Der General könnte übergelaufen sein.", "de"),
        ("Le général aurait peut-être fait défection.", "fr"),
        ("将军可能已经叛逃。", "zh"),
        ("Генерал, возможно, перешёл на сторону повстанцев.", "ru"),
        ("", "en"),
        ("   ", "en"),
        ("!!! ??? ...", "en"),
        ("将军可能已经叛逃。", "en"),
    ],
)
def test_other_languages_do_not_crash(sentence: str, code: str) -> None:
    hedge = mark_hedge(sentence, code)
    assert hedge is None or isinstance(hedge, Hedge)
    if code in ("de", "fr", "ru"):
        assert hedge is not None and hedge.kind == "hedged"  # cue patterns of their own (test_multilingual)
    elif code != "en":
        assert hedge is None  # no patterns for Chinese


# --- the marker's parts


def test_lexicon_only_marker_counts_any_hedged_cue() -> None:
    marker = HedgeMarker(None)
    assert marker.uncertain("The ship could sink.")
    assert not marker.uncertain("The ship sank, officials said.")


def test_the_scorer_decides_and_a_vetoed_cue_is_kept_as_a_soft_cue() -> None:
    # A scorer that finds nothing uncertain: the cue alone does not make the sentence hedged.
    never = HedgeScorer("test", {}, token_bias=-9.0, leak=-9.0, threshold=0.0)
    assert HedgeMarker(never).mark("The ship could sink.") == SentenceMarks(None, ("could",))
    said = HedgeMarker(never).mark("The ship could sink, officials said.")
    assert said == SentenceMarks(Hedge("attributed", ("said",)), ("could",))
    always = HedgeScorer("test", {}, token_bias=9.0, leak=-9.0, threshold=0.0)
    assert HedgeMarker(always).mark("The ship could sink.") == SentenceMarks(Hedge("hedged", ("could",)), ())


def test_scorer_alone_can_mark_a_sentence_and_names_its_strongest_word() -> None:
    weights = {"w:purportedish": 9.0, "w:ship": 2.0}
    scorer = HedgeScorer("test", weights, token_bias=-6.0, leak=-9.0, threshold=0.0)
    hedge = HedgeMarker(scorer).mark("The Ship was purportedish.").hedge
    assert hedge == Hedge("hedged", ("purportedish",))
    # the ship alone is not enough: logit -4 is below the threshold
    assert HedgeMarker(scorer).mark("The Ship was here.") == SentenceMarks(None, ())


def test_a_capitalised_word_alone_is_never_the_cue_shown() -> None:
    # A capitalised word mid-sentence is a name: the sentence is hedged, but no word of it is shown as the cue ...
    weights = {"w:purportedish": 9.0, "w:plainly": 2.5}
    scorer = HedgeScorer("test", weights, token_bias=-6.0, leak=-9.0, threshold=0.0)
    assert HedgeMarker(scorer).mark("The ship was Purportedish.").hedge == Hedge("hedged", ())
    # ... or the next word the scorer weighs, when that one is evidence by itself (2.5 above the bias) ...
    assert HedgeMarker(scorer).mark("The ship was Purportedish plainly.").hedge == Hedge("hedged", ("plainly",))
    # ... and an opener is shown only when it is a hedge word by itself (its own weights at least 2 above the bias).
    assert HedgeMarker(scorer).mark("Purportedish ships sail.").hedge == Hedge("hedged", ("Purportedish",))
    weak_opener = HedgeScorer("test", {"w:one": 1.0, "r:one of": 9.0}, token_bias=-6.0, leak=-9.0, threshold=0.0)
    assert HedgeMarker(weak_opener).mark("One of them sails.").hedge == Hedge("hedged", ())


def test_the_scorer_shows_the_lexicon_phrase_it_matched() -> None:
    groups = {"weasel/superlative": ("one of the best",), "weasel/against": ("of the",)}
    weights = {"w:one": 1.0, "r:one of": 9.0, "lex:weasel/superlative": 1.0, "lex:weasel/against": -1.0}
    scorer = HedgeScorer("test", weights, token_bias=-6.0, leak=-9.0, threshold=0.0, lexicon_groups=groups)
    assert HedgeMarker(scorer).mark("One of the best ways to cook.").hedge == Hedge("hedged", ("One of the best",))
    assert HedgeMarker(scorer).mark("It is one of the best ways.").hedge == Hedge("hedged", ("one of the best",))


def _toy_model() -> HedgeModel:
    general = HedgeScorer("general", {"w:may": 1.25}, -3.0, -2.0, -0.25, {"hedge_words/modal": ("may",)}, {"note": "x"})
    scientific = HedgeScorer("scientific", {"w:may": 9.0}, -3.0, -2.0, -0.25)
    return HedgeModel(general, scientific, RegisterGate({"protein": 3.0, "cell": 3.0}, -4.0, 0.5))


def test_hedge_model_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    write_model_file(path, _toy_model().envelope("toy sentences", "0" * 64))
    assert load_hedge_model(path) == _toy_model()


def test_the_register_gate_picks_the_scorer() -> None:
    marker = HedgeMarker(_toy_model())
    assert marker.scorer_for("The protein binds the cell membrane.").domain == "scientific"
    assert marker.scorer_for("The bridge may carry 40 tonnes.").domain == "general"
    assert marker.mark("The protein may bind the cell membrane.").hedge == Hedge("hedged", ("may",))
    assert marker.mark("The bridge may carry 40 tonnes.") == SentenceMarks(None, ("may",))


def test_a_missing_model_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="bench.train_hedges"):
        load_hedge_model(tmp_path / "absent.json")


def test_an_old_format_model_fails_loudly_instead_of_marking_by_the_lexicon_alone(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": 2, "domain": "x", "weights": {}, "token_bias": 0, "leak": 0,
                                "threshold": 0, "confident_threshold": 1}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="not a model envelope"):
        load_hedge_model(path)
    envelope = _toy_model().envelope("toy", "0" * 64)
    write_model_file(path, dict(envelope, features=envelope["features"][:-1]))  # a cue pattern the code lacks
    with pytest.raises(ModelFileError, match="other features"):
        load_hedge_model(path)


def test_shipped_model_is_small_and_has_both_registers() -> None:
    model = load_hedge_model()
    assert "WikiWeasel" in model.general.domain and "BioScope" in model.scientific.domain
    assert len(model.general.weights) + len(model.scientific.weights) < 20000
    # the general scorer has learned weasel words; both weigh the cue-pattern features
    assert model.general.weights.get("w:some", 0) > 0
    assert model.general.weights.get("kind:hedged", 0) > 0 and model.scientific.weights.get("kind:hedged", 0) > 0


ABSTRACT = [
    "Interleukin-2 receptor expression was measured in peripheral blood lymphocytes of 40 patients.",
    "Binding of NF-kappaB to the promoter was reduced after treatment with dexamethasone.",
    "These findings may reflect an altered glucocorticoid receptor function in these cells.",
]


def test_a_text_is_judged_as_a_whole_and_its_register_picks_the_scorer() -> None:
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else MAY_GENERAL + "\n" + IF_GENERAL
    assert text_register([line for line in seed.splitlines() if line.strip()], "en") is False
    assert text_register(ABSTRACT, "en") is True
    assert text_register(ABSTRACT, "de") is None  # no scorer, no register outside English
    # In an abstract "may" is speculation; the same words alone in general prose get the general scorer's say.
    marks = mark_sentence(ABSTRACT[2], "en", scientific=True)
    assert marks.hedge is not None and marks.hedge.kind == "hedged" and "may" in marks.hedge.cues


def test_news_sentences_are_general_and_abstract_sentences_scientific() -> None:
    gate = load_hedge_model().register
    for sentence in (MAY_GENERAL, IF_GENERAL, "The council approved the budget on Tuesday, officials said."):
        assert not gate.is_scientific(sentence), sentence
    for sentence in ("These results suggest that IL-2 induces NF-kappaB activation in human T cells.",
                     "Expression of the receptor was reduced in lymphocytes of patients with hypertension."):
        assert gate.is_scientific(sentence), sentence


# --- the fast paths give what the plain ones give

_MIXED_SENTENCES = [
    MAY_GENERAL,
    IF_GENERAL,
    "Critics say the plan, according to the mayor, could cost in fact about $3 million in May 2024.",
    "It is not known whether the 2nd team's coach—who reportedly quit—will return; some believe so.",
    "THE SHIP MAY SINK, said Capt. O'Neill, if the storm does not ease in the event of rain.",
    "Ünïcödé wörds ſuch as Kelvin K and İstanbul are letters too, perhaps.",
    "",
]


@pytest.mark.parametrize("sentence", _MIXED_SENTENCES)
def test_fast_logits_equal_the_feature_set_logits(sentence: str) -> None:
    scorer = load_hedge_model().general
    cues = find_cues(sentence)
    matches, logits = scorer.token_logits(sentence, cues)
    tokens = scorer.tokens(sentence, cues)
    assert [m.start() for m in matches] == [t.start for t in tokens]
    assert logits == pytest.approx([scorer.token_logit(t) for t in tokens], abs=1e-9)


@pytest.mark.parametrize("sentence", _MIXED_SENTENCES)
def test_trigger_filter_changes_no_english_cue(sentence: str) -> None:
    assert ENGLISH.find_cues(sentence) == ENGLISH.find_cues(sentence, prefilter=False)


@pytest.mark.skipif(not (DATA / "hedges").is_dir(), reason="shared data not present")
def test_fast_paths_on_the_public_sentences() -> None:
    from bench.train_hedges import load_bioscope, load_wikiweasel

    sentences = [s.text for s in load_wikiweasel(DATA / "hedges" / "wikiweasel-train.csv.gz")][::7]
    sentences += [s.text for s in load_bioscope(DATA / "hedges" / "bioscope-full-papers.xml.gz")][::7]
    model = load_hedge_model()
    for sentence in sentences:
        cues = ENGLISH.find_cues(sentence)
        assert cues == ENGLISH.find_cues(sentence, prefilter=False), sentence
        for scorer in (model.general, model.scientific):
            assert scorer.score_ceiling(sentence, cues) >= scorer.score(sentence, cues) - 1e-9, sentence


@pytest.mark.parametrize("sentence", _MIXED_SENTENCES + [SEED.read_text(encoding="utf-8")[:3000]])
def test_score_ceiling_is_never_below_the_score(sentence: str) -> None:
    model = load_hedge_model()
    for scorer in (model.general, model.scientific):
        assert scorer.score_ceiling(sentence) >= scorer.score(sentence, []) - 1e-9
        cues = find_cues(sentence)  # a word inside a cue may gain the cue's weights
        assert scorer.score_ceiling(sentence, cues) >= scorer.score(sentence, cues) - 1e-9


def test_score_ceiling_holds_on_a_toy_scorer_with_pairs_and_lexicon() -> None:
    weights = {"w:ship": 1.5, "s:sink": -0.5, "l:the ship": 2.0, "r:ship may": 3.0, "r:ship <s>": -1.0,
               "l:<s> the": 0.7, "lex:modal": 1.2, "lex:other": -4.0}
    scorer = HedgeScorer("toy", weights, token_bias=-3.0, leak=-6.0, threshold=0.0,
                         lexicon_groups={"modal": ("may", "ship may"), "other": ("the ship",)})
    for sentence in ["The ship may sink.", "Ship", "the ship the ship may may", "Nothing here at all."]:
        assert scorer.score_ceiling(sentence) >= scorer.score(sentence, []) - 1e-9
        for level in (-2.0, 0.0, 1.0, 3.0):
            assert scorer.reaches(sentence, [], level) == (scorer.score(sentence, []) >= level)


def test_a_booster_phrase_is_never_shown_as_a_hedge() -> None:
    # The lexicon calls "clearly" a booster, the opposite of a hedge: its phrase is not shown even when weighed.
    booster = HedgeScorer("test", {"w:clearly": 1.0, "r:clear it": 9.0, "lex:booster_words": 2.0}, token_bias=-6.0,
                          leak=-9.0, threshold=0.0, lexicon_groups={"booster_words": ("clearly",)})
    assert HedgeMarker(booster).mark("Clearly it works.").hedge == Hedge("hedged", ())
