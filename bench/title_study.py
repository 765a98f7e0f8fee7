"""Tenth-session study of the HTML title ranker's tune misses (docs/quality/title.md). Nothing here ships.

    python -m bench.title_study DATA_DIR

Reads every WCXB tune page with a title as `bench.train_title` reads it, then prints:
1. the out-of-fold misses of the shipped features (5-fold CV, `bench.train_title`'s folds, L2 100)
   sorted into buckets: which source the ranker took, which source was right, and whether one
   wording holds the other;
2. pages right out of fold on five fold splits (salts) for the shipped pairwise ranker and for
   each variant tried: a listwise (conditional logit) ranker on the same features; one more
   feature counting how often a candidate's exact wording is an element's whole text in the body
   ("shown", log count); the site's name read from the page's links to its home page where
   nothing else names the site ("home links").
The held-out part is not read.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from lxml import html as lxml_html
from scipy.optimize import minimize

from bench.fitting import LogisticModel, hash_bucket
from bench.train_title import CV_FOLDS, PageCandidates, PageRows, fit, read_page
from bench.wcxb import load_pages
from bot.digest.extract.html.title import Candidate, _key

log = logging.getLogger(__name__)

SALTS = ("title", "a", "b", "c", "d")  # "title" is bench.train_title's own split
Fitter = Callable[[list[PageRows], float], LogisticModel]
_NOT_SHOWN = {"title", "h1", "head", "meta", "noscript", "template"}
_HOME_WORDS = {"home", "homepage", "home page", "start"}


def home_link_names(tree: lxml_html.HtmlElement, url: str, most: int = 2) -> list[str]:
    """The text (or logo's alt text) of the page's first links to its site's home page: a site's name."""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    names: list[str] = []
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        parts = urlsplit(href)
        if not href.startswith("/") and not parts.netloc:
            continue
        if parts.path not in ("", "/", "/index.html", "/index.php") or parts.query or parts.fragment:
            continue
        if parts.netloc and host and parts.netloc.lower().removeprefix("www.") != host:
            continue
        text = " ".join(" ".join(link.itertext()).split())
        if not text:
            text = " ".join(img.get("alt", "") for img in link.iter("img")).strip() or (link.get("title") or link.get("aria-label") or "").strip()
        if text and len(text.split()) <= 4 and text.casefold() not in _HOME_WORDS:
            names.append(text)
        if len(names) >= most:
            break
    return names


def shown_counts(tree: lxml_html.HtmlElement) -> Counter[str]:
    """How many body elements (outside the `<h1>`s) have each wording as their whole text."""
    body = tree.find("body")
    counts: Counter[str] = Counter()
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN or any(a.tag == "h1" for a in element.iterancestors()):
            continue
        text = element.text_content()
        key = _key(text) if len(text) <= 300 else ""
        if len(key) >= 3:
            counts[key] += 1
    return counts


def study_pages(data_dir: Path, home_names: bool) -> tuple[list[PageCandidates], dict[str, Counter[str]]]:
    """`bench.train_title.page_candidates`' reading, optionally with home-link site names, and each page's shown counts."""
    found, shown = [], {}
    for page in load_pages(data_dir, "tune"):
        if not page.title:
            continue
        candidates, tree = read_page(page, home_link_names if home_names else None)
        found.append(candidates)
        shown[page.id] = shown_counts(tree)
    return found, shown


def fit_listwise(pages: list[PageRows], l2: float) -> LogisticModel:
    """Conditional logit: the right candidates' share of the page's softmax over its candidates, L2-penalised."""
    used = [page for page in pages if page.labels.any() and not page.labels.all()]
    stacked = np.vstack([page.rows for page in used])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale < 1e-9] = 1.0
    standardised = [((page.rows - mean) / scale, page.labels == 1) for page in used]

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        total, gradient = 0.5 * l2 * beta @ beta, l2 * beta
        for rows, right in standardised:
            scores = rows @ beta
            odds = np.exp(scores - scores.max())
            total += np.log(odds.sum()) - np.log((odds * right).sum())
            gradient = gradient + rows.T @ (odds / odds.sum() - odds * right / (odds * right).sum())
        return total, gradient

    beta = minimize(loss, np.zeros(stacked.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return LogisticModel(mean=mean, scale=scale, weights=beta, bias=0.0)


def out_of_fold_picks(pages: list[PageRows], fitter: Fitter, l2: float, salt: str) -> list[int]:
    folds = [hash_bucket(page.id, CV_FOLDS, salt=salt) for page in pages]
    picks = [0] * len(pages)
    for fold in range(CV_FOLDS):
        model = fitter([p for p, f in zip(pages, folds) if f != fold], l2)
        for index, (page, f) in enumerate(zip(pages, folds)):
            if f == fold and len(page.labels):
                picks[index] = int(np.argmax(model.logits(page.rows)))
    return picks


def right_on_salts(pages: list[PageRows], fitter: Fitter, l2: float) -> list[int]:
    return [sum(int(page.labels[k]) for page, k in zip(pages, out_of_fold_picks(pages, fitter, l2, salt)) if len(page.labels)) for salt in SALTS]


def _family(candidate: Candidate) -> str:
    sources = candidate.sources
    if sources & {"h1_first", "h1_other"}:
        return "<h1>"
    if sources & {"title", "og"}:
        return "whole <title>"
    if sources & {"title_head", "og_head"}:
        return "<title> head"
    if sources & {"title_tail", "og_tail", "title_part", "og_part"}:
        return "<title> tail/part"
    return "+".join(sorted(sources))


def miss_buckets(pages: list[PageCandidates]) -> Counter[str]:
    rows = [page.rows() for page in pages]
    buckets: Counter[str] = Counter()
    for page, pick in zip(pages, out_of_fold_picks(rows, fit, 100.0, "title")):
        if page.labels[pick]:
            continue
        if not page.labels.any():
            buckets["no candidate right"] += 1
            continue
        chosen, right = page.candidates[pick], page.candidates[int(np.argmax(page.labels))]
        chosen_key, right_key = _key(chosen.text), _key(right.text)
        relation = "the chosen holds the right one" if right_key in chosen_key else "the right one holds the chosen" if chosen_key in right_key else "other wording"
        buckets[f"took {_family(chosen)}, right {_family(right)}, {relation}"] += 1
    return buckets


def with_shown(pages: list[PageCandidates], shown: dict[str, Counter[str]]) -> list[PageRows]:
    found = []
    for page in pages:
        rows = page.rows()
        counts = np.log1p([shown[page.id][_key(c.text)] for c in page.candidates]).reshape(-1, 1)
        found.append(PageRows(rows.id, rows.type, np.hstack([rows.rows, counts]), rows.labels))
    return found


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    data_dir = Path((argv or sys.argv[1:])[0])
    pages, shown = study_pages(data_dir, home_names=False)
    print(f"{len(pages)} tune pages with a title; misses of the shipped features (5-fold CV, L2 100):")
    for bucket, count in miss_buckets(pages).most_common():
        print(f"  {count:4d}  {bucket}")
    home_pages, _ = study_pages(data_dir, home_names=True)
    variants: list[tuple[str, list[PageRows], Fitter, tuple[float, ...]]] = [
        ("shipped features, pairwise (shipped)", [p.rows() for p in pages], fit, (30.0, 100.0)),
        ("listwise ranker", [p.rows() for p in pages], fit_listwise, (10.0, 30.0, 60.0, 100.0)),
        ("+ shown (log count)", with_shown(pages, shown), fit, (30.0, 100.0)),
        ("home-link site names", [p.rows() for p in home_pages], fit, (30.0, 100.0)),
    ]
    print(f"pages right out of fold on the salts {', '.join(SALTS)}:")
    for name, rows, fitter, grid in variants:
        for l2 in grid:
            right = right_on_salts(rows, fitter, l2)
            print(f"  {name:40s} L2 {l2:5g}: {right} mean {np.mean(right):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
