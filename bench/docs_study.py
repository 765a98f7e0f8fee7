"""A study of the documentation profile on WCXB's tune part (ninth session, second round); nothing here ships.

    python -m bench.docs_study DATA_DIR [--cache PATH]

Every tune page with a truth (sha1(id) % 100 < 70) that is documentation by its label or that the
classifier takes for documentation is read through the product's own `extract_html` (as the
pipeline passes it) under the shipped documentation profile and under each variant below
(`PROFILES["documentation"]` swapped for the run), beside trafilatura's defaults. Only pages
taken for documentation can change, so the change on all tune pages is the sum of these pages'
changes over the tune part's page count. Printed: WCXB word F1 on true documentation pages, on
pages taken for documentation, the change on all tune pages, per fold sha1(id) % 5, then the
pages where a variant changes the answer or the shipped answer is 0.01 off trafilatura's.
"""

from __future__ import annotations

import argparse
import pickle
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import trafilatura

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_items
from bench.fitting import hash_bucket
from bench.wcxb import word_f1
from bot.digest.extract.html.page_type import classify_page
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.profiles import PROFILES, PageProfile
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks
from bot.settings import DigestSettings

DEFAULT_CACHE = Path("/tmp/docs_study/pages.pkl")
_TOC = frozenset("toc sidebar table-of-contents on-this-page".split())
_FEEDBACK = frozenset("feedback helpful was-this-helpful page-feedback rating".split())
_IMPLEMENTATIONS = frozenset("implementors-toggle implementors-list trait-implementations-list synthetic-implementations-list blanket-implementations-list".split())
_FOOTER = frozenset("feedback edit-this-page edit-page page-edit pagination prev next breadcrumb breadcrumbs".split())


def variants() -> dict[str, PageProfile]:
    shipped = PROFILES["documentation"]
    return {
        "shipped": shipped,
        "toc and sidebar out (half guard)": replace(shipped, more_chrome=_TOC),
        "sidebar out": replace(shipped, more_chrome=frozenset({"sidebar"})),
        "toc out": replace(shipped, more_chrome=frozenset({"toc"})),
        "on-this-page / table-of-contents out": replace(shipped, more_chrome=frozenset({"on-this-page", "table-of-contents"})),
        "footer chrome out": replace(shipped, more_chrome=_FOOTER),
        "feedback / helpful out": replace(shipped, more_chrome=_FEEDBACK),
        "rustdoc implementations out": replace(shipped, more_chrome=_IMPLEMENTATIONS),
        "region at 1.2x": replace(shipped, region_over_words=1.2),
        "region at 2x": replace(shipped, region_over_words=2.0),
        "lines of >= 2 words": replace(shipped, min_line_words=2),
        "lines of >= 4 words": replace(shipped, min_line_words=4),
    }


def load(data_dir: Path, cache: Path) -> list[dict[str, Any]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = []
    tune_count = 0
    for page_id, item, html in tune_items(data_dir):
        tune_count += 1
        try:
            tree = html_extractor._parse(html)  # as extract_html has it when it classifies the page
            drop_permalinks(tree)
            code_in_preformatted(tree)
            predicted = classify_page(tree, item.get("url") or None, list(json_ld_documents(tree)))
        except Exception:  # noqa: BLE001
            predicted = "?"
        if item["type"] != "documentation" and predicted != "documentation":
            continue
        reference = trafilatura.extract(item["html"], url=item.get("url") or None) or ""
        pages.append({"id": page_id, "url": item.get("url"), "type": item["type"], "predicted": predicted, "truth": item["truth"], "html": html,
                      "trafilatura": word_f1(item["truth"], reference)})
    for page in pages:
        page["tune_count"] = tune_count
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


def run(pages: list[dict[str, Any]], profile: PageProfile) -> list[float]:
    shipped = PROFILES["documentation"]
    PROFILES["documentation"] = profile
    settings = DigestSettings()
    try:
        scores = []
        for page in pages:
            try:
                text = html_extractor.extract_html(page["html"], "page.html", page["url"] or None, settings.max_html_elements).text
            except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
                text = ""
            scores.append(word_f1(page["truth"], text))
        return scores
    finally:
        PROFILES["documentation"] = shipped


def summary(pages: list[dict[str, Any]], scores: list[float], base: list[float]) -> str:
    true_docs = [s for p, s in zip(pages, scores) if p["type"] == "documentation"]
    taken = [s for p, s in zip(pages, scores) if p["predicted"] == "documentation"]
    change = sum(s - b for s, b in zip(scores, base)) / pages[0]["tune_count"]
    folds: dict[int, list[float]] = defaultdict(list)
    for page, s in zip(pages, scores):
        if page["type"] == "documentation":
            folds[hash_bucket(page["id"], 5)].append(s)
    by_type: dict[str, float] = defaultdict(float)
    for page, s, b in zip(pages, scores, base):
        by_type[page["type"]] += s - b
    others = " ".join(f"{k} {v:+.3f}" for k, v in sorted(by_type.items()) if k != "documentation" and abs(v) > 1e-9)
    return (f"docs ({len(true_docs)}) {np.mean(true_docs):.4f} | taken ({len(taken)}) {np.mean(taken):.4f} | all {change:+.5f} | folds "
            + " ".join(f"{np.mean(folds[i]):.4f}" for i in range(5)) + f" | other types' summed change: {others or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    pages = load(args.data_dir, args.cache)
    traf = [p["trafilatura"] for p in pages]
    results = {name: run(pages, profile) for name, profile in variants().items()}
    base = results["shipped"]
    print(f"{'trafilatura defaults':34s} {summary(pages, traf, base)}")
    for name, scores in results.items():
        print(f"{name:34s} {summary(pages, scores, base)}")
    print("\nper page (true or taken documentation): id type/predicted trafilatura | " + " | ".join(results))
    for i, page in enumerate(pages):
        if max(results[n][i] for n in results) - min(results[n][i] for n in results) < 0.002 and abs(page["trafilatura"] - base[i]) < 0.01:
            continue  # every variant alike and near trafilatura
        print(f"{page['id']:>6} {page['type'][:5]}/{page['predicted'][:5]} {page['trafilatura']:.3f} | "
              + " ".join(f"{results[n][i]:.3f}" for n in results) + f" {page['url']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
