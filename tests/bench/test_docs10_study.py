"""bench/docs10_study.py: the kinds of blocks trafilatura keeps and we lose (no data needed)."""

from __future__ import annotations

from lxml import html as lxml_html

from bench.docs10_study import block_kind, block_losses


def _first(page: str, tag: str) -> lxml_html.HtmlElement:
    return next(lxml_html.fromstring(page).iter(tag))


def test_block_kinds_follow_tag_text_and_ancestors_class_words():
    assert block_kind(_first("<div><pre>make install</pre></div>", "pre")) == "code"
    assert block_kind(_first("<div class='admonition note'><p>Mind the gap</p></div>", "p")) == "admonition"
    assert block_kind(_first("<div><a><p>Next: Installing</p></a></div>", "p")) == "prev/next"
    assert block_kind(_first("<div class='md-sidebar'><ul><li>Home</li></ul></div>", "li")) == "toc/sidebar"
    assert block_kind(_first("<div><h1>Title</h1></div>", "h1")) == "h1"
    assert block_kind(_first("<div><table><tr><td>cell</td></tr></table></div>", "td")) == "table"
    assert block_kind(_first("<div><p>prose</p></div>", "p")) == "paragraph"


def test_lost_blocks_are_in_truth_and_trafilatura_not_ours_and_kept_ones_in_ours_alone():
    page = "<html><body><h1>Guide</h1><p>intro words here</p><pre>make install</pre><div class='toc'><p>Contents list</p></div></body></html>"
    found = block_losses(page, truth="Guide intro words here make install", ours="intro words here Contents list",
                         theirs="Guide intro words here make install")
    assert ("h1", "guide") in found["lost"] and ("code", "make install") in found["lost"]
    assert found["kept"] == [("toc/sidebar", "contents list")]


def test_host_folds_sum_a_hosts_pages_in_one_fold():
    import numpy as np

    from bench.docs10_study import host_folds

    pages = [{"url": "https://a.example/x"}, {"url": "https://a.example/y"}, {"url": "https://b.example/z"}]
    sums = host_folds(pages, np.array([1.0, 2.0, -0.5]), "a")
    assert sorted(sums[sums != 0].tolist()) in ([-0.5, 3.0], [2.5])
    assert abs(sums.sum() - 2.5) < 1e-12
