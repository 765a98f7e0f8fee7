"""Fit the paste cleaner's line classifier and decoding settings on WCXB-tune only.

    python -m bench.train_paste_cleaner ../shared/data [--out PATH] [--check]

Line labels come from the ground truth: a line of four or more words is
"article" when at least half of its 4-word shingles occur in the page's truth;
a shorter line is "article" when its words occur together in the truth and a
long neighbour within two lines is article. Stage 1 (a logistic regression on
a line's own and its neighbours' features) is fitted with 2-fold cross-fitting
over pages so that stage 2 (a logistic regression on the context of stage-1
scores) learns from honest, out-of-fold scores. Decoding settings are then
chosen by a coordinate search on the tuning pages' shingle F1 and leak rate
(the promo-line filter is one of them), with each half of the tuning pages
scored by line models fitted on the other half (in-sample scores made the
choices too optimistic: tune leak 3.8% against 9-10% held out), with the rule headline
(title.rule_title) picking the title: the learned chooser (`python -m bench.train_paste_title`,
its own file) is fitted on this file's line scores, so decoding with it made each file depend on
the other and a rebuild never matched. Build this file first, then the chooser. The model is written
through bot.digest.model_files (envelope with the hash of the data file read);
`--check` rebuilds it in memory and fails when the shipped file differs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

import numpy as np

from bench.fitting import fit_logistic, trainer_parser
from bench.metrics import shingle_scores
from bench.pastes import WCXB, Cleaned, leak_and_kept, load_pages
from bot.digest.extract.paste.cleaner import as_clean_text, decode_lines
from bot.digest.extract.paste.features import PasteLine, line_features
from bot.digest.extract.paste.model import (
    MODEL_FORMAT, MODEL_KIND, DecodeSettings, PasteModel, envelope_features, load_model, model_path, parse_model,
)
from bot.digest.extract.paste.phrases import WORD
from bot.digest.extract.paste.scoring import Analysis, analyse, paste_lines, stage2_features
from bot.digest.extract.paste.title import rule_title
from bot.digest.model_files import model_envelope, sha256_of_files, write_model_file

TRAINED_ON = "WCXB dev article pastes, tune part (sha1(id) % 100 < 70)"
log = logging.getLogger(__name__)


def _ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def line_labels(lines: Sequence[PasteLine], truth: str) -> list[int]:
    truth_tokens = WORD.findall(truth)
    grams = {n: _ngrams(truth_tokens, n) for n in (1, 2, 3, 4)}
    tokens = [WORD.findall(line.text) for line in lines]
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


def build_lexicon(labelled: list[tuple[list[PasteLine], list[int]]], min_pages: int = 20, size: int = 3000) -> dict[str, float]:
    """Words' log-odds of standing in an article line rather than a chrome line.

    Counted once per page and side, so one page's own vocabulary cannot dominate;
    only words seen on at least `min_pages` pages are kept.
    """
    article: dict[str, int] = {}
    chrome: dict[str, int] = {}
    for lines, labels in labelled:
        sides: dict[int, set[str]] = {0: set(), 1: set()}
        for line, label in zip(lines, labels):
            words = [w.lower() for w in WORD.findall(line.text[:2000]) if not w.isdigit()]
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


def _page_rows(page: dict[str, Any], lexicon: dict[str, float]) -> tuple[list[PasteLine], list[list[float]], list[int], list[float]]:
    lines = _prepared_lines(page)
    rows = line_features(lines, lexicon)
    labels = line_labels(lines, page["truth"])
    # Longer lines weigh more (the metric counts words); each page's total weight grows only with the
    # square root of its line count, so that long menus of a few pages do not dominate the fit.
    page_scale = 30.0 / np.sqrt(max(1, len(lines)))
    weights = [page_scale * float(np.sqrt(1.0 + len(WORD.findall(line.text[:2000])))) for line in lines]
    return lines, rows, labels, weights


def _prepared_lines(page: dict[str, Any]) -> list[PasteLine]:
    return paste_lines(page["paste"])


def train_stages(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """The lexicon and both line regressions (as JSON), fitted on `pages`."""
    labelled = []
    for page in pages:
        lines = _prepared_lines(page)
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
            stage2_x.append(stage2_features(model1.logits(rows), rows))
            stage2_y.extend(labels)
            stage2_w.extend(weights)
    stage1 = fit_logistic(stack(prepared, 1), stack(prepared, 2), stack(prepared, 3))
    stage2 = fit_logistic(np.vstack(stage2_x), np.array(stage2_y, dtype=float), np.array(stage2_w))
    log.info("trained on %d pages, %d lines (%.1f%% article)", len(prepared), len(stage2_y), 100 * np.mean(stage2_y))
    return {"stage1": stage1.to_json(), "stage2": stage2.to_json(), "lexicon": lexicon}


def envelope(payload: dict[str, Any], data_sha256: str) -> dict[str, Any]:
    return model_envelope(MODEL_KIND, MODEL_FORMAT, envelope_features(), TRAINED_ON, data_sha256, payload)


def as_model(payload: dict[str, Any]) -> PasteModel:
    return parse_model(envelope(payload, ""))


def evaluate_decode(model: PasteModel, pages: list[dict[str, Any]], analyses: list[Analysis]) -> tuple[float, float]:
    """Tuning-set shingle F1 and leak rate of `model` (its stage weights already produced `analyses`)."""
    # As clean_paste does, but with the rule headline: the learned chooser is fitted after this file, on its scores.
    results = (as_clean_text(a.lines, a.features) or decode_lines(a, model, rule_title) for a in analyses)
    outputs = [Cleaned(r.title, r.body).text for r in results]
    f1 = shingle_scores((page["truth"], out) for page, out in zip(pages, outputs)).f1
    leak, _ = leak_and_kept(pages, outputs)
    return f1, leak


# Coordinate search over decoding settings. F1 is the main target; each point of leak rate
# is worth a quarter point of F1 (leaks are mostly single boilerplate lines, lost article text is worse).
LEAK_WEIGHT = 0.25
# A setting changes only when that gains more than this on the objective: smaller differences are a page or
# two of the tuning set, noise rather than a better choice.
MIN_GAIN = 0.0005
GRID = (
    ("switch_cost", [0.5, 1.0, 2.0, 3.0]),
    ("logit_shift", [-1.0, -0.5, 0.0, 0.5]),
    ("tail_share", [0.0, 0.15, 0.3, 0.6]),
    ("extend_prob", [0.0, 0.3, 0.4, 0.5]),
    ("edge_prob", [0.0, 0.5, 0.6, 0.7, 0.8]),
    ("section_words", [2, 3, 4, 8]),
    ("promo_cut", [True, False]),
    ("rescue_gap", [0, 2, 4, 8]),
    ("rescue_below_words", [100, 200, 400, 800]),
)


def build(tune: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole payload: line regressions, lexicon and decoding settings chosen on `tune`."""
    payload = {**train_stages(tune), "decode": asdict(DecodeSettings())}
    model = as_model(payload)
    # Decoding is chosen on out-of-fold scores: each half of the tuning pages scored by line models fitted
    # on the other half, so the settings meet the scores a page nobody trained on gets.
    halves = (tune[0::2], tune[1::2])
    analyses_by_id: dict[str, Analysis] = {}
    for scored, fitted_on in ((halves[0], halves[1]), (halves[1], halves[0])):
        fold_model = as_model({**train_stages(fitted_on), "decode": asdict(DecodeSettings())})
        analyses_by_id.update((str(page["id"]), analyse(page["paste"], fold_model)) for page in scored)
    analyses = [analyses_by_id[str(page["id"])] for page in tune]

    def objective(result: tuple[float, float]) -> float:
        return result[0] - LEAK_WEIGHT * result[1]

    best = evaluate_decode(model, tune, analyses)
    log.info("default decode: F1=%.4f leak=%.3f", *best)
    for name, values in GRID:
        for value in values:
            if value == getattr(model.decode, name):
                continue
            trial = replace(model, decode=replace(model.decode, **{name: value}))
            result = evaluate_decode(trial, tune, analyses)
            log.info("%s=%s: F1=%.4f leak=%.3f", name, value, *result)
            if objective(result) > objective(best) + MIN_GAIN:
                best, model = result, trial
    log.info("chosen %s: F1=%.4f leak=%.3f", model.decode, *best)
    payload["decode"] = asdict(model.decode)
    return payload


def _serialised(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = trainer_parser(__doc__.splitlines()[0], model_path()).parse_args(argv)
    data_file = args.data_dir / "pastes" / WCXB
    built = envelope(build(load_pages(args.data_dir)["wcxb-tune"]), sha256_of_files([data_file]))
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        if _serialised(shipped) != _serialised(built):
            log.error("%s differs from a rebuild on %s", args.out, args.data_dir)
            return 1
        log.info("%s matches a rebuild", args.out)
        return 0
    write_model_file(args.out, built)
    load_model.cache_clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
