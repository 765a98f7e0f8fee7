"""Which shared state the settings pick, and that the default bot never imports redis-py."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from bot.settings import RedisSettings, Settings
from bot.shared_state.answered import LocalAnsweredTriggers, RedisAnsweredTriggers
from bot.shared_state.cache import RedisDigestCache
from bot.shared_state.factory import SharedStateError, open_shared_state
from bot.shared_state.limits import LocalLimiter, RedisLimiter
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
