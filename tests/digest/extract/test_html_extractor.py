"""The HTML extractor on pages written like the ones that tripped it: documentation with inline
code and permalink anchors, copyright lines, titles with the site's name, pages with no article."""

from __future__ import annotations

import re
from copy import copy

import pytest
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from bot.digest.extract import html_extractor
from bot.digest.extract.html.settings import DEFAULT_SETTINGS
from bot.digest.extract.html_extractor import _NODES, NO_TEXT, TrafilaturaMetadata, _main_text, _parse, extract_html, most_nodes
from bot.digest.models import DigestError

# Written like the libffi manual (Texinfo HTML): source lines wrapped mid-sentence, inline <code>.
LIBFFI_LIKE = """<html><head><title>Introduction (libffi: the portable foreign function interface library)</title></head>
<body><div class="chapter" id="Introduction"><h2 class="chapter">1 What is libffi?</h2>
<p>Compilers for high level languages generate code that follow certain
conventions.  These conventions are necessary, in part, for separate
compilation to work.  One such convention is the <em>calling
convention</em>.  The calling convention is a set of assumptions made by
the compiler about where function arguments will be found on entry to
a function.
</p>
<p>Some programs may not know at the time of compilation what arguments
are to be passed to a function.  For instance, an interpreter may be
told at run-time about the number and types of arguments used to call
a given function.  <code>libffi</code> can be used in such programs to
provide a bridge from the interpreter program to compiled code.
</p>
<p>The <code>libffi</code> library provides a portable, high level programming
interface to various calling conventions.  This allows a programmer to
call any function specified by a call interface description at run
time.
</p>
<pre class="example">ffi_cif cif;
ffi_type *args[1];
</pre>
<p>A layer must exist above <code>libffi</code> that handles type conversions for
values passed between the two languages, and that layer is not part of the library.
</p>
</div></body></html>"""

# Written like a Sphinx page (Debian's Python policy): ¶ permalinks in every heading, a <title>
# that names the document, an <h1> that names the first section, a copyright range in the footer.
SPHINX_LIKE = """<html><head><title>Debian Python Policy 0.12.0.0 documentation</title>
<link rel="copyright" title="Copyright" href="#" /></head><body>
<div class="body" role="main">
<section id="abstract"><h1>Abstract<a class="headerlink" href="#abstract" title="Permalink to this heading">¶</a></h1>
<p>This document describes the packaging of Python within the Debian GNU/Linux distribution and
the policy requirements for packaged Python programs and modules, as agreed by its maintainers.</p></section>
<section id="copyright"><h2>1. Copyright<a class="headerlink" href="#copyright" title="Permalink to this heading">¶</a></h2>
<p>This manual is free software; you can redistribute it and/or modify it under the terms of the
GNU General Public License as published by the Free Software Foundation; either version 2, or
(at your option) any later version, and it is distributed in the hope that it will be useful.</p>
<h2>2. Python Packaging<a href="#python-packaging">¶</a></h2>
<p>Debian ships one or more versions of the Python interpreter at a time, and packages of modules
must say which versions they support so that the tools can build them for each.</p></section>
</div>
<div class="footer">&#169; <a href="#">Copyright</a> 1999-2023, Software in the Public Interest.</div>
</body></html>"""


def test_inline_code_does_not_split_paragraphs_at_source_line_breaks() -> None:
    article = extract_html(LIBFFI_LIKE, source="Introduction.html")
    paragraphs = article.text.split("\n\n")
    assert "For instance, an interpreter may be told at run-time about the number and types of arguments" in article.text
    whole = [p for p in paragraphs if p.startswith("Some programs may not know")]
    assert whole and whole[0].endswith("provide a bridge from the interpreter program to compiled code."), paragraphs
    # every prose paragraph ends a sentence: none is cut at a line of the HTML source
    prose = [p for p in paragraphs if len(p.split()) > 8]
    assert prose and all(p.rstrip().endswith((".", ":")) for p in prose), prose


def test_block_code_keeps_its_lines() -> None:
    article = extract_html(LIBFFI_LIKE, source="Introduction.html")
    assert "ffi_cif cif;" in article.text and "ffi_type *args[1];" in article.text
    assert "ffi_cif cif; ffi_type" not in article.text


def test_documentation_page_title_comes_from_its_title_element_without_permalink_marks() -> None:
    article = extract_html(SPHINX_LIKE, source="python-policy.html")
    assert article.title == "Debian Python Policy 0.12.0.0 documentation"
    assert "¶" not in article.text
    assert "1. Copyright" in article.text.split("\n\n")


def test_a_copyright_year_is_not_a_publication_date() -> None:
    article = extract_html(SPHINX_LIKE, source="python-policy.html")
    assert article.date is None


def test_a_stated_publication_date_is_kept() -> None:
    page = SPHINX_LIKE.replace("</title>", '</title><meta property="article:published_time" content="2023-05-04T10:00:00Z">')
    assert extract_html(page, source="p.html").date == "2023-05-04"


def test_json_ld_gives_title_author_and_date() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Example News"},'
        '{"@type": "NewsArticle", "headline": "Rivers rise after a week of rain", '
        '"author": [{"@type": "Person", "name": "Ana Ruiz"}], "datePublished": "2024-03-09T08:00:00+01:00"}]}</script>'
    )
    body = " ".join(f"<p>Paragraph {i} says the river rose again overnight and the town prepared sandbags for the weekend.</p>" for i in range(6))
    page = f"<html><head><title>Rivers rise after a week of rain | Example News</title>{ld}</head><body><article>{body}</article></body></html>"
    article = extract_html(page, source="news.html")
    assert (article.title, article.author, article.date) == ("Rivers rise after a week of rain", "Ana Ruiz", "2024-03-09")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("How to plant garlic in autumn | Garden Weekly", "How to plant garlic in autumn"),
        ("How to plant garlic in autumn - Garden Weekly", "How to plant garlic in autumn"),
        ("Garden Weekly | How to plant garlic in autumn", "How to plant garlic in autumn"),
    ],
)
def test_title_element_loses_the_site_name(title: str, expected: str) -> None:
    body = " ".join(f"<p>Step {i}: break the bulb into cloves and set each one pointed end up, a hand apart.</p>" for i in range(6))
    page = f'<html><head><title>{title}</title><meta property="og:site_name" content="Garden Weekly"></head><body><article>{body}</article></body></html>'
    assert extract_html(page, source="garlic.html").title == expected


def test_forum_thread_keeps_the_replies() -> None:
    posts = "".join(
        f'<div class="comment" id="c{i}"><span class="user">user{i}</span>'
        f"<p>Reply {i}: I swapped the stock switches for tactile ones and the board feels much better to type on every day.</p></div>"
        for i in range(5)
    )
    page = (
        "<html><head><title>Which switches for a first keyboard? - Keyboards - Example Forum</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/latest'>Latest</a></nav><main><h1>Which switches for a first keyboard?</h1>"
        "<p>I am buying my first mechanical keyboard and cannot decide between linear and tactile switches.</p>"
        f"<section class='comments'>{posts}</section></main></body></html>"
    )
    article = extract_html(page, source="thread.html")
    assert all(f"Reply {i}:" in article.text for i in range(5)), article.text


def test_a_page_without_an_article_says_what_it_holds() -> None:
    page = (
        "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
        "<form><input type='text' name='user'><input type='password' name='pw'><button>Log in</button></form>"
        "<img src='logo.png'></body></html>"
    )
    with pytest.raises(DigestError) as raised:
        extract_html(page, source="login.html")
    message = str(raised.value)
    assert message.startswith(NO_TEXT)
    assert "sign-in form" in message and "1 image" in message
    assert re.search(r"\d+ words? of menus", message)
    assert raised.value.title == "Sign in"  # the answer can say which page it was


def test_a_page_built_by_scripts_says_so() -> None:
    page = "<html><head><title>App</title><script>var config = {};</script></head><body><div id='root'></div><script>render()</script></body></html>"
    with pytest.raises(DigestError, match="JavaScript"):
        extract_html(page, source="app.html")


def test_a_page_large_only_by_its_scripts_is_read_and_keeps_its_json_ld() -> None:
    from bot.digest.pipeline import extract_article
    from bot.digest.sources import RawDocument
    from bot.settings import DigestSettings

    settings = DigestSettings(max_input_chars=50_000)
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens after repairs", "datePublished": "2024-06-03"}</script>'
    script = "<script>window.__STATE__ = '" + "x" * 200_000 + "';</script><style>p { color: red }</style>"
    body = " ".join(f"<p>Paragraph {i}: the bridge reopened on Monday after eight months of repairs to its deck.</p>" for i in range(6))
    page = f"<html><head><title>Bridge | City News</title>{ld}{script}</head><body><article>{body}</article></body></html>"
    article = extract_article(RawDocument(source="bridge.html", text=page, kind="html"), settings)
    assert article.date == "2024-06-03"  # only the JSON-LD script says so
    assert "Paragraph 5: the bridge reopened" in article.text and "__STATE__" not in article.text


_METADATA_PAGES = {
    "no metadata": "<html><head><title>A plain page</title></head><body><h1>Plain</h1><p>By Jane Roe</p><p>Some words here.</p></body></html>",
    "meta tags": """<html><head><title>Mayor resigns - The Daily</title><meta name="author" content="John Smith">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"><link rel="canonical" href="https://daily.example.com/2024/03/05/mayor"></head>
<body><article><h1>Mayor resigns</h1><p>The mayor resigned on Tuesday after a long dispute.</p></article></body></html>""",
    "JSON-LD": """<html><head><title>Report | Site</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A report &amp; more",
"author": {"@type": "Person", "name": "Ana Lima"}, "datePublished": "2023-11-02"}</script></head>
<body><div class="byline author">Ana Lima</div><p>Text of the report, long enough to read.</p><footer>Copyright 1999-2023</footer></body></html>""",
    "byline only": """<html><head><title>Notes</title></head><body><span class="author-name">Kim Park</span><time datetime="2022-07-01">July 1</time>
<p>Body text.</p><p>© 2021 Somebody</p></body></html>""",
}


@pytest.mark.parametrize("html", _METADATA_PAGES.values(), ids=_METADATA_PAGES.keys())
@pytest.mark.parametrize("url", [None, "https://example.com/2024/01/02/story"])
def test_trafilatura_metadata_read_on_demand_is_what_bare_extraction_finds(html: str, url: str | None) -> None:
    # The extractor no longer asks bare_extraction for metadata; its three fields must not move.
    tree = _parse(html)
    whole = trafilatura.bare_extraction(copy(tree), url=url, with_metadata=True)
    on_demand = TrafilaturaMetadata(tree, url)
    assert (on_demand.title, on_demand.author, on_demand.date) == (whole.title, whole.author, whole.date)


@pytest.mark.parametrize("html", [*_METADATA_PAGES.values(), LIBFFI_LIKE, "<html><body><?php x ?><!-- c --><p>a<b>b</b></p></body></html>"])
def test_the_element_limit_counts_what_tree_iter_walks(html: str) -> None:
    for tree in (_parse(html), lxml_html.document_fromstring(html)):  # with and without comments
        assert _NODES(tree) == sum(1 for _ in tree.iter())


# Pages where libxml2 adds elements of its own (html, head, body, a `<p>` around loose text) or reads a "<" as text.
_IMPLIED_ELEMENTS = [
    "loose text",
    "a<b>b</b>c<i>d</i>e&amp;f<br>g",
    "<title>t</title>text in the head<meta name=x>more<p>p</p>",
    "<html>x<head>y</head>z<body>w</body>after body</html>after html<p>q</p>tail",
    "<frameset><frame src=a></frameset>text",
    "<table>cell text<tr>row text<td>c</td></tr>after</table>",
    "a < b and c <d e> f </ g> <!-- c --> <?pi x?> h",
    "<p>one<p>two</p></p></p></br><li>item</li>text",
    "".join(f"w{i}<span></span>" for i in range(50)),
    "",
]


@pytest.mark.parametrize("html", [*_METADATA_PAGES.values(), LIBFFI_LIKE, *_IMPLIED_ELEMENTS])
def test_most_nodes_bounds_the_element_count(html: str) -> None:
    try:
        tree = _parse(html)
    except DigestError:
        return
    assert _NODES(tree) <= most_nodes(html)


def test_the_element_limit_still_refuses_a_large_page_and_reads_one_under_it() -> None:
    page = "<html><body>" + "".join(f"<p>Paragraph number {i} of a page with many short paragraphs.</p>" for i in range(30)) + "</body></html>"
    with pytest.raises(DigestError, match="too large"):
        extract_html(page, "page.html", max_elements=20)
    # Only "<" read as text puts the bound over the limit: the page is counted and read.
    spaced = "<html><body><p>" + " ".join(f"a < b{i}" for i in range(60)) + " is a long enough sentence for an article text here.</p></body></html>"
    assert most_nodes(spaced) > 20 >= _NODES(_parse(spaced))
    extract_html(spaced, "page.html", max_elements=20)


# A short news item (under 100 words) beside a sidebar of paragraphs: trafilatura's answer is the
# item; its baseline extractor reads every paragraph of the page, sidebar included.
SHORT_NEWS = """<html><head><title>Council approves new bridge</title></head><body>
<div class="entry-content"><h1>Council approves new bridge</h1>
<p>The city council voted on Tuesday evening to build a new footbridge over the river, replacing the old crossing that closed last winter after the floods.</p>
<p>Construction will start in the spring and should take about eighteen months, the council said in a statement.</p></div>
<div class="sidebar widget-area"><p>Subscribe to our daily newsletter for the latest local news, weather and sport delivered to your inbox every morning before breakfast.</p>
<p>Our journalists work around the clock to bring you trusted reporting from every corner of the county, from courts to council meetings.</p>
<p>Read more stories about roads, transport and planning in our regional section, updated every day by the newsroom team.</p></div>
</body></html>"""


def test_a_short_article_is_not_replaced_by_the_baselines_whole_page() -> None:
    _, baseline_text, _ = trafilatura.baseline(_parse(SHORT_NEWS))
    assert "daily newsletter" in baseline_text  # the page's chrome is what the baseline would add
    text = _main_text(_parse(SHORT_NEWS), None, DEFAULT_SETTINGS)[0]
    assert "new footbridge over the river" in text and "eighteen months" in text
    assert "daily newsletter" not in text and "around the clock" not in text


def test_the_baseline_stands_in_when_trafilatura_finds_no_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura's main pass and recall mode finding nothing, as on pages whose text sits in markup it discards.
    monkeypatch.setattr(html_extractor, "_extract", lambda *args, **kwargs: None)
    text = _main_text(_parse(SHORT_NEWS), None, DEFAULT_SETTINGS)[0]
    assert "new footbridge over the river" in text and "daily newsletter" in text


FORM_PAGE = (
    "<html><head><title>Sign in</title></head><body><?php echo 1; ?><form action='/in'><label for='u'>User</label>"
    "<input id='u' name='user' value='ann'><textarea name='note'>hi</textarea><select name='s'><option>a</option></select>"
    "</form><p>Text &amp; more</p></body></html>"
)


@pytest.mark.parametrize("html", [FORM_PAGE, "<p>bare</p>", "<html><body><svg><title>x</title></svg></body></html>"])
def test_the_parser_gives_every_node_the_class_lxml_html_gives_it(html: str) -> None:
    """The class lookup done in C must hand out lxml.html's own classes (FormElement, InputElement,
    ...), in the tree and in a copy of it, as trafilatura makes."""
    own = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True))
    ours = _parse(html)
    assert [type(node) for node in ours.iter()] == [type(node) for node in own.iter()]
    assert [type(node) for node in copy(ours).iter()] == [type(node) for node in own.iter()]
    assert lxml_html.tostring(ours) == lxml_html.tostring(own)
    form = ours.find(".//form")
    if form is not None:
        assert isinstance(form, lxml_html.FormElement) and form.inputs["user"].value == "ann"



def test_bare_extraction_gives_the_same_body_with_a_text_format() -> None:
    # _extract asks for output_format="txt" so that trafilatura skips rendering text it is not asked for.
    for html in (LIBFFI_LIKE, SHORT_NEWS, *_METADATA_PAGES.values()):
        tree = _parse(html)
        as_python = trafilatura.bare_extraction(copy(tree))
        as_text = trafilatura.bare_extraction(copy(tree), output_format="txt")
        assert (as_python is None) == (as_text is None)
        if as_python is not None:
            assert etree.tostring(as_python.body) == etree.tostring(as_text.body)
            assert etree.tostring(as_python.commentsbody) == etree.tostring(as_text.commentsbody)


def test_has_words_is_the_word_count_compared() -> None:
    """`_has_words(text, n)` (which stops at the n-th word) answers `_words(text) >= n`."""
    from bot.digest.extract.html_extractor import _has_words, _words

    texts = ["", "   ", "one", "one two", "a_b c-d", "Ünï cödé ñ", "word " * 49 + "word", "x\ny\n\nz " * 40]
    for text in texts:
        for least in (0, 1, 2, 3, 8, 49, 50, 51, 100, 121):
            assert _has_words(text, least) == (_words(text) >= least), (text[:20], least)


def test_a_listing_is_read_without_trafilaturas_extraction_and_answers_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.digest.extract.html.pages import LISTING

    url = "https://riverside.example.gov/news"
    # The shipped model takes this small fixture for an article: the skip is what is tested here.
    monkeypatch.setattr(html_extractor, "classify_page", lambda *args: "listing")
    calls: list[object] = []
    extract = html_extractor._extract
    monkeypatch.setattr(html_extractor, "_extract", lambda *args, **kwargs: calls.append(args) or extract(*args, **kwargs))
    skipped = extract_html(LISTING, "listing.html", url)
    assert calls == []
    monkeypatch.setattr(html_extractor, "region_wins_whatever_the_text", lambda profile, region: False)
    whole = extract_html(LISTING, "listing.html", url)
    assert len(calls) >= 1 and skipped == whole


@pytest.mark.parametrize(("page_type", "title"), [("forum", "Open source forum software for old school forums?"), ("listing", "Arch Linux")])
def test_a_forum_thread_is_not_titled_with_the_site_name(monkeypatch: pytest.MonkeyPatch, page_type: str, title: str) -> None:
    """A thread has a subject, as an article has a headline; a listing may well be called by its site's name."""
    monkeypatch.setattr(html_extractor, "classify_page", lambda *args: page_type)
    subject = "Open source forum software for old school forums?"
    posts = "".join(f"<div class='post'><p>Reply {n}: I have used several of these boards for years and they all work well enough.</p></div>" for n in range(6))
    page = (
        "<html><head><title>Arch Linux</title><meta property='og:site_name' content='Arch Linux'></head><body>"
        f"<h1>Arch Linux</h1><h2>{subject}</h2><div class='thread'>{posts}</div></body></html>"
    )
    assert extract_html(page, source="thread.html").title == title


def test_an_account_menu_found_by_trafilatura_is_not_the_author() -> None:
    para = "<p>" + "The council met on Monday to discuss the new budget for the coming year and agreed on most points. " * 6 + "</p>"
    page = f"<html><head><title>Budget agreed</title></head><body><div class='author'>Sign In</div><article><h1>Budget agreed</h1>{para}{para}</article></body></html>"
    assert extract_html(page, source="a.html").author is None
