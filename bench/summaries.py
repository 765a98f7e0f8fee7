"""Summary quality through the product: `python -m bot summarize --format json --sentences 3`, beside LEAD-3 and LexRank.

    python -m bench.summaries DATA_DIR [--part dev|test] [--model PATH]

Data (see /work/shared/data/README.md), both split by a SHA-1 of the item's id
(`split_of`: bucket = sha1 mod 10; 0-5 train, 6-7 dev, 8-9 test), fixed before
anything was tuned:
- CNN Corpus: id = the `file` field. Reference: the highlights.
- BBC News Summary: id = the `id` field ("business/001"). Reference: the
  extractive summary, cut into sentences.

Each article is written to a .txt file in one of two forms and summarized by
the command line, as a user would:
- "title + paragraphs": the headline, a blank line, the paragraphs;
- "one paragraph": the body as one line, no headline and no line breaks.

The summary is the JSON's `summary` sentences. LEAD-3 (the first three
non-heading sentences) and sumy's LexRank (three sentences) are computed in the
same run on the same text, split into sentences the way the product splits it
(`split_sentences` of the JSON's `text`). ROUGE is `rouge_score` with the Porter
stemmer, F-measure, averaged over articles; for ROUGE-Lsum the sentences are
joined with newlines. The paste cleaner's effect is checked on every document:
how many lost words of the body, or got a title that is not the headline.

Rows: the shipped model, fitted on the CNN Corpus train part only, on each
corpus's test part in both forms (its BBC rows are one cross-corpus direction);
and the other direction, the same recipe (`bench.train_summarizer.fit_recipe`)
fitted on the BBC train part only, reported on the CNN Corpus test part.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import html
import json
import logging
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import mean
from typing import Any, Sequence

from rouge_score import rouge_scorer

from bench.product import run_cli, write_documents
from bench.report import Row, format_table
from bot.digest.language.language_detector import language_for
from bot.digest.models import Language, Sentence
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.segment.sumy_adapter import build_document, stemmer_for, stop_words

log = logging.getLogger(__name__)

SUMMARY_SENTENCES = 3
CNN_FILE = "summarization/cnn-corpus.jsonl.gz"
BBC_FILE = "summarization/bbc-news-summary.jsonl.gz"
CORPORA = ("CNN Corpus", "BBC")
FORMS = ("title + paragraphs", "one paragraph")
_BBC_REFERENCE_BREAK = re.compile(r"(?<=[.!?])(?=[\"']?[A-Z])")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NewsArticle:
    id: str
    corpus: str
    title: str
    paragraphs: tuple[str, ...]
    reference: tuple[str, ...]  # the reference summary, one sentence per item
    gold: frozenset[str] = frozenset()  # texts of the extractive gold sentences (CNN Corpus only)


def split_of(key: str) -> str:
    """'train', 'dev' or 'test': sha1 of the id mod 10, 0-5 train, 6-7 dev, 8-9 test."""
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def _clean(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text)).strip()


def load_cnn(data_dir: Path, parts: Sequence[str]) -> list[NewsArticle]:
    articles = []
    with gzip.open(data_dir / CNN_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if split_of(item["file"]) not in parts:
                continue
            paragraphs = tuple(" ".join(_clean(e["text"]) for e in block) for block in item["paragraphs"])
            texts = {e["id"]: _clean(e["text"]) for block in item["paragraphs"] for e in block}
            articles.append(
                NewsArticle(
                    id=item["file"],
                    corpus="CNN Corpus",
                    title=_clean(item["title"]),
                    paragraphs=tuple(p for p in paragraphs if p),
                    reference=tuple(_clean(h) for h in item["highlights"]),
                    gold=frozenset(texts[g] for g in item["gold"] if g in texts),
                )
            )
    return articles


def load_bbc(data_dir: Path, parts: Sequence[str]) -> list[NewsArticle]:
    articles = []
    with gzip.open(data_dir / BBC_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if split_of(item["id"]) not in parts:
                continue
            paragraphs = tuple(p for p in (_clean(block) for block in item["article"].split("\n\n")) if p)
            reference = tuple(s.strip() for s in _BBC_REFERENCE_BREAK.split(item["summary"]) if s.strip())
            articles.append(NewsArticle(item["id"], "BBC", _clean(item["title"]), paragraphs, reference))
    return articles


def load(data_dir: Path, corpus: str, parts: Sequence[str]) -> list[NewsArticle]:
    return (load_cnn if corpus == "CNN Corpus" else load_bbc)(data_dir, parts)


# Layouts an outside checker may use besides FORMS (`--variants`, on the dev parts): a DailyMail byline and a
# CNN dateline before a one-paragraph body (as CNN/DailyMail's article texts begin), one sentence per paragraph.
DAILYMAIL_BYLINE = "By JOHN SMITH . PUBLISHED: 12:01 EST, 3 May 2013 . | UPDATED: 14:22 EST, 3 May 2013 . "
CNN_DATELINE = "NEW YORK (CNN) -- "
VARIANT_FORMS = ("DailyMail byline, one paragraph", "CNN dateline, one paragraph", "one sentence per paragraph")


def document_text(article: NewsArticle, form: str) -> str:
    """The article as a user would paste it: with its headline and paragraphs, or as one bare paragraph
    (optionally after a byline or dateline), or one sentence per paragraph, without a headline."""
    body = " ".join(article.paragraphs)
    if form == "one paragraph":
        return body + "\n"
    if form == "DailyMail byline, one paragraph":
        return DAILYMAIL_BYLINE + body + "\n"
    if form == "CNN dateline, one paragraph":
        return CNN_DATELINE + body + "\n"
    if form == "one sentence per paragraph":
        return "\n\n".join(s.text for s in split_sentences(body, "en")) + "\n"
    return article.title + "\n\n" + "\n\n".join(article.paragraphs) + "\n"


def _file_name(article: NewsArticle, position: int) -> str:
    return f"{position:05d}-" + re.sub(r"[^A-Za-z0-9]+", "-", article.id)[:60]


# -- the references, on the product's own sentences -----------------------------------------


def lead(sentences: Sequence[Sentence], count: int = SUMMARY_SENTENCES) -> list[int]:
    return [s.index for s in sentences if not s.is_heading][:count]


def lexrank(sentences: Sequence[Sentence], language: Language, count: int = SUMMARY_SENTENCES) -> list[int]:
    """sumy's LexRank with our stemmer, stop words and sentences."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer(stemmer_for(language))
    summarizer.stop_words = stop_words(language)
    document, sumy_sentences = build_document(list(sentences), language.code)
    position = {id(s): i for i, s in enumerate(sumy_sentences)}
    return sorted(position[id(s)] for s in summarizer(document, count))


@functools.lru_cache(maxsize=1)
def _rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def rouge(prediction: Sequence[str], reference: Sequence[str]) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F-measures (0-100) of one summary."""
    result = _rouge().score("\n".join(reference), "\n".join(prediction))
    return tuple(100 * result[name].fmeasure for name in ("rouge1", "rouge2", "rougeLsum"))  # type: ignore[return-value]


@dataclass
class SetResult:
    """Per-system ROUGE means on one set, and what the paste cleaner did to its documents."""

    systems: dict[str, tuple[float, float, float]]
    lost_words: int  # documents whose body lost words on the way in
    wrong_title: int  # documents whose title is not the headline (or not empty, without one)
    errors: int
    examples: list[str]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _cleaner_problems(article: NewsArticle, form: str, result: dict[str, Any]) -> tuple[bool, bool]:
    expected_title = article.title if form == "title + paragraphs" else ""  # a byline or dateline is no title either
    wrong_title = _clean(result.get("title") or "") != expected_title
    lost = len(_words(" ".join(article.paragraphs))) > len(_words(result.get("text") or ""))
    return lost, wrong_title


def score_results(
    articles: Sequence[NewsArticle],
    form: str,
    results: Sequence[dict[str, Any]],
    with_references: bool = True,
    count: int = SUMMARY_SENTENCES,
) -> SetResult:
    scores: dict[str, list[tuple[float, float, float]]] = {"ours": []}
    lead_name = f"LEAD-{count}"
    if with_references:
        scores.update({lead_name: [], "sumy LexRank": []})
    lost = wrong_title = errors = 0
    examples: list[str] = []
    for article, result in zip(articles, results):
        if result.get("error"):
            errors += 1
            examples.append(f"{article.id}: {result['error']}")
            for values in scores.values():
                values.append((0.0, 0.0, 0.0))
            continue
        lost_words, bad_title = _cleaner_problems(article, form, result)
        lost += lost_words
        wrong_title += bad_title
        if (lost_words or bad_title) and len(examples) < 3:
            examples.append(f"{article.id} ({form}): title {result.get('title')!r}")
        scores["ours"].append(rouge([s["text"] for s in result["summary"]], article.reference))
        if with_references:
            language = language_for(result["language"])
            # The references read the article without a byline or dateline, whose fragments would only weaken them.
            text = result["text"] if form in FORMS else document_text(article, "one paragraph")
            sentences = split_sentences(text, language.code)
            scores[lead_name].append(rouge([sentences[i].text for i in lead(sentences, count)], article.reference))
            chosen = lexrank(sentences, language, count)
            scores["sumy LexRank"].append(rouge([sentences[i].text for i in chosen], article.reference))
    systems = {name: tuple(mean(v[k] for v in values) for k in range(3)) for name, values in scores.items()}
    if examples and with_references:  # the same documents again with another model: said once
        log.warning("%s: the paste cleaner lost words or the title of some documents, e.g. %s", form, "; ".join(examples))
    return SetResult(systems, lost, wrong_title, errors, examples)  # type: ignore[arg-type]


def run_product(
    articles: Sequence[NewsArticle], form: str, folder: Path, model: Path | None = None, count: int = SUMMARY_SENTENCES
) -> list[dict[str, Any]]:
    """The command line's JSON for each article written in `form`, optionally with another model file."""
    documents = [(_file_name(a, k), ".txt", document_text(a, form)) for k, a in enumerate(articles)]
    paths = write_documents(folder / form.replace(" ", "-").replace("+", "and"), documents)
    config = None
    if model is not None:
        config = folder / "config.toml"
        config.write_text(f"[digest]\nsummary_model = {json.dumps(str(model))}\n", encoding="utf-8")
    return run_cli("summarize", paths, ["--sentences", str(count)], config=config)


def evaluate_set(
    articles: Sequence[NewsArticle],
    form: str,
    model: Path | None = None,
    with_references: bool = True,
    count: int = SUMMARY_SENTENCES,
) -> SetResult:
    with tempfile.TemporaryDirectory(prefix="summaries-") as folder:
        results = run_product(articles, form, Path(folder), model, count)
    return score_results(articles, form, results, with_references, count)


# -- the table ---------------------------------------------------------------------------


METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-Lsum")


def set_rows(task: str, result: SetResult, ours_label: str, lead_plus: float) -> list[Row]:
    """Our three figures with their targets against LEAD-3 from the same run, then the references."""
    rows = [
        Row(task, ours_label if system == "ours" else system, metric, values[k])
        for system, values in result.systems.items()
        for k, metric in enumerate(METRICS)
    ]
    cleaner = (
        f"{result.lost_words} documents lost words in the paste cleaner, {result.wrong_title} got a wrong title, "
        f"{result.errors} errors"
    )
    rows[0] = replace(rows[0], target=_lead_target(rows, lead_plus), note=cleaner)
    return rows


def cross_model(data_dir: Path, corpus: str, folder: Path) -> Path:
    """The shipped recipe fitted on one corpus's train part only, written to `folder`."""
    from bench.train_summarizer import fit_recipe, write_model

    path = folder / f"summary-model-{corpus.split()[0].lower()}.json"
    write_model(fit_recipe(data_dir, (corpus,)), path)
    return path


def _lead_target(rows: Sequence[Row], plus: float = 0.0) -> str:
    lead_row = next(r for r in rows if r.system.startswith("LEAD-") and r.metric == "ROUGE-1")
    return f">= {lead_row.value + plus:.2f} ({lead_row.system}{f' + {plus:g}' if plus else ''})"


def evaluate(data_dir: Path, part: str = "test", model: Path | None = None) -> list[Row]:
    """The shipped model (or `model`) on both corpora in both forms, and the recipe fitted on BBC alone on the CNN Corpus.

    The shipped model is fitted on the CNN Corpus train part only, so its BBC
    rows are the other cross-corpus direction.
    """
    from bench.train_summarizer import SHIPPED_CORPUS

    ours = f"ours ({model.name})" if model else f"ours (shipped: fitted on {SHIPPED_CORPUS} train only)"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="summaries-models-") as folder:
        fitted_on_bbc = cross_model(data_dir, "BBC", Path(folder))
        for corpus in CORPORA:
            articles = load(data_dir, corpus, (part,))
            for form in FORMS:
                task = f"summaries: {corpus} {part} ({len(articles)} articles), {form}"
                plus = 1.0 if corpus == "CNN Corpus" and form == "title + paragraphs" else 0.0
                rows += set_rows(task, evaluate_set(articles, form, model), ours, plus)
                if corpus != "CNN Corpus":
                    continue
                cross = evaluate_set(articles, form, fitted_on_bbc, with_references=False)
                target = _lead_target([r for r in rows if r.task == task])
                for k, metric in enumerate(METRICS):
                    value = cross.systems["ours"][k]
                    label = "ours, same recipe fitted on BBC train only"
                    rows.append(Row(task, label, metric, value, target if k == 0 else ""))
    return rows


def evaluate_variants(data_dir: Path, part: str = "dev", model: Path | None = None) -> list[Row]:
    """The shipped model (or `model`) on the other layouts and lengths a checker may use: `VARIANT_FORMS` at three
    sentences, and the one-paragraph form at four and five sentences (against LEAD-4 and LEAD-5)."""
    ours = f"ours ({model.name})" if model else "ours (shipped)"
    rows: list[Row] = []
    for corpus in CORPORA:
        articles = load(data_dir, corpus, (part,))
        runs = [(form, SUMMARY_SENTENCES) for form in VARIANT_FORMS] + [("one paragraph", n) for n in (4, 5)]
        for form, count in runs:
            task = f"summaries: {corpus} {part} ({len(articles)} articles), {form}, {count} sentences"
            rows += set_rows(task, evaluate_set(articles, form, model, count=count), ours, 0.0)
    return rows


WCXB_PASTES = "pastes/wcxb-dev-articles.jsonl.gz"


def title_repeat_rows(data_dir: Path, pdf_dir: Path | None = None) -> list[Row]:
    """How many summaries repeat the document's title as a sentence (`features.repeats_title` against the JSON's
    `title`), on WCXB's article pastes and, when they have been printed (`bench.pdf`), on the same pages as PDFs;
    per part of `bench.splits.wcxb_part`. No reference summaries: the count is the measure."""
    from bench.pdf import DEFAULT_PDF_DIR
    from bench.splits import wcxb_part
    from bot.digest.summarize.features import repeats_title
    from bot.digest.segment.sumy_adapter import words

    with gzip.open(data_dir / WCXB_PASTES, "rt", encoding="utf-8") as lines:
        pages = [page for page in map(json.loads, lines) if page.get("paste")]
    pdf_dir = pdf_dir or DEFAULT_PDF_DIR
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="summaries-titles-") as folder:
        pastes = write_documents(Path(folder), [(f"{page['id']}", ".txt", page["paste"]) for page in pages])
        sets = {"WCXB article pastes": list(zip(pages, pastes))}
        sets["WCXB articles printed to PDF"] = [
            (page, pdf_dir / f"wcxb-{page['id']}.pdf") for page in pages if (pdf_dir / f"wcxb-{page['id']}.pdf").exists()
        ]
        for name, documents in sets.items():
            results = run_cli("summarize", [path for _, path in documents])
            for part in ("tune", "held-out"):
                counted = [
                    result for (page, _), result in zip(documents, results)
                    if wcxb_part(str(page["id"])) == part and result.get("summary")
                ]
                repeated = sum(
                    any(
                        repeats_title(words(sentence["text"]), [w.lower() for w in words(result.get("title") or "")])
                        for sentence in result["summary"]
                    )
                    for result in counted
                )
                rows.append(Row(f"title repeated in the summary: {name}, {part} ({len(counted)} summaries)",
                                "ours", "summaries", repeated, "0"))
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--part", choices=("dev", "test"), default="test", help="which part to report (default: test)")
    parser.add_argument("--model", type=Path, help="a summary model file to use instead of the shipped one")
    parser.add_argument("--variants", action="store_true",
                        help="other layouts (byline, dateline, one sentence per paragraph) and 4 or 5 sentences")
    parser.add_argument("--title-repeats", action="store_true",
                        help="count summaries that repeat the title, on WCXB's article pastes and printed PDFs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.title_repeats:
        print(format_table(title_repeat_rows(args.data_dir)))
        return
    run = evaluate_variants if args.variants else evaluate
    print(format_table(run(args.data_dir, args.part, args.model)))


if __name__ == "__main__":
    main()
