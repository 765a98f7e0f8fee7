"""Where trafilatura's answer lies outside the region (twelfth session, issue 9 target 1); a study on WCXB's
tune part over bench.choice_study's cache.

    python -m bench.regions2_study DATA_DIR [--cache PICKLE] [--refresh-chrome]

The eleventh session's profiles study found the big per-page gains of another profile to be the
region-or-trafilatura choice flipping where trafilatura answers a menu or a banner (postman.com's mega
menu, glossier's shipping carousel) while the region, which drops navigation and chrome, holds the
page. A learned chooser over 29 features did not generalise; here one simple check is scored: the share
of trafilatura's words that are in lines the region also kept (`choice.share_inside`). Where the ratio
rule keeps trafilatura but little of its answer is inside the region, the region is taken; the same
where that answer also lies in the page's chrome elements (`chrome_text`); and where its lines outside
the region speak of cookies (`choice.consent_mentions_outside`: a consent dialog), which ships.

Printed per candidate (a threshold, per page type or for all choice types): the mean word F1 of every
tune page (the choice pages as the candidate says, the rest as the product answered), of each true type,
and the sum of page deltas against the shipped rule in each fold sha1(id) % 5 and in five folds grouped
by site for four salts, with the pages that move. Rule: keep a candidate only if no fold goes down and
no type loses.
"""

from __future__ import annotations

import argparse
import logging
import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import Study, build_cache, tune_items
from bench.fitting import hash_bucket
from bench.wcxb import TYPES
from bot.digest.extract.html import choice
from bot.digest.extract.html.choice import consent_mentions_outside, share_inside
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.region import _CHROME_WORDS, _is_chrome, drop_named

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/regions2/cache.pkl")
SITE_SALTS = ("a", "b", "c", "d")
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)
CHOICE_TYPES = ("documentation", "service", "product", "forum", "collection")


def chrome_text(tree: lxml_html.HtmlElement, more_chrome: frozenset[str] = frozenset()) -> str:
    """The text of the page's outermost chrome elements (as `strip_chrome` names them: navigation,
    header, footer, menus, hidden panels, class words of chrome and `more_chrome`), an element a
    line, its text pieces joined by spaces (a menu's items are not glued together). An element
    holding half the body's text or more is a page-wide wrapper (as in `drop_named`): read inside."""
    body = tree.find("body")
    if body is None:
        return ""
    half = len(body.text_content()) / 2
    chrome_words = _CHROME_WORDS | more_chrome
    texts: list[str] = []
    elements = body.iterdescendants()
    for element in elements:
        if not isinstance(element.tag, str) or not _is_chrome(element, chrome_words):
            continue
        text = " ".join(element.itertext())
        if len(text) >= half:
            continue
        texts.append(text)
        last = element  # its descendants are read with it: skipped
        while len(last):
            last = last[-1]
        if last is not element:
            for following in elements:
                if following is last:
                    break
    return "\n".join(texts)



def build(data_dir: Path) -> list[dict[str, Any]]:
    """bench.choice_study's cache, each choice page also with the text of the page's chrome elements
    (`chrome`: navigation, header, footer, menus, hidden panels, class words of chrome, as region.py
    names them, with the profile's own chrome words) at the time of the choice."""
    extras: list[str] = []
    shipped = choice.prefer_region

    def recording(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202 (prefer_region's own signature)
        extras.append(chrome_text(tree, profile.more_chrome))
        return shipped(page_type, profile, text, region, tree)

    choice.prefer_region = recording  # called by choice_study.build_cache's own recording, once per choice page
    try:
        pages = build_cache(data_dir)
    finally:
        choice.prefer_region = shipped
    choice_pages = [p for p in pages if "text" in p]
    assert len(choice_pages) == len(extras)
    for page, chrome in zip(choice_pages, extras):
        page["chrome"] = chrome
    return pages


def refresh_chrome(pages: list[dict[str, Any]], data_dir: Path) -> None:
    """Each choice page's `chrome` computed again from its HTML (parsed as extract_html parses it, the
    profile's `more_chrome` dropped as before the choice), with the current `chrome_text`: quicker
    than building the cache again when only `chrome_text` changed."""
    by_id = {p["id"]: p for p in pages if "text" in p}
    for page_id, _item, html in tune_items(data_dir):
        page = by_id.get(page_id)
        if page is None:
            continue
        tree = html_extractor._parse(html)
        drop_named(tree, PROFILES[page["page_type"]].more_chrome)
        page["chrome"] = chrome_text(tree, PROFILES[page["page_type"]].more_chrome)


def site(page: dict[str, Any]) -> str:
    host = urlparse(page.get("url") or "").netloc.lower()
    return host.removeprefix("www.") or page["id"]


def fold_sums(study: Study, delta: np.ndarray, salt: str | None) -> list[float]:
    """The sum of page deltas in each of five folds: sha1(id) % 5 (salt None), else grouped by site."""
    sums = [0.0] * 5
    for i, page in enumerate(study.choice):
        key = page["id"] if salt is None else site(page)
        sums[hash_bucket(key, 5, salt or "")] += delta[i]
    return sums


def report(study: Study, label: str, region: np.ndarray) -> bool:
    """Print one candidate; whether it moves no fold of any grouping down and loses no type."""
    chosen_f1 = np.where(region, study.fr, study.ft)
    shipped_f1 = np.where(study.rule, study.fr, study.ft)
    delta = chosen_f1 - shipped_f1
    by_type: dict[str, float] = defaultdict(float)
    for i, page in enumerate(study.choice):
        by_type[page["type"]] += delta[i]
    groupings = {"id": fold_sums(study, delta, None)} | {f"site {s}": fold_sums(study, delta, s) for s in SITE_SALTS}
    worst = min(min(v) for v in groupings.values())
    kept = worst >= -1e-9 and min(by_type.values(), default=0.0) >= -1e-9 and delta.sum() > 0
    print(f"{label:52s} {study.line('', region)[44:]}")
    print(f"{'':52s} sum {delta.sum():+.3f}; types " + " ".join(f"{t[:4]} {v:+.3f}" for t, v in sorted(by_type.items()) if abs(v) > 1e-9))
    for name, sums in groupings.items():
        print(f"{'':52s} folds by {name:7s} " + " ".join(f"{s:+.3f}" for s in sums))
    moved = [(delta[i], p) for i, p in enumerate(study.choice) if abs(delta[i]) > 1e-9]
    moved.sort(key=lambda item: item[0])
    print(f"{'':52s} {'KEEP' if kept else 'no'}: pages " + ", ".join(f"{p['id']} {p['type'][:4]} {site(p)} {d:+.2f}" for d, p in moved))
    return kept


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--refresh-chrome", action="store_true", help="compute the pages' chrome text again (after changing region.chrome_text)")
    args = parser.parse_args(argv)
    if not args.cache.exists():
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(build(args.data_dir)))
    pages = pickle.loads(args.cache.read_bytes())
    if args.refresh_chrome:
        refresh_chrome(pages, args.data_dir)
        args.cache.write_bytes(pickle.dumps(pages))
    study = Study(pages)
    inside = np.array([share_inside(p["text"], p["region"]) for p in study.choice])
    types = np.array([p["page_type"] for p in study.choice])
    print(f"{'tune, word F1':52s} all    " + " ".join(k[:6] for k in TYPES) + " | folds 0-4")
    print(study.line("shipped rule", study.rule))
    print(study.line("oracle", study.fr > study.ft))
    for kinds in [CHOICE_TYPES] + [(t,) for t in CHOICE_TYPES]:
        where = np.isin(types, kinds)
        for threshold in THRESHOLDS:
            region = study.rule | (where & (inside < threshold))
            report(study, f"inside < {threshold} -> region ({'all' if len(kinds) > 1 else kinds[0]})", region)
    # the same where trafilatura's answer also lies in the page's chrome elements (a menu, a banner)
    in_chrome = np.array([share_inside(p["text"], p["chrome"]) for p in study.choice])
    for threshold in THRESHOLDS[:3]:
        for least in (0.5, 0.8):
            region = study.rule | ((inside < threshold) & (in_chrome >= least))
            report(study, f"inside < {threshold}, in chrome >= {least} -> region", region)
    # trafilatura answering a cookie-consent dialog: mentions of cookies in its lines outside the region
    consent = np.array([consent_mentions_outside(p["text"], p["region"]) for p in study.choice])
    for least in range(1, 9):
        report(study, f"cookies outside the region >= {least} -> region", study.rule | (consent >= least))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
