"""What a newcomer types that is not an article, end to end (eighteenth session, docs/SECURITY.md).

The real DigestBot against the fake Discord. An address without its scheme or with another scheme was digested as a
three-word paste ("The text is too short to summarize"); "last abc" the same, and "last 0" digested the channel's last
`max_messages` messages. Each now gets a one-line answer saying what to send. A PDF sent as `message.txt` was read as
text: its object syntax was summarized.
"""

from __future__ import annotations

from tests.discord_app.test_bot_e2e import assert_safe_reply, wait_posts
from tests.discord_app.test_conversation import post_conversation
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord
from tests.helpers.pdf_maker import REPORT

NO_RATE_LIMITS = {"user_rate": 0, "guild_rate": 0}


def _followups(fake: FakeDiscord) -> list[dict]:
    return [r.json for r in fake.find("POST", r"/webhooks/") if r.status == 200]


async def test_an_address_without_its_scheme_is_told_the_link_to_send(fake: FakeDiscord, start_bot) -> None:
    await start_bot(discord=NO_RATE_LIMITS)
    trigger = await fake.send_message("!summarize example.com/news/story")
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert reply.json["content"] == "That looks like a web address without its scheme: send <https://example.com/news/story>"
    assert not reply.json.get("embeds")


async def test_an_address_without_its_scheme_in_a_dm_is_told_the_link_to_send(fake: FakeDiscord, start_bot) -> None:
    await start_bot(discord=NO_RATE_LIMITS)
    await fake.send_dm("www.example.org/a")
    [reply] = await wait_posts(fake, fake.dm_channel_for(fake.member))
    assert reply.json["content"] == "That looks like a web address without its scheme: send <https://www.example.org/a>"


async def test_another_scheme_is_refused_by_name(fake: FakeDiscord, start_bot) -> None:
    await start_bot(discord=NO_RATE_LIMITS)
    await fake.slash_command("summarize", {"source": "ftp://example.com/report.txt"})
    [followup] = await fake.wait_for(lambda r: r.method == "POST" and "/webhooks/" in r.path and r.status == 200, 1)
    assert followup.json["content"] == "Only http:// and https:// links can be read, not ftp://."


async def test_last_without_a_number_is_answered_with_its_usage(fake: FakeDiscord, start_bot) -> None:
    await start_bot(discord=NO_RATE_LIMITS)
    trigger = await fake.send_message("!summarize last week", author=fake.admin)
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert reply.json["content"] == "`last` takes a number of messages, 1 to 200: `last 50` digests the last 50 messages here."


async def test_last_zero_is_refused_rather_than_read_as_every_message(fake: FakeDiscord, start_bot) -> None:
    await start_bot(discord=NO_RATE_LIMITS, conversation={"max_messages": 30})
    await post_conversation(fake, fake.channel_id)  # enough for a conversation digest: "last 0" made one of it
    await fake.slash_command("summarize", {"source": "last 0"}, user=fake.admin)
    [followup] = await fake.wait_for(lambda r: r.method == "POST" and "/webhooks/" in r.path and r.status == 200, 1)
    assert followup.json["content"] == "`last` takes a number of messages, 1 to 30: `last 50` digests the last 50 messages here."
    assert not followup.json.get("embeds")


async def test_a_pdf_named_txt_is_read_as_a_pdf(fake: FakeDiscord, start_bot) -> None:
    await start_bot(discord=NO_RATE_LIMITS)
    trigger = await fake.send_message("!summarize", attachments=[fake.attachment("message.txt", REPORT)])
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0])  # was titled "<< /Type /Catalog /Pages 2 0 R >>"
