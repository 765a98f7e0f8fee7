"""Numbered SQL migrations, applied in order when the store opens.

`schema_version` holds the number of the last file applied. Each file runs in
its own transaction with the version bump, so a file fails whole or lands whole.
A store written before this table existed is at version 0; `0001_initial.sql`
recreates that release's tables only where missing, so its rows stay.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources

import aiosqlite

log = logging.getLogger(__name__)

_FILE_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class SchemaError(RuntimeError):
    """The store cannot be brought to this version's schema."""


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with the package, by number."""
    found = []
    for entry in resources.files("bot.store.migrations").iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise SchemaError(f"migrations must be numbered 1, 2, 3... without gaps; found {numbers}")
    return found


async def schema_version(db: aiosqlite.Connection) -> int:
    await db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    async with db.execute("SELECT MAX(version) FROM schema_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


async def migrate(db: aiosqlite.Connection, available: list[Migration] | None = None) -> int:
    """Apply every migration newer than the file's version; returns the version reached."""
    available = migrations() if available is None else available
    current = await schema_version(db)
    await db.commit()
    latest = available[-1].number if available else 0
    if current > latest:
        raise SchemaError(f"the store was written by a newer version of the bot (schema {current}, this one knows {latest})")
    for migration in available:
        if migration.number <= current:
            continue
        try:
            await db.executescript(
                f"BEGIN;\n{migration.sql}\n;INSERT INTO schema_version (version) VALUES ({migration.number});\nCOMMIT;"
            )
        except Exception as exc:
            await db.rollback()
            raise SchemaError(f"migration {migration.name} failed: {exc}") from exc
        log.info("store schema upgraded to %d (%s)", migration.number, migration.name)
        current = migration.number
    return current
