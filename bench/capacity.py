"""Capacity: digests per second per worker and end-to-end latency under a burst, local pool vs queue.

    python -m bench.capacity [--requests 200] [--workers 1,2,4] [--modes local,queue] [--markdown]

For each mode and worker count, the bot's digest service (`DigestService`, the code path every
cog calls) gets a burst of REQUESTS pasted-text digests at once and every answer is awaited:

- local: `[workers] mode = "local"`, a process pool of N processes inside this process (the default bot);
- queue: `[workers] mode = "queue"`, a private Redis (tests/helpers/servers.py) and N
  `python -m bot worker` processes with one pool process each, this process as the bot.

The documents are the sample article (seeds/), each with its own numbered closing line, so no
two requests are the same call (equal calls would share one job in queue mode). The queue limit
is raised past the burst so every request is served. Before each burst, 2N digests are awaited
as a warm-up (pools and workers started and warmed). Reported: throughput (requests / wall time
of the burst), the same per worker, and the latency of each request from the burst's start to
its answer (median, p95), which includes its wait for a worker. The machine's load average is
printed: on a shared host, other work takes cores from the workers.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.report import Row, format_table

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "syrian-officers-defect.txt"


@dataclass(frozen=True)
class Burst:
    mode: str
    workers: int
    requests: int
    wall_seconds: float
    latencies: list[float]
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.wall_seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _texts(count: int, offset: int) -> list[str]:
    sample = SAMPLE.read_text(encoding="utf-8")
    return [f"{sample}\n\nCapacity request number {offset + n}." for n in range(count)]


async def _burst(service: object, texts: list[str]) -> tuple[float, list[float], int]:
    from bot.discord_app.digest_service import Busy, DigestRequest

    started = time.perf_counter()
    latencies: list[float] = []
    errors = 0

    async def one(text: str) -> None:
        nonlocal errors
        try:
            digest = await service.digest(DigestRequest(kind="text", value=text, label="pasted text"))  # type: ignore[attr-defined]
            errors += digest.error is not None
        except Busy:
            errors += 1
        latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(one(text) for text in texts))
    return time.perf_counter() - started, latencies, errors


async def _measure(mode: str, workers: int, requests: int, redis_url: str, folder: Path) -> Burst:
    from bot.discord_app.digest_service import DigestService
    from bot.discord_app.worker_pool import open_digest_workers
    from bot.settings import load_settings
    from tests.helpers.worker_processes import Workers, write_queue_config

    config = write_queue_config(folder, redis_url)
    settings = load_settings(config, environ={})
    settings = dataclasses.replace(
        settings,
        discord=dataclasses.replace(settings.discord, queue_limit=requests * 2),
        workers=dataclasses.replace(settings.workers, mode=mode, processes=workers if mode == "local" else 1),
    )
    processes = Workers(config, folder, folder / "unused.log")
    if mode == "queue":
        for _ in range(workers):
            await processes.start()
    pool = open_digest_workers(settings)
    pool.start()
    service = DigestService(settings, pool, store=None)
    try:
        await _burst(service, _texts(2 * workers, offset=10_000))  # warm-up
        wall, latencies, errors = await _burst(service, _texts(requests, offset=0))
    finally:
        await service.close()
        await pool.close()
        await processes.stop()
    return Burst(mode, workers, requests, wall, latencies, errors)


def _rows(bursts: list[Burst]) -> list[Row]:
    rows = []
    for burst in bursts:
        task = f"capacity: burst of {burst.requests}, {burst.workers} worker(s)"
        note = f"errors or busy: {burst.errors}"
        rows += [
            Row(task, burst.mode, "digests/s", burst.per_second, note=note),
            Row(task, burst.mode, "digests/s per worker", burst.per_second / burst.workers),
            Row(task, burst.mode, "latency median (s)", statistics.median(burst.latencies)),
            Row(task, burst.mode, "latency p95 (s)", burst.percentile(0.95)),
        ]
    return rows


def _markdown(bursts: list[Burst]) -> str:
    lines = ["| mode | workers | digests/s | per worker | latency median (s) | latency p95 (s) | errors or busy |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for b in bursts:
        lines.append(f"| {b.mode} | {b.workers} | {b.per_second:.2f} | {b.per_second / b.workers:.2f} | "
                     f"{statistics.median(b.latencies):.2f} | {b.percentile(0.95):.2f} | {b.errors} |")
    return "\n".join(lines)


async def _run(args: argparse.Namespace) -> list[Burst]:
    from tests.helpers.servers import RedisServer

    redis = RedisServer().start() if "queue" in args.modes else None
    bursts = []
    try:
        for count in args.workers:
            for mode in args.modes:
                if redis is not None:
                    await _flush(redis.url)
                with tempfile.TemporaryDirectory(prefix="bench-capacity-") as folder:
                    burst = await _measure(mode, count, args.requests, redis.url if redis else "redis://127.0.0.1:1/0", Path(folder))
                print(f"{mode} x{count}: {burst.per_second:.2f} digests/s, median {statistics.median(burst.latencies):.2f} s",
                      file=sys.stderr, flush=True)
                bursts.append(burst)
    finally:
        if redis is not None:
            redis.stop()
    return bursts


async def _flush(url: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    try:
        await client.flushall()
    finally:
        await client.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.capacity", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="digests in each burst (default 200)")
    parser.add_argument("--workers", type=lambda v: [int(n) for n in v.split(",")], default=[1, 2, 4],
                        help="worker counts, e.g. 1,2,4 (default)")
    parser.add_argument("--modes", type=lambda v: v.split(","), default=["local", "queue"], help="local,queue (default)")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table (for docs/SCALING.md)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print(f"cores: {os.cpu_count()}; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    bursts = asyncio.run(_run(args))
    print(format_table(_rows(bursts)))
    if args.markdown:
        print()
        print(_markdown(bursts))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
