"""What the bot and the workers agree on: the queue, the one job, its input, its answer and its timing.

A job runs one pipeline function (`PIPELINE_FUNCTIONS`, by import path: a job names one of
these, never arbitrary code), the same call the local process pool makes.
Its input lives under its own Redis key, so the job record that heartbeats rewrite and the bot
polls stays small whatever the document's size. The job's key is a hash of the call: the same
request asked twice while the first is still queued or running is one job, and a job delivered
again after its worker died computes the same answer.

Only JSON crosses Redis: the arguments and the answer are plain data (msgspec), decoded back into
the types the function's annotations name and nothing else, so a job written into Redis by
someone else can make a worker run a digest, never construct an object of its choosing or run
code. Redis should still be reachable only by the bot and its workers (docs/SCALING.md).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import logging
import math
import typing
from typing import TYPE_CHECKING, Any, Callable, Literal

import msgspec

if TYPE_CHECKING:
    from saq.job import Job
    from saq.queue.redis import RedisQueue

QUEUE_NAME = "digests"
JOB_FUNCTION = "run_digest"  # the one function workers register with saq
INPUT_PREFIX = "digest-bot:job-input:"

PIPELINE_FUNCTIONS = frozenset({
    "bot.digest.pipeline.digest_document",
    "bot.digest.conversation.digest_conversation",
})

# A running job touches its record every HEARTBEAT_SECONDS; one untouched for HEARTBEAT_TIMEOUT_SECONDS
# belonged to a dead worker, and the next sweep (every SWEEP_SECONDS, by any live worker) runs it again.
HEARTBEAT_SECONDS = 1.0
HEARTBEAT_TIMEOUT_SECONDS = 6
SWEEP_SECONDS = 2
# Each worker writes "alive" into Redis this often, valid for one second more (saq's worker info).
WORKER_INFO_SECONDS = 3
# Runs of one job at most: every run after the first follows a worker's death or shutdown.
ATTEMPTS = 3
# saq's own limit on one run, past the digest time limit (which the job enforces itself): a backstop.
BACKSTOP_SECONDS = 30
RESULT_TTL_SECONDS = 300
INPUT_TTL_SECONDS = 3600

# The key of the job record's `meta` under which a worker notes which run of the job (`Job.attempts`) its pool
# process has started: the bot counts the job's time limit from then, as the worker's pool does (`started_in_pool`).
POOL_STARTED_META = "pool_started"

# What a job returns: ("ok", the pipeline's answer), ("timeout", the limit) or ("error", a message).
Outcome = tuple[Literal["ok", "timeout", "error"], Any]


def function_name(function: Callable[..., Any]) -> str:
    """The import path of a pipeline function a job may run; anything else is refused."""
    name = f"{function.__module__}.{function.__qualname__}"
    if name not in PIPELINE_FUNCTIONS:
        raise ValueError(f"{name} is not a pipeline function a digest job may run")
    return name


def resolve(name: str) -> Callable[..., Any]:
    """The pipeline function named by a job (looked up when the job runs)."""
    if name not in PIPELINE_FUNCTIONS:
        raise ValueError(f"{name} is not a pipeline function a digest job may run")
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)  # type: ignore[no-any-return]


def _annotations(name: str) -> tuple[list[Any], Any]:
    """The types of a pipeline function's parameters, in order, and of its answer."""
    function = inspect.unwrap(resolve(name))
    hints = typing.get_type_hints(function)
    return [hints[parameter] for parameter in inspect.signature(function).parameters], hints["return"]


def encode_call(name: str, args: tuple[Any, ...]) -> tuple[str, bytes]:
    """The job's key (a hash of the call, so equal requests are one job) and its input as JSON."""
    payload = msgspec.json.encode([name, list(args)])
    return hashlib.sha256(payload).hexdigest()[:40], payload


def decode_call(payload: bytes) -> tuple[str, tuple[Any, ...]]:
    """The pipeline function a job names and its arguments, each as the type its parameter declares.

    Raises ValueError for a function that is not a pipeline function, and msgspec's
    DecodeError/ValidationError for input that does not fit the function's parameters."""
    name, raw_args = msgspec.json.decode(payload, type=tuple[str, list[Any]])
    parameters, _ = _annotations(name)
    if len(raw_args) > len(parameters):
        raise ValueError(f"{name} takes {len(parameters)} arguments, the job gives {len(raw_args)}")
    return name, tuple(msgspec.convert(arg, type=kind) for arg, kind in zip(raw_args, parameters))


def encode_answer(answer: Any) -> Any:
    """A pipeline function's answer (dataclasses) as JSON-ready data for the job's record."""
    return msgspec.to_builtins(answer)


def decode_answer(name: str, data: Any) -> Any:
    """The answer of the pipeline function `name` back from its job's record, as the type it returns."""
    _, answer_type = _annotations(name)
    return msgspec.convert(data, type=answer_type)


def note_started_in_pool(job: Job) -> None:
    """Mark `job`'s current run as started by a pool process (written with the job's next update)."""
    job.meta = {**job.meta, POOL_STARTED_META: job.attempts}


def started_in_pool(record: Job) -> bool:
    """Whether a pool process has started the record's current run (not just a worker taken it from the queue)."""
    return bool(record.meta) and record.meta.get(POOL_STARTED_META) == record.attempts


def input_key(job_key: str) -> str:
    return INPUT_PREFIX + job_key


def saq_timeout(digest_timeout_seconds: float) -> int:
    return math.ceil(digest_timeout_seconds) + BACKSTOP_SECONDS


def open_queue(redis_url: str) -> RedisQueue:
    """The digest queue on Redis (saq), its records in saq's default JSON."""
    from saq.queue.redis import RedisQueue

    # saq logs every job at INFO; below DEBUG that is one line per digest in every process.
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("saq").setLevel(logging.WARNING)
    return RedisQueue.from_url(redis_url, name=QUEUE_NAME)


async def close_queue(queue: RedisQueue) -> None:
    """Close the queue's connections; with Redis gone (saq would try to unsubscribe first), just drop them."""
    try:
        await queue.disconnect()
    except Exception:  # noqa: BLE001 - closing regardless
        logging.getLogger(__name__).debug("closing the queue's connections to an unreachable Redis", exc_info=True)
        await queue.redis.connection_pool.disconnect()
