"""Documentation pages: the list items and subheadings of a manual's body that trafilatura left out.

trafilatura drops many of a manual's lists and subheadings (Kubernetes' and Redis' item lists,
SQLite's numbered sections, nginx's steps), as it does an article's (article.py). On a page taken
for documentation the article step's restoration runs too, with one difference chosen on WCXB's tune
part (docs/quality/extraction.md, thirteenth session): an item made of links is put back as well
(a manual's "What's next" and command-reference lists are its content, where an article's are menus
and related posts). The thirteenth session also left out what sits in a box (a quote, an aside, a
table of contents); the fifteenth session's audit (bench/audit6_study.py) found that filter's tune
gain on two hosts with the rest down (14 pages, 5 up and 9 down), and it was removed.
"""

from __future__ import annotations

import math
import re

from lxml import html as lxml_html

from bot.digest.extract.html.article import restore_lists_and_headings

_WORD = re.compile(r"\w+")
_CLASS_SPLIT = re.compile(r"[\s_\-]+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def lists_and_headings(tree: lxml_html.HtmlElement, text: str) -> str:
    """trafilatura's answer `text` with the body's missing list items (link lists too) and subheadings put back."""
    return restore_lists_and_headings(tree, text, max_link_share=math.inf)


# A missing code block longer than this is a whole example file (a live sample's source), not the manual's
# listing (fourteenth session: any cap from 100 to 790 words takes the same tune pages).
MAX_CODE_WORDS = 200
_ANCHOR_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre")


# A highlighter writes a code line as a `<div>` or a span named "line" ("token-line", "cm-line", "ec-line")
# with no newline in the text; its gutter of line numbers is no code.
_LINE_TAGS = frozenset(("div", "p", "tr"))
_LINE_WORDS = frozenset(("line",))
_GUTTER_WORDS = frozenset(("number", "numbers", "lineno", "linenos", "linenumber", "gutter"))


def _class_words(element: lxml_html.HtmlElement) -> set[str]:
    return set(_CLASS_SPLIT.split((element.get("class") or "").lower()))


def _code_pieces(element: lxml_html.HtmlElement, pieces: list[str]) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        words = _class_words(child)
        if not _GUTTER_WORDS.isdisjoint(words):
            pieces.append(child.tail or "")
            continue
        starts_line = child.tag in _LINE_TAGS or not _LINE_WORDS.isdisjoint(words)
        if child.tag == "br" or starts_line:
            pieces.append("\n")
        pieces.append(child.text or "")
        _code_pieces(child, pieces)
        pieces.append(child.tail or "")


def _code_lines(element: lxml_html.HtmlElement) -> str:
    """A `<pre>`'s text, a line of a highlighter's line elements each (no newline in its text) and its
    line-number gutter left out; blank lines at either end and trailing spaces dropped."""
    pieces = [element.text or ""]
    _code_pieces(element, pieces)
    text = "".join(pieces)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _missing_code(tree: lxml_html.HtmlElement, answer: str) -> dict[lxml_html.HtmlElement, tuple[str, str]]:
    """The page's outermost `<pre>` blocks that the answer (its `_key`, spaces around) lacks (none of their
    lines, or under half, in it) and that are no longer than `MAX_CODE_WORDS` words: their code and key."""
    missing = {}
    for element in tree.iter("pre"):
        if any(ancestor.tag == "pre" for ancestor in element.iterancestors()):
            continue
        code = _code_lines(element)
        key = _key(code)
        if not key or f" {key} " in answer or key.count(" ") + 1 > MAX_CODE_WORDS:
            continue
        lines = [line_key for line_key in map(_key, code.split("\n")) if line_key]
        if 2 * sum(f" {line_key} " in answer for line_key in lines) <= len(lines):
            missing[element] = (code, key)
    return missing


def restore_code_blocks(tree: lxml_html.HtmlElement, text: str) -> str:
    """`text` with the page's `<pre>` blocks that it lacks (none of its lines, or under half, in it),
    each after the answer block that comes before it on the page, when the answer holds the prose right
    before it; a block read twice (a tab panel per language) once, none over `MAX_CODE_WORDS` words."""
    answer = f" {_key(text)} "
    missing = _missing_code(tree, answer)
    if not missing:  # most pages: the walk below reads every block's text
        return text
    blocks = text.split("\n\n")
    where: dict[str, int] = {}
    for index, block in enumerate(blocks):
        for line in (block, *block.split("\n")):
            where.setdefault(_key(line), index)
    where.pop("", None)
    after: dict[int, list[str]] = {}
    anchor, seen, prose_kept = -1, set(), False
    for element in tree.iter(*_ANCHOR_TAGS):
        if element.tag != "pre":
            key = _key(element.text_content())
            if key:  # the block of prose before a code block: whether the answer holds it
                prose_kept = f" {key} " in answer
                anchor = where.get(key, anchor)
            continue
        if not prose_kept or element not in missing or missing[element][1] in seen:
            continue
        code, key = missing[element]
        seen.add(key)
        after.setdefault(anchor, []).append(code)
    if not after:
        return text
    out = after.get(-1, [])[:]
    for index, block in enumerate(blocks):
        out += [block, *after.get(index, [])]
    return "\n\n".join(out)


def documentation_text(tree: lxml_html.HtmlElement, text: str) -> str:
    """trafilatura's answer `text` on a documentation page with the body's missing list items
    (link lists too) and subheadings put back, and the page's missing code blocks."""
    return restore_code_blocks(tree, lists_and_headings(tree, text))

