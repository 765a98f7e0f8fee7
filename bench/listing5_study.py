"""Listing and collection pages: the cards' wrappers guarded by the carousel test, the cards' names in every
run of the page's own grid, and a card region that counts as a sentence (fourteenth session, listing5; issue
9 target 1); a study on WCXB's tune part through the product.

    python -m bench.listing5_study DATA_DIR [--cache PICKLE] [--variants NAME ...] [--show N]

The cache is bench.profiles_study's (every tune page with a truth through `extract_html`; the listing3
helper's `/tmp/listing3/cache.pkl` serves). The baseline is every page typed listing or collection
re-extracted with this code's profiles as shipped (no other page's answer can change), cached beside it.
Printed per variant: all pages, each true type, the fold sums of page deltas by id and by site under four
salts (bench.forums2_study.folds_hold), the pages that move (bench.listing4_study.report). KEEP only if no
fold of any grouping goes down and no type loses.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

import bot.digest.extract.html_extractor as html_extractor
from bench.listing4_study import study_main
from bot.digest.extract.html import listing
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.region import drop_repeated_lines

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/listing5/cache.pkl")
CARD_TYPES = ("listing", "collection")
_TOKEN = re.compile(r"\w+")


@contextmanager
def profiles_changed(changes: dict[str, dict[str, Any]]) -> Iterator[None]:
    """PROFILES[type] with `changes[type]`'s fields replaced, for the time of the block."""
    shipped = {kind: PROFILES[kind] for kind in changes}
    for kind, fields in changes.items():
        PROFILES[kind] = dataclasses.replace(shipped[kind], **fields)
    try:
        yield
    finally:
        PROFILES.update(shipped)


@contextmanager
def wrappers_variant(
    share: float | None, kinds: tuple[str, ...] = CARD_TYPES, skip_carousels: bool = True, menus_out: bool = False, skip_menus: bool = False
) -> Iterator[None]:
    """The cards' wrapper rule (listing.cards_wrappers) at `share` in the profiles of `kinds`; with
    `skip_carousels` False, listing3's rule (the largest run whatever it is); with `menus_out`, a wrapper
    named by a menu's words (listing.MENU_WORDS) is not spared; with `skip_menus`, a run in a menu is no grid (listing.in_menu)."""
    shipped, shipped_spared = listing.cards_wrappers, listing.spared_wrapper
    listing.cards_wrappers = functools.partial(shipped, skip_carousels=skip_carousels, skip_menus=skip_menus)
    listing.spared_wrapper = functools.partial(shipped_spared, menus_out=menus_out)
    try:
        with profiles_changed({kind: {"cards_wrapper_share": share} for kind in kinds}):
            yield
    finally:
        listing.cards_wrappers, listing.spared_wrapper = shipped, shipped_spared


def is_home_page(url: str | None) -> bool:
    """A site's front page: an address without a path (or only an index file)."""
    path = urlsplit(url or "").path.strip("/")
    return path in ("", "index.html", "index.php", "home")


@contextmanager
def names_variant(largest_only: bool = True, skip_home: bool = False, min_run_cards: int = listing.NAMED_RUN_CARDS) -> Iterator[None]:
    """The card-name rule with every run of `min_run_cards`+ cards that is no carousel (largest_only False),
    and with `skip_home` no names spared on a site's front page (its product boxes are no category grid)."""
    shipped_names, shipped_spare, shipped_text = listing.card_names, listing.names_to_spare, html_extractor.card_region_text
    listing.card_names = functools.partial(shipped_names, largest_only=largest_only)
    listing.names_to_spare = functools.partial(shipped_spare, min_run_cards=min_run_cards)
    url_of: dict[int, str | None] = {}

    def extract(html: str, source: str, url: str | None = None, *args: Any, **kwargs: Any) -> Any:
        url_of[0] = url
        return shipped_extract(html, source, url, *args, **kwargs)

    def card_text(tree: Any, profile: Any) -> str:
        if skip_home and is_home_page(url_of.get(0)):
            profile = dataclasses.replace(profile, card_name_max_links=0)
        return shipped_text(tree, profile)

    shipped_extract = html_extractor.extract_html
    html_extractor.extract_html, html_extractor.card_region_text = extract, card_text
    try:
        yield
    finally:
        listing.card_names, listing.names_to_spare = shipped_names, shipped_spare
        html_extractor.extract_html, html_extractor.card_region_text = shipped_extract, shipped_text


@contextmanager
def cards_hold_a_sentence(min_words: int, max_line_words: int = 0) -> Iterator[None]:
    """A card region of `min_words` words or more counts as holding a sentence in html_extractor's two tests
    (the region's, and the final "no article text"): a grid of product names and prices has no line of 8
    words nor 50 words. With `max_line_words`, only a region with a run of cards (a line of at most that
    many words on most lines). Study only: the product would need a hook in html_extractor.py."""
    shipped_cards, shipped_holds = html_extractor.card_region_text, html_extractor._holds_a_sentence
    regions: set[str] = set()

    def cards_text(tree: Any, profile: Any) -> str:
        text = shipped_cards(tree, profile)
        regions.clear()
        lines = [line for line in text.splitlines() if line.strip()]
        short = sum(len(_TOKEN.findall(line)) <= max_line_words for line in lines) if max_line_words else len(lines)
        if len(_TOKEN.findall(text)) >= min_words and short >= 0.5 * len(lines):
            regions.update({text, drop_repeated_lines(text, profile.repeat_min_words) if profile.repeat_min_words else text})
        return text

    def holds(text: str, settings: Any) -> bool:
        return shipped_holds(text, settings) or (bool(text.strip()) and text in regions)

    html_extractor.card_region_text, html_extractor._holds_a_sentence = cards_text, holds
    try:
        yield
    finally:
        html_extractor.card_region_text, html_extractor._holds_a_sentence = shipped_cards, shipped_holds


VARIANTS: dict[str, Callable[[], Any]] = {
    "the product as this code has it": contextlib.nullcontext,
    "wrappers off (the profiles as the branch's base has them)": lambda: wrappers_variant(None),
    "a grid is no text (grid_is_text off)": lambda: profiles_changed({kind: {"grid_is_text": False} for kind in CARD_TYPES}),
    "wrappers >= half, carousels out (listing, collection)": lambda: wrappers_variant(0.5),
    "wrappers >= half, carousels kept (listing3's rule)": lambda: wrappers_variant(0.5, skip_carousels=False),
    "wrappers >= 0.3, carousels out": lambda: wrappers_variant(0.3),
    "wrappers any size, carousels out": lambda: wrappers_variant(0.0),
    "wrappers >= half, carousels and menus out": lambda: wrappers_variant(0.5, menus_out=True),
    "wrappers >= 0.3, carousels and menus out": lambda: wrappers_variant(0.3, menus_out=True),
    "wrappers >= 0.2, carousels and menus out": lambda: wrappers_variant(0.2, menus_out=True),
    "wrappers any size, carousels and menus out": lambda: wrappers_variant(0.0, menus_out=True),
    "wrappers >= 0.3, carousels and menus out, runs in menus no grid": lambda: wrappers_variant(0.3, menus_out=True, skip_menus=True),
    "wrappers >= half, carousels and menus out, runs in menus no grid": lambda: wrappers_variant(0.5, menus_out=True, skip_menus=True),
    "wrappers >= half, carousels out, listing only": lambda: wrappers_variant(0.5, ("listing",)),
    "wrappers >= half, carousels out, collection only": lambda: wrappers_variant(0.5, ("collection",)),
    "names: every run of 6+ (listing4's wider rule)": lambda: names_variant(largest_only=False),
    "names: every run of 6+, front pages out": lambda: names_variant(largest_only=False, skip_home=True),
    "names: largest run, front pages out": lambda: names_variant(skip_home=True),
    "a card region of 1+ words holds a sentence": lambda: cards_hold_a_sentence(1),
    "a card region of 10+ words, most lines of <= 7 words, holds a sentence": lambda: cards_hold_a_sentence(10, 7),
}


def main(argv: list[str] | None = None) -> int:
    # the base: the card pages re-extracted with this code as shipped
    return study_main(argv, __doc__, DEFAULT_CACHE, VARIANTS, contextlib.nullcontext)


if __name__ == "__main__":
    raise SystemExit(main())
