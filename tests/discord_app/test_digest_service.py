"""The digest service between the cogs and the worker pool."""

from __future__ import annotations

import dataclasses

from bot.discord_app.digest_service import DigestRequest, DigestService
from bot.discord_app.worker_pool import WorkerPool
from bot.settings import Settings, WorkerSettings
from tests.helpers.article_server import sample_text


async def _digest_with(workers: WorkerSettings) -> str | None:
    settings = dataclasses.replace(Settings(), workers=workers)
    pool = WorkerPool(workers.processes)
    pool.start()
    service = DigestService(settings, pool, store=None)
    try:
        digest = await service.digest(DigestRequest(kind="text", value=sample_text(), label="pasted text"))
        return digest.error
    finally:
        await service.close()
        await pool.close()


async def test_a_digest_within_the_time_limit_is_answered() -> None:
    assert await _digest_with(WorkerSettings(processes=0, digest_timeout_seconds=60)) is None


async def test_a_digest_over_the_time_limit_gets_a_one_line_answer() -> None:
    error = await _digest_with(WorkerSettings(processes=0, digest_timeout_seconds=0.001))
    assert error is not None and "took too long" in error and "\n" not in error
