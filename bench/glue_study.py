"""Glued words on WCXB's tune part (tenth session); nothing here ships.

    python -m bench.glue_study DATA_DIR run VARIANT [--cache DIR]
    python -m bench.glue_study DATA_DIR compare BASE OTHER [--cache DIR]

jusText, trafilatura's last fallback, skips text that is white space alone, so prose split over
inline elements (`<span>following</span> <span>code</span>`) comes out glued ("followingcode").
`run` reads every tune page with a truth (sha1(id) % 100 < 70) through the product's own
`extract_html`, as the pipeline passes it, and caches per page: the answer, whether trafilatura
took jusText's answer (its `compare_extraction` watched), and the page's visible text
(`text_content()` of the parsed body). Variants:

- `off`: `space_before_inline_gaps` (prune.py) replaced by a no-op: main before this session;
- `shipped`: the pipeline as it is;
- `repair`: `off`'s answers with every glued token split again against the page's text (an
  after-the-fact repair, computed from `off`'s cache, no new run).

A glued token is an answer token (lowercased `\\w+`, WCXB's tokens) that is not a token of the
page's visible text but is the concatenation of two tokens that stand next to each other there,
with only white space between them. `compare` prints word F1 (WCXB's metric) by true type and per
fold sha1(id) % 5, the glued-token counts, and every page whose answer changed.
"""

from __future__ import annotations

import argparse
import pickle
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import trafilatura.core
import trafilatura.external

import bot.digest.extract.html_extractor as html_extractor
from bot.digest.extract.html import page_type, trafilatura_run
from bench.choice_study import tune_items
from bench.fitting import hash_bucket
from bench.wcxb import TYPES, word_f1
from bot.settings import DigestSettings

DEFAULT_CACHE = Path("/tmp/glue_study")
_TOKEN = re.compile(r"\w+")


def visible_text(html: str) -> str:
    tree = html_extractor._parse(html)
    body = tree.find("body")
    return (body if body is not None else tree).text_content()


def glue_pairs(text: str) -> tuple[set[str], dict[str, str]]:
    """The page's tokens (lowercased), and each concatenation of two neighbouring tokens (with white
    space alone between them) that is no token itself, mapped to the two tokens with a space."""
    matches = list(_TOKEN.finditer(text))
    tokens = {m.group().lower() for m in matches}
    pairs: dict[str, str] = {}
    for first, second in zip(matches, matches[1:]):
        if text[first.end() : second.start()].isspace():
            glued = (first.group() + second.group()).lower()
            if glued not in tokens:
                pairs.setdefault(glued, f"{first.group()} {second.group()}")
    return tokens, pairs


def glued_tokens(answer: str, tokens: set[str], pairs: dict[str, str]) -> Counter:
    return Counter(t for t in (m.lower() for m in _TOKEN.findall(answer)) if t not in tokens and t in pairs)


def _kind(character: str) -> str:
    return "digit" if character.isdigit() else "upper" if character.isupper() else "other"


def at_a_seam(word: str, spaced: str) -> bool:
    """The glued word changes kind where its two tokens meet ("MaterialStainless", "28Last", "pm1"),
    as no ordinary word does ("maybe" from "may be" elsewhere on the page)."""
    cut = spaced.index(" ")
    before, after = word[cut - 1], word[cut]
    return _kind(after) != _kind(before) and _kind(after) != "other" or (_kind(before) == "digit") != (_kind(after) == "digit")


def repaired(answer: str, tokens: set[str], pairs: dict[str, str], seams_only: bool = False) -> str:
    """`answer` with each glued token written as the two tokens the page has."""
    def split(match: re.Match) -> str:
        word = match.group()
        lower = word.lower()
        if lower in tokens or lower not in pairs or (seams_only and not at_a_seam(word, pairs[lower])):
            return word
        return pairs[lower]

    return _TOKEN.sub(split, answer)


class JusTextWatch:
    """Whether trafilatura's `compare_extraction` returned jusText's answer during a page."""

    def __init__(self) -> None:
        self.used = False
        self._rescued: Any = None

    def __enter__(self) -> "JusTextWatch":
        self._rescue, self._compare = trafilatura.external.justext_rescue, trafilatura.core.compare_extraction

        def rescue(*args: Any, **kwargs: Any) -> Any:
            result = self._rescue(*args, **kwargs)
            self._rescued = result[0]
            return result

        def compare(*args: Any, **kwargs: Any) -> Any:
            self._rescued = None
            result = self._compare(*args, **kwargs)
            if self._rescued is not None and result[0] is self._rescued:
                self.used = True
            return result

        # trafilatura_run calls compare_extraction by its own name (trafilatura 2.3.1), bare_extraction by core's
        trafilatura.external.justext_rescue, trafilatura.core.compare_extraction = rescue, compare
        trafilatura_run.compare_extraction = compare
        return self

    def __exit__(self, *exc: object) -> None:
        trafilatura.external.justext_rescue, trafilatura.core.compare_extraction = self._rescue, self._compare
        trafilatura_run.compare_extraction = self._compare


def run(data_dir: Path, variant: str) -> list[dict[str, Any]]:
    # The gap spaces are added by the page type's walk (page_type.space_before_gap), or by the whole pass on a
    # fragment whose body that walk does not read.
    shipped = page_type.space_before_gap, page_type.space_before_inline_gaps
    if variant == "off":
        page_type.space_before_gap = page_type.space_before_inline_gaps = lambda element: None
    max_elements = DigestSettings().max_html_elements
    pages = []
    try:
        for page_id, item, html in tune_items(data_dir):
            with JusTextWatch() as watch:
                try:
                    final = html_extractor.extract_html(html, "page.html", item.get("url") or None, max_elements).text
                except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
                    final = ""
            pages.append({"id": page_id, "type": item["type"], "truth": item["truth"], "final": final, "justext": watch.used, "visible": visible_text(html)})
    finally:
        page_type.space_before_gap, page_type.space_before_inline_gaps = shipped
    return pages


def load(cache: Path, variant: str) -> list[dict[str, Any]]:
    if variant.startswith("repair"):  # repair[-seams]:BASE
        kind, _, base = variant.partition(":")
        out = []
        for page in load(cache, base or "off"):
            tokens, pairs = glue_pairs(page["visible"])
            out.append({**page, "final": repaired(page["final"], tokens, pairs, seams_only=kind == "repair-seams")})
        return out
    with open(cache / f"{variant}.pkl", "rb") as handle:
        return pickle.load(handle)


def summary(label: str, pages: list[dict[str, Any]]) -> str:
    scores: dict[str, list[float]] = defaultdict(list)
    glued_pages = glued_total = 0
    for page in pages:
        f1 = word_f1(page["truth"], page["final"])
        for key in ("all", page["type"], f"fold{hash_bucket(page['id'], 5)}"):
            scores[key].append(f1)
        glued = glued_tokens(page["final"], *glue_pairs(page["visible"]))
        glued_pages += bool(glued)
        glued_total += sum(glued.values())
    by_type = " ".join(f"{np.mean(scores[k]):.5f}" for k in ("all",) + TYPES)
    by_fold = " ".join(f"{np.mean(scores[f'fold{i}']):.5f}" for i in range(5))
    return f"{label:10} {by_type} | {by_fold} | glued pages {glued_pages}, tokens {glued_total}"


def compare(base: list[dict[str, Any]], other: list[dict[str, Any]], names: tuple[str, str]) -> None:
    print(f"{'':10} all {' '.join(TYPES)} | folds 0-4 | glued")
    print(summary(names[0], base))
    print(summary(names[1], other))
    print(f"pages where trafilatura took jusText's answer: {sum(p['justext'] for p in base)} ({names[0]}), {sum(p['justext'] for p in other)} ({names[1]})")
    for a, b in zip(base, other):
        if a["final"] != b["final"]:
            before, after = word_f1(a["truth"], a["final"]), word_f1(b["truth"], b["final"])
            glued = glued_tokens(a["final"], *glue_pairs(a["visible"]))
            print(f"  {a['id']} {a['type']:13} {before:.4f} -> {after:.4f} ({after - before:+.4f}) jusText {a['justext']}/{b['justext']}  glued {sum(glued.values())}: {', '.join(list(glued)[:5])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("command", choices=("run", "compare", "glued"))
    parser.add_argument("variants", nargs="+")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.command == "run":
        pages = run(args.data_dir, args.variants[0])
        with open(args.cache / f"{args.variants[0]}.pkl", "wb") as handle:
            pickle.dump(pages, handle)
        print(summary(args.variants[0], pages))
    elif args.command == "glued":  # the pages with glued tokens in one variant's answers
        for page in load(args.cache, args.variants[0]):
            glued = glued_tokens(page["final"], *glue_pairs(page["visible"]))
            if glued:
                print(f"{page['id']} {page['type']:13} jusText {page['justext']} F1 {word_f1(page['truth'], page['final']):.4f} glued {sum(glued.values())}: {', '.join(list(glued)[:8])}")
    else:
        compare(load(args.cache, args.variants[0]), load(args.cache, args.variants[1]), (args.variants[0], args.variants[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
