"""Speed of the digest pipeline against the obvious reference pipeline, measured in one run.

    python -m bench.speed DATA_DIR [--quick] [--profile] [--reference-100k]
    python -m bench.speed DATA_DIR --check-splits
    python -m bench.speed DATA_DIR --splitting [--quick]
    python -m bench.speed DATA_DIR --html [--quick]
    python -m bench.speed DATA_DIR --against GIT_REVISION [--quick]

Ours is `digest_document` (extract, clean, language, sentences, summary, figures,
hedges). The reference is trafilatura's `extract` with default settings, then
sumy's LexRankSummarizer over sumy's PlaintextParser with our word/sentence
tokenizer (`RegexTokenizer`), English stemmer and stop words, asked for as many
sentences as our digest gave. Each document is timed for ours and then for the
reference, one after the other, so load on the (shared) machine hits both alike;
all results are ratios against the reference from the same run. Times are the
CPU time of this process (`time.process_time`; BLAS is pinned to one thread), which
other work on a shared host disturbs far less than elapsed time; the elapsed-time
throughput is given in the notes.

`--against REV` times this checkout's `digest_document` against the code of a git
revision (`git archive`), both imported in this one process and alternated round
by round, on the ScrapingHub HTML pages (articles), WCXB dev HTML pages with their
addresses (seven page types; 40 with --quick, else 300, by a hash of the id), the 100k-word
text and the two paste sets (CPU, best of the rounds),
and says whether the two give identical digests: the way to measure a speed-up on
a loaded machine.

Memory is measured in a separate, untimed pass with tracemalloc (peak Python
allocations while digesting one document; lxml's C allocations are not seen),
and as the process's maximum resident set size at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import gzip
import hashlib
import importlib
import io
import json
import os
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Iterator, Sequence

# The pipeline first: it pins BLAS to one thread before numpy is imported.
from bot.digest.pipeline import digest_document  # isort: skip

import trafilatura
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from bench.checkouts import export_bot, from_checkout, modules_in_place, own_bot_modules
from bench.metrics import shingle_scores
from bench.report import Row, format_table
from bench.synthetic import make_article, sentence_pool
from bot.digest.language import language_detector
from bot.digest.models import Digest, DigestError
from bot.digest.pipeline import extract_article
from bot.digest.segment import sentence_splitter
from bot.digest.segment.sumy_adapter import RegexTokenizer
from bot.digest.sources import RawDocument
from bot.discord_app.heap import settle_collector
from bot.discord_app.worker_pool import warm_up_documents
from bot.settings import DigestSettings

REPO = Path(__file__).resolve().parent.parent
LONG_SIZES = (1_000, 10_000, 100_000)
WCXB_QUICK = 20  # WCXB dev pastes timed with --quick (the first by a hash of their id); a full run times all
WCXB_HTML_AGAINST = 300  # WCXB dev pages `--against` times without --quick (by a hash of their id; all 1,497 take too long)
STAGE_TARGET_MS = 3.0  # every stage but extraction, per HTML page (issue 14)
MEMORY_DIGESTS = 200
_SPACE = re.compile(r"[ \t\u00a0]+")


# -- data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    id: str
    document: RawDocument
    truth: str = ""


def _by_hash(item_id: str) -> str:
    return hashlib.sha1(item_id.encode()).hexdigest()


def html_pages(data_dir: Path) -> list[Item]:
    root = data_dir / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for page_id, entry in sorted(truth.items()):
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        items.append(Item(page_id, RawDocument(source=page_id, text=raw, kind="html"), entry.get("articleBody", "")))
    return items


def wcxb_html_pages(data_dir: Path) -> list[Item]:
    """Every WCXB dev page with its address (as the bot reads a link), tune and held-out alike (a
    speed set, no setting is chosen on it): the seven page types, where the ScrapingHub set is articles."""
    items = []
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            page_id = f"wcxb-{entry['id']}"
            items.append(Item(page_id, RawDocument(source=page_id, text=entry["html"], kind="html", url=entry.get("url") or None)))
    return items


def pastes(path: Path) -> list[Item]:
    opener = gzip.open if path.suffix == ".gz" else open
    items = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            entry = json.loads(line)
            if entry.get("paste") and entry.get("truth"):
                page_id = str(entry["id"])
                items.append(Item(page_id, RawDocument(source=page_id, text=entry["paste"], kind="text"), entry["truth"]))
    return items


def sample(items: Sequence[Item], size: int | None) -> list[Item]:
    """The `size` items with the smallest id hash (deterministic, spread over the set), in id order."""
    if size is None or size >= len(items):
        return list(items)
    chosen = sorted(items, key=lambda item: _by_hash(item.id))[:size]
    return sorted(chosen, key=lambda item: item.id)


# -- the reference pipeline ------------------------------------------------------------


class ReferencePipeline:
    """trafilatura.extract (defaults), then sumy's LexRank with our tokenizer and English stemmer/stop words."""

    def __init__(self) -> None:
        self.tokenizer = RegexTokenizer("en")
        self.stemmer = Stemmer("english")
        self.stop_words = frozenset(get_stop_words("english"))

    def extract(self, document: RawDocument) -> str:
        if document.kind == "html":
            return trafilatura.extract(document.text) or ""
        return document.text

    def digest(self, document: RawDocument, count: int) -> tuple[str, list[str]]:
        text = self.extract(document)
        if not text.strip():
            return "", []
        parsed = PlaintextParser.from_string(text, self.tokenizer).document
        summarizer = LexRankSummarizer(self.stemmer)
        summarizer.stop_words = self.stop_words
        return text, [str(sentence) for sentence in summarizer(parsed, count)]


# -- timing ----------------------------------------------------------------------------


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)  # CPU time of this process per document
    failures: int = 0
    wall: float = 0.0  # elapsed time over all documents
    collector: float = 0.0  # CPU seconds of it in the garbage collector (`CollectorClock`)
    collections: int = 0

    @property
    def collector_ms(self) -> float:
        """The collector's CPU ms per document."""
        return self.collector / len(self.seconds) * 1000 if self.seconds else 0.0

    @property
    def wall_throughput(self) -> float:
        return len(self.seconds) / self.wall if self.wall else 0.0

    @property
    def throughput(self) -> float:
        total = sum(self.seconds)
        return len(self.seconds) / total if total else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0

    @property
    def p95_ms(self) -> float:
        if len(self.seconds) < 2:
            return self.median_ms
        return statistics.quantiles(self.seconds, n=20, method="inclusive")[18] * 1000


@dataclass
class PairRun:
    ours: Timings
    reference: Timings
    our_texts: list[str]
    reference_texts: list[str]


class CollectorClock:
    """The garbage collector's CPU time and collections while it is on (`gc.callbacks`), so a run can say how much
    of a digest the collector took under the settings it ran with (docs/PERFORMANCE.md, ninth session)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started
            self.collections += 1

    def __enter__(self) -> CollectorClock:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)


def digest_count(digest: Digest, settings: DigestSettings) -> int:
    return len(digest.summary) or settings.min_sentences


def run_pair(items: Sequence[Item], settings: DigestSettings, reference: ReferencePipeline) -> PairRun:
    run = PairRun(Timings(), Timings(), [], [])
    with CollectorClock() as clock:
        for item in items:
            _run_one(item, settings, reference, run, clock)
    return run


def _run_one(item: Item, settings: DigestSettings, reference: ReferencePipeline, run: PairRun, clock: CollectorClock) -> None:
    """One document through ours, then the reference; each side's CPU and wall time and its collector's share."""
    collector, collections = clock.seconds, clock.collections
    start, start_wall = time.process_time(), time.perf_counter()
    digest = digest_document(item.document, settings)
    middle, middle_wall = time.process_time(), time.perf_counter()
    run.ours.collector += clock.seconds - collector
    run.ours.collections += clock.collections - collections
    collector, collections = clock.seconds, clock.collections
    text, summary = reference.digest(item.document, digest_count(digest, settings))
    end, end_wall = time.process_time(), time.perf_counter()
    run.reference.collector += clock.seconds - collector
    run.reference.collections += clock.collections - collections
    run.ours.seconds.append(middle - start)
    run.reference.seconds.append(end - middle)
    run.ours.wall += middle_wall - start_wall
    run.reference.wall += end_wall - middle_wall
    run.ours.failures += digest.error is not None
    run.reference.failures += not summary
    run.our_texts.append(digest.text if digest.error is None else "")
    run.reference_texts.append(text)


def traced_peaks(function: Callable[[RawDocument], object], documents: Iterable[RawDocument]) -> list[float]:
    """Peak traced Python allocations (MB) while `function` handles each document, one at a time."""
    peaks = []
    tracemalloc.start()
    try:
        for document in documents:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            function(document)
            peaks.append((tracemalloc.get_traced_memory()[1] - base) / 1e6)
    finally:
        tracemalloc.stop()
    return peaks


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# -- start-up --------------------------------------------------------------------------

_STARTUP_SCRIPT = """
import json, sys, time
start = time.process_time()
from bot.digest.pipeline import digest_document
from bot.digest.sources import RawDocument
from bot.settings import DigestSettings
imported = time.process_time()
text = open(sys.argv[1], encoding="utf-8").read()
document = RawDocument(source="seed", text=text, kind="text")
digest_document(document, DigestSettings())
first = time.process_time()
digest_document(document, DigestSettings())
second = time.process_time()
print(json.dumps({"import": imported - start, "first": first - imported, "warm": second - first}))
"""


def startup_cost() -> dict[str, float]:
    """Import time and the first digest's extra cost (profiles, models), in a fresh interpreter."""
    seed = REPO / "seeds" / "syrian-officers-defect.txt"
    result = subprocess.run(
        [sys.executable, "-c", _STARTUP_SCRIPT, str(seed)], cwd=REPO, capture_output=True, text=True, check=True,
        env=_command_environment(),
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- the benchmark ---------------------------------------------------------------------


def _pair_rows(task: str, run: PairRun, target: str) -> list[Row]:
    ours, ref = run.ours, run.reference
    ratio = ours.throughput / ref.throughput if ref.throughput else 0.0
    return [
        Row(task, "ours", "articles/s", ours.throughput, note=f"{ours.failures} failed; wall {ours.wall_throughput:.2f}/s"),
        Row(task, "reference", "articles/s", ref.throughput, note=f"{ref.failures} failed; wall {ref.wall_throughput:.2f}/s"),
        Row(task, "ours / reference", "throughput ratio", ratio, target),
        Row(task, "ours", "median ms", ours.median_ms),
        Row(task, "reference", "median ms", ref.median_ms),
        Row(task, "ours", "p95 ms", ours.p95_ms),
        Row(task, "reference", "p95 ms", ref.p95_ms),
        Row(task, "ours / reference", "p95 latency ratio", ours.p95_ms / ref.p95_ms if ref.p95_ms else 0.0),
        Row(task, "ours", "collector ms", ours.collector_ms, note=f"{ours.collections} collections; gc.callbacks"),
        Row(task, "reference", "collector ms", ref.collector_ms, note=f"{ref.collections} collections"),
    ]


def _memory_rows(task: str, documents: Sequence[RawDocument], settings: DigestSettings, reference: ReferencePipeline) -> list[Row]:
    ours = traced_peaks(lambda d: digest_document(d, settings), documents)
    ref = traced_peaks(lambda d: reference.digest(d, settings.min_sentences), documents)
    return [
        Row(task, "ours", "peak traced MB (max)", max(ours), note=f"tracemalloc, {len(documents)} docs"),
        Row(task, "reference", "peak traced MB (max)", max(ref), note=f"tracemalloc, {len(documents)} docs"),
        Row(task, "ours / reference", "peak traced MB ratio", max(ours) / max(ref) if max(ref) else 0.0),
    ]


def best_cpu_seconds(function: Callable[[], object], repeats: int = 3) -> float:
    """The least CPU time of `repeats` runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def long_document_rows(
    data_dir: Path | None, settings: DigestSettings, reference: ReferencePipeline, reference_100k: bool
) -> list[Row]:
    pool = sentence_pool(data_dir)
    rows: list[Row] = []
    ours_per_word: dict[tuple[str, int], float] = {}
    ref_per_word: dict[int, float] = {}
    for size in LONG_SIZES:
        article = make_article(pool, size)
        words = article.words
        task = f"long document, {size:,} words"
        repeats = 3 if size <= 10_000 else 1
        for kind, text in (("text", article.text), ("html", article.html)):
            document = RawDocument(source=f"synthetic-{size}", text=text, kind=kind)
            digest = digest_document(document, settings)
            seconds = best_cpu_seconds(lambda: digest_document(document, settings), repeats)
            ours_per_word[(kind, size)] = seconds / words
            target = "< 1 s" if size == 100_000 else ""
            note = f"{words} words, {len(digest.summary)} sentences" + (f", error: {digest.error}" if digest.error else "")
            rows.append(Row(task, f"ours ({kind})", "seconds", seconds, target, note))
        document = RawDocument(source=f"synthetic-{size}", text=article.text, kind="text")
        if size < 100_000 or reference_100k:
            seconds = best_cpu_seconds(lambda: reference.digest(document, settings.max_sentences), 1 if size > 1_000 else repeats)
            ref_per_word[size] = seconds / words
            rows.append(Row(task, "reference (text)", "seconds", seconds))
        elif 10_000 in ref_per_word:
            # LexRank compares every pair of sentences: time grows with the square of the length
            estimate = ref_per_word[10_000] * 10_000 * (words / 10_000) ** 2
            ref_per_word[size] = estimate / words
            rows.append(Row(task, "reference (text)", "seconds", estimate, note="EXTRAPOLATED (quadratic) from 10k, not run"))
        if size in ref_per_word:
            rows.append(
                Row(task, "ours (text) / reference", "speed ratio", ref_per_word[size] / ours_per_word[("text", size)])
            )
    rows += long_splitting_rows(pool)
    long_document = RawDocument("synthetic-100000", make_article(pool, 100_000).text, "text")
    rows += stage_rows("stages, CPU ms for one 100,000-word text", [long_document], settings, targets=False)
    for kind in ("text", "html"):
        growth = ours_per_word[(kind, 100_000)] / ours_per_word[(kind, 1_000)]
        rows.append(Row("long documents", f"ours ({kind})", "time/word 100k : 1k", growth, "<= 1.3 (linear)"))
    if 100_000 in ref_per_word:
        note = "" if reference_100k else "from the extrapolated 100k time"
        rows.append(Row("long documents", "reference (text)", "time/word 100k : 1k", ref_per_word[100_000] / ref_per_word[1_000], note=note))
    return rows


def splitter_rows(data_dir: Path, quick: bool = False) -> list[Row]:
    """The splitter against stock pysbd on the pages and paste sets, alone on the long documents, and the
    stages of the 100k-word text (`--splitting`)."""
    settings = DigestSettings()
    html = html_pages(data_dir)
    scrapinghub = pastes(data_dir / "pastes" / "scrapinghub.jsonl")
    wcxb = pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz")
    if quick:
        html, scrapinghub, wcxb = sample(html, 40), sample(scrapinghub, 30), sample(wcxb, WCXB_QUICK)
    warm_up([html[0], scrapinghub[0]], settings, ReferencePipeline())
    rows = splitting_rows(f"sentence splitting ({len(html)} HTML pages)", article_texts(html, settings))
    rows += splitting_rows(f"sentence splitting ({len(scrapinghub)} scrapinghub pastes)", article_texts(scrapinghub, settings))
    rows += splitting_rows(f"sentence splitting ({len(wcxb)} WCXB article pastes)", article_texts(wcxb, settings))
    rows += stage_rows(f"stages, CPU ms per HTML page ({len(html)} pages)", [i.document for i in html], settings)
    pool = sentence_pool(data_dir)
    rows += long_splitting_rows(pool)
    long_document = RawDocument("synthetic-100000", make_article(pool, 100_000).text, "text")
    rows += stage_rows("stages, CPU ms for one 100,000-word text", [long_document], settings, targets=False)
    return rows


def long_splitting_rows(pool: Sequence[str]) -> list[Row]:
    """The splitter alone on the long documents: seconds, and its growth per word from 1,000 to 100,000 words."""
    rows: list[Row] = []
    per_word: dict[int, float] = {}
    for size in LONG_SIZES:
        article = make_article(pool, size)
        seconds = best_cpu_seconds(lambda: sentence_splitter.split_sentences(article.text, "en"), 3 if size <= 10_000 else 1)
        per_word[size] = seconds / article.words
        rows.append(Row(f"long document, {size:,} words", "ours: sentence splitting", "seconds", seconds))
    growth = per_word[100_000] / per_word[1_000]
    rows.append(Row("long documents", "ours: sentence splitting", "time/word 100k : 1k", growth, "<= 1.3 (linear)"))
    return rows


def warm_up(items: Sequence[Item], settings: DigestSettings, reference: ReferencePipeline) -> None:
    """Imports are done; load langdetect's profiles, stemmers, models and lxml once before timing, and
    what the bot's workers load at start (justext's stop lists: whichever side first met a short page
    would otherwise pay 0.3 s inside its timing). Then the collector is set as in the bot's warm workers
    (`settle_collector`: the warm heap frozen, a higher young threshold); a process-wide setting, so the
    reference, timed in this process, runs under it too."""
    for document in [item.document for item in items] + warm_up_documents():
        digest_document(document, settings)
        reference.digest(document, settings.min_sentences)
    settle_collector()


def html_rows(html: Sequence[Item], settings: DigestSettings, reference: ReferencePipeline) -> list[Row]:
    """Throughput of ours and the reference on the HTML pages, and both extractions' shingle F1."""
    html_run = run_pair(html, settings, reference)
    rows = _pair_rows(f"html -> digest ({len(html)} pages)", html_run, ">= 3")
    truths = [item.truth for item in html]
    task = f"html extraction quality ({len(html)} pages)"
    return rows + [
        Row(task, "ours", "shingle F1", shingle_scores(zip(truths, html_run.our_texts)).f1, ">= reference"),
        Row(task, "reference", "shingle F1", shingle_scores(zip(truths, html_run.reference_texts)).f1),
    ]


def html_only_rows(data_dir: Path, quick: bool = False) -> list[Row]:
    """The HTML rows of a full run alone (throughput against the reference, F1, the stage table)."""
    settings, reference = DigestSettings(), ReferencePipeline()
    html = html_pages(data_dir)
    html = sample(html, 40) if quick else html
    warm_up([html[0]], settings, reference)
    rows = html_rows(html, settings, reference)
    return rows + stage_rows(f"stages, CPU ms per HTML page ({len(html)} pages)", [i.document for i in html], settings)


def evaluate(data_dir: Path, quick: bool = False, reference_100k: bool = False) -> list[Row]:
    settings = DigestSettings()
    reference = ReferencePipeline()
    rows: list[Row] = []

    startup = startup_cost()
    rows.append(Row("start-up (fresh interpreter)", "ours", "import seconds", startup["import"]))
    rows.append(
        Row("start-up (fresh interpreter)", "ours", "first-digest extra s", startup["first"] - startup["warm"],
            note="language profile table, stemmers, models")
    )

    rows += command_rows()

    html = html_pages(data_dir)
    scrapinghub = pastes(data_dir / "pastes" / "scrapinghub.jsonl")
    wcxb = pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz")
    if quick:
        html, scrapinghub, wcxb = sample(html, 40), sample(scrapinghub, 30), sample(wcxb, WCXB_QUICK)
    warm_up([html[0], scrapinghub[0]], settings, reference)

    rows += html_rows(html, settings, reference)
    for name, items in (("scrapinghub pastes", scrapinghub), ("WCXB dev article pastes", wcxb)):
        rows += _pair_rows(f"text -> digest ({name}, {len(items)})", run_pair(items, settings, reference), ">= 4")
    rows += splitting_rows(f"sentence splitting ({len(html)} HTML pages)", article_texts(html, settings))
    rows += splitting_rows(f"sentence splitting ({len(scrapinghub)} scrapinghub pastes)", article_texts(scrapinghub, settings))
    rows += stage_rows(f"stages, CPU ms per HTML page ({len(html)} pages)", [i.document for i in html], settings)
    rows += stage_rows(f"stages, CPU ms per paste ({len(scrapinghub)} scrapinghub pastes)", [i.document for i in scrapinghub], settings, targets=False)

    memory_docs = 10 if quick else 30
    rows += _memory_rows("memory, html pages", [i.document for i in sample(html, memory_docs)], settings, reference)
    rows += _memory_rows("memory, pastes", [i.document for i in sample(scrapinghub, memory_docs)], settings, reference)
    # ours only: tracing LexRank's 25 million sentence pairs would take many minutes
    long_text = make_article(sentence_pool(data_dir), 100_000).text
    peak = max(traced_peaks(lambda d: digest_document(d, settings), [RawDocument("synthetic", long_text, "text")]))
    rows.append(Row("memory, 100k-word text", "ours", "peak traced MB (max)", peak, note="tracemalloc"))

    rows += long_document_rows(data_dir, settings, reference, reference_100k)
    rows.append(Row("whole run", "this process", "max RSS MB", max_rss_mb(), note="ru_maxrss, ours and reference together"))
    rows += bot_memory_rows(data_dir, MEMORY_DIGESTS // 2 if quick else MEMORY_DIGESTS)
    if not quick:  # pages, pastes and 19 languages in turn: what a worker meets after its first 50
        rows += bot_memory_rows(data_dir, MEMORY_DIGESTS, mix=True)
    return rows


def article_texts(items: Sequence[Item], settings: DigestSettings) -> list[tuple[str, str]]:
    """(article text, detected language) of each item, as the pipeline hands them to the splitter."""
    texts = []
    for item in items:
        try:
            text = extract_article(item.document, settings).text
        except DigestError:
            continue
        texts.append((text, language_detector.identify(text)))
    return texts


def splitting_rows(task: str, texts: Sequence[tuple[str, str]], repeats: int = 3) -> list[Row]:
    """Our splitter against stock pysbd on every line (the splits it is pinned to), on the same texts in one run."""

    def split_all(split: Callable[[str, str], object]) -> Callable[[], object]:
        return lambda: [split(text, code) for text, code in texts]

    ours = best_cpu_seconds(split_all(sentence_splitter.split_sentences), repeats)
    stock = best_cpu_seconds(split_all(sentence_splitter.pysbd_split_sentences), 1)
    identical = sum(
        sentence_splitter.split_sentences(text, code) == sentence_splitter.pysbd_split_sentences(text, code) for text, code in texts
    )
    languages = len({code for _, code in texts})
    return [
        Row(task, "ours", "ms per document", ours / len(texts) * 1000, f"<= {STAGE_TARGET_MS:g}", note=f"best of {repeats}"),
        Row(task, "stock pysbd, line by line", "ms per document", stock / len(texts) * 1000),
        Row(task, "ours / stock pysbd", "time ratio", ours / stock),
        Row(task, "ours = stock pysbd", "identical documents", identical, f"= {len(texts)}",
            note=f"sentences, paragraphs and headings; {languages} languages"),
    ]


def stage_rows(task: str, documents: Sequence[RawDocument], settings: DigestSettings, targets: bool = True) -> list[Row]:
    """CPU ms per document in each stage (see `counted_stages`), every stage but extraction against its target."""
    totals, whole = stage_totals(documents, settings)
    rows = []
    for label, seconds in stage_labels(totals):
        target = "" if label in UNTARGETED_STAGES or label == EXTRACTION_REST or not targets else f"<= {STAGE_TARGET_MS:g}"
        per_document = seconds / len(documents) * 1000
        rows.append(Row(task, label.strip(), "ms", per_document, target, note=f"{seconds / whole:.0%} of the digest"))
    rows.append(Row(task, "whole digest", "ms", whole / len(documents) * 1000))
    return rows


# -- the command line's start-up -------------------------------------------------------

SEED = "seeds/syrian-officers-defect.txt"
COMMANDS = (  # (what, arguments after `python`, target seconds on a quiet machine)
    ("python -c pass", ("-c", "pass"), None),
    ("python -m bot --help", ("-m", "bot", "--help"), 0.25),
    (f"python -m bot summarize {SEED}", ("-m", "bot", "summarize", SEED), 0.5),
)
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def _command_environment() -> dict[str, str]:
    """This environment, with Python allowed to write its bytecode caches: an installed package has them
    (pip compiles them), and without them every run would compile each module's source again."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_command(arguments: Sequence[str], repeats: int) -> tuple[float, float]:
    """The least wall and CPU seconds (this child's user + system) of `repeats` runs of `python arguments`,
    after one untimed run (which writes the bytecode caches)."""
    environment = _command_environment()
    subprocess.run([sys.executable, *arguments], cwd=REPO, capture_output=True, check=True, env=environment)
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, *arguments], cwd=REPO, capture_output=True, check=True, env=environment)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_wall = min(best_wall, wall)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best_wall, best_cpu


def import_profile(arguments: Sequence[str], top: int = 6) -> tuple[float, str]:
    """`python -X importtime`: seconds of all imports, and the packages whose modules took most (own time summed)."""
    result = subprocess.run([sys.executable, "-X", "importtime", *arguments], cwd=REPO, capture_output=True, text=True, check=True,
                            env=_command_environment())
    total = 0
    by_package: dict[str, int] = {}
    for found in map(_IMPORT_LINE.match, result.stderr.splitlines()):
        if found:
            own, cumulative, depth, name = int(found.group(1)), int(found.group(2)), found.group(3), found.group(4)
            total += 0 if depth else cumulative
            by_package[name.split(".")[0]] = by_package.get(name.split(".")[0], 0) + own
    heaviest = ", ".join(f"{name} {micros / 1000:.0f} ms" for name, micros in sorted(by_package.items(), key=lambda kv: -kv[1])[:top])
    return total / 1e6, heaviest


def command_rows(repeats: int = 5) -> list[Row]:
    """Wall and CPU time of the command line against `python -c pass`, least of `repeats` runs each."""
    rows = []
    base_wall = base_cpu = 0.0
    for what, arguments, target in COMMANDS:
        wall, cpu = run_command(arguments, repeats)
        task = f"start-up: {what}"
        if target is None:
            base_wall, base_cpu = wall, cpu
            rows.append(Row(task, "python", "wall seconds", wall, note=f"CPU {cpu:.3f} s; least of {repeats}"))
            continue
        imports, heaviest = import_profile(arguments)
        rows += [
            Row(task, "ours", "wall seconds", wall, f"< {target:g} (quiet machine)", note=f"least of {repeats}"),
            Row(task, "ours", "CPU seconds (user + system)", cpu, note=f"least of {repeats}; python -c pass {base_cpu:.3f} s"),
            Row(task, "ours / python -c pass", "wall ratio", wall / base_wall if base_wall else 0.0),
            Row(task, "ours / python -c pass", "CPU ratio", cpu / base_cpu if base_cpu else 0.0,
                note="the steadier figure on a busy host"),
            Row(task, "ours", "import seconds (-X importtime)", imports, note=f"heaviest: {heaviest}"),
        ]
    return rows


def bot_memory_rows(data_dir: Path, digests: int, mix: bool = False) -> list[Row]:
    """`python -m bench.bot_load DATA_DIR --memory N [--mix]`: the real bot against the fake Discord, in its own process."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.bot_load", str(data_dir), "--memory", str(digests), "--json", *(["--mix"] if mix else [])],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    return [Row(**row) for row in json.loads(result.stdout.strip().splitlines()[-1])]


# -- profile and split check -----------------------------------------------------------


# The pipeline's stages: (label, module, the function's name there). Each is wrapped in turn
# with a CPU-time counter (one clock read per call, unlike a profiler's per-function-call cost).
# Functions under one label add up. "  of which" rows are parts of the row above them that do not
# overlap, so what they leave of it is shown as "  of which the rest"; "    in trafilatura" rows are
# parts of trafilatura's own extraction (work the reference's `trafilatura.extract` does too).
EXTRACTION = "html extraction (trafilatura)"
TRAFILATURA = "  of which trafilatura"
STAGES = (
    # extract_article imports these when it first reads a page: wrapped where they are defined.
    ("html script pruning", "bot.digest.extract.html.prune", "drop_scripts_and_styles"),
    (EXTRACTION, "bot.digest.extract.html_extractor", "extract_html"),
    # What extraction spends beyond trafilatura's own extraction (the reference's cost too).
    ("  of which parse", "bot.digest.extract.html_extractor", "_parse"),
    # the element count, permalink anchors, code blocks (the spaces before inline gaps: in the page type's walk)
    ("  of which tree passes", "bot.digest.extract.html_extractor", "_NODES"),
    ("  of which tree passes", "bot.digest.extract.html_extractor", "drop_permalinks"),
    ("  of which tree passes", "bot.digest.extract.html_extractor", "code_in_preformatted"),
    (TRAFILATURA, "bot.digest.extract.html_extractor", "_extract"),
    ("    in trafilatura: tree copies", "trafilatura.core", "copy"),
    ("    in trafilatura: readability/jusText comparison", "trafilatura.core", "compare_extraction"),
    ("    in trafilatura: escalation gate (html2txt)", "trafilatura.core", "html2txt"),
    # the same steps where our extractor runs them (trafilatura_run: trafilatura's functions in
    # bare_extraction's order); trafilatura.core's rows still count its recall retry and fallback.
    ("    in trafilatura: tree copies", "bot.digest.extract.html.trafilatura_run", "copy"),
    ("    in trafilatura: readability/jusText comparison", "bot.digest.extract.html.trafilatura_run", "compare_extraction"),
    ("    in trafilatura: escalation gate (html2txt)", "bot.digest.extract.html.trafilatura_run", "html2txt"),
    ("    in trafilatura: comments", "bot.digest.extract.html.trafilatura_run", "extract_comments"),
    ("    in trafilatura: its main extractor", "bot.digest.extract.html.trafilatura_run", "extract_content"),
    ("    in trafilatura: the bound that skips readability", "bot.digest.extract.html.trafilatura_run", "keeps_own_extraction"),
    # scan_page: the type, and the spaces before inline gaps done by the same walk (htmlspeed6)
    ("  of which page type", "bot.digest.extract.html_extractor", "scan_page"),
    ("  of which page metadata, title", "bot.digest.extract.html_extractor", "read_metadata"),
    ("  of which region (not on articles)", "bot.digest.extract.html_extractor", "region_text"),
    ("  of which region (not on articles)", "bot.digest.extract.html_extractor", "card_region_text"),
    ("  of which region (not on articles)", "bot.digest.extract.html_extractor", "drop_named"),
    ("  of which article frame", "bot.digest.extract.html_extractor", "article_text"),
    ("  of which trafilatura's meta tags, JSON-LD", "bot.digest.extract.html_extractor", "examine_meta"),
    ("  of which trafilatura's meta tags, JSON-LD", "bot.digest.extract.html_extractor", "extract_meta_json"),
    ("  of which author search", "bot.digest.extract.html_extractor", "extract_author"),
    ("  of which date search", "bot.digest.extract.html_extractor", "find_date"),
    ("  of which text rendering", "bot.digest.extract.html_extractor", "render_text"),
    ("paste cleaning", "bot.digest.pipeline", "clean_paste"),
    ("input screening", "bot.digest.pipeline", "screen_text"),
    ("language detection", "bot.digest.pipeline", "detect_language"),
    ("sentence splitting", "bot.digest.pipeline", "split_sentences"),
    ("summary", "bot.digest.pipeline", "summarize"),
    ("  of which sentence similarities", "bot.digest.summarize.features", "similarities"),
    ("hedge marking", "bot.digest.pipeline", "mark_sentence"),
    ("hedge register (per text)", "bot.digest.pipeline", "text_register"),
    ("figures", "bot.digest.pipeline", "find_figures"),
)
UNTARGETED_STAGES = {"html script pruning", EXTRACTION, "paste cleaning"} | {label for label, _, _ in STAGES if label.startswith("  ")}
EXTRACTION_REST = "  of which the rest"


def stage_labels(totals: dict[str, float]) -> list[tuple[str, float]]:
    """(label, CPU seconds) of each stage that ran, in STAGES' order, once each; after extraction's
    parts, what they leave of it (the extractor's own glue and the functions no row names)."""
    rows: list[tuple[str, float]] = []
    for label in dict.fromkeys(label for label, _, _ in STAGES):
        if label in totals:
            rows.append((label, totals[label]))
        if label == "  of which text rendering" and EXTRACTION in totals:  # the last part of extraction
            parts = sum(seconds for name, seconds in totals.items() if name.startswith("  of which") and _is_extraction_part(name))
            rows.append((EXTRACTION_REST, totals[EXTRACTION] - parts))
    return rows


def _is_extraction_part(label: str) -> bool:
    """A part of the extractor's time: a function it calls itself (not a stage of the later pipeline)."""
    return any(stage == label and module == "bot.digest.extract.html_extractor" for stage, module, _ in STAGES)


@contextlib.contextmanager
def counted_stages(totals: dict[str, float]) -> Iterator[None]:
    """Add each stage's CPU seconds to `totals` while in the block; the functions are restored after."""
    replaced: list[tuple[object, str, object]] = []

    def counted(function: Callable[..., object], label: str) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + time.process_time() - start

        return run

    try:
        for label, module_name, name in STAGES:
            module = importlib.import_module(module_name)
            function = getattr(module, name, None)
            if function is not None:
                replaced.append((module, name, function))
                setattr(module, name, counted(function, label))
        yield
    finally:
        for module, name, function in replaced:
            setattr(module, name, function)


def stage_totals(documents: Sequence[RawDocument], settings: DigestSettings) -> tuple[dict[str, float], float]:
    """CPU seconds in each stage over `documents`, and over the whole digests."""
    totals: dict[str, float] = {}
    start = time.process_time()
    with counted_stages(totals):
        for document in documents:
            digest_document(document, settings)
    return totals, time.process_time() - start


def stage_table(documents: Sequence[RawDocument], settings: DigestSettings) -> str:
    """CPU seconds per document in each stage and its share of the whole digest."""
    totals, whole = stage_totals(documents, settings)
    lines = [f"{'stage':52} {'ms/doc':>9} {'share':>6}"]
    for label, seconds in stage_labels(totals):
        lines.append(f"{label:52} {seconds / len(documents) * 1000:9.1f} {seconds / whole:6.1%}")
    lines.append(f"{'whole digest':52} {whole / len(documents) * 1000:9.1f} {1:6.1%}")
    return "\n".join(lines)


def profile(data_dir: Path, top: int = 25) -> str:
    """Stage times (CPU) over 40 HTML pages, 40 pastes and a 100k-word text, then cProfile's cumulative listing."""
    settings = DigestSettings()
    pages = sample(html_pages(data_dir), 40)
    texts = sample(pastes(data_dir / "pastes" / "scrapinghub.jsonl"), 40)
    long_text = RawDocument("synthetic", make_article(sentence_pool(data_dir), 100_000).text, "text")
    warm_up([pages[0], texts[0]], settings, ReferencePipeline())
    out = io.StringIO()
    runs = (
        ("40 html pages", [p.document for p in pages]),
        ("40 scrapinghub pastes", [t.document for t in texts]),
        ("100k-word text", [long_text]),
    )
    for title, documents in runs:
        out.write(f"\n== stages: {title} (CPU time) ==\n{stage_table(documents, settings)}\n")
    for title, documents in runs:
        profiler = cProfile.Profile()
        profiler.enable()
        for document in documents:
            digest_document(document, settings)
        profiler.disable()
        out.write(f"\n== cProfile: {title} (elapsed time, inflated by the profiler) ==\n")
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def compare_splits(data_dir: Path) -> str:
    """Lines of every paste split by `split_line` (with its fast path) and by pysbd alone: documents that differ."""
    documents = [*pastes(data_dir / "pastes" / "scrapinghub.jsonl"), *pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz")]
    differing_documents = differing_lines = lines = 0
    fast_seconds = pysbd_seconds = 0.0
    for item in documents:
        differs = False
        for raw in item.document.text.split("\n"):
            line = _SPACE.sub(" ", raw).strip()
            if not line:
                continue
            lines += 1
            start = time.perf_counter()
            ours = sentence_splitter.split_line(line, "en")
            middle = time.perf_counter()
            theirs = sentence_splitter.pysbd_split_line(line, "en")
            fast_seconds += middle - start
            pysbd_seconds += time.perf_counter() - middle
            if ours != theirs:
                differing_lines += 1
                differs = True
        differing_documents += differs
    return (
        f"{len(documents)} pastes, {lines} lines: {differing_documents} documents and {differing_lines} lines split "
        f"differently; split_line {fast_seconds:.1f} s, pysbd alone {pysbd_seconds:.1f} s"
    )


def _digest_function(code_root: Path) -> Callable[[RawDocument], Digest]:
    """`digest_document` (with default settings) of the `bot` package under `code_root` (bench/checkouts.py).

    The pipeline imports its extractors inside `extract_article` (the command line's start-up): such an
    import finds whichever `bot` package sys.modules holds at the call, so each call runs with this
    version's modules put in place (without that, both versions ran this checkout's HTML extractor)."""
    def prepare(pipeline: ModuleType) -> Callable[[RawDocument], Digest]:
        settings = importlib.import_module("bot.settings").DigestSettings()
        # The models load on first use and find their files through the package then in place: load them now.
        for document in importlib.import_module("bot.discord_app.worker_pool").warm_up_documents():
            pipeline.digest_document(document, settings)
        own = own_bot_modules()

        def digest(document: RawDocument) -> Digest:
            with modules_in_place(own):
                return pipeline.digest_document(document, settings)

        return digest

    return from_checkout(code_root, "bot.digest.pipeline", prepare)


def _answer(digest: Callable[[RawDocument], Digest], document: RawDocument) -> str:
    """The digest's repr, or its error's (a WCXB page may hold no article, or too short a text)."""
    try:
        return repr(digest(document))
    except Exception as error:  # noqa: BLE001 (each version's own DigestError class: compared by message)
        return f"{type(error).__name__}: {error}"


def against_rows(data_dir: Path, revision: str, quick: bool = False, rounds: int = 5) -> list[Row]:
    """This checkout's digest against `revision`'s in one process (see `--against`): CPU per document, best of
    `rounds` alternated rounds, the time ratio, and whether every digest is the same (compared as their repr)."""
    import tempfile

    sets = {
        "scrapinghub HTML pages": [i.document for i in sample(html_pages(data_dir), 40 if quick else None)],
        "WCXB dev HTML pages": [i.document for i in sample(wcxb_html_pages(data_dir), 40 if quick else WCXB_HTML_AGAINST)],
        "a 100,000-word text": [RawDocument("synthetic-100000", make_article(sentence_pool(data_dir), 100_000).text, "text")],
        "scrapinghub pastes": [i.document for i in sample(pastes(data_dir / "pastes" / "scrapinghub.jsonl"), 40 if quick else None)],
        "WCXB dev article pastes": [i.document for i in sample(pastes(data_dir / "pastes" / "wcxb-dev-articles.jsonl.gz"), WCXB_QUICK if quick else None)],
    }
    rows = []
    with tempfile.TemporaryDirectory(prefix="speed-base-") as base_root:
        export_bot(REPO, revision, base_root)
        versions = {revision: _digest_function(Path(base_root)), "this checkout": _digest_function(REPO)}
        for name, documents in sets.items():
            answers = {version: [_answer(digest, d) for d in documents] for version, digest in versions.items()}  # warms both
            same = sum(a == b for a, b in zip(*answers.values()))
            best = {version: float("inf") for version in versions}
            order = list(versions.items())
            for round_number in range(rounds):
                for version, digest in order if round_number % 2 == 0 else order[::-1]:
                    started = time.process_time()
                    for document in documents:
                        _answer(digest, document)
                    best[version] = min(best[version], time.process_time() - started)
            task = f"digest against {revision}, CPU ms per document ({len(documents)} {name})"
            for version in versions:
                rows.append(Row(task, version, "ms", best[version] * 1000 / len(documents), note=f"best of {rounds} alternated rounds"))
            rows.append(Row(task, f"{revision} / this checkout", "time ratio", best[revision] / best["this checkout"],
                            note=f"{same}/{len(documents)} digests identical"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="the shared data folder, e.g. ../shared/data")
    parser.add_argument("--quick", action="store_true", help="samples instead of every page (for iterating)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of our pipeline instead")
    parser.add_argument("--reference-100k", action="store_true", help="also run the reference on 100k words (minutes)")
    parser.add_argument("--check-splits", action="store_true", help="compare sentence splits with pysbd alone on every paste")
    parser.add_argument("--splitting", action="store_true", help="only the sentence splitter's rows and the 100k-word stages")
    parser.add_argument("--html", action="store_true", help="only the HTML pages' rows: throughput against the reference, F1, stages")
    parser.add_argument("--against", metavar="GIT_REVISION",
                        help="only this checkout's digest CPU against the code of GIT_REVISION, in one process")
    args = parser.parse_args(argv)
    if args.against:
        print(format_table(against_rows(args.data_dir, args.against, quick=args.quick)))
        return 0
    if args.check_splits:
        print(compare_splits(args.data_dir))
        return 0
    if args.splitting:
        print(format_table(splitter_rows(args.data_dir, quick=args.quick)))
        return 0
    if args.profile:
        print(profile(args.data_dir))
        return 0
    started = time.perf_counter()
    load_before = os.getloadavg()
    if args.html:
        rows = html_only_rows(args.data_dir, quick=args.quick)
    else:
        rows = evaluate(args.data_dir, quick=args.quick, reference_100k=args.reference_100k)
    rows.append(Row("the machine", f"{os.cpu_count()} cores", "load average", load_before[1],
                    note=f"1/5/15 min: {'/'.join(f'{x:.1f}' for x in load_before)} at the start, "
                         f"{'/'.join(f'{x:.1f}' for x in os.getloadavg())} at the end"))
    print(format_table(rows))
    print(f"\n(run took {time.perf_counter() - started:.0f} s; machine load is shared, figures are noisy)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
