"""Quantity spans on MeasEval: our scanner against a plain number regex and quantulum3.

Data: `<data_dir>/figures/measeval/{train,eval}/{text/*.txt,tsv/*.tsv}` (MeasEval,
SemEval-2021 task 8). The folder's own parts are the split: `train` is the tune
split (rules were adjusted looking at it), `eval` is the held-out test split.
A text with no tsv file has no annotated quantities; it stays in, so numbers
found there count against precision.

Metric, the same for every system (micro over all texts of a split):
- a predicted span is correct when it overlaps (shares at least one character
  with) a gold Quantity span of the same text; precision = correct / predicted;
- a gold span is found when at least one predicted span overlaps it;
  recall = found / gold; F1 is their harmonic mean.
An exact-boundary F1 (start and end equal) is reported in the note for reference.

quantulum3 is measured only when it imports (`pip install quantulum3` into the
bench environment); it is not a dependency of the project.

Key-figure ranking, on `<data_dir>/summarization/cnn-corpus.jsonl.gz`: the
numbers an editor put in an article's highlights are taken as its key figures
(values read from the highlights by our scanner; dates and times left out). The
score is the share of those values (micro over articles, matched within 2%)
that are among the six figures a system picks from the article's sentences.
"ours" is `find_figures(limit=6)`; "first six" takes the first six quantities in
article order. Articles are split by a CRC-32 of their `file` name: even is the
tune split (the ranking weights were adjusted on it), odd the held-out test
split, which is what `evaluate` reports. The 16 articles looked at by eye while
writing the ranker (file lines 1000-1005 and 1500-1509) are left out of both.
"""

from __future__ import annotations

import csv
import gzip
import json
import logging
import zlib
import pathlib
import re
import sys
import warnings
from dataclasses import dataclass
from typing import Callable, Iterable

from bench.report import Row, format_table
from bot.digest.figures.figure_finder import find_figures
from bot.digest.figures.quantities import find_quantities
from bot.digest.models import Sentence

log = logging.getLogger(__name__)

Span = tuple[int, int]
_PLAIN_NUMBER = re.compile(r"[-−+]?\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    gold: tuple[Span, ...]


@dataclass(frozen=True)
class SpanScores:
    precision: float
    recall: float
    f1: float
    exact_f1: float
    predicted: int
    gold: int


def load_split(split_dir: pathlib.Path) -> list[Document]:
    """The texts of one MeasEval part with their gold Quantity spans."""
    docs = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        tsv_path = split_dir / "tsv" / (text_path.stem + ".tsv")
        spans: set[Span] = set()
        if tsv_path.exists():
            with tsv_path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    if row.get("annotType") == "Quantity":
                        spans.add((int(row["startOffset"]), int(row["endOffset"])))
        docs.append(Document(text_path.stem, text, tuple(sorted(spans))))
    return docs


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_spans(pairs: Iterable[tuple[Iterable[Span], Iterable[Span]]]) -> SpanScores:
    """Overlap precision/recall/F1 over (gold, predicted) span lists, one pair per text."""
    n_pred = n_gold = correct = found = exact = 0
    for gold, predicted in pairs:
        gold, predicted = list(gold), list(predicted)
        n_pred += len(predicted)
        n_gold += len(gold)
        correct += sum(any(_overlaps(p, g) for g in gold) for p in predicted)
        found += sum(any(_overlaps(p, g) for p in predicted) for g in gold)
        exact += len(set(gold) & set(predicted))
    precision = correct / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ep = exact / n_pred if n_pred else 0.0
    er = exact / n_gold if n_gold else 0.0
    exact_f1 = 2 * ep * er / (ep + er) if ep + er else 0.0
    return SpanScores(precision, recall, f1, exact_f1, n_pred, n_gold)


def ours(text: str) -> list[Span]:
    return [(q.start, q.end) for q in find_quantities(text)]


def plain_regex(text: str) -> list[Span]:
    return [m.span() for m in _PLAIN_NUMBER.finditer(text)]


def _quantulum() -> Callable[[str], list[Span]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # type: ignore[import-not-found]
    except Exception:  # not installed or broken: the row is left out
        return None

    def spans(text: str) -> list[Span]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return [tuple(q.span) for q in parser.parse(text)]  # type: ignore[misc]
            except Exception:  # quantulum3 raises on some inputs; count it as finding nothing
                return []

    return spans


def systems() -> list[tuple[str, Callable[[str], list[Span]]]]:
    found: list[tuple[str, Callable[[str], list[Span]]]] = [("ours", ours), ("number regex", plain_regex)]
    quantulum = _quantulum()
    if quantulum is not None:
        found.append(("quantulum3", quantulum))
    return found


def measure(docs: list[Document], system: Callable[[str], list[Span]]) -> SpanScores:
    return score_spans((doc.gold, system(doc.text)) for doc in docs)


_LOOKED_AT = frozenset(range(1000, 1006)) | frozenset(range(1500, 1510))
_FIGURE_LIMIT = 6


def _highlight_values(highlights: Iterable[str]) -> set[float]:
    return {
        q.value
        for text in highlights
        for q in find_quantities(text)
        if q.value is not None and q.kind not in ("date", "time")
    }


def _first_figures(sentences: list[Sentence], limit: int) -> list[float]:
    values: list[float] = []
    for sentence in sentences:
        for q in find_quantities(sentence.text):
            if q.value is not None and q.kind not in ("date", "time") and q.value not in values:
                values.append(q.value)
                if len(values) == limit:
                    return values
    return values


def _matched(gold: set[float], picked: list[float]) -> int:
    return sum(any(abs(g - p) <= 0.02 * max(abs(g), 1e-9) for p in picked) for g in gold)


def cnn_part(item: dict) -> str:
    """The deterministic split of a CNN Corpus article: "tune" or "test"."""
    return "tune" if zlib.crc32(str(item.get("file", "")).encode("utf-8")) % 2 == 0 else "test"


def key_figure_rows(corpus: pathlib.Path, part: str = "test") -> list[Row]:
    """Recall of highlight numbers among the six figures picked (see the module docstring)."""
    found = {"ours": 0, "first six": 0}
    total = articles = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line_number, line in enumerate(handle):
            if line_number in _LOOKED_AT:
                continue
            item = json.loads(line)
            if cnn_part(item) != part:
                continue
            gold = _highlight_values(item.get("highlights") or [])
            if not gold:
                continue
            sentences: list[Sentence] = []
            for p, paragraph in enumerate(item.get("paragraphs") or []):
                for entry in paragraph:
                    sentences.append(Sentence(index=len(sentences), text=entry["text"], paragraph=p))
            ours_values = [f.value for f in find_figures(sentences, limit=_FIGURE_LIMIT) if f.value is not None]
            found["ours"] += _matched(gold, ours_values)
            found["first six"] += _matched(gold, _first_figures(sentences, _FIGURE_LIMIT))
            total += len(gold)
            articles += 1
    return [
        Row(
            task=f"key figures: CNN highlight numbers in top 6 ({'held-out test' if part == 'test' else part})",
            system=name,
            metric="recall",
            value=count / total if total else 0.0,
            note=f"{articles} articles, {total} highlight numbers",
        )
        for name, count in found.items()
    ]


def evaluate(data_dir: pathlib.Path) -> list[Row]:
    base = pathlib.Path(data_dir) / "figures" / "measeval"
    rows = []
    for part, label in (("eval", "held-out test"), ("train", "tune")):
        docs = load_split(base / part)
        if not docs:
            continue
        for name, system in systems():
            s = measure(docs, system)
            rows.append(
                Row(
                    task=f"quantity spans: MeasEval {part} ({label})",
                    system=name,
                    metric="overlap F1",
                    value=s.f1,
                    target=">= 0.70" if name == "ours" and part == "eval" else "",
                    note=f"P {s.precision:.3f} R {s.recall:.3f} exact-F1 {s.exact_f1:.3f}; {len(docs)} texts, {s.gold} gold, {s.predicted} predicted",
                )
            )
    corpus = pathlib.Path(data_dir) / "summarization" / "cnn-corpus.jsonl.gz"
    if corpus.exists():
        rows += key_figure_rows(corpus)
    return rows


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    # default: the shared data folder beside the repository
    data_dir = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parents[2] / "shared" / "data"
    print(format_table(evaluate(data_dir)))


if __name__ == "__main__":
    main()
