"""The worker pool's lanes (`_Lanes`, one executor a process), driven directly with real processes: a process that
cannot start is retried a few times, then given up, and nothing waits forever for it."""

from __future__ import annotations

import functools
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from bot.discord_app.worker_pool import MAX_FAILED_STARTS, _Lanes, warm_fork_context

HANG = 60.0


def _fail_to_start() -> None:
    raise RuntimeError("this worker cannot start")


def _lanes(processes: int, initializer: object = None) -> _Lanes:
    context = warm_fork_context()  # the pool's own fork server, warm (started here, the later pools' too)
    return _Lanes(processes, functools.partial(ProcessPoolExecutor, max_workers=1, mp_context=context,
                                               initializer=initializer))


def test_lanes_run_jobs_and_a_queued_job_can_be_withdrawn() -> None:
    lanes = _lanes(1)
    try:
        lanes.start_lanes()
        pid = lanes.submit(os.getpid).result(HANG)
        assert pid != os.getpid() and list(lanes._processes) == [pid]
        running = lanes.submit(os.getpid)
        queued = lanes.submit(os.getpid)
        withdrawn = queued.cancel()  # waits behind `running` unless the lane already took it
        assert running.result(HANG) == pid
        assert withdrawn == queued.cancelled()
    finally:
        lanes.shutdown(wait=True, cancel_futures=True)


def test_a_process_that_cannot_start_is_retried_then_given_up_and_nothing_waits_for_it() -> None:
    lanes = _lanes(1, _fail_to_start)
    try:
        waiting = lanes.submit(os.getpid)  # queued while the lane starts
        lanes.start_lanes()
        with pytest.raises(BrokenProcessPool):
            waiting.result(HANG)
        assert lanes.lanes_replaced == MAX_FAILED_STARTS and lanes.lost
        with pytest.raises(BrokenProcessPool):
            lanes.submit(os.getpid)
    finally:
        lanes.shutdown(wait=True, cancel_futures=True)


async def test_every_process_of_a_recycled_pool_exits_once_its_queued_digests_are_answered() -> None:
    """Replaced while digests still wait in it, the old pool answers them, then none of its processes stays."""
    import asyncio

    from bot.discord_app.worker_pool import WorkerPool
    from tests.discord_app.test_worker_pool import _pid_after, _until_recycled
    from tests.helpers.spin_digest import process_runs

    pool = WorkerPool(2, recycle_after_digests=2)
    pool.start()
    try:
        answers = await asyncio.gather(*(pool.run(_pid_after, 0.05, number) for number in range(8)))
        assert [number for _, number in answers] == list(range(8))
        await _until_recycled(pool, 1)
        old = {pid for pid, _ in answers}
        for _ in range(int(HANG / 0.05)):
            if not any(process_runs(pid) for pid in old - set(pool._executor._processes)):
                break
            await asyncio.sleep(0.05)
        assert not any(process_runs(pid) for pid in old - set(pool._executor._processes))
    finally:
        await pool.close()
