"""bench.profiles_study: a candidate setting re-reads only the pages typed as its type, leaves the shipped
profile and tree pruning in place afterwards, and the report sums page deltas per fold."""

from __future__ import annotations

import bot.digest.extract.html_extractor as html_extractor
from bench import profiles_study
from bench.wcxb import word_f1
from bot.digest.extract.html.profiles import PROFILES

_PAGE = """<html><head><title>Plans</title></head><body><div class="nav-dropdown"><a href="/a">Product overview and
features</a> <a href="/b">Solutions for teams</a></div><main><h1>Plans</h1><p>Our plans help small teams ship
software every week, with reviews, tests and deployments built in from the first day.</p></main></body></html>"""


def _pages() -> dict[str, dict]:
    truth = "Plans Our plans help small teams ship software every week, with reviews, tests and deployments built in from the first day."
    pages = {}
    for page_id, predicted in (("0001", "service"), ("0002", "article")):
        answer = html_extractor.extract_html(_PAGE, "p.html", None).text
        pages[page_id] = {"type": "service", "predicted": predicted, "html": _PAGE, "url": None, "truth": truth, "answer": answer, "f1": word_f1(truth, answer)}
    return pages


def test_a_candidate_rereads_only_its_types_pages_and_restores_the_product() -> None:
    pages = _pages()
    pages["0002"]["f1"] = 0.123  # not typed service: its cached score is kept as it is
    shipped, shipped_drop = PROFILES["service"], html_extractor.drop_named
    scores = profiles_study.score_candidate(pages, "service", {"link_line_words": 0, "tree_chrome": frozenset({"nav"})})
    assert scores["0002"] == 0.123
    assert 0.0 < scores["0001"] <= 1.0
    assert PROFILES["service"] is shipped and html_extractor.drop_named is shipped_drop


def test_the_report_sums_page_deltas_by_fold() -> None:
    pages = _pages()
    scores = {page_id: page["f1"] for page_id, page in pages.items()}
    scores["0001"] = pages["0001"]["f1"] - 0.5
    text = profiles_study.report(pages, "candidate", scores)
    fold = profiles_study.fold_of("0001")
    sums = text.split("folds ")[1].split(" |")[0].split()
    assert sums[fold] == "-0.500" and sum(float(value) for value in sums) == -0.5
    assert "1 up / 0 down" not in text and "0 up / 1 down" in text
