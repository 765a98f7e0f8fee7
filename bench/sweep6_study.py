"""Fifteenth session (sweep6): the lead-line fallback (`pipeline.lead_lines`), the summary of a page where the
summarizer finds no sentence it may choose. Two questions:

- news: on how many CNN Corpus and BBC articles of the given parts, in both forms of bench/summaries.py, does the
  fallback fire at all (the summarizer, three sentences, `pipeline.not_for_summary` as skip, chooses nothing)?
  Where it never fires, a change to `lead_lines` cannot move the summaries benchmark.
- sweep: for the documents of the sweep's cached answers (bench/sweep.py, a JSON line per item) on which the
  fallback fires, the lines another checkout's `lead_lines` gives beside this checkout's.

    python -m bench.sweep6_study news ../shared/data [--parts train,dev]
    python -m bench.sweep6_study sweep /tmp/bughunt/sweep/<head>-<sample>.jsonl --reference /tmp/sweep6/base
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from bot.digest.models import Sentence

LeadLines = Callable[[list[Sentence], str, int], list[int]]


def load_lead_lines(checkout: Path) -> LeadLines:
    """`lead_lines` as another checkout's bot/digest/pipeline.py defines it (its imports resolve in this checkout)."""
    spec = importlib.util.spec_from_file_location("reference_pipeline", checkout / "bot" / "digest" / "pipeline.py")
    assert spec and spec.loader
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.lead_lines  # type: ignore[no-any-return]


def falls_back(sentences: list[Sentence], title: str, count: int, language_code: str = "en") -> bool:
    """The summarizer chooses nothing, so the digest would show `lead_lines` (as `pipeline.digest_article` does)."""
    from bot.digest.language.language_detector import language_for
    from bot.digest.pipeline import not_for_summary
    from bot.digest.summarize.summarizer import summarize

    return not summarize(sentences, title, language_for(language_code), count, skip=not_for_summary(sentences))


def news(data: Path, parts: list[str]) -> None:
    from bench.summaries import CORPORA, FORMS, SUMMARY_SENTENCES, load
    from bot.digest.segment.sentence_splitter import split_sentences

    for corpus in CORPORA:
        articles = load(data, corpus, parts)
        for form in FORMS:
            fired = 0
            for article in articles:
                body = " ".join(article.paragraphs) if form == "one paragraph" else "\n\n".join(article.paragraphs)
                title = "" if form == "one paragraph" else article.title
                fired += falls_back(split_sentences(body, "en"), title, SUMMARY_SENTENCES)
            print(f"{corpus:10s} {form:20s} parts {','.join(parts)}: {len(articles)} articles, the fallback fires on {fired}")


def sweep_answers(results: Path, reference: Path) -> None:
    from bot.digest.language.language_detector import detect_language
    from bot.digest.pipeline import lead_lines
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.summarizer import sentence_count_for
    from bot.settings import DigestSettings

    before = load_lead_lines(reference)
    settings = DigestSettings()
    answers: list[dict[str, Any]] = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    fired = 0
    for answer in answers:
        if answer.get("error"):
            continue
        language = detect_language(answer["text"], answer.get("language"))
        sentences = split_sentences(answer["text"], language.code)
        count = sentence_count_for(len(sentences), settings.min_sentences, settings.max_sentences)
        if not falls_back(sentences, answer["title"], count, language.code):
            continue
        fired += 1
        print(f"== {answer['source']} | title {answer['title']!r} | {len(sentences)} sentences, {count} asked")
        for name, chosen in (("before", before(sentences, answer["title"], count)), ("after", lead_lines(sentences, answer["title"], count))):
            print(f"   {name:6s} " + " / ".join(repr(sentences[i].text[:80]) for i in chosen))
    print(f"{fired} of {len(answers)} answers fall back to lead lines")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    on_news = commands.add_parser("news")
    on_news.add_argument("data", type=Path)
    on_news.add_argument("--parts", default="train,dev", help="news parts (bench.summaries.split_of)")
    on_sweep = commands.add_parser("sweep")
    on_sweep.add_argument("results", type=Path, help="the sweep's cached answers, a JSON line per item")
    on_sweep.add_argument("--reference", type=Path, required=True, help="the checkout before the change")
    args = parser.parse_args(argv)
    if args.command == "news":
        news(args.data, args.parts.split(","))
    else:
        sweep_answers(args.results, args.reference)


if __name__ == "__main__":
    main()
