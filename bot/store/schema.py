"""Numbered SQL migrations, applied in order when the store opens, for SQLite and PostgreSQL alike.

`schema_version` holds the numbers of the files applied. Each file runs in its own transaction
with its version row, so a file fails whole or lands whole, and under the database's migration
lock (`Database.locked_transaction`), so two processes starting together apply it once.

One list of files serves both databases: `0005_name.sql` is translated for PostgreSQL by the
dialect (64-bit integers, double precision), and where the SQL really differs a file
`0005_name.postgresql.sql` beside it is used instead. A store written before this table existed is
at version 0; `0001_initial.sql` recreates that release's tables only where missing, so its rows stay.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable

from bot.store.backends import Database, Dialect, Session

log = logging.getLogger(__name__)

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)(?:\.([a-z]+))?\.sql$")


class SchemaError(RuntimeError):
    """The store cannot be brought to this version's schema."""


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str
    dialect_sql: dict[str, str] = field(default_factory=dict)  # dialect name -> its own file's SQL

    def sql_for(self, dialect: Dialect) -> str:
        return self.dialect_sql.get(dialect.name) or dialect.ddl(self.sql)


def migrations(folder: Traversable | None = None) -> list[Migration]:
    """Every migration in `folder` (default: the ones shipped with the package), by number."""
    generic: dict[int, tuple[str, str]] = {}
    specific: dict[int, dict[str, str]] = {}
    for entry in (folder or resources.files("bot.store.migrations")).iterdir():
        match = _FILE_NAME.match(entry.name)
        if not match:
            continue
        number, dialect = int(match.group(1)), match.group(3)
        text = entry.read_text(encoding="utf-8")
        if dialect is None:
            generic[number] = (entry.name, text)
        else:
            specific.setdefault(number, {})[dialect] = text
    if set(specific) - set(generic):
        raise SchemaError(f"dialect files without a plain .sql beside them: {sorted(set(specific) - set(generic))}")
    found = [Migration(n, name, text, specific.get(n, {})) for n, (name, text) in sorted(generic.items())]
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise SchemaError(f"migrations must be numbered 1, 2, 3... without gaps; found {numbers}")
    return found


async def _current_version(session: Session) -> int:
    await session.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = await session.fetchone("SELECT MAX(version) FROM schema_version")
    return int(row[0]) if row and row[0] is not None else 0


async def schema_version(db: Database) -> int:
    async with db.locked_transaction() as session:
        return await _current_version(session)


async def migrate(db: Database, available: list[Migration] | None = None) -> int:
    """Apply every migration newer than the store's version; returns the version reached."""
    available = migrations() if available is None else available
    latest = available[-1].number if available else 0
    while True:
        async with db.locked_transaction() as session:  # re-read under the lock: another process may have migrated
            current = await _current_version(session)
            if current > latest:
                raise SchemaError(
                    f"the store was written by a newer version of the bot (schema {current}, this one knows {latest})"
                )
            pending = next((m for m in available if m.number > current), None)
            if pending is None:
                return current
            try:
                await session.run_script(pending.sql_for(db.dialect))
                await session.execute("INSERT INTO schema_version (version) VALUES (?)", (pending.number,))
            except Exception as exc:  # the transaction rolls back: the file lands whole or not at all
                raise SchemaError(f"migration {pending.name} failed: {' '.join(str(exc).split())}") from exc
        log.info("store schema upgraded to %d (%s) in the %s", pending.number, pending.name, db.description)
