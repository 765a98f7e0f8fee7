"""bench/types10_study.py: the product marks, the guards and the keep rule (no data needed)."""

from __future__ import annotations

import math

import numpy as np
from lxml import html as lxml_html

from bench import types10_study as study
from bench.pagetype3_study import Matrix

TYPES = study.TYPES
PRODUCT, SERVICE, COLLECTION = (TYPES.index(k) for k in ("product", "service", "collection"))

ONE_PRODUCT = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Product", "name": "Mug",
 "offers": {"@type": "Offer", "price": "12.00", "priceCurrency": "USD"}}</script></head>
<body><h1>Mug</h1><button>Add to cart</button><a href="/x">Buy now</a></body></html>"""

A_GRID = """<html><head><script type="application/ld+json">
{"@type": "ItemList", "itemListElement": [{"@type": "Product", "name": "A"}, {"@type": "Product", "name": "B"}]}
</script></head><body><div itemtype="https://schema.org/Product">A</div><p>Add to cart later, when you have read
this very long sentence about the weather and the sea and everything else that is no button at all.</p></body></html>"""


def test_product_marks_tell_one_priced_product_from_a_grid() -> None:
    one = study.product_marks(lxml_html.fromstring(ONE_PRODUCT))
    grid = study.product_marks(lxml_html.fromstring(A_GRID))
    assert one["ld_one_product"] == 1.0 and one["ld_offer_price"] == 1.0
    assert one["log_cart_buttons"] == math.log1p(2)
    assert grid["ld_one_product"] == 0.0 and grid["log_ld_products"] == math.log1p(2)
    assert grid["ld_offer_price"] == 0.0
    assert grid["log_cart_buttons"] == 0.0  # a long paragraph is no button
    assert grid["log_product_itemtypes"] == math.log1p(1)


def test_one_product_guard_overrules_only_the_named_types_and_within_the_margin() -> None:
    marks = {"ld_one_product": 1.0, "ld_offer_price": 1.0}
    logits = np.zeros(len(TYPES))
    logits[SERVICE], logits[PRODUCT] = 3.0, 0.0
    assert study.one_product_guard(frozenset({SERVICE}), None)(logits, marks) == PRODUCT
    assert study.one_product_guard(frozenset({COLLECTION}), None)(logits, marks) is None
    assert study.one_product_guard(frozenset({SERVICE}), 2.0)(logits, marks) is None
    assert study.one_product_guard(frozenset({SERVICE}), 4.0)(logits, marks) == PRODUCT
    assert study.one_product_guard(frozenset({SERVICE}), None)(logits, {**marks, "ld_offer_price": 0.0}) is None


def _matrix(pages: int = 10) -> Matrix:
    f1 = np.full((pages, len(TYPES)), 0.5)
    f1[:, PRODUCT] = 0.9
    return Matrix(
        ids=[f"id{n}" for n in range(pages)],
        urls=[f"https://site{n}.example/p" for n in range(pages)],
        truth=np.full(pages, PRODUCT),
        x=np.zeros((pages, 1)),
        f1=f1,
    )


def test_judge_keeps_a_change_that_gains_in_every_fold_and_not_one_that_loses() -> None:
    matrix = _matrix(40)
    base = np.full(40, SERVICE)
    held, lines = study.judge(matrix, base, np.full(40, PRODUCT), "all right")
    assert held and lines[-1].endswith("yes")
    held, _lines = study.judge(matrix, np.full(40, PRODUCT), base, "all wrong")
    assert not held


def test_judge_refuses_a_gain_on_one_host() -> None:
    matrix = _matrix(40)
    base = np.full(40, SERVICE)
    new = base.copy()
    new[0] = PRODUCT  # one page, one host, one fold
    held, _lines = study.judge(matrix, base, new, "one page")
    assert not held


def test_pair_switch_takes_the_runner_up_only_where_its_pair_learned_so_and_only_on_unseen_pages() -> None:
    article, service = TYPES.index("article"), TYPES.index("service")
    logits = np.zeros((8, len(TYPES)))
    logits[:, article], logits[:, service] = 1.0, 0.8  # article leads service by 0.2 on every page
    logits[6:, service] = -3.0  # two pages far from the boundary
    f1 = np.zeros((8, len(TYPES)))
    f1[:, article], f1[:, service] = 0.5, 0.9  # the service profile reads every page better
    train = np.array([True] * 4 + [False] * 4)
    switched = study.pair_switch_types(logits, f1, train, margin=0.5, min_pages=3)
    assert list(switched[4:6]) == [service, service]  # close and unseen
    assert list(switched[6:]) == [article, article]  # not close
    assert list(switched[:4]) == [article] * 4  # the pages the table was learned on keep the model's type
    assert list(study.pair_switch_types(logits, f1, train, margin=0.5, min_pages=5)) == [article] * 8  # too few to learn from
    f1[:, service] = 0.4
    assert list(study.pair_switch_types(logits, f1, train, margin=0.5, min_pages=3)) == [article] * 8


def test_close_call_switch_at_the_shipped_constants_is_the_products_rule() -> None:
    from bot.digest.extract.html import page_type

    own = len(page_type.FEATURES)
    rng = np.random.default_rng(3)
    base = page_type.page_features(lxml_html.fromstring("<html><body><p>" + "word " * 30 + "</p></body></html>"), None)
    rows = np.array([page_type.feature_vector(base) + rng.normal(0.0, 1.5, own) for _ in range(300)])
    matrix = Matrix(ids=[f"id{n}" for n in range(300)], urls=[""] * 300, truth=np.zeros(300, dtype=int), x=rows, f1=np.zeros((300, len(TYPES))))
    study_types = study.close_call_switch(matrix, page_type.SERVICE_CLOSE_CALL_MARGIN, page_type.ARTICLE_PARAGRAPH_WORDS, True)
    assert (study_types == study.product_close_call(matrix)).all()
    assert (study_types != study.shipped_types(matrix)).any()  # some pages are switched
