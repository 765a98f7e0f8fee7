"""Digests to JSON text and back, for the digest cache."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TypeVar

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats

T = TypeVar("T")


def digest_to_text(digest: Digest) -> str:
    return json.dumps(digest.to_json(), ensure_ascii=False)


def _known_fields(cls: type[T], data: dict[str, Any]) -> dict[str, Any]:
    """The entries of `data` that `cls` has fields for: a bot reading an entry that a newer version wrote
    (one more field, e.g. a figure's `quote`) keeps what it knows instead of dropping the entry."""
    names = {field.name for field in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return {key: value for key, value in data.items() if key in names}


def digest_from_text(text: str) -> Digest:
    data: dict[str, Any] = json.loads(text)
    summary = [
        MarkedSentence(
            text=item["text"],
            index=item["index"],
            hedge=Hedge(kind=item["hedge"]["kind"], cues=tuple(item["hedge"]["cues"])) if item.get("hedge") else None,
            soft_cues=tuple(item.get("soft_cues", ())),
        )
        for item in data.get("summary", [])
    ]
    hedges = [
        MarkedSentence(h["text"], h["index"], Hedge(h["kind"], tuple(h["cues"])), tuple(h.get("soft_cues", ())))
        for h in data.get("hedges", [])
    ]
    figures = [Figure(**_known_fields(Figure, f)) for f in data.get("figures", [])]
    stats = Stats(**_known_fields(Stats, data.get("stats", {"words_in": 0, "words_out": 0})))
    plain = {k: v for k, v in _known_fields(Digest, data).items() if k not in {"summary", "hedges", "figures", "stats"}}
    return Digest(**plain, summary=summary, hedges=hedges, figures=figures, stats=stats)
