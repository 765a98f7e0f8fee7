"""Thirteenth session (sweep4): the author a reader sees on WCXB pages, before and after a change.

    python -m bench.sweep4_study ../shared/data --part tune --save /tmp/sweep4/after.json [--before /tmp/sweep4/before.json]

Runs `python -m bot extract --format json` on every WCXB page of the part (bench.wcxb.run_ours, the product) and
prints: author right (bench.wcxb.author_matches) on pages whose WCXB record names one, authors shown on pages whose
record names none, and, with --before (an earlier run's saved answers), the pages whose author changed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.wcxb import author_matches, load_pages, run_ours


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--part", default="tune", choices=("tune", "held-out"))
    parser.add_argument("--save", type=Path, required=True, help="write each page's author here (JSON)")
    parser.add_argument("--before", type=Path, default=None, help="an earlier run's saved authors, for the same-run reference")
    args = parser.parse_args(argv)
    pages = load_pages(args.data, args.part)
    authors = {page.id: output.author for page, output in zip(pages, run_ours(pages), strict=True)}
    args.save.write_text(json.dumps(authors, indent=0), encoding="utf-8")
    runs = {"now": authors}
    if args.before:
        runs["before"] = json.loads(args.before.read_text(encoding="utf-8"))
    named = [page for page in pages if page.author]
    for label, found in runs.items():
        right = sum(author_matches(page.author, found.get(page.id, "")) for page in named)
        shown_none = sum(bool(found.get(page.id)) for page in pages if not page.author)
        print(f"{label:7s} author right {right}/{len(named)} = {right / len(named):.4f}; "
              f"an author shown on {shown_none} of {len(pages) - len(named)} pages whose record names none")
    if args.before:
        for page in pages:
            old, new = runs["before"].get(page.id, ""), authors[page.id]
            if old != new:
                print(f"  {page.id} {page.type:14s} truth={page.author!r} before={old!r} now={new!r}")


if __name__ == "__main__":
    main()
