"""A PDF attachment and a PDF link in Discord get a digest; a broken PDF gets one line and the bot goes on."""

from __future__ import annotations

import json

from tests.discord_app.test_bot_e2e import assert_safe_reply, wait_posts
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord
from tests.helpers.pdf_maker import REPORT, PdfServer


async def test_discord_pdf_attachment_and_link(fake: FakeDiscord, pdf_server: PdfServer, start_bot) -> None:
    await start_bot()
    attachment = fake.attachment("briefing.pdf", REPORT, content_type="application/pdf")
    trigger = await fake.send_message("!summarize", attachments=[attachment])
    [reply] = await wait_posts(fake, fake.channel_id)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0])
    link = pdf_server.url("/report.pdf")
    trigger = await fake.send_message(f"!summarize {link}")
    [_, reply] = await wait_posts(fake, fake.channel_id, count=2)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0], link=link)


async def test_a_broken_pdf_attachment_gets_one_line_and_the_bot_goes_on(fake: FakeDiscord, start_bot) -> None:
    await start_bot()
    broken = fake.attachment("broken.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20, content_type="application/pdf")
    await fake.send_message("!summarize", attachments=[broken])
    [answer] = await wait_posts(fake, fake.channel_id)
    text = json.dumps(answer.json)
    assert "PDF" in text and "Something went wrong" not in text
    trigger = await fake.send_message("!summarize", attachments=[fake.attachment("good.pdf", REPORT, content_type="application/pdf")])
    [_, reply] = await wait_posts(fake, fake.channel_id, count=2)
    assert_safe_reply(reply.json, trigger)
    assert_sample_digest(reply.json["embeds"][0])
