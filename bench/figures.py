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
"""

from __future__ import annotations

import csv
import logging
import pathlib
import re
import sys
import warnings
from dataclasses import dataclass
from typing import Callable, Iterable

from bench.report import Row, format_table
from bot.digest.figures.quantities import find_quantities

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
    return rows


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    data_dir = pathlib.Path(args[0] if args else "/work/shared/data")
    print(format_table(evaluate(data_dir)))


if __name__ == "__main__":
    main()
