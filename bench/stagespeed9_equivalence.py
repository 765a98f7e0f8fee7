"""This checkout's whole digests against a git revision's on every benchmark document: identical, and the time.

    python -m bench.stagespeed9_equivalence DATA_DIR [--against REV] [--sets sh,shp,wcxb,wcxbp,cnn,bbc,long,measeval]
        [--rounds N]

The speed-ups of the seventeenth session's stagespeed9 (the quantity scanner's tokenizer and masks) must change
no answer. Both `bot` packages are imported in this one process (`bench.speed`'s `--against` machinery,
bench/checkouts.py), and every document of each set is digested by both (`digest_document`, default settings);
the two digests' repr are compared (title, language, text, summary, hedges, figures, stats, or the error).

Sets: sh = the 181 ScrapingHub HTML pages, shp = their pastes, wcxb = the 1,497 WCXB dev pages (with their
address), wcxbp = the 711 WCXB dev article pastes, cnn = the CNN Corpus articles with numbers in their
highlights (both halves), bbc = every BBC News article whose summary holds a number (the figure benchmark's
documents, bench/figspeed_equivalence.py), long = `bench.speed`'s 100,000-word text, measeval = the MeasEval
texts, digested and also scanned whole by both versions' `find_quantities` (the quantities compared by repr).
With `--rounds`, the two versions' whole digests are then timed on each set, rounds alternated (CPU, best of the
rounds; repeated documents, so per-word memos are warm). Nothing is tuned here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from bench.checkouts import from_checkout
from bench.figspeed_equivalence import documents as figure_set_documents
from bench.figspeed_equivalence import measeval_texts
from bench.pastespeed6_equivalence import best_times, differing
from bench.speed import _digest_function
from bench.synthetic import make_article, sentence_pool
from bot.digest.sources import RawDocument

REPO = Path(__file__).resolve().parents[1]
ALL_SETS = ("sh", "shp", "wcxb", "wcxbp", "cnn", "bbc", "long", "measeval")
Scan = Callable[[str], list]


def set_documents(data_dir: Path, name: str) -> list[RawDocument]:
    """The documents of one set, as the bot gets them."""
    if name == "long":
        return [RawDocument("synthetic-100k", make_article(sentence_pool(data_dir), 100_000).text, "text")]
    if name == "measeval":
        return [RawDocument(f"measeval-{n}", text, "text") for n, text in enumerate(measeval_texts(data_dir))]
    return figure_set_documents(data_dir, name)


def differing_scans(scans: dict[str, Scan], texts: Sequence[str]) -> list[int]:
    """Indices of the texts whose quantities (their repr) differ between the two versions' scanners."""
    (_, first), (_, second) = scans.items()
    return [n for n, text in enumerate(texts) if repr(first(text)) != repr(second(text))]


def _scanner(code_root: Path) -> Scan:
    """`find_quantities` (English) of the `bot` package under `code_root`."""
    def prepare(quantities: ModuleType) -> Scan:
        quantities.find_quantities("It rose 5% to $3 million.")  # word lists load on first use: load them here
        return quantities.find_quantities

    return from_checkout(code_root, "bot.digest.figures.quantities", prepare)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stagespeed9_equivalence", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", default="main", help="git revision to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=0, help="alternated timing rounds (0: equivalence only)")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated: " + ", ".join(ALL_SETS))
    args = parser.parse_args(argv)
    names = args.sets.split(",")
    unknown = set(names) - set(ALL_SETS)
    if unknown:
        parser.error(f"unknown sets: {', '.join(sorted(unknown))}")
    total = 0
    with tempfile.TemporaryDirectory(prefix="stagespeed9-") as base_root:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.against, "bot"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", base_root], input=archive, check=True)
        versions = {args.against: _digest_function(Path(base_root)), "this checkout": _digest_function(REPO)}
        for name in names:
            documents = set_documents(args.data_dir, name)
            different = differing(versions, documents)
            total += len(different)
            print(f"{name}: {len(documents)} digests, {len(documents) - len(different)} identical", flush=True)
            for source in different:
                print(f"  differs: {source}")
            if name == "measeval":
                scans = {args.against: _scanner(Path(base_root)), "this checkout": _scanner(REPO)}
                texts = [d.text for d in documents]
                scans_differ = differing_scans(scans, texts)
                total += len(scans_differ)
                print(f"  find_quantities on the whole texts: {len(texts)} texts, {len(texts) - len(scans_differ)} identical")
            if args.rounds > 0:
                best = best_times(versions, documents, args.rounds)
                per = {version: seconds * 1000 / len(documents) for version, seconds in best.items()}
                print(f"  whole digest, best of {args.rounds} alternated rounds, CPU ms a document: {args.against} "
                      f"{per[args.against]:.3f}, this checkout {per['this checkout']:.3f}, "
                      f"ratio {per[args.against] / per['this checkout']:.3f}", flush=True)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
