"""Queue mode: a job past its time limit has the worker's pool process that ran it stopped, as in local mode
(sixteenth session; docs/SECURITY.md), and the worker goes on serving; the limit counts from the moment the
worker's pool process starts the job, not from its submission (seventeenth session)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.discord_app.digest_service import DigestRequest
from tests.helpers.spin_digest import process_runs
from tests.helpers.worker_processes import Workers, open_queue_side, wait_until
from tests.workers.test_queue_workers import slow_request

pytestmark = pytest.mark.timeout(240)
HANG = 60.0  # a bound only a hang would reach


async def test_a_job_past_its_limit_loses_its_pool_process_and_the_worker_serves_the_next(
    workers: Workers, queue_config: Path, sample_text: str
) -> None:
    await workers.start(slow_seconds=120)
    patient = open_queue_side(queue_config)  # the config's 60 s limit
    side = open_queue_side(queue_config, workers={"digest_timeout_seconds": 1.0})
    plain_request = DigestRequest(kind="text", value=sample_text, label="pasted text")
    try:
        # The worker's first job, while its pool still starts (about 3 s here, past the limit): the limit counts, in
        # the worker and in the bot, from the moment a pool process starts the job (seventeenth session).
        first = await asyncio.wait_for(side.service.digest(plain_request), HANG)
        assert first.error is None and first.summary
        answer = asyncio.create_task(side.service.digest(slow_request(sample_text)))
        await wait_until(lambda: bool(workers.slow_events()), HANG, "the worker's pool process starts the slow digest")
        [(event, pid)] = workers.slow_events()
        assert event == "start"
        slow = await asyncio.wait_for(answer, HANG)
        assert slow.error is not None and "took too long" in slow.error
        await wait_until(lambda: not process_runs(pid), HANG, "the pool process of the slow job is gone")
        plain = await patient.service.digest(DigestRequest(kind="text", value=f"{sample_text}\n\nOnce more.", label="pasted text"))
        assert plain.error is None and plain.summary  # the worker's pool was replaced, and serves
    finally:
        for opened in (side, patient):
            await opened.service.close()
            await opened.client.close()
    assert [event for event, _ in workers.slow_events()] == ["start"]  # the slow digest never finished
