"""The worker pool's lanes (`_Lanes`, one executor a process), driven directly with real processes: a process that
cannot start is retried a few times, then given up, and nothing waits forever for it."""

from __future__ import annotations

import functools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from bot.discord_app.worker_pool import MAX_FAILED_STARTS, _Lanes

HANG = 60.0


def _fail_to_start() -> None:
    raise RuntimeError("this worker cannot start")


def _lanes(processes: int, initializer: object = None) -> _Lanes:
    context = multiprocessing.get_context("forkserver")
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
