"""trafilatura's `bare_extraction`, as our extractor calls it, with three steps left out where they
provably cannot change the answer.

`run` goes through the steps of trafilatura 2.3.1's `bare_extraction` and `trafilatura_sequence`
(core.py) in their order, calling trafilatura's own functions for each (tree cleaning, comments,
`extract_content`, `compare_extraction`, `baseline`, `html2txt`, the recall retry and jusText), and
returns what `bare_extraction` returns for the same options (a Document whose `body` is the same
tree, or None). Nothing of trafilatura is replaced or patched. Three calls are skipped where their
result is known in advance:

1. **The readability comparison** (`compare_extraction`, balanced mode). It takes readability's text
   only when that is more than twice as long as trafilatura's own (or its own is empty, has no
   paragraph text or more tables than paragraphs), and calls jusText only when the own text is under
   `min_extracted_size` or still holds chrome (`SANITIZED_XPATH`). Readability's text is some of the
   page's text nodes in page order, white space folded, plus "VIDEO" in video iframes: never longer
   than the page's text folded plus 6 characters an iframe. Where that bound is at most twice the
   own text and none of the other conditions hold, `compare_extraction` returns its input unchanged
   (the twelfth session's finding, `htmlspeed3`: 0 of 1,883 comparisons answered otherwise).
2. **The escalation gate's `html2txt`** (balanced mode, own text 1 to 2,999 characters): it escalates
   when the own text is under a fifth of `len(html2txt(page))`. `html2txt` folds the body's text
   after deleting some sections (which never lengthens a folded text) and putting a space before
   the text and the tail of each block element (each space lengthens it by at most one character),
   so it is at most the page's text folded plus two characters a block element. Where a fifth of
   that bound is no more than the own text, the gate is closed and `html2txt` is not run.
3. **The comment search where none of its expressions can match** (`extract_comments`): each of
   COMMENTS_XPATH's four needs a div, section or list with some words in its id or class
   (`comment_expressions_that_may_match`, one walk of those tags); where none can find anything,
   trafilatura's `extract_comments` is not called (on 24 of the 40 `--quick` ScrapingHub pages).

Both bounds are read from one `text_content()` of the page (folded only when the plain length does
not decide). `run` is used only under the trafilatura version whose code it restates
(`SUPPORTED_VERSIONS`); any other version gets `trafilatura.bare_extraction` itself (`extract`).
"""

from __future__ import annotations

import logging
from copy import copy
from collections.abc import Callable
from typing import Any

import trafilatura
from lxml import etree
from lxml.etree import Element
from lxml.html import HtmlElement

# trafilatura's own logger: the same records as bare_extraction would write, under the same name.
log = logging.getLogger("trafilatura.core")

# The versions whose bare_extraction/trafilatura_sequence this module restates step by step
# (checked on all 1,678 benchmark pages, bench/html_equivalence.py, and tests/digest/extract/html/
# test_trafilatura_run.py against bare_extraction itself).
SUPPORTED_VERSIONS = frozenset({"2.3.1"})
SUPPORTED = trafilatura.__version__ in SUPPORTED_VERSIONS

if SUPPORTED:  # the building blocks, imported only where their behaviour was checked
    from trafilatura.baseline import _BLOCK_ELEMS, baseline, html2txt
    from trafilatura.core import (
        ESCALATION_ACCEPT_RATIO,
        ESCALATION_JUSTEXT_RATIO,
        ESCALATION_MAX_LENGTH,
        ESCALATION_PAGE_SHARE,
        _forum_thread_page,
        _recall_retry,
    )
    from trafilatura.external import SANITIZED_XPATH, compare_extraction, justext_rescue
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import _elem_text, extract_content
    from trafilatura.main_extractor import extract_comments as trafilatura_extract_comments
    from trafilatura.settings import BASIC_CLEAN_XPATH, Document, Extractor
    from trafilatura.xpaths import (
        COMMENTS_XPATH,
        RAW_TREE_PRUNE_XPATH,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        REMOVE_COMMENTS_XPATH,
    )

    _UNCLEAN = etree.XPath(f"boolean({SANITIZED_XPATH})")
    _HAS_PARAGRAPH_TEXT = etree.XPath("boolean(.//p//text())")
    _BLOCK_TAGS = tuple(sorted(_BLOCK_ELEMS))  # iter() by tag: 0.2 ms a page, an XPath test of each name 1.8

_VIDEO_TEXT_ROOM = len(" VIDEO")  # what readability's sanitize can add in an iframe
# What readability's `Document.summary` drops, text and all, before anything else (trafilatura 2.3.1).
_READABILITY_DROPS = ("script", "style", "fencedframe")
# The sections BASIC_CLEAN_XPATH (html2txt's cleaning) names by tag alone, and the start of its text that
# names them: they are deleted under the body with their text (their tails stay); its other sections
# (a class or id naming a footer or cookie consent) are left out of the bound, which can only loosen it.
_HTML2TXT_DROPS = ("aside", "fencedframe", "footer", "script", "style", "svg", "template")
_HTML2TXT_DROPS_PATH = ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template|"
_HTML2TXT_DROPS_CHECKED = SUPPORTED and BASIC_CLEAN_XPATH.path.startswith(_HTML2TXT_DROPS_PATH)


def text_length_without(root: HtmlElement, tags: tuple[str, ...], length: int | None = None) -> int:
    """`len(root.text_content())` (`length`, where the caller has it) less the text inside `root`'s
    descendants with one of `tags` (their tails are kept, as `drop_tree` and trafilatura's
    `delete_element` keep them): the plain length of the root's text once those elements are deleted."""
    length = len(root.text_content()) if length is None else length
    outermost = None  # elements come in document order: one inside another comes while it is the last counted
    for element in root.iter(*tags):
        if element is root or (outermost is not None and any(parent is outermost for parent in element.iterancestors())):
            continue
        length -= len(element.text_content())
        outermost = element
    return length


class PageText:
    """Upper bounds on the lengths of texts made from one page's tree, read once and when first asked.

    Each bound is tried from the cheapest: the page's text as it is; that text less what the reader
    deletes first (scripts and styles: their text is most of a news page's, and never read); the page's
    text with its white space folded. Deleting text and folding white space never lengthen a text's
    folded form (a word of the result lies within a word of the source)."""

    def __init__(self, page: HtmlElement) -> None:
        self._page = page
        self._text: str | None = None
        self._folded: int | None = None

    def _fits(self, room: int, limit: float, length_without_drops: Callable[[], int] | None = None) -> bool:
        """Whether the page's text, white space folded, plus `room` is at most `limit`; or, where
        `length_without_drops` is given, the plain length it returns plus `room`."""
        if self._text is None:
            self._text = self._page.text_content()
        if len(self._text) + room <= limit:  # folding never lengthens a text
            return True
        if length_without_drops is not None and length_without_drops() + room <= limit:
            return True
        if self._folded is None:
            self._folded = len(" ".join(self._text.split()))
        return self._folded + room <= limit

    def readability_fits(self, limit: int) -> bool:
        """Readability's text (trimmed) on this page has at most `limit` characters, for sure: it is
        some of the page's text nodes, scripts and styles dropped first, in page order, folded."""
        return self._fits(
            _VIDEO_TEXT_ROOM * sum(1 for _ in self._page.iter("iframe")), limit, lambda: text_length_without(self._page, _READABILITY_DROPS, len(self._text or ""))
        )

    def html2txt_fits(self, limit: float) -> bool:
        """`len(html2txt(page))` is at most `limit`, for sure: html2txt folds the text of the page's
        body once some sections are deleted, a space put before each block element's text and tail."""
        return self._fits(2 * sum(1 for _ in self._page.iter(*_BLOCK_TAGS)), limit, self._body_length_without_drops)

    def _body_length_without_drops(self) -> int:
        if not _HTML2TXT_DROPS_CHECKED:
            return len(self._text or "")
        body = self._page.find(".//body")  # as html2txt finds it
        return text_length_without(self._page if body is None else body, _HTML2TXT_DROPS)


def keeps_own_extraction(page: PageText, body: etree._Element, text: str, options: Extractor) -> bool:
    """True where trafilatura 2.3.1's `compare_extraction` returns `body` and `text` unchanged."""
    size = len(text)
    if options.fast or options.focus != "balanced" or size < options.min_extracted_size:  # jusText on a short text
        return False
    if _UNCLEAN(body):  # and on leftover chrome
        return False
    if not _HAS_PARAGRAPH_TEXT(body) or len(body.findall(".//table")) > len(body.findall(".//p")):
        return False  # readability then wins with any text over 2 * min_extracted_size
    return page.readability_fits(2 * size)


def _escalates(page: PageText, raw: RawTree, size: int) -> bool:
    """trafilatura's gate `size < ESCALATION_PAGE_SHARE * len(html2txt(raw tree))`, html2txt run only
    where the bound does not already close it."""
    if page.html2txt_fits(size / ESCALATION_PAGE_SHARE):
        return False
    return size < ESCALATION_PAGE_SHARE * len(html2txt(raw.tree))


# What RAW_TREE_PRUNE_XPATH's two expressions (trafilatura 2.3.1) look for, on a div, section or aside:
# an id or class matching re 'mvp-post-add-(?:box|wrap)|infinite-?scroll' (so holding one of the
# first two words), or a class holding the third. Checked against the expressions' text at import.
_RAW_PRUNE_WORDS = ("infinite", "mvp-post-add-")
_RAW_PRUNE_CLASS_WORD = "elementor-share-buttons"
_RAW_PRUNE_PATHS = (
    "re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') or",
    "re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][",
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]",
)


def _raw_prunes_are_the_checked_ones() -> bool:
    paths = [expression.path for expression in RAW_TREE_PRUNE_XPATH] if SUPPORTED else []
    return (
        len(paths) == 2
        and paths[0].split()[:4] == [".//*[self::div", "or", "self::section", "or"]
        and all(part in paths[0] for part in _RAW_PRUNE_PATHS[:2])
        and paths[1] == _RAW_PRUNE_PATHS[2]
    )


_RAW_PRUNES_CHECKED = _raw_prunes_are_the_checked_ones()


def may_hold_raw_prunes(page: HtmlElement) -> bool:
    """False only where RAW_TREE_PRUNE_XPATH finds nothing on `page`: no div, section or aside has an
    id or class with the words its expressions need. One walk in Python (0.2 ms on a news page)
    instead of the two XPath searches (1 to 1.5 ms: the first calls Python's re for each element)."""
    if not _RAW_PRUNES_CHECKED:
        return True
    for element in page.iter("div", "section", "aside"):
        element_class, element_id = element.get("class"), element.get("id")
        if element_class and (_RAW_PRUNE_CLASS_WORD in element_class or any(word in element_class for word in _RAW_PRUNE_WORDS)):
            return True
        if element_id and any(word in element_id for word in _RAW_PRUNE_WORDS):
            return True
    return False


# COMMENTS_XPATH's four expressions (trafilatura 2.3.1), white space folded: `extract_comments` tries them
# in turn on the cleaned tree. Checked against the expressions' text at import.
_COMMENTS_PATHS = (
    ".//*[self::div or self::list or self::section][ re:test(@id|@class, 'comment-?list') or "
    "re:test(@class, 'comment-page|comments-content|post-comments')]",
    ".//*[self::div or self::section or self::list][ re:test(@id|@class, '^comment[s-]') or "
    "re:test(@class, '^Comments|article-comments')]",
    ".//*[self::div or self::section or self::list][ re:test(@id, '^(?:comol|disqus_thread|dsq-comments)')]",
    ".//*[self::div or self::section][ starts-with(@id, 'social') or contains(@class, 'comment')]",
)


def _comment_expressions_are_the_checked_ones() -> bool:
    return SUPPORTED and tuple(" ".join(expression.path.split()) for expression in COMMENTS_XPATH) == _COMMENTS_PATHS


_COMMENTS_CHECKED = _comment_expressions_are_the_checked_ones()
_NO_COMMENT_EXPRESSION = (False, False, False, False)


def comment_expressions_that_may_match(tree: HtmlElement) -> tuple[bool, bool, bool, bool]:
    """For each of COMMENTS_XPATH's expressions, False only where it finds nothing under `tree`. What
    each needs of a div, section or list (the fourth: div or section): (1) an id or class holding
    "comment" (its patterns comment-?list, comment-page, comments-content, post-comments, tested on the
    first of id and class, or on the class); (2) an id or class starting "comment", a class starting
    "Comments" or holding "article-comments"; (3) an id starting "comol", "disqus_thread" or
    "dsq-comments"; (4) an id starting "social" or a class holding "comment". One walk of those tags
    (0.1 ms on a news page) instead of up to four searches (about 1.5 ms: three call Python's re for
    each div, section and list). All four True where the expressions are not the checked ones."""
    if not _COMMENTS_CHECKED:
        return (True, True, True, True)
    first = second = third = fourth = False
    for element in tree.iter("div", "section", "list"):
        attributes = element.attrib
        if not attributes:  # most elements: no attribute to read
            continue
        element_class, element_id = attributes.get("class") or "", attributes.get("id") or ""
        if "comment" in element_class or "comment" in element_id:
            first = True
            fourth = fourth or ("comment" in element_class and element.tag != "list")
        second = second or (
            element_id.startswith("comment") or element_class.startswith(("comment", "Comments")) or "article-comments" in element_class
        )
        third = third or element_id.startswith(("comol", "disqus_thread", "dsq-comments"))
        fourth = fourth or (element_id.startswith("social") and element.tag != "list")
        if first and second and third and fourth:
            break
    return (first, second, third, fourth)


def extract_comments(tree: HtmlElement, options: Extractor) -> tuple[etree._Element, str, HtmlElement]:
    """trafilatura's own `main_extractor.extract_comments`, not called where none of COMMENTS_XPATH's
    expressions can find anything (`comment_expressions_that_may_match`). Exact: that function tries the
    expressions in turn and, where none finds an element, returns an empty body, no text and the tree
    untouched, which is what is returned here without the four searches (on 24 of the 40 `--quick`
    ScrapingHub pages)."""
    if comment_expressions_that_may_match(tree) == _NO_COMMENT_EXPRESSION:
        return Element("body"), "", tree
    return trafilatura_extract_comments(tree, options)


class RawTree:
    """trafilatura's raw tree: the page pruned of infinite-scroll containers and the like (the
    first step of `trafilatura_sequence`, on its copy of the page).

    On most pages the pruning expressions match nothing: they are evaluated on the caller's page
    (reading it only) and the raw tree is then the page itself, read as it is by the steps that
    copy what they are given (baseline, html2txt, the recall retry, jusText) and copied for those
    that change it (tree cleaning, readability). Otherwise the page is copied and pruned once."""

    def __init__(self, page: HtmlElement, options: Extractor, is_forum: bool) -> None:
        expressions = list(RAW_TREE_PRUNE_XPATH)
        if not options.comments and (options.focus == "precision" or not is_forum):
            expressions += REMOVE_COMMENTS_AND_LISTS_XPATH
        self.tree = page
        if expressions == RAW_TREE_PRUNE_XPATH and not may_hold_raw_prunes(page):
            return
        # Each expression is applied after the ones before it have pruned: while none has matched,
        # evaluating the next one on the page itself finds what it would find on the pruned copy.
        for number, expression in enumerate(expressions):
            if expression(page):
                self.tree = prune_unwanted_nodes(copy(page), expressions[number:])
                break

    def copy(self) -> HtmlElement:
        """A copy of the raw tree, the caller's to change."""
        return copy(self.tree)


def _sequence(page: HtmlElement, options: Extractor, url: str | None):
    """trafilatura 2.3.1's `trafilatura_sequence` on a copy of `page` (see the module's docstring):
    the same steps on the same trees, the raw tree made only when a step reads it."""
    is_forum = _forum_thread_page(page)
    raw = RawTree(page, options, is_forum)
    # _prepare_tree: cleaned from a copy of the raw tree, and a backup before the tag conversion
    cleaned_tree = tree_cleaning(raw.copy(), options)
    cleaned_tree_backup = copy(cleaned_tree)
    cleaned_tree = convert_tags(cleaned_tree, options, url)

    commentsbody, temp_comments = Element("body"), ""
    forum_posts = None
    if options.comments:
        commentsbody, temp_comments, cleaned_tree = extract_comments(cleaned_tree, options)  # this module's: see there
        if temp_comments and is_forum:
            forum_posts = commentsbody
            commentsbody, temp_comments = Element("body"), ""
            cleaned_tree = convert_tags(copy(cleaned_tree_backup), options, url)
    if options.focus == "precision" and not is_forum:
        cleaned_tree = prune_unwanted_nodes(cleaned_tree, REMOVE_COMMENTS_XPATH)

    # 1-2. main extractor, then the comparison unless it provably keeps the own extraction
    bounds = PageText(raw.tree)
    postbody, temp_text = extract_content(cleaned_tree, options)
    if not options.fast and not keeps_own_extraction(bounds, postbody, temp_text, options):
        postbody, temp_text = compare_extraction(cleaned_tree_backup, raw.copy(), postbody, temp_text, options)

    # 3. baseline rescue on the raw tree
    if len(temp_text) < options.min_extracted_size and options.focus != "precision":
        b_body, b_text, b_len = baseline(raw.tree)  # baseline copies element inputs
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text
            forum_posts = None

    # 4. recall escalation
    if options.focus == "balanced" and 0 < len(temp_text) < ESCALATION_MAX_LENGTH and _escalates(bounds, raw, len(temp_text)):
        r_options = copy(options)
        r_options.focus = "recall"
        tree = raw.tree
        esc_tree = (
            tree
            if is_forum or not options.comments
            else prune_unwanted_nodes(copy(tree), REMOVE_COMMENTS_AND_LISTS_XPATH if temp_comments else REMOVE_COMMENTS_XPATH)
        )
        r_text = ""
        try:
            r_body, r_text = _recall_retry(esc_tree, r_options, url)
        except Exception as err:  # pragma: no cover (trafilatura's own guard)
            log.warning("recall retry failed: %s %s", err, url)
        j_text = ""
        if not options.fast:
            try:
                j_body, j_text = justext_rescue(copy(esc_tree), options)
            except Exception as err:  # pragma: no cover (trafilatura's own guard)
                log.warning("justext candidate failed: %s %s", err, url)
        len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
        if j_len > r_len and j_len > ESCALATION_JUSTEXT_RATIO * len_text:
            postbody, temp_text, forum_posts = j_body, j_text, None
        elif r_len >= options.min_extracted_size and r_len > ESCALATION_ACCEPT_RATIO * len_text:
            postbody, temp_text, forum_posts = r_body, r_text, None

    if forum_posts is not None:
        existing = "\n".join(filter(None, (_elem_text(el) for el in postbody)))
        salvaged = [el for el in forum_posts if (t := _elem_text(el)) and t not in existing]
        if salvaged:
            postbody.extend(salvaged)
            temp_text = " ".join(postbody.itertext()).strip()

    return postbody, temp_text, commentsbody, temp_comments


# bare_extraction's arguments that `run` restates, with their defaults; any other argument (metadata,
# language or duplicate filters, a tree size limit, pruning expressions, a whole Extractor) or the
# "python" output format (which renders the body to text) goes to bare_extraction itself.
_RESTATED = {"fast": False, "favor_precision": False, "favor_recall": False, "include_comments": True, "include_tables": True}


def run(tree: HtmlElement, url: str | None = None, output_format: str = "python", **arguments: Any):
    """What `trafilatura.bare_extraction(tree, url=url, output_format=..., **arguments)` returns for a
    parsed page (a Document whose `body` is the same tree, or None); for a text output format
    (`text` and `comments` are left empty, as bare_extraction leaves them), with the two skips
    above. Any other trafilatura version, format or argument: `bare_extraction` itself."""
    if not SUPPORTED or output_format == "python" or not isinstance(tree, HtmlElement) or not set(arguments) <= set(_RESTATED):
        return trafilatura.bare_extraction(tree, url=url, output_format=output_format, **arguments)
    given = {**_RESTATED, **arguments}
    options = Extractor(
        output_format=output_format,
        fast=given["fast"],
        precision=given["favor_precision"],
        recall=given["favor_recall"],
        comments=given["include_comments"],
        tables=given["include_tables"],
        url=url,
    )
    if options.with_metadata or options.max_tree_size:  # not with the default configuration
        return trafilatura.bare_extraction(tree, url=url, output_format=output_format, **arguments)
    try:
        postbody, temp_text, commentsbody, temp_comments = _sequence(tree, options, options.url)
        if len(temp_text) < options.min_output_size and len(temp_comments) < options.min_output_comm_size:
            raise ValueError
    except (TypeError, ValueError):
        log.warning("discarding data: %s", options.source)
        return None
    document = Document()
    document.raw_text, document.commentsbody, document.body = temp_text, commentsbody, postbody
    return document
