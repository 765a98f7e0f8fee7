"""What a digest stopped past its time limit costs the other users of the worker pool (docs/SECURITY.md,
seventeenth session).

    python -m bench.pool_kill /work/shared/data [--pages 5] [--joined 20] [--repeats 3] [--json out.json]

Real worker pools (`WorkerPool`, forked warm from the fork server) and real digests: the bystanders are the
`--pages` largest saved pages of the ScrapingHub article-extraction benchmark, digested as the bot digests a link
(`digest_document`), and one long pasted text (the `--joined` largest ScrapingHub browser pastes joined, about
seconds of digest: a bystander that loses more when it starts over); the digest to be stopped computes without end
(`tests.helpers.spin_digest`). Scenarios:

- startup: a fresh two-process pool, the bystander submitted at once with the limit (while the processes
  start): answered, or "took too long" without having run;
- alone: each bystander alone on a warm two-process pool (its digest time, the reference);
- beside: two processes; the stopped digest on one, the bystander submitted on the other so that it is about
  half-way through its digest when the other is killed: how long its user waits ("beside, not stopped": the
  same, the other digest killed only once the bystander is answered: the reference with the same contention
  for the cores);
- behind: one process; the bystander submitted behind the stopped digest, with the same limit: answered
  (after how long) or timed out.

Each bystander's limit (and the stopped digest's beside it) is twice its digest time alone (at least 1 s), so it
fits in it. Run it
once from a tree of the version to compare (PYTHONPATH at that tree) for the figure before a change: it uses only
`WorkerPool.run_timed`, `run`, `start`, `close`, and reads `reruns`, `lanes_replaced` where the pool has them.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.digest.pipeline import digest_document
from bot.digest.sources import RawDocument
from bot.discord_app.worker_pool import WorkerPool
from bot.settings import DigestSettings
from tests.helpers.spin_digest import spin_until_killed

HANG = 120.0  # a bound only a hang reaches


@dataclass
class Wait:
    """One bystander's wait: scenario, page, seconds from its submission to its answer, and how it ended."""

    scenario: str
    page: str
    seconds: float
    outcome: str  # "answered" or "timeout"


def largest_pages(data: Path, count: int) -> list[RawDocument]:
    """The `count` largest saved pages of the ScrapingHub benchmark (by HTML size), as links' documents."""
    folder = data / "article-extraction-benchmark" / "html"
    paths = sorted(folder.glob("*.html.gz"), key=lambda path: (-path.stat().st_size, path.name))[:count]
    return [RawDocument(source=path.name.split(".")[0], text=gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
                        kind="html") for path in paths]


def long_paste(data: Path, joined: int) -> RawDocument:
    """The `joined` longest ScrapingHub browser pastes, one after another, as one pasted text."""
    with open(data / "pastes" / "scrapinghub.jsonl", encoding="utf-8") as lines:
        pastes = [json.loads(line)["paste"] for line in lines]
    longest = sorted(pastes, key=lambda paste: (-len(paste), paste))[:joined]
    return RawDocument(source=f"long paste ({joined} pastes)", text="\n\n".join(longest), kind="text")


def limit_for(digest_seconds: float) -> float:
    return max(1.0, round(2 * digest_seconds, 1))


async def _timed(pool: WorkerPool, limit: float, document: RawDocument) -> tuple[float, str]:
    start = time.monotonic()
    try:
        await pool.run_timed(limit, digest_document, document, DigestSettings())
        outcome = "answered"
    except TimeoutError:
        outcome = "timeout"
    return time.monotonic() - start, outcome


async def _until_started(pid_file: Path) -> None:
    end = time.monotonic() + HANG
    while not pid_file.exists():
        if time.monotonic() > end:
            raise RuntimeError("the digest to be stopped never started")
        await asyncio.sleep(0.01)


async def _stopped_digest(pool: WorkerPool, limit: float, folder: Path, name: str) -> tuple[asyncio.Task[Any], Path]:
    pid_file = folder / f"{name}.pid"
    task = asyncio.create_task(pool.run_timed(limit, spin_until_killed, str(pid_file)))
    return task, pid_file


async def _finish_stopped(task: asyncio.Task[Any]) -> None:
    try:
        await asyncio.wait_for(task, HANG)
    except TimeoutError:
        return
    raise RuntimeError("the spinning digest was answered")


async def startup(documents: list[RawDocument], limit: float) -> list[Wait]:
    waits = []
    for document in documents[:1]:  # the fork server warms once a process: only the first pool pays the start
        pool = WorkerPool(2)
        pool.start()
        try:
            seconds, outcome = await _timed(pool, limit, document)
        finally:
            await pool.close()
        waits.append(Wait("startup", document.source, seconds, outcome))
    return waits


async def alone(pool: WorkerPool, documents: list[RawDocument], repeats: int) -> dict[str, float]:
    """Each page's digest time alone (median of `repeats`), on a warm pool."""
    times: dict[str, float] = {}
    for document in documents:
        runs = [(await _timed(pool, HANG, document))[0] for _ in range(repeats)]
        times[document.source] = statistics.median(runs)
    return times


async def beside(pool: WorkerPool, documents: list[RawDocument], digest_seconds: dict[str, float], repeats: int,
                 folder: Path, stop: bool = True) -> list[Wait]:
    """The bystander on one process while the digest on the other is stopped half-way through the bystander's
    digest; with `stop` False (the reference: the same contention for the cores, no kill) it is stopped only once
    the bystander is answered."""
    waits = []
    for n in range(repeats):
        for document in documents:
            limit = limit_for(digest_seconds[document.source])
            name = f"beside-{stop}-{n}-{document.source}"
            stopped, pid_file = await _stopped_digest(pool, limit if stop else HANG, folder, name)
            await _until_started(pid_file)
            await asyncio.sleep(max(0.0, limit - digest_seconds[document.source] / 2))
            seconds, outcome = await _timed(pool, HANG, document)
            if stop:
                await _finish_stopped(stopped)
            else:
                stopped.cancel()  # the caller gives up: its process is killed
                await asyncio.gather(stopped, return_exceptions=True)
            waits.append(Wait("beside" if stop else "beside, not stopped", document.source, seconds, outcome))
            await pool.run(os.getpid)  # the pool serves again before the next round
    return waits


async def behind(documents: list[RawDocument], digest_seconds: dict[str, float], repeats: int,
                 folder: Path) -> tuple[list[Wait], WorkerPool]:
    pool = WorkerPool(1)
    pool.start()
    waits = []
    try:
        await pool.run(os.getpid)
        for n in range(repeats):
            for document in documents:
                limit = limit_for(digest_seconds[document.source])
                stopped, pid_file = await _stopped_digest(pool, limit, folder, f"behind-{n}-{document.source}")
                await _until_started(pid_file)
                seconds, outcome = await _timed(pool, limit, document)
                await _finish_stopped(stopped)
                waits.append(Wait("behind", document.source, seconds, outcome))
                await pool.run(os.getpid)
    finally:
        await pool.close()
    return waits, pool


def _bystander(page: str) -> str:
    return "long paste" if page.startswith("long paste") else "pages"


def summary(waits: list[Wait], digest_seconds: dict[str, float]) -> list[dict[str, Any]]:
    """Per scenario and bystander (pages, the long paste): bystanders answered and timed out, and their wait
    (median, max), also as a multiple of their digest time alone."""
    rows = []
    for scenario, bystander in dict.fromkeys((wait.scenario, _bystander(wait.page)) for wait in waits):
        chosen = [wait for wait in waits if (wait.scenario, _bystander(wait.page)) == (scenario, bystander)]
        ratios = [wait.seconds / digest_seconds[wait.page] for wait in chosen if wait.page in digest_seconds]
        rows.append({
            "scenario": scenario, "bystander": bystander, "runs": len(chosen),
            "answered": sum(wait.outcome == "answered" for wait in chosen),
            "timed out": sum(wait.outcome == "timeout" for wait in chosen),
            "wait median s": round(statistics.median(wait.seconds for wait in chosen), 2),
            "wait max s": round(max(wait.seconds for wait in chosen), 2),
            "wait / alone median": round(statistics.median(ratios), 2) if ratios else None,
        })
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(row[key]) for key in header) + " |" for row in rows]
    return "\n".join(lines)


async def measure(documents: list[RawDocument], repeats: int) -> dict[str, Any]:
    first_limit = 1.0
    waits = await startup(documents, first_limit)
    with tempfile.TemporaryDirectory(prefix="pool-kill-") as scratch:
        folder = Path(scratch)
        pool = WorkerPool(2)
        pool.start()
        try:
            await pool.run(os.getpid)
            digest_seconds = await alone(pool, documents, repeats)
            waits += [Wait("alone", page, seconds, "answered") for page, seconds in digest_seconds.items()]
            waits += await beside(pool, documents, digest_seconds, repeats, folder, stop=False)
            waits += await beside(pool, documents, digest_seconds, repeats, folder)
            counters = {"beside: stopped": pool.stopped, "beside: reruns": getattr(pool, "reruns", None),
                        "beside: processes replaced alone": getattr(pool, "lanes_replaced", None),
                        "beside: pools replaced": pool.recycled}
        finally:
            await pool.close()
        behind_waits, behind_pool = await behind(documents, digest_seconds, repeats, folder)
        waits += behind_waits
        counters["behind: stopped"] = behind_pool.stopped
    limits = {page: limit_for(seconds) for page, seconds in digest_seconds.items()}
    return {"limits": limits, "startup limit": first_limit, "digest seconds alone": digest_seconds,
            "summary": summary(waits, digest_seconds), "counters": counters, "waits": [asdict(w) for w in waits]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--joined", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    documents = largest_pages(args.data, args.pages) + [long_paste(args.data, args.joined)]
    result = asyncio.run(measure(documents, args.repeats))
    print(f"digest seconds alone: {result['digest seconds alone']}")
    print(f"limits: {result['limits']} (startup: {result['startup limit']} s); load average {os.getloadavg()[0]:.1f}")
    print(markdown(result["summary"]))
    print(json.dumps(result["counters"]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
