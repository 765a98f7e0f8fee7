"""Key figures on WCXB's non-article tune pages as a reader sees them, and the refusals of `figure_finder` judged on
the news folds (sixteenth session, figures8).

`run` runs the command line (`bench.product`, of this checkout or of `--repository`, e.g. an export of main) on
every WCXB tune page of the six other types and keeps its JSON; `kinds` reads that JSON and counts the six's figures of each non-article type by the kind a reader sees:
a timestamp ("8 hours ago"), a name's number (a version or a model: "Go 1.26", "DirectX 11"), a number inside an
identifier ("17.HUS.08214"), a number word inside a compound ("all-in-one", "24/7"), inches read as a bare count
('2" x 55 yd'), a star rating or a review count, a clock time's part, or another figure. `sample` prints the figures of hash-picked pages of each type.
`variants` switches `figure_finder.READER_REFUSALS` and the inch reading (`figure_finder._as_inches`) on and off and judges each set with `bench.figures7_study`'s
machinery (five CNN tune folds, the BBC tune part, WCXB tune article chrome; the cache of `bench.figures_study`),
beside the figures of the non-article pages' six. `compare` sets two runs of the product side by side: the rejected
kinds per type and per fold of sites, pages with fewer and more of them. Held-out parts are never read.

    python -m bench.figures8_study /work/shared/data --answers /tmp/figures8/main.jsonl --repository EXPORT run
    python -m bench.figures8_study /work/shared/data --answers /tmp/figures8/main.jsonl kinds
    python -m bench.figures8_study /work/shared/data --answers FILE sample --pages 7
    python -m bench.figures8_study /work/shared/data --answers /tmp/figures8/branch.jsonl --against /tmp/figures8/main.jsonl compare
    python -m bench.figures8_study /work/shared/data --answers FILE --cache /tmp/figures7/tune.pkl --regold variants
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import pathlib
import re
import tempfile
from collections import Counter, defaultdict
from typing import Iterator, Sequence
from urllib.parse import urlsplit

from bench import figures7_study as f7
from bench import figures_study as fs
from bench.fitting import hash_bucket
from bench import figures as bf
from bench.product import REPOSITORY, run_cli, write_documents
from bot.digest.figures import figure_finder as ff
from bot.digest.figures.quantities import find_quantities
from bot.digest.segment.sentence_splitter import split_sentences

OTHER = "another figure"
INCHES = "inches read as a bare count"
_RATING = re.compile(r"\b(?:stars?|ratings?|reviews?|rated)\b|⭐", re.IGNORECASE)
_CLOCK_AROUND = re.compile(r"\d:[0-5]\d:?$")


def run_answers(data_dir: pathlib.Path, out: pathlib.Path, repository: pathlib.Path) -> None:
    """Run the command line of `repository` (`bench.product.run_cli`) on every WCXB tune page that is no article and
    write (type, id, the product's JSON) as one JSON line a page."""
    pages = fs.wcxb_tune_pages(data_dir, articles=False)
    with tempfile.TemporaryDirectory(prefix="figures8-") as folder:
        names = [f"{n:04d}_{bf._file_name(i.split('/')[0])[:40]}" for n, (i, _, _) in enumerate(pages)]
        paths = write_documents(pathlib.Path(folder), ((n, ".html", h) for n, (_, h, _) in zip(names, pages)))
        digests = run_cli("summarize", paths, batch=60, jobs=1, repository=repository)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = ({"type": i.rsplit("/", 1)[1], "id": i.rsplit("/", 1)[0], "digest": d} for (i, _, _), d in zip(pages, digests))
    out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def non_article_answers(path: pathlib.Path) -> list[tuple[str, str, dict]]:
    """(type, id, the product's JSON) of every WCXB tune page that is no article, as `run_answers` wrote them."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(row["type"], row["id"], row["digest"]) for row in rows]


def reader_kind(text: str, sentence: str, language: str = "en") -> str:
    """The kind a reader sees in one shown figure (its text and its sentence)."""
    at = sentence.find(text)
    quantity = next((q for q in find_quantities(sentence, language) if text.endswith(q.text) and q.start >= at >= 0), None)
    if quantity is not None:
        for name, test in ff.READER_REFUSALS:
            if test(quantity, sentence):
                return name
        if ff._as_inches(quantity, sentence) is not quantity:
            return INCHES
    after = sentence[at + len(text):][:30] if at >= 0 else ""
    if _RATING.search(text + " " + after):
        return "a star rating or a review count"
    if at > 0 and _CLOCK_AROUND.search(sentence[max(0, at - 6):at]):
        return "a clock time's part"
    return OTHER


def shown_figures(answers: Sequence[tuple[str, str, dict]]) -> Iterator[tuple[str, str, dict, str]]:
    """(type, id, figure, its sentence) of every figure the product's JSON shows."""
    for page_type, page_id, digest in answers:
        if digest.get("error") or not digest.get("figures"):
            continue
        sentences = {s.index: s.text for s in split_sentences(digest.get("text") or "", digest.get("language") or "en")}
        for figure in digest["figures"]:
            yield page_type, page_id, figure, sentences.get(figure["sentence"], "")


def kinds(answers: Sequence[tuple[str, str, dict]]) -> dict[str, Counter]:
    """Page type -> reader kind -> figures of the six."""
    table: dict[str, Counter] = defaultdict(Counter)
    for page_type, _, figure, sentence in shown_figures(answers):
        table[page_type][reader_kind(figure["text"], sentence)] += 1
    return table


def picked_pages(answers: Sequence[tuple[str, str, dict]], per_type: int, salt: str = "figures8") -> set[str]:
    """`per_type` page ids of each type with figures, chosen by a hash of the id (not by what they show)."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for page_type, page_id, digest in answers:
        if digest.get("figures"):
            by_type[page_type].append(page_id)
    return {i for ids in by_type.values() for i in sorted(ids, key=lambda i: hashlib.sha1((salt + i).encode()).hexdigest())[:per_type]}


@contextlib.contextmanager
def refusals(names: Sequence[str], inches: bool = True) -> Iterator[None]:
    """`figure_finder.READER_REFUSALS` cut to the named ones, and the inch reading on or off, for the block."""
    shipped, as_inches = ff.READER_REFUSALS, ff._as_inches
    ff.READER_REFUSALS = tuple(r for r in shipped if r[0] in names)
    if not inches:
        ff._as_inches = lambda quantity, sentence_text: quantity
    try:
        yield
    finally:
        ff.READER_REFUSALS, ff._as_inches = shipped, as_inches


def removed_on_pages(answers: Sequence[tuple[str, str, dict]]) -> Counter:
    """Page type -> figures of the six (recomputed in process) under the refusals in force."""
    counts: Counter = Counter()
    for page_type, page_id, digest in answers:
        if not digest.get("error"):
            counts[page_type] += len(fs.shipped(fs.read(page_id, digest)))
    return counts


def variant_sets() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Label -> (the refusals in force, the inch reading on)."""
    names = tuple(name for name, _ in ff.READER_REFUSALS)
    out = {"none (main)": ((), False), "all (shipped)": (names, True)}
    for name in names:
        out[f"only {name}"] = ((name,), False)
    out[f"only {INCHES} (as inches)"] = ((), True)
    return out


def site_folds(data_dir: pathlib.Path) -> dict[str, int]:
    """WCXB page id -> its site's fold among five (`hash_bucket(site, 5, "figures8")`): a change that helps on one site
    only shows on one fold."""
    folds = {}
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            site = urlsplit(page.get("url") or "").netloc.lower().removeprefix("www.")
            folds[str(page["id"])] = hash_bucket(site, 5, "figures8")
    return folds


def rejected_by_page(answers: Sequence[tuple[str, str, dict]]) -> dict[tuple[str, str], tuple[int, int]]:
    """(type, id) -> (figures of a kind a reader rejects, figures) in the product's JSON."""
    out: dict[tuple[str, str], list[int]] = {}
    for page_type, page_id, digest in answers:
        out[(page_type, page_id)] = [0, 0]
    for page_type, page_id, figure, sentence in shown_figures(answers):
        row = out[(page_type, page_id)]
        row[0] += reader_kind(figure["text"], sentence) != OTHER
        row[1] += 1
    return {key: (row[0], row[1]) for key, row in out.items()}


def _print_kinds(answers: Sequence[tuple[str, str, dict]]) -> None:
    table = kinds(answers)
    types = sorted(table)
    labels = sorted({k for row in table.values() for k in row}, key=lambda k: (k == OTHER, k))
    print(f"{'kind':40} " + " ".join(f"{t[:11]:>11}" for t in types) + "   all")
    for label in labels:
        print(f"{label:40} " + " ".join(f"{table[t][label]:11d}" for t in types) + f" {sum(table[t][label] for t in types):5d}")
    print(f"{'figures':40} " + " ".join(f"{sum(table[t].values()):11d}" for t in types))


def _print_sample(answers: Sequence[tuple[str, str, dict]], per_type: int) -> None:
    chosen = picked_pages(answers, per_type)
    for page_type, page_id, figure, sentence in shown_figures(answers):
        if page_id in chosen:
            kind = reader_kind(figure["text"], sentence)
            print(f"{page_type:13} {page_id[:10]:10} {figure['text']!r:28} counts={figure['counts']!r:20} [{kind}] {sentence[:110]!r}")


def _print_variants(answers: Sequence[tuple[str, str, dict]], cache: fs.Cache) -> None:
    cnn, bbc = f7.news_items(cache, "cnn"), f7.news_items(cache, "bbc")
    rows = {}
    for label, (names, inches) in variant_sets().items():
        with refusals(names, inches):
            rows[label] = (f7.judge(cache, cnn, bbc, fs.shipped), removed_on_pages(answers))
    base = rows["none (main)"][0]
    for label, (verdict, pages) in rows.items():
        ups = sum(a > b for a, b in zip(verdict.cnn, base.cnn))
        downs = sum(a < b for a, b in zip(verdict.cnn, base.cnn))
        print(f"{label:45} CNN {sum(verdict.cnn)} {verdict.cnn} (folds up {ups}, down {downs}); BBC {verdict.bbc}; "
              f"chrome {verdict.chrome} of {verdict.figures}; non-article figures " + ", ".join(f"{t} {n}" for t, n in sorted(pages.items())))


def _print_compare(before: Sequence[tuple[str, str, dict]], after: Sequence[tuple[str, str, dict]], folds: dict[str, int]) -> None:
    old, new = rejected_by_page(before), rejected_by_page(after)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    by_fold: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for key in old.keys() & new.keys():
        (r0, n0), (r1, n1) = old[key], new[key]
        for row in (by_type[key[0]], by_fold[folds.get(key[1], -1)]):
            row[0] += r0
            row[1] += r1
            row[2] += n0
            row[3] += n1
            row[4] += r1 < r0
            row[5] += r1 > r0
    print("rejected kinds in the six (main -> branch), figures (main -> branch), pages with fewer / more rejected")
    for label, table in (("type", by_type), ("site fold", by_fold)):
        for key, row in sorted(table.items()):
            print(f"  {label} {key!s:14} {row[0]:4} -> {row[1]:4}   figures {row[2]:5} -> {row[3]:5}   pages {row[4]:3} fewer, {row[5]:3} more")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.figures8_study", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--answers", type=pathlib.Path, required=True, help="the product's JSON of the pages (JSON lines; `run` writes it)")
    parser.add_argument("--repository", type=pathlib.Path, default=REPOSITORY, help="run: the checkout whose command line runs")
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/figures7/tune.pkl"))
    parser.add_argument("--pages", type=int, default=7, help="sample: pages of each type")
    parser.add_argument("--regold", action="store_true", help="variants: the news gold read again by this scanner (figures7_study)")
    parser.add_argument("--against", type=pathlib.Path, help="compare: the product's JSON of main (`run` on an export)")
    parser.add_argument("what", choices=("run", "kinds", "sample", "variants", "compare"))
    args = parser.parse_args(argv)
    if args.what == "run":
        run_answers(args.data_dir, args.answers, args.repository)
        return
    answers = non_article_answers(args.answers)
    if args.what == "kinds":
        _print_kinds(answers)
    elif args.what == "compare":
        _print_compare(non_article_answers(args.against), answers, site_folds(args.data_dir))
    elif args.what == "sample":
        _print_sample(answers, args.pages)
    else:
        cache = f7._load(args.cache)
        _print_variants(answers, f7.regold(cache, args.data_dir) if args.regold else cache)


if __name__ == "__main__":
    main()
