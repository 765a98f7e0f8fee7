"""`digest me off|on|status` end to end: the choice, what it stops, what it does not, and a restart."""

from __future__ import annotations

from tests.discord_app.test_bot_e2e import assert_safe_reply, channel_posts, wait_posts
from tests.helpers.article_server import ArticleServer
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord

EPHEMERAL = 1 << 6


async def test_opted_out_links_are_not_unfurled_but_explicit_requests_work(
    fake: FakeDiscord, articles: ArticleServer, start_bot
) -> None:
    first = await start_bot(unfurl={"default": "on", "channel_cooldown_seconds": 0.0})
    link = articles.url("/syria.txt")
    off = await fake.send_message("!digest me off", author=fake.member)
    [answer] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(answer.json, off)
    assert "Done: digests of your messages are **off**" in answer.json["content"]
    assert await first.bot.store.is_opted_out(fake.member.id)

    members_link = await fake.send_message(f"look {link}", author=fake.member)  # no unfurl
    admins_link = await fake.send_message(f"and {link}", author=fake.admin)  # unfurled
    replies = await wait_posts(fake, fake.channel_id, count=2)
    assert_safe_reply(replies[-1].json, admins_link)
    asked = await fake.send_message("!summarize", author=fake.admin, reference=members_link)  # someone asks: it works
    replies = await wait_posts(fake, fake.channel_id, count=3)
    assert_safe_reply(replies[-1].json, asked)
    assert_sample_digest(replies[-1].json["embeds"][0], link=link)
    own = await fake.send_message(f"!digest {link}", author=fake.member)  # `!digest <link>` is still !summarize
    replies = await wait_posts(fake, fake.channel_id, count=4)
    assert_safe_reply(replies[-1].json, own)
    assert_sample_digest(replies[-1].json["embeds"][0], link=link)
    assert not any(r.json["message_reference"]["message_id"] == int(members_link["id"]) for r in replies)
    await first.stop()

    await start_bot(unfurl={"default": "on", "channel_cooldown_seconds": 0.0})  # the choice survives a restart
    status = await fake.slash_command("digest me status", {}, user=fake.member)
    [callback] = await fake.wait_for(lambda r: r.path.startswith(f"/interactions/{status['id']}/"))
    assert callback.json["type"] == 4
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert callback.json["data"]["allowed_mentions"] == {"parse": []}
    assert "Digests of your messages are **off**" in callback.json["data"]["content"]
    on = await fake.send_message("!digest me on", author=fake.member)
    replies = await wait_posts(fake, fake.channel_id, count=5)
    assert_safe_reply(replies[-1].json, on)
    assert "Done: digests of your messages are **on**" in replies[-1].json["content"]
    unfurled = await fake.send_message(f"now {link}", author=fake.member)
    replies = await wait_posts(fake, fake.channel_id, count=6)
    assert_safe_reply(replies[-1].json, unfurled)
    assert_sample_digest(replies[-1].json["embeds"][0], link=link)
    assert len(channel_posts(fake, fake.channel_id)) == 6


async def test_slash_opt_out_works_in_a_dm_and_a_typo_gets_the_usage(fake: FakeDiscord, start_bot) -> None:
    running = await start_bot()
    interaction = await fake.slash_command("digest me off", {}, user=fake.admin)
    [callback] = await fake.wait_for(lambda r: r.path.startswith(f"/interactions/{interaction['id']}/"))
    assert "Done: digests of your messages are **off**" in callback.json["data"]["content"]
    assert await running.bot.store.is_opted_out(fake.admin.id)
    typo = await fake.send_dm("!digest me offf", author=fake.admin)
    [usage] = await wait_posts(fake, fake.dm_channel_for(fake.admin))
    assert_safe_reply(usage.json, typo)
    assert "I didn't understand that. Usage: `!digest me" in usage.json["content"]
    assert await running.bot.store.is_opted_out(fake.admin.id)
