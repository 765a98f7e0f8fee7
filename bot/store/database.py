"""The bot's state: auto-unfurl settings, members' opt-outs, the digest cache and a few facts the bot remembers.

One `Store` per bot process, opened in `setup_hook` and closed on shutdown, over the database
`[store] url` names (bot/store/backends.py): a SQLite file by default, or PostgreSQL shared by
every shard process. Each method is one statement (claims are one conditional write), so
processes sharing a database never hand one claim to two of them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from bot.digest.models import Digest
from bot.settings import StoreSettings
from bot.store.backends import Database, StoreUnavailable, open_database
from bot.store.digest_codec import digest_from_text, digest_to_text
from bot.store.schema import migrate

log = logging.getLogger(__name__)

GUILD_WIDE = 0  # channel_id stored for a guild-wide unfurl setting


@dataclass(frozen=True)
class DigestSource:
    """What a digest message was made from: a link, or a text or file's text."""

    kind: str
    value: str
    label: str
    file_kind: str | None = None


class Store:
    def __init__(self, database: Database, cache_ttl_seconds: float, clock: Callable[[], float]) -> None:
        self._db = database
        self.cache_ttl_seconds = cache_ttl_seconds
        self._clock = clock

    @property
    def description(self) -> str:
        return self._db.description

    @classmethod
    async def open(
        cls, target: str | Path, cache_ttl_seconds: float = 6 * 3600, clock: Callable[[], float] = time.time
    ) -> "Store":
        """Open (creating and migrating as needed) the store at a postgresql:// or sqlite:/// URL or a file path."""
        database = await open_database(target)
        try:
            await migrate(database)
        except Exception:
            await database.close()
            raise
        log.info("store opened: %s", database.description)
        return cls(database, cache_ttl_seconds, clock)

    @classmethod
    async def from_settings(cls, settings: StoreSettings) -> "Store":
        """The store the configuration names: `[store] url`, or the SQLite file at `[store] path` when it is empty."""
        return await cls.open(settings.url or settings.path, settings.cache_ttl_seconds)

    async def close(self) -> None:
        await self._db.close()

    # -- facts ---------------------------------------------------------------

    async def get_meta(self, key: str) -> str | None:
        row = await self._db.fetchone("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    async def set_meta(self, key: str, value: str) -> None:
        await self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- auto-unfurl -----------------------------------------------------------

    async def set_unfurl(self, guild_id: int, channel_id: int | None, enabled: bool | None, user_id: int | None = None) -> None:
        """Turn unfurling on or off for a channel (or the guild when `channel_id` is None); None forgets the setting."""
        channel = GUILD_WIDE if channel_id is None else channel_id
        if enabled is None:
            await self._db.execute("DELETE FROM unfurl_settings WHERE guild_id = ? AND channel_id = ?", (guild_id, channel))
        else:
            await self._db.execute(
                "INSERT INTO unfurl_settings (guild_id, channel_id, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(guild_id, channel_id) DO UPDATE SET enabled = excluded.enabled, "
                "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                (guild_id, channel, int(enabled), user_id, self._clock()),
            )

    async def unfurl_settings(self, guild_id: int) -> dict[int | None, bool]:
        """Every setting of a guild: channel id (None for guild-wide) -> on/off."""
        rows = await self._db.fetchall("SELECT channel_id, enabled FROM unfurl_settings WHERE guild_id = ?", (guild_id,))
        return {(None if row[0] == GUILD_WIDE else int(row[0])): bool(row[1]) for row in rows}

    async def unfurl_enabled(self, guild_id: int, channel_id: int, default: bool) -> bool:
        """The channel's own setting, else the guild's, else `default`."""
        settings = await self.unfurl_settings(guild_id)
        if channel_id in settings:
            return settings[channel_id]
        return settings.get(None, default)

    # -- digest cache ------------------------------------------------------------

    def _fresh_after(self) -> float:
        return self._clock() - self.cache_ttl_seconds

    async def get_digest(self, url: str, variant: str) -> Digest | None:
        """The cached digest of a canonical URL, if younger than the TTL (an unreachable store is a miss)."""
        try:
            row = await self._db.fetchone(
                "SELECT digest FROM digest_cache WHERE url = ? AND variant = ? AND stored_at > ?",
                (url, variant, self._fresh_after()),
            )
        except StoreUnavailable as exc:
            log.warning("digest cache unreadable (%s); digesting %s anew", exc, url)
            return None
        if row is None:
            return None
        try:
            return digest_from_text(row[0])
        except (ValueError, TypeError, KeyError):
            log.warning("dropping an unreadable cache entry for %s", url)
            await self.forget_digest(url, variant)
            return None

    async def put_digest(self, url: str, variant: str, digest: Digest) -> None:
        """Cache a digest; an unreachable store only loses the entry, never the digest the user waits for."""
        try:
            await self._db.execute(
                "INSERT INTO digest_cache (url, variant, digest, stored_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url, variant) DO UPDATE SET digest = excluded.digest, stored_at = excluded.stored_at",
                (url, variant, digest_to_text(digest), self._clock()),
            )
        except StoreUnavailable as exc:
            log.warning("digest of %s not cached: %s", url, exc)

    async def refresh_digest(self, url: str, variant: str) -> bool:
        """Restart the TTL of a fresh entry; False when there is none (or the store is unreachable)."""
        try:
            changed = await self._db.execute(
                "UPDATE digest_cache SET stored_at = ? WHERE url = ? AND variant = ? AND stored_at > ?",
                (self._clock(), url, variant, self._fresh_after()),
            )
        except StoreUnavailable as exc:
            log.warning("digest cache entry of %s not refreshed: %s", url, exc)
            return False
        return changed > 0

    async def forget_digest(self, url: str, variant: str) -> None:
        await self._db.execute("DELETE FROM digest_cache WHERE url = ? AND variant = ?", (url, variant))

    async def purge_expired(self) -> int:
        return await self._db.execute("DELETE FROM digest_cache WHERE stored_at <= ?", (self._fresh_after(),))

    # -- members' opt-out ----------------------------------------------------------

    async def set_opted_out(self, user_id: int, opted_out: bool) -> None:
        """Record a member's choice: True leaves their messages alone everywhere, False undoes it."""
        if opted_out:
            await self._db.execute(
                "INSERT INTO user_opt_out (user_id, opted_out_at) VALUES (?, ?) ON CONFLICT(user_id) DO NOTHING",
                (user_id, self._clock()),
            )
        else:
            await self._db.execute("DELETE FROM user_opt_out WHERE user_id = ?", (user_id,))

    async def opted_out(self, user_ids: Iterable[int]) -> set[int]:
        """Which of `user_ids` opted out."""
        wanted = sorted(set(user_ids))
        found: set[int] = set()
        for start in range(0, len(wanted), 500):  # SQLite limits the number of parameters
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._db.fetchall(f"SELECT user_id FROM user_opt_out WHERE user_id IN ({marks})", chunk)
            found.update(int(row[0]) for row in rows)
        return found

    async def is_opted_out(self, user_id: int) -> bool:
        return user_id in await self.opted_out([user_id])

    # -- reaction trigger -------------------------------------------------------------

    async def claim_reaction_answer(self, message_id: int) -> bool:
        """True for the first claim on a message (it gets the one digest reply); False after that."""
        inserted = await self._db.execute(
            "INSERT INTO reaction_answers (message_id, answered_at) VALUES (?, ?) ON CONFLICT(message_id) DO NOTHING",
            (message_id, self._clock()),
        )
        return inserted == 1

    async def release_reaction_answer(self, message_id: int) -> None:
        """Let a later reaction try again (the first was refused for now)."""
        await self._db.execute("DELETE FROM reaction_answers WHERE message_id = ?", (message_id,))

    async def purge_reaction_answers(self, older_than_seconds: float) -> int:
        """Forget the answers older than `older_than_seconds` (a reaction on such a message is answered again)."""
        return await self._db.execute(
            "DELETE FROM reaction_answers WHERE answered_at <= ?", (self._clock() - older_than_seconds,)
        )

    # -- digest messages (their buttons) -------------------------------------------------

    async def remember_source(self, message_id: int, source: DigestSource) -> None:
        await self._db.execute(
            "INSERT INTO digest_messages (message_id, kind, value, label, file_kind, stored_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(message_id) DO NOTHING",
            (message_id, source.kind, source.value, source.label, source.file_kind, self._clock()),
        )

    async def source_of(self, message_id: int) -> DigestSource | None:
        row = await self._db.fetchone(
            "SELECT kind, value, label, file_kind FROM digest_messages WHERE message_id = ?", (message_id,)
        )
        return None if row is None else DigestSource(str(row[0]), str(row[1]), str(row[2]), row[3])

    async def claim_refresh(self, message_id: int, interval_seconds: float) -> float:
        """0 when the digest may be refreshed now (and the time is recorded), else the seconds to wait."""
        now = self._clock()
        # One conditional write: of two processes claiming at once, exactly one changes the row.
        claimed = await self._db.execute(
            "UPDATE digest_messages SET refreshed_at = ? "
            "WHERE message_id = ? AND (refreshed_at IS NULL OR refreshed_at <= ?)",
            (now, message_id, now - interval_seconds),
        )
        if claimed:
            return 0.0
        row = await self._db.fetchone("SELECT refreshed_at FROM digest_messages WHERE message_id = ?", (message_id,))
        if row is None or row[0] is None:
            return 0.0  # no such digest message: nothing to limit
        return max(float(row[0]) + interval_seconds - now, 0.0)

    async def purge_sources(self, older_than_seconds: float) -> int:
        """Forget what old digest messages were made from (their buttons then say so)."""
        return await self._db.execute(
            "DELETE FROM digest_messages WHERE stored_at <= ?", (self._clock() - older_than_seconds,)
        )
