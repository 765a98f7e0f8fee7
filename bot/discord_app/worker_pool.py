"""The pool that runs extraction and summarization off the bot's event loop.

Started once in `setup_hook` and reused for every digest. `processes = 0`
runs the work in one thread instead (tests, or hosts where forking is costly).
`[workers] mode = "queue"` swaps it for the job queue of `bot.workers.queue_client`:
both are `DigestWorkers`, chosen by `open_digest_workers`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar

if TYPE_CHECKING:
    from bot.digest.sources import RawDocument
    from bot.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")
WORKER_NICENESS = 5


_WARM_UP_TEXT = (
    "Warm-up\n\nThe council met on Tuesday to discuss the new bridge over the river. "
    "Officials said the work could start in May if the budget is approved. "
    "Residents have asked for a safer crossing for years, and about 3,000 people signed a petition. "
    "The mayor is expected to announce a decision next week."
)


# Short enough (under trafilatura's 250 characters) to make trafilatura load justext's stop lists (28 MB).
_WARM_UP_PAGE = "<html><head><title>Warm-up</title></head><body><article><p>{}</p></article></body></html>".format(
    "The council met on Tuesday to discuss the new bridge. The mayor is expected to decide next week."
)


def warm_up_documents() -> list[RawDocument]:
    """What a worker digests before its first request: a text, and a page short enough for trafilatura's
    justext fallback (so its stop lists load now)."""
    from bot.digest.sources import RawDocument

    return [
        RawDocument(source="warm-up", text=_WARM_UP_TEXT, kind="text"),
        RawDocument(source="warm-up", text=_WARM_UP_PAGE, kind="html"),
    ]


def _load_date_parsers() -> None:
    """What the date extraction (htmldate, through trafilatura) loads on its first pages that need it: dateparser
    (about 7 MB, its first date without a known format) and every dateparser locale's month names (about 5 MB,
    its first page with a date in words it cannot place). Loaded here, a worker does not grow by them later."""
    from htmldate import extractors

    for loader in ("get_external_parser", "month_words"):  # both lru-cached in htmldate: one load per process
        load = getattr(extractors, loader, None)  # month_words is newer than some htmldate releases
        if load is not None:
            load()


def _warm_up() -> None:
    """Import the pipeline and digest a text and a page once per worker, so that a digest pays for neither
    the imports nor what they load on first use (language profiles, models, stemmers, trafilatura's tables,
    the date parsers); then fill the per-word memos those digests made to their bound (`bot.digest.word_memo`),
    so that the worker's memory after its warm-up is about what it keeps."""
    from bot.discord_app.die_with_parent import die_with_parent
    from bot.discord_app.heap import limit_heap_growth
    from bot.digest.pipeline import digest_document
    from bot.digest.word_memo import fill_word_memos
    from bot.settings import DigestSettings

    die_with_parent()  # a killed bot or worker takes its pool along
    limit_heap_growth()
    # Below the bot's own priority: when workers fill every core, the event loop still gets one at once.
    os.nice(WORKER_NICENESS)
    settings = DigestSettings(min_words=1)
    for document in warm_up_documents():
        digest_document(document, settings)
    _load_date_parsers()
    # The per-word memos at their bound now, so the worker does not grow as new words come.
    fill_word_memos()


class Busy(Exception):
    """Every worker is busy and the queue is full (or, in queue mode, no worker is alive)."""


class DigestWorkers(Protocol):
    """Where digests run: the local process pool, or the queue to `python -m bot worker` processes."""

    @property
    def capacity(self) -> int:
        """How many digests this process lets run (or wait on the shared queue) at once."""

    def start(self) -> None: ...

    async def run(self, function: Callable[..., T], *args: Any) -> T: ...

    async def run_timed(self, timeout: float, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` answered within `timeout` seconds of starting, else `TimeoutError`; may raise `Busy`."""

    async def close(self) -> None: ...


def open_digest_workers(settings: Settings) -> DigestWorkers:
    """The workers `[workers] mode` asks for (queue mode imports saq and redis, and only then)."""
    if settings.workers.mode == "queue":
        from bot.workers.queue_client import QueueWorkers

        return QueueWorkers(settings)
    return WorkerPool(settings.workers.processes)


def _started() -> None:
    """A no-op job: submitting one makes the pool start a worker."""


class WorkerPool:
    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._executor: Executor | None = None

    @property
    def capacity(self) -> int:
        """How many digests run at once."""
        return max(1, self.processes)

    def _new_executor(self) -> Executor:
        if self.processes == 0:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest")
        # forkserver: workers never inherit the event loop, sockets or locks of the bot process.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bot.discord_app.die_with_parent"])  # the fork server too
        return ProcessPoolExecutor(max_workers=self.processes, mp_context=context, initializer=_warm_up)

    def start(self) -> None:
        if self._executor is None:
            self._executor = self._new_executor()
            if self.processes:
                # The pool forks its workers on demand inside `submit`, which blocks the event
                # loop (~0.2 s for the first, with the fork server). Start them all here, before
                # the bot takes requests (each warms itself up in `_warm_up`).
                for _ in range(self.processes):
                    self._executor.submit(_started)
            log.info("worker pool started (%s)", f"{self.processes} processes" if self.processes else "1 thread")

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in a worker. A worker that dies (killed, out of memory) costs no request:
        the pool is replaced and the request in hand runs once more on the new pool."""
        if self._executor is None:
            raise RuntimeError("the worker pool is not started")
        call = functools.partial(function, *args)
        executor = self._executor
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, call)
        except BrokenProcessPool:
            self._replace(executor)
        if self._executor is None:
            raise RuntimeError("the worker pool was closed")
        # A second death on the same request is likely the request's own doing: then it fails.
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def run_timed(self, timeout: float, function: Callable[..., T], *args: Any) -> T:
        return await asyncio.wait_for(self.run(function, *args), timeout)

    def _replace(self, broken: Executor) -> None:
        """Replace `broken` with a new pool, once, however many requests met it."""
        if self._executor is not broken:
            return  # another request replaced it already (or the pool was closed)
        log.error("a digest worker died; restarting the pool and retrying the requests it held")
        self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)
        self.start()

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
            log.info("worker pool stopped")
