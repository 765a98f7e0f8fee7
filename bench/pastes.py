"""Score the paste cleaner through the product, on browser pastes of benchmark article pages.

    python -m bench.pastes ../shared/data [--parts held-out|tune|all] [--in-process]

Data: `<data_dir>/pastes/scrapinghub.jsonl` (181 pages) and
`<data_dir>/pastes/wcxb-dev-articles.jsonl.gz` (711 pages); see that folder's README.

Split (bench/splits.py): WCXB pages are "tune" when sha1(id) mod 100 < 70, else
"held-out", the same rule as for WCXB's HTML pages. The cleaner's weights and
decoding settings were fitted on WCXB-tune only (`python -m bench.train_paste_cleaner`);
ScrapingHub was never used for fitting or choosing anything and is a second held-out set.

Every page is written to a .txt file and read back from the JSON of
`python -m bot extract --format json` (bench/product.py): the title and text a user gets.

- F1: the benchmark's 4-word shingle F1 against `truth`, of the cleaned text the
  user gets (`title + "\\n" + text`: the target is judged on this) and of the body alone.
- Leak rate: share of WCXB pages where any `without` (boilerplate) snippet that is
  not itself part of the true text appears in the cleaned text (case-sensitive,
  whitespace runs squashed on both sides).
- Kept rate: share of `with` snippets (article text) found in the cleaned text.
- Title: the page's `title` in the same words in the same order (case, punctuation,
  markup and symbols aside: `bench.wcxb.title_matches`, the HTML pages' title metric),
  over pages that have one; beside it the stricter match of earlier rounds
  (NFKC, case-folded, whitespace squashed, quotes and dashes unified), which
  counts "Problems—Simple" against "problems--simple" as a miss.
- Clean text whole: documents that are already clean (a CNN Corpus article as
  one paragraph with no headline; its title line then one sentence a
  paragraph; its sentences one a line; 40 WikiWeasel sentences one a paragraph)
  must come back with every sentence, and with no body sentence taken as the title.

References in the same run: the paste as is (and its first line as the title).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.fitting import hash_bucket
from bench.metrics import shingle_scores
from bench.product import run_cli, write_documents
from bench.report import Row, format_table
from bench.splits import wcxb_part
from bench.wcxb import title_matches

SCRAPINGHUB = "scrapinghub.jsonl"
WCXB = "wcxb-dev-articles.jsonl.gz"
SPLIT_NOTE = "WCXB held-out = sha1(id)%100>=70"
CLEAN_TEXT_BUCKETS = 8  # CNN Corpus articles whose sha1(file)%100 < 8 feed the clean-text check (a sample)


@dataclass(frozen=True)
class Cleaned:
    """What the product returned for one paste: its title and its article text."""

    title: str
    body: str

    @property
    def text(self) -> str:
        """The cleaned text the user gets: the title line, then the body."""
        return f"{self.title}\n{self.body}" if self.title else self.body


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


def _squash(text: str) -> str:
    """Whitespace runs as one space, so a snippet matches across the line breaks of a paste."""
    return " ".join(text.split())


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def normalise_title(text: str) -> str:
    """The form titles are compared in: NFKC, case-folded, quotes and dashes unified, whitespace squashed."""
    return _squash(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold())


def leaking_snippets(page: dict[str, Any]) -> list[str]:
    """The page's `without` snippets that are not part of its true text (squashed)."""
    truth = _squash(page.get("truth") or "")
    return [s for s in (_squash(w) for w in page.get("without") or ()) if s and s not in truth]


def leak_and_kept(pages: Sequence[dict[str, Any]], outputs: Sequence[str]) -> tuple[float, float]:
    """(share of pages leaking a boilerplate snippet, share of `with` snippets kept)."""
    squashed = [_squash(out) for out in outputs]
    leaked = sum(1 for page, out in zip(pages, squashed) if any(s in out for s in leaking_snippets(page)))
    with_total = sum(len(page.get("with") or ()) for page in pages)
    with_kept = sum(sum(1 for s in page.get("with") or () if _squash(s) in out) for page, out in zip(pages, squashed))
    return leaked / max(1, len(pages)), with_kept / max(1, with_total)


def normalised_match(want: str, got: str) -> bool:
    """The stricter title match of earlier rounds: every character but case, spacing, quotes and dashes."""
    return normalise_title(want) == normalise_title(got)


def title_match(
    pages: Sequence[dict[str, Any]], titles: Sequence[str], match: Callable[[str, str], bool] = title_matches
) -> tuple[float, int]:
    """(share of pages with a title whose chosen title matches it, number of such pages)."""
    pairs = [(page["title"], title) for page, title in zip(pages, titles) if (page.get("title") or "").strip()]
    right = sum(1 for want, got in pairs if match(want, got))
    return right / max(1, len(pairs)), len(pairs)


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def run_product(texts: Sequence[str], jobs: int = 2) -> list[Cleaned]:
    """Each text through `python -m bot extract --format json` as a .txt file."""
    with tempfile.TemporaryDirectory(prefix="pastes-") as folder:
        paths = write_documents(Path(folder), ((f"{i:05d}", ".txt", text) for i, text in enumerate(texts)))
        results = run_cli("extract", paths, jobs=jobs)
    return [Cleaned(r.get("title") or "", "" if r.get("error") else r.get("text") or "") for r in results]


def run_in_process(texts: Sequence[str]) -> list[Cleaned]:
    """The cleaner called directly (for quick study on the tune part only; reported figures use run_product)."""
    from bot.digest.extract.paste import clean_paste

    return [Cleaned(r.title, r.body) for r in map(clean_paste, texts)]


def _f1_row(task: str, system: str, pages: Sequence[dict[str, Any]], outputs: Sequence[str], target: str = "") -> Row:
    prf = shingle_scores((page["truth"], out) for page, out in zip(pages, outputs))
    return Row(task, system, "shingle F1", prf.f1, target, f"P={prf.precision:.3f} R={prf.recall:.3f} n={prf.pages}")


def paste_rows(name: str, pages: Sequence[dict[str, Any]], results: Sequence[Cleaned]) -> list[Row]:
    task = f"pastes: {name}"
    rows = [
        _f1_row(task, "paste as is", pages, [page["paste"] for page in pages]),
        _f1_row(task, "ours, title+body (judged)", pages, [r.text for r in results], ">= 0.93"),
        _f1_row(task, "ours, body only", pages, [r.body for r in results]),
    ]
    if not name.startswith("wcxb"):
        return rows
    paste_leak, paste_kept = leak_and_kept(pages, [page["paste"] for page in pages])
    leak, kept = leak_and_kept(pages, [r.text for r in results])
    rows += [
        Row(task, "paste as is", "chrome leak rate", paste_leak, "", "pages showing a `without` snippet not in the truth"),
        Row(task, "ours", "chrome leak rate", leak, "<= 0.04", "pages showing a `without` snippet not in the truth"),
        Row(task, "ours", "with-kept rate", kept, "", f"paste as is: {paste_kept:.3f}"),
    ]
    baseline, _ = title_match(pages, [first_line(page["paste"]) for page in pages])
    share, n = title_match(pages, [r.title for r in results])
    strict, _ = title_match(pages, [r.title for r in results], normalised_match)
    rows += [
        Row(task, "first line of the paste", "title right", baseline, "", f"n={n}"),
        Row(task, "ours", "title right", share, ">= 0.80", f"n={n}, the same words in order (bench.wcxb.title_matches)"),
        Row(task, "ours", "title right, exact characters", strict, "", f"n={n}, normalised exact match (earlier rounds)"),
    ]
    return rows


# --------------------------------------------------------------------------- #
# Clean text must survive whole
# --------------------------------------------------------------------------- #

_WORDS = re.compile(r"\w+")


def clean_documents(data_dir: Path) -> dict[str, list[tuple[str, list[str]]]]:
    """(text, its sentences) of already clean documents in four shapes, from hash samples of CNN Corpus and WikiWeasel."""
    shapes: dict[str, list[tuple[str, list[str]]]] = {
        "news, one paragraph, no title": [], "news, title + a sentence a line": [], "news, a sentence a line": [],
        "Wikipedia, a sentence a line": [],
    }
    with gzip.open(data_dir / "summarization" / "cnn-corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if hash_bucket(item["file"]) >= CLEAN_TEXT_BUCKETS:
                continue
            sentences = [html.unescape(e["text"]).strip() for block in item["paragraphs"] for e in block]
            sentences = [s for s in sentences if s]
            title = html.unescape(item["title"]).strip()
            shapes["news, one paragraph, no title"].append((" ".join(sentences), sentences))
            shapes["news, title + a sentence a line"].append((title + "\n\n" + "\n\n".join(sentences), sentences))
            shapes["news, a sentence a line"].append(("\n".join(sentences), sentences))
    with gzip.open(data_dir / "hedges" / "wikiweasel-train.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        wiki = [" ".join(row["text"].split()) for row in csv.DictReader(handle)]
    wiki = [s for s in wiki if s]
    for start in range(0, min(len(wiki), 40 * 50), 40):  # the first 2,000 sentences in documents of 40
        sentences = wiki[start : start + 40]
        shapes["Wikipedia, a sentence a line"].append(("\n\n".join(sentences), sentences))
    return shapes


def whole(text: str, sentences: Sequence[str], result: Cleaned) -> bool:
    """Every sentence is in the body, in order and nothing else (but the document's own first line, a headline
    left in the body), and the title is none of the sentences."""
    body = _WORDS.findall(result.body)
    wanted = _WORDS.findall(" ".join(sentences))
    extra = body[: len(body) - len(wanted)] if body[len(body) - len(wanted) :] == wanted else None
    first = _WORDS.findall(first_line(text))
    title = normalise_title(result.title)
    return extra in ([], first) and not any(title and normalise_title(s) == title for s in sentences)


def clean_text_rows(data_dir: Path, runner: Callable[[Sequence[str]], list[Cleaned]]) -> list[Row]:
    rows = []
    for shape, documents in clean_documents(data_dir).items():
        results = runner([text for text, _ in documents])
        kept = sum(whole(text, sentences, r) for (text, sentences), r in zip(documents, results))
        rows.append(Row(f"pastes: clean text ({shape})", "ours", "kept whole", kept / max(1, len(documents)), "1.0", f"n={len(documents)}"))
    return rows


def evaluate(data_dir: Path, parts: Sequence[str] = ("wcxb-held-out", "scrapinghub"), runner: Callable[[Sequence[str]], list[Cleaned]] = run_product) -> list[Row]:
    groups = load_pages(data_dir)
    rows: list[Row] = []
    for name in parts:
        pages = groups[name]
        rows += paste_rows(name, pages, runner([page["paste"] for page in pages]))
    if (data_dir / "summarization").is_dir() and (data_dir / "hedges").is_dir():
        rows += clean_text_rows(data_dir, runner)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pastes", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--parts", default="held-out", choices=("held-out", "tune", "all"))
    parser.add_argument("--in-process", action="store_true", help="call the cleaner directly (tune study only)")
    args = parser.parse_args(argv)
    parts = {"held-out": ("wcxb-held-out", "scrapinghub"), "tune": ("wcxb-tune",), "all": ("wcxb-tune", "wcxb-held-out", "scrapinghub")}[args.parts]
    runner = run_in_process if args.in_process else run_product
    print(format_table(evaluate(args.data_dir, parts, runner)))
    print(f"split: {SPLIT_NOTE}; ScrapingHub never tuned on")


if __name__ == "__main__":
    main()
