"""Key figures on the tune parts: where chrome figures come from, and which highlight numbers the six miss.

Eleventh session (docs/quality/figures.md). The command line runs once on the CNN Corpus tune half, the BBC
tune part (buckets 50-74) and WCXB's tune article pages (bench/splits.py), and its JSON is cached; the figures
are then recomputed in process from the cached `text`, `title`, `language` and summary indices with
`figure_finder.candidates` and `choose` (what `find_figures` does), so a change to the figure finder is
measured without running the command line again. Held-out parts are never read here.

    python -m bench.figures_study ../shared/data --cache /tmp/figures11/tune.pkl chrome
    python -m bench.figures_study ../shared/data --cache /tmp/figures11/tune.pkl missed
    python -m bench.figures_study ../shared/data --cache /tmp/figures11/tune.pkl score

Twelfth session: `types` adds WCXB's tune pages of the other six types (listing, collection, product, ...; cached
under "wcxb_other" in the same file) and prints the share of figures from chrome by page type, the same 3-gram
test as `bench.figures` uses for article pages (where the page's true text is its listing, its cards or its posts).

    python -m bench.figures_study ../shared/data --cache /tmp/figures3/tune.pkl types

Thirteenth session: `kinds` ranks the CNN tune key numbers the six miss by the kind of figure that holds them,
beside the kind of the weakest figure of the six that is no key number; `weights` cross-validates one weight of
`RankWeights` over the CNN tune folds (chosen on one fold, read on the other, BBC tune beside); `ranker` fits a
pointwise logistic ranker over the candidates on one CNN tune fold and reads it on the other, and fitted on the
whole CNN tune half, on the BBC tune part.

    python -m bench.figures_study ../shared/data --cache /tmp/figures4/tune.pkl kinds
    python -m bench.figures_study ../shared/data --cache /tmp/figures4/tune.pkl weights --weight repeated --values 1 2 3 4
    python -m bench.figures_study ../shared/data --cache /tmp/figures4/tune.pkl ranker
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import pathlib
import pickle
import re
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Sequence

import numpy as np

from bench import figures as bf
from bench.fitting import fit_logistic
from bench.product import run_cli, write_documents
from bench.splits import wcxb_part
from bot.digest.figures import figure_finder as ff
from bot.digest.models import Figure, Sentence
from bot.digest.segment.sentence_splitter import split_sentences

log = logging.getLogger(__name__)

Cache = dict[str, tuple[list, list[dict]]]


def build_cache(data_dir: pathlib.Path, path: pathlib.Path) -> Cache:
    """Run the command line once on the three tune parts and pickle (articles or pages, digests)."""
    summaries = data_dir / "summarization"
    cache: Cache = {}
    news = {
        "cnn": bf.cnn_articles(summaries / "cnn-corpus.jsonl.gz", "tune"),
        "bbc": bf.bbc_articles(summaries / "bbc-news-summary.jsonl.gz", part="tune"),
    }
    for name, articles in news.items():
        with tempfile.TemporaryDirectory(prefix="figures-study-") as folder:
            paths = write_documents(pathlib.Path(folder), ((a.name, ".txt", a.text) for a in articles))
            cache[name] = (articles, run_cli("summarize", paths))
    pages = wcxb_tune_pages(data_dir)
    with tempfile.TemporaryDirectory(prefix="figures-study-") as folder:
        paths = write_documents(pathlib.Path(folder), ((bf._file_name(i), ".html", h) for i, h, _ in pages))
        cache["wcxb"] = (pages, run_cli("summarize", paths))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(cache, handle)
    return cache


def wcxb_tune_pages(data_dir: pathlib.Path, articles: bool = True) -> list[tuple[str, str, str]]:
    """(id, html, true text) of WCXB's tune article pages, or (`articles=False`) of its tune pages of every other
    type, each id then ending in "/<type>"."""
    pages = []
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if (item.get("type") == "article") != articles or wcxb_part(str(item["id"])) != "tune":
                continue
            page_id = str(item["id"]) if articles else f"{item['id']}/{item.get('type')}"
            pages.append((page_id, item.get("html") or "", item.get("truth") or ""))
    return pages


def add_other_pages(data_dir: pathlib.Path, cache: Cache, path: pathlib.Path) -> Cache:
    """Run the command line once on WCXB's tune pages of the other types and keep them in the cache file."""
    pages = wcxb_tune_pages(data_dir, articles=False)
    with tempfile.TemporaryDirectory(prefix="figures-study-") as folder:
        names = (bf._file_name(i.split("/")[0]) for i, _, _ in pages)
        paths = write_documents(pathlib.Path(folder), ((n, ".html", h) for n, (_, h, _) in zip(names, pages)))
        cache["wcxb_other"] = (pages, run_cli("summarize", paths))
    with path.open("wb") as handle:
        pickle.dump(cache, handle)
    return cache


@dataclass
class Read:
    """One cached digest, read again: its sentences and the figure finder's candidates."""

    name: str
    digest: dict
    sentences: list[Sentence]
    language: str
    found: list[ff.Candidate]


def read(name: str, digest: dict) -> Read:
    language = digest.get("language") or "en"
    sentences = split_sentences(digest.get("text") or "", language)
    summary = [s["index"] for s in digest.get("summary") or []]
    found = ff.candidates(sentences, (), language, summary, digest.get("title") or "")
    return Read(name, digest, sentences, language, found)


def fold(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % 2


Chooser = Callable[[Read], list[Figure]]


def shipped(item: Read) -> list[Figure]:
    return ff.choose(item.found, 6)


def news_score(cache: Cache, corpus: str, choose: Chooser = shipped) -> tuple[int, int, int, int]:
    """(found in fold 0, found in fold 1, key numbers, first six numbers found) on a news tune part."""
    articles, digests = cache[corpus]
    found = [0, 0]
    total = first = 0
    for article, digest in zip(articles, digests):
        if digest.get("error"):
            total += len(article.gold)
            continue
        item = read(article.name, digest)
        shown = [n for f in choose(item) for n in bf.shown_numbers({"value": f.value, "text": f.text}, item.language)]
        found[fold(article.name)] += bf._matched(article.gold, shown)
        first += bf._matched(article.gold, bf._first_numbers(digest.get("text") or ""))
        total += len(article.gold)
    return found[0], found[1], total, first


# --- chrome ------------------------------------------------------------------------------------------------

# The shapes of chrome lines the brief asks about; a line may have several, the first is reported.
LINE_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("copyright year", re.compile(r"©|\bcopyright\b", re.IGNORECASE)),
    ("N min read", re.compile(r"\bmin(?:ute)?s?\.? read\b|\breading time\b", re.IGNORECASE)),
    ("view/comment/share count", re.compile(r"\b\d[\d,.]*[km]?\s+(?:views?|comments?|shares?|likes?|replies|reviews?|followers?|votes?)\b", re.IGNORECASE)),
    ("rating", re.compile(r"\b\d(?:\.\d)?\s*(?:/|out of)\s*(?:5|10)\b|\bstars?\b|\brated\b", re.IGNORECASE)),
    ("phone number", re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s-]\d")),
    ("price", re.compile(r"[$€£¥]\s?\d|\b\d+(?:\.\d\d)?\s?(?:usd|eur|gbp)\b|\bper (?:month|year)\b", re.IGNORECASE)),
    ("age in a caption", re.compile(r"\b\d{1,2}[-\s]years?[-\s]old\b|,\s\d{1,2},\s", re.IGNORECASE)),
    ("date", re.compile(
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|"
        r"jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)),
)


def line_shape(sentence: str) -> str:
    for label, pattern in LINE_SHAPES:
        if pattern.search(sentence):
            return label
    return "other prose"


def shingle_share(sentence: str, truth_shingles: set) -> float:
    shingles = bf._shingles(sentence)
    return len(shingles & truth_shingles) / len(shingles) if shingles else 0.0


def where_from(sentence: str, figure: Figure, truth: str, truth_shingles: set) -> str:
    """Why the 3-gram test calls a figure's sentence chrome: leaked by extraction, or in the article after all."""
    share = shingle_share(sentence, truth_shingles)
    if share >= 0.5:
        return f"mostly in the article ({share:.2f}): split or glued differently"
    if figure.text and figure.text in truth and share >= 0.2:
        return f"number in the article, line partly ({share:.2f})"
    return f"leaked by extraction ({share:.2f})"


def _judged_figures(cache: Cache, choose: Chooser, part: str = "wcxb") -> Iterator[tuple[str, Figure, str, str, set, bool]]:
    """(page id, figure, sentence, truth, truth's shingles, from the article?) of every WCXB tune figure shown."""
    pages, digests = cache[part]
    for (page_id, _, truth), digest in zip(pages, digests):
        if digest.get("error"):
            continue
        item = read(page_id, digest)
        truth_shingles = bf._shingles(truth)
        for figure in choose(item):
            sentence = item.sentences[figure.sentence].text if figure.sentence < len(item.sentences) else ""
            yield page_id, figure, sentence, truth, truth_shingles, bf._from_article(sentence, truth_shingles)


def chrome_figures(cache: Cache, choose: Chooser = shipped) -> Iterator[tuple[str, Figure, str, str, str]]:
    """(page id, figure, sentence, line shape, where from) of every WCXB tune figure the 3-gram test calls chrome."""
    for page_id, figure, sentence, truth, truth_shingles, from_article in _judged_figures(cache, choose):
        if not from_article:
            yield page_id, figure, sentence, line_shape(sentence), where_from(sentence, figure, truth, truth_shingles)


def chrome_count(cache: Cache, choose: Chooser = shipped) -> tuple[int, int]:
    """(chrome figures, figures) on the WCXB tune pages."""
    judged = [from_article for *_, from_article in _judged_figures(cache, choose)]
    return judged.count(False), len(judged)


def chrome_by_type(cache: Cache, choose: Chooser = shipped) -> dict[str, tuple[int, int, int, int]]:
    """Page type -> (chrome figures, figures, chrome numbers, numbers) on WCXB's tune pages of the other types
    (twelfth session); the last two are the reference, the first six numbers of the same text."""
    counts: dict[str, list[int]] = {}
    pages, digests = cache["wcxb_other"]
    for (page_id, _, truth), digest in zip(pages, digests):
        if digest.get("error"):
            continue
        item = read(page_id, digest)
        truth_shingles = bf._shingles(truth)
        row = counts.setdefault(page_id.split("/")[-1], [0, 0, 0, 0])
        for figure in choose(item):
            row[0] += not bf._from_article(item.sentences[figure.sentence].text, truth_shingles)
            row[1] += 1
        first = bf._first_number_sentences([s.text for s in item.sentences])
        row[2] += sum(not bf._from_article(sentence, truth_shingles) for _, sentence in first)
        row[3] += len(first)
    return {kind: (row[0], row[1], row[2], row[3]) for kind, row in sorted(counts.items())}


# --- CNN highlight numbers the six miss -------------------------------------------------------------------


def _near(gold: float, value: float | None) -> bool:
    return value is not None and abs(gold - value) <= 0.02 * max(abs(gold), 1e-9)


def missed(cache: Cache, corpus: str = "cnn") -> Iterator[dict]:
    """Each key number of a news tune part the six do not show but a candidate holds: its best candidate's rank
    (one per value, by the shipped score), and the chosen figures that outrank it."""
    articles, digests = cache[corpus]
    for article, digest in zip(articles, digests):
        if digest.get("error"):
            continue
        item = read(article.name, digest)
        six = ff.choose(item.found, 6)
        shown = [n for f in six for n in bf.shown_numbers({"value": f.value, "text": f.text}, item.language)]
        ranked = _ranked_values(item.found)
        for gold in article.gold:
            if any(_near(gold, n) for n in shown):
                continue
            rank = next((r for r, c in enumerate(ranked) if _near(gold, c.figure.value)), None)
            yield {
                "article": article.name, "gold": gold, "rank": rank,
                "candidate": ranked[rank] if rank is not None else None,
                "displaced_by": [c for c in ranked[:6]], "item": item,
            }


def _ranked_values(found: list[ff.Candidate]) -> list[ff.Candidate]:
    ranked = sorted(found, key=lambda c: (-ff.score(c), c.position, c.offset))
    seen: set = set()
    out = []
    for candidate in ranked:
        key = ff._dedupe_key(candidate.figure)
        if key not in seen:
            seen.add(key)
            out.append(candidate)
    return out


# --- thirteenth session: the misses by kind, one weight cross-validated, a learned ranker -------------------

# Head words of a counted noun that name people: "what the highlight writers count" (angle 2 of the brief).
PEOPLE_HEADS = frozenset(
    "people persons person men women children kids students soldiers troops officers police workers employees "
    "staff residents civilians victims patients passengers fans members voters refugees migrants deaths dead "
    "killed injured wounded lives americans prisoners inmates protesters militants rebels adults teenagers girls "
    "boys families citizens individuals players doctors nurses survivors casualties visitors customers users "
    "athletes".split()
)


def figure_label(candidate: ff.Candidate) -> str:
    """The kind of a candidate as the misses table names it: the scanner's kind, with counts split by what
    they count (people, another noun, a small number word, no noun) and ages apart."""
    figure, traits = candidate.figure, candidate.traits
    if "age" in traits:
        return "age"
    if figure.kind != "count":
        return figure.kind
    if "small_word" in traits:
        return "count, small word"
    if "quoted" in traits:
        return "count, no noun (quoted)"
    head = (figure.counts.split() or [""])[-1].lower()
    return "count of people" if head in PEOPLE_HEADS else "count, other noun"


def _shows_key(candidate: ff.Candidate, gold: Sequence[float], language: str) -> bool:
    shown = bf.shown_numbers({"value": candidate.figure.value, "text": candidate.figure.text}, language)
    return bf._matched(gold, shown) > 0


def misses_by_kind(cache: Cache, corpus: str = "cnn") -> tuple[Counter, Counter, Counter, Counter]:
    """(missed key numbers a candidate ranked 7th or lower holds, by its kind; the weakest figure of the six that
    shows no key number in the same article, by kind; candidates by kind; key candidates by kind), one candidate
    per value as `choose` ranks them."""
    missed_kind, weakest_kind, every_kind, key_kind = Counter(), Counter(), Counter(), Counter()
    articles, digests = cache[corpus]
    for article, digest in zip(articles, digests):
        if digest.get("error"):
            continue
        item = read(article.name, digest)
        ranked = _ranked_values(item.found)
        for candidate in ranked:
            every_kind[figure_label(candidate)] += 1
            key_kind[figure_label(candidate)] += _shows_key(candidate, article.gold, item.language)
        six = ranked[:6]
        shown = [n for c in six for n in bf.shown_numbers({"value": c.figure.value, "text": c.figure.text}, item.language)]
        wasted = [c for c in six if not _shows_key(c, article.gold, item.language)]
        for gold in article.gold:
            if any(_near(gold, n) for n in shown):
                continue
            holder = next((c for c in ranked[6:] if _shows_key(c, (gold,), item.language)), None)
            if holder is None:
                continue
            missed_kind[figure_label(holder)] += 1
            if wasted:
                weakest_kind[figure_label(min(wasted, key=ff.score))] += 1
    return missed_kind, weakest_kind, every_kind, key_kind


def weight_folds(cache: Cache, name: str, values: Sequence[float]) -> dict[float, dict[str, tuple[int, int]]]:
    """value -> corpus -> (fold 0, fold 1) key numbers among the six with `RankWeights.<name>` set to the value."""
    out: dict[float, dict[str, tuple[int, int]]] = {}
    for value in values:
        weights = replace(ff.WEIGHTS, **{name: value})
        row = {}
        for corpus in ("cnn", "bbc"):
            f0, f1, _, _ = news_score(cache, corpus, lambda item, w=weights: ff.choose(item.found, 6, w))
            row[corpus] = (f0, f1)
        out[value] = row
    return out


def chosen_on_fold(table: dict[float, dict[str, tuple[int, int]]], fold_index: int, default: float) -> float:
    """The value with the most CNN key numbers on one fold (ties: the shipped value, then the smaller)."""
    return max(table, key=lambda v: (table[v]["cnn"][fold_index], v == default, -v))


_KINDS = ("count", "money", "percent", "ordinal", "duration", "measure", "date")
_TRAITS = ("clear_noun", "no_noun", "digits", "small_word", "magnitude", "heading", "weak_use", "age",
           "repeated", "in_summary", "in_title", "quoted")


def ranker_features(candidate: ff.Candidate, sentences: int) -> list[float]:
    """The hand score, the kind, every trait, the place among the article's numbers and sentences, a count of
    people, approximate: what a pointwise ranker is fitted on."""
    figure = candidate.figure
    order = candidate.order if candidate.order is not None else 50
    return (
        [ff.score(candidate)]
        + [float(figure.kind == k) for k in _KINDS]
        + [candidate.traits.get(t, 0.0) for t in _TRAITS]
        + [2.0 ** (-order / 20), math.log1p(order), float(figure.sentence < 3), float(figure.sentence == 0),
           figure.sentence / max(sentences, 1), float(figure_label(candidate) == "count of people"), float(figure.approximate)]
    )


def _ranker_rows(cache: Cache, corpus: str) -> list[tuple[str, Read, list[ff.Candidate], np.ndarray, np.ndarray, Sequence[float]]]:
    rows = []
    articles, digests = cache[corpus]
    for article, digest in zip(articles, digests):
        if digest.get("error"):
            continue
        item = read(article.name, digest)
        ranked = _ranked_values(item.found)
        if not ranked:
            continue
        x = np.array([ranker_features(c, len(item.sentences)) for c in ranked], dtype=float)
        y = np.array([float(_shows_key(c, article.gold, item.language)) for c in ranked])
        rows.append((article.name, item, ranked, x, y, article.gold))
    return rows


def _ranker_found(rows: list, model, blend: float) -> tuple[int, int]:
    found = [0, 0]
    for name, item, ranked, x, _, gold in rows:
        top = np.argsort(-(model.logits(x) + blend * x[:, 0]), kind="stable")[:6]
        shown = [n for i in top for n in bf.shown_numbers({"value": ranked[i].figure.value, "text": ranked[i].figure.text}, item.language)]
        found[fold(name)] += bf._matched(gold, shown)
    return found[0], found[1]


def ranker_cv(cache: Cache, l2: float, blend: float) -> tuple[tuple[int, int], tuple[int, int]]:
    """((CNN fold 0 fitted on fold 1, CNN fold 1 fitted on fold 0), BBC tune folds fitted on the whole CNN tune half).
    `blend` adds that much of the hand score to the model's logit."""
    cnn, bbc = _ranker_rows(cache, "cnn"), _ranker_rows(cache, "bbc")
    cv = []
    for k in (0, 1):
        train = [r for r in cnn if fold(r[0]) != k]
        model = fit_logistic(np.vstack([r[3] for r in train]), np.concatenate([r[4] for r in train]), l2=l2)
        cv.append(_ranker_found([r for r in cnn if fold(r[0]) == k], model, blend)[k])
    model = fit_logistic(np.vstack([r[3] for r in cnn]), np.concatenate([r[4] for r in cnn]), l2=l2)
    return (cv[0], cv[1]), _ranker_found(bbc, model, blend)


def _print_chrome(cache: Cache) -> None:
    rows = list(chrome_figures(cache))
    chrome, shown = chrome_count(cache)
    print(f"WCXB tune: {chrome} chrome figures of {shown}")
    print(Counter(shape for *_, shape, _ in rows).most_common())
    print(Counter(where.split(" (")[0] for *_, where in rows).most_common())
    for page_id, figure, sentence, shape, where in rows:
        print(f"{page_id[:10]} | {shape:26} | {where:55} | {figure.text!r:20} | {sentence[:140]!r}")


def _print_missed(cache: Cache) -> None:
    rows = list(missed(cache))
    ranks = Counter("none" if r["rank"] is None else ("7-9" if r["rank"] < 9 else "10-12" if r["rank"] < 12 else "13+") for r in rows)
    print(f"CNN tune key numbers the six miss: {len(rows)}; best candidate's rank: {dict(ranks)}")
    for r in rows:
        if r["rank"] is None:
            continue
        c = r["candidate"]
        item = r["item"]
        print(f"{r['article']} gold {r['gold']:g} rank {r['rank'] + 1} score {ff.score(c):.2f} traits {c.traits} order {c.order} "
              f"sentence {c.figure.sentence} | {item.sentences[c.figure.sentence].text[:110]!r}")
        for d in r["displaced_by"]:
            print(f"      six: {d.figure.text!r:18} {ff.score(d):.2f} s{d.figure.sentence} order {d.order} {sorted(d.traits)}")


def _print_kinds(cache: Cache) -> None:
    for corpus in ("cnn", "bbc"):
        missed_kind, weakest_kind, every_kind, key_kind = misses_by_kind(cache, corpus)
        print(f"{corpus} tune: key numbers held by a candidate ranked 7th or lower, by kind: {missed_kind.most_common()}")
        print(f"  the weakest figure of the six that is no key number, same articles: {weakest_kind.most_common()}")
        for kind, n in every_kind.most_common():
            print(f"  {kind:26} key {key_kind[kind]:4} of {n:5} candidates ({key_kind[kind] / n:.3f})")


def _print_weights(cache: Cache, name: str, values: Sequence[float]) -> None:
    default = getattr(ff.WEIGHTS, name)
    table = weight_folds(cache, name, sorted(set(values) | {default}))
    for value, row in table.items():
        print(f"{name} {value:g}: CNN tune {row['cnn'][0]}/{row['cnn'][1]} ({sum(row['cnn'])}); BBC tune {row['bbc'][0]}/{row['bbc'][1]} ({sum(row['bbc'])})")
    for k in (0, 1):
        value = chosen_on_fold(table, k, default)
        print(f"chosen on CNN fold {k}: {value:g}; CNN fold {1 - k} {table[value]['cnn'][1 - k]}; BBC tune {sum(table[value]['bbc'])}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.figures_study", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/figures-study/tune.pkl"))
    parser.add_argument("--rebuild", action="store_true", help="run the command line again")
    parser.add_argument("what", choices=("chrome", "missed", "score", "types", "kinds", "weights", "ranker"))
    parser.add_argument("--weight", default="small_word", help="the RankWeights field `weights` varies")
    parser.add_argument("--values", type=float, nargs="+", default=[0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5])
    args = parser.parse_args(argv)
    if args.rebuild or not args.cache.exists():
        cache = build_cache(args.data_dir, args.cache)
    else:
        with args.cache.open("rb") as handle:
            cache = pickle.load(handle)
    if args.what == "types":
        if "wcxb_other" not in cache:
            cache = add_other_pages(args.data_dir, cache, args.cache)
        rows = chrome_by_type(cache)
        rows["every other type"] = tuple(sum(r[i] for r in rows.values()) for i in range(4))  # type: ignore[assignment]
        for kind, (chrome, shown, first_chrome, first_shown) in rows.items():
            print(f"wcxb tune {kind}: {chrome} chrome figures of {shown} ({chrome / max(shown, 1):.3f}); "
                  f"first six numbers {first_chrome} of {first_shown} ({first_chrome / max(first_shown, 1):.3f})")
    elif args.what == "kinds":
        _print_kinds(cache)
    elif args.what == "weights":
        _print_weights(cache, args.weight, args.values)
    elif args.what == "ranker":
        for l2 in (1.0, 10.0, 100.0):
            for blend in (0.0, 0.5):
                cv, bbc = ranker_cv(cache, l2, blend)
                print(f"ranker l2 {l2:g} blend {blend:g}: CNN tune CV {cv[0]}/{cv[1]} ({sum(cv)}); BBC tune, fitted on CNN tune, {bbc[0]}/{bbc[1]} ({sum(bbc)})")
    elif args.what == "chrome":
        _print_chrome(cache)
    elif args.what == "missed":
        _print_missed(cache)
    else:
        for corpus in ("cnn", "bbc"):
            f0, f1, total, first = news_score(cache, corpus)
            print(f"{corpus} tune: {f0 + f1} ({f0}/{f1}) of {total} = {(f0 + f1) / total:.4f}; first six numbers {first}")
        chrome, shown = chrome_count(cache)
        print(f"wcxb tune chrome: {chrome} of {shown}")


if __name__ == "__main__":
    main()
