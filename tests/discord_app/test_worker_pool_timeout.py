"""A digest past its time limit loses its worker process, and the pool goes on at full capacity (sixteenth session;
docs/SECURITY.md). Real worker processes forked from the warm fork server; the digests are `tests.helpers.spin_digest`."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path
from typing import AsyncIterator, Callable

import pytest

from bot.discord_app.worker_pool import WorkerPool
from tests.helpers.spin_digest import meet, pid_after, process_runs, spin_until_killed

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


async def test_a_digest_past_its_limit_has_its_process_stopped_and_the_other_digest_is_answered(tmp_path: Path) -> None:
    async with _running_pool(2) as pool:
        await pool.run(os.getpid)  # both processes started and warm
        other = asyncio.create_task(pool.run(pid_after, 1.5))  # in flight on the other process meanwhile
        pid_file = tmp_path / "spinning.pid"
        with pytest.raises(TimeoutError):
            await pool.run_timed(LIMIT, spin_until_killed, str(pid_file))
        spun = await _spun_pid(pid_file)
        await _until(lambda: not process_runs(spun), "the spinning digest's process is gone")
        assert pool.stopped == 1
        # Its executor broke with the kill: the other digest ran again on the new processes, and is answered.
        assert await asyncio.wait_for(other, HANG) not in (spun, os.getpid())
        assert spun not in await _serves_at_full_capacity(pool, tmp_path / "meet")


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


async def test_a_digest_past_its_limit_before_it_started_is_stopped_as_it_starts(tmp_path: Path) -> None:
    """One process: the spinning digest waits behind another past its limit, and is stopped once it starts."""
    async with _running_pool(1) as pool:
        first_pid = await pool.run(os.getpid)
        first = asyncio.create_task(pool.run(pid_after, 1.5))
        await asyncio.sleep(0.1)  # submitted first
        with pytest.raises(TimeoutError):
            await pool.run_timed(0.3, spin_until_killed, str(tmp_path / "spinning.pid"))
        assert await asyncio.wait_for(first, HANG) == first_pid  # answered before the spinning digest started
        await _until(lambda: pool.stopped == 1, "the late digest is stopped")
        await _until(lambda: not process_runs(first_pid), "its process is gone")
        assert await pool.run(os.getpid) not in (first_pid, os.getpid())


async def test_digests_sharing_a_pool_with_stopped_ones_are_run_again_every_time(tmp_path: Path) -> None:
    """A pool broken on purpose does not count as a death of the other digests it held (two are failed)."""
    async with _running_pool(2) as pool:
        await pool.run(os.getpid)
        other = asyncio.create_task(pool.run(pid_after, 3.0))
        for n in range(2):
            with pytest.raises(TimeoutError):
                await pool.run_timed(LIMIT, spin_until_killed, str(tmp_path / f"spinning-{n}.pid"))
        assert pool.stopped == 2
        assert await asyncio.wait_for(other, HANG) != os.getpid()  # not BrokenProcessPool
        await _serves_at_full_capacity(pool, tmp_path / "meet")


async def test_a_digest_within_its_limit_keeps_its_process() -> None:
    async with _running_pool(1) as pool:
        first = await pool.run_timed(HANG, os.getpid)
        assert await pool.run_timed(HANG, pid_after, 0.05) == first
        assert pool.stopped == 0 and pool._jobs == {}  # nothing left tracked once answered
