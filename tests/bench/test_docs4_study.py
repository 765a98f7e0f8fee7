"""bench/docs4_study.py: the docs frameworks' containers and the loss shares (no data needed)."""

from __future__ import annotations

import math

from lxml import html as lxml_html

from bench.docs4_study import container_tree, content_container, features, losses

PROSE = " ".join(f"word{n}" for n in range(40))


def test_a_frameworks_container_is_found_when_it_holds_the_page_and_not_when_it_is_a_fragment():
    page = f"<html><head><title>T</title></head><body><nav>a b c</nav><div class='md-content'><p>{PROSE}</p></div></body></html>"
    tree = lxml_html.document_fromstring(page)
    assert content_container(tree).get("class") == "md-content"
    inner = container_tree(tree)
    assert inner.findtext(".//title") == "T" and "a b c" not in inner.text_content()
    fragment = f"<html><body><p>{PROSE}</p><div class='md-content'>one two</div></body></html>"
    assert content_container(lxml_html.document_fromstring(fragment)) is None


def test_loss_shares_count_a_kinds_words_found_in_the_truth_and_the_answer():
    page = "<html><body><p>intro text</p><pre>make install</pre><div class='sidebar'>home docs</div></body></html>"
    found = losses(page, truth="intro text make install", answer="intro text home docs")
    assert found["pre_in_truth"] == 1.0 and found["pre_in_answer"] == 0.0
    assert found["chrome_in_truth"] == 0.0 and found["chrome_in_answer"] == 1.0
    assert math.isnan(found["admonition_in_truth"])


def test_features_compare_the_two_answers():
    assert features("one two three", "one two three four five six seven")["ratio"] == 2.0
