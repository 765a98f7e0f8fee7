from __future__ import annotations

from pathlib import Path

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats, SummarySentence
from bot.store.database import Store


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


async def test_unfurl_settings_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
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


async def test_cache_round_trip_ttl_and_refresh(tmp_path: Path) -> None:
    clock = Clock()
    store = await Store.open(tmp_path / "c.sqlite3", cache_ttl_seconds=100, clock=clock)
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


async def test_meta_values(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "m.sqlite3")
    try:
        assert await store.get_meta("k") is None
        await store.set_meta("k", "v1")
        await store.set_meta("k", "v2")
        assert await store.get_meta("k") == "v2"
    finally:
        await store.close()


async def test_opt_out_is_global_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
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


async def test_old_reaction_answers_are_purged_and_the_message_can_be_answered_again(tmp_path: Path) -> None:
    clock = Clock()
    store = await Store.open(tmp_path / "r.sqlite3", clock=clock)
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
