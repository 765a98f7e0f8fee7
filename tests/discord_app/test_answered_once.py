"""Each trigger gets exactly one reply: replayed events (a gateway resume) and two bot processes that
both receive an event, with Redis shared between them, and in one process without Redis."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.discord_app.test_bot_e2e import assert_safe_reply, channel_posts, wait_posts
from tests.discord_app.test_digest_buttons import buttons, reply_to
from tests.helpers.article_server import ArticleServer
from tests.helpers.bot_harness import RunningBot, settings_for
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord


async def _start_processes(fake: FakeDiscord, start_bot, tmp_path: Path, redis_url: str, count: int) -> list[RunningBot]:
    """`count` bot processes (each its own SQLite file), all on one Redis, all connected and ready."""
    running: list[RunningBot] = []
    for number in range(count):
        settings = settings_for(fake, tmp_path / f"bot{number}.sqlite3", redis={"url": redis_url}, unfurl={"default": "on"})
        bot = await start_bot(settings)
        await asyncio.wait_for(bot.bot.first_shard_ready.wait(), 15)
        running.append(bot)
    return running


async def _settle(fake: FakeDiscord, channel_id: int, posts_before: int) -> int:
    """Send a `!digest me` and wait for its one reply: everything dispatched before it has been handled."""
    await fake.send_message("!digest me", author=fake.admin, channel_id=channel_id)
    await wait_posts(fake, channel_id, count=posts_before + 1)
    await asyncio.sleep(0.3)  # a second process's late duplicate would show up now
    return len(channel_posts(fake, channel_id))


async def test_two_processes_and_replays_answer_each_trigger_once(
    fake: FakeDiscord, articles: ArticleServer, start_bot, tmp_path: Path, redis_url: str
) -> None:
    first, second = await _start_processes(fake, start_bot, tmp_path, redis_url, 2)
    link = articles.url("/news/syria.html")
    channel = fake.channel_id

    command = await fake.send_message(f"!summarize {link}")  # both processes receive it
    [reply] = await wait_posts(fake, channel)
    assert_safe_reply(reply.json, command)
    assert_sample_digest(reply.json["embeds"][0], link=link)
    await fake.dispatch("MESSAGE_CREATE", command)  # the same event again, as after a gateway resume
    assert await _settle(fake, channel, 1) == 2  # the digest and the sentinel's answer, nothing more

    posted = await fake.send_message(f"worth a read {link}", author=fake.admin)  # an auto-unfurl, from the cache
    await fake.react(posted, user=fake.member)  # and a reaction on it: its own trigger
    await fake.dispatch("MESSAGE_CREATE", posted)
    await fake.react(posted, user=fake.member)
    posts = await wait_posts(fake, channel, count=4)
    replies_to_posted = [p for p in posts if p.json["message_reference"]["message_id"] == int(posted["id"])]
    assert len(replies_to_posted) == 2  # one unfurl, one reaction reply
    assert await _settle(fake, channel, 4) == 5

    assert articles.hits.count("/news/syria.html") == 1  # one fetch: every later digest came from the shared cache
    assert first.bot is not None and second.bot is not None


async def test_replayed_interactions_are_answered_once(
    fake: FakeDiscord, articles: ArticleServer, start_bot, tmp_path: Path, redis_url: str
) -> None:
    await _start_processes(fake, start_bot, tmp_path, redis_url, 2)
    slash = await fake.slash_command("digest me status", {})
    await fake.dispatch("INTERACTION_CREATE", slash)
    trigger = await fake.send_message(f"!summarize {articles.url('/syria.txt')}", author=fake.member)
    await wait_posts(fake, fake.channel_id)
    digest = reply_to(fake, trigger)
    press = await fake.press_button(digest, buttons(digest)["Longer"]["custom_id"], user=fake.member)
    await fake.dispatch("INTERACTION_CREATE", press)
    await fake.wait_for(lambda r: r.method == "PATCH" and press["token"] in r.path)  # the digest, made longer
    await _settle(fake, fake.channel_id, 1)
    for interaction in (slash, press):
        assert len(fake.find("POST", rf"/interactions/{interaction['id']}/.*/callback")) == 1
    assert len(fake.find("PATCH", rf".*{press['token']}.*")) == 1


async def test_one_process_without_redis_answers_a_replay_once(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    command = await fake.send_message(f"!summarize {articles.url('/syria.txt')}")
    await fake.dispatch("MESSAGE_CREATE", command)
    dm = await fake.send_dm(f"read this {articles.url('/syria.txt')}")
    await fake.dispatch("MESSAGE_CREATE", dm)
    [reply] = await wait_posts(fake, int(dm["channel_id"]))
    assert_safe_reply(reply.json, dm)
    assert await _settle(fake, fake.channel_id, 1) == 2
    assert len(channel_posts(fake, int(dm["channel_id"]))) == 1
