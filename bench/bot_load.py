"""The bot under a burst: 50 `!summarize <link>` messages at once, every answer awaited, the event loop's lag measured.

    python -m bench.bot_load DATA_DIR [--requests 50] [--config config.toml] [--slow-callbacks]
    python -m bench.bot_load DATA_DIR --memory 200 [--mix | --both] [--config config.toml]

The fake Discord (`tests/helpers/fake_discord.py`) and a loopback server with the
article-extraction-benchmark's pages run in a second process, so the bot's event
loop carries only the bot. The real `DigestBot` runs here with the worker pool
sized by the config (`[workers] processes`, default 2). Settings changed for the
test: the fake's addresses, 127.0.0.0/8 allowed for fetching, a store in a
temporary folder, and per-user/per-guild rate limits raised so all requests are
served (the fake has one member sending them all).

Loop lag: a task in the bot's loop sleeps 10 ms in a loop and records how late it
wakes up; max and 99th percentile over the burst. One request is digested first
and awaited (it starts the worker processes), and its time is reported apart.

Memory (`--memory 200`): the same set-up, no lag probe; the bot's processes (this one,
the pool's fork server and workers) are read from /proc when the bot is idle and after
every 50 digests of distinct links (the pages in turn, each round under a new path, so
the digest cache never answers): PSS summed over them (shared pages split between the
processes), RSS beside it. `--mix` sends, in turn, a benchmark page's link, a held-out WCXB
page's link (pages of every type and language), a ScrapingHub paste and a held-out WCXB
article paste as `message.txt` attachments (what Discord makes of a long paste), and an
article of the language corpus (`tests/data/languages/`, 19 languages) as an attachment:
the inputs of `bench.speed` and `bench.languages`, so that a digest worker meets pastes,
other languages and other kinds of page after its first 50 digests.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import dataclasses
import gc
import gzip
import json
import logging
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, AsyncIterator

from bench.report import Row, format_table

LOOPBACK = ("127.0.0.0/8",)
TICK = 0.010  # the lag probe's sleep
STALL_TARGET_MS = 50.0
MEMORY_BATCH = 50

log = logging.getLogger(__name__)


# -- the Discord side (second process) -------------------------------------------------


def _benchmark_pages(data_dir: Path, count: int) -> dict[str, bytes]:
    root = data_dir / "article-extraction-benchmark"
    ids = sorted(json.loads((root / "ground-truth.json").read_text(encoding="utf-8")))
    return {page_id: gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()) for page_id in ids[:count]}


def _held_out_wcxb(path: Path, field: str) -> list[tuple[str, str]]:
    """(id, `field`) of the held-out WCXB entries (bench.splits), in id order."""
    from bench.splits import wcxb_part

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        entries = [json.loads(line) for line in handle]
    return sorted((str(e["id"]), e[field]) for e in entries if e.get(field) and wcxb_part(str(e["id"])) == "held-out")


def mixed_inputs(data_dir: Path) -> list[tuple[str, str, bytes]]:
    """(kind, name, content) in the order they are sent: a benchmark page, a WCXB page, a ScrapingHub paste, a
    WCXB article paste and a language-corpus article in turn ("page": served as a link, "file": attached)."""
    pages = [("page", f"aeb-{key}", body) for key, body in sorted(_benchmark_pages(data_dir, 10_000).items())]
    wcxb = [("page", f"wcxb-{key}", html.encode()) for key, html in _held_out_wcxb(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "html")]
    with open(data_dir / "pastes" / "scrapinghub.jsonl", encoding="utf-8") as handle:
        scrapinghub = [("file", "message.txt", e["paste"].encode()) for e in map(json.loads, handle) if e.get("paste")]
    wcxb_pastes = [("file", "message.txt", paste.encode())
                   for _, paste in _held_out_wcxb(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz", "paste")]
    corpus = Path(__file__).resolve().parent.parent / "tests" / "data" / "languages"
    languages = [("file", "message.txt", path.read_bytes()) for path in sorted(corpus.glob("*.txt"))]
    kinds = [pages, wcxb, scrapinghub, wcxb_pastes, languages]
    longest = max(map(len, kinds))
    return [kind[n % len(kind)] for n in range(longest) for kind in kinds]


async def _discord_side(conn: Connection, data_dir: Path, requests: int, mix: bool = False) -> None:
    from aiohttp import web

    from tests.helpers.fake_discord import FakeDiscord
    from tests.helpers.loopback import serve_on_loopback

    loop = asyncio.get_running_loop()
    inputs = mixed_inputs(data_dir) if mix else [("page", key, body) for key, body in _benchmark_pages(data_dir, requests + 1).items()]
    pages = {name: body for kind, name, body in inputs if kind == "page"}

    async def page(request: web.Request) -> web.Response:
        body = pages.get(request.match_info["page_id"])
        if body is None:
            return web.Response(status=404)
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_get("/page/{round}/{page_id}.html", page)
    runner, port = await serve_on_loopback(app)
    if not mix:
        inputs.sort()

    def message(number: int) -> tuple[str, list[dict[str, Any]]]:
        """The `number`th message: the inputs in turn, each round's links under a new path so the digest cache never answers."""
        kind, name, body = inputs[number % len(inputs)]
        if kind == "page":
            return f"!summarize http://127.0.0.1:{port}/page/{number // len(inputs)}/{name}.html", []
        return "!summarize", [fake.attachment(name, body)]

    fake = FakeDiscord()
    await fake.start()
    conn.send({"token": fake.token, "api_base": fake.api_base})
    await fake.wait_identified(timeout=120)

    def replies() -> dict[int, float]:
        """Trigger message id -> when its reply was recorded (first seen)."""
        found = {}
        for r in fake.requests:
            if r.method == "POST" and r.path == f"/channels/{fake.channel_id}/messages" and r.status == 200 and r.json:
                reference = (r.json.get("message_reference") or {}).get("message_id")
                if reference is not None:
                    found[int(reference)] = 0.0
        return found

    async def burst(batch: list[tuple[str, list[dict[str, Any]]]], timeout: float) -> dict[str, Any]:
        seen: dict[int, float] = {}
        already = set(replies())
        started = time.monotonic()
        triggers = [int((await fake.send_message(content, attachments=attachments))["id"]) for content, attachments in batch]
        sent = time.monotonic()
        while len(seen) < len(triggers) and time.monotonic() - started < timeout:
            now = time.monotonic()
            for trigger in replies():
                if trigger in triggers and trigger not in already and trigger not in seen:
                    seen[trigger] = now
            await asyncio.sleep(0.02)
        answers = [r for r in fake.requests if r.method == "POST" and r.path == f"/channels/{fake.channel_id}/messages"
                   and r.status == 200 and r.json and int((r.json.get("message_reference") or {}).get("message_id", 0)) in seen]
        with_embed = sum(bool(r.json.get("embeds")) for r in answers)
        return {
            "started": started,
            "sent": sent,
            "finished": max(seen.values(), default=time.monotonic()),
            "asked": len(triggers),
            "answered": len(seen),
            "digests": with_embed,
            "latencies": sorted(t - started for t in seen.values()),
            "texts": [r.json.get("content") for r in answers if not r.json.get("embeds")][:5],
        }

    # Commands from the bot's side: ("burst", first link number, how many), then ("stop",).
    while (command := await loop.run_in_executor(None, conn.recv))[0] == "burst":
        _, first, count = command
        conn.send(await burst([message(n) for n in range(first, first + count)], timeout=900))
    await fake.stop()
    await runner.cleanup()


def _discord_process(conn: Connection, data_dir: str, requests: int, mix: bool = False) -> None:
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(_discord_side(conn, Path(data_dir), requests, mix))


# -- the bot side (this process) -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Probe:
    when: float  # monotonic time of the wake-up
    lag: float  # seconds late
    busy: float  # CPU seconds the loop's thread used during the tick


class LagProbe:
    """Sleeps `TICK` in the loop over and over and records how late each wake-up is.

    It also records the CPU time the loop's thread used in each tick: a late wake-up
    with little CPU used means the process was waiting for a core (the host was
    busy), one with as much CPU as lag means code on the loop held it up.
    """

    def __init__(self) -> None:
        self.samples: list[Probe] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            before, cpu_before = time.monotonic(), time.thread_time()
            await asyncio.sleep(TICK)
            after, cpu_after = time.monotonic(), time.thread_time()
            self.samples.append(Probe(after, max(0.0, after - before - TICK), cpu_after - cpu_before))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    def window(self, start: float, end: float) -> list[Probe]:
        return [probe for probe in self.samples if start <= probe.when <= end]


class SlowCallbacks(logging.Handler):
    """Collects asyncio debug mode's 'Executing <Handle ...> took N seconds' warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[float, str]] = []  # (monotonic time logged, message)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Executing"):
            self.messages.append((time.monotonic(), message))


@dataclasses.dataclass
class RunningBot:
    """The real bot in this process, the fake Discord and the page server in `side`."""

    bot: Any
    settings: Any
    side: Any  # the Discord side's process
    conn: Connection

    async def burst(self, first: int, count: int) -> dict[str, Any]:
        """Send links number `first` to `first + count - 1` at once; the answers once all came."""
        self.conn.send(("burst", first, count))
        return await asyncio.get_running_loop().run_in_executor(None, self.conn.recv)


@contextlib.asynccontextmanager
async def running_bot(data_dir: Path, pages: int, config: Path | None, mix: bool = False) -> AsyncIterator[RunningBot]:
    from bot.discord_app.client import DigestBot
    from bot.settings import Settings, StoreSettings, load_settings

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    side = context.Process(target=_discord_process, args=(theirs, str(data_dir), pages, mix), daemon=True)
    side.start()
    loop = asyncio.get_running_loop()
    fake = await loop.run_in_executor(None, ours.recv)

    base = load_settings(config) if config else Settings()
    with tempfile.TemporaryDirectory() as folder:
        settings = dataclasses.replace(
            base,
            discord=dataclasses.replace(
                base.discord, token=fake["token"], api_base=fake["api_base"], gateway_url="", user_rate=10_000, guild_rate=10_000
            ),
            store=StoreSettings(path=str(Path(folder) / "load.sqlite3")),
            fetch=dataclasses.replace(base.fetch, allowed_networks=LOOPBACK),
        )
        bot = DigestBot(settings)
        runner = asyncio.create_task(bot.start(settings.discord.token))
        try:
            await asyncio.wait_for(bot.wait_until_ready(), 120)
            yield RunningBot(bot, settings, side, ours)
        finally:
            ours.send(("stop",))
            await bot.close()
            await asyncio.wait_for(runner, 30)
            side.join(30)


async def run_load(data_dir: Path, requests: int, config: Path | None, slow_callbacks: bool) -> tuple[list[Row], list[str]]:
    loop = asyncio.get_running_loop()
    slow = SlowCallbacks()
    if slow_callbacks:
        loop.set_debug(True)
        loop.slow_callback_duration = STALL_TARGET_MS / 1000
        logging.getLogger("asyncio").addHandler(slow)
    async with running_bot(data_dir, requests + 1, config) as running:
        settings = running.settings
        probe = LagProbe()
        try:
            first = await running.burst(0, 1)
            probe.start()
            await asyncio.sleep(0.5)
            result = await running.burst(1, requests)
            await asyncio.sleep(0.2)
            probes = probe.window(result["started"], result["finished"])
        finally:
            await probe.stop()

    total = result["finished"] - result["started"]
    task = f"bot burst ({requests} x !summarize <link>, {settings.workers.processes} worker processes)"
    lags = [p.lag * 1000 for p in probes]
    p99 = statistics.quantiles(lags, n=100, method="inclusive")[98] if len(lags) > 1 else (lags or [0.0])[0]
    late = [p for p in probes if p.lag * 1000 > STALL_TARGET_MS]
    rows = [
        Row("bot first request (starts the workers)", "bot", "seconds", first["finished"] - first["started"],
            note=f"answered {first['answered']}/{first['asked']}"),
        Row(task, "bot", "answered", float(result["answered"]), f"= {requests}", note=f"{result['digests']} with a digest embed"),
        Row(task, "bot", "total seconds", total),
        Row(task, "bot", "median answer s", statistics.median(result["latencies"]) if result["latencies"] else 0.0),
        Row(task, "bot", "requests/s", result["answered"] / total if total else 0.0),
        Row(task, "event loop", "max lag ms", max(lags, default=0.0), f"<= {STALL_TARGET_MS:g}", note=f"{len(lags)} probes of {TICK * 1000:g} ms"),
        Row(task, "event loop", "p99 lag ms", p99),
        Row(task, "event loop", "probes late > 50 ms", float(len(late)),
            note="CPU used by the loop in those ticks (ms): " + ", ".join(f"{p.busy * 1000:.0f}" for p in late[:12])),
        Row(task, "event loop", "max loop CPU in a tick ms", max((p.busy * 1000 for p in probes), default=0.0), f"<= {STALL_TARGET_MS:g}",
            note="the longest the loop's own work ran between two probes"),
    ]
    notes = [f"non-digest answers (first 5): {result['texts']}"] if result["texts"] else []
    if slow_callbacks:
        window = [m for when, m in slow.messages if result["started"] <= when <= result["finished"] + 1]
        notes.append(f"{len(slow.messages)} callbacks over {STALL_TARGET_MS:g} ms in the whole run, {len(window)} during the burst:")
        notes += [f"  {m[:400]}" for m in window[:20]]
    return rows, notes


# -- memory ---------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def _kib(pid: int, path: str, field: str) -> float:
    """A 'Name:   123 kB' field of /proc/<pid>/<path>, in KiB (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/{path}").read_text().splitlines():
            if line.startswith(field + ":"):
                return float(line.split()[1])
    except OSError:
        pass
    return 0.0


# The peak samplers' processes (children of the bot's process, not part of it).
_SAMPLERS: set[int] = set()


def _bot_pids(side_pid: int, root: int | None = None) -> list[int]:
    """This process (or `root`) and its descendants (the fork server, the pool's workers), not the fake Discord's
    nor multiprocessing's resource tracker; this one first."""
    children = _children()
    pids, todo = [], [os.getpid() if root is None else root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += [child for child in children.get(pid, []) if child != side_pid and child not in _SAMPLERS]
    cmdlines = {pid: Path(f"/proc/{pid}/cmdline").read_bytes() if Path(f"/proc/{pid}/cmdline").exists() else b"" for pid in pids}
    return [pid for pid in pids if b"resource_tracker" not in cmdlines[pid]]


def _cpu_ticks(pids: list[int], reaped: bool = False) -> int:
    """User and system clock ticks the processes have used (0 for one that is gone); `reaped`: with those of
    their children that ended and were waited for (the fork server's replaced workers)."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)
    return ticks


def _pid_after(seconds: float) -> int:
    """A job that holds its worker a moment: jobs sent together then go to different workers."""
    time.sleep(seconds)
    return os.getpid()


async def until_warmed_up(side_pid: int, pool: Any = None, processes: int = 0, quiet: float = 1.0, timeout: float = 300.0) -> float:
    """Wait until every worker of `pool` has answered a job (a worker takes jobs only once its warm-up is over),
    then until the bot's children used almost no CPU for `quiet` seconds. Quiet alone read workers mid-warm-up
    on a loaded host, where the niced workers got no core for a second. Returns the seconds waited."""
    started = time.monotonic()
    answered: set[int] = set()
    while pool is not None and len(answered) < processes and time.monotonic() - started < timeout:
        answered |= set(await asyncio.gather(*(pool.run(_pid_after, 0.2) for _ in range(processes))))
    pids = _bot_pids(side_pid)[1:]
    before = _cpu_ticks(pids)
    while time.monotonic() - started < timeout:
        await asyncio.sleep(quiet)
        pids = _bot_pids(side_pid)[1:]
        now = _cpu_ticks(pids)
        if not pids or now - before <= quiet * os.sysconf("SC_CLK_TCK") * 0.05:  # under 5 % of a core
            break
        before = now
    return time.monotonic() - started


def _sqlite_mb() -> float:
    """MB SQLite's allocator holds in this process (the store's page caches, its statements), 0 where unknown:
    memory tracemalloc does not see."""
    with contextlib.suppress(OSError, AttributeError):
        library = ctypes.CDLL("libsqlite3.so.0")
        library.sqlite3_memory_used.restype = ctypes.c_int64
        return float(library.sqlite3_memory_used()) / 2**20
    return 0.0


def bot_memory(side_pid: int) -> dict[str, Any]:
    """MB of the bot's processes: this one and its descendants (the fork server, the pool's workers),
    not the fake Discord's. RSS counts shared pages in every process; PSS splits them, so its sum is the total."""
    pids = _bot_pids(side_pid)
    return {
        "processes": float(len(pids)),
        "bot rss": _kib(os.getpid(), "status", "VmRSS") / 1024,
        "bot pss": _kib(os.getpid(), "smaps_rollup", "Pss") / 1024,
        "bot sqlite": _sqlite_mb(),
        "each pss": [_kib(pid, "smaps_rollup", "Pss") / 1024 for pid in pids[1:]],  # the fork server and workers
        "rss": sum(_kib(pid, "status", "VmRSS") for pid in pids) / 1024,
        "pss": sum(_kib(pid, "smaps_rollup", "Pss") for pid in pids) / 1024,
    }


PEAK_INTERVAL = 0.25  # seconds between two PSS samples of the peak sampler


def _peak_sampler(conn: Connection, root: int, side_pid: int, interval: float) -> None:
    """A process of its own (its reads of /proc cost the bot no CPU): sums the PSS of the bot's processes every
    `interval` seconds; on "peak" answers the highest sum since the last "peak" and starts again; ends on "stop"."""
    highest = 0.0
    _SAMPLERS.add(os.getpid())
    while True:
        if conn.poll(interval):
            if conn.recv() == "stop":
                return
            conn.send(highest)
            highest = 0.0
            continue
        pids = _bot_pids(side_pid, root)
        highest = max(highest, sum(_kib(pid, "smaps_rollup", "Pss") for pid in pids) / 1024)


@contextlib.contextmanager
def peak_sampler(side_pid: int, interval: float = PEAK_INTERVAL) -> Any:
    """A function that returns the highest PSS (MB) of the bot's processes sampled since it was last called: a reading
    taken between bursts can fall just after a worker replacement and miss the top of a saw-tooth; the peak cannot."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    sampler = context.Process(target=_peak_sampler, args=(theirs, os.getpid(), side_pid, interval), daemon=True)
    sampler.start()
    _SAMPLERS.add(sampler.pid)

    def peak() -> float:
        ours.send("peak")
        return float(ours.recv())

    try:
        yield peak
    finally:
        ours.send("stop")
        sampler.join(10)
        _SAMPLERS.discard(sampler.pid)


def _traced_growth(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, top: int = 12) -> list[str]:
    """Where the bot's own process allocated what it still holds, between two snapshots (innermost frames)."""
    lines = []
    for stat in after.compare_to(before, "traceback")[:top]:
        frames = " <- ".join(f"{f.filename.rsplit('site-packages/', 1)[-1]}:{f.lineno}" for f in reversed(stat.traceback[-4:]))
        lines.append(f"  {stat.size_diff / 1e6:+.2f} MB in {stat.count_diff:+d} blocks: {frames}")
    return lines


def _malloc_trim() -> None:
    """Hand the heap's free pages back to the system (glibc), as a long-running process may."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


async def run_memory(data_dir: Path, digests: int, batch: int, config: Path | None, trace: bool = False,
                     trim: bool = False, mix: bool = False) -> list[Row]:
    """The bot's memory idle (pool started and warmed up) and after every `batch` digests of distinct links.
    `trace`: tracemalloc in the bot's own process, and what it holds after the last batch beyond the first (logged).
    `trim`: `malloc_trim` in the bot's own process before each reading (freed heap it still held is then not counted).
    `mix`: pages, pastes and languages in turn (`mixed_inputs`) instead of the benchmark pages' links."""
    snapshots = []
    peaks: list[float] = []
    async with running_bot(data_dir, min(digests, 181), config, mix) as running, \
            contextlib.AsyncExitStack() as stack:
        # the workers warm themselves up at start
        warm_up = await until_warmed_up(running.side.pid, running.bot.pool, running.settings.workers.processes)
        gc.collect()
        if trace:
            tracemalloc.start(8)
        readings = [(0, bot_memory(running.side.pid))]
        peak = stack.enter_context(peak_sampler(running.side.pid))
        peak()  # from here on
        answered = with_embed = 0
        hertz = os.sysconf("SC_CLK_TCK")
        cpu_before, wall_before = _cpu_ticks(_bot_pids(running.side.pid), reaped=True), time.monotonic()
        for first in range(0, digests, batch):
            result = await running.burst(first, min(batch, digests - first))
            answered += result["answered"]
            with_embed += result["digests"]
            await asyncio.sleep(1.0)
            gc.collect()
            if trim:
                _malloc_trim()
            readings.append((first + result["asked"], bot_memory(running.side.pid)))
            peaks.append(peak())  # the burst and the second after it, the reading included
            if trace:
                snapshots.append(tracemalloc.take_snapshot())
        processes = running.settings.workers.processes
        cpu = (_cpu_ticks(_bot_pids(running.side.pid), reaped=True) - cpu_before) / hertz
        wall = time.monotonic() - wall_before
        recycled = getattr(running.bot.pool, "recycled", 0)
        workers = running.settings.workers
    if len(snapshots) > 1:
        log.warning("the bot's own process, held after %d digests beyond %d:\n%s", digests, batch,
                    "\n".join(_traced_growth(snapshots[0], snapshots[-1])))
    inputs = "pages, pastes and 19 languages in turn" if mix else "distinct links"
    task = f"bot memory ({processes} worker processes, {digests} digests of {inputs} in bursts of {batch})"
    rows = [Row(task, "bot", "answered", float(answered), f"= {digests}", note=f"{with_embed} with a digest embed"),
            Row(task, "bot", "warm-up seconds", warm_up, note="from ready until the pool's processes used no CPU"),
            Row(task, "bot", "pool replaced (times)", float(recycled),
                note=f"[workers] recycle_growth_mb = {workers.recycle_growth_mb:g}, recycle_after_digests = {workers.recycle_after_digests}"),
            Row(task, "bot", "CPU s of the digests (bot + pool)", cpu,
                note=f"{1000 * cpu / max(1, digests):.0f} ms a digest, replaced workers and their warm-ups included; wall {wall:.1f} s")]
    for number, (done, memory) in enumerate(readings):
        label = "idle" if done == 0 else f"after {done}"
        each = " + ".join(f"{pss:.0f}" for pss in memory["each pss"])
        rows.append(Row(task, label, "PSS MB (bot + pool)", memory["pss"],
                        note=f"RSS {memory['rss']:.0f} MB over {memory['processes']:.0f} processes; PSS of the bot's own "
                             f"{memory['bot pss']:.0f} MB (RSS {memory['bot rss']:.0f}; SQLite {memory['bot sqlite']:.1f}), its children {each}"))
        if number:
            rows.append(Row(task, label, "peak PSS MB (bot + pool)", peaks[number - 1],
                            note=f"highest of the samples every {PEAK_INTERVAL:g} s during these {batch} digests"))
    settled = next((memory for done, memory in readings if done >= batch), None)
    if settled is not None and len(readings) > 2:
        growth = readings[-1][1]["pss"] - settled["pss"]
        rows.append(Row(task, f"after {readings[-1][0]} - after {batch}", "PSS growth MB", growth, "about 0",
                        note=f"{growth / settled['pss']:+.1%}"))
    return rows


def memory_summary(rows: list[Row]) -> list[str]:
    """One line per run: PSS idle and after every batch, the growth from the first batch to the last, and the highest
    reading after the first batch (where a saw-tooth of worker replacements shows, which the two ends can hide)."""
    lines = []
    for task in dict.fromkeys(row.task for row in rows):
        pss = {row.system: row.value for row in rows if row.task == task and row.metric == "PSS MB (bot + pool)"}
        after = [label for label in pss if label.startswith("after ")]
        if "idle" not in pss or len(after) < 2:
            continue
        first, last = after[0], after[-1]
        growth = pss[last] - pss[first]
        highest = max(pss[label] for label in after)
        extra = {row.metric: row for row in rows if row.task == task and row.system == "bot"}
        cpu, replaced = extra.get("CPU s of the digests (bot + pool)"), extra.get("pool replaced (times)")
        readings = ", ".join(f"{label.removeprefix('after ')} {pss[label]:.0f}" for label in after)
        peak = {row.system: row.value for row in rows if row.task == task and row.metric == "peak PSS MB (bot + pool)"}
        peaks = ", ".join(f"{peak[label]:.0f}" for label in after if label in peak)
        lines.append(f"{task}: PSS idle {pss['idle']:.0f} MB, after {readings}; "
                     f"growth {growth:+.1f} MB ({growth / pss[first]:+.1%}) from {first.removeprefix('after ')} "
                     f"to {last.removeprefix('after ')}; highest reading {highest:.0f}"
                     + (f"; peak in each {after[0].removeprefix('after ')} {peaks}" if peaks else "")
                     + (f"; pool replaced {replaced.value:.0f} times" if replaced else "")
                     + (f"; CPU {cpu.note.split(',')[0]}" if cpu else ""))
    return lines


def evaluate(data_dir: Path, requests: int = 50, config: Path | None = None, slow_callbacks: bool = False) -> list[Row]:
    rows, _ = asyncio.run(run_load(data_dir, requests, config, slow_callbacks))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bot_load", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--config", type=Path, default=None, help="a config.toml ([workers] processes sizes the pool)")
    parser.add_argument("--slow-callbacks", action="store_true", help="asyncio debug mode: name every callback over 50 ms")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON (for bench.speed)")
    parser.add_argument("--memory", type=int, metavar="DIGESTS", default=0,
                        help="instead: the bot's memory idle and after every 50 of DIGESTS digests (e.g. 200)")
    parser.add_argument("--trace", action="store_true", help="with --memory: tracemalloc in the bot's own process, "
                                                             "what it holds at the end beyond the first 50 (to stderr)")
    parser.add_argument("--trim", action="store_true", help="with --memory: malloc_trim in the bot's own process before each reading")
    parser.add_argument("--mix", action="store_true", help="with --memory: links, pastes and articles in 19 languages in turn")
    parser.add_argument("--both", action="store_true", help="with --memory: the links, then the mixed inputs (two bots, one after the other)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    if args.memory:
        rows = []
        for mix in ([False, True] if args.both else [args.mix]):
            rows += asyncio.run(run_memory(args.data_dir, args.memory, MEMORY_BATCH, args.config, args.trace, args.trim, mix))
        print(json.dumps([dataclasses.asdict(row) for row in rows]) if args.json else format_table(rows))
        if not args.json:
            for line in memory_summary(rows):
                print(line)
        return 0
    rows, notes = asyncio.run(run_load(args.data_dir, args.requests, args.config, args.slow_callbacks))
    print(format_table(rows))
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
