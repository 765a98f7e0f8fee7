"""The private test servers start, answer on loopback and hand out clean state."""

from __future__ import annotations

import socket
import subprocess

from tests.helpers.servers import PostgresServer, RedisServer, _postgres_bindir


def test_postgres_databases_are_fresh_and_reachable(postgres_server: PostgresServer, postgres_url: str) -> None:
    bindir = _postgres_bindir()
    name = postgres_url.rsplit("/", 1)[1]
    listed = subprocess.run(
        [str(bindir / "psql"), "-h", "127.0.0.1", "-p", str(postgres_server.port), "-U", "bot", "-d", name,
         "-Atc", "select count(*) from information_schema.tables where table_schema = 'public'"],
        capture_output=True, text=True, check=True,
    )
    assert listed.stdout.strip() == "0"
    assert postgres_url.startswith("postgresql://bot@127.0.0.1:")


def test_redis_is_emptied_before_each_test(redis_server: RedisServer, redis_url: str) -> None:
    with socket.create_connection(("127.0.0.1", redis_server.port), timeout=5) as connection:
        connection.sendall(b"DBSIZE\r\n")
        assert connection.recv(16) == b":0\r\n"
        connection.sendall(b"SET left-over 1\r\n")
        assert connection.recv(16).startswith(b"+OK")
