"""Sliding-window limits: at most `rate` events per `per` seconds for each key, in one process or across all.

`acquire` checks several windows at once (a user's and their server's) and counts the
event in every one only when each has room, so a refused request costs no quota. The
Redis version does the same in one Lua script over a sorted set a key (scores are the
events' times from the Redis server's clock, trimmed to the window; each key expires
with its window), so every process shares one budget and two processes cannot both
take the last slot.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

from bot.shared_state import KEY_PREFIX

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Window:
    """At most `rate` events per `per` seconds for `key` ("user:42"); a rate of 0 or less is no limit."""

    key: str
    rate: int
    per: float


@dataclass(frozen=True)
class Refused:
    """The first window with no room, and the seconds until it has some."""

    window: Window
    retry_after: float


class Limiter(Protocol):
    async def acquire(self, windows: Sequence[Window]) -> Refused | None:
        """None when every window had room (the event is then counted in each); else why not (nothing counted)."""
        ...


class LocalLimiter:
    """This process's windows: a deque of event times a key (atomic: no await between check and count)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._events: dict[str, deque[float]] = {}

    def _trimmed(self, window: Window, now: float) -> deque[float]:
        events = self._events.setdefault(window.key, deque())
        cutoff = now - window.per
        while events and events[0] <= cutoff:
            events.popleft()
        return events

    async def acquire(self, windows: Sequence[Window]) -> Refused | None:
        now = self._clock()
        limited = [window for window in windows if window.rate > 0]
        for window in limited:
            events = self._trimmed(window, now)
            if len(events) >= window.rate:
                return Refused(window, max(0.0, events[0] + window.per - now))
        for window in limited:
            self._events[window.key].append(now)
        if len(self._events) > 10_000:  # forget idle keys so the map cannot grow without bound
            for idle in [key for key, events in self._events.items() if not events or events[-1] <= now - 3600]:
                del self._events[idle]
        return None


# KEYS: one sorted set a window. ARGV[1]: a unique member for this event; then rate and per (ms) for each key.
# Returns {0, 0} when counted, else {the refusing key's 1-based index, ms until it has room}.
_ACQUIRE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i])
  local per = tonumber(ARGV[2 * i + 1])
  if rate > 0 then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - per)
    if redis.call('ZCARD', key) >= rate then
      local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
      return {i, tonumber(oldest[2]) + per - now}
    end
  end
end
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i])
  local per = tonumber(ARGV[2 * i + 1])
  if rate > 0 then
    redis.call('ZADD', key, now, ARGV[1])
    redis.call('PEXPIRE', key, per)
  end
end
return {0, 0}
"""


class RedisLimiter:
    """Every process's windows, on one Redis."""

    def __init__(self, client: Any, errors: tuple[type[BaseException], ...]) -> None:
        self.client = client
        self._acquire = client.register_script(_ACQUIRE)
        self._errors = errors

    @staticmethod
    def key(window: Window) -> str:
        return f"{KEY_PREFIX}limit:{window.key}"

    async def acquire(self, windows: Sequence[Window]) -> Refused | None:
        if not windows:
            return None
        args: list[Any] = [uuid.uuid4().hex]
        for window in windows:
            args += [window.rate, max(1, round(window.per * 1000))]
        try:
            index, wait_ms = await self._acquire(keys=[self.key(window) for window in windows], args=args)
        except self._errors as exc:
            # Better an extra digest than a bot that refuses everyone while Redis is away.
            log.warning("rate limits unreachable (%s); letting the request through", exc)
            return None
        if int(index) == 0:
            return None
        return Refused(windows[int(index) - 1], max(0.0, int(wait_ms) / 1000))
