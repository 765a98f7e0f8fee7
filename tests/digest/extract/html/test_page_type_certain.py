"""classify_page leaves the repeated-group search out only where it cannot change the type.

The shortcut must give `shipped_model().page_type(page_features(...))` on every page; with the shared
data, `python -m bench.htmlspeed4_study DATA_DIR` checks all WCXB dev and ScrapingHub pages.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import pytest

from bot.digest.extract.html import page_type
from bot.digest.extract.html_extractor import _parse
from tests.digest.extract.html import pages

PAGES = {name: html for name, html in vars(pages).items() if isinstance(html, str) and "<body" in html}
GROUPS = ("log_repeated", "repeated_share")


def _plain_type(html: str, url: str | None) -> str:
    """The type from the full features: the model's leader, with the close call between article and service decided."""
    return page_type.shipped_model().page_type(page_type.page_features(_parse(html), url))


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("url", [None, "https://example.com/2025/06/03/a-page", "https://shop.example.com/collections/shirts"])
def test_classify_page_gives_the_models_answer_on_the_full_features(name: str, url: str | None) -> None:
    assert page_type.classify_page(_parse(PAGES[name]), url) == _plain_type(PAGES[name], url)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_partial_walk_gives_every_other_feature_and_the_search_fills_in_the_rest(name: str) -> None:
    full = page_type.page_features(_parse(PAGES[name]), None)
    partial = page_type._page_features(_parse(PAGES[name]), None, None, groups=False)
    assert {k: v for k, v in partial.features.items() if k not in GROUPS} == {k: v for k, v in full.items() if k not in GROUPS}
    assert partial.features["log_repeated"] <= page_type._log(partial.most_children)
    assert list(partial.with_groups().items()) == list(full.items())


def test_a_page_of_cards_keeps_its_repeated_group_and_bound() -> None:
    partial = page_type._page_features(_parse(pages.COLLECTION), None, None, groups=False)
    assert partial.most_children >= len(pages.COLLECTION_ITEMS)
    assert partial.with_groups()["log_repeated"] >= page_type._log(len(pages.COLLECTION_ITEMS))


def _corners_agree(model: page_type.PageTypeModel, features: dict[str, float], highest: dict[str, float]) -> str | None:
    """The type at every corner of the box, or None where corners disagree (the logits are linear)."""
    kinds = set()
    for values in itertools.product(*[(0.0, high) for high in highest.values()]):
        kinds.add(model.classify({**features, **dict(zip(highest, values))}))
    return kinds.pop() if len(kinds) == 1 else None


def _boxes_around_an_article(rng: random.Random, count: int = 400) -> Iterator[tuple[dict[str, float], dict[str, float]]]:
    """Feature vectors scattered around a test article's, each with a random box for the two group features."""
    base = page_type.page_features(_parse(pages.ARTICLE), None)
    for _ in range(count):
        features = {name: value + rng.gauss(0.0, 1.0) for name, value in base.items()}
        yield features, {"log_repeated": rng.uniform(0.0, 6.0), "repeated_share": 1.0}


def test_certain_exactly_where_every_corner_of_the_box_gives_one_type() -> None:
    model = page_type.shipped_model()
    rng = random.Random(7)
    certain = refused = 0
    for features, highest in _boxes_around_an_article(rng):
        answer = model.certain_type(features, highest)
        # The box is convex and the logits linear: one type at every corner is that type everywhere.
        assert answer == _corners_agree(model, features, highest)
        if answer is None:
            refused += 1
            continue
        certain += 1
        middle = {name: rng.uniform(0.0, high) for name, high in highest.items()}
        assert model.classify({**features, **middle}) == answer
    assert certain and refused  # both branches are exercised


def _close_call_at_some_corner(model: page_type.PageTypeModel, features: dict[str, float], highest: dict[str, float]) -> bool:
    """Whether article's lead over service falls under SERVICE_CLOSE_CALL_MARGIN at some corner of the box."""
    for values in itertools.product(*[(0.0, high) for high in highest.values()]):
        scores = model.scores(page_type.feature_vector({**features, **dict(zip(highest, values))}))
        if scores["article"] - scores["service"] < page_type.SERVICE_CLOSE_CALL_MARGIN:
            return True
    return False


def test_clear_of_service_exactly_where_no_corner_of_the_box_is_a_close_call() -> None:
    model = page_type.shipped_model()
    rng = random.Random(11)
    clear = close = 0
    for features, highest in _boxes_around_an_article(rng):
        answer = model.clear_of(features, highest, "article", "service", page_type.SERVICE_CLOSE_CALL_MARGIN)
        # The lead is linear in the open features: it is least at a corner (up to the rounding margin).
        assert answer == (not _close_call_at_some_corner(model, features, highest))
        clear, close = clear + answer, close + (not answer)
        if answer and model.certain_type(features, highest) == "article":
            middle = {name: rng.uniform(0.0, high) for name, high in highest.items()}
            assert model.page_type({**features, **middle}) == "article"
    assert clear and close  # both branches are exercised
