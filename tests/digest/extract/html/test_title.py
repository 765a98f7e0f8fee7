"""The title ranker on small hand-written pages: each case is one thing a page's title sources can do."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from bot.digest.extract.html.metadata import clean_text, read_metadata, title_candidates
from bot.digest.extract.html.title import MODEL_NAME, FEATURES, _parts, candidate_features, collect_candidates, load_model, slug_words
from bot.digest.model_files import ModelFileError, package_model_path

BODY = "<p>" + "The river rose two metres overnight and the town closed its lower bridge to traffic. " * 4 + "</p>"


def page(head: str, body: str = "") -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}{BODY}</body></html>")


def title_of(head: str, body: str = "", headline_first: bool = True) -> str:
    return read_metadata(page(head, body), "https://www.citynews.example/2024/bridge", headline_first).title


def test_the_shipped_model_fits_the_features_the_code_computes() -> None:
    model = load_model()
    assert len(model.weights) == len(FEATURES)


def test_a_model_file_with_a_garbled_payload_is_refused(tmp_path) -> None:
    shipped = json.loads(package_model_path("bot.digest.extract.html", MODEL_NAME).read_text(encoding="utf-8"))
    shipped["payload"]["weights"] = shipped["payload"]["weights"][:-1]
    broken = tmp_path / "title_model.json"
    broken.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ModelFileError, match="one weight per feature"):
        load_model(broken)
    del shipped["payload"]["bias"]
    broken.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ModelFileError, match="bias"):
        load_model(broken)


def test_a_title_is_cut_at_every_separator_into_heads_tails_and_parts() -> None:
    assert _parts("Bridge closed | Rain | City News") == [
        ("head", "Bridge closed"),
        ("tail", "Rain | City News"),
        ("part", "Rain"),
        ("head", "Bridge closed | Rain"),
        ("tail", "City News"),
        ("part", "City News"),
    ]
    assert _parts("Self-host Postgres") == []  # a hyphen inside a word is no separator


def test_one_wording_offered_by_several_sources_is_one_candidate_that_remembers_them() -> None:
    candidates = collect_candidates(["Bridge closed"], "", "Bridge closed | City News", "Bridge Closed", [], "", "")
    by_text = {candidate.text: candidate.sources for candidate in candidates}
    assert by_text["Bridge closed"] == {"h1_first", "title_head", "og"}
    assert by_text["City News"] == {"title_tail", "title_part"}
    rows = candidate_features(candidates, "Bridge closed | City News", ["City News"])
    assert rows.shape == (len(candidates), len(FEATURES))
    families = rows[:, FEATURES.index("source_families")]
    assert families[list(by_text).index("Bridge closed")] == 2  # the heading and the page's head agree


def test_a_trailing_aside_is_cut_off_the_title_as_one_more_head() -> None:
    candidates = collect_candidates(["Score"], "", "Best Books Ever (77141 books)", "", [], "", "")
    by_text = {candidate.text: candidate.sources for candidate in candidates}
    assert by_text["Best Books Ever"] == {"title_head"}
    assert by_text["Best Books Ever (77141 books)"] == {"title"}
    # No aside, no extra head: the whole <title> is not its own head.
    plain = {c.text: c.sources for c in collect_candidates([], "", "Best Books Ever", "", [], "", "")}
    assert plain == {"Best Books Ever": {"title"}}


@pytest.mark.parametrize(
    "title",
    ["River bridge closed after a week of rain | City News", "City News - River bridge closed after a week of rain", "River bridge closed after a week of rain – City News"],
)
def test_the_site_name_is_cut_off_the_title_element(title: str) -> None:
    head = f'<title>{title}</title><meta property="og:site_name" content="City News">'
    assert title_of(head) == "River bridge closed after a week of rain"


def test_the_visible_headline_wins_when_open_graph_says_it_too() -> None:
    # Headline against the <title>'s head alone is close to a coin toss in WCXB's titles; the site's
    # name in the header's <h1> is neither, and a second source for the headline settles it.
    head = "<title>Bridge closed after rain | City News</title>"
    body = "<header><h1>City News</h1></header><h1>Lower bridge closed after a week of rain</h1>"
    assert title_of(head, body) in {"Bridge closed after rain", "Lower bridge closed after a week of rain"}
    head += '<meta property="og:title" content="Lower bridge closed after a week of rain">'
    assert title_of(head, body) == "Lower bridge closed after a week of rain"


def test_a_logo_or_search_heading_is_not_the_title() -> None:
    head = '<title>Lower bridge closed after a week of rain | City News</title><meta property="og:site_name" content="City News">'
    assert title_of(head, "<h1>Search</h1>") == "Lower bridge closed after a week of rain"


def test_a_product_page_without_a_heading_takes_its_json_ld_name() -> None:
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Trail Runner 3 Waterproof Shoe"}
    head = f'<script type="application/ld+json">{json.dumps(product)}</script><title>Trail Runner 3 Waterproof Shoe | Shop</title>'
    assert title_of(head) == "Trail Runner 3 Waterproof Shoe"


def test_a_page_with_no_title_source_has_no_title() -> None:
    assert title_of("") == ""


def test_a_line_break_in_a_heading_is_a_space() -> None:
    head = "<title>Cosmetic Packaging Design | Boxworks</title>"
    assert title_of(head, "<h1>Cosmetic Packaging<br>Design</h1>") == "Cosmetic Packaging Design"


def test_a_label_leading_a_forum_heading_marks_the_shorter_title_as_its_end() -> None:
    candidates = collect_candidates(["Thread: Which switches for a first keyboard?"], "", "Which switches for a first keyboard? - Example Forum", "", [], "", "")
    rows = candidate_features(candidates, "Which switches for a first keyboard? - Example Forum", ["Example Forum"])
    ends = {c.text: row[FEATURES.index("ends_heading")] for c, row in zip(candidates, rows)}
    assert ends["Which switches for a first keyboard?"] == 1.0
    assert ends["Thread: Which switches for a first keyboard?"] == 0.0


def test_a_button_inside_a_heading_is_no_part_of_the_title() -> None:
    tree = page("<title>tokio - Rust</title>", '<h1>Crate tokio<button id="copy-path">Copy item path</button></h1>')
    candidates, _ = title_candidates(tree, [], [])
    headings = [c.text for c in candidates if "h1_first" in c.sources]
    assert headings == ["Crate tokio"]


@pytest.mark.parametrize(
    "h1",
    [
        '<span class="visually-hidden">Collection: </span>Sennheiser',
        '<span class="sr-only">Collection:</span> Sennheiser',
        'Sennheiser<span class="screen-reader-text"> (opens the collection)</span>',
    ],
)
def test_text_hidden_for_screen_readers_is_no_part_of_a_heading(h1: str) -> None:
    tree = page("<title>Shop Sennheiser at Headphones.com</title>", f"<h1>{h1}</h1>")
    candidates, _ = title_candidates(tree, [], [])
    assert [c.text for c in candidates if "h1_first" in c.sources] == ["Sennheiser"]


def test_only_the_first_title_element_of_the_head_is_read() -> None:
    tree = page("<title>Private Music Lessons in NYC</title><title>Private Music Lessons in NYC</title>")
    _, html_title = title_candidates(tree, [], [])
    assert html_title == "Private Music Lessons in NYC"


def test_the_address_path_spells_the_slug_and_a_bare_address_is_a_home_page() -> None:
    assert slug_words("https://shop.example/c/backpacking-packs.html?id=3") == ({"backpacking", "packs"}, False)
    assert slug_words("https://www.example.com/") == (set(), True)
    assert slug_words("") == (set(), False)


def test_features_tell_the_candidate_the_address_spells_and_what_was_cut_off_the_title() -> None:
    html_title = "Sheets for Every Bed | Soft & Durable | Brooklinen"
    candidates = collect_candidates(["All Sheets"], "", html_title, "", [], "", "")
    rows = candidate_features(candidates, html_title, ["Brooklinen"], url="https://www.brooklinen.com/collections/all-sheets")
    by_text = {c.text: row for c, row in zip(candidates, rows)}
    assert by_text["All Sheets"][FEATURES.index("slug_recall")] == 1.0
    assert by_text["Sheets for Every Bed"][FEATURES.index("slug_recall")] == 0.5
    assert by_text["Sheets for Every Bed | Soft & Durable"][FEATURES.index("rest_is_site")] == 1.0
    assert by_text["Sheets for Every Bed"][FEATURES.index("rest_is_other")] == 1.0
    assert by_text["All Sheets"][FEATURES.index("home_page")] == 0.0


def test_a_title_mis_decoded_as_latin_1_is_repaired_and_invisible_characters_dropped() -> None:
    assert clean_text("A DIY Investorâ\x80\x99s Guide") == "A DIY Investor’s Guide"
    assert clean_text("Home Repair Assis\xadtance Program") == "Home Repair Assistance Program"
    assert clean_text("Crème brûlée — Café in Zürich") == "Crème brûlée — Café in Zürich"  # right text is left alone


def test_meta_tags_read_in_one_pass_answer_as_the_xpath_search() -> None:
    """`MetaTags.first` must find what the XPath search per name found: the first tag in document
    order whose property, name or itemprop is the name, skipping blank contents, names in order."""
    from lxml import html as lxml_html

    from bot.digest.extract.html.metadata import MetaTags

    tree = lxml_html.document_fromstring(
        "<html><head><meta name='author' content='  '><meta property='og:title' content='First'>"
        "<meta itemprop='author' content='Ann Lee'><meta name='og:title' content='Second'><meta name='date'>"
        "</head><body><meta property='dc.date' content='2020-01-02'></body></html>"
    )

    def searched(*names: str) -> str:
        for name in names:
            for value in tree.xpath("//meta[@property=$n or @name=$n or @itemprop=$n]/@content", n=name):
                if value.strip():
                    return clean_text(value)
        return ""

    meta = MetaTags(tree)
    for names in (("author",), ("og:title",), ("date", "dc.date"), ("nothing",), ("twitter:title", "og:title"), ("author", "og:title")):
        assert meta.first(*names) == searched(*names)


@pytest.mark.parametrize("label", ["Home", "Homepage", "Welcome", "Index"])
def test_a_generic_page_label_is_not_the_title_while_the_page_offers_another(label: str) -> None:
    head = f'<title>{label}</title><meta property="og:title" content="{label}"><meta property="og:site_name" content="The GitHub Blog">'
    body = f"<h1>{label}</h1><h2>The latest on software development and open source</h2>"
    assert title_of(head, body) != label
    assert title_of(f"<title>{label}</title>") == label  # the only thing the page says: better than nothing
