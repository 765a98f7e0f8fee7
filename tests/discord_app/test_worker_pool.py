from __future__ import annotations

import asyncio
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from bot.discord_app.heap import YOUNG_COLLECTION_THRESHOLD
from bot.discord_app.worker_pool import MEASURE_EVERY, WorkerPool


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


async def test_a_worker_starts_with_its_word_memos_made_but_not_filled() -> None:
    """Filled with made-up words in the fork server, the memos' pages were copied into each worker a few at a time as
    real words replaced them: the worker grew for hundreds of digests, and the fork server kept a copy nobody used."""
    pool = WorkerPool(1)
    pool.start()
    try:
        memos = await pool.run(_memo_fill)
        assert len(memos) >= 5  # language detection's, hedge marking's, the summarizer's stems (made by the warm-up)
        assert all(size < bound for size, bound in memos)
    finally:
        await pool.close()


def _languages_loaded() -> int:
    """How many languages' stemmer memos this worker has (made by its fork server's warm-up)."""
    from bot.digest.summarize import features

    return features._memoised_stemmer.cache_info().currsize


async def test_a_worker_inherits_every_language_loaded_by_its_fork_server() -> None:
    pool = WorkerPool(1)
    pool.start()
    try:
        loaded = await pool.run(_languages_loaded)
        assert loaded >= 25  # one stemmer memo a language the summarizer knows, none digested by this worker yet
    finally:
        await pool.close()


def _pid_after(seconds: float, number: int) -> tuple[int, int]:
    """Holds its worker a moment, so that digests are still in hand when the processes are replaced."""
    import time

    time.sleep(seconds)
    return os.getpid(), number


async def _until_recycled(pool: WorkerPool, times: int, timeout: float = 90.0) -> None:
    for _ in range(int(timeout / 0.1)):
        if pool.recycled >= times:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"the pool was replaced {pool.recycled} times in {timeout} s, not {times}")


async def test_a_recycled_pool_answers_every_digest_and_keeps_serving() -> None:
    pool = WorkerPool(1, recycle_after_digests=3)
    pool.start()
    try:
        first_pid = await pool.run(os.getpid)
        # Ten digests sent at once: the replacement starts after the third is answered, while the rest wait.
        answers = await asyncio.gather(*(pool.run(_pid_after, 0.05, number) for number in range(10)))
        assert [number for _, number in answers] == list(range(10))  # every digest answered, none lost
        await _until_recycled(pool, 1)
        later_pid = await pool.run(os.getpid)
        assert later_pid not in (first_pid, os.getpid())  # a new worker process serves now
        assert await pool.run(os.getpid) == later_pid  # and keeps serving
        assert pool.recycled >= 1
    finally:
        await pool.close()


_KEPT: list[bytes] = []


def _keep_megabytes(megabytes: int) -> int:
    """Memory a worker keeps after its digest (a cache or a fragmented heap would)."""
    _KEPT.append(b"\x01" * (megabytes * 2**20))  # written, so resident (bytes(n) would be untouched calloc pages)
    return os.getpid()


async def test_a_worker_that_grows_past_its_limit_is_replaced_and_its_digest_answered() -> None:
    pool = WorkerPool(1, recycle_growth_mb=16)
    pool.start()
    try:
        small = await pool.run(_keep_megabytes, 1)
        assert await pool.run(_keep_megabytes, 1) == small
        assert pool.recycled == 0  # below the limit: the same worker
        grown = await pool.run(_keep_megabytes, 40)  # answered by the worker that grew
        assert grown == small
        for _ in range(MEASURE_EVERY):  # the worker reads its memory every MEASURE_EVERY digests
            await pool.run(os.getpid)
        await _until_recycled(pool, 1)
        fresh = await pool.run(_keep_megabytes, 1)
        assert fresh not in (small, os.getpid())
    finally:
        await pool.close()


async def test_closing_while_the_replacement_warms_up_leaves_no_process() -> None:
    import multiprocessing

    pool = WorkerPool(1, recycle_after_digests=1)
    pool.start()
    await pool.run(os.getpid)  # starts the replacement
    await pool.close()
    await asyncio.sleep(0.5)
    # The worker processes (not the fork server, which lives for the test process) are gone.
    assert [child for child in multiprocessing.active_children() if child.is_alive()] == []


def test_the_settings_give_the_pool_its_recycling() -> None:
    from bot.settings import load_settings

    settings = load_settings(environ={})
    pool = WorkerPool.from_settings(settings)
    assert (pool.processes, pool.recycle_growth_mb, pool.recycle_after_digests) == (
        settings.workers.processes, settings.workers.recycle_growth_mb, settings.workers.recycle_after_digests)
    assert pool.recycle_growth_mb > 0  # on by default
    # By count too: a worker's memory still rises after its first 25 digests (memos and caches filling), so the
    # pool is replaced while it is at that level (docs/PERFORMANCE.md, eleventh session: memory).
    assert 0 < pool.recycle_after_digests <= 25 * settings.workers.processes


async def test_the_bot_process_gives_its_free_heap_back_when_the_pool_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.discord_app import worker_pool

    trims: list[int] = []
    monkeypatch.setattr(worker_pool, "release_free_heap", lambda: trims.append(os.getpid()))
    pool = WorkerPool(1, recycle_after_digests=2)
    pool.start()
    try:
        for _ in range(2):
            await pool.run(os.getpid)
        assert trims == []  # not before a replacement
        await _until_recycled(pool, 1)
        assert trims == [os.getpid()]  # the bot's process (the workers' trims are their own, unpatched)
    finally:
        await pool.close()


def _template_state() -> tuple[bool, bool, int]:
    import gc
    import sys

    return "bot.workers.warm_template" in sys.modules, gc.get_freeze_count() > 0, gc.get_threshold()[0]


async def test_workers_are_forked_warm_from_the_fork_server_and_outlive_the_thread_that_started_them() -> None:
    pool = WorkerPool(1)
    pool.start()
    try:
        # Imported (and frozen, the collector settled) in the fork server, never in a worker: the worker was forked
        # from the warm template, and inherits its collector's settings.
        assert await pool.run(_template_state) == (True, True, YOUNG_COLLECTION_THRESHOLD)
        first = await pool.run(os.getpid)
        await asyncio.sleep(1.0)  # the thread that started the processes has ended: the fork server must not die with it
        assert await pool.run(os.getpid) == first
    finally:
        await pool.close()


def _free_a_fragmented_heap(megabytes: int) -> float:
    """Leave about `megabytes` freed inside the C heap between blocks still in use (where the heap's own trimming
    of its top cannot reach them); the worker's growth as it reads it then, before any trim."""
    from bot.discord_app import worker_pool

    blocks = [b"\x01" * 4000 + bytes([n % 256]) for n in range(megabytes * 256)]  # over pymalloc's 512: malloc's
    _KEPT.extend(blocks[::32])  # one block in 32 (every 128 KB) stays
    del blocks
    return worker_pool._growth_mb()


async def test_freed_heap_is_given_back_and_costs_no_replacement() -> None:
    pool = WorkerPool(1, recycle_growth_mb=32)
    pool.start()
    try:
        pid = await pool.run(_keep_megabytes, 0)  # imports this module in the worker before the heap is measured
        held = await pool.run(_free_a_fragmented_heap, 64)
        assert held > 32  # freed, but still the worker's: without the trim it would be replaced
        for _ in range(MEASURE_EVERY):
            await pool.run(os.getpid)
        await asyncio.sleep(1.0)
        assert pool.recycled == 0
        assert await pool.run(os.getpid) == pid
    finally:
        await pool.close()
