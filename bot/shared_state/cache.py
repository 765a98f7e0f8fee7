"""The digest cache: a digest by canonical URL and options variant, kept for `[store] cache_ttl_seconds`.

Without Redis the store's table is the cache (as before); with Redis every bot process
reads and writes one Redis, so a digest made by one is served by the others without a
second fetch. Both keep the store's encoding (bot/store/digest_codec.py); the variant
names the options and `models_version()` (`cache_variant`), so a retrained model never
serves the old model's digests.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any, Protocol

from bot.digest.models import Digest
from bot.shared_state import KEY_PREFIX
from bot.store.digest_codec import digest_from_text, digest_to_text

if TYPE_CHECKING:
    from bot.store.database import Store

log = logging.getLogger(__name__)


class DigestCache(Protocol):
    async def get(self, url: str, variant: str) -> Digest | None:
        """The cached digest, its time to live restarted; None when there is none (or it expired)."""
        ...

    async def put(self, url: str, variant: str, digest: Digest) -> None: ...


class StoreDigestCache:
    """The store's digest table (SQLite, or PostgreSQL when `[store] url` says so)."""

    def __init__(self, store: "Store") -> None:
        self.store = store

    async def get(self, url: str, variant: str) -> Digest | None:
        cached = await self.store.get_digest(url, variant)
        if cached is not None:
            await self.store.refresh_digest(url, variant)
        return cached

    async def put(self, url: str, variant: str, digest: Digest) -> None:
        await self.store.put_digest(url, variant, digest)


class RedisDigestCache:
    """One Redis string a digest: `SET key text EX ttl`; a hit restarts the TTL (`GETEX`)."""

    def __init__(self, client: Any, ttl_seconds: int, errors: tuple[type[BaseException], ...]) -> None:
        self.client = client  # a redis.asyncio.Redis that decodes responses
        self.ttl_seconds = max(1, int(ttl_seconds))
        self._errors = errors  # Redis being unreachable is a cache miss, never a failed digest

    @staticmethod
    def key(url: str, variant: str) -> str:
        return f"{KEY_PREFIX}digest:{variant}:{url}"

    async def get(self, url: str, variant: str) -> Digest | None:
        key = self.key(url, variant)
        try:
            text = await self.client.getex(key, ex=self.ttl_seconds)
        except self._errors as exc:
            log.warning("digest cache unreachable (%s); digesting %s anew", exc, url)
            return None
        if text is None:
            return None
        try:
            return digest_from_text(text)
        except (ValueError, TypeError, KeyError):
            log.warning("dropping an unreadable cache entry for %s", url)
            with contextlib.suppress(*self._errors):
                await self.client.delete(key)
            return None

    async def put(self, url: str, variant: str, digest: Digest) -> None:
        try:
            await self.client.set(self.key(url, variant), digest_to_text(digest), ex=self.ttl_seconds)
        except self._errors as exc:
            log.warning("digest cache unreachable (%s); %s not cached", exc, url)
