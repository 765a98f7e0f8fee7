"""A digest of a conversation: `!summarize last 50` in a channel, `/summarize` with no source in a thread.

The bot reads the last messages (at most `[conversation] max_messages`) that the
member who asked can read, leaves out bots, commands and members who opted out,
and the pipeline (bot/digest/conversation.py) picks the messages to quote.

The digest carries the two buttons of every digest, with the same rules
(bot/discord_app/digest_buttons.py): Refresh reads the channel's history again
(the conversation went on) and Longer quotes twice as many of the same messages.
Their custom ids carry what is needed to read the same messages again (the
window's size and, for Longer, the message just past it), so they work after
a restart.
"""

from __future__ import annotations

import logging
import re
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.digest.conversation import ChatMessage, ConversationDigest
from bot.digest.front_rules import MAX_SENTENCES
from bot.discord_app.digest_buttons import NOT_YOURS, TOO_OLD, buttons_cog, first_time, note
from bot.discord_app.digest_service import BUSY, Busy
from bot.discord_app.embeds import conversation_embed
from bot.discord_app.replies import NO_PINGS, answer_context
from bot.store.database import DigestSource

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

log = logging.getLogger(__name__)

CHAT_TYPES = (discord.MessageType.default, discord.MessageType.reply)
CANNOT_READ = "You can't read this channel's message history, so I won't digest it for you."
BOT_CANNOT_READ = "I need the Read Message History permission in this channel to digest its conversation."
NOTHING_HERE = "There is nothing here to digest: messages of bots, commands and members who opted out are left out."
NOTHING_WORTH_QUOTING = "None of these messages says enough to quote; there is nothing to digest yet."
TOO_SLOW = "Reading this conversation took too long; try fewer messages."
MOST_QUOTES = f"This digest quotes as many messages as it can ({MAX_SENTENCES}, or every message worth quoting)."
SOURCE_KIND = "conversation"  # digest_messages.kind: its value is the window's size, its label where it was


def where_name(channel: object) -> str:
    if isinstance(channel, discord.Thread):
        return f"the thread {channel.name}"
    if isinstance(channel, (discord.DMChannel, discord.PartialMessageable)) or not hasattr(channel, "name"):
        return "this conversation"
    return f"#{channel.name}"  # type: ignore[attr-defined]


def history_refusal(member: discord.Permissions, bot: discord.Permissions) -> str:
    """Why the history of a server channel cannot be read for this member, or ""."""
    if not (member.read_message_history and member.read_messages):
        return CANNOT_READ
    if not bot.read_message_history:
        return BOT_CANNOT_READ
    return ""


class ConversationRefreshButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"conversation:refresh:(?P<requester>[0-9]+):(?P<limit>[0-9]+):(?P<quotes>[0-9]+)",
):
    """Read the last `limit` messages again and quote `quotes` of them (0: the automatic number)."""

    def __init__(self, requester: int, limit: int, quotes: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Refresh", emoji="🔄", style=discord.ButtonStyle.secondary,
                custom_id=f"conversation:refresh:{requester}:{limit}:{quotes}",
            )
        )
        self.requester, self.limit, self.quotes = requester, limit, quotes

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> "ConversationRefreshButton":
        return cls(int(match["requester"]), int(match["limit"]), int(match["quotes"]))

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:  # type: ignore[override]
        return await first_time(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        await _cog(interaction).press(interaction, self.requester, self.limit, None, self.quotes or None)


class ConversationLongerButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"conversation:longer:(?P<requester>[0-9]+):(?P<limit>[0-9]+):(?P<before>[0-9]+):(?P<shown>[0-9]+)",
):
    """Twice the quotes (up to `MAX_SENTENCES`) from the same messages: the `limit` before message `before`."""

    def __init__(self, requester: int, limit: int, before: int, shown: int, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label="Longer", emoji="➕", style=discord.ButtonStyle.secondary,
                custom_id=f"conversation:longer:{requester}:{limit}:{before}:{shown}", disabled=disabled,
            )
        )
        self.requester, self.limit, self.before, self.shown = requester, limit, before, shown

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> "ConversationLongerButton":
        return cls(int(match["requester"]), int(match["limit"]), int(match["before"]), int(match["shown"]))

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:  # type: ignore[override]
        return await first_time(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        if self.shown >= MAX_SENTENCES:
            await note(interaction, MOST_QUOTES)
            return
        await _cog(interaction).press(interaction, self.requester, self.limit, self.before, min(2 * self.shown, MAX_SENTENCES))


def conversation_view(requester: int, limit: int, before: int, digest: ConversationDigest, asked: int | None) -> discord.ui.View:
    """Refresh and Longer; Longer greyed out when no more messages are worth quoting."""
    view = discord.ui.View(timeout=None)
    view.add_item(ConversationRefreshButton(requester, limit, asked or 0))
    shown = len(digest.quotes)
    exhausted = asked is not None and shown < asked
    view.add_item(ConversationLongerButton(requester, limit, before, shown, disabled=exhausted or shown >= MAX_SENTENCES))
    return view


def _cog(interaction: discord.Interaction) -> "Conversation":
    cog = interaction.client.get_cog("Conversation")  # type: ignore[attr-defined]
    assert isinstance(cog, Conversation), "the conversation extension is not loaded"
    return cog


class Conversation(commands.Cog):
    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot

    def is_command(self, message: discord.Message) -> bool:
        me = self.bot.user
        content = message.content.lstrip()
        return content.startswith(self.bot.settings.discord.prefix) or bool(
            me is not None and re.match(rf"<@!?{me.id}>", content)
        )

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ConversationRefreshButton, ConversationLongerButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ConversationRefreshButton, ConversationLongerButton)

    async def read(
        self, channel: discord.abc.Messageable, limit: int, before: discord.abc.Snowflake | None
    ) -> tuple[list[ChatMessage], int]:
        """The members' own messages among the last `limit`, oldest first; and the newest message id seen (0: none)."""
        recent = [m async for m in channel.history(limit=limit, before=before)]
        kept = [
            m for m in reversed(recent)
            if not m.author.bot and m.webhook_id is None and m.type in CHAT_TYPES and m.content.strip() and not self.is_command(m)
        ]
        assert self.bot.store is not None
        opted_out = await self.bot.store.opted_out(m.author.id for m in kept)
        messages = [
            ChatMessage(m.id, m.author.id, m.author.display_name, m.clean_content, m.jump_url)
            for m in kept
            if m.author.id not in opted_out
        ]
        return messages, (recent[0].id if recent else 0)

    async def gather(
        self, channel: discord.abc.Messageable, limit: int, before: discord.abc.Snowflake | None, quotes: int | None
    ) -> tuple[ConversationDigest | None, str, int]:
        """The digest of the last `limit` messages before `before`, or a one-line reason; and the id just past them."""
        try:
            messages, newest = await self.read(channel, limit, before)
            if not messages:
                return None, NOTHING_HERE, 0
            digest = await self.bot.service.conversation(messages, quotes)
        except Busy:
            return None, BUSY, 0
        except discord.Forbidden:
            return None, BOT_CANNOT_READ, 0
        except TimeoutError:
            return None, TOO_SLOW, 0
        if not digest.quotes:
            return None, NOTHING_WORTH_QUOTING, 0
        return digest, "", newest + 1

    async def digest_here(self, ctx: commands.Context, limit: int | None = None) -> None:
        """Answer `ctx` with the digest of its channel's last `limit` messages (at most `max_messages`)."""
        answer = answer_context(ctx)
        if ctx.guild is not None:
            refusal = history_refusal(ctx.permissions, ctx.bot_permissions)
            if refusal:
                await answer(refusal)
                return
        refusal = await self.bot.rate_limits.digest_refusal(ctx.author.id, ctx.guild.id if ctx.guild else None)
        if refusal:
            await answer(refusal)
            return
        ceiling = self.bot.settings.conversation.max_messages
        count = min(limit or ceiling, ceiling)
        before = ctx.message if ctx.interaction is None else None  # the command itself is not part of it
        async with ctx.typing() if ctx.interaction is None else nullcontext():
            digest, problem, past = await self.gather(ctx.channel, count, before, None)
        if digest is None:
            await answer(problem)
            return
        where = where_name(ctx.channel)
        view = conversation_view(ctx.author.id, count, past, digest, None)
        sent = await answer(embeds=[conversation_embed(digest, where)], view=view)
        message_id = getattr(sent, "id", None)
        if self.bot.store is not None and isinstance(message_id, int):  # for the buttons' rules after a restart
            await self.bot.store.remember_source(message_id, DigestSource(SOURCE_KIND, str(count), where))

    async def press(
        self, interaction: discord.Interaction, requester: int, limit: int, before: int | None, quotes: int | None
    ) -> None:
        """Redo the pressed conversation digest: the same messages (`before`) or the latest (None), with `quotes` quotes."""
        buttons = buttons_cog(interaction)
        if not buttons.may_press(interaction, requester):
            await note(interaction, NOT_YOURS)
            return
        if interaction.guild is not None:
            refusal = history_refusal(interaction.permissions, interaction.app_permissions)
            if refusal:
                await note(interaction, refusal)  # the presser may be a moderator who cannot read this channel
                return
        channel = interaction.channel
        source = await buttons.admit(interaction, requester, refresh=before is None)
        if source is None:
            return
        if source.kind != SOURCE_KIND or not isinstance(channel, discord.abc.Messageable):
            await note(interaction, TOO_OLD)
            return
        digest, problem, past = await self.gather(channel, limit, discord.Object(before) if before else None, quotes)
        if digest is None:
            await note(interaction, problem)
            return
        view = conversation_view(requester, limit, past, digest, quotes)
        await interaction.edit_original_response(
            embeds=[conversation_embed(digest, source.label)], view=view, allowed_mentions=NO_PINGS
        )


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(Conversation(bot))
