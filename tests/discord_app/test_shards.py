"""Shards: two `python -m bot run` processes, shards 0 and 1 of 2, serve one bot against the fake Discord."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.settings import SettingsError, load_settings
from tests.helpers.article_server import ArticleServer
from tests.helpers.bot_process import start_bot_process, stop_bot_process
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord, RecordedRequest


def write_config(folder: Path, shards: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    config = folder / "config.toml"
    config.write_text(
        f"""
[discord]
{shards}

[store]
path = "{folder / 'bot.sqlite3'}"

[fetch]
allowed_networks = ["127.0.0.0/8"]

[workers]
processes = 0
""",
        encoding="utf-8",
    )
    return config


def posts_to(fake: FakeDiscord, channel_id: int) -> list[RecordedRequest]:
    return [r for r in fake.find("POST", rf"/channels/{channel_id}/messages") if r.status == 200]


async def test_two_processes_each_answer_their_own_shard(fake: FakeDiscord, articles: ArticleServer, tmp_path: Path) -> None:
    guild_0, channel_0 = fake.add_guild(0, 2)
    guild_1, channel_1 = fake.add_guild(1, 2)
    assert (FakeDiscord.shard_of(guild_0, 2), FakeDiscord.shard_of(guild_1, 2)) == (0, 1)
    processes = {
        label: await start_bot_process(
            fake, write_config(tmp_path / label), "--shard-count", "2", "--shard-ids", shard,
            api_base=fake.api_base_for(label),
        )
        for label, shard in (("first", "0"), ("second", "1"))
    }
    logs: dict[str, str] = {}
    try:
        await fake.wait_identified(timeout=90, shard_ids=(0, 1))
        assert sorted(identify["shard"] for identify in fake.identifies) == [[0, 2], [1, 2]]
        # Only the process holding shard 0 uploads the application commands (in set-up, before it identified).
        assert [r.via for r in fake.find("PUT", rf"/applications/{fake.application_id}/commands")] == ["first"]

        link = articles.url("/news/syria.html")
        await fake.send_message(f"!summarize {link}", channel_id=channel_0)
        await fake.send_message(f"!summarize {link}", channel_id=channel_1)
        await fake.send_dm(f"!summarize {link}")
        dm_channel = fake.dm_channels[fake.member.id]
        for channel_id in (channel_0, channel_1, dm_channel):
            await fake.wait_for(lambda r, c=channel_id: r.method == "POST" and r.path == f"/channels/{c}/messages", timeout=60)
        await asyncio.sleep(2)  # time for a second answer, were an event delivered to both processes

        answers = {channel_id: posts_to(fake, channel_id) for channel_id in (channel_0, channel_1, dm_channel)}
        assert {channel_id: [r.via for r in posts] for channel_id, posts in answers.items()} == {
            channel_0: ["first"], channel_1: ["second"], dm_channel: ["first"],
        }
        for [answer] in answers.values():
            assert_sample_digest(answer.json["embeds"][0], link=link)
    finally:
        for label, process in processes.items():
            logs[label] = await stop_bot_process(process)
    for label, process in processes.items():
        assert process.returncode == 0, logs[label]
    assert "this process runs shard(s) [0] of 2" in logs["first"]
    assert "uploaded by the process that holds shard 0" in logs["second"]


async def test_unset_shard_count_takes_discords_recommendation(tmp_path: Path) -> None:
    fake = FakeDiscord(recommended_shards=2)
    await fake.start()
    # discord.py identifies the second shard 5 s after the first: the connect timeout covers only the first.
    process = await start_bot_process(fake, write_config(tmp_path, "connect_timeout_seconds = 5.5"))
    try:
        await fake.wait_identified(timeout=90, shard_ids=(0, 1))  # one process, both shards
        await asyncio.sleep(3)  # past the second shard's READY: still running
        assert process.returncode is None
    finally:
        log = await stop_bot_process(process)
        await fake.stop()
    assert sorted(identify["shard"] for identify in fake.identifies) == [[0, 2], [1, 2]]
    assert fake.find("GET", "/gateway/bot")
    assert process.returncode == 0, log


@pytest.mark.parametrize(
    ("shards", "message"),
    [
        ("shard_ids = [0]", "[discord] shard_ids needs shard_count too"),
        ("shard_count = 2\nshard_ids = [0, 2]", "[discord] shard_ids: 2 is out of range for shard_count 2 (0 to 1)"),
        ("shard_count = 2\nshard_ids = [1, 1]", "[discord] shard_ids: 1 is listed twice"),
        ("shard_count = -1", "[discord] shard_count must be 1 or more"),
    ],
)
def test_bad_shard_settings_are_refused(tmp_path: Path, shards: str, message: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(write_config(tmp_path, shards), environ={})
    assert str(refused.value).startswith(message)


def test_shard_settings_from_the_config_file(tmp_path: Path) -> None:
    settings = load_settings(write_config(tmp_path, "shard_count = 4\nshard_ids = [2, 3]"), environ={})
    assert (settings.discord.shard_count, settings.discord.shard_ids) == (4, (2, 3))
    assert (load_settings(None, environ={}).discord.shard_count, load_settings(None, environ={}).discord.shard_ids) == (0, ())
    from_environment = load_settings(None, environ={"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "0, 1"}).discord
    assert (from_environment.shard_count, from_environment.shard_ids) == (4, (0, 1))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--shard-ids", "0,1"], "error: [discord] shard_ids needs shard_count too"),
        (["--shard-count", "2", "--shard-ids", "0,2"], "error: [discord] shard_ids: 2 is out of range"),
        (["--shard-count", "2", "--shard-ids", "0,0"], "error: [discord] shard_ids: 0 is listed twice"),
        (["--shard-count", "two"], "error: [discord] shard_count must be a whole number, not 'two'"),
    ],
)
def test_bad_shard_options_get_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str) -> None:
    assert main(["run", "--config", str(write_config(tmp_path)), *options]) == 2
    error = capsys.readouterr().err
    assert error.startswith(message) and error.count("\n") == 1


def test_options_override_the_config_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    config = write_config(tmp_path, "shard_count = 2\nshard_ids = [1]")
    assert main(["run", "--config", str(config), "--shard-ids", "3"]) == 2
    assert "3 is out of range for shard_count 2" in capsys.readouterr().err  # the file's count, the option's ids
    # Both given: valid, so the run goes on and stops only at the missing token.
    assert main(["run", "--config", str(config), "--shard-count", "4", "--shard-ids", "3"]) == 2
    error = capsys.readouterr().err
    assert "no bot token" in error and "shard" not in error
