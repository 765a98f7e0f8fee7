"""HTML page to article: title, author and date from the page's metadata, the main text through
trafilatura without page chrome.

The ideas live in bot/digest/extract/html/: a cheap pruning pass (prune), the page's own
metadata (metadata), trafilatura's tree to text (text) and the settings (settings).
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from html import unescape
from typing import Any

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_title, extract_url
from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params
from trafilatura.utils import line_processing

from bot.digest.extract.html import trafilatura_run
from bot.digest.extract.html import page_type as page_types
from bot.digest.extract.html.article import article_text, itemtypes_declare_faq
from bot.digest.extract.html.choice import prefer_region, region_wins_whatever_the_text
from bot.digest.extract.html.dates import dates_in_few_languages, year_search_near_digits
from bot.digest.extract.html.docs_page import documentation_text
from bot.digest.extract.html.forum import thread_text
from bot.digest.extract.html.listing import card_region_text, holds_a_grid
from bot.digest.extract.html.metadata import PageMetadata, byline_name, clean_text, copyright_years, json_ld_documents, read_metadata
from bot.digest.extract.html.page_type import classify_page, scan_page
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks
from bot.digest.extract.html.product import product_name, with_product_name
from bot.digest.extract.html.region import description_lead, drop_named, drop_repeated_lines, region_text, with_missing_lead
from bot.digest.extract.html.settings import DEFAULT_SETTINGS, ExtractionSettings
from bot.digest.extract.html.text import render_text
from bot.digest.models import Article, DigestError

log = logging.getLogger(__name__)

# libxml2's HTML parser nests elements no deeper than 256 (without huge_tree), which also keeps
# trafilatura's recursive walks far from Python's recursion limit.
MAX_PARSE_DEPTH = 256
MAX_ELEMENTS = DEFAULT_SETTINGS.max_elements
NO_TEXT = "No article text was found on the page"
# A text this short beside a password field is what a sign-in wall shows (WCXB's pages with a password field hold
# 82 words of true text or more, but for one sign-in page with none).
SIGN_IN_WALL_WORDS = 50
_WORD = re.compile(r"\w+")
LEAD_MIN_NEW_SHARE = 0.3  # of the og:description's words missing from the answer (WCXB tune forums)
# What tree.iter() walks (elements, comments, processing instructions), counted by libxml2.
_NODES = etree.XPath("count(descendant-or-self::node()) - count(descendant::text())")


def most_nodes(html: str) -> int:
    """An upper bound on `_NODES` of the page parsed from `html`, without the count (two XPath walks,
    0.16 ms a page): every element, comment or processing instruction starts at a "<" of the source,
    except those libxml2 adds itself: html, head and body once each, and a `<p>` opened for a run of
    text outside any element (at most one a run, and the runs lie between the "<"s)."""
    tags = html.count("<")
    return tags + (tags + 1) + 3


def _html_parser() -> lxml_html.HTMLParser:
    """lxml.html's parser with its element classes (HtmlElement; FormElement, InputElement and the
    other form classes by tag) chosen in C: lxml.html's own lookup is a Python method, called each
    time a Python object is made for a node, by our passes and by trafilatura's on this tree and
    its copies (a copy keeps the parser). Same classes, same answers; about 3 ms a page less."""
    by_tag = etree.ElementNamespaceClassLookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity
        )
    )
    no_namespace = by_tag.get_namespace(None)
    for tag, element_class in lxml_html.HtmlElementClassLookup._default_element_classes.items():
        no_namespace[tag] = element_class
    parser = lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True)
    parser.set_element_class_lookup(by_tag)
    return parser


def _parse(html: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(html, parser=_html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise DigestError("The page could not be read as HTML.") from exc
    return tree


def _depth(tree: lxml_html.HtmlElement) -> int:
    """The deepest element nesting, counted without recursion."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


@functools.lru_cache(maxsize=4)  # the same text is counted three times a page (0.3 ms each)
def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _has_words(text: str, least: int) -> bool:
    """`_words(text) >= least`, read only as far as the `least`-th word: a long article is not
    counted through (about 12 ms for each count of 100,000 words)."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text), least)) >= least


def _holds_a_sentence(text: str, settings: ExtractionSettings) -> bool:
    """A short answer made only of labels ("Home", "Log in") is no article."""
    if _has_words(text, settings.fallback_min_words):
        return True
    return any(_words(line) >= settings.min_sentence_words for line in text.splitlines())


def _trimmed(value: str | None) -> str | None:
    """A metadata field as trafilatura's Document.clean_and_trim leaves it."""
    if not isinstance(value, str):
        return value
    return line_processing(unescape(value[:9999] + "…" if len(value) > 10000 else value))


class TrafilaturaMetadata:
    """The title, author and date that `bare_extraction(..., with_metadata=True)` finds on a page,
    each worked out only when read, as trafilatura's `extract_metadata` does (no author blacklist).

    The extractor reads them only where the page's own metadata lacks a field; trafilatura's whole
    metadata pass (categories, tags, licence, site name, and its author search, which copies the
    tree) cost about 7 ms of a page's 40."""

    def __init__(self, tree: lxml_html.HtmlElement, url: str | None) -> None:
        self._tree, self._url = tree, url

    @functools.cached_property
    def _declared(self) -> Document:
        metadata = examine_meta(self._tree)
        if metadata.author and " " not in metadata.author:
            metadata.author = None
        try:
            metadata = extract_meta_json(self._tree, metadata)
        except Exception:  # noqa: BLE001 (trafilatura's own guard: bugs in its JSON-LD reader)
            pass
        return metadata

    @functools.cached_property
    def title(self) -> str | None:
        return _trimmed(self._declared.title or extract_title(self._tree))

    @functools.cached_property
    def author(self) -> str | None:
        return _trimmed(self._declared.author or extract_author(self._tree))

    @functools.cached_property
    def date(self) -> str | None:
        address = self._declared.url or extract_url(self._tree, self._url)
        search = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
        # dateparser in a few languages: in every one it loads 35 MB of locales on some pages (dates.py).
        with dates_in_few_languages(), year_search_near_digits():
            return _trimmed(find_date(self._tree, **search, url=address))


def _extract(tree: lxml_html.HtmlElement, url: str | None, settings: ExtractionSettings, **overrides: bool):
    # Only the body tree is read (render_text): with a text format, bare_extraction leaves out its
    # own rendering of the body and comments to text (about 0.2 ms a page); the tree is the same.
    # trafilatura_run.run: bare_extraction's steps through trafilatura's own functions, the readability
    # comparison and the escalation gate's page text left out where they cannot change the answer.
    return trafilatura_run.run(
        tree,
        url=url,
        include_comments=settings.include_comments,
        include_tables=settings.include_tables,
        favor_precision=settings.favor_precision,
        output_format="txt",
        **overrides,
    )


def _main_text(tree: lxml_html.HtmlElement, url: str | None, settings: ExtractionSettings):
    """(text, trafilatura's metadata, None when it found no text); on a thin answer, recall mode is
    tried too and the longer text kept; the baseline extractor only when neither holds a sentence."""
    document = _extract(tree, url, settings)
    text = render_text(getattr(document, "body", None))
    # trafilatura's metadata is read from the page as given (bare_extraction works on a copy).
    document = TrafilaturaMetadata(tree, url) if document is not None else None
    if _has_words(text, settings.fallback_below_words):
        return text, document
    # A few words of menus are no article: a fallback counts only when it finds a real text.
    recall = render_text(getattr(_extract(tree, url, settings, favor_recall=True), "body", None))
    if _words(recall) >= settings.fallback_min_words and _words(recall) > _words(text):
        text = recall
    # The baseline reads every paragraph of the page: on a short news item or a product it adds the
    # page's chrome, so it stands in only for an answer that would otherwise be "no article text".
    if not _holds_a_sentence(text, settings):
        body, _, _ = trafilatura.baseline(tree)
        baseline = render_text(body)
        if _words(baseline) >= settings.fallback_min_words:
            text = baseline
    return text, document


def _has_password_field(tree: lxml_html.HtmlElement) -> bool:
    return bool(tree.xpath("//input[@type='password']"))


def _what_was_found(tree: lxml_html.HtmlElement) -> str:
    """A short account of a page with no article: a sign-in form, images, a few words."""
    parts = []
    if _has_password_field(tree):
        parts.append("a sign-in form")
    images = len(tree.xpath("//body//img"))
    if images:
        parts.append(f"{images} image{'s' if images != 1 else ''}")
    scripts = tree.xpath("//script")
    for junk in tree.xpath("//script|//style|//noscript|//template"):
        junk.drop_tree()
    body = tree.find("body")
    words = _words(body.text_content()) if body is not None else 0
    if words:
        parts.append(f"{words} word{'s' if words != 1 else ''} of menus, links and labels")
    else:
        parts.append("no text outside its scripts (it may build its content with JavaScript)" if scripts else
                     # an empty body with no image is an app's shell saved or served without its scripts
                     "no text (it may build its content with JavaScript)" if not images else "no text")
    return f"{NO_TEXT}; it holds " + ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] + "."


def _date(metadata: PageMetadata, document: TrafilaturaMetadata | None, tree: lxml_html.HtmlElement) -> str | None:
    if metadata.date:
        return metadata.date
    found = getattr(document, "date", None) or ""
    # trafilatura's date search reads "Copyright 1999-2023" as 2023-01-01: a copyright year is no date.
    if found.endswith("-01-01") and found[:4] in copyright_years(tree):
        return None
    return found or None


def _page_type(tree: lxml_html.HtmlElement, url: str | None, json_ld: list) -> tuple[str, dict[str, Any]]:
    """The page's type, and what the article step would walk the tree again for, read by the same walk
    (three walks of the tree less on an article page): whether it declares a FAQPage
    (`article.declares_faq`) and its `<p>` elements. The same walk does `space_before_inline_gaps`
    (jusText, trafilatura's fallback, would glue "following code"), one walk less again. Where a study
    has replaced `classify_page` here, its answer is the type (on the tree as the walk left it)."""
    scan = scan_page(tree, url, json_ld, space_gaps=True)
    kind = scan.page_type if classify_page is page_types.classify_page else classify_page(tree, url, json_ld)
    return kind, {"faq_declared": scan.faq_script or itemtypes_declare_faq(scan.itemtypes), "paragraph_elements": scan.paragraphs}


def extract_html(
    html: str,
    source: str,
    url: str | None = None,
    max_elements: int = MAX_ELEMENTS,
    settings: ExtractionSettings = DEFAULT_SETTINGS,
) -> Article:
    """The article in an HTML page; raise DigestError when the page holds no readable text."""
    tree = _parse(html)
    if most_nodes(html) > max_elements and _NODES(tree) > max_elements:  # counted only where the bound is over
        raise DigestError(f"The page is too large to read (over {max_elements:,} HTML elements).")
    drop_permalinks(tree)
    code_in_preformatted(tree)
    # read by the page-type features and the metadata (before space_before_inline_gaps, done by their walk:
    # it can only end a script's JSON with a space)
    json_ld = list(json_ld_documents(tree))
    page_type, already_read = _page_type(tree, url, json_ld)
    profile = PROFILES[page_type]
    # A thread has a subject, as an article has a headline: neither is titled with the site's name ("Reddit").
    metadata = read_metadata(tree, url, profile.headline_first, article=page_type in ("article", "forum"), json_ld=json_ld)
    # The region is read before trafilatura, which may clean the tree it is given.
    region = ""
    if profile.region_over_words is not None:
        if profile.keep_cards:  # a listing's or a collection's cards whole
            region = card_region_text(tree, profile)
        else:
            region = region_text(tree, profile.min_line_words, profile.link_line_share, profile.link_line_words, profile.more_chrome)
    posts = thread_text(tree, profile) if profile.thread_posts else ""  # a thread's posts by their markup (forum.py)
    # The product's name, read before its wrapper can go with the rating stars named beside it.
    name = product_name(tree) if page_type == "product" else ""
    # A product's reviews and recommended products would otherwise be read as its description.
    drop_named(tree, profile.more_chrome)
    if profile.repeat_min_words is not None:  # a block read twice (a quoted post, a mobile copy) once
        region = drop_repeated_lines(region, profile.repeat_min_words)
    # The region replaces trafilatura's text only with more words and a real sentence: a longer
    # list of labels must not turn a short article into "no article text".
    # A shop grid's names and prices hold no sentence and are still the page's text (listing.holds_a_grid).
    has_region = profile.region_over_words is not None and (_holds_a_sentence(region, settings) or (profile.grid_is_text and holds_a_grid(region)))
    if _holds_a_sentence(posts, settings):  # the thread's posts: trafilatura's answer is not computed
        text, document = posts, TrafilaturaMetadata(tree, url)
    elif has_region and region_wins_whatever_the_text(profile, region):
        # trafilatura's answer could not change the choice (a listing's cards): it is not computed.
        # Its metadata is read from the page as when it finds a text.
        text, document = region, TrafilaturaMetadata(tree, url)
    else:
        text, document = _main_text(tree, url, settings)
        if page_type == "article":  # the body's lists and subheadings put back, what follows the article dropped
            text = article_text(tree, text, **already_read)  # the tree as classified: an article's profile drops nothing
        elif page_type == "documentation":  # a manual's missing lists and subheadings, link lists too (docs_page.py)
            text = documentation_text(tree, text)
        if profile.repeat_min_words is not None:
            text = drop_repeated_lines(text, profile.repeat_min_words)
        if has_region and prefer_region(page_type, profile, text, region, tree):
            text = region
    if profile.lead_min_words is not None:  # a thread's opening post, when the answer lacks it
        text = with_missing_lead(text, description_lead(tree), profile.lead_min_words, LEAD_MIN_NEW_SHARE)
    if log.isEnabledFor(logging.DEBUG):  # the count only when it is written
        log.debug("%s: a %s page, %d words", source, page_type, _words(text))
    title = metadata.title or clean_text(getattr(document, "title", None) or "")
    if not _holds_a_sentence(text, settings) and not (has_region and profile.grid_is_text and text == region):
        # libxml2 stops nesting at MAX_PARSE_DEPTH and drops what lies deeper; say so rather than "no text".
        if _depth(tree) >= MAX_PARSE_DEPTH:
            raise DigestError("The page's HTML is nested too deeply to read.", title)
        raise DigestError(_what_was_found(tree), title)
    # trafilatura sometimes repeats the headline as the first line of the body.
    first, _, rest = text.partition("\n\n")
    if title and first.strip() == title and rest:
        text = rest
    if page_type == "product":  # the product's name, which the strip above or trafilatura's block may have left out
        text = with_product_name(text, name)
    return Article(
        title=title,
        text=text,
        source=source,
        url=url,
        author=metadata.author or byline_name(getattr(document, "author", None) or "", metadata) or None,
        date=_date(metadata, document, tree),
        origin="html",
        # looked for only on a short text (the walk costs a whole-tree search): the pipeline's length limit decides
        behind_sign_in=_words(text) < SIGN_IN_WALL_WORDS and _has_password_field(tree),
    )
