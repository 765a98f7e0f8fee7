"""`python -m bot check`: is the bot able to run? A health signal for a service manager or a probe.

It checks what `run` needs before it can answer anyone: the config (already
validated when it was loaded), a token, the store (opened and read), Redis when
`[redis] url` is set (answering PING), at least one live `python -m bot worker`
in queue mode (a queue-mode bot with none answers every request "busy"), and the
Discord API base (reached, with the token accepted). It prints one line and
exits 0 when all is well, else the reason on standard error and exits 1.
"""

from __future__ import annotations

import asyncio
import sys

import aiohttp

from bot.discord_app.endpoints import DISCORD_API_BASE, normalise_api_base
from bot.settings import Settings
from bot.store.backends import StoreUnavailable, without_password
from bot.store.database import Store

EXIT_OK = 0
EXIT_FAILED = 1


class CheckFailed(Exception):
    """One thing the bot needs is missing; the message says which and why."""


async def check_store(settings: Settings) -> str:
    """Where the store is, once it opened and answered a read; raises CheckFailed when it does not."""
    try:
        store = await Store.from_settings(settings.store)
    except StoreUnavailable as exc:  # says where and why
        raise CheckFailed(f"the store cannot be opened: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - any failure to open is the answer
        where = without_password(settings.store.url or settings.store.path)
        raise CheckFailed(f"the store {where} cannot be opened: {exc}") from exc
    try:
        await store.get_meta("health-check")
    except Exception as exc:  # noqa: BLE001
        raise CheckFailed(f"the store ({store.description}) cannot be read: {exc}") from exc
    finally:
        await store.close()
    return store.description


async def check_redis(settings: Settings) -> str:
    """Where Redis is, once it answered PING; raises CheckFailed when it does not."""
    from bot.shared_state.factory import SharedStateError, open_shared_state

    try:
        state = await open_shared_state(settings, store=None)
    except SharedStateError as exc:
        raise CheckFailed(str(exc)) from exc
    await state.close()
    return without_password(settings.redis.url)


async def check_workers(settings: Settings) -> int:
    """How many digest workers are alive on the queue; raises CheckFailed when none is."""
    from bot.workers import jobs

    queue = jobs.open_queue(settings.redis.url)
    try:
        workers = len((await queue.info())["workers"])
    except Exception as exc:  # noqa: BLE001 - any failure to read the queue is the answer
        raise CheckFailed(f"the digest queue on Redis cannot be read: {exc}") from exc
    finally:
        await jobs.close_queue(queue)
    if workers == 0:
        raise CheckFailed("no digest worker is alive ([workers] mode = \"queue\"): start `python -m bot worker`")
    return workers


async def check_api(settings: Settings) -> str:
    """The bot user's name, asked of the API with the token; raises CheckFailed when that fails."""
    base = normalise_api_base(settings.discord.api_base) if settings.discord.api_base else DISCORD_API_BASE
    timeout = aiohttp.ClientTimeout(total=settings.discord.connect_timeout_seconds)
    headers = {"Authorization": f"Bot {settings.discord.token}"}
    try:
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(f"{base}/users/@me", headers=headers) as response:
            if response.status == 401:
                raise CheckFailed(f"the Discord API at {base} refused the token (DISCORD_TOKEN or [discord] token)")
            if response.status != 200:
                raise CheckFailed(f"the Discord API at {base} answered HTTP {response.status}")
            user = await response.json()
    except TimeoutError as exc:
        raise CheckFailed(f"no answer from the Discord API at {base} within {settings.discord.connect_timeout_seconds:g} s") from exc
    except (aiohttp.ClientError, OSError, ValueError) as exc:
        raise CheckFailed(f"the Discord API at {base} cannot be reached: {exc}") from exc
    return str(user.get("username", "?"))


async def check(settings: Settings) -> str:
    """What was checked, in one line; raises CheckFailed with the first problem found."""
    if not settings.discord.token:
        raise CheckFailed("no bot token: set DISCORD_TOKEN or [discord] token in the config file")
    found = [f"store ({await check_store(settings)}) readable"]
    if settings.redis.url:
        found.append(f"Redis ({await check_redis(settings)}) answering")
    if settings.workers.mode == "queue":
        found.append(f"{await check_workers(settings)} digest worker(s) alive")
    name = await check_api(settings)
    return f"ok: config valid, {', '.join(found)}, Discord API reached as {name}"


def check_service(settings: Settings) -> int:
    try:
        print(asyncio.run(check(settings)))
    except CheckFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
