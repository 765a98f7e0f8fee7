"""A study of article pages' answers on WCXB's tune part (eleventh and twelfth sessions); nothing here ships.

    python -m bench.articles_study DATA_DIR [--cache PATH] [--study paragraphs|headings]

`paragraphs` (eleventh session): the body's missing `<p>`, a word threshold. `headings` (twelfth session):
the frame's subheadings that head an answer line, and the body's link-only list items whose links leave the
site, each on or off, a grid and its nested CV.

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) is read once through the product's
own `extract_html` (`bench.choice_study.tune_pages_recorded`), with `article_text` wrapped to record the
tree and trafilatura's answer it is given on the pages taken for articles. The cache is a pickle
(default /tmp/articles/cache.pkl), built once; rebuild it after any change upstream of `article_text`.
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_pages_recorded
from bench.fitting import hash_bucket
from bench.wcxb import word_f1

DEFAULT_CACHE = Path("/tmp/articles/cache.pkl")
GRID = (10, 15, 20, 25, 30, 40)  # MIN_MISSING_PARAGRAPH_WORDS


def build_cache(data_dir: Path) -> list[dict[str, Any]]:
    record: dict[str, Any] = {}
    shipped = html_extractor.article_text

    def recording(tree: lxml_html.HtmlElement, text: str) -> str:
        answer = shipped(tree, text)
        record.update(tree=lxml_html.tostring(tree, encoding="unicode"), raw=text, art=answer)
        return answer

    html_extractor.article_text = recording
    try:
        return tune_pages_recorded(data_dir, record)
    finally:
        html_extractor.article_text = shipped


def load_pages(data_dir: Path, cache: Path = DEFAULT_CACHE) -> list[dict[str, Any]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = build_cache(data_dir)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


def _substitute(page: dict[str, Any], answer: str) -> str:
    """The product's final answer with `article_text`'s recorded answer replaced by `answer`
    (`extract_html` may drop a first line that repeats the title after the step)."""
    final = page["final"]
    if answer == page["art"]:
        return final
    if page["art"] in final:
        return final.replace(page["art"], answer)
    first, _, rest = page["art"].partition("\n\n")
    new_first, _, new_rest = answer.partition("\n\n")
    if rest and rest in final and new_first == first:
        return final.replace(rest, new_rest)
    return answer


def replayed(pages: list[dict[str, Any]], step: Callable[[lxml_html.HtmlElement, str], str]) -> list[str]:
    """Every page's final answer with `step` in place of `article_text` on the pages taken for articles."""
    return [
        _substitute(page, step(lxml_html.fromstring(page["tree"]), page["raw"])) if page.get("tree") is not None else page["final"]
        for page in pages
    ]


def row(pages: list[dict[str, Any]], finals: list[str], label: str) -> list[float]:
    """Print WCXB's word F1 of `finals`: all pages, articles, per fold, per true type, pages changed."""
    scores = [word_f1(page["truth"], final) for page, final in zip(pages, finals)]
    folds = [hash_bucket(page["id"], 5) for page in pages]
    by_type: dict[str, list[float]] = {}
    for page, score in zip(pages, scores):
        by_type.setdefault(page["type"], []).append(score)
    changed = [score - word_f1(page["truth"], page["final"]) for page, final, score in zip(pages, finals, scores) if final != page["final"]]
    art_folds = " ".join(
        f"{np.mean([s for s, f, p in zip(scores, folds, pages) if f == k and p['type'] == 'article']):.5f}" for k in range(5)
    )
    types = " ".join(f"{name[:4]} {np.mean(values):.4f}" for name, values in sorted(by_type.items()))
    print(
        f"{label:40s} all {np.mean(scores):.5f} article {np.mean(by_type['article']):.5f} | article folds {art_folds} | "
        f"changed {len(changed)} (+{sum(d > 1e-9 for d in changed)} -{sum(d < -1e-9 for d in changed)}) | {types}"
    )
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--study", choices=("paragraphs", "headings"), default="headings")
    args = parser.parse_args()
    pages = load_pages(args.data_dir, args.cache)
    print(f"{len(pages)} pages, {sum(page.get('tree') is not None for page in pages)} taken for articles")
    row(pages, [page["final"] for page in pages], "recorded (the product)")
    row(pages, replayed(pages, article.article_text), "replayed article_text")
    if args.study == "paragraphs":
        missing_paragraphs(pages)
    else:
        headings_and_outbound_items(pages)


def missing_paragraphs(pages: list[dict[str, Any]]) -> None:
    """The body's missing `<p>` put back (`MIN_MISSING_PARAGRAPH_WORDS`), a grid and its nested CV:
    chosen on four folds (mean word F1 of the article pages), scored on the fifth."""
    saved = article.MIN_MISSING_PARAGRAPH_WORDS
    grid: dict[int, list[float]] = {}
    try:
        article.MIN_MISSING_PARAGRAPH_WORDS = 10**9
        base = row(pages, replayed(pages, article.article_text), "no missing paragraph put back")
        for words in GRID:
            article.MIN_MISSING_PARAGRAPH_WORDS = words
            grid[words] = row(pages, replayed(pages, article.article_text), f"missing <p> of >= {words} words")
    finally:
        article.MIN_MISSING_PARAGRAPH_WORDS = saved
    folds = np.array([hash_bucket(page["id"], 5) for page in pages])
    articles = np.array([page["type"] == "article" for page in pages])
    gains = []
    for k in range(5):
        inside, outside = articles & (folds != k), articles & (folds == k)
        chosen = max(grid, key=lambda words: float(np.mean(np.array(grid[words])[inside])))
        gain = float(np.mean(np.array(grid[chosen])[outside]) - np.mean(np.array(base)[outside]))
        gains.append(gain)
        print(f"nested CV fold {k}: chosen {chosen} words, article pages out of fold {gain:+.5f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


# The twelfth session's switches (article.py's module settings) and the variants compared.
_SWITCHES = ("RESTORE_SECTION_HEADINGS", "SECTION_HEADINGS_LINKED", "SECTION_HEADINGS_CHAIN", "RESTORE_OUTBOUND_ITEMS", "OUTBOUND_WAIT")
_HEADING_VARIANTS = {
    "no headings": {"RESTORE_SECTION_HEADINGS": False},
    "headings, plain": {"RESTORE_SECTION_HEADINGS": True, "SECTION_HEADINGS_LINKED": False, "SECTION_HEADINGS_CHAIN": True},
    "headings, linked too": {"RESTORE_SECTION_HEADINGS": True, "SECTION_HEADINGS_LINKED": True, "SECTION_HEADINGS_CHAIN": False},
    "headings, linked, chains": {"RESTORE_SECTION_HEADINGS": True, "SECTION_HEADINGS_LINKED": True, "SECTION_HEADINGS_CHAIN": True},
}
_ITEM_VARIANTS = {
    "no outbound items": {"RESTORE_OUTBOUND_ITEMS": False},
    "outbound items anywhere": {"RESTORE_OUTBOUND_ITEMS": True, "OUTBOUND_WAIT": False},
    "outbound items, a paragraph after": {"RESTORE_OUTBOUND_ITEMS": True, "OUTBOUND_WAIT": True},
}


def headings_and_outbound_items(pages: list[dict[str, Any]]) -> None:
    """Every combination of the twelfth session's two steps, and a nested CV of the combination: chosen on
    four folds (mean word F1 of the article pages), scored on the fifth against both steps off."""
    saved = {name: getattr(article, name) for name in _SWITCHES}
    grid: dict[str, list[float]] = {}
    try:
        for heading_name, heading_setting in _HEADING_VARIANTS.items():
            for item_name, item_setting in _ITEM_VARIANTS.items():
                for name, value in {**heading_setting, **item_setting}.items():
                    setattr(article, name, value)
                label = f"{heading_name}; {item_name}"
                grid[label] = row(pages, replayed(pages, article.article_text), label)
    finally:
        for name, value in saved.items():
            setattr(article, name, value)
    base = grid["no headings; no outbound items"]
    folds = np.array([hash_bucket(page["id"], 5) for page in pages])
    articles = np.array([page["type"] == "article" for page in pages])
    gains = []
    for k in range(5):
        inside, outside = articles & (folds != k), articles & (folds == k)
        chosen = max(grid, key=lambda label: float(np.mean(np.array(grid[label])[inside])))
        gain = float(np.mean(np.array(grid[chosen])[outside]) - np.mean(np.array(base)[outside]))
        gains.append(gain)
        print(f"nested CV fold {k}: chosen '{chosen}', article pages out of fold {gain:+.5f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


if __name__ == "__main__":
    main()
