"""HTML extraction quality on the article-extraction-benchmark, and scoring of `extract` output.

    python -m bench.extraction DATA_DIR
        ours (what `python -m bot extract --format json` prints for each page written
        to a .html file), trafilatura with default settings and the whole page as text,
        the references run here, on the 181 pages, with the benchmark's metric. No
        setting was chosen on these pages: they are a second held-out check.
    python -m bench.extraction score TRUTH OUTPUT.jsonl
        score `python -m bot extract --format json` output against TRUTH: the
        benchmark's ground-truth.json, or a pastes .jsonl[.gz] file; a result's id
        is its `source` file name up to the first dot.
    python -m bench.extraction dump-pastes PASTES.jsonl[.gz] DIR
        write each paste to DIR/<id>.txt, to feed the command line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterator

import trafilatura

from bench.metrics import PRF, shingle_scores
from bench.product import run_cli, write_documents
from bench.report import Row, format_table

TARGET = ">= 0.965"


def benchmark_dir(data_dir: Path) -> Path:
    return data_dir / "article-extraction-benchmark"


def load_pages(data_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(id, html, true article body) for each page of the benchmark."""
    root = benchmark_dir(data_dir)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, item in sorted(truth.items()):
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        yield page_id, raw.decode("utf-8", errors="replace"), item.get("articleBody", "")


def run_ours(pages: list[tuple[str, str, str]]) -> list[str]:
    """The text `python -m bot extract --format json` prints for each page ('' for an error)."""
    with tempfile.TemporaryDirectory(prefix="scrapinghub-") as folder:
        paths = write_documents(Path(folder), ((page_id, ".html", html) for page_id, html, _ in pages))
        return [result.get("text") or "" for result in run_cli("extract", paths)]


def _trafilatura_default(html: str) -> str:
    return trafilatura.extract(html) or ""


def _whole_page(html: str) -> str:
    return trafilatura.html2txt(html) or ""


OURS = "ours (python -m bot extract)"
REFERENCES: dict[str, Callable[[str], str]] = {
    "trafilatura, default settings": _trafilatura_default,
    "whole page as text": _whole_page,
}


def _row(system: str, scores: PRF, target: str = "") -> list[Row]:
    task = f"html extraction ({scores.pages} pages)"
    return [
        Row(task, system, "F1", scores.f1, target),
        Row(task, system, "precision", scores.precision),
        Row(task, system, "recall", scores.recall),
    ]


def evaluate(data_dir: Path) -> list[Row]:
    pages = list(load_pages(data_dir))
    ours = run_ours(pages)
    rows = _row(OURS, shingle_scores((truth, text) for (_, _, truth), text in zip(pages, ours)), TARGET)
    for name, system in REFERENCES.items():
        rows += _row(name, shingle_scores((truth, system(html)) for _, html, truth in pages))
    return rows


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def load_truth(path: Path) -> dict[str, str]:
    if path.name.endswith(".json"):
        return {k: v.get("articleBody", "") for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    truth: dict[str, str] = {}
    with _open_text(path) as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("truth"):
                truth[str(item["id"])] = item["truth"]
    return truth


def score_output(truth_path: Path, output_path: Path) -> PRF:
    truth = load_truth(truth_path)
    predicted: dict[str, str] = {}
    with _open_text(output_path) as handle:
        for line in handle:
            result = json.loads(line)
            page_id = Path(result["source"]).name.split(".")[0]
            predicted[page_id] = result.get("text") or ""
    missing = sorted(set(truth) - set(predicted))
    if missing:
        print(f"warning: {len(missing)} pages have no output and score zero", file=sys.stderr)
    return shingle_scores((body, predicted.get(page_id, "")) for page_id, body in truth.items())


def dump_pastes(pastes: Path, out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    with _open_text(pastes) as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("truth") and item.get("paste"):
                (out_dir / f"{item['id']}.txt").write_text(item["paste"], encoding="utf-8")
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "score":
        parser = argparse.ArgumentParser(prog="python -m bench.extraction score")
        parser.add_argument("truth", type=Path)
        parser.add_argument("output", type=Path)
        args = parser.parse_args(argv[1:])
        scores = score_output(args.truth, args.output)
        print(f"pages {scores.pages}  precision {scores.precision:.4f}  recall {scores.recall:.4f}  F1 {scores.f1:.4f}")
        return 0
    if argv and argv[0] == "dump-pastes":
        parser = argparse.ArgumentParser(prog="python -m bench.extraction dump-pastes")
        parser.add_argument("pastes", type=Path)
        parser.add_argument("out_dir", type=Path)
        args = parser.parse_args(argv[1:])
        print(f"wrote {dump_pastes(args.pastes, args.out_dir)} pastes to {args.out_dir}")
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    args = parser.parse_args(argv)
    print(format_table(evaluate(args.data_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
