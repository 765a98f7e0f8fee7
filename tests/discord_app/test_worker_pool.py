from __future__ import annotations

import asyncio
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from bot.discord_app.worker_pool import WorkerPool


async def test_process_pool_runs_off_the_bot_process_and_is_reused() -> None:
    pool = WorkerPool(1)
    pool.start()
    try:
        first = await pool.run(os.getpid)
        second = await pool.run(os.getpid)
        assert first != os.getpid()
        assert first == second  # one worker, started once and reused
    finally:
        await pool.close()


async def test_zero_processes_runs_in_a_thread() -> None:
    pool = WorkerPool(0)
    pool.start()
    try:
        assert pool.capacity == 1
        assert await pool.run(os.getpid) == os.getpid()
    finally:
        await pool.close()


def die_once_then_answer(marker: str) -> int:
    """The first call kills its own worker, as the OOM killer would; a later call answers."""
    if not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


async def test_a_worker_that_dies_with_a_request_in_hand_costs_no_request(tmp_path: Path) -> None:
    pool = WorkerPool(1)
    pool.start()
    try:
        marker = str(tmp_path / "died")
        first_pid = await pool.run(os.getpid)
        answers = await asyncio.gather(*(pool.run(die_once_then_answer, marker) for _ in range(3)))
        assert os.path.exists(marker)  # a worker did die with these requests in hand
        assert len(set(answers)) == 1 and answers[0] not in (first_pid, os.getpid())  # all answered by the new pool
    finally:
        await pool.close()


async def test_a_request_that_kills_every_worker_it_meets_fails_after_one_retry(tmp_path: Path) -> None:
    pool = WorkerPool(1)
    pool.start()
    try:
        with pytest.raises(BrokenProcessPool):
            await pool.run(_kill_self)
        assert await pool.run(os.getpid) != os.getpid()  # the pool still serves the next request
    finally:
        await pool.close()


def _kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _memo_fill() -> list[tuple[int, int]]:
    from bot.digest.word_memo import _MEMOS

    return [(memo.cache_info().currsize, memo.cache_info().maxsize) for memo in _MEMOS]


async def test_a_worker_starts_with_its_word_memos_full() -> None:
    pool = WorkerPool(1)
    pool.start()
    try:
        memos = await pool.run(_memo_fill)
        assert len(memos) >= 5  # language detection's, hedge marking's, the summarizer's stems
        assert all(size == bound for size, bound in memos)
    finally:
        await pool.close()
