"""`python -m bot worker`: run digest jobs from the queue on `[redis] url` until SIGINT or SIGTERM.

A worker is a saq `Worker` whose one job function reads the call's input from Redis and runs
it in the same process pool the bot uses in local mode (`[workers] processes`, warmed up the
same way), so a digest made by a worker is the digest the bot would have made itself. Its
event loop stays free while the pool computes: it heartbeats the running jobs, says it is
alive, and sweeps the jobs of dead workers back into the queue.

With Redis unreachable for REDIS_LOST_SECONDS it exits 1, for the service manager to restart.
On SIGTERM it takes no new job, lets the running ones finish for SHUTDOWN_GRACE_SECONDS, hands
back to the queue whatever is still running (another worker runs it), and exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import Any

import msgspec

from bot.discord_app.worker_pool import WorkerPool
from bot.settings import Settings
from bot.workers import jobs

log = logging.getLogger(__name__)  # what ends the worker: the command line prints its errors as `error: ...`
job_log = logging.getLogger(f"{__name__}.job")  # one job's trouble, which the worker survives: a log line

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2
SHUTDOWN_GRACE_SECONDS = 10
DEQUEUE_TIMEOUT_SECONDS = 1.0  # an idle worker notices a stop signal within this
REDIS_CHECK_SECONDS = 1.0
REDIS_LOST_SECONDS = 10.0  # unreachable this long, the worker exits 1 (a restart of Redis is shorter)


async def run_digest(ctx: dict[str, Any], *, limit: float) -> jobs.Outcome:
    """The job: the pipeline call stored under the job's key, run in the pool within `limit` seconds.

    A digest that fails or runs out of time is an answer (an outcome the bot renders), not a
    saq failure: saq's retries are kept for runs that lost their worker."""
    job = ctx["job"]
    pool: WorkerPool = ctx["pool"]
    payload = await job.get_queue().redis.get(jobs.input_key(job.key))
    if payload is None:
        return ("error", "the job's input expired before a worker took it")
    try:
        name, args = jobs.decode_call(payload)
    except (ValueError, msgspec.MsgspecError) as exc:
        job_log.error("job %s has input no pipeline function takes: %s", job.key, exc)
        return ("error", f"the job's input is not a digest request: {exc}")
    done, started = asyncio.Event(), asyncio.Event()
    heartbeat = asyncio.create_task(_heartbeat(job, done, started), name=f"heartbeat-{job.key}")

    def pool_started() -> None:  # the bot counts the limit from this run's start in the pool, as the pool does
        jobs.note_started_in_pool(job)
        started.set()

    try:
        answer = await pool.run_timed(limit, jobs.resolve(name), *args, on_start=pool_started)
        return ("ok", jobs.encode_answer(answer))
    except TimeoutError:
        job_log.warning("job %s took over %s s", job.key, limit)
        return ("timeout", limit)
    except Exception as exc:  # noqa: BLE001 - the bot answers "something went wrong"; the worker goes on
        job_log.exception("job %s failed", job.key)
        return ("error", f"{type(exc).__name__}: {exc}")
    finally:
        # Stopped between beats, never cancelled mid-write: a late beat would overwrite the finished record.
        done.set()
        await heartbeat


async def _heartbeat(job: Any, done: asyncio.Event, started: asyncio.Event) -> None:
    """Touch the job's record until `done`, so a sweep never takes a live worker's job for a dead one's; at once
    when `started` is set (the pool process started it: the bot's clock starts as it reads that)."""
    while True:
        waits = [asyncio.ensure_future(event.wait()) for event in (done, started)]
        try:
            await asyncio.wait(waits, timeout=jobs.HEARTBEAT_SECONDS, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
        if done.is_set():
            return
        started.clear()
        try:
            await job.update()
        except Exception:  # noqa: BLE001 - a missed beat is retried; too many and the job runs again elsewhere
            job_log.warning("heartbeat of job %s failed", job.key, exc_info=True)


async def serve(settings: Settings) -> int:
    """Run jobs until a stop signal; close the pool and the connection."""
    from saq import Worker

    queue = jobs.open_queue(settings.redis.url)
    try:
        await queue.connect()
        await queue.redis.ping()
    except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback
        log.error("cannot reach Redis at [redis] url: %s", exc)
        await jobs.close_queue(queue)
        return EXIT_FAILED
    for name in jobs.PIPELINE_FUNCTIONS:
        jobs.resolve(name)  # import the pipeline now: importing it inside the first job would stall heartbeats
    pool = WorkerPool.from_settings(settings)
    pool.start()
    worker = Worker(
        queue,
        functions=[(jobs.JOB_FUNCTION, run_digest)],
        concurrency=pool.capacity,
        timers={"sweep": jobs.SWEEP_SECONDS, "worker_info": jobs.WORKER_INFO_SECONDS},
        dequeue_timeout=DEQUEUE_TIMEOUT_SECONDS,
        shutdown_grace_period_s=SHUTDOWN_GRACE_SECONDS,
        metadata={"host": socket.gethostname(), "pid": os.getpid(), "processes": settings.workers.processes},
    )
    worker.context["pool"] = pool
    log.info("worker %s takes digest jobs from queue %r (%d at once)", worker.id, jobs.QUEUE_NAME, pool.capacity)
    lost = asyncio.Event()
    watchdog = asyncio.create_task(_watch_redis(queue, worker, lost), name="redis-watchdog")
    try:
        await worker.start()  # returns after SIGINT or SIGTERM (saq installs the handlers), or when Redis is lost
    finally:
        watchdog.cancel()
        await pool.close()
        await jobs.close_queue(queue)
        log.info("worker stopped")
    return EXIT_FAILED if lost.is_set() else EXIT_OK


async def _watch_redis(queue: Any, worker: Any, lost: asyncio.Event) -> None:
    """Stop the worker when Redis stays unreachable: saq would retry in a tight loop, logging each failure.
    The service manager starts it again (exit 1); its running jobs are swept back by another worker."""
    unreachable_since: float | None = None
    while True:
        await asyncio.sleep(REDIS_CHECK_SECONDS)
        try:
            await queue.redis.ping()
            unreachable_since = None
        except Exception as exc:  # noqa: BLE001 - counted, then one line
            now = asyncio.get_running_loop().time()
            unreachable_since = unreachable_since or now
            if now - unreachable_since >= REDIS_LOST_SECONDS:
                log.error("Redis unreachable for %g s (%s); the worker stops", REDIS_LOST_SECONDS, exc)
                lost.set()
                worker.event.set()
                return


def run_worker(settings: Settings) -> int:
    if not settings.redis.url:
        log.error("the worker needs [redis] url (or DIGEST_BOT_REDIS_URL): the queue lives on Redis")
        return EXIT_CONFIG
    return asyncio.run(serve(settings))
