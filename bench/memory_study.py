"""One pool worker emulated, its memory read by source (docs/PERFORMANCE.md, tenth session: memory).

    python -m bench.memory_study ../shared/data [--links] [--digests 200] [--every 25] [--trace] [--trim-each]
    python -m bench.memory_study ../shared/data [--links] --digests 200 --life 25

`--life N`: workers forked one after the other, each replaced after N of its digests (the pool's
`recycle_after_digests` is about twice N with 2 workers): CPU a digest and page faults of them all, word memo hits.

This process imports `bot.workers.warm_template` (so it is the warm fork server), forks, and the child digests every
other input of `bench.bot_load.mixed_inputs` (or the benchmark pages: `--links`), one of two workers' share, through
`worker_pool._measured` as a pool worker does (the free heap given back every 8th digest; `--trim-each`: after every
digest). Every `--every` digests, after a trim: private MB beyond the fork, pymalloc's bytes in use and arenas
(`sys._debugmallocstats`), the C heap in use (glibc's `mallinfo2`), private MB of the anonymous mappings inherited from
the fork server (its pymalloc arenas) and of new ones. `--trace`: tracemalloc from the start, and what Python objects were added
from digest 50 to the last, by file and line (slow: about 10 times the digests' time).

The inputs are written one file each by a child process first (`/tmp/memory_study/`): read in this process, they
left the fork server a 950 MB free heap that a real one does not have.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import pickle
import re
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

CACHE = Path(tempfile.gettempdir()) / "memory_study"


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]


def _write_inputs(data_dir: str) -> None:
    from bench.bot_load import _benchmark_pages, mixed_inputs

    CACHE.mkdir(exist_ok=True)
    for number, item in enumerate(mixed_inputs(Path(data_dir))):
        (CACHE / f"mix{number:04d}.pkl").write_bytes(pickle.dumps(item))
    for number, (name, body) in enumerate(sorted(_benchmark_pages(Path(data_dir), 10_000).items())):
        (CACHE / f"links{number:04d}.pkl").write_bytes(pickle.dumps(("page", name, body)))


def _private_by_mapping() -> dict[tuple[str, str], int]:
    """KiB of private memory of each mapping (address range, name)."""
    sizes: dict[tuple[str, str], int] = {}
    key = ("", "")
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            parts = line.split()
            if "-" in parts[0] and not parts[0].endswith(":"):
                key = (parts[0], parts[5] if len(parts) > 5 else "[anon]")
                sizes[key] = 0
            elif parts[0] in ("Private_Clean:", "Private_Dirty:"):
                sizes[key] += int(parts[1])
    return sizes


def _pymalloc() -> tuple[int, int]:
    """(arenas, bytes in allocated blocks) from `sys._debugmallocstats` (which writes to the C stderr); 0s under
    tracemalloc, whose hooks hide pymalloc."""
    saved = os.dup(2)
    with tempfile.TemporaryFile() as out:
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        text = out.read().decode()

    def value(label: str) -> int:
        found = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        return int(found.group(1).replace(",", "")) if found else 0

    return value("# arenas allocated current"), value("# bytes in allocated blocks")


def _memo_counts() -> tuple[int, int]:
    """(hits, misses) summed over every registered word memo (`bot.digest.word_memo`) of this process."""
    from bot.digest.word_memo import _MEMOS

    infos = [memo.cache_info() for memo in list(_MEMOS)]
    return sum(info.hits for info in infos), sum(info.misses for info in infos)


def _worker(files: list[str], digests: int, every: int, trace: bool, trim_each: bool, first_input: int = 0,
            readings: bool = True) -> None:
    from bot.digest.pipeline import digest_document
    from bot.digest.sources import RawDocument, sniff_kind
    from bot.discord_app import worker_pool
    from bot.settings import DigestSettings

    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = _MallInfo2
    settings = DigestSettings()
    at_fork = _private_by_mapping()
    inherited = set(at_fork)
    worker_pool._start_private = start = worker_pool.private_bytes() or 0
    if trace:
        tracemalloc.start(8)
    first: tracemalloc.Snapshot | None = None

    def document(number: int) -> RawDocument:
        kind, name, body = pickle.loads(Path(files[(number * 2) % len(files)]).read_bytes())
        text = body.decode("utf-8", "replace")
        if kind == "page":
            return RawDocument(source=name, text=text, kind="html", url=f"http://x/{number}/{name}.html")
        return RawDocument(source="message.txt", text=text, kind=sniff_kind(text))

    if readings:
        print("digests private_MB(growth) pymalloc_used_MB arenas c_heap_used_MB inherited_anon_MB(growth) new_anon_MB",
              flush=True)
    hits, misses = _memo_counts()
    for number in range(1, digests + 1):
        worker_pool._measured(lambda: digest_document(document(first_input + number - 1), settings))
        if trim_each:
            libc.malloc_trim(0)
        if not readings or (number % every and number != 1):
            continue
        libc.malloc_trim(0)
        mappings = _private_by_mapping()
        inherited_kib = sum(size - at_fork[key] for key, size in mappings.items() if key in inherited and key[1] == "[anon]")
        new_anon_kib = sum(size for key, size in mappings.items() if key not in inherited and key[1] == "[anon]")
        arenas, used = _pymalloc()
        print(f"{number} {((worker_pool.private_bytes() or 0) - start) / 2**20:.1f} {used / 2**20:.1f} {arenas} "
              f"{libc.mallinfo2().uordblks / 2**20:.1f} {inherited_kib / 1024:.1f} {new_anon_kib / 1024:.1f}", flush=True)
        if trace and number == 50:
            gc.collect()
            first = tracemalloc.take_snapshot()
    now_hits, now_misses = _memo_counts()
    print(f"word memos: {now_hits - hits} hits, {now_misses - misses} misses in {digests} digests", flush=True)
    if first is not None:
        gc.collect()
        stats = tracemalloc.take_snapshot().compare_to(first, "lineno")
        print(f"Python objects added from digest 50 to {digests}: {sum(s.size_diff for s in stats) / 2**20:.1f} MB")
        for stat in stats[:25]:
            frame = stat.traceback[0]
            print(f"{stat.size_diff / 1024:9.0f} KiB {stat.count_diff:+7d} {frame.filename.rsplit('site-packages/', 1)[-1]}:{frame.lineno}")


def _lives(files: list[str], digests: int, life: int) -> int:
    """`digests` digests by workers forked one after the other, each replaced after `life` digests (a pool that
    recycles by count): the CPU of all of them (their own, fork and warm-up of the child included) a digest."""
    cpu = faults = 0.0
    for first_input in range(0, digests, life):
        child = os.fork()
        if not child:
            try:
                _worker(files, min(life, digests - first_input), life, False, False, first_input, readings=False)
            finally:
                sys.stdout.flush()
                os._exit(0)
        _, status, usage = os.wait4(child, 0)
        if os.waitstatus_to_exitcode(status):
            return 1
        cpu += usage.ru_utime + usage.ru_stime
        faults += usage.ru_minflt
    print(f"life {life}: {digests} digests, CPU {1000 * cpu / digests:.2f} ms a digest, "
          f"{faults / digests:.0f} page faults a digest", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_study", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir")
    parser.add_argument("--links", action="store_true", help="the benchmark pages instead of the mixed inputs")
    parser.add_argument("--digests", type=int, default=200)
    parser.add_argument("--every", type=int, default=25)
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--trim-each", action="store_true", help="malloc_trim after every digest (the tried variant)")
    parser.add_argument("--life", type=int, default=0, metavar="DIGESTS",
                        help="instead: workers replaced every DIGESTS digests, one after the other; their CPU a digest "
                             "and word memo hits (a pool that recycles by count)")
    args = parser.parse_args(argv)
    if not any(CACHE.glob("mix*.pkl")):
        subprocess.run([sys.executable, "-m", "bench.memory_study", "--write-inputs", args.data_dir], check=True)
    files = sorted(str(path) for path in CACHE.glob(("links" if args.links else "mix") + "*.pkl"))
    import bot.workers.warm_template  # noqa: F401 - this process becomes the warm fork server

    if args.life:
        return _lives(files, args.digests, args.life)
    child = os.fork()
    if child:
        _, status = os.waitpid(child, 0)
        return os.waitstatus_to_exitcode(status)
    try:
        _worker(files, args.digests, args.every, args.trace, args.trim_each)
    finally:
        sys.stdout.flush()
        os._exit(0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write-inputs"]:
        _write_inputs(sys.argv[2])
    else:
        sys.exit(main())
