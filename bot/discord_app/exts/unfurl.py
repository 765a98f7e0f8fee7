"""Link auto-unfurling: a digest reply under article links, where a server turned it on."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal, Optional

import discord
from discord import app_commands
from discord.ext import commands

from bot.digest.front_rules import links_in
from bot.digest.pipeline import DigestOptions
from bot.discord_app.digest_service import Busy, DigestRequest
from bot.discord_app.digest_buttons import send_digest
from bot.discord_app.inputs import link_problem
from bot.discord_app.replies import answer_context, reply_to_message
from bot.shared_state.answered import Trigger

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

log = logging.getLogger(__name__)


class Unfurl(commands.Cog):
    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot

    @property
    def default_on(self) -> bool:
        return self.bot.settings.unfurl.default == "on"

    def article_links(self, message: discord.Message) -> list[str]:
        """Links worth a digest: not `<suppressed>`, not images, video or Discord; at most `max_links`."""
        links = [url for url in links_in(message.content, include_suppressed=False) if link_problem(url) is None]
        return links[: self.bot.settings.unfurl.max_links]

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.guild is None or message.author.bot or message.webhook_id is not None:
            return  # never the bot itself, other bots or webhooks; DMs are the summarize cog's
        if not message.content or "http" not in message.content:
            return
        ctx = await self.bot.get_context(message)
        if ctx.prefix is not None:
            return  # a command; it answers for itself
        links = self.article_links(message)
        if not links:
            return
        store = self.bot.store
        if store is None or not await store.unfurl_enabled(message.guild.id, message.channel.id, self.default_on):
            return
        if await store.is_opted_out(message.author.id):
            return  # `digest me off`: their links are left alone
        await self.bot.answer_once(Trigger("unfurl", message.id), lambda: self.unfurl_links(message, links))

    async def unfurl_links(self, message: discord.Message, links: list[str]) -> bool:
        """Reply with the digest of each link; False (a later replay may unfurl) when busy before any reply."""
        if not await self.bot.rate_limits.unfurl_allowed(message.channel.id):
            log.info("unfurl skipped in channel %s: cooling down", message.channel.id)
            return True
        answer = reply_to_message(message)
        sent = False
        for url in links:
            try:
                async with message.channel.typing():
                    request = DigestRequest(kind="link", value=url, label=url)
                    digest = await self.bot.service.digest(request)
            except Busy:
                log.info("unfurl of %s skipped: the workers are busy", url)
                return sent
            if digest.error:
                # Unasked-for answers stay quiet on failure; only people who asked get error lines.
                log.info("no unfurl for %s: %s", url, digest.error)
                continue
            await send_digest(self.bot, answer, digest, request, message.author.id, DigestOptions())
            sent = True
        return True

    @commands.hybrid_command(name="unfurl", description="Turn link auto-unfurling on or off for this channel or the whole server.")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(state="on, off, or default (forget this setting)", scope="this channel or the whole server")
    async def unfurl(
        self,
        ctx: commands.Context,
        state: Optional[Literal["on", "off", "default"]] = None,
        scope: Literal["channel", "server"] = "channel",
    ) -> None:
        """`unfurl on|off|default [channel|server]`; without arguments, shows the settings."""
        assert ctx.guild is not None and self.bot.store is not None
        answer = answer_context(ctx)
        store = self.bot.store
        channel_id = None if scope == "server" else ctx.channel.id
        if state is not None:
            enabled = None if state == "default" else state == "on"
            await store.set_unfurl(ctx.guild.id, channel_id, enabled, user_id=ctx.author.id)
        settings = await store.unfurl_settings(ctx.guild.id)
        here = await store.unfurl_enabled(ctx.guild.id, ctx.channel.id, self.default_on)
        own = settings.get(ctx.channel.id)
        server = settings.get(None)

        def word(value: bool | None) -> str:
            return "not set" if value is None else ("on" if value else "off")

        lines = [
            f"Auto-unfurl in this channel: **{'on' if here else 'off'}**.",
            f"This channel: {word(own)} · whole server: {word(server)} · default: {self.bot.settings.unfurl.default}.",
        ]
        if state is not None:
            target = "the whole server" if scope == "server" else "this channel"
            lines.insert(0, f"Done: {state} for {target}.")
        await answer("\n".join(lines))


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(Unfurl(bot))
