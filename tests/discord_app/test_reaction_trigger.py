"""The reaction trigger end to end: 📰 on a message gets one digest reply, in servers and DMs."""

from __future__ import annotations

import asyncio

import discord
import pytest

from bot.discord_app import client

from bot.discord_app.exts.reaction_trigger import is_trigger
from tests.discord_app.test_bot_e2e import assert_safe_reply, channel_posts, wait_posts
from tests.helpers.article_server import ArticleServer
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord

REACTION_INTENTS = (1 << 10) | (1 << 13)  # guild and DM message reactions


def test_is_trigger() -> None:
    assert is_trigger(discord.PartialEmoji(name="📰"), "📰")
    assert not is_trigger(discord.PartialEmoji(name="👍"), "📰")
    assert not is_trigger(discord.PartialEmoji(name="📰"), "")
    custom = discord.PartialEmoji(name="news", id=123)
    assert is_trigger(custom, "<:news:123>") and is_trigger(custom, ":news:")
    assert not is_trigger(custom, "<:news:456>")


async def test_one_reply_however_many_react(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    assert fake.identifies[-1]["intents"] & REACTION_INTENTS == REACTION_INTENTS
    link = articles.url("/news/syria.html")
    await fake.send_message("!digest me off", author=fake.member)  # an opted-out author: others may still ask
    await wait_posts(fake, fake.channel_id)
    posted = await fake.send_message(f"worth a read {link}", author=fake.member)
    await fake.react(posted, "👍", user=fake.admin)  # not the trigger
    await fake.react(posted, user=fake.other_bot)  # bots do not trigger
    await fake.react(posted, user=fake.admin)
    await fake.react(posted, user=fake.member)
    replies = await wait_posts(fake, fake.channel_id, count=2)
    assert_safe_reply(replies[-1].json, posted)
    assert_sample_digest(replies[-1].json["embeds"][0], link=link)
    await fake.react(posted, user=fake.admin)  # again, later: still answered once
    sentinel = await fake.send_message("!digest me on", author=fake.member)
    replies = await wait_posts(fake, fake.channel_id, count=3)
    assert replies[-1].json["message_reference"]["message_id"] == int(sentinel["id"])
    assert len(channel_posts(fake, fake.channel_id)) == 3
    assert articles.hits.count("/news/syria.html") == 1


async def test_reaction_in_a_dm_and_on_a_message_without_an_article(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    dm = fake.dm_channel_for(fake.admin)
    posted = await fake.send_dm("thanks!", author=fake.admin)  # answered with the usage, as any DM
    await wait_posts(fake, dm)
    await fake.react(posted, user=fake.admin)
    [_, short] = await wait_posts(fake, dm, count=2)
    assert_safe_reply(short.json, posted)
    assert "too short" in short.json["content"] and not short.json["embeds"]
    image = await fake.send_message("", author=fake.admin, attachments=[fake.attachment("cat.png", b"\x89PNG", "image/png")])
    await fake.react(image, user=fake.member)
    [answer] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(answer.json, image)
    assert "not a text file" in answer.json["content"]


async def test_a_dm_link_by_reaction(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(discord={"message_content_intent": False})  # a DM's content arrives without the intent
    link = articles.url("/syria.txt")
    dm = fake.dm_channel_for(fake.member)
    posted = await fake.send_dm(f"!digest me status {link}")  # a command: no digest of its own
    await wait_posts(fake, dm)
    await fake.react(posted)
    [_, reply] = await wait_posts(fake, dm, count=2)
    assert_safe_reply(reply.json, posted)
    assert_sample_digest(reply.json["embeds"][0], link=link)


async def test_an_empty_trigger_turns_it_off(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(discord={"reaction_trigger": ""})
    assert not fake.identifies[-1]["intents"] & REACTION_INTENTS
    posted = await fake.send_message(f"see {articles.url('/syria.txt')}", author=fake.admin)
    await fake.react(posted)  # not even delivered to a bot without the intent; and ignored if it were
    sentinel = await fake.send_message("!digest me", author=fake.admin)
    [reply] = await wait_posts(fake, fake.channel_id)
    assert reply.json["message_reference"]["message_id"] == int(sentinel["id"])
    assert articles.hits == []


async def test_old_answers_are_purged_on_a_schedule(
    fake: FakeDiscord, articles: ArticleServer, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "PURGE_INTERVAL_SECONDS", 0.2)
    running = await start_bot(store={"reaction_answers_ttl_seconds": 1})
    posted = await fake.send_message(f"see {articles.url('/syria.txt')}", author=fake.member)
    await fake.react(posted, user=fake.admin)
    await wait_posts(fake, fake.channel_id)
    store = running.bot.store
    assert not await store.claim_reaction_answer(int(posted["id"]))  # answered and remembered
    for _ in range(100):  # the hourly purge, here every 0.2 s, forgets it once older than 1 s
        await asyncio.sleep(0.1)
        if await store.claim_reaction_answer(int(posted["id"])):
            break
    else:
        raise AssertionError("the answer was never purged")
