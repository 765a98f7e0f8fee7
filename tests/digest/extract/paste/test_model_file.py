"""The paste cleaner's model file goes through the one model-file contract and its decode settings are typed."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path

import pytest

from bot.digest.extract.paste.model import (
    MODEL_FORMAT, MODEL_KIND, DecodeSettings, envelope_features, load_model, model_path, parse_model,
)
from bot.digest.model_files import SHIPPED_MODELS, ModelFileError


def _envelope() -> dict:
    return json.loads(model_path().read_text(encoding="utf-8"))


def test_shipped_model_is_an_envelope_listed_in_shipped_models() -> None:
    data = _envelope()
    assert data["kind"] == MODEL_KIND and data["format"] == MODEL_FORMAT
    assert data["features"] == envelope_features()
    assert len(data["data_sha256"]) == 64 and "tune" in data["trained_on"]
    assert ("bot.digest.extract.paste", model_path().name) in SHIPPED_MODELS
    model = load_model()
    assert set(asdict(model.decode)) == {f.name for f in fields(DecodeSettings)}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(kind="hedges"), "expected 'paste_cleaner'"),
        (lambda d: d.update(format=1), "format"),
        (lambda d: d["features"].pop(), "other features"),
        (lambda d: d["payload"]["decode"].pop("section_words"), "missing ['section_words']"),
        (lambda d: d["payload"]["decode"].update(surprise=1), "unknown ['surprise']"),
        (lambda d: d["payload"]["decode"].update(trim_edges=1), "trim_edges=1 is not a bool"),
        (lambda d: d["payload"]["decode"].update(section_words=2.5), "not a whole number"),
        (lambda d: d["payload"]["decode"].update(switch_cost="1"), "not a float"),
        (lambda d: d["payload"]["stage2"]["weights"].pop(), "weights for"),
        (lambda d: d["payload"].pop("lexicon"), "payload lacks"),
    ],
)
def test_a_model_that_does_not_fit_is_refused_loudly(change, message: str) -> None:
    data = _envelope()
    change(data)
    with pytest.raises(ModelFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_model(data)


def test_unreadable_model_file_names_the_trainer(tmp_path: Path) -> None:
    broken = tmp_path / "model.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFileError, match="bench.train_paste_cleaner"):
        load_model(broken)


def test_phrase_tables_are_utf8_text_not_escapes() -> None:
    raw = (model_path().parent / "phrases.json").read_bytes().decode("utf-8")
    assert "\\u" not in raw
    assert "datenschutzerklärung" in raw and "相关文章" in raw
