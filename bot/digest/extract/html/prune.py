"""A cheap pass over the parsed page before trafilatura reads it.

Permalink anchors beside headings (Sphinx's and MkDocs' `¶` or `#` links) are no part of the
heading's text; without this pass they end up in titles ("Abstract¶") and in the body.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption"})
_MARK_CANDIDATES = etree.XPath("descendant-or-self::a[contains(@class, 'headerlink') or starts-with(@href, '#')]")


def drop_permalinks(tree: lxml_html.HtmlElement) -> None:
    """Remove `<a href="#…">¶</a>` anchors (and `a.headerlink`) in place, keeping their tails."""
    doomed = []
    for anchor in _MARK_CANDIDATES(tree):  # only these can pass the test below
        href = anchor.get("href") or ""
        text = anchor.text_content().strip()
        is_mark = text in _PERMALINK_MARKS and href.startswith("#")
        if "headerlink" in (anchor.get("class") or "") or (is_mark and any(a.tag in _HEADINGS for a in anchor.iterancestors())):
            doomed.append(anchor)
    for anchor in doomed:
        anchor.drop_tree()  # keeps the tail text


def code_in_preformatted(tree: lxml_html.HtmlElement) -> None:
    """Code blocks as trafilatura should read them, in one walk of the tree.

    A bare `<pre>`'s content is wrapped in `<code>`, so trafilatura keeps it as a code block (it reads
    a `<pre>` without code as a quotation, whose line breaks are folded).

    The `<span>` tags inside every `<pre>` and `<code>` are taken out, their text kept: a syntax
    highlighter wraps every token in a span (`<span>import</span> <span>os</span>`), and
    trafilatura's jusText fallback drops whitespace-only text between spans, gluing the tokens
    ("importos", a Twilio quickstart). Only inside code: stripping spans everywhere changed which
    block trafilatura picks on product and service pages.
    """
    for element in tree.iter("pre", "code"):  # a <code> added below is visited too, harmlessly
        if element.tag == "pre" and element.find(".//code") is None:
            code = lxml_html.Element("code")
            code.text, element.text = element.text, None
            for child in list(element):
                code.append(child)
            element.append(code)
        etree.strip_tags(element, "span")


# jusText (trafilatura's last fallback) starts a paragraph at these tags and reads every other tag as inline
# (justext.core.PARAGRAPH_TAGS, with `br`, where it adds a space itself).
JUSTEXT_BLOCKS = _JUSTEXT_BLOCKS = frozenset(
    "blockquote body br caption center col colgroup dd div dl dt fieldset form h1 h2 h3 h4 h5 h6 legend li optgroup option p pre table td textarea tfoot th thead tr ul".split()
)


def _last_text(element: etree._Element) -> tuple[etree._Element, str] | None:
    """Where the last text inside `element` lies (a child's tail, or an element's own text), read
    from the end: a walk down its last children, not over the whole subtree."""
    for child in reversed(element):
        if child.tail:
            return child, "tail"
        if isinstance(child.tag, str):  # a comment's "text" is no page text
            found = _last_text(child)
            if found is not None:
                return found
    return (element, "text") if element.text else None


def space_before_inline_gaps(tree: lxml_html.HtmlElement) -> None:
    """A space kept inside the text that ends before white space between two inline elements.

    jusText, trafilatura's last fallback, skips every text that is white space alone, so
    `<span>following</span> <span>code</span>` reads "followingcode" (so does any element that is
    not one of its paragraph tags: `<section>`, `<article>`). With a space also at the end of the
    first element's text, jusText reads "following code". trafilatura's own extractor folds the
    doubled space, and where it glued such spans itself (a product's `<span>Case Material</span>
    <span>Stainless Steel</span>`) the space helps it too; the tree is not changed. One walk of the
    body (an XPath over following siblings was quadratic in a parent's children); the head (its
    `<title>`) is left alone.
    """
    body = gaps_body(tree)
    if body is None:
        return
    for element in body.iter():
        tail = element.tail
        if not tail or not tail.isspace() or element.tag in _JUSTEXT_BLOCKS or not isinstance(element.tag, str):
            continue
        space_before_gap(element)


def gaps_body(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element whose descendants `space_before_inline_gaps` reads (itself too)."""
    return tree.find("body") if tree.tag == "html" else tree  # a fragment is all body


def space_before_gap(element: lxml_html.HtmlElement) -> None:
    """`space_before_inline_gaps`' work on one element of the body that is no block (`_JUSTEXT_BLOCKS`)
    and whose tail is white space alone: a walk of the body that visits every element in document
    order can call it instead of a walk of its own (page_type.scan_page's)."""
    following = element.getnext()
    if following is None or not isinstance(following.tag, str) or following.tag in _JUSTEXT_BLOCKS:
        return
    found = _last_text(element)
    if found is not None:
        node, field = found
        value = getattr(node, field)
        if not value[-1].isspace():
            setattr(node, field, value + " ")


_DROPPED_BLOCKS = ((b"<script", b"</script"), (b"<style", b"</style"))
# Inline SVG drawings: trafilatura and the main region drop them too (a manual's railroad diagrams
# made a 2 MB page that was refused as too large).
_SVG_BLOCKS = ((b"<svg", b"</svg"),)


# An attribute value of this many characters or more is data, not text (a Shopify collection's
# `data-collection-object` carries every product as JSON: 1.3 million characters on one page).
LONG_ATTRIBUTE_CHARS = 1000
_LONG_ATTRIBUTE = re.compile(rf"""(\s[\w:.@-]+\s*=\s*)(?:"[^"<]{{{LONG_ATTRIBUTE_CHARS},}}"|'[^'<]{{{LONG_ATTRIBUTE_CHARS},}}')""")


def drop_long_attributes(html: str) -> str:
    """The page with every attribute value of LONG_ATTRIBUTE_CHARS or more emptied (`data-x=""`).

    trafilatura reads no attribute that long (JSON in `data-*`, `data:` images); a page made large
    by them fits the input limit without them. A value holding "<" is left alone: that is no
    attribute but a quote in the text."""
    return _LONG_ATTRIBUTE.sub(r'\1""', html)


def _keeps(open_tag: bytes) -> bool:
    """JSON-LD is the page's own metadata: its script stays."""
    return b"ld+json" in open_tag


def drop_inline_svg(html: str) -> str:
    """The page without the contents of its inline `<svg>` drawings (the same scan as below)."""
    return drop_scripts_and_styles(html, _SVG_BLOCKS)


def drop_scripts_and_styles(html: str, blocks: tuple[tuple[bytes, bytes], ...] = _DROPPED_BLOCKS) -> str:
    """The page without the contents of its scripts (JSON-LD kept) and style sheets.

    trafilatura discards them anyway; taken out of the source before parsing, they cost no
    parse and no tree copies, and a page made large only by inline scripts fits the input limit.
    A plain scan (no regular expression): an unclosed tag ends the scan of that kind, so the
    time stays linear in the page's length.
    """
    # The scan runs over UTF-8 bytes: bytes.lower() changes A-Z only (every byte of a multi-byte
    # character is above 0x7F), so positions in `lower` are positions in `data`, and every cut
    # falls beside an ASCII "<" or ">". (str.lower() changes the length of some strings,
    # "İ" -> "i̇"; str.translate keeps it but costs 10 ms on a large page.)
    data = html.encode("utf-8", "surrogatepass")
    lower = data.lower()
    cuts: list[tuple[int, int]] = []
    for opener, closer in blocks:
        start = lower.find(opener)
        while start != -1:
            tag_end = lower.find(b">", start)
            if tag_end == -1:
                break
            if lower[start + len(opener) : start + len(opener) + 1] not in (b" ", b">", b"\t", b"\n", b"\r", b"/") or _keeps(lower[start:tag_end]):
                start = lower.find(opener, tag_end)
                continue
            end = lower.find(closer, tag_end)
            if end == -1:
                break
            cuts.append((tag_end + 1, end))
            start = lower.find(opener, end)
    if not cuts:
        return html
    parts, position = [], 0
    for begin, end in sorted(cuts):
        if begin < position:  # a style inside a script's text, already cut
            continue
        parts.append(data[position:begin])
        position = end
    parts.append(data[position:])
    return b"".join(parts).decode("utf-8", "surrogatepass")
