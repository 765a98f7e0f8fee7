"""Which reader refusals of `figure_finder` take a key number of the news, and the figures of code and of shop
widgets on WCXB's non-article pages (seventeenth session, figures9).

`hits` lists every quantity of the CNN tune half and the BBC tune part (buckets 50-74) on which a refusal of
`figure_finder.READER_REFUSALS` fires while its value is one of the article's key numbers, by refusal, with its
words: what a refusal may cost, whatever the ranking. `switch` judges the refusals with `bench.figures7_study`'s
machinery (five CNN tune folds, BBC tune, WCXB tune article chrome; the cache of `bench.figures_study`), each one
left out in turn, and lists the articles that gain or lose. Unlike `bench.figures8_study variants`, the news
candidates are read again under each switch: that command reads them once, before switching, so its news columns
were the shipped refusals' in every row. `news` writes the six's key numbers per tune article (this checkout's code,
the gold read again by its scanner) and `compare` sets two such files side by side per CNN fold and on BBC.
`chooser` judges chooser variants figures7 did not try (a bonus for the sentence's words shared with the title, for its
centrality among the article's sentences, and the weights of `RankWeights` it left alone) the same way (CNN gains
on four folds and loses on none, BBC not lower, chrome not higher: "holds"; the brief's bar for shipping is all
five folds and BBC higher). `checks` counts, in the product's JSON of the non-article pages (`bench.figures8_study run`), the pages each of
`bench.sweep`'s reader checks flags, per type. Held-out parts are never read.

    python -m bench.figures9_study /work/shared/data hits
    python -m bench.figures9_study /work/shared/data --cache /tmp/figures9/tune_small.pkl switch
    python -m bench.figures9_study /work/shared/data --cache /tmp/figures9/tune_small.pkl news --out /tmp/figures9/news_branch.json
    python -m bench.figures9_study /work/shared/data compare --out /tmp/figures9/news_branch.json --against /tmp/figures9/news_main.json
    python -m bench.figures9_study /work/shared/data --cache /tmp/figures9/tune_small.pkl chooser [--only NAME ...]
    python -m bench.figures9_study /work/shared/data checks --answers /tmp/figures9/main.jsonl /tmp/figures9/branch.jsonl
"""

from __future__ import annotations

import argparse
import json
import pathlib
import pickle
import re
from collections import Counter, defaultdict
from typing import Iterator, Sequence

from bench import figures as bf
from bench import figures7_study as f7
from bench import figures8_study as f8
from bench import figures_study as fs
from bench.sweep import Item, check_code_and_shop_figures, check_reader_figures
from bot.digest.figures import figure_finder as ff
from bot.digest.figures.quantities import find_quantities
from bot.digest.segment.sentence_splitter import split_sentences

_CONTEXT = 60  # characters shown each side of a refused number


def tune_news(data_dir: pathlib.Path) -> dict[str, list[bf.NewsArticle]]:
    """The CNN tune half and the BBC tune part, with the gold read by this checkout's scanner."""
    summaries = data_dir / "summarization"
    return {
        "cnn": bf.cnn_articles(summaries / "cnn-corpus.jsonl.gz", "tune"),
        "bbc": bf.bbc_articles(summaries / "bbc-news-summary.jsonl.gz", part="tune"),
    }


def _is_key(value: float | None, gold: frozenset[float]) -> bool:
    return value is not None and bf._matched([value], list(gold)) == 1


def refusal_hits(articles: Sequence[bf.NewsArticle]) -> Iterator[tuple[str, str, str, str]]:
    """(refusal, article, the number's text, its words) for every quantity a refusal takes whose value is a key number."""
    for article in articles:
        for sentence in split_sentences(article.text, "en"):
            for quantity in find_quantities(sentence.text, "en"):
                name = next((n for n, test in ff.READER_REFUSALS if test(quantity, sentence.text)), None)
                if name is not None and _is_key(quantity.value, article.gold):
                    words = sentence.text[max(0, quantity.start - _CONTEXT) : quantity.end + _CONTEXT]
                    yield name, article.name, quantity.text, words


def six_per_article(cache: fs.Cache, corpus: str) -> dict[str, int]:
    """Article -> key numbers the six show, the candidates read under the refusals in force now."""
    return {n.name: bf._matched(n.gold, f7.shown(fs.shipped(n.item), n.item.language)) for n in f7.news_items(cache, corpus)}


def switched(cache: fs.Cache, names: Sequence[str]) -> tuple[f7.Verdict, dict[str, dict[str, int]]]:
    """The verdict and the per-article numbers with only the named refusals in force (the inch reading on), the news
    candidates read inside the switch."""
    with f8.refusals(names):
        cnn, bbc = f7.news_items(cache, "cnn"), f7.news_items(cache, "bbc")
        verdict = f7.judge(cache, cnn, bbc, fs.shipped)
        per = {corpus: six_per_article(cache, corpus) for corpus in ("cnn", "bbc")}
    return verdict, per


def fold_table(per: dict[str, dict[str, int]]) -> tuple[list[int], int]:
    """(CNN key numbers shown per fold of five, BBC key numbers shown)."""
    folds = [0] * f7.FOLDS
    for name, found in per["cnn"].items():
        folds[f7.fold5(name)] += found
    return folds, sum(per["bbc"].values())


def moved(new: dict[str, int], old: dict[str, int]) -> tuple[list[str], list[str]]:
    """(articles up, articles down) between two per-article tables."""
    return sorted(k for k in new.keys() & old.keys() if new[k] > old[k]), sorted(k for k in new.keys() & old.keys() if new[k] < old[k])


# --- chooser variants figures7 did not try ---------------------------------------------------------------------

_CONTENT_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset(
    "that this with from have were will would their there they them said says about after before which while been "
    "into more than when what your just also over only other some such".split()
)
_SHARED_CAP = 3  # title words counted at most


def content_words(text: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(text.lower()) if w not in _COMMON}


def title_words_shared(candidate: ff.Candidate, item: fs.Read) -> int:
    """Content words the figure's sentence shares with the title, at most `_SHARED_CAP`."""
    title = content_words(item.digest.get("title") or "")
    return min(_SHARED_CAP, len(title & content_words(item.sentences[candidate.figure.sentence].text)))


def centrality(candidate: ff.Candidate, item: fs.Read) -> float:
    """How many other sentences the figure's sentence's words stand in, on average, over the article's highest."""
    table = item.__dict__.get("_centrality")
    if table is None:
        frequency = Counter(w for s in item.sentences for w in content_words(s.text))
        table = [sum(frequency[w] - 1 for w in words) / max(1, len(words)) for words in (content_words(s.text) for s in item.sentences)]
        item.__dict__["_centrality"] = table
    return table[candidate.figure.sentence] / (max(table) or 1.0)


def chooser_variants() -> dict[str, f7.Chooser]:
    out: dict[str, f7.Chooser] = {"shipped": fs.shipped}
    for bonus in (0.25, 0.5, 1.0):
        out[f"title words shared +{bonus:g} a word (at most 3)"] = f7.with_bonus(lambda c, item, b=bonus: b * title_words_shared(c, item))
    for bonus in (1.0, 2.0):
        out[f"sentence centrality +{bonus:g}"] = f7.with_bonus(lambda c, item, b=bonus: b * centrality(c, item))
    for name, values in (("digits", (0.0, 0.25, 0.5, 0.6, 0.75, 1.5)), ("clear_noun", (1.0, 2.0)), ("magnitude", (0.15, 0.5)),
                         ("in_title", (3.0, 5.0)), ("heading", (-3.0,)), ("weak_use", (-1.0, -3.0))):
        for value in values:
            out[f"{name} {value:g}"] = f7.with_weights(**{name: value})
    for kind, values in (("money", (2.5, 3.5)), ("count", (1.5, 2.5)), ("ordinal", (1.0,))):
        for value in values:
            out[f"kind {kind} {value:g}"] = f7.with_weights(kind={**ff.WEIGHTS.kind, kind: value})
    return out


def check_counts(answers: Sequence[tuple[str, str, dict]]) -> dict[str, Counter]:
    """Sweep check -> page type -> pages it flags, for the reader checks (`bench.sweep.check_reader_figures` and
    `check_code_and_shop_figures`)."""
    table: dict[str, Counter] = defaultdict(Counter)
    for page_type, page_id, digest in answers:
        if digest.get("error") or not digest.get("figures"):
            continue
        sentences = {s.index: s.text for s in split_sentences(digest.get("text") or "", digest.get("language") or "en")}
        item = Item("wcxb-" + page_type, page_id, ".html", "")
        found = check_reader_figures(item, digest, sentences) + check_code_and_shop_figures(item, digest, sentences)
        for kind in {k for k, _ in found}:
            table[kind][page_type] += 1
    return table


def _print_hits(data_dir: pathlib.Path) -> None:
    for corpus, articles in tune_news(data_dir).items():
        rows = list(refusal_hits(articles))
        print(f"{corpus} tune: {len(articles)} articles; quantities a refusal takes whose value is a key number: {len(rows)}")
        for name, count in Counter(r[0] for r in rows).most_common():
            print(f"  {name:45} {count:3}")
        for name, article, text, words in rows:
            print(f"    [{name}] {article} {text!r}: {words!r}")


def _print_switch(cache: fs.Cache) -> None:
    every = tuple(name for name, _ in ff.READER_REFUSALS)
    base, base_per = switched(cache, every)
    print(f"{'refusals in force':55} CNN tune [folds]                      BBC   chrome")
    for label, names in [("all (this checkout)", every), ("none", ())] + [(f"all but {n}", tuple(m for m in every if m != n)) for n in every]:
        verdict, per = (base, base_per) if names == every and label.startswith("all (") else switched(cache, names)
        ups, downs = moved(per["bbc"], base_per["bbc"])
        print(f"{label:55} {sum(verdict.cnn):4} {verdict.cnn}  {verdict.bbc:5}  {verdict.chrome} of {verdict.figures}"
              f"   BBC articles up {ups} down {downs}" + (f"; CNN {moved(per['cnn'], base_per['cnn'])}" if per["cnn"] != base_per["cnn"] else ""))


def _print_chooser(cache: fs.Cache, names: Sequence[str]) -> None:
    f7.print_verdicts(cache, chooser_variants(), names, width=45)


def _print_compare(new: dict[str, dict[str, int]], old: dict[str, dict[str, int]]) -> None:
    (cnn_new, bbc_new), (cnn_old, bbc_old) = fold_table(new), fold_table(old)
    print(f"CNN tune {sum(cnn_old)} of {old['gold']['cnn']} {cnn_old} -> {sum(cnn_new)} of {new['gold']['cnn']} {cnn_new}; "
          f"BBC tune {bbc_old} of {old['gold']['bbc']} -> {bbc_new} of {new['gold']['bbc']}")
    for corpus in ("cnn", "bbc"):
        ups, downs = moved(new[corpus], old[corpus])
        print(f"  {corpus}: articles up {len(ups)} {ups}, down {len(downs)} {downs}")


def _print_checks(paths: Sequence[pathlib.Path]) -> None:
    for path in paths:
        table = check_counts(f8.non_article_answers(path))
        print(f"{path}: pages flagged per check")
        for kind, row in sorted(table.items()):
            if kind.startswith("figure."):
                print(f"  {kind:24} {sum(row.values()):3}  " + ", ".join(f"{t} {n}" for t, n in sorted(row.items())))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.figures9_study", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("what", choices=("hits", "switch", "news", "compare", "checks", "chooser"))
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/figures9/tune_small.pkl"), help="bench.figures_study's cache")
    parser.add_argument("--out", type=pathlib.Path, help="news: where to write; compare: this checkout's file")
    parser.add_argument("--against", type=pathlib.Path, help="compare: the reference's file (main)")
    parser.add_argument("--only", nargs="*", default=(), help="chooser: the variants to run (default: all)")
    parser.add_argument("--answers", type=pathlib.Path, nargs="*", default=(), help="checks: the product's JSON of the non-article pages")
    args = parser.parse_args(argv)
    if args.what == "hits":
        _print_hits(args.data_dir)
    elif args.what == "checks":
        _print_checks(args.answers)
    elif args.what == "compare":
        _print_compare(json.loads(args.out.read_text()), json.loads(args.against.read_text()))
    else:
        with args.cache.open("rb") as handle:
            cache = f7.regold(pickle.load(handle), args.data_dir)
        if args.what == "switch":
            _print_switch(cache)
        elif args.what == "chooser":
            _print_chooser(cache, args.only)
        else:
            per = {corpus: six_per_article(cache, corpus) for corpus in ("cnn", "bbc")}
            gold = {corpus: sum(len(a.gold) for a in cache[corpus][0]) for corpus in ("cnn", "bbc")}
            args.out.write_text(json.dumps({**per, "gold": gold}, indent=0, sort_keys=True), encoding="utf-8")
            cnn, bbc = fold_table(per)
            print(f"CNN tune {sum(cnn)} of {gold['cnn']} {cnn}; BBC tune {bbc} of {gold['bbc']}")


if __name__ == "__main__":
    main()
