"""Collection and listing pages: the cards' short names kept (thirteenth session, listing4; issue 9 target 1).

    python -m bench.listing4_study DATA_DIR [--cache PICKLE] [--variants NAME ...] [--show N]

The collection profile drops a region's link lines of at most 3 words (`link_line_words`: menus,
buttons), and with them the product names of a shop's grid, each a link of a few words: the largest
kind of word the truth holds and the answer lacks on listing and collection pages (listing3's loss
table). A variant spares such a line when it is a card's name (listing.card_names: a short link inside a
run of cards), read once in the region (a button repeats in every card), the text of few links on the
whole page (a menu's label is a link in the menu too) and not in a carousel or a "related" strip
(listing.is_carousel).

The cache is bench.profiles_study's (every tune page with a truth through `extract_html`; the
listing3 helper's `/tmp/listing3/cache.pkl` serves). The baseline is every page typed listing or
collection re-extracted with this code's profiles (no other page's answer can change), cached beside it.
Printed per variant: all pages, each true type, the fold sums of page deltas by id and by site under four
salts (bench.forums2_study.folds_hold), the pages that move. KEEP only if no fold of any grouping goes
down and no type loses.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import logging
import pickle
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import site_of
from bench.forums2_study import folds_hold
from bench.profiles_study import build_cache
from bench.wcxb import TYPES, word_f1
from bot.digest.extract.html import listing
from bot.digest.extract.html.profiles import PROFILES
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/listing4/cache.pkl")
CARD_TYPES = ("listing", "collection")


@contextmanager
def card_names_variant(
    max_links: int, max_reads: int = 1, skip_carousels: bool = True, min_words: int = 1, min_named_share: float = 0.0, max_card_names: int | None = None, min_run_cards: int = 3, largest_only: bool = False, kinds: tuple[str, ...] = ("collection",)
) -> Iterator[None]:
    """The profiles of `kinds` with `card_name_max_links` = `max_links` (0: off), listing.names_to_spare's
    `max_reads` and `min_named_share` and listing.card_names' `skip_carousels` and `min_words` as given, for the time of the block."""
    shipped_profiles = {kind: PROFILES[kind] for kind in kinds}
    shipped_names, shipped_spare = listing.card_names, listing.names_to_spare
    for kind in kinds:
        PROFILES[kind] = dataclasses.replace(shipped_profiles[kind], card_name_max_links=max_links)
    listing.card_names = functools.partial(shipped_names, skip_carousels=skip_carousels, min_words=min_words, largest_only=largest_only)
    listing.names_to_spare = functools.partial(shipped_spare, max_reads=max_reads, min_named_share=min_named_share, max_card_names=max_card_names, min_run_cards=min_run_cards)
    try:
        yield
    finally:
        PROFILES.update(shipped_profiles)
        listing.card_names, listing.names_to_spare = shipped_names, shipped_spare


def _variant(**kwargs: Any) -> Callable[[], Any]:
    return lambda: card_names_variant(**kwargs)


BIG = 10**6  # no bound on the page's links of a name's text
VARIANTS: dict[str, Callable[[], Any]] = {
    "off (the profiles as main has them)": _variant(max_links=0),
    "the product as this code has it": contextlib.nullcontext,
    "names: <= 1 link on the page, read once, carousels out": _variant(max_links=1),
    "names: <= 1 link, read <= 2 times, carousels out": _variant(max_links=1, max_reads=2),
    "names: <= 1 link, repeats too, carousels out": _variant(max_links=1, max_reads=BIG),
    "names: <= 1 link, read once, carousels out, a third of the run's cards named": _variant(max_links=1, min_named_share=1 / 3),
    "names: <= 1 link, read once, carousels out, half the run's cards named": _variant(max_links=1, min_named_share=0.5),
    "names: <= 1 link, read <= 2 times, carousels out, a third named": _variant(max_links=1, max_reads=2, min_named_share=1 / 3),
    "names: <= 1 link, repeats too, carousels out, a third named": _variant(max_links=1, max_reads=BIG, min_named_share=1 / 3),
    "names: <= 1 link, read once, carousels kept, a third named": _variant(max_links=1, skip_carousels=False, min_named_share=1 / 3),
    "names: any links, read once, carousels out, a third named": _variant(max_links=BIG, min_named_share=1 / 3),
    "names: <= 1 link, read once, carousels out, a third named, one name a card": _variant(max_links=1, min_named_share=1 / 3, max_card_names=1),
    "names: <= 1 link, read once, carousels out, a third named, <= 2 names a card": _variant(max_links=1, min_named_share=1 / 3, max_card_names=2),
    "names: <= 1 link, read once, carousels out, one name a card": _variant(max_links=1, max_card_names=1),
    "names: <= 1 link, read <= 2 times, carousels out, a third named, one name a card": _variant(max_links=1, max_reads=2, min_named_share=1 / 3, max_card_names=1),
    "names: <= 1 link, read once, carousels out, a third named, one name a card, runs of 6+": _variant(max_links=1, min_named_share=1 / 3, max_card_names=1, min_run_cards=6),
    "names: <= 1 link, read once, carousels out, one name a card, runs of 6+": _variant(max_links=1, max_card_names=1, min_run_cards=6),
    "names: <= 1 link, read once, carousels out, a third named, one name a card, runs of 6+, the largest run only": _variant(
        max_links=1, min_named_share=1 / 3, max_card_names=1, min_run_cards=6, largest_only=True
    ),
    "names: <= 1 link, read once, carousels out, a third named, one name a card, the largest run only": _variant(
        max_links=1, min_named_share=1 / 3, max_card_names=1, largest_only=True
    ),
    "names of 2+ words: <= 1 link, read once, carousels out, a third named": _variant(max_links=1, min_words=2, min_named_share=1 / 3),
}


def extract(page: dict[str, Any], max_elements: int) -> str:
    try:
        return html_extractor.extract_html(page["html"], "page.html", page["url"], max_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


def answers(pages: dict[str, dict[str, Any]], patch: Callable[[], Any]) -> dict[str, str]:
    """Each page typed listing or collection extracted again under `patch`."""
    max_elements = DigestSettings().max_html_elements
    with patch():
        return {page_id: extract(page, max_elements) for page_id, page in pages.items() if page["predicted"] in CARD_TYPES}


def scores_of(pages: dict[str, dict[str, Any]], found: dict[str, str]) -> dict[str, float]:
    return {page_id: word_f1(page["truth"], found[page_id]) if page_id in found else page["f1"] for page_id, page in pages.items()}


def report(pages: dict[str, dict[str, Any]], name: str, base: dict[str, float], scores: dict[str, float], show: int) -> bool:
    ids = list(pages)
    listed = [{"id": page_id, "url": pages[page_id]["url"] or ""} for page_id in ids]
    before = np.array([base[page_id] for page_id in ids])
    after = np.array([scores[page_id] for page_id in ids])
    types = np.array([pages[page_id]["type"] for page_id in ids])
    delta = after - before
    print(f"{name}\n    all {after.mean():.5f} (off {before.mean():.5f}) | " + " ".join(f"{t[:4]} {after[types == t].mean():.4f}/{before[types == t].mean():.4f}" for t in TYPES if (types == t).any()))
    kept = folds_hold(listed, delta, indent="    ")
    kept = kept and all(delta[types == t].sum() >= -1e-9 for t in TYPES)
    moved = sorted((d, page_id) for d, page_id in zip(delta, ids) if abs(d) > 1e-9)
    describe = lambda pair: f"{pair[1]}({pages[pair[1]]['type'][:4]},{site_of(pages[pair[1]]['url'] or '')}){pair[0]:+.3f}"  # noqa: E731
    print(f"    {'KEEP' if kept else 'no'}: {sum(d > 0 for d, _ in moved)} up / {sum(d < 0 for d, _ in moved)} down")
    print("    down: " + " ".join(describe(pair) for pair in moved[:show] if pair[0] < 0))
    print("    up:   " + " ".join(describe(pair) for pair in moved[::-1][:show] if pair[0] > 0))
    return kept


def load(data_dir: Path, cache: Path) -> dict[str, dict[str, Any]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = build_cache(data_dir)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


def baseline(pages: dict[str, dict[str, Any]], cache: Path, patch: Callable[[], Any]) -> dict[str, float]:
    """The F1 of every page, the card pages re-extracted with this code under `patch` (cached beside `cache`)."""
    base_cache = cache.with_name(cache.stem + "-base.pkl")
    if base_cache.exists():
        found = pickle.loads(base_cache.read_bytes())
    else:
        found = answers(pages, patch)
        base_cache.write_bytes(pickle.dumps(found))
    return scores_of(pages, found)


def study_main(
    argv: list[str] | None, description: str | None, default_cache: Path, variants: dict[str, Callable[[], Any]], base: Callable[[], Any]
) -> int:
    """The command line of a card-page study: every variant (but the first) scored against `base`'s answers."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=default_cache)
    parser.add_argument("--variants", nargs="*", help="variants to score (all when given without names)")
    parser.add_argument("--show", type=int, default=10, help="pages shown that move up and down")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pages = load(args.data_dir, args.cache)
    base_scores = baseline(pages, args.cache, base)
    moved_by_code = [page_id for page_id in pages if abs(base_scores[page_id] - pages[page_id]["f1"]) > 1e-9]
    print(f"{len(pages)} tune pages; {len(moved_by_code)} card pages score otherwise than in the cache (code since): {moved_by_code[:10]}")
    for name in args.variants if args.variants else list(variants)[1:]:
        report(pages, name, base_scores, scores_of(pages, answers(pages, variants[name])), args.show)
    return 0


def main(argv: list[str] | None = None) -> int:
    # the base: the names off (the profiles as main had them before this study)
    return study_main(argv, __doc__, DEFAULT_CACHE, VARIANTS, VARIANTS["off (the profiles as main has them)"])


if __name__ == "__main__":
    raise SystemExit(main())
