"""Store speed: the store calls one trigger makes, on the SQLite file and on PostgreSQL, as a ratio.

    python -m bench.store_speed [--triggers 500] [--concurrency 1,20] [--url postgresql://...]

A trigger here is what an auto-unfurled link costs the store when the digest is cached: read the
channel's unfurl setting, the author's opt-out, claim the message (reaction-answer table), read the
cached digest and restart its TTL (five calls, three of them writes). Each backend runs the same
triggers, one at a time and N at once (as a busy process would), in this process; reported are
triggers per second and the ratio against SQLite at the same concurrency, beside SQLite as the
release before this one set it up (rollback journal, every write synced). Without --url a private
PostgreSQL is started on loopback (tests/helpers/servers.py, Debian's package); its fsync is off,
as in the tests, so a production server with fsync on pays more per write.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.report import Row, format_table
from bot.digest.models import Digest, Stats
from bot.store.database import Store

ROLLBACK_JOURNAL = ("PRAGMA journal_mode=DELETE", "PRAGMA synchronous=FULL")  # every write synced on its own
URL = "https://example.org/a"
VARIANT = "bench"


async def _triggers_per_second(target: str, triggers: int, concurrency: int, pragmas: tuple[str, ...] = ()) -> float:
    store = await Store.open(target)
    try:
        for pragma in pragmas:  # the SQLite settings of the release before this one, for the reference row
            await store._db.execute(pragma)
        await store.set_unfurl(1, None, True)
        await store.put_digest(URL, VARIANT, Digest(source=URL, title="t", language="en", stats=Stats(1, 1)))
        message_ids = itertools.count(time.monotonic_ns())
        gate = asyncio.Semaphore(concurrency)

        async def trigger(user_id: int) -> None:
            async with gate:
                assert await store.unfurl_enabled(1, 2, default=False)
                assert not await store.is_opted_out(user_id)
                assert await store.claim_reaction_answer(next(message_ids))
                assert await store.get_digest(URL, VARIANT) is not None
                await store.refresh_digest(URL, VARIANT)

        await asyncio.gather(*(trigger(n) for n in range(min(20, triggers))))  # warm-up: pool, statements
        started = time.perf_counter()
        await asyncio.gather(*(trigger(n) for n in range(triggers)))
        return triggers / (time.perf_counter() - started)
    finally:
        await store.close()


async def _run(triggers: int, levels: list[int], url: str) -> list[Row]:
    server = None
    if not url:
        from tests.helpers.servers import PostgresServer  # the test helpers start a private server

        server = PostgresServer().start()
        url = server.url
    rows: list[Row] = []
    try:
        with tempfile.TemporaryDirectory(prefix="store-speed-") as folder:
            for concurrency in levels:
                file = f"sqlite:///{Path(folder) / f'{concurrency}.sqlite3'}"
                sqlite = await _triggers_per_second(file, triggers, concurrency)
                before = await _triggers_per_second(file + "-before", triggers, concurrency, ROLLBACK_JOURNAL)
                postgres = await _triggers_per_second(url, triggers, concurrency)
                task = f"store: {triggers} cached-link triggers, {concurrency} at once"
                rows.append(Row(task, "SQLite, rollback journal (before)", "triggers/s", before))
                rows.append(Row(task, "SQLite file, WAL (reference)", "triggers/s", sqlite))
                rows.append(Row(task, "PostgreSQL", "triggers/s", postgres))
                rows.append(Row(task, "PostgreSQL", "ratio to SQLite", postgres / sqlite))
    finally:
        if server is not None:
            server.stop()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.store_speed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triggers", type=int, default=500, help="triggers per run (default 500)")
    parser.add_argument("--concurrency", type=lambda v: [int(n) for n in v.split(",")], default=[1, 20],
                        help="triggers at once, e.g. 1,20 (default)")
    parser.add_argument("--url", default="", help="a PostgreSQL to use (its tables are created; rows are added)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print(f"cores: {os.cpu_count()}; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    print(format_table(asyncio.run(_run(args.triggers, args.concurrency, args.url))))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
