"""A reaction as a trigger: adding `[discord] reaction_trigger` (📰) to a message asks for its digest.

The bot replies to the message itself, once per message however many people
react (the claim is kept in the store, so a restart does not answer twice). The
person who reacted is the requester: their cooldown applies, and a request
refused for now (a cooldown, busy) lets a later reaction try again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord_app.replies import reply_to_message

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
        store = self.bot.store
        summarize: Summarize | None = self.bot.get_cog("Summarize")  # type: ignore[assignment]
        if store is None or summarize is None:
            return
        if not await store.claim_reaction_answer(payload.message_id):
            return  # answered already: one reply per message
        message = await self._message(payload)
        if message is None or message.author.bot:
            await store.release_reaction_answer(payload.message_id)
            return
        answer = reply_to_message(message)
        settled = await summarize.answer_message(message, answer, payload.user_id, payload.guild_id, message.channel.typing())
        if not settled:
            await store.release_reaction_answer(payload.message_id)


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(ReactionTrigger(bot))
