"""End to end: the real DigestBot, connected to the fake Discord, digests the sample article served on loopback."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.article_server import ArticleServer, article_paragraphs, sample_text
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord, RecordedRequest, assert_within_discord_limits

MESSAGE_CONTENT_INTENT = 1 << 15
SUPPRESS_EMBEDS = 1 << 2


def channel_posts(fake: FakeDiscord, channel_id: int) -> list[RecordedRequest]:
    return [r for r in fake.find("POST", rf"/channels/{channel_id}/messages") if r.status == 200]


async def wait_posts(fake: FakeDiscord, channel_id: int, count: int = 1) -> list[RecordedRequest]:
    return await fake.wait_for(
        lambda r: r.method == "POST" and r.path == f"/channels/{channel_id}/messages" and r.status == 200, count
    )


def assert_safe_reply(body: dict, trigger: dict) -> None:
    """Within limits, nobody pinged, a reply to the trigger that does not notify its author."""
    assert_within_discord_limits(body)
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert body["message_reference"]["message_id"] == int(trigger["id"])
    assert not (body.get("flags") or 0) & SUPPRESS_EMBEDS


async def test_summarize_link_with_prefix(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    link = articles.url("/news/syria.html")
    trigger = await fake.send_message(f"!summarize {link}")
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert not reply.json.get("content")
    [embed] = reply.json["embeds"]
    assert_sample_digest(embed, link=link)
    typing = fake.find("POST", rf"/channels/{fake.channel_id}/typing")
    assert typing and fake.requests.index(typing[0]) < fake.requests.index(reply)
    assert fake.find("GET", "/gateway/bot")  # no gateway configured: the API named it


async def test_pasted_text_with_leading_number_is_text(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    paste = "3 top Syrian officers defect\n" + "\n".join(article_paragraphs()[:4])
    assert len(paste) < 2000
    trigger = await fake.send_message(f"!summarize {paste}")
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    [embed] = reply.json["embeds"]
    assert_sample_digest(embed)  # the title keeps its "3": it was not taken as a sentence count


async def test_mention_works_without_message_content_intent(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(discord={"message_content_intent": False})
    assert not fake.identifies[-1]["intents"] & MESSAGE_CONTENT_INTENT
    link = articles.url("/syria.txt")
    trigger = await fake.send_message(f"<@{fake.bot_user.id}> summarize {link}", mentions=[fake.bot_user])
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0], link=link)


async def test_reply_to_a_message_with_a_link(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    link = articles.url("/news/syria.html")
    original = await fake.send_message(f"worth reading {link}", author=fake.admin)
    trigger = await fake.send_message("!summarize", reference=original)
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0], link=link)


async def test_message_txt_attachment(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    attachment = fake.attachment("message.txt", sample_text().encode())
    trigger = await fake.send_message("!summarize", attachments=[attachment])
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0])
    assert articles.hits == []  # read from the attachment, nothing fetched


async def test_markdown_attachment_is_read_without_its_marks(fake: FakeDiscord, start_bot) -> None:
    """A .md attachment reads as the command line reads a .md file: "# Headline" gives the headline, not "# ..."."""
    await start_bot()
    attachment = fake.attachment("notes.md", ("# " + sample_text()).encode(), content_type="text/markdown; charset=utf-8")
    trigger = await fake.send_message("!summarize", attachments=[attachment])
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0])


async def test_dm_with_message_txt_and_no_prefix(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    attachment = fake.attachment("message.txt", sample_text().encode())
    trigger = await fake.send_dm("", attachments=[attachment])
    dm_channel = fake.dm_channels[fake.member.id]
    [reply] = await wait_posts(fake, dm_channel)
    assert_safe_reply(reply.json, trigger)
    assert "guild_id" not in reply.json["message_reference"]
    assert_sample_digest(reply.json["embeds"][0])
    assert channel_posts(fake, fake.channel_id) == []


async def test_dm_link_and_dm_command(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    link = articles.url("/syria.txt")
    dm_channel = fake.dm_channel_for(fake.member)
    await fake.send_dm(link)
    await fake.send_dm(f"!summarize {link}")
    await fake.send_dm("hi there")
    replies = await wait_posts(fake, dm_channel, count=3)
    digests = [r for r in replies if r.json.get("embeds")]
    assert len(digests) == 2
    for reply in digests:
        assert_sample_digest(reply.json["embeds"][0], link=link)
    [usage] = [r for r in replies if not r.json.get("embeds")]
    assert "attach a .txt" in usage.json["content"]


async def test_slash_command_defers_then_follows_up(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    link = articles.url("/news/syria.html")
    interaction = await fake.slash_command("summarize", {"source": link, "sentences": 2})
    [follow_up] = await fake.wait_for_request("POST", rf"/webhooks/{fake.application_id}/{interaction['token']}")
    [callback] = fake.find("POST", rf"/interactions/{interaction['id']}/{interaction['token']}/callback")
    assert callback.json["type"] == 5  # deferred: "DigestBot is thinking…"
    assert fake.requests.index(callback) < fake.requests.index(follow_up)
    assert_within_discord_limits(follow_up.json)
    assert follow_up.json["allowed_mentions"] == {"parse": []}
    assert_sample_digest(follow_up.json["embeds"][0], link=link, sentences=2)


async def test_message_menu_summarize(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    assert any(c["name"] == "Summarize" and c["type"] == 3 for c in fake.commands)
    link = articles.url("/syria.txt")
    target = await fake.send_message(f"have a look {link}", author=fake.admin)
    interaction = await fake.message_command("Summarize", target)
    [follow_up] = await fake.wait_for_request("POST", rf"/webhooks/{fake.application_id}/{interaction['token']}")
    [callback] = fake.find("POST", rf"/interactions/{interaction['id']}/.*/callback")
    assert callback.json["type"] == 5
    assert fake.requests.index(callback) < fake.requests.index(follow_up)
    assert follow_up.json["allowed_mentions"] == {"parse": []}
    assert_within_discord_limits(follow_up.json)
    assert_sample_digest(follow_up.json["embeds"][0], link=link)


async def test_unfurl_settings_survive_a_restart(fake: FakeDiscord, articles: ArticleServer, start_bot, tmp_path: Path) -> None:
    first = await start_bot()
    denied = await fake.send_message("!unfurl on", author=fake.member)
    [answer] = await wait_posts(fake, fake.channel_id)
    assert "Manage Server" in answer.json["content"]
    assert answer.json["message_reference"]["message_id"] == int(denied["id"])
    await fake.send_message("!unfurl on", author=fake.admin)
    [_, done] = await wait_posts(fake, fake.channel_id, count=2)
    assert "Done: on for this channel" in done.json["content"]
    await first.stop()
    assert (tmp_path / "bot.sqlite3").exists()

    await start_bot()
    assert len(fake.find("PUT", r"/applications/\d+/commands")) == 1  # same definitions: no second sync
    link = articles.url("/news/syria.html")
    trigger = await fake.send_message(f"Look at this {link} !", author=fake.member)
    replies = await wait_posts(fake, fake.channel_id, count=3)
    assert_safe_reply(replies[-1].json, trigger)
    assert_sample_digest(replies[-1].json["embeds"][0], link=link)
    # The other channel keeps the default (off): a link there gets nothing; a command there proves it was read.
    await fake.send_message(f"also {link}", channel_id=fake.second_channel_id)
    await fake.send_message("!unfurl", channel_id=fake.second_channel_id, author=fake.admin)
    [status] = await wait_posts(fake, fake.second_channel_id)
    assert "Auto-unfurl in this channel: **off**" in status.json["content"]
    assert len(channel_posts(fake, fake.second_channel_id)) == 1


async def test_unfurl_skips_bots_media_discord_and_suppressed_links(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(unfurl={"default": "on", "channel_cooldown_seconds": 0.0})
    link = articles.url("/news/syria.html")
    await fake.send_message(f"bot says {link}", author=fake.other_bot)
    await fake.send_message(f"own echo {link}", author=fake.bot_user)
    await fake.send_message(f"{articles.url('/photo.png')} https://discord.com/channels/1/2/3 <{link}>")
    sentinel = await fake.send_message("!summarize", author=fake.admin)
    [usage] = await wait_posts(fake, fake.channel_id)
    assert usage.json["message_reference"]["message_id"] == int(sentinel["id"])
    assert len(channel_posts(fake, fake.channel_id)) == 1
    assert articles.hits == []


async def test_unfurl_max_links_and_channel_cooldown(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(unfurl={"default": "on", "max_links": 1, "channel_cooldown_seconds": 600.0})
    html_link, text_link = articles.url("/news/syria.html"), articles.url("/syria.txt")
    await fake.send_message(f"two links {html_link} and {text_link}")
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_sample_digest(reply.json["embeds"][0], link=html_link)
    await fake.send_message(f"again {text_link}")  # within the channel's cooldown
    await fake.send_message(f"elsewhere {text_link}", channel_id=fake.second_channel_id)  # another channel: not cooling
    await wait_posts(fake, fake.second_channel_id)
    assert len(channel_posts(fake, fake.channel_id)) == 1
    assert articles.hits.count("/syria.txt") == 1


async def test_user_cooldown_answer(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(discord={"user_rate": 1, "cooldown_seconds": 600.0})
    link = articles.url("/syria.txt")
    await fake.send_message(f"!summarize {link}")
    second = await fake.send_message(f"!summarize {link}")
    replies = await wait_posts(fake, fake.channel_id, count=2)
    [cooldown] = [r for r in replies if r.json["message_reference"]["message_id"] == int(second["id"])]
    assert not cooldown.json["embeds"]
    assert "Try again in" in cooldown.json["content"] and "1 digest every 600 seconds" in cooldown.json["content"]
    assert_safe_reply(cooldown.json, second)
    await fake.send_message(f"!summarize {link}", author=fake.admin)  # another user is not held back
    replies = await wait_posts(fake, fake.channel_id, count=3)
    assert replies[-1].json["embeds"]


async def test_guild_cooldown_answer(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot(discord={"guild_rate": 1, "cooldown_seconds": 600.0})
    link = articles.url("/syria.txt")
    await fake.send_message(f"!summarize {link}", author=fake.member)
    [first] = await wait_posts(fake, fake.channel_id)
    assert first.json["embeds"]
    second = await fake.send_message(f"!summarize {link}", author=fake.admin)  # another user, same server
    [_, refused] = await wait_posts(fake, fake.channel_id, count=2)
    assert_safe_reply(refused.json, second)
    assert "This server has asked for a lot of digests" in refused.json["content"]
    await fake.send_dm(link, author=fake.admin)  # a DM is not the server's quota
    [dm] = await wait_posts(fake, fake.dm_channel_for(fake.admin))
    assert dm.json["embeds"]


async def test_a_429_is_answered_by_a_retry(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    fake.rate_limit_once("POST", rf"/channels/{fake.channel_id}/messages", retry_after=0.3)
    trigger = await fake.send_message(f"!summarize {articles.url('/syria.txt')}")
    [reply] = await wait_posts(fake, fake.channel_id)
    attempts = fake.find("POST", rf"/channels/{fake.channel_id}/messages")
    assert [a.status for a in attempts] == [429, 200]
    assert attempts[0].json["embeds"] == attempts[1].json["embeds"]
    assert_safe_reply(reply.json, trigger)


async def test_no_answer_to_its_own_echo_or_other_bots(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    link = articles.url("/syria.txt")
    await fake.send_message(f"!summarize {link}")
    [first] = await wait_posts(fake, fake.channel_id)
    # The fake echoed that reply back as MESSAGE_CREATE; now the bot's own and another bot's commands and DMs.
    await fake.send_message(f"!summarize {link}", author=fake.bot_user)
    await fake.send_message(f"!summarize {link}", author=fake.other_bot)
    await fake.send_dm(link, author=fake.bot_user)
    await fake.send_dm(link, author=fake.other_bot)
    sentinel = await fake.send_message("!summarize", author=fake.admin)
    replies = await wait_posts(fake, fake.channel_id, count=2)
    assert replies[-1].json["message_reference"]["message_id"] == int(sentinel["id"])
    assert len(fake.find("POST", r"/channels/\d+/messages")) == 2
    assert first.json["embeds"]


async def test_one_line_errors(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    await start_bot()
    await fake.send_message(f"!summarize {articles.url('/gone')}")
    await fake.send_message(f"!summarize {articles.url('/photo')}")
    await fake.send_message(f"!summarize {articles.url('/cat.jpg')}")
    await fake.send_message("!summarize Too short to be an article. @everyone")
    replies = await wait_posts(fake, fake.channel_id, count=4)
    for reply in replies:
        content = reply.json["content"]
        assert content.startswith("⚠️ I can't summarize that") and "\n" not in content
        assert not reply.json["embeds"]
        assert reply.json["allowed_mentions"]["parse"] == []
        assert "@everyone" not in content
    by_text = " | ".join(r.json["content"] for r in replies)
    assert "404" in by_text
    assert "not an article" in by_text
    assert "too short" in by_text
    assert f"<{articles.url('/gone')}>" in by_text  # links in the bot's text make no preview


async def test_busy_answer_when_the_queue_is_full(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    running = await start_bot(discord={"queue_limit": 0})
    service = running.bot.service
    await service._slots.acquire()  # the only worker is taken by someone else's digest
    trigger = await fake.send_message(f"!summarize {articles.url('/syria.txt')}")
    [busy] = await wait_posts(fake, fake.channel_id)
    assert "busy" in busy.json["content"]
    assert_safe_reply(busy.json, trigger)
    service._slots.release()
    await fake.send_message(f"!summarize {articles.url('/syria.txt')}", author=fake.admin)
    replies = await wait_posts(fake, fake.channel_id, count=2)
    assert replies[-1].json["embeds"]


async def test_commands_are_synced_again_when_their_definitions_change(fake: FakeDiscord, start_bot, tmp_path: Path) -> None:
    first = await start_bot()
    key = f"app_commands_hash:{fake.application_id}"
    assert await first.bot.store.get_meta(key) == first.bot.command_definitions_hash()
    await first.bot.store.set_meta(key, "definitions of an older version")
    await first.stop()
    await start_bot()
    assert len(fake.find("PUT", r"/applications/\d+/commands")) == 2
    assert {c["name"] for c in fake.commands} == {"summarize", "unfurl", "Summarize", "digest"}


async def test_unfurl_slash_command_for_the_server(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    running = await start_bot()
    denied = await fake.slash_command("unfurl", {"state": "on", "scope": "server"}, user=fake.member)
    allowed = await fake.slash_command("unfurl", {"state": "on", "scope": "server"}, user=fake.admin)
    callbacks = await fake.wait_for(lambda r: r.path.endswith("/callback"), 2)
    by_id = {r.path.split("/")[2]: r.json for r in callbacks}
    assert "Manage Server" in by_id[denied["id"]]["data"]["content"]
    assert "Done: on for the whole server" in by_id[allowed["id"]]["data"]["content"]
    for body in by_id.values():
        assert body["type"] == 4 and body["data"]["allowed_mentions"] == {"parse": []}
    assert await running.bot.store.unfurl_settings(fake.guild_id) == {None: True}
    link = articles.url("/syria.txt")
    trigger = await fake.send_message(f"read {link}", channel_id=fake.second_channel_id)
    [reply] = await wait_posts(fake, fake.second_channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0], link=link)


async def test_article_text_cannot_ping_or_forge_markdown(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    hostile = (
        "Officials @everyone said the council met on Monday to discuss the new budget for the city's schools. "
        f"A spokesperson for <@{fake.admin.id}> and <@&{fake.admin_role_id}> confirmed **the vote** would be held next week. "
        "Readers can [click here](https://evil.example/login) to see the full record of the meeting and its minutes. "
        "The budget grew by twelve percent compared with last year, according to the city's finance office. "
        "Teachers welcomed the decision, while some parents asked for more money for school buses and meals."
    )
    interaction = await fake.slash_command("summarize", {"source": hostile, "sentences": 20})
    [follow_up] = await fake.wait_for_request("POST", rf"/webhooks/{fake.application_id}/{interaction['token']}")
    assert follow_up.json["allowed_mentions"] == {"parse": []}
    [embed] = follow_up.json["embeds"]
    shown = embed["description"]
    assert "@everyone" not in shown and "@\u200beveryone" in shown
    assert re.search(r"(?<!\\)<@", shown) is None and f"\\<@{fake.admin.id}>" in shown
    assert "[click here](" not in shown and "\\[click here\\]" in shown
    assert "**the vote**" not in shown


async def test_message_menu_on_a_message_without_text(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    photo = fake.attachment("photo.png", b"\x89PNG not really", content_type="image/png")
    target = await fake.send_message("", author=fake.admin, attachments=[photo])
    interaction = await fake.message_command("Summarize", target)
    [follow_up] = await fake.wait_for_request("POST", rf"/webhooks/{fake.application_id}/{interaction['token']}")
    assert "not a text file" in follow_up.json["content"]
    assert follow_up.json["allowed_mentions"] == {"parse": []}


async def test_too_large_attachment(fake: FakeDiscord, start_bot) -> None:
    await start_bot(digest={"max_input_chars": 500})
    attachment = fake.attachment("message.txt", sample_text().encode())
    trigger = await fake.send_message("!summarize", attachments=[attachment])
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert "message.txt is too large" in reply.json["content"]


async def test_a_chinese_dm_counts_its_words_as_the_digest_does(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    # 40 characters: 40 words for the digest, but only 2 runs of \w+ (the old gate ignored it as "too short").
    text = "叙利亚三名高级军官周四叛逃到土耳其，其中一人可能是将军。" "报道称，这是自起义开始以来第十三位叛逃的将军。"
    await fake.send_dm(text)
    [reply] = await wait_posts(fake, fake.dm_channel_for(fake.member))
    assert "attach a .txt" not in (reply.json.get("content") or "")  # not taken for a greeting
