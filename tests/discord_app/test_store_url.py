"""`python -m bot run` with `[store] url` naming PostgreSQL: settings and the command-sync fingerprint live there."""

from __future__ import annotations

import asyncio
import dataclasses
import socket
from pathlib import Path

import pytest

from bot.discord_app.health import CheckFailed, check
from bot.store.database import Store
from tests.helpers.bot_harness import settings_for
from tests.helpers.bot_process import start_bot_process, stop_bot_process
from tests.helpers.fake_discord import FakeDiscord


async def test_python_m_bot_run_keeps_its_state_in_postgresql(fake: FakeDiscord, postgres_url: str, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[discord]\nprefix = "!"\n\n[store]\npath = "unused.sqlite3"\nurl = "{postgres_url}"\n\n[workers]\nprocesses = 0\n',
        encoding="utf-8",
    )
    logs = []
    for start in (1, 2):
        process = await start_bot_process(fake, config)
        try:
            while len(fake.identifies) < start:  # this process's IDENTIFY (the first start's is already recorded)
                await asyncio.sleep(0.1)
            await fake.send_message("!unfurl on" if start == 1 else "!unfurl", author=fake.admin)
            answers = await fake.wait_for(
                lambda r: r.method == "POST" and r.path == f"/channels/{fake.channel_id}/messages", start, timeout=30
            )
        finally:
            logs.append(await stop_bot_process(process))
        assert process.returncode == 0, logs[-1]
    assert "Done: on for this channel" in answers[0].json["content"]
    assert "Auto-unfurl in this channel: **on**" in answers[1].json["content"]  # the restart read it back
    assert len(fake.find("PUT", r"/applications/\d+/commands")) == 1  # the fingerprint kept: no second upload
    assert "store opened: PostgreSQL at postgresql://" in logs[0]
    assert not (tmp_path / "unused.sqlite3").exists()

    store = await Store.open(postgres_url)
    try:
        guild_id = fake.guild_of(fake.channel_id)
        assert await store.unfurl_settings(guild_id) == {fake.channel_id: True}
    finally:
        await store.close()


async def test_the_health_check_opens_the_store_the_url_names(fake: FakeDiscord, postgres_url: str, tmp_path: Path) -> None:
    settings = settings_for(fake, tmp_path / "unused.sqlite3")
    with_url = dataclasses.replace(settings, store=dataclasses.replace(settings.store, url=postgres_url))
    line = await check(with_url)
    assert line.startswith("ok:") and f"store (PostgreSQL at {postgres_url}) readable" in line
    unreachable = postgres_url.replace("postgresql://bot@", "postgresql://bot:secret@").rsplit("/", 1)[0] + "/no_such_db"
    nowhere = dataclasses.replace(settings, store=dataclasses.replace(settings.store, url=unreachable))
    with pytest.raises(CheckFailed, match=r"the store cannot be opened: PostgreSQL at .*no_such_db cannot be reached: .*does not exist") as failed:
        await check(nowhere)
    assert "secret" not in str(failed.value)
    assert not (tmp_path / "unused.sqlite3").exists()


async def test_python_m_bot_run_with_an_unreachable_store_exits_with_one_line(fake: FakeDiscord, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "postgresql://bot:secret@127.0.0.1:{port}/bot"\n', encoding="utf-8")
    process = await start_bot_process(fake, config)
    _stdout, stderr = await asyncio.wait_for(process.communicate(), 60)  # it ends by itself
    text = stderr.decode(errors="replace")
    assert process.returncode == 1, text
    assert f"ERROR bot.discord_app.runner: PostgreSQL at postgresql://bot:***@127.0.0.1:{port}/bot cannot be reached:" in text
    assert "Traceback" not in text and "secret" not in text
