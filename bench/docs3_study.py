"""Documentation pages against trafilatura's defaults, page by page (thirteenth session; issue 9 target 1).

    python -m bench.docs3_study DATA_DIR [--cache PICKLE] [--refresh] [--rerun] [--pages]

Every WCXB tune page with a truth (sha1(id) % 100 < 70) that is documentation by its label or that the
classifier takes for documentation goes through the product's `extract_html` as the pipeline passes it
(the only pages a change to the documentation profile or to docs_page.py can move). Cached per page: the
product's answer, which branch answered (`region`: the profile's region won the ratio; `trafilatura`:
trafilatura's answer as the product reads it; `no region`: a page typed otherwise), the region's text,
and trafilatura's defaults (`trafilatura.extract`) in the same run. `--pages` prints every page's F1
under both and the branch. `--rerun` answers the cached pages again with the code as it is now and
prints the change: documentation's mean, each type's summed change, the fold sums by id and by site
(bench.forums2_study.folds_hold), KEEP when no fold of any grouping and no type goes down.
Build the cache on main's code (`--refresh` on a checkout of main), then `--rerun` on the branch.
"""

from __future__ import annotations

import argparse
import logging
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import trafilatura

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_items
from bench.forums2_study import folds_hold, moved_pages, no_type_loses
from bench.wcxb import TYPES, word_f1
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/docs3/pages.pkl")


def _answer(html: str, url: str | None, max_elements: int, seen: dict[str, Any]) -> str:
    try:
        return html_extractor.extract_html(html, "page.html", url, max_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        seen["error"] = True
        return ""


def build(data_dir: Path, with_reference: bool = True) -> list[dict[str, Any]]:
    """Each tune page that is documentation by label or by the classifier: the product's answer and its branch."""
    max_elements = DigestSettings().max_html_elements
    shipped_classify, shipped_prefer = html_extractor.classify_page, html_extractor.prefer_region
    seen: dict[str, Any] = {}

    def classifying(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        seen["type"] = shipped_classify(tree, url, json_ld)
        return seen["type"]

    def preferring(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202 (prefer_region's own signature)
        seen["region_won"] = shipped_prefer(page_type, profile, text, region, tree)
        seen["trafilatura_text"], seen["region"] = text, region
        return seen["region_won"]

    html_extractor.classify_page, html_extractor.prefer_region = classifying, preferring
    pages = []
    try:
        for page_id, item, html in tune_items(data_dir):
            seen.clear()
            url = item.get("url") or None
            answer = _answer(html, url, max_elements, seen)
            if item["type"] != "documentation" and seen.get("type") != "documentation":
                continue
            branch = "region" if seen.get("region_won") else ("trafilatura" if "region_won" in seen else "no region")
            reference = trafilatura.extract(item["html"], url=url) or "" if with_reference else ""
            pages.append({"id": page_id, "type": item["type"], "url": url or "", "truth": item["truth"], "page_type": seen.get("type", ""),
                          "html": html, "answer": answer, "branch": branch, "region": seen.get("region", ""),
                          "trafilatura_text": seen.get("trafilatura_text", ""), "reference": reference})
    finally:
        html_extractor.classify_page, html_extractor.prefer_region = shipped_classify, shipped_prefer
    return pages


def rerun(pages: list[dict[str, Any]]) -> list[str]:
    """The product's answer for each cached page with the code as it is now."""
    max_elements = DigestSettings().max_html_elements
    return [_answer(p["html"], p["url"] or None, max_elements, {}) for p in pages]


def report(pages: list[dict[str, Any]], answers: list[str] | None, show_pages: bool) -> bool:
    """Print documentation's means, and with `answers` the change against the cache; whether it holds."""
    base = np.array([word_f1(p["truth"], p["answer"]) for p in pages])
    ref = np.array([word_f1(p["truth"], p["reference"]) for p in pages])
    docs = np.array([p["type"] == "documentation" for p in pages])
    taken = np.array([p["page_type"] == "documentation" for p in pages])
    print(f"documentation by label ({docs.sum()}): product {base[docs].mean():.4f}, trafilatura defaults {ref[docs].mean():.4f}; "
          f"taken for documentation ({taken.sum()}): {base[taken].mean():.4f} vs {ref[taken].mean():.4f}")
    if show_pages:
        for p, b, r in sorted(zip(pages, base, ref), key=lambda t: t[1] - t[2]):
            print(f"{p['id']:>6} {p['type'][:5]:5s}/{p['page_type'][:5]:5s} {p['branch']:11s} ours {b:.3f} traf {r:.3f} {b - r:+.3f} {p['url'][:90]}")
    if answers is None:
        return True
    now = np.array([word_f1(p["truth"], a) for p, a in zip(pages, answers)])
    delta = now - base
    print(f"with the code as it is: documentation {now[docs].mean():.4f} (was {base[docs].mean():.4f}); taken {now[taken].mean():.4f}")
    types = np.array([p["type"] for p in pages])
    for t in TYPES:
        if (types == t).any() and abs(delta[types == t].sum()) > 1e-9:
            print(f"  {t}: summed change {delta[types == t].sum():+.4f} over {(types == t).sum()} pages")
    holds = folds_hold(pages, delta, "  ") and no_type_loses(delta, types)
    moved = moved_pages(pages, delta)
    print(f"{'KEEP' if holds else 'no'}: {len(moved)} pages move: " + ", ".join(moved))
    return holds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--refresh", action="store_true", help="rebuild the cache (the product's answers as they are now)")
    parser.add_argument("--rerun", action="store_true", help="answer the cached pages again with the code as it is and compare")
    parser.add_argument("--pages", action="store_true", help="print every page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.refresh or not args.cache.exists():
        pages = build(args.data_dir)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(pages))
    else:
        pages = pickle.loads(args.cache.read_bytes())
    report(pages, rerun(pages) if args.rerun else None, args.pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
