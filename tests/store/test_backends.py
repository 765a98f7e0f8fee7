"""Which database a target names, how its problems read, and the pieces both backends share."""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

import pytest

from bot.store.backends import (
    POOL_WAIT_SECONDS,
    POSTGRESQL,
    SQLITE,
    PostgresDatabase,
    SqliteDatabase,
    StoreUnavailable,
    open_database,
    sqlite_statements,
    without_password,
)
from bot.store.database import Store
from tests.helpers.servers import PostgresServer
from tests.store.test_database import sample_digest


async def test_a_path_or_a_sqlite_url_opens_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for target, made in [
        ("relative.sqlite3", tmp_path / "relative.sqlite3"),
        ("sqlite:///sub/by-url.sqlite3", tmp_path / "sub" / "by-url.sqlite3"),
        (f"sqlite:///{tmp_path / 'absolute.sqlite3'}", tmp_path / "absolute.sqlite3"),
        (tmp_path / "a-path.sqlite3", tmp_path / "a-path.sqlite3"),
    ]:
        db = await open_database(target)
        try:
            assert isinstance(db, SqliteDatabase) and db.description.startswith("SQLite file ")
            assert db.description.endswith(made.name)
            await db.execute("CREATE TABLE t (x INTEGER)")
        finally:
            await db.close()
        assert made.exists()


async def test_a_postgresql_url_opens_postgresql(postgres_url: str) -> None:
    db = await open_database(postgres_url)
    try:
        assert isinstance(db, PostgresDatabase) and db.dialect is POSTGRESQL
        assert await db.fetchone("SELECT ? + 1, ?", (41, "100% sure")) == (42, "100% sure")
    finally:
        await db.close()


async def test_unreachable_or_unknown_stores_get_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreUnavailable, match=rf"PostgreSQL at postgresql://bot:\*\*\*@127.0.0.1:{port}/bot cannot be reached: .*refused") as failed:
        await Store.open(f"postgresql://bot:secret@127.0.0.1:{port}/bot")
    assert "secret" not in str(failed.value) and "\n" not in str(failed.value)
    with pytest.raises(StoreUnavailable, match="must start with sqlite:/// or postgresql://"):
        await Store.open("mysql://bot@127.0.0.1/bot")
    (tmp_path / "a-file").write_text("")
    with pytest.raises(StoreUnavailable, match="SQLite file .* cannot be opened"):
        await Store.open(tmp_path / "a-file" / "x.sqlite3")
    (tmp_path / "notes.txt").write_text("not a database, but long enough to have a header of its own " * 10)
    with pytest.raises(StoreUnavailable, match="SQLite file .*notes.txt cannot be opened: file is not a database"):
        await Store.open(tmp_path / "notes.txt")


async def test_the_sqlite_file_keeps_a_write_ahead_log(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "bot.sqlite3")
    try:
        assert await db.fetchone("PRAGMA journal_mode") == ("wal",)
        assert await db.fetchone("PRAGMA synchronous") == (1,)  # NORMAL
    finally:
        await db.close()


def test_passwords_stay_out_of_descriptions() -> None:
    assert without_password("postgresql://bot:s3cret@db:5432/bot") == "postgresql://bot:***@db:5432/bot"
    assert without_password("postgresql://bot@db/bot") == "postgresql://bot@db/bot"
    assert without_password("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


def test_one_query_text_serves_both_dialects() -> None:
    query = "SELECT x FROM t WHERE a = ? AND b LIKE '10%'"
    assert SQLITE.query(query) == query
    assert POSTGRESQL.query(query) == "SELECT x FROM t WHERE a = %s AND b LIKE '10%%'"
    assert POSTGRESQL.ddl("id INTEGER PRIMARY KEY, at REAL, body BLOB, integers_seen TEXT") == (
        "id BIGINT PRIMARY KEY, at DOUBLE PRECISION, body BYTEA, integers_seen TEXT"
    )


def test_sqlite_scripts_split_into_statements() -> None:
    script = "-- a comment; not a statement\nCREATE TABLE a (x TEXT DEFAULT ';');\nINSERT INTO a VALUES ('b;c');\n-- the end\n"
    assert sqlite_statements(script) == [
        "-- a comment; not a statement\nCREATE TABLE a (x TEXT DEFAULT ';');",
        "INSERT INTO a VALUES ('b;c');",
    ]
    assert sqlite_statements("CREATE TABLE b (x INTEGER)") == ["CREATE TABLE b (x INTEGER)"]


async def test_the_pool_replaces_connections_the_server_cut(postgres_url: str) -> None:
    store = await Store.open(postgres_url)
    admin = await open_database(postgres_url)
    try:
        await store.set_meta("k", "before")
        # What a PostgreSQL restart or a failover does to the pool's idle connections.
        await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()")
        assert await store.get_meta("k") == "before"
        await store.set_meta("k", "after")
        assert await store.get_meta("k") == "after"
    finally:
        await admin.close()
        await store.close()


async def test_a_postgresql_gone_mid_run_is_a_cache_miss_and_a_one_line_error(postgres_server: PostgresServer) -> None:
    server = PostgresServer()  # a server of its own to kill while the store is open (the fixture's skips where none is installed)
    try:
        server.start()
        store = await Store.open(server.url)
        try:
            await store.put_digest("https://example.org/a", "auto", sample_digest())
            assert server.process is not None
            server.process.kill()  # a crash: the store's connections break with no goodbye
            server.process.wait()
            started = time.monotonic()
            assert await store.get_digest("https://example.org/a", "auto") is None  # a miss: the digest is made anew
            await store.put_digest("https://example.org/a", "auto", sample_digest())  # lost, not raised
            assert await store.refresh_digest("https://example.org/a", "auto") is False
            with pytest.raises(StoreUnavailable, match=r"^PostgreSQL at postgresql://bot@127.0.0.1:\d+/bot is unreachable: ") as failed:
                await store.set_unfurl(1, None, True)
            assert "\n" not in str(failed.value)
            # Only the first call waited for the pool: the others were refused at once, saying when it tries again.
            assert "(next try within 10 s)" in str(failed.value)
            assert time.monotonic() - started < 2 * POOL_WAIT_SECONDS
            database = store._db
            assert isinstance(database, PostgresDatabase)
            database.retry_unreachable_seconds = 0.0  # the window over: the next call asks the pool again
            with pytest.raises(StoreUnavailable) as failed:
                await store.set_unfurl(1, None, True)
            assert "next try" not in str(failed.value)
        finally:
            await store.close()
    finally:
        server.stop()


async def test_without_psycopg_sqlite_works_and_postgresql_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if never installed: importing it raises ImportError
    monkeypatch.setitem(sys.modules, "psycopg_pool", None)
    store = await Store.open(tmp_path / "bot.sqlite3")
    try:
        await store.set_meta("k", "v")
        assert await store.get_meta("k") == "v"
    finally:
        await store.close()
    with pytest.raises(StoreUnavailable, match=r"needs psycopg: pip install 'psycopg\[binary\]' psycopg-pool"):
        await Store.open("postgresql://bot@127.0.0.1:5432/bot")
