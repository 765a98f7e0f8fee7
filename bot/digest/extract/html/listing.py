"""Listing and collection pages: every card is content (rs-trafilatura's listing profile).

A listing (a blog's archive, a news section, a course catalogue) or a collection (a shop's
category) is a run of cards: sibling elements of one shape, each with a link or a heading and a
few words. The region's chrome rules (region.py) read class words and hiding attributes that such
cards often carry for reasons that have nothing to do with chrome: wired.com's story cards are
`hide-read-more-ad` (the word `ad`), a carousel's off-screen cells are `aria-hidden`. Here a card,
and what it holds, is dropped only for its tag (a form, a button, a `<header>`: region._CHROME_TAGS),
never for its class words or its hiding. Chosen on WCXB's tune part (ninth session,
docs/quality/extraction.md); keeping the chrome tags inside cards too, or dropping hidden cards, scored no better.
Reading the region from the cards' common parent instead of `<main>`, or dropping link stretches outside
it, did not pay (second round, same page; bench/listing_study.py holds them).
"""

from __future__ import annotations

import re
from collections import defaultdict
from copy import deepcopy

from lxml import html as lxml_html

from bot.digest.extract.html.profiles import PageProfile
from bot.digest.extract.html.region import _CHROME_TAGS, _CHROME_WORDS, Line, _class_words, _is_chrome, block_lines, is_hidden, lines_text, main_region

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# A footer's link columns look like cards (a heading and links each) and are still chrome.
_STILL_CHROME_IN_CARDS = frozenset({"footer"})
MIN_CARDS = 3  # siblings of one shape: fewer are no run of cards
MIN_CARD_WORDS = 3  # a card holds at least this many words (a title, a teaser, a price)
MIN_CARD_SHARE = 0.67  # of the siblings of one shape that must look like cards
# What a click or a timer shows: a tab panel, an accordion's body, a carousel's slide (class or id words).
_PANEL_WORDS = frozenset("tab tabs tabpanel panel panels accordion collapse collapsible slide slides slider carousel slick swiper".split())
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more: a price's digits and signs are none


def is_panel(element: lxml_html.HtmlElement) -> bool:
    """A hidden part that is content shown on demand: a tab panel (`role=tabpanel`, or labelled by its
    tab through `aria-labelledby`), the body of a `<details>`, or an element named tab, panel, accordion,
    collapse, slide or carousel. Not a hidden alternate price nor a demo graphic (tenth session)."""
    if element.get("role") == "tabpanel" or element.get("aria-labelledby") is not None:
        return True
    parent = element.getparent()
    if parent is not None and parent.tag == "details":
        return True
    return bool(_class_words(element) & _PANEL_WORDS)


def letter_words(element: lxml_html.HtmlElement) -> int:
    """The words of letters in `element` ("/mo for 12 months": 3; "€ 303 95": 0)."""
    return len(_LETTER_WORD.findall(element.text_content()))


def _shape(element: lxml_html.HtmlElement) -> tuple[str, str]:
    """An element's tag and class, digits aside (`card-1`, `card-2` are one shape)."""
    return element.tag, _DIGITS.sub("", " ".join(sorted((element.get("class") or "").split())))


def _looks_like_card(element: lxml_html.HtmlElement) -> bool:
    """A link with text or a heading, and a few words."""
    if len(_WORD.findall(element.text_content())) < MIN_CARD_WORDS:
        return False
    if element.tag == "a" or any(child.tag in _HEADINGS for child in element.iter() if isinstance(child.tag, str)):
        return True
    return any(link.text_content().strip() for link in element.iter("a"))


def cards(region: lxml_html.HtmlElement) -> set[lxml_html.HtmlElement]:
    """The elements of `region` that are cards: at least MIN_CARDS siblings of one shape, most of
    which hold a link or heading and MIN_CARD_WORDS words."""
    return {card for run in card_runs(region) for card in run}


def card_runs(region: lxml_html.HtmlElement) -> list[list[lxml_html.HtmlElement]]:
    """The runs of cards in `region`: each run the card-like siblings of one shape under one parent."""
    found: list[list[lxml_html.HtmlElement]] = []
    for parent in region.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_CARDS:
            continue
        by_shape: dict[tuple[str, str], list[lxml_html.HtmlElement]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str):
                by_shape[_shape(child)].append(child)
        for siblings in by_shape.values():
            if len(siblings) < MIN_CARDS:
                continue
            card_like = [child for child in siblings if _looks_like_card(child)]
            if len(card_like) >= MIN_CARDS and len(card_like) >= MIN_CARD_SHARE * len(siblings):
                found.append(card_like)
    return found


def _wrapper_named_by_profile(element: lxml_html.HtmlElement, region_chrome_words: frozenset[str], half: float) -> bool:
    """An element that only the profile's own chrome words name (`more_chrome`) and that holds half the
    region's text or more: a page-wide wrapper (eventbrite's `search-base-screen--marmalade-filters`
    holds the whole result list), no filter bar; region.drop_named spares such wrappers alike."""
    return not _is_chrome(element, region_chrome_words) and len(element.text_content()) >= half


def strip_chrome_keeping_cards(
    region: lxml_html.HtmlElement,
    more_chrome: frozenset[str] = frozenset(),
    less_chrome: frozenset[str] = frozenset(),
    keep_hidden: bool = True,
    keep_named: bool = True,
    hidden_panels_only: bool = False,
    named_min_words: int = 0,
) -> lxml_html.HtmlElement:
    """A copy of `region` without its chrome, as region.strip_chrome (class or id words of
    `more_chrome` are chrome too, those of `less_chrome` are not), except that a card and what it
    holds go only for a chrome tag or the class word `footer`, not for other class words,
    `aria-hidden`, `hidden` or `display:none`; and an element named only by `more_chrome` that holds
    half the region's text or more stays (a wrapper, not a filter bar).
    `keep_hidden` / `keep_named` False let a card's hidden parts / parts named by class words go as
    chrome again (for bench/service_study.py; the product keeps both).
    A profile may keep less of a card (the service profile; tenth session): with `hidden_panels_only` a
    card's hidden parts stay only when they are panels (is_panel: tabs, accordions, slides), and a card's
    parts named chrome by class words stay only with `named_min_words` words of letters (a "Best value"
    badge goes, a testimonial stays)."""
    region = deepcopy(region)
    found = cards(region)
    chrome_words = (_CHROME_WORDS | more_chrome) - less_chrome
    half = len(region.text_content()) / 2
    doomed = []
    for element in region.iterdescendants():
        if not isinstance(element.tag, str) or not _is_chrome(element, chrome_words):
            continue
        if _wrapper_named_by_profile(element, chrome_words - more_chrome, half):
            continue
        in_card = element in found or any(ancestor in found for ancestor in element.iterancestors())
        if in_card and element.tag not in _CHROME_TAGS and not _class_words(element) & _STILL_CHROME_IN_CARDS:
            if _card_part_stays(element, keep_hidden, keep_named, hidden_panels_only, named_min_words):
                continue
        doomed.append(element)
    for element in doomed:  # one inside an element already dropped goes with it
        if element.getparent() is not None:
            element.drop_tree()
    return region


def _card_part_stays(element: lxml_html.HtmlElement, keep_hidden: bool, keep_named: bool, hidden_panels_only: bool, named_min_words: int) -> bool:
    """Whether a card's part that region.py would call chrome (not by its tag) stays."""
    if is_hidden(element):
        return keep_hidden and (not hidden_panels_only or is_panel(element))
    return keep_named and (named_min_words == 0 or letter_words(element) >= named_min_words)


def card_region_lines(
    tree: lxml_html.HtmlElement,
    more_chrome: frozenset[str] = frozenset(),
    less_chrome: frozenset[str] = frozenset(),
    hidden_panels_only: bool = False,
    named_min_words: int = 0,
) -> list[Line]:
    """region.region_lines with the page's cards kept whole (as strip_chrome_keeping_cards says)."""
    region = main_region(tree)
    if region is None:
        return []
    return block_lines(strip_chrome_keeping_cards(region, more_chrome, less_chrome, hidden_panels_only=hidden_panels_only, named_min_words=named_min_words))


def card_region_text(tree: lxml_html.HtmlElement, profile: PageProfile) -> str:
    """region.region_text with the page's cards kept whole, the profile's line filters and chrome words."""
    lines = card_region_lines(tree, profile.more_chrome, profile.less_chrome, profile.hidden_card_panels_only, profile.card_part_min_words)
    return lines_text(lines, profile.min_line_words, profile.link_line_share, profile.link_line_words)
