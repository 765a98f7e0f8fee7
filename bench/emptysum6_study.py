"""Digests whose summary is empty or thin while the page has text (issue 9, issue 10; fifteenth session, emptysum6).

Runs the product (`python -m bot summarize --format json`, `bench.product.run_cli`) over every WCXB tune page of every
type, the ScrapingHub 181 and the tune pastes (the samples of `bench.sweep`), and counts, per set, the digests whose
summary has no sentence ("empty") and those with fewer sentences than asked while the extracted text holds enough
sentences ("thin"). "Asked" is what the pipeline asks for by default (`sentence_count_for` of the text's sentences,
3 to 5); "enough" means the text holds at least that many sentences a reader would take as one (no heading, at least
`features.MIN_WORDS` words, ending on a stop). With `--reference DIR` the same documents go through another checkout
(`git archive main | tar -x -C DIR`) and the pages whose summary differs are listed.

    python -m bench.emptysum6_study /work/shared/data [--repository DIR] [--reference /tmp/emptysum6/base] [--examples 10]
        [--held-out]

Answers are cached in /tmp/emptysum6/ by the checkout's code and the sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.product import REPOSITORY, run_cli, write_documents
from bench.splits import wcxb_part
from bench.sweep import Item, _hash, paste_items, scrapinghub_items, wcxb_items
from bot.digest.front_rules import count_words
from bot.digest.models import Sentence
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.summarize.features import MIN_WORDS
from bot.digest.summarize.summarizer import sentence_count_for

CACHE = Path("/tmp/emptysum6")
MIN_SENTENCES, MAX_SENTENCES = 3, 5  # the settings' defaults (`DigestSettings`)
_STOPS = ".!?…。！？"


@dataclass(frozen=True)
class Verdict:
    set: str
    id: str
    shown: int  # summary sentences in the JSON
    asked: int  # what the pipeline asks for by default
    full: int  # the text's sentences a reader would take as one
    words: int  # the extracted text's words

    @property
    def empty(self) -> bool:
        return self.shown == 0 and self.words > 0

    @property
    def thin(self) -> bool:
        return 0 < self.shown < self.asked <= self.full


def all_items(data: Path) -> list[Item]:
    """Every WCXB tune page, the ScrapingHub 181 and every tune paste."""
    return wcxb_items(data, 10**6) + scrapinghub_items(data) + paste_items(data, 10**6)


def held_out_items(data: Path) -> list[Item]:
    """Every WCXB held-out page (run once, at the end, for the variant recommended)."""
    items = []
    with gzip.open(data / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if wcxb_part(str(page["id"])) == "held-out":
                items.append(Item(f"wcxb-{page['type']}", str(page["id"]), ".html", page["html"], url=page.get("url") or ""))
    return items


def _code_key(repository: Path) -> str:
    """The checkout's bot/ code, as a hash (a `git archive` export has no HEAD)."""
    done = subprocess.run(
        "find bot -name '*.py' -o -name '*.json' | sort | xargs cat | sha1sum", shell=True, capture_output=True, text=True,
        cwd=repository, check=False,
    )
    return done.stdout.split()[0][:12]


def run_items(items: list[Item], repository: Path = REPOSITORY) -> list[dict[str, Any]]:
    """The command line's JSON for every item from `repository`'s code, cached by that code and the sample."""
    key = _hash(_code_key(repository) + "|" + "|".join(f"{i.set}:{i.id}" for i in items))[:12]
    cached = CACHE / f"answers-{key}.jsonl"
    if cached.exists():
        return [json.loads(line) for line in cached.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory(prefix="emptysum6-") as folder:
        paths = write_documents(Path(folder), ((f"{n:04d}_{i.set}_{i.id[:16]}", i.suffix, i.text) for n, i in enumerate(items)))
        results = run_cli("summarize", paths, batch=60, jobs=1, repository=repository)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    return results


def full_sentences(sentences: list[Sentence]) -> int:
    """Sentences a reader would take as one: no heading, at least MIN_WORDS words, ending on a stop."""
    return sum(
        1 for s in sentences
        if not s.is_heading and count_words(s.text) >= MIN_WORDS and s.text.rstrip().rstrip("\"'”’»)]")[-1:] in _STOPS
    )


def judge(item: Item, result: dict[str, Any]) -> Verdict | None:
    """The verdict on one answer, or None for a failed source."""
    if result.get("error"):
        return None
    text = result.get("text") or ""
    sentences = split_sentences(text, result.get("language") or "en")
    asked = sentence_count_for(len(sentences), MIN_SENTENCES, MAX_SENTENCES)
    return Verdict(item.set, item.id, len(result.get("summary") or []), asked, full_sentences(sentences), count_words(text))


def table(verdicts: list[Verdict]) -> list[str]:
    rows = ["| set | digests | empty | thin | median words (empty) | median words (thin) |", "|---|---|---|---|---|---|"]
    by_set: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_set[verdict.set].append(verdict)
    for name in sorted(by_set) + ["all"]:
        group = verdicts if name == "all" else by_set[name]
        empty = [v.words for v in group if v.empty]
        thin = [v.words for v in group if v.thin]
        rows.append(
            f"| {name} | {len(group)} | {len(empty)} | {len(thin)} | {statistics.median(empty) if empty else '-'} "
            f"| {statistics.median(thin) if thin else '-'} |"
        )
    return rows


def show_examples(verdicts: list[Verdict], results: dict[tuple[str, str], dict[str, Any]], limit: int) -> None:
    for kind in ("empty", "thin"):
        chosen = [v for v in verdicts if getattr(v, kind)][:limit]
        for v in chosen:
            result = results[(v.set, v.id)]
            head = " / ".join(line for line in (result.get("text") or "").split("\n") if line.strip())[:300]
            print(f"{kind} {v.set} {v.id}: {v.shown} of {v.asked} asked, {v.full} full sentences, {v.words} words: {head}")
            for entry in result.get("summary") or []:
                print(f"    - {entry['text'][:160]}")


def compare(items: list[Item], ours: list[dict[str, Any]], theirs: list[dict[str, Any]], show_text: bool = True) -> None:
    changed = [(i, a, b) for i, a, b in zip(items, ours, theirs) if [s["text"] for s in a.get("summary") or []]
               != [s["text"] for s in b.get("summary") or []]]
    print(f"\n{len(changed)} summaries differ from the reference")
    for item, a, b in changed:
        print(f"{item.set} {item.id}: reference {len(b.get('summary') or [])} -> {len(a.get('summary') or [])} sentences")
        if not show_text:  # the held-out pages' text is never looked at
            continue
        for entry in a.get("summary") or []:
            print(f"    + {entry['text'][:160]}")
        for entry in b.get("summary") or []:
            print(f"    - {entry['text'][:160]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--repository", type=Path, default=REPOSITORY, help="the checkout (or export) whose code runs")
    parser.add_argument("--reference", type=Path, default=None, help="another checkout's export to run and compare with")
    parser.add_argument("--examples", type=int, default=10)
    parser.add_argument("--held-out", action="store_true", help="the WCXB held-out pages instead (once, at the end)")
    args = parser.parse_args(argv)
    items = held_out_items(args.data) if args.held_out else all_items(args.data)
    answers = run_items(items, args.repository)
    verdicts = [v for item, result in zip(items, answers) if (v := judge(item, result)) is not None]
    by_key = {(i.set, i.id): r for i, r in zip(items, answers)}
    print(f"{len(items)} documents, {len(items) - len(verdicts)} failed")
    print("\n".join(table(verdicts)))
    show_examples(verdicts, by_key, 0 if args.held_out else args.examples)
    if args.reference is not None:
        reference = run_items(items, args.reference)
        ref_verdicts = [v for item, result in zip(items, reference) if (v := judge(item, result)) is not None]
        print("\nreference:")
        print("\n".join(table(ref_verdicts)))
        compare(items, answers, reference, show_text=not args.held_out)


if __name__ == "__main__":
    main()
