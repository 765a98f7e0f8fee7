"""The learned chooser's study (bench/choice_study.py `--learned`): its features and its out-of-fold flips."""

from __future__ import annotations

import numpy as np

from bench.choice_study import Learned, candidate_features, learned_features, site_of, union_text
from bot.digest.extract.html.page_type import PAGE_TYPES


def test_candidate_features_count_link_lines_repeats_and_closing_punctuation() -> None:
    text = "Home\nA whole sentence that ends here.\nA whole sentence that ends here.\nRead more"
    f = candidate_features(text, body_words=40, anchors={"Home", "Read more"}, tag="t")
    words = 1 + 6 + 6 + 2
    assert abs(f["link_t"] - 3 / (words + 1)) < 1e-9  # "Home" and "Read more" are a link's whole text
    assert abs(f["repeated_t"] - 12 / (words + 1)) < 1e-9
    assert f["punct_t"] == 0.5 and f["short_t"] == 0.5
    assert abs(f["cover_t"] - words / 41) < 1e-9


def _page(text: str, region: str) -> dict:
    scores = {kind: 0.0 for kind in PAGE_TYPES} | {"listing": 3.0}
    return {"text": text, "region": region, "anchors": [], "body_words": 100, "scores": scores}


def test_learned_features_see_a_subset_and_the_classifiers_probabilities() -> None:
    inside = learned_features(_page("alpha beta gamma", "alpha beta gamma delta epsilon"))
    assert inside["subset"] == 1.0 and inside["t_in_r"] == 1.0 and abs(inside["r_in_t"] - 0.6) < 1e-9
    assert abs(inside["jaccard"] - 0.6) < 1e-9
    assert abs(sum(inside[f"prob_{kind}"] for kind in PAGE_TYPES) - 1.0) < 1e-9
    assert inside["prob_listing"] == max(inside[f"prob_{kind}"] for kind in PAGE_TYPES)
    apart = learned_features(_page("alpha beta gamma", "delta epsilon"))
    assert apart["subset"] == 0.0 and apart["jaccard"] == 0.0


def test_the_union_adds_the_regions_missing_lines_once() -> None:
    assert union_text("one two\nthree", "three\nfour five\none  two") == "one two\nthree\nfour five"
    assert union_text("same", "same") == "same"


def test_site_of_drops_www() -> None:
    assert site_of("https://www.example.com/a") == "example.com" and site_of("") == ""


def _learned(x: np.ndarray, gain: np.ndarray) -> Learned:
    learned = Learned.__new__(Learned)  # arrays only: no cache
    learned.names, learned.x, learned.gain = ["signal"], x, gain
    learned.type = np.array(["listing"] * len(gain))
    return learned


def test_nested_flips_overrule_the_rule_where_a_feature_says_the_other_candidate_wins() -> None:
    rng = np.random.default_rng(0)
    signal = rng.normal(size=200)
    gain = np.where(signal > 0.5, 0.3, -0.3)  # the other candidate wins exactly where the signal is high
    learned = _learned(signal[:, None], gain)
    folds = np.arange(200) % 5
    where = np.ones(200, bool)
    flipped = learned.nested_flips(where, folds)
    assert flipped.sum() > 20 and (gain[flipped] > 0).mean() > 0.9
    stump = learned.stump_flips(where, folds)
    assert (gain[stump] > 0).mean() > 0.9
    noise = _learned(rng.normal(size=(200, 1)), np.where(rng.random(200) < 0.2, 0.3, -0.3))
    assert noise.gain[noise.nested_flips(where, folds)].sum() <= 0.3 * 3  # noise: (nearly) never overruled


def test_flips_fitted_on_other_pages_are_scored_on_the_chosen_pages_only() -> None:
    rng = np.random.default_rng(1)
    signal = rng.normal(size=300)
    gain = np.where(signal > 0.5, 0.3, -0.3)
    learned = _learned(signal[:, None], gain)
    learned.type = np.array(["listing", "collection", "forum"] * 100)
    where, folds = learned.type == "listing", np.arange(300) % 5
    flipped = learned.nested_flips(where, folds, train_on=np.ones(300, bool))
    assert not flipped[~where].any()  # pages outside `where` keep the rule's pick
    assert flipped.sum() > 5 and (gain[flipped] > 0).mean() > 0.9
