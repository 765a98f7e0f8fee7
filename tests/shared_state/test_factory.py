"""Which shared state the settings pick, and that the default bot never imports redis-py."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from bot.digest.models import Digest
from bot.settings import RedisSettings, Settings
from bot.shared_state.answered import LocalAnsweredTriggers, RedisAnsweredTriggers, Trigger, answer_once
from bot.shared_state.cache import RedisDigestCache
from bot.shared_state.factory import SharedStateError, open_shared_state
from bot.shared_state.limits import LocalLimiter, RedisLimiter, Window
from tests.helpers.servers import free_loopback_port
from tests.shared_state.conftest import redis_settings


async def test_without_a_url_everything_stays_in_the_process() -> None:
    state = await open_shared_state(Settings(), store=None)
    assert state.cache is None and state.redis is None  # no store given: nothing to cache in
    assert isinstance(state.limiter, LocalLimiter) and isinstance(state.answered, LocalAnsweredTriggers)
    await state.close()


async def test_with_a_url_everything_is_on_redis(redis_url: str) -> None:
    state = await open_shared_state(redis_settings(redis_url), store=None)
    try:
        assert isinstance(state.cache, RedisDigestCache) and isinstance(state.limiter, RedisLimiter)
        assert isinstance(state.answered, RedisAnsweredTriggers)
    finally:
        await state.close()


async def test_an_unreachable_redis_stops_the_start_with_a_clear_message() -> None:
    settings = dataclasses.replace(Settings(), redis=RedisSettings(url=f"redis://127.0.0.1:{free_loopback_port()}/0"))
    with pytest.raises(SharedStateError, match=r"\[redis\] url: cannot reach Redis"):
        await open_shared_state(settings, store=None)


def test_the_default_bot_does_not_import_redis() -> None:
    code = (
        "import asyncio, sys\n"
        "from bot.discord_app.client import DigestBot\n"
        "from bot.settings import Settings\n"
        "from bot.shared_state.factory import open_shared_state\n"
        "asyncio.run(open_shared_state(Settings(), None))\n"
        "print('redis' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"


async def test_while_redis_is_away_the_bot_keeps_answering() -> None:
    """A Redis that goes away after the start: cache misses, requests let through, triggers answered."""
    import redis.asyncio as redis_asyncio
    from redis.exceptions import RedisError

    client = redis_asyncio.Redis.from_url(f"redis://127.0.0.1:{free_loopback_port()}/0", socket_connect_timeout=1)
    errors = (RedisError, OSError)
    try:
        cache = RedisDigestCache(client, 60, errors)
        await cache.put("https://news.example/a", "v", Digest(source="https://news.example/a"))
        assert await cache.get("https://news.example/a", "v") is None
        assert await RedisLimiter(client, errors).acquire([Window("user:1", 1, 60)]) is None
        answered: list[bool] = []

        async def answer() -> bool:
            answered.append(True)
            return True

        assert await answer_once(RedisAnsweredTriggers(client, errors), Trigger("command", 1), answer, 60)
        assert answered == [True]
    finally:
        await client.aclose()
