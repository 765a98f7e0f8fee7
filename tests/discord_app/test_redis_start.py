"""`[redis] url` at start: a Redis that does not answer stops the bot with one clear line."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.discord_app.runner import EXIT_FAILED, serve
from tests.helpers.bot_harness import settings_for
from tests.helpers.fake_discord import FakeDiscord
from tests.helpers.servers import free_loopback_port


async def test_an_unreachable_redis_stops_the_bot_with_a_clear_message(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        settings = settings_for(fake, tmp_path / "s.sqlite3", redis={"url": f"redis://127.0.0.1:{free_loopback_port()}/0"})
        result = await asyncio.wait_for(serve(settings), 30)
    finally:
        await fake.stop()
    assert result == EXIT_FAILED
    [line] = [record.getMessage() for record in caplog.records if "[redis] url" in record.getMessage()]
    assert line.startswith("[redis] url: cannot reach Redis (") and "\n" not in line
