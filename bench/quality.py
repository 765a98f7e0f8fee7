"""Every quality measurement of the digest in one table.

    python -m bench.quality ../shared/data [--only extraction,wcxb,pastes,summaries,hedges,figures,languages]

Each measurement lives in its own module with `evaluate(data_dir) -> list[Row]`;
the reference systems are run in the same process, not quoted from memory.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import time
from pathlib import Path

from bench.report import Row, format_table

MEASUREMENTS = ("extraction", "wcxb", "pastes", "summaries", "hedges", "figures", "languages", "pdf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--only", help="comma-separated subset of: " + ", ".join(MEASUREMENTS))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    chosen = args.only.split(",") if args.only else list(MEASUREMENTS)
    rows: list[Row] = []
    for name in chosen:
        if name not in MEASUREMENTS:
            parser.error(f"unknown measurement {name!r}")
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        rows += module.evaluate(args.data_dir)
        print(f"# {name}: {time.perf_counter() - started:.0f} s", flush=True)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
