"""The CNN highlight numbers the six miss, split by whether a candidate holds them and what outranks it; chooser
orders of a fresh angle; the WCXB tune article chrome figures by kind (eighteenth session, figures10).

Reads the cache of `bench.figures_study` (the command line's JSON on the CNN tune half, the BBC tune part, buckets
50-74, and WCXB's tune article pages), the gold read again by this checkout's scanner (`figures7_study.regold`), and
recomputes the six in process. Held-out parts are never read.

    python -m bench.figures10_study /work/shared/data --cache /tmp/figures10/tune_small.pkl split
    python -m bench.figures10_study /work/shared/data --cache /tmp/figures10/tune_small.pkl orders [--only NAME ...]
    python -m bench.figures10_study /work/shared/data --cache /tmp/figures10/tune_small.pkl bonuses [--only NAME ...]
    python -m bench.figures10_study /work/shared/data --cache /tmp/figures10/tune_small.pkl ranker
    python -m bench.figures10_study /work/shared/data --cache /tmp/figures10/tune_small.pkl noise
    python -m bench.figures10_study /work/shared/data --cache /tmp/figures10/tune_small.pkl chrome

`split` sorts every CNN (and BBC) tune key number the six miss into (a) no candidate holds it (with
`figures7_study.miss_reason`'s why) and (b) a candidate holds it but ranks 7th or lower; for (b) it names the figure
of the six that keeps it out, the lowest-ranked of the six that shows no key number (the one it would replace if it
rose one place), by what it is: a date, the second (or later) figure of the six from one sentence, a figure of the
missed number's own sentence, a later sentence's figure, an earlier sentence's figure. `orders` judges chooser
orders (the summary's sentences first, one figure per sentence before a second, the lead's figures first) with
`figures7_study.judge`: five CNN tune folds, the BBC tune part, WCXB tune article chrome. `bonuses` judges the same way
static traits of a fresh angle added to the shipped score (a fact-dense sentence, a paragraph's first sentence, a
quotation, a short sentence, a comparison, the first figure of its kind, the first count of its noun, the counted noun
in the title or through the story); `ranker` a pointwise logistic ranker over `figures_study`'s features and those
traits (each CNN fold read by a model fitted on the other four, BBC and chrome by one fitted on the CNN tune half);
`noise` the shipped score with a small random jitter, ten seeds, to read what chance does to the folds. `chrome` lists the figures
the six take from chrome on WCXB's tune article pages (the 3-gram test of `bench.figures`) by kind.
"""

from __future__ import annotations

import argparse
import pathlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from bench import figures7_study as f7
from bench import figures_study as fs
from bench.fitting import LogisticModel, fit_logistic, hash_bucket
from bot.digest.figures import figure_finder as ff
from bot.digest.models import Figure

SIX = 6


# --- (a) / (b): the misses, and what outranks a candidate ranked 7th or lower ------------------------------------


@dataclass
class Miss:
    """One key number the six do not show."""

    article: str
    gold: float
    group: str  # "(a) no candidate: <why>" or "(b) ranked 7+"
    rank: int | None = None  # (b): the holder's rank, one candidate per value
    holder: ff.Candidate | None = None
    outranked_by: str = ""  # (b): what the figure of the six it would replace is
    blocker: ff.Candidate | None = None


def holder_rank(gold: float, ranked: Sequence[ff.Candidate], language: str) -> int | None:
    """The rank of the best candidate that shows the key number (one candidate per value)."""
    for rank, candidate in enumerate(ranked):
        if any(fs._near(gold, n) for n in f7.shown([candidate.figure], language)):
            return rank
    return None


def outranked_by(holder: ff.Candidate, blocker: ff.Candidate, six: Sequence[ff.Candidate]) -> str:
    """What the figure of the six that keeps `holder` out is, relative to it (first that applies)."""
    if blocker.figure.kind == "date":
        return "a date"
    sentence = blocker.figure.sentence
    if sentence == holder.figure.sentence:
        return "a figure of the missed number's own sentence"
    above = six[: six.index(blocker)]
    if any(c.figure.sentence == sentence for c in above):
        return "a second figure of the six from one sentence"
    if sentence > holder.figure.sentence:
        return "a later sentence's figure"
    return "an earlier sentence's figure"


def split_misses(items: Sequence[f7.NewsItem]) -> list[Miss]:
    """Every key number the shipped six miss, in group (a) or (b), with what outranks (b)."""
    out: list[Miss] = []
    for news in items:
        item = news.item
        ranked = fs._ranked_values(item.found)
        six = ranked[:SIX]
        figures = ff.choose(item.found, SIX)
        idle = [c for c in six if not fs._shows_key(c, sorted(news.gold), item.language)]
        for gold in sorted(news.gold):
            reason = f7.miss_reason(gold, item, figures)
            if reason == "shown":
                continue
            rank = holder_rank(gold, ranked, item.language)
            if rank is None or rank < SIX:
                out.append(Miss(news.name, gold, f"(a) no candidate: {reason}"))
                continue
            holder = ranked[rank]
            blocker = idle[-1] if idle else six[-1]
            out.append(Miss(news.name, gold, "(b) ranked 7+", rank, holder, outranked_by(holder, blocker, six), blocker))
    return out


# --- chooser orders ------------------------------------------------------------------------------------------------


def _ranked(item: fs.Read) -> list[ff.Candidate]:
    return sorted(item.found, key=lambda c: (-ff.score(c), c.position, c.offset))


def _take(ranked: Sequence[ff.Candidate], first: Callable[[ff.Candidate, list[ff.Candidate]], bool]) -> list[Figure]:
    """Six places: the ranking's candidates that pass `first` (given those chosen) take places before the others,
    each group in rank order, one figure per value; shown in article order."""
    chosen: list[ff.Candidate] = []
    seen: set = set()
    later: list[ff.Candidate] = []
    for candidate in ranked:
        key = ff._dedupe_key(candidate.figure)
        if key in seen:
            continue
        if not first(candidate, chosen):
            later.append(candidate)
            continue
        seen.add(key)
        chosen.append(candidate)
        if len(chosen) == SIX:
            break
    for candidate in later:
        if len(chosen) == SIX:
            break
        key = ff._dedupe_key(candidate.figure)
        if key not in seen:
            seen.add(key)
            chosen.append(candidate)
    chosen.sort(key=lambda c: (c.position, c.offset))
    return [c.figure for c in chosen]


def one_per_sentence(item: fs.Read) -> list[Figure]:
    """One figure per sentence before a second from the same sentence."""
    return _take(_ranked(item), lambda c, chosen: all(c.figure.sentence != d.figure.sentence for d in chosen))


def summary_first(item: fs.Read) -> list[Figure]:
    """The figures of the summary's sentences first (a highlight writer copies the lead), then the rest."""
    return _take(_ranked(item), lambda c, chosen: "in_summary" in c.traits)


def summary_first_at_most(limit: int) -> f7.Chooser:
    """The summary's sentences' figures first, at most `limit` of them before the others compete."""

    def choose(item: fs.Read) -> list[Figure]:
        return _take(_ranked(item), lambda c, chosen: "in_summary" in c.traits and len(chosen) < limit)

    return choose


def lead_first(sentences: int) -> f7.Chooser:
    """The figures of the article's first `sentences` scanned sentences first, in rank order."""
    return lambda item: _take(_ranked(item), lambda c, chosen: c.position < sentences)


# --- static bonuses of a fresh angle (what the six's blockers and the missed holders differ in) ---------------------

_QUOTE_MARKS = "\"“”"
_COMPARISON = re.compile(r"\b(?:up|down) from\b|\bcompared (?:with|to)\b|\bfrom\s+\S+\s+to\b|\b(?:more|less|fewer) than\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+")


def _per_item(item: fs.Read, name: str, build: Callable[[fs.Read], object]) -> object:
    """A table computed once per article and kept on it."""
    table = item.__dict__.get(name)
    if table is None:
        table = item.__dict__[name] = build(item)
    return table


def sentence_density(candidate: ff.Candidate, item: fs.Read) -> int:
    """Other distinct values the figure's sentence holds (a fact-dense sentence is one a highlight copies whole)."""
    table = _per_item(item, "_density", lambda it: Counter(s for s, _ in {(c.figure.sentence, c.figure.value) for c in it.found}))
    return min(2, table[candidate.figure.sentence] - 1)


def paragraph_lead(candidate: ff.Candidate, item: fs.Read) -> bool:
    """The figure's sentence opens its paragraph."""
    index = candidate.figure.sentence
    return index == 0 or item.sentences[index - 1].paragraph != item.sentences[index].paragraph


def inside_quotes(candidate: ff.Candidate, item: fs.Read) -> bool:
    """The figure stands inside a quotation (an odd number of quote marks before it in its sentence)."""
    text = item.sentences[candidate.figure.sentence].text[: candidate.offset]
    return sum(text.count(mark) for mark in _QUOTE_MARKS) % 2 == 1


def short_sentence(candidate: ff.Candidate, item: fs.Read, words: int = 25) -> bool:
    return len(_WORDS.findall(item.sentences[candidate.figure.sentence].text)) <= words


def comparison_near(candidate: ff.Candidate, item: fs.Read) -> bool:
    """A comparison within the figure's sentence ("up from", "compared with", "from X to Y", "more than")."""
    return bool(_COMPARISON.search(item.sentences[candidate.figure.sentence].text))


def first_of_its_kind(candidate: ff.Candidate, item: fs.Read) -> bool:
    """The article's first candidate of its kind (the first money, the first percent): one fact per kind."""
    firsts = _per_item(item, "_firsts", lambda it: {c.figure.kind: id(c) for c in reversed(it.found)})
    return firsts.get(candidate.figure.kind) == id(candidate)


def first_mention_of_noun(candidate: ff.Candidate, item: fs.Read) -> bool:
    """The first candidate counting its noun (by head word): a later count of the same thing restates or updates."""
    def build(it: fs.Read) -> dict:
        firsts: dict[str, int] = {}
        for c in reversed(it.found):
            head = f7._head(c.figure)
            if head:
                firsts[head] = id(c)
        return firsts
    head = f7._head(candidate.figure)
    return bool(head) and _per_item(item, "_noun_firsts", build).get(head) == id(candidate)


def _stem(word: str) -> str:
    return word.lower().rstrip("s")


def noun_in_title(candidate: ff.Candidate, item: fs.Read) -> bool:
    """What the figure counts (its noun's head word) is named in the title: the story's subject, not its number."""
    head = f7._head(candidate.figure)
    title = {_stem(w) for w in _WORDS.findall(item.digest.get("title") or "")}
    return len(head) > 2 and _stem(head) in title


def noun_through_story(candidate: ff.Candidate, item: fs.Read) -> int:
    """How many of the article's sentences name what the figure counts (its head word), at most 3, less one."""
    head = f7._head(candidate.figure)
    if len(head) <= 2:
        return 0
    table = _per_item(item, "_stems", lambda it: [{_stem(w) for w in _WORDS.findall(s.text)} for s in it.sentences])
    return min(3, sum(_stem(head) in words for words in table) - 1)


BONUSES: dict[str, Callable[[ff.Candidate, fs.Read], float]] = {
    "sentence density (other values in its sentence, at most 2)": sentence_density,
    "the sentence opens its paragraph": paragraph_lead,
    "inside a quotation": inside_quotes,
    "a sentence of 25 words or fewer": short_sentence,
    "a comparison in its sentence": comparison_near,
    "the first of its kind": first_of_its_kind,
    "the first count of its noun": first_mention_of_noun,
    "its noun in the title": noun_in_title,
    "its noun through the story (sentences naming it, at most 3, less one)": noun_through_story,
}


def bonuses() -> dict[str, f7.Chooser]:
    out: dict[str, f7.Chooser] = {"shipped": fs.shipped}
    for name, trait in BONUSES.items():
        for amount in (-1.0, -0.5, 0.5, 1.0):
            out[f"{name} {amount:+g}"] = f7.with_bonus(lambda c, item, t=trait, a=amount: a * float(t(c, item)))
    return out


# --- a learned ranker over the candidates, with the fresh traits: CNN tune five folds, BBC tune as the second corpus --


def ranker_features(candidate: ff.Candidate, item: fs.Read, residual: bool) -> list[float]:
    """The thirteenth session's features (`figures_study.ranker_features`; `residual`: the hand score alone) and the
    fresh traits above."""
    fresh = [float(trait(candidate, item)) for trait in BONUSES.values()]
    base = [ff.score(candidate)] if residual else fs.ranker_features(candidate, len(item.sentences))
    return base + fresh


def _rows(items: Sequence[f7.NewsItem], residual: bool) -> list[tuple[f7.NewsItem, list[ff.Candidate], np.ndarray, np.ndarray]]:
    rows = []
    for news in items:
        ranked = fs._ranked_values(news.item.found)
        if ranked:
            x = np.array([ranker_features(c, news.item, residual) for c in ranked], dtype=float)
            y = np.array([float(fs._shows_key(c, sorted(news.gold), news.item.language)) for c in ranked])
            rows.append((news, ranked, x, y))
    return rows


def _fit(rows: Sequence[tuple], l2: float) -> LogisticModel:
    return fit_logistic(np.vstack([r[2] for r in rows]), np.concatenate([r[3] for r in rows]), l2=l2)


def learned_chooser(model: LogisticModel, residual: bool) -> f7.Chooser:
    """Six places by the model's logit over the candidates (one per value), in article order."""

    def choose(item: fs.Read) -> list[Figure]:
        ranked = fs._ranked_values(item.found)
        if not ranked:
            return []
        logits = model.logits(np.array([ranker_features(c, item, residual) for c in ranked], dtype=float))
        return f7._take_six([ranked[i] for i in np.argsort(-logits, kind="stable")])

    return choose


def ranker_verdict(cache: fs.Cache, l2: float, residual: bool) -> f7.Verdict:
    """CNN tune: each fold read by a model fitted on the other four; BBC tune and WCXB tune chrome: fitted on the
    whole CNN tune half."""
    cnn, bbc = f7.news_items(cache, "cnn"), f7.news_items(cache, "bbc")
    rows = _rows(cnn, residual)
    folds = [0] * f7.FOLDS
    for k in range(f7.FOLDS):
        choose = learned_chooser(_fit([r for r in rows if f7.fold5(r[0].name) != k], l2), residual)
        folds[k] = f7.news_folds([n for n in cnn if f7.fold5(n.name) == k], choose)[k]
    choose = learned_chooser(_fit(rows, l2), residual)
    chrome, figures = fs.chrome_count(cache, choose)
    return f7.Verdict(folds, sum(f7.news_folds(bbc, choose)), chrome, figures)


# --- how far a chooser moves by chance: the shipped score with a small random jitter --------------------------------


def jittered(seed: int, amount: float) -> f7.Chooser:
    """The shipped score plus a uniform jitter in [-amount, amount], fixed per candidate by a hash of the seed, the
    article and the candidate's place: a change with no idea in it, to read the folds' noise by."""

    def bonus(candidate: ff.Candidate, item: fs.Read) -> float:
        bucket = hash_bucket(f"{seed}/{item.name}/{candidate.figure.sentence}/{candidate.offset}", 10_000, "figures10")
        return amount * (2.0 * bucket / 9_999 - 1.0)

    return f7.with_bonus(bonus)


def orders() -> dict[str, f7.Chooser]:
    out: dict[str, f7.Chooser] = {"shipped": fs.shipped, "one figure per sentence first": one_per_sentence,
                                  "the summary's sentences first": summary_first}
    for limit in (2, 3, 4):
        out[f"the summary's sentences first, at most {limit}"] = summary_first_at_most(limit)
    for sentences in (3, 5, 8):
        out[f"the first {sentences} sentences first"] = lead_first(sentences)
    return out


def noise(seeds: int = 10, amount: float = 0.5) -> dict[str, f7.Chooser]:
    out: dict[str, f7.Chooser] = {"shipped": fs.shipped}
    for seed in range(seeds):
        out[f"jitter +-{amount:g}, seed {seed}"] = jittered(seed, amount)
    return out


# --- chrome figures by kind ----------------------------------------------------------------------------------------


def chrome_figures(cache: fs.Cache, choose: f7.Chooser = fs.shipped) -> list[tuple[str, Figure, str]]:
    """(page id, figure, its sentence) of every figure of the six the 3-gram test calls chrome, WCXB tune articles."""
    return [(page, figure, sentence) for page, figure, sentence, _, _, ok in fs._judged_figures(cache, choose) if not ok]


# --- command line --------------------------------------------------------------------------------------------------


def _print_split(cache: fs.Cache) -> None:
    for corpus in ("cnn", "bbc"):
        items = f7.news_items(cache, corpus)
        rows = split_misses(items)
        total = sum(len(n.gold) for n in items)
        print(f"{corpus} tune: {total} key numbers, {len(rows)} missed")
        for group, n in Counter(r.group for r in rows).most_common():
            print(f"  {group:80} {n:4}")
        ranked = [r for r in rows if r.rank is not None]
        print("  (b) by what keeps it out (the six's lowest-ranked figure that shows no key number):")
        for what, n in Counter(r.outranked_by for r in ranked).most_common():
            print(f"    {what:60} {n:4}")
        print("  (b) by rank band: " + ", ".join(f"{b} {n}" for b, n in sorted(Counter(
            "7-9" if r.rank < 9 else "10-12" if r.rank < 12 else "13+" for r in ranked).items())))
        print("  (b) the blocker's kind: " + ", ".join(f"{k} {n}" for k, n in Counter(
            fs.figure_label(r.blocker) for r in ranked).most_common()))
        print("  (b) the holder's kind: " + ", ".join(f"{k} {n}" for k, n in Counter(
            fs.figure_label(r.holder) for r in ranked).most_common()))
        if corpus == "cnn":
            for r in ranked:
                print(f"    {r.article} {r.gold:g} rank {r.rank + 1} [{r.holder.figure.text} / s{r.holder.figure.sentence}] "
                      f"kept out by {r.blocker.figure.text!r} s{r.blocker.figure.sentence}: {r.outranked_by}")


def _print_orders(cache: fs.Cache, names: Sequence[str], what: str = "orders") -> None:
    f7.print_verdicts(cache, {"orders": orders, "bonuses": bonuses, "noise": noise}[what](), names, width=52)


def _print_ranker(cache: fs.Cache) -> None:
    cnn, bbc = f7.news_items(cache, "cnn"), f7.news_items(cache, "bbc")
    base = f7.judge(cache, cnn, bbc, fs.shipped)
    print(f"shipped: CNN {sum(base.cnn)} {base.cnn}; BBC {base.bbc}; chrome {base.chrome} of {base.figures}")
    for residual in (True, False):
        for l2 in (1.0, 10.0, 100.0, 1000.0):
            v = ranker_verdict(cache, l2, residual)
            ups = sum(a > b for a, b in zip(v.cnn, base.cnn))
            downs = sum(a < b for a, b in zip(v.cnn, base.cnn))
            name = "hand score + fresh traits" if residual else "27 features + fresh traits"
            print(f"{name}, L2 {l2:g}: CNN {sum(v.cnn)} {v.cnn} (folds up {ups}, down {downs}); BBC {v.bbc}; "
                  f"chrome {v.chrome} of {v.figures}; {'holds' if v.holds(base) else 'does not hold'}")


def _print_chrome(cache: fs.Cache) -> None:
    rows = chrome_figures(cache)
    print(f"WCXB tune article pages: {len(rows)} chrome figures")
    for page, figure, sentence in rows:
        print(f"  {page} [{figure.kind}] {figure.text!r} ({figure.counts}) :: {sentence[:160]!r}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.figures10_study", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/figures10/tune_small.pkl"))
    parser.add_argument("what", choices=("split", "orders", "bonuses", "noise", "ranker", "chrome"))
    parser.add_argument("--only", nargs="*", default=(), help="orders: the names to run (default: all)")
    args = parser.parse_args(argv)
    cache = f7.regold(f7._load(args.cache), args.data_dir)
    if args.what == "split":
        _print_split(cache)
    elif args.what in ("orders", "bonuses", "noise"):
        _print_orders(cache, args.only, args.what)
    elif args.what == "ranker":
        _print_ranker(cache)
    else:
        _print_chrome(cache)


if __name__ == "__main__":
    main()
