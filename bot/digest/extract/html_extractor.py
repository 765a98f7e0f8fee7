"""HTML page to article with trafilatura: title, author, date and the main text without page chrome."""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from bot.digest.models import Article, DigestError

log = logging.getLogger(__name__)

# libxml2's HTML parser nests elements no deeper than 256 (without huge_tree), which also keeps
# trafilatura's recursive walks far from Python's recursion limit.
MAX_PARSE_DEPTH = 256
MAX_ELEMENTS = 40_000
_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _parse(html: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True))
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


def _fallback_title(tree: lxml_html.HtmlElement) -> str:
    for xpath in ("//meta[@property='og:title']/@content", "//h1//text()", "//title//text()"):
        found = " ".join(t.strip() for t in tree.xpath(xpath) if t.strip())
        if found:
            return _SPACES.sub(" ", found).strip()
    return ""


def _normalise_body(text: str) -> str:
    """One paragraph per line, blank lines between them, inner runs of spaces folded."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def extract_html(html: str, source: str, url: str | None = None, max_elements: int = MAX_ELEMENTS) -> Article:
    """The article in an HTML page; raise DigestError when the page holds no readable text."""
    tree = _parse(html)
    # trafilatura's time grows faster than the element count; a real article page has a few thousand.
    if sum(1 for _ in tree.iter()) > max_elements:
        raise DigestError(f"The page is too large to read (over {max_elements:,} HTML elements).")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # Precision mode scored best on the article-extraction benchmark (see docs/QUALITY.md).
        favor_precision=True,
    )
    text = getattr(document, "text", None) or ""
    if not text.strip():
        # libxml2 stops nesting at MAX_PARSE_DEPTH and drops what lies deeper; say so rather than "no text".
        if _depth(tree) >= MAX_PARSE_DEPTH:
            raise DigestError("The page's HTML is nested too deeply to read.")
        raise DigestError("No article text was found on the page.")
    title = (getattr(document, "title", None) or "").strip() or _fallback_title(tree)
    body = _normalise_body(text)
    # trafilatura sometimes repeats the headline as the first line of the body.
    first, _, rest = body.partition("\n\n")
    if title and first.strip() == title and rest:
        body = rest
    return Article(
        title=title,
        text=body,
        source=source,
        url=url,
        author=getattr(document, "author", None) or None,
        date=getattr(document, "date", None) or None,
        origin="html",
    )
