"""Every limit the bot keeps, in one place: digests per user and per server, unfurls per channel.

The windows are counted by a `Limiter` (bot/shared_state/limits.py): in this process, or
on Redis across every bot process when `[redis] url` is set.
"""

from __future__ import annotations

import math

from bot.settings import Settings
from bot.shared_state.limits import Limiter, LocalLimiter, Window


class RateLimits:
    def __init__(self, settings: Settings, limiter: Limiter | None = None) -> None:
        self.settings = settings
        self.limiter: Limiter = limiter if limiter is not None else LocalLimiter()

    def user_window(self, user_id: int) -> Window:
        return Window(f"user:{user_id}", self.settings.discord.user_rate, self.settings.discord.cooldown_seconds)

    def guild_window(self, guild_id: int) -> Window:
        return Window(f"guild:{guild_id}", self.settings.discord.guild_rate, self.settings.discord.cooldown_seconds)

    async def digest_refusal(self, user_id: int, guild_id: int | None) -> str | None:
        """A friendly refusal when the user or server asked too often; else the request is counted."""
        user = self.user_window(user_id)
        windows = [user] if guild_id is None else [user, self.guild_window(guild_id)]
        refused = await self.limiter.acquire(windows)
        if refused is None:
            return None
        wait = math.ceil(refused.retry_after)
        if refused.window == user:
            return (
                f"⏳ Easy there: you can ask for {user.rate} digest{'s' if user.rate != 1 else ''} every "
                f"{user.per:g} seconds. Try again in {wait} s."
            )
        return f"⏳ This server has asked for a lot of digests just now. Try again in {wait} s."

    async def unfurl_allowed(self, channel_id: int) -> bool:
        """Whether the channel may get an unfurl now; if so, it is counted.

        One unfurling message per channel per cooldown: a burst of links cannot flood a channel."""
        window = Window(f"channel:{channel_id}", 1, self.settings.unfurl.channel_cooldown_seconds)
        return await self.limiter.acquire([window]) is None
