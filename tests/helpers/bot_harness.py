"""Run the real DigestBot in the test's event loop against the fake Discord."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from bot.discord_app.client import DigestBot
from bot.settings import DiscordSettings, FetchSettings, Settings, StoreSettings, UnfurlSettings, WorkerSettings
from tests.helpers.fake_discord import FakeDiscord

LOOPBACK = ("127.0.0.0/8",)


def settings_for(fake: FakeDiscord, store_path: Path, **sections: dict[str, Any]) -> Settings:
    """Settings pointing at the fake; `sections` override fields, e.g. unfurl={"default": "on"}."""
    base = Settings(
        discord=DiscordSettings(token=fake.token, api_base=fake.api_base, gateway_url=""),
        store=StoreSettings(path=str(store_path)),
        unfurl=UnfurlSettings(),
        fetch=FetchSettings(allowed_networks=LOOPBACK, total_timeout=10.0),
        workers=WorkerSettings(processes=0),
    )
    changes = {name: dataclasses.replace(getattr(base, name), **values) for name, values in sections.items()}
    return dataclasses.replace(base, **changes)


class RunningBot:
    """A DigestBot connected to the fake, started and stopped by the test."""

    def __init__(self, fake: FakeDiscord, settings: Settings) -> None:
        self.fake = fake
        self.settings = settings
        self.bot: DigestBot | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> DigestBot:
        self.bot = DigestBot(self.settings)
        self._task = asyncio.create_task(self.bot.start(self.settings.discord.token))
        identified = asyncio.create_task(self.fake.wait_identified(timeout=15))
        done, _ = await asyncio.wait({self._task, identified}, return_when=asyncio.FIRST_COMPLETED)
        if self._task in done:
            identified.cancel()
            self._task.result()  # raises why the bot stopped
            raise RuntimeError("the bot stopped before identifying")
        identified.result()
        return self.bot

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self._task is not None:
            await asyncio.wait_for(self._task, 10)
        await self.fake.drop_connections()
        self.bot = None
        self._task = None
