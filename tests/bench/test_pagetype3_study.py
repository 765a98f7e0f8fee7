"""bench/pagetype3_study.py: the misreads' costs, the cost-aware fits and the extra features (no data needed)."""

from __future__ import annotations

import math

import numpy as np
from lxml import html as lxml_html

from bench import pagetype3_study as study

TYPES = study.TYPES
ARTICLE, SERVICE = TYPES.index("article"), TYPES.index("service")


def test_misread_costs_are_what_the_true_profile_gains_and_never_negative() -> None:
    f1 = np.array([[0.9, 0.5, 0.95, 0.9, 0.9, 0.9, 0.9]])
    costs = study.misread_costs(f1, np.array([ARTICLE]))
    assert costs[0, ARTICLE] == 0.0
    assert abs(costs[0, 1] - 0.4) < 1e-12
    assert costs[0, SERVICE] == 0.0  # reading it as a service page would gain: no cost


def test_pair_cost_table_is_the_mean_cost_per_true_type() -> None:
    f1 = np.full((3, len(TYPES)), 0.8)
    f1[0, SERVICE] = 1.0  # a service page read well as a service page, 0.2 lost as anything else
    f1[1, SERVICE] = 0.6  # an article that loses 0.2 as a service page
    truth = np.array([SERVICE, ARTICLE, ARTICLE])
    table = study.pair_cost_table(f1, truth)
    assert abs(table[SERVICE, ARTICLE] - 0.2) < 1e-12
    assert abs(table[ARTICLE, SERVICE] - 0.1) < 1e-12
    assert table[ARTICLE, ARTICLE] == 0.0


def _two_types(n: int = 120, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Articles and service pages on one overlapping feature; a service page read as an article loses
    0.5, an article read as a service page nothing."""
    rng = np.random.default_rng(seed)
    truth = np.where(np.arange(n) % 2 == 0, ARTICLE, SERVICE)
    x = np.column_stack([rng.normal(size=n) + np.where(truth == SERVICE, 0.8, -0.8), rng.normal(size=n)])
    f1 = np.full((n, len(TYPES)), 0.5)
    f1[truth == ARTICLE, ARTICLE] = f1[truth == ARTICLE, SERVICE] = 0.9
    f1[truth == SERVICE, SERVICE] = 1.0
    return x, truth, f1


def test_cost_weights_move_the_close_pages_to_the_cheaper_misread() -> None:
    x, truth, f1 = _two_types()
    plain = study.plain_fit(x, truth, f1)(x)
    weighted = study.cost_weighted(10.0, per_model=True)(x, truth, f1)(x)
    answer = lambda predicted: f1[np.arange(len(truth)), predicted].mean()  # noqa: E731
    assert (weighted == SERVICE).sum() > (plain == SERVICE).sum()
    assert answer(weighted) > answer(plain)


def test_softmax_expected_f1_gains_on_the_answer_over_its_own_plain_fit() -> None:
    x, truth, f1 = _two_types()
    answer = lambda fitter: f1[np.arange(len(truth)), fitter(x, truth, f1)(x)].mean()  # noqa: E731
    assert answer(study.softmax_expected_f1(3.0)) > answer(study.softmax_expected_f1(0.0))


def test_nested_choice_returns_a_fitted_predictor() -> None:
    x, truth, f1 = _two_types()
    predict = study.nested({"pair 10": study.cost_weighted(10.0, per_model=True)})(x, truth, f1)
    assert set(predict(x)) <= {ARTICLE, SERVICE}


def test_extra_features_read_forms_breadcrumbs_calls_to_action_and_the_article_share() -> None:
    page = lxml_html.document_fromstring(
        "<html><head><script type='application/ld+json'>{\"@type\": \"Service\"}</script></head><body>"
        "<nav class='breadcrumbs'><a href='/'>Home</a><a href='/s'>Services</a><a href='/s/x'>Roofing</a></nav>"
        "<form><input type='text'><input type='hidden'><select></select></form>"
        "<a href='/q'>Get a quote</a><button>Book a demo</button><p>We fix roofs in the whole county.</p></body></html>"
    )
    features = study.extra_features(page)
    assert set(features) == set(study.EXTRA_FEATURES)
    assert features["breadcrumb_depth"] == 3.0
    assert features["log_forms"] == math.log1p(1) and features["log_inputs"] == math.log1p(1) and features["log_selects"] == math.log1p(1)
    assert features["log_cta"] == math.log1p(2)
    assert features["ld_top_service"] == 1.0 and features["article_word_share"] == 0.0
    article = lxml_html.document_fromstring("<html><body><article><p>All the words of the story are here.</p></article><footer>x</footer></body></html>")
    assert study.extra_features(article)["article_word_share"] > 0.8


def test_compare_scores_a_variant_against_the_trainer_fit_on_the_same_folds() -> None:
    x, truth, f1 = _two_types(200)
    x = np.hstack([x, np.zeros((len(truth), len(study.page_type.FEATURES) - x.shape[1]))])
    ids = [f"page-{i}" for i in range(len(truth))]
    matrix = study.Matrix(ids=ids, urls=[f"https://s{i % 23}.org/{i}" for i in range(len(ids))], truth=truth, x=x, f1=f1)
    held, lines = study.compare(matrix, study.trainer_fit, "the trainer itself")
    assert held  # the trainer's fit against itself: nothing moves, nothing loses
    assert "0 pages move" in lines[0] and lines[-1].endswith("HOLDS")
    held, lines = study.compare(matrix, study.cost_weighted(10.0, per_model=True), "pair weights")
    assert float(lines[0].split("-> ")[1].split(",")[0]) > float(lines[0].split("all ")[1].split(" ->")[0])


def test_moved_answers_reads_again_only_the_pages_whose_type_changes() -> None:
    html = "<html><body><h1>Roof repair</h1>" + "<p>We repair and replace roofs across the county, with free estimates and a warranty.</p>" * 6 + "</body></html>"
    truth = "We repair and replace roofs across the county, with free estimates and a warranty."
    shipped_type = study.page_type.shipped_model().classify(study.classifier_features(html, None))
    same = lambda vector: np.array([TYPES.index(shipped_type)])  # noqa: E731
    assert study.moved_answers([("p1", html, None, truth, "service")], same) == []
    other = "listing" if shipped_type != "listing" else "article"
    moved = study.moved_answers([("p1", html, None, truth, "service")], lambda vector: np.array([TYPES.index(other)]))
    assert [(m[0], m[2], m[3]) for m in moved] == [("p1", shipped_type, other)]
    assert -1.0 <= moved[0][4] <= 1.0
