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
_BOX_WORDS = frozenset(("toc", "toctitle"))  # whole class/id words: Sphinx's "toc-backref" splits to "toc" too
_WORD = re.compile(r"\w+")
_CLASS_SPLIT = re.compile(r"[\s_\-]+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _in_box(element: lxml_html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        words = _CLASS_SPLIT.split(((ancestor.get("class") or "") + " " + (ancestor.get("id") or "")).lower())
        if ancestor.tag in _BOX_TAGS or not _BOX_WORDS.isdisjoint(words):
            return True
    return False


def _boxed_blocks(tree: lxml_html.HtmlElement) -> set[str]:
    """The words of every list item and subheading that sits inside a box."""
    return {_key(" ".join(element.itertext())) for element in tree.iter("li", "h2", "h3", "h4", "h5", "h6") if _in_box(element)}


def documentation_text(tree: lxml_html.HtmlElement, text: str) -> str:
    """trafilatura's answer `text` on a documentation page with the body's missing list items
    (link lists too) and subheadings put back, except those found inside a box."""
    restored = restore_lists_and_headings(tree, text, max_link_share=math.inf)
    if restored == text:
        return text
    answer_lines = set(text.split("\n"))
    boxed = _boxed_blocks(tree)
    return "\n".join(
        line for line in restored.split("\n") if not line.strip() or line in answer_lines or _key(line.removeprefix("- ")) not in boxed
    )
