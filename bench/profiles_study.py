"""Settings of one page type's profile, measured through the product on WCXB's tune part (issue 9
target 1; eleventh session); nothing here ships.

    python -m bench.profiles_study DATA_DIR [--cache PICKLE] [--type TYPE ...]

The page-type session's table (bench/page_type_study.py --margins, branch `pagetype`) found that the
best profile page by page would reach 0.9094 on tune against 0.8808: the room is in the profiles.
Here each candidate is a change of ONE setting (or a few) of one type's own profile
(profiles.PROFILES), applied to every page the shipped classifier gives that type, whatever its true
type. Every tune page with a truth is extracted once through the product's `extract_html`
(bench.choice_study.tune_items, as the pipeline passes it) and its predicted type, answer and word
F1 cached in PICKLE; a candidate for type T extracts again only the pages typed T (the answer
depends on the profile only through the predicted type). Printed per candidate: the mean F1 of all
tune pages, of each true type, and the sum of page deltas against the shipped profile in each fold
sha1(id) % 5 (bench.fitting.hash_bucket, no salt), with the pages that move most.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_items
from bench.fitting import hash_bucket
from bench.wcxb import TYPES, word_f1
from bot.settings import DigestSettings
from bot.digest.extract.html.profiles import PROFILES

_MENU_WORDS = frozenset("nav navbar navigation menu menubar megamenu submenu dropdown".split())
_NAV_WORDS = frozenset("nav navbar navigation menu".split())
_DROPDOWN_WORDS = frozenset("dropdown megamenu submenu".split())  # no word of region.py's chrome list


def _with_chrome(kind: str, words: frozenset[str]) -> dict[str, Any]:
    """Class or id words dropped from the tree trafilatura reads (region.drop_named, called by extract_html
    after the region is read), beside the type's own `more_chrome`; the region is unchanged."""
    return {"tree_chrome": words}

log = logging.getLogger(__name__)
FOLDS = 5

# Candidate settings per type: a name and the fields changed in the type's shipped profile.
CANDIDATES: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "documentation": [
        ("dropdowns chrome (region and tree)", {"more_chrome": PROFILES["documentation"].more_chrome | _DROPDOWN_WORDS}),
        ("menus dropped before trafilatura", _with_chrome("documentation", _MENU_WORDS)),
        ("nav words before trafilatura", _with_chrome("documentation", _NAV_WORDS)),

        ("region always (ratio 0)", {"region_over_words": 0.0}),
        ("ratio 1.0", {"region_over_words": 1.0}),
        ("ratio 1.2", {"region_over_words": 1.2}),
        ("min line 1", {"min_line_words": 1}),
        ("min line 2", {"min_line_words": 2}),
        ("keep cards", {"keep_cards": True}),
        ("listing profile", dataclasses.asdict(PROFILES["listing"])),
        ("ratio 1.0, min line 1", {"region_over_words": 1.0, "min_line_words": 1}),
    ],
    "service": [
        ("dropdowns chrome (region and tree)", {"more_chrome": PROFILES["service"].more_chrome | _DROPDOWN_WORDS}),
        ("menus dropped before trafilatura", _with_chrome("service", _MENU_WORDS)),

        ("nav words before trafilatura", _with_chrome("service", _NAV_WORDS)),
        ("link lines off", {"link_line_words": 0}),
        ("link lines <= 3", {"link_line_words": 3}),
        ("ratio 0.8", {"region_over_words": 0.8}),
        ("ratio 0 (region always)", {"region_over_words": 0.0}),
        ("repeats kept", {"repeat_min_words": None}),
        ("repeats >= 5", {"repeat_min_words": 5}),
        ("listing chrome", {"more_chrome": PROFILES["listing"].more_chrome}),
    ],
    "collection": [
        ("dropdowns chrome (region and tree)", {"more_chrome": PROFILES["collection"].more_chrome | _DROPDOWN_WORDS}),
        ("menus dropped before trafilatura", _with_chrome("collection", _MENU_WORDS)),

        ("nav words before trafilatura", _with_chrome("collection", _NAV_WORDS)),
        ("ratio 0 (region always)", {"region_over_words": 0.0}),
        ("ratio 1.0", {"region_over_words": 1.0}),
        ("ratio 0.8", {"region_over_words": 0.8}),
        ("link lines off", {"link_line_words": 0}),
        ("link lines <= 2", {"link_line_words": 2}),
        ("repeats kept", {"repeat_min_words": None}),
    ],
    "product": [
        ("dropdowns chrome (region and tree)", {"more_chrome": PROFILES["product"].more_chrome | _DROPDOWN_WORDS}),
        ("menus dropped before trafilatura", _with_chrome("product", _MENU_WORDS)),
        ("nav words before trafilatura", _with_chrome("product", _NAV_WORDS)),

        ("ratio 1.5", {"region_over_words": 1.5}),
        ("ratio 3.0", {"region_over_words": 3.0}),
        ("no region", {"region_over_words": None}),
        ("min line 1", {"min_line_words": 1}),
        ("link lines off", {"link_line_words": 0}),
        ("keep cards", {"keep_cards": True}),
        ("repeats kept", {"repeat_min_words": None}),
    ],
    "listing": [
        ("dropdowns chrome (region and tree)", {"more_chrome": PROFILES["listing"].more_chrome | _DROPDOWN_WORDS}),
        ("menus dropped before trafilatura", _with_chrome("listing", _MENU_WORDS)),

        ("ratio 0.5", {"region_over_words": 0.5}),
        ("ratio 1.0", {"region_over_words": 1.0}),
        ("link lines <= 3", {"link_line_words": 3}),
        ("repeats >= 5", {"repeat_min_words": 5}),
        ("min line 2", {"min_line_words": 2}),
    ],
    "forum": [
        ("dropdowns chrome (region and tree)", {"more_chrome": PROFILES["forum"].more_chrome | _DROPDOWN_WORDS}),
        ("menus dropped before trafilatura", _with_chrome("forum", _MENU_WORDS)),
        ("nav words before trafilatura", _with_chrome("forum", _NAV_WORDS)),

        ("ratio 1.5", {"region_over_words": 1.5}),
        ("ratio 3.0", {"region_over_words": 3.0}),
        ("min line 1", {"min_line_words": 1}),
        ("link lines off", {"link_line_words": 0}),
    ],
    "article": [],
}


def fold_of(page_id: str) -> int:
    return hash_bucket(page_id, FOLDS)


def _extract(html: str, url: str | None, max_elements: int) -> str:
    try:
        return html_extractor.extract_html(html, "page.html", url, max_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


def build_cache(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Every tune page with a truth: its true and predicted type, its HTML as passed, truth, answer and F1."""
    max_elements = DigestSettings().max_html_elements
    shipped = html_extractor.classify_page
    record: dict[str, str] = {}

    def recording(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        record["predicted"] = shipped(tree, url, json_ld)
        return record["predicted"]

    pages: dict[str, dict[str, Any]] = {}
    html_extractor.classify_page = recording
    try:
        for page_id, item, html in tune_items(data_dir):
            record.clear()
            answer = _extract(html, item.get("url") or None, max_elements)
            pages[page_id] = {
                "type": item["type"], "predicted": record.get("predicted"), "html": html, "url": item.get("url") or None,
                "truth": item["truth"], "answer": answer, "f1": word_f1(item["truth"], answer),
            }
    finally:
        html_extractor.classify_page = shipped
    return pages


def score_candidate(pages: dict[str, dict[str, Any]], kind: str, changes: dict[str, Any]) -> dict[str, float]:
    """Each page typed `kind` extracted again with its profile changed; the F1 of every page by id."""
    max_elements = DigestSettings().max_html_elements
    shipped, shipped_drop = PROFILES[kind], html_extractor.drop_named
    changes = dict(changes)
    tree_chrome = changes.pop("tree_chrome", frozenset())
    PROFILES[kind] = dataclasses.replace(shipped, **changes)
    if tree_chrome:  # words dropped from the tree trafilatura reads only (the region is read before)
        html_extractor.drop_named = lambda tree, names: shipped_drop(tree, names | tree_chrome)
    try:
        scores = {}
        for page_id, page in pages.items():
            if page["predicted"] == kind:
                scores[page_id] = word_f1(page["truth"], _extract(page["html"], page["url"], max_elements))
            else:
                scores[page_id] = page["f1"]
        return scores
    finally:
        PROFILES[kind], html_extractor.drop_named = shipped, shipped_drop


def report(pages: dict[str, dict[str, Any]], name: str, scores: dict[str, float], top: int = 6) -> str:
    by_type: dict[str, list[float]] = defaultdict(list)
    for page_id, page in pages.items():
        by_type[page["type"]].append(scores[page_id])
    folds = [0.0] * FOLDS
    deltas = []
    for page_id, page in pages.items():
        delta = scores[page_id] - page["f1"]
        folds[fold_of(page_id)] += delta
        if abs(delta) > 1e-9:
            deltas.append((delta, page_id, page["type"]))
    deltas.sort()
    mean_all = sum(scores.values()) / len(scores)
    types = " ".join(f"{kind[:4]} {sum(by_type[kind]) / len(by_type[kind]):.4f}" for kind in TYPES if by_type[kind])
    moved = f"{sum(d > 0 for d, _, _ in deltas)} up / {sum(d < 0 for d, _, _ in deltas)} down"
    worst = " ".join(f"{i}({t[:3]}){d:+.3f}" for d, i, t in deltas[:top])
    best = " ".join(f"{i}({t[:3]}){d:+.3f}" for d, i, t in deltas[::-1][:top])
    return (
        f"{name:<40} all {mean_all:.5f} | {types}\n    folds {' '.join(f'{f:+.3f}' for f in folds)} | {moved}\n"
        f"    up: {best}\n    down: {worst}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/profiles/cache.pkl"))
    parser.add_argument("--type", action="append", choices=TYPES, help="only these types' candidates")
    parser.add_argument("--match", help="only the candidates whose name holds this text")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = build_cache(args.data_dir)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(pages))
    base = {page_id: page["f1"] for page_id, page in pages.items()}
    print(report(pages, "shipped", base))
    for kind in args.type or TYPES:
        typed = sum(page["predicted"] == kind for page in pages.values())
        print(f"\n== {kind}: {typed} pages typed so ==")
        for name, changes in CANDIDATES[kind]:
            if args.match and args.match not in name:
                continue
            print(report(pages, f"{kind}: {name}", score_candidate(pages, kind, changes)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
