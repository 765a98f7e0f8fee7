"""A cheap pass over the parsed page before trafilatura reads it.

Permalink anchors beside headings (Sphinx's and MkDocs' `¶` or `#` links) are no part of the
heading's text; without this pass they end up in titles ("Abstract¶") and in the body.
"""

from __future__ import annotations

from lxml import html as lxml_html

_PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption"})


def drop_permalinks(tree: lxml_html.HtmlElement) -> None:
    """Remove `<a href="#…">¶</a>` anchors (and `a.headerlink`) in place, keeping their tails."""
    doomed = []
    for anchor in tree.iter("a"):
        href = anchor.get("href") or ""
        text = anchor.text_content().strip()
        is_mark = text in _PERMALINK_MARKS and href.startswith("#")
        if "headerlink" in (anchor.get("class") or "") or (is_mark and any(a.tag in _HEADINGS for a in anchor.iterancestors())):
            doomed.append(anchor)
    for anchor in doomed:
        anchor.drop_tree()  # keeps the tail text


def code_in_preformatted(tree: lxml_html.HtmlElement) -> None:
    """Wrap the content of a bare `<pre>` in `<code>`, so trafilatura keeps it as a code block
    (it reads a `<pre>` without code as a quotation, whose line breaks are folded)."""
    for pre in tree.iter("pre"):
        if pre.find(".//code") is not None:
            continue
        code = lxml_html.Element("code")
        code.text, pre.text = pre.text, None
        for child in list(pre):
            code.append(child)
        pre.append(code)
