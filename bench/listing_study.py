"""A study of listing and collection pages on WCXB's tune part (issue 9; ninth session); nothing here ships.

    python -m bench.listing_study DATA_DIR [--cache PATH]

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) is read once through the
product's own `extract_html` (bench.choice_study.tune_pages_recorded), with `prefer_region`
wrapped to record trafilatura's answer, the region and the page type; the cache is a pickle
(default /tmp/listing_study/cache.pkl), built once. The pages the product takes for listings or
collections are then read again from their HTML (as extract_html has them when it reads the
region) and their region rebuilt under each variant below, the choice made as `extract_html`
makes it (repeats once, `prefer_region`'s ratio). Printed: WCXB's word F1 over all tune pages,
by true type, then per fold sha1(id) % 5 (the other pages keep the product's answer).

The variants: main's region (region.region_text, the profiles without cards, listing chrome words
or collection chrome exemptions), cards kept (listing.py) with each profile change alone, the
shipped profiles, and the collection ratio. With the cache built by main's code the "main" line
reproduces the product; with the shipped code, the "shipped profiles" line does.

Second round (`--roots-only`): the shipped profiles, the region read from the cards' root (`Root`:
narrowed to it, or widened to hold it and `<main>`), and the shipped region with menus (stretches of
link lines) dropped outside that root (`Menus`).
`--pages` prints each variant's F1 on each page it rereads.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import logging
import pickle
import re
from collections import defaultdict
from copy import deepcopy
from pathlib import Path
from typing import Any

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_pages_through_choice
from bench.fitting import hash_bucket
from bench.wcxb import DATA_FILE, TYPES, word_f1
from bot.digest.extract.html import choice
from bot.digest.extract.html.listing import card_region_text, card_runs, strip_chrome_keeping_cards
from bot.digest.extract.html.profiles import PROFILES, PageProfile
from bot.digest.extract.html.prune import code_in_preformatted, drop_inline_svg, drop_permalinks, drop_scripts_and_styles
from bot.digest.extract.html.region import Line, block_lines, drop_repeated_lines, lines_text, main_region, region_text
from bot.digest.extract.html.settings import DEFAULT_SETTINGS
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/listing_study/cache.pkl")
CARD_TYPES = ("listing", "collection")


def build_cache(data_dir: Path) -> list[dict[str, Any]]:
    """Each tune page's choice inputs (where a choice is made) and the product's answer."""
    record: dict[str, Any] = {}
    shipped = choice.prefer_region

    def recording(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202 (prefer_region's own signature)
        record.update(page_type=page_type, text=text, region=region)
        return shipped(page_type, profile, text, region, tree)

    return tune_pages_through_choice(data_dir, record, recording)


def load_trees(data_dir: Path, ids: set[str]) -> dict[str, Any]:
    """The named pages' trees as extract_html has them when it reads the region."""
    settings = DigestSettings()
    trees = {}
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if str(item["id"]) not in ids:
                continue
            html = drop_scripts_and_styles(item["html"])
            if len(html) > settings.max_input_chars:
                html = drop_inline_svg(html)
            tree = html_extractor._parse(html)
            drop_permalinks(tree)
            code_in_preformatted(tree)
            trees[str(item["id"])] = tree
    return trees


def region_of(tree: Any, profile: PageProfile, root: Root | Menus | None = None) -> str:
    """The region as extract_html reads it under `profile` (from the cards' `root`, or without the
    menus outside it, when given)."""
    if profile.keep_cards and isinstance(root, Root):
        return rooted_region(tree, profile, root)
    if profile.keep_cards and isinstance(root, Menus):
        return menus_region_text(tree, profile, root)
    if profile.keep_cards:
        return card_region_text(tree, profile)
    return region_text(tree, profile.min_line_words, profile.link_line_share, profile.link_line_words, profile.more_chrome)


_WORD = re.compile(r"\w+")
ROOT_RUN_SHARE = 0.5  # the cards' root holds the run with most words and every run with this share of its words
_ROOT_MARK = "data-cards-root"
_ROOT_PLACEHOLDER = "\u2063cards\u2063"  # invisible separators: no page line reads so


def _words(element: Any) -> int:
    return len(_WORD.findall(element.text_content()))


def _common_ancestor(elements: list[Any]) -> Any:
    """The smallest element holding all of `elements` (each one counts as its own ancestor)."""
    chains = [[element, *element.iterancestors()] for element in elements]
    shared = set(chains[0]).intersection(*map(set, chains[1:]))
    return next(element for element in chains[0] if element in shared)


def cards_root(within: Any, run_share: float = ROOT_RUN_SHARE) -> Any | None:
    """The smallest element of `within` holding its main runs of cards: the run with most words and
    every run with at least `run_share` of its words (None without a run of cards)."""
    runs = [(sum(_words(card) for card in run), run) for run in card_runs(within)]
    if not runs:
        return None
    most = max(words for words, _ in runs)
    parents = [run[0].getparent() for words, run in runs if words >= run_share * most]
    return _common_ancestor(parents)


@dataclasses.dataclass(frozen=True)
class Menus:
    """Outside the cards' root, `stretch` or more link lines in a row (link share over `link_share`) go."""

    stretch: int = 5
    link_share: float = 0.5
    run_share: float = ROOT_RUN_SHARE


def _menus_dropped(lines: list[Line], root_lines: list[Line], menus: Menus) -> list[Line]:
    """`lines` with the placeholder line replaced by `root_lines` and the link stretches outside it dropped."""
    kept: list[Line] = []
    stretch: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.text != _ROOT_PLACEHOLDER and line.link_share > menus.link_share:
            stretch.append(line)
            continue
        kept.extend(stretch if len(stretch) < menus.stretch else [])
        stretch.clear()
        if line is not None:
            kept.extend(root_lines if line.text == _ROOT_PLACEHOLDER else [line])
    return kept


def menus_region_text(tree: Any, profile: PageProfile, menus: Menus) -> str:
    """card_region_text with the menus outside the cards' root dropped (the root is marked on the
    page tree to be found in the stripped copy, and unmarked at once)."""
    region = main_region(tree)
    root = cards_root(region, menus.run_share) if region is not None else None
    if root is None or root is region:
        return card_region_text(tree, profile)
    root.set(_ROOT_MARK, "")
    try:
        stripped = strip_chrome_keeping_cards(region, profile.more_chrome, profile.less_chrome)
    finally:
        del root.attrib[_ROOT_MARK]
    found = stripped.xpath(f"descendant::*[@{_ROOT_MARK}]")
    if not found:  # the root was chrome
        lines = block_lines(stripped)
    else:
        root_lines = block_lines(deepcopy(found[0]))
        placeholder = lxml_html.Element("p")
        placeholder.text = _ROOT_PLACEHOLDER
        found[0].getparent().replace(found[0], placeholder)
        lines = _menus_dropped(block_lines(stripped), root_lines, menus)
    return lines_text(lines, profile.min_line_words, profile.link_line_share, profile.link_line_words)


@dataclasses.dataclass(frozen=True)
class Root:
    """Where a listing is read from: the smallest element holding its main runs of cards."""

    within: str = "main"  # search the runs in main_region ("main") or the whole body ("body")
    run_share: float = 0.5  # runs with this share of the largest run's words count
    climb: float = 0.0  # climb to a parent while it adds at most this share of words (a heading, an intro)
    h1: bool = True  # the page's first <h1>, when outside the root, read before it
    min_cover: float = 0.0  # the root replaces main_region only when it holds this share of its words
    widen: float | None = None  # only widen: main_region and the body's cards' root together, when that root lies outside main_region and holds this many times its words


def rooted_region(tree: Any, profile: PageProfile, root: Root) -> str:
    """card_region_text read from the cards' root rather than main_region."""
    region = main_region(tree)
    if region is None:
        return ""
    within = region if root.within == "main" else tree.find("body")
    top = cards_root(within, root.run_share) if within is not None else None
    if top is None:
        return card_region_text(tree, profile)
    words = _words(top)
    if root.widen is not None:
        if top is region or region in top.iterancestors() or words < root.widen * _words(region):
            return card_region_text(tree, profile)
        top = _common_ancestor([top, region])
        return lines_text(block_lines(strip_chrome_keeping_cards(top, profile.more_chrome, profile.less_chrome)), profile.min_line_words, profile.link_line_share, profile.link_line_words)
    while root.climb and top.getparent() is not None and top is not within and _words(top.getparent()) <= (1 + root.climb) * words:
        top = top.getparent()
    if words < root.min_cover * _words(region):
        return card_region_text(tree, profile)
    lines = []
    heading = next(iter(tree.iter("h1")), None)
    if root.h1 and heading is not None and top not in [heading, *heading.iterancestors()]:
        lines = block_lines(heading)
    lines += block_lines(strip_chrome_keeping_cards(top, profile.more_chrome, profile.less_chrome))
    return lines_text(lines, profile.min_line_words, profile.link_line_share, profile.link_line_words)


def answer(page: dict[str, Any], region: str, profile: PageProfile) -> str:
    """extract_html's choice with `region` as the region (repeats read once as the profile says).
    (More chrome words also change the tree trafilatura reads; trafilatura's recorded answer is kept.)"""
    text = page["text"]
    if profile.repeat_min_words is not None:
        region = drop_repeated_lines(region, profile.repeat_min_words)
    if html_extractor._holds_a_sentence(region, DEFAULT_SETTINGS) and choice.prefer_region(page["page_type"], profile, text, region, None):
        return region
    return text


def score(pages: list[dict[str, Any]], f1: dict[str, float]) -> str:
    """Mean word F1 over every page (`f1` by id, else the product's answer): all, each true type, each fold."""
    scores: dict[str, list[float]] = defaultdict(list)
    for page in pages:
        value = f1.get(page["id"], page["f1_final"])
        for key in ("all", page["type"], f"fold{hash_bucket(page['id'], 5)}"):
            scores[key].append(value)
    by_type = " ".join(f"{np.mean(scores[k]):.4f}" for k in ("all",) + TYPES)
    return by_type + " | " + " ".join(f"{np.mean(scores[f'fold{i}']):.4f}" for i in range(5))


def main_profile(page_type: str) -> PageProfile:
    """The profile as main had it before this study (no cards, no listing chrome words)."""
    profile = PROFILES[page_type]
    return dataclasses.replace(profile, keep_cards=False, more_chrome=profile.more_chrome if page_type not in CARD_TYPES else frozenset(), less_chrome=frozenset())


ROOTS = {
    "root: main runs in <main>, h1": Root(),
    "root: main runs in body, h1": Root(within="body"),
    "root: body, no h1": Root(within="body", h1=False),
    "root: body, climb 0.2": Root(within="body", climb=0.2),
    "root: main, climb 0.2": Root(climb=0.2),
    "root: body, runs 0.2": Root(within="body", run_share=0.2),
    "root: body, runs 0.8": Root(within="body", run_share=0.8),
    "root: body, cover 0.3": Root(within="body", min_cover=0.3),
    "widen: body root outside <main>, x0": Root(within="body", widen=0.0),
    "widen x2": Root(within="body", widen=2.0),
    "widen x0.5 runs 0.2": Root(within="body", widen=0.5, run_share=0.2),
}
MENUS = {
    "menus: any stretch (1)": Menus(stretch=1),
    "menus: stretch 3": Menus(stretch=3),
    "menus: stretch 5": Menus(),
    "menus: stretch 8": Menus(stretch=8),
    "menus: stretch 5, link share 0.2": Menus(link_share=0.2),
    "menus: stretch 5, link share 0.8": Menus(link_share=0.8),
    "menus: stretch 5, root runs 0.2": Menus(run_share=0.2),
    "menus: stretch 5, root runs 0.8": Menus(run_share=0.8),
}


def variants() -> dict[str, Any]:
    """Each variant: a page type to its profile."""
    shipped = PROFILES.__getitem__
    return {
        "main (no cards)": main_profile,
        "cards kept": lambda t: dataclasses.replace(PROFILES[t], more_chrome=frozenset(), less_chrome=frozenset()),
        "cards + filter/sort chrome words": lambda t: dataclasses.replace(PROFILES[t], less_chrome=frozenset()),
        "cards + collection 'header' no chrome": lambda t: dataclasses.replace(PROFILES[t], more_chrome=frozenset()),
        "shipped profiles": shipped,
        **{f"shipped, collection ratio {r}": (lambda r: lambda t: dataclasses.replace(PROFILES[t], region_over_words=r) if t == "collection" else PROFILES[t])(r) for r in (0.0, 0.5, 0.8, 1.5)},
    }


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--roots-only", action="store_true", help="the shipped profiles and the region-root variants only")
    parser.add_argument("--pages", action="store_true", help="each variant's F1 per page taken for a listing or collection")
    args = parser.parse_args(argv)
    if not args.cache.exists():
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(build_cache(args.data_dir)))
    pages = pickle.loads(args.cache.read_bytes())
    for page in pages:
        page["f1_final"] = word_f1(page["truth"], page["final"])
    chosen = [p for p in pages if p.get("page_type") in CARD_TYPES and "text" in p]
    trees = load_trees(args.data_dir, {p["id"] for p in chosen})
    log.info("%d tune pages, %d taken for listings or collections", len(pages), len(chosen))
    print(f"{'tune, word F1':40s} all    " + " ".join(k[:6] for k in TYPES) + " | folds 0-4")
    print(f"{'the product (cache)':40s} {score(pages, {})}")
    shipped = PROFILES.__getitem__
    runs: list[tuple[str, Any, Root | Menus | None]] = [(label, profile_of, None) for label, profile_of in variants().items()] if not args.roots_only else []
    runs += [("shipped profiles", shipped, None)] if args.roots_only else []
    runs += [(label, shipped, root) for label, root in {**ROOTS, **MENUS}.items()]
    for label, profile_of, root in runs:
        f1 = {}
        for page in chosen:
            profile = profile_of(page["page_type"])
            f1[page["id"]] = word_f1(page["truth"], answer(page, region_of(trees[page["id"]], profile, root), profile))
        print(f"{label:40s} {score(pages, f1)}", flush=True)
        if args.pages:
            print(" ".join(f"{i}:{f1[i]:.4f}" for i in sorted(f1)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
