"""The paste cleaner of this checkout against a git revision's: identical output on every benchmark paste, and the time.

    python -m bench.pastespeed3_equivalence DATA_DIR [--against REV] [--rounds N]

Both `bot` packages are imported in this one process (`bench.checkouts`, as `bench.speed --against` does). For
every paste of `pastes/scrapinghub.jsonl` and `pastes/wcxb-dev-articles.jsonl.gz` (all 892, blank ones included)
it compares, as bytes or repr: the cleaned title and body, each line's own text features, the stage-1 matrix, the
line probabilities, and the decoder's headline index and kept-line flags. Then `clean_paste` alone is timed on the
181 ScrapingHub pastes and the WCXB pastes, best CPU of alternated rounds (a ratio, as the machine is shared).
Nothing is tuned here: a speed-up must change none of these (twelfth session, branch pastespeed3).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import hashlib
import importlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.checkouts import export_bot, from_checkout

REPO = Path(__file__).resolve().parents[1]
PASTE_FILES = ("scrapinghub.jsonl", "wcxb-dev-articles.jsonl.gz")


def load_pastes(data_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """(id, paste) of every line of each paste file, by file name."""
    sets: dict[str, list[tuple[str, str]]] = {}
    for name in PASTE_FILES:
        path = data_dir / "pastes" / name
        opener: Any = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            sets[name] = [(str(entry["id"]), entry.get("paste") or "") for entry in map(json.loads, handle)]
    return sets


def _fingerprints(package: Callable[[str], ModuleType]) -> Callable[[str], tuple[str, str]]:
    """A function giving, for one paste, the sha1 of (title, body) and of (features, stage-1 rows, probs, decoding)."""
    cleaner = package("bot.digest.extract.paste.cleaner")
    scoring = package("bot.digest.extract.paste.scoring")
    features = package("bot.digest.extract.paste.features")
    phrases = package("bot.digest.extract.paste.phrases")
    model = package("bot.digest.extract.paste.model").load_model()

    def fingerprint(text: str) -> tuple[str, str]:
        cleaned = cleaner.clean_paste(text)
        phrases.clear_line_caches()
        lines = scoring.paste_lines(text)
        own = features.own_features(lines)
        rows = features.line_features(lines, model.lexicon, own).tobytes() if lines else b""
        analysis = scoring.score_lines(lines, own, model)
        decoded = cleaner.decode_keep(analysis, model) if lines else (None, [])
        output = hashlib.sha1(repr((cleaned.title, cleaned.body)).encode()).hexdigest()
        inside = hashlib.sha1(repr((own, rows, analysis.probs, decoded)).encode()).hexdigest()
        return output, inside

    return fingerprint


def _version(code_root: Path | None, warm_up: list[str]) -> tuple[Callable[[str], tuple[str, str]], Callable[[str], Any]]:
    """(fingerprint, clean_paste) of this checkout (None) or of the `bot` package under `code_root`; the `warm_up`
    pastes are cleaned first, so that the models load while this package is in place."""
    def prepare(_: ModuleType) -> tuple[Callable[[str], tuple[str, str]], Callable[[str], Any]]:
        fingerprint = _fingerprints(importlib.import_module)
        for text in warm_up:
            fingerprint(text)
        return fingerprint, importlib.import_module("bot.digest.extract.paste.cleaner").clean_paste

    if code_root is None:
        return prepare(importlib.import_module("bot"))
    return from_checkout(code_root, "bot.digest.extract.paste.cleaner", prepare)


def best_times(versions: dict[str, Callable[[str], Any]], texts: list[str], rounds: int) -> dict[str, float]:
    """Best CPU seconds a pass over `texts`, each version in turn, the order alternating round by round."""
    best = {name: float("inf") for name in versions}
    order = list(versions.items())
    for number in range(rounds):
        for name, clean in order if number % 2 == 0 else order[::-1]:
            gc.collect()
            started = time.process_time()
            for text in texts:
                clean(text)
            best[name] = min(best[name], time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pastespeed3_equivalence", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", default="main", help="git revision to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=8, help="alternated timing rounds (0: equivalence only)")
    args = parser.parse_args(argv)
    sets = load_pastes(args.data_dir)
    with tempfile.TemporaryDirectory(prefix="pastespeed3-") as base_root:
        export_bot(REPO, args.against, base_root)
        warm_up = [text for pastes in sets.values() for _, text in pastes[:5]]
        base_fingerprint, base_clean = _version(Path(base_root), warm_up)
        fingerprint, clean = _version(None, warm_up)
        differing = 0
        for name, pastes in sets.items():
            outputs = inside = 0
            for paste_id, text in pastes:
                ours, theirs = fingerprint(text), base_fingerprint(text)
                outputs += ours[0] != theirs[0]
                inside += ours[1] != theirs[1]
                if ours != theirs:
                    print(f"  differs: {name} {paste_id}")
            differing += outputs + inside
            print(f"{name}: {len(pastes)} pastes; title/body differ on {outputs}, features/rows/probabilities/decoding on {inside}")
        for name, pastes in sets.items():
            if args.rounds <= 0:
                break
            texts = [text for _, text in pastes]
            best = best_times({args.against: base_clean, "this checkout": clean}, texts, args.rounds)
            per = {version: seconds * 1000 / len(texts) for version, seconds in best.items()}
            print(
                f"clean_paste, {name} ({len(texts)} pastes, best of {args.rounds} alternated rounds, CPU ms a paste): "
                f"{args.against} {per[args.against]:.3f}, this checkout {per['this checkout']:.3f}, ratio {per[args.against] / per['this checkout']:.3f}"
            )
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
