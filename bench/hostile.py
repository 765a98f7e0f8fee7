"""Pathological content within the limits: what each costs and what it answers (issue 14; docs/SECURITY.md).

Every input is built in memory from a seed (no shared data needed) and runs through the product's path,
`bot.digest.pipeline.digest_document` on a `RawDocument` of the kind the command line gives a file of that
suffix, in a forked child with a CPU-time measurement (its own and its children's: a PDF is parsed in a
child process) and a wall-clock bound. Each kind runs at two sizes, x and 4x:

- `ratio`: CPU time per byte over that of a normal article (the seed article's sentences, `bench.synthetic`)
  of the same kind and byte size, measured in the same run (a normal article longer than `max_input_chars`
  would be refused, so above that size the normal cost is the one at the limit, scaled by bytes: marked *);
- `growth`: CPU time at 4x over CPU time at x. Linear work gives about 4; a quadratic step gives about 16.
- `answer`: a digest (summary sentences / figures / hedges) or the one-line error the user would read.

A few inputs also run through `python -m bot summarize --format json` as a subprocess, as a user's file would.

    python -m bench.hostile [--quick] [--only KIND,KIND] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import queue
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.synthetic import make_article, seed_sentences
from bot.digest.models import Digest
from bot.digest.sources import RawDocument
from bot.settings import DigestSettings

REPOSITORY = Path(__file__).resolve().parent.parent
SUFFIX = {"html": ".html", "text": ".txt", "pdf": ".pdf"}


@dataclass(frozen=True)
class Kind:
    name: str
    kind: str  # "html", "text" or "pdf": what the command line makes of a file with that suffix
    full: int  # units at the full size (4x); x is a quarter of it (quick: a sixteenth and a quarter)
    unit: str
    build: Callable[[int, random.Random], str | bytes]


# --------------------------------------------------------------------------- #
# The inputs. Each builder takes a count of units and a seeded random source.
# --------------------------------------------------------------------------- #

_WORDS = ("council", "budget", "canal", "district", "officials", "plan", "summer", "moorings", "critics", "season",
          "harbour", "bridge", "ferry", "tunnel", "market", "school", "river", "station", "library", "museum")
_MENU = ("Home", "News", "Sport", "Weather", "Contact us", "About", "Log in", "Sign up", "Privacy", "Terms",
         "Careers", "Shop", "Cart", "Search", "Menu", "Video", "Podcasts", "Opinion", "Culture", "Travel")
_HEDGES = ("may", "might", "could", "possibly", "perhaps", "appears to", "seems to", "is likely to", "suggests that",
           "it is thought that", "reportedly", "allegedly", "arguably", "probably")
_UNITS = ("kg", "km", "km/h", "%", "m²", "°C", "mg", "ml", "GB", "MHz", "€", "$", "ft", "lbs", "mm", "h", "min")


def _sentence(rng: random.Random, words: int = 8) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def nested_divs(count: int, rng: random.Random) -> str:
    """`count` nested <div>s, each opening with a sentence (the 5 MB page of 20,000 nested divs)."""
    return "<html><body>" + "".join(f"<div>{_sentence(rng, 36)} " for _ in range(count)) + "</div>" * count + "</body></html>"


def link_flood(count: int, rng: random.Random) -> str:
    """A short article, then `count` links in a list."""
    links = "".join(f"<li><a href='/story/{i}'>{rng.choice(_WORDS)} {rng.choice(_WORDS)} {i}</a></li>" for i in range(count))
    article = "".join(f"<p>{_sentence(rng, 20)} {_sentence(rng, 15)}</p>" for _ in range(6))
    return f"<html><head><title>Links</title></head><body><article>{article}</article><ul>{links}</ul></body></html>"


def big_table(count: int, rng: random.Random) -> str:
    """A short article and a table of `count` rows of four cells."""
    rows = "".join(f"<tr><td>{rng.choice(_WORDS)}</td><td>{rng.randint(1, 9999)}</td><td>{rng.random():.3f}</td>"
                   f"<td>{_sentence(rng, 4)}</td></tr>" for _ in range(count))
    article = "".join(f"<p>{_sentence(rng, 20)}</p>" for _ in range(6))
    return f"<html><body><article><h1>Table</h1>{article}<table>{rows}</table></article></body></html>"


def long_line(count: int, rng: random.Random) -> str:
    """One line of `count` letters with no space or punctuation."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(letters) for _ in range(count))


def long_line_after_article(count: int, rng: random.Random) -> str:
    """A short article, then one line of `count` letters with no space or punctuation."""
    article = "\n\n".join(" ".join(_sentence(rng, 12) for _ in range(3)) for _ in range(5))
    return article + "\n\n" + long_line(count, rng) + "\n"


def repeated_sentences(count: int, rng: random.Random) -> str:
    """`count` short sentences from a handful, in paragraphs of ten."""
    handful = [_sentence(rng, 3) for _ in range(5)]
    sentences = [rng.choice(handful) for _ in range(count)]
    return "\n\n".join(" ".join(sentences[i : i + 10]) for i in range(0, count, 10))


def digits_and_units(count: int, rng: random.Random) -> str:
    """`count` numbers with units, in lines of twelve (the figures stage's worst case)."""
    items = [f"{rng.randint(0, 99999):,}{rng.choice(('', '.5', '.25'))} {rng.choice(_UNITS)}" for _ in range(count)]
    return "\n".join(" ".join(items[i : i + 12]) for i in range(0, count, 12))


def all_hedges(count: int, rng: random.Random) -> str:
    """`count` sentences, each carrying one or more hedge cues."""
    def one() -> str:
        return (f"The {rng.choice(_WORDS)} {rng.choice(_HEDGES)} {rng.choice(('rise', 'fall', 'close', 'open'))} "
                f"and the {rng.choice(_WORDS)} {rng.choice(_HEDGES)} follow, {rng.choice(_HEDGES)} by {rng.randint(2, 90)} percent.")
    sentences = [one() for _ in range(count)]
    return "Hedges everywhere\n\n" + "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, count, 5))


_SCRIPTS = ("The council met on Tuesday.", "وافق المجلس على ميزانية جديدة.", "המועצה אישרה תקציב חדש.",
            "議会は火曜日に新しい予算を承認した。", "Совет утвердил новый бюджет.", "สภาอนุมัติงบประมาณใหม่",
            "ब्रिज बंद है।", "Ο δήμος ενέκρινε τον προϋπολογισμό.")
_ODD = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202c", "\u200f", "\u200e", "\u2066", "\u2069",
        "\x07", "\x1b", "\x00", "😀", "🎉🔥", "👨‍👩‍👧‍👦", "🇫🇷", "\u0301\u0302")


def mixed_scripts(count: int, rng: random.Random) -> str:
    """`count` sentences in eight scripts, strewn with zero-width, direction and control characters and emoji."""
    parts = []
    for i in range(count):
        sentence = rng.choice(_SCRIPTS)
        odd = "".join(rng.choice(_ODD) for _ in range(rng.randint(1, 4)))
        cut = rng.randint(0, len(sentence))
        parts.append(sentence[:cut] + odd + sentence[cut:] + ("\n\n" if i % 6 == 5 else " "))
    return "".join(parts)


def emoji_flood(count: int, rng: random.Random) -> str:
    """A short article drowned in `count` emoji (runs of them between its sentences)."""
    emoji = ("😀", "🎉", "🔥", "👍", "💯", "🚀", "❤️", "👨‍👩‍👧‍👦", "🇫🇷", "🏳️‍🌈")
    sentences = [_sentence(rng, 10) for _ in range(30)]
    per_gap = max(1, count // len(sentences))
    return "\n\n".join(s + " " + "".join(rng.choice(emoji) for _ in range(per_gap)) for s in sentences)


def menu_lines(count: int, rng: random.Random) -> str:
    """A paste of `count` lines of menu words."""
    return "\n".join(rng.choice(_MENU) for _ in range(count))


def script_blocks(count: int, rng: random.Random) -> str:
    """An article whose paragraphs sit among `count` <script> and <style> blocks."""
    blocks = []
    for i in range(count):
        if i % 2:
            blocks.append(f"<script>var x{i} = '{rng.choice(_WORDS)}'; if (x{i} < 3) {{ f({i}); }}</script>")
        else:
            blocks.append(f"<style>.c{i} {{ color: #{rng.randint(0, 0xFFFFFF):06x}; }}</style>")
        if i % max(1, count // 12) == 0:
            blocks.append(f"<p>{_sentence(rng, 18)} {_sentence(rng, 14)}</p>")
    return f"<html><head><title>Scripts</title></head><body><article>{''.join(blocks)}</article></body></html>"


_ENTITIES = ("&amp", "&#99999999;", "&#x;", "&#xD800;", "&nbsp", "&lt;&lt;&lt;", "&#0;", "&unknown;", "&#x110000;",
             "&;", "&#", "&&&&", "&am;p", "&#x1F600;", "&#65")


def malformed_entities(count: int, rng: random.Random) -> str:
    """Paragraphs whose words are interleaved with `count` malformed character references."""
    paragraphs = []
    per = 20
    for _ in range(max(1, count // per)):
        words = []
        for _ in range(per):
            words.append(rng.choice(_WORDS))
            words.append(rng.choice(_ENTITIES))
        paragraphs.append("<p>" + " ".join(words) + ".</p>")
    return "<html><head><title>Entities</title></head><body><article>" + "".join(paragraphs) + "</article></body></html>"


def stop_flood(count: int, rng: random.Random) -> str:
    """A line of `count` full stops between spaces, after a few words (pysbd gives a sentence per stop)."""
    return "Bridge closes " + ". " * count + " ".join(_sentence(rng, 40) for _ in range(2))


def dotted_abbreviations(count: int, rng: random.Random) -> str:
    """One line of `count` abbreviations with inner stops ("e.g.", "i.e.", "U.S.") and others, two words each."""
    forms = ("e.g.", "E.g.", "i.e.", "U.S.", "Mr.", "Dr.", "St.", "vs.", "No.", "etc.")
    return " ".join(f"{rng.choice(forms)} {rng.choice(_WORDS)} {rng.choice(_WORDS)}" for _ in range(count))


def long_number(count: int, rng: random.Random) -> str:
    """A sentence holding one number of `count` digits, in a short article."""
    digits = "".join(rng.choice("0123456789") for _ in range(count))
    article = " ".join(_sentence(rng, 12) for _ in range(6))
    return f"The budget rose to {digits} euros this year. {article}"


def hedge_sentence(count: int, rng: random.Random) -> str:
    """One sentence of `count` hedged clauses ("may", "could", "perhaps" ...), then a short article."""
    clauses = " and ".join(f"the {rng.choice(_WORDS)} {rng.choice(('may', 'might', 'could', 'perhaps'))} {rng.choice(('rise', 'fall'))}"
                           for _ in range(count))
    return "The plan says " + clauses + ".\n\n" + " ".join(_sentence(rng, 12) for _ in range(6))


def letter_list_line(count: int, rng: random.Random) -> str:
    """One line of `count` items lettered "a)", "b)", ... (pysbd's list step)."""
    return " ".join(f"{chr(97 + i % 26)}) {rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_WORDS)}" for i in range(count))


def arabic_commas(count: int, rng: random.Random) -> str:
    """One Arabic line of `count` clauses joined by Arabic commas."""
    clauses = ("وافق المجلس", "قال المسؤولون", "الخطة جديدة", "الميزانية كبيرة")
    return "، ".join(rng.choice(clauses) for _ in range(count)) + "."


def crowded_tag(count: int, rng: random.Random) -> str:
    """A short article inside one <div> with `count` attributes."""
    attributes = " ".join(f"data-{rng.choice(_WORDS)}{i}='{i}'" for i in range(count))
    article = "".join(f"<p>{_sentence(rng, 20)} {_sentence(rng, 15)}</p>" for _ in range(6))
    return f"<html><head><title>Attributes</title></head><body><div {attributes}>{article}</div></body></html>"


def empty_pdf(count: int, rng: random.Random) -> bytes:
    """A PDF of `count` pages without text (tests/helpers/pdf_maker.py)."""
    from tests.helpers.pdf_maker import pdf_bytes

    return pdf_bytes([[] for _ in range(count)])


KINDS: tuple[Kind, ...] = (
    Kind("nested_divs", "html", 20_000, "divs", nested_divs),
    Kind("link_flood", "html", 50_000, "links", link_flood),
    Kind("big_table", "html", 10_000, "rows", big_table),
    Kind("long_line", "text", 1_000_000, "letters", long_line),
    Kind("long_line_after_article", "text", 1_000_000, "letters", long_line_after_article),
    Kind("repeated_sentences", "text", 200_000, "sentences", repeated_sentences),
    Kind("digits_and_units", "text", 100_000, "numbers", digits_and_units),
    Kind("all_hedges", "text", 20_000, "sentences", all_hedges),
    Kind("mixed_scripts", "text", 40_000, "sentences", mixed_scripts),
    Kind("emoji_flood", "text", 400_000, "emoji", emoji_flood),
    Kind("menu_lines", "text", 10_000, "lines", menu_lines),
    Kind("script_blocks", "html", 10_000, "blocks", script_blocks),
    Kind("malformed_entities", "html", 40_000, "entities", malformed_entities),
    Kind("empty_pdf", "pdf", 2_000, "pages", empty_pdf),
    # shapes found by this benchmark's first runs (sixteenth session): superlinear before the fixes of that session
    Kind("stop_flood", "text", 200_000, "stops", stop_flood),
    Kind("dotted_abbreviations", "text", 80_000, "abbreviations", dotted_abbreviations),
    Kind("long_number", "text", 200_000, "digits", long_number),
    Kind("hedge_sentence", "text", 40_000, "clauses", hedge_sentence),
    Kind("letter_list_line", "text", 40_000, "items", letter_list_line),
    Kind("arabic_commas", "text", 100_000, "clauses", arabic_commas),
    Kind("crowded_tag", "html", 40_000, "attributes", crowded_tag),
)
CLI_KINDS = ("nested_divs", "long_line", "script_blocks", "empty_pdf")  # also run through `python -m bot summarize`


def document(kind: str, content: str | bytes, source: str) -> RawDocument:
    """What the command line's `read_file` makes of a file with this kind's suffix."""
    if kind == "pdf":
        assert isinstance(content, bytes)
        return RawDocument(source=source, text="", kind="pdf", data=content)
    assert isinstance(content, str)
    return RawDocument(source=source, text=content, kind=kind)  # type: ignore[arg-type]


def size_of(content: str | bytes) -> int:
    return len(content) if isinstance(content, bytes) else len(content.encode("utf-8"))


def answer_of(digest: Digest) -> str:
    """The answer in one short line: the error the user reads, or what the digest holds."""
    if digest.error is not None:
        return f"error: {digest.error}"
    return f"digest: {len(digest.summary)} summary / {len(digest.figures)} figures / {len(digest.hedges)} hedges"


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _child(results: "multiprocessing.Queue[Any]", raw: RawDocument, settings: DigestSettings) -> None:
    from bot.digest.pipeline import digest_document

    start = _cpu_seconds()
    digest = digest_document(raw, settings)
    results.put((_cpu_seconds() - start, answer_of(digest)))


def measure(raw: RawDocument, settings: DigestSettings, timeout: float) -> tuple[float | None, str]:
    """(CPU seconds, answer) of one digest in a forked child; (None, "over N s") when it runs past `timeout`."""
    context = multiprocessing.get_context("fork")
    results: "multiprocessing.Queue[Any]" = context.Queue()
    child = context.Process(target=_child, args=(results, raw, settings), daemon=True)
    child.start()
    try:
        cpu, answer = results.get(timeout=timeout)
    except queue.Empty:
        child.kill()
        child.join()
        return None, f"TIMEOUT: over {timeout:g} s wall time"
    child.join()
    return cpu, answer


def normal_content(kind: str, size: int, pool: Sequence[str]) -> str | bytes:
    """A normal article of about `size` bytes from the seed article's sentences (a PDF's normal twin: its text as a paste)."""
    words = max(60, size // 6)  # about six bytes a word; trimmed below
    article = make_article(pool, words, seed=size)
    return article.html if kind == "html" else article.text[:size]


@dataclass
class Row:
    name: str
    units: int
    unit: str
    size: int
    cpu: float | None
    normal_cpu: float
    normal_scaled: bool
    answer: str

    @property
    def ratio(self) -> float | None:
        return None if self.cpu is None or self.normal_cpu <= 0 else self.cpu / self.normal_cpu


class NormalCosts:
    """CPU time of a normal article of a kind and byte size, measured once a run; above the input limit scaled by bytes."""

    def __init__(self, settings: DigestSettings, timeout: float) -> None:
        self.settings = settings
        self.timeout = timeout
        self.pool = seed_sentences()
        self._seen: dict[tuple[str, int], float] = {}

    def cost(self, kind: str, size: int) -> tuple[float, bool]:
        text_kind = "text" if kind == "pdf" else kind
        limit = int(self.settings.max_input_chars * 0.9)
        measured = min(size, limit)
        key = (text_kind, measured)
        if key not in self._seen:  # CPU seconds per byte of the normal article nearest this size
            content = normal_content(text_kind, measured, self.pool)
            cpu, answer = measure(document(text_kind, content, "normal"), self.settings, self.timeout)
            if cpu is None or answer.startswith("error"):
                raise RuntimeError(f"the normal {text_kind} article of {measured} bytes was not digested: {answer}")
            self._seen[key] = cpu / size_of(content)
        return self._seen[key] * size, size > measured


def warm_up(pool: Sequence[str], settings: DigestSettings) -> None:
    """Load the libraries and models in this process once, so that each forked child measures only its digest."""
    from bot.digest.pipeline import digest_document

    for kind in ("text", "html"):
        digest_document(document(kind, normal_content(kind, 20_000, pool), "warm-up"), settings)


def sizes(kind: Kind, quick: bool) -> tuple[int, int]:
    large = kind.full // 4 if quick else kind.full
    return large // 4, large


def run_kind(kind: Kind, quick: bool, settings: DigestSettings, normals: NormalCosts, timeout: float, seed: int) -> list[Row]:
    rows = []
    for units in sizes(kind, quick):
        content = kind.build(units, random.Random(f"{seed}:{kind.name}:{units}"))
        size = size_of(content)
        cpu, answer = measure(document(kind.kind, content, kind.name), settings, timeout)
        normal_cpu, scaled = normals.cost(kind.kind, size)
        rows.append(Row(kind.name, units, kind.unit, size, cpu, normal_cpu, scaled, answer))
    return rows


def cli_answer(kind: Kind, units: int, seed: int, timeout: float) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, answer) of `python -m bot summarize --format json FILE` on this input."""
    content = kind.build(units, random.Random(f"{seed}:{kind.name}:{units}"))
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        path = Path(folder) / f"{kind.name}{SUFFIX[kind.kind]}"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        env = dict(os.environ, PYTHONPATH=str(REPOSITORY) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        argv = [sys.executable, "-m", "bot", "summarize", "--format", "json", "--", str(path)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        try:
            done = subprocess.run(argv, capture_output=True, text=True, cwd=REPOSITORY, env=env, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return timeout, float("nan"), f"TIMEOUT: over {timeout:g} s"
        wall = time.monotonic() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if len(lines) != 1:
        return wall, cpu, f"exit {done.returncode}, no JSON answer: {done.stderr.strip()[-200:]}"
    result = json.loads(lines[0])
    if result.get("error"):
        return wall, cpu, f"error: {result['error']} (exit {done.returncode})"
    return wall, cpu, f"digest: {len(result.get('summary', []))} summary sentences (exit {done.returncode})"


def _seconds(value: float | None) -> str:
    return "   -   " if value is None else f"{value:7.3f}"


def format_rows(rows: Sequence[Row]) -> str:
    lines = [f"{'input':<24} {'units':>9} {'bytes':>10} {'cpu s':>7} {'normal s':>9} {'ratio':>7} {'growth':>7}  answer"]
    previous: Row | None = None
    for row in rows:
        growth = ""
        if previous is not None and previous.name == row.name and previous.cpu and row.cpu is not None:
            growth = f"{row.cpu / previous.cpu:.1f}"
        ratio = "-" if row.ratio is None else f"{row.ratio:.1f}"
        star = "*" if row.normal_scaled else " "
        lines.append(f"{row.name:<24} {row.units:>9,} {row.size:>10,} {_seconds(row.cpu)} {row.normal_cpu:8.3f}{star} "
                     f"{ratio:>7} {growth:>7}  {row.answer[:110]}")
        previous = row
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a sixteenth and a quarter of the full sizes")
    parser.add_argument("--only", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("--timeout", type=float, default=120.0, help="wall seconds per input before it counts as a hang")
    parser.add_argument("--no-cli", action="store_true", help="skip the `python -m bot summarize` runs")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    chosen = [kind for kind in KINDS if not args.only or kind.name in args.only.split(",")]
    if not chosen:
        parser.error(f"no such kind; known: {', '.join(kind.name for kind in KINDS)}")
    settings = DigestSettings()
    normals = NormalCosts(settings, args.timeout)
    warm_up(normals.pool, settings)
    rows: list[Row] = []
    for kind in chosen:
        rows += run_kind(kind, args.quick, settings, normals, args.timeout, args.seed)
        print(format_rows(rows[-2:]).split("\n", 1)[1], flush=True)
    print()
    print("ratio: CPU time over a normal article's of the same kind and bytes (* scaled from the input limit);")
    print("growth: CPU time at 4x the units over that at x (linear work about 4).")
    print(format_rows(rows))
    if not args.no_cli:
        print("\n`python -m bot summarize --format json FILE` (a process each, at the larger size):")
        for kind in chosen:
            if kind.name in CLI_KINDS:
                wall, cpu, answer = cli_answer(kind, sizes(kind, args.quick)[1], args.seed, args.timeout)
                print(f"{kind.name:<24} wall {wall:6.2f} s  cpu {cpu:6.2f} s  {answer[:120]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
