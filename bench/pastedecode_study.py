"""A decoding change and the headline chooser refitted with it, cross-validated together on the WCXB tune pastes
(thirteenth session, issue 9 target 4).

    python -m bench.pastedecode_study ../shared/data compare      # each variant: F1, leaking pages, title right, by half
    python -m bench.pastedecode_study ../shared/data outside      # where the right lines outside the window sit
    python -m bench.pastedecode_study ../shared/data nested       # the cleaner trainer's search (its GRID) on one half, scored on the other

Two-way cross-validation over the halves of bench.train_paste_cleaner (`tune[0::2]`, `tune[1::2]`): each half is
scored by line models fitted on the other half (bench.pasteleak_study's out-of-fold cache), decoded with the
variant's settings, and its headlines picked by a chooser (pointwise, l2 10: the shipped shape) fitted on the other
half's pages decoded the same way. So both the decoding's effect on the body and on where the chooser's window
opens are measured with a chooser that saw neither the page nor its decoding's labels. Tune pages only.
A variant is (decoding changes, lines the window reaches into the body, lines it reaches above the body's start).
"""

from __future__ import annotations

import argparse
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.pasteleak3_study import decode_all, figures, halves_of
from bench.pasteleak4_study import Scored, load_scored
from bench.pastes import load_pages
from bench.train_paste_cleaner import GRID
from bench.train_paste_title import as_headline_model, fit_pointwise, PastePage
from bench.wcxb import title_matches
from bot.digest.extract.paste import title as title_mod
from bot.digest.extract.paste.cleaner import TitleChooser, as_clean_text
from bot.digest.extract.paste.model import DecodeSettings, PasteModel
from bot.digest.extract.paste.scoring import Analysis
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import HeadlineModel, choose_title, headline_rows, headline_text, pick_headline

log = logging.getLogger(__name__)
CHOOSER_L2 = 10.0  # the shipped chooser's penalty (bench.train_paste_title's CV choice)


@dataclass(frozen=True)
class Variant:
    name: str
    decode: dict[str, Any]  # changes to the shipped decoding settings
    body_lines: int = title_mod._TITLE_BODY_LINES  # the window reaches this many lines into the body
    lookback: int | None = None  # ... and this many above its start (None: the settings' title_lookback)


VARIANTS = (
    Variant("main", {}),
    Variant("switch_cost 0.25", {"switch_cost": 0.25}),
    Variant("switch_cost 0.25, tail_share 0.3", {"switch_cost": 0.25, "tail_share": 0.3}),
    Variant("main, window 5 into the body", {}, body_lines=5),
    Variant("main, window 8 into the body", {}, body_lines=8),
    Variant("main, window 60 above", {}, lookback=60),
    Variant("switch_cost 0.25, window 5 into the body", {"switch_cost": 0.25}, body_lines=5),
    Variant("switch_cost 0.25, window 8 into the body", {"switch_cost": 0.25}, body_lines=8),
    Variant("switch_cost 0.3", {"switch_cost": 0.3}),
    Variant("switch_cost 0.35", {"switch_cost": 0.35}),
    Variant("switch_cost 0.4", {"switch_cost": 0.4}),
)


@contextmanager
def window(body: int) -> Iterator[None]:
    """The chooser's window reaching `body` lines into the body (title._TITLE_BODY_LINES) for the block."""
    saved = title_mod._TITLE_BODY_LINES
    title_mod._TITLE_BODY_LINES = body
    try:
        yield
    finally:
        title_mod._TITLE_BODY_LINES = saved


def settings_of(model: PasteModel, variant: Variant) -> DecodeSettings:
    settings = replace(model.decode, **variant.decode)
    return replace(settings, title_lookback=variant.lookback) if variant.lookback is not None else settings


def chooser_pages(tune: list[dict[str, Any]], scored: Scored, indices: Sequence[int], variant: Variant) -> list[PastePage]:
    """The headline trainer's pages (candidates, rows, labels) of `indices`, decoded by the variant."""
    found = []
    for i in indices:
        _, analysis, model = scored[i]
        title = (tune[i].get("title") or "").strip()
        if not title or as_clean_text(analysis.lines, analysis.features) is not None:
            continue
        settings = settings_of(model, variant)
        keep = body_lines(analysis, settings)
        candidates, rows = headline_rows(analysis, keep, settings.title_lookback)
        labels = np.array([float(title_matches(title, headline_text(analysis.lines[c].text))) for c in candidates])
        found.append(PastePage(str(tune[i]["id"]), title, analysis, keep, candidates, rows, labels))
    return found


def learned_chooser(headline: HeadlineModel) -> TitleChooser:
    def choose(analysis: Analysis, keep: Sequence[bool], model: PasteModel) -> int | None:
        candidates, rows = headline_rows(analysis, keep, model.decode.title_lookback)
        return pick_headline(analysis, keep, candidates, rows, headline)
    return choose


def titles_right(pages: Sequence[dict[str, Any]], titles: Sequence[str]) -> tuple[int, int]:
    """(pages whose shown title is right by the benchmark's word match, pages with a title)."""
    judged = [(p["title"].strip(), t) for p, t in zip(pages, titles) if (p.get("title") or "").strip()]
    return sum(title_matches(truth, shown) for truth, shown in judged), len(judged)


def evaluate(tune: list[dict[str, Any]], scored: Scored, variant: Variant, refit: bool = True) -> dict[int, dict[str, Any]]:
    """Per half: F1, leaking pages, titles right and the ceiling (some candidate right), the chooser fitted on the
    other half (`refit`) or the shipped one."""
    halves = halves_of(scored)
    result = {}
    with window(variant.body_lines):
        for h in (0, 1):
            chooser = choose_title
            if refit:
                train = [p for p in chooser_pages(tune, scored, halves[1 - h], variant) if p.candidates]
                chooser = learned_chooser(as_headline_model(fit_pointwise(train, CHOOSER_L2), 0.0))
            indices = halves[h]
            pages = [tune[i] for i in indices]
            decode = settings_of(scored[indices[0]][2], variant)
            outputs = decode_all(scored, indices, decode, chooser)
            f = figures(pages, outputs)
            right, judged = titles_right(pages, [o.title for o in outputs])
            ceiling = sum(1 for p in chooser_pages(tune, scored, indices, variant) if p.labels.any())
            result[h] = {"f1": f["f1"], "leaking": f["leaking"], "right": right, "judged": judged, "ceiling": ceiling,
                         "titles": [o.title for o in outputs]}
    return result


def compare(tune: list[dict[str, Any]], scored: Scored, names: Sequence[str] | None) -> None:
    """Each variant's figures by half; leaking pages and titles that differ from main's (refitted chooser)."""
    reference = evaluate(tune, scored, VARIANTS[0])
    halves = halves_of(scored)
    for variant in VARIANTS:
        if names and variant.name not in names:
            continue
        for refit in (True, False) if variant.name == "main" else (True,):
            r = evaluate(tune, scored, variant, refit)
            label = variant.name + ("" if refit else " (shipped chooser)")
            cells = "; ".join(
                f"half {h}: F1 {r[h]['f1']:.5f} leaking {len(r[h]['leaking'])} title {r[h]['right']}/{r[h]['judged']}"
                f" (ceiling {r[h]['ceiling']})" for h in (0, 1)
            )
            print(f"{label}: {cells}", flush=True)
            for h in (0, 1):
                more = sorted(set(r[h]["leaking"]) - set(reference[h]["leaking"]))
                fewer = sorted(set(reference[h]["leaking"]) - set(r[h]["leaking"]))
                moved = sum(a != b for a, b in zip(r[h]["titles"], reference[h]["titles"]))
                if more or fewer or moved:
                    print(f"   half {h} against main: leaking + {more} - {fewer}; titles shown differ on {moved} of {len(halves[h])}")


# The cleaner trainer's grid with switch costs below its edge 0.5 and logit_shift 1.0 added (the session's run).
NESTED_GRID = tuple(
    (name, sorted({*values, *{"switch_cost": [0.25, 0.3, 0.4], "logit_shift": [1.0]}.get(name, [])})) for name, values in GRID
)


def nested(tune: list[dict[str, Any]], scored: Scored) -> None:
    """The cleaner trainer's coordinate search over NESTED_GRID (rule headline) on one half; the settings it chooses
    scored on the other half with a chooser refitted on the first half's pages decoded by them."""
    from bench.pasteleak4_study import search

    halves = halves_of(scored)
    shipped = scored[0][2].decode
    for h in (0, 1):
        chosen = search(tune, scored, halves[1 - h], NESTED_GRID)
        changes = {k: v for k, v in vars(chosen).items() if v != getattr(shipped, k)}
        r = evaluate(tune, scored, Variant("chosen", changes))
        print(f"chosen on half {1 - h}: {changes}; half {h}: F1 {r[h]['f1']:.5f} leaking {len(r[h]['leaking'])} "
              f"title {r[h]['right']}/{r[h]['judged']}", flush=True)


def outside(tune: list[dict[str, Any]], scored: Scored) -> None:
    """Pages with a line that is the title but no candidate: the line's offset from the body's first kept line."""
    offsets: Counter[str] = Counter()
    for i, (_, analysis, model) in enumerate(scored):
        title = (tune[i].get("title") or "").strip()
        if not title or as_clean_text(analysis.lines, analysis.features) is not None:
            continue
        keep = body_lines(analysis, model.decode)
        first = next((j for j, k in enumerate(keep) if k), None)
        candidates, _ = headline_rows(analysis, keep, model.decode.title_lookback)
        right = [j for j, line in enumerate(analysis.lines) if len(line.text) <= 200 and title_matches(title, headline_text(line.text))]
        if first is None or not right or set(right) & set(candidates):
            continue
        nearest = min(right, key=lambda j: abs(j - first))
        offset = nearest - first
        offsets["above" if offset < 0 else f"+{offset}" if offset < 10 else "+10 or more"] += 1
        print(f"{tune[i]['id']} offset {offset:+d} first={analysis.lines[first].text[:60]!r} right={analysis.lines[nearest].text[:60]!r}")
    print(dict(offsets))


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m bench.pastedecode_study", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("command", choices=("compare", "outside", "nested"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pasteleak4/oof.pkl"))
    parser.add_argument("--only", nargs="*", help="variant names to run (default: all)")
    args = parser.parse_args(argv)
    tune = load_pages(args.data_dir)["wcxb-tune"]
    scored = load_scored(tune, args.cache)
    if args.command == "compare":
        compare(tune, scored, args.only)
    elif args.command == "nested":
        nested(tune, scored)
    else:
        outside(tune, scored)


if __name__ == "__main__":
    main()
