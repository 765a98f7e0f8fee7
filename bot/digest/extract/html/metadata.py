"""Title, author and date from the page's own metadata: JSON-LD, Open Graph and <title>.

The title is the page's visible headline (its first <h1>s) where the <title>, Open Graph or
JSON-LD title speaks of it, else the <title> less the site's name (the part before " | ",
" - " and the like, or after a leading site name); a heading's `¶` permalink is no part of it.
A date is taken only where the page states one for its content (JSON-LD, meta tags, <time>):
a copyright line's year is not a publication date. Chosen on WCXB's tune part.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from bot.digest.extract.html.title import Candidate, best_title, collect_candidates
from bot.digest.extract.mojibake import repair_mojibake


_SEPARATOR = re.compile(r"\s+[\-–—~:/]\s+|\s*[|·•»]\s*")
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_PERMALINK = re.compile(r"\s*[¶#§]\s*$")
# Invisible characters a title shows nothing of: a soft hyphen ("Assis\xadtance"), zero-width spaces, a BOM.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MAX_HEADLINE_WORDS = 30
MAX_HEADINGS = 5
# A heading's buttons ("Copy item path"), scripts and icons are no part of its words.
_NOT_HEADING_TEXT = frozenset({"button", "script", "style", "svg", "noscript", "template"})
# Classes that hide text from the eye and keep it for screen readers (Bootstrap, WordPress, Shopify, Drupal).
_SCREEN_READER_ONLY = re.compile(r"(?:^|\s)(?:sr-only|screen-reader-only|screen-reader-text|visually-hidden|visuallyhidden|element-invisible)(?:\s|$)", re.IGNORECASE)
_JSON_LD_XPATH = "//script[@type='application/ld+json']/text()"
# JSON-LD types whose headline or name is the page's own title (not the site's or the publisher's).
_CONTENT_TYPES = frozenset(
    "Article NewsArticle BlogPosting Report TechArticle ScholarlyArticle AnalysisNewsArticle OpinionNewsArticle "
    "LiveBlogPosting HowTo Recipe Product SoftwareApplication DiscussionForumPosting QAPage Question "
    "Course Event".split()
)
_PAGE_TYPES = frozenset("WebPage CollectionPage ItemPage ProductGroup FAQPage AboutPage ProfilePage SearchResultsPage".split())
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publish-date",
    "sailthru.date",
    "parsely-pub-date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")


@dataclass(frozen=True)
class PageMetadata:
    title: str = ""
    author: str = ""
    date: str = ""  # ISO yyyy-mm-dd
    site_name: str = ""
    # The site's address, normalised (`site_byline_keys`): a byline equal to it names no person.
    site_keys: frozenset[str] = frozenset()
    # The site's names as a byline's credit may write them (`site_credit_keys`): dropped after the person.
    credit_keys: frozenset[str] = frozenset()


def clean_text(text: str) -> str:
    """One line, spaces folded, a trailing permalink mark (`¶`, `#`) and invisible characters
    dropped, UTF-8 mis-read as Latin-1 repaired ("Investorâ\x80\x99s" is "Investor’s")."""
    text = repair_mojibake(text)
    return _PERMALINK.sub("", _SPACES.sub(" ", unicodedata.normalize("NFC", _INVISIBLE.sub("", text))).strip())


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def _json_ld_texts(tree: lxml_html.HtmlElement) -> Iterator[str]:
    """The text nodes of the document's JSON-LD scripts in document order: what `_JSON_LD_XPATH` finds
    (`//` reads the whole document), by a walk of the root that makes a Python object for scripts only
    (0.11 ms a ScrapingHub page against the search's 0.16). A script's text nodes are read as the search
    reads them (`text()`, each node apart), and none where it has none."""
    for script in tree.getroottree().getroot().iter("script"):
        if script.get("type") == "application/ld+json" and (script.text is not None or len(script)):
            yield from script.xpath("text()")


def json_ld_documents(tree: lxml_html.HtmlElement) -> Iterator[Any]:
    """Each JSON-LD script of the page, parsed; scripts that are not JSON are skipped."""
    for script in _json_ld_texts(tree):
        try:
            yield json.loads(script)
        except ValueError:
            continue


def _json_ld_objects(tree: lxml_html.HtmlElement, documents: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    """Every object of the page's JSON-LD (`documents`: its scripts, already parsed)."""
    for data in json_ld_documents(tree) if documents is None else documents:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if graph:
                    stack.extend(reversed(graph) if isinstance(graph, list) else [graph])


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    return {str(k) for k in kind} if isinstance(kind, list) else {str(kind)}


def _names(value: Any) -> list[str]:
    """Person or organisation names in a JSON-LD author value."""
    if isinstance(value, str):
        return [value] if not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return [str(name)] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [name for part in value for name in _names(part)]
    return []


def _resolved(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD value with its references ({"@id": ...} and nothing else of a name) replaced by the
    objects they name: Yoast's Article gives its author as {"@id": ".../#/schema/person/..."}."""
    if isinstance(value, list):
        return [_resolved(part, by_id) for part in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


class MetaTags:
    """The page's <meta> tags that have a content, in document order, read in one pass: a page's
    metadata is looked up under up to 23 names, an XPath search of the whole page each. The same walk
    keeps the canonical links' addresses and the <time> elements' datetimes (`read_metadata` would
    search the whole document for each: one more walk costs about as much as the three tags' one)."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self._tags: list[tuple[str | None, str | None, str | None, str]] = []
        self._canonical: list[str] = []
        self._datetimes: list[str] = []
        # `//link[...]` and `//time` read the whole document, the <meta> tags are read under `tree`: one
        # walk where `tree` is the document's root (always in the extractor), else a walk of each.
        root = tree.getroottree().getroot()
        whole = root is tree
        for element in (tree if whole else root).iter("meta", "link", "time"):
            tag = element.tag
            if tag == "meta":
                if whole:
                    self._see_meta(element)
            elif tag == "link":
                href = element.get("href")
                if href is not None and element.get("rel") == "canonical":
                    self._canonical.append(href)
            else:
                datetime = element.get("datetime")
                if datetime is not None:
                    self._datetimes.append(datetime)
        if not whole:
            for element in tree.iter("meta"):
                self._see_meta(element)

    def _see_meta(self, meta: lxml_html.HtmlElement) -> None:
        content = meta.get("content")
        if content is not None:
            self._tags.append((meta.get("property"), meta.get("name"), meta.get("itemprop"), content))

    def canonical(self) -> list[str]:
        """The document's `//link[@rel='canonical']/@href`, in document order."""
        return self._canonical

    def datetimes(self) -> list[str]:
        """The document's `//time/@datetime`, in document order."""
        return self._datetimes

    def first(self, *names: str) -> str:
        """The first non-blank content of a tag whose property, name or itemprop is the first of
        `names` that has one, cleaned; "" when none has."""
        for name in names:
            for property_, name_, itemprop, content in self._tags:
                if name in (property_, name_, itemprop) and content.strip():
                    return clean_text(content)
        return ""


def _meta(tree: lxml_html.HtmlElement, *names: str) -> str:
    return MetaTags(tree).first(*names)


def _iso_date(value: str) -> str:
    found = _ISO_DATE.search(value or "")
    if not found:
        return ""
    try:
        return date(int(found[1]), int(found[2]), int(found[3])).isoformat()
    except ValueError:
        return ""


def _site_names(meta: MetaTags, objects: list[dict[str, Any]], url: str | None) -> list[str]:
    names = [meta.first("og:site_name", "application-name", "apple-mobile-web-app-title")]
    for item in objects:
        if _types(item) & {"WebSite", "Organization", "Corporation", "NewsMediaOrganization"}:
            names += _names(item)
        names += _names(item.get("publisher"))
    if url:
        host = urlsplit(url).hostname or ""
        labels = [label for label in host.split(".") if label not in {"www", "com", "org", "net", "co", "uk", "io"}]
        names += [host, *labels]
    return [name for name in names if _key(name)]


def _is_site_name(segment: str, site_names: list[str]) -> bool:
    key = _key(segment)
    if len(key) < 3:
        return False
    for name in site_names:
        other = _key(name)
        # A part of the site's name ("bcbs.com" of "bcbs.com | Blue Cross"), or a short part that holds it.
        if len(other) >= 3 and (key in other or (other in key and 2 * len(other) >= len(key))):
            return True
    return False


def title_without_site(title: str, site_names: list[str]) -> str:
    """The <title>'s headline: its first part that is not the site's name."""
    segments = _SEPARATOR.split(title)
    first = 0
    while len(segments) - first > 1 and _key(segments[first]) in {_key(name) for name in site_names}:
        first += 1
    return segments[first].strip()


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 3}


def _shares_words(text: str, others: tuple[str, ...]) -> bool:
    words = _words(text)
    return any(len(words & _words(other)) >= min(2, len(words)) for other in others if other)


def _is_headline(heading: str, site_names: list[str], titles: tuple[str, ...]) -> bool:
    return 0 < len(heading.split()) <= MAX_HEADLINE_WORDS and not _is_site_name(heading, site_names) and _shares_words(heading, titles)


def copyright_years(tree: lxml_html.HtmlElement) -> set[str]:
    """Years written in the page's copyright lines ("© 2019", "Copyright 1999-2023")."""
    years: set[str] = set()
    for line in tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright') or contains(., '(c)')]"):
        years.update(_YEAR.findall(line))
        parent = line.getparent()
        if parent is not None:
            years.update(_YEAR.findall(parent.text_content()[:300]))
    return years


# A byline's element: marked as the author by microdata or a link relation, or by a class naming
# the author's name or a forum poster's user name ("author-name", "byline__name", "username").
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author-?name|authorname|byline__name|username|bigusername)(?:$|[\s_-])", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(?:(?:written|posted|started)\s+)?by\b:?\s*", re.IGNORECASE)
_HANDLE = re.compile(r"[a-z0-9._]+")
MAX_BYLINE_WORDS = 5  # in the name, before a comma's title ("Brett Cruz, Privacy and Digital Security Expert")
MAX_BYLINE_LINE_WORDS = 12


def _byline_text(element: lxml_html.HtmlElement) -> str:
    names = element.xpath(".//*[@itemprop='name']") if element.get("itemprop") == "author" else []
    if names and names[0].tag == "meta":  # Stack Exchange: <meta itemprop="name" content="...">
        text = clean_text(names[0].get("content") or "")
    else:
        text = clean_text(_inner_text(names[0] if names else element))
    return _BYLINE_PREFIX.sub("", text)


def byline_author(tree: lxml_html.HtmlElement) -> str:
    """The first author name the page's body shows in a marked byline: microdata's author, a
    rel="author" link, an element classed as the author's or user's name; "" when none is short
    enough to be a name. Read as written: a forum user "lulug30" stays "lulug30"."""
    body = tree.find("body")
    for element in body.iter() if body is not None else ():
        if not isinstance(element.tag, str) or element.tag in _NOT_HEADING_TEXT:
            continue
        if element.get("itemprop") == "author" or element.get("rel") == "author" or _BYLINE_CLASS.search(element.get("class") or ""):
            text = _byline_text(element)
            name = text.split(",")[0]
            if (
                0 < len(name.split()) <= MAX_BYLINE_WORDS
                and len(text.split()) <= MAX_BYLINE_LINE_WORDS
                and any(ch.isalpha() for ch in name)
                and not text.startswith("http")
            ):
                return text
    return ""


# A byline written in words rather than marked: "By Amy Wilhelm", "Written by: <a>Emily Walker</a>",
# "<p>Written by</p><p>Edzel Tabing</p>", "<h3>Author</h3><p>Lisa D. Ellis</p>".
_BYLINE_LABEL = re.compile(r"^\s*(?:(?:written|posted|article|words)\s+by|by|author)\s*:?\s*$", re.IGNORECASE)
_BYLINE_LEAD = re.compile(r"^\s*(?:(?:written|posted|article)\s+)?by\s*:?\s+(\S.*)$", re.IGNORECASE | re.DOTALL)
# What follows the name on a byline line: a role, a date, a separator.
_BYLINE_END = re.compile(r"\s*(?:[|•·]|\bon\s+\d|\bon\s+[A-Z][a-z]+\s+\d|\s-\s|\bin\s+[A-Z]).*$", re.DOTALL)
_NOT_BYLINE = frozenset({"a", "nav", "button", "select", "option", "label", "form", "footer"})
# A menu's class near the words (a page's <main class="offset-nav"> far above says nothing).
_MENU_CLASS = re.compile(r"menu|nav|filter|sort|dropdown", re.IGNORECASE)
MENU_CLASS_DEPTH = 3
_AUTHOR_PATH = re.compile(r"/(?:author|authors|writers?|contributors?|people|profile|staff)/(?:\d+/)?([^/?#]+)/?(?:[?#]|$)", re.IGNORECASE)


def _byline_name(text: str) -> str:
    """The name at the start of a byline's words, or "" when they do not read as a name."""
    text = _BYLINE_END.sub("", clean_text(text))
    if re.search(r",\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)", text):  # "Ziyi Xu, Dec 17, 2025": the date goes
        text = re.split(r",\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)", text)[0]
    name = text.split(",")[0].strip()
    words = name.split()
    if not 0 < len(words) <= MAX_BYLINE_WORDS or len(text.split()) > MAX_BYLINE_LINE_WORDS:
        return ""
    # A name starts with a capital ("By clicking..." is no byline); a one-word handle may be lower case.
    if not (words[0][0].isupper() or len(words) == 1) or not any(ch.isalpha() for ch in name) or text.startswith("http"):
        return ""
    return text.strip(" .:")


def _next_text(element: lxml_html.HtmlElement) -> str:
    """The text of the element after `element` (or after its parent, when it has no next one)."""
    for node in (element, element.getparent()):
        if node is None:
            return ""
        following = node.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None:
            return _inner_text(following) if following.tag not in _NOT_HEADING_TEXT else ""
        if (node.tail or "").strip():
            return ""
    return ""


# The letters _BYLINE_LABEL and _BYLINE_LEAD can start with after spaces (written, posted, article,
# words, by, author); no other character folds to them.
_BYLINE_FIRST_LETTERS = frozenset("wWpPaAbB")


def _may_start_byline(element: lxml_html.HtmlElement) -> bool:
    """False where `_written_byline(element)` is surely "": neither its text nor its tail starts,
    after spaces (the patterns' \\s, str.isspace), with a byline's first letter. Most elements; their
    three pattern matches cost about 0.3 ms a page where the search runs."""
    own, tail = element.text, element.tail
    return (own is not None and own.lstrip()[:1] in _BYLINE_FIRST_LETTERS) or (tail is not None and tail.lstrip()[:1] in _BYLINE_FIRST_LETTERS)


def _written_byline(element: lxml_html.HtmlElement) -> str:
    """The name of a byline that `element` starts in words ("By ...", "Written by" and the next element)."""
    own = element.text or ""
    if not (_BYLINE_LABEL.match(own) or _BYLINE_LEAD.match(own) or _BYLINE_LEAD.match(element.tail or "")):
        return ""
    # A menu's "By Region", a sort order's "by Type": words of a link, a list of choices or a form.
    around = [element, *element.iterancestors()]
    if any(parent.tag in _NOT_BYLINE for parent in around) or any(_MENU_CLASS.search(parent.get("class") or "") for parent in around[:MENU_CLASS_DEPTH]):
        return ""
    if _BYLINE_LABEL.match(own):
        rest = _inner_text(element)[len(own) :] if len(element) else ""
        if rest.strip():
            return _byline_name(rest)
        # The next element's one word is a filter's value more often than a name ("by" "Region").
        name = _byline_name(_next_text(element))
        return name if len(name.split()) >= 2 else ""
    lead = _BYLINE_LEAD.match(own)
    if lead:
        return _byline_name(_inner_text(element)[lead.start(1) :])
    tail = _BYLINE_LEAD.match(element.tail or "")
    return _byline_name(tail[1]) if tail else ""


def _author_link(element: lxml_html.HtmlElement) -> str:
    """A link to the author's page whose words spell its address ("/authors/emily-walker": "Emily Walker")."""
    found = _AUTHOR_PATH.search(element.get("href") or "")
    if not found:
        return ""
    text = clean_text(_inner_text(element))
    return text if 0 < len(text.split()) <= MAX_BYLINE_WORDS and _key(text) and _key(text) == _key(found[1]) else ""


def written_byline(tree: lxml_html.HtmlElement) -> str:
    """The author a byline names in words, or a link to the author's page; the first after the
    page's first <h1> where there is one (bylines of related posts come before it as often)."""
    body = tree.find("body")
    first = after_h1 = ""
    seen_h1 = False
    for element in body.iter() if body is not None else ():
        if not isinstance(element.tag, str) or element.tag in _NOT_HEADING_TEXT:
            continue
        seen_h1 = seen_h1 or element.tag == "h1"
        name = _author_link(element) if element.tag == "a" else ""
        if not name and _may_start_byline(element):
            name = _written_byline(element)
        if not name:
            continue
        first = first or name
        if seen_h1:
            after_h1 = name
            break
    return after_h1 or first


def _inner_text(node: lxml_html.HtmlElement, visible_only: bool = False) -> str:
    """`node`'s text, a line break read as a space; with `visible_only`, text kept for screen
    readers only (a "visually-hidden" span) left out."""
    parts = [node.text or ""]
    for child in node:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str) and child.tag not in _NOT_HEADING_TEXT:  # nor do comments
            if not (visible_only and _SCREEN_READER_ONLY.search(child.get("class") or "")):
                parts.append(_inner_text(child, visible_only))
        parts.append(child.tail or "")
    return "".join(parts)


def _heading_text(heading: lxml_html.HtmlElement) -> str:
    """A heading's visible text, a line break read as a space ("Cosmetic Packaging<br>Design"):
    Shopify's hidden "Collection:" before a collection's name, or a site's name hidden in an
    otherwise empty `<h1>` for screen readers, is not what the page shows as its headline."""
    return clean_text(_inner_text(heading, visible_only=True))


def _json_ld_titles(objects: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(source, text) of every JSON-LD headline and name: the content's, a web page's, anything else's."""
    found = []
    for item in objects:
        kinds = _types(item)
        source = "ld_content" if kinds & _CONTENT_TYPES else "ld_page" if kinds & _PAGE_TYPES else "ld_other"
        for value in (item.get("headline"), item.get("name")):
            if isinstance(value, str) and value.strip():
                found.append((source, clean_text(value)))
    return found


def _last_crumb(objects: list[dict[str, Any]]) -> str:
    """The name of the last step of a JSON-LD BreadcrumbList: often the page itself."""
    for item in objects:
        steps = item.get("itemListElement") if "BreadcrumbList" in _types(item) else None
        if isinstance(steps, list) and steps and isinstance(steps[-1], dict):
            last = steps[-1]
            name = last.get("name") or (last["item"].get("name") if isinstance(last.get("item"), dict) else None)
            if isinstance(name, str):
                return clean_text(name)
    return ""


def title_candidates(
    tree: lxml_html.HtmlElement, objects: list[dict[str, Any]], site_names: list[str], headline_first: bool = True, meta: MetaTags | None = None
) -> tuple[list[Candidate], str]:
    """Every title the page offers (bot/digest/extract/html/title.py ranks them), and its <title>."""
    # One walk over the tree for the headings and the <title> (an SVG's <title> in the body only
    # where the head has none).
    h1s: list[lxml_html.HtmlElement] = []
    h2s: list[lxml_html.HtmlElement] = []
    head_titles: list[str] = []
    body_titles: list[str] = []
    for element in tree.iter("h1", "h2", "title"):
        if element.tag == "h1" and len(h1s) < MAX_HEADINGS:
            h1s.append(element)
        elif element.tag == "h2" and not h2s:
            h2s.append(element)
        elif element.tag == "title":
            parent = element.getparent()
            # Only the head's first <title>: a page that repeats it (or adds another) shows the first.
            if parent is not None and parent.tag == "head" and not head_titles:
                head_titles += element.itertext()
            elif not body_titles:
                body_titles += list(element.itertext())[:1]
    headings = [_heading_text(h) for h in h1s]
    subheading = _heading_text(h2s[0]) if h2s else ""
    html_title = clean_text(" ".join(head_titles or body_titles))
    og_title = (meta or MetaTags(tree)).first("og:title", "twitter:title")
    json_ld = _json_ld_titles(objects)
    ld_title = next((text for source, text in json_ld if source == "ld_content"), "")
    # The earlier hand-written rule's choice is one more source: the ranker learns when to overrule it.
    rule_title = next((h for h in headings[:3] if _is_headline(h, site_names, (html_title, og_title, ld_title))), "") if headline_first else ""
    rule_title = rule_title or title_without_site(html_title or og_title, site_names) or ld_title
    rule_title = rule_title or next((h for h in headings if h), "")
    return collect_candidates(headings, subheading, html_title, og_title, json_ld, _last_crumb(objects), rule_title), html_title


# A byline's leading "By" is the page's wording, not part of the name ("By Ana Swanson"); so is
# "Text:" (Russian "Текст:", its colon sometimes dropped by trafilatura: "Текст Венера Ерофеева").
_BY_PREFIX = re.compile(r"^\s*(?:by|text\s*:|текст\s*:?)\s+(?=\S)", re.IGNORECASE)
# What an element classed as the user's name holds when nobody is signed in: the account menu.
_ACCOUNT_LABEL = re.compile(r"^(?:sign|log)\s*(?:in|on|up|out)(?:\s*(?:/|or|\|)\s*(?:sign|log|register)\s*\w*)?$|^(?:my\s+)?account$|^register$", re.IGNORECASE)
# A date in a byline's place ("20 Nov 2019 08:00 GMT", "November 20, 2019", "2019-11-20").
_DATE_LIKE = re.compile(
    r"^(?:\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b",
    re.IGNORECASE,
)
# A role or a site account in a byline's place ("admin", "jdadmin", "Editorial", "The Author", "Гость",
# Russian "Guest"): nobody's name. Plural desks ("Our Editors", "Staff") and names with a separator
# ("q_admin", "adminn") are left alone: WCXB's own authors keep them (tune pages).
_ROLE_BYLINE = re.compile(
    r"^(?:[a-z]*admin|administrators?|admins|editor|editorial(?:\s+(?:team|board|desk))?|(?:the\s+)?author|guest"
    r"|администратор|админ|автор|гость|редакция"  # Russian
    r"|administrador|administrateur|amministratore|autor|auteur|autore|gast|invitado|invité|ospite|convidado"
    r"|redaktion|redacción|rédaction|redazione|redação"
    r"|web\s*master)$",  # "Webmaster": the site's keeper, not the article's writer (the thirteenth session's sweep)
    re.IGNORECASE,
)


def as_name(author: str) -> str:
    """The author as a reader should see it: a leading "By" dropped; "" when it is an account menu's
    label ("Sign In"), a date or a role ("admin", "Editorial") rather than a name."""
    author = _BY_PREFIX.sub("", author).strip()
    if _ACCOUNT_LABEL.match(author) or _DATE_LIKE.match(author) or _ROLE_BYLINE.match(author):
        return ""
    return author


_ADDRESS_PARTS = re.compile(r"[\s.]+")


def _address_key(text: str) -> str:
    """A byline or host as its dot- or space-separated parts, case-folded: "TaxSlayerPro com" and
    "TaxSlayerPro.com" are "taxslayerpro.com"; "World Podcast Network" stays three parts."""
    return ".".join(part for part in _ADDRESS_PARTS.split(text.casefold()) if part)


def site_byline_keys(url: str | None) -> frozenset[str]:
    """The site's address as a byline may write it (`_address_key`): the host with and without "www."
    ("TaxSlayerPro.com", or "TaxSlayerPro com" as trafilatura cleans it, on www.taxslayerpro.com). Part by
    part, so a name whose words run together in the host ("World Podcast Network" on worldpodcast.network) stays.
    The site's display name (og:site_name, JSON-LD publisher, the <title>'s suffix) is not one of them: dropping
    a byline equal to it took WCXB tune's author right from 465 to 426 of 531 (WCXB names the site as the author:
    "Swoogo", "Help Net Security"; a person's own site: "Rick Steves"), nor is the host's bare label ("Ben Nadel"
    writes on bennadel.com)."""
    host = (urlsplit(url).hostname or "") if url else ""
    keys = {_address_key(host), _address_key(host.removeprefix("www."))}
    return frozenset(key for key in keys if "." in key)


# A byline's parts: a person, then a credit after a comma or a bar ("Troy L. Smith, Cleveland.com").
_BYLINE_CREDIT = re.compile(r"\s*[,|]\s*(?=[^,|]*$)")
# An outlet writing for the site: "NJ Advance Media for NJ.com".
_CREDIT_FOR = re.compile(r"^\S.*?\s+for\s+(\S.*)$", re.IGNORECASE | re.DOTALL)
_GENERIC_HOST_LABELS = frozenset({"www", "com", "org", "net", "co", "uk", "io", "gov", "edu", "info", "news"})
MIN_CREDIT_KEY = 3  # "nj" of nj.com alone is too short to tell a site from a person's initials


def site_credit_keys(url: str | None, site_name: str, html_title: str) -> frozenset[str]:
    """The site's names as a byline's trailing credit may write them, as `_key`s: the host with and without "www."
    ("Cleveland.com"), its own labels ("cleveland"), og:site_name, and the <title>'s last part after a separator
    ("... - cleveland.com"). Only a credit after the person is compared with these (`without_site_credit`): a byline
    that is the site's display name alone is WCXB's author on most tune pages that have one (`site_byline_keys`)."""
    host = (urlsplit(url).hostname or "") if url else ""
    names = [host, host.removeprefix("www."), site_name]
    names += [label for label in host.split(".") if label not in _GENERIC_HOST_LABELS]
    segments = _SEPARATOR.split(html_title) if html_title else []
    if len(segments) > 1:
        names.append(segments[-1])
    return frozenset(key for key in map(_key, names) if len(key) >= MIN_CREDIT_KEY)


def without_site_credit(author: str, credit_keys: frozenset[str]) -> str:
    """The byline without a last part, after a comma or a bar, that credits the site: "Troy L. Smith, Cleveland.com"
    is "Troy L. Smith", "Amy Kuperinsky | NJ Advance Media for NJ.com" is "Amy Kuperinsky" (on those sites). Another
    outlet ("Victor Tangermann, Futurism" on sciencealert.com), a title ("CNN Business" on cnn.com) or a degree stays."""
    parts = _BYLINE_CREDIT.split(author, maxsplit=1)
    if len(parts) != 2 or not any(ch.isalpha() for ch in parts[0]):
        return author
    person, credit = parts
    outlet = _CREDIT_FOR.match(credit)
    if _key(credit) in credit_keys or (outlet and _key(outlet[1]) in credit_keys):
        return person.strip()
    return author


def byline_name(author: str, metadata: PageMetadata) -> str:
    """`as_name`, and "" when the byline is the site's address ("TaxSlayerPro.com" on taxslayerpro.com); a credit
    to the site after the person dropped (`without_site_credit`)."""
    author = as_name(author)
    return "" if _address_key(author) in metadata.site_keys else without_site_credit(author, metadata.credit_keys)


def read_metadata(
    tree: lxml_html.HtmlElement, url: str | None = None, headline_first: bool = True, article: bool = False, json_ld: list[Any] | None = None
) -> PageMetadata:
    """What the page says about itself; empty fields where it says nothing. With `headline_first`
    False the <title> less the site's name comes before the visible headline (a service page's
    <h1> is a slogan; its <title> names it). An `article` is never titled with its site's name.
    `json_ld`: the page's JSON-LD scripts, already parsed (json_ld_documents)."""
    objects = list(_json_ld_objects(tree, json_ld))
    meta = MetaTags(tree)
    # A saved page read from a file has no address of its own; its canonical link names the site.
    url = url or meta.first("og:url") or next(iter(meta.canonical()), "")
    content = [item for item in objects if _types(item) & _CONTENT_TYPES]
    site_names = _site_names(meta, objects, url)
    candidates, html_title = title_candidates(tree, objects, site_names, headline_first, meta)
    title = best_title(candidates, html_title, site_names, headline_first, url, not_site_name=article)
    author = ""
    by_id = {item["@id"]: item for item in objects if isinstance(item.get("@id"), str)}
    for item in content:
        names = _names(_resolved(item.get("author"), by_id))
        if names:
            author = "; ".join(dict.fromkeys(clean_text(n) for n in names))
            break
    if not author:
        author = meta.first(*_AUTHOR_META)
        author = "" if author.startswith("http") else author  # Open Graph's article:author is often a profile link
        author = author.strip(" ,;|-")  # ", USA TODAY": a byline template whose name was left empty
    author = as_name(author)
    # The site's or publisher's name, or a login handle ("kffnirmitap"), says less than a byline naming a person.
    if not author or _is_site_name(author, site_names) or _HANDLE.fullmatch(author):
        written_by = meta.first("twitter:data1") if meta.first("twitter:label1").casefold() == "written by" else ""
        author = next((name for name in map(as_name, (byline_author(tree), written_by, written_byline(tree))) if name), author)
    published = next((d for d in (_iso_date(str(item.get("datePublished") or "")) for item in content) if d), "")
    published = published or _iso_date(meta.first(*_DATE_META))
    if not published:
        published = next((d for d in (_iso_date(t) for t in meta.datetimes()[:1]) if d), "")
    site_keys = site_byline_keys(url)
    credit_keys = site_credit_keys(url, meta.first("og:site_name"), html_title)
    if _address_key(author) in site_keys:  # the site's address as the byline names no person
        author = ""
    author = without_site_credit(author, credit_keys)
    return PageMetadata(
        title=title, author=author, date=published, site_name=site_names[0] if site_names else "", site_keys=site_keys, credit_keys=credit_keys
    )
