"""Turn a request from Discord (a link, pasted text, a file) into a digest.

Links are fetched on the event loop (I/O); extraction and summarization run in
the worker pool. Digests of links are cached by canonical URL. A request that
finds every worker busy waits in a bounded queue; past the bound it is refused
with `Busy`, which the cogs answer, so nothing is dropped silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import AsyncIterator, Literal, Sequence

import aiohttp

from bot.digest.conversation import ChatMessage, ConversationDigest, digest_conversation
from bot.digest.fetch.fetcher import fetch_page
from bot.digest.fetch.guarded_session import open_fetch_session
from bot.digest.fetch.url_canon import canonical_url
from bot.digest.model_files import models_version
from bot.digest.models import Digest, DigestError
from bot.digest.pipeline import DigestOptions, digest_document
from bot.digest.sources import RawDocument, document_from_page, document_from_text
from bot.discord_app.worker_pool import Busy, DigestWorkers
from bot.settings import Settings
from bot.shared_state.cache import DigestCache, StoreDigestCache
from bot.store.database import Store

log = logging.getLogger(__name__)


BUSY = "🕒 I'm busy with other digests right now; please try again in a minute."


@dataclass(frozen=True)
class DigestRequest:
    """What a user asked to digest."""

    kind: Literal["link", "text", "file"]
    value: str  # the link, or the text itself
    label: str  # how the source is named to the user: the link, "message.txt", "pasted text"
    file_kind: Literal["html", "text", "pdf"] | None = None  # for files: known from the suffix
    data: bytes | None = None  # a PDF attachment's bytes


def cache_variant(options: DigestOptions) -> str:
    """The part of a cached digest's key beside its URL: the options, and the models that made it,
    so a retrained model never serves digests of the old one."""
    return f"sentences={options.sentences or 'auto'};lang={options.language or 'auto'};models={models_version()}"


class DigestService:
    def __init__(self, settings: Settings, pool: DigestWorkers, store: Store | None, cache: DigestCache | None = None) -> None:
        self.settings = settings
        self.pool = pool
        self.store = store
        # Redis's when `[redis] url` is set (bot/shared_state/factory.py); else the store's table.
        self.cache = cache if cache is not None else (StoreDigestCache(store) if store is not None else None)
        self._slots = asyncio.Semaphore(pool.capacity)
        self._waiting = 0
        self._session: aiohttp.ClientSession | None = None

    def start(self) -> None:
        """Open the one fetch session every link shares (connection limits, the address guard)."""
        if self._session is None:
            self._session = open_fetch_session(self.settings.fetch)

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def fetch(self, url: str) -> RawDocument:
        return document_from_page(url, await fetch_page(url, self.settings.fetch, self._session))

    @property
    def queue_full(self) -> bool:
        return self._slots.locked() and self._waiting >= self.settings.discord.queue_limit

    async def digest(self, request: DigestRequest, options: DigestOptions = DigestOptions(), fresh: bool = False) -> Digest:
        """The digest of a request; a failure comes back in `Digest.error`. Raises `Busy`.

        `fresh`: fetch a link again even when its digest is cached (the Refresh button)."""
        if self.queue_full:
            raise Busy()
        if request.kind == "link":
            return await self._digest_link(request.value, options, fresh)
        if request.kind == "file" and request.file_kind is not None:
            document = RawDocument(source=request.label, text=request.value, kind=request.file_kind, data=request.data)
        else:
            document = document_from_text(request.value, source=request.label)
        return await self._run(document, options)

    async def _digest_link(self, url: str, options: DigestOptions, fresh: bool = False) -> Digest:
        key = canonical_url(url)
        variant = cache_variant(options)
        if self.cache is not None and not fresh:
            cached = await self.cache.get(key, variant)
            if cached is not None:
                log.info("digest of %s served from the cache", key)
                return cached
        try:
            document = await self.fetch(url)
        except DigestError as exc:
            return Digest(source=url, error=str(exc))
        digest = await self._run(document, options)
        if self.cache is not None and digest.error is None:
            await self.cache.put(key, variant, digest)
        return digest

    async def conversation(self, messages: Sequence[ChatMessage], count: int | None = None) -> ConversationDigest:
        """The digest of a conversation, in a worker like any digest. Raises `Busy`."""
        async with self._slot():
            return await self.pool.run_timed(
                self.settings.workers.digest_timeout_seconds,
                digest_conversation, list(messages), self.settings.digest, count,
            )

    @contextlib.asynccontextmanager
    async def _slot(self) -> AsyncIterator[None]:
        """A worker's turn, waiting in the bounded queue; `Busy` when it is full."""
        if self.queue_full:
            raise Busy()
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            yield
        finally:
            self._slots.release()

    async def _run(self, document: RawDocument, options: DigestOptions) -> Digest:
        async with self._slot():
            return await self._digest_in_worker(document, options)

    async def _digest_in_worker(self, document: RawDocument, options: DigestOptions) -> Digest:
        try:
            return await self.pool.run_timed(
                self.settings.workers.digest_timeout_seconds, digest_document, document, self.settings.digest, options
            )
        except Busy:
            raise  # queue mode: no worker alive, or the shared queue is full; the cogs answer it
        except TimeoutError:
            log.warning("digest of %s took over %s s", document.source, self.settings.workers.digest_timeout_seconds)
            return Digest(source=document.source, error="Reading this took too long; try a shorter text.")
        except Exception:
            log.exception("the worker pool failed on %s", document.source)
            return Digest(source=document.source, error="Something went wrong while reading this article; please try again.")
