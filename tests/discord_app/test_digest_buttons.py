"""Refresh and Longer end to end: who may press, deferring, editing in place, the refresh limit, a restart."""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from bot.digest.front_rules import MAX_SENTENCES
from bot.digest.models import Digest, SummarySentence
from bot.discord_app.digest_buttons import digest_view
from tests.discord_app.test_bot_e2e import wait_posts
from tests.helpers.article_server import ArticleServer, sample_text
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord, FakeUser, RecordedRequest, assert_within_discord_limits

EPHEMERAL = 1 << 6
DEFERRED_UPDATE = 6


def reply_to(fake: FakeDiscord, trigger: dict[str, Any]) -> dict[str, Any]:
    """The bot's message replying to `trigger`, as the fake holds it now (edits included)."""
    [reply] = [
        m for m in fake.messages.values()
        if m["author"]["id"] == str(fake.bot_user.id) and (m.get("referenced_message") or {}).get("id") == trigger["id"]
    ]
    return reply


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The message's buttons by label."""
    return {b["label"]: b for row in message["components"] for b in row["components"]}


async def press(fake: FakeDiscord, message: dict[str, Any], label: str, user: FakeUser) -> tuple[RecordedRequest, RecordedRequest | None]:
    """Press a button; the interaction's callback, and the edit of the digest when there is one."""
    interaction = await fake.press_button(message, buttons(message)[label]["custom_id"], user=user)
    [callback] = await fake.wait_for(lambda r: r.path.startswith(f"/interactions/{interaction['id']}/"))
    if callback.json["type"] != DEFERRED_UPDATE:
        return callback, None
    [edit] = await fake.wait_for(lambda r: r.method == "PATCH" and interaction["token"] in r.path)
    assert fake.requests.index(callback) < fake.requests.index(edit)  # deferred first: within Discord's 3 s
    assert edit.path.endswith("/messages/@original")
    assert_within_discord_limits(edit.json)
    assert edit.json["allowed_mentions"] == {"parse": []}
    return callback, edit


def bullets(embed: dict[str, Any]) -> int:
    return sum(line.startswith("• ") for line in embed["description"].split("\n"))


async def test_refresh_and_longer_for_a_link(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    first = await start_bot()
    link = articles.url("/news/syria.html")
    trigger = await fake.send_message(f"!summarize {link}", author=fake.member)
    [posted] = await wait_posts(fake, fake.channel_id)
    digest = reply_to(fake, trigger)
    shown = bullets(posted.json["embeds"][0])
    assert {b["custom_id"] for b in buttons(digest).values()} == {
        f"digest:refresh:{fake.member.id}:0", f"digest:longer:{fake.member.id}:{shown}"
    }

    note, edit = await press(fake, digest, "Refresh", fake.admin)  # Manage Server is not Manage Messages
    assert edit is None and note.json["type"] == 4 and note.json["data"]["flags"] & EPHEMERAL
    assert "Only the person who asked" in note.json["data"]["content"]
    assert articles.hits == ["/news/syria.html"]

    _, edit = await press(fake, digest, "Refresh", fake.member)
    assert articles.hits == ["/news/syria.html"] * 2  # fetched again, past the cache
    assert_sample_digest(edit.json["embeds"][0], link=link, sentences=shown)
    note, edit = await press(fake, digest, "Refresh", fake.member)  # again within the minute
    assert edit is None and note.json["data"]["flags"] & EPHEMERAL and "try again in" in note.json["data"]["content"]
    assert len(articles.hits) == 2

    _, edit = await press(fake, digest, "Longer", fake.moderator)  # Manage Messages may press
    assert_sample_digest(edit.json["embeds"][0], link=link, sentences=2 * shown)
    digest = reply_to(fake, trigger)
    assert {b["custom_id"] for b in buttons(digest).values()} == {
        f"digest:refresh:{fake.member.id}:{2 * shown}", f"digest:longer:{fake.member.id}:{2 * shown}"
    }
    await first.stop()

    await start_bot()  # no view in memory: the custom id and the store carry the press
    _, edit = await press(fake, digest, "Longer", fake.member)
    longer = assert_sample_digest(edit.json["embeds"][0], link=link)
    assert len(longer) > 2 * shown or reply_to(fake, trigger)["components"][0]["components"][1]["disabled"]


async def test_longer_for_pasted_text_in_a_dm(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    trigger = await fake.send_dm(f"!summarize {sample_text()[:1900]}", author=fake.admin)
    [posted] = await wait_posts(fake, fake.dm_channel_for(fake.admin))
    digest = reply_to(fake, trigger)
    assert list(buttons(digest)) == ["Longer"]  # a text cannot change: no Refresh
    shown = bullets(posted.json["embeds"][0])
    _, edit = await press(fake, digest, "Longer", fake.admin)
    assert_sample_digest(edit.json["embeds"][0])
    assert bullets(edit.json["embeds"][0]) > shown


async def wait_for_source(running: Any, message_id: int) -> None:
    for _ in range(100):  # the source is stored just after the message is sent
        if await running.bot.store.source_of(message_id) is not None:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no source stored for {message_id}")


async def test_a_digest_whose_source_was_forgotten(fake: FakeDiscord, articles: ArticleServer, start_bot) -> None:
    running = await start_bot()
    link = articles.url("/syria.txt")
    by_link = await fake.send_message(f"!summarize {link}", author=fake.member)
    by_text = await fake.send_message(f"!summarize {sample_text()[:1900]}", author=fake.member)
    await wait_posts(fake, fake.channel_id, count=2)
    for trigger in (by_link, by_text):
        await wait_for_source(running, int(reply_to(fake, trigger)["id"]))
    assert await running.bot.store.purge_sources(older_than_seconds=-1) == 2
    note, edit = await press(fake, reply_to(fake, by_text), "Longer", fake.member)
    assert edit is None and "too old" in note.json["data"]["content"] and note.json["data"]["flags"] & EPHEMERAL
    _, edit = await press(fake, reply_to(fake, by_link), "Longer", fake.member)  # a link digest: its embed has the link
    assert_sample_digest(edit.json["embeds"][0], link=link)


def _digest_of(sentences: int) -> Digest:
    return Digest(source="x", title="t", summary=[SummarySentence(f"Sentence {i}.", i) for i in range(sentences)])


def _ids(view: discord.ui.View) -> dict[str, bool]:
    return {item.item.custom_id: item.item.disabled for item in view.children}  # type: ignore[attr-defined]


def test_digest_view_greys_out_longer_when_no_longer_digest_is_possible() -> None:
    assert _ids(digest_view(7, _digest_of(3), "link", None)) == {"digest:refresh:7:0": False, "digest:longer:7:3": False}
    assert _ids(digest_view(7, _digest_of(4), "text", 8)) == {"digest:longer:7:4": True}  # asked 8, the text had 4
    assert _ids(digest_view(7, _digest_of(MAX_SENTENCES), "link", MAX_SENTENCES))[f"digest:longer:7:{MAX_SENTENCES}"]
    assert all(len(custom_id) <= 100 for custom_id in _ids(digest_view(2**63, _digest_of(20), "link", 20)))
