"""bench.pool_kill: its summary, and one real round of its 'beside' scenario (a digest stopped beside a bystander)."""

from __future__ import annotations

import os
from pathlib import Path

from bench.pool_kill import Wait, beside, limit_for, summary
from bot.digest.sources import RawDocument
from bot.discord_app.worker_pool import WorkerPool


def test_the_summary_counts_outcomes_and_waits_per_scenario_and_bystander() -> None:
    waits = [Wait("behind", "a", 2.0, "answered"), Wait("behind", "b", 1.0, "timeout"),
             Wait("behind", "long paste (2 pastes)", 6.0, "answered")]
    rows = summary(waits, {"a": 0.5, "b": 0.5, "long paste (2 pastes)": 2.0})
    assert [(row["scenario"], row["bystander"], row["runs"], row["answered"], row["timed out"]) for row in rows] == [
        ("behind", "pages", 2, 1, 1), ("behind", "long paste", 1, 1, 0)]
    assert rows[0]["wait max s"] == 2.0 and rows[0]["wait / alone median"] == 3.0
    assert limit_for(0.2) == 1.0 and limit_for(0.9) == 1.8


async def test_a_bystander_beside_a_stopped_digest_is_answered_once(tmp_path: Path, sample_text: str) -> None:
    document = RawDocument(source="sample", text=sample_text, kind="text")
    pool = WorkerPool(2)
    pool.start()
    try:
        await pool.run(os.getpid)
        [wait] = await beside(pool, [document], {"sample": 0.1}, 1, tmp_path)
        assert (wait.scenario, wait.outcome) == ("beside", "answered")
        assert (pool.stopped, pool.reruns) == (1, 0)
    finally:
        await pool.close()
