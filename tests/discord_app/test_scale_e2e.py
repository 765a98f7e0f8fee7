"""Issue 13 end to end: two shard processes, PostgreSQL, Redis and two queue workers serve one bot.

Real servers (tests/helpers/servers.py), real `python -m bot run` and `python -m bot worker`
processes, the real discord.py client inside them, the fake Discord speaking for two shards.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.article_server import ArticleServer
from tests.helpers.digest_checks import assert_sample_digest
from tests.helpers.fake_discord import FakeDiscord, RecordedRequest
from tests.helpers.scale_cluster import SHARD_COUNT, ScaleCluster, write_cluster_config

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
async def cluster(
    fake: FakeDiscord, postgres_url: str, redis_url: str, tmp_path: Path
) -> AsyncIterator[ScaleCluster]:
    running = ScaleCluster(fake, write_cluster_config(tmp_path, postgres_url, redis_url))
    try:
        yield running
    finally:
        await running.stop()


def replies(fake: FakeDiscord) -> list[RecordedRequest]:
    """Every message the bot posted (answers, digests, notes), whichever process sent it."""
    return [r for r in fake.find("POST", r"(/[^/]+)?/channels/\d+/messages") if r.status == 200]


def replied_to(request: RecordedRequest) -> str | None:
    reference: dict[str, Any] | None = (request.json or {}).get("message_reference")
    return str(reference["message_id"]) if reference else None


async def wait_for_replies_to(fake: FakeDiscord, message_ids: set[str], timeout: float) -> None:
    await fake.wait_for(lambda r: r.method == "POST" and r.status == 200 and replied_to(r) in message_ids,
                        count=len(message_ids), timeout=timeout)


async def test_shards_share_store_cache_and_workers(
    fake: FakeDiscord, articles: ArticleServer, cluster: ScaleCluster
) -> None:
    guild_0, channel_0 = fake.add_guild(0, SHARD_COUNT)
    guild_1, channel_1 = fake.add_guild(1, SHARD_COUNT)
    await cluster.start_workers(2)
    await cluster.start_bots()

    # Each guild's command is answered by the process that holds its shard.
    link = articles.url("/news/syria.html")
    first = await fake.send_message(f"!summarize {link}", channel_id=channel_0)
    await wait_for_replies_to(fake, {first["id"]}, timeout=60)
    second = await fake.send_message(f"!summarize {link}", channel_id=channel_1)
    await wait_for_replies_to(fake, {second["id"]}, timeout=60)
    answers = {replied_to(r): r for r in replies(fake)}
    assert answers[first["id"]].via == "shard0" and answers[second["id"]].via == "shard1"
    for message in (first, second):
        assert_sample_digest(answers[message["id"]].json["embeds"][0], link=link)
    # The second process found the first one's digest in the shared cache: one fetch in all.
    assert articles.hits.count("/news/syria.html") == 1

    # Auto-unfurl turned on in a guild of shard 1 holds after both processes restart.
    turned_on = await fake.send_message("!unfurl on", channel_id=channel_1, author=fake.admin)
    await wait_for_replies_to(fake, {turned_on["id"]}, timeout=30)
    await cluster.stop_bots()
    await cluster.start_bots()
    posted = await fake.send_message(f"look at this {articles.url('/syria.txt')}", channel_id=channel_1)
    await wait_for_replies_to(fake, {posted["id"]}, timeout=60)
    unfurl = next(r for r in replies(fake) if replied_to(r) == posted["id"])
    assert unfurl.via == "shard1" and unfurl.json["embeds"]


async def test_a_burst_across_shards_is_answered_once_each_even_when_a_worker_dies(
    fake: FakeDiscord, articles: ArticleServer, cluster: ScaleCluster
) -> None:
    channels = [fake.add_guild(shard, SHARD_COUNT)[1] for shard in (0, 1)]
    await cluster.start_workers(2)
    await cluster.start_bots()

    # 100 triggers, half on each shard, each a link not seen before (so each is a job for a worker).
    sent = [
        await fake.send_message(f"!summarize {articles.url(f'/syria.txt?copy={n}')}", channel_id=channels[n % 2])
        for n in range(100)
    ]
    # A worker dies (no clean shutdown) while the queue is full of jobs: its job runs again elsewhere.
    await fake.wait_for(lambda r: r.method == "POST" and r.status == 200 and replied_to(r) is not None, timeout=60)
    cluster.kill_worker(0)
    # Gateway replays: the same events delivered again must not be answered again.
    for message in sent[:10]:
        await fake.dispatch("MESSAGE_CREATE", message)

    ids = {message["id"] for message in sent}
    await wait_for_replies_to(fake, ids, timeout=180)
    await asyncio.sleep(3)  # room for a duplicate answer, were one coming
    counts = Counter(replied_to(r) for r in replies(fake) if replied_to(r) in ids)
    assert set(counts) == ids
    assert [message_id for message_id, count in counts.items() if count != 1] == []
    answers = {replied_to(r): r for r in replies(fake)}
    for n, message in enumerate(sent):
        answer = answers[message["id"]]
        assert answer.via == f"shard{n % 2}"
        assert answer.json["embeds"], answer.json.get("content")  # a digest, not a "busy" or error line
