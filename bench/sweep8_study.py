"""Seventeenth session (sweep8): article digests as a reader reads them (issue 10).

    python -m bench.sweep8_study answers /work/shared/data --out FILE          # the product's JSON, tune article pages + pastes
    python -m bench.sweep8_study render /work/shared/data --results FILE [--per-set 15] > digests.md
    python -m bench.sweep8_study news /work/shared/data [--per-corpus 12] > digests.md
    python -m bench.sweep8_study count /work/shared/data --results FILE         # the article kinds on every tune document
    python -m bench.sweep8_study variants /work/shared/data --results FILE [--parts train,dev]

The tune sources: WCXB tune article pages (as links: their HTML), the tune pastes of WCXB articles, and the CNN Corpus
and BBC articles of the train and dev parts as text (title, blank line, paragraphs). `render` and `news` print the
digests of a sample chosen by sha1("sweep8:" + id), never by content, as `python -m bot summarize --format markdown`
prints them, for reading by hand. `count`: the kinds of `bench.sweep.check_article_bullets` and the summary kinds of
`bench.sweep.check` on every tune WCXB document. `variants`: main's filter, and main's with each way of passing over a
sentence that leans on what the reader does not see, judged in process (summaries recomputed from each answer's `text`,
and for the news articles from their text in both forms of bench/summaries.py): summaries that change, the flagged
kinds before and after, and for CNN and BBC the mean ROUGE-1 beside LEAD-3's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence

from bench.sweep import Item, check, check_article_bullets, check_summary, paste_items, run_sample, wcxb_items
from bench import sweep7_study
from bench.sweep7_study import load_results, render, summary_with
from bot.digest.models import Sentence
from bot.digest.summarize import unfit as unfit_rules

Unfit = Callable[[Sequence[Sentence], int], bool]
SETS = ("wcxb-article", "paste")


def _hash(text: str) -> str:
    return hashlib.sha1(("sweep8:" + text).encode("utf-8")).hexdigest()


def tune_items(data: Path) -> list[Item]:
    """Every WCXB tune article page, then every tune paste of a WCXB article."""
    return [item for item in wcxb_items(data, 5000, "tune") if item.set == "wcxb-article"] + paste_items(data, 100_000)


def picked(items: list[Item], results: list[dict[str, Any]], per_set: int) -> list[tuple[Item, dict[str, Any]]]:
    """`per_set` documents of each set, in the order of sha1("sweep8:" + id)."""
    chosen = []
    for name in SETS:
        pairs = [(item, result) for item, result in zip(items, results, strict=True) if item.set == name]
        chosen += sorted(pairs, key=lambda pair: _hash(pair[0].id))[:per_set]
    return chosen


def article_kinds(item: Item, result: dict[str, Any]) -> set[str]:
    """The summary kinds a reader rejects (`check`'s `summary.*` and `check_article_bullets`)."""
    return {kind for kind, _ in check(item, result) + check_article_bullets(item, result) if kind.startswith("summary.")}


def _main_unfit(sentences: Sequence[Sentence], position: int) -> bool:
    """`unfit` as main has it (before this session's rule)."""
    text = sentences[position].text
    return (
        unfit_rules.is_code(text) or unfit_rules.begins_midway(sentences, position) or unfit_rules.is_gov_banner(text)
        or unfit_rules.repeats_earlier(sentences, position) or unfit_rules.is_question_heading(sentences, position)
        or unfit_rules.is_cut_at_unit(sentences, position) or unfit_rules.is_teaser(text) or unfit_rules.is_menu_run(text)
        or unfit_rules.is_price_row(text)
    )


def _leans_anywhere(sentences: Sequence[Sentence], position: int) -> bool:
    """Tried: every sentence opening with a pronoun that points back, wherever it stands."""
    return unfit_rules.opens_leaning(sentences[position].text)


def _leans_as_paragraph_opener(sentences: Sequence[Sentence], position: int) -> bool:
    """Tried: a sentence opening a paragraph (or following a heading) with a pronoun that points back, but for the text's
    first sentence after its title (which points at the page)."""
    if position == 0 or not _leans_anywhere(sentences, position) or all(sentences[i].is_heading for i in range(position)):
        return False
    before = sentences[position - 1]
    return before.is_heading or before.paragraph != sentences[position].paragraph


def _demonstrative_opener(sentences: Sequence[Sentence], position: int) -> bool:
    """Tried: only a demonstrative standing for what came before ("This is one of the first things ..."), as a paragraph opener."""
    text = sentences[position].text.lstrip(" \"“")
    return _leans_as_paragraph_opener(sentences, position) and text.startswith(("This ", "That ", "These ", "Those "))


# Tried (not shipped): the splitter ends a sentence at a quotation's "?" or "!" inside its marks, so the speaker's tag
# stands alone ('"Are you for Ukraine or for Russia?"' / "Alex Shiroki's boss asked him Thursday."): neither half reads alone.
_SPEECH_VERB = (r"(?:said|says|asked|asks|told|tells|added|adds|explained|wrote|writes|recalled|noted|replied|shouted|"
                r"insisted|warned|argued)")
_SPEAKER_TAG = re.compile(rf"^[\w\s.,'’-]{{0,80}}\b{_SPEECH_VERB}\b[\w\s.,'’-]{{0,40}}\.$", re.IGNORECASE)
_QUOTE_CUT_END = re.compile(r"[?!][\"”’']\s*$")
SPEAKER_TAG_WORDS = 10


def _speaker_tag_after_quote(sentences: Sequence[Sentence], position: int) -> bool:
    text = sentences[position].text.strip()
    return (
        position > 0 and sentences[position - 1].paragraph == sentences[position].paragraph
        and bool(_QUOTE_CUT_END.search(sentences[position - 1].text)) and len(text.split()) <= SPEAKER_TAG_WORDS
        and bool(_SPEAKER_TAG.match(text))
    )


def is_cut_quotation(sentences: Sequence[Sentence], position: int) -> bool:
    """Tried: a speaker's tag standing alone after a quotation the splitter ended at its "?" or "!", or that quotation."""
    return _speaker_tag_after_quote(sentences, position) or (
        position + 1 < len(sentences) and _speaker_tag_after_quote(sentences, position + 1)
    )


RULES: dict[str, Unfit] = {
    "leans (paragraph openers)": _leans_as_paragraph_opener,
    "leans anywhere": _leans_anywhere,
    "leans after a heading": unfit_rules.leans_on_heading,
    "demonstrative opener": _demonstrative_opener,
    "cut quotation": is_cut_quotation,
    "published line": lambda s, i: unfit_rules.opens_with_published_line(s[i].text),
}
TRIED = frozenset({"leans (paragraph openers)", "leans anywhere", "demonstrative opener", "cut quotation"})  # not in "all"


def variant_filters() -> dict[str, Unfit]:
    filters: dict[str, Unfit] = {"main": _main_unfit}
    for name, rule in RULES.items():
        filters[name] = lambda s, i, rule=rule: _main_unfit(s, i) or rule(s, i)
    shipped = [rule for name, rule in RULES.items() if name not in TRIED]
    filters["all"] = lambda s, i: _main_unfit(s, i) or any(rule(s, i) for rule in shipped)  # as `unfit` has it
    return filters


def _redone(result: dict[str, Any], sentences: list[Sentence], chosen: list[int]) -> dict[str, Any]:
    return dict(result, summary=[{"text": sentences[i].text, "index": i, "hedge": None, "soft_cues": []} for i in chosen])


def tune_variants(items: list[Item], results: list[dict[str, Any]]) -> None:
    """Each filter on the product's answers (bench.sweep7_study.tune_variants): summaries changed (by set) and the kinds
    a reader rejects, by set."""
    sweep7_study.tune_variants(items, results, variant_filters(), lambda item, result: {
        f"{kind} {item.set}" for kind in article_kinds(item, result)})


def news_variants(data: Path, parts: list[str]) -> None:
    """Each filter on CNN Corpus and BBC articles of the parts, both forms: summaries changed, mean ROUGE-1 beside LEAD-3's,
    and documents with a summary kind a reader rejects."""
    from rouge_score import rouge_scorer

    from bench.summaries import CORPORA, FORMS, SUMMARY_SENTENCES, load
    from bot.digest.segment.sentence_splitter import split_sentences

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    filters = variant_filters()
    for corpus in CORPORA:
        articles = load(data, corpus, parts)
        for form in FORMS:
            score: Counter[str] = Counter()
            moved: Counter[str] = Counter()
            kinds: dict[str, Counter[str]] = {name: Counter() for name in filters}
            for article in articles:
                body = " ".join(article.paragraphs) if form == "one paragraph" else "\n\n".join(article.paragraphs)
                title = "" if form == "one paragraph" else article.title
                sentences = split_sentences(body, "en")
                reference = "\n".join(article.reference)
                lead = [s.text for s in sentences if not s.is_heading][:SUMMARY_SENTENCES]
                score["LEAD-3"] += scorer.score(reference, "\n".join(lead))["rouge1"].fmeasure
                item = Item(corpus, article.id, ".txt", body)
                base: list[int] = []
                for name, passed_over in filters.items():
                    chosen = summary_with(sentences, title, "en", SUMMARY_SENTENCES, passed_over)
                    if name == "main":
                        base = chosen
                    moved[name] += chosen != base
                    score[name] += scorer.score(reference, "\n".join(sentences[i].text for i in chosen))["rouge1"].fmeasure
                    result = {"text": body, "title": title, "language": "en"}
                    redone = _redone(result, sentences, chosen)  # the summary's checks only (no rendering: no full digest here)
                    kinds[name].update({kind for kind, _ in check_summary(item, redone) + check_article_bullets(item, redone)})
            n = max(1, len(articles))
            print(f"{corpus} {form} {','.join(parts)} ({len(articles)} articles): LEAD-3 {100 * score['LEAD-3'] / n:.4f}; " + "; ".join(
                f"{name} {100 * score[name] / n:.4f} ({moved[name]} changed)" for name in filters))
            for kind in sorted(set().union(*kinds.values())):
                print(f"    {kind:34s} " + " ".join(f"{kinds[name][kind]:6d}" for name in filters))


def news_digests(data: Path, per_corpus: int) -> None:
    """The Markdown digests of `per_corpus` CNN Corpus and BBC train+dev articles (title + paragraphs), in process."""
    from bench.summaries import CORPORA, load
    from bot.cli.render import render_markdown
    from bot.digest.pipeline import digest_document
    from bot.digest.sources import document_from_text
    from bot.settings import DigestSettings

    settings = DigestSettings()
    for corpus in CORPORA:
        for article in sorted(load(data, corpus, ("train", "dev")), key=lambda a: _hash(a.id))[:per_corpus]:
            digest = digest_document(document_from_text(article.title + "\n\n" + "\n\n".join(article.paragraphs), article.id), settings)
            print(f"<!-- {corpus} {article.id} -->\n" + render_markdown(digest, settings))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("answers", "render", "news", "count", "variants"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--results", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--per-set", type=int, default=15)
    parser.add_argument("--per-corpus", type=int, default=12)
    parser.add_argument("--parts", default="train,dev", help="news parts for `variants` (never test)")
    parser.add_argument("--skip-news", action="store_true")
    parser.add_argument("--skip-tune", action="store_true")
    args = parser.parse_args(argv)
    if "test" in args.parts.split(","):
        parser.error("the test parts are the lead's")
    if args.command == "news":
        news_digests(args.data, args.per_corpus)
        return
    items = tune_items(args.data)
    if args.command == "answers":
        results = run_sample(items, fresh=False)
        args.out.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
        return
    results = load_results(args.results) if args.results else []
    if args.command == "render":
        for item, result in picked(items, results, args.per_set):
            print(render(item, result))
    elif args.command == "count":
        counts: Counter[str] = Counter()
        for item, result in zip(items, results, strict=True):
            counts.update(f"{kind} {item.set}" for kind in article_kinds(item, result))
        for key in sorted(counts):
            print(f"{key:50s} {counts[key]:5d}")
    else:
        if not args.skip_tune:
            tune_variants(items, results)
        if not args.skip_news:
            news_variants(args.data, args.parts.split(","))


if __name__ == "__main__":
    main()
