"""This checkout's whole digests against a git revision's on every benchmark document: identical, and the time.

    python -m bench.stagespeed9_equivalence DATA_DIR [--against REV] [--sets sh,shp,wcxb,wcxbp,cnn,bbc,long,measeval]
        [--rounds N] [--marks] [--stages]
    python -m bench.stagespeed9_equivalence DATA_DIR --marks --sets wikiweasel,bioscope,bioscope-papers

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

The hedge sets (seventeenth session, hedgespeed9: the hedge stages' speed-ups must change no mark) are the hedge
benchmark's sentences made documents as `bench.hedges` makes them (a neutral title, then one sentence a paragraph;
WikiWeasel in runs of 40, BioScope by abstract or paper), every sentence of the files, both splits: wikiweasel,
bioscope (the abstracts) and bioscope-papers. With `--marks` the comparison also takes in what the hedge stage
said of every sentence, not only of those the digest shows: the text's register (`text_register`) and each
sentence's `mark_sentence` answer (hedge kind, cues and soft cues), recorded in the pipeline of each version.
With `--stages` (eighteenth session, pastespeed8: the language, splitting and word-pattern speed-ups) it also takes
in the language `detect_language` gave and every sentence `split_sentences` gave (text, paragraph, heading), as the
pipeline of each version got them.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from bench.checkouts import export_bot, from_checkout, modules_in_place, own_bot_modules
from bench.figspeed_equivalence import documents as figure_set_documents
from bench.figspeed_equivalence import measeval_texts
from bench.hedges import NEUTRAL_TITLE, documents_of
from bench.pastespeed6_equivalence import best_times, differing
from bench.speed import _digest_function
from bench.synthetic import make_article, sentence_pool
from bench.train_hedges import LabelledSentence, load_bioscope, load_wikiweasel
from bot.digest.sources import RawDocument

REPO = Path(__file__).resolve().parents[1]
ALL_SETS = ("sh", "shp", "wcxb", "wcxbp", "cnn", "bbc", "long", "measeval", "wikiweasel", "bioscope", "bioscope-papers")
Scan = Callable[[str], list]
# The hedge sets: the file of each under DATA_DIR/hedges, its reader, and whether its documents go by item id.
HEDGE_SETS: dict[str, tuple[str, Callable[[Path], list[LabelledSentence]], bool]] = {
    "wikiweasel": ("wikiweasel-train.csv.gz", load_wikiweasel, False),
    "bioscope": ("bioscope-abstracts.xml.gz", load_bioscope, True),
    "bioscope-papers": ("bioscope-full-papers.xml.gz", load_bioscope, True),
}


def hedge_documents(data_dir: Path, name: str) -> list[RawDocument]:
    """A hedge set's sentences as the hedge benchmark digests them (`bench.hedges.digest_marks`)."""
    file_name, load, by_item_id = HEDGE_SETS[name]
    items = [item for item in load(data_dir / "hedges" / file_name) if item.text]
    return [RawDocument(f"{name}-{n}", NEUTRAL_TITLE + "\n\n" + "\n\n".join(" ".join(items[i].text.split()) for i in doc) + "\n",
                        "text")
            for n, doc in enumerate(documents_of(items, by_item_id))]


def set_documents(data_dir: Path, name: str) -> list[RawDocument]:
    """The documents of one set, as the bot gets them."""
    if name == "long":
        return [RawDocument("synthetic-100k", make_article(sentence_pool(data_dir), 100_000).text, "text")]
    if name == "measeval":
        return [RawDocument(f"measeval-{n}", text, "text") for n, text in enumerate(measeval_texts(data_dir))]
    if name in HEDGE_SETS:
        return hedge_documents(data_dir, name)
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


# What `--marks` and `--stages` record of each pipeline call: the pipeline's own names of the stages.
MARKED_STAGES = ("mark_sentence", "text_register")
SPLIT_STAGES = ("detect_language", "split_sentences")


def _with_records(code_root: Path, stages: Sequence[str]) -> Callable[[RawDocument], tuple[object, list[tuple[str, object]]]]:
    """`digest_document` of `code_root`'s `bot` (as `bench.speed._digest_function` runs it), giving the digest and
    what each of `stages` (names of functions the pipeline module calls: `MARKED_STAGES`, `SPLIT_STAGES`) answered in
    its pass, every call in order, recorded where the pipeline calls them: the hedge stage's register and each
    sentence's marks, the language and every sentence of the split, not only what the digest shows."""
    said: list[tuple[str, object]] = []

    def recorder(name: str, stage: Callable[..., object]) -> Callable[..., object]:
        def recorded(*args: object, **kwargs: object) -> object:
            said.append((name, answer := stage(*args, **kwargs)))
            return answer

        return recorded

    def prepare(pipeline: ModuleType) -> Callable[[RawDocument], object]:
        for name in stages:
            setattr(pipeline, name, recorder(name, getattr(pipeline, name)))
        settings = importlib.import_module("bot.settings").DigestSettings()
        for document in importlib.import_module("bot.discord_app.worker_pool").warm_up_documents():
            pipeline.digest_document(document, settings)  # the models load on first use: load them here
        own = own_bot_modules()

        def digest(document: RawDocument) -> object:
            with modules_in_place(own):
                return pipeline.digest_document(document, settings)

        return digest

    digest = from_checkout(code_root, "bot.digest.pipeline", prepare)

    def digest_and_records(document: RawDocument) -> tuple[object, list[tuple[str, object]]]:
        said.clear()
        try:
            return digest(document), list(said)
        except Exception as error:  # noqa: BLE001 (each version's own DigestError class: compared by message)
            return f"{type(error).__name__}: {error}", list(said)

    return digest_and_records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stagespeed9_equivalence", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", default="main", help="git revision to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=0, help="alternated timing rounds (0: equivalence only)")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated: " + ", ".join(ALL_SETS))
    parser.add_argument("--marks", action="store_true",
                        help="compare what the hedge stage said of every sentence too (the register, each sentence's marks)")
    parser.add_argument("--stages", action="store_true",
                        help="compare the language detected and every sentence of the split too, as the pipeline got them")
    args = parser.parse_args(argv)
    names = args.sets.split(",")
    unknown = set(names) - set(ALL_SETS)
    if unknown:
        parser.error(f"unknown sets: {', '.join(sorted(unknown))}")
    total = 0
    with tempfile.TemporaryDirectory(prefix="stagespeed9-") as base_root:
        export_bot(REPO, args.against, base_root)
        stages = (MARKED_STAGES if args.marks else ()) + (SPLIT_STAGES if args.stages else ())
        digester = functools.partial(_with_records, stages=stages) if stages else _digest_function
        versions = {args.against: digester(Path(base_root)), "this checkout": digester(REPO)}
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
