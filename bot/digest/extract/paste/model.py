"""The learned model and its decoding settings, read through the one model-file contract.

`cleaner_model.json` (next to this file) is written by `python -m bench.train_paste_cleaner`
from the tune part of the WCXB pastes. Its envelope's feature list names the
columns of both line regressions ("stage1:…", "stage2:…"); the headline chooser is its own
file (`headline_model.json`, title.py);
a file that does not fit this code, or whose decoding settings lack a field or
hold an unknown one, is refused loudly (no fall-back values).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.digest.extract.paste.features import STAGE1_NAMES
from bot.digest.model_files import ModelFileError, package_model_path, parse_model_file, read_model_file

MODEL_KIND = "paste_cleaner"
MODEL_FORMAT = 3  # 3: no headline regression (the chooser is headline_model.json) and no title_min_prob
MODEL_NAME = "cleaner_model.json"
TRAINER = "bench.train_paste_cleaner"

STAGE2_NAMES: tuple[str, ...] = (
    "logit", "logit_vs_top", "top_logit", "mean_2", "mean_5", "mean_15", "weighted_10", "in_best_block", "before_block", "after_block",
    "block_distance", "rel_pos", "log_words", "ends_sentence", "chrome_exact", "section_head", "max_3", "min_3",
    "after_comment_head", "dates_10", "authors_10", "after_section_head",
)
def envelope_features() -> list[str]:
    """The envelope's feature list: every column of the two line regressions, prefixed by its stage."""
    return [f"{stage}:{name}" for stage, names in (("stage1", STAGE1_NAMES), ("stage2", STAGE2_NAMES)) for name in names]


@dataclass(frozen=True)
class DecodeSettings:
    """How line scores become the article. The defaults are the trainer's starting point; the model file holds the chosen values."""

    switch_cost: float = 1.0  # Viterbi cost of switching between article and chrome
    logit_shift: float = 0.0  # added to every line's logit before decoding
    length_weighted: bool = True  # longer lines weigh more in the Viterbi pass
    tail_share: float = 0.3  # a closing section heading ends the article when less than this share of words follows
    title_lookback: int = 40  # lines above the body searched for the headline
    comment_cut: bool = True  # a comment heading ends the article
    drop_chrome: bool = True  # drop whole-line chrome inside the article
    trim_edges: bool = True  # trim non-prose lines at region edges
    min_prob: float = 0.0  # inside a region, lines below this are still dropped
    extend_prob: float = 0.4  # regions grow over adjacent prose lines scoring at least this
    edge_prob: float = 0.0  # region edges scoring below this are trimmed
    section_cut: bool = True  # closing section headings ("Related", "Recent posts") are looked for
    section_words: int = 3  # ... when they have at most this many words
    promo_cut: bool = True  # drop promotional lines inside the article
    rescue_gap: int = 4  # full sentences this many furniture lines or fewer from the article are kept (0: off)
    rescue_below_words: int = 200  # ... when the article has fewer words than this

    @classmethod
    def from_json(cls, data: Any, where: str) -> DecodeSettings:
        """The settings in a model file; every field must be there with its type, and nothing else."""
        if not isinstance(data, dict):
            raise ModelFileError(f"model file {where}: decode settings are not a JSON object")
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        missing = sorted(set(known) - set(data))
        if unknown or missing:
            raise ModelFileError(f"model file {where}: decode settings unknown {unknown}, missing {missing}; rebuild it with `python -m {TRAINER} DATA_DIR`")
        values: dict[str, Any] = {}
        for name, field in known.items():
            value = data[name]
            kind = {"bool": bool, "int": int, "float": float}[str(field.type)]
            if kind is bool and not isinstance(value, bool) or kind is not bool and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise ModelFileError(f"model file {where}: decode setting {name}={value!r} is not a {kind.__name__}")
            if kind is int and value != int(value):
                raise ModelFileError(f"model file {where}: decode setting {name}={value!r} is not a whole number")
            values[name] = kind(value)
        return cls(**values)


@dataclass(frozen=True)
class LinearScorer:
    """A logistic regression stored with its feature means and scales, folded into one weight vector."""

    coefficients: np.ndarray
    offset: float

    @classmethod
    def from_json(cls, data: dict[str, Any], width: int, where: str) -> LinearScorer:
        try:
            weights = np.asarray(data["weights"], dtype=float)
            scale = np.asarray(data["scale"], dtype=float)
            mean = np.asarray(data["mean"], dtype=float)
            bias = float(data["bias"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelFileError(f"model file {where}: a regression lacks weights, scale, mean or bias ({exc})") from exc
        if not len(weights) == len(scale) == len(mean) == width:
            raise ModelFileError(f"model file {where}: a regression has {len(weights)} weights for {width} features")
        coefficients = weights / scale
        return cls(coefficients, bias - float(coefficients @ mean))

    def logits(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(rows, dtype=float) @ self.coefficients + self.offset


@dataclass(frozen=True)
class PasteModel:
    stage1: LinearScorer
    stage2: LinearScorer
    lexicon: dict[str, float]
    decode: DecodeSettings


def model_from_payload(payload: dict[str, Any], where: str) -> PasteModel:
    try:
        lexicon = {str(word): float(score) for word, score in payload["lexicon"].items()}
        parts = {name: payload[name] for name in ("stage1", "stage2", "decode")}
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise ModelFileError(f"model file {where}: payload lacks a part or its lexicon is malformed ({exc})") from exc
    return PasteModel(
        stage1=LinearScorer.from_json(parts["stage1"], len(STAGE1_NAMES), where),
        stage2=LinearScorer.from_json(parts["stage2"], len(STAGE2_NAMES), where),
        lexicon=lexicon,
        decode=DecodeSettings.from_json(parts["decode"], where),
    )


def model_path() -> Path:
    return package_model_path(__package__, MODEL_NAME)


def parse_model(envelope: Any, where: str = "(in memory)") -> PasteModel:
    """A model from an envelope already in memory (the trainer's candidates)."""
    checked = parse_model_file(envelope, where, MODEL_KIND, MODEL_FORMAT, envelope_features(), TRAINER)
    return model_from_payload(checked.payload, where)


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> PasteModel:
    """The shipped model (or the one at `path`), checked; raises ModelFileError when it does not fit."""
    path = path or model_path()
    checked = read_model_file(path, MODEL_KIND, MODEL_FORMAT, envelope_features(), TRAINER)
    return model_from_payload(checked.payload, str(path))
