"""Fourteenth session (sweep5): does the summarizer's new `unfit` (the ".gov" banner, a title-case word left at a
line's end) change any news summary? CNN Corpus and BBC articles of the given parts, in both forms of
bench/summaries.py, split as the pipeline splits them.

    python -m bench.sweep5_study ../shared/data --reference /tmp/sweep5/base [--parts train,dev]

`--reference` is another checkout (main exported to a folder): its `bot/digest/summarize/unfit.py` is loaded beside
this checkout's. Every sentence whose verdict differs is printed; an article with one is summarized in process
with both filters (three sentences, `pipeline.not_for_summary` as skip, as bench.sweep3_study does) and the change
of the mean ROUGE-1 F x 100 over all articles of each corpus and form is printed (rouge_score, Porter stemmer).
Articles where no verdict differs keep their summary, so they add nothing to the change.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Callable, Sequence

from bot.digest.models import Sentence

Unfit = Callable[[Sequence[Sentence], int], bool]


def load_unfit(checkout: Path) -> Unfit:
    """`unfit` as another checkout's summarize/unfit.py defines it (it imports only `bot.digest.models`)."""
    spec = importlib.util.spec_from_file_location("reference_unfit", checkout / "bot" / "digest" / "summarize" / "unfit.py")
    assert spec and spec.loader
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.unfit  # type: ignore[no-any-return]


def changed_verdicts(sentences: Sequence[Sentence], before: Unfit, after: Unfit) -> list[int]:
    """The sentences that one filter calls unfit and the other does not."""
    return [i for i in range(len(sentences)) if before(sentences, i) != after(sentences, i)]


def _summary(sentences: list[Sentence], title: str, passed_over: Unfit) -> list[int]:
    from bot.digest.language.language_detector import language_for
    from bot.digest.pipeline import not_for_summary
    from bot.digest.summarize import summarizer

    from bench.summaries import SUMMARY_SENTENCES

    original = summarizer.unfit
    summarizer.unfit = passed_over  # the summarizer calls `unfit` by its module's name
    try:
        return summarizer.summarize(sentences, title, language_for("en"), SUMMARY_SENTENCES, skip=not_for_summary(sentences))
    finally:
        summarizer.unfit = original


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--reference", type=Path, required=True, help="the checkout before the change")
    parser.add_argument("--parts", default="train,dev", help="news parts (bench.summaries.split_of)")
    args = parser.parse_args(argv)
    from rouge_score import rouge_scorer

    from bench.summaries import CORPORA, FORMS, load
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.unfit import unfit

    before = load_unfit(args.reference)
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    parts = args.parts.split(",")
    for corpus in CORPORA:
        articles = load(args.data, corpus, parts)
        for form in FORMS:
            sentences_changed = summaries_changed = 0
            delta = 0.0
            for article in articles:
                body = " ".join(article.paragraphs) if form == "one paragraph" else "\n\n".join(article.paragraphs)
                title = "" if form == "one paragraph" else article.title
                sentences = split_sentences(body, "en")
                changed = changed_verdicts(sentences, before, unfit)
                if not changed:
                    continue
                sentences_changed += len(changed)
                for i in changed:
                    print(f"  {corpus} {form}: unfit {before(sentences, i)} -> {unfit(sentences, i)}: {sentences[i].text[:120]!r}")
                old, new = _summary(sentences, title, before), _summary(sentences, title, unfit)
                if old != new:
                    summaries_changed += 1
                    reference = "\n".join(article.reference)
                    score = [scorer.score(reference, "\n".join(sentences[i].text for i in chosen))["rouge1"].fmeasure for chosen in (old, new)]
                    delta += score[1] - score[0]
            print(f"{corpus:10s} {form:20s} parts {args.parts}: {len(articles)} articles, {sentences_changed} sentences change "
                  f"verdict, {summaries_changed} summaries change, mean ROUGE-1 F x 100 {100 * delta / max(1, len(articles)):+.4f}")


if __name__ == "__main__":
    main()
