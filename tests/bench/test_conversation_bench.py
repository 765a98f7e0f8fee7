"""The conversation-digest evaluation runs on a small file in ChitChat's format (the corpus itself is not needed)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.conversation import CHOOSERS, evaluate, part_of


def test_evaluate_on_a_small_chitchat_file(tmp_path: Path) -> None:
    lines = [
        "hello", "hi how are you", "good thanks, I just came back from hiking in the mountains",
        "which mountains did you hike in?", "the Rocky Mountains, we hiked about 12 miles on the first day",
        "wow that is a long hike for one day", "lol", "ok", "yes my legs still hurt from the mountains hike",
        "do you hike often or was it the first time?", "maybe twice a year, mostly in summer when trails are dry",
        "nice", "I might go hiking next month with my brother", "cool", "where would you go next time?",
        "probably the Alps, people say the hiking trails there are beautiful",
    ]
    record = {
        "prompt": "Where did you go hiking last?",
        "messages": [[{"text": text, "sender": "ab"[n % 2], "timestamp": ""}] for n, text in enumerate(lines)],
    }
    ids = {part_of(f"chat-{n}"): f"chat-{n}" for n in range(20)}  # one id in each part
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps({ids["held-out"]: record, ids["tune"]: record}), encoding="utf-8")
    table = evaluate(path, "held-out")
    assert table.pop("_") == {"conversations": 1.0}
    assert set(table) == set(CHOOSERS)
    assert table["ours"]["filler"] == 0.0  # "lol", "ok" are never quoted
    assert table["first-k"]["filler"] > 0.0
    assert 0.0 < table["ours"]["on_topic"] <= 1.0
