"""Digests to JSON text and back, for the digest cache."""

from __future__ import annotations

import json
from typing import Any

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats


def digest_to_text(digest: Digest) -> str:
    return json.dumps(digest.to_json(), ensure_ascii=False)


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
    figures = [Figure(**f) for f in data.get("figures", [])]
    stats = Stats(**data.get("stats", {"words_in": 0, "words_out": 0}))
    plain = {k: v for k, v in data.items() if k not in {"summary", "hedges", "figures", "stats"}}
    return Digest(**plain, summary=summary, hedges=hedges, figures=figures, stats=stats)
