"""The CNN highlight numbers the six miss, by why, and changes to the figure chooser judged on five folds (sixteenth session).

Reads the cache of `bench.figures_study` (the command line's JSON on the CNN tune half, the BBC tune part, buckets
50-74, and WCXB's tune article pages; docs/quality/figures.md) and recomputes the six in process. Held-out parts are
never read.

    python -m bench.figures7_study /work/shared/data --cache /tmp/figures7/tune.pkl misses
    python -m bench.figures7_study /work/shared/data --cache /tmp/figures7/tune.pkl wasted
    python -m bench.figures7_study /work/shared/data --cache /tmp/figures7/tune.pkl variants

`misses` sorts every key number of the CNN tune half (and the BBC tune part) that the six do not show by why: not in
the text in any form, in the title only, in the text only as a date or a year, written in the text but not read as
that value (a range's far end, part of another number), read by the scanner but no candidate, or held by a candidate
ranked 7th or lower (split by the holder's form: digits or words, the gold its value or only in its text). `wasted`
counts the six's figures by kind beside the share of them that show a key number, and the pairs of the six that are
one quantity written twice. `variants` scores each chooser variant on five folds of the CNN tune half (sha1 of the
article's name, salt "figures7"), on the BBC tune part and on the WCXB tune article pages' chrome; a variant holds
when CNN gains on at least four folds and loses on none, BBC does not fall and chrome does not rise.
"""

from __future__ import annotations

import argparse
import pathlib
import pickle
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from bench import figures as bf
from bench import figures_study as fs
from bench.fitting import hash_bucket
from bot.digest.figures import figure_finder as ff
from bot.digest.figures.quantities import find_quantities
from bot.digest.models import Figure

FOLDS = 5
FOLD_SALT = "figures7"

Chooser = Callable[[fs.Read], list[Figure]]


def fold5(name: str) -> int:
    """The article's fold among five, by a hash of its name."""
    return hash_bucket(name, FOLDS, FOLD_SALT)


@dataclass
class NewsItem:
    """One news article of a tune part, read again: its gold and the figure finder's candidates."""

    name: str
    gold: frozenset[float]
    item: fs.Read


def news_items(cache: fs.Cache, corpus: str) -> list[NewsItem]:
    articles, digests = cache[corpus]
    return [NewsItem(a.name, a.gold, fs.read(a.name, d)) for a, d in zip(articles, digests) if not d.get("error")]


def shown(figures: Iterable[Figure], language: str) -> list[float]:
    """Every number the figures show a reader, as `bench.figures` scores them."""
    return [n for f in figures for n in bf.shown_numbers({"value": f.value, "text": f.text}, language)]


# --- why a key number is missed ---------------------------------------------------------------------------------


def _values(texts: Iterable[str], dates: bool = False) -> list[float]:
    kinds = bf._SKIPPED_KINDS
    return [
        q.value for text in texts for q in find_quantities(text)
        if q.value is not None and ((q.kind in kinds) if dates else (q.kind not in kinds))
    ]


def _digit_forms(value: float) -> list[str]:
    """How a value may be written in digits ("1500", "1,500", "2.5")."""
    if value == int(value):
        whole = int(value)
        return [str(whole), f"{whole:,}"]
    return [f"{value:g}"]


def _written_in(text: str, value: float) -> bool:
    """The value's digits stand in the text as a number of their own (not inside a longer number)."""
    return any(re.search(r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)", text) for form in _digit_forms(value))


def _year_like(value: float) -> bool:
    return value == int(value) and 1900 <= value <= 2100


def miss_reason(gold: float, item: fs.Read, six: Sequence[Figure]) -> str:
    """Why the six do not show one key number (or "shown")."""
    if any(fs._near(gold, n) for n in shown(six, item.language)):
        return "shown"
    ranked = fs._ranked_values(item.found)
    for rank, candidate in enumerate(ranked):
        numbers = shown([candidate.figure], item.language)
        if any(fs._near(gold, n) for n in numbers):
            band = "7-9" if rank < 9 else "10-12" if rank < 12 else "13+"
            form = "digits" if any(ch.isdigit() for ch in candidate.figure.text) else "words"
            where = "its value" if fs._near(gold, candidate.figure.value) else "only in its text"
            return f"a candidate ranked {band} ({form}, {where})"
    body = [s.text for s in item.sentences]
    if any(fs._near(gold, v) for v in _values(body)):
        return "read by the scanner, no candidate"
    if any(fs._near(gold, v) for v in _values(body, dates=True)) or (_year_like(gold) and _written_in(" ".join(body), gold)):
        return "in the text only as a date or a year"
    title = item.digest.get("title") or ""
    if any(fs._near(gold, v) for v in _values([title])) or _written_in(title, gold):
        return "in the title only"
    if _written_in(" ".join(body), gold):
        return "written in the text, not read as that value"
    return "not in the text in any form"


def misses(items: Sequence[NewsItem], choose: Chooser = fs.shipped) -> tuple[Counter, list[tuple[str, float, str]]]:
    """(reason -> key numbers, every (article, gold, reason) not shown)."""
    reasons: Counter = Counter()
    rows = []
    for news in items:
        six = choose(news.item)
        for gold in sorted(news.gold):
            reason = miss_reason(gold, news.item, six)
            reasons[reason] += 1
            if reason != "shown":
                rows.append((news.name, gold, reason))
    return reasons, rows


# --- the six's figures that show no key number ------------------------------------------------------------------


def six_candidates(item: fs.Read) -> list[ff.Candidate]:
    """The candidates `choose` takes, best first."""
    return fs._ranked_values(item.found)[:6]


def _take_six(ranked: Sequence[ff.Candidate], passed_over: Callable[[ff.Candidate, list[ff.Candidate]], bool] | None = None) -> list[Figure]:
    """The first six of a ranking, one figure per value (and none `passed_over` given those chosen), in article order."""
    seen: set = set()
    chosen: list[ff.Candidate] = []
    for candidate in ranked:
        key = ff._dedupe_key(candidate.figure)
        if key in seen or (passed_over is not None and passed_over(candidate, chosen)):
            continue
        seen.add(key)
        chosen.append(candidate)
        if len(chosen) == 6:
            break
    chosen.sort(key=lambda c: (c.position, c.offset))
    return [c.figure for c in chosen]


def six_label(candidate: ff.Candidate) -> str:
    """The kind of a figure of the six, as the misses table names it, with a year-like value and a heading apart."""
    if "heading" in candidate.traits:
        return "a heading's figure"
    if candidate.figure.kind != "date" and candidate.figure.value is not None and _year_like(candidate.figure.value):
        return "a year-like value"
    return fs.figure_label(candidate)


def one_quantity_twice(a: ff.Candidate, b: ff.Candidate) -> bool:
    """Two figures of the six that may be one quantity: same kind, values within 5 %, one of them approximate or
    the same counted noun (the ninth session's rounded restatement, with the noun as a second reading)."""
    fa, fb = a.figure, b.figure
    if fa.kind != fb.kind or fa.value is None or fb.value is None or fa.kind == "date":
        return False
    if abs(fa.value - fb.value) > 0.05 * max(abs(fa.value), abs(fb.value), 1e-9):
        return False
    return fa.approximate or fb.approximate or _head(fa) == _head(fb) != ""


def _head(figure: Figure) -> str:
    words = figure.counts.lower().split()
    return words[-1] if words else ""


def wasted(items: Sequence[NewsItem]) -> tuple[Counter, Counter, int, int]:
    """(label -> figures of the six, label -> of them showing a key number, pairs of the six that may be one
    quantity, of them pairs where neither shows a key number)."""
    every, key = Counter(), Counter()
    pairs = idle_pairs = 0
    for news in items:
        six = six_candidates(news.item)
        keys = [fs._shows_key(c, news.gold, news.item.language) for c in six]
        for candidate, is_key in zip(six, keys):
            every[six_label(candidate)] += 1
            key[six_label(candidate)] += is_key
        for i in range(len(six)):
            for j in range(i + 1, len(six)):
                if one_quantity_twice(six[i], six[j]):
                    pairs += 1
                    idle_pairs += not (keys[i] or keys[j])
    return every, key, pairs, idle_pairs


# --- chooser variants -------------------------------------------------------------------------------------------


def with_weights(**changes: float) -> Chooser:
    weights = replace(ff.WEIGHTS, **changes)
    return lambda item: ff.choose(item.found, 6, weights)


def with_bonus(bonus: Callable[[ff.Candidate, fs.Read], float]) -> Chooser:
    """The shipped score plus a bonus of the candidate (in its article), one figure per value, six places."""

    def choose(item: fs.Read) -> list[Figure]:
        return _take_six(sorted(item.found, key=lambda c: (-(ff.score(c) + bonus(c, item)), c.position, c.offset)))

    return choose


# Verbs of an event or a change: what a number says in its story (the eighth session's gap), not its form.
EVENT_VERBS = frozenset(
    "killed kill kills killing died dies dead injured wounded hurt arrested detained charged convicted sentenced jailed "
    "fined rose rise rises risen fell fall falls fallen dropped drop drops jumped soared surged plunged plummeted grew "
    "increased increase decreased declined doubled tripled cut cuts raised raise raises lost lose loses won win wins "
    "paid pay pays sold sell sells bought spent cost costs earned made saved owed stole stolen seized destroyed "
    "evacuated displaced fled rescued missing infected sickened hit reached topped exceeded".split()
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|according to|told|reported|estimates?|estimated)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


def event_verb_near(candidate: ff.Candidate, item: fs.Read, words: int = 6) -> bool:
    """A verb of an event or a change within `words` words of the figure in its sentence."""
    text = item.sentences[candidate.figure.sentence].text
    before = _WORD.findall(text[: candidate.offset].lower())[-words:]
    after = _WORD.findall(text[candidate.offset + len(candidate.figure.text):].lower())[:words]
    return not EVENT_VERBS.isdisjoint(before + after)


def attributed(candidate: ff.Candidate, item: fs.Read) -> bool:
    """The figure's sentence names its source ("said", "according to")."""
    return bool(_ATTRIBUTION.search(item.sentences[candidate.figure.sentence].text))


def one_place_per_quantity(item: fs.Read) -> list[Figure]:
    """The shipped ranking, with a figure that may be one already chosen written again (`one_quantity_twice`)
    passed over."""
    ranked = sorted(item.found, key=lambda c: (-ff.score(c), c.position, c.offset))
    return _take_six(ranked, lambda candidate, chosen: any(one_quantity_twice(candidate, c) for c in chosen))


def spread(penalty: float, near: Callable[[ff.Candidate, ff.Candidate, fs.Read], bool]) -> Chooser:
    """A sequential choice: each place goes to the best candidate after `penalty` for every chosen figure it is
    `near` (the same paragraph, a few sentences away): the highlights cover several parts of the story."""

    def choose(item: fs.Read) -> list[Figure]:
        left = sorted(item.found, key=lambda c: (-ff.score(c), c.position, c.offset))
        chosen: list[ff.Candidate] = []
        seen: set = set()
        while left and len(chosen) < 6:
            best = max(left, key=lambda c: (ff.score(c) - penalty * sum(near(c, d, item) for d in chosen), -c.position, -c.offset))
            left = [c for c in left if ff._dedupe_key(c.figure) != ff._dedupe_key(best.figure)]
            if ff._dedupe_key(best.figure) not in seen:
                seen.add(ff._dedupe_key(best.figure))
                chosen.append(best)
        chosen.sort(key=lambda c: (c.position, c.offset))
        return [c.figure for c in chosen]

    return choose


def same_paragraph(a: ff.Candidate, b: ff.Candidate, item: fs.Read) -> bool:
    return item.sentences[a.figure.sentence].paragraph == item.sentences[b.figure.sentence].paragraph


def within_sentences(distance: int) -> Callable[[ff.Candidate, ff.Candidate, fs.Read], bool]:
    return lambda a, b, item: abs(a.figure.sentence - b.figure.sentence) <= distance


def news_folds(items: Sequence[NewsItem], choose: Chooser) -> list[int]:
    """Key numbers the six show, per fold of five."""
    found = [0] * FOLDS
    for news in items:
        found[fold5(news.name)] += bf._matched(news.gold, shown(choose(news.item), news.item.language))
    return found


@dataclass
class Verdict:
    cnn: list[int]
    bbc: int
    chrome: int
    figures: int

    def holds(self, base: "Verdict") -> bool:
        ups = sum(a > b for a, b in zip(self.cnn, base.cnn))
        downs = sum(a < b for a, b in zip(self.cnn, base.cnn))
        return ups >= 4 and downs == 0 and self.bbc >= base.bbc and self.chrome <= base.chrome


def judge(cache: fs.Cache, cnn: Sequence[NewsItem], bbc: Sequence[NewsItem], choose: Chooser) -> Verdict:
    chrome, figures = fs.chrome_count(cache, choose)
    return Verdict(news_folds(cnn, choose), sum(news_folds(bbc, choose)), chrome, figures)


def variants() -> dict[str, Chooser]:
    """The variants the brief names, each a change in the figure chooser."""
    out: dict[str, Chooser] = {"shipped": fs.shipped}
    for position in (12.0, 20.0, 24.0):
        out[f"position prior {position:g}"] = with_weights(position=position)
    for half_life in (10.0, 14.0, 28.0, 40.0):
        out[f"half-life {half_life:g} numbers"] = with_weights(half_life=half_life)
    for weight in (3.0, 4.0, 6.0):
        out[f"in_summary {weight:g}"] = with_weights(in_summary=weight)
    # the kinds of the misses and of the six's idle figures: small number words, ages, measures, quoted counts
    for name, values in (("small_word", (-0.25, 0.0)), ("age", (-1.0, 0.0)), ("quoted", (-1.0, 0.0)), ("repeated", (1.0, 3.0))):
        for value in values:
            out[f"{name} {value:g}"] = with_weights(**{name: value})
    for kind, values in (("measure", (1.0, 1.4)), ("duration", (2.0, 3.0)), ("percent", (1.5, 2.5))):
        for value in values:
            out[f"kind {kind} {value:g}"] = with_weights(kind={**ff.WEIGHTS.kind, kind: value})
    out["one place per quantity (same kind, within 5 %, approximate or same noun)"] = one_place_per_quantity
    for bonus in (0.5, 1.0, 2.0):
        out[f"an event verb within 6 words +{bonus:g}"] = with_bonus(lambda c, item, b=bonus: b * event_verb_near(c, item))
    for bonus in (-1.0, 1.0):
        out[f"an attributed sentence {bonus:+g}"] = with_bonus(lambda c, item, b=bonus: b * attributed(c, item))
    for penalty in (-0.5, -1.0):  # the opposite: a bonus for a figure beside a chosen one
        out[f"gather: +{-penalty:g} per chosen figure of the same paragraph"] = spread(penalty, same_paragraph)
        out[f"gather: +{-penalty:g} per chosen figure of the same sentence"] = spread(penalty, within_sentences(0))
    for penalty in (0.5, 1.0, 2.0, 4.0):
        out[f"spread: -{penalty:g} per chosen figure of the same paragraph"] = spread(penalty, same_paragraph)
        out[f"spread: -{penalty:g} per chosen figure within 2 sentences"] = spread(penalty, within_sentences(2))
    return out


def regold(cache: fs.Cache, data_dir: pathlib.Path) -> fs.Cache:
    """The cache with the news gold read again by the current scanner (a scanner change moves the gold too); an
    article whose highlights then hold no number leaves, as in `bench.figures`."""
    summaries = data_dir / "summarization"
    fresh = {
        "cnn": bf.cnn_articles(summaries / "cnn-corpus.jsonl.gz", "tune"),
        "bbc": bf.bbc_articles(summaries / "bbc-news-summary.jsonl.gz", part="tune"),
    }
    out = dict(cache)
    for corpus, articles in fresh.items():
        gold = {a.name: a.gold for a in articles}
        old_articles, digests = cache[corpus]
        kept = [(replace(a, gold=gold[a.name]), d) for a, d in zip(old_articles, digests) if a.name in gold]
        out[corpus] = ([a for a, _ in kept], [d for _, d in kept])
    return out


def _load(path: pathlib.Path) -> fs.Cache:
    with path.open("rb") as handle:
        return pickle.load(handle)


def _print_misses(cache: fs.Cache) -> None:
    for corpus in ("cnn", "bbc"):
        items = news_items(cache, corpus)
        reasons, rows = misses(items)
        total = sum(reasons.values())
        print(f"{corpus} tune: {total} key numbers; shown {reasons['shown']}")
        for reason, n in reasons.most_common():
            if reason != "shown":
                print(f"  {reason:55} {n:4}")
        if corpus == "cnn":
            for name, gold, reason in rows:
                print(f"    {name} {gold:g}: {reason}")


def _print_wasted(cache: fs.Cache) -> None:
    for corpus in ("cnn", "bbc"):
        every, key, pairs, idle = wasted(news_items(cache, corpus))
        print(f"{corpus} tune: the six's figures by kind (key / all); pairs that may be one quantity {pairs}, "
              f"neither a key number {idle}")
        for label, n in every.most_common():
            print(f"  {label:28} {key[label]:4} / {n:5} ({key[label] / n:.3f})")


def print_verdicts(cache: fs.Cache, table: dict[str, Chooser], names: Sequence[str] = (), width: int = 72) -> None:
    """Judge each chooser of `table` (its "shipped" the base) and print its CNN folds, BBC, chrome and whether it holds;
    `names`: only these (and the base)."""
    cnn, bbc = news_items(cache, "cnn"), news_items(cache, "bbc")
    base = judge(cache, cnn, bbc, table["shipped"])
    for name, choose in table.items():
        if names and name not in names and name != "shipped":
            continue
        verdict = base if name == "shipped" else judge(cache, cnn, bbc, choose)
        ups = sum(a > b for a, b in zip(verdict.cnn, base.cnn))
        downs = sum(a < b for a, b in zip(verdict.cnn, base.cnn))
        print(f"{name:{width}} CNN {sum(verdict.cnn)} {verdict.cnn} (folds up {ups}, down {downs}); BBC {verdict.bbc}; "
              f"chrome {verdict.chrome} of {verdict.figures}; {'holds' if verdict.holds(base) else 'does not hold'}", flush=True)


def _print_variants(cache: fs.Cache, names: Sequence[str] = ()) -> None:
    print_verdicts(cache, variants(), names)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.figures7_study", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/figures-study/tune.pkl"))
    parser.add_argument("what", choices=("misses", "wasted", "variants"))
    parser.add_argument("--only", nargs="*", default=(), help="variants: the names to run (default: all)")
    parser.add_argument("--regold", action="store_true", help="read the news gold again with the current scanner")
    args = parser.parse_args(argv)
    cache = fs.build_cache(args.data_dir, args.cache) if not args.cache.exists() else _load(args.cache)
    if args.regold:
        cache = regold(cache, args.data_dir)
    if args.what == "misses":
        _print_misses(cache)
    elif args.what == "wasted":
        _print_wasted(cache)
    else:
        _print_variants(cache, args.only)


if __name__ == "__main__":
    main()
