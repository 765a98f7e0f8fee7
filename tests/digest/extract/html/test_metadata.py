"""The page's author from its own metadata and, failing that, from a marked byline in its body."""

from __future__ import annotations

import re
import sys

import pytest
from lxml import html as lxml_html

from bot.digest.extract.html import metadata
from bot.digest.extract.html.metadata import (
    PageMetadata,
    as_name,
    byline_author,
    byline_name,
    read_metadata,
    site_byline_keys,
    site_credit_keys,
    without_site_credit,
    written_byline,
)
from bot.digest.extract.html_extractor import _parse


def page(head: str, body: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><head><title>A page</title>{head}</head><body>{body}<p>Some text of the page.</p></body></html>")


@pytest.mark.parametrize(
    ("body", "author"),
    [
        # A forum's first post: the user name as written, digits and all.
        ('<div class="message"><h4 class="message-name"><a class="username" href="/m/1">lulug30</a></h4></div>'
         '<div class="message"><h4 class="message-name"><a class="username" href="/m/2">Starks</a></h4></div>', "lulug30"),
        # Stack Exchange: microdata's author, its name in a <meta>.
        ('<div class="user-details" itemprop="author"><a href="/users/4818">Kumiko</a><meta itemprop="name" content="Kumiko"></div>', "Kumiko"),
        # "By" standing alone in its own element is skipped; the name after it is taken.
        ('<p class="byline__name--block">By</p><p class="byline__name">April Fulton</p>', "April Fulton"),
        # A name with a long job title after its comma is still a name.
        ('<span class="author-name">Brett Cruz, Privacy and Digital Security Expert</span>', "Brett Cruz, Privacy and Digital Security Expert"),
        ('<a rel="author" href="/me">By Jane Doe</a>', "Jane Doe"),
        # A sentence in an author box is no name.
        ('<div class="author-name">Our writers test every product in the lab for weeks before they say anything about it</div>', ""),
        ('<p>No byline here.</p>', ""),
    ],
)
def test_a_byline_is_read_from_the_marked_element(body: str, author: str) -> None:
    assert byline_author(page("", body)) == author


def test_the_byline_is_read_only_where_the_metadata_names_no_author() -> None:
    body = '<a class="username" href="/m/1">lulug30</a>'
    assert read_metadata(page('<meta name="author" content="Ann Lee">', body)).author == "Ann Lee"
    assert read_metadata(page("", body)).author == "lulug30"


def test_a_byline_naming_a_person_wins_over_the_site_name_given_as_author() -> None:
    head = '<meta property="og:site_name" content="Heart Foundation"><meta name="author" content="Heart Foundation">'
    assert read_metadata(page(head, '<a class="author-name" href="#bio">Tracy Parker, Dietitian</a>')).author == "Tracy Parker, Dietitian"
    assert read_metadata(page(head, "")).author == "Heart Foundation"


@pytest.mark.parametrize(
    ("body", "author"),
    [
        ('<h1>The History of Coffee</h1><p><time>Mar 24, 2025</time></p><p class="meta">By Amy Wilhelm</p>', "Amy Wilhelm"),
        ('<h1>Title</h1><p class="text-grey">Written by</p><p class="text-grey">Edzel Tabing</p>', "Edzel Tabing"),
        ('<h1>Title</h1><span>Written by: <ul><li><a href="/authors/emily-walker/">Emily Walker</a></li></ul></span>', "Emily Walker"),
        ('<h1>Title</h1><p class="text-xl">by: <!-- -->Ziyi Xu<!-- -->, Dec 17, 2025</p>', "Ziyi Xu"),
        # A link to the author's page whose words spell its address.
        ('<h1>Title</h1><a href="https://example.com/author/natalie-nevares/">Natalie Nevares</a>', "Natalie Nevares"),
        ('<h1>Title</h1><a href="https://example.com/author/natalie/">Read more</a>', ""),
        # A menu's "By Region", a sort order's "by" and a form's choice are no bylines.
        ('<nav><a href="/region"><span>By Region</span></a></nav><h1>Title</h1>', ""),
        ('<h1>Title</h1><div class="menu-title"><span>By industry</span></div>', ""),
        ('<h1>Title</h1><span>Sort</span><span>by</span><span>Type</span>', ""),
        ("<h1>Title</h1><p>By clicking accept you agree to our terms.</p>", ""),
        # A related post's byline before the headline gives way to the article's own after it.
        ('<p>By Someone Else</p><h1>Title</h1><p>By Jane Doe</p>', "Jane Doe"),
    ],
)
def test_a_byline_written_in_words_is_read(body: str, author: str) -> None:
    assert written_byline(page("", body)) == author


def test_a_written_byline_is_read_only_where_nothing_else_names_the_author() -> None:
    body = "<h1>Title</h1><p>By Jane Doe</p>"
    assert read_metadata(page('<meta name="author" content="Ann Lee">', body)).author == "Ann Lee"
    assert read_metadata(page("", body)).author == "Jane Doe"
    twitter = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tyler Brown">'
    assert read_metadata(page(twitter, "")).author == "Tyler Brown"


def test_a_json_ld_author_given_by_reference_is_resolved() -> None:
    script = (
        '<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "A page", "author": {"@id": "#person"}},'
        ' {"@type": "Person", "@id": "#person", "name": "Shivkumar M"}]}</script>'
    )
    assert read_metadata(page(script, "<p>By Someone Else</p>")).author == "Shivkumar M"


def test_a_written_byline_wins_over_the_site_name_given_as_author() -> None:
    head = '<meta property="og:site_name" content="Rapid7"><meta name="author" content="Rapid7">'
    assert read_metadata(page(head, "<h1>Title</h1><p>By Spencer McIntyre</p>")).author == "Spencer McIntyre"
    assert read_metadata(page(head, "<h1>Title</h1>")).author == "Rapid7"


def test_an_empty_name_left_in_a_byline_template_is_dropped() -> None:
    head = '<meta property="og:site_name" content="USA TODAY"><meta name="author" content=", USA TODAY">'
    body = '<h1>Title</h1><span class="author"><a href="https://example.com/staff/2648209001/brian-truitt/">Brian Truitt</a></span>'
    assert read_metadata(page(head, body)).author == "Brian Truitt"


@pytest.mark.parametrize(
    ("head", "body", "author"),
    [
        # The page's metadata says "By ...": the name without the page's wording.
        ('<meta name="author" content="By Ana Swanson">', "<h1>Title</h1>", "Ana Swanson"),
        ('<meta name="author" content="By TOM KRISHER, AP Auto Writer">', "<h1>Title</h1>", "TOM KRISHER, AP Auto Writer"),
        # The account menu in an element classed as the user's name is nobody's name; a byline after it is.
        ("", '<a class="username" href="/login">Sign In</a><h1>Title</h1><p>By Spencer McIntyre</p>', "Spencer McIntyre"),
        ("", '<span class="username">Log in</span><h1>Title</h1>', ""),
        # A date where the byline should be.
        ('<meta name="author" content="20 Nov 2019 08:00 GMT">', "<h1>Title</h1>", ""),
        # A name that merely starts like those stays.
        ('<meta name="author" content="Byron Signer">', "<h1>Title</h1>", "Byron Signer"),
    ],
)
def test_a_byline_is_a_name_not_its_wording_a_menu_or_a_date(head: str, body: str, author: str) -> None:
    assert read_metadata(page(head, body)).author == author


@pytest.mark.parametrize(
    ("head", "body", "author"),
    [
        # A role or a site account where the byline should be is nobody's name.
        ('<meta name="author" content="admin">', "<h1>Title</h1>", ""),
        ('<meta name="author" content="By Admin">', "<h1>Title</h1>", ""),
        ('<meta name="author" content="jdadmin">', "<h1>Title</h1>", ""),
        ('<meta name="author" content="Editorial">', "<h1>Title</h1>", ""),
        ('<meta name="author" content="The Author">', "<h1>Title</h1>", ""),
        ('<meta name="author" content="Гость">', "<h1>Title</h1>", ""),  # Russian "Guest"
        ('<script type="application/ld+json">{"@type": "Article", "headline": "Title", "author": {"@type": "Person", "name": "Author"}}</script>',
         "<h1>Title</h1>", ""),
        # With the role dropped, a byline in the body that names a person is read instead.
        ('<meta name="author" content="Editorial">', '<h1>Title</h1><span class="author-name">Jane Doe</span>', "Jane Doe"),
        # Names and desks that WCXB keeps as authors stay: a separator or a letter after the role, a plural desk.
        ('<meta name="author" content="q_admin">', "<h1>Title</h1>", "q_admin"),
        ('<meta name="author" content="Our Editors">', "<h1>Title</h1>", "Our Editors"),
        ('<meta name="author" content="Staff">', "<h1>Title</h1>", "Staff"),
        ('<meta name="author" content="Jane Author">', "<h1>Title</h1>", "Jane Author"),
    ],
)
def test_a_byline_that_is_a_role_or_an_account_gives_no_author(head: str, body: str, author: str) -> None:
    assert read_metadata(page(head, body)).author == author


@pytest.mark.parametrize("role", ["admin", "Administrator", "Editorial Team", "Author", "гость", "Redaktion", "Webmaster", "Web Master"])
def test_as_name_drops_a_role(role: str) -> None:
    assert as_name(role) == ""
    assert as_name("Maria Schmidt") == "Maria Schmidt"


@pytest.mark.parametrize(("byline", "name"), [("Текст: Венера Ерофеева", "Венера Ерофеева"), ("Текст Лида Буслаева", "Лида Буслаева"), ("Text: Jane Doe", "Jane Doe"), ("Textor Smith", "Textor Smith")])
def test_as_name_drops_a_text_label(byline: str, name: str) -> None:
    assert as_name(byline) == name


@pytest.mark.parametrize(
    "text", ["By Amy", "  written by: Emily", "\u00a0Author", "Posted by X", "article by Y", "words by Z", "by", "Bye", "x By Amy", "", "   ", "\tby A"]
)
def test_an_element_that_may_start_no_byline_starts_none(text: str) -> None:
    """_may_start_byline is only a shortcut: where it is false, the patterns match neither text nor tail."""
    for html in (f"<body><div><p>{text}</p></div></body>", f"<body><div><b>x</b>{text}<p>y</p></div></body>"):
        for element in _parse(html).iter():
            if not metadata._may_start_byline(element):
                own, tail = element.text or "", element.tail or ""
                assert not (metadata._BYLINE_LABEL.match(own) or metadata._BYLINE_LEAD.match(own) or metadata._BYLINE_LEAD.match(tail))


def test_no_other_character_starts_a_byline_pattern() -> None:
    """The first letters of _may_start_byline are all the characters the case-blind patterns can open with
    (the characters with case below U+3000, and the full-width Latin letters)."""
    for code in [*range(0x3000), *range(0xFF00, 0xFF60)]:
        ch = chr(code)
        if ch in metadata._BYLINE_FIRST_LETTERS or ch.isspace():
            continue
        for pattern in (metadata._BYLINE_LABEL, metadata._BYLINE_LEAD):
            for rest in ("y", "uthor", "ritten by", "osted by", "rticle by", "ords by"):
                assert not pattern.match(ch + rest + " Name"), ch


def test_no_character_but_the_byline_first_letters_folds_to_one() -> None:
    """_may_start_byline's premise: the patterns open, after spaces, with written, posted, article, words,
    by or author in any case, and no other character matches w, p, a or b case-blind (as K, the Kelvin
    sign, matches k); nor is any of those letters a space."""
    folds = re.compile(r"[wpab]", re.IGNORECASE)
    others = [chr(code) for code in range(sys.maxunicode + 1) if folds.fullmatch(chr(code))]
    assert sorted(others) == sorted(metadata._BYLINE_FIRST_LETTERS)
    for pattern in (metadata._BYLINE_LABEL, metadata._BYLINE_LEAD):
        assert pattern.pattern.startswith(r"^\s*(?:")


def _plain_written_byline(tree: lxml_html.HtmlElement) -> str:
    """written_byline as written before `_may_start_byline`: the three patterns tried on every element."""
    body = tree.find("body")
    first = after_h1 = ""
    seen_h1 = False
    for element in body.iter() if body is not None else ():
        if not isinstance(element.tag, str) or element.tag in metadata._NOT_HEADING_TEXT:
            continue
        seen_h1 = seen_h1 or element.tag == "h1"
        name = (metadata._author_link(element) if element.tag == "a" else "") or metadata._written_byline(element)
        if not name:
            continue
        first = first or name
        if seen_h1:
            after_h1 = name
            break
    return after_h1 or first


WRITTEN_BYLINES = [
    "<body><p>By Amy Wilhelm</p></body>",
    "<body><p>Written by: <a href='/x'>Emily Walker</a></p></body>",
    "<body><p>Written by</p><p>Edzel Tabing</p></body>",
    "<body><h3>Author</h3><p>Lisa D. Ellis</p></body>",
    "<body><p>\u00a0 posted by Jo Nash</p><h1>T</h1><div><b>x</b> by Ann Lee</div></body>",
    "<body><nav><p>By Region</p></nav><p>bye now</p><a href='/authors/jane-doe'>Jane Doe</a></body>",
    "<body><p>Nothing here</p></body>",
]


@pytest.mark.parametrize("html", WRITTEN_BYLINES)
def test_written_byline_answers_as_the_patterns_on_every_element(html: str) -> None:
    assert written_byline(_parse(html)) == _plain_written_byline(_parse(html))


# The thirteenth session's sweep: WCXB service 4876 (www.taxslayerpro.com) gave its address "TaxSlayerPro.com" as the
# author; trafilatura's name cleaning writes it "TaxSlayerPro com".
@pytest.mark.parametrize("byline", ["TaxSlayerPro.com", "www.taxslayerpro.com", "TaxSlayerPro com"])
def test_the_sites_address_as_the_byline_gives_no_author(byline: str) -> None:
    head = f'<link rel="canonical" href="https://www.taxslayerpro.com/compare"><meta name="author" content="{byline}">'
    assert read_metadata(page(head, "<h1>Compare tax software</h1>")).author == ""
    keys = site_byline_keys("https://www.taxslayerpro.com/compare")
    assert byline_name(byline, PageMetadata(site_keys=keys)) == ""


def test_a_persons_own_site_or_a_site_name_byline_keeps_its_author() -> None:
    """Only the address is dropped: "Ben Nadel" on bennadel.com is a person, and a byline equal to the site's
    display name is WCXB's author on most tune pages that have one ("Swoogo", "Rick Steves")."""
    head = '<link rel="canonical" href="https://www.bennadel.com/blog/x"><meta name="author" content="Ben Nadel">'
    assert read_metadata(page(head, "<h1>A post</h1>")).author == "Ben Nadel"
    head = '<meta property="og:site_name" content="Swoogo"><link rel="canonical" href="https://swoogo.events/a"><meta name="author" content="Swoogo">'
    assert read_metadata(page(head, "<h1>A post</h1>")).author == "Swoogo"
    head = '<link rel="canonical" href="https://worldpodcast.network/"><meta name="author" content="World Podcast Network">'
    assert read_metadata(page(head, "<h1>Podcasts</h1>")).author == "World Podcast Network"  # WCXB tune listing 4380
    keys = site_byline_keys("https://www.bennadel.com/blog/x")
    assert byline_name("Ben Nadel", PageMetadata(site_keys=keys)) == "Ben Nadel"
    assert byline_name("Webmaster", PageMetadata(site_keys=keys)) == ""


# The fourteenth session's sweep (ScrapingHub pages): a person, then the site credited after a comma or a bar.
@pytest.mark.parametrize(
    ("url", "site_name", "byline", "author"),
    [
        ("https://www.cleveland.com/a.html", "", "Troy L. Smith, Cleveland.com", "Troy L. Smith"),
        ("https://www.nj.com/a.html", "", "Amy Kuperinsky | NJ Advance Media for NJ.com", "Amy Kuperinsky"),
        ("https://www.cleveland.com/a.html", "", "Troy L. Smith, cleveland", "Troy L. Smith"),  # the host's own label
        ("https://example.org/a", "The Daily Planet", "Lois Lane | The Daily Planet", "Lois Lane"),
        ("https://example.org/a", "", "Lois Lane, Daily Planet", "Lois Lane"),  # the <title>'s suffix (below)
        # Kept: another outlet, a desk of the site, a degree, several people, an outlet that is not the site.
        ("https://www.sciencealert.com/a", "ScienceAlert", "Victor Tangermann, Futurism", "Victor Tangermann, Futurism"),
        ("https://www.cnn.com/a", "CNN", "Jill Disis, CNN Business", "Jill Disis, CNN Business"),
        ("https://www.healthline.com/a", "", "Jillian Kubala, MS, RD", "Jillian Kubala, MS, RD"),
        ("https://www.redfin.com/news/a", "", "Chen Zhao, Daryl Fairweather", "Chen Zhao, Daryl Fairweather"),
        ("https://www.npr.org/a", "NPR", "Sergio Martínez-Beltrán | The Texas Newsroom", "Sergio Martínez-Beltrán | The Texas Newsroom"),
        ("https://www.nj.com/a.html", "", "Amy Kuperinsky, NJ", "Amy Kuperinsky, NJ"),  # two letters tell no site
        ("https://www.cleveland.com/a.html", "", "Cleveland.com", ""),  # the address alone: no person (sweep4)
    ],
)
def test_a_credit_to_the_site_after_the_person_goes(url: str, site_name: str, byline: str, author: str) -> None:
    title = "A page - Daily Planet"
    head = f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site_name}"><meta name="author" content="{byline}">'
    tree = lxml_html.fromstring(f"<html><head><title>{title}</title>{head}</head><body><h1>A page</h1><p>Text.</p></body></html>")
    assert read_metadata(tree).author == author
    # trafilatura's author goes through byline_name with the same keys
    metadata = PageMetadata(site_keys=site_byline_keys(url), credit_keys=site_credit_keys(url, site_name, title))
    assert byline_name(byline, metadata) == author


def test_a_site_credit_leaves_a_byline_that_is_only_the_credit() -> None:
    keys = site_credit_keys("https://www.cleveland.com/a", "", "")
    assert without_site_credit(", Cleveland.com", keys) == ", Cleveland.com"  # nobody before the comma: not this rule's to mend
    assert without_site_credit("Troy L. Smith, Cleveland.com", frozenset()) == "Troy L. Smith, Cleveland.com"
    assert without_site_credit("A, B, Cleveland.com", keys) == "A, B"  # only the last part is the credit


_LOOKUPS_PAGE = """<html><head><link rel="canonical" href="https://example.org/a"><link rel="alternate" href="https://example.org/b">
<meta property="og:title" content="T"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>
<script type="application/ld+json"></script><script type="application/ld+json">not json</script><script>var x = 1;</script></head>
<body><div id="part"><time datetime="2020-01-02">2 Jan</time><time>no datetime</time><meta name="author" content="Ann Lee">
<script type="application/ld+json">[{"@type": "Person", "name": "Ann Lee"}]</script></div>
<time datetime="2021-03-04">later</time><link rel="canonical" href="https://example.org/second"></body></html>"""


def test_the_walks_find_what_the_xpath_searches_found() -> None:
    """MetaTags' canonical links and <time> datetimes, and the JSON-LD scripts, are what the whole
    document's XPath searches find (in document order) from the root and from an element under it;
    the <meta> tags still only those under the element."""
    from bot.digest.extract.html.metadata import _JSON_LD_XPATH, MetaTags, _json_ld_texts

    tree = lxml_html.document_fromstring(_LOOKUPS_PAGE)
    for element in (tree, tree.find(".//div")):
        meta = MetaTags(element)
        assert meta.canonical() == element.xpath("//link[@rel='canonical']/@href") == ["https://example.org/a", "https://example.org/second"]
        assert meta.datetimes() == element.xpath("//time/@datetime") == ["2020-01-02", "2021-03-04"]
        assert list(_json_ld_texts(element)) == element.xpath(_JSON_LD_XPATH) and len(element.xpath(_JSON_LD_XPATH)) == 3
    assert MetaTags(tree).first("og:title") == "T" and MetaTags(tree.find(".//div")).first("og:title") == ""
    assert MetaTags(tree.find(".//div")).first("author") == "Ann Lee"
    assert [document.get("@type") if isinstance(document, dict) else document[0]["name"] for document in metadata.json_ld_documents(tree)] == ["NewsArticle", "Ann Lee"]


def test_read_metadata_takes_the_canonical_link_and_the_first_time() -> None:
    metadata = read_metadata(lxml_html.document_fromstring(_LOOKUPS_PAGE.replace('"@type": "NewsArticle", ', '"@type": "Thing", ')))
    assert metadata.date == "2020-01-02"
    assert "example.org" in metadata.site_keys  # the address read from the canonical link
