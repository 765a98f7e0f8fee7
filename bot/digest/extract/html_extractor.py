"""HTML page to article with trafilatura: title, author, date and the main text without page chrome."""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from bot.digest.models import Article, DigestError

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _parse(html: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True))
    except (etree.ParserError, ValueError) as exc:
        raise DigestError("The page could not be read as HTML.") from exc
    return tree


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


def extract_html(html: str, source: str, url: str | None = None) -> Article:
    """The article in an HTML page; raise DigestError when the page holds no readable text."""
    tree = _parse(html)
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
