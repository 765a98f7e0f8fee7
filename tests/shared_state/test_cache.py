"""The digest cache: shared between processes on Redis, with its TTL; the store's table without Redis."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.digest.model_files import models_version
from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats
from bot.digest.pipeline import DigestOptions
from bot.discord_app.digest_service import cache_variant
from bot.shared_state.cache import RedisDigestCache, StoreDigestCache
from bot.shared_state.factory import SharedState
from bot.store.database import Store
from tests.shared_state.conftest import CACHE_TTL_SECONDS

URL = "https://news.example/2026/syria"
DIGEST = Digest(
    source=URL,
    title="3 top Syrian officers defect",
    summary=[MarkedSentence("Three officers crossed the border, officials said.", 0, Hedge("attribution", ("officials said",)))],
    figures=[Figure(text="Three", value=3.0, counts="officers", approximate=False, sentence=0)],
    stats=Stats(words_in=420, words_out=12),
)


async def test_a_digest_cached_by_one_process_is_served_by_another(two_processes: tuple[SharedState, SharedState], redis_client) -> None:
    first, second = two_processes
    variant = cache_variant(DigestOptions())
    assert first.cache is not None and second.cache is not None
    assert await second.cache.get(URL, variant) is None
    await first.cache.put(URL, variant, DIGEST)
    served = await second.cache.get(URL, variant)
    assert served is not None and served.to_json() == DIGEST.to_json()
    assert await second.cache.get(URL, cache_variant(DigestOptions(sentences=5))) is None  # other options: another entry


async def test_entries_expire_and_a_hit_restarts_the_ttl(two_processes: tuple[SharedState, SharedState], redis_client) -> None:
    first, second = two_processes
    variant = cache_variant(DigestOptions())
    await first.cache.put(URL, variant, DIGEST)  # type: ignore[union-attr]
    [key] = await redis_client.keys("digest-bot:digest:*")
    assert models_version() in key and key.endswith(URL)  # a retrained model never reads the old model's digests
    assert 0 < await redis_client.ttl(key) <= CACHE_TTL_SECONDS
    await redis_client.expire(key, 5)
    assert await second.cache.get(URL, variant) is not None  # type: ignore[union-attr]
    assert await redis_client.ttl(key) > 5
    await redis_client.pexpire(key, 1)
    await asyncio.sleep(0.05)
    assert await second.cache.get(URL, variant) is None  # type: ignore[union-attr]


async def test_an_unreadable_entry_is_a_miss_and_is_dropped(two_processes: tuple[SharedState, SharedState], redis_client) -> None:
    first, _ = two_processes
    variant = cache_variant(DigestOptions())
    await redis_client.set(RedisDigestCache.key(URL, variant), "{not json", ex=60)
    assert await first.cache.get(URL, variant) is None  # type: ignore[union-attr]
    assert await redis_client.exists(RedisDigestCache.key(URL, variant)) == 0


async def test_without_redis_the_cache_is_the_store(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "bot.sqlite3")
    try:
        cache = StoreDigestCache(store)
        variant = cache_variant(DigestOptions())
        await cache.put(URL, variant, DIGEST)
        served = await StoreDigestCache(store).get(URL, variant)
        assert served is not None and served.to_json() == DIGEST.to_json()
        assert await store.get_digest(URL, variant) is not None
    finally:
        await store.close()
