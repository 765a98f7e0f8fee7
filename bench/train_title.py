"""Train the HTML title ranker (`bot/digest/extract/html/title_model.json`) on WCXB's tune part.

    python -m bench.train_title DATA_DIR [--out PATH] [--check]

Every WCXB tune page (bench/splits.py: sha1(id) mod 100 < 70) whose record has a title is read
the way the command line reads it (scripts pruned, parsed, permalinks dropped); each of its title
candidates (bot/digest/extract/html/title.py) is labelled right when it matches the record's
title (bench.wcxb.title_matches: the same words in the same order, case, punctuation and symbols aside). A logistic model
(`fit_logistic`) scores candidates; the page's title is its best-scored candidate. The page type comes from the same classifier the
command line uses (bot/digest/extract/html/page_type.py), read as the file is read (no address). The L2
strength is chosen by 5-fold cross-validation over pages inside the tune part, on the share of
pages whose chosen title is right; the held-out part is left to `bench.wcxb`.
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lxml import html as lxml_html

from bench.fitting import LogisticModel, fit_logistic, hash_bucket, run_trainer
from bench.wcxb import DATA_FILE, Page, load_pages, title_matches
from bot.digest.extract.html import metadata
from bot.digest.extract.html.page_type import classify_page
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks, drop_scripts_and_styles
from bot.digest.extract.html.title import FEATURES, Candidate, MODEL_FORMAT, MODEL_KIND, MODEL_NAME, candidate_features
from bot.digest.extract.html_extractor import _parse
from bot.digest.model_files import model_envelope, package_model_path, sha256_of_files

log = logging.getLogger(__name__)

CV_FOLDS = 5
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)


@dataclass
class PageRows:
    id: str
    type: str
    rows: np.ndarray
    labels: np.ndarray


@dataclass
class PageCandidates:
    """What the ranker sees of one page, before features: kept apart so features can be recomputed."""

    id: str
    type: str
    candidates: list[Candidate]
    html_title: str
    site_names: list[str]
    headline_first: bool
    url: str
    labels: np.ndarray

    def rows(self) -> PageRows:
        features = candidate_features(self.candidates, self.html_title, self.site_names, self.headline_first, self.url)
        return PageRows(self.id, self.type, features, self.labels)


# More site names for a page that names none itself (a study's variant; bench/title_study.py).
SiteNamesFallback = Callable[[lxml_html.HtmlElement, str], list[str]]


def read_page(page: Page, fallback_site_names: SiteNamesFallback | None = None) -> tuple[PageCandidates, lxml_html.HtmlElement]:
    """One page's title candidates, read as the command line reads the page, and its parsed tree."""
    tree = _parse(drop_scripts_and_styles(page.html))
    drop_permalinks(tree)
    code_in_preformatted(tree)
    headline_first = PROFILES[classify_page(tree, None)].headline_first
    objects = list(metadata._json_ld_objects(tree))
    meta = metadata.MetaTags(tree)
    url = meta.first("og:url") or next(iter(tree.xpath("//link[@rel='canonical']/@href")), "")
    site_names = metadata._site_names(meta, objects, url)
    if fallback_site_names is not None and not site_names:
        site_names = fallback_site_names(tree, url)
    candidates, html_title = metadata.title_candidates(tree, objects, site_names, headline_first, meta)
    labels = np.array([1.0 if title_matches(page.title, c.text) else 0.0 for c in candidates])
    return PageCandidates(page.id, page.type, candidates, html_title, site_names, headline_first, url, labels), tree


def page_candidates(data_dir: Path) -> list[PageCandidates]:
    """The title candidates of every tune page that has a title, read as the command line reads the page."""
    return [read_page(page)[0] for page in load_pages(data_dir, "tune") if page.title]


def page_rows(data_dir: Path) -> list[PageRows]:
    """Candidate features and labels of every tune page that has a title."""
    return [page.rows() for page in page_candidates(data_dir)]


def fit(pages: list[PageRows], l2: float) -> LogisticModel:
    """Pairwise: a right candidate's features less a wrong one's of the same page (and the mirror
    image) against 1 (0), so the model learns which of a page's candidates to prefer. Each page
    weighs the same, however many pairs it offers."""
    differences, labels, weights = [], [], []
    for page in pages:
        right, wrong = page.rows[page.labels == 1], page.rows[page.labels == 0]
        if not len(right) or not len(wrong):
            continue
        pairs = (right[:, None, :] - wrong[None, :, :]).reshape(-1, page.rows.shape[1])
        differences += [pairs, -pairs]
        labels += [np.ones(len(pairs)), np.zeros(len(pairs))]
        weights.append(np.full(2 * len(pairs), 1.0 / len(pairs)))
    return fit_logistic(np.vstack(differences), np.concatenate(labels), np.concatenate(weights), l2=l2, iterations=50)


def right_by_type(model: LogisticModel, pages: list[PageRows]) -> dict[str, list[bool]]:
    right: dict[str, list[bool]] = defaultdict(list)
    for page in pages:
        ok = bool(len(page.labels)) and bool(page.labels[int(np.argmax(model.logits(page.rows)))])
        right[page.type].append(ok)
        right["all"].append(ok)
    return right


def cross_validate(pages: list[PageRows], l2: float) -> dict[str, list[bool]]:
    right: dict[str, list[bool]] = defaultdict(list)
    folds = [hash_bucket(page.id, CV_FOLDS, salt="title") for page in pages]
    for fold in range(CV_FOLDS):
        model = fit([p for p, f in zip(pages, folds) if f != fold], l2)
        for kind, values in right_by_type(model, [p for p, f in zip(pages, folds) if f == fold]).items():
            right[kind] += values
    return right


def _summary(right: dict[str, list[bool]]) -> str:
    return " ".join(f"{kind} {sum(v) / len(v):.3f} ({len(v)})" for kind, v in sorted(right.items()))


def build(data_dir: Path) -> dict:
    pages = page_rows(data_dir)
    oracle = sum(1 for page in pages if page.labels.any()) / len(pages)
    log.info("%d tune pages with a title; some candidate is right on %.3f", len(pages), oracle)
    best = None
    for l2 in L2_GRID:
        right = cross_validate(pages, l2)
        share = sum(right["all"]) / len(right["all"])
        log.info("l2 %-5s CV: %s", l2, _summary(right))
        if best is None or share > best[0] + 1e-9:
            best = (share, l2)
    model = fit(pages, best[1])
    log.info("chosen l2 %s (CV %.3f); in-sample: %s", best[1], best[0], _summary(right_by_type(model, pages)))
    payload = {**model.to_json(), "l2": best[1], "cv_right": round(best[0], 4)}
    return model_envelope(
        MODEL_KIND,
        MODEL_FORMAT,
        FEATURES,
        f"WCXB dev tune part (sha1(id) % 100 < 70), {len(pages)} pages with a title",
        sha256_of_files([data_dir / DATA_FILE]),
        payload,
    )


def main(argv: list[str] | None = None) -> int:
    default_out = package_model_path("bot.digest.extract.html", MODEL_NAME)
    return run_trainer(__doc__.splitlines()[0], default_out, build, argv)


if __name__ == "__main__":
    sys.exit(main())
