"""Fit the paste cleaner's line classifier and decoding settings on WCXB-tune only.

    python -m bench.train_paste_cleaner /work/shared/data [--out bot/digest/extract/paste_cleaner_model.json]

Line labels come from the ground truth: a line of four or more words is
"article" when at least half of its 4-word shingles occur in the page's truth;
a shorter line is "article" when its words occur together in the truth and a
long neighbour within two lines is article. Stage 1 (a logistic regression on
a line's own and its neighbours' features) is fitted with 2-fold cross-fitting
over pages so that stage 2 (a logistic regression on the context of stage-1
scores) learns from honest, out-of-fold scores. Decoding settings are then
chosen by grid search on the tuning pages' shingle F1 and without-leak rate.
The promo-line filter (`promo_cut`) is one of the grid's settings, so whether it
is used is also decided on WCXB-tune alone.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.metrics import shingle_scores
from bench.pastes import cleaned_text, leak_and_kept, load_pages
from bot.digest.extract import paste_cleaner as pc

log = logging.getLogger(__name__)


def _ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def line_labels(lines: Sequence[pc.PasteLine], truth: str) -> list[int]:
    truth_tokens = pc.WORD.findall(truth)
    grams = {n: _ngrams(truth_tokens, n) for n in (1, 2, 3, 4)}
    tokens = [pc.WORD.findall(line.text) for line in lines]
    long_label: list[int | None] = []
    for toks in tokens:
        if len(toks) >= 4:
            shingles = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
            long_label.append(int(sum(s in grams[4] for s in shingles) >= 0.5 * len(shingles)))
        else:
            long_label.append(None)
    labels = []
    for i, toks in enumerate(tokens):
        if long_label[i] is not None:
            labels.append(long_label[i])
            continue
        present = bool(toks) and tuple(toks) in grams[len(toks)]
        near = any(long_label[j] == 1 for j in range(max(0, i - 2), min(len(lines), i + 3)))
        labels.append(int(present and near))
    return labels


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1.0) -> dict[str, Any]:
    """Weighted L2 logistic regression by Newton steps on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    z = np.hstack([z, np.ones((len(z), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        gradient = z.T @ (weight * (p - y)) + penalty * beta
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"mean": mean.tolist(), "scale": scale.tolist(), "weights": beta[:-1].tolist(), "bias": float(beta[-1])}


def build_lexicon(labelled: list[tuple[list[pc.PasteLine], list[int]]], min_pages: int = 20, size: int = 3000) -> dict[str, float]:
    """Words' log-odds of standing in an article line rather than a chrome line.

    Counted once per page and side, so one page's own vocabulary cannot dominate;
    only words seen on at least `min_pages` pages are kept.
    """
    article: dict[str, int] = {}
    chrome: dict[str, int] = {}
    for lines, labels in labelled:
        sides: dict[int, set[str]] = {0: set(), 1: set()}
        for line, label in zip(lines, labels):
            words = [w.lower() for w in pc.WORD.findall(line.text[:2000]) if not w.isdigit()]
            sides[label].update(words)
            if words:
                sides[label].add("^" + words[0])  # the line's opening word: imperatives open calls to action
        for word in sides[1]:
            article[word] = article.get(word, 0) + 1
        for word in sides[0]:
            chrome[word] = chrome.get(word, 0) + 1
    pages = len(labelled)
    scores: dict[str, float] = {}
    for word in set(article) | set(chrome):
        a, c = article.get(word, 0), chrome.get(word, 0)
        if a + c < min_pages:
            continue
        scores[word] = float(np.log((a + 1) / (pages + 2)) - np.log((c + 1) / (pages + 2)))
    ranked = sorted(scores, key=lambda w: (-abs(scores[w]), w))[:size]  # ties by word: same model every run
    return {w: round(scores[w], 3) for w in sorted(ranked)}


def _page_rows(page: dict[str, Any], lexicon: dict[str, float]) -> tuple[list[pc.PasteLine], list[list[float]], list[int], list[float]]:
    lines = pc.split_lines(pc.rejoin_hard_wraps(page["paste"]))
    rows = pc.line_features(lines, lexicon)
    labels = line_labels(lines, page["truth"])
    # Longer lines weigh more (the metric counts words); each page's total weight grows only with the
    # square root of its line count, so that long menus of a few pages do not dominate the fit.
    page_scale = 30.0 / np.sqrt(max(1, len(lines)))
    weights = [page_scale * float(np.sqrt(1.0 + len(pc.WORD.findall(line.text[:2000])))) for line in lines]
    return lines, rows, labels, weights


def train(pages: list[dict[str, Any]]) -> dict[str, Any]:
    labelled = []
    for page in pages:
        lines = pc.split_lines(pc.rejoin_hard_wraps(page["paste"]))
        labelled.append((lines, line_labels(lines, page["truth"])))
    lexicon = build_lexicon(labelled)
    prepared = [_page_rows(page, lexicon) for page in pages]
    prepared = [p for p in prepared if p[0]]
    folds = [prepared[0::2], prepared[1::2]]

    def stack(items: list[Any], k: int) -> np.ndarray:
        if k == 1:
            return np.vstack([item[1] for item in items])
        return np.array([value for item in items for value in item[k]], dtype=float)

    stage2_x: list[np.ndarray] = []
    stage2_y: list[int] = []
    stage2_w: list[float] = []
    for held, fit_on in ((folds[0], folds[1]), (folds[1], folds[0])):
        model1 = fit_logistic(stack(fit_on, 1), stack(fit_on, 2), stack(fit_on, 3))
        for lines, rows, labels, weights in held:
            logits = pc._linear(model1, rows)
            stage2_x.append(pc.stage2_features(logits, rows))
            stage2_y.extend(labels)
            stage2_w.extend(weights)
    stage1 = fit_logistic(stack(prepared, 1), stack(prepared, 2), stack(prepared, 3))
    stage2 = fit_logistic(np.vstack(stage2_x), np.array(stage2_y, dtype=float), np.array(stage2_w))
    log.info("trained on %d pages, %d lines (%.1f%% article)", len(prepared), len(stage2_y), 100 * np.mean(stage2_y))
    return {
        "stage1": {"features": list(pc.STAGE1_NAMES), **stage1},
        "stage2": {"features": list(pc.STAGE2_NAMES), **stage2},
        "lexicon": lexicon,
    }


DEFAULT_DECODE = {
    "switch_cost": 1.0, "logit_shift": 0.0, "length_weighted": True, "tail_share": 0.3, "title_lookback": 40, "title_min_prob": 0.02,
    "comment_cut": True, "drop_chrome": True, "trim_edges": True, "min_prob": 0.0, "extend_prob": 0.4, "edge_prob": 0.0,
    "section_cut": True, "section_words": 3, "promo_cut": True,
}


def evaluate_decode(model: dict[str, Any], pages: list[dict[str, Any]], analyses: list[pc.Analysis]) -> tuple[float, float]:
    """Tuning-set shingle F1 and without-leak rate of `model` (its stage weights already produced `analyses`)."""
    outputs = [cleaned_text(pc.decode_lines(analysis, model["decode"], model)) for analysis in analyses]
    f1 = shingle_scores((page["truth"], out) for page, out in zip(pages, outputs)).f1
    leak, _ = leak_and_kept(pages, outputs)
    return f1, leak


# Coordinate search over decoding settings. F1 is the main target; each point of without-leak rate
# is worth a quarter point of F1 (leaks are mostly single boilerplate lines, lost article text is worse).
LEAK_WEIGHT = 0.25
GRID = (
    ("switch_cost", [0.5, 1.0, 2.0, 3.0]),
    ("logit_shift", [-1.0, -0.5, 0.0, 0.5]),
    ("tail_share", [0.0, 0.15, 0.3, 0.6]),
    ("extend_prob", [0.0, 0.3, 0.4, 0.5]),
    ("edge_prob", [0.0, 0.5, 0.6, 0.7, 0.8]),
    ("section_words", [2, 3, 4, 8]),
    ("promo_cut", [True, False]),
)


def _squash(text: str) -> str:
    return " ".join(text.split())


def train_title(model: dict[str, Any], pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Fit the headline chooser on candidate lines near each tuning page's body start, labelled by the page title."""
    xs: list[np.ndarray] = []
    ys: list[float] = []
    for page in pages:
        title = _squash(page.get("title") or "")
        analysis = pc.analyse(page["paste"], model)
        if not title or not analysis.lines:
            continue
        keep = pc.select_lines(analysis, model["decode"])
        candidates, rows = pc.title_candidates(analysis, keep, model["decode"]["title_lookback"])
        if not candidates:
            continue
        xs.append(rows)
        ys.extend(float(_squash(analysis.lines[i].text) == title) for i in candidates)
    x = np.vstack(xs)
    y = np.array(ys)
    log.info("title model: %d candidates, %d headlines", len(y), int(y.sum()))
    return {"features": list(pc.TITLE_NAMES), **fit_logistic(x, y, np.ones(len(y)))}


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--out", type=Path, default=pc.MODEL_PATH)
    parser.add_argument("--no-grid", action="store_true", help="keep default decoding settings")
    args = parser.parse_args(argv)
    tune = load_pages(args.data_dir)["wcxb-tune"]
    model = train(tune)
    model["decode"] = dict(DEFAULT_DECODE)
    model["trained_on"] = "WCXB dev articles, tune part (sha1(id) % 100 < 70)"
    analyses = [pc.analyse(page["paste"], model) for page in tune]

    def objective(result: tuple[float, float]) -> float:
        return result[0] - LEAK_WEIGHT * result[1]

    best = evaluate_decode(model, tune, analyses)
    print(f"default decode: F1={best[0]:.4f} leak={best[1]:.3f}", file=sys.stderr)
    if not args.no_grid:
        for name, values in GRID:
            for value in values:
                if value == model["decode"][name]:
                    continue
                trial = dict(model, decode={**model["decode"], name: value})
                result = evaluate_decode(trial, tune, analyses)
                print(f"{name}={value}: F1={result[0]:.4f} leak={result[1]:.3f}", file=sys.stderr)
                if objective(result) > objective(best):
                    best, model = result, trial
        print(f"chosen {model['decode']}: F1={best[0]:.4f} leak={best[1]:.3f}", file=sys.stderr)
    model["title"] = train_title(model, tune)
    result = evaluate_decode(model, tune, analyses)
    print(f"with title model: F1={result[0]:.4f} leak={result[1]:.3f}", file=sys.stderr)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    pc.load_model.cache_clear()


if __name__ == "__main__":
    main()
