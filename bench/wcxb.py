"""HTML extraction on pages of every type: WCXB's dev split, measured through the command line.

    python -m bench.wcxb DATA_DIR [--part held-out|tune|all] [--url]

Data: `<data_dir>/wcxb-dev/wcxb-dev.jsonl.gz` (1,497 pages of seven types). Split: bench/splits.py
(sha1(id) mod 100 < 70 is tune, the rest held out); `evaluate` (what `bench.quality` runs)
reports the held-out part only. Pages whose truth is empty (21 pages the annotators found no
main content on) are left out of the F1 means and counted in the notes.

Ours is what `python -m bot extract --format json` prints for each page written to a .html
file (bench/product.py). Beside it, run here in the same process: trafilatura's `extract`
with default settings (given the page's address, as it always was) and trafilatura's
`baseline` extractor.

`--url` reads the link path instead: the bot fetching a posted link knows the page's address,
so each page runs as `python -m bot extract --format json --url URL FILE` (one process a page;
the command line takes `--url` with one source only). trafilatura gets the same address.
Without it the extractor has only the page's own og:url / canonical link.

Metric (WCXB's): the bag of lowercased `\\w+` tokens of the extracted text against the truth,
F1 per page, mean over pages; per page type and overall. Also printed:
- "no article text": pages answered "No article text was found" although trafilatura's
  defaults or its baseline find 50 words or more (target 0);
- title, author and date accuracy on pages whose WCXB record has one: title is a normalised
  exact match (the same words in the same order: Unicode NFKC, case-folded, punctuation,
  symbols such as ™ and emoji, and invisible format characters ignored; WCXB's titles write
  "Staple Tee - 5001" for the page's "Staple Tee 5001" and drop a trailing emoji), with the
  stricter match of earlier rounds (whitespace squashed, outer punctuation dropped) beside it;
  author the same strict match (or each listed name found), date the same calendar day.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

import trafilatura

from urllib.parse import urlsplit

from bench.product import run_cli, run_cli_each, write_documents
from bench.report import Row, format_table
from bench.splits import wcxb_part

DATA_FILE = Path("wcxb-dev") / "wcxb-dev.jsonl.gz"
TYPES = ("article", "documentation", "service", "product", "forum", "listing", "collection")
NO_TEXT = "No article text was found"
MIN_WORDS_FOUND = 50  # a reference that finds this many words found an article
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_OUTER_PUNCTUATION = " \t\n\"'“”‘’«».,:;!?|-–—"
# Quotes and dashes unified as bench/pastes.py does; a private-use icon glyph (a permalink mark) dropped.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u2013": "-", "\u2014": "-", "\u200b": None})
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
TARGETS = {"all": ">= 0.87", "article": ">= 0.94"}


@dataclass
class Page:
    id: str
    type: str
    url: str
    html: str
    truth: str
    title: str
    author: str
    date: str


@dataclass
class Output:
    """One system's answer for one page."""

    text: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    error: str = ""


@dataclass
class SystemScores:
    f1: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    meta: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))


def load_pages(data_dir: Path, part: str = "held-out") -> list[Page]:
    """WCXB dev pages of the chosen part ('tune', 'held-out' or 'all'), in file order."""
    pages = []
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            page_id = str(item["id"])
            if part != "all" and wcxb_part(page_id) != part:
                continue
            pages.append(
                Page(
                    id=page_id,
                    type=item["type"],
                    url=item.get("url") or "",
                    html=item["html"],
                    truth=item.get("truth") or "",
                    title=item.get("title") or "",
                    author=item.get("author") or "",
                    date=item.get("publish_date") or "",
                )
            )
    return pages


def word_f1(truth: str, predicted: str) -> float:
    """WCXB's metric: F1 of the bags of lowercased `\\w+` tokens."""
    true_bag = Counter(_TOKEN.findall(truth.lower()))
    predicted_bag = Counter(_TOKEN.findall(predicted.lower()))
    overlap = sum((true_bag & predicted_bag).values())
    if not overlap:
        return 1.0 if not true_bag and not predicted_bag else 0.0
    precision = overlap / sum(predicted_bag.values())
    recall = overlap / sum(true_bag.values())
    return 2 * precision * recall / (precision + recall)


def normalise(text: str) -> str:
    text = _PRIVATE_USE.sub("", unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES))
    return _SPACES.sub(" ", text).strip(_OUTER_PUNCTUATION)


def title_words(text: str) -> list[str]:
    """A title's words, case-folded: symbols (™, ®, emoji) and format characters (a soft hyphen) dropped first."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Cf"))
    return _TOKEN.findall(unicodedata.normalize("NFKC", kept).casefold().replace("_", " "))


def title_matches(expected: str, found: str) -> bool:
    return bool(found) and title_words(expected) == title_words(found)


def title_matches_exactly(expected: str, found: str) -> bool:
    """The stricter match of earlier rounds: every character but case, spacing and outer punctuation."""
    return normalise(expected) == normalise(found)


def author_matches(expected: str, found: str) -> bool:
    if not found:
        return False
    want, got = normalise(expected), normalise(found)
    if want == got:
        return True
    names = [normalise(name) for name in re.split(r"[,;&]| and ", expected) if name.strip()]
    return bool(names) and all(name in got for name in names)


def date_matches(expected: str, found: str) -> bool:
    return bool(found) and expected[:10] == found[:10]


def _word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def usable_address(url: str) -> bool:
    """An address `--url` accepts (http or https with a host); WCXB records all have one."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def run_ours(pages: list[Page], address: bool = False) -> list[Output]:
    """`python -m bot extract --format json` on each page written to a .html file;
    with `address`, each page alone with `--url` its WCXB address (the link path)."""
    with tempfile.TemporaryDirectory(prefix="wcxb-") as folder:
        paths = write_documents(Path(folder), ((page.id, ".html", page.html) for page in pages))
        if address:
            options = [["--url", page.url.strip()] if usable_address(page.url) else [] for page in pages]
            results = run_cli_each("extract", paths, options)
        else:
            results = run_cli("extract", paths)
    return [
        Output(
            text=result.get("text") or "",
            title=result.get("title") or "",
            author=result.get("author") or "",
            date=result.get("date") or "",
            error=result.get("error") or "",
        )
        for result in results
    ]


def run_trafilatura(page: Page, address: bool = True) -> Output:
    """trafilatura with default settings; metadata from the same call; given the page's address unless told not to."""
    document = trafilatura.bare_extraction(page.html, url=(page.url or None) if address else None, with_metadata=True)
    if document is None:
        return Output()
    return Output(
        text=document.text or "",
        title=document.title or "",
        author=document.author or "",
        date=document.date or "",
    )


def run_baseline(page: Page) -> Output:
    _, text, _ = trafilatura.baseline(page.html)
    return Output(text=text or "")


def _score(scores: SystemScores, page: Page, output: Output) -> None:
    if page.truth.strip():
        value = word_f1(page.truth, output.text)
        scores.f1[page.type].append(value)
        scores.f1["all"].append(value)
    for name, expected, found, match in (
        ("title", page.title, output.title, title_matches),
        ("title, exact characters", page.title, output.title, title_matches_exactly),
        ("author", page.author, output.author, author_matches),
        ("date", page.date, output.date, date_matches),
    ):
        if expected:
            scores.meta[name].append(match(expected, found))
            if name == "title":
                scores.meta[f"title: {page.type}"].append(match(expected, found))


def _f1_rows(task: str, system: str, scores: SystemScores, is_ours: bool) -> list[Row]:
    rows = []
    for kind in ("all", *TYPES):
        values = scores.f1.get(kind)
        if values:
            target = TARGETS.get(kind, ">= trafilatura") if is_ours else ""
            rows.append(Row(f"{task}: {kind}", system, "word F1", mean(values), target, f"n={len(values)}"))
    return rows


OURS = "ours (python -m bot extract)"
OURS_WITH_ADDRESS = "ours (python -m bot extract --url)"


def evaluate_pages(pages: list[Page], label: str, address: bool = False) -> list[Row]:
    """The table for these pages; with `address`, the link path: ours run with each page's `--url`
    (trafilatura is given the address either way)."""
    task = f"wcxb {label}" + (", with the page's address" if address else "")
    ours = run_ours(pages, address)
    reference = [run_trafilatura(page) for page in pages]
    baseline = [run_baseline(page) for page in pages]
    return score_systems(pages, task, ours, reference, baseline, OURS_WITH_ADDRESS if address else OURS)


def score_systems(
    pages: list[Page], task: str, ours: list[Output], reference: list[Output], baseline: list[Output], our_name: str = OURS
) -> list[Row]:
    systems = {
        our_name: ours,
        "trafilatura, default settings": reference,
        "trafilatura baseline": baseline,
    }
    scored: dict[str, SystemScores] = {}
    for name, outputs in systems.items():
        scored[name] = SystemScores()
        for page, output in zip(pages, outputs):
            _score(scored[name], page, output)
    rows: list[Row] = []
    for kind in ("all", *TYPES):
        for name, scores in scored.items():
            rows += [r for r in _f1_rows(task, name, scores, name.startswith("ours")) if r.task.endswith(f": {kind}")]
    missed = [
        page.id
        for page, mine, ref, base in zip(pages, ours, reference, baseline)
        if mine.error.startswith(NO_TEXT) and max(_word_count(ref.text), _word_count(base.text)) >= MIN_WORDS_FOUND
    ]
    errors = Counter(output.error.split(" (")[0] for output in ours if output.error)
    rows.append(
        Row(task, "ours", "'no article text' where a reference finds >= 50 words", len(missed), "0", " ".join(missed[:12]))
    )
    rows.append(Row(task, "ours", "pages answered with an error", sum(errors.values()), "", "; ".join(f"{n}x {e}" for e, n in errors.most_common(4))))
    empty = sum(1 for page in pages if not page.truth.strip())
    for name in ("title", "title, exact characters", "author", "date"):
        for system, target in ((our_name, ">= 0.90" if name == "title" else ""), ("trafilatura, default settings", "")):
            hits = scored[system].meta.get(name, [])
            rows.append(Row(f"{task}: metadata", system, f"{name} right", mean(hits) if hits else 0.0, target, f"n={len(hits)}"))
    for kind in TYPES:
        for system in (our_name, "trafilatura, default settings"):
            hits = scored[system].meta.get(f"title: {kind}", [])
            if hits:
                rows.append(Row(f"{task}: metadata", system, f"title right: {kind}", mean(hits), "", f"n={len(hits)}"))
    rows.append(Row(task, "-", "pages", len(pages), "", f"{empty} with an empty truth left out of F1"))
    return rows


def evaluate(data_dir: Path, with_url: bool = False) -> list[Row]:
    """The held-out part: what `python -m bench.quality` reports; `with_url` adds the link path's rows
    (each page read with its address) after the usual ones."""
    pages = load_pages(data_dir, "held-out")
    reference = [run_trafilatura(page) for page in pages]
    baseline = [run_baseline(page) for page in pages]
    rows = score_systems(pages, "wcxb held-out", run_ours(pages), reference, baseline)
    if with_url:
        link = run_ours(pages, address=True)
        rows += score_systems(pages, "wcxb held-out, with the page's address", link, reference, baseline, OURS_WITH_ADDRESS)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.wcxb", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--part", choices=("held-out", "tune", "all"), default="held-out")
    parser.add_argument("--url", action="store_true", help="the link path: run each page with its address (--url)")
    args = parser.parse_args(argv)
    print(format_table(evaluate_pages(load_pages(args.data_dir, args.part), args.part, address=args.url)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
