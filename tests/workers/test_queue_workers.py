"""`[workers] mode = "queue"`: digests run by real `python -m bot worker` processes through a real Redis."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

from bot.digest.conversation import ChatMessage, digest_conversation
from bot.digest.pipeline import digest_document
from bot.digest.sources import document_from_text
from bot.discord_app.digest_service import Busy, DigestRequest
from bot.discord_app.worker_pool import WorkerPool, open_digest_workers
from bot.settings import load_settings
from bot.workers import jobs
from bot.workers.queue_client import QueueWorkers
from tests.helpers.slow_digest_hook import SLOW_DIGEST_MARKER
from tests.helpers.worker_processes import QueueSide, Workers, open_queue_side, wait_until, write_queue_config

pytestmark = pytest.mark.timeout(240)


def slow_request(sample_text: str) -> DigestRequest:
    """The sample article, marked so that a worker started with `slow_seconds` sleeps before digesting it."""
    return DigestRequest(kind="text", value=f"{sample_text}\n\n{SLOW_DIGEST_MARKER}", label="pasted text")


def test_the_mode_chooses_the_local_pool_or_the_queue(tmp_path: Path) -> None:
    queue_mode = load_settings(write_queue_config(tmp_path, "redis://127.0.0.1:1/0"), environ={})
    assert isinstance(open_digest_workers(queue_mode), QueueWorkers)
    assert isinstance(open_digest_workers(load_settings(environ={})), WorkerPool)


def test_a_job_may_run_only_a_pipeline_function() -> None:
    assert jobs.resolve(jobs.function_name(digest_document)) is digest_document
    with pytest.raises(ValueError, match="not a pipeline function"):
        jobs.function_name(os.getpid)
    with pytest.raises(ValueError, match="not a pipeline function"):
        jobs.resolve("os.system")


async def test_a_digest_makes_the_round_trip_through_a_worker_process(
    workers: Workers, bot_side: QueueSide, sample_text: str
) -> None:
    await workers.start()
    digest = await bot_side.service.digest(DigestRequest(kind="text", value=sample_text, label="pasted text"))
    # The very digest the pipeline makes in this process: the worker ran the same call.
    assert digest.error is None
    assert digest == digest_document(document_from_text(sample_text, source="pasted text"), bot_side.settings.digest)
    messages = [ChatMessage(n, 7, "ann", sentence) for n, sentence in enumerate(sample_text.split("\n\n")[1:8])]
    quoted = await bot_side.service.conversation(messages)
    assert quoted == digest_conversation(messages, bot_side.settings.digest)


async def test_a_worker_killed_mid_job_has_its_job_finished_by_another_worker_once(
    workers: Workers, bot_side: QueueSide, sample_text: str
) -> None:
    first = await workers.start(slow_seconds=60)  # would never finish in time: it must be the second's run
    answer = asyncio.create_task(bot_side.service.digest(slow_request(sample_text)))
    await wait_until(lambda: [event for event, _ in workers.slow_events()] == ["start"], 60, "the first worker takes the job")
    await workers.start(slow_seconds=2)  # idle: the queue is empty while the first holds the job
    first.kill()
    digest = await asyncio.wait_for(answer, 120)
    assert digest.error is None and digest.title == "3 top Syrian officers defect"
    events = workers.slow_events()
    starts = [pid for event, pid in events if event == "start"]
    finishes = [pid for event, pid in events if event == "finish"]
    # Run again by the second worker; run to the end once: the killed worker's pool process died with it.
    assert len(starts) == 2 and starts[0] != starts[1]
    assert finishes == [starts[1]]
    [record] = await bot_side.client.queue.jobs([key for key in await _job_keys(bot_side)])
    assert record is not None and record.attempts == 2


async def _job_keys(side: QueueSide) -> list[str]:
    prefix = side.client.queue.job_id("")
    return [key.decode()[len(prefix):] async for key in side.client.queue.redis.scan_iter(match=f"{prefix}*")]


async def test_a_job_past_the_time_limit_is_answered_took_too_long(
    workers: Workers, queue_config: Path, sample_text: str
) -> None:
    await workers.start(slow_seconds=20)
    side = open_queue_side(queue_config, digest_timeout_seconds=1.0)
    try:
        started = time.monotonic()
        digest = await side.service.digest(slow_request(sample_text))
        waited = time.monotonic() - started
    finally:
        await side.service.close()
        await side.client.close()
    assert digest.error is not None and "took too long" in digest.error and "\n" not in digest.error
    assert waited < 15  # answered at the limit, long before the slow digest could end


async def test_with_no_worker_alive_the_user_is_told_busy_at_once(bot_side: QueueSide, sample_text: str) -> None:
    started = time.monotonic()
    with pytest.raises(Busy):
        await bot_side.service.digest(DigestRequest(kind="text", value=sample_text, label="pasted text"))
    assert time.monotonic() - started < 5
    assert await bot_side.client.queue.count("queued") == 0  # nothing left behind for a worker to find later


async def test_a_job_whose_only_worker_dies_is_answered_busy_not_left_waiting(
    workers: Workers, bot_side: QueueSide, sample_text: str
) -> None:
    only = await workers.start(slow_seconds=30)
    answer = asyncio.create_task(bot_side.service.digest(slow_request(sample_text)))
    await wait_until(lambda: bool(workers.slow_events()), 60, "the worker takes the job")
    only.kill()
    killed = time.monotonic()
    with pytest.raises(Busy):
        await asyncio.wait_for(answer, 30)
    assert time.monotonic() - killed < 15  # when its heartbeat in Redis lapses, not at the 60 s limit


async def test_a_worker_stopped_with_sigterm_finishes_its_job_and_exits_cleanly(
    workers: Workers, bot_side: QueueSide, sample_text: str
) -> None:
    worker = await workers.start(slow_seconds=2)
    answer = asyncio.create_task(bot_side.service.digest(slow_request(sample_text)))
    await wait_until(lambda: bool(workers.slow_events()), 60, "the worker takes the job")
    stopping = asyncio.create_task(worker.terminate())
    digest = await asyncio.wait_for(answer, 60)
    assert digest.error is None and digest.title == "3 top Syrian officers defect"
    assert await stopping == 0, worker.log
    assert "worker stopped" in worker.log
