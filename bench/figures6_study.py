"""Chrome figures by the sentence they come from, and a demotion checked by site folds (fifteenth session).

Reads the cache of `bench.figures_study` (the command line's JSON on the CNN tune half, the BBC tune part and
WCXB's tune article pages; docs/quality/figures.md) and recomputes the six in process. Held-out parts are never read.

    python -m bench.figures6_study /work/shared/data --cache /tmp/figures6/tune.pkl traits
    python -m bench.figures6_study /work/shared/data --cache /tmp/figures6/tune.pkl demote

`traits` counts the six's figures that have a trait of their sentence (where it stands against the summary's
sentences, its paragraph, its voice, a zero, a page's count noun): WCXB chrome / article figures beside CNN and BBC
key / other figures. `demote` sends the candidates of sentences opening with one imperative verb to the bottom of
the ranking, verb by verb, lists every page and article whose chrome or key numbers change, and cross-validates the
choice of verbs over five folds of WCXB sites (chosen on four folds: the verbs that lower chrome there and cost no
CNN or BBC key number; read on the fifth).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Callable, Iterator
from urllib.parse import urlparse

from bench import figures as bf
from bench import figures_study as fs
from bench.fitting import hash_bucket
from bench.sweep import PAGE_COUNTS
from bot.digest.figures import figure_finder as ff
from bot.digest.models import Figure

SITE_FOLDS = 5
SITE_SALT = "figures6"
# Imperative verbs that open a line: calls to action and other pages' teasers ("Use our Find-a-Mover tool ...",
# "Compare the three big cloud providers ...", "Send a link to this show to 3 of your friends ...").
IMPERATIVE = re.compile(
    r"^\W*(use|see|compare|start|join|get|find|learn|discover|meet|send|try|take|make|keep|build|grow|save|book|"
    r"call|contact|visit|watch|listen|enroll|register|download|explore|check|shop|order|sign|subscribe)\b",
    re.IGNORECASE,
)
_YOU = re.compile(r"\byou(?:r|'re|’re)?\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)

# (part, labelled?, page or article name, candidate, the read digest) of every figure of the six
Shown = tuple[str, bool, str, ff.Candidate, fs.Read]


def summary_distance(item: fs.Read, sentence: int) -> int:
    """How many sentences the sentence stands before the summary's first or after its last (0 inside)."""
    chosen = sorted(s["index"] for s in item.digest.get("summary") or [])
    if not chosen:
        return 0
    return max(0, chosen[0] - sentence, sentence - chosen[-1])


def sentence_traits(item: fs.Read, candidate: ff.Candidate) -> dict[str, bool]:
    """The traits `traits` counts, of one candidate's sentence."""
    figure = candidate.figure
    sentence = item.sentences[figure.sentence]
    chosen = {s["index"] for s in item.digest.get("summary") or []}
    paragraph = [s for s in item.sentences if s.paragraph == sentence.paragraph]
    distance = summary_distance(item, figure.sentence)
    after = bool(chosen) and figure.sentence > max(chosen)
    return {
        "before the summary's first sentence, by 3+": distance > 2 and not after,
        "after the summary's last sentence": after,
        "after the summary's last sentence, by 9+": after and distance > 8,
        "in the last tenth of the text": figure.sentence >= 0.9 * len(item.sentences),
        "a paragraph of one sentence": len(paragraph) == 1,
        "a paragraph with no summary sentence": not any(s.index in chosen for s in paragraph),
        "you/your": _YOU.search(sentence.text) is not None,
        "we/our/us": _WE.search(sentence.text) is not None,
        "an imperative opening": IMPERATIVE.match(sentence.text) is not None,
        "a zero": figure.value == 0,
        "a page's count noun (bench.sweep)": figure.counts.lower().strip() in PAGE_COUNTS,
    }


def _labelled(part: str, entry: tuple, item: fs.Read, figure: Figure) -> bool:
    """WCXB: the figure's sentence is chrome (bench.figures' 3-gram test); news: it shows a key number."""
    if part == "wcxb":
        return not bf._from_article(item.sentences[figure.sentence].text, bf._shingles(entry[2]))
    shown = bf.shown_numbers({"value": figure.value, "text": figure.text}, item.language)
    return bf._matched(entry.gold, shown) > 0


def labelled_count(part: str, entry: tuple, item: fs.Read, figures: list[Figure]) -> int:
    """WCXB: how many of the figures are chrome; news: how many key numbers the figures show."""
    if part == "wcxb":
        return sum(_labelled(part, entry, item, figure) for figure in figures)
    shown = [n for f in figures for n in bf.shown_numbers({"value": f.value, "text": f.text}, item.language)]
    return bf._matched(entry.gold, shown)


def tune_reads(cache: fs.Cache) -> Iterator[tuple[str, tuple, str, fs.Read]]:
    """(part, page or article, its name, its digest read again) of every cached tune document without an error."""
    for part in ("wcxb", "cnn", "bbc"):
        entries, digests = cache[part]
        for entry, digest in zip(entries, digests):
            if not digest.get("error"):
                name = entry[0] if part == "wcxb" else entry.name
                yield part, entry, name, fs.read(name, digest)


def shown_figures(cache: fs.Cache) -> Iterator[Shown]:
    for part, entry, name, item in tune_reads(cache):
        six = {id(figure) for figure in fs.shipped(item)}  # `choose` returns the candidates' own figures
        for candidate in item.found:
            if id(candidate.figure) in six:
                yield part, _labelled(part, entry, item, candidate.figure), name, candidate, item


def trait_table(cache: fs.Cache) -> dict[str, Counter]:
    """Trait -> counts of (part, labelled) among the six's figures; "every figure" first."""
    table: dict[str, Counter] = defaultdict(Counter)
    for part, label, _, candidate, item in shown_figures(cache):
        table["every figure"][part, label] += 1
        for name, has in sentence_traits(item, candidate).items():
            if has:
                table[name][part, label] += 1
    return table


def choose_demoting(item: fs.Read, demoted: Callable[[str], bool], limit: int = 6) -> list[Figure]:
    """`figure_finder.choose` with the candidates of the sentences `demoted` picks ranked below every other: their
    `heading` trait raised by 100 (a score 600 lower than it was)."""
    found = [
        replace(c, traits={**c.traits, "heading": c.traits.get("heading", 0.0) + 100.0})
        if demoted(item.sentences[c.figure.sentence].text) else c
        for c in item.found
    ]
    return ff.choose(found, limit)


def opening_verb(text: str) -> str | None:
    match = IMPERATIVE.match(text)
    return match.group(1).lower() if match else None


def wcxb_sites(data_dir: pathlib.Path) -> dict[str, str]:
    """WCXB page id -> its site (the URL's host without "www.")."""
    sites = {}
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            sites[str(item["id"])] = urlparse(item.get("url") or "").netloc.removeprefix("www.")
    return sites


def demotion_effects(cache: fs.Cache, sites: dict[str, str]) -> dict[str, list[tuple[str, int, int, str]]]:
    """Verb -> (part, fold, change, name) of every page (chrome figures) or article (key numbers) that the
    demotion of the sentences opening with the verb changes; WCXB folds by site, news folds by CRC-32."""
    effects: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
    for part, entry, name, item in tune_reads(cache):
        verbs = {opening_verb(item.sentences[c.figure.sentence].text) for c in item.found} - {None}
        if not verbs:
            continue
        before = labelled_count(part, entry, item, fs.shipped(item))
        group = hash_bucket(sites.get(name, name), SITE_FOLDS, SITE_SALT) if part == "wcxb" else fs.fold(name)
        for verb in sorted(verbs):  # type: ignore[type-var]
            figures = choose_demoting(item, lambda text, verb=verb: opening_verb(text) == verb)
            change = labelled_count(part, entry, item, figures) - before
            if change:
                effects[verb].append((part, group, change, name))
    return effects


def site_fold_cv(effects: dict[str, list[tuple[str, int, int, str]]], folds: int = SITE_FOLDS) -> list[tuple[int, list[str], int]]:
    """(fold, verbs chosen on the other folds, chrome change on the fold): a verb is chosen when its demotion lowers
    the chrome figures of the other folds' pages and loses no CNN or BBC key number."""
    rows = []
    for k in range(folds):
        chosen = sorted(
            verb for verb, changes in effects.items()
            if sum(c for part, g, c, _ in changes if part == "wcxb" and g != k) < 0
            and not any(part != "wcxb" and c < 0 for part, _, c, _ in changes)
        )
        change = sum(c for verb in chosen for part, g, c, _ in effects[verb] if part == "wcxb" and g == k)
        rows.append((k, chosen, change))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.figures6_study", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/figures6/tune.pkl"))
    parser.add_argument("what", choices=("traits", "demote"))
    args = parser.parse_args(argv)
    if args.cache.exists():
        with args.cache.open("rb") as handle:
            cache = pickle.load(handle)
    else:
        cache = fs.build_cache(args.data_dir, args.cache)
    if args.what == "traits":
        for name, counts in trait_table(cache).items():
            print(f"{name:45} WCXB chrome {counts['wcxb', True]:3} / article {counts['wcxb', False]:4} | CNN key "
                  f"{counts['cnn', True]:3} / other {counts['cnn', False]:4} | BBC key {counts['bbc', True]:4} / other {counts['bbc', False]:4}")
    else:
        effects = demotion_effects(cache, wcxb_sites(args.data_dir))
        for verb, changes in sorted(effects.items()):
            print(verb, changes)
        rows = site_fold_cv(effects)
        for k, verbs, change in rows:
            print(f"site fold {k}: verbs chosen on the other folds {verbs}; chrome change on the fold {change:+d}")
        print(f"chrome change over the five folds {sum(change for *_, change in rows):+d}")


if __name__ == "__main__":
    main()
