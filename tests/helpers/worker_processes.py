"""Real `python -m bot worker` processes on a Redis, the bot's side of their queue, and waiting for either."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.discord_app.digest_service import DigestService
from bot.settings import Settings, load_settings, with_overrides
from bot.workers import jobs
from bot.workers.queue_client import QueueWorkers

REPO = Path(__file__).resolve().parents[2]
SLOW_HOOK = REPO / "tests" / "helpers" / "slow_digest_hook.py"
WORKER_START_SECONDS = 90.0  # a worker forks and warms its pool first; the shared machine can be slow


def write_queue_config(folder: Path, redis_url: str) -> Path:
    """The config file both the bot's side and the workers read: queue mode, one pool process a worker."""
    config = folder / "config.toml"
    config.write_text(
        f"""
[redis]
url = "{redis_url}"

[workers]
mode = "queue"
processes = 1
digest_timeout_seconds = 60.0
""",
        encoding="utf-8",
    )
    return config


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """SIGKILL: no chance to hand its job back (a crash, a lost machine)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    async def terminate(self, timeout: float = 60.0) -> int:
        """SIGTERM, as a service manager stops it; its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the worker did not stop within {timeout} s on SIGTERM:\n{self.log}")
        return self.process.returncode


@dataclass
class Workers:
    """Starts `python -m bot worker --config C` processes and waits until Redis sees them alive."""

    config: Path
    folder: Path
    slow_log: Path
    started: list[WorkerProcess] = field(default_factory=list)

    async def start(self, slow_seconds: float = 0.0) -> WorkerProcess:
        """A worker; with `slow_seconds`, its pipeline sleeps that long on documents marked slow (tests/workers/slow_digest_hook.py)."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "DIGEST_BOT_", "SLOW_DIGEST_"))}
        env["PYTHONPATH"] = str(REPO)
        if slow_seconds:
            hook = self.folder / "slow-hook"
            hook.mkdir(exist_ok=True)
            shutil.copy(SLOW_HOOK, hook / "sitecustomize.py")
            env |= {"PYTHONPATH": f"{hook}{os.pathsep}{REPO}", "SLOW_DIGEST_LOG": str(self.slow_log),
                    "SLOW_DIGEST_SECONDS": str(slow_seconds)}
        log_path = self.folder / f"worker-{len(self.started)}.log"
        with open(log_path, "wb") as log:  # a file, not a pipe: nobody has to read it while it runs
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "-v", "worker", "--config", str(self.config)],
                cwd=self.folder, env=env, stdout=subprocess.DEVNULL, stderr=log,
            )
        worker = WorkerProcess(process, log_path)
        self.started.append(worker)
        await self.wait_alive(sum(1 for w in self.started if w.process.poll() is None))
        return worker

    async def wait_alive(self, count: int) -> None:
        await wait_workers_alive(self.config, count, lambda: "\n".join(w.log for w in self.started))

    def slow_events(self) -> list[tuple[str, int]]:
        """("start" | "finish", pid) for each slow digest begun or ended in a worker's process."""
        if not self.slow_log.exists():
            return []
        return [(event, int(pid)) for event, pid in (line.split() for line in self.slow_log.read_text().splitlines())]

    async def stop(self) -> None:
        for worker in self.started:
            if worker.process.poll() is None:
                await worker.terminate()


@dataclass
class QueueSide:
    settings: Settings
    client: QueueWorkers
    service: DigestService


async def wait_workers_alive(config: Path, count: int, logs: Callable[[], str]) -> None:
    """Until `count` workers have said in Redis that they are alive (a request before that is answered busy)."""
    queue = jobs.open_queue(load_settings(config, environ={}).redis.url)
    try:
        deadline = time.monotonic() + WORKER_START_SECONDS
        while len((await queue.info())["workers"]) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} worker(s) not alive within {WORKER_START_SECONDS} s:\n{logs()}")
            await asyncio.sleep(0.2)
    finally:
        await jobs.close_queue(queue)


def open_queue_side(config: Path, **sections: dict[str, object]) -> QueueSide:
    """The bot's side: the settings from `config` (with some keys replaced, per section), the queue client and the digest service."""
    settings = load_settings(config, environ={})
    for section, values in sections.items():
        settings = with_overrides(settings, section, values)
    client = QueueWorkers(settings)
    client.start()
    return QueueSide(settings, client, DigestService(settings, client, store=None))


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.1)
