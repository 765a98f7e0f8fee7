"""This checkout's whole paste digests against a git revision's: identical on every benchmark paste, and the time.

    python -m bench.pastespeed6_equivalence DATA_DIR [--against REV] [--rounds N] [--sets scrapinghub,wcxb]
    python -m bench.pastespeed6_equivalence DATA_DIR --sets scrapinghub-html,wcxb-html [--sample N]

Both `bot` packages are imported in this one process (`bench.speed`'s `--against` machinery, bench/checkouts.py).
Every paste of `pastes/scrapinghub.jsonl` (181) and `pastes/wcxb-dev-articles.jsonl.gz` (711) that has a paste and a
truth (as `bench.speed` reads them) is digested by both versions (`digest_document`, default settings) and the two
digests' repr compared (title, language, text, summary, hedges, figures, stats, or the error). With `--rounds`, the
two versions' whole digests are then timed on each set, rounds alternated (CPU, best of the rounds): a ratio on the
same inputs, repeated pastes (warm per-word memos), so first-sight costs are not in it. Nothing is tuned here: a
speed-up must change no digest (sixteenth session, branch pastespeed6; `bench.pastespeed3_equivalence` compares
the paste cleaner's insides).

The HTML sets (seventeenth session, pastespeed7: the summary's and the pipeline's tests that pastes share with pages)
are `bench.speed`'s: the 181 ScrapingHub article pages and the 1,497 WCXB dev pages with their addresses; `--sample N`
takes the N of each set with the smallest id hash (`bench.speed.sample`), as `bench.speed` does.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.checkouts import export_bot
from bench.pastespeed3_equivalence import best_times as alternated_best_times
from bench.speed import Item, _answer, _digest_function, html_pages, pastes, sample, wcxb_html_pages
from bot.digest.sources import RawDocument

REPO = Path(__file__).resolve().parents[1]
SETS: dict[str, Callable[[Path], list[Item]]] = {
    "scrapinghub": lambda data_dir: pastes(data_dir / "pastes" / "scrapinghub.jsonl"),
    "wcxb": lambda data_dir: pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz"),
    "scrapinghub-html": html_pages,
    "wcxb-html": wcxb_html_pages,
}
DEFAULT_SETS = "scrapinghub,wcxb"
Digester = Callable[[RawDocument], object]


def differing(versions: dict[str, Digester], documents: Sequence[RawDocument]) -> list[str]:
    """Sources of the documents whose digests (their repr, or the error's) differ between the two versions."""
    (_, first), (_, second) = versions.items()
    return [d.source for d in documents if _answer(first, d) != _answer(second, d)]  # type: ignore[arg-type]


def best_times(versions: dict[str, Digester], documents: Sequence[RawDocument], rounds: int) -> dict[str, float]:
    """Best CPU seconds a pass over `documents` for each version (its digest or error), rounds alternated."""
    answers = {name: functools.partial(_answer, digest) for name, digest in versions.items()}
    return alternated_best_times(answers, documents, rounds)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pastespeed6_equivalence", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", default="main", help="git revision to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=0, help="alternated timing rounds (0: equivalence only)")
    parser.add_argument("--sets", default=DEFAULT_SETS, help="comma-separated: " + ", ".join(SETS))
    parser.add_argument("--sample", type=int, default=None, help="only the N documents of each set with the smallest id hash")
    args = parser.parse_args(argv)
    chosen = {name: [i.document for i in sample(SETS[name](args.data_dir), args.sample)] for name in args.sets.split(",")}
    total = 0
    with tempfile.TemporaryDirectory(prefix="pastespeed6-") as base_root:
        export_bot(REPO, args.against, base_root)
        versions = {args.against: _digest_function(Path(base_root)), "this checkout": _digest_function(REPO)}
        for name, documents in chosen.items():
            different = differing(versions, documents)
            total += len(different)
            print(f"{name}: {len(documents)} digests, {len(documents) - len(different)} identical")
            for source in different:
                print(f"  differs: {source}")
            if args.rounds > 0:
                best = best_times(versions, documents, args.rounds)
                per = {version: seconds * 1000 / len(documents) for version, seconds in best.items()}
                print(f"  whole digest, best of {args.rounds} alternated rounds, CPU ms a paste: {args.against} "
                      f"{per[args.against]:.3f}, this checkout {per['this checkout']:.3f}, "
                      f"ratio {per[args.against] / per['this checkout']:.3f}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
