"""The product9 study's loss kinds and candidates on small pages (no shared data needed)."""

from collections import Counter

from lxml import html as lxml_html

from bench import product9_study

PAGE = """<html><head><meta property="og:description" content="A walnut chair made by hand in our workshop.">
<script type="application/ld+json">{"@graph": [{"@type": "Product", "name": "Chair", "description": "Solid walnut, oiled twice, built to last for decades."}]}</script>
</head><body><main><h1>Walnut Chair</h1>
<table><tr><td>Seat height 45 cm</td></tr></table>
<div class="size-guide"><p>Small fits rooms under ten square metres</p></div>
<ul><li>Oiled twice by hand</li></ul>
<div class="accordion"><p>Free shipping on orders over fifty dollars</p></div>
</main></body></html>"""


def _tree() -> lxml_html.HtmlElement:
    return lxml_html.fromstring(PAGE)


def test_product_descriptions_reads_json_ld_products_in_graphs_and_the_og_description() -> None:
    assert product9_study.product_descriptions(_tree()) == [
        "Solid walnut, oiled twice, built to last for decades.",
        "A walnut chair made by hand in our workshop.",
    ]


def test_unmatched_lines_are_those_under_half_in_the_other_text() -> None:
    assert product9_study.unmatched_lines("Walnut Chair\nSeat height 45 cm\nBlue sofa", "walnut chair seat") == ["Seat height 45 cm", "Blue sofa"]


def test_line_kinds_by_words_then_by_element() -> None:
    tree = _tree()
    elements = product9_study._elements_by_text(tree)
    described = set(product9_study.tokens(" ".join(product9_study.product_descriptions(tree))))

    def kind(line: str) -> str:
        return product9_study.line_kind(line, elements.get(" ".join(product9_study.tokens(line))), described)

    assert kind("Solid walnut, oiled twice, built to last") == "json-ld/og description"
    assert kind("Free shipping on orders over fifty dollars") == "shipping, returns, cart"
    assert kind("Seat height 45 cm") == "table or dl row"
    assert kind("Walnut Chair") == "heading"
    assert kind("Nowhere on the page at all") == "no one element"


def test_page_losses_sort_missed_and_extra_words_by_kind() -> None:
    page = {"html": PAGE, "truth": "Walnut Chair\nSeat height 45 cm", "answer": "Walnut Chair\nFree shipping on orders over fifty dollars"}
    missed, extra = product9_study.page_losses(page)
    assert missed == Counter({"table or dl row": 4})
    assert extra == Counter({"shipping, returns, cart": 7})


def test_drop_lines_in_drops_only_lines_of_the_named_kinds_and_keeps_a_short_answer_whole() -> None:
    answer = "Walnut Chair\nSeat height 45 cm\nSmall fits rooms under ten square metres"
    assert product9_study.drop_lines_in(frozenset({"table"}), min_words_left=0)(answer, _tree()).split("\n") == ["Walnut Chair", "Small fits rooms under ten square metres"]
    assert product9_study.drop_lines_in(frozenset({"c:size"}), min_words_left=0)(answer, _tree()).split("\n") == ["Walnut Chair", "Seat height 45 cm"]
    assert product9_study.drop_lines_in(frozenset({"table"}), min_words_left=30)(answer, _tree()) == answer


def test_headline_candidates() -> None:
    assert product9_study.with_headline("Oiled twice by hand", _tree()) == "Walnut Chair\n\nOiled twice by hand"
    assert product9_study.with_headline("Walnut chair\nOiled", _tree()) == "Walnut chair\nOiled"
    shipped = product9_study.CANDIDATES["the <h1> first when a word of it is not in the answer (shipped)"]
    assert shipped("Oiled twice by hand, a chair of walnut", _tree()) == "Oiled twice by hand, a chair of walnut"
    assert shipped("Oiled twice by hand", _tree()).startswith("Walnut Chair\n\n")


def test_judge_passes_a_candidate_that_rises_on_every_host_and_fails_one_that_falls() -> None:
    pages = {
        f"{n:04d}": {"type": "product", "predicted": "product", "url": f"https://shop{n}.example.com/p", "html": PAGE,
                     "truth": "Walnut Chair\nOiled twice by hand", "answer": "Oiled twice by hand", "f1": 0.0}
        for n in range(30)
    }
    for page in pages.values():
        page["f1"] = product9_study.word_f1(page["truth"], page["answer"])
    assert product9_study.judge(pages, "name", product9_study.CANDIDATES["the <h1> first when a word of it is not in the answer (shipped)"])
    assert not product9_study.judge(pages, "nothing", lambda answer, tree: "")
