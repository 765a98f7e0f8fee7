"""The service study's rules: which hidden card parts stay, and the leave-one-fold-out choice."""

from __future__ import annotations

from bench.service_study import Keep, fold_choices, is_decor, keeps_hidden
from bot.digest.extract.html_extractor import _parse


def _element(html: str):  # noqa: ANN202 (an lxml element)
    return _parse(f"<html><body>{html}</body></html>").get_element_by_id("x")


def test_decor_is_a_figure_or_named_a_graphic() -> None:
    assert is_decor(_element('<figure id="x"><p>Card number</p></figure>'))
    assert is_decor(_element('<div id="x" class="FeatureCardCheckoutGraphic">Email</div>'))
    assert not is_decor(_element('<div id="x" class="tabs-slide">Marketing and promotions</div>'))


def test_keep_rules() -> None:
    price = _element('<div id="x" class="price" aria-hidden="true">€ 303 95 /mo for 12 months</div>')
    panel = _element('<div id="x" role="tabpanel" hidden>Sales and customer service for every channel</div>')
    assert keeps_hidden(Keep("all"))(price) and not keeps_hidden(Keep("none"))(panel)
    assert keeps_hidden(Keep("panels"))(panel) and not keeps_hidden(Keep("panels"))(price)
    assert not keeps_hidden(Keep("words", 5))(price) and keeps_hidden(Keep("words", 5))(panel)


def test_fold_choices_choose_on_the_other_folds() -> None:
    sums = {"shipped": {}, "a": {0: -1.0, 1: 2.0, 2: 2.0}, "b": {0: 3.0, 1: 0.5, 2: 0.5}}
    assert fold_choices(sums, folds=3) == [("a", -1.0), ("b", 0.5), ("b", 0.5)]
