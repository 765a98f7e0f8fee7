"""The pool that runs extraction and summarization off the bot's event loop.

Started once in `setup_hook` and reused for every digest. `processes = 0`
runs the work in one thread instead (tests, or hosts where forking is costly).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def _warm_up() -> None:
    """Import the pipeline once per worker, so the first digest does not pay for it."""
    import bot.digest.pipeline  # noqa: F401


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
        return ProcessPoolExecutor(max_workers=self.processes, mp_context=context, initializer=_warm_up)

    def start(self) -> None:
        if self._executor is None:
            self._executor = self._new_executor()
            log.info("worker pool started (%s)", f"{self.processes} processes" if self.processes else "1 thread")

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            raise RuntimeError("the worker pool is not started")
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, functools.partial(function, *args))
        except BrokenProcessPool:
            # A worker died (killed, out of memory): replace the pool so the next digest works.
            log.error("a digest worker died; restarting the pool")
            broken, self._executor = self._executor, self._new_executor()
            broken.shutdown(wait=False, cancel_futures=True)
            raise

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
            log.info("worker pool stopped")
