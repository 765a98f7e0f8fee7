"""The product's name put back when the answer lacks it (bot/digest/extract/html/product.py)."""

import pytest
from lxml import html as lxml_html

import bot.digest.extract.html_extractor as html_extractor
from bot.digest.extract.html.product import product_name, with_product_name
from bot.digest.extract.html_extractor import extract_html

DESCRIPTION = "<p>" + "This walnut chair is made by hand in our workshop from solid wood and oiled twice before it ships. " * 4 + "</p>"
PAGE = f"""<html><head><title>Shop</title></head><body>
<nav><h1>Our shop menu</h1></nav>
<div class="popup" hidden><h1>Join our newsletter</h1></div>
<div class="page-title page-title--rating"><h1>Walnut   Chair
 Mark II</h1><span>4.8 stars</span></div>
<main><div class="description">{DESCRIPTION}</div></main>
</body></html>"""


def _tree(page: str = PAGE) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(page)


def test_the_name_is_the_first_h1_outside_menus_and_pop_ups_with_spaces_folded() -> None:
    assert product_name(_tree()) == "Walnut Chair Mark II"


def test_a_page_whose_only_h1_is_chrome_has_no_name() -> None:
    assert product_name(_tree("<html><body><header><h1>Shop</h1></header><p>Text.</p></body></html>")) == ""
    assert product_name(_tree("<html><body><p>No heading.</p></body></html>")) == ""


def test_the_name_goes_first_only_when_a_word_of_it_is_missing() -> None:
    assert with_product_name("Made of walnut.", "Walnut Chair") == "Walnut Chair\n\nMade of walnut."
    assert with_product_name("The chair is made of walnut.", "Walnut Chair") == "The chair is made of walnut."  # every word is there
    assert with_product_name("Made of walnut.", "") == "Made of walnut."


def test_a_page_typed_product_opens_with_its_name_even_when_the_names_wrapper_is_named_for_ratings(monkeypatch: pytest.MonkeyPatch) -> None:
    # The product profile drops blocks named for ratings from the tree: the name must be read before that.
    monkeypatch.setattr(html_extractor, "classify_page", lambda *args: "product")
    text = extract_html(PAGE, "chair.html").text
    assert text.split("\n\n")[0] == "Walnut Chair Mark II"
    assert "walnut chair is made by hand" in text


def test_other_page_types_do_not_get_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_extractor, "classify_page", lambda *args: "service")
    assert "Mark II" not in extract_html(PAGE, "chair.html").text
