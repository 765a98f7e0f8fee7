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

import itertools
import re
from collections import Counter, defaultdict
from copy import deepcopy

from lxml import html as lxml_html

from bot.digest.extract.html.profiles import PageProfile
from bot.digest.extract.html.region import _BLOCKS, _CHROME_TAGS, _CHROME_WORDS, CHROME_ROLES, Line, _class_words, _is_chrome, block_lines, is_hidden, lines_text, main_region

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
    return _strip_keeping_cards(region, more_chrome, less_chrome, keep_hidden, keep_named, hidden_panels_only, named_min_words)[0]


def _strip_keeping_cards(
    region: lxml_html.HtmlElement,
    more_chrome: frozenset[str] = frozenset(),
    less_chrome: frozenset[str] = frozenset(),
    keep_hidden: bool = True,
    keep_named: bool = True,
    hidden_panels_only: bool = False,
    named_min_words: int = 0,
    cards_wrapper_share: float | None = None,
) -> tuple[lxml_html.HtmlElement, list[list[lxml_html.HtmlElement]]]:
    """strip_chrome_keeping_cards, and the runs of cards it found (some may have gone with a chrome tag).
    With `cards_wrapper_share`, an element named chrome by its class or id words alone that holds the page's
    own grid (the largest run of cards that is no carousel) and that share of the region's text or more
    stays (cards_wrappers)."""
    region = deepcopy(region)
    runs = card_runs(region)
    found = {card for run in runs for card in run}
    chrome_words = (_CHROME_WORDS | more_chrome) - less_chrome
    region_chars = len(region.text_content())
    half = region_chars / 2
    wrappers = set() if cards_wrapper_share is None else cards_wrappers(region, runs, cards_wrapper_share * region_chars)
    doomed = []
    for element in region.iterdescendants():
        if not isinstance(element.tag, str) or not _is_chrome(element, chrome_words):
            continue
        if element in wrappers and spared_wrapper(element):
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
    return region, runs


def named_chrome_only(element: lxml_html.HtmlElement) -> bool:
    """Whether region._is_chrome calls `element` chrome for its class or id words alone (no chrome tag,
    no hiding, no chrome role)."""
    return element.tag not in _CHROME_TAGS and not is_hidden(element) and element.get("role") not in CHROME_ROLES


# A menu that holds a run of cards is a mega menu (a department's links with pictures), not a layout wrapper.
MENU_WORDS = frozenset("nav navbar navigation menu menubar megamenu breadcrumb breadcrumbs".split())


def spared_wrapper(element: lxml_html.HtmlElement, menus_out: bool = True) -> bool:
    """Whether a wrapper of the page's grid (cards_wrappers) stays: named chrome by class or id words alone,
    and with `menus_out` none of them a menu's (MENU_WORDS)."""
    return named_chrome_only(element) and not (menus_out and _class_words(element) & MENU_WORDS)


def in_menu(run: list[lxml_html.HtmlElement], region: lxml_html.HtmlElement) -> bool:
    """Whether a run of cards lies in a menu (an ancestor up to `region` named by MENU_WORDS): a mega menu."""
    for element in run[0].iterancestors():
        if element is region:
            break
        if _class_words(element) & MENU_WORDS:
            return True
    return False


def cards_wrappers(
    region: lxml_html.HtmlElement, runs: list[list[lxml_html.HtmlElement]], min_chars: float, skip_carousels: bool = True, skip_menus: bool = True
) -> set[lxml_html.HtmlElement]:
    """The elements of `region` that hold the page's own grid (the run of cards with most text among the runs
    that are no carousel, is_carousel: a "recommended for you" slider, a `row-slider` are other products; and
    with `skip_menus` not in a menu, in_menu: a mega menu's department cards)
    and `min_chars` characters of text or more: the grid's parent and that parent's ancestors below `region`.
    A layout wrapper whose class names a part it holds (newegg's `row has-side-banner`, a WordPress
    `article-header` block around a whole awards list, a `has-sidebar` grid) holds the page's cards, not
    chrome (thirteenth session, listing3; the carousel guard fourteenth session, listing5)."""
    own = [run for run in runs if not (skip_carousels and is_carousel(run, region)) and not (skip_menus and in_menu(run, region))]
    if not own:
        return set()
    largest = max(own, key=lambda run: sum(len(card.text_content()) for card in run))
    parent = largest[0].getparent()
    held = [element for element in itertools.chain([parent], parent.iterancestors()) if element is not region and _inside(element, region)]
    return {element for element in held if len(element.text_content()) >= min_chars}


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


# A card page's status lines, no card's text: how many results the grid holds and its sort and filter labels
# ("1-24 of 672 products", "loaded 338 results", "(158 ITEMS)", "Sort by", "Filters"), of at most STATUS_MAX_WORDS
# words. Dropped from listing and collection regions (`PageProfile.status_lines_out`; seventeenth session, listing9).
STATUS_MAX_WORDS = 8
_STATUS = re.compile(
    r"^\(?((showing|loaded|viewing)\s+)?(\d[\d,.]*\s*(-|–|to)\s*)?(\d[\d,.]*\s+of\s+)?\d[\d,.]*\s+(results?|items?|products?|styles?|matches|listings)\b"
    r"|^(sort( by)?|sort (and|&) filter|filters?|refine( by)?|clear all|(show|hide) filters)\b",
    re.I,
)


def is_status_line(text: str) -> bool:
    """Whether a line of a card region is a status line: a count of results or a sort or filter label."""
    return len(_WORD.findall(text)) <= STATUS_MAX_WORDS and _STATUS.search(text.strip()) is not None


def card_region_text(tree: lxml_html.HtmlElement, profile: PageProfile) -> str:
    """region.region_text with the page's cards kept whole, the profile's line filters and chrome words
    (and, with `card_name_max_links`, the cards' names spared from the short link lines' filter)."""
    region = main_region(tree)
    if region is None:
        return ""
    stripped, runs = _strip_keeping_cards(
        region,
        profile.more_chrome,
        profile.less_chrome,
        hidden_panels_only=profile.hidden_card_panels_only,
        named_min_words=profile.card_part_min_words,
        cards_wrapper_share=profile.cards_wrapper_share,
    )
    if not profile.card_name_max_links or not profile.link_line_words:
        return lines_text(_status_out(block_lines(stripped), profile), profile.min_line_words, profile.link_line_share, profile.link_line_words)
    names = card_names(stripped, runs, profile.link_line_words)
    lines = _status_out(block_lines(stripped), profile)  # changes `stripped`: the names are read before
    spared = names_to_spare(tree, lines, names, profile.card_name_max_links)
    return lines_text(lines, profile.min_line_words, profile.link_line_share, profile.link_line_words, spared)


def _status_out(lines: list[Line], profile: PageProfile) -> list[Line]:
    """`lines` less their status lines (is_status_line) when the profile says so."""
    return [line for line in lines if not is_status_line(line.text)] if profile.status_lines_out else lines


# A run of cards that shows other things than the page's own grid: a carousel, a "related" strip.
CAROUSEL_WORDS = frozenset(
    "slider slides slide carousel swiper slick glide splide flickity related recommended recommendations recommend upsell upsells crosssell similar recently viewed".split()
)
CAROUSEL_HEADING = re.compile(
    r"\b(related|recommended|recommendations|you (may|might|will) (also )?(like|love)|customers (also|who)|also (bought|viewed)|similar|recently viewed|trending|best ?sellers|complete the look)\b",
    re.I,
)
_HEADING_MAX_WORDS = 12  # a title over a run, not a paragraph that happens to say "similar"
# A card's names are spared in the page's own grid only: the run of cards with the most text, of at least
# NAMED_RUN_CARDS cards, a third of which have a name (chosen on WCXB's tune part, bench/listing4_study.py).
NAMED_RUN_CARDS = 6
NAMED_CARDS_SHARE = 1 / 3


def is_carousel(run: list[lxml_html.HtmlElement], region: lxml_html.HtmlElement) -> bool:
    """Whether a run of cards is a carousel or a strip of other products: a card or an ancestor (up to
    `region`) named slider, carousel, related, recommended..., or a short title right before the run (or
    before one of its three nearest ancestors) saying "related", "you may also like", "recently viewed"..."""
    first = run[0]
    for element in itertools.chain([first], first.iterancestors()):
        if element is region:
            break
        if _class_words(element) & CAROUSEL_WORDS:
            return True
    before = list(itertools.islice(first.itersiblings(preceding=True), 2))
    for ancestor in itertools.islice(first.iterancestors(), 3):
        if ancestor is region:
            break
        before.extend(itertools.islice(ancestor.itersiblings(preceding=True), 1))
    for element in before:
        if not isinstance(element.tag, str):
            continue
        text = element.text_content()
        if len(_WORD.findall(text)) <= _HEADING_MAX_WORDS and CAROUSEL_HEADING.search(text):
            return True
    return False


def _words_key(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in _WORD.findall(text))


def _inside(element: lxml_html.HtmlElement, region: lxml_html.HtmlElement) -> bool:
    return any(ancestor is region for ancestor in element.iterancestors())


def card_names(
    region: lxml_html.HtmlElement,
    runs: list[list[lxml_html.HtmlElement]],
    max_words: int,
    skip_carousels: bool = True,
    min_words: int = 1,
    largest_only: bool = True,
) -> list[list[set[tuple[str, ...]]]]:
    """Per run of cards still in `region` (carousels' runs aside), per card, the words (lower case) of its
    short links: a product's name, a post's title (a link or one of its blocks of `min_words` to
    `max_words` words, one a word of letters: a count "(19)" or a price is no name). With `largest_only`,
    only the run with the most text (the page's own grid)."""
    kept_runs = []
    for run in runs:
        kept = [card for card in run if _inside(card, region)]
        if kept and not (skip_carousels and is_carousel(kept, region)):
            kept_runs.append(kept)
    if largest_only and kept_runs:
        kept_runs = [max(kept_runs, key=lambda run: sum(len(card.text_content()) for card in run))]
    return [[_short_links(card, min_words, max_words) for card in run] for run in kept_runs]


def _short_links(card: lxml_html.HtmlElement, min_words: int, max_words: int) -> set[tuple[str, ...]]:
    names = set()
    for link in [card] if card.tag == "a" else card.iter("a"):
        for part in itertools.chain([link], (child for child in link.iterdescendants() if child.tag in _BLOCKS)):
            key = _words_key(part.text_content())
            if min_words <= len(key) <= max_words and any(_LETTER_WORD.fullmatch(word) for word in key):
                names.add(key)
    return names


def names_to_spare(
    tree: lxml_html.HtmlElement,
    lines: list[Line],
    runs: list[list[set[tuple[str, ...]]]],
    max_links: int,
    max_reads: int = 1,
    min_named_share: float = NAMED_CARDS_SHARE,
    max_card_names: int | None = 1,
    min_run_cards: int = NAMED_RUN_CARDS,
) -> set[str]:
    """The region's lines that are a card's name (`runs`: card_names): read at most `max_reads` times
    among `lines` (a button repeats in every card), the text of at most `max_links` links of the whole
    page (a menu's label is a link in the menu as well), in a run where at least `min_named_share` of the
    cards have such a name (a grid of named products, not a stray badge or a category chip), from cards
    with at most `max_card_names` of them (None: any; a product has one name, a category card's list of
    subcategories is a menu), in runs of `min_run_cards` cards or more."""
    names = set().union(*(card for run in runs for card in run))
    if not names:
        return set()
    read = Counter(_words_key(line.text) for line in lines)
    candidates = {key for key in names if read[key] <= max_reads}
    if not candidates:
        return set()
    links = Counter(key for key in (_words_key(link.text_content()) for link in tree.iter("a")) if key in candidates)
    candidates = {key for key in candidates if links[key] <= max_links}
    spared: set[tuple[str, ...]] = set()
    for run in runs:
        if len(run) < min_run_cards:
            continue
        named = [card & candidates for card in run]
        if max_card_names is not None:
            named = [card if len(card) <= max_card_names else set() for card in named]
        if sum(bool(card) for card in named) >= min_named_share * len(run):
            spared.update(*named)
    return {line.text for line in lines if _words_key(line.text) in spared}


# A region of cards whose lines are short (names, prices) is a grid and the page's text though it holds no
# sentence (html_extractor asks for a line of 8 words or 50 words): GRID_MIN_WORDS words or more, at least
# half the lines of at most GRID_LINE_WORDS words (fourteenth session, listing5, bench/listing5_study.py).
GRID_MIN_WORDS = 10
GRID_LINE_WORDS = 7


def holds_a_grid(text: str, min_words: int = GRID_MIN_WORDS, max_line_words: int = GRID_LINE_WORDS) -> bool:
    """Whether a card region's `text` is a grid of short lines: `min_words` words or more, at least half of its
    lines of at most `max_line_words` words."""
    lines = [len(_WORD.findall(line)) for line in text.splitlines() if line.strip()]
    return sum(lines) >= min_words and sum(words <= max_line_words for words in lines) >= 0.5 * len(lines)
