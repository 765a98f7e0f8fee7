"""Where the paste cleaner's body starts on the tune pages, out of fold (eleventh session, issue 9 target 4).

    python -m bench.pastestart_study ../shared/data [--cache /tmp/pastestart/oof.pkl] [--show N] [--out F.json]

Every WCXB tune page is scored out of fold as `bench.pasteleak_study` does (each half by line models fitted on
the other half, shipped decoding, rule headline). The truth's first paragraph is found among the paste's lines;
kept body lines above it are the "leading" lines. Prints how many pages keep leading lines (at the headline
chooser's input, `start.body_lines`, and in the final body), their words, the F1 an oracle that drops them would
reach, and how often the title's line lies outside the chooser's candidate window (more than
`_TITLE_BODY_LINES` lines into the kept body, or more than `title_lookback` above it) and whether the truth's
start would bring it in. `--show N` prints the leading lines of N pages. Tune pages only; nothing here ships.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
from pathlib import Path
from typing import Any

from bench.metrics import shingle_scores
from bench.pasteleak_study import out_of_fold, page_figures, summary
from bench.pastes import Cleaned, _squash, load_pages, normalise_title
from bot.digest.extract.paste.cleaner import as_clean_text, decode_keep
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import _TITLE_BODY_LINES, headline_text, rule_title

log = logging.getLogger(__name__)


def truth_start(page: dict[str, Any], lines: list[str]) -> int | None:
    """Index of the paste line where the truth's first paragraph begins (None: not found)."""
    truth = _squash(page["truth"])
    first = _squash(next((p for p in page["truth"].split("\n") if p.strip()), ""))[:50]
    if not first:
        return None
    for i, text in enumerate(lines):
        line = _squash(text)
        if first in line or (len(line) >= 15 and truth.startswith(line)):
            return i
    return None


def title_lines(page: dict[str, Any], lines: list[str]) -> list[int]:
    title = normalise_title(page.get("title") or "")
    return [i for i, t in enumerate(lines) if title and normalise_title(headline_text(t)) == title]


def in_window(index: int, first: int | None, lookback: int) -> bool:
    return first is not None and first - lookback <= index < first + _TITLE_BODY_LINES


def study(tune: list[dict[str, Any]], scored: list, show: int) -> dict[str, Any]:
    outputs, halves, rows = [], [], []
    shown = 0
    for page, (half, analysis, model) in zip(tune, scored):
        halves.append(half)
        clean = as_clean_text(analysis.lines, analysis.features)
        texts = [line.text for line in analysis.lines]
        if clean is not None:
            outputs.append(Cleaned(clean.title, clean.body))
            continue
        title_index, keep = decode_keep(analysis, model, rule_title)
        title = headline_text(texts[title_index]) if title_index is not None else ""
        outputs.append(Cleaned(title, "\n\n".join(t for t, k in zip(texts, keep) if k)))
        start = truth_start(page, texts)
        chooser_keep = body_lines(analysis, model.decode)
        chooser_first = next((i for i, k in enumerate(chooser_keep) if k), None)
        final_first = next((i for i, k in enumerate(keep) if k), None)
        row: dict[str, Any] = {"id": str(page["id"]), "start": start, "chooser_first": chooser_first, "final_first": final_first}
        if start is not None:
            leading = [i for i in range(start) if keep[i] and i != title_index]
            row["leading"] = leading
            row["leading_words"] = sum(len(texts[i].split()) for i in leading)
            row["chooser_leading"] = sum(1 for i in range(start) if chooser_keep[i])
            base = shingle_scores([(page["truth"], outputs[-1].text)]).f1
            oracle_keep = [k and i >= start for i, k in enumerate(keep)]
            oracle = Cleaned(title, "\n\n".join(t for t, k in zip(texts, oracle_keep) if k))
            row["f1"], row["oracle_f1"] = base, shingle_scores([(page["truth"], oracle.text)]).f1
            if leading and shown < show:
                shown += 1
                print(f"== {page['id']} {page.get('url', '')} truth starts at {start}, {len(leading)} leading lines")
                for i in range(max(0, leading[0] - 2), min(len(texts), start + 2)):
                    mark = "T" if i == title_index else "k" if keep[i] else " "
                    print(f"   {mark} {i:4d} {analysis.probs[i]:.2f} {texts[i][:110]!r}")
        titles = title_lines(page, texts)
        if titles:
            lookback = model.decode.title_lookback
            row["title_in_window"] = any(in_window(i, chooser_first, lookback) for i in titles)
            row["title_in_truth_window"] = start is not None and any(in_window(i, start, lookback) for i in titles)
        rows.append(row)
    return {"summary": summary(tune, outputs, halves), "rows": rows, "outputs": outputs}


def report(result: dict[str, Any]) -> None:
    rows = result["rows"]
    located = [r for r in rows if r["start"] is not None]
    leading = [r for r in located if r["leading"]]
    chooser = [r for r in located if r["chooser_leading"]]
    print(json.dumps(result["summary"], indent=1))
    print(f"decoded pages {len(rows)}; truth start found on {len(located)}")
    print(f"pages whose chooser input starts above the truth: {len(chooser)}; final body: {len(leading)} "
          f"({sum(len(r['leading']) for r in leading)} lines, {sum(r['leading_words'] for r in leading)} words)")
    gain = sum(r["oracle_f1"] - r["f1"] for r in located)
    print(f"page-mean F1 gain of an oracle start: {gain / max(1, len(rows)):.4f} (sum {gain:.2f} over {len(rows)} pages)")
    titled = [r for r in rows if "title_in_window" in r]
    out = [r for r in titled if not r["title_in_window"]]
    back = [r for r in out if r["title_in_truth_window"]]
    print(f"pages whose title is a line: {len(titled)}; outside the chooser's window: {len(out)}; inside it from the truth's start: {len(back)}")
    for r in back:
        print(f"   {r['id']}: chooser first {r['chooser_first']}, truth start {r['start']}")


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m bench.pastestart_study", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pastestart/oof.pkl"))
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    tune = load_pages(args.data_dir)["wcxb-tune"]
    if args.cache.exists():
        scored = pickle.loads(args.cache.read_bytes())
    else:
        scored = out_of_fold(tune)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(scored))
    result = study(tune, scored, args.show)
    report(result)
    if args.out:
        pages = [page_figures(p, o) for p, o in zip(tune, result["outputs"])]
        args.out.write_text(json.dumps({"summary": result["summary"], "pages": pages, "rows": result["rows"]}), encoding="utf-8")


if __name__ == "__main__":
    main()
