"""The pool that runs extraction and summarization off the bot's event loop.

Started once in `setup_hook` and reused for every digest. `processes = 0`
runs the work in one thread instead (tests, or hosts where forking is costly).
`[workers] mode = "queue"` swaps it for the job queue of `bot.workers.queue_client`:
both are `DigestWorkers`, chosen by `open_digest_workers`.

The workers are forked from a fork server that warmed the pipeline up once (`bot.workers.warm_template`),
and the pool replaces them when one has grown past `[workers] recycle_growth_mb` (see `WorkerPool`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import logging
import multiprocessing
import os
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing import forkserver
import concurrent.futures
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar

from bot.discord_app.heap import release_free_heap

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

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


def warm_up_pipeline() -> None:
    """Import the pipeline and digest a text and a page once, so that a digest pays for neither the imports nor
    what they load on first use (language profiles, models, stemmers, trafilatura's tables, the date parsers).
    Run once in the fork server (`bot.workers.warm_template`), whose workers inherit it; or in a worker, when the
    fork server's did not happen.

    The per-word memos (`bot.digest.word_memo`) are not filled here any more: filled in the fork server, each
    worker copied their pages as it dropped and moved the made-up entries, a few at a time for hundreds of
    digests, while the fork server kept its own copy that no worker used (about 14 MB of the pool's, and most of
    a worker's growth after its first digests); filled in each worker, every worker held them in full from the
    start. Left to fill with real words, they cost less at every reading (docs/PERFORMANCE.md, ninth session)."""
    from bot.discord_app.heap import limit_heap_growth
    from bot.digest.pipeline import digest_document
    from bot.settings import DigestSettings

    global _pipeline_warm
    limit_heap_growth()
    # Below the bot's own priority: when workers fill every core, the event loop still gets one at once.
    os.nice(WORKER_NICENESS)
    settings = DigestSettings(min_words=1)
    for document in warm_up_documents():
        digest_document(document, settings)
    _load_date_parsers()
    _pipeline_warm = True


# True once `warm_up_pipeline` ran in this process (or in the fork server it was forked from).
_pipeline_warm = False


def _warm_up(job_reports: Connection | None = None) -> None:
    """Each worker's start (the pool's initializer): warm unless its fork server was, then note its memory and
    where to say which job it takes (`_reported_job`)."""
    from bot.discord_app.die_with_parent import die_with_parent

    global _job_reports
    _job_reports = job_reports
    die_with_parent()  # a killed bot or worker takes its pool along (fork clears it)
    if not _pipeline_warm:
        warm_up_pipeline()
    global _start_private
    _start_private = private_bytes()


# This worker's private memory (bytes) as it started: what its growth is measured from (None: not measured).
_start_private: int | None = None
_last_growth_mb = 0.0
_digests_here = 0
# Reading /proc/self/smaps_rollup takes about 1 ms with the pipeline loaded: every 8th digest, not each.
MEASURE_EVERY = 8


def private_bytes() -> int | None:
    """This process's private memory (Linux: Private_Clean + Private_Dirty of /proc/self/smaps_rollup), or None.
    Not RSS: a worker forked from the warm fork server shares its pages, and those it writes to become its own
    (copy on write) without any change of RSS."""
    try:
        with open("/proc/self/smaps_rollup", "rb") as rollup:
            lines = rollup.read().splitlines()
    except OSError:
        return None
    kib = [int(line.split()[1]) for line in lines if line.startswith((b"Private_Clean:", b"Private_Dirty:"))]
    return sum(kib) * 1024 if kib else None


def _growth_mb() -> float:
    now = private_bytes()
    return 0.0 if now is None or _start_private is None else (now - _start_private) / 2**20


def _measured(call: Callable[[], T]) -> tuple[T, float]:
    """`call()` and how many MB of private memory the worker holds beyond what it held as it started (0 where
    unknown), read every `MEASURE_EVERY` digests after giving the free heap back: memory that is only freed heap
    then neither stays resident nor costs a replacement (a trim costs 1 to 10 ms, so not after every digest;
    in a simulated worker, 200 mixed digests: +92 MB of private growth without it, +54 MB with it, the same CPU
    a digest; docs/PERFORMANCE.md, eighth session)."""
    global _digests_here, _last_growth_mb
    value = call()
    _digests_here += 1
    if _start_private is not None and _digests_here % MEASURE_EVERY == 0:
        release_free_heap()
        _last_growth_mb = _growth_mb()
    return value, _last_growth_mb


# A job's report to the pool as it starts in a worker: the job's token, the worker's pid, and the moment it started
# (`time.monotonic()`: Linux's CLOCK_MONOTONIC, one clock for every process of the machine) (`_reported_job`).
_JOB_REPORT = struct.Struct("=qid")
# The write end of the pool's report pipe, in a worker (set by `_warm_up`).
_job_reports: Connection | None = None


def _reported_job(token: int, call: Callable[[], T]) -> tuple[T, float]:
    """A digest in a worker: first tell the pool this process took job `token`, and when, so that the pool counts
    the digest's time limit from now and can stop the process if the digest outlives it (`WorkerPool.run_timed`);
    then `_measured(call)`.

    Lock-free: a message this small is one write to the pipe, atomic under PIPE_BUF, whichever workers write at
    once; a lock shared by the workers could be left held by one killed while writing, and stop the others."""
    if _job_reports is not None:
        with contextlib.suppress(OSError):  # the pool closed its end: nobody will stop this job any more
            _job_reports.send_bytes(_JOB_REPORT.pack(token, os.getpid(), time.monotonic()))
    return _measured(call)


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
        """`function(*args)` answered within `timeout` seconds of starting, else `TimeoutError` and the work stopped
        (local pool: the worker process killed; queue: the job aborted, and its worker kills its pool process at
        the same limit); may raise `Busy`."""

    async def close(self) -> None: ...


def open_digest_workers(settings: Settings) -> DigestWorkers:
    """The workers `[workers] mode` asks for (queue mode imports saq and redis, and only then)."""
    if settings.workers.mode == "queue":
        from bot.workers.queue_client import QueueWorkers

        return QueueWorkers(settings)
    return WorkerPool.from_settings(settings)


def _start_fork_server() -> None:
    """Start the fork server unless it runs, telling it whose death it must not outlive (its preload,
    `bot.discord_app.die_with_parent`, checks it: a bot or worker killed during the fork server's start-up
    left it and its pool processes running, holding the killed process's stdout and stderr).

    Called from the event loop's thread (at once: it warms up on its own), never from the short-lived
    threads that start the processes: the fork server dies with the thread that started it (PR_SET_PDEATHSIG)."""
    from bot.discord_app.die_with_parent import PARENT_PID_VARIABLE

    # Only in the environment of the processes started meanwhile (the fork server, the resource tracker).
    os.environ[PARENT_PID_VARIABLE] = str(os.getpid())
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(PARENT_PID_VARIABLE, None)


def warm_fork_context() -> Any:
    """The multiprocessing context the workers are forked from, its fork server started. forkserver: workers never
    inherit the event loop, sockets or locks of the bot process. The fork server dies with the bot, and warms the
    pipeline up once: its workers start warm, sharing those pages with it (copy on write) instead of each holding
    its own copy, and a replacement is cheap."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bot.discord_app.die_with_parent", "bot.workers.warm_template"])
    _start_fork_server()
    return context


def _started() -> None:
    """A no-op job: submitting one makes the pool start a worker."""


# Worker processes in a row that may fail to start before `_Lanes` stops replacing them.
MAX_FAILED_STARTS = 3


@dataclass(eq=False)
class _Lane:
    """One worker process: a one-process executor, warm once its first (no-op) job ran, busy with at most one digest."""

    executor: ProcessPoolExecutor
    ready: bool = False
    busy: bool = False


@dataclass(eq=False)
class _Queued:
    """A job waiting in `_Lanes` for an idle lane: the caller's future and the call."""

    future: Future[Any]
    call: Callable[[], Any]
    running: bool = False  # its future was marked running (it went to a lane that broke before taking it)


class _Lanes(Executor):
    """`processes` worker processes, each its own one-process `ProcessPoolExecutor` (a lane), behind one queue: a job
    goes to an idle warm lane, and waits here (withdrawable by `Future.cancel`) while none is.

    Why not one executor of `processes` workers: a worker process that dies (killed past its time limit, or by the
    OOM killer) breaks its whole executor, which then stops its other workers and fails the digests they were
    running, and those ran again from the start on a new pool (sixteenth session). Here it breaks only its lane: its
    own job fails with `BrokenProcessPool`, the lane alone is replaced (forked warm from the fork server), and the
    digests on the other lanes go on. A lane holds one job at a time, so nothing else waits in a lane that breaks.

    Thread-safe: jobs are submitted from the event loop's thread, lanes finish in their executors' threads."""

    def __init__(self, processes: int, new_lane_executor: Callable[[], ProcessPoolExecutor]) -> None:
        self._new_lane_executor = new_lane_executor
        self._lock = threading.RLock()
        self._queued: deque[_Queued] = deque()
        self._lanes = [_Lane(new_lane_executor()) for _ in range(processes)]
        self._shut_down = False
        self._failed_starts = 0  # lanes that did not start since one last did
        self.lanes_replaced = 0  # lanes whose process died and were replaced (for logs, tests and benchmarks)

    @property
    def lost(self) -> bool:
        """Every lane failed to start (MAX_FAILED_STARTS in a row): only a new executor can serve."""
        with self._lock:
            return not self._lanes and not self._shut_down

    @property
    def _processes(self) -> dict[int, Any]:
        """Every lane's worker process by pid (`multiprocessing.Process`), as `ProcessPoolExecutor._processes`."""
        with self._lock:
            executors = [lane.executor for lane in self._lanes]
        processes: dict[int, Any] = {}
        for executor in executors:
            with contextlib.suppress(RuntimeError):  # a lane's dict changing as it starts its process: not yet there
                processes.update(executor._processes or {})
        return processes

    def start_lanes(self) -> list[Future[None]]:
        """Start every lane's process; the futures are done once each is warm. Blocks (forking waits for the fork
        server): called from a thread."""
        with self._lock:
            lanes = list(self._lanes)
        started = []
        for lane in lanes:
            try:
                started.append(self._start_lane(lane))
            except Exception as exc:  # noqa: BLE001 - shut down meanwhile, or the fork server is gone
                self._lane_lost(lane, exc)
        return started

    def _start_lane(self, lane: _Lane) -> Future[None]:
        warm = lane.executor.submit(_started)
        warm.add_done_callback(functools.partial(self._lane_warm, lane))
        return warm

    def _start_replacement(self, lane: _Lane) -> None:
        """A replacement lane's start, in a thread of its own (it forks)."""
        try:
            self._start_lane(lane)
        except Exception as exc:  # noqa: BLE001 - shut down meanwhile, or the fork server is gone
            self._lane_lost(lane, exc)

    def _lane_warm(self, lane: _Lane, warm: Future[None]) -> None:
        error = None if warm.cancelled() else warm.exception()
        if warm.cancelled() or error is not None:
            self._lane_lost(lane, error)
            return
        with self._lock:
            lane.ready = True
            self._failed_starts = 0
            self._dispatch()

    def _lane_lost(self, lane: _Lane, error: BaseException | None) -> None:
        """A lane that did not start is replaced, up to MAX_FAILED_STARTS in a row (a fork server that cannot fork
        would loop), then dropped; with no lane left, the jobs waiting fail instead of waiting forever."""
        with self._lock:
            if self._shut_down or self._failed_starts >= MAX_FAILED_STARTS:
                if lane in self._lanes:
                    self._lanes.remove(lane)
                if not self._shut_down:
                    log.error("a worker process did not start (%s); %d left", error, len(self._lanes))
            elif lane in self._lanes:
                self._failed_starts += 1
                log.warning("a worker process did not start (%s); starting another", error)
                self._replace_lane(lane)
                return
            stranded = [] if self._lanes else list(self._queued)
            if stranded:
                self._queued.clear()
        for queued in stranded:
            if queued.running or queued.future.set_running_or_notify_cancel():
                queued.future.set_exception(BrokenProcessPool("no worker process could be started"))

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._shut_down:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if not self._lanes:
                raise BrokenProcessPool("no worker process could be started")
            self._queued.append(_Queued(future, functools.partial(fn, *args, **kwargs)))
            self._dispatch()
        return future

    def _dispatch(self) -> None:
        """Send waiting jobs to idle warm lanes (under the lock); once shut down with none left, stop the idle lanes."""
        while self._queued:
            lane = next((lane for lane in self._lanes if lane.ready and not lane.busy), None)
            if lane is None:
                return
            queued = self._queued.popleft()
            if not queued.running and not queued.future.set_running_or_notify_cancel():
                continue  # withdrawn by its caller while it waited
            queued.running = True
            try:
                inner = lane.executor.submit(queued.call)
            except (BrokenProcessPool, RuntimeError):  # its process died while idle: the job waits for another
                self._queued.appendleft(queued)
                self._replace_lane(lane)
                continue
            lane.busy = True
            inner.add_done_callback(functools.partial(self._finished, lane, queued.future))
        if self._shut_down:
            self._stop_idle_lanes()

    def _stop_idle_lanes(self, cancel_futures: bool = False) -> None:
        """Shut down every lane without a job (under the lock, once shut down with nothing waiting): its process
        exits (a lane still starting exits after its start, or never starts)."""
        for lane in self._lanes:
            if not lane.busy:
                lane.executor.shutdown(wait=False, cancel_futures=cancel_futures)

    def _finished(self, lane: _Lane, future: Future[Any], inner: Future[Any]) -> None:
        """A lane's job ended (in the lane's executor thread): hand its outcome on, replace the lane if its process
        died, and give the lane (or its replacement) the next job."""
        error = concurrent.futures.CancelledError() if inner.cancelled() else inner.exception()
        with self._lock:
            if isinstance(error, BrokenProcessPool):
                self._replace_lane(lane)
            else:
                lane.busy = False
            self._dispatch()
        if error is None:
            future.set_result(inner.result())
        else:
            future.set_exception(error)

    def _replace_lane(self, broken: _Lane) -> None:
        """A new lane in place of one whose process died (under the lock); none once shut down with nothing left."""
        broken.ready = False
        broken.executor.shutdown(wait=False)
        if broken not in self._lanes:
            return
        if self._shut_down and not self._queued:
            self._lanes.remove(broken)
            return
        lane = _Lane(self._new_lane_executor())
        self._lanes[self._lanes.index(broken)] = lane
        self.lanes_replaced += 1
        threading.Thread(target=self._start_replacement, args=(lane,), name="digest-lane-start", daemon=True).start()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Take no new job. Without `cancel_futures` the jobs waiting still run, each lane stopping once idle with
        nothing left; with it they are withdrawn. `wait`: return once every lane's process has ended."""
        with self._lock:
            self._shut_down = True
            withdrawn = list(self._queued) if cancel_futures else []
            if cancel_futures:
                self._queued.clear()
            if not self._queued:
                self._stop_idle_lanes(cancel_futures)
        for queued in withdrawn:
            if queued.running:  # not cancellable any more: failed as its lane's death would have
                queued.future.set_exception(BrokenProcessPool("the worker pool was shut down"))
            else:
                queued.future.cancel()
        while wait:
            with self._lock:
                lanes = [] if self._queued else list(self._lanes)
            if not self._queued:
                for lane in lanes:
                    lane.executor.shutdown(wait=True, cancel_futures=cancel_futures)
                return
            time.sleep(0.05)


class WorkerPool:
    """`processes` worker processes (or, with 0, one thread).

    Each process is a lane of its own (`_Lanes`): one that dies, or is killed past its time limit, is replaced alone,
    and costs the digests on the other processes nothing.

    Recycling: a worker's memory rises fast over its first 25 digests (pages copied from the fork server, its
    working heap), then slowly for hundreds (its word memos and library caches filling with real words, more
    pages copied), so the processes are replaced after `recycle_after_digests` digests (by default 50, about
    25 a worker: the pool then never leaves its first 50 digests' level), or once one of them holds
    `recycle_growth_mb` more private memory than as it started (read every `MEASURE_EVERY` digests: the
    safety net for a worker that a few huge inputs grew). The new processes start (forked warm from the fork server) while
    the old ones keep serving; then new digests go to the new ones, and the old ones finish the digests
    already sent to them and exit. Not `max_tasks_per_child`: on CPython 3.11 to
    3.13 its executor can stop replacing a worker that leaves and hang the queued jobs (gh-115634).

    Time limits: a digest past its limit in `run_timed`, counted from the moment a worker process started it (or
    whose caller gives up on it: saq aborting a queue job), has the process running it killed, and that process
    alone replaced (see `_stop`): otherwise it went on computing for nobody, holding its worker, and a few slow
    pastes held them all."""

    def __init__(self, processes: int, recycle_growth_mb: float = 0.0, recycle_after_digests: int = 0) -> None:
        self.processes = processes
        self.recycle_growth_mb = recycle_growth_mb
        self.recycle_after_digests = recycle_after_digests
        self._executor: Executor | None = None
        self._digests = 0  # digests answered by the current executor
        self._successor: asyncio.Task[None] | None = None  # the replacement warming up, while one is
        self._spawned: Future[None] | None = None  # done once `start` has started every process
        self.recycled = 0  # how many times the processes were replaced (for logs and benchmarks)
        self.stopped = 0  # how many digests had their process killed past their time limit
        self.reruns = 0  # how many digests ran again because their process died under them
        # Each job says, as it starts, which worker process took it, and when (`_reported_job`): the pipe, its
        # tokens, and the jobs not finished yet (dropped when their future is done).
        self._reports: tuple[Connection, Connection] | None = None
        self._reports_loop: asyncio.AbstractEventLoop | None = None
        self._tokens = itertools.count()
        self._jobs: dict[int, _Job] = {}
        # Every run until its `_submit` returns, whether or not it holds a process still: a quick digest can be
        # answered (and leave `_jobs`) before its start report is read, and that start is still news to its caller.
        self._runs: dict[int, _Job] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkerPool:
        workers = settings.workers
        return cls(workers.processes, workers.recycle_growth_mb, workers.recycle_after_digests)

    @property
    def capacity(self) -> int:
        """How many digests run at once."""
        return max(1, self.processes)

    @property
    def lanes_replaced(self) -> int:
        """How many worker processes of the current executor died (or were killed) and were replaced alone."""
        return getattr(self._executor, "lanes_replaced", 0)

    def _new_executor(self) -> Executor:
        if self.processes == 0:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest")
        context = warm_fork_context()
        _, report_writer = self._open_reports(context)
        return _Lanes(self.processes, functools.partial(
            ProcessPoolExecutor, max_workers=1, mp_context=context, initializer=_warm_up, initargs=(report_writer,)))

    def _open_reports(self, context: Any) -> tuple[Connection, Connection]:
        """The pipe on which jobs say which process took them, one for the pool's life (every executor's workers
        get its write end as they start), read by the event loop as reports come (`_read_reports_as_they_come`)."""
        if self._reports is None:
            self._reports = context.Pipe(duplex=False)
        self._read_reports_as_they_come()
        return self._reports

    def _read_reports_as_they_come(self) -> None:
        """Have the running event loop read the reports as they come (the limit counts from them), once."""
        if self._reports is None or self._reports_loop is not None:
            return
        with contextlib.suppress(RuntimeError):  # no loop running yet: the first `_submit` does it
            loop = asyncio.get_running_loop()
            loop.add_reader(self._reports[0].fileno(), self._read_reports)
            self._reports_loop = loop

    def _read_reports(self) -> None:
        """Note which process took each job reported since the last reading, and when (its time limit counts from
        then); stop at once one abandoned before it started."""
        if self._reports is None:
            return
        reader = self._reports[0]
        while reader.poll():
            token, pid, started_at = _JOB_REPORT.unpack(reader.recv_bytes())
            job = self._runs.get(token)
            if job is None:
                continue
            job.pid = pid
            job.started_at = min(started_at, time.monotonic())
            if job.abandoned:
                if token in self._jobs:  # not answered yet: its process still holds it
                    self._stop(job)
            elif job.submission is not None:  # an answered run's start too: its caller counts every start
                job.submission.job_started()

    def _close_reports(self) -> None:
        reports, self._reports = self._reports, None
        if reports is None:
            return
        if self._reports_loop is not None and not self._reports_loop.is_closed():
            self._reports_loop.remove_reader(reports[0].fileno())
        self._reports_loop = None
        for end in reports:
            end.close()

    def _submit_starts(self, executor: Executor) -> list[Future[None]]:
        """Start every process of `executor`; the futures are done once each has taken a job, i.e. is warm.
        Forking blocks (the first waits for the fork server's warm-up): called from a thread."""
        if isinstance(executor, _Lanes):
            return executor.start_lanes()
        return [executor.submit(_started) for _ in range(self.processes)]

    def start(self) -> None:
        """Start the processes in a thread (the first one waits for the fork server's warm-up), so that the
        caller goes on at once; `run` waits for them."""
        if self._executor is None:
            executor = self._executor = self._new_executor()
            self._digests = 0
            if self.processes:
                self._spawned = Future()
                threading.Thread(target=self._spawn, args=(executor, self._spawned), name="digest-pool-start",
                                 daemon=True).start()
            log.info("worker pool started (%s)", f"{self.processes} processes" if self.processes else "1 thread")

    def _spawn(self, executor: Executor, spawned: Future[None]) -> None:
        try:
            self._submit_starts(executor)
        except Exception as exc:  # noqa: BLE001 - a broken or closed pool: the next `run` meets it and says so
            log.warning("the worker processes did not all start: %s", exc)
        spawned.set_result(None)

    async def _until_spawned(self) -> None:
        """Submitting while `_spawn` still starts processes would start more, and block the event loop."""
        spawned = self._spawned
        if spawned is not None and not spawned.done():
            await asyncio.wrap_future(spawned)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in a worker. A worker that dies (killed, out of memory) costs no request:
        its process is replaced and the request in hand runs once more on another."""
        return await self._run(_Submission(), function, *args)

    async def run_timed(self, timeout: float, function: Callable[..., T], *args: Any,
                        on_start: Callable[[], None] | None = None) -> T:
        """`function(*args)` within `timeout` seconds of the moment a worker process started it, else
        `TimeoutError`, and the process running it is killed (and replaced: `_stop`). Time spent waiting for a
        process (behind other digests, or for the processes to start) is not counted; a digest run again after
        its process died is given its limit again from its new start. Killed too when the caller gives up
        (cancelled); withdrawn if it had not started. `on_start` is called (in the event loop) as each run starts.
        With `processes = 0` the limit counts from the submission, and the thread cannot be stopped: it finishes
        its digest for nobody."""
        if not self.processes:
            return await asyncio.wait_for(self.run(function, *args), timeout)
        submission = _Submission(on_start=on_start)
        running = asyncio.ensure_future(self._run(submission, function, *args))
        try:
            return await self._within_limit(running, submission, timeout)
        except BaseException:  # past the limit, or cancelled: the work is stopped too
            running.cancel()
            self._abandon(submission)
            raise

    async def _within_limit(self, running: asyncio.Future[T], submission: _Submission, timeout: float) -> T:
        """`running`'s answer, waiting without limit until its current run started, then at most `timeout` from
        that start (from the start of the run in hand: a run after a death starts the count again)."""
        while not running.done():
            job = submission.job
            if job is None or job.started_at is None:
                started = asyncio.ensure_future(submission.next_start())
                try:
                    await asyncio.wait((running, started), return_when=asyncio.FIRST_COMPLETED)
                finally:
                    started.cancel()
                continue
            left = job.started_at + timeout - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the digest took over {timeout} s")
            await asyncio.wait((running,), timeout=left)
        return running.result()

    async def _run(self, submission: _Submission, function: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            raise RuntimeError("the worker pool is not started")
        call = functools.partial(function, *args)
        await self._until_spawned()
        deaths = 0
        while True:
            executor = self._executor
            if executor is None:
                raise RuntimeError("the worker pool was closed")
            try:
                outcome = await self._submit(submission, executor, call)
                break
            except BrokenProcessPool:
                # Its process died under it (its lane is being replaced): once more on another; a second death on
                # the same request is likely the request's own doing: then it fails.
                if isinstance(executor, _Lanes) and executor.lost:
                    self._renew(executor)
                deaths += 1
                if deaths > 1:
                    raise
                self.reruns += 1
                log.error("a digest worker died with a request in hand; running it again")
        if not self.processes:
            return outcome  # type: ignore[no-any-return]
        value, growth = outcome
        self._count(executor, growth)
        return value  # type: ignore[no-any-return]

    async def _submit(self, submission: _Submission, executor: Executor, call: Callable[[], T]) -> Any:
        """One run of `call` on `executor`, tracked (in process mode) as a job whose process can be stopped."""
        if not self.processes:
            return await asyncio.wrap_future(executor.submit(call))
        self._read_reports_as_they_come()
        token = next(self._tokens)
        future = executor.submit(_reported_job, token, call)
        job = self._jobs[token] = self._runs[token] = _Job(executor, future, submission=submission)
        submission.job = job
        # Done (answered, failed, or withdrawn before it started): it holds no process any more. Called in the
        # executor's thread: a dict's pop is atomic.
        future.add_done_callback(lambda _: self._jobs.pop(token, None))
        try:
            return await asyncio.wrap_future(future)
        finally:
            self._read_reports()  # when no event loop reads them as they come, the pipe never fills
            self._runs.pop(token, None)

    def _abandon(self, submission: _Submission) -> None:
        """The caller gave up on `submission` (its time limit, or cancelled): withdraw it if no process took it yet,
        else stop the process running it now, or as soon as that process says it took it."""
        job = submission.job
        if job is None or job.future.done() or job.future.cancel():
            return  # never submitted, already answered (or failed), or withdrawn before it started
        job.abandoned = True
        self._read_reports()
        if job.pid is not None and not job.stopped:
            self._stop(job)

    def _stop(self, job: _Job) -> None:
        """Kill the worker process running `job`, which nobody waits for any more.

        concurrent.futures cannot stop one job: `Future.cancel` only withdraws one not started, and the executor
        names no process by job. So each job reports its pid as it starts (`_reported_job`), on a pipe set up
        with the pool. The killed process breaks only its own lane (`_Lanes`), which is replaced; the digests on
        the other processes go on. The process is looked up among the executor's own (its `_processes`, by pid)
        and killed through its `Process`, which knows whether it already ended: never another process that took
        its pid."""
        job.stopped = True
        process = getattr(job.executor, "_processes", {}).get(job.pid)
        if process is None or not process.is_alive() or job.future.done():
            return  # the process ended already, or it answered meanwhile
        process.kill()
        self.stopped += 1
        log.warning("a digest passed its time limit: its worker process %s was stopped", job.pid)

    def _count(self, executor: Executor, growth_mb: float) -> None:
        """Count a digest of `executor` and start its replacement when it is due."""
        if executor is not self._executor or self._successor is not None:
            return  # an old executor draining, or its replacement already warming up
        self._digests += 1
        if self.recycle_growth_mb and growth_mb > self.recycle_growth_mb:
            reason = f"a worker holds {growth_mb:.0f} MB more private memory than as it started"
        elif self.recycle_after_digests and self._digests >= self.recycle_after_digests:
            reason = f"{self._digests} digests"
        else:
            return
        log.info("replacing the worker processes (%s)", reason)
        self._successor = asyncio.get_running_loop().create_task(self._take_over())

    async def _take_over(self) -> None:
        """Warm up a new executor beside the current one, then send new digests to it; the old one finishes the
        digests it holds and its processes exit."""
        successor = self._new_executor()
        starting = asyncio.ensure_future(asyncio.to_thread(self._submit_starts, successor))
        try:
            warm = await asyncio.shield(starting)
        except asyncio.CancelledError:  # closed: shut down once its processes are started
            starting.add_done_callback(lambda _: successor.shutdown(wait=False, cancel_futures=True))
            raise
        try:
            await asyncio.gather(*(asyncio.wrap_future(future) for future in warm))
        except BaseException as exc:  # cancelled (closed), or its warm-up failed
            successor.shutdown(wait=False, cancel_futures=True)
            if self._successor is asyncio.current_task():
                self._successor = None
            if not isinstance(exc, Exception):
                raise
            log.error("the replacement worker processes failed to start (%s); the current ones keep serving", exc)
            return
        old, self._executor = self._executor, successor
        self._digests = 0
        self._successor = None
        self.recycled += 1
        if old is None:  # closed meanwhile
            successor.shutdown(wait=False, cancel_futures=True)
            return
        old.shutdown(wait=False)  # not cancel_futures: the digests sent to it are still answered
        # The bot's own process too gives back the heap its last digests' messages and replies freed (1 to 2 MB of
        # its growth over 200 digests; about a millisecond, once a replacement: docs/PERFORMANCE.md, eleventh session).
        release_free_heap()
        log.info("worker processes replaced (%d times so far)", self.recycled)

    def _cancel_successor(self) -> asyncio.Task[None] | None:
        successor, self._successor = self._successor, None
        if successor is not None:
            successor.cancel()
        return successor

    def _renew(self, lost: Executor) -> None:
        """A new executor in place of one whose processes all failed to start, once however many requests met it."""
        if self._executor is not lost:
            return
        log.error("no worker process could be started; starting the pool again")
        self._cancel_successor()
        self._executor = None
        lost.shutdown(wait=False, cancel_futures=True)
        self.start()

    async def close(self) -> None:
        successor = self._cancel_successor()
        if successor is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await successor
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
            log.info("worker pool stopped")
        self._close_reports()


@dataclass(eq=False)
class _Job:
    """One run of a digest in a worker process: its executor and future, the process that took it and when, once it
    said so."""

    executor: Executor
    future: Future[Any]
    pid: int | None = None
    started_at: float | None = None  # `time.monotonic()` as its process started it
    abandoned: bool = False  # its caller gave up on it: stop its process (now, or once one takes it)
    stopped: bool = False
    submission: _Submission | None = None


class _Submission:
    """A call of `WorkerPool.run`: its current run (a new one after its process died under it), and a way to wait
    until a run starts."""

    def __init__(self, on_start: Callable[[], None] | None = None) -> None:
        self.job: _Job | None = None
        self._on_start = on_start
        self._started: asyncio.Event | None = None

    async def next_start(self) -> None:
        """Return once a run of this submission has started (at once if the current one has)."""
        if self.job is not None and self.job.started_at is not None:
            return
        self._started = asyncio.Event()
        await self._started.wait()

    def job_started(self) -> None:
        """Its current run has started (called by the pool as it reads the run's report)."""
        if self._started is not None:
            self._started.set()
        if self._on_start is not None:
            try:
                self._on_start()
            except Exception:  # noqa: BLE001 - the caller's note failed: the digest goes on
                log.exception("a digest's start callback failed")
