"""Where the store lives: a SQLite file (aiosqlite) or PostgreSQL (psycopg 3's async connection pool).

The store's queries are written once, with `?` placeholders and `INSERT ... ON CONFLICT`, which
both databases understand; a `Dialect` holds what differs (the placeholder, a few column types in
migrations). Both backends run every statement in autocommit; `locked_transaction` is the one
explicit transaction, for migrations, and holds a lock so that two processes starting together
never apply the same migration twice. psycopg is imported only when the URL names PostgreSQL, so
the default needs nothing but Python.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from abc import ABC, abstractmethod
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Sequence
from urllib.parse import urlsplit, urlunsplit

import aiosqlite

Row = tuple[Any, ...]
Params = Sequence[Any]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"
POOL_MAX_CONNECTIONS = 8  # per process; a handful of shard processes stays far below PostgreSQL's default 100
CONNECT_TIMEOUT_SECONDS = 10
POOL_WAIT_SECONDS = 5.0  # for a connection of the pool: past it, the server is taken to be unreachable
# After the server was found unreachable, calls fail at once for this long before one tries again:
# a bot whose PostgreSQL is down keeps answering (cache misses, default settings) without a
# POOL_WAIT_SECONDS stall in every message it handles.
RETRY_UNREACHABLE_SECONDS = 10.0
MIGRATION_LOCK_KEY = 0x64696765  # pg_advisory_xact_lock key: "dige"


class StoreUnavailable(RuntimeError):
    """The store named by `[store] url` / `path` cannot be opened; the message says why in one line."""


@dataclass(frozen=True)
class Dialect:
    name: str
    placeholder: str
    tables_query: str  # the names of the store's tables
    # Whole words of migration SQL replaced for this database: SQLite's INTEGER holds 64 bits, PostgreSQL's 32.
    column_types: tuple[tuple[str, str], ...] = ()

    def query(self, sql: str) -> str:
        if self.placeholder == "?":
            return sql
        return sql.replace("%", "%%").replace("?", self.placeholder)

    def ddl(self, sql: str) -> str:
        for word, replacement in self.column_types:
            sql = re.sub(rf"\b{word}\b", replacement, sql)
        return sql


SQLITE = Dialect("sqlite", "?", "SELECT name FROM sqlite_master WHERE type = 'table'")
POSTGRESQL = Dialect(
    "postgresql", "%s", "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    (("INTEGER", "BIGINT"), ("REAL", "DOUBLE PRECISION"), ("BLOB", "BYTEA")),
)


class Session(ABC):
    """Statements on one database: `?` placeholders, rows as tuples."""

    dialect: Dialect

    @abstractmethod
    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; the number of rows it changed."""

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...

    @abstractmethod
    async def run_script(self, sql: str) -> None:
        """Run a migration file (several statements, no parameters)."""

    async def tables(self) -> set[str]:
        return {str(row[0]) for row in await self.fetchall(self.dialect.tables_query)}


class Database(Session):
    description: str  # where it is, without a password, for logs and error messages

    @abstractmethod
    def locked_transaction(self) -> Any:
        """`async with db.locked_transaction() as session:` one transaction, one process at a time."""

    @abstractmethod
    async def close(self) -> None: ...


def sqlite_statements(script: str) -> list[str]:
    """A script's statements, split where SQLite says one is complete (semicolons in strings are safe)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if any(line.strip() and not line.strip().startswith("--") for line in buffer.splitlines()):
        statements.append(buffer.strip())  # the last statement may lack its semicolon
    return statements


SQLITE_BUSY_SECONDS = 30.0


async def _use_write_ahead_log(connection: aiosqlite.Connection) -> None:
    """Switch the file to WAL once, waiting while another process opening it at the same time holds it.

    SQLite answers a journal-mode switch "database is locked" at once, without its busy handler,
    when another connection has the file open: several processes starting on a new file together
    would fail. Retry within the busy timeout instead.
    """
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    pause = 0.01
    while True:
        try:
            async with connection.execute("PRAGMA journal_mode") as cursor:
                mode = await cursor.fetchone()
            if mode is not None and str(mode[0]).lower() == "wal":
                return
            await connection.execute("PRAGMA journal_mode=WAL")  # an in-memory database keeps "memory"
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        if time.monotonic() >= deadline:
            raise sqlite3.OperationalError("database is locked (journal mode not switched to WAL)")
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.2)


class SqliteDatabase(Database):
    dialect = SQLITE

    def __init__(self, connection: aiosqlite.Connection, description: str) -> None:
        self._connection = connection
        self.description = description

    @classmethod
    async def open(cls, path: str) -> SqliteDatabase:
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: autocommit, like the PostgreSQL backend; migrations BEGIN themselves.
            # A generous busy timeout: another process may hold the write lock while it migrates.
            connection = await aiosqlite.connect(path, isolation_level=None, timeout=SQLITE_BUSY_SECONDS)
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"the SQLite file {path} cannot be opened: {exc}") from exc
        try:
            # Write-ahead log, synced at checkpoints: a write costs no fsync of its own (tens of times
            # cheaper here, bench.store_speed); a power cut may lose the last writes, never the file.
            # The mode is kept in the file: switch only once (the switch needs the file to itself).
            await _use_write_ahead_log(connection)
            await connection.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:  # e.g. "file is not a database"
            await connection.close()
            raise StoreUnavailable(f"the SQLite file {path} cannot be opened: {exc}") from exc
        return cls(connection, f"SQLite file {path}")

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._connection.execute(sql, params) as cursor:
            return cursor.rowcount

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self._connection.execute(sql, params) as cursor:
            row = await cursor.fetchone()
        return None if row is None else tuple(row)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self._connection.execute(sql, params) as cursor:
            return [tuple(row) for row in await cursor.fetchall()]

    async def run_script(self, sql: str) -> None:
        # Statement by statement: executescript would commit the open transaction first.
        for statement in sqlite_statements(sql):
            await self.execute(statement)

    @asynccontextmanager
    async def locked_transaction(self) -> AsyncIterator[SqliteDatabase]:
        await self.execute("BEGIN IMMEDIATE")  # the file's write lock: another process waits here
        try:
            yield self
        except BaseException:
            await self.execute("ROLLBACK")
            raise
        await self.execute("COMMIT")

    async def close(self) -> None:
        await self._connection.close()


class PostgresSession(Session):
    """Statements on one connection of the pool."""

    dialect = POSTGRESQL

    def __init__(self, connection: Any) -> None:
        self.connection = connection  # a psycopg AsyncConnection

    async def execute(self, sql: str, params: Params = ()) -> int:
        cursor = await self.connection.execute(self.dialect.query(sql), params)
        return int(cursor.rowcount)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        cursor = await self.connection.execute(self.dialect.query(sql), params)
        row = await cursor.fetchone()
        return None if row is None else tuple(row)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        cursor = await self.connection.execute(self.dialect.query(sql), params)
        return [tuple(row) for row in await cursor.fetchall()]

    async def run_script(self, sql: str) -> None:
        await self.connection.execute(sql)  # no parameters: psycopg sends several statements at once


class PostgresDatabase(Database):
    dialect = POSTGRESQL

    retry_unreachable_seconds = RETRY_UNREACHABLE_SECONDS

    def __init__(self, pool: Any, description: str, connection_errors: type[Exception]) -> None:
        self._pool = pool
        self.description = description
        self._connection_errors = connection_errors  # psycopg.OperationalError: server gone, pool timed out
        self._unreachable: tuple[float, str] | None = None  # when the server was last found gone, and why

    @classmethod
    async def open(cls, url: str) -> PostgresDatabase:
        description = f"PostgreSQL at {without_password(url)}"
        try:
            import psycopg
            from psycopg_pool import AsyncConnectionPool
        except ImportError as exc:
            raise StoreUnavailable(
                f"[store] url names PostgreSQL, which needs psycopg: pip install 'psycopg[binary]' psycopg-pool ({exc})"
            ) from exc
        try:
            # One plain connection first: the pool would only say it timed out, this says why.
            probe = await psycopg.AsyncConnection.connect(url, connect_timeout=CONNECT_TIMEOUT_SECONDS)
            await probe.close()
        except (psycopg.Error, ValueError) as exc:
            raise StoreUnavailable(f"{description} cannot be reached: {one_line(exc)}") from exc
        pool = AsyncConnectionPool(
            url, min_size=1, max_size=POOL_MAX_CONNECTIONS, open=False,
            kwargs={"autocommit": True}, name="store", timeout=POOL_WAIT_SECONDS,
            check=AsyncConnectionPool.check_connection,  # a connection cut by a server restart is replaced, not used
        )
        await pool.open(wait=True, timeout=CONNECT_TIMEOUT_SECONDS)
        return cls(pool, description, psycopg.OperationalError)

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[PostgresSession]:
        """A connection of the pool; the server being unreachable becomes StoreUnavailable, in one line.

        Once unreachable, it stays so without asking the pool for `retry_unreachable_seconds`."""
        if self._unreachable is not None:
            since, reason = self._unreachable
            if time.monotonic() - since < self.retry_unreachable_seconds:
                raise StoreUnavailable(f"{self.description} is unreachable: {reason} (next try within {self.retry_unreachable_seconds:g} s)")
        try:
            async with self._pool.connection() as connection:
                yield PostgresSession(connection)
        except self._connection_errors as exc:
            self._unreachable = (time.monotonic(), one_line(exc))
            raise StoreUnavailable(f"{self.description} is unreachable: {one_line(exc)}") from exc
        self._unreachable = None

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._session() as session:
            return await session.execute(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self._session() as session:
            return await session.fetchone(sql, params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self._session() as session:
            return await session.fetchall(sql, params)

    async def run_script(self, sql: str) -> None:
        async with self._session() as session:
            await session.run_script(sql)

    @asynccontextmanager
    async def locked_transaction(self) -> AsyncIterator[PostgresSession]:
        async with self._session() as session, session.connection.transaction():
            # Held until the transaction ends: a second process starting now waits, then sees the new version.
            await session.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))
            yield session

    async def close(self) -> None:
        await self._pool.close()


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def without_password(url: str) -> str:
    """The URL with its password replaced by ***, fit for a log line."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


async def open_database(target: str | Path) -> Database:
    """The database `target` names: a postgresql:// URL, a sqlite:///file URL, or a plain file path."""
    if isinstance(target, Path):
        return await SqliteDatabase.open(str(target))
    if target.startswith(POSTGRES_SCHEMES):
        return await PostgresDatabase.open(target)
    if target.startswith(SQLITE_SCHEME):
        return await SqliteDatabase.open(target[len(SQLITE_SCHEME):])  # sqlite:////abs/path keeps its slash
    if "://" in target:
        raise StoreUnavailable(f"the store URL must start with {SQLITE_SCHEME} or postgresql:// (got {without_password(target)})")
    return await SqliteDatabase.open(target)
