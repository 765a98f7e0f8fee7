"""A reaction as a trigger: adding `[discord] reaction_trigger` (📰) to a message asks for its digest.

The bot replies to the message itself, once per message however many people
react (an answered trigger, bot/shared_state/answered.py: kept in the store, or on
Redis when configured, so a restart or another process does not answer twice). The
person who reacted is the requester: their cooldown applies, and a request
refused for now (a cooldown, busy) lets a later reaction try again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord_app.replies import reply_to_message
from bot.shared_state.answered import Trigger

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot
    from bot.discord_app.exts.summarize import Summarize

log = logging.getLogger(__name__)


def is_trigger(emoji: discord.PartialEmoji, trigger: str) -> bool:
    """Whether a reaction is the configured one: the emoji itself, or a custom emoji as `<:name:id>` or its name."""
    trigger = trigger.strip()
    if not trigger:
        return False
    return str(emoji) == trigger or (emoji.id is not None and emoji.name == trigger.strip(":"))


class ReactionTrigger(commands.Cog):
    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot

    async def _message(self, payload: discord.RawReactionActionEvent) -> discord.Message | None:
        channel = self.bot.get_channel(payload.channel_id) or self.bot.get_partial_messageable(
            payload.channel_id, guild_id=payload.guild_id
        )
        try:
            return await channel.fetch_message(payload.message_id)  # type: ignore[union-attr]
        except discord.HTTPException as exc:
            log.info("reaction on message %s: could not read it (%s)", payload.message_id, exc)
            return None

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        if not is_trigger(payload.emoji, self.bot.settings.discord.reaction_trigger):
            return
        me = self.bot.user
        if (me is not None and payload.user_id == me.id) or (payload.member is not None and payload.member.bot):
            return
        if me is not None and payload.message_author_id == me.id:
            return  # a reaction on a digest: it is one already
        summarize: Summarize | None = self.bot.get_cog("Summarize")  # type: ignore[assignment]
        if summarize is None:
            return

        async def answer() -> bool:
            """False (the claim released, a later reaction may try) when refused for now or unreadable."""
            message = await self._message(payload)
            if message is None or message.author.bot:
                return False
            reply = reply_to_message(message)
            return await summarize.answer_message(message, reply, payload.user_id, payload.guild_id, message.channel.typing())

        await self.bot.answer_once(Trigger("reaction", payload.message_id), answer)  # one reply per message


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(ReactionTrigger(bot))
