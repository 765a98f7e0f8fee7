"""`[workers] mode = "queue"`: digests run by real `python -m bot worker` processes through a real Redis."""

from __future__ import annotations

import asyncio
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Awaitable, Callable

import msgspec
import pytest

from bot.digest.conversation import ChatMessage, digest_conversation
from bot.digest.models import Digest
from bot.digest.pipeline import DigestOptions, digest_document
from bot.digest.sources import RawDocument, document_from_text
from bot.discord_app.digest_service import Busy, DigestRequest
from bot.discord_app.worker_pool import WorkerPool, open_digest_workers
from bot.settings import DigestSettings, load_settings
from bot.workers import jobs
from bot.workers.queue_client import QueueWorkers
from tests.helpers.servers import RedisServer
from tests.helpers.slow_digest_hook import SLOW_DIGEST_MARKER
from tests.helpers.worker_processes import (
    REPO,
    QueueSide,
    WorkerProcess,
    Workers,
    open_queue_side,
    wait_until,
    write_queue_config,
)

if TYPE_CHECKING:
    from saq.queue.redis import RedisQueue

pytestmark = pytest.mark.timeout(240)


def slow_request(sample_text: str) -> DigestRequest:
    """The sample article, marked so that a worker started with `slow_seconds` sleeps before digesting it."""
    return DigestRequest(kind="text", value=f"{sample_text}\n\n{SLOW_DIGEST_MARKER}", label="pasted text")


async def slow_job_in_hand(
    workers: Workers, side: QueueSide, sample_text: str, slow_seconds: float
) -> tuple[WorkerProcess, asyncio.Task[Digest]]:
    """A new slow worker, and a digest asked for that it has started on."""
    worker = await workers.start(slow_seconds=slow_seconds)
    answer = asyncio.create_task(side.service.digest(slow_request(sample_text)))
    await wait_until(lambda: [event for event, _ in workers.slow_events()] == ["start"], 60, "the worker takes the job")
    return worker, answer


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


def test_a_job_crosses_redis_as_json_and_comes_back_as_the_declared_types() -> None:
    pdf = RawDocument(source="report.pdf", text="", kind="pdf", data=b"%PDF-1.7\x00\xff")
    key, payload = jobs.encode_call(jobs.function_name(digest_document), (pdf, DigestSettings(), DigestOptions(4)))
    assert payload.startswith(b'["bot.digest.pipeline.digest_document",')
    assert jobs.decode_call(payload) == ("bot.digest.pipeline.digest_document", (pdf, DigestSettings(), DigestOptions(4)))
    assert jobs.encode_call("bot.digest.pipeline.digest_document", (pdf, DigestSettings(), DigestOptions(4)))[0] == key
    messages = [ChatMessage(1, 7, "ann", "Some 42 countries filter content, a study may suggest.", "https://x/1")]
    name = jobs.function_name(digest_conversation)
    answer = digest_conversation(messages, DigestSettings())
    assert jobs.decode_call(jobs.encode_call(name, (messages, DigestSettings()))[1]) == (name, (messages, DigestSettings()))
    # The answer as saq stores it (its default JSON), then back.
    assert jobs.decode_answer(name, json.loads(json.dumps(jobs.encode_answer(answer)))) == answer


@pytest.mark.parametrize(
    "payload",
    [
        pickle.dumps(("bot.digest.pipeline.digest_document", ())),  # what the queue used to carry: refused unread
        b'["os.system", ["echo hi"]]',
        b'["bot.digest.pipeline.digest_document", [{"source": "x", "text": 3, "kind": "text"}]]',
        b'["bot.digest.pipeline.digest_document", [{"source": "x", "text": "t", "kind": "exe"}]]',
        b'["bot.digest.conversation.digest_conversation", [[], {}, 3, "one too many"]]',
    ],
)
def test_a_job_input_that_is_not_a_digest_request_is_refused(payload: bytes) -> None:
    with pytest.raises((ValueError, msgspec.MsgspecError)):
        jobs.decode_call(payload)


async def test_a_planted_job_gets_an_error_answer_and_the_worker_goes_on(
    workers: Workers, bot_side: QueueSide, sample_text: str
) -> None:
    from saq.job import Status

    await workers.start()
    bot_side.client.start()
    queue = bot_side.client.queue
    await queue.redis.set(jobs.input_key("planted"), pickle.dumps(os.getpid), ex=60)
    await queue.enqueue(jobs.JOB_FUNCTION, key="planted", limit=10.0)
    await wait_until_async(lambda: _status(queue, "planted"), Status.COMPLETE, 60)
    kind, message = (await queue.job("planted")).result
    assert kind == "error" and "not a digest request" in message
    digest = await bot_side.service.digest(DigestRequest(kind="text", value=sample_text, label="pasted text"))
    assert digest.error is None and digest.summary


async def _status(queue: "RedisQueue", key: str) -> object:
    record = await queue.job(key)
    return None if record is None else record.status


async def wait_until_async(read: Callable[[], Awaitable[object]], wanted: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while (seen := await read()) != wanted:
        assert time.monotonic() < deadline, f"still {seen!r} after {seconds} s, waiting for {wanted!r}"
        await asyncio.sleep(0.1)


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
    # The first would take a minute: the digest that arrives must be the second worker's run.
    first, answer = await slow_job_in_hand(workers, bot_side, sample_text, slow_seconds=60)
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
    side = open_queue_side(queue_config, workers={"digest_timeout_seconds": 1.0})
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
    only, answer = await slow_job_in_hand(workers, bot_side, sample_text, slow_seconds=30)
    only.kill()
    killed = time.monotonic()
    with pytest.raises(Busy):
        await asyncio.wait_for(answer, 30)
    assert time.monotonic() - killed < 15  # when its heartbeat in Redis lapses, not at the 60 s limit


async def test_a_worker_stopped_with_sigterm_finishes_its_job_and_exits_cleanly(
    workers: Workers, bot_side: QueueSide, sample_text: str
) -> None:
    worker, answer = await slow_job_in_hand(workers, bot_side, sample_text, slow_seconds=2)
    stopping = asyncio.create_task(worker.terminate())
    digest = await asyncio.wait_for(answer, 60)
    assert digest.error is None and digest.title == "3 top Syrian officers defect"
    assert await stopping == 0, worker.log
    assert "worker stopped" in worker.log



async def test_a_full_shared_queue_is_answered_busy_at_once(workers: Workers, queue_config: Path, sample_text: str) -> None:
    side = open_queue_side(queue_config, discord={"queue_limit": 1})
    try:
        worker, running = await slow_job_in_hand(workers, side, sample_text, slow_seconds=30)
        waiting = asyncio.create_task(side.service.digest(slow_request(f"{sample_text}\n\nA second copy.")))
        await wait_until(lambda: waiting.done() or len(side.client._waiters) == 2, 30, "the second job is queued")
        assert await side.client.queue.count("queued") == 1
        await asyncio.sleep(0.6)  # past the client's reuse of its last reading of the queue
        started = time.monotonic()
        with pytest.raises(Busy):
            await side.service.digest(slow_request(f"{sample_text}\n\nA third copy."))
        assert time.monotonic() - started < 5
        worker.kill()  # the two slow digests are not awaited
        for task in (running, waiting):
            task.cancel()
        await asyncio.gather(running, waiting, return_exceptions=True)
    finally:
        await side.service.close()
        await side.client.close()


@pytest.mark.parametrize(("redis_url", "status", "reason"), [
    ("redis://127.0.0.1:1/0", 1, "cannot reach Redis"),  # nothing listens on port 1
    ("", 2, "needs [redis] url"),
])
def test_a_worker_without_a_reachable_redis_exits_with_one_line(redis_url: str, status: int, reason: str) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "DIGEST_BOT_"))}
    env |= {"PYTHONPATH": str(REPO), "DIGEST_BOT_REDIS_URL": redis_url}
    done = subprocess.run([sys.executable, "-m", "bot", "worker"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == status
    [line] = done.stderr.strip().splitlines()
    assert reason in line


async def test_a_worker_that_loses_redis_exits_for_its_service_manager_to_restart(
    redis_server: RedisServer, tmp_path: Path  # the session's: skipped (or failed on CI) where Redis is missing
) -> None:
    own = RedisServer().start()  # its own Redis, stopped under it (the session's serves the other tests)
    try:
        workers = Workers(write_queue_config(tmp_path, own.url), tmp_path, tmp_path / "slow.log")
        worker = await workers.start()
        own.stop()
        await wait_until(lambda: worker.process.poll() is not None, 60, "the worker exits")
    finally:
        own.stop()
    assert worker.process.returncode == 1
    assert "Redis unreachable for 10 s" in worker.log
