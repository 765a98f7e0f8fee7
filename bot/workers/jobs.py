"""What the bot and the workers agree on: the queue, the one job, its input, its answer and its timing.

A job runs one pipeline function (`PIPELINE_FUNCTIONS`, by import path: a job names one of
these, never arbitrary code) on pickled arguments, the same call the local process pool makes.
Its input lives under its own Redis key, so the job record that heartbeats rewrite and the bot
polls stays small whatever the document's size. The job's key is a hash of the call: the same
request asked twice while the first is still queued or running is one job, and a job delivered
again after its worker died computes the same answer.

Pickle crosses Redis (as it crosses the pipes of the local pool): Redis must be reachable only
by the bot and its workers (docs/SCALING.md).
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import math
import pickle
from typing import TYPE_CHECKING, Any, Callable, Literal

if TYPE_CHECKING:
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


def encode_call(name: str, args: tuple[Any, ...]) -> tuple[str, bytes]:
    """The job's key (a hash of the call, so equal requests are one job) and its pickled input."""
    payload = pickle.dumps((name, args), protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.sha256(payload).hexdigest()[:40], payload


def decode_call(payload: bytes) -> tuple[str, tuple[Any, ...]]:
    name, args = pickle.loads(payload)
    return name, tuple(args)


def input_key(job_key: str) -> str:
    return INPUT_PREFIX + job_key


def saq_timeout(digest_timeout_seconds: float) -> int:
    return math.ceil(digest_timeout_seconds) + BACKSTOP_SECONDS


def open_queue(redis_url: str) -> RedisQueue:
    """The digest queue on Redis (saq), its records pickled like the local pool's calls."""
    from saq.queue.redis import RedisQueue

    # saq logs every job at INFO; below DEBUG that is one line per digest in every process.
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("saq").setLevel(logging.WARNING)
    return RedisQueue.from_url(redis_url, name=QUEUE_NAME, dump=pickle.dumps, load=pickle.loads)
