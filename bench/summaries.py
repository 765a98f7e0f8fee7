"""Summary quality: our summarizer beside LEAD-3 and sumy's algorithms, three sentences each.

Data (see /work/shared/data/README.md):
- CNN Corpus: articles already split into sentences, with highlights (the ROUGE
  reference) and an extractive gold summary (sentence ids, for sentence F1).
  Split deterministically by a SHA-1 of the article's file name: 60% train,
  20% dev, 20% test (`split_of`). Only the test split is reported here; the
  summarizer's weights were fitted on train and chosen on dev
  (`bench/train_summarizer.py`).
- BBC News Summary: a regression check only. Its references are long runs of
  sentences picked by similarity, so LEAD is not the bar there. A deterministic
  sample (SHA-1 of the id, about a quarter) keeps the run short.

ROUGE is `rouge_score` with the Porter stemmer; for ROUGE-Lsum sentences are
joined with newlines. Sentence F1 counts every (article, sentence) pair once:
chosen and in the gold summary is a true positive (`bench.metrics.binary_f1`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import html
import json
import logging
import pathlib
import re
import time
from dataclasses import dataclass
from statistics import mean
from typing import Callable, Iterator, Sequence

from rouge_score import rouge_scorer

from bench.metrics import binary_f1
from bench.report import Row, format_table
from bot.digest.language.language_detector import language_for
from bot.digest.models import Language, Sentence
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.segment.sumy_adapter import build_document, stemmer_for, stop_words
from bot.digest.summarize.summarizer import summarize

log = logging.getLogger(__name__)

SUMMARY_SENTENCES = 3
CNN_FILE = "summarization/cnn-corpus.jsonl.gz"
BBC_FILE = "summarization/bbc-news-summary.jsonl.gz"
BBC_SAMPLE_BUCKETS = 4  # keep articles whose hash bucket (of 16) is below this: about a quarter
_CLOSING = re.compile(r"""[.!?…]["'”’»)\]]*\s*$""")
_BBC_REFERENCE_BREAK = re.compile(r"(?<=[.!?])(?=[\"']?[A-Z])")


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    sentences: list[Sentence]
    reference: list[str]  # reference summary, one sentence per item
    gold: frozenset[int]  # indices into `sentences` of the extractive gold summary (CNN only)


def _bucket(key: str, buckets: int) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % buckets


def split_of(key: str) -> str:
    """Deterministic 60/20/20 split by a hash of the item's id."""
    bucket = _bucket(key, 10)
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def load_cnn(path: pathlib.Path, splits: Sequence[str] = ("test",)) -> list[Example]:
    examples = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if split_of(item["file"]) not in splits:
                continue
            sentences: list[Sentence] = []
            id_to_index: dict[str, int] = {}
            for paragraph, block in enumerate(item["paragraphs"]):
                for entry in block:
                    text = html.unescape(entry["text"]).strip()
                    id_to_index[entry["id"]] = len(sentences)
                    # mark unpunctuated lines as the pipeline's splitter would
                    is_heading = not _CLOSING.search(text)
                    sentences.append(Sentence(len(sentences), text, paragraph, is_heading))
            gold = frozenset(id_to_index[g] for g in item["gold"] if g in id_to_index)
            examples.append(
                Example(
                    id=item["file"],
                    title=html.unescape(item["title"]),
                    sentences=sentences,
                    reference=[html.unescape(h).strip() for h in item["highlights"]],
                    gold=gold,
                )
            )
    return examples


def load_bbc(path: pathlib.Path, buckets: int = BBC_SAMPLE_BUCKETS) -> list[Example]:
    examples = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if _bucket(item["id"], 16) >= buckets:
                continue
            reference = [s.strip() for s in _BBC_REFERENCE_BREAK.split(item["summary"]) if s.strip()]
            examples.append(
                Example(
                    id=item["id"],
                    title=item["title"],
                    sentences=split_sentences(item["article"], "en"),
                    reference=reference,
                    gold=frozenset(),
                )
            )
    return examples


System = Callable[[Example, Language, int], list[int]]


def lead(example: Example, language: Language, count: int) -> list[int]:
    return list(range(min(count, len(example.sentences))))


def ours(example: Example, language: Language, count: int) -> list[int]:
    return summarize(example.sentences, example.title, language, count)


def sumy_system(name: str) -> System:
    """One of sumy's summarizers, configured with our stemmer and stop words."""

    def run(example: Example, language: Language, count: int) -> list[int]:
        from sumy.summarizers.kl import KLSummarizer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.luhn import LuhnSummarizer
        from sumy.summarizers.reduction import ReductionSummarizer
        from sumy.summarizers.sum_basic import SumBasicSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer

        classes = {
            "LexRank": LexRankSummarizer,
            "TextRank": TextRankSummarizer,
            "Luhn": LuhnSummarizer,
            "LSA": LsaSummarizer,
            "KL": KLSummarizer,
            "SumBasic": SumBasicSummarizer,
            "Reduction": ReductionSummarizer,
        }
        summarizer = classes[name](stemmer_for(language))
        summarizer.stop_words = stop_words(language)
        document, sumy_sentences = build_document(example.sentences, language.code)
        position = {id(s): i for i, s in enumerate(sumy_sentences)}
        chosen = summarizer(document, count)
        return sorted(position[id(s)] for s in chosen)

    return run


def edmundson(example: Example, language: Language, count: int) -> list[int]:
    """sumy's Edmundson with its title and location methods (cue and key need hand-made word lists).

    The title goes in front as a heading, which is where Edmundson looks for title words.
    """
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(
        stemmer_for(language), cue_weight=0.0, key_weight=0.0, title_weight=1.0, location_weight=1.0
    )
    summarizer.null_words = stop_words(language) or {"the"}  # sumy refuses an empty list
    heading = Sentence(-1, example.title, -1, is_heading=True)
    document, sumy_sentences = build_document([heading, *example.sentences], language.code)
    position = {id(s): i - 1 for i, s in enumerate(sumy_sentences)}
    return sorted(position[id(s)] for s in summarizer(document, count))


SUMY_ALGORITHMS = ("LexRank", "TextRank", "Luhn", "LSA", "KL", "SumBasic", "Reduction")


@dataclass(frozen=True)
class Scores:
    rouge1: float
    rouge2: float
    rouge_lsum: float
    gold_f1: float | None
    seconds: float


@functools.lru_cache(maxsize=1)
def _rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def score(examples: Sequence[Example], system: System, language: Language, count: int = SUMMARY_SENTENCES) -> Scores:
    r1, r2, rl = [], [], []
    gold_flags: list[bool] = []
    chosen_flags: list[bool] = []
    seconds = 0.0
    for example in examples:
        started = time.process_time()  # CPU time: wall time swings with the machine's other load
        chosen = system(example, language, count)
        seconds += time.process_time() - started
        prediction = "\n".join(example.sentences[i].text for i in chosen)
        reference = "\n".join(example.reference)
        result = _rouge().score(reference, prediction)
        r1.append(result["rouge1"].fmeasure)
        r2.append(result["rouge2"].fmeasure)
        rl.append(result["rougeLsum"].fmeasure)
        picked = set(chosen)
        for i in range(len(example.sentences)):
            gold_flags.append(i in example.gold)
            chosen_flags.append(i in picked)
    has_gold = any(gold_flags)
    f1 = binary_f1(gold_flags, chosen_flags).f1 if has_gold else None
    return Scores(100 * mean(r1), 100 * mean(r2), 100 * mean(rl), f1, seconds)


def _rows(task: str, system: str, scores: Scores, targets: dict[str, str] | None = None, note: str = "") -> list[Row]:
    targets = targets or {}
    values = [("ROUGE-1", scores.rouge1), ("ROUGE-2", scores.rouge2), ("ROUGE-Lsum", scores.rouge_lsum)]
    if scores.gold_f1 is not None:
        values.append(("gold-sentence F1", scores.gold_f1))
    return [Row(task, system, metric, value, targets.get(metric, ""), note) for metric, value in values]


def evaluate(data_dir: pathlib.Path) -> list[Row]:
    english = language_for("en")
    rows: list[Row] = []

    cnn = load_cnn(data_dir / CNN_FILE, ("test",))
    task = f"summaries: CNN Corpus test ({len(cnn)} articles, 3 sentences)"
    lead_scores = score(cnn, lead, english)
    our_scores = score(cnn, ours, english)
    targets = {
        "ROUGE-1": f">= {lead_scores.rouge1 + 1:.2f} (LEAD-3 + 1)",
        "ROUGE-2": f"> {lead_scores.rouge2:.2f} (LEAD-3)",
        "ROUGE-Lsum": f"> {lead_scores.rouge_lsum:.2f} (LEAD-3)",
        "gold-sentence F1": f"> {lead_scores.gold_f1:.4f} (LEAD-3)",
    }
    rows += _rows(task, "ours", our_scores, targets, note=f"{our_scores.seconds:.1f} s CPU")
    rows += _rows(task, "LEAD-3", lead_scores)
    for name in SUMY_ALGORITHMS:
        scores = score(cnn, sumy_system(name), english)
        rows += _rows(task, f"sumy {name}", scores, note=f"{scores.seconds:.1f} s CPU")
    scores = score(cnn, edmundson, english)
    rows += _rows(task, "sumy Edmundson (title+location)", scores, note=f"{scores.seconds:.1f} s CPU")

    bbc = load_bbc(data_dir / BBC_FILE)
    task = f"summaries: BBC sample ({len(bbc)} of 2225 articles, 3 sentences; regression check)"
    rows += _rows(task, "ours", score(bbc, ours, english))
    rows += _rows(task, "LEAD-3", score(bbc, lead, english))
    rows += _rows(task, "sumy LexRank", score(bbc, sumy_system("LexRank"), english))
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=pathlib.Path, help="the shared data folder, e.g. /work/shared/data")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print(format_table(evaluate(args.data_dir)))


if __name__ == "__main__":
    main()
