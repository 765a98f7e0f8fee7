"""Quick look at the metadata path alone (title, author, date) on WCXB's tune part, in process.

    python -m bench.metadata_tune DATA_DIR [--part tune|held-out] [--misses FILE]

For iterating on bot/digest/extract/html/metadata.py and title.py: each page is parsed as
the command line parses it (scripts and style sheets dropped first, as bot/digest/pipeline.py does: the
page-type classifier answers differently without them; no address, as the command line reads a file), read by `read_metadata`,
and where the page's own metadata lacks the author or date, trafilatura's (as the extractor falls
back to it) is used. No main-text extraction, so it takes about a minute instead of ten; the
reported figures come from `python -m bench.wcxb` through the command line. `--misses` writes the
pages answered wrong (expected and found) as JSON lines for study.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path

from bench.wcxb import author_matches, date_matches, load_pages, title_matches
from bot.digest.extract.html.metadata import json_ld_documents, read_metadata
from bot.digest.extract.html.page_type import classify_page
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks, drop_scripts_and_styles
from bot.digest.extract.html_extractor import TrafilaturaMetadata, _date, _parse

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--part", choices=("tune", "held-out"), default="tune")
    parser.add_argument("--misses", type=Path)
    parser.add_argument("--author-only", action="store_true", help="only the pages with an author, only the author")
    parser.add_argument("--no-date", action="store_true", help="skip the date (trafilatura's date search is the slow part)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    right: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for page in load_pages(args.data_dir, args.part):
        if args.author_only and not page.author:
            continue
        tree = _parse(drop_scripts_and_styles(page.html))
        drop_permalinks(tree)
        code_in_preformatted(tree)
        json_ld = list(json_ld_documents(tree))
        page_type = classify_page(tree, None, json_ld)
        metadata = read_metadata(tree, None, PROFILES[page_type].headline_first, article=page_type == "article", json_ld=json_ld)
        fallback = TrafilaturaMetadata(tree, None)
        found = {"title": metadata.title, "author": metadata.author or fallback.author or ""}
        if not args.no_date and not args.author_only:
            found["date"] = _date(metadata, fallback, tree) or ""
        for name, expected, match in (("title", page.title, title_matches), ("author", page.author, author_matches), ("date", page.date, date_matches)):
            if not expected or name not in found:
                continue
            ok = match(expected, found[name])
            right[name].append(ok)
            if name == "title":
                right[f"title: {page.type}"].append(ok)
            if not ok:
                misses.append({"id": page.id, "type": page.type, "field": name, "expected": expected, "found": found[name], "url": page.url})
    for name, values in sorted(right.items()):
        print(f"{name:24} {sum(values) / len(values):.4f} ({sum(values)}/{len(values)})")
    if args.misses:
        args.misses.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
