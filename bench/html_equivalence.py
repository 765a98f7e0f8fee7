"""The HTML extractor against another checkout of the project: the same extract JSON on every page.

    python -m bench.html_equivalence DATA_DIR --reference PATH [--candidate PATH] [--cache DIR] [--cache-only] [--limit N]

A speed-up of the HTML path must not change what it extracts. Every WCXB dev page (1,497) and
every ScrapingHub page (181) goes through both checkouts twice: as a file through
`python -m bot extract --format json` (the command line, no address) and, for the WCXB pages,
through `extract_document` with the page's address (as the bot digests a link). The JSON objects
(title, text, language, author, date, error; everything but the file name) must be equal.
PATH is a checkout of the reference commit (`git worktree add /tmp/ref main`); its answers can be
kept in `--cache DIR` under its commit, since they do not change. The candidate is this checkout
unless `--candidate` names another (a worktree of a commit, to check it while editing this one);
such a candidate's answers are cached under its commit too. `--cache-only` computes and caches the
reference's answers and stops: on a loaded host the two sides can run in two processes side by side
(`--cache-only` with the reference, then with the candidate's worktree as `--reference`), and the
comparison then reads both from the cache.

    python -m bench.html_equivalence DATA_DIR --record FILE [--limit N]
    python -m bench.html_equivalence DATA_DIR --recorded FILE [--limit N]
    python -m bench.html_equivalence DATA_DIR --record FILE --digest   (and --recorded FILE --digest)

The in-process mode, for a loaded host (where two command-line runs of 1,678 pages do not finish):
`--record` runs every page through this checkout's `extract_article` in one process (WCXB pages
with their address, as the bot reads a link; ScrapingHub pages without, as the command line reads
a file) and writes each answer (the whole Article, or the error and the title it names) to FILE;
run it once in a checkout of the reference commit. `--recorded` computes this checkout's answers
the same way and compares them with FILE's. The stages after extraction read only the Article.
`--digest` records and compares the whole digest instead (`digest_document`'s JSON: title, summary,
figures, hedged claims; the same addresses), for a change that touches more than the Article.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import logging
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.product import REPOSITORY, run_cli, write_documents

log = logging.getLogger(__name__)

# Run in a checkout's own interpreter path (PYTHONPATH=checkout): reads (id, url, path) lines and
# prints each page's extract JSON as the bot would render it, one object a line.
_WITH_ADDRESS = r"""
import json, sys
from bot.digest.pipeline import extract_document
from bot.digest.sources import RawDocument
from bot.settings import DigestSettings
settings = DigestSettings()
for line in sys.stdin:
    page_id, url, path = json.loads(line)
    text = open(path, encoding="utf-8").read()
    digest = extract_document(RawDocument(source=page_id, text=text, kind="html", url=url), settings)
    sys.stdout.write(json.dumps(digest.to_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
"""


def pages(data_dir: Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(id, address, html) of every WCXB dev page, then every ScrapingHub page (no address)."""
    found = []
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            found.append((f"wcxb-{entry['id']}", entry.get("url") or "", entry["html"]))
    root = data_dir / "article-extraction-benchmark"
    for path in sorted((root / "html").glob("*.html.gz")):
        found.append((f"scrapinghub-{path.name.removesuffix('.html.gz')}", "", gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")))
    return found[:limit] if limit else found


def _commit(checkout: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True, check=True).stdout.strip()


def _with_address(checkout: Path, items: list[tuple[str, str, Path]]) -> list[dict[str, Any]]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    lines = "".join(json.dumps([page_id, url, str(path)]) + "\n" for page_id, url, path in items)
    done = subprocess.run([sys.executable, "-c", _WITH_ADDRESS], input=lines, capture_output=True, text=True, cwd=checkout, env=env, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def answers(checkout: Path, ids: list[str], urls: list[str], paths: list[Path], jobs: int) -> dict[str, Any]:
    """The checkout's extract JSON per page: from the command line (no address) and with the address."""
    addressed = [(page_id, url, path) for page_id, url, path in zip(ids, urls, paths) if url]
    chunks = [addressed[i::jobs] for i in range(jobs)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:  # beside the command line's own `jobs` processes
        parts = pool.map(lambda chunk: _with_address(checkout, chunk), chunks)
        command_line = run_cli("extract", paths, jobs=jobs, repository=checkout)
        by_chunk = list(parts)
    answered = {page_id: result for chunk, part in zip(chunks, by_chunk) for (page_id, _, _), result in zip(chunk, part)}
    return {
        "command line": {page_id: {k: v for k, v in result.items() if k != "source"} for page_id, result in zip(ids, command_line)},
        "with address": {page_id: {k: v for k, v in answered[page_id].items() if k != "source"} for page_id, _, _ in addressed},
    }


def cached_answers(checkout: Path, cache: Path | None, ids: list[str], urls: list[str], paths: list[Path], jobs: int) -> dict[str, Any]:
    """`answers` of a checkout of a commit, read from `cache` when it holds them, else computed (and kept there)."""
    cached = cache / f"html-extract-{_commit(checkout)}-{len(ids)}.json" if cache else None
    if cached is not None and cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    found = answers(checkout.resolve(), ids, urls, paths, jobs)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(found), encoding="utf-8")
    return found


def article_answer(page_id: str, url: str, html: str) -> dict[str, Any]:
    """What this checkout's `extract_article` makes of a page: the Article's fields, or the error and its title."""
    from bot.digest.models import DigestError
    from bot.digest.pipeline import extract_article
    from bot.digest.sources import RawDocument
    from bot.settings import DigestSettings

    try:
        article = extract_article(RawDocument(source=page_id, text=html, kind="html", url=url or None), DigestSettings())
    except DigestError as error:
        return {"error": str(error), "title": error.title}
    return dataclasses.asdict(article)


def digest_answer(page_id: str, url: str, html: str) -> dict[str, Any]:
    """This checkout's whole digest of a page (`digest_document`'s JSON, its error included)."""
    from bot.digest.pipeline import digest_document
    from bot.digest.sources import RawDocument
    from bot.settings import DigestSettings

    return digest_document(RawDocument(source=page_id, text=html, kind="html", url=url or None), DigestSettings()).to_json()


def in_process_answers(found: list[tuple[str, str, str]], digest: bool = False) -> dict[str, Any]:
    """`article_answer` (or `digest_answer`) of every page, in the shape `compare` reads."""
    answer = digest_answer if digest else article_answer
    answered = {}
    for done, (page_id, url, html) in enumerate(found, 1):
        answered[page_id] = answer(page_id, url, html)
        if done % 100 == 0:
            log.info("%d of %d pages", done, len(found))
    return {"in process": answered}


def compare(ours: dict[str, Any], reference: dict[str, Any]) -> list[str]:
    """One line per page and path whose JSON differs."""
    differences = []
    for path, by_page in reference.items():
        for page_id, expected in by_page.items():
            got = ours[path].get(page_id)
            if got != expected:
                fields = sorted(key for key in set(expected) | set(got or {}) if (got or {}).get(key) != expected.get(key))
                differences.append(f"{path}: {page_id} differs in {', '.join(fields)}")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--reference", type=Path, help="a checkout of the reference commit")
    parser.add_argument("--record", type=Path, help="write this checkout's in-process answers to this file, then stop")
    parser.add_argument("--recorded", type=Path, help="compare this checkout's in-process answers with those recorded in this file")
    parser.add_argument("--candidate", type=Path, default=REPOSITORY, help="the checkout to check (default: this one)")
    parser.add_argument("--cache", type=Path, help="keep the reference's answers here, under its commit")
    parser.add_argument("--cache-only", action="store_true", help="compute and cache the reference's answers, then stop")
    parser.add_argument("--digest", action="store_true", help="with --record/--recorded: the whole digest's JSON, not the Article")
    parser.add_argument("--limit", type=int, help="only the first N pages (a quick look)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    found = pages(args.data_dir, args.limit)
    if args.record or args.recorded:
        return _in_process(found, args.record, args.recorded, args.digest)
    if args.reference is None:
        parser.error("--reference, --record or --recorded is needed")
    ids, urls = [page_id for page_id, _, _ in found], [url for _, url, _ in found]
    if args.cache_only and args.cache is None:
        parser.error("--cache-only needs --cache")
    with tempfile.TemporaryDirectory() as folder:
        paths = write_documents(Path(folder), ((page_id, ".html", html) for page_id, _, html in found))
        reference = cached_answers(args.reference, args.cache, ids, urls, paths, args.jobs)
        if args.cache_only:
            print(f"answers of {args.reference} at {_commit(args.reference)[:10]} cached in {args.cache}")
            return 0
        # The working copy may hold uncommitted changes: only a named checkout's answers are cached.
        candidate_cache = args.cache if args.candidate.resolve() != REPOSITORY.resolve() else None
        ours = cached_answers(args.candidate, candidate_cache, ids, urls, paths, args.jobs)
    differences = compare(ours, reference)
    checked = sum(len(by_page) for by_page in reference.values())
    print("\n".join(differences[:50]))
    print(f"{checked - len(differences)} of {checked} extract answers identical ({len(found)} pages; reference {args.reference} at {_commit(args.reference)[:10]})")
    return 1 if differences else 0


def _in_process(found: list[tuple[str, str, str]], record: Path | None, recorded: Path | None, digest: bool = False) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    ours = in_process_answers(found, digest)
    if record is not None:
        record.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(record, "wt", encoding="utf-8") as out:
            json.dump(ours, out, ensure_ascii=False)
        print(f"{len(found)} answers of {REPOSITORY} recorded in {record}")
        return 0
    with gzip.open(recorded, "rt", encoding="utf-8") as kept:
        reference = {path: {page_id: answer for page_id, answer in by_page.items() if page_id in ours["in process"]} for path, by_page in json.load(kept).items()}
    differences = compare(ours, reference)
    checked = sum(len(by_page) for by_page in reference.values())
    print("\n".join(differences[:50]))
    print(f"{checked - len(differences)} of {checked} {'digests' if digest else 'extract answers'} identical (in process; recorded answers {recorded})")
    return 1 if differences or checked < len(found) else 0


if __name__ == "__main__":
    sys.exit(main())
