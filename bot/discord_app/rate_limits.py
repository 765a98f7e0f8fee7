"""Sliding-window limits: at most `rate` events per `per` seconds for each key."""

from __future__ import annotations

import time
from collections import deque
from typing import Callable, Hashable


class SlidingWindow:
    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.per = per
        self._clock = clock
        self._events: dict[Hashable, deque[float]] = {}

    def _window(self, key: Hashable) -> deque[float]:
        events = self._events.setdefault(key, deque())
        cutoff = self._clock() - self.per
        while events and events[0] <= cutoff:
            events.popleft()
        return events

    def retry_after(self, key: Hashable) -> float:
        """Seconds until `key` may act again; 0 when it may act now."""
        if self.rate <= 0:
            return 0.0
        events = self._window(key)
        if len(events) < self.rate:
            return 0.0
        return max(0.0, events[0] + self.per - self._clock())

    def record(self, key: Hashable) -> None:
        self._window(key).append(self._clock())
        if len(self._events) > 10_000:  # forget idle keys so the map cannot grow without bound
            for idle in [k for k, v in self._events.items() if not v]:
                del self._events[idle]
