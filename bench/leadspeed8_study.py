"""Sixteenth session (leadspeed8): the article path's lead-line step (`article.drop_lead_lines`) made cheaper with
identical answers, checked on every call the product makes on WCXB's dev split (all parts: identity only, no quality
looked at) and on the 181 ScrapingHub pages.

    python -m bench.leadspeed8_study DATA_DIR [--calls PATH] [--against GIT_REVISION]

Records each call of `drop_lead_lines` (its text, the page's tree serialised and the frame's path, its answer) while
`extract_html` reads every page as the product does (cached in `--calls`), then replays every call through this
checkout's `drop_lead_lines` and through the one of `--against` (its `article.py` taken by `git show`), on the same
parsed tree, and prints the calls whose answers differ and the time a call of each (best of three runs a call).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import logging
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from lxml import html as lxml_html

import bot.digest.extract.html.article as article
import bot.digest.extract.html_extractor as html_extractor
from bench.audit6_study import cached
from bench.extraction import load_pages as scrapinghub_pages
from bench.splits import wcxb_part
from bench.wcxb import DATA_FILE
from bot.digest.extract.html.prune import drop_inline_svg, drop_scripts_and_styles
from bot.settings import DigestSettings

DEFAULT_CALLS = Path("/tmp/leadspeed8/calls.pkl")
ARTICLE_PATH = "bot/digest/extract/html/article.py"


def _pages(data_dir: Path) -> Iterator[tuple[str, str, str, str | None]]:
    """(corpus, id, html as the pipeline passes it, address) of the ScrapingHub pages (no address, as `bot extract`
    reads a saved page) and of every WCXB dev page (its part in the corpus name)."""
    settings = DigestSettings()
    for page_id, html, _truth in scrapinghub_pages(data_dir):
        yield "scrapinghub", page_id, html, None
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            html = drop_scripts_and_styles(item["html"])
            if len(html) > settings.max_input_chars:
                html = drop_inline_svg(html)
            yield f"wcxb-{wcxb_part(str(item['id']))}", str(item["id"]), html, item.get("url") or None


def record_calls(data_dir: Path) -> list[dict[str, Any]]:
    """Every call of `drop_lead_lines` while `extract_html` reads every page."""
    calls: list[dict[str, Any]] = []
    page: dict[str, str] = {}
    shipped = article.drop_lead_lines

    def recording(text: str, frame: lxml_html.HtmlElement | None) -> str:
        answer = shipped(text, frame)
        tree = frame.getroottree() if frame is not None else None
        calls.append({
            **page, "text": text, "answer": answer,
            "tree": lxml_html.tostring(tree.getroot(), encoding="unicode") if tree is not None else None,
            "path": tree.getpath(frame) if tree is not None else None,
        })
        return answer

    settings = DigestSettings()
    article.drop_lead_lines = recording
    try:
        for corpus, page_id, html, url in _pages(data_dir):
            page = {"corpus": corpus, "id": page_id}
            try:
                html_extractor.extract_html(html, f"{page_id}.html", url, settings.max_html_elements)
            except Exception:  # noqa: BLE001 (a page without article text makes no call)
                continue
    finally:
        article.drop_lead_lines = shipped
    return calls


def module_at(revision: str) -> ModuleType:
    """`article.py` of a git revision of this checkout, imported under another name."""
    source = subprocess.run(["git", "show", f"{revision}:{ARTICLE_PATH}"], check=True, capture_output=True, text=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location(f"article_at_{revision}", handle.name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Step = Callable[[str, Any], str]


def compare(calls: list[dict[str, Any]], reference: Step, candidate: Step, runs: int = 3) -> dict[str, Any]:
    """Both steps on every call's parsed tree: the calls whose answers differ (and where the reference's answer is not
    the recorded one), and each step's time a call (best of `runs`) per corpus."""
    differ, unlike_recorded = [], []
    times: dict[str, list[tuple[float, float]]] = {}
    for call in calls:
        frame = None
        if call["tree"] is not None:
            frame = lxml_html.fromstring(call["tree"]).getroottree().xpath(call["path"])[0]
        best = [float("inf"), float("inf")]
        for _ in range(runs):
            for index, step in enumerate((reference, candidate)):
                start = time.perf_counter()
                answer = step(call["text"], frame)
                best[index] = min(best[index], time.perf_counter() - start)
                if index == 0:
                    reference_answer = answer
        if answer != reference_answer:
            differ.append((call["corpus"], call["id"]))
        if reference_answer != call["answer"]:
            unlike_recorded.append((call["corpus"], call["id"]))
        times.setdefault(call["corpus"], []).append((best[0], best[1]))
    return {"differ": differ, "unlike_recorded": unlike_recorded, "times": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--calls", type=Path, default=DEFAULT_CALLS)
    parser.add_argument("--against", default="main", help="the git revision whose drop_lead_lines is the reference")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    calls = cached(args.calls, lambda: record_calls(args.data_dir))
    result = compare(calls, module_at(args.against).drop_lead_lines, article.drop_lead_lines)
    print(f"{len(calls)} calls; answers that differ from {args.against}'s: {len(result['differ'])} {result['differ'][:10]}")
    print(f"{args.against}'s answers unlike the recorded ones (a tree that does not survive serialising): {len(result['unlike_recorded'])}")
    print(f"answers the step changes: {sum(call['text'] != call['answer'] for call in calls)}")
    for corpus, pairs in sorted(result["times"].items()):
        old, new = (sum(pair[i] for pair in pairs) * 1000 / len(pairs) for i in (0, 1))
        medians = [statistics.median(pair[i] for pair in pairs) * 1000 for i in (0, 1)]
        slower = sum(pair[1] > pair[0] + 5e-5 for pair in pairs)
        print(f"{corpus}: {len(pairs)} calls, ms a call {args.against} {old:.3f} (median {medians[0]:.3f}), "
              f"this checkout {new:.3f} (median {medians[1]:.3f}); calls slower by over 0.05 ms: {slower}")


if __name__ == "__main__":
    main()
