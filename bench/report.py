"""One row format for every measurement, so `bench.quality` can print a single table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Row:
    task: str  # e.g. "html extraction", "hedges: WikiWeasel (held-out test)"
    system: str  # e.g. "ours", "trafilatura", "LEAD-3"
    metric: str  # e.g. "F1", "ROUGE-1"
    value: float
    target: str = ""  # e.g. ">= 0.965"; empty for reference rows
    note: str = ""


def format_table(rows: Iterable[Row]) -> str:
    rows = list(rows)
    header = ("task", "system", "metric", "value", "target", "note")
    body = [(r.task, r.system, r.metric, f"{r.value:.4f}", r.target, r.note) for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body)] if body else [len(h) for h in header]
    lines = [" | ".join(str(x).ljust(w) for x, w in zip(header, widths))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(str(x).ljust(w) for x, w in zip(row, widths)) for row in body]
    return "\n".join(lines)
