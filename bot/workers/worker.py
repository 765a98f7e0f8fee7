"""`python -m bot worker`: run digest jobs from the queue on `[redis] url` until SIGINT or SIGTERM.

A worker is a saq `Worker` whose one job function reads the call's input from Redis and runs
it in the same process pool the bot uses in local mode (`[workers] processes`, warmed up the
same way), so a digest made by a worker is the digest the bot would have made itself. Its
event loop stays free while the pool computes: it heartbeats the running jobs, says it is
alive, and sweeps the jobs of dead workers back into the queue.

On SIGTERM it takes no new job, lets the running ones finish for SHUTDOWN_GRACE_SECONDS, hands
back to the queue whatever is still running (another worker runs it), and exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import Any

from bot.discord_app.worker_pool import WorkerPool
from bot.settings import Settings
from bot.workers import jobs

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2
SHUTDOWN_GRACE_SECONDS = 10
DEQUEUE_TIMEOUT_SECONDS = 1.0  # an idle worker notices a stop signal within this


async def run_digest(ctx: dict[str, Any], *, limit: float) -> jobs.Outcome:
    """The job: the pipeline call stored under the job's key, run in the pool within `limit` seconds.

    A digest that fails or runs out of time is an answer (an outcome the bot renders), not a
    saq failure: saq's retries are kept for runs that lost their worker."""
    job = ctx["job"]
    pool: WorkerPool = ctx["pool"]
    payload = await job.get_queue().redis.get(jobs.input_key(job.key))
    if payload is None:
        return ("error", "the job's input expired before a worker took it")
    name, args = jobs.decode_call(payload)
    heartbeat = asyncio.create_task(_heartbeat(job), name=f"heartbeat-{job.key}")
    try:
        return ("ok", await pool.run_timed(limit, jobs.resolve(name), *args))
    except TimeoutError:
        log.warning("job %s took over %s s", job.key, limit)
        return ("timeout", limit)
    except Exception as exc:  # noqa: BLE001 - the bot answers "something went wrong"; the worker goes on
        log.exception("job %s failed", job.key)
        return ("error", f"{type(exc).__name__}: {exc}")
    finally:
        heartbeat.cancel()


async def _heartbeat(job: Any) -> None:
    """Touch the job's record, so a sweep never takes a live worker's job for a dead one's."""
    while True:
        await asyncio.sleep(jobs.HEARTBEAT_SECONDS)
        try:
            await job.update()
        except Exception:  # noqa: BLE001 - a missed beat is retried; too many and the job runs again elsewhere
            log.warning("heartbeat of job %s failed", job.key, exc_info=True)


async def serve(settings: Settings) -> int:
    """Run jobs until a stop signal; close the pool and the connection."""
    from saq import Worker

    queue = jobs.open_queue(settings.redis.url)
    try:
        await queue.connect()
        await queue.redis.ping()
    except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback
        log.error("cannot reach Redis at [redis] url: %s", exc)
        await queue.disconnect()
        return EXIT_FAILED
    for name in jobs.PIPELINE_FUNCTIONS:
        jobs.resolve(name)  # import the pipeline now: importing it inside the first job would stall heartbeats
    pool = WorkerPool(settings.workers.processes)
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
    try:
        await worker.start()  # returns after SIGINT or SIGTERM (saq installs the handlers)
    finally:
        await pool.close()
        await queue.disconnect()
        log.info("worker stopped")
    return EXIT_OK


def run_worker(settings: Settings) -> int:
    if not settings.redis.url:
        log.error("the worker needs [redis] url (or DIGEST_BOT_REDIS_URL): the queue lives on Redis")
        return EXIT_CONFIG
    return asyncio.run(serve(settings))
