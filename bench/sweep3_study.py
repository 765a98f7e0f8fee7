"""Study for the summarizer's `unfit` filter (code, pieces begun midway): on the sweep's documents and on news.

    python -m bench.sweep3_study sweep ../shared/data --results ANSWERS.jsonl [--part tune|held-out] [--show 80]
    python -m bench.sweep3_study news ../shared/data [--parts train,dev]
    python -m bench.sweep3_study counts ../shared/data --results BEFORE.jsonl AFTER.jsonl [--part tune|held-out]

`sweep`: the sweep's sample (bench/sweep.py), split once more into a tune and a held-out part by
sha1("sweep3:" + id) mod 100 < 70 (the sweep's WCXB pages and pastes all come from WCXB's tune part, so WCXB's own
rule would hold none of them out; the salt splits them anew, a page and its paste on the same side). From the
cached JSON answers of the command line (`text`, `language`), each document is split and summarized in process
as the pipeline does (`pipeline.not_for_summary`, the sentence count of the default settings, `lead_lines` when
nothing is eligible), with and without the filter; printed: the documents whose summary changes, the sentences
the filter passes over, and the sweep's two kinds (`summary.code`, `summary.lowercase_start`) on the summaries
with and without it.

`counts`: the sweep's summary kinds on one part, from the command line's answers of each checkout (the sweep's
cache files).

`news`: CNN Corpus and BBC articles of the given parts in both forms of bench/summaries.py (three sentences, as
`bench.summaries` asks), summarized in process with and without the filter: how many summaries change, and
the change of the mean ROUGE-1 and ROUGE-Lsum F over all articles (rouge_score, Porter stemmer, as
bench/summaries.py; an article with no unfit sentence keeps its summary, so only the others are summarized).
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from statistics import mean
from typing import Any, Iterator

from bench.fitting import hash_bucket
from bench.splits import WCXB_TUNE_SHARE

log = logging.getLogger(__name__)
SALT = "sweep3:"


def part_of(item_id: str) -> str:
    return "tune" if hash_bucket(item_id, salt=SALT) < WCXB_TUNE_SHARE else "held-out"


def _summaries(text: str, title: str, code: str, count: int | None) -> tuple[list[Any], list[int], list[int]]:
    """The sentences of `text` and the pipeline's summary indices without and with the filter."""
    from bot.digest.language.language_detector import language_for
    from bot.digest.pipeline import lead_lines, not_for_summary
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.summarizer import sentence_count_for, summarize

    language = language_for(code)
    sentences = split_sentences(text, language.code)
    count = count or sentence_count_for(len(sentences), 3, 5)
    both = []
    for filtered in (False, True):
        chosen = summarize(sentences, title, language, count, skip=not_for_summary(sentences), pass_over_unfit=filtered)
        both.append(chosen or lead_lines(sentences, title, count))
    return sentences, both[0], both[1]


def sweep_study(data: Path, results_path: Path, part: str, show: int) -> None:
    from bench.sweep import check_summary, paste_items, scrapinghub_items, seed_items, wcxb_items
    from bot.digest.summarize.unfit import begins_midway, is_code

    items = wcxb_items(data, 60) + scrapinghub_items(data) + paste_items(data, 150) + seed_items(data.parent / "seeds")
    results = [json.loads(line) for line in results_path.read_text(encoding="utf-8").splitlines()]
    counts = {"documents": 0, "changed": 0, "fallback": 0}
    kinds: dict[str, list[int]] = {"summary.code": [0, 0], "summary.lowercase_start": [0, 0]}
    shown = 0
    left: list[str] = []
    for item, result in zip(items, results, strict=True):
        if part_of(item.id) != part or result.get("error"):
            continue
        counts["documents"] += 1
        sentences, before, after = _summaries(result["text"], result.get("title") or "", result.get("language") or "en", None)
        for column, chosen in enumerate((before, after)):
            answer = dict(result, summary=[{"text": sentences[i].text, "index": i} for i in chosen])
            found = check_summary(item, answer)
            for kind in kinds:
                kinds[kind][column] += any(k == kind for k, _ in found)
            if column == 1:
                left += [f"  left: {kind} [{item.set} {item.id[:12]}] {text[:140]!r}" for kind, text in found if kind in kinds]
        if before == after:
            continue
        counts["changed"] += 1
        passed = [i for i in before if i not in after]
        counts["fallback"] += any(is_code(sentences[i].text) or begins_midway(sentences, i) for i in after)
        for i in passed:
            if shown < show:
                rule = "code" if is_code(sentences[i].text) else "midway" if begins_midway(sentences, i) else "displaced"
                previous = sentences[i - 1].text[-60:] if i else ""
                print(f"[{item.set} {item.id[:12]}] {rule}: {previous!r} || {sentences[i].text[:160]!r}")
                shown += 1
    print(f"\n{part}: {counts['documents']} documents with an answer, {counts['changed']} summaries change, "
          f"{counts['fallback']} keep an unfit sentence (nothing else to show)")
    for kind, (without, with_filter) in kinds.items():
        print(f"  {kind:26s} without the filter {without:3d}   with it {with_filter:3d}")
    print("\n".join(left))


def counts(data: Path, results_paths: list[Path], part: str) -> None:
    """The sweep's summary kinds (documents with one) on one part, for each file of the command line's answers."""
    from bench.sweep import check, paste_items, scrapinghub_items, seed_items, wcxb_items

    items = wcxb_items(data, 60) + scrapinghub_items(data) + paste_items(data, 150) + seed_items(data.parent / "seeds")
    table: dict[str, list[int]] = {}
    for column, path in enumerate(results_paths):
        results = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for item, result in zip(items, results, strict=True):
            if part_of(item.id) != part:
                continue
            for kind in {kind for kind, _ in check(item, result) if kind.startswith("summary.")}:
                table.setdefault(kind, [0] * len(results_paths))[column] += 1
    documents = sum(part_of(item.id) == part for item in items)
    print(f"{part}: {documents} documents; summary kinds (documents with one) in " + " | ".join(p.name for p in results_paths))
    for kind in sorted(table):
        print(f"  {kind:28s} " + "  ".join(f"{n:4d}" for n in table[kind]))


def _news(data: Path, parts: list[str]) -> Iterator[tuple[str, str, str, str, tuple[str, ...]]]:
    from bench.summaries import CORPORA, FORMS, load

    for corpus in CORPORA:
        for article in load(data, corpus, parts):
            for form in FORMS:
                body = " ".join(article.paragraphs) if form == "one paragraph" else "\n\n".join(article.paragraphs)
                title = "" if form == "one paragraph" else article.title
                yield corpus, form, body, title, article.reference


def news_study(data: Path, parts: list[str]) -> None:
    from rouge_score import rouge_scorer

    from bench.summaries import SUMMARY_SENTENCES

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    rows: dict[tuple[str, str], dict[str, list[float]]] = {}
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.unfit import unfit

    for corpus, form, body, title, reference in _news(data, parts):
        split = split_sentences(body, "en")
        if not any(unfit(split, i) for i in range(len(split))):  # the filter passes over nothing: the same summary
            sentences, before, after = split, [], []
        else:
            sentences, before, after = _summaries(body, title, "en", SUMMARY_SENTENCES)
        row = rows.setdefault((corpus, form), {"n": [], "changed": [], "r1_before": [], "r1_after": [], "rl_before": [], "rl_after": []})
        row["n"].append(1)
        row["changed"].append(float(before != after))
        if before == after:  # unchanged: adds the same to both columns, so only the difference is kept
            for key in ("r1_before", "r1_after", "rl_before", "rl_after"):
                row[key].append(0.0)
            continue
        for name, chosen in (("before", before), ("after", after)):
            scores = scorer.score("\n".join(reference), "\n".join(sentences[i].text for i in chosen))
            row[f"r1_{name}"].append(scores["rouge1"].fmeasure)
            row[f"rl_{name}"].append(scores["rougeLsum"].fmeasure)
        delta = 100 * (row["r1_after"][-1] - row["r1_before"][-1])
        for i in before:
            if i not in after:
                print(f"  {corpus} {form}: R1 {delta:+.2f} passed over {sentences[i].text[:120]!r}")
    print(f"\nparts {','.join(parts)}: change of the mean ROUGE-1 / ROUGE-Lsum F x 100 over all articles with the filter "
          "(articles with no unfit sentence are unchanged; bench.summaries gives the levels)")
    for (corpus, form), row in rows.items():
        n = len(row["n"])
        r1 = 100 * (sum(row["r1_after"]) - sum(row["r1_before"])) / n
        rl = 100 * (sum(row["rl_after"]) - sum(row["rl_before"])) / n
        print(f"  {corpus:10s} {form:20s} n={n:5d} changed={int(sum(row['changed'])):3d}  R1 {r1:+.4f}  RLsum {rl:+.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("sweep", "news", "counts"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--results", type=Path, nargs="+", help="the sweep's cached answers (bench/sweep.py), one JSON line per item")
    parser.add_argument("--part", choices=("tune", "held-out"), default="tune")
    parser.add_argument("--parts", default="train,dev", help="news parts (bench/summaries.split_of)")
    parser.add_argument("--show", type=int, default=80)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.what == "sweep":
        sweep_study(args.data, args.results[0], args.part, args.show)
    elif args.what == "counts":
        counts(args.data, args.results, args.part)
    else:
        news_study(args.data, args.parts.split(","))


if __name__ == "__main__":
    main()
