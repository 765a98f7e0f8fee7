"""Two bot processes' shared state, as each would open it: its own Redis client on the one private Redis."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator

import pytest

from bot.settings import RedisSettings, Settings, StoreSettings
from bot.shared_state.factory import SharedState, local_state, open_shared_state

CACHE_TTL_SECONDS = 600


def redis_settings(redis_url: str) -> Settings:
    return dataclasses.replace(
        Settings(), redis=RedisSettings(url=redis_url), store=StoreSettings(cache_ttl_seconds=CACHE_TTL_SECONDS)
    )


@contextlib.asynccontextmanager
async def processes_on(redis_url: str) -> AsyncIterator[tuple[SharedState, SharedState]]:
    first = await open_shared_state(redis_settings(redis_url), store=None)
    second = await open_shared_state(redis_settings(redis_url), store=None)
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()


@pytest.fixture
async def two_processes(redis_url: str) -> AsyncIterator[tuple[SharedState, SharedState]]:
    async with processes_on(redis_url) as both:
        yield both


@pytest.fixture
async def redis_client(two_processes: tuple[SharedState, SharedState]):  # type: ignore[no-untyped-def]
    """A client to look at the keys (the first process's own)."""
    return two_processes[0].redis


@pytest.fixture(params=["in-process", "redis"])
async def processes(request: pytest.FixtureRequest) -> AsyncIterator[tuple[SharedState, SharedState]]:
    """Two processes' state on one Redis; in-process, one state twice (one process is all it serves)."""
    if request.param == "in-process":
        local = local_state(None)
        yield local, local
        return
    async with processes_on(request.getfixturevalue("redis_url")) as both:
        yield both
