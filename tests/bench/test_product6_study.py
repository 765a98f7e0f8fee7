"""The product6 study's candidates on small pages (no shared data needed)."""

from lxml import html as lxml_html

from bench import product6_study
from bot.digest.extract.html.region import Line

PAGE = """<html><body><nav><h1>Shop menu</h1></nav><main>
<div class="product"><div class="head"><h1>Walnut Chair</h1><p>$129.00</p><p>Colour:</p><p>Oak</p></div>
<div class="long">{filler}</div></div>
<div class="tabs"><div role="tabpanel" hidden><p>Made of solid walnut wood, oiled by hand in our workshop.</p></div>
<div class="reviews" role="tabpanel"><p>Great chair, five stars from me and my family.</p></div></div>
</main></body></html>"""


def _tree(filler: str = "") -> lxml_html.HtmlElement:
    return lxml_html.fromstring(PAGE.format(filler=filler))


def test_missing_lines_keeps_only_what_the_answer_lacks():
    lines = [Line("Walnut Chair", 2, 0.0), Line("$129.00", 2, 0.0), Line("Oak", 1, 0.0)]
    assert product6_study.missing_lines("Walnut Chair\n\nA chair in oak.", lines) == ["$129.00"]


def test_buy_box_is_the_h1s_smallest_ancestor_showing_a_price():
    texts = [line.text for line in product6_study.buy_box_lines(_tree())]
    assert texts == ["Walnut Chair", "$129.00", "Colour:", "Oak"]  # the nav's h1 is chrome, the long block is outside


def test_buy_box_too_large_is_none():
    assert product6_study.buy_box_lines(_tree(), max_words=3) == []


def test_with_buy_box_puts_the_missing_lines_first():
    answer = "Made of solid walnut wood."
    assert product6_study.with_buy_box(answer, _tree(), 150, 1).split("\n\n") == ["Walnut Chair", "$129.00", "Colour:", "Oak", answer]


def test_tab_panels_read_hidden_panels_but_not_reviews():
    texts = [line.text for line in product6_study.tab_panel_lines(_tree(), role_only=True)]
    assert texts == ["Made of solid walnut wood, oiled by hand in our workshop."]


def test_precision_recall():
    assert product6_study.precision_recall("a b c d", "a b x y") == (0.5, 0.5)


def test_container_kinds_name_tags_hiding_and_class_words():
    tree = _tree()
    panel = tree.xpath("//div[@role='tabpanel']/p")[0]
    assert {"tabpanel", "HIDDEN", "c:tabs"} <= product6_study.container_kinds(panel)
    assert product6_study.container_kinds(tree.xpath("//div[@class='long']")[0]) == {"plain"}


def test_guards():
    tree = _tree()
    assert product6_study.answer_lacks_price("Made of walnut.", tree)
    assert not product6_study.answer_lacks_price("Now $129.00.", tree)
    assert product6_study.answer_lacks_headline("A chair.", tree)  # the first <h1> is the nav's "Shop menu"
    only_without_price = product6_study.guarded(product6_study.answer_lacks_price, lambda answer, tree: "changed")
    assert only_without_price("Now $129.00.", tree) == "Now $129.00."
    assert only_without_price("Made of walnut.", tree) == "changed"
