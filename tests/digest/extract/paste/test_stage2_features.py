"""stage2_features (one matrix filled column by column, window bounds and running totals shared) gives the bytes of
the column_stack definition it replaced (twelfth session)."""

from __future__ import annotations

import numpy as np
import pytest

from bot.digest.extract.paste.features import STAGE1_NAMES
from bot.digest.extract.paste.model import STAGE2_NAMES
from bot.digest.extract.paste.scoring import _COLUMN, _window_extreme, best_block, sigmoid, sigmoid_array, stage2_features


def _means(values: np.ndarray, radius: int) -> np.ndarray:
    n = len(values)
    prefix = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(n)
    lo, hi = np.maximum(0, index - radius), np.minimum(n, index + radius + 1)
    return (prefix[hi] - prefix[lo]) / (hi - lo)


def stage2_by_column_stack(logits: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The eleventh session's stage2_features."""
    n = len(logits)
    column = _COLUMN
    probs = sigmoid_array(logits)
    words = np.expm1(rows[:, column["log_words"]])
    top = float(np.sort(logits)[::-1][min(n - 1, 2)])
    weighted_den = _means(words, 10)
    weighted = np.where(weighted_den > 0, _means(probs * words, 10) / np.maximum(weighted_den, 1e-9), 0.0)
    threshold = min(0.5, 0.6 * sigmoid(top))
    start, end = best_block(((probs - threshold) * np.sqrt(words + 1.0)).tolist())
    index = np.arange(n)
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    enough = np.cumsum(probs * words) >= 80
    comment_seen = np.maximum.accumulate(enough & (rows[:, column["comment_head"]] > 0))
    section_seen = np.maximum.accumulate(enough & (rows[:, column["section_head"]] > 0))
    after_comment = np.concatenate([[False], comment_seen[:-1]]).astype(float)
    after_section = np.concatenate([[False], section_seen[:-1]]).astype(float)
    return np.column_stack([
        logits, logits - top, np.full(n, top),
        _means(probs, 2), _means(probs, 5), _means(probs, 15), weighted,
        (index >= start) & (index < end), index < start, index >= end, np.log1p(distance),
        rows[:, column["rel_pos"]], rows[:, column["log_words"]], rows[:, column["ends_sentence"]],
        rows[:, column["chrome_exact"]], rows[:, column["section_head"]],
        _window_extreme(probs, 3, np.maximum), _window_extreme(probs, 3, np.minimum),
        after_comment, _means(rows[:, column["date_only"]], 10), _means(rows[:, column["comment_author"]], 10),
        after_section,
    ]).astype(float)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 12, 40, 300])
def test_stage2_features_are_the_column_stack_definition(n: int) -> None:
    rng = np.random.default_rng(n)
    for _ in range(20):
        rows = rng.normal(size=(n, len(STAGE1_NAMES)))
        rows[:, _COLUMN["log_words"]] = np.log1p(rng.integers(0, 60, size=n))
        for name in ("comment_head", "section_head", "date_only", "comment_author", "ends_sentence", "chrome_exact"):
            rows[:, _COLUMN[name]] = rng.random(n) < 0.2
        logits = rng.normal(scale=3.0, size=n)
        got = stage2_features(logits, rows)
        want = stage2_by_column_stack(logits, rows)
        assert got.shape == (n, len(STAGE2_NAMES)) and got.dtype == want.dtype
        assert got.tobytes() == want.tobytes()


def test_headings_count_from_the_next_line() -> None:
    n = 30
    rows = np.zeros((n, len(STAGE1_NAMES)))
    rows[:, _COLUMN["log_words"]] = np.log1p(40)
    rows[10, _COLUMN["comment_head"]] = rows[20, _COLUMN["section_head"]] = 1.0
    out = stage2_features(np.full(n, 3.0), rows)
    after_comment, after_section = STAGE2_NAMES.index("after_comment_head"), STAGE2_NAMES.index("after_section_head")
    assert out[:, after_comment].tolist() == [0.0] * 11 + [1.0] * 19
    assert out[:, after_section].tolist() == [0.0] * 21 + [1.0] * 9
