"""Bylines that are roles or accounts: which authors `python -m bot extract --format json` shows,
on the WCXB tune pages (with WCXB's own author beside it) and on the ScrapingHub pages, for this
checkout and for another one (the reference, e.g. main exported to a folder).

    python -m bench.bylines_study ../shared/data --reference /tmp/bylines/base

Prints the author-right count on the tune pages for both checkouts, every page whose author
changed (with WCXB's), and the ScrapingHub authors that changed. Results are cached in /tmp/bylines/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
from pathlib import Path

from bench.product import REPOSITORY, run_cli, write_documents
from bench.wcxb import author_matches, load_pages

log = logging.getLogger(__name__)
CACHE = Path("/tmp/bylines")


def _authors(repository: Path, name: str, documents: list[tuple[str, str, str]], fresh: bool) -> list[str]:
    """The author of each document as the command line of `repository` prints it (cached by `name`)."""
    cache = CACHE / f"{name}.json"
    if cache.exists() and not fresh:
        return json.loads(cache.read_text())
    paths = write_documents(CACHE / "pages", documents)
    authors = [result.get("author") or "" for result in run_cli("extract", paths, repository=repository)]
    cache.write_text(json.dumps(authors))
    return authors


def _scrapinghub(data_dir: Path) -> list[tuple[str, str, str]]:
    folder = data_dir / "article-extraction-benchmark" / "html"
    return [
        (f"sh-{path.name.removesuffix('.html.gz')}", ".html", gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        for path in sorted(folder.glob("*.html.gz"))
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--reference", type=Path, required=True, help="the other checkout (before the change)")
    parser.add_argument("--fresh", action="store_true", help="rerun this checkout even when cached")
    args = parser.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    pages = load_pages(args.data, "tune")
    wcxb = [(f"wcxb-{page.id}", ".html", page.html) for page in pages]
    sh = _scrapinghub(args.data)
    before = _authors(args.reference, "reference-wcxb", wcxb, False) + _authors(args.reference, "reference-sh", sh, False)
    after = _authors(REPOSITORY, "this-wcxb", wcxb, args.fresh) + _authors(REPOSITORY, "this-sh", sh, args.fresh)
    with_author = [(i, page) for i, page in enumerate(pages) if page.author]
    right_before = sum(author_matches(page.author, before[i]) for i, page in with_author)
    right_after = sum(author_matches(page.author, after[i]) for i, page in with_author)
    print(f"WCXB tune, author right: reference {right_before} -> this {right_after} of {len(with_author)} pages with an author")
    for i, page in enumerate(pages):
        if before[i] != after[i]:
            print(f"  wcxb {page.id} ({page.type}): {before[i]!r} -> {after[i]!r}   WCXB: {page.author!r}")
    for j, (name, _, _) in enumerate(sh):
        k = len(pages) + j
        if before[k] != after[k]:
            print(f"  {name}: {before[k]!r} -> {after[k]!r}")


if __name__ == "__main__":
    main()
