"""The page-type classifier on small pages written like the sites of each kind."""

from __future__ import annotations

import json

import pytest

from bot.digest.extract.html import page_type
from bot.digest.extract.html_extractor import _parse
from bot.digest.model_files import SHIPPED_MODELS, ModelFileError
from tests.digest.extract.html import pages

CASES = (
    ("article", pages.ARTICLE, "https://valleytimes.example.com/2025/06/03/river-falls-to-lowest-level"),
    ("documentation", pages.DOCS, "https://docs.widgetlib.example.org/en/latest/configuration.html"),
    ("forum", pages.FORUM, "https://forum.coffee.example/t/espresso-machine-leaking-after-descaling/1234"),
    ("product", pages.PRODUCT, "https://shop.example.com/products/trailblazer-40"),
    ("collection", pages.COLLECTION, "https://threadco.example.com/collections/mens-shirts"),
    ("service", pages.SERVICE, "https://payrollpilot.example.com/payroll-software"),
)


@pytest.mark.parametrize(("expected", "html", "url"), CASES, ids=[case[0] for case in CASES])
def test_each_kind_of_page_gets_its_type(expected: str, html: str, url: str) -> None:
    assert page_type.classify_page(_parse(html), url) == expected


@pytest.mark.parametrize(("expected", "html"), [(kind, html) for kind, html, _ in CASES if kind != "documentation"])
def test_the_page_itself_tells_its_type_without_an_address(expected: str, html: str) -> None:
    assert page_type.classify_page(_parse(html), None) == expected


def test_features_see_declared_types_and_repeated_cards() -> None:
    product = page_type.page_features(_parse(pages.PRODUCT), None)
    assert product["ld_product"] == 1.0 and product["og_product"] == 1.0 and product["log_prices"] > 0
    collection = page_type.page_features(_parse(pages.COLLECTION), None)
    assert collection["ld_list"] == 1.0
    assert collection["log_repeated"] >= page_type._log(len(pages.COLLECTION_ITEMS))
    article = page_type.page_features(_parse(pages.ARTICLE), "https://news.example.com/2025/06/03/river-falls")
    assert article["url_date"] == 1.0 and article["ld_article"] == 1.0
    assert article["log_repeated"] < collection["log_repeated"]


def test_a_saved_page_is_read_with_the_address_it_declares() -> None:
    """A page read from a file has no address of its own: its canonical link stands in, and an
    unknown address is not taken for a home page."""
    docs = pages.DOCS.replace("<head>", '<head><link rel="canonical" href="https://docs.widgetlib.example.org/en/latest/configuration.html">')
    assert page_type.page_address(_parse(docs), None) == "https://docs.widgetlib.example.org/en/latest/configuration.html"
    assert page_type.page_address(_parse(docs), "https://example.org/given") == "https://example.org/given"
    assert page_type.classify_page(_parse(docs), None) == "documentation"
    unknown = page_type.page_features(_parse(pages.DOCS), None)
    assert unknown["url_is_root"] == 0.0 and unknown["url_depth"] == 0.0
    assert page_type.page_features(_parse(pages.DOCS), "https://widgetlib.example.org/")["url_is_root"] == 1.0


def test_the_model_file_is_shipped_and_checked(tmp_path) -> None:
    assert ("bot.digest.extract.html", page_type.MODEL_FILE) in SHIPPED_MODELS
    model = page_type.load_model()
    assert model.types == page_type.PAGE_TYPES
    shipped = json.loads(page_type.package_model_path("bot.digest.extract.html", page_type.MODEL_FILE).read_text())
    shipped["features"] = shipped["features"][:-1]
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps(shipped))
    with pytest.raises(ModelFileError, match="train_page_type"):
        page_type.load_model(stale)


@pytest.mark.parametrize(
    "change",
    [
        lambda payload: payload["models"].pop("forum"),
        lambda payload: payload["models"]["article"]["weights"].pop(),
        lambda payload: payload.update(types=["article"]),
    ],
    ids=["a type without a model", "a weight short", "types missing"],
)
def test_a_payload_that_does_not_fit_is_refused_loudly(tmp_path, change) -> None:
    data = json.loads(page_type.package_model_path("bot.digest.extract.html", page_type.MODEL_FILE).read_text())
    change(data["payload"])
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    with pytest.raises(ModelFileError, match="train_page_type"):
        page_type.load_model(broken)


def test_the_shortcuts_of_the_features_walk_answer_as_the_plain_searches() -> None:
    """`_has_element_child` is `find("*") is not None`; the links' words counted over their joined
    texts are the sum of each link's words; the price search without a trailing currency is the
    whole pattern's answer."""
    tree = _parse("<div id=a><?pi x?><p>one</p></div><div id=b><?pi x?><?pi y?></div><div id=c><p>x</p></div>")
    for element in tree.iter("div"):
        assert page_type._has_element_child(element) == (element.find("*") is not None)
    links = _parse("<p><a href=x>Read more</a><a href=y>on<b>line</b></a><a href=z>3 items, 2 left</a><a href=w></a></p>")
    features = page_type.page_features(links, None)
    words = sum(len(page_type._WORD.findall(a.text_content())) for a in links.iter("a"))
    total = len(page_type._WORD.findall(links.find("body").text_content()))
    assert features["link_word_share"] == min(1.0, words / total)
    for text in ("$5 and $ 6, 7 apples", "price 12.99 EUR or €4", "no prices here", "$1 USD"):
        chosen = page_type._PRICE if any(code in text for code in page_type._CURRENCIES_AFTER) else page_type._PRICE_SIGN
        assert chosen.findall(text) == page_type._PRICE.findall(text)


def test_json_ld_read_once_gives_the_features_read_from_the_page() -> None:
    tree = _parse(pages.PRODUCT)
    json_ld = list(page_type.json_ld_documents(tree))
    assert json_ld and page_type.page_features(tree, None, json_ld) == page_type.page_features(tree, None)


# --- what the features' walk hands on to the article step (fourteenth session, htmlspeed6) ---------------------
_FAQ_SCRIPT = '<script type="application/ld+json">{"@type": "FAQPage"}</script>'
_FAQ_PAGES = (
    pages.ARTICLE,
    pages.FORUM,
    pages.ARTICLE.replace("</head>", f"{_FAQ_SCRIPT}</head>"),
    pages.ARTICLE.replace("</body>", f"{_FAQ_SCRIPT}</body>"),
    pages.ARTICLE.replace("</body>", f"</body>{_FAQ_SCRIPT}"),
    pages.ARTICLE.replace("<body>", "<body><div itemscope itemtype='https://schema.org/FAQPage/'>x</div>"),
    pages.ARTICLE.replace("<head>", "<head><meta itemtype='https://schema.org/FAQPage'>"),
    pages.ARTICLE.replace("<body>", "<body><div itemtype='https://schema.org/Article'><span itemtype='https://schema.org/Person'></span></div>"),
    pages.ARTICLE.replace("<body>", "<body><script>var faq = 'FAQPages';</script>"),
    "<p>No head, no body: a fragment <span itemtype='x/FAQPage'>only</span></p>",
    "<html><head><title>t</title></head><body><p>in the body</p><div><p>nested <p>twice</p></p></div></body><p>after the body</p></html>",
)


@pytest.mark.parametrize("html", _FAQ_PAGES)
def test_scan_page_reads_what_the_article_steps_faq_rule_reads(html: str) -> None:
    from bot.digest.extract.html import article

    tree = _parse(html)
    scan = page_type.scan_page(tree, None)
    assert scan.page_type == page_type.classify_page(tree, None)
    assert list(scan.itemtypes) == list(article._ITEMTYPES(tree))
    assert (scan.faq_script or article.itemtypes_declare_faq(scan.itemtypes)) == article.declares_faq(tree)
    assert list(scan.paragraphs) == list(tree.iter("p"))
    assert all(scan.paragraphs[i] is element for i, element in enumerate(tree.iter("p")))


def test_scan_page_finds_paragraphs_outside_the_body() -> None:
    tree = _parse("<html><body><p>one</p></body></html>")
    head = tree.find("head") if tree.find("head") is not None else tree.makeelement("head")
    if head.getparent() is None:
        tree.insert(0, head)
    head.append(tree.makeelement("p"))
    tree.append(tree.makeelement("p"))
    assert list(page_type.scan_page(tree, None).paragraphs) == list(tree.iter("p")) and len(list(tree.iter("p"))) == 3


def test_the_extractor_hands_the_article_step_what_the_tree_it_reads_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.digest.extract import html_extractor
    from bot.digest.extract.html import article

    seen: list[tuple[bool | None, bool]] = []
    shipped = html_extractor.article_text

    def checking(tree, text, faq_declared=None, paragraph_elements=None):  # noqa: ANN001, ANN202 (article_text's own signature)
        seen.append((faq_declared, article.declares_faq(tree)))
        assert paragraph_elements is not None and list(paragraph_elements) == list(tree.iter("p"))
        return shipped(tree, text, faq_declared, paragraph_elements)

    monkeypatch.setattr(html_extractor, "article_text", checking)
    for html in _FAQ_PAGES[:-2]:  # the last two hold no article
        html_extractor.extract_html(html, "page.html", "https://valleytimes.example.com/2025/06/03/river-falls-to-lowest-level")
    assert seen and all(given == found for given, found in seen)
    assert {found for _, found in seen} == {True, False}


# space_before_inline_gaps done by the features' walk (scan_page(..., space_gaps=True))
_GAP_PAGES = (
    *(html for _, html, _ in CASES),
    "<html><body><p><span>following</span> <span>code</span> <b>x<i>y</i></b>\n<a href='#'>$</a> <span>5</span></p>"
    "<h2><span>Heading</span> </h2><div><em>a</em>\t<img src=x> <strong>b<br>c</strong> <?pi x?> <code>z</code></div></body></html>",
    "<html><head><title>t</title></head><body><a>one</a> <a>two</a> <script type='application/ld+json'>{\"@type\": \"Article\"}</script> <span>s</span></body></html>",
)


@pytest.mark.parametrize("html", _GAP_PAGES)
def test_the_walk_spaces_the_gaps_as_the_pass_does_and_reads_the_same_features(html: str) -> None:
    from lxml import etree

    from bot.digest.extract.html.prune import space_before_inline_gaps

    walked, passed = _parse(html), _parse(html)
    space_before_inline_gaps(passed)
    scan = page_type.scan_page(walked, None, space_gaps=True)
    assert etree.tostring(walked) == etree.tostring(passed)
    assert scan.page_type == page_type.classify_page(passed, None)
    assert page_type._page_features(_parse(html), None, None, groups=False, space_gaps=True).with_groups() == page_type.page_features(passed, None)


def test_the_walk_spaces_a_fragments_gaps_by_the_pass() -> None:
    from lxml import etree
    from lxml import html as lxml_html

    from bot.digest.extract.html.prune import space_before_inline_gaps

    source = "<div><span>following</span> <span>code</span><body><b>x</b> <i>y</i></body></div>"
    walked, passed = lxml_html.fragment_fromstring(source), lxml_html.fragment_fromstring(source)
    space_before_inline_gaps(passed)
    page_type.scan_page(walked, None, space_gaps=True)
    assert etree.tostring(walked) == etree.tostring(passed) != etree.tostring(lxml_html.fragment_fromstring(source))


def test_the_walk_spaces_the_gaps_on_benchmark_pages(shared_data) -> None:  # noqa: ANN001 (fixture)
    import gzip

    from lxml import etree

    from bot.digest.extract.html.prune import drop_scripts_and_styles, space_before_inline_gaps

    folder = shared_data / "article-extraction-benchmark" / "html"
    for path in sorted(folder.glob("*.html.gz"))[:30]:
        html = drop_scripts_and_styles(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
        walked, passed = _parse(html), _parse(html)
        space_before_inline_gaps(passed)
        scan = page_type.scan_page(walked, None, space_gaps=True)
        assert etree.tostring(walked) == etree.tostring(passed), path.name
        assert scan.page_type == page_type.classify_page(passed, None), path.name


def _vocabularies_by_the_split(class_and_id: str) -> tuple[str, ...]:
    """The plain rule `_vocabularies` answers: _CLASS_SPLIT's tokens against each vocabulary."""
    tokens = page_type._CLASS_SPLIT.split(class_and_id.lower())
    return tuple(name for name, vocabulary in page_type._CLASS_WORD_SETS.items() if not vocabulary.isdisjoint(tokens))


@pytest.mark.parametrize(
    "class_and_id",
    [
        "post", "Post-Body", "1-post", "post-1", "x--post", "-post-", "post_item", "__card__", "add-to-cart", "add to cart",
        "menu-item menu-item-type-post_type", "c-card c-card--large", "wp-block-post-title", "a-b-c", "price\u00a0tag",
        "\u0130tem", "product-\u212aard", "entry_content  sidebar", "", " ", "api-reference", "a-post b", "postx", "card1",
    ],
)
def test_the_vocabularies_prefilter_answers_as_the_split(class_and_id: str) -> None:
    assert page_type._vocabularies(class_and_id) == _vocabularies_by_the_split(class_and_id)


def test_the_vocabularies_prefilter_answers_as_the_split_on_every_vocabulary_word_in_context() -> None:
    words = sorted(page_type._ANY_CLASS_WORD)
    for word in words:
        for context in (f"{word}", f"x-{word}", f"{word}-x", f"1-{word}", f"{word}-1", f"{word}_x", f"-{word}", f"{word.upper()} y", f"x{word}"):
            assert page_type._vocabularies(context) == _vocabularies_by_the_split(context), context


def test_a_classifier_put_in_by_a_study_decides_the_type(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.digest.extract import html_extractor

    asked: list[str] = []

    def always_article(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        asked.append(url)
        return "article"

    monkeypatch.setattr(html_extractor, "classify_page", always_article)
    tree = _parse(pages.FORUM)
    assert html_extractor._page_type(tree, "https://forum.coffee.example/t/x/1", [])[0] == "article"
    assert asked == ["https://forum.coffee.example/t/x/1"]
    monkeypatch.undo()
    assert html_extractor._page_type(_parse(pages.FORUM), "https://forum.coffee.example/t/x/1", [])[0] == "forum"


def _scores(article: float, service: float, other: float = -9.0) -> dict[str, float]:
    scores = dict.fromkeys(page_type.PAGE_TYPES, other)
    scores["article"], scores["service"] = article, service
    return scores


SHORT = {"mean_paragraph_words": page_type._log(20)}
LONG = {"mean_paragraph_words": page_type._log(page_type.ARTICLE_PARAGRAPH_WORDS)}


def test_a_close_call_between_article_and_service_with_short_paragraphs_is_a_service_page() -> None:
    margin = page_type.SERVICE_CLOSE_CALL_MARGIN
    assert page_type.close_call_type(_scores(1.0, 1.0 - margin / 2), SHORT) == "service"
    assert page_type.close_call_type(_scores(1.0, 1.0 - margin / 2), {"mean_paragraph_words": 0.0}) == "service"  # no paragraph at all
    # a clear article, an article of long paragraphs (prose), and a page led by another type stay as read
    assert page_type.close_call_type(_scores(1.0, 1.0 - 2 * margin), SHORT) == "article"
    assert page_type.close_call_type(_scores(1.0, 1.0 - margin / 2), LONG) == "article"
    assert page_type.close_call_type(_scores(1.0 - margin / 2, 1.0), SHORT) == "service"
    listing_led = {**_scores(1.0, 0.5), "listing": 2.0}
    assert page_type.close_call_type(listing_led, SHORT) == "listing"


def test_the_switch_needs_service_as_the_runner_up() -> None:
    margin = page_type.SERVICE_CLOSE_CALL_MARGIN
    scores = {**_scores(1.0, 1.0 - margin / 2), "collection": 1.0 - margin / 4}
    assert page_type.close_call_type(scores, SHORT) == "article"


def test_the_model_decides_the_close_call_from_its_own_scores() -> None:
    model = page_type.shipped_model()
    features = page_type.page_features(_parse(pages.ARTICLE), None)
    scores = model.scores(page_type.feature_vector(features))
    assert model.page_type(features) == page_type.close_call_type(scores, features)
    assert model.page_type(features) == "article"  # the test article: long paragraphs or a clear lead
