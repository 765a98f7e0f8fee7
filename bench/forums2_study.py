"""A forum thread's posts by their platform markup (twelfth session, second round; issue 9 target 1): a study
on WCXB's tune part through the product.

    python -m bench.forums2_study DATA_DIR [--cache PICKLE] [--refresh | --rerun-forums]

Every tune page with a truth goes through `extract_html` as the pipeline passes it, with the forum
profile's `thread_posts` on (the branch) and, on the pages the classifier takes for forums (the only
pages the setting can change), off (main's rule: the ratio choice between trafilatura and the region)
in the same process. Printed: the mean word F1 of all pages and of each true type, with the setting off
and on; the sum of page deltas in each fold sha1(id) % 5 and in five folds grouped by site for four
salts; the pages that move. Keep only if no fold of any grouping goes down and no type loses.
`--rerun-forums` answers again, with the code as it is, the cached pages taken for forums (`on` only):
a variant of forum.py compared with the cached `off` in a minute rather than the whole tune part's five.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import pickle
from pathlib import Path
from typing import Any

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import site_of, tune_items
from bench.fitting import hash_bucket
from bench.wcxb import TYPES, word_f1
from bot.digest.extract.html import forum
from bot.digest.extract.html.profiles import PROFILES
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/forums2/study.pkl")
SITE_SALTS = ("a", "b", "c", "d")


def _answer(html: str, url: str | None, max_elements: int) -> str:
    try:
        return html_extractor.extract_html(html, "page.html", url, max_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


def build(data_dir: Path) -> list[dict[str, Any]]:
    """Each tune page's answer with `thread_posts` as shipped (`on`) and, where the page is taken for a
    forum, without it (`off`; elsewhere `off` is `on`), its type as classified and the posts found."""
    max_elements = DigestSettings().max_html_elements
    shipped_classify, shipped_forum = html_extractor.classify_page, PROFILES["forum"]
    seen: dict[str, str] = {}

    def classifying(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        seen["type"] = shipped_classify(tree, url, json_ld)
        return seen["type"]

    html_extractor.classify_page = classifying
    pages = []
    try:
        for page_id, item, html in tune_items(data_dir):
            url = item.get("url") or None
            seen.clear()
            on = _answer(html, url, max_elements)
            off = on
            if seen.get("type") == "forum":
                PROFILES["forum"] = dataclasses.replace(shipped_forum, thread_posts=False)
                try:
                    off = _answer(html, url, max_elements)
                finally:
                    PROFILES["forum"] = shipped_forum
            posts = len(forum.post_bodies(html_extractor._parse(html))) if seen.get("type") == "forum" else 0
            pages.append({"id": page_id, "type": item["type"], "url": url or "", "truth": item["truth"], "page_type": seen.get("type", ""), "on": on, "off": off, "posts": posts})
    finally:
        html_extractor.classify_page = shipped_classify
    return pages


def rerun_forums(pages: list[dict[str, Any]], data_dir: Path) -> None:
    """`on` again for the pages taken for forums (in place); every other page's answer cannot change."""
    max_elements = DigestSettings().max_html_elements
    forums = {page["id"]: page for page in pages if page["page_type"] == "forum"}
    for page_id, item, html in tune_items(data_dir):
        if page_id in forums:
            forums[page_id]["on"] = _answer(html, item.get("url") or None, max_elements)


def fold_sums(pages: list[dict[str, Any]], delta: np.ndarray, salt: str | None) -> list[float]:
    """The sum of page deltas in each of five folds: sha1(id) % 5 (salt None), else grouped by site."""
    sums = [0.0] * 5
    for page, change in zip(pages, delta):
        key = page["id"] if salt is None else site_of(page["url"]) or page["id"]
        sums[hash_bucket(key, 5, salt or "")] += change
    return sums


def folds_hold(pages: list[dict[str, Any]], delta: np.ndarray, indent: str = "") -> bool:
    """Print each grouping's fold sums of `delta` (by id, by site under each salt); whether no fold loses."""
    held = True
    for name, salt in [("id", None)] + [(f"site {s}", s) for s in SITE_SALTS]:
        sums = fold_sums(pages, delta, salt)
        held = held and min(sums) >= -1e-9
        print(f"{indent}folds by {name:7s} " + " ".join(f"{s:+.3f}" for s in sums))
    return held


def no_type_loses(delta: np.ndarray, types: np.ndarray) -> bool:
    """Whether no page type's summed change is below zero."""
    return all(delta[types == t].sum() >= -1e-9 for t in TYPES)


def moved_pages(pages: list[dict[str, Any]], delta: np.ndarray, with_page_type: bool = False) -> list[str]:
    """The pages `delta` moves, worst first: id, true type (and the type the classifier gave), site, change."""
    moved = sorted(((d, p) for d, p in zip(delta, pages) if abs(d) > 1e-9), key=lambda pair: pair[0])
    kind = (lambda p: f"{p['type'][:5]}/{p['page_type'][:5]}") if with_page_type else (lambda p: p["type"][:5])
    return [f"{p['id']} {kind(p)} {site_of(p['url'])} {d:+.3f}" for d, p in moved]


def report(pages: list[dict[str, Any]]) -> bool:
    """Print the table; whether the setting loses no fold of any grouping and no type."""
    off = np.array([word_f1(p["truth"], p["off"]) for p in pages])
    on = np.array([word_f1(p["truth"], p["on"]) for p in pages])
    types = np.array([p["type"] for p in pages])
    print(f"{'tune, word F1':28s} {'all':>7s} " + " ".join(f"{t[:7]:>7s}" for t in TYPES))
    for label, scores in (("thread_posts off (main)", off), ("thread_posts on (branch)", on)):
        print(f"{label:28s} {scores.mean():7.4f} " + " ".join(f"{scores[types == t].mean():7.4f}" if (types == t).any() else f"{'-':>7s}" for t in TYPES))
    delta = on - off
    typed_forum = np.array([p["page_type"] == "forum" for p in pages])
    if typed_forum.any():
        print(f"pages taken for forums: {typed_forum.sum()}, mean F1 off {off[typed_forum].mean():.4f} on {on[typed_forum].mean():.4f}")
    kept = folds_hold(pages, delta) and no_type_loses(delta, types)  # the folds printed always
    moved = moved_pages(pages, delta)
    print(f"{'KEEP' if kept else 'no'}: {len(moved)} pages move: " + ", ".join(moved))
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--refresh", action="store_true", help="rebuild the cache")
    parser.add_argument("--rerun-forums", action="store_true", help="answer the cached forum pages again (not saved)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.refresh or not args.cache.exists():
        pages = build(args.data_dir)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(pages))
    else:
        pages = pickle.loads(args.cache.read_bytes())
        if args.rerun_forums:
            rerun_forums(pages, args.data_dir)
    report(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
