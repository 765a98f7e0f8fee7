"""Documentation pages: the list items and subheadings of a manual's body that trafilatura left out.

trafilatura drops many of a manual's lists and subheadings (Kubernetes' and Redis' item lists,
SQLite's numbered sections, nginx's steps), as it does an article's (article.py). On a page taken
for documentation the article step's restoration runs too, with two differences chosen on WCXB's tune
part (docs/quality/extraction.md, thirteenth session): an item made of links is put back as well
(a manual's "What's next" and command-reference lists are its content, where an article's are menus
and related posts), and nothing is put back from a box: a quote, an aside, a `<nav>`, a form, a
figure, a table, or a table of contents by its class or id (MediaWiki's "Contents" heading, a
legacy-docs banner's links in a `<blockquote>`).
"""

from __future__ import annotations

import math
import re

from lxml import html as lxml_html

from bot.digest.extract.html.article import restore_lists_and_headings

_BOX_TAGS = frozenset(("blockquote", "aside", "nav", "form", "figure", "table"))
# Class/id words split at spaces, hyphens and underscores as article.py splits them; Sphinx's "toc-backref"
# links sit inside the section headings, never around them, so they mark no box.
_BOX_WORDS = frozenset(("toc", "toctitle"))
_BLOCK_TAGS = frozenset(("li", "h2", "h3", "h4", "h5", "h6"))
_WORD = re.compile(r"\w+")
_CLASS_SPLIT = re.compile(r"[\s_\-]+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_box(element: lxml_html.HtmlElement) -> bool:
    if element.tag in _BOX_TAGS:
        return True
    named = ((element.get("class") or "") + " " + (element.get("id") or "")).lower()
    return "toc" in named and not _BOX_WORDS.isdisjoint(_CLASS_SPLIT.split(named))  # the split only where it can match


def _boxed_blocks(tree: lxml_html.HtmlElement) -> set[str]:
    """The words of every list item and subheading that sits inside a box (one walk in page order: an
    element is inside a box when its parent is a box or inside one)."""
    inside: set[lxml_html.HtmlElement] = set()
    found = set()
    for element in tree.iter():
        parent = element.getparent()
        if parent is None or parent not in inside:
            if isinstance(element.tag, str) and _is_box(element):
                inside.add(element)
            continue
        inside.add(element)
        if element.tag in _BLOCK_TAGS:
            found.add(_key(" ".join(element.itertext())))
    return found


def documentation_text(tree: lxml_html.HtmlElement, text: str) -> str:
    """trafilatura's answer `text` on a documentation page with the body's missing list items
    (link lists too) and subheadings put back, except those found inside a box."""
    restored = restore_lists_and_headings(tree, text, max_link_share=math.inf)
    if restored == text:
        return text
    answer_lines = set(text.split("\n"))
    boxed = _boxed_blocks(tree)
    # restore_lists_and_headings writes one block a paragraph, "\n\n" between: the answer's lines and the blocks put back
    return "\n\n".join(block for block in restored.split("\n\n") if block in answer_lines or _key(block.removeprefix("- ")) not in boxed)
