"""Pathological pastes from one user do not stop the bot serving another (sixteenth session; docs/SECURITY.md).

The real DigestBot with a real pool of two worker processes, connected to the fake Discord. One user attaches a
paste made of the shapes `bench/hostile.py` found superlinear (each took from 10 s to minutes before the
sixteenth session's fixes); another user's article is answered all the same, and the paste gets an answer
(a digest or one line) within the fake's wait. A paste heavier than `[workers] digest_timeout_seconds` is
answered "Reading this took too long", the worker process reading it is stopped, and the next user's article is
still digested.
"""

from __future__ import annotations

import asyncio
import random

from bench.hostile import all_hedges, dotted_abbreviations, hedge_sentence, letter_list_line, long_number, stop_flood
from tests.discord_app.test_bot_e2e import assert_safe_reply
from tests.helpers.article_server import ArticleServer
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord, RecordedRequest
from tests.helpers.spin_digest import process_runs

WAIT_SECONDS = 60  # each of the paste's shapes took from 10 s to minutes before the sixteenth session
TWO_WORKERS = {"processes": 2, "recycle_after_digests": 0, "recycle_growth_mb": 0}


def _hostile_paste() -> str:
    """About 350 KB: a line of 40,000 full stops, 10,000 dotted abbreviations, one sentence of 5,000 hedges, a line of
    5,000 lettered items, a 20,000-digit number."""
    rng = random.Random(16)
    parts = [stop_flood(40_000, rng), dotted_abbreviations(10_000, rng), hedge_sentence(5_000, rng),
             letter_list_line(5_000, rng), long_number(20_000, rng)]
    return "\n\n".join(parts)


async def _posts(fake: FakeDiscord, count: int) -> list[RecordedRequest]:
    """The bot's first `count` messages in the channel, waited for up to WAIT_SECONDS: the pool's two processes
    start (and warm up) as the bot does, on a loaded test machine."""
    return await fake.wait_for(
        lambda r: r.method == "POST" and r.path == f"/channels/{fake.channel_id}/messages" and r.status == 200, count, WAIT_SECONDS
    )


async def _until_running(pids: list[int], most: int) -> None:
    """Until at most `most` of the processes `pids` still run."""
    for _ in range(WAIT_SECONDS * 10):
        if sum(process_runs(pid) for pid in pids) <= most:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"more than {most} of worker processes {pids} still run {WAIT_SECONDS} s after the answer")


def _answer_of(reply: dict) -> str:
    """"digest" for an embed, else the one-line warning."""
    if reply.get("embeds"):
        return "digest"
    content = reply["content"]
    assert content.startswith("⚠️") and "\n" not in content
    return content


async def test_a_pathological_paste_is_answered_and_does_not_hold_up_another_users_article(
    fake: FakeDiscord, articles: ArticleServer, start_bot
) -> None:
    await start_bot(workers=TWO_WORKERS)
    paste = fake.attachment("message.txt", _hostile_paste().encode())
    hostile = await fake.send_message("!summarize", attachments=[paste])
    link = articles.url("/news/syria.html")
    other = await fake.send_message(f"!summarize {link}", author=fake.admin)
    replies = await _posts(fake, count=2)
    by_trigger = {reply.json["message_reference"]["message_id"]: reply.json for reply in replies}
    assert_safe_reply(by_trigger[int(other["id"])], other)
    assert_sample_digest(by_trigger[int(other["id"])]["embeds"][0], link=link)
    assert_safe_reply(by_trigger[int(hostile["id"])], hostile)
    assert _answer_of(by_trigger[int(hostile["id"])]) == "digest"


async def test_a_paste_past_the_time_limit_is_answered_too_long_and_the_next_article_is_digested(
    fake: FakeDiscord, articles: ArticleServer, start_bot
) -> None:
    """1.9 million characters of hedged sentences: seconds of CPU (linear, but long), past a 1.5 s limit. The process
    that read it is stopped at the limit (before the sixteenth session's pooltimeout7 it went on for about 25 s)."""
    running = await start_bot(workers={**TWO_WORKERS, "digest_timeout_seconds": 1.5})
    text = all_hedges(22_000, random.Random(16))
    assert 1_500_000 < len(text) < 2_000_000  # under `max_input_chars`: read, not refused
    await running.bot.pool._until_spawned()
    first_processes = list(running.bot.pool._executor._processes)  # the pool's two worker processes (pids)
    assert len(first_processes) == 2
    paste = fake.attachment("message.txt", text.encode())
    hostile = await fake.send_message("!summarize", attachments=[paste])
    [too_long] = await _posts(fake, count=1)
    assert too_long.json["message_reference"]["message_id"] == int(hostile["id"])
    assert "took too long" in _answer_of(too_long.json)
    assert running.bot.pool.stopped == 1
    # The paste's process killed, and replaced alone: the other one serves on (seventeenth session, pool8).
    await _until_running(first_processes, 1)
    assert any(process_runs(pid) for pid in first_processes)
    link = articles.url("/news/syria.html")
    other = await fake.send_message(f"!summarize {link}", author=fake.admin)
    replies = await _posts(fake, count=2)
    assert_safe_reply(replies[-1].json, other)
    assert_sample_digest(replies[-1].json["embeds"][0], link=link)
