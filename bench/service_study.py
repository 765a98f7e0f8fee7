"""Service pages with their cards kept whole, and which of the cards' hidden parts to keep (tenth session).

The listing study (bench/listing_study.py on branch listing2, `--services`) found that reading a
service page's cards whole, as listings do (listing.py), gains on WCXB's tune part through hidden tab
panels, accordions and testimonial carousels (all in the truth), but loses on two pages through hidden
parts that are no content: a pricing page's alternate (monthly/yearly) prices and Stripe's hidden
payment-demo graphics, all `aria-hidden`. Here each variant says which hidden parts of a card stay
(`Keep`); the others go as chrome, as on every other page type. Per page, on the tune pages the
product types as services (the cache of bench/listing_study.build_cache), with folds sha1(id) % 5.

    python -m bench.service_study ../shared/data --cache /tmp/service/cache.pkl [--pages]
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import pickle
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.fitting import hash_bucket
from bench.listing_study import answer, load_trees, score
from bench.wcxb import word_f1
from bot.digest.extract.html import listing, region
from bot.digest.extract.html.listing import card_region_text, is_panel, letter_words
from bot.digest.extract.html.profiles import PROFILES, PageProfile
from bot.digest.extract.html.region import region_text

log = logging.getLogger(__name__)

DEFAULT_CACHE = Path("/tmp/service/cache.pkl")
_NAME_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_DECOR_WORDS = frozenset("graphic graphics animation animated illustration decorative decoration deco visual".split())


def is_decor(element: Any) -> bool:
    """A graphic drawn with HTML (a demo animation): a <figure>, or named a graphic or an animation."""
    names = (element.get("class") or "") + " " + (element.get("id") or "")
    words = {word.lower() for word in _NAME_PART.findall(names)}  # camelCase split: DomGraphic -> dom, graphic
    return element.tag == "figure" or bool(words & _DECOR_WORDS)


@dataclasses.dataclass(frozen=True)
class Keep:
    """Which hidden parts of a card stay (named, not hidden, parts of a card always stay)."""

    rule: str  # "all", "none", "panels", "not decor", "not decor, words", "panels or words"
    min_words: int = 5  # "words": a hidden part with fewer words of letters (a price) goes
    named_min_words: int = 0  # a part named chrome by its class words (not hidden) with fewer words goes (a badge)
    header_stays: bool = False  # a part named chrome only by `header` (a card's heading) stays whatever its words


def keeps_hidden(keep: Keep) -> Callable[[Any], bool]:
    """Whether a hidden card part stays under `keep`."""

    def rule(element: Any) -> bool:
        if keep.rule == "all":
            return True
        if keep.rule == "none":
            return False
        if keep.rule == "panels":
            return is_panel(element)
        if keep.rule == "not decor":
            return not is_decor(element)
        if keep.rule == "not decor, words":
            return not is_decor(element) and letter_words(element) >= keep.min_words
        if keep.rule == "words":
            return letter_words(element) >= keep.min_words
        if keep.rule == "panels or words":
            return is_panel(element) or (not is_decor(element) and letter_words(element) >= keep.min_words)
        raise ValueError(keep.rule)

    return rule


def service_region(tree: Any, profile: PageProfile, keep: Keep | None | str) -> str:
    """The region under the service profile: as main read it (None: no cards), as this branch's profile
    reads it ("branch": listing.card_region_text), or with cards kept and `keep`'s card parts."""
    if keep == "branch":
        return card_region_text(tree, profile)
    if keep is None:
        return region_text(tree, profile.min_line_words, profile.link_line_share, profile.link_line_words, profile.more_chrome)
    kept = keeps_hidden(keep)
    shipped = listing.is_hidden
    # strip_chrome_keeping_cards(keep_hidden=False) drops a card's parts that is_hidden calls hidden
    # and keeps its other (named) parts: a hidden part that stays is read as merely named.
    def goes(element: Any) -> bool:
        if region.is_hidden(element):
            return not kept(element)
        if keep.header_stays and region._class_words(element) & region._CHROME_WORDS <= {"header"}:
            return False
        return letter_words(element) < keep.named_min_words

    listing.is_hidden = goes
    try:
        stripped = listing.strip_chrome_keeping_cards(region.main_region(tree), profile.more_chrome, profile.less_chrome, keep_hidden=False)
    finally:
        listing.is_hidden = shipped
    return region.lines_text(region.block_lines(stripped), profile.min_line_words, profile.link_line_share, profile.link_line_words)


VARIANTS: dict[str, Keep | None | str] = {
    "shipped (no cards)": None,
    "cards, hidden kept (listing2 lead)": Keep("all"),
    "cards, hidden dropped": Keep("none"),
    "cards, hidden panels kept": Keep("panels"),
    "cards, hidden kept but decor": Keep("not decor"),
    **{f"cards, hidden kept but decor and < {n} words": Keep("not decor, words", n) for n in (3, 5, 8)},
    **{f"cards, hidden kept if >= {n} words": Keep("words", n) for n in (3, 5, 8)},
    **{f"cards, hidden panels or >= {n} words not decor": Keep("panels or words", n) for n in (5, 8)},
    "the branch's service profile (product code)": "branch",
    **{f"cards, hidden panels; named >= {m} words": Keep("panels", named_min_words=m) for m in (2, 3, 4, 6)},
    **{f"cards, hidden not decor >= 5; named >= {m} words": Keep("not decor, words", 5, m) for m in (2, 3, 4, 6)},
    **{f"cards, hidden panels; named >= {m} or header": Keep("panels", named_min_words=m, header_stays=True) for m in (4, 6, 10)},
    **{f"cards, hidden not decor >= 5; named >= {m} or header": Keep("not decor, words", 5, m, True) for m in (4, 6, 10)},
}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="bench.listing_study.build_cache's pickle")
    parser.add_argument("--pages", action="store_true", help="each page that moves against the shipped reading")
    args = parser.parse_args(argv)
    pages = pickle.loads(args.cache.read_bytes())
    for page in pages:
        page["f1_final"] = word_f1(page["truth"], page["final"])
    chosen = [p for p in pages if p.get("page_type") == "service" and "text" in p]
    trees = load_trees(args.data_dir, {p["id"] for p in chosen})
    log.info("%d tune pages, %d taken for services", len(pages), len(chosen))
    print(f"{'tune, word F1':48s} all    " + "per true type | folds 0-4 | fold sums of page deltas")
    print(f"{'the product (cache)':48s} {score(pages, {})}")
    base: dict[str, float] = {}
    fold_sums: dict[str, dict[int, float]] = {}
    for label, keep in VARIANTS.items():
        profile = PROFILES["service"] if keep == "branch" else dataclasses.replace(PROFILES["service"], keep_cards=keep is not None)
        f1 = {p["id"]: word_f1(p["truth"], answer(p, service_region(trees[p["id"]], profile, keep), profile)) for p in chosen}
        base = base or f1
        sums: dict[int, float] = defaultdict(float)
        for pid, value in f1.items():
            sums[hash_bucket(pid, 5)] += value - base[pid]
        fold_sums[label] = sums
        print(f"{label:48s} {score(pages, f1)} | " + " ".join(f"{sums[i]:+.3f}" for i in range(5)), flush=True)
        if args.pages:
            moved = sorted((f1[i] - base[i], i) for i in f1 if abs(f1[i] - base[i]) > 1e-4)
            print("   " + " ".join(f"{i}:{d:+.3f}" for d, i in moved), flush=True)
    print("leave-one-fold-out choice (chosen on the other four folds; its page deltas on the fold left out):")
    for fold, (label, delta) in enumerate(fold_choices(fold_sums)):
        print(f"  fold {fold}: {label} ({delta:+.3f})")
    return 0


def fold_choices(fold_sums: dict[str, dict[int, float]], folds: int = 5) -> list[tuple[str, float]]:
    """For each fold, the variant with the largest sum of page deltas on the other folds (the first
    listed on a tie, the shipped reading first) and its sum on the fold left out."""
    choices = []
    for fold in range(folds):
        label = max(fold_sums, key=lambda name: round(sum(v for f, v in fold_sums[name].items() if f != fold), 9))
        choices.append((label, fold_sums[label].get(fold, 0.0)))
    return choices


if __name__ == "__main__":
    raise SystemExit(main())
