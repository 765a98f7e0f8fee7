"""Conversation digests end to end: `!summarize last N` in a channel, `/summarize` in a thread, who may read what."""

from __future__ import annotations

import re
from typing import Any

from tests.discord_app.test_bot_e2e import assert_safe_reply, wait_posts
from tests.discord_app.test_digest_buttons import EPHEMERAL, buttons, press, reply_to
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


RELEASE_CHAT = [
    "The parser release candidate passed every test on the Linux build machines this morning.",
    "Windows builds of the parser release still fail on the small machines with an out of memory error.",
    "The memory fix for the parser release is in review and should land before Friday.",
    "Documentation for the new configuration options of the parser is half written.",
    "Translators asked for the final strings of the installer by Wednesday.",
    "The installer for macOS is signed now, after the certificate renewal last week.",
    "Benchmarks show the new parser reads large files about 30 % faster than the old one.",
    "Support tickets about slow start-up dropped since the cache change in the last release.",
    "Packaging for Debian waits on the licence review of the vendored compression library.",
    "The release notes should mention the removed legacy options and the new defaults.",
    "Nightly builds will move to the new build farm once the migration script is tested.",
    "Security review of the plugin loader found two issues; both have patches in review.",
]


async def test_refresh_and_longer_on_a_conversation_digest(fake: FakeDiscord, start_bot) -> None:
    first = await start_bot()
    posted = [await fake.send_message(text, author=(fake.admin, fake.member)[i % 2]) for i, text in enumerate(RELEASE_CHAT)]
    trigger = await fake.send_message("!summarize last 30", author=fake.member)
    [reply] = await wait_posts(fake, fake.channel_id)
    digest = reply_to(fake, trigger)
    ids = check_quotes(fake, reply.json["embeds"][0], fake.channel_id, posted)
    past = max(int(m["id"]) for m in posted) + 1  # the command itself is not part of the conversation
    assert {b["custom_id"] for b in buttons(digest).values()} == {
        f"conversation:refresh:{fake.member.id}:30:0", f"conversation:longer:{fake.member.id}:30:{past}:{len(ids)}"
    }

    note, edit = await press(fake, digest, "Longer", fake.admin)  # Manage Server is not Manage Messages
    assert edit is None and note.json["data"]["flags"] & EPHEMERAL and "Only the person who asked" in note.json["data"]["content"]
    later = await fake.send_message("Late news: the Windows memory fix landed and the builds pass again on every machine.", author=fake.admin)
    _, edit = await press(fake, digest, "Longer", fake.moderator)  # Manage Messages may press; the same messages
    longer = check_quotes(fake, edit.json["embeds"][0], fake.channel_id, posted)
    assert len(longer) == 2 * len(ids) and set(ids) <= set(longer)
    assert "of 12 messages quoted" in edit.json["embeds"][0]["footer"]["text"]
    await first.stop()

    await start_bot()  # no view in memory: the custom ids and the store carry the press
    digest = reply_to(fake, trigger)
    _, edit = await press(fake, digest, "Refresh", fake.member)  # reads the history again: the late message counts
    assert "of 13 messages quoted" in edit.json["embeds"][0]["footer"]["text"]
    refreshed = check_quotes(fake, edit.json["embeds"][0], fake.channel_id, [*posted, later])
    assert len(refreshed) == len(longer)  # Refresh keeps the number of quotes asked for
    digest = reply_to(fake, trigger)
    assert buttons(digest)["Longer"]["custom_id"].endswith(f":{int(later['id']) + 1}:{len(refreshed)}")
    note, edit = await press(fake, digest, "Refresh", fake.member)  # again within the minute
    assert edit is None and "try again in" in note.json["data"]["content"]
    assert all(r.json["allowed_mentions"] == {"parse": []} for r in fake.find("PATCH") if r.json)
