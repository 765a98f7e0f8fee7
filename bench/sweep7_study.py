"""Sixteenth session (sweep7): digests of non-article pages as a reader sees them (issue 9).

    python -m bench.sweep7_study pick /work/shared/data [--per-type 20]                  # the ids read by hand
    python -m bench.sweep7_study render /work/shared/data --results FILE [--per-type 20] > digests.md
    python -m bench.sweep7_study compare /work/shared/data --before FILE --after FILE [--part tune]
    python -m bench.sweep7_study variants /work/shared/data --results FILE [--parts train,dev]

`pick`: 20 WCXB tune pages of each non-article type (forum, product, listing, collection, service, documentation),
chosen by sha1("sweep7:" + id), never by their content. `render`: the Markdown of `python -m bot summarize` as a
Discord user reads it, built from the product's JSON answers of a sweep (`bench.sweep`'s cache file), one page
after another, for reading by hand. `compare`: the sweep's kinds counted on two answer files of the same sample,
with the documents whose summary changed (what a fix moves). Only tune pages are read unless `--part held-out`
is given, which prints counts only (docs/quality/sweep.md, sixteenth session). `variants`: each new rule of
`summarize/unfit.py` added alone to the filter as main has it (and all together), judged in process on the sweep's tune
answers (summaries recomputed from each answer's `text`: documents whose summary changes, the sweep's summary kinds
before and after) and on the CNN Corpus and BBC parts given, both forms of bench/summaries.py (summaries that change,
mean ROUGE-1 F x 100 change), as bench/sweep5_study.py does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence
from urllib.parse import urlsplit

from bench.sweep import Item, check, digest_from_json, scrapinghub_items, wcxb_items
from bot.digest.models import Sentence
from bot.digest.summarize import unfit as unfit_rules  # the rules, each switched on alone below

Unfit = Callable[[Sequence[Sentence], int], bool]

NON_ARTICLE_TYPES = ("forum", "product", "listing", "collection", "service", "documentation")


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def picked(items: list[Item], per_type: int) -> list[Item]:
    """`per_type` items of each non-article type, in the order of sha1("sweep7:" + id)."""
    chosen: list[Item] = []
    for kind in NON_ARTICLE_TYPES:
        of_type = [item for item in items if item.set == f"wcxb-{kind}"]
        chosen += sorted(of_type, key=lambda item: _hash("sweep7:" + item.id))[:per_type]
    return chosen


def load_results(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sample(data: Path, part: str = "tune") -> list[Item]:
    """The sweep's sample of every WCXB page of the part (`bench.sweep --per-type 5000 --pastes 0`), then ScrapingHub."""
    return wcxb_items(data, 5000, part) + scrapinghub_items(data)


def render(item: Item, result: dict[str, Any]) -> str:
    """The digest's Markdown as the command line prints it (`--format markdown`), headed by the page's id."""
    from bot.cli.render import render_markdown
    from bot.settings import DigestSettings

    head = f"<!-- {item.set} {item.id} {item.url} -->\n"
    if result.get("error"):
        return head + f"error: {result['error']}\n"
    return head + render_markdown(digest_from_json(result), DigestSettings())


def compare(items: list[Item], before: list[dict[str, Any]], after: list[dict[str, Any]]) -> tuple[Counter[str], Counter[str], list[str]]:
    """Documents with each kind before and after, and the ids whose summary changed."""
    counts_before: Counter[str] = Counter()
    counts_after: Counter[str] = Counter()
    changed = []
    for item, old, new in zip(items, before, after, strict=True):
        counts_before.update({kind for kind, _ in check(item, old)})
        counts_after.update({kind for kind, _ in check(item, new)})
        if [s["text"] for s in old.get("summary") or []] != [s["text"] for s in new.get("summary") or []]:
            changed.append(f"{item.set} {item.id}")
    return counts_before, counts_after, changed


def _main_unfit(sentences: Sequence[Sentence], position: int) -> bool:
    """`unfit` as main has it (before this session's rules)."""
    text = sentences[position].text
    return (unfit_rules.is_code(text) or unfit_rules.begins_midway(sentences, position) or unfit_rules.is_gov_banner(text)
            or unfit_rules.repeats_earlier(sentences, position))


def _with(rule: Callable[[Sequence[Sentence], int], bool]) -> Unfit:
    return lambda sentences, position: _main_unfit(sentences, position) or rule(sentences, position)


RULES: dict[str, Unfit] = {
    "question": unfit_rules.is_question_heading,
    "teaser": lambda s, i: unfit_rules.is_teaser(s[i].text),
    "unit": unfit_rules.is_cut_at_unit,
    "menu": lambda s, i: unfit_rules.is_menu_run(s[i].text),
    "price": lambda s, i: unfit_rules.is_price_row(s[i].text),
    "colon": lambda s, i: s[i].text.lstrip()[:1] == ":",  # tried: a piece whose label the page lost (": Effectively blends ...")
}


TRIED = frozenset({"colon"})  # rules tried and not shipped: left out of "all"


def variant_filters() -> dict[str, Unfit]:
    """main's filter, each rule added alone, and all of them."""
    filters = {"main": _main_unfit} | {name: _with(rule) for name, rule in RULES.items()}
    shipped = [rule for name, rule in RULES.items() if name not in TRIED]
    filters["all"] = lambda s, i: _main_unfit(s, i) or any(rule(s, i) for rule in shipped)  # as `unfit` has it
    return filters


def summary_with(sentences: list[Sentence], title: str, language_code: str, count: int, passed_over: Unfit) -> list[int]:
    """The pipeline's choice (`not_for_summary` as skip, the lead-line fallback) with `passed_over` as the summarizer's `unfit`."""
    from bot.digest.language.language_detector import language_for
    from bot.digest.pipeline import lead_lines, not_for_summary
    from bot.digest.summarize import summarizer

    original = summarizer.unfit
    summarizer.unfit = passed_over  # the summarizer calls `unfit` by its module's name
    try:
        chosen = summarizer.summarize(sentences, title, language_for(language_code), count, skip=not_for_summary(sentences))
    finally:
        summarizer.unfit = original
    return chosen or lead_lines(sentences, title, count)


def _summary_kinds(item: Item, result: dict[str, Any]) -> set[str]:
    return {kind for kind, _ in check(item, result) if kind.startswith("summary.")}


def tune_variants(
    items: list[Item], results: list[dict[str, Any]], filters: dict[str, Unfit] | None = None,
    kinds_of: Callable[[Item, dict[str, Any]], set[str]] = _summary_kinds,
) -> None:
    """Each filter (this session's unless given; the first is the base) on the sweep's answers: documents whose summary
    changes (by set), and the kinds `kinds_of` finds (the summary kinds of `check` unless given)."""
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.summarizer import sentence_count_for
    from bot.settings import DigestSettings

    settings = DigestSettings()
    filters = filters or variant_filters()
    kinds: dict[str, Counter[str]] = {name: Counter() for name in filters}
    changed: dict[str, Counter[str]] = {name: Counter() for name in filters}
    same_as_product = 0
    for item, result in zip(items, results, strict=True):
        if result.get("error") or not result.get("summary"):
            continue
        sentences = split_sentences(result["text"], result.get("language") or "en")
        count = sentence_count_for(len(sentences), settings.min_sentences, settings.max_sentences)  # as the pipeline counts
        base: list[int] = []
        for name, passed_over in filters.items():
            try:
                chosen = summary_with(sentences, result.get("title") or "", result.get("language") or "en", count, passed_over)
            except Exception:  # a language without a stemmer: left out of the study
                break
            if name == next(iter(filters)):
                base = chosen
                same_as_product += [s["index"] for s in result["summary"]] == chosen
            elif chosen != base:
                changed[name][item.set] += 1
            redone = dict(result, summary=[{"text": sentences[i].text, "index": i, "hedge": None, "soft_cues": []} for i in chosen])
            kinds[name].update(kinds_of(item, redone))
    print(f"summaries recomputed with main's filter equal to the product's: {same_as_product}")
    names = list(filters)
    print(f"{'kind (documents)':28s} " + " ".join(f"{n:>9s}" for n in names))
    for kind in sorted(set().union(*kinds.values())):
        print(f"{kind:28s} " + " ".join(f"{kinds[n][kind]:9d}" for n in names))
    for name in names[1:]:
        print(f"summaries changed by {name}: {sum(changed[name].values())} " + str(dict(sorted(changed[name].items()))))


def news_variants(data: Path, parts: list[str]) -> None:
    """Each filter on CNN Corpus and BBC articles of the parts, both forms: summaries changed and mean ROUGE-1 change."""
    from rouge_score import rouge_scorer

    from bench.summaries import CORPORA, FORMS, SUMMARY_SENTENCES, load
    from bot.digest.segment.sentence_splitter import split_sentences

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    filters = variant_filters()
    for corpus in CORPORA:
        articles = load(data, corpus, parts)
        for form in FORMS:
            delta: Counter[str] = Counter()
            moved: Counter[str] = Counter()
            for article in articles:
                body = " ".join(article.paragraphs) if form == "one paragraph" else "\n\n".join(article.paragraphs)
                title = "" if form == "one paragraph" else article.title
                sentences = split_sentences(body, "en")
                flagged = {name for name, rule in RULES.items() if any(rule(sentences, i) for i in range(len(sentences)))}
                if not flagged:
                    continue
                base = summary_with(sentences, title, "en", SUMMARY_SENTENCES, filters["main"])
                reference = "\n".join(article.reference)
                base_score = scorer.score(reference, "\n".join(sentences[i].text for i in base))["rouge1"].fmeasure
                for name in [*sorted(flagged), "all"]:
                    chosen = summary_with(sentences, title, "en", SUMMARY_SENTENCES, filters[name])
                    if chosen != base:
                        moved[name] += 1
                        delta[name] += scorer.score(reference, "\n".join(sentences[i].text for i in chosen))["rouge1"].fmeasure - base_score
            print(f"{corpus:10s} {form:20s} {','.join(parts)} ({len(articles)} articles): " + ", ".join(
                f"{name} {moved[name]} changed {100 * delta[name] / max(1, len(articles)):+.4f}" for name in [*RULES, "all"]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("pick", "render", "compare", "variants"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--per-type", type=int, default=20)
    parser.add_argument("--results", type=Path, help="the sweep's answers for `sample` (render)")
    parser.add_argument("--before", type=Path)
    parser.add_argument("--after", type=Path)
    parser.add_argument("--part", choices=("tune", "held-out"), default="tune")
    parser.add_argument("--parts", default="train,dev", help="news parts for `variants` (never test)")
    parser.add_argument("--skip-news", action="store_true")
    parser.add_argument("--skip-tune", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "variants":
        if "test" in args.parts.split(","):
            parser.error("the test parts are the lead's")
        if not args.skip_tune:
            tune_variants(sample(args.data), load_results(args.results))
        if not args.skip_news:
            news_variants(args.data, args.parts.split(","))
        return
    items = sample(args.data, args.part)
    if args.command == "pick":
        for item in picked(items, args.per_type):
            print(item.set, item.id, item.url)
        return
    if args.command == "render":
        if args.part != "tune":
            parser.error("only tune pages are read")
        by_key = {(item.set, item.id): result for item, result in zip(items, load_results(args.results), strict=True)}
        for item in picked(items, args.per_type):
            print(render(item, by_key[(item.set, item.id)]))
        return
    before, after, changed = compare(items, load_results(args.before), load_results(args.after))
    print(f"{'kind (documents with one)':34s} {'before':>7s} {'after':>7s}")
    for kind in sorted(set(before) | set(after)):
        print(f"{kind:34s} {before[kind]:7d} {after[kind]:7d}")
    by_type = Counter(key.split()[0] for key in changed)
    hosts = {urlsplit(item.url).hostname for item in items if f"{item.set} {item.id}" in set(changed)}
    print(f"summaries changed: {len(changed)} " + str(dict(sorted(by_type.items()))) + f", on {len(hosts)} sites")
    if args.part == "tune":  # held out: counts only
        for key in changed:
            print("  " + key)


if __name__ == "__main__":
    main()
