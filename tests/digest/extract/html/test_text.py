"""trafilatura's output tree to text: white space folded outside block code, in one walk."""

from __future__ import annotations

import gzip
from copy import deepcopy
from pathlib import Path

import pytest
import trafilatura
from lxml import etree

from bot.digest.extract.html import text
from bot.digest.extract.html.text import fold_whitespace, render_text


def _in_block_code(element: etree._Element | None) -> bool:
    while element is not None:
        if text._is_block_code(element):
            return True
        element = element.getparent()
    return False


def _regex_fold(value: str | None) -> str | None:
    """The plain folding `_fold` replaced."""
    return text._WHITESPACE.sub(" ", value) if value else value


def _fold_by_ancestors(body: etree._Element) -> etree._Element:
    """The plain rule fold_whitespace replaced: every element's ancestors looked up for its text and its tail."""
    body = deepcopy(body)
    for element in body.iter():
        if not _in_block_code(element):
            element.text = _regex_fold(element.text)
        if not _in_block_code(element.getparent()):
            element.tail = _regex_fold(element.tail)
    return body


def test_fold_is_the_regex_substitution_on_every_code_point() -> None:
    """str.split() and `\\s` must split at the same characters, alone, inside, at either end and in runs."""
    for code in range(0x110000):
        character = chr(code)
        for value in (character, f"a{character}b", f"{character}a", f"a{character}", f"{character}{character}x {character}"):
            assert text._fold(value) == _regex_fold(value), hex(code)
    for value in (None, "", " ", "\n\t ", " a  b ", "\u00a0x\u2003y\u3000", "x\r\n"):
        assert text._fold(value) == _regex_fold(value)


@pytest.mark.parametrize("line", ["a b c", "a  b", "a\tb", "\u00a0a", "a \u00a0 b", " a ", "a\u2003 b", "", "\t\t"])
def test_fold_spaces_is_the_substitution(line: str) -> None:
    assert text._fold_spaces(line) == text._SPACES.sub(" ", line)


TREES = [
    "<body><p>a   b\n c <code>x\n  y</code>  d\n e</p>\n  <code>block\n   code<hi>i  \n j</hi>\n k</code>  tail \n x</body>",
    "<body><code>one\n  two<code>nested\n  code</code>  after</code><list><item>a \n b<code>in\n item</code></item></list></body>",
    "<body><div><code>block   in\n div</code>tail\n\n  text</div><quote>q  \n uote<code>inline\n  code</code></quote></body>",
    "<code>root\n   is code<p>p \n inside</p></code>",
    "<body>  text \n only  </body>",
    "<body><p>kept as it is</p><p> <hi>x</hi>\u00a0y\u2009</p>\t</body>",
]


@pytest.mark.parametrize("source", TREES)
def test_folding_in_one_walk_is_the_ancestor_rule(source: str) -> None:
    body = etree.fromstring(source)
    assert etree.tostring(fold_whitespace(body)) == etree.tostring(_fold_by_ancestors(body))
    assert etree.tostring(body) == etree.tostring(etree.fromstring(source))  # the input is left as it was


def test_block_code_keeps_its_line_breaks_and_inline_code_does_not() -> None:
    rendered = render_text(etree.fromstring(TREES[0]))
    assert rendered.startswith("a b c x y d e\n\n") and "block\n\ncode" in rendered  # a line a paragraph


def test_folding_in_one_walk_is_the_ancestor_rule_on_benchmark_pages(shared_data: Path) -> None:
    folder = shared_data / "article-extraction-benchmark" / "html"
    checked = 0
    for path in sorted(folder.glob("*.html.gz"))[:25]:
        document = trafilatura.bare_extraction(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
        if document is not None and document.body is not None:
            assert etree.tostring(fold_whitespace(document.body)) == etree.tostring(_fold_by_ancestors(document.body)), path.name
            checked += 1
    assert checked >= 20


def test_code_blocks_in_a_row_are_lines_of_their_own() -> None:
    """trafilatura nests a `<pre>`'s `<code>` in its own (`<code><code>`) and writes no break after it:
    ArchWiki's file name over its contents read "10-umask_overrideDefaults"."""
    body = etree.fromstring(
        "<body><p>Create:</p><code><code>/etc/sudoers.d/10-umask_override</code></code>\n"
        "<code><code>Defaults umask = 0022\nDefaults umask_override</code></code><p>This sets <code>umask</code> once.</p></body>"
    )
    assert render_text(body).split("\n\n") == [
        "Create:", "/etc/sudoers.d/10-umask_override", "Defaults umask = 0022", "Defaults umask_override", "This sets umask once."
    ]


def test_a_code_block_after_loose_text_starts_a_line() -> None:
    body = etree.fromstring("<body>Run this<code>make all</code>then that.</body>")
    assert render_text(body) == "Run this\n\nmake all\n\nthen that."
