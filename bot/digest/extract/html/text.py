"""trafilatura's output tree to plain text, one paragraph per line.

HTML folds every run of white space to one space except inside `<pre>`. trafilatura keeps the
source's line breaks in a paragraph that holds inline `<code>` (it guards the code's spacing),
so such a paragraph would come out broken at every line of the HTML source. Here white space is
folded everywhere except in block code (a `<code>` that stands as a block of its own).
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from trafilatura.xml import xmltotxt

_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Elements of trafilatura's output that hold running text: a `<code>` inside one is inline code.
_TEXT_BLOCKS = frozenset({"p", "head", "item", "cell", "quote", "hi", "ref", "del", "list", "row", "table"})


def _is_block_code(element: etree._Element) -> bool:
    return element.tag == "code" and (element.getparent() is None or element.getparent().tag not in _TEXT_BLOCKS)


def _fold(text: str | None) -> str | None:
    """`_WHITESPACE.sub(" ", text)`: str.split() splits at the characters `\\s` matches (both use
    Py_UNICODE_ISSPACE; a test checks every code point), and split and join cost a third of the
    substitution."""
    if not text:
        return text
    inner = " ".join(text.split())
    if not inner:  # white space alone
        return " "
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def fold_whitespace(body: etree._Element) -> etree._Element:
    """A copy of `body` with white space folded outside block code."""
    body = deepcopy(body)
    # Block code is rare: the elements inside it are found from each block `<code>` down, instead
    # of walking every element's ancestors (twice an element: its text, then its tail).
    in_code: set[etree._Element] = set()
    for code in body.iter("code"):
        if code not in in_code and _is_block_code(code):
            in_code.update(code.iter())
    for element in body.iter():
        # Only a changed text is written back (writing makes a new text node), and the parent is
        # looked up only where there is block code.
        if element not in in_code:
            text = element.text
            folded = _fold(text)
            if folded != text:
                element.text = folded
        if not in_code or element.getparent() not in in_code:  # a tail runs on in the parent's text
            tail = element.tail
            folded = _fold(tail)
            if folded != tail:
                element.tail = folded
    return body


def code_on_its_own_lines(body: etree._Element) -> None:
    """Every block of code on lines of its own, in place.

    trafilatura writes a `<code>` as inline text: two code blocks in a row (`<pre>` after `<pre>`,
    as ArchWiki writes a file's name over its contents) ran on in one line, glued ("10-umask_override"
    + "Defaults") when trafilatura nests them (`<code><code>`, whose outer tail it does not write).
    The nested tags are taken out (text kept) and a line break put before and after each block.
    """
    blocks = [code for code in body.iter("code") if _is_block_code(code) and not any(_is_block_code(outer) for outer in code.iterancestors("code"))]
    for code in blocks:
        etree.strip_tags(code, "code")
        code.tail = "\n" + (code.tail or "")
        previous = code.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + "\n"
        elif code.getparent() is not None:
            code.getparent().text = (code.getparent().text or "") + "\n"


def _fold_spaces(line: str) -> str:
    """`_SPACES.sub(" ", line)`, the substitution skipped where it has nothing to change (no tab, no
    no-break space, no two spaces in a row): most lines, white space being folded already."""
    if "  " in line or "\t" in line or "\u00a0" in line:
        return _SPACES.sub(" ", line)
    return line


def paragraphs(text: str) -> str:
    """One paragraph per line, blank lines between them, inner runs of spaces folded."""
    lines = [_fold_spaces(line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def render_text(body: etree._Element | None) -> str:
    """The text of trafilatura's output tree, a paragraph a line, blank lines between."""
    if body is None:
        return ""
    body = fold_whitespace(body)
    code_on_its_own_lines(body)
    return paragraphs(xmltotxt(body, include_formatting=False))
