"""`!summarize` (prefix or mention), `/summarize`, the "Summarize" message menu, and plain DMs."""

from __future__ import annotations

import logging
import re
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import TYPE_CHECKING, Optional

import discord
from discord import app_commands
from discord.ext import commands

from bot.digest.front_rules import MAX_SENTENCES, MIN_SENTENCES, SENTENCE_RANGE, long_enough
from bot.digest.pipeline import DigestOptions
from bot.discord_app.digest_service import BUSY, Busy, DigestRequest
from bot.discord_app.digest_buttons import send_digest
from bot.discord_app.embeds import error_text
from bot.discord_app.inputs import (
    USAGE, InputError, address_problem, link_problem, referenced_message, request_from_message, request_from_text,
)
from bot.discord_app.replies import Answer, answer_context, follow_up, reply_to_message
from bot.shared_state.answered import Trigger

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

log = logging.getLogger(__name__)

LAST_MESSAGES = re.compile(r"last\s+(\d{1,9})", re.IGNORECASE)  # "!summarize last 50": a conversation digest
LAST_ANYTHING = re.compile(r"last\s+\S+", re.IGNORECASE)  # "last abc", "last 0": meant as one, answered with its usage
NOTHING_TO_DIGEST = "That message has no link, text or text file I can summarize."


class Summarize(commands.Cog):
    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Summarize", callback=self.summarize_message)
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    # -- the shared path ---------------------------------------------------------

    async def answer(
        self,
        request: DigestRequest | None,
        answer: Answer,
        user_id: int,
        guild_id: int | None,
        options: DigestOptions = DigestOptions(),
        typing: AbstractAsyncContextManager[object] | None = None,
    ) -> bool:
        """Answer with the digest or a one-line reason; False when refused for now (a cooldown, busy)."""
        if request is None:
            await answer(USAGE)
            return True
        if request.kind == "link" and (problem := link_problem(request.value)):
            await answer(error_text(problem, request.value))
            return True
        if request.kind == "text" and (problem := address_problem(request.value)):
            await answer(problem)
            return True
        refusal = await self.bot.rate_limits.digest_refusal(user_id, guild_id)
        if refusal:
            await answer(refusal)
            return False
        try:
            async with typing or nullcontext():
                digest = await self.bot.service.digest(request, options)
        except Busy:
            await answer(BUSY)
            return False
        if digest.error:
            await answer(error_text(digest, request.value if request.kind == "link" else None))
            return True
        await send_digest(self.bot, answer, digest, request, user_id, options)
        return True

    # -- !summarize and /summarize -------------------------------------------------

    @commands.hybrid_command(name="summarize", aliases=["tldr"], rest_is_raw=True, description="Digest an article (a link or pasted text), or this thread's conversation.")
    @app_commands.describe(source="A link, article text, or \"last 50\" (recent messages); empty in a thread: the thread", sentences=f"How many sentences the summary has ({SENTENCE_RANGE})")
    async def summarize(
        self,
        ctx: commands.Context,
        *,
        source: Optional[str] = None,
        sentences: Optional[app_commands.Range[int, MIN_SENTENCES, MAX_SENTENCES]] = None,
    ) -> None:
        """Everything after the command word is the source; a leading number is part of the text.

        `last 50` digests the channel's last 50 messages; no source at all inside a thread, the thread."""
        options = DigestOptions(sentences=sentences)
        guild_id = ctx.guild.id if ctx.guild else None
        last = LAST_MESSAGES.fullmatch((source or "").strip())
        conversation = self.bot.get_cog("Conversation")
        if ctx.interaction is not None:
            await ctx.defer()
        with_file = ctx.interaction is None and bool(ctx.message.attachments)  # "last ..." beside a file is text
        if conversation is not None and not with_file and (problem := self.last_problem(source or "", last)):
            await answer_context(ctx)(problem)
            return
        if ctx.interaction is not None:
            if conversation is not None and (last or (not (source or "").strip() and isinstance(ctx.channel, discord.Thread))):
                await conversation.digest_here(ctx, int(last.group(1)) if last else None)  # type: ignore[attr-defined]
                return
            await self.answer(request_from_text(source or ""), answer_context(ctx), ctx.author.id, guild_id, options)
            return
        if conversation is not None and last and not ctx.message.attachments:
            await conversation.digest_here(ctx, int(last.group(1)))  # type: ignore[attr-defined]
            return
        answer = reply_to_message(ctx.message)
        try:
            request = await request_from_message(ctx.message, self.bot.settings, text=source or "")
            if request is None and (target := await referenced_message(ctx.message)) is not None:
                request = await request_from_message(target, self.bot.settings)
        except InputError as exc:
            await answer(str(exc))
            return
        if request is None and conversation is not None and isinstance(ctx.channel, discord.Thread):
            await conversation.digest_here(ctx)  # type: ignore[attr-defined]
            return
        await self.answer(request, answer, ctx.author.id, guild_id, options, typing=ctx.channel.typing())

    def last_problem(self, source: str, last: re.Match[str] | None) -> str | None:
        """Why "last N" cannot be read as a number of messages ("last abc", "last 0"), or None.

        "last abc" was digested as a two-word paste ("too short"), and "last 0" read the last
        `max_messages` messages (0 was taken as no number)."""
        if not LAST_ANYTHING.fullmatch(source.strip()) or (last and int(last.group(1)) >= 1):
            return None
        ceiling = self.bot.settings.conversation.max_messages
        return f"`last` takes a number of messages, 1 to {ceiling}: `last 50` digests the last 50 messages here."

    # -- Apps > Summarize ----------------------------------------------------------

    async def summarize_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.defer(thinking=True)
        await self.answer_message(message, follow_up(interaction), interaction.user.id, interaction.guild_id)

    async def answer_message(
        self,
        message: discord.Message,
        answer: Answer,
        user_id: int,
        guild_id: int | None,
        typing: AbstractAsyncContextManager[object] | None = None,
    ) -> bool:
        """The digest of a message someone picked (Apps > Summarize, the reaction); as `answer`."""
        try:
            request = await request_from_message(message, self.bot.settings)
        except InputError as exc:
            await answer(str(exc))
            return True
        if request is None:
            await answer(NOTHING_TO_DIGEST)
            return True
        return await self.answer(request, answer, user_id, guild_id, typing=typing)

    # -- direct messages -------------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A DM with a link, pasted text or a text file gets its digest, no command needed."""
        if message.guild is not None or message.author.bot or message.webhook_id is not None:
            return
        ctx = await self.bot.get_context(message)
        if ctx.prefix is not None:
            return  # a command (or a typo of one): the command machinery answers
        await self.bot.answer_once(Trigger("dm", message.id), lambda: self.answer_dm(message))

    async def answer_dm(self, message: discord.Message) -> bool:
        answer = reply_to_message(message)
        try:
            request = await request_from_message(message, self.bot.settings)
        except InputError as exc:
            await answer(str(exc))
            return True
        if (request is not None and request.kind == "text" and not long_enough(request.value, self.bot.settings.digest)
                and address_problem(request.value) is None):
            request = None  # "hi", "thanks": not an article (an address without its scheme is told how to send it)
        await self.answer(request, answer, message.author.id, None, typing=message.channel.typing())
        return True  # answered, if only with a refusal: a replay must not answer again


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(Summarize(bot))
