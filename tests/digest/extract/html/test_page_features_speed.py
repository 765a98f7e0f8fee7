"""The page-type features' speed-ups against the plain code they replace (same answers).

The whole feature dicts are compared with main's `page_features` on every WCXB dev and
ScrapingHub page by `python -m bench.page_type_speed DATA_DIR`."""

from __future__ import annotations

from collections import Counter
from operator import itemgetter

import pytest
from lxml import etree

from bot.digest.extract.html import page_type
from bot.digest.extract.html_extractor import _parse
from tests.digest.extract.html import pages


def reference_vocabularies(class_and_id: str) -> tuple[str, ...]:
    """The code `_vocabularies` replaced: a set of tokens intersected with each vocabulary."""
    marked = set(page_type._CLASS_SPLIT.split(class_and_id.lower()))
    return tuple(name for name, vocabulary in page_type._CLASS_WORD_SETS.items() if marked & vocabulary)


def reference_larger_group(parent: etree._Element, best: tuple[int, int]) -> tuple[int, int]:
    """The code `_larger_group` replaced: every child's words read through `text_content()`."""
    if len(parent) <= best[0] and parent.find("*") is not None:
        return best
    signatures = [f"{child.tag}.{child.get('class') or ''}" for child in parent.iterchildren(etree.Element)]
    signature, count = max(Counter(signatures).items(), key=itemgetter(1))
    if count < 3 or count <= best[0]:
        return best
    words = [len(page_type._WORD.findall(child.text_content())) for child, other in zip(parent.iterchildren(etree.Element), signatures) if other == signature]
    if sum(1 for w in words if w >= 3) >= 3:
        return max(best, (sum(1 for w in words if w >= 3), sum(words)))
    return best


ALL_PAGES = (pages.ARTICLE, pages.DOCS, pages.FORUM, pages.PRODUCT, pages.COLLECTION, pages.SERVICE, pages.LISTING)


@pytest.mark.parametrize(
    "class_and_id",
    [" ", "post ", " sidebar", "Post-Body card", "add-to-cart BUY", "item_card grid", "x-post-", "hero--cta", "PRICE\tqty", "tokenless c9f2a ", "docs toc"],
)
def test_vocabularies_answer_as_the_token_set_intersections(class_and_id: str) -> None:
    assert page_type._vocabularies(class_and_id) == reference_vocabularies(class_and_id)


def test_vocabularies_of_every_class_and_id_of_the_test_pages() -> None:
    for html in ALL_PAGES:
        for element in _parse(html).iter(etree.Element):
            class_and_id = (element.get("class") or "") + " " + (element.get("id") or "")
            assert page_type._vocabularies(class_and_id) == reference_vocabularies(class_and_id), class_and_id


def test_groups_of_leaf_children_count_their_words_as_text_content_does() -> None:
    """Leaf children (text only, a tail after them) read through `.text`; children with markup or a
    processing instruction through `text_content()`."""
    html = (
        "<ul id=g><li>one two three</li> tail words here <li>four five six</li><li>seven <b>eight</b> nine</li>"
        "<li><?pi x?>ten eleven twelve</li><li></li></ul>"
    )
    for tree in [_parse(html)] + [_parse(page) for page in ALL_PAGES]:
        best = (0, 0)
        for parent in tree.iter(etree.Element):
            if len(parent) >= 3:
                assert page_type._larger_group(parent, best) == reference_larger_group(parent, best)
                best = page_type._larger_group(parent, best)


def test_empty_class_and_id_count_nothing_and_an_id_alone_counts() -> None:
    features = page_type.page_features(_parse('<div class="" id=""><p>a</p></div><nav id="sidebar"><p>b</p></nav><p class="post">c</p>'), None)
    assert features["cls_docs"] == page_type._log(1) and features["cls_post"] == page_type._log(1)
    assert features["cls_card"] == features["cls_product"] == features["cls_service"] == 0.0
