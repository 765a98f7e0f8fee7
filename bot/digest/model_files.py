"""One contract for the learned files that ship inside the package.

Every model file is a JSON envelope written by a trainer in `bench/`:

    {"kind": "...", "format": N, "features": [...], "trained_on": "...",
     "data_sha256": "...", "payload": {...}}

`read_model_file` checks the kind, the format number and (where the code
computes features by name) the feature names, and fails loudly with the
trainer to rerun: a model that does not fit the code must never be used
quietly, nor replaced by a silent fall-back. `models_version` is a hash of
every shipped model file; the digest cache keys on it, so a retrained model
does not keep serving digests made by the old one.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

# Every model file the package ships, as (package, file name). A new model is added here,
# so that the cache key changes when it is retrained.
SHIPPED_MODELS: tuple[tuple[str, str], ...] = (
    ("bot.digest.summarize", "weights.json"),
    ("bot.digest.hedges", "hedge_model.json"),
    ("bot.digest.extract.paste", "cleaner_model.json"),
    ("bot.digest.extract.paste", "headline_model.json"),
    ("bot.digest.extract.html", "title_model.json"),
    ("bot.digest.extract.html", "page_type_model.json"),
    ("bot.digest.language", "langdetect_profiles.json"),  # langdetect's profiles, repacked (profile_table.py)
)


class ModelFileError(RuntimeError):
    """A shipped model file is missing, unreadable or does not fit the code that reads it."""


@dataclass(frozen=True)
class ModelFile:
    kind: str
    format: int
    features: tuple[str, ...]
    trained_on: str  # what data, which split rule
    data_sha256: str  # hash of the training data, so a model can be traced to its data
    payload: dict[str, Any]


def _fail(where: str, problem: str, trainer: str | None) -> ModelFileError:
    hint = f"; rebuild it with `python -m {trainer} DATA_DIR`" if trainer else ""
    return ModelFileError(f"model file {where}: {problem}{hint}")


def parse_model_file(
    data: Any,
    where: str,
    kind: str,
    format: int,
    features: Sequence[str] | None = None,
    trainer: str | None = None,
) -> ModelFile:
    """Check an already decoded envelope against what the code expects."""
    if not isinstance(data, dict):
        raise _fail(where, "not a JSON object", trainer)
    missing = [key for key in ("kind", "format", "features", "trained_on", "data_sha256", "payload") if key not in data]
    if missing:
        raise _fail(where, f"lacks {', '.join(missing)} (not a model envelope)", trainer)
    if data["kind"] != kind:
        raise _fail(where, f"holds a {data['kind']!r} model, expected {kind!r}", trainer)
    if data["format"] != format:
        raise _fail(where, f"has format {data['format']!r}, this code reads format {format}", trainer)
    found = tuple(data["features"])
    if features is not None and found != tuple(features):
        extra = sorted(set(found) - set(features))[:5]
        lacking = sorted(set(features) - set(found))[:5]
        raise _fail(where, f"was fitted on other features (not in the code: {extra}; not in the file: {lacking})", trainer)
    if not isinstance(data["payload"], dict):
        raise _fail(where, "payload is not a JSON object", trainer)
    return ModelFile(
        kind=kind,
        format=format,
        features=found,
        trained_on=str(data["trained_on"]),
        data_sha256=str(data["data_sha256"]),
        payload=data["payload"],
    )


def read_model_file(
    path: Path,
    kind: str,
    format: int,
    features: Sequence[str] | None = None,
    trainer: str | None = None,
) -> ModelFile:
    """Read and check one model file; raise ModelFileError naming the file and the trainer."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(str(path), f"cannot be read ({exc.strerror or exc})", trainer) from exc
    except ValueError as exc:
        raise _fail(str(path), f"is not valid JSON ({exc})", trainer) from exc
    return parse_model_file(data, str(path), kind, format, features, trainer)


def package_model_path(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def model_envelope(
    kind: str,
    format: int,
    features: Sequence[str],
    trained_on: str,
    data_sha256: str,
    payload: dict[str, Any],
) -> dict[str, Any]:
    return {
        "kind": kind,
        "format": format,
        "features": list(features),
        "trained_on": trained_on,
        "data_sha256": data_sha256,
        "payload": payload,
    }


def write_model_file(path: Path, envelope: dict[str, Any]) -> None:
    """Write an envelope deterministically: the same model gives the same bytes."""
    Path(path).write_text(json.dumps(envelope, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


def sha256_of_files(paths: Iterable[Path]) -> str:
    """One hash over the bytes of the given files, in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).name.encode("utf-8") + b"\0")
        with Path(path).open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def models_version() -> str:
    """A short hash of every shipped model file: part of the digest cache key."""
    digest = hashlib.sha256()
    for package, name in SHIPPED_MODELS:
        digest.update(f"{package}/{name}\0".encode("utf-8"))
        digest.update(resources.files(package).joinpath(name).read_bytes())
    return digest.hexdigest()[:16]
