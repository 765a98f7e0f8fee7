"""`python -m bot run` as a child process pointed at the fake Discord, stopped with SIGTERM like a service."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from tests.helpers.fake_discord import FakeDiscord

REPO = Path(__file__).resolve().parents[2]


async def start_bot_process(
    fake: FakeDiscord, config: Path, *options: str, api_base: str = "", gateway_url: str = ""
) -> asyncio.subprocess.Process:
    """Start the bot with `config` and extra `run` options; the fake's token and API come from the environment."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "DIGEST_BOT_"))
    } | {
        "DISCORD_TOKEN": fake.token,
        "DISCORD_API_BASE": api_base or fake.api_base,
        "PYTHONPATH": str(REPO),
    }
    if gateway_url:
        env["DISCORD_GATEWAY_URL"] = gateway_url
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "-v", "run", "--config", str(config), *options,
        cwd=config.parent, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def stop_bot_process(process: asyncio.subprocess.Process) -> str:
    """Send SIGTERM (if still running), wait for the exit and return the process's log (standard error)."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        _stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    except TimeoutError:
        process.kill()
        _stdout, stderr = await process.communicate()
    log = stderr.decode(errors="replace")
    print(log)  # shown by pytest when the test fails
    return log


@contextlib.asynccontextmanager
async def reaped(process: asyncio.subprocess.Process) -> AsyncIterator[asyncio.subprocess.Process]:
    """On the way out, even when the block failed or timed out, end the process and read its pipes to the end.

    Otherwise a failing test leaves the child running and its subprocess transport open, for the garbage
    collector to close after the event loop has closed (reported against whichever test runs then).
    """
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()  # only reached when the block did not wait for the exit itself
        await process.communicate()
