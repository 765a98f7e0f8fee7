"""The issue's "done when": `python -m bot run`, pointed at the fake Discord by environment variables, answers every trigger."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.article_server import ArticleServer, sample_text
from tests.helpers.bot_process import start_bot_process, stop_bot_process
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord, assert_within_discord_limits


async def test_python_m_bot_run_answers_every_trigger(fake: FakeDiscord, articles: ArticleServer, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[discord]
prefix = "!"

[store]
path = "{tmp_path / 'bot.sqlite3'}"

[unfurl]
default = "on"

[fetch]
allowed_networks = ["127.0.0.0/8"]

[workers]
processes = 1
""",
        encoding="utf-8",
    )
    # The gateway is given at another address than the one GET /gateway/bot names.
    process = await start_bot_process(fake, config, gateway_url=fake.gateway_url + "/proxy")
    try:
        await fake.wait_identified(timeout=60)
        assert set(fake.gateway_paths) == {"/gateway/proxy"}  # DISCORD_GATEWAY_URL was used as given
        assert [identify["shard"] for identify in fake.identifies] == [[0, 1]]  # Discord's recommendation: one shard
        html_link, text_link = articles.url("/news/syria.html"), articles.url("/syria.txt")

        # 1. !summarize <link> and a message.txt paste
        await fake.send_message(f"!summarize {html_link}")
        await fake.send_message("!summarize", author=fake.admin, attachments=[fake.attachment("message.txt", sample_text().encode())])
        # 2. /summarize and Apps > Summarize
        slash = await fake.slash_command("summarize", {"source": text_link})
        target = await fake.send_message(f"<{text_link}>", author=fake.admin, channel_id=fake.second_channel_id)
        menu = await fake.message_command("Summarize", target, user=fake.admin)  # each user stays within the cooldown of 3
        # 3. auto-unfurl (on by the config's default)
        await fake.send_message(f"news: {html_link}", channel_id=fake.second_channel_id, author=fake.other_bot)  # a bot: ignored
        await fake.send_message(f"news: {html_link}", channel_id=fake.second_channel_id)
        # 4. a DM with a link and no prefix
        await fake.send_dm(text_link)

        channel = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fake.channel_id}/messages", 2, timeout=30)
        follow_ups = await fake.wait_for(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"), 2, timeout=30)
        unfurls = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fake.second_channel_id}/messages", 1, timeout=30)
        dms = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{fake.dm_channels[fake.member.id]}/messages", 1, timeout=30)

        links = {0: html_link, 1: None}
        for position, reply in enumerate(sorted(channel, key=lambda r: r.json["message_reference"]["message_id"])):
            assert_within_discord_limits(reply.json)
            assert reply.json["allowed_mentions"] == {"parse": [], "replied_user": False}
            assert_sample_digest(reply.json["embeds"][0], link=links[position])
        for reply in follow_ups:
            assert_within_discord_limits(reply.json)
            assert_sample_digest(reply.json["embeds"][0], link=text_link)
        assert {r.path.split("/")[-1] for r in follow_ups} == {slash["token"], menu["token"]}
        [unfurl] = unfurls
        assert_sample_digest(unfurl.json["embeds"][0], link=html_link)
        [dm] = dms
        assert_sample_digest(dm.json["embeds"][0], link=text_link)
    finally:
        log = await stop_bot_process(process)
        print(fake.requests)
    assert process.returncode == 0, log
    assert fake.token not in log  # the token is never logged
    assert "stop signal received" in log and "worker pool stopped" in log
