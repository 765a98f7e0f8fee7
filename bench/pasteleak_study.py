"""Where the paste cleaner's chrome leaks sit on the tune pages, out of fold (eleventh session, issue 9).

    python -m bench.pasteleak_study ../shared/data [--out /tmp/pasteleak/NAME.json] [--leaks]

Each half of the WCXB tune pages (`tune[0::2]`, `tune[1::2]`, as bench.train_paste_cleaner.build) is scored
by line models fitted on the other half with the current code's features; the shipped decoding and the rule
headline turn the scores into the cleaned text (the trainer's own out-of-fold objective). Prints F1, leak and
the trainer's objective for each half and both; `--out` saves per-page figures to compare two code versions
(`--compare A.json B.json`); `--leaks` prints each leaking snippet with the kept line holding it: its
probability, its place in the kept span, its shape, and the lines around it. Tune pages only.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from bench.metrics import shingle_scores
from bench.pastes import Cleaned, _squash, leaking_snippets, load_pages
from bench.train_paste_cleaner import LEAK_WEIGHT, as_model, train_stages
from bot.digest.extract.paste.cleaner import as_clean_text, decode_lines
from bot.digest.extract.paste.model import DecodeSettings, PasteModel, model_path
from bot.digest.extract.paste.scoring import Analysis, analyse
from bot.digest.extract.paste.title import rule_title

log = logging.getLogger(__name__)


def shipped_decode() -> DecodeSettings:
    """The shipped file's decoding settings (read alone: the file's line models may not fit changed features)."""
    envelope = json.loads(model_path().read_text(encoding="utf-8"))
    return DecodeSettings.from_json(envelope["payload"]["decode"], str(model_path()))


def out_of_fold(tune: list[dict[str, Any]]) -> list[tuple[int, Analysis, PasteModel]]:
    """(half, analysis, fold model with the shipped decoding) of every tune page, scored by line models fitted on the other half."""
    halves = (tune[0::2], tune[1::2])
    decode = shipped_decode()
    found: dict[str, tuple[int, Analysis, PasteModel]] = {}
    for half, (scored, fitted_on) in enumerate(((halves[0], halves[1]), (halves[1], halves[0]))):
        fold_model = replace(as_model({**train_stages(fitted_on), "decode": asdict(DecodeSettings())}), decode=decode)
        found.update((str(page["id"]), (half, analyse(page["paste"], fold_model), fold_model)) for page in scored)
    return [found[str(page["id"])] for page in tune]


def page_figures(page: dict[str, Any], cleaned: Cleaned) -> dict[str, Any]:
    prf = shingle_scores([(page["truth"], cleaned.text)])
    out = _squash(cleaned.text)
    leaks = [s for s in leaking_snippets(page) if s in out]
    return {"id": str(page["id"]), "f1": prf.f1, "p": prf.precision, "r": prf.recall, "leaks": leaks}


def summary(pages: list[dict[str, Any]], outputs: list[Cleaned], halves: list[int]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, chosen in (("half0", {0}), ("half1", {1}), ("all", {0, 1})):
        picked = [(p, o) for p, o, h in zip(pages, outputs, halves) if h in chosen]
        f1 = shingle_scores((p["truth"], o.text) for p, o in picked).f1
        leaking = sum(1 for p, o in picked if any(s in _squash(o.text) for s in leaking_snippets(p)))
        leak = leaking / max(1, len(picked))
        result[name] = {"f1": round(f1, 5), "leak_pages": leaking, "leak": round(leak, 4), "objective": round(f1 - LEAK_WEIGHT * leak, 5)}
    return result


def _place(index: int, kept: list[int]) -> str:
    if not kept:
        return "-"
    rank = kept.index(index) if index in kept else sum(1 for k in kept if k < index)
    share = rank / max(1, len(kept) - 1)
    return "head" if share < 0.1 else "tail" if share > 0.9 else "mid"


def print_leaks(pages: list[dict[str, Any]], analyses: list[Analysis], outputs: list[Cleaned]) -> None:
    for page, analysis, cleaned in zip(pages, analyses, outputs):
        out = _squash(cleaned.text)
        leaks = [s for s in leaking_snippets(page) if s in out]
        if not leaks:
            continue
        kept_texts = set(cleaned.body.split("\n\n"))
        kept = [i for i, line in enumerate(analysis.lines) if line.text in kept_texts]
        print(f"== {page['id']} {page.get('url', '')} kept {len(kept)} of {len(analysis.lines)} lines")
        for snippet in leaks:
            hits = [i for i, line in enumerate(analysis.lines) if i in kept and snippet[:60] in _squash(line.text)]
            where = "title" if snippet in _squash(cleaned.title) else ""
            print(f"  leak: {snippet[:100]!r} {where}")
            for i in hits[:3]:
                line = analysis.lines[i]
                print(f"    line {i} p={analysis.probs[i]:.2f} {_place(i, kept)} blank {int(line.blank_before)}{int(line.blank_after)} words {len(line.text.split())}")
                for j in range(max(0, i - 3), min(len(analysis.lines), i + 4)):
                    mark = ">" if j == i else ("k" if j in kept else " ")
                    print(f"     {mark} {analysis.probs[j]:.2f} {analysis.lines[j].text[:110]!r}")


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m bench.pasteleak_study", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, nargs="?")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--leaks", action="store_true")
    parser.add_argument("--compare", nargs=2, type=Path)
    parser.add_argument("--cache", type=Path, help="pickle of the out-of-fold scores: read when there, else written (decoding studies)")
    args = parser.parse_args(argv)
    if args.compare:
        compare(*args.compare)
        return
    tune = load_pages(args.data_dir)["wcxb-tune"]
    if args.cache and args.cache.exists():
        scored = pickle.loads(args.cache.read_bytes())
    else:
        scored = out_of_fold(tune)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(scored))
    analyses = [a for _, a, _ in scored]
    results = (as_clean_text(a.lines, a.features) or decode_lines(a, m, rule_title) for _, a, m in scored)
    outputs = [Cleaned(r.title, r.body) for r in results]
    figures = summary(tune, outputs, [h for h, _, _ in scored])
    print(json.dumps(figures, indent=1))
    if args.leaks:
        print_leaks(tune, analyses, outputs)
    if args.out:
        args.out.write_text(json.dumps({"summary": figures, "pages": [page_figures(p, o) for p, o in zip(tune, outputs)]}), encoding="utf-8")


def compare(before_path: Path, after_path: Path) -> None:
    """Pages whose F1 or leak changed between two saved runs."""
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (before_path, after_path))
    print("before", json.dumps(before["summary"]))
    print("after ", json.dumps(after["summary"]))
    for b, a in zip(before["pages"], after["pages"]):
        if abs(b["f1"] - a["f1"]) > 0.005 or bool(b["leaks"]) != bool(a["leaks"]):
            print(f"{a['id']}: F1 {b['f1']:.3f} -> {a['f1']:.3f}  leaks {len(b['leaks'])} -> {len(a['leaks'])} {a['leaks'][:1]!r:.80} {b['leaks'][:1]!r:.80}")


if __name__ == "__main__":
    main()
