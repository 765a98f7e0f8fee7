"""The digest cache's JSON codec: a round trip, and entries written by another version."""

from __future__ import annotations

import json

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats
from bot.store.digest_codec import digest_from_text, digest_to_text


def _digest() -> Digest:
    return Digest(
        source="https://example.org/a",
        title="Officers defect",
        language="en",
        summary=[MarkedSentence("It may be a general.", 0, Hedge("hedged", ("may",)), ())],
        hedges=[MarkedSentence("It may be a general.", 0, Hedge("hedged", ("may",)), ())],
        figures=[
            Figure("33,000", 33000.0, "refugees", True, 1),
            Figure("seven in 10", 0.7, "", False, 2, "percent", "seven in 10 say they back"),
        ],
        stats=Stats(120, 40),
    )


def test_a_digest_survives_the_round_trip() -> None:
    digest = _digest()
    assert digest_from_text(digest_to_text(digest)) == digest


def test_an_entry_with_fields_this_version_does_not_know_still_loads() -> None:
    data = json.loads(digest_to_text(_digest()))
    data["figures"][0]["confidence"] = 0.9
    data["stats"]["sentences"] = 12
    data["reading_level"] = "easy"
    loaded = digest_from_text(json.dumps(data))
    assert loaded == _digest()


def test_an_entry_without_the_newer_fields_loads_with_their_defaults() -> None:
    data = json.loads(digest_to_text(_digest()))
    for figure in data["figures"]:
        del figure["quote"]
    loaded = digest_from_text(json.dumps(data))
    assert [f.quote for f in loaded.figures] == ["", ""]
    assert [f.text for f in loaded.figures] == ["33,000", "seven in 10"]
