"""Scoring: each line's probability of being article text.

Stage 1 is a logistic regression on a line's own, its neighbours' and its
words' features. Stage 2 rescores each line from the stage-1 scores of its
neighbourhood (window means, the best-scoring block, headings seen before), so
short subheadings inside prose survive and long lines inside link lists do not.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot.digest.extract.mojibake import repair_mojibake
from bot.digest.extract.paste.features import STAGE1_NAMES, PasteLine, line_features, lines_of, own_features
from bot.digest.extract.paste.model import STAGE2_NAMES, PasteModel
from bot.digest.extract.paste.wraps import rejoined_lines

log = logging.getLogger(__name__)

MAX_LINES = 40_000  # beyond this many non-blank lines the tail is ignored (keeps any input to a couple of seconds)
_COLUMN = {name: STAGE1_NAMES.index(name) for name in STAGE1_NAMES}
_AFTER_COMMENT, _DATES_10, _AUTHORS_10, _AFTER_SECTION = map(STAGE2_NAMES.index, ("after_comment_head", "dates_10", "authors_10", "after_section_head"))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sigmoid_array(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def _running(values: np.ndarray) -> np.ndarray:
    """0 and the running totals of `values`: the sum of values[lo:hi] is running[hi] - running[lo]."""
    return np.concatenate([[0.0], np.cumsum(values)])


class _Windows:
    """Means over the lines within a radius of each line, for the columns and radii of one document's lines: each
    radius's window bounds made once (the same operations as `_window_means` one column at a time)."""

    def __init__(self, n: int) -> None:
        self.index = np.arange(n)
        self.n = n
        self._bounds: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def means(self, running: np.ndarray, radius: int) -> np.ndarray:
        """Window means of the values whose `_running` totals are `running`."""
        bounds = self._bounds.get(radius)
        if bounds is None:
            lo, hi = np.maximum(0, self.index - radius), np.minimum(self.n, self.index + radius + 1)
            bounds = self._bounds[radius] = (lo, hi, hi - lo)
        lo, hi, width = bounds
        return (running[hi] - running[lo]) / width


def _window_means(values: np.ndarray, radius: int) -> np.ndarray:
    return _Windows(len(values)).means(_running(values), radius)


def _window_extreme(values: np.ndarray, radius: int, pick: Any) -> np.ndarray:
    """The highest (pick=np.maximum) or lowest (np.minimum) value within `radius` lines of each line, the edge
    values repeated past the ends: one elementwise pick a shift (np.pad and a sliding window view cost more here)."""
    n = len(values)
    padded = np.concatenate([np.full(radius, values[0]), values, np.full(radius, values[-1])])
    extreme = padded[:n].copy()
    for shift in range(1, 2 * radius + 1):
        pick(extreme, padded[shift : shift + n], out=extreme)
    return extreme


def best_block(gains: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the largest sum of gains (Kadane)."""
    best, best_span = -math.inf, (0, 0)
    running, start = 0.0, 0
    for i, g in enumerate(gains):
        if running <= 0:
            running, start = g, i
        else:
            running += g
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def stage2_features(stage1_logits: np.ndarray, stage1_rows: np.ndarray) -> np.ndarray:
    """Context features (columns in STAGE2_NAMES) from the stage-1 scores of each line's neighbourhood."""
    logits = np.asarray(stage1_logits, dtype=float)
    rows = np.asarray(stage1_rows, dtype=float)
    n = len(logits)
    if n == 0:
        return np.zeros((0, len(STAGE2_NAMES)))
    column = _COLUMN
    probs = sigmoid_array(logits)
    words = np.expm1(rows[:, column["log_words"]])
    windows = _Windows(n)
    # Document-relative scale: some sites' prose scores low everywhere, yet it is still their article.
    top = float(np.sort(logits)[::-1][min(n - 1, 2)])
    weighted_den = windows.means(_running(words), 10)
    weighted = np.where(weighted_den > 0, windows.means(_running(probs * words), 10) / np.maximum(weighted_den, 1e-9), 0.0)
    threshold = min(0.5, 0.6 * sigmoid(top))
    start, end = best_block(((probs - threshold) * np.sqrt(words + 1.0)).tolist())
    index = windows.index
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    # Headings only count once some article-like text came before them (a "Comments (3)" link near the top does not).
    enough = np.cumsum(probs * words) >= 80
    comment_seen = np.maximum.accumulate(enough & (rows[:, column["comment_head"]] > 0))
    section_seen = np.maximum.accumulate(enough & (rows[:, column["section_head"]] > 0))
    # One float matrix filled column by column (np.column_stack of the 22 columns and a cast cost more).
    running_probs = _running(probs)
    out = np.empty((n, len(STAGE2_NAMES)))
    for at, values in enumerate((
        logits, logits - top, top,
        windows.means(running_probs, 2), windows.means(running_probs, 5), windows.means(running_probs, 15), weighted,
        (index >= start) & (index < end), index < start, index >= end, np.log1p(distance),
        rows[:, column["rel_pos"]], rows[:, column["log_words"]], rows[:, column["ends_sentence"]],
        rows[:, column["chrome_exact"]], rows[:, column["section_head"]],
        _window_extreme(probs, 3, np.maximum), _window_extreme(probs, 3, np.minimum),
    )):
        out[:, at] = values
    # The columns after those: a heading seen counts from the next line on.
    out[0, _AFTER_COMMENT] = out[0, _AFTER_SECTION] = 0.0
    out[1:, _AFTER_COMMENT] = comment_seen[:-1]
    out[1:, _AFTER_SECTION] = section_seen[:-1]
    out[:, _DATES_10] = windows.means(_running(rows[:, column["date_only"]]), 10)
    out[:, _AUTHORS_10] = windows.means(_running(rows[:, column["comment_author"]]), 10)
    return out


@dataclass(frozen=True)
class Analysis:
    """A paste's non-blank lines, their text features and their article probabilities."""

    lines: list[PasteLine]
    features: list[tuple[float, ...]]  # names in FEATURE_NAMES (document fields 0)
    probs: list[float]


def paste_lines(text: str) -> list[PasteLine]:
    """The non-blank lines of a paste after mis-decoding repair and hard-wrap rejoining, at most MAX_LINES of them."""
    lines = lines_of(rejoined_lines(repair_mojibake(text)))  # split_lines(rejoin_hard_wraps(...)) without a join and a split
    if len(lines) > MAX_LINES:
        log.warning("paste of %d lines: cleaning only the first %d", len(lines), MAX_LINES)
        lines = lines[:MAX_LINES]
    return lines


def analyse(text: str, model: PasteModel) -> Analysis:
    """Split a paste into lines (after hard-wrap rejoining) and score each one."""
    lines = paste_lines(text)
    return score_lines(lines, own_features(lines), model)


def score_lines(lines: list[PasteLine], own: list[tuple[float, ...]], model: PasteModel) -> Analysis:
    """Score lines whose own text features are known."""
    if not lines:
        return Analysis([], [], [])
    rows1 = line_features(lines, model.lexicon, own)
    rows2 = stage2_features(model.stage1.logits(rows1), rows1)
    return Analysis(lines, own, sigmoid_array(model.stage2.logits(rows2)).tolist())
