"""Sending answers: nobody pinged, the trigger referenced without notifying its author."""

from __future__ import annotations

from typing import Awaitable, Protocol, Sequence

import discord
from discord.ext import commands

NO_PINGS = discord.AllowedMentions.none()


class Answer(Protocol):
    """Send one answer; returns the message sent (its id keys a digest's buttons)."""

    def __call__(
        self, content: str | None = None, embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None
    ) -> Awaitable[object]: ...


def reply_to_message(message: discord.Message) -> Answer:
    """Answer in the message's channel (a DM stays a DM), as a reply that pings no one."""

    async def send(content: str | None = None, embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None) -> object:
        return await message.channel.send(
            content=content,
            embeds=list(embeds),
            view=view or discord.utils.MISSING,
            reference=message.to_reference(fail_if_not_exists=False),
            mention_author=False,
            allowed_mentions=NO_PINGS,
        )

    return send


def follow_up(interaction: discord.Interaction) -> Answer:
    """Answer a deferred interaction with a follow-up message."""

    async def send(content: str | None = None, embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None) -> object:
        return await interaction.followup.send(
            content=content or discord.utils.MISSING,
            embeds=list(embeds),
            view=view or discord.utils.MISSING,
            allowed_mentions=NO_PINGS,
            wait=True,
        )

    return send


def answer_context(ctx: commands.Context) -> Answer:
    """For a hybrid command: a follow-up when it came as a slash command, else a reply."""
    if ctx.interaction is None:
        return reply_to_message(ctx.message)

    async def send(content: str | None = None, embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None) -> object:
        # Context.send answers the interaction, or follows up when it was deferred.
        return await ctx.send(content=content, embeds=list(embeds), view=view, allowed_mentions=NO_PINGS)  # type: ignore[arg-type]

    return send

