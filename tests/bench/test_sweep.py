"""The sweep's checks flag what a reader would call broken, and leave a sound digest alone."""

from __future__ import annotations

from typing import Any

from bench.sweep import Item, check

ITEM = Item("wcxb-article", "0001", ".html", "<html></html>", truth="word " * 80, url="https://www.example.com/a/story")
TEXT = "Officers defected overnight. The group included 33 soldiers.\n\nIt may be a general, reports say."


def digest(**changes: Any) -> dict[str, Any]:
    result: dict[str, Any] = {
        "source": "a.html", "title": "Three officers defect", "language": "en", "text": TEXT, "url": None,
        "author": "Jane Doe", "date": "2024-05-01", "language_note": None,
        "summary": [{"text": "Officers defected overnight.", "index": 0, "hedge": None, "soft_cues": []},
                    {"text": "It may be a general, reports say.", "index": 2, "hedge": {"kind": "hedged", "cues": ["may"]}, "soft_cues": []}],
        "figures": [{"text": "33", "value": 33.0, "counts": "soldiers", "approximate": False, "sentence": 1, "kind": "count", "quote": ""}],
        "hedges": [{"text": "It may be a general, reports say.", "index": 2, "kind": "hedged", "cues": ["may"], "soft_cues": []}],
        "stats": {"words_in": 15, "words_out": 10}, "error": None,
    }
    result.update(changes)
    return result


def kinds(result: dict[str, Any]) -> set[str]:
    return {kind for kind, _ in check(ITEM, result)}


def test_a_sound_digest_is_not_flagged() -> None:
    assert kinds(digest()) == set()


def test_broken_digests_are_flagged() -> None:
    assert "error.on_text" in kinds(digest(error="No article text was found on the page."))
    assert "title.home" in kinds(digest(title="Home"))
    assert "title.site_name" in kinds(digest(title="Example"))
    assert "author.odd" in kinds(digest(author="Sign In"))
    assert "summary.empty" in kinds(digest(summary=[], stats={"words_in": 15, "words_out": 0}))
    hedged = digest(hedges=[{"text": "Officers defected overnight.", "index": 0, "kind": "hedged", "cues": ["some"], "soft_cues": []}])
    assert "hedge.cue_not_in_sentence" in kinds(hedged)
    assert "stats.words_out" in kinds(digest(stats={"words_in": 15, "words_out": 3}))
    chrome = [{"text": "We use cookies to improve your experience.", "index": 0, "hedge": None, "soft_cues": []}]
    assert {"summary.chrome", "summary.not_in_text"} <= kinds(digest(summary=chrome, stats={"words_in": 15, "words_out": 7}))
