"""`python -m bot run`: start the bot and shut it down cleanly on SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal

import discord

from bot.discord_app.client import DigestBot
from bot.settings import Settings

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2


async def serve(settings: Settings) -> int:
    """Run until the connection ends for good or a stop signal arrives; close pool, store and sockets."""
    bot = DigestBot(settings)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with bot:
            running = asyncio.create_task(bot.start(settings.discord.token), name="discord-bot")
            stopping = asyncio.create_task(stop.wait(), name="stop-signal")
            done, _pending = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if stopping in done:
                log.info("stop signal received; shutting down")
                await bot.close()
            else:
                stopping.cancel()
            try:
                await running
            except discord.LoginFailure:
                log.error("Discord refused the token (DISCORD_TOKEN or [discord] token)")
                return EXIT_FAILED
            except discord.PrivilegedIntentsRequired:
                log.error(
                    "the message-content intent is not enabled for this application: enable it in the "
                    "Developer Portal (Bot > Privileged Gateway Intents) or set [discord] message_content_intent = false"
                )
                return EXIT_FAILED
            except (discord.HTTPException, discord.GatewayNotFound, discord.ConnectionClosed, OSError) as exc:
                log.error("the connection to Discord failed: %s", exc)
                return EXIT_FAILED
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    log.info("stopped")
    return EXIT_OK


def run_bot(settings: Settings) -> int:
    if not settings.discord.token:
        log.error("no bot token: set DISCORD_TOKEN or [discord] token in the config file")
        return EXIT_CONFIG
    return asyncio.run(serve(settings))
