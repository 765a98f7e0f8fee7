from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable

import pytest

from bot.settings import Settings
from tests.helpers.bot_harness import RunningBot, settings_for
from tests.helpers.fake_discord import FakeDiscord


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def start_bot(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[Callable[..., Awaitable[RunningBot]]]:
    """Start the bot with settings overrides; every bot started is stopped after the test."""
    started: list[RunningBot] = []

    async def start(settings: Settings | None = None, **sections: dict) -> RunningBot:
        running = RunningBot(fake, settings or settings_for(fake, tmp_path / "bot.sqlite3", **sections))
        await running.start()
        started.append(running)
        return running

    yield start
    for running in reversed(started):
        if running.bot is not None:
            await running.stop()
