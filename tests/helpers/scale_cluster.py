"""The scaled-out set-up of docs/SCALING.md in one object, for end-to-end tests.

Two `python -m bot run` processes (shards 0 and 1 of 2) and `python -m bot worker` processes,
sharing one PostgreSQL (`[store] url`) and one Redis (`[redis] url`, `[workers] mode = "queue"`),
all against the fake Discord and the loopback article server. Every process is a real child
process started the way an operator would start it: one command and one config file.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.bot_process import REPO, start_bot_process, stop_bot_process
from tests.helpers.fake_discord import FakeDiscord
from tests.helpers.worker_processes import wait_workers_alive

SHARD_COUNT = 2
SHARD_LABELS = ("shard0", "shard1")  # the API base each bot process uses, to tell their requests apart


def write_cluster_config(folder: Path, store_url: str, redis_url: str) -> Path:
    """The one config file every process of the cluster reads (shards are chosen on the command line)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "config.toml"
    config.write_text(
        f"""
[store]
url = "{store_url}"

[redis]
url = "{redis_url}"

[discord]
# One fake member sends every trigger of the burst test: the limits are counted, not hit.
user_rate = 1000
guild_rate = 1000
queue_limit = 500

[unfurl]
channel_cooldown_seconds = 0.0

[fetch]
allowed_networks = ["127.0.0.0/8"]

[workers]
mode = "queue"
digest_timeout_seconds = 60.0
""",
        encoding="utf-8",
    )
    return config


async def start_worker_process(config: Path, **environ: str) -> asyncio.subprocess.Process:
    """`python -m bot worker --config C`, as an operator would start one on any machine (with `environ`
    added to its environment)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "DIGEST_BOT_"))}
    env["PYTHONPATH"] = str(REPO)
    env |= environ
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "-v", "worker", "--config", str(config),
        cwd=config.parent, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def stop_process(process: asyncio.subprocess.Process) -> str:
    """SIGTERM (unless it has exited), wait, and the process's log; SIGKILL if it does not stop."""
    return await stop_bot_process(process)


@dataclass
class ScaleCluster:
    fake: FakeDiscord
    config: Path
    bots: dict[str, asyncio.subprocess.Process] = field(default_factory=dict)
    workers: list[asyncio.subprocess.Process] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)

    async def start_bots(self) -> None:
        for shard_id, label in enumerate(SHARD_LABELS):
            self.bots[label] = await start_bot_process(
                self.fake, self.config, "--shard-count", str(SHARD_COUNT), "--shard-ids", str(shard_id),
                api_base=self.fake.api_base_for(label),
            )
        await self.fake.wait_identified(timeout=90, shard_ids=tuple(range(SHARD_COUNT)))

    async def stop_bots(self) -> None:
        for label in list(self.bots):
            process = self.bots.pop(label)
            self.logs.append(await stop_bot_process(process))
            assert process.returncode == 0, self.logs[-1]
        await self.fake.drop_connections()

    async def start_workers(self, count: int) -> None:
        """`count` more workers, alive in Redis when this returns (before that, a digest is answered busy)."""
        for _ in range(count):
            self.workers.append(await start_worker_process(self.config))
        alive = sum(1 for worker in self.workers if worker.returncode is None)
        await wait_workers_alive(self.config, alive, lambda: "(the workers' logs are printed when the cluster stops)")

    def kill_worker(self, index: int) -> None:
        """SIGKILL: the worker gets no chance to hand its job back (a crash, a lost machine)."""
        self.workers[index].send_signal(signal.SIGKILL)

    async def stop(self) -> None:
        """Stop every process, even when stopping one fails, then raise the first failure (a process left
        behind by an earlier failure was reported in a later test).

        Each goes through communicate(), killed workers too: it reads the pipes to their end, so the
        subprocess transport is closed here, not by the garbage collector after the event loop has
        closed. A killed worker's pipes do reach their end: nothing it started outlives it (its fork server,
        pool processes and resource tracker: bot/discord_app/die_with_parent.py; tests/discord_app/
        test_die_with_parent.py). Not wait() instead: on Python 3.11 it too waits for the pipes to close.
        """
        processes = [self.bots.pop(label) for label in list(self.bots)] + self.workers
        self.workers = []
        first_failure: Exception | None = None
        for process in processes:
            try:
                self.logs.append(await stop_process(process))
            except Exception as failure:  # noqa: PERF203 - the others must still be stopped
                first_failure = first_failure or failure
        if first_failure is not None:
            raise first_failure
