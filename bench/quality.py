"""Every quality measurement of the digest in one table.

    python -m bench.quality ../shared/data [--only extraction,wcxb,pastes,summaries,hedges,figures,languages] [--with-url]

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
LINK_PATH = ("wcxb",)  # measurements whose evaluate() takes with_url: pages read with their address


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--only", help="comma-separated subset of: " + ", ".join(MEASUREMENTS))
    parser.add_argument("--with-url", action="store_true",
                        help="also read WCXB by the link path: each page with its address (extract --url), after the usual rows")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    chosen = args.only.split(",") if args.only else list(MEASUREMENTS)
    rows: list[Row] = []
    for name in chosen:
        if name not in MEASUREMENTS:
            parser.error(f"unknown measurement {name!r}")
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        link_path = {"with_url": True} if args.with_url and name in LINK_PATH else {}
        rows += module.evaluate(args.data_dir, **link_path)
        print(f"# {name}: {time.perf_counter() - started:.0f} s", flush=True)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
