"""Fixtures shared by the whole suite."""

from __future__ import annotations

import itertools
import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.helpers.article_server import ArticleServer
from tests.helpers.pdf_maker import PdfServer
from tests.helpers.servers import PostgresServer, RedisServer, ServerUnavailable

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = REPO / "seeds" / "syrian-officers-defect.txt"
# Public benchmark data beside the project; tests that read it skip when it is absent.
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture
async def articles() -> AsyncIterator[ArticleServer]:
    """The loopback article server (tests/helpers/article_server.py), started for one test."""
    server = ArticleServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def pdf_server() -> AsyncIterator[PdfServer]:
    """The loopback server of the sample report as a PDF (tests/helpers/pdf_maker.py)."""
    server = PdfServer()
    await server.start()
    yield server
    await server.stop()


ServerT = TypeVar("ServerT", PostgresServer, RedisServer)


def _running(server: ServerT) -> Iterator[ServerT]:
    """Start `server` for the session. On CI the servers are installed by .ci/run, so a missing one
    is a failure there, and a skip elsewhere."""
    try:
        server.start()
    except ServerUnavailable as missing:
        if os.environ.get("CI"):
            pytest.fail(str(missing))
        pytest.skip(str(missing))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One private PostgreSQL for the whole run (tests/helpers/servers.py)."""
    yield from _running(PostgresServer())


_database_numbers = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a fresh, empty database on the private PostgreSQL, one per test."""
    return postgres_server.create_database(f"test_{os.getpid()}_{next(_database_numbers)}")


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One private Redis for the whole run (tests/helpers/servers.py)."""
    yield from _running(RedisServer())


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The private Redis's URL, emptied before each test."""
    with socket.create_connection(("127.0.0.1", redis_server.port), timeout=5) as connection:
        connection.sendall(b"FLUSHALL\r\n")
        assert connection.recv(16).startswith(b"+OK")
    return redis_server.url
