"""The bot's side of the digest queue: a drop-in for the local process pool (`DigestWorkers`).

Each digest becomes a saq job on Redis; `python -m bot worker` processes anywhere run it.
One watcher task per bot process polls the records of all the jobs this process waits for
(one MGET), so a burst of digests costs one Redis round trip per poll, not one per digest.

What a user sees never depends on a worker being there: with no worker alive (none wrote its
heartbeat into Redis lately) or the shared queue at `[discord] queue_limit`, the request is
refused with `Busy` at once; a job unfinished when the last worker goes is withdrawn and
answered `Busy` too; a job running past the time limit is withdrawn and raises `TimeoutError`
("took too long"). The limit counts from the moment a worker's pool process starts the job (the worker
notes it in the job's record: `jobs.started_in_pool`; again from each new run after a worker died), so time
spent waiting in the queue, or for a worker's pool to start, is not charged to the digest.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from bot.discord_app.worker_pool import Busy
from bot.settings import Settings
from bot.workers import jobs

if TYPE_CHECKING:
    from saq.job import Job
    from saq.queue.redis import RedisQueue

log = logging.getLogger(__name__)

T = TypeVar("T")
POLL_SECONDS = 0.05  # how often the watcher reads the records of the jobs it waits for
STATE_TTL_SECONDS = 0.5  # how long a reading of the workers alive and the queue's length is reused
PROCESS_CAPACITY = 100_000


class JobFailed(RuntimeError):
    """A job ended without an answer: the pipeline raised, or every run of it lost its worker."""


@dataclass
class _Waiter:
    future: asyncio.Future[Any]
    timeout: float
    started: float | None = None  # monotonic time its current run was first seen
    attempt: int = 0


@dataclass
class _QueueState:
    workers: int = 0
    queued: int = 0
    read_at: float = field(default=-1e9)


def _heartbeat_fresh(record: Job) -> bool:
    """The job is running and its worker touched it lately."""
    from saq.job import Status

    age_ms = time.time() * 1000 - record.touched
    return record.status == Status.ACTIVE and age_ms < jobs.HEARTBEAT_TIMEOUT_SECONDS * 1000


class QueueWorkers:
    """Digests run by `python -m bot worker` processes through the queue on `[redis] url`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._queue: RedisQueue | None = None
        self._waiters: dict[str, list[_Waiter]] = {}
        self._watcher: asyncio.Task[None] | None = None
        self._state = _QueueState()

    @property
    def capacity(self) -> int:
        """No bound of this process's own: what waits is bounded in the shared queue (`queue_limit`, read from Redis)."""
        return PROCESS_CAPACITY

    def start(self) -> None:
        if self._queue is None:
            self._queue = jobs.open_queue(self.settings.redis.url)
            log.info("digests go to the queue %r on Redis for `python -m bot worker` processes", jobs.QUEUE_NAME)

    @property
    def queue(self) -> RedisQueue:
        if self._queue is None:
            raise RuntimeError("the digest queue is not started")
        return self._queue

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        return await self.run_timed(self.settings.workers.digest_timeout_seconds, function, *args)

    async def run_timed(self, timeout: float, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` on a worker; raises `Busy`, `TimeoutError` or `JobFailed`."""
        from saq.job import Job

        name = jobs.function_name(function)
        state = await self.state()
        if state.workers == 0:
            log.warning("no digest worker is alive (start `python -m bot worker`); answering busy")
            raise Busy()
        if state.queued >= self.settings.discord.queue_limit:
            raise Busy()
        key, payload = jobs.encode_call(name, args)
        await self.queue.redis.set(jobs.input_key(key), payload, ex=jobs.INPUT_TTL_SECONDS)
        job = Job(
            function=jobs.JOB_FUNCTION, kwargs={"limit": timeout}, key=key,
            timeout=jobs.saq_timeout(timeout), heartbeat=jobs.HEARTBEAT_TIMEOUT_SECONDS,
            retries=jobs.ATTEMPTS, ttl=jobs.RESULT_TTL_SECONDS,
        )
        if await self.queue.enqueue(job) is None:
            log.info("job %s is already queued or running; waiting for it", key)
        waiter = _Waiter(asyncio.get_running_loop().create_future(), timeout)
        self._waiters.setdefault(key, []).append(waiter)
        if self._watcher is None or self._watcher.done():
            self._watcher = asyncio.create_task(self._watch(), name="digest-job-watcher")
        try:
            kind, value = await waiter.future
        finally:
            waiting = self._waiters.get(key, [])
            if waiter in waiting:
                waiting.remove(waiter)
            if not waiting:
                self._waiters.pop(key, None)
        if kind == "timeout":
            raise TimeoutError(f"the digest took over {value} s")
        if kind == "error":
            raise JobFailed(value)
        return jobs.decode_answer(name, value)  # type: ignore[no-any-return]

    async def state(self) -> _QueueState:
        """Workers alive and jobs waiting, read at most every STATE_TTL_SECONDS."""
        now = time.monotonic()
        if now - self._state.read_at > STATE_TTL_SECONDS:
            info = await self.queue.info()
            self._state = _QueueState(len(info["workers"]), info["queued"], now)
        return self._state

    async def _watch(self) -> None:
        """Settle every waiter from its job's record until none is left."""
        while self._waiters:
            try:
                await self._watch_once()
            except Exception as exc:  # noqa: BLE001 - Redis gone: nobody is left waiting forever
                log.exception("reading the digest jobs failed")
                for waiters in self._waiters.values():
                    for waiter in waiters:
                        if not waiter.future.done():
                            waiter.future.set_exception(JobFailed(f"the job queue failed: {exc}"))
            await asyncio.sleep(POLL_SECONDS)

    async def _watch_once(self) -> None:
        from saq.job import TERMINAL_STATUSES

        keys = list(self._waiters)
        records = await self.queue.jobs(keys)
        now = time.monotonic()
        unfinished = any(record is not None and record.status not in TERMINAL_STATUSES for record in records)
        workers = (await self.state()).workers if unfinished else 1
        for key, record in zip(keys, records):
            for waiter in list(self._waiters.get(key, ())):
                if not waiter.future.done():
                    await self._settle(waiter, record, now, workers)

    async def _settle(self, waiter: _Waiter, record: Job | None, now: float, workers: int) -> None:
        from saq.job import Status

        if record is None:
            waiter.future.set_exception(JobFailed("the job's record is gone from Redis"))
        elif record.status == Status.COMPLETE:
            waiter.future.set_result(record.result)
        elif record.status in (Status.FAILED, Status.ABORTED):
            waiter.future.set_exception(JobFailed(record.error or f"the job ended {record.status}"))
        elif workers == 0 and not _heartbeat_fresh(record):
            # Nobody is left to run it, or to sweep it back into the queue from a dead worker
            # (a fresh heartbeat is a worker finishing its job after a stop signal).
            log.warning("job %s is unfinished and no digest worker is alive; answering busy", record.key)
            await self._withdraw(record, "no worker alive")
            waiter.future.set_exception(Busy())
        elif record.status == Status.ACTIVE and jobs.started_in_pool(record):
            # Taken by a worker but not yet started by its pool (warming up), the clock has not started; a worker
            # of an older version never says so, and its job is bounded by saq's timeout (`jobs.saq_timeout`).
            if waiter.started is None or record.attempts != waiter.attempt:
                waiter.started, waiter.attempt = now, record.attempts
            elif now - waiter.started > waiter.timeout:
                await self._withdraw(record, "took too long")
                waiter.future.set_result(("timeout", waiter.timeout))

    async def _withdraw(self, record: Job, reason: str) -> None:
        """Abort a job nobody will wait for any more (a worker running it is told to stop)."""
        try:
            await self.queue.abort(record, reason)
        except Exception:  # noqa: BLE001 - the user is answered regardless
            log.warning("could not abort job %s", record.key, exc_info=True)

    async def close(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.cancel()
            await asyncio.gather(watcher, return_exceptions=True)
        queue, self._queue = self._queue, None
        if queue is not None:
            await jobs.close_queue(queue)
            log.info("digest queue closed")
