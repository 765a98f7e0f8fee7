"""bench/htmlspeed4_study: classify_page against a reference module, page by page."""

from __future__ import annotations

import types

from bench import htmlspeed4_study
from bot.digest.extract.html import page_type
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html_extractor import _parse
from tests.digest.extract.html import pages


def _parsed() -> list:
    found = []
    for name in ("ARTICLE", "COLLECTION", "FORUM", "PRODUCT", "DOCS", "SERVICE"):
        tree = _parse(getattr(pages, name))
        found.append((name, tree, "https://example.com/a/b", list(json_ld_documents(tree))))
    return found


def test_the_same_code_differs_nowhere_and_counts_every_classification() -> None:
    done, differ, certain = htmlspeed4_study.compare_types(page_type, _parsed())
    assert (done, differ) == (12, 0)
    assert 0 <= certain <= done


def test_a_reference_that_answers_otherwise_is_counted() -> None:
    always_listing = types.SimpleNamespace(classify_page=lambda tree, url, json_ld=None: "listing")
    done, differ, _ = htmlspeed4_study.compare_types(always_listing, _parsed())
    assert differ == sum(1 for _, tree, url, json_ld in _parsed() for address in {url, None} if page_type.classify_page(tree, address, json_ld) != "listing")
    assert differ > 0
