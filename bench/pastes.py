"""Score the pasted-text cleaner on browser pastes of benchmark article pages.

Data: `<data_dir>/pastes/scrapinghub.jsonl` (181 pages) and
`<data_dir>/pastes/wcxb-dev-articles.jsonl.gz` (711 pages); see that folder's README.

Split: WCXB pages go to "tune" when sha1(id) mod 100 < 70, else "held-out".
The cleaner's weights and decoding settings were fitted on WCXB-tune only
(`python -m bench.train_paste_cleaner`); WCXB-held-out was never looked at
except through this script's totals. ScrapingHub was not used for fitting or
setting choice either, but about five of its pages (comment threads, a Japanese
page, link lists) were read while designing features, so treat it as a
second test set that is slightly less clean.

Scored text: `title + "\\n" + body` of the cleaner's output (what a reader is
shown) against `truth` with the benchmark's 4-word shingle F1
(`bench.metrics.shingle_scores`). The truth rarely contains the headline, so
this costs the title's few shingles of precision; a body-only row is printed
for comparison. Pages with an empty truth are left out.

Leak rate: share of WCXB pages whose cleaned text contains any of the page's
`without` (boilerplate) snippets, matched case-sensitively as substrings after
squashing whitespace runs to one space on both sides.
Kept rate: share of `with` snippets (article text) found in the cleaned text.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.metrics import shingle_scores
from bench.report import Row, format_table
from bench.splits import wcxb_part
from bot.digest.extract.paste_cleaner import CleanedPaste, clean_paste

SCRAPINGHUB = "scrapinghub.jsonl"
WCXB = "wcxb-dev-articles.jsonl.gz"


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_pages(data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Pages with a non-empty truth, grouped as 'scrapinghub', 'wcxb-tune', 'wcxb-held-out'."""
    folder = data_dir / "pastes" if (data_dir / "pastes").is_dir() else data_dir
    groups: dict[str, list[dict[str, Any]]] = {"scrapinghub": [], "wcxb-tune": [], "wcxb-held-out": []}
    for page in _read_jsonl(folder / SCRAPINGHUB):
        if page.get("truth"):
            groups["scrapinghub"].append(page)
    for page in _read_jsonl(folder / WCXB):
        if page.get("truth"):
            groups[f"wcxb-{wcxb_part(str(page['id']))}"].append(page)
    return groups


def cleaned_text(result: CleanedPaste) -> str:
    return f"{result.title}\n{result.body}" if result.title else result.body


def _squash(text: str) -> str:
    """Whitespace runs as one space, so a snippet matches across the line breaks of a paste."""
    return " ".join(text.split())


def leak_and_kept(pages: list[dict[str, Any]], outputs: list[str]) -> tuple[float, float]:
    """(share of pages leaking any `without` snippet, share of `with` snippets kept); case-sensitive, whitespace-squashed."""
    squashed = [_squash(out) for out in outputs]
    leaked = sum(1 for page, out in zip(pages, squashed) if any(_squash(s) in out for s in page.get("without") or ()))
    with_total = sum(len(page.get("with") or ()) for page in pages)
    with_kept = sum(sum(1 for s in page.get("with") or () if _squash(s) in out) for page, out in zip(pages, squashed))
    return leaked / max(1, len(pages)), with_kept / max(1, with_total)


def _score(name: str, pages: list[dict[str, Any]], outputs: list[str], system: str, target: str) -> Row:
    prf = shingle_scores((page["truth"], out) for page, out in zip(pages, outputs))
    return Row(f"pastes: {name}", system, "F1", prf.f1, target, f"P={prf.precision:.3f} R={prf.recall:.3f} n={prf.pages}")


def evaluate(data_dir: Path, cleaner: Callable[[str], CleanedPaste] = clean_paste) -> list[Row]:
    groups = load_pages(data_dir)
    rows: list[Row] = []
    for name, pages in groups.items():
        results = [cleaner(page["paste"]) for page in pages]
        ours = [cleaned_text(r) for r in results]
        rows.append(_score(name, pages, [page["paste"] for page in pages], "paste as is", ""))
        rows.append(_score(name, pages, ours, "ours (title+body)", ">= 0.90"))
        rows.append(_score(name, pages, [r.body for r in results], "ours (body only)", ""))
        if name.startswith("wcxb"):
            leak, kept = leak_and_kept(pages, ours)
            paste_leak, paste_kept = leak_and_kept(pages, [page["paste"] for page in pages])
            rows.append(Row(f"pastes: {name}", "paste as is", "without-leak rate", paste_leak, "", "pages leaking any boilerplate snippet"))
            rows.append(Row(f"pastes: {name}", "ours", "without-leak rate", leak, "<= 0.05", "pages leaking any boilerplate snippet"))
            rows.append(Row(f"pastes: {name}", "ours", "with-kept rate", kept, "", f"paste as is: {paste_kept:.3f}"))
            titled = [(page, r) for page, r in zip(pages, results) if page.get("title")]
            exact = sum(1 for page, r in titled if r.title.strip() == page["title"].strip())
            rows.append(Row(f"pastes: {name}", "ours", "title exact match", exact / max(1, len(titled)), "", f"n={len(titled)}"))
    return rows


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data")
    print(format_table(evaluate(data_dir)))


if __name__ == "__main__":
    main()
