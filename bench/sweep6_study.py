"""Fifteenth session (sweep6): the lead-line fallback (`pipeline.lead_lines`), the summary of a page where the
summarizer finds no sentence it may choose. Two questions:

- news: on how many CNN Corpus and BBC articles of the given parts, in both forms of bench/summaries.py, does the
  fallback fire at all (the summarizer, three sentences, `pipeline.not_for_summary` as skip, chooses nothing)?
  Where it never fires, a change to `lead_lines` cannot move the summaries benchmark.
- sweep: for the documents of the sweep's cached answers (bench/sweep.py, a JSON line per item) on which the
  fallback fires, the lines another checkout's `lead_lines` gives beside this checkout's.
- wcxb: the same on every WCXB page of a part (the tune part unless told), each extracted in process as the
  pipeline extracts it (`pipeline.extract_article`, `tidy_spaces`), not only the sweep's sample of 60 a type.

    python -m bench.sweep6_study news ../shared/data [--parts train,dev]
    python -m bench.sweep6_study sweep /tmp/bughunt/sweep/<head>-<sample>.jsonl --reference /tmp/sweep6/base
    python -m bench.sweep6_study wcxb ../shared/data --reference /tmp/sweep6/base [--part tune]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from collections.abc import Iterable, Iterator
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
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
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


def compare_fallbacks(documents: Iterable[tuple[str, str, str]], reference: Path) -> None:
    """For each (name, title, text) on which the fallback fires, the reference's lead lines and this checkout's."""
    from bot.digest.language.language_detector import detect_language
    from bot.digest.models import DigestError
    from bot.digest.pipeline import lead_lines
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.summarizer import sentence_count_for
    from bot.settings import DigestSettings

    before = load_lead_lines(reference)
    settings = DigestSettings()
    seen = fired = changed = 0
    for name, title, text in documents:
        seen += 1
        try:
            language = detect_language(text, None)
        except DigestError:
            continue
        sentences = split_sentences(text, language.code)
        count = sentence_count_for(len(sentences), settings.min_sentences, settings.max_sentences)
        if not falls_back(sentences, title, count, language.code):
            continue
        fired += 1
        old, new = before(sentences, title, count), lead_lines(sentences, title, count)
        changed += old != new
        print(f"== {name} | title {title!r} | {len(sentences)} sentences, {count} asked" + ("" if old != new else " | same"))
        for label, chosen in (("before", old), ("after", new)):
            print(f"   {label:6s} " + " / ".join(repr(sentences[i].text[:80]) for i in chosen))
    print(f"{fired} of {seen} documents fall back to lead lines; {changed} of them change")


def sweep_answers(results: Path, reference: Path) -> None:
    answers: list[dict[str, Any]] = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    compare_fallbacks(((a["source"], a["title"], a["text"]) for a in answers if not a.get("error")), reference)


def wcxb_pages(data: Path, part: str) -> Iterator[tuple[str, str, str]]:
    """(type and id, title, text) of each page of the part that the pipeline extracts with enough words."""
    from bench.splits import wcxb_part
    from bot.digest.models import DigestError
    from bot.digest.front_rules import count_words
    from bot.digest.pipeline import extract_article, tidy_spaces
    from bot.digest.sources import RawDocument
    from bot.settings import DigestSettings

    settings = DigestSettings()
    with gzip.open(data / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if wcxb_part(str(page["id"])) != part:
                continue
            document = RawDocument(source=f"{page['id']}.html", kind="html", text=page["html"], url=page.get("url"))
            try:
                article = extract_article(document, settings)
            except DigestError:
                continue
            if count_words(article.text) >= settings.min_words:
                yield f"{page['type']} {page['id']}", article.title, tidy_spaces(article.text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    on_news = commands.add_parser("news")
    on_news.add_argument("data", type=Path)
    on_news.add_argument("--parts", default="train,dev", help="news parts (bench.summaries.split_of)")
    on_sweep = commands.add_parser("sweep")
    on_sweep.add_argument("results", type=Path, help="the sweep's cached answers, a JSON line per item")
    on_sweep.add_argument("--reference", type=Path, required=True, help="the checkout before the change")
    on_wcxb = commands.add_parser("wcxb")
    on_wcxb.add_argument("data", type=Path)
    on_wcxb.add_argument("--reference", type=Path, required=True, help="the checkout before the change")
    on_wcxb.add_argument("--part", default="tune", help="WCXB part (bench/splits.py)")
    args = parser.parse_args(argv)
    if args.command == "news":
        news(args.data, args.parts.split(","))
    elif args.command == "sweep":
        sweep_answers(args.results, args.reference)
    else:
        compare_fallbacks(wcxb_pages(args.data, args.part), args.reference)


if __name__ == "__main__":
    main()
