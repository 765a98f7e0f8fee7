"""A digest of a conversation: `!summarize last 50` in a channel, `/summarize` with no source in a thread.

The bot reads the last messages (at most `[conversation] max_messages`) that the
member who asked can read, leaves out bots, commands and members who opted out,
and the pipeline (bot/digest/conversation.py) picks the messages to quote.
"""

from __future__ import annotations

import logging
import re
from contextlib import nullcontext
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.digest.conversation import ChatMessage
from bot.discord_app.digest_service import BUSY, Busy
from bot.discord_app.embeds import conversation_embed
from bot.discord_app.replies import answer_context

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

log = logging.getLogger(__name__)

CHAT_TYPES = (discord.MessageType.default, discord.MessageType.reply)
CANNOT_READ = "You can't read this channel's message history, so I won't digest it for you."
BOT_CANNOT_READ = "I need the Read Message History permission in this channel to digest its conversation."
NOTHING_HERE = "There is nothing here to digest: messages of bots, commands and members who opted out are left out."
NOTHING_WORTH_QUOTING = "None of these messages says enough to quote; there is nothing to digest yet."
TOO_SLOW = "Reading this conversation took too long; try fewer messages."


def where_name(channel: object) -> str:
    if isinstance(channel, discord.Thread):
        return f"the thread {channel.name}"
    if isinstance(channel, (discord.DMChannel, discord.PartialMessageable)) or not hasattr(channel, "name"):
        return "this conversation"
    return f"#{channel.name}"  # type: ignore[attr-defined]


class Conversation(commands.Cog):
    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot

    def is_command(self, message: discord.Message) -> bool:
        me = self.bot.user
        content = message.content.lstrip()
        return content.startswith(self.bot.settings.discord.prefix) or bool(
            me is not None and re.match(rf"<@!?{me.id}>", content)
        )

    async def read(self, channel: discord.abc.Messageable, limit: int, before: discord.Message | None) -> list[ChatMessage]:
        """The members' own messages among the last `limit`, oldest first."""
        recent = [m async for m in channel.history(limit=limit, before=before)]
        kept = [
            m for m in reversed(recent)
            if not m.author.bot and m.webhook_id is None and m.type in CHAT_TYPES and m.content.strip() and not self.is_command(m)
        ]
        assert self.bot.store is not None
        opted_out = await self.bot.store.opted_out(m.author.id for m in kept)
        return [
            ChatMessage(m.id, m.author.id, m.author.display_name, m.clean_content, m.jump_url)
            for m in kept
            if m.author.id not in opted_out
        ]

    async def digest_here(self, ctx: commands.Context, limit: int | None = None) -> None:
        """Answer `ctx` with the digest of its channel's last `limit` messages (at most `max_messages`)."""
        answer = answer_context(ctx)
        if ctx.guild is not None:
            if not (ctx.permissions.read_message_history and ctx.permissions.read_messages):
                await answer(CANNOT_READ)
                return
            if not ctx.bot_permissions.read_message_history:
                await answer(BOT_CANNOT_READ)
                return
        refusal = await self.bot.rate_limits.digest_refusal(ctx.author.id, ctx.guild.id if ctx.guild else None)
        if refusal:
            await answer(refusal)
            return
        ceiling = self.bot.settings.conversation.max_messages
        count = min(limit or ceiling, ceiling)
        before = ctx.message if ctx.interaction is None else None  # the command itself is not part of it
        try:
            async with ctx.typing() if ctx.interaction is None else nullcontext():
                messages = await self.read(ctx.channel, count, before)
                if not messages:
                    await answer(NOTHING_HERE)
                    return
                digest = await self.bot.service.conversation(messages)
        except Busy:
            await answer(BUSY)
            return
        except discord.Forbidden:
            await answer(BOT_CANNOT_READ)
            return
        except TimeoutError:
            await answer(TOO_SLOW)
            return
        if not digest.quotes:
            await answer(NOTHING_WORTH_QUOTING)
            return
        await answer(embeds=[conversation_embed(digest, where_name(ctx.channel))])


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(Conversation(bot))
