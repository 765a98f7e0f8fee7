"""Numbered migrations on both backends: a new store, files written by earlier releases, failures, concurrent starts."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.store.backends import POSTGRESQL, SQLITE, open_database
from bot.store.database import DigestSource, Store
from bot.store.schema import Migration, SchemaError, migrate, migrations, schema_version

DATA = Path(__file__).parent / "data"
# Written by the release before migrations (commit 911d4bc's Store), with a few rows in every table.
FIRST_RELEASE_FILE = DATA / "release-0.1.sqlite3"
# Written by the release before [store] url (commit ccca36d, schema 4), rows in every table: make_release_ccca36d.py.
SQLITE_ONLY_RELEASE_FILE = DATA / "release-ccca36d.sqlite3"
SNOWFLAKE = 1_180_000_000_000_000_000


def sqlite_columns(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: [row[1] for row in db.execute(f"PRAGMA table_info({name})")] for name in names}


def sqlite_rows(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """The rows of these tables, these columns only (a later migration may add columns)."""
    with sqlite3.connect(path) as db:
        return {
            name: sorted(db.execute(f"SELECT {', '.join(wanted)} FROM {name}").fetchall(), key=repr)
            for name, wanted in columns.items()
        }


def test_migrations_are_numbered_without_gaps() -> None:
    found = migrations()
    assert [m.number for m in found] == list(range(1, len(found) + 1))
    assert found[0].name == "0001_initial.sql"


def test_postgresql_gets_64_bit_ids_and_double_precision_times() -> None:
    initial = migrations()[0]
    assert "guild_id BIGINT NOT NULL" in initial.sql_for(POSTGRESQL)
    assert "updated_at DOUBLE PRECISION NOT NULL" in initial.sql_for(POSTGRESQL)
    assert initial.sql_for(SQLITE) == initial.sql
    own = Migration(9, "0009_x.sql", "CREATE TABLE x (a INTEGER);", {"postgresql": "CREATE TABLE x (a SMALLINT);"})
    assert own.sql_for(POSTGRESQL) == "CREATE TABLE x (a SMALLINT);"  # a dialect's own file wins over translation
    assert own.sql_for(SQLITE) == own.sql


async def test_a_new_store_gets_every_migration(store_target: str) -> None:
    store = await Store.open(store_target)
    await store.close()
    db = await open_database(store_target)
    try:
        assert await schema_version(db) == migrations()[-1].number
        expected = {"meta", "unfurl_settings", "digest_cache", "user_opt_out", "reaction_answers", "digest_messages"}
        assert expected <= await db.tables()
        rows = await db.fetchall("SELECT version FROM schema_version ORDER BY version")
        assert [row[0] for row in rows] == [m.number for m in migrations()]
    finally:
        await db.close()


async def test_postgresql_columns_hold_snowflakes(postgres_url: str) -> None:
    store = await Store.open(postgres_url)
    await store.close()
    db = await open_database(postgres_url)
    try:
        rows = await db.fetchall(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'unfurl_settings'"
        )
    finally:
        await db.close()
    assert dict(rows) == {
        "guild_id": "bigint", "channel_id": "bigint", "enabled": "bigint",
        "updated_by": "bigint", "updated_at": "double precision",
    }


async def test_concurrent_starts_apply_each_migration_once(store_target: str) -> None:
    stores = await asyncio.gather(*(Store.open(store_target) for _ in range(4)))  # four processes starting together
    for store in stores:
        await store.close()
    db = await open_database(store_target)
    try:
        rows = await db.fetchall("SELECT version FROM schema_version ORDER BY version")
    finally:
        await db.close()
    assert [row[0] for row in rows] == [m.number for m in migrations()]


async def test_a_store_at_an_older_schema_upgrades_with_its_rows(store_target: str) -> None:
    db = await open_database(store_target)
    try:
        assert await migrate(db, migrations()[:2]) == 2  # the release with opt-outs, before reaction answers
        await db.execute("INSERT INTO user_opt_out (user_id, opted_out_at) VALUES (?, ?)", (SNOWFLAKE, 1.5))
        await db.execute(
            "INSERT INTO unfurl_settings (guild_id, channel_id, enabled, updated_at) VALUES (?, ?, ?, ?)",
            (SNOWFLAKE + 1, 0, 1, 2.5),
        )
    finally:
        await db.close()
    store = await Store.open(store_target)
    try:
        assert await store.is_opted_out(SNOWFLAKE)
        assert await store.unfurl_settings(SNOWFLAKE + 1) == {None: True}
        assert await store.claim_reaction_answer(SNOWFLAKE + 2) is True  # the tables of 0003 and 0004 are there
        await store.remember_source(SNOWFLAKE + 3, DigestSource("text", "t", "text"))
    finally:
        await store.close()


async def test_a_failing_migration_changes_nothing(store_target: str) -> None:
    broken = [*migrations(), Migration(len(migrations()) + 1, "9999_broken.sql", "CREATE TABLE extra (x INTEGER);\nNOT SQL;")]
    db = await open_database(store_target)
    try:
        with pytest.raises(SchemaError, match="9999_broken.sql"):
            await migrate(db, broken)
        assert await schema_version(db) == len(migrations())
        assert "extra" not in await db.tables()
    finally:
        await db.close()


async def test_a_store_from_a_newer_version_is_refused(store_target: str) -> None:
    db = await open_database(store_target)
    try:
        await migrate(db)
        await db.execute("INSERT INTO schema_version (version) VALUES (999)")
    finally:
        await db.close()
    with pytest.raises(SchemaError, match="newer version"):
        await Store.open(store_target)


async def test_the_first_releases_file_is_upgraded_in_place_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    shutil.copy(FIRST_RELEASE_FILE, path)
    assert "schema_version" not in sqlite_columns(path)
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


async def test_the_sqlite_only_releases_file_opens_by_url_with_every_row_kept(tmp_path: Path) -> None:
    path = tmp_path / "digest-bot.sqlite3"
    shutil.copy(SQLITE_ONLY_RELEASE_FILE, path)
    old_columns = sqlite_columns(path)
    before = sqlite_rows(path, old_columns)
    assert all(before.values()), "the release file has rows in every table"
    written_at = 1_764_763_200.0
    store = await Store.open(f"sqlite:///{path}", cache_ttl_seconds=3600, clock=lambda: written_at + 60)
    try:
        guild, channel, user, message = SNOWFLAKE + 1, SNOWFLAKE + 2, SNOWFLAKE + 3, SNOWFLAKE + 4
        assert await store.unfurl_settings(guild) == {None: True, channel: False}
        assert await store.get_meta("app_commands_hash:1") == "abc"
        cached = await store.get_digest("https://example.org/a", "sentences=auto;lang=auto;models=old")
        assert cached is not None and cached.figures[0].value == 33000.0
        assert await store.is_opted_out(user)
        assert await store.claim_reaction_answer(message) is False  # answered by the old release: not again
        assert await store.source_of(message + 1) == DigestSource("file", "Some text of a file.", "notes.txt", "txt")
        assert await store.claim_refresh(message, 120) == 60.0  # the old release's refresh time still counts
    finally:
        await store.close()
    after = sqlite_rows(path, old_columns)
    assert after.pop("schema_version")[: len(before["schema_version"])] == before.pop("schema_version")
    assert after == before  # every row of the old release is there, unchanged


async def test_a_dialects_own_file_replaces_the_translation(tmp_path: Path, store_target: str) -> None:
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE first (id INTEGER PRIMARY KEY);\n")
    (tmp_path / "0002_second.sql").write_text("CREATE TABLE from_sqlite_file (x INTEGER);\n")
    (tmp_path / "0002_second.postgresql.sql").write_text("CREATE TABLE from_postgresql_file (x BIGINT);\n")
    (tmp_path / "notes.txt").write_text("not a migration")
    found = migrations(tmp_path)
    assert [(m.number, m.name, sorted(m.dialect_sql)) for m in found] == [
        (1, "0001_first.sql", []), (2, "0002_second.sql", ["postgresql"])
    ]
    db = await open_database(store_target)
    try:
        assert await migrate(db, found) == 2
        made = "from_postgresql_file" if db.dialect is POSTGRESQL else "from_sqlite_file"
        assert {"first", made} <= await db.tables()
    finally:
        await db.close()


def test_misnumbered_or_orphaned_migration_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "0001_first.sql").write_text("SELECT 1;")
    (tmp_path / "0003_third.sql").write_text("SELECT 1;")
    with pytest.raises(SchemaError, match="without gaps"):
        migrations(tmp_path)
    (tmp_path / "0003_third.sql").unlink()
    (tmp_path / "0002_second.postgresql.sql").write_text("SELECT 1;")
    with pytest.raises(SchemaError, match="without a plain .sql"):
        migrations(tmp_path)
