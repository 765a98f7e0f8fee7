"""Where the paste cleaner's leaks and F1 losses sit, stage by stage, out of fold on the WCXB tune pages
(thirteenth session, issue 9 target 4).

    python -m bench.pasteleak4_study ../shared/data leaks     # each leaking line: its place and the stage that kept it
    python -m bench.pasteleak4_study ../shared/data loss      # words of truth dropped / of chrome kept, by place and stage
    python -m bench.pasteleak4_study ../shared/data fit       # leaking pages with in-fold and out-of-fold line models
    python -m bench.pasteleak4_study ../shared/data grid      # the trainer's search with its grid's edges widened, nested

Reads the out-of-fold scores of `bench.pasteleak_study` (each half of the tune pages scored by line models fitted
on the other half; `--cache`, written on first use) and decodes them as the product does (the learned headline
chooser), keeping the keep-vector after every stage of `cleaner.decode_keep` (`staged_keep`, checked equal to
it). A line's place is "above", "inside" or "below" the lines labelled article (the trainer's `line_labels`).
Tune pages only.
"""

from __future__ import annotations

import argparse
import logging
import math
import pickle
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import pasteleak3_study
from bench.pasteleak3_study import decode_all, figures, halves_of
from bench.pasteleak_study import out_of_fold
from bench.train_paste_cleaner import GRID
from bench.pastes import _squash, leaking_snippets, load_pages
from bench.train_paste_cleaner import line_labels
from bot.digest.extract.paste import regions as regions_mod
from bot.digest.extract.paste import start as start_mod
from bot.digest.extract.paste.cleaner import TitleChooser, as_clean_text, decode_keep
from bot.digest.extract.paste.features import is_chrome_line, is_prose
from bot.digest.extract.paste.model import DecodeSettings, PasteModel
from bot.digest.extract.paste.phrases import line_words
from bot.digest.extract.paste.promo import drop_closing_calls, drop_promos, drop_testimonials
from bot.digest.extract.paste.scoring import Analysis, sigmoid
from bot.digest.extract.paste.title import choose_title

log = logging.getLogger(__name__)
Scored = list[tuple[int, Analysis, PasteModel]]
STAGES = ("viterbi", "extend", "sections", "start", "promo", "trim", "rescue", "final")


def staged_keep(analysis: Analysis, model: PasteModel, chooser: TitleChooser = choose_title) -> tuple[int | None, dict[str, list[bool]]]:
    """decode_keep step by step: (title index, keep-vector after each stage of STAGES)."""
    settings, lines, probs, features = model.decode, analysis.lines, analysis.probs, analysis.features
    out: dict[str, list[bool]] = {}
    shifted = probs
    if settings.logit_shift:
        shifted = [sigmoid(math.log(max(p, 1e-9) / max(1.0 - p, 1e-9)) + settings.logit_shift) for p in probs]
    counts = [len(line_words(line.text, 2000)) for line in lines]
    weights = [min(3.0, math.sqrt(1.0 + c / 10.0)) for c in counts] if settings.length_weighted else None
    keep = regions_mod.viterbi_keep(shifted, settings.switch_cost, weights)
    out["viterbi"] = keep
    if any(keep) and settings.extend_prob:
        keep = regions_mod.extend_regions(features, keep, probs, settings.extend_prob)
    out["extend"] = keep
    selected = regions_mod.select_lines(analysis, settings)  # the product's own (covers the no-region fall-back)
    out["sections"] = selected
    keep = start_mod.body_lines(analysis, settings)
    out["start"] = keep
    title = chooser(analysis, keep, model)
    if title is not None and keep[title] and sum(keep) == 1:
        title = None
    if settings.min_prob:
        keep = [k and p >= settings.min_prob for k, p in zip(keep, probs)]
    if settings.promo_cut:
        keep = drop_closing_calls(lines, drop_testimonials(lines, drop_promos(lines, keep)))
    out["promo"] = keep
    trimmed = regions_mod.trim_regions(features, keep, settings, probs)
    if not any(trimmed):
        trimmed = [k and is_prose(f) and not is_chrome_line(f) for k, f in zip(keep, features)]
    out["trim"] = trimmed
    keep = regions_mod.rescue_prose(lines, features, trimmed, settings, title)
    if title is not None:
        keep[title] = False
    out["rescue"] = keep
    out["final"] = keep
    return title, out


def kept_by(i: int, staged: dict[str, list[bool]]) -> str:
    """The stage after which line i was kept and stayed kept to the end."""
    stage = "final"
    for name in reversed(STAGES[:-1]):
        if not staged[name][i]:
            break
        stage = name
    return stage if stage != "final" else "rescue"


def dropped_by(i: int, staged: dict[str, list[bool]]) -> str:
    """The stage that last dropped line i ("never": no stage kept it)."""
    if not any(staged[name][i] for name in STAGES):
        return "never"
    last = "never"
    for a, b in zip(STAGES, STAGES[1:]):
        if staged[a][i] and not staged[b][i]:
            last = b
    return last


def place(i: int, labels: Sequence[int]) -> str:
    article = [j for j, y in enumerate(labels) if y]
    if not article:
        return "none"
    return "above" if i < article[0] else "below" if i > article[-1] else "inside"


def load_scored(tune: list[dict[str, Any]], cache: Path) -> Scored:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    scored = out_of_fold(tune)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(scored))
    return scored


def page_rows(page: dict[str, Any], analysis: Analysis, model: PasteModel) -> dict[str, Any] | None:
    """Title, stages, labels and leaking lines of one page (None: kept whole as clean text)."""
    if as_clean_text(analysis.lines, analysis.features) is not None:
        return None
    title, staged = staged_keep(analysis, model)
    assert (title, staged["final"]) == decode_keep(analysis, model), page["id"]
    labels = line_labels(analysis.lines, page["truth"])
    snippets = leaking_snippets(page)
    leaking = {}
    for i, line in enumerate(analysis.lines):
        if staged["final"][i] or i == title:
            found = [s for s in snippets if s[:60] in _squash(line.text)]
            if found:
                leaking[i] = found
    return {"title": title, "staged": staged, "labels": labels, "leaking": leaking}


def leaks(tune: list[dict[str, Any]], scored: Scored, verbose: bool) -> None:
    table: Counter[tuple[str, str]] = Counter()
    pages_by: dict[str, set[str]] = defaultdict(set)
    for page, (half, analysis, model) in zip(tune, scored):
        rows = page_rows(page, analysis, model)
        if rows is None or not rows["leaking"]:
            continue
        for i, found in rows["leaking"].items():
            where = "title" if i == rows["title"] else place(i, rows["labels"])
            stage = "title" if i == rows["title"] else kept_by(i, rows["staged"])
            table[(where, stage)] += 1
            pages_by[where].add(str(page["id"]))
            if verbose:
                line = analysis.lines[i]
                print(f"{page['id']} h{half} {where:6} {stage:8} p={analysis.probs[i]:.2f} w={len(line.text.split()):3} "
                      f"{line.text[:90]!r}")
    print("leaking lines by place x stage that kept them:")
    for (where, stage), n in sorted(table.items()):
        print(f"  {where:7} {stage:9} {n}")
    print({k: len(v) for k, v in pages_by.items()}, "pages", len(set().union(*pages_by.values())))


def loss(tune: list[dict[str, Any]], scored: Scored, show: int) -> None:
    dropped: Counter[tuple[str, str]] = Counter()
    kept: Counter[tuple[str, str, str]] = Counter()
    examples: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for page, (_, analysis, model) in zip(tune, scored):
        rows = page_rows(page, analysis, model)
        if rows is None:
            continue
        labels, staged, title = rows["labels"], rows["staged"], rows["title"]
        for i, line in enumerate(analysis.lines):
            n = len(line.text.split())
            on = staged["final"][i] or i == title
            if labels[i] and not on:
                key = (place(i, labels), dropped_by(i, staged))
                dropped[key] += n
                examples[key].append((n, str(page["id"]), line.text[:100]))
            elif not labels[i] and on:
                kind = "snippet" if i in rows["leaking"] else "other"
                stage = "title" if i == title else kept_by(i, staged)
                kept[(place(i, labels), stage, kind)] += n
                examples[(place(i, labels), f"kept {stage} {kind}")].append((n, str(page["id"]), line.text[:100]))
    print("words of truth lines dropped, by place x the stage that dropped them:")
    for key, n in sorted(dropped.items(), key=lambda kv: -kv[1]):
        print(f"  {key[0]:7} {key[1]:9} {n}")
    print("words of chrome lines kept, by place x stage that kept them x holds a `without` snippet:")
    for key, n in sorted(kept.items(), key=lambda kv: -kv[1]):
        print(f"  {key[0]:7} {key[1]:9} {key[2]:8} {n}")
    for key, items in sorted(examples.items(), key=lambda kv: -sum(x[0] for x in kv[1]))[:show]:
        print("==", key, sum(x[0] for x in items), "words on", len({x[1] for x in items}), "pages")
        for n, pid, text in sorted(items, reverse=True)[:8]:
            print(f"   {n:4} {pid} {text!r}")


def fit(tune: list[dict[str, Any]], scored: Scored) -> None:
    """Leaking pages per half with the fold's line models (out of fold) and with the shipped ones (in fold)."""
    from bot.digest.extract.paste.model import load_model
    from bot.digest.extract.paste.scoring import analyse

    shipped = load_model()
    for h in (0, 1):
        out_n = in_n = 0
        for page, (half, analysis, model) in zip(tune, scored):
            if half != h:
                continue
            for name, a, m in (("out", analysis, model), ("in", analyse(page["paste"], shipped), shipped)):
                rows = page_rows(page, a, m)
                if rows and rows["leaking"]:
                    if name == "out":
                        out_n += 1
                    else:
                        in_n += 1
        print(f"half {h}: leaking pages out of fold {out_n}, in fold (shipped line models) {in_n}")


# The trainer's grid with its two settings chosen at an edge (switch_cost 0.5, logit_shift 0.5) given a step beyond.
WIDER_GRID = tuple(
    (name, sorted({*values, *{"switch_cost": [0.25], "logit_shift": [1.0]}.get(name, [])})) for name, values in GRID
)


def search(tune: list[dict[str, Any]], scored: Scored, indices: Sequence[int], grid: Sequence[tuple[str, list[Any]]]) -> DecodeSettings:
    """The trainer's coordinate search (rule headline, F1 - LEAK_WEIGHT * leak, MIN_GAIN) over `grid` on `indices`."""
    return pasteleak3_study.search(tune, scored, indices, "text", grid)


def grid(tune: list[dict[str, Any]], scored: Scored) -> None:
    """Nested: the search on one half, scored on the other (learned chooser), with the trainer's grid and the wider one."""
    halves = halves_of(scored)
    shipped = asdict(scored[0][2].decode)
    for name, values in (("trainer's grid", GRID), ("wider grid", WIDER_GRID)):
        for h in (0, 1):
            chosen = search(tune, scored, halves[1 - h], values)
            f = figures([tune[i] for i in halves[h]], decode_all(scored, halves[h], chosen, choose_title))
            changed = {k: v for k, v in asdict(chosen).items() if v != shipped[k]}
            print(f"{name}: chosen on half {1 - h} {changed}; half {h}: F1 {f['f1']:.5f} leaking {len(f['leaking'])}", flush=True)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m bench.pasteleak4_study", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("command", choices=("leaks", "loss", "fit", "grid"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pasteleak4/oof.pkl"))
    parser.add_argument("--show", type=int, default=8)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    tune = load_pages(args.data_dir)["wcxb-tune"]
    scored = load_scored(tune, args.cache)
    if args.command == "leaks":
        leaks(tune, scored, args.verbose)
    elif args.command == "loss":
        loss(tune, scored, args.show)
    elif args.command == "grid":
        grid(tune, scored)
    else:
        fit(tune, scored)


if __name__ == "__main__":
    main()
