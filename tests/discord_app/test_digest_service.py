"""The digest service between the cogs and the worker pool."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from bot.discord_app import digest_service
from bot.discord_app.digest_service import DigestRequest, DigestService
from bot.discord_app.worker_pool import WorkerPool
from bot.settings import FetchSettings, Settings, WorkerSettings
from bot.store.database import Store
from tests.helpers.article_server import ArticleServer, sample_text


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


async def test_a_digest_over_the_time_limit_gets_a_one_line_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    real = digest_service.digest_document

    def slow_digest(*args: object) -> object:
        time.sleep(1.0)  # sleeps without the GIL, so the event loop's timer fires while the worker is busy
        return real(*args)

    monkeypatch.setattr(digest_service, "digest_document", slow_digest)
    error = await _digest_with(WorkerSettings(processes=0, digest_timeout_seconds=0.05))
    assert error is not None and "took too long" in error and "\n" not in error


async def test_a_retrained_model_does_not_serve_digests_cached_with_the_old_one(
    articles: ArticleServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = dataclasses.replace(Settings(), fetch=FetchSettings(allowed_networks=("127.0.0.0/8",)), workers=WorkerSettings(processes=0))
    pool = WorkerPool(0)
    pool.start()
    store = await Store.open(tmp_path / "cache.sqlite3")
    service = DigestService(settings, pool, store)
    service.start()
    link = articles.url("/news/syria.html")
    try:
        request = DigestRequest(kind="link", value=link, label=link)
        assert (await service.digest(request)).error is None
        assert (await service.digest(request)).error is None
        assert len(articles.hits) == 1  # the second came from the cache
        monkeypatch.setattr(digest_service, "models_version", lambda: "retrained")
        assert (await service.digest(request)).error is None
        assert len(articles.hits) == 2  # a new model: digested afresh
    finally:
        await service.close()
        await pool.close()
        await store.close()
