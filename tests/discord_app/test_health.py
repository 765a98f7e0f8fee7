"""`python -m bot check`: 0 when config, store and API are fine; 1 with the reason when one is not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.discord_app.health import CheckFailed, check
from tests.conftest import REPO
from tests.discord_app.test_runner import SilentServer
from tests.helpers.bot_harness import settings_for
from tests.helpers.fake_discord import FakeDiscord
from tests.helpers.worker_processes import Workers, write_queue_config


async def test_all_well_against_the_fake_discord(fake: FakeDiscord, tmp_path: Path) -> None:
    line = await check(settings_for(fake, tmp_path / "bot.sqlite3"))
    assert line.startswith("ok:") and str(tmp_path / "bot.sqlite3") in line
    assert fake.find("GET", "/users/@me")


async def test_a_refused_token_a_silent_api_and_a_store_that_cannot_open(fake: FakeDiscord, tmp_path: Path) -> None:
    import dataclasses

    settings = settings_for(fake, tmp_path / "bot.sqlite3")
    with pytest.raises(CheckFailed, match="refused the token"):
        await check(dataclasses.replace(settings, discord=dataclasses.replace(settings.discord, token="wrong")))
    async with SilentServer() as api_base:
        silent = dataclasses.replace(settings.discord, api_base=api_base, connect_timeout_seconds=1.0)
        with pytest.raises(CheckFailed, match="no answer from the Discord API .* within 1 s"):
            await check(dataclasses.replace(settings, discord=silent))
    (tmp_path / "a-file").write_text("")
    with pytest.raises(CheckFailed, match="cannot be opened"):
        await check(dataclasses.replace(settings, store=dataclasses.replace(settings.store, path=str(tmp_path / "a-file" / "x.sqlite3"))))


async def test_redis_and_the_queue_workers_are_checked_in_queue_mode(
    fake: FakeDiscord, tmp_path: Path, redis_url: str
) -> None:
    import dataclasses

    settings = settings_for(fake, tmp_path / "bot.sqlite3")
    queue_mode = dataclasses.replace(
        settings, redis=dataclasses.replace(settings.redis, url=redis_url),
        workers=dataclasses.replace(settings.workers, mode="queue"),
    )
    with pytest.raises(CheckFailed, match="no digest worker is alive"):
        await check(queue_mode)
    workers = Workers(write_queue_config(tmp_path, redis_url), tmp_path, tmp_path / "slow.log")
    try:
        await workers.start()
        line = await check(queue_mode)
    finally:
        await workers.stop()
    assert "Redis (redis://127.0.0.1:" in line and "1 digest worker(s) alive" in line
    gone = dataclasses.replace(queue_mode, redis=dataclasses.replace(settings.redis, url="redis://127.0.0.1:1/0"))
    with pytest.raises(CheckFailed, match="cannot reach Redis"):
        await check(gone)


def test_the_command_exits_non_zero_with_the_reason(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[discord]\ntoken = ""\n')
    result = subprocess.run([sys.executable, "-m", "bot", "check", "--config", str(config)], capture_output=True, text=True,
                            cwd=REPO, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1 and result.stderr.startswith("error: no bot token")
    config.write_text("[discord]\nnope = 1\n")
    result = subprocess.run([sys.executable, "-m", "bot", "check", "--config", str(config)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 2 and "unknown setting [discord] nope" in result.stderr
