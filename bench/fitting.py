"""What every trainer in `bench/` shares: one logistic regression, one command-line shape, one split rule helper.

Every trainer is run the same way:

    python -m bench.train_<model> DATA_DIR [--out PATH] [--check]

It fits on the tune/train part of its data only, writes the model file through
`bot.digest.model_files.write_model_file` (with the hash of the data it read),
and with `--check` rebuilds into memory and exits non-zero when the shipped file
differs (training is deterministic).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from bot.digest.model_files import write_model_file

log = logging.getLogger(__name__)


def hash_bucket(item_id: str, buckets: int = 100, salt: str = "") -> int:
    """A stable bucket for an item id: sha1(salt + id) mod `buckets`."""
    return int(hashlib.sha1((salt + item_id).encode("utf-8")).hexdigest(), 16) % buckets


@dataclass(frozen=True)
class LogisticModel:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    def to_json(self) -> dict[str, object]:
        return {
            "mean": [round(float(v), 8) for v in self.mean],
            "scale": [round(float(v), 8) for v in self.scale],
            "weights": [round(float(v), 8) for v in self.weights],
            "bias": round(float(self.bias), 8),
        }


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    weight: np.ndarray | None = None,
    l2: float = 1.0,
    iterations: int = 30,
) -> LogisticModel:
    """Weighted L2 logistic regression by Newton steps on standardised features (the bias is not penalised)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    weight = np.ones(len(y)) if weight is None else np.asarray(weight, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], float(l2))
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        gradient = z.T @ (weight * (p - y)) + penalty * beta
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return LogisticModel(mean=mean, scale=scale, weights=beta[:-1], bias=float(beta[-1]))


def trainer_parser(description: str, default_out: Path) -> argparse.ArgumentParser:
    """The command-line shape every trainer shares."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--out", type=Path, default=default_out, help=f"where to write the model (default: {default_out})")
    parser.add_argument("--check", action="store_true", help="rebuild in memory and fail if the shipped file differs")
    return parser


def write_or_check(out: Path, envelope: dict, check: bool) -> int:
    """Write the model file; with `check`, compare the shipped file with the rebuilt one instead
    (exit status 1 when they differ)."""
    if not check:
        write_model_file(out, envelope)
        log.info("wrote %s", out)
        return 0
    shipped = json.loads(out.read_text(encoding="utf-8"))
    if shipped != json.loads(json.dumps(envelope)):
        log.error("%s differs from a fresh build: rerun without --check", out)
        return 1
    log.info("%s matches a fresh build", out)
    return 0


def run_trainer(description: str, default_out: Path, build: Callable[[Path], dict], argv: list[str] | None = None) -> int:
    """A trainer's whole command: `DATA_DIR [--out PATH] [--check]`, build the model file's envelope from
    the data, then write it or check the shipped one."""
    args = trainer_parser(description, default_out).parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    return write_or_check(args.out, build(args.data_dir), args.check)
