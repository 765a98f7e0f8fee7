"""Scores shared by the evaluation scripts.

`shingle_scores` follows the article-extraction-benchmark's metric: word tokens
(`\\w+`, case kept), counted 4-word shingles, per-page precision and recall from
counts normalised by the page's total, each averaged over pages (pages where a
score is undefined are left out of that average), F1 from the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import Iterable

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageCounts:
    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    pages: int


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(truth: str, predicted: str, n: int = 4) -> PageCounts:
    true_s, pred_s = _shingles(truth, n), _shingles(predicted, n)
    tp = float(sum((true_s & pred_s).values()))
    fp = float(sum((pred_s - true_s).values()))
    fn = float(sum((true_s - pred_s).values()))
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageCounts(tp, fp, fn)


def _precision(c: PageCounts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0


def _recall(c: PageCounts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0


def aggregate(counts: Iterable[PageCounts]) -> PRF:
    counts = list(counts)
    precisions = [_precision(c) for c in counts if c.tp + c.fp > 0]
    recalls = [_recall(c) for c in counts if c.tp + c.fn > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1, len(counts))


def shingle_scores(pairs: Iterable[tuple[str, str]], n: int = 4) -> PRF:
    """Score (truth, predicted) pairs with the benchmark's metric."""
    return aggregate(page_counts(truth, predicted, n) for truth, predicted in pairs)


def binary_f1(gold: Iterable[bool], predicted: Iterable[bool]) -> PRF:
    """Precision, recall and F1 of the positive class."""
    tp = fp = fn = 0
    n = 0
    for g, p in zip(gold, predicted):
        n += 1
        tp += g and p
        fp += p and not g
        fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1, n)
