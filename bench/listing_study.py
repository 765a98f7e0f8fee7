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
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import logging
import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_pages_through_choice
from bench.fitting import hash_bucket
from bench.wcxb import DATA_FILE, TYPES, word_f1
from bot.digest.extract.html import choice
from bot.digest.extract.html.listing import card_region_text
from bot.digest.extract.html.profiles import PROFILES, PageProfile
from bot.digest.extract.html.prune import code_in_preformatted, drop_inline_svg, drop_permalinks, drop_scripts_and_styles
from bot.digest.extract.html.region import drop_repeated_lines, region_text
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


def region_of(tree: Any, profile: PageProfile) -> str:
    """The region as extract_html reads it under `profile`."""
    if profile.keep_cards:
        return card_region_text(tree, profile)
    return region_text(tree, profile.min_line_words, profile.link_line_share, profile.link_line_words, profile.more_chrome)


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
    for label, profile_of in variants().items():
        f1 = {}
        for page in chosen:
            profile = profile_of(page["page_type"])
            f1[page["id"]] = word_f1(page["truth"], answer(page, region_of(trees[page["id"]], profile), profile))
        print(f"{label:40s} {score(pages, f1)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
