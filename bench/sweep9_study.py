"""Eighteenth session (sweep9): digests as a reader sees them, on pages and pastes nobody tuned on (issues 9 and 10).

    python -m bench.sweep9_study sample /work/shared/data --out FILE      # the product's JSON for the 60 digests read
    python -m bench.sweep9_study answers /work/shared/data --out FILE     # every tune WCXB page and paste
    python -m bench.sweep9_study render /work/shared/data --results FILE > digests.md
    python -m bench.sweep9_study variants /work/shared/data --results FILE [--parts train,dev]

The sample: WCXB tune pages of every type (as links: their HTML), tune pastes of WCXB articles, and CNN Corpus and BBC
train+dev articles as text (title, blank line, paragraphs), chosen by sha1("sweep9:" + id), never by content, all
through `python -m bot summarize --format json` (bench.sweep.run_sample) and rendered as `--format markdown` prints
them. `variants`: main's filter and main's with each rule tried here, judged in process on every tune document
(bench.sweep8_study's machinery): summaries that change, the kinds a reader rejects, and CNN/BBC ROUGE-1 beside LEAD-3.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from collections import Counter
from typing import AbstractSet, Callable, Sequence

from bench.sweep import Item, check, check_article_bullets, paste_items, run_sample, wcxb_items
from bench.sweep7_study import load_results, render
from bot.digest.models import Sentence
from bot.digest.summarize import unfit as unfit_rules

Rule = Callable[[Sequence[Sentence], int, AbstractSet[int]], bool] | None

PICKED = {"wcxb": 24, "paste": 12, "cnn": 12, "bbc": 12}  # 60 digests read by hand


def _hash(text: str) -> str:
    return hashlib.sha1(("sweep9:" + text).encode("utf-8")).hexdigest()


def first_by_hash(items: list[Item], count: int) -> list[Item]:
    """The first `count` items in the order of sha1("sweep9:" + id)."""
    return sorted(items, key=lambda item: _hash(item.id))[:count]


NEWS = {"cnn": "CNN Corpus", "bbc": "BBC"}  # the set's name, bench.summaries' name


def news_items(data: Path, corpus: str, parts: tuple[str, ...] = ("train", "dev")) -> list[Item]:
    """The corpus's articles of the parts as a pasted text: title, blank line, paragraphs ("/" in an id is a file name's)."""
    from bench.summaries import load

    return [Item(corpus, article.id.replace("/", "_"), ".txt", article.title + "\n\n" + "\n\n".join(article.paragraphs))
            for article in load(data, NEWS[corpus], parts)]


def sample_items(data: Path) -> list[Item]:
    """The 60 documents read by hand (`PICKED`), tune parts only."""
    pages = first_by_hash(wcxb_items(data, 5000, "tune"), PICKED["wcxb"])
    pastes = first_by_hash(paste_items(data, 100_000), PICKED["paste"])
    news = [item for corpus in ("cnn", "bbc") for item in first_by_hash(news_items(data, corpus), PICKED[corpus])]
    return pages + pastes + news


def tune_items(data: Path) -> list[Item]:
    """Every WCXB tune page of every type, then every tune paste of a WCXB article."""
    return wcxb_items(data, 5000, "tune") + paste_items(data, 100_000)


# Tried (off: each form cost CNN or BBC tune ROUGE-1): a bullet leaning on a sentence the summary does not show, asked as
# the pick goes, and a numbered question.
def leans_on_unseen(sentences: Sequence[Sentence], position: int, shown: AbstractSet[int]) -> bool:
    """A sentence opening with a pronoun that points back (`unfit.opens_leaning`) whose sentence before it is not among
    the bullets chosen so far (`shown`): the reader never sees what it points at. The text's first sentence after its
    title or headings is left (it points at the page)."""
    if position == 0 or position - 1 in shown or not unfit_rules.opens_leaning(sentences[position].text):
        return False
    return any(not sentences[i].is_heading for i in range(position))


def unfit_as_picked(
    sentences: Sequence[Sentence], alone: Callable[[Sequence[Sentence], int], bool], rule: Rule = None,
) -> Callable[[int], bool]:
    """`alone` (the summarizer's `unfit`), and `rule` (none unless given) asked with the indices chosen so far. The
    summarizer's pick asks this of its best candidate at each step and chooses the candidate when it answers no
    (`summarizer.select`), so the indices it let through are the bullets chosen so far."""
    shown: set[int] = set()

    def passed_over(position: int) -> bool:
        if alone(sentences, position) or (rule is not None and rule(sentences, position, shown)):
            return True
        shown.add(position)
        return False

    return passed_over


# A question numbered as a list's item or a section's heading ("1. How long is my trip to Iceland?").
_NUMBERED_QUESTION = re.compile(r"^\d{1,2}[.)]\s+\S.*\?[\"'”’)\]]*$")


def is_numbered_question(text: str) -> bool:
    """A question opening with a list's number ("1. How long is my trip to Iceland?"): a heading that asks, answered below."""
    return bool(_NUMBERED_QUESTION.match(text.strip()))


# Tried: a demonstrative before a noun points back as a pronoun does ("This analogy perfectly encapsulates ...", "These tools
# ..."), but for a time ("This month, our theme is ...", "This year, the U.N. launched ...").
_DEMONSTRATIVE_PHRASE = re.compile(
    r"^[\"“]?(?:This|These|That|Those)\s+(?!(?:month|year|week|weekend|time|season|summer|winter|spring|fall|autumn|"
    r"morning|evening|afternoon|day|days|week's|year's)\b)[a-z]"
)


def opens_with_demonstrative_phrase(text: str) -> bool:
    """The sentence opens with "This"/"These"/"That"/"Those" before a lower-case word that is not a time (`_DEMONSTRATIVE_PHRASE`)."""
    return bool(_DEMONSTRATIVE_PHRASE.match(text.lstrip()))


def _leans_or_points(sentences: Sequence[Sentence], position: int, shown: AbstractSet[int]) -> bool:
    """Tried: `leans_on_unseen`, and a demonstrative before a noun ("This analogy ...") whose sentence before is not shown."""
    if leans_on_unseen(sentences, position, shown):
        return True
    if position == 0 or position - 1 in shown or not opens_with_demonstrative_phrase(sentences[position].text):
        return False
    return any(not sentences[i].is_heading for i in range(position))


def _leans_in_paragraph_only(sentences: Sequence[Sentence], position: int, shown: AbstractSet[int]) -> bool:
    """Tried: `leans_on_unseen` only where the sentence before is in the same paragraph (an opener of a paragraph is left)."""
    return (leans_on_unseen(sentences, position, shown)
            and sentences[position - 1].paragraph == sentences[position].paragraph)


def _leans_or_points_in_paragraph(sentences: Sequence[Sentence], position: int, shown: AbstractSet[int]) -> bool:
    """Tried: `_leans_or_points`, only where the sentence before is in the same paragraph."""
    return (_leans_or_points(sentences, position, shown)
            and sentences[position - 1].paragraph == sentences[position].paragraph)


def _cut_or_numbered(sentences: Sequence[Sentence], position: int, shown: AbstractSet[int]) -> bool:
    """A teaser cut with "[…]" or a numbered question (`unfit.is_bracketed_cut`, `is_numbered_question`)."""
    text = sentences[position].text
    return unfit_rules.is_bracketed_cut(text) or is_numbered_question(text)


VARIANTS: dict[str, Rule] = {
    "main": None,
    "leans_on_unseen": leans_on_unseen,
    "+demonstrative phrase": _leans_or_points,
    "in paragraph only": _leans_in_paragraph_only,
    "in paragraph +demonstrative": _leans_or_points_in_paragraph,
    "cut or numbered": _cut_or_numbered,
    "bracketed cut": lambda s, i, shown: unfit_rules.is_bracketed_cut(s[i].text),
    "numbered question": lambda s, i, shown: is_numbered_question(s[i].text),
}


def summary_with(sentences: list[Sentence], title: str, language_code: str, count: int, rule: Rule) -> list[int]:
    """The pipeline's choice (`not_for_summary` as skip, the lead-line fallback) with `rule` asked beside the summarizer's
    `unfit` as the pick goes (`_choose_with_rule`)."""
    from bot.digest.language.language_detector import language_for
    from bot.digest.pipeline import lead_lines, not_for_summary
    from bot.digest.summarize import summarizer

    original_choose = summarizer.choose
    if rule is _with_sentence_before:
        summarizer.choose = _choose_with_sentence_before(sentences)
    elif rule is not None:
        summarizer.choose = _choose_with_rule(sentences, rule, original_choose)
    try:
        chosen = summarizer.summarize(sentences, title, language_for(language_code), count, skip=not_for_summary(sentences))
    finally:
        summarizer.choose = original_choose
    return chosen or lead_lines(sentences, title, count)


def _choose_with_rule(sentences: Sequence[Sentence], rule: Rule, choose: Callable[..., list[int]]) -> Callable[..., list[int]]:
    """`choose`, with `rule` asked beside `unfit` (`unfit_as_picked`) in the summarizer's first pick only, the one that
    passes over unfit sentences (its fallbacks ask other things)."""
    first = True

    def choose_with_rule(found: Any, model: Any, count: int, skip: Any = None, also_skip: Any = None) -> list[int]:
        nonlocal first
        if first and also_skip is not None:
            first, unfit_alone = False, also_skip
            also_skip = unfit_as_picked(sentences, lambda _sentences, position: unfit_alone(position), rule)
        return choose(found, model, count, skip, also_skip)

    return choose_with_rule


def _with_sentence_before(sentences: Sequence[Sentence], position: int, shown: AbstractSet[int]) -> bool:
    """Tried (a marker: `summary_with` swaps the summarizer's `choose` for `_choose_with_sentence_before`): a bullet that
    leans on the sentence before it brings that sentence in with it."""
    return leans_on_unseen(sentences, position, shown)


def _choose_with_sentence_before(sentences: Sequence[Sentence]) -> Callable[..., list[int]]:
    """`summarizer.choose`, but a pick that leans on its sentence before (`leans_on_unseen`) brings that sentence in beside
    it when it is a candidate that is not passed over (in its place when one bullet is left)."""
    import numpy as np

    from bot.digest.summarize.summarizer import DUPLICATE_OVERLAP

    def choose(found: Any, model: Any, count: int, skip: Any = None, also_skip: Any = None) -> list[int]:
        def passed_over(k: int) -> bool:
            index = found.indices[k]
            return (skip is not None and index in skip) or (also_skip is not None and also_skip(index))

        at = {index: k for k, index in enumerate(found.indices)}
        scores = model.score(found.features, found.ranks)
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        available = np.ones(len(scores), dtype=bool)
        repeated = np.zeros(len(scores))
        chosen: list[int] = []
        while len(chosen) < count and available.any():
            value = probabilities - model.redundancy * repeated - 2.0 * (repeated >= DUPLICATE_OVERLAP)
            best = int(np.argmax(np.where(available, value, -np.inf)))
            available[best] = False
            if passed_over(best):
                continue
            index = found.indices[best]
            shown = {found.indices[k] for k in chosen}
            before = at.get(index - 1)
            picks = [best]
            if leans_on_unseen(sentences, index, shown) and before is not None and available[before] and not passed_over(before):
                available[before] = False
                picks = [before, best] if len(chosen) + 2 <= count else [before]
            for k in picks:
                chosen.append(k)
                repeated = np.maximum(repeated, found.overlap[k])
        return sorted(found.indices[k] for k in chosen)

    return choose


VARIANTS["with sentence before"] = _with_sentence_before


def reader_kinds(item: Item, result: dict[str, Any]) -> set[str]:
    """The summary kinds a reader rejects: `check`'s, sweep8's article kinds and this session's (`check_reader_bullets`)."""
    from bench.sweep import check_reader_bullets

    found = check(item, result) + check_article_bullets(item, result) + check_reader_bullets(item, result)
    return {kind for kind, _ in found if kind.startswith("summary.")}


def _redone(result: dict[str, Any], sentences: list[Sentence], chosen: list[int]) -> dict[str, Any]:
    return dict(result, summary=[{"text": sentences[i].text, "index": i, "hedge": None, "soft_cues": []} for i in chosen])


def tune_variants(items: list[Item], results: list[dict[str, Any]], out: Path | None) -> None:
    """Each variant on the product's answers, summaries recomputed from each answer's `text`: summaries changed (by set)
    and documents with each kind, by set; the changed summaries written to `out` for reading."""
    from bot.digest.segment.sentence_splitter import split_sentences
    from bot.digest.summarize.summarizer import sentence_count_for
    from bot.settings import DigestSettings

    settings = DigestSettings()
    kinds: dict[str, Counter[str]] = {name: Counter() for name in VARIANTS}
    changed: dict[str, Counter[str]] = {name: Counter() for name in VARIANTS}
    same, lines = 0, []
    for item, result in zip(items, results, strict=True):
        if result.get("error") or not result.get("summary"):
            continue
        language = result.get("language") or "en"
        sentences = split_sentences(result["text"], language)
        count = sentence_count_for(len(sentences), settings.min_sentences, settings.max_sentences)
        try:
            chosen = {name: summary_with(sentences, result.get("title") or "", language, count, rule) for name, rule in VARIANTS.items()}
        except Exception:  # a language without a stemmer: left out, as sweep7_study does
            continue
        same += [s["index"] for s in result["summary"]] == chosen["main"]
        for name, picked in chosen.items():
            kinds[name].update(f"{kind} {item.set}" for kind in reader_kinds(item, _redone(result, sentences, picked)))
            if picked != chosen["main"]:
                changed[name][item.set] += 1
                lines.append(f"## {name} | {item.set} {item.id} {item.url}\n- " + "\n- ".join(sentences[i].text for i in chosen["main"])
                             + "\n->\n+ " + "\n+ ".join(sentences[i].text for i in picked) + "\n")
    print(f"summaries recomputed with main's filter equal to the product's: {same}")
    print(f"{'kind set (documents)':52s} " + " ".join(f"{n[:12]:>12s}" for n in VARIANTS))
    for kind in sorted(set().union(*kinds.values())):
        print(f"{kind:52s} " + " ".join(f"{kinds[n][kind]:12d}" for n in VARIANTS))
    for name in list(VARIANTS)[1:]:
        print(f"summaries changed by {name}: {sum(changed[name].values())} {dict(sorted(changed[name].items()))}")
    if out:
        out.write_text("\n".join(lines), encoding="utf-8")


def news_variants(data: Path, parts: list[str]) -> None:
    """Each variant on CNN Corpus and BBC articles of the parts, both forms of bench/summaries.py: summaries changed, mean
    ROUGE-1 beside LEAD-3's, and documents with each reader kind."""
    from rouge_score import rouge_scorer

    from bench.summaries import CORPORA, FORMS, SUMMARY_SENTENCES, load
    from bot.digest.segment.sentence_splitter import split_sentences

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)

    def rouge(reference: str, lines: list[str]) -> float:
        return scorer.score(reference, "\n".join(lines))["rouge1"].fmeasure

    for corpus in CORPORA:
        articles = load(data, corpus, parts)
        for form in FORMS:
            score, moved = Counter[str](), Counter[str]()
            kinds: dict[str, Counter[str]] = {name: Counter() for name in VARIANTS}
            for article in articles:
                one = form == "one paragraph"
                body, title = (" " if one else "\n\n").join(article.paragraphs), "" if one else article.title
                sentences, reference = split_sentences(body, "en"), "\n".join(article.reference)
                score["LEAD-3"] += rouge(reference, [s.text for s in sentences if not s.is_heading][:SUMMARY_SENTENCES])
                item, result = Item(corpus, article.id, ".txt", body), {"text": body, "title": title, "language": "en"}
                base: list[int] = []
                for name, rule in VARIANTS.items():
                    # a rule that holds of no sentence with nothing shown (it only holds less as bullets are shown) changes nothing
                    idle = rule is None or not any(rule(sentences, i, frozenset()) for i in range(len(sentences)))
                    chosen = base if idle and name != "main" else summary_with(sentences, title, "en", SUMMARY_SENTENCES, rule)
                    base = chosen if name == "main" else base
                    moved[name] += chosen != base
                    score[name] += rouge(reference, [sentences[i].text for i in chosen])
                    redone = _redone(result, sentences, chosen)
                    kinds[name].update({kind for kind, _ in check_article_bullets(item, redone) + _reader(item, redone)})
            n = max(1, len(articles))
            print(f"{corpus} {form} {','.join(parts)} ({len(articles)} articles): LEAD-3 {100 * score['LEAD-3'] / n:.4f}; " + "; ".join(
                f"{name} {100 * score[name] / n:.4f} ({moved[name]} changed)" for name in VARIANTS), flush=True)
            for kind in sorted(set().union(*kinds.values())):
                print(f"    {kind:34s} " + " ".join(f"{kinds[name][kind]:6d}" for name in VARIANTS), flush=True)


def _reader(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    from bench.sweep import check_reader_bullets

    return check_reader_bullets(item, result)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("sample", "answers", "render", "variants"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--results", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--variants", default="", help="comma-separated names of VARIANTS to run (main always; default: all)")
    parser.add_argument("--skip-tune", action="store_true")
    parser.add_argument("--skip-news", action="store_true")
    parser.add_argument("--parts", default="train,dev", help="news parts for `variants` (never test)")
    args = parser.parse_args(argv)
    if "test" in args.parts.split(","):
        parser.error("the test parts are the lead's")
    if args.variants:
        keep = {"main", *args.variants.split(",")}
        for name in [name for name in VARIANTS if name not in keep]:
            del VARIANTS[name]
    if args.command == "sample":
        results: list[dict[str, Any]] = run_sample(sample_items(args.data), fresh=False)
        args.out.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    elif args.command == "answers":
        results = run_sample(tune_items(args.data), fresh=False)
        args.out.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    elif args.command == "render":
        for item, result in zip(sample_items(args.data), load_results(args.results), strict=True):
            print(render(item, result))
    else:
        if not args.skip_tune:
            tune_variants(tune_items(args.data), load_results(args.results), args.out)
        if not args.skip_news:
            news_variants(args.data, args.parts.split(","))


if __name__ == "__main__":
    main()
