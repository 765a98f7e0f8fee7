"""PDF text extraction on real PDFs: WCXB article pages printed by headless Chromium.

    python -m bench.pdf DATA_DIR [--pdf-dir DIR] [--tune-pages 100] [--held-out-pages N]

The first `--tune-pages` article pages of WCXB's dev split in the tune part and
the first `--held-out-pages` (by default all 227) in the held-out part
(bench/splits.py), in file order, are printed to PDF with Chromium (cached in
`--pdf-dir`, by default a folder under the system's temporary directory, so the
PDFs never enter git). Each PDF's text is taken from what
`python -m bot extract --format json` prints (its `text`, and title and text), beside poppler's
`pdftotext` on the same files and trafilatura's defaults on the same pages'
HTML, all scored with WCXB's metric: bag of lowercased `\\w+` tokens, F1 per
page, mean over pages. Skips, saying why, when chromium or pdftotext is missing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from bench.product import run_cli
from bench.report import Row, format_table
from bench.splits import wcxb_part

log = logging.getLogger(__name__)

TARGET = ">= 0.88"
PARTS = ("tune", "held-out")
ALL_PAGES = 1_000_000
HELD_OUT_FIRST = 100  # the held-out sample of the earlier reports, scored again beside the whole part
DEFAULT_PDF_DIR = Path(tempfile.gettempdir()) / "digest-bench-pdf"
PRINT_TIMEOUT = 60.0  # seconds for one page; Chromium's own --timeout stops loading at 15 s
_TOKEN = re.compile(r"\w+")
# No network at all: a saved page's scripts, fonts and images fail at once instead of waiting on DNS.
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--no-pdf-header-footer", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--timeout=15000",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def wcxb_f1(truth: str, predicted: str) -> float:
    """WCXB's page score: F1 of the bags of lowercased word tokens."""
    want = Counter(t.lower() for t in _TOKEN.findall(truth))
    got = Counter(t.lower() for t in _TOKEN.findall(predicted))
    common = sum((want & got).values())
    if not want or not got or not common:
        return 1.0 if not want and not got else 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def load_pages(data_dir: Path, per_part: int, held_out: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """The first `per_part` article pages with a true text in the tune part and the first
    `held_out` (default: `per_part`) in the held-out part, in file order."""
    wanted = {"tune": per_part, "held-out": per_part if held_out is None else held_out}
    chosen: dict[str, list[dict[str, Any]]] = {part: [] for part in PARTS}
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            page = json.loads(line)
            name = wcxb_part(str(page["id"]))
            if page["type"] == "article" and page.get("truth") and len(chosen[name]) < wanted[name]:
                chosen[name].append(page)
            if all(len(chosen[name]) >= wanted[name] for name in PARTS):
                break
    return chosen


def print_to_pdf(html: str, out: Path, chromium: str) -> bool:
    """Print one page with headless Chromium; False when it fails or hangs (its process group is killed)."""
    with tempfile.TemporaryDirectory(prefix="digest-bench-chromium-") as scratch:
        page = Path(scratch) / "page.html"
        page.write_text(html, encoding="utf-8")
        partial = out.with_name(out.stem + ".part.pdf")  # Chromium needs the name to end in .pdf
        argv = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={scratch}/profile", f"--print-to-pdf={partial}", page.as_uri()]
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            process.wait(timeout=PRINT_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            log.warning("chromium hung on %s", out.name)
            return False
        finally:
            try:  # Chromium leaves helper processes behind in its group now and then
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if process.returncode != 0 or not partial.exists() or partial.stat().st_size == 0:
            partial.unlink(missing_ok=True)
            return False
        partial.rename(out)
        return True


def ensure_pdfs(pages: list[dict[str, Any]], pdf_dir: Path, chromium: str) -> list[tuple[dict[str, Any], Path]]:
    """(page, PDF) for each page that prints; PDFs already in `pdf_dir` are reused, and a page that
    failed to print once is not tried again (a `.failed` marker beside the PDFs)."""
    pdf_dir.mkdir(parents=True, exist_ok=True)
    printed = []
    for page in pages:
        out = pdf_dir / f"wcxb-{page['id']}.pdf"
        failed = out.with_suffix(".failed")
        if out.exists() or (not failed.exists() and print_to_pdf(page["html"], out, chromium)):
            printed.append((page, out))
        elif not failed.exists():
            failed.touch()
    return printed


def pdftotext(path: Path, binary: str) -> str:
    done = subprocess.run([binary, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120, check=False)
    return done.stdout.decode("utf-8", errors="replace")


def _ours(pdfs: list[Path]) -> tuple[list[dict[str, Any]], float]:
    started = time.perf_counter()
    results = run_cli("extract", pdfs)
    return results, time.perf_counter() - started


def _pypdfium2_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


LIBRARIES = {"pypdfium2": _pypdfium2_text, "pdfminer.six": _pdfminer_text, "pypdf": _pypdf_text}


def compare_libraries(printed: list[tuple[dict[str, Any], Path]], task: str) -> list[Row]:
    """Each library's whole text (no cleaning) against the truth: recall shows what it finds, time what it costs."""
    rows = []
    reference = 0.0
    for name, extract in LIBRARIES.items():
        started = time.perf_counter()
        texts = [extract(path) for _, path in printed]
        seconds = time.perf_counter() - started
        reference = reference or seconds
        recalls = [_recall(page["truth"], text) for (page, _), text in zip(printed, texts)]
        f1 = _mean([wcxb_f1(page["truth"], text) for (page, _), text in zip(printed, texts)])
        rows.append(Row(task, f"{name} (raw text)", "WCXB F1", f1, "", f"recall {_mean(recalls):.3f}; time x{seconds / reference:.2f} of pypdfium2"))
    return rows


def _recall(truth: str, predicted: str) -> float:
    want = Counter(t.lower() for t in _TOKEN.findall(truth))
    got = Counter(t.lower() for t in _TOKEN.findall(predicted))
    return sum((want & got).values()) / max(1, sum(want.values()))


def _mean(values: list[float]) -> float:
    return sum(values) / max(1, len(values))


def _scored_rows(task: str, truths: list[str], systems: dict[str, list[str]], note: str) -> list[Row]:
    """One WCXB F1 row a system, the first (ours) carrying the target and `note`."""
    rows = []
    for index, (system, texts) in enumerate(systems.items()):
        score = _mean([wcxb_f1(truth, text) for truth, text in zip(truths, texts)])
        rows.append(Row(task, system, "WCXB F1", score, TARGET if index == 0 else "", note if index == 0 else ""))
    return rows


def evaluate(
    data_dir: Path, pdf_dir: Path = DEFAULT_PDF_DIR, per_part: int = 100, libraries: bool = False, held_out: int = ALL_PAGES
) -> list[Row]:
    """`per_part` tune pages and `held_out` held-out pages (all of them by default); on the held-out
    part the first HELD_OUT_FIRST pages are scored again on their own (the earlier reports' sample)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    poppler = shutil.which("pdftotext")
    if chromium is None or poppler is None:
        missing = " and ".join(name for name, found in (("chromium", chromium), ("pdftotext", poppler)) if not found)
        print(f"# pdf: skipped, {missing} not installed (Debian: apt-get install chromium poppler-utils)")
        return []
    rows: list[Row] = []
    for part, pages in load_pages(data_dir, per_part, held_out).items():
        printed = ensure_pdfs(pages, pdf_dir, chromium)
        task = f"pdf text: WCXB articles printed by Chromium ({part}, {len(pages)} pages)"
        truths = [page["truth"] for page, _ in printed]
        results, ours_seconds = _ours([path for _, path in printed])
        started = time.perf_counter()
        poppler_texts = [pdftotext(path, poppler) for _, path in printed]
        poppler_seconds = time.perf_counter() - started
        systems = {
            "ours (extract, text)": [r.get("text") or "" for r in results],
            "ours (extract, title+text)": [f"{r.get('title') or ''}\n{r.get('text') or ''}" for r in results],
            "pdftotext": poppler_texts,
            "trafilatura on the HTML": [trafilatura.extract(page["html"]) or "" for page, _ in printed],
        }
        refused = Counter(r["error"] for r in results if r.get("error"))
        note = f"n={len(printed)} of {len(pages)} printed; refused: " + ("; ".join(f"{n} {e}" for e, n in refused.items()) or "none")
        rows += _scored_rows(task, truths, systems, note)
        rows.append(Row(task, "ours / pdftotext", "time ratio", ours_seconds / max(poppler_seconds, 1e-9), "", "whole command line (start-up included) vs pdftotext"))
        first_ids = {page["id"] for page in pages[:HELD_OUT_FIRST]}
        if part == "held-out" and len(pages) > HELD_OUT_FIRST:
            subset = [index for index, (page, _) in enumerate(printed) if page["id"] in first_ids]
            sub_systems = {system: [texts[i] for i in subset] for system, texts in systems.items()}
            sub_task = f"pdf text: WCXB articles printed by Chromium ({part}, first {HELD_OUT_FIRST} pages)"
            rows += _scored_rows(sub_task, [truths[i] for i in subset], sub_systems, f"n={len(subset)} printed")
        if libraries and part == "tune":  # the library was chosen on the tune pages
            rows += compare_libraries(printed, task)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pdf", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--pdf-dir", type=Path, default=DEFAULT_PDF_DIR, help="where the printed PDFs are kept")
    parser.add_argument("--tune-pages", "--per-part", dest="per_part", type=int, default=100, help="tune article pages printed (the first ones)")
    parser.add_argument("--held-out-pages", type=int, default=ALL_PAGES, help="held-out article pages printed (default: all 227)")
    parser.add_argument("--libraries", action="store_true", help="also compare the raw text of pypdfium2, pdfminer.six and pypdf (tune pages; slow)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print(format_table(evaluate(args.data_dir, args.pdf_dir, args.per_part, args.libraries, args.held_out_pages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
