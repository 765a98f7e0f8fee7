"""The text stages (language, splitting, summary, hedges, figures) of this checkout against a git revision's,
on every benchmark document: identical digests, and CPU per document.

    python -m bench.stagespeed_study DATA_DIR --against GIT_REVISION [--rounds N] [--limit N]

Each document's article is extracted once, by this checkout (the extractors and the paste cleaner are not
what is compared), then digested by both versions' `digest_article`, imported in this one process
(`bench.checkouts`). Every digest's repr is compared, over the ScrapingHub and WCXB dev pastes, the ScrapingHub
HTML pages, every WCXB dev page and the synthetic 1,000- to 100,000-word texts. Then each set is timed, the
versions alternated round by round (the host is shared: ratios from one process, not absolute times).
No setting is chosen here: both versions must give the same output, so there is no tune/held-out split.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterator, Sequence

from bench.checkouts import export_bot, from_checkout, modules_in_place, own_bot_modules
from bench.speed import REPO, html_pages, pastes, wcxb_html_pages
from bench.synthetic import make_article, sentence_pool
from bot.digest.models import Article
from bot.digest.pipeline import extract_article
from bot.digest.sources import RawDocument
from bot.settings import DigestSettings

LONG_SIZES = (1_000, 10_000, 100_000)
Digester = Callable[[Article], str]


def article_sets(data_dir: Path, limit: int | None = None) -> dict[str, list[Article]]:
    """Each benchmark set's articles, extracted by this checkout (documents without one left out)."""
    settings = DigestSettings()
    documents: dict[str, list[RawDocument]] = {
        "ScrapingHub pastes": [i.document for i in pastes(data_dir / "pastes" / "scrapinghub.jsonl")],
        "WCXB dev article pastes": [i.document for i in pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz")],
        "ScrapingHub HTML pages": [i.document for i in html_pages(data_dir)],
        "WCXB dev HTML pages": [i.document for i in wcxb_html_pages(data_dir)],
    }
    pool = sentence_pool(data_dir)
    documents["synthetic texts"] = [RawDocument(f"synthetic-{n}", make_article(pool, n).text, "text") for n in LONG_SIZES]
    sets: dict[str, list[Article]] = {}
    for name, found in documents.items():
        articles = []
        for document in found[:limit]:
            try:
                articles.append(extract_article(document, settings))
            except Exception:  # noqa: BLE001 (no article: nothing for the text stages)
                continue
        sets[name] = articles
    return sets


def _digester(code_root: Path) -> Digester:
    """`repr(digest_article(article))` (default settings) by the `bot` package under `code_root`, its modules
    put in place for each call (as `bench.speed`'s `--against`), or its error's message."""

    def prepare(pipeline: ModuleType) -> Digester:
        settings = importlib.import_module("bot.settings").DigestSettings()
        for document in importlib.import_module("bot.discord_app.worker_pool").warm_up_documents():
            pipeline.digest_document(document, settings)  # models load now, from this version's package
        own = own_bot_modules()

        def digest(article: Article) -> str:
            with modules_in_place(own):
                try:
                    return repr(pipeline.digest_article(article, settings))
                except Exception as error:  # noqa: BLE001 (each version's own DigestError: compared by message)
                    return f"{type(error).__name__}: {error}"

        return digest

    return from_checkout(code_root, "bot.digest.pipeline", prepare)


def compare(sets: dict[str, list[Article]], versions: dict[str, Digester], rounds: int) -> Iterator[str]:
    """One line per set, as each is done: digests identical, best CPU ms per article of each version, their ratio."""
    (base_name, base), (ours_name, ours) = versions.items()
    for name, articles in sets.items():
        differ = [a.source for a in articles if base(a) != ours(a)]  # also warms both
        best = {base_name: float("inf"), ours_name: float("inf")}
        order = list(versions.items())
        for round_number in range(rounds):
            for version, digest in order if round_number % 2 == 0 else order[::-1]:
                started = time.process_time()
                for article in articles:
                    digest(article)
                best[version] = min(best[version], time.process_time() - started)
        per = {version: 1000 * seconds / max(len(articles), 1) for version, seconds in best.items()}
        yield (
            f"{name}: {len(articles) - len(differ)}/{len(articles)} digests identical{' ' + str(differ[:5]) if differ else ''}; "
            f"CPU ms per article {base_name} {per[base_name]:.2f}, this checkout {per[ours_name]:.2f}, "
            f"ratio {best[base_name] / best[ours_name]:.3f} (best of {rounds} alternated rounds)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stagespeed_study", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", required=True, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents a set")
    args = parser.parse_args(argv)
    sets = article_sets(args.data_dir, args.limit)
    with tempfile.TemporaryDirectory(prefix="stagespeed-base-") as base_root:
        export_bot(REPO, args.against, base_root)
        versions = {args.against: _digester(Path(base_root)), "this checkout": _digester(REPO)}
        for line in compare(sets, versions, args.rounds):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
