"""Conversation digests end to end: `!summarize last N` in a channel, `/summarize` in a thread, who may read what."""

from __future__ import annotations

import re
from typing import Any

from tests.discord_app.test_bot_e2e import assert_safe_reply, wait_posts
from tests.helpers.fake_discord import FakeDiscord, assert_within_discord_limits

CONVERSATION = [
    ("admin", "Has anyone measured the new parser release on the Windows build machines yet?"),
    ("member", "lol"),
    ("member", "Yes: the parser release needs about 2 GB of memory on the Windows build, twice the old one."),
    ("admin", "ok thanks"),
    ("member", "The Windows build fails on the small machines because the parser runs out of memory. @everyone look"),
    ("admin", "We might roll back the parser release until the memory fix lands on the build machines."),
    ("moderator", "Penguins secretly ship the zebra firmware on Tuesdays, said the moderator."),  # opted out
    ("other_bot", "Automated notice: the parser release build for Windows failed with an out of memory error."),
    ("admin", "!digest me"),  # a command
]


async def post_conversation(fake: FakeDiscord, channel_id: int) -> list[dict[str, Any]]:
    posted = []
    for who, text in CONVERSATION:
        posted.append(await fake.send_message(text, author=getattr(fake, who), channel_id=channel_id))
    return posted


def quoted_lines(embed: dict[str, Any]) -> list[str]:
    return [line for line in embed["description"].split("\n") if line.startswith("• ")]


def check_quotes(
    fake: FakeDiscord, embed: dict[str, Any], channel_id: int, posted: list[dict[str, Any]], authors: tuple[str, ...] = ("alice", "bob")
) -> list[int]:
    """Every quote: a name as text, words from a member's message, a jump link to it; in time order. Their ids."""
    by_id = {int(m["id"]): m for m in posted}
    ids = []
    for line in quoted_lines(embed):
        match = re.search(rf"\[↗\]\(https://discord\.com/channels/{fake.guild_id}/{channel_id}/(\d+)\)$", line)
        assert match, line
        message = by_id[int(match.group(1))]
        assert message["author"]["username"] in authors
        assert f"**{message['author']['username']}**: " in line
        assert "<@" not in line
        ids.append(int(match.group(1)))
    assert ids == sorted(ids) and ids
    return ids


async def test_last_n_messages_in_a_channel(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    await fake.send_message("!digest me off", author=fake.moderator)
    await wait_posts(fake, fake.channel_id)
    posted = await post_conversation(fake, fake.channel_id)
    trigger = await fake.send_message("!summarize last 50", author=fake.member)
    replies = await wait_posts(fake, fake.channel_id, count=3)  # the opt-out, `!digest me`, the digest
    [reply] = [r for r in replies if r.json["message_reference"]["message_id"] == int(trigger["id"])]
    assert_safe_reply(reply.json, trigger)
    [embed] = reply.json["embeds"]
    assert embed["title"] == "Conversation in #general"
    ids = check_quotes(fake, embed, fake.channel_id, posted)
    text = embed["description"]
    assert "Penguins" not in text and "Automated notice" not in text and "digest me" not in text
    assert "lol" not in text and "ok thanks" not in text
    assert int(posted[5]["id"]) in ids and "⚠️" in text and "*(hedged: might)*" in text  # "We might roll back"
    figures = [f["value"] for f in embed.get("fields", []) if f["name"] == "Key figures"]
    assert (int(posted[2]["id"]) in ids) == any("2 GB" in value for value in figures)  # a quoted figure is listed
    assert "@everyone" not in text or reply.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "of 6 messages quoted" in embed["footer"]["text"]  # 9 posted: the bot's, the command and the opted-out left out


async def test_summarize_with_no_source_in_a_thread(fake: FakeDiscord, start_bot) -> None:
    await start_bot(conversation={"max_messages": 6})
    await fake.send_message("An unrelated message in the parent channel about gardening tools and roses.", author=fake.admin)
    posted = await post_conversation(fake, fake.thread_id)
    interaction = await fake.slash_command("summarize", {}, user=fake.member, channel_id=fake.thread_id)
    [follow_up] = await fake.wait_for_request("POST", rf"/webhooks/{fake.application_id}/{interaction['token']}")
    [callback] = fake.find("POST", rf"/interactions/{interaction['id']}/.*/callback")
    assert callback.json["type"] == 5
    assert_within_discord_limits(follow_up.json)
    assert follow_up.json["allowed_mentions"] == {"parse": []}
    [embed] = follow_up.json["embeds"]
    assert embed["title"] == "Conversation in the thread release plans"
    ids = check_quotes(fake, embed, fake.thread_id, posted, authors=("alice", "bob", "mod"))  # nobody opted out here
    assert min(ids) >= int(posted[len(posted) - 6]["id"])  # only the last max_messages were read
    assert "gardening" not in embed["description"]


async def test_only_history_the_member_can_read(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    await post_conversation(fake, fake.private_channel_id)
    denied = await fake.send_message("!summarize last 20", author=fake.member, channel_id=fake.private_channel_id)
    asked = await fake.send_message("!summarize last 20", author=fake.admin, channel_id=fake.private_channel_id)
    replies = await wait_posts(fake, fake.private_channel_id, count=3)
    by_trigger = {r.json["message_reference"]["message_id"]: r.json for r in replies}
    assert "You can't read this channel's message history" in by_trigger[int(denied["id"])]["content"]
    # The admin may read it; the bot (no role) may not, and says so rather than digesting a part.
    assert "I need the Read Message History permission" in by_trigger[int(asked["id"])]["content"]
    assert not fake.find("GET", rf"/channels/{fake.private_channel_id}/messages")
