"""The store's methods, each on SQLite and on PostgreSQL (`store_target`, tests/store/conftest.py)."""

from __future__ import annotations

import asyncio
from typing import AsyncIterator

import pytest

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats, SummarySentence
from bot.store.database import DigestSource, Store

SNOWFLAKE = 1_180_000_000_000_000_001  # Discord ids need 64 bits


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def sample_digest() -> Digest:
    return Digest(
        source="https://example.org/a",
        title="3 top Syrian officers defect",
        language="en",
        url="https://example.org/a",
        summary=[
            SummarySentence("One of those three may be a general.", 3, Hedge("hedged", ("may",))),
            SummarySentence("Turkey is now host to nearly 33,000 Syrian refugees.", 5),
        ],
        figures=[Figure("nearly 33,000", 33000.0, "Syrian refugees", True, 5)],
        hedges=[MarkedSentence("One of those three may be a general.", 3, Hedge("hedged", ("may",)))],
        stats=Stats(400, 20),
    )


async def test_unfurl_settings_survive_reopening(store_target: str) -> None:
    path = store_target
    store = await Store.open(path)
    await store.set_unfurl(10, None, True, user_id=7)
    await store.set_unfurl(10, 11, False)
    await store.close()

    reopened = await Store.open(path)
    try:
        assert await reopened.unfurl_enabled(10, 11, default=True) is False  # the channel's own setting wins
        assert await reopened.unfurl_enabled(10, 12, default=False) is True  # the guild's setting
        assert await reopened.unfurl_enabled(99, 1, default=False) is False  # nobody set it: the default
        assert await reopened.unfurl_settings(10) == {None: True, 11: False}
        await reopened.set_unfurl(10, 11, None)
        assert await reopened.unfurl_enabled(10, 11, default=False) is True
    finally:
        await reopened.close()


async def test_cache_round_trip_ttl_and_refresh(store_target: str) -> None:
    clock = Clock()
    store = await Store.open(store_target, cache_ttl_seconds=100, clock=clock)
    try:
        digest = sample_digest()
        assert await store.get_digest("https://example.org/a", "auto") is None
        await store.put_digest("https://example.org/a", "auto", digest)
        assert await store.get_digest("https://example.org/a", "auto") == digest
        assert await store.get_digest("https://example.org/a", "sentences=3") is None

        clock.now += 90
        assert await store.refresh_digest("https://example.org/a", "auto") is True
        clock.now += 90  # 180 s after storing, 90 s after the refresh
        assert await store.get_digest("https://example.org/a", "auto") == digest

        clock.now += 11
        assert await store.get_digest("https://example.org/a", "auto") is None
        assert await store.refresh_digest("https://example.org/a", "auto") is False
        assert await store.purge_expired() == 1
    finally:
        await store.close()


async def test_meta_values(store_target: str) -> None:
    store = await Store.open(store_target)
    try:
        assert await store.get_meta("k") is None
        await store.set_meta("k", "v1")
        await store.set_meta("k", "v2")
        assert await store.get_meta("k") == "v2"
    finally:
        await store.close()


async def test_opt_out_is_global_and_survives_reopening(store_target: str) -> None:
    path = store_target
    store = await Store.open(path)
    await store.set_opted_out(7, True)
    await store.set_opted_out(7, True)  # twice: still one choice
    await store.set_opted_out(8, True)
    await store.set_opted_out(8, False)
    await store.close()
    reopened = await Store.open(path)
    try:
        assert await reopened.is_opted_out(7)
        assert not await reopened.is_opted_out(8)
        assert await reopened.opted_out(range(1, 1200)) == {7}  # more ids than one SQL statement takes
    finally:
        await reopened.close()


async def test_snowflake_ids_and_timestamps_keep_every_digit(store_target: str) -> None:
    clock = Clock()
    clock.now = 1_764_763_200.125  # a float4 column would round this by minutes
    store = await Store.open(store_target, clock=clock)
    try:
        await store.set_unfurl(SNOWFLAKE, SNOWFLAKE + 1, True, user_id=SNOWFLAKE + 2)
        assert await store.unfurl_settings(SNOWFLAKE) == {SNOWFLAKE + 1: True}
        await store.set_opted_out(SNOWFLAKE + 2, True)
        assert await store.opted_out([SNOWFLAKE + 2, SNOWFLAKE + 3]) == {SNOWFLAKE + 2}
        await store.remember_source(SNOWFLAKE + 4, DigestSource("link", "https://example.org/a", "example.org"))
        assert await store.claim_refresh(SNOWFLAKE + 4, 60) == 0.0
        clock.now += 59.75
        assert await store.claim_refresh(SNOWFLAKE + 4, 60) == 0.25  # exact to the fraction of a second
    finally:
        await store.close()


@pytest.fixture
async def two_stores(store_target: str) -> AsyncIterator[tuple[Store, Store, Clock]]:
    """Two stores on one database, as two shard processes open it, with one clock."""
    clock = Clock()
    first = await Store.open(store_target, clock=clock)
    second = await Store.open(store_target, clock=clock)
    yield first, second, clock
    await first.close()
    await second.close()


async def test_a_reaction_is_claimed_once_across_processes(two_stores: tuple[Store, Store, Clock]) -> None:
    first, second, _clock = two_stores
    claims = await asyncio.gather(*(s.claim_reaction_answer(SNOWFLAKE) for s in [first, second] * 10))
    assert claims.count(True) == 1
    await first.release_reaction_answer(SNOWFLAKE)
    assert await second.claim_reaction_answer(SNOWFLAKE) is True  # released: the next reaction may try
    assert await first.claim_reaction_answer(SNOWFLAKE) is False


async def test_digest_sources_refresh_claims_and_purge(two_stores: tuple[Store, Store, Clock]) -> None:
    first, second, clock = two_stores
    source = DigestSource("file", "Some text; with 'quotes' and 100% of it.", "notes.txt", "txt")
    await first.remember_source(1, source)
    await first.remember_source(1, DigestSource("link", "https://other.example", "other"))  # the first stays
    assert await second.source_of(1) == source
    assert await second.source_of(2) is None
    assert await second.claim_refresh(2, 60) == 0.0  # an unknown message has nothing to limit

    waits = await asyncio.gather(*(s.claim_refresh(1, 60) for s in [first, second] * 5))
    assert sorted(waits) == [0.0] + [60.0] * 9  # one claim wins, every other one waits the full minute
    clock.now += 45
    assert await first.claim_refresh(1, 60) == 15.0
    clock.now += 15
    assert await second.claim_refresh(1, 60) == 0.0

    clock.now += 100
    await first.remember_source(3, DigestSource("text", "Newer text.", "text"))
    assert await first.purge_sources(older_than_seconds=100) == 1  # message 1 is 160 s old, 3 is new
    assert await second.source_of(1) is None and await second.source_of(3) is not None


async def test_one_process_sees_what_another_wrote(two_stores: tuple[Store, Store, Clock]) -> None:
    first, second, _clock = two_stores
    await first.set_unfurl(10, None, True)
    await first.set_meta("app_commands_hash:1", "abc")
    await first.put_digest("https://example.org/a", "auto", sample_digest())
    assert await second.unfurl_enabled(10, 11, default=False) is True
    assert await second.get_meta("app_commands_hash:1") == "abc"
    assert await second.get_digest("https://example.org/a", "auto") == sample_digest()


async def test_old_reaction_answers_are_purged_and_the_message_can_be_answered_again(store_target: str) -> None:
    clock = Clock()
    store = await Store.open(store_target, clock=clock)
    try:
        assert await store.claim_reaction_answer(1) is True
        clock.now += 50
        assert await store.claim_reaction_answer(2) is True
        clock.now += 60  # message 1 answered 110 s ago, message 2 60 s ago
        assert await store.purge_reaction_answers(older_than_seconds=100) == 1
        assert await store.claim_reaction_answer(2) is False  # still remembered: one reply per message
        assert await store.claim_reaction_answer(1) is True  # forgotten: a new reaction gets a reply
        assert await store.purge_reaction_answers(older_than_seconds=100) == 0
    finally:
        await store.close()
