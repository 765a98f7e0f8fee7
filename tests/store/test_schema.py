"""Numbered migrations: a fresh file, a file written by the first release (no version table), failures."""

from __future__ import annotations

import shutil
from pathlib import Path

import aiosqlite
import pytest

from bot.store.database import Store
from bot.store.schema import Migration, SchemaError, migrate, migrations, schema_version

# Written by the release before migrations (commit 911d4bc's Store), with a few rows in every table.
RELEASE_FILE = Path(__file__).parent / "data" / "release-0.1.sqlite3"


async def tables(path: Path) -> set[str]:
    async with aiosqlite.connect(path) as db:
        async with db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
            return {row[0] for row in await cursor.fetchall()}


def test_migrations_are_numbered_without_gaps() -> None:
    found = migrations()
    assert [m.number for m in found] == list(range(1, len(found) + 1))
    assert found[0].name == "0001_initial.sql"


async def test_a_new_file_gets_every_migration(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "new.sqlite3")
    await store.close()
    async with aiosqlite.connect(tmp_path / "new.sqlite3") as db:
        assert await schema_version(db) == migrations()[-1].number
    assert {"meta", "unfurl_settings", "digest_cache", "user_opt_out"} <= await tables(tmp_path / "new.sqlite3")


async def test_the_first_releases_file_is_upgraded_in_place_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    shutil.copy(RELEASE_FILE, path)
    assert "schema_version" not in await tables(path)
    store = await Store.open(path, clock=lambda: 4102444800.0)
    try:
        assert await store.unfurl_settings(10) == {None: True, 11: False}
        assert await store.get_meta("app_commands_hash:1") == "abc"
        cached = await store.get_digest("https://example.org/a", "sentences=auto")
        assert cached is not None and cached.title == "3 top Syrian officers defect"
        await store.set_opted_out(5, True)  # the new table is there
        assert await store.is_opted_out(5)
    finally:
        await store.close()
    reopened = await Store.open(path, clock=lambda: 4102444800.0)  # a second start applies nothing twice
    try:
        assert await reopened.is_opted_out(5)
        assert await reopened.unfurl_settings(10) == {None: True, 11: False}
    finally:
        await reopened.close()


async def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    broken = [*migrations(), Migration(len(migrations()) + 1, "9999_broken.sql", "CREATE TABLE extra (x INTEGER);\nNOT SQL;")]
    async with aiosqlite.connect(tmp_path / "b.sqlite3") as db:
        with pytest.raises(SchemaError, match="9999_broken.sql"):
            await migrate(db, broken)
        assert await schema_version(db) == len(migrations())
        async with db.execute("SELECT name FROM sqlite_master WHERE name = 'extra'") as cursor:
            assert await cursor.fetchone() is None


async def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    async with aiosqlite.connect(path) as db:
        await migrate(db)
        await db.execute("INSERT INTO schema_version (version) VALUES (999)")
        await db.commit()
    with pytest.raises(SchemaError, match="newer version"):
        await Store.open(path)
