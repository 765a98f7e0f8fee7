"""A digest past its time limit loses its worker process, and the pool goes on at full capacity (sixteenth session;
docs/SECURITY.md). The limit counts from the moment a worker process starts the digest, and the kill costs the
digests on the other processes nothing (seventeenth session). Real worker processes forked from the warm fork
server; the digests are `tests.helpers.spin_digest`. No durations are asserted: only outcomes and their order
(the bounds of 60 s only a hang reaches)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path
from typing import AsyncIterator, Callable

import pytest

from bot.discord_app.worker_pool import WorkerPool
from tests.discord_app.test_worker_pool import die_once_then_answer
from tests.helpers.spin_digest import logged_runs, meet, process_runs, run_logged, spin_until_killed

LIMIT = 0.8  # a fraction of a second past which the spinning digest is stopped
HANG = 60.0  # bounds only a hang would reach


@contextlib.asynccontextmanager
async def _running_pool(processes: int) -> AsyncIterator[WorkerPool]:
    pool = WorkerPool(processes)
    pool.start()
    try:
        yield pool
    finally:
        await pool.close()


async def _until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(int(HANG / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {HANG} s: {what}")


async def _spun_pid(pid_file: Path) -> int:
    await _until(pid_file.exists, "the spinning digest started")
    return int(pid_file.read_text(encoding="utf-8"))


async def _serves_at_full_capacity(pool: WorkerPool, folder: Path) -> list[int]:
    """As many digests as the pool has processes, each answered only once all of them run at once."""
    folder.mkdir()
    pids = await asyncio.wait_for(
        asyncio.gather(*(pool.run(meet, str(folder), str(n), pool.capacity - 1) for n in range(pool.capacity))), HANG
    )
    assert -1 not in pids and len(set(pids)) == pool.capacity
    return pids


@contextlib.asynccontextmanager
async def _held_digest(pool: WorkerPool, folder: Path, name: str) -> AsyncIterator[tuple[asyncio.Task[int], str]]:
    """A digest running on one of the pool's processes until the block ends (its gate opened), and its run log."""
    log_file, gate = str(folder / f"{name}.log"), folder / f"{name}.gate"
    held = asyncio.create_task(pool.run(run_logged, log_file, str(gate)))
    await _until(lambda: bool(logged_runs(log_file)), f"{name} started")
    try:
        yield held, log_file
    finally:
        gate.touch()


async def test_a_digest_past_its_limit_has_its_process_stopped_and_costs_the_digest_beside_it_nothing(
    tmp_path: Path,
) -> None:
    async with _running_pool(2) as pool:
        await pool.run(os.getpid)  # both processes started and warm
        async with _held_digest(pool, tmp_path, "beside") as (beside, log_file):
            pid_file = tmp_path / "spinning.pid"
            with pytest.raises(TimeoutError):
                await pool.run_timed(LIMIT, spin_until_killed, str(pid_file))
            spun = await _spun_pid(pid_file)
            await _until(lambda: not process_runs(spun), "the spinning digest's process is gone")
            [beside_pid] = logged_runs(log_file)
            assert process_runs(beside_pid) and not beside.done()  # still running, on the same process
        assert await asyncio.wait_for(beside, HANG) == beside_pid
        assert logged_runs(log_file) == [beside_pid]  # it ran once: not started over
        assert (pool.stopped, pool.reruns, pool.lanes_replaced, pool.recycled) == (1, 0, 1, 0)
        # The killed process alone was replaced: the other serves on beside the new one.
        pids = await _serves_at_full_capacity(pool, tmp_path / "meet")
        assert beside_pid in pids and spun not in pids


async def test_a_digest_queued_behind_a_long_one_is_not_charged_its_wait(tmp_path: Path) -> None:
    """One process: a digest waits behind another for several times its limit, then runs within it and is answered;
    a spinning digest behind it is stopped only once it has run its own limit."""
    async with _running_pool(1) as pool:
        async with _held_digest(pool, tmp_path, "long") as (long, log_file):
            quick = asyncio.create_task(pool.run_timed(LIMIT, os.getpid))
            pid_file = tmp_path / "spinning.pid"
            spinning = asyncio.create_task(pool.run_timed(LIMIT, spin_until_killed, str(pid_file)))
            await asyncio.sleep(4 * LIMIT)  # both wait past their limit measured from their submission
            assert not quick.done() and not spinning.done() and pool.stopped == 0
        [pid] = logged_runs(log_file)
        assert await asyncio.wait_for(long, HANG) == pid
        assert await asyncio.wait_for(quick, HANG) == pid  # answered: its limit counted from its start
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(spinning, HANG)
        assert await _spun_pid(pid_file) == pid  # it did start, and was then stopped
        await _until(lambda: not process_runs(pid), "the spinning digest's process is gone")
        assert pool.stopped == 1
        assert await pool.run(os.getpid) not in (pid, os.getpid())


async def test_a_digest_whose_caller_gives_up_has_its_process_stopped(tmp_path: Path) -> None:
    """As saq's abort or its own timeout does to a queue job: the task awaiting `run_timed` is cancelled."""
    async with _running_pool(1) as pool:
        pid_file = tmp_path / "spinning.pid"
        waiting = asyncio.create_task(pool.run_timed(HANG * 10, spin_until_killed, str(pid_file)))
        spun = await _spun_pid(pid_file)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        await _until(lambda: not process_runs(spun), "the abandoned digest's process is gone")
        assert await pool.run(os.getpid) not in (spun, os.getpid())


async def test_a_digest_given_up_before_it_started_is_withdrawn_and_costs_no_process(tmp_path: Path) -> None:
    async with _running_pool(1) as pool:
        given_up_log = str(tmp_path / "given-up.log")
        async with _held_digest(pool, tmp_path, "long") as (long, _):
            waiting = asyncio.create_task(pool.run_timed(HANG, run_logged, given_up_log, str(tmp_path / "never")))
            await asyncio.sleep(0.1)  # submitted, queued behind the long one
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
        pid = await asyncio.wait_for(long, HANG)
        assert await pool.run(os.getpid) == pid  # the same process: nothing was killed
        assert logged_runs(given_up_log) == [] and pool.stopped == 0


async def test_digests_sharing_a_pool_with_stopped_ones_run_once(tmp_path: Path) -> None:
    async with _running_pool(2) as pool:
        await pool.run(os.getpid)
        async with _held_digest(pool, tmp_path, "beside") as (beside, log_file):
            for n in range(2):
                with pytest.raises(TimeoutError):
                    await pool.run_timed(LIMIT, spin_until_killed, str(tmp_path / f"spinning-{n}.pid"))
        assert pool.stopped == 2
        assert [await asyncio.wait_for(beside, HANG)] == logged_runs(log_file)  # once, on one process
        assert pool.reruns == 0
        await _serves_at_full_capacity(pool, tmp_path / "meet")


async def test_each_run_of_a_digest_is_announced_as_it_starts(tmp_path: Path) -> None:
    """`on_start` (queue mode marks the job started with it): once a run; twice for a digest whose first process
    died under it, which is given its limit again from its second start."""
    async with _running_pool(1) as pool:
        starts: list[str] = []
        assert await pool.run_timed(HANG, os.getpid, on_start=lambda: starts.append("plain")) != os.getpid()
        await pool.run_timed(HANG, die_once_then_answer, str(tmp_path / "died"), on_start=lambda: starts.append("dies"))
        assert starts == ["plain", "dies", "dies"] and pool.reruns == 1


async def test_a_digest_within_its_limit_keeps_its_process() -> None:
    async with _running_pool(1) as pool:
        first = await pool.run_timed(HANG, os.getpid)
        assert await pool.run_timed(HANG, os.getpid) == first
        assert pool.stopped == 0 and pool._jobs == {}  # nothing left tracked once answered


async def test_a_process_killed_while_idle_is_replaced_alone_and_costs_no_digest(tmp_path: Path) -> None:
    """As the OOM killer would: the next digests are answered, by the other process and the killed one's replacement."""
    async with _running_pool(2) as pool:
        first = await _serves_at_full_capacity(pool, tmp_path / "before")
        os.kill(first[0], signal.SIGKILL)
        await _until(lambda: not process_runs(first[0]), "the killed process is gone")
        pids = await _serves_at_full_capacity(pool, tmp_path / "after")
        assert first[1] in pids and first[0] not in pids
        assert pool.lanes_replaced == 1 and pool.recycled == 0
