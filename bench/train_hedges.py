"""Train the hedge scorer (`bot/digest/hedges/hedge_model.json`) from the public hedge data.

    python -m bench.train_hedges /work/shared/data [--out bot/digest/hedges/hedge_model.json]

The shipped model is for general and news text and learns from WikiWeasel
(CoNLL-2010 task 1, Wikipedia weasel sentences). Splits are deterministic:
an item's bucket is the SHA-1 of its id (WikiWeasel: the sentence text;
BioScope: the document id) modulo 100; buckets 0-79 are train, 80-99 test.
Everything here (vocabulary, L2 strength, threshold) is chosen on the train
part only, by 5-fold cross-validation inside it; the test part is left to
`bench.hedges`.

The scorer (see `bot.digest.hedges.scorer`) is a noisy-or of per-word
logistic models, learned from sentence labels only; it is fitted with plain
numpy (full-batch Adam on the L2-regularised log loss, from fixed starting
values, so runs are deterministic).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import logging
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from bot.digest.hedges.cue_lexicon import find_cues
from bot.digest.hedges.scorer import DEFAULT_MODEL_PATH, HedgeScorer, lexicon_index, tokens_with_features, words_of

log = logging.getLogger(__name__)

TRAIN_BUCKETS = 80  # buckets 0..79 of 100 are train
CV_FOLDS = 5
L2_GRID = (0.3, 0.7, 1.5)
MIN_FEATURE_COUNT = 2  # a feature must fire on at least this many training words
PRUNE_BELOW = 0.05  # smaller weights (absolute value) are not stored: keeps the shipped model small
ITERATIONS = 300
CONFIDENT_PRECISION = 0.8  # the news marker's bar for a sentence with no hedged cue


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    uncertain: bool
    item_id: str  # what the split hashes: the sentence (WikiWeasel) or its document (BioScope)


def bucket(item_id: str, salt: str = "") -> int:
    return int(hashlib.sha1((salt + item_id).encode("utf-8")).hexdigest()[:8], 16) % 100


def is_train(item: LabelledSentence) -> bool:
    return bucket(item.item_id) < TRAIN_BUCKETS


def split(items: Iterable[LabelledSentence]) -> tuple[list[LabelledSentence], list[LabelledSentence]]:
    items = list(items)
    return [i for i in items if is_train(i)], [i for i in items if not is_train(i)]


def load_wikiweasel(path: Path) -> list[LabelledSentence]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [LabelledSentence(r["text"].strip(), r["label"].strip() == "1", r["text"].strip()) for r in rows]


def load_bioscope(path: Path) -> list[LabelledSentence]:
    """BioScope sentences; uncertain when the sentence holds a speculation cue."""
    with gzip.open(path, "rb") as handle:
        root = ET.parse(handle).getroot()
    items = []
    for document in root.iter("Document"):
        doc_id = (document.findtext("DocID") or "").strip()
        for sentence in document.iter("sentence"):
            text = "".join(sentence.itertext()).strip()
            speculative = any(cue.get("type") == "speculation" for cue in sentence.iter("cue"))
            items.append(LabelledSentence(text, speculative, doc_id))
    return items


def load_lexicon_groups(lexicon_dir: Path) -> dict[str, tuple[str, ...]]:
    """The hedge lexicon's word groups ("#Epistemic Verbs" ...) from each list, as lower-case word sequences."""
    groups: dict[str, list[str]] = {}
    for path in sorted(lexicon_dir.glob("*.txt")):
        group = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("#"):
                group = path.stem + "/" + re.sub(r"\W+", "-", line.lstrip("#").strip().lower()).strip("-")
            elif line:
                phrase = " ".join(words_of(line))
                if phrase:
                    groups.setdefault(group, []).append(phrase)
    return {name: tuple(dict.fromkeys(phrases)) for name, phrases in groups.items()}


def featurise(items: Sequence[LabelledSentence], groups: dict[str, tuple[str, ...]]) -> list[list[frozenset[str]]]:
    """Each sentence as the feature sets of its words (what `HedgeScorer` weighs)."""
    index = lexicon_index(groups)
    return [[t.features for t in tokens_with_features(i.text, find_cues(i.text), index)] for i in items]


def _adam_step(param: np.ndarray, grad: np.ndarray, state: list[np.ndarray], t: int, rate: float = 0.1) -> None:
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    state[0] = beta1 * state[0] + (1 - beta1) * grad
    state[1] = beta2 * state[1] + (1 - beta2) * grad**2
    param -= rate * (state[0] / (1 - beta1**t)) / (np.sqrt(state[1] / (1 - beta2**t)) + eps)


def _fit(sentences: list[list[frozenset[str]]], labels: np.ndarray, l2: float) -> tuple[dict[str, float], float, float]:
    """Noisy-or multiple-instance logistic regression: (weights, token bias, leak).

    P(sentence) = 1 - (1 - sigmoid(leak)) * prod_words (1 - sigmoid(token_bias + sum of weights));
    minimises the mean log loss of the sentence labels plus l2/2 * |w|^2 / n.
    """
    counts = Counter(f for tokens in sentences for features in tokens for f in features)
    names = sorted(f for f, c in counts.items() if c >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(names)}
    token_sentence, token_ids, feature_ids = [], [], []
    n_tokens = 0
    for s, tokens in enumerate(sentences):
        for features in tokens:
            ids = [index[f] for f in features if f in index]
            token_ids += [n_tokens] * len(ids)
            feature_ids += ids
            token_sentence.append(s)
            n_tokens += 1
    rows, cols, owner = np.array(token_ids, dtype=np.int64), np.array(feature_ids, dtype=np.int64), np.array(token_sentence, dtype=np.int64)
    n, d = len(sentences), len(names)
    y = labels.astype(float)
    w, bias, leak = np.zeros(d), np.array([-4.0]), np.array([-2.0])
    states = [[np.zeros_like(p), np.zeros_like(p)] for p in (w, bias, leak)]
    for t in range(1, ITERATIONS + 1):
        z = np.bincount(rows, weights=w[cols], minlength=n_tokens) + bias[0]
        q = 1.0 / (1.0 + np.exp(-z))
        q0 = 1.0 / (1.0 + np.exp(-leak[0]))
        log_none = np.bincount(owner, weights=np.log1p(-np.minimum(q, 1 - 1e-9)), minlength=n) + np.log1p(-q0)
        p = np.clip(1.0 - np.exp(log_none), 1e-7, 1 - 1e-7)
        d_log_none = y * (1 - p) / p - (1 - y)  # d loss / d log_none
        dz = -q * d_log_none[owner]
        grad_w = np.bincount(cols, weights=dz[rows], minlength=d) / n + l2 * w / n
        _adam_step(w, grad_w, states[0], t)
        _adam_step(bias, np.array([dz.sum() / n]), states[1], t)
        _adam_step(leak, np.array([(-q0 * d_log_none).sum() / n]), states[2], t)
    weights = {names[i]: float(w[i]) for i in range(d) if abs(w[i]) >= PRUNE_BELOW}
    return weights, float(bias[0]), float(leak[0])


def _score(sentences: list[list[frozenset[str]]], weights: dict[str, float], bias: float, leak: float) -> np.ndarray:
    """Log-odds of each sentence being uncertain (the same sum as `HedgeScorer.score`)."""
    log_q0 = float(np.log1p(-1.0 / (1.0 + np.exp(-leak))))
    scores = np.empty(len(sentences))
    for s, tokens in enumerate(sentences):
        z = np.array([bias + sum(weights.get(f, 0.0) for f in features) for features in tokens])
        log_none = log_q0 + float(np.sum(-np.logaddexp(0.0, z)))  # log(1 - sigmoid(z)) = -log(1 + e^z)
        scores[s] = np.log(max(-np.expm1(log_none), 1e-22)) - log_none
    return scores


def _candidate_thresholds(scores: np.ndarray) -> np.ndarray:
    return np.unique(np.round(np.quantile(scores, np.linspace(0.0, 0.995, 400)), 3))


def _best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 of the uncertain class, and that F1."""
    best = (-1.0, 0.0)
    for threshold in _candidate_thresholds(scores):
        predicted = scores >= threshold
        tp = float(np.sum(predicted & labels))
        fp = float(np.sum(predicted & ~labels))
        fn = float(np.sum(~predicted & labels))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[0]:
            best = (f1, float(threshold))
    return best[1], best[0]


def _confident_threshold(scores: np.ndarray, labels: np.ndarray, precision: float) -> float:
    """The lowest threshold whose precision (with at least 20 sentences above it) reaches `precision`."""
    for threshold in _candidate_thresholds(scores):
        predicted = scores >= threshold
        if predicted.sum() >= 20 and float(np.sum(predicted & labels)) / float(predicted.sum()) >= precision:
            return float(threshold)
    return float(scores.max()) + 1.0


def train_scorer(
    train: Sequence[LabelledSentence],
    domain: str,
    lexicon_groups: dict[str, tuple[str, ...]],
    l2_grid: Sequence[float] = L2_GRID,
) -> HedgeScorer:
    """Choose L2 and the thresholds by cross-validation on `train`, then fit on all of it."""
    sentences = featurise(train, lexicon_groups)
    labels = np.array([i.uncertain for i in train])
    folds = np.array([bucket(i.item_id, salt="cv") % CV_FOLDS for i in train])
    best: tuple[float, float, float, float] | None = None  # (cv F1, l2, threshold, confident threshold)
    for l2 in l2_grid:
        out_of_fold = np.zeros(len(train))
        for fold in range(CV_FOLDS):
            inside = folds != fold
            weights, bias, leak = _fit([s for s, k in zip(sentences, inside) if k], labels[inside], l2)
            out_of_fold[~inside] = _score([s for s, k in zip(sentences, inside) if not k], weights, bias, leak)
        threshold, f1 = _best_threshold(out_of_fold, labels)
        log.info("%s: l2=%g cv F1=%.4f at threshold %.2f", domain, l2, f1, threshold)
        if best is None or f1 > best[0]:
            best = (f1, l2, threshold, _confident_threshold(out_of_fold, labels, CONFIDENT_PRECISION))
    assert best is not None
    cv_f1, l2, threshold, confident = best
    weights, bias, leak = _fit(sentences, labels, l2)
    info = {
        "trained_on": f"{len(train)} train sentences ({int(labels.sum())} uncertain)",
        "split": f"sha1(id) % 100 < {TRAIN_BUCKETS} is train",
        "l2": l2,
        "cv_f1": round(cv_f1, 4),
        "features": len(weights),
    }
    return HedgeScorer(domain, weights, bias, leak, threshold, confident, lexicon_groups, info)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="the shared data folder (holds hedges/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    hedges = args.data_dir / "hedges"
    groups = load_lexicon_groups(hedges / "lexicon")
    train, _ = split(load_wikiweasel(hedges / "wikiweasel-train.csv.gz"))
    scorer = train_scorer(train, "general (WikiWeasel train split)", groups)
    args.out.write_text(json.dumps(scorer.to_json(), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {scorer.info}")


if __name__ == "__main__":
    main()
