"""`python -m bot run`: start the bot and shut it down cleanly on SIGINT or SIGTERM.

Connecting (log in, set up, the first shard's gateway handshake) must finish within
`[discord] connect_timeout_seconds`: an API that accepts connections and never
answers ends the bot with a clear message instead of a silent hang. A stop
signal at any moment, even mid-login, closes pool, store and sockets and exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal

import discord

from bot.discord_app.client import DigestBot
from bot.discord_app.endpoints import DISCORD_API_BASE
from bot.settings import Settings
from bot.shared_state.factory import SharedStateError
from bot.store.backends import StoreUnavailable
from bot.store.schema import SchemaError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2
_CLOSE_GRACE_SECONDS = 10.0  # for the connection task to end after close(); then it is cancelled


def _outcome(running: asyncio.Task[None]) -> int:
    """The exit status for a connection task that ended by itself, with the reason logged."""
    if running.cancelled():
        return EXIT_OK
    error = running.exception()
    if error is None:
        return EXIT_OK
    if isinstance(error, discord.LoginFailure):
        log.error("Discord refused the token (DISCORD_TOKEN or [discord] token)")
    elif isinstance(error, discord.PrivilegedIntentsRequired):
        log.error(
            "the message-content intent is not enabled for this application: enable it in the "
            "Developer Portal (Bot > Privileged Gateway Intents) or set [discord] message_content_intent = false"
        )
    elif isinstance(error, (SharedStateError, StoreUnavailable, SchemaError)):  # one line says what and where
        log.error("%s", error)
    elif isinstance(error, (discord.HTTPException, discord.GatewayNotFound, discord.ConnectionClosed, OSError)):
        log.error("the connection to Discord failed: %s", error)
    else:
        log.error("the bot stopped on an unexpected error", exc_info=error)
    return EXIT_FAILED


async def _shut_down(bot: DigestBot, running: asyncio.Task[None]) -> None:
    """Close the bot, then let the connection task end (cancelled if it hangs); never raises."""
    if not bot.is_ready():
        running.cancel()  # still logging in or connecting: a request may wait forever on a silent API
    try:
        await asyncio.wait_for(bot.close(), _CLOSE_GRACE_SECONDS)
    except Exception:  # noqa: BLE001 - shutting down regardless; the reason is logged
        log.warning("closing the connection failed", exc_info=True)
    if not running.done():
        _done, pending = await asyncio.wait({running}, timeout=_CLOSE_GRACE_SECONDS)
        for task in pending:
            task.cancel()
    await asyncio.gather(running, return_exceptions=True)  # retrieved: no "exception never retrieved" noise


async def serve(settings: Settings) -> int:
    """Run until the connection ends for good or a stop signal arrives; close pool, store and sockets."""
    bot = DigestBot(settings)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    running: asyncio.Task[None] | None = None
    try:
        async with bot:
            running = asyncio.create_task(bot.start(settings.discord.token), name="discord-bot")
            stopping = asyncio.create_task(stop.wait(), name="stop-signal")
            ready = asyncio.create_task(bot.first_shard_ready.wait(), name="ready")
            timeout = settings.discord.connect_timeout_seconds
            done, _ = await asyncio.wait({running, stopping, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if ready in done and not running.done():
                log.info("connected to Discord")
                done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            ready.cancel()
            if running.done():
                stopping.cancel()
                return _outcome(running)
            if stopping in done:
                log.info("stop signal received; shutting down")
                status = EXIT_OK
            else:
                stopping.cancel()
                api = settings.discord.api_base or DISCORD_API_BASE
                log.error(
                    "no answer from Discord within %g s while logging in and connecting (API %s): check "
                    "[discord] api_base and gateway_url, the network, and that Discord is up",
                    timeout, api,
                )
                status = EXIT_FAILED
            await _shut_down(bot, running)
            return status
    finally:
        if running is not None and not running.done():
            running.cancel()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        log.info("stopped")


def run_bot(settings: Settings) -> int:
    if not settings.discord.token:
        log.error("no bot token: set DISCORD_TOKEN or [discord] token in the config file")
        return EXIT_CONFIG
    return asyncio.run(serve(settings))
