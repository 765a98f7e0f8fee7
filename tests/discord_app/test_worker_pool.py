from __future__ import annotations

import os

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
