"""Train the paste headline chooser (`bot/digest/extract/paste/headline_model.json`) on WCXB's tune part.

    python -m bench.train_paste_title DATA_DIR [--out PATH] [--check]

Every WCXB tune paste (bench/splits.py: sha1(id) mod 100 < 70) whose page has a title and that the
cleaner does not take for clean text is scored by the shipped line models; the lines near the body's
start are the candidates (bot/digest/extract/paste/title.py), labelled right when the line as
`headline_text` prints it (less a site name or a breadcrumb) has the page's title's words in order
(bench.wcxb.title_matches, the benchmark's title match: case, punctuation and markup aside). Two
shapes are compared by 5-fold cross-validation over pages inside the tune part, summed over five fold
splits (SPLIT_SALTS), on the share of pages whose chosen headline is right: a pointwise logistic model
(L2 penalty from POINTWISE_L2) that may defer to the rule below a probability, and a pairwise ranker (a
right line's features less a wrong one's of the same page).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench.fitting import LogisticModel, fit_logistic, hash_bucket, run_trainer
from bench.pastes import WCXB, load_pages
from bench.train_title import fit as fit_pairwise  # a page's right line against each wrong one
from bench.wcxb import title_matches
from bot.digest.extract.paste.cleaner import as_clean_text
from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.scoring import Analysis, paste_lines, score_lines
from bot.digest.extract.paste.title import (
    HEADLINE_FEATURES, HEADLINE_MODEL_FORMAT, HEADLINE_MODEL_KIND, HEADLINE_MODEL_NAME, HeadlineModel, headline_rows, headline_text, pick_headline,
)
from bot.digest.model_files import model_envelope, package_model_path, sha256_of_files

log = logging.getLogger(__name__)

CV_FOLDS = 5
# The CV is run on five fold splits (salts) and summed: one split's figure moves by a few pages with the split.
SPLIT_SALTS = ("paste-title", "a", "b", "c", "d")
POINTWISE_MIN_PROBS = (0.05,)
POINTWISE_L2 = (1.0, 3.0, 10.0, 30.0)
PAIRWISE_L2 = (3.0, 10.0)


@dataclass
class PastePage:
    id: str
    title: str  # as WCXB gives it
    analysis: Analysis
    keep: list[bool]
    candidates: list[int]
    rows: np.ndarray
    labels: np.ndarray


def paste_pages(data_dir: Path) -> list[PastePage]:
    """Every tune paste with a title that reaches the headline chooser, with its candidates and labels."""
    model = load_model()
    lookback = model.decode.title_lookback
    found = []
    for page in load_pages(data_dir)["wcxb-tune"]:
        title = (page.get("title") or "").strip()
        lines = paste_lines(page["paste"])
        own = own_features(lines)
        if not title or not lines or as_clean_text(lines, own) is not None:
            continue
        analysis = score_lines(lines, own, model)
        keep = body_lines(analysis, model.decode)
        candidates, rows = headline_rows(analysis, keep, lookback)
        labels = np.array([float(title_matches(title, headline_text(analysis.lines[i].text))) for i in candidates])
        found.append(PastePage(str(page["id"]), title, analysis, keep, candidates, rows, labels))
    return found


def fit_pointwise(pages: list[PastePage], l2: float = 1.0) -> LogisticModel:
    rows = [p.rows for p in pages if p.candidates]
    return fit_logistic(np.vstack(rows), np.concatenate([p.labels for p in pages if p.candidates]), l2=l2)


def as_headline_model(model: LogisticModel, min_prob: float | None) -> HeadlineModel:
    data = model.to_json()
    return HeadlineModel(np.asarray(data["mean"]), np.asarray(data["scale"]), np.asarray(data["weights"]), float(data["bias"]), min_prob)


def right(headline: HeadlineModel, pages: list[PastePage]) -> list[bool]:
    """Per page: is the chosen headline, as `headline_text` prints it, the page's title?"""
    found = []
    for page in pages:
        index = pick_headline(page.analysis, page.keep, page.candidates, page.rows, headline)
        found.append(index is not None and title_matches(page.title, headline_text(page.analysis.lines[index].text)))
    return found


def cross_validate(pages: list[PastePage], fit: Any, min_prob: float | None) -> float:
    """Share of pages right, out of fold, over every fold split of SPLIT_SALTS."""
    hits: list[bool] = []
    for salt in SPLIT_SALTS:
        folds = [hash_bucket(page.id, CV_FOLDS, salt=salt) for page in pages]
        for fold in range(CV_FOLDS):
            headline = as_headline_model(fit([p for p, f in zip(pages, folds) if f != fold]), min_prob)
            hits += right(headline, [p for p, f in zip(pages, folds) if f == fold])
    return sum(hits) / len(hits)


def build(data_dir: Path) -> dict:
    pages = paste_pages(data_dir)
    oracle = sum(1 for page in pages if page.labels.any()) / len(pages)
    log.info("%d tune pastes with a title reach the chooser; some candidate is right on %.3f", len(pages), oracle)
    options: list[tuple[float, str, Any, float | None]] = []
    # The L2 penalty first (no deferral), then the deferral to the rule at the best penalty: a full grid is
    # too slow on the shared machine for the little it could add (the deferral has lost at every penalty tried).
    for l2 in POINTWISE_L2:
        fit = lambda chosen, l2=l2: fit_pointwise(chosen, l2)  # noqa: E731
        share = cross_validate(pages, fit, 0.0)
        log.info("pointwise, l2 %s: CV %.4f", l2, share)
        options.append((share, f"pointwise, l2 {l2}, rule below p 0.0", fit, 0.0))
    best_l2 = POINTWISE_L2[max(range(len(POINTWISE_L2)), key=lambda k: options[k][0])]
    for min_prob in POINTWISE_MIN_PROBS:
        fit = lambda chosen, l2=best_l2: fit_pointwise(chosen, l2)  # noqa: E731
        share = cross_validate(pages, fit, min_prob)
        log.info("pointwise, l2 %s, rule below p %.2f: CV %.4f", best_l2, min_prob, share)
        options.append((share, f"pointwise, l2 {best_l2}, rule below p {min_prob}", fit, min_prob))
    for l2 in PAIRWISE_L2:
        fit = lambda chosen, l2=l2: fit_pairwise(chosen, l2)  # noqa: E731
        share = cross_validate(pages, fit, None)
        log.info("pairwise, l2 %s: CV %.4f", l2, share)
        options.append((share, f"pairwise, l2 {l2}", fit, None))
    share, name, fit, min_prob = max(options, key=lambda option: option[0])
    model = fit(pages)
    in_sample = right(as_headline_model(model, min_prob), pages)
    log.info("chosen: %s (CV %.3f); in-sample %.3f", name, share, sum(in_sample) / len(in_sample))
    payload = {**model.to_json(), "min_prob": min_prob, "shape": name, "cv_right": round(share, 4)}
    return model_envelope(
        HEADLINE_MODEL_KIND,
        HEADLINE_MODEL_FORMAT,
        HEADLINE_FEATURES,
        f"WCXB dev article pastes, tune part (sha1(id) % 100 < 70), {len(pages)} pastes with a title",
        sha256_of_files([data_dir / "pastes" / WCXB]),
        payload,
    )


def main(argv: list[str] | None = None) -> int:
    default_out = package_model_path("bot.digest.extract.paste", HEADLINE_MODEL_NAME)
    return run_trainer(__doc__.splitlines()[0], default_out, build, argv)


if __name__ == "__main__":
    sys.exit(main())
