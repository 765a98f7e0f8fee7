"""Do this checkout's key figures equal another revision's? The figures stage, compared in one process.

    python -m bench.figspeed_equivalence DATA_DIR --against REV [--cache DIR] [--sets sh,shp,wcxb,wcxbp,cnn,bbc]
        [--rounds N] [--lines]

The figures are a function of what `find_figures` is given (the pipeline's sentences, the summary's
choice, the title, the language), and nothing before that stage reads the figures code. So each
document is digested once by this checkout's pipeline with `find_figures` recorded (cached under
`--cache`, one file a set), then both versions' `find_figures` run on every recorded call, and both
versions' `find_quantities` on every sentence and title and on the MeasEval texts. REV's `bot` package
comes from `git archive` into a temporary folder (bench/checkouts.py). With `--rounds`, the figures stage
of the two versions is also timed on the same calls, rounds alternated (CPU time, best of the rounds): a
ratio on the same inputs, not disturbed by the other stages. With `--lines` (eighteenth session, figspeed9),
both versions' page-chrome test (`_chrome_line`, asked in the product only of lines with a number) is also asked
of every sentence and title, and its answers compared: the line patterns' sign gates checked on every line.

Sets: sh = the 181 ScrapingHub HTML pages, shp = their pastes, wcxb = the 1,497 WCXB dev pages (with their
address), wcxbp = the 711 WCXB dev article pastes, cnn = the CNN Corpus articles with numbers in their
highlights (both halves), bbc = every BBC News article whose summary holds a number.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import pickle
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, Sequence

import bot.digest.pipeline as pipeline
from bench.checkouts import export_bot, from_checkout
from bot.digest.sources import RawDocument
from bot.settings import DigestSettings

REPO = Path(__file__).resolve().parent.parent
ALL_SETS = ("sh", "shp", "wcxb", "wcxbp", "cnn", "bbc")
# One recorded call of find_figures: (document id, sentences, limit, skip, language code, summary, title).
Call = tuple[str, list, int, tuple, str, tuple, str]


def documents(data_dir: Path, name: str) -> list[RawDocument]:
    """The documents of one set, as the bot gets them."""
    from bench import figures as figure_bench
    from bench.speed import html_pages, pastes, wcxb_html_pages

    if name == "sh":
        return [i.document for i in html_pages(data_dir)]
    if name == "wcxb":
        return [i.document for i in wcxb_html_pages(data_dir)]
    if name == "shp":
        return [i.document for i in pastes(data_dir / "pastes" / "scrapinghub.jsonl")]
    if name == "wcxbp":
        return [i.document for i in pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz")]
    corpus = data_dir / "summarization"
    if name == "cnn":
        articles = [*figure_bench.cnn_articles(corpus / "cnn-corpus.jsonl.gz", "tune"),
                    *figure_bench.cnn_articles(corpus / "cnn-corpus.jsonl.gz", "test")]
    elif name == "bbc":
        articles = figure_bench.bbc_articles(corpus / "bbc-news-summary.jsonl.gz", share=100)
    else:
        raise ValueError(f"unknown set {name!r}")
    return [RawDocument(source=a.name, text=a.text, kind="text") for a in articles]


def record_calls(docs: Iterable[RawDocument]) -> list[Call]:
    """Digest each document with this checkout's pipeline, keeping what `find_figures` was given."""
    calls: list[Call] = []
    original = pipeline.find_figures
    current = [""]

    def spy(sentences, limit=6, skip=(), language_code="en", summary=(), title=""):  # type: ignore[no-untyped-def]
        calls.append((current[0], list(sentences), limit, tuple(skip), language_code, tuple(summary), title))
        return original(sentences, limit=limit, skip=skip, language_code=language_code, summary=summary, title=title)

    settings = DigestSettings()
    pipeline.find_figures = spy
    try:
        for document in docs:
            current[0] = document.source
            pipeline.digest_document(document, settings)  # errors come back in the digest
    finally:
        pipeline.find_figures = original
    return calls


def cached_calls(data_dir: Path, name: str, cache: Path) -> list[Call]:
    path = cache / f"calls-{name}.pkl.gz"
    if path.exists():
        with gzip.open(path, "rb") as handle:
            return pickle.load(handle)
    calls = record_calls(documents(data_dir, name))
    cache.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as handle:
        pickle.dump(calls, handle)
    return calls


def measeval_texts(data_dir: Path) -> list[str]:
    root = data_dir / "figures" / "measeval"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/text/*.txt"))]


def figures_of(finder: ModuleType, calls: Sequence[Call]) -> list[list]:
    return [
        finder.find_figures(s, limit=limit, skip=skip, language_code=lang, summary=summary, title=title)
        for _id, s, limit, skip, lang, summary, title in calls
    ]


def scan_inputs(calls: Sequence[Call]) -> list[tuple[str, str]]:
    """(text, language) of every sentence and title the calls hold."""
    texts = []
    for _id, sentences, _limit, _skip, lang, _summary, title in calls:
        texts += [(s.text, lang) for s in sentences]
        texts.append((title, lang))
    return texts


def quantities_of(finder: ModuleType, texts: Sequence[tuple[str, str]]) -> list[list]:
    return [finder.find_quantities(text, lang) for text, lang in texts]


def differing_chrome(base: ModuleType, own: ModuleType, texts: Sequence[tuple[str, str]]) -> int:
    """How many of `texts` the two versions' `_chrome_line` answer differently."""
    return sum(bool(base._chrome_line(text)) != bool(own._chrome_line(text)) for text, _lang in texts)


def base_finder(revision: str, root: Path) -> ModuleType:
    """REV's `bot.digest.figures.figure_finder`, from `git archive` into `root`."""
    export_bot(REPO, revision, root)
    return from_checkout(root, "bot.digest.figures.figure_finder", lambda module: module)


def best_seconds(function: Callable[[], Any], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
    return best


def compare(base: ModuleType, own: ModuleType, calls: Sequence[Call]) -> tuple[int, int, int, int]:
    """(documents, differing documents, scanned texts, differing scans)."""
    base_figures, own_figures = figures_of(base, calls), figures_of(own, calls)
    texts = scan_inputs(calls)
    base_quantities, own_quantities = quantities_of(base, texts), quantities_of(own, texts)
    # compared as their repr: each version has its own dataclasses, which never compare equal
    differing = sum(repr(a) != repr(b) for a, b in zip(base_figures, own_figures))
    differing_scans = sum(repr(a) != repr(b) for a, b in zip(base_quantities, own_quantities))
    return len(calls), differing, len(texts), differing_scans


def timed_pair(base: ModuleType, own: ModuleType, calls: Sequence[Call], rounds: int) -> tuple[float, float]:
    """Best CPU seconds of each version's figures stage over the calls, rounds alternated."""
    best = {"base": float("inf"), "own": float("inf")}
    versions = [("base", base), ("own", own)]
    for number in range(rounds):
        for name, finder in versions if number % 2 == 0 else versions[::-1]:
            best[name] = min(best[name], best_seconds(lambda: figures_of(finder, calls), 1))
    return best["base"], best["own"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", default="main", help="git revision to compare with")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "figspeed")
    parser.add_argument("--sets", default=",".join(ALL_SETS))
    parser.add_argument("--rounds", type=int, default=0, help="also time both figures stages, alternated rounds")
    parser.add_argument("--lines", action="store_true", help="also compare `_chrome_line` on every sentence and title")
    args = parser.parse_args(argv)
    own = importlib.import_module("bot.digest.figures.figure_finder")
    with tempfile.TemporaryDirectory(prefix="figspeed-base-") as root:
        base = base_finder(args.against, Path(root))
        all_same = True
        for name in args.sets.split(","):
            calls = cached_calls(args.data_dir, name, args.cache)
            count, differing, scanned, differing_scans = compare(base, own, calls)
            all_same &= differing == 0 and differing_scans == 0
            line = f"{name}: {count - differing}/{count} documents' figures identical, {scanned - differing_scans}/{scanned} scans identical"
            if args.lines:
                differing_lines = differing_chrome(base, own, scan_inputs(calls))
                all_same &= differing_lines == 0
                line += f", {scanned - differing_lines}/{scanned} chrome-line answers identical"
            if args.rounds:
                base_s, own_s = timed_pair(base, own, calls, args.rounds)
                line += f"; figures stage {base_s * 1000 / count:.3f} -> {own_s * 1000 / count:.3f} ms a document ({base_s / own_s:.2f}x)"
            print(line, flush=True)
        texts = [(text, "en") for text in measeval_texts(args.data_dir)]
        same = sum(repr(a) == repr(b) for a, b in zip(quantities_of(base, texts), quantities_of(own, texts)))
        all_same &= same == len(texts)
        print(f"measeval: {same}/{len(texts)} texts' quantities identical")
    return 0 if all_same else 1


if __name__ == "__main__":
    raise SystemExit(main())
