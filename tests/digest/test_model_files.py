"""The model-file contract: a file that does not fit the code is refused loudly, never used quietly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.fitting import fit_logistic
from bot.digest.model_files import (
    ModelFileError,
    model_envelope,
    models_version,
    read_model_file,
    sha256_of_files,
    write_model_file,
)


def _write(tmp_path: Path, **changes: object) -> Path:
    envelope = model_envelope("demo", 3, ["a", "b"], "a test", "0" * 64, {"weights": [1.0, 2.0]})
    envelope.update(changes)
    path = tmp_path / "model.json"
    write_model_file(path, envelope)
    return path


def test_a_fitting_file_is_read_back(tmp_path: Path) -> None:
    model = read_model_file(_write(tmp_path), "demo", 3, ["a", "b"])
    assert model.payload == {"weights": [1.0, 2.0]}
    assert model.features == ("a", "b")
    assert model.trained_on == "a test"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "other"}, "holds a 'other' model"),
        ({"format": 2}, "has format 2"),
        ({"features": ["a", "c"]}, "other features"),
        ({"payload": []}, "payload is not a JSON object"),
    ],
)
def test_a_file_that_does_not_fit_is_refused(tmp_path: Path, changes: dict, message: str) -> None:
    with pytest.raises(ModelFileError, match=message) as raised:
        read_model_file(_write(tmp_path, **changes), "demo", 3, ["a", "b"], trainer="bench.train_demo")
    assert "python -m bench.train_demo" in str(raised.value)


def test_a_missing_or_broken_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="cannot be read"):
        read_model_file(tmp_path / "absent.json", "demo", 3)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFileError, match="not valid JSON"):
        read_model_file(broken, "demo", 3)
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps({"weights": [1]}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="not a model envelope"):
        read_model_file(bare, "demo", 3)


def test_writing_is_deterministic_and_the_data_hash_follows_the_bytes(tmp_path: Path) -> None:
    first = _write(tmp_path).read_bytes()
    assert _write(tmp_path).read_bytes() == first
    data = tmp_path / "data.txt"
    data.write_text("one", encoding="utf-8")
    before = sha256_of_files([data])
    data.write_text("two", encoding="utf-8")
    assert sha256_of_files([data]) != before


def test_models_version_is_a_short_stable_hash() -> None:
    assert models_version() == models_version()
    assert len(models_version()) == 16


def test_the_shared_logistic_fit_separates_a_separable_set() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(float)
    model = fit_logistic(x, y, l2=1.0)
    accuracy = float(np.mean((model.logits(x) > 0) == (y == 1)))
    assert accuracy > 0.95
    assert model.weights[0] > model.weights[1] > 0
