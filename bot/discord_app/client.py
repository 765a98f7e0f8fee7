"""The one bot class (an `AutoShardedBot`): owns the store, the worker pool and the digest service.

Several processes with disjoint `[discord] shard_ids` serve one bot together; the one
holding shard 0 (where DMs arrive) is the only one that uploads the application commands.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
from typing import Awaitable, Callable

import discord
from discord.ext import commands

from bot.discord_app import endpoints
from bot.discord_app.digest_service import DigestService
from bot.discord_app.heap import limit_heap_growth
from bot.discord_app.rate_limits import RateLimits
from bot.discord_app.replies import NO_PINGS, reply_to_message
from bot.discord_app.worker_pool import open_digest_workers
from bot.settings import Settings
from bot.shared_state.answered import Trigger, answer_once
from bot.shared_state.factory import SharedState, local_state, open_shared_state
from bot.store.database import Store

log = logging.getLogger(__name__)

PURGE_INTERVAL_SECONDS = 3600.0  # how often old cache entries, digest sources and reaction answers are dropped

EXTENSIONS = (
    "bot.discord_app.exts.summarize",
    "bot.discord_app.exts.unfurl",
    "bot.discord_app.exts.opt_out",
    "bot.discord_app.exts.reaction_trigger",
    "bot.discord_app.exts.digest_buttons",
    "bot.discord_app.exts.conversation",
)


def bot_intents(message_content: bool, reactions: bool = True) -> discord.Intents:
    """Guilds, guild and DM messages and their reactions; message content only when the operator enabled the privileged intent."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    # For the reaction trigger (not privileged); not asked for when the trigger is off.
    intents.guild_reactions = reactions
    intents.dm_reactions = reactions
    intents.message_content = message_content
    return intents


class OncePerInteractionTree(discord.app_commands.CommandTree):
    """Application commands, each interaction answered once even if its event comes twice."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await self.client.claim_interaction(interaction)  # type: ignore[attr-defined]


class DigestBot(commands.AutoShardedBot):
    def __init__(self, settings: Settings) -> None:
        # The bot never joins voice: discord.py's warnings about PyNaCl and davey at every start are noise.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned_or(settings.discord.prefix),
            intents=bot_intents(settings.discord.message_content_intent, bool(settings.discord.reaction_trigger.strip())),
            allowed_mentions=NO_PINGS,
            help_command=None,
            max_messages=200,
            shard_count=settings.discord.shard_count or None,  # None: Discord's recommendation, read in setup_hook
            shard_ids=list(settings.discord.shard_ids) or None,  # None: every shard
            tree_cls=OncePerInteractionTree,
        )
        self.settings = settings
        self.pool = open_digest_workers(settings)  # [workers] mode: the local pool, or the queue
        self.store: Store | None = None
        self._service: DigestService | None = None
        # In this process until setup_hook opens what `[redis] url` asks for (bot/shared_state).
        self.shared: SharedState = local_state(None)
        self.rate_limits = RateLimits(settings, self.shared.limiter)
        # The first shard's READY ends the runner's connect timeout: each further shard waits 5 s to identify.
        self.first_shard_ready = asyncio.Event()
        self._housekeeping: asyncio.Task[None] | None = None

    @property
    def service(self) -> DigestService:
        if self._service is None:
            raise RuntimeError("the bot is not set up yet")
        return self._service

    async def login(self, token: str) -> None:
        # Route.BASE must point at the configured API before the first request.
        endpoints.use_api_base(self.settings.discord.api_base)
        await super().login(token)

    @property
    def holds_shard_zero(self) -> bool:
        """DMs arrive on shard 0, and only its process uploads the application commands."""
        return not self.shard_ids or 0 in self.shard_ids

    async def setup_hook(self) -> None:
        limit_heap_growth()  # freed memory goes back to the system (bot/discord_app/heap.py)
        discord_settings = self.settings.discord
        if self.shard_count is None:
            # Asked here rather than by discord.py, so that a configured gateway_url is still the one opened.
            self.shard_count, gateway_url, _limits = await self.http.get_bot_gateway()
            log.info("Discord recommends %d shard(s)", self.shard_count)
            endpoints.use_gateway(discord_settings.gateway_url or gateway_url)
        else:
            await endpoints.resolve_gateway(self.http, discord_settings.api_base, discord_settings.gateway_url)
        log.info("this process runs shard(s) %s of %d", self.shard_ids or f"0-{self.shard_count - 1}", self.shard_count)
        self.store = await Store.from_settings(self.settings.store)
        await self.purge_store()
        self._housekeeping = asyncio.create_task(self._purge_every(PURGE_INTERVAL_SECONDS), name="store-purge")
        self.shared = await open_shared_state(self.settings, self.store)
        self.rate_limits = RateLimits(self.settings, self.shared.limiter)
        self.pool.start()
        self._service = DigestService(self.settings, self.pool, self.store, cache=self.shared.cache)
        self._service.start()
        self.tree.error(self.on_app_command_error)
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.holds_shard_zero:
            await self.sync_commands_if_changed()
        else:
            log.info("application commands are uploaded by the process that holds shard 0")

    # -- one reply a trigger (bot/shared_state/answered.py) ---------------------------

    @property
    def answer_lease_seconds(self) -> float:
        """How long a claim on a trigger holds while it is answered: a fetch and a digest, with room to wait."""
        return 2 * (self.settings.fetch.total_timeout + self.settings.workers.digest_timeout_seconds) + 60

    async def answer_once(self, trigger: Trigger, answer: Callable[[], Awaitable[bool]]) -> bool:
        """Run `answer` unless another event (a replay, another process) has answered `trigger` (bot.shared_state.answered.answer_once)."""
        return await answer_once(self.shared.answered, trigger, answer, self.answer_lease_seconds)

    async def claim_interaction(self, interaction: discord.Interaction) -> bool:
        """True the first time an interaction arrives. An interaction can be answered only once, within
        seconds, so its claim is kept at once: a retry could not answer it anyway."""
        trigger = Trigger("interaction", interaction.id)
        token = await self.shared.answered.claim(trigger, trigger.keep_seconds)
        return token is not None

    async def process_commands(self, message: discord.Message) -> None:
        """A command message is answered once, however often its event arrives."""
        if message.author.bot:
            return
        ctx = await self.get_context(message)
        if ctx.command is None:
            await self.invoke(ctx)  # not a command: nothing is answered
            return

        async def invoke() -> bool:
            await self.invoke(ctx)  # failures are answered by on_command_error
            return True

        await self.answer_once(Trigger("command", message.id), invoke)

    async def purge_store(self) -> None:
        """Drop what the store no longer needs, so the file stays small however long the bot runs."""
        assert self.store is not None
        store_settings = self.settings.store
        purged = await self.store.purge_expired()  # reads skip stale digests already
        forgotten = await self.store.purge_sources(store_settings.buttons_ttl_seconds)
        answers = await self.store.purge_reaction_answers(store_settings.reaction_answers_ttl_seconds)
        if purged or forgotten or answers:
            log.info(
                "store purged: %d expired digests, %d digest sources older than their buttons, %d old reaction answers",
                purged, forgotten, answers,
            )

    async def _purge_every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.purge_store()
            except Exception:  # a busy or failing disk must not end the schedule; the next round tries again
                log.exception("store purge failed")

    async def on_shard_ready(self, shard_id: int) -> None:
        log.info("shard %d is ready", shard_id)
        self.first_shard_ready.set()

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: discord.app_commands.AppCommandError
    ) -> None:
        """The message menu's failures get a one-line answer too, never silence."""
        if isinstance(error, discord.app_commands.MissingPermissions):
            message = "You need the Manage Server permission for that."
        else:
            log.error("application command %s failed", interaction.command and interaction.command.name, exc_info=error)
            message = "Something went wrong on my side; please try again."
        if interaction.response.is_done():
            await interaction.followup.send(message, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(message, allowed_mentions=NO_PINGS)

    def command_definitions_hash(self) -> str:
        definitions = sorted(
            (command.to_dict(self.tree) for command in self.tree.get_commands()),
            key=lambda d: (d.get("type", 1), d["name"]),
        )
        return hashlib.sha256(json.dumps(definitions, sort_keys=True, default=str).encode()).hexdigest()

    async def sync_commands_if_changed(self) -> bool:
        """Upload the application commands only when their definitions differ from the last upload."""
        assert self.store is not None
        key = f"app_commands_hash:{self.application_id}"
        current = self.command_definitions_hash()
        if await self.store.get_meta(key) == current:
            log.info("application commands unchanged; not syncing")
            return False
        synced = await self.tree.sync()
        await self.store.set_meta(key, current)
        log.info("synced %d application commands", len(synced))
        return True

    async def on_command_error(self, ctx: commands.Context, error: commands.CommandError) -> None:  # type: ignore[override]
        if isinstance(error, commands.CommandNotFound):
            return
        if isinstance(error, commands.HybridCommandError):
            error = error.original  # type: ignore[assignment]
        message: str
        if isinstance(error, (commands.MissingPermissions, discord.app_commands.MissingPermissions)):
            message = "You need the Manage Server permission for that."
        elif isinstance(error, (commands.NoPrivateMessage, discord.app_commands.NoPrivateMessage)):
            message = "That only works in a server channel."
        elif isinstance(error, commands.CommandOnCooldown):
            message = f"⏳ Please wait {math.ceil(error.retry_after)} s before trying that again."
        elif isinstance(error, (commands.UserInputError, commands.BadArgument)):
            usage = f"{self.settings.discord.prefix}{ctx.command.qualified_name} {ctx.command.signature}" if ctx.command else ""
            message = f"I didn't understand that. Usage: `{usage.strip()}`"
        else:
            log.error("command %s failed", ctx.command, exc_info=error)
            message = "Something went wrong on my side; please try again."
        if ctx.interaction is not None:
            await ctx.send(message, allowed_mentions=NO_PINGS)
        else:
            await reply_to_message(ctx.message)(message)

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            if self._housekeeping is not None:
                self._housekeeping.cancel()
            if self._service is not None:
                await self._service.close()
            await self.pool.close()
            await self.shared.close()
            if self.store is not None:
                store, self.store = self.store, None
                await store.close()
            endpoints.restore_default_endpoints()
