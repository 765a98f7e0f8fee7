"""Copy every row of one store into another, e.g. the SQLite file into PostgreSQL when the bot starts to shard.

    python -m bot.store.copy sqlite:///digest-bot.sqlite3 postgresql://bot:secret@db:5432/bot

Both stores are opened and brought to this version's schema first, as the bot would. Rows the
target already holds (same key) are kept, so a second run copies nothing twice. Stop the bot first.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.store.backends import StoreUnavailable, open_database
from bot.store.schema import SchemaError, migrate

async def copy_store(source: str | Path, target: str | Path) -> dict[str, int]:
    """Rows added to each table of `target` (the version table excepted)."""
    origin = await open_database(source)
    try:
        destination = await open_database(target)
        try:
            await migrate(origin)
            await migrate(destination)
            copied: dict[str, int] = {}
            async with destination.locked_transaction() as session:  # all or nothing, and no bot migrating meanwhile
                for table in sorted(await origin.tables() - {"schema_version"}):
                    rows = await origin.fetchall(f"SELECT * FROM {table}")  # same migrations: same column order
                    added = 0
                    for row in rows:
                        marks = ", ".join("?" * len(row))
                        added += await session.execute(f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT DO NOTHING", row)
                    copied[table] = added
            return copied
        finally:
            await destination.close()
    finally:
        await origin.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.store.copy", description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="the store to read: a file path, sqlite:///file or postgresql://...")
    parser.add_argument("target", help="the store to add its rows to")
    options = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        copied = asyncio.run(copy_store(options.source, options.target))
    except (StoreUnavailable, SchemaError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for table, added in copied.items():
        print(f"{table}: {added} rows copied")
    return 0


if __name__ == "__main__":
    sys.exit(main())
