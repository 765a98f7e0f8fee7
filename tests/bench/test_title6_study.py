"""The fifteenth-session title study: per-type priors, type x family columns, where WCXB's title is."""

import numpy as np
from lxml import html as lxml_html

from bench.title6_study import StudyPage, chosen_name, family_prior, interaction_columns, non_article_twice, predicted_type, prior_columns, true_type, where_truth_is
from bench.train_title import PageCandidates
from bot.digest.extract.html.title import Candidate


def _page(kind: str, predicted: str, candidates: list[Candidate], labels: list[float], truth: str = "x", truth_in: list[str] | None = None) -> StudyPage:
    page = PageCandidates("0001", kind, candidates, "Title | Site", ["Site"], True, "", np.array(labels))
    return StudyPage(page, "example.com", predicted, truth, "", truth_in or [])


H1 = Candidate("Online Graphic Design Course", {"h1_first"})
HEAD = Candidate("Graphic Design Course Online", {"title_head", "og_head"})


def test_family_prior_favours_the_family_right_on_that_type() -> None:
    services = [_page("service", "service", [H1, HEAD], [0.0, 1.0]) for _ in range(6)]
    articles = [_page("article", "article", [H1, HEAD], [1.0, 0.0]) for _ in range(6)]
    prior = family_prior(services + articles, predicted_type)
    assert prior[("service", "head")] > 0 > prior[("service", "h1")]
    assert prior[("article", "h1")] > 0 > prior[("article", "head")]
    assert prior[("*", "h1")] == prior[("*", "head")] == 0.0  # both right on half the pages


def test_prior_columns_read_the_page_type_given() -> None:
    training = [_page("service", "article", [H1, HEAD], [0.0, 1.0]) for _ in range(6)]
    page = _page("service", "article", [H1, HEAD], [0.0, 1.0])
    by_true = prior_columns(true_type)(training)(page)
    assert by_true.shape == (2, 1) and by_true[1, 0] > by_true[0, 0]


def test_interaction_columns_mark_type_and_family() -> None:
    columns = interaction_columns(predicted_type)([])(_page("article", "service", [H1, HEAD], [1.0, 0.0]))
    assert columns.shape == (2, 24)
    assert columns.sum() == 2.0  # one family each, on the service block
    assert interaction_columns(predicted_type)([])(_page("service", "article", [H1], [1.0])).sum() == 0.0


def test_chosen_name_says_which_candidate_or_where_else() -> None:
    assert chosen_name(_page("service", "service", [H1, HEAD], [0.0, 1.0])) == "candidate: head"
    assert chosen_name(_page("service", "service", [H1], [0.0], truth_in=["visible breadcrumb"])) == "no candidate; visible breadcrumb"


def test_where_truth_is_finds_the_breadcrumb_and_a_lower_heading() -> None:
    tree = lxml_html.fromstring("<html><body><h1>Shop</h1><h3>Garden Tools</h3></body></html>")
    assert where_truth_is(tree, "Garden tools", "Garden Tools", "") == ["visible breadcrumb", "h2-h6 heading", "element <h3>"]
    assert where_truth_is(tree, "Kitchen", "", "") == []


def test_non_article_pages_weigh_twice() -> None:
    assert non_article_twice(_page("article", "listing", [], [])) == 2
    assert non_article_twice(_page("listing", "article", [], [])) == 1
