"""The page's main region as text, block by block, without its chrome.

trafilatura picks one content block and scores paragraphs; pages that are not articles (a
forum thread, a product, a listing of cards, a service page) spread their content over many
short blocks it drops. Here the page's main region (`<main>`, `[role=main]`, else the body)
is read whole, less what is chrome by its tag or by its class and id (navigation, header,
footer, forms, buttons, cookie and share bars, breadcrumbs): one line per block.
"""

from __future__ import annotations

import re
from collections.abc import Container
from copy import deepcopy
from dataclasses import dataclass

from lxml import html as lxml_html

_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 tr td th table dl dt dd section article blockquote pre br figcaption "
    "header footer main aside details summary address caption".split()
)
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "option", "noscript", "svg",
                "iframe", "script", "style", "template", "dialog", "label", "input", "textarea", "menu", "object", "video", "audio", "canvas")
# Class or id words of chrome; matched as whole words of the attribute (split at - _ and spaces).
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu menubar breadcrumb breadcrumbs cookie cookies consent gdpr newsletter subscribe "
    "share sharing social footer header masthead sidebar skip modal popup overlay banner toolbar pagination pager "
    "related promo advert ads ad sponsored signup login".split()
)
_SPLIT = re.compile(r"[\s_\-]+")
_SPACES = re.compile(r"[ \t\u00a0\r\f\v]+")
_MAIN_XPATH = "//main | //*[@role='main']"
_WORD = re.compile(r"\w+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINK_START, _LINK_END = "\ue000", "\ue001"  # private-use characters: marks around link text


def _class_words(element: lxml_html.HtmlElement) -> set[str]:
    return set(_SPLIT.split(((element.get("class") or "") + " " + (element.get("id") or "")).lower()))


# ARIA roles of chrome (a landmark for the site's navigation, banner, footer; a dialog; a search box).
CHROME_ROLES = ("navigation", "banner", "contentinfo", "dialog", "search")


def is_hidden(element: lxml_html.HtmlElement) -> bool:
    """Hidden by `aria-hidden`, `hidden` or an inline `display:none`."""
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    return "display:none" in (element.get("style") or "").replace(" ", "").lower()


def _is_chrome(element: lxml_html.HtmlElement, chrome_words: frozenset[str] = _CHROME_WORDS) -> bool:
    if element.tag in _CHROME_TAGS:
        return True
    if is_hidden(element) or element.get("role") in CHROME_ROLES:
        return True
    return bool(_class_words(element) & chrome_words)


def main_region(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The page's declared main region (the largest `<main>`/`[role=main]`), else its body."""
    found = [element for element in tree.xpath(_MAIN_XPATH) if isinstance(element.tag, str)]
    if found:
        return max(found, key=lambda element: len(element.text_content()))
    return tree.find("body")


def strip_chrome(region: lxml_html.HtmlElement, more_chrome: frozenset[str] = frozenset()) -> lxml_html.HtmlElement:
    """A copy of `region` without its chrome (and without elements whose class or id holds a word of `more_chrome`)."""
    region = deepcopy(region)
    chrome_words = _CHROME_WORDS | more_chrome
    doomed = [element for element in region.iterdescendants() if isinstance(element.tag, str) and _is_chrome(element, chrome_words)]
    for element in doomed:  # one inside an element already dropped goes with it; dropping it again is harmless
        if element.getparent() is not None:
            element.drop_tree()
    return region


def drop_named(tree: lxml_html.HtmlElement, names: frozenset[str]) -> None:
    """Remove in place the elements whose class or id holds a word of `names` (a product's
    reviews, before trafilatura reads the page), except one that holds half the page's text or
    more: a page-wide wrapper ("product-reviews-enabled") is no section of chrome."""
    body = tree.find("body")
    if body is None or not names:
        return
    doomed = [element for element in body.iterdescendants() if isinstance(element.tag, str) and (element.get("class") or element.get("id")) and _class_words(element) & names]
    if not doomed:
        return
    half = len(body.text_content()) / 2
    for element in doomed:  # one inside an element already dropped goes with it
        if element.getparent() is not None and len(element.text_content()) < half:
            element.drop_tree()


@dataclass(frozen=True)
class Line:
    text: str
    words: int
    link_share: float  # the share of its characters inside links


def block_lines(element: lxml_html.HtmlElement) -> list[Line]:
    """The lines of an element's text, one per block element, with how much of each is link text.
    (`element` is changed: pass a copy.)"""
    for child in element.iter():
        if not isinstance(child.tag, str):
            continue
        if child.tag == "a":  # marks around link text, to measure each line's link share
            child.text = _LINK_START + (child.text or "")
            child.tail = _LINK_END + (child.tail or "")
        if child.tag in _BLOCKS:
            child.tail = "\n" + (child.tail or "")
            child.text = "\n" + (child.text or "")
    lines = []
    depth = 0
    for raw in element.text_content().splitlines():  # also at U+2028 and the like
        linked = total = 0
        kept = []
        for char in raw:
            if char == _LINK_START:
                depth += 1
            elif char == _LINK_END:
                depth = max(0, depth - 1)
            else:
                kept.append(char)
                if not char.isspace():
                    total += 1
                    linked += depth > 0
        text = _SPACES.sub(" ", "".join(kept)).strip()
        if text:
            lines.append(Line(text, len(_WORD.findall(text)), linked / total if total else 0.0))
    return lines


def region_lines(tree: lxml_html.HtmlElement, more_chrome: frozenset[str] = frozenset()) -> list[Line]:
    region = main_region(tree)
    return block_lines(strip_chrome(region, more_chrome)) if region is not None else []


def region_text(
    tree: lxml_html.HtmlElement, min_words: int = 1, max_link_share: float = 1.0, link_line_words: int = 0, more_chrome: frozenset[str] = frozenset()
) -> str:
    """The main region's text, a block a line, without lines of fewer than `min_words` words
    and without lines of at most `link_line_words` words whose link share exceeds `max_link_share`."""
    return lines_text(region_lines(tree, more_chrome), min_words, max_link_share, link_line_words)


def lines_text(lines: list[Line], min_words: int = 1, max_link_share: float = 1.0, link_line_words: int = 0, spared: Container[str] = ()) -> str:
    """region_text's line filters over `lines`, the kept lines a paragraph each; a line whose text is in
    `spared` is no short link line (a card's name: listing.card_names)."""
    kept = [
        line.text
        for line in lines
        if line.words >= min_words and not (line.words <= link_line_words and line.link_share > max_link_share and line.text not in spared)
    ]
    return "\n\n".join(kept)


def drop_repeated_lines(text: str, min_words: int) -> str:
    """`text` with each line of `min_words` words or more kept only where it first appears
    (case aside): a page's responsive copies of a block, a forum's quoted opening post, a card
    grid's repeated blurb are read once, as a reader sees them once. Shorter lines ("Reply",
    "$19.99") repeat as labels of each card or post and stay."""
    seen: set[str] = set()
    kept: list[str] = []
    dropped = False
    for line in text.split("\n"):
        key = line.strip().lower()
        if key and len(_WORD.findall(key)) >= min_words:
            if key in seen:
                dropped = True
                continue
            seen.add(key)
        kept.append(line)
    # a dropped paragraph leaves the blank lines around it: one paragraph break stays
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)) if dropped else text


def description_lead(tree: lxml_html.HtmlElement) -> str:
    """The page's own summary (its first `og:description`), one line, spaces folded."""
    found = tree.xpath("//meta[@property='og:description']/@content")
    return _SPACES.sub(" ", found[0].replace("\n", " ")).strip() if found else ""


def with_missing_lead(text: str, lead: str, min_words: int, min_new_share: float) -> str:
    """`text` with `lead` as its first paragraph when the lead holds `min_words` words or more and
    at least `min_new_share` of them are not in `text`. A forum's og:description is the start
    of its opening post: a thread whose posts are built by JavaScript (Discourse's shell) or an
    answer that kept the replies and missed the question get it back."""
    lead_words = [word.lower() for word in _WORD.findall(lead)]
    if len(lead_words) < min_words:
        return text
    present = {word.lower() for word in _WORD.findall(text)}
    if sum(word not in present for word in lead_words) < min_new_share * len(lead_words):
        return text
    return f"{lead}\n\n{text}" if text else lead
