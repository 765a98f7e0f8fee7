"""A linear model over standardised feature rows, as the title and headline rankers ship it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

import numpy as np

from bot.digest.model_files import ModelFileError, read_model_file


@dataclass(frozen=True)
class LinearModel:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def scores(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias


Model = TypeVar("Model", bound=LinearModel)


def load_linear_model(
    model_type: type[Model], path: Path, kind: str, fmt: int, features: Sequence[str], trainer: str,
    extra: Callable[[dict[str, Any]], dict[str, Any]] = lambda payload: {},
) -> Model:
    """The model file at `path` as `model_type` (with `extra(payload)` as further fields); raises
    ModelFileError, naming the trainer to rerun, when it does not fit the code."""
    payload = read_model_file(path, kind, fmt, features, trainer).payload
    try:
        model = model_type(
            mean=np.asarray(payload["mean"], dtype=float),
            scale=np.asarray(payload["scale"], dtype=float),
            weights=np.asarray(payload["weights"], dtype=float),
            bias=float(payload["bias"]),
            **extra(payload),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"model file {path}: payload lacks or garbles {exc}; rebuild it with `{trainer}`") from exc
    if not model.weights.shape == model.mean.shape == model.scale.shape == (len(features),):
        raise ModelFileError(f"model file {path}: not one weight per feature ({len(features)}); rebuild it with `{trainer}`")
    return model
