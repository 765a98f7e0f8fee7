"""The shared state the settings ask for: in this process (no `[redis] url`), or on Redis."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.settings import Settings
from bot.shared_state.answered import AnsweredTriggers, LocalAnsweredTriggers, RedisAnsweredTriggers
from bot.shared_state.cache import DigestCache, RedisDigestCache, StoreDigestCache
from bot.shared_state.limits import Limiter, LocalLimiter, RedisLimiter

if TYPE_CHECKING:
    from bot.store.database import Store

log = logging.getLogger(__name__)


class SharedStateError(RuntimeError):
    """Redis is configured but cannot be reached at start."""


@dataclass
class SharedState:
    cache: DigestCache | None  # None: no store and no Redis, nothing cached
    limiter: Limiter
    answered: AnsweredTriggers
    redis: Any = None  # the redis.asyncio client, when there is one

    async def close(self) -> None:
        client, self.redis = self.redis, None
        if client is not None:
            await client.aclose()


def local_state(store: "Store | None") -> SharedState:
    """Everything in this process (the cache in the store), as a bot without Redis keeps it."""
    return SharedState(
        cache=StoreDigestCache(store) if store is not None else None,
        limiter=LocalLimiter(),
        answered=LocalAnsweredTriggers(store),
    )


async def open_shared_state(settings: Settings, store: "Store | None") -> SharedState:
    """The state `settings` ask for; with a Redis URL, checked with a PING so a wrong URL stops the start."""
    if not settings.redis.url:
        return local_state(store)
    import redis.asyncio as redis_asyncio  # only here: a bot without Redis never imports it
    from redis.exceptions import RedisError

    client = redis_asyncio.Redis.from_url(settings.redis.url, decode_responses=True, socket_timeout=5, socket_connect_timeout=5)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        raise SharedStateError(f"[redis] url: cannot reach Redis ({exc})") from exc
    errors = (RedisError, OSError)
    log.info("cache, cooldowns and answered triggers are shared on Redis")
    return SharedState(
        cache=RedisDigestCache(client, settings.store.cache_ttl_seconds, errors),
        limiter=RedisLimiter(client, errors),
        answered=RedisAnsweredTriggers(client, errors),
        redis=client,
    )
