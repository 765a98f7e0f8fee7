"""Sliding-window limits: at most `rate` events per `per` seconds for each key."""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Callable, Hashable

from bot.settings import Settings


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


class RateLimits:
    """Every limit the bot keeps, in one place: digests per user and per server, unfurls per channel."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        per = settings.discord.cooldown_seconds
        self.users = SlidingWindow(settings.discord.user_rate, per, clock)
        self.guilds = SlidingWindow(settings.discord.guild_rate, per, clock)
        # One unfurling message per channel per cooldown: a burst of links cannot flood a channel.
        self.channels = SlidingWindow(1, settings.unfurl.channel_cooldown_seconds, clock)

    def digest_refusal(self, user_id: int, guild_id: int | None) -> str | None:
        """A friendly refusal when the user or server asked too often; else the request is counted."""
        discord_settings = self.settings.discord
        wait = self.users.retry_after(user_id)
        if wait > 0:
            rate = discord_settings.user_rate
            return (
                f"⏳ Easy there: you can ask for {rate} digest{'s' if rate != 1 else ''} every "
                f"{discord_settings.cooldown_seconds:g} seconds. Try again in {math.ceil(wait)} s."
            )
        if guild_id is not None:
            wait = self.guilds.retry_after(guild_id)
            if wait > 0:
                return f"⏳ This server has asked for a lot of digests just now. Try again in {math.ceil(wait)} s."
            self.guilds.record(guild_id)
        self.users.record(user_id)
        return None

    def unfurl_allowed(self, channel_id: int) -> bool:
        """Whether the channel may get an unfurl now; if so, it is counted."""
        if self.channels.retry_after(channel_id) > 0:
            return False
        self.channels.record(channel_id)
        return True
