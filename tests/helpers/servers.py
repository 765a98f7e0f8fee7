"""Private PostgreSQL and Redis servers for the tests, from Debian's packages, on loopback ports.

Each server lives in its own temporary folder and is stopped (and the folder removed) at the end.
PostgreSQL refuses to run as root, so under root it runs as the `postgres` user that Debian's
package creates (or `nobody`). `.ci/run` installs the packages when they are missing.
"""

from __future__ import annotations

import glob
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 30.0


class ServerUnavailable(RuntimeError):
    """The server's programs are not installed here."""


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {START_TIMEOUT_SECONDS:.0f} s")


def _stop(process: subprocess.Popen[bytes] | None, folder: Path) -> None:
    """SIGTERM (PostgreSQL's "smart" shutdown, Redis's save-less exit), SIGKILL if that hangs; remove the folder."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    shutil.rmtree(folder, ignore_errors=True)


def _postgres_bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ServerUnavailable("PostgreSQL is not installed (apt-get install -y postgresql)")


def _unprivileged_user() -> pwd.struct_passwd | None:
    """The account to run PostgreSQL as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ServerUnavailable("running as root with no unprivileged account for PostgreSQL")


@dataclass
class PostgresServer:
    """A throw-away PostgreSQL cluster; `url` reaches its `bot` database as user `bot` (trust auth)."""

    port: int = 0
    folder: Path = field(default_factory=Path)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"postgresql://bot@127.0.0.1:{self.port}/bot"

    def database_url(self, name: str) -> str:
        return f"postgresql://bot@127.0.0.1:{self.port}/{name}"

    def start(self) -> PostgresServer:
        bindir = _postgres_bindir()
        account = _unprivileged_user()
        self.folder = Path(tempfile.mkdtemp(prefix="bot-test-pg-"))
        data = self.folder / "data"
        if account is not None:
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        as_user = {"user": account.pw_uid, "group": account.pw_gid} if account else {}
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        subprocess.run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "bot", "--auth=trust", "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, env=env, cwd=self.folder, **as_user,
        )
        self.port = free_loopback_port()
        with open(self.folder / "server.log", "wb") as server_log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [
                    str(bindir / "postgres"), "-D", str(data), "-p", str(self.port),
                    "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.folder}",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                ],
                stdout=subprocess.DEVNULL, stderr=server_log, env=env, cwd=self.folder, **as_user,
            )
        try:
            _wait_for_port(self.port, self.process, "PostgreSQL")
            self._create_database("bot")
        except BaseException:
            self.stop()  # a server that never became usable is not left running
            raise
        log.info("PostgreSQL on 127.0.0.1:%d in %s", self.port, self.folder)
        return self

    def _create_database(self, name: str) -> None:
        bindir = _postgres_bindir()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            done = subprocess.run(
                [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "bot", name],
                capture_output=True,
            )
            if done.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.2)  # the server listens a moment before it accepts logins
        if done.returncode != 0:
            raise RuntimeError(f"createdb {name}: {done.stderr.decode(errors='replace').strip()}")

    def create_database(self, name: str) -> str:
        """A fresh empty database on this server (one per test that needs a clean slate)."""
        self._create_database(name)
        return self.database_url(name)

    def stop(self) -> None:
        _stop(self.process, self.folder)


@dataclass
class RedisServer:
    """A throw-away Redis with no persistence on a loopback port."""

    port: int = 0
    folder: Path = field(default_factory=Path)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise ServerUnavailable("Redis is not installed (apt-get install -y redis-server)")
        self.folder = Path(tempfile.mkdtemp(prefix="bot-test-redis-"))
        self.port = free_loopback_port()
        with open(self.folder / "server.log", "wb") as server_log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [
                    binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
                    "--save", "", "--appendonly", "no", "--daemonize", "no",
                ],
                stdout=server_log, stderr=subprocess.STDOUT,
            )
        try:
            _wait_for_port(self.port, self.process, "Redis")
        except BaseException:
            self.stop()  # a server that never became usable is not left running
            raise
        log.info("Redis on 127.0.0.1:%d", self.port)
        return self

    def stop(self) -> None:
        _stop(self.process, self.folder)
