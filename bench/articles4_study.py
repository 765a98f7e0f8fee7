"""Thirteenth session, second round: article answers that end early, the FAQ blocks after the body put back; nothing here ships.

    python -m bench.articles4_study DATA_DIR [--cache PATH]

Replays `article.article_text` on the cache of `bench.articles_study` (every WCXB tune page with a truth read once
through the product's `extract_html`, the tree and trafilatura's answer recorded on the pages taken for articles)
with `article.FAQ_LEVELS` set to each value of a grid (None: off; 0: FAQ blocks inside the article's frame; k:
inside the frame's k-th ancestor) and `article.FAQ_SCHEMA_LEVELS` (the same on pages declaring a schema.org FAQPage). Prints per setting the article
pages' mean word F1, the sums of the article pages' changes per fold by id and by site (four salts, as
`bench.forums2_study` does), the other types' summed change; then a nested CV of the setting (chosen on four id
folds' article pages, scored on the fifth against the step off).
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np

import bot.digest.extract.html.article as article
from bench.articles_study import fold_of, load_pages, replayed, tune_urls
from bench.forums2_study import SITE_SALTS
from bench.wcxb import word_f1

DEFAULT_CACHE = Path("/tmp/articles3/cache.pkl")
LEVELS = (None, 0, 1, 2)
SCHEMA_LEVELS = (None, 1, 2, 3, 4, 99)

Setting = tuple[int | None, int | None]


def scores_of(pages: list[dict], setting: Setting) -> np.ndarray:
    """Every page's word F1 with the FAQ step set to `setting` (levels, levels on a page declaring a FAQPage)."""
    saved = article.FAQ_LEVELS, article.FAQ_SCHEMA_LEVELS
    article.FAQ_LEVELS, article.FAQ_SCHEMA_LEVELS = setting
    try:
        finals = replayed(pages, article.article_text)
    finally:
        article.FAQ_LEVELS, article.FAQ_SCHEMA_LEVELS = saved
    return np.array([word_f1(page["truth"], final) for page, final in zip(pages, finals)])


def faq_grid(pages: list[dict], urls: dict[str, str]) -> None:
    """The grid's rows and the nested CV of the setting."""
    grid: dict[Setting, np.ndarray] = {}
    off: Setting = (None, None)
    for setting in itertools.product(LEVELS, SCHEMA_LEVELS):
        if setting[1] is not None and setting[0] is not None and setting[1] <= setting[0]:
            continue  # the same as (setting[0], None)
        grid[setting] = scores_of(pages, setting)
    base = grid[off]
    articles = np.array([page["type"] == "article" for page in pages])
    types = np.array([page["type"] for page in pages])
    groupings = [("id", None)] + [(f"site {salt}", salt) for salt in SITE_SALTS]
    folds = {name: np.array([fold_of(page, urls, salt) for page in pages]) for name, salt in groupings}
    for setting, scores in grid.items():
        delta = scores - base
        moved = delta[np.abs(delta) > 1e-9]
        sums = {name: [float(delta[articles & (fold == k)].sum()) for k in range(5)] for name, fold in folds.items()}
        holds = all(min(values) > 1e-9 for values in sums.values())
        others = {t[:4]: round(float(delta[types == t].sum()), 4) for t in sorted(set(types)) if t != "article" and abs(delta[types == t].sum()) > 1e-9}
        print(f"levels {setting[0]!s:4s} FAQPage levels {setting[1]!s:4s} | article {scores[articles].mean():.5f} all {scores.mean():.5f} | "
              f"pages {moved.size} (+{int((moved > 0).sum())} -{int((moved < 0).sum())}) | every fold of every grouping up: {holds} | other types {others}")
        for name, values in sums.items():
            print(f"    article sums by {name:7s} " + " ".join(f"{value:+.4f}" for value in values))
        for index in np.flatnonzero(np.abs(delta) > 1e-9):
            print(f"      {pages[index]['id']} {pages[index]['type'][:4]} {delta[index]:+.4f}")
    id_folds = folds["id"]
    gains = []
    for k in range(5):
        inside, outside = articles & (id_folds != k), articles & (id_folds == k)
        chosen = max(grid, key=lambda setting: (float(grid[setting][inside].mean()), setting == off))
        gain = float(grid[chosen][outside].mean() - base[outside].mean())
        gains.append(gain)
        print(f"nested CV fold {k}: chosen levels {chosen[0]} FAQPage levels {chosen[1]}, article pages out of fold {gain:+.5f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    pages = load_pages(args.data_dir, args.cache)
    print(f"{len(pages)} pages, {sum(page.get('tree') is not None for page in pages)} taken for articles")
    faq_grid(pages, tune_urls(args.data_dir))


if __name__ == "__main__":
    main()
