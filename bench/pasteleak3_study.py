"""Three leads on the paste cleaner's leaks, out of fold on the WCXB tune pages (twelfth session, issue 9 target 4).

    python -m bench.pasteleak3_study ../shared/data leaks                # where each leaking page leaks: headline or body
    python -m bench.pasteleak3_study ../shared/data objective [--variants text,body]
    python -m bench.pasteleak3_study ../shared/data stage3 [--columns 1,2,3] [--prose-prob 0.5] [--rescale]

Every command reads the out-of-fold scores of `bench.pasteleak_study` (each half of the tune pages scored by line
models fitted on the other half; `--cache`, written on first use) and decodes them as the cleaner does.

- `leaks`: the leaking pages under the trainer's rule headline and under the shipped (learned) chooser, each split
  into "headline only", "body" (a snippet in the body).
- `objective`: a nested check of the cleaner trainer's decoding search. For each half, the coordinate search
  (`bench.train_paste_cleaner.GRID`, `MIN_GAIN`, `LEAK_WEIGHT`) runs on the other half with the objective's leak
  counted on the rule headline and body (`text`, as shipped) or on the body alone (`body`), and the settings it
  picks are scored on the held half; then the search on all tune pages (what the trainer would ship).
- `stage3`: a third line model on top of the shipped scores: a logistic regression on the stage-2 logit and the
  line's vocabulary against the article's (share of the line's words of 5+ letters found in other prose lines:
  12+ words, ending a sentence, scoring `--prose-prob` or more), fitted on one half's lines and applied to the
  other's, then decoded with the shipped settings. Nothing here ships.
"""

from __future__ import annotations

import argparse
import logging
import math
import pickle
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.fitting import fit_logistic
from bench.metrics import shingle_scores
from bench.pasteleak_study import out_of_fold
from bench.pastes import Cleaned, _squash, leaking_snippets, load_pages
from bench.train_paste_cleaner import GRID, LEAK_WEIGHT, MIN_GAIN, line_labels
from bot.digest.extract.paste.cleaner import CleanedPaste, TitleChooser, as_clean_text, decode_lines
from bot.digest.extract.paste.features import ENDS_SENTENCE, LOG_WORDS
from bot.digest.extract.paste.model import DecodeSettings, PasteModel
from bot.digest.extract.paste.scoring import Analysis
from bot.digest.extract.paste.title import choose_title, rule_title

log = logging.getLogger(__name__)
Scored = list[tuple[int, Analysis, PasteModel]]


def decode_all(scored: Scored, indices: Sequence[int], decode: DecodeSettings | None, chooser: TitleChooser,
               analyses: dict[int, Analysis] | None = None) -> list[CleanedPaste]:
    """The cleaned pastes of `indices` (the fold model's decoding, or `decode`; `analyses` replace the scores)."""
    found = []
    for i in indices:
        _, analysis, model = scored[i]
        analysis = analyses[i] if analyses else analysis
        model = replace(model, decode=decode) if decode is not None else model
        found.append(as_clean_text(analysis.lines, analysis.features) or decode_lines(analysis, model, chooser))
    return found


def figures(pages: Sequence[dict[str, Any]], outputs: Sequence[CleanedPaste]) -> dict[str, Any]:
    """F1 of title+body and of the body, and the leaking pages: any, and by a snippet in the body."""
    texts = [Cleaned(o.title, o.body).text for o in outputs]
    snippets = [leaking_snippets(p) for p in pages]
    return {
        "f1": shingle_scores((p["truth"], t) for p, t in zip(pages, texts)).f1,
        "body_f1": shingle_scores((p["truth"], o.body) for p, o in zip(pages, outputs)).f1,
        "leaking": [str(p["id"]) for p, s, t in zip(pages, snippets, texts) if any(x in _squash(t) for x in s)],
        "body_leaking": [str(p["id"]) for p, s, o in zip(pages, snippets, outputs) if any(x in _squash(o.body) for x in s)],
    }


def _line(name: str, f: dict[str, Any]) -> str:
    return (f"{name}: F1 {f['f1']:.5f} body F1 {f['body_f1']:.5f} leaking {len(f['leaking'])} "
            f"(by the body {len(f['body_leaking'])}, by the headline only {len(f['leaking']) - len(f['body_leaking'])})")


def halves_of(scored: Scored) -> dict[int, list[int]]:
    return {h: [i for i, s in enumerate(scored) if s[0] == h] for h in (0, 1)}


def leaks(tune: list[dict[str, Any]], scored: Scored) -> None:
    for h, indices in halves_of(scored).items():
        pages = [tune[i] for i in indices]
        for name, chooser in (("rule headline", rule_title), ("learned chooser", choose_title)):
            f = figures(pages, decode_all(scored, indices, None, chooser))
            print(_line(f"half {h}, {name}", f))
            print("   headline only:", sorted(set(f["leaking"]) - set(f["body_leaking"])))


def search(
    tune: list[dict[str, Any]], scored: Scored, indices: Sequence[int], variant: str, grid: Sequence[tuple[str, Sequence[Any]]] = GRID
) -> DecodeSettings:
    """The trainer's coordinate search (rule headline, F1 - LEAK_WEIGHT * leak, MIN_GAIN) over `grid` on `indices`,
    its leak counted on title+body (`text`) or the body (`body`)."""
    pages = [tune[i] for i in indices]
    key = "body_leaking" if variant == "body" else "leaking"

    def objective(f: dict[str, Any]) -> float:
        return f["f1"] - LEAK_WEIGHT * len(f[key]) / len(pages)

    decode = DecodeSettings()
    best = figures(pages, decode_all(scored, indices, decode, rule_title))
    for name, values in grid:
        for value in values:
            if value == getattr(decode, name):
                continue
            trial = replace(decode, **{name: value})
            result = figures(pages, decode_all(scored, indices, trial, rule_title))
            if objective(result) > objective(best) + MIN_GAIN:
                best, decode = result, trial
    return decode


def objective_check(tune: list[dict[str, Any]], scored: Scored, variants: Sequence[str]) -> None:
    shipped = asdict(scored[0][2].decode)
    halves = halves_of(scored)
    for variant in variants:
        for h in (0, 1):
            chosen = search(tune, scored, halves[1 - h], variant)
            changed = {k: v for k, v in asdict(chosen).items() if v != shipped[k]}
            pages = [tune[i] for i in halves[h]]
            print(f"{variant}: chosen on half {1 - h}, settings other than shipped {changed}", flush=True)
            for name, chooser in (("rule headline", rule_title), ("learned chooser", choose_title)):
                print("   " + _line(f"half {h}, {name}", figures(pages, decode_all(scored, halves[h], chosen, chooser))), flush=True)
        chosen = search(tune, scored, halves[0] + halves[1], variant)
        print(f"{variant}: chosen on all tune pages, other than shipped {({k: v for k, v in asdict(chosen).items() if v != shipped[k]})}", flush=True)


_LONG_WORD = re.compile(r"[^\W\d_]{5,}")
_PROSE_WORDS = 12


def vocabulary_rows(analysis: Analysis, prose_prob: float) -> list[list[float]]:
    """Per line: the stage-2 logit; the share of its 5+-letter words found in one / two other prose lines; no such words."""
    words = [{w.lower() for w in _LONG_WORD.findall(line.text[:2000])} for line in analysis.lines]
    prose = [p >= prose_prob and bool(f[ENDS_SENTENCE]) and math.expm1(f[LOG_WORDS]) >= _PROSE_WORDS
             for p, f in zip(analysis.probs, analysis.features)]
    lines_with: dict[str, int] = {}
    for found, is_prose in zip(words, prose):
        if is_prose:
            for w in found:
                lines_with[w] = lines_with.get(w, 0) + 1
    rows = []
    for found, is_prose, p in zip(words, prose, analysis.probs):
        logit = math.log(max(p, 1e-6) / max(1.0 - p, 1e-6))
        if not found:
            rows.append([logit, 0.0, 0.0, 1.0])
            continue
        own = int(is_prose)
        rows.append([logit, *(sum(1 for w in found if lines_with.get(w, 0) - own >= k) / len(found) for k in (1, 2)), 0.0])
    return rows


def stage3(tune: list[dict[str, Any]], scored: Scored, columns: Sequence[int], prose_prob: float, rescale: bool) -> None:
    halves = halves_of(scored)
    data = {}
    for i, (_, analysis, _) in enumerate(scored):
        x = np.array(vocabulary_rows(analysis, prose_prob))[:, [0, *columns]]
        y = np.array(line_labels(analysis.lines, tune[i]["truth"]), dtype=float)
        scale = 30.0 / math.sqrt(max(1, len(analysis.lines)))  # the trainer's line weights
        w = np.array([scale * math.sqrt(1.0 + len(line.text[:2000].split())) for line in analysis.lines])
        data[i] = (x, y, w)
    rescored: dict[int, Analysis] = {}
    for h in (0, 1):
        fit_on = halves[1 - h]
        model = fit_logistic(*(np.concatenate([data[i][k] for i in fit_on]) for k in range(3)))
        print(f"half {h}: weights per unit {np.round(model.weights / model.scale, 3).tolist()} bias {model.bias:.3f}")
        for i in halves[h]:
            z = model.logits(data[i][0])
            if rescale:  # keep the logit's own scale: only the vocabulary columns and the bias move it
                z = z / (model.weights[0] / model.scale[0])
            rescored[i] = replace(scored[i][1], probs=[float(v) for v in 1.0 / (1.0 + np.exp(-z))])
    for h in (0, 1):
        pages = [tune[i] for i in halves[h]]
        for name, analyses in (("shipped scores", None), ("third stage", rescored)):
            for chooser_name, chooser in (("rule", rule_title), ("learned", choose_title)):
                f = figures(pages, decode_all(scored, halves[h], None, chooser, analyses))
                print(_line(f"half {h}, {name}, {chooser_name} headline", f))


def load_scored(tune: list[dict[str, Any]], cache: Path) -> Scored:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    scored = out_of_fold(tune)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(scored))
    return scored


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m bench.pasteleak3_study", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("command", choices=("leaks", "objective", "stage3"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pasteleak3/oof.pkl"))
    parser.add_argument("--variants", default="text,body")
    parser.add_argument("--columns", default="1,2,3")
    parser.add_argument("--prose-prob", type=float, default=0.5)
    parser.add_argument("--rescale", action="store_true")
    args = parser.parse_args(argv)
    tune = load_pages(args.data_dir)["wcxb-tune"]
    scored = load_scored(tune, args.cache)
    commands: dict[str, Callable[[], None]] = {
        "leaks": lambda: leaks(tune, scored),
        "objective": lambda: objective_check(tune, scored, args.variants.split(",")),
        "stage3": lambda: stage3(tune, scored, [int(c) for c in args.columns.split(",")], args.prose_prob, args.rescale),
    }
    commands[args.command]()


if __name__ == "__main__":
    main()
