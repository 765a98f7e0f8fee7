"""bench.bot_load's memory summary: every reading, not only the two ends (a saw-tooth hides between them)."""

from __future__ import annotations

from bench.bot_load import memory_summary
from bench.report import Row

TASK = "bot memory (2 worker processes, 200 digests)"


def _rows(readings: dict[str, float]) -> list[Row]:
    rows = [Row(TASK, label, "PSS MB (bot + pool)", value) for label, value in readings.items()]
    rows.append(Row(TASK, "after 200 - after 50", "PSS growth MB", readings["after 200"] - readings["after 50"]))
    rows.append(Row(TASK, "bot", "pool replaced (times)", 1.0))
    return rows


def test_every_reading_and_the_highest_are_in_the_summary() -> None:
    readings = {"idle": 183.0, "after 50": 231.0, "after 100": 245.0, "after 150": 255.0, "after 200": 233.0}
    (line,) = memory_summary(_rows(readings))
    assert "PSS idle 183 MB, after 50 231, 100 245, 150 255, 200 233;" in line
    assert "growth +2.0 MB" in line and "from 50 to 200" in line
    assert "highest reading 255" in line  # the middle reading, missed by the two ends
    assert "pool replaced 1 times" in line


def test_a_run_without_readings_after_its_first_batch_is_left_out() -> None:
    assert memory_summary([Row(TASK, "idle", "PSS MB (bot + pool)", 183.0), Row(TASK, "after 50", "PSS MB (bot + pool)", 231.0)]) == []


def test_the_peak_of_each_batch_is_in_the_summary() -> None:
    readings = {"idle": 183.0, "after 50": 188.0, "after 100": 190.0}
    rows = _rows({**readings, "after 200": 191.0})
    rows += [Row(TASK, label, "peak PSS MB (bot + pool)", peak)
             for label, peak in [("after 50", 251.0), ("after 100", 244.0), ("after 200", 262.0)]]
    (line,) = memory_summary(rows)
    assert "highest reading 191" in line
    assert "peak in each 50 251, 244, 262" in line  # what the readings between batches missed
