"""Sliding-window limits: one budget for every process on Redis, the same rules in one process without it."""

from __future__ import annotations

import asyncio

import pytest

from bot.shared_state.factory import SharedState
from bot.shared_state.limits import Limiter, LocalLimiter, RedisLimiter, Window

USER = Window("user:1", 3, 60)
GUILD = Window("guild:9", 4, 60)


@pytest.fixture
def limiters(processes: tuple[SharedState, SharedState]) -> tuple[Limiter, Limiter]:
    return processes[0].limiter, processes[1].limiter


async def test_two_processes_share_one_budget(limiters: tuple[Limiter, Limiter]) -> None:
    first, second = limiters
    assert await first.acquire([USER]) is None
    assert await second.acquire([USER]) is None
    assert await first.acquire([USER]) is None
    for limiter in (first, second):
        refused = await limiter.acquire([USER])
        assert refused is not None and refused.window == USER and 59 < refused.retry_after <= 60
    assert await second.acquire([Window("user:2", 3, 60)]) is None  # another user has their own


async def test_a_refusal_counts_nothing(limiters: tuple[Limiter, Limiter]) -> None:
    first, second = limiters
    full_guild = Window("guild:9", 1, 60)
    assert await first.acquire([Window("user:5", 3, 60), full_guild]) is None
    refused = await second.acquire([USER, full_guild])
    assert refused is not None and refused.window == full_guild
    for _ in range(3):  # the refused request did not use the user's quota
        assert await first.acquire([USER]) is None


async def test_concurrent_requests_never_exceed_the_rate(limiters: tuple[Limiter, Limiter]) -> None:
    first, second = limiters
    outcomes = await asyncio.gather(*(limiter.acquire([USER, GUILD]) for limiter in (first, second) * 20))
    assert sum(outcome is None for outcome in outcomes) == USER.rate


async def test_the_window_slides(limiters: tuple[Limiter, Limiter]) -> None:
    first, second = limiters
    short = Window("channel:7", 1, 0.2)
    assert await first.acquire([short]) is None
    assert await second.acquire([short]) is not None
    await asyncio.sleep(0.25)
    assert await second.acquire([short]) is None


async def test_no_limit_when_the_rate_is_zero(limiters: tuple[Limiter, Limiter]) -> None:
    first, _ = limiters
    for _ in range(10):
        assert await first.acquire([Window("user:3", 0, 60)]) is None


async def test_redis_keys_expire_with_their_window(two_processes: tuple[SharedState, SharedState], redis_client) -> None:
    first, _ = two_processes
    await first.limiter.acquire([USER, GUILD])
    for window in (USER, GUILD):
        key = RedisLimiter.key(window)
        assert await redis_client.zcard(key) == 1
        assert 0 < await redis_client.pttl(key) <= window.per * 1000


def test_local_windows_follow_the_clock() -> None:
    now = [100.0]
    limiter = LocalLimiter(clock=lambda: now[0])
    window = Window("user:1", 2, 10)

    async def run() -> None:
        assert await limiter.acquire([window]) is None
        now[0] = 104.0
        assert await limiter.acquire([window]) is None
        refused = await limiter.acquire([window])
        assert refused is not None and refused.retry_after == pytest.approx(6.0)
        now[0] = 110.0  # the first event left the window
        assert await limiter.acquire([window]) is None

    asyncio.run(run())
