"""Fourteenth-session study of the HTML title ranker on WCXB's tune part (docs/quality/title.md). Bench only.

    python -m bench.title5_study DATA_DIR [--cache DIR]

Reads every WCXB tune page with a title as `bench.train_title` reads it (no address: the file path
of the benchmark), keeps a few more readings of each page beside its candidates, then prints:
1. the shipped features' out-of-fold misses (L2 100) on id folds (`bench.train_title`'s own split)
   and on site folds (every page of a host in the same fold), by page type and by kind;
2. the benchmark's matching checked for both systems: near misses (same words but for one) of ours
   and of trafilatura's, so that a miss counted is a miss a reader would see;
3. candidate features the ranker lacks, each added to the shipped ones and scored out of fold on
   five id splits and five site splits: the last item of the page's visible breadcrumb trail;
   the candidate offered by both the `<title>` and Open Graph; the candidate repeated in two `<h1>`s;
   its overlap with WCXB's address's last path step (the link path, `--url`).
The held-out part is not read.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import trafilatura
from lxml import html as lxml_html

from bench.fitting import hash_bucket
from bench.train_title import CV_FOLDS, PageCandidates, PageRows, fit, read_page
from bench.wcxb import Page, load_pages, title_matches, title_words
from bot.digest.extract.html.metadata import clean_text
from bot.digest.extract.html.prune import drop_scripts_and_styles
from bot.digest.extract.html.prune import space_before_inline_gaps
from bot.digest.extract.html_extractor import PROFILES, _parse, classify_page, code_in_preformatted, drop_permalinks, json_ld_documents, read_metadata
from bot.digest.extract.html.title import Candidate, _key, slug_words

log = logging.getLogger(__name__)

ID_SALTS = ("title", "a", "b", "c", "d")  # "title" is bench.train_title's own split
SITE_SALTS = ("site", "s1", "s2", "s3", "s4")
L2_GRID = (30.0, 100.0)
_CRUMB = re.compile(r"breadcrumb", re.IGNORECASE)
_CRUMB_SEPARATORS = frozenset({">", "/", "»", "›", "|", "→", "-", "•", "·"})
_WORD = re.compile(r"\w+")


@dataclass
class StudyPage:
    """One tune page's candidates (as the trainer reads them) and what else the study reads of it."""

    page: PageCandidates
    host: str
    wcxb_url: str
    truth_title: str
    crumb: str = ""
    h1_texts: list[str] = field(default_factory=list)


def html_crumb(tree: lxml_html.HtmlElement) -> str:
    """The last item of the page's visible breadcrumb trail (an element classed, named or labelled
    "breadcrumb"): often the page's own name, or the section it sits in."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "body", "html"):
            continue
        label = " ".join(element.get(name) or "" for name in ("class", "id", "aria-label"))
        if not _CRUMB.search(label):
            continue
        items = [clean_text(" ".join(li.itertext())) for li in element.iter("li")]
        if not items:
            items = [clean_text(" ".join(child.itertext())) for child in element if isinstance(child.tag, str)]
        items = [item for item in items if item and item not in _CRUMB_SEPARATORS]
        if items:
            return items[-1]
    return ""


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


T = TypeVar("T")


def cached_tune_pages(data_dir: Path, cache: Path, reading: Callable[[Page, PageCandidates, lxml_html.HtmlElement], T]) -> list[T]:
    """`reading` of every WCXB tune page with a title (given its candidates and tree as the trainer reads
    them), pickled in `cache` the first time (shared by the title studies)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    found = [reading(page, *read_page(page)) for page in load_pages(data_dir, "tune") if page.title]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(found))
    return found


def _study_page(page: Page, candidates: PageCandidates, tree: lxml_html.HtmlElement) -> StudyPage:
    h1s = [clean_text(" ".join(h.itertext())) for h in tree.iter("h1")][:5]
    return StudyPage(candidates, host_of(page.url) or page.id, page.url, page.title, html_crumb(tree), h1s)


def read_study_pages(data_dir: Path, cache: Path) -> list[StudyPage]:
    return cached_tune_pages(data_dir, cache, _study_page)


# --- out-of-fold picks on id folds and site folds -------------------------------------------------

Folder = Callable[[StudyPage, str], int]


def id_fold(page: StudyPage, salt: str) -> int:
    return hash_bucket(page.page.id, CV_FOLDS, salt=salt)


def site_fold(page: StudyPage, salt: str) -> int:
    return hash_bucket(page.host, CV_FOLDS, salt=salt)


def out_of_fold_picks(pages: list[StudyPage], rows: list[PageRows], l2: float, salt: str, folder: Folder) -> list[int]:
    folds = [folder(page, salt) for page in pages]
    picks = [0] * len(rows)
    for fold in range(CV_FOLDS):
        model = fit([r for r, f in zip(rows, folds) if f != fold], l2)
        for index, (row, f) in enumerate(zip(rows, folds)):
            if f == fold and len(row.labels):
                picks[index] = int(np.argmax(model.logits(row.rows)))
    return picks


def right_count(rows: list[PageRows], picks: list[int]) -> int:
    return sum(int(row.labels[k]) for row, k in zip(rows, picks) if len(row.labels))


def scores_on_splits(pages: list[StudyPage], rows: list[PageRows], l2: float) -> tuple[list[int], list[int]]:
    by_id = [right_count(rows, out_of_fold_picks(pages, rows, l2, salt, id_fold)) for salt in ID_SALTS]
    by_site = [right_count(rows, out_of_fold_picks(pages, rows, l2, salt, site_fold)) for salt in SITE_SALTS]
    return by_id, by_site


# --- what the misses are --------------------------------------------------------------------------


def family(candidate: Candidate) -> str:
    sources = candidate.sources
    if sources & {"h1_first", "h1_other"}:
        return "<h1>"
    if sources & {"title", "og"}:
        return "whole <title>"
    if sources & {"title_head", "og_head"}:
        return "<title> head"
    if sources & {"title_tail", "og_tail", "title_part", "og_part"}:
        return "<title> tail/part"
    if sources & {"crumb"}:
        return "breadcrumb"
    if sources & {"ld_content", "ld_page", "ld_other"}:
        return "JSON-LD"
    return "+".join(sorted(sources))


def miss_kind(page: StudyPage, pick: int) -> str:
    """A miss described by the source taken, the source that was right and how their words relate."""
    cands, labels = page.page.candidates, page.page.labels
    if not labels.any():
        truth, best = title_words(page.truth_title), max((title_words(c.text) for c in cands), key=lambda w: len(set(w) & set(title_words(page.truth_title))), default=[])
        relation = "truth longer than any candidate" if set(best) < set(truth) else "truth shorter" if set(truth) < set(best) else "other wording"
        return f"no candidate right ({relation})"
    chosen, right = cands[pick], cands[int(np.argmax(labels))]
    chosen_key, right_key = _key(chosen.text), _key(right.text)
    relation = "chosen longer" if right_key in chosen_key else "chosen shorter" if chosen_key in right_key else "other wording"
    return f"took {family(chosen)}, right {family(right)}, {relation}"


def print_misses(pages: list[StudyPage], rows: list[PageRows], picks: list[int], heading: str, show: int = 0) -> None:
    by_type: dict[str, list[bool]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    kinds_by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for page, row, pick in zip(pages, rows, picks):
        ok = bool(row.labels[pick]) if len(row.labels) else False
        by_type[page.page.type].append(ok)
        if not ok:
            kind = miss_kind(page, pick)
            kinds[kind] += 1
            kinds_by_type[page.page.type][kind.split(",")[0] + ("" if "no candidate" in kind else "," + kind.split(",")[1])] += 1
    total = sum(sum(v) for v in by_type.values())
    print(f"\n{heading}: {total} of {len(pages)} right")
    for kind, values in sorted(by_type.items()):
        print(f"  {kind:14s} {sum(values):4d} / {len(values):4d}  {sum(values) / len(values):.3f}")
    print("  misses by kind:")
    for kind, count in kinds.most_common():
        print(f"    {count:4d}  {kind}")
    print("  misses by type and source pair:")
    for kind, counter in sorted(kinds_by_type.items()):
        print(f"    {kind}: " + "; ".join(f"{k} {n}" for k, n in counter.most_common(6)))
    if show:
        print("  examples (id type | taken | WCXB):")
        for page, row, pick in list(zip(pages, rows, picks))[:]:
            if len(row.labels) and not row.labels[pick] and show > 0:
                show -= 1
                print(f"    {page.page.id} {page.page.type:13s} | {page.page.candidates[pick].text[:70]!r} | {page.truth_title[:70]!r}")


# --- the match: near misses of either system ------------------------------------------------------


def near_miss(expected: str, found: str) -> bool:
    """Same words but one (added, dropped or changed): the misses a looser match would forgive."""
    a, b = title_words(expected), title_words(found)
    if a == b or not b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


# --- features the ranker lacks --------------------------------------------------------------------


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def extra_columns(page: StudyPage, which: tuple[str, ...]) -> np.ndarray:
    cands = page.page.candidates
    crumb_key, crumb_words = _key(page.crumb), set(_WORD.findall(page.crumb.casefold()))
    h1_keys = Counter(_key(text) for text in page.h1_texts if _key(text))
    link_slug, _ = slug_words(page.wcxb_url)
    head_keys = [_key(c.text) for c in cands if c.sources & {"title_head", "og_head"}]
    h1_cand_keys = [_key(c.text) for c in cands if c.sources & {"h1_first", "h1_other"}]
    columns = []
    for candidate in cands:
        key, words = _key(candidate.text), set(_WORD.findall(candidate.text.casefold()))
        found = {w for w in words if not w.isdigit() or len(w) <= 4}
        values = {
            "crumb_equal": 1.0 if crumb_key and key == crumb_key else 0.0,
            "crumb_overlap": _jaccard(words, crumb_words),
            "title_and_og": 1.0 if candidate.sources & {"title", "title_head", "title_tail", "title_part"} and candidate.sources & {"og", "og_head", "og_tail", "og_part"} else 0.0,
            "h1_repeated": 1.0 if h1_keys.get(key, 0) >= 2 else 0.0,
            # An <h1> that starts with the <title>'s head and adds to it ("Wedding Planning Tools – Caterer ..."), and that head.
            "h1_holds_head": 1.0 if candidate.sources & {"h1_first", "h1_other"} and any(k != key and key.startswith(k) for k in head_keys) else 0.0,
            "head_starts_h1": 1.0 if candidate.sources & {"title_head", "og_head"} and any(k != key and k.startswith(key) for k in h1_cand_keys) else 0.0,
            "link_slug_recall": len(link_slug & found) / len(link_slug) if link_slug else 0.0,
            "link_slug_precision": len(link_slug & found) / len(found) if link_slug and found else 0.0,
        }
        columns.append([values[name] for name in which])
    return np.asarray(columns, dtype=float).reshape(len(cands), len(which))


def with_columns(pages: list[StudyPage], base: list[PageRows], which: tuple[str, ...]) -> list[PageRows]:
    if not which:
        return base
    return [PageRows(r.id, r.type, np.hstack([r.rows, extra_columns(p, which)]), r.labels) for p, r in zip(pages, base)]


VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shipped features", ()),
    ("+ breadcrumb last item (equal)", ("crumb_equal",)),
    ("+ breadcrumb last item (equal, overlap)", ("crumb_equal", "crumb_overlap")),
    ("+ offered by <title> and og:title both", ("title_and_og",)),
    ("+ repeated in two <h1>s", ("h1_repeated",)),
    ("+ <h1> holds the <title>'s head, and that head", ("h1_holds_head", "head_starts_h1")),
    ("+ all three", ("crumb_equal", "crumb_overlap", "title_and_og", "h1_repeated")),
)


# --- the product's titles, file path and link path, and trafilatura's ---------------------------------


def product_metadata(html: str, url: str | None) -> tuple[str, str, str, str]:
    """Title, author, date and page type as `python -m bot extract` reads them (bot/digest/pipeline.py
    and extract_html's steps up to read_metadata), in process."""
    tree = _parse(drop_scripts_and_styles(html))
    drop_permalinks(tree)
    code_in_preformatted(tree)
    space_before_inline_gaps(tree)
    json_ld = list(json_ld_documents(tree))
    kind = classify_page(tree, url, json_ld)
    found = read_metadata(tree, url, PROFILES[kind].headline_first, article=kind in ("article", "forum"), json_ld=json_ld)
    return found.title, found.author, found.date, kind


def product_titles(data_dir: Path, cache: Path) -> list[dict]:
    """Every tune page with a title: the product's answer read as a file (no address) and as a posted
    link (`--url`, WCXB's address), and trafilatura's title given the address (as bench.wcxb gives it)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    found = []
    for page in load_pages(data_dir, "tune"):
        if not page.title:
            continue
        document = trafilatura.bare_extraction(page.html, url=page.url or None, with_metadata=True)
        found.append({
            "id": page.id, "type": page.type, "truth": page.title,
            "file": product_metadata(page.html, None), "link": product_metadata(page.html, page.url or None),
            "traf": (document.title or "") if document else "",
        })
    cache.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in found), encoding="utf-8")
    return found


def print_product(items: list[dict]) -> None:
    print(f"\nthe product in process, {len(items)} tune pages with a title (same run):")
    for name, pick in (("ours, file (no address)", lambda i: i["file"][0]), ("ours, link (--url)", lambda i: i["link"][0]), ("trafilatura, given the address", lambda i: i["traf"])):
        right = [title_matches(i["truth"], pick(i)) for i in items]
        near = sum(1 for i, ok in zip(items, right) if not ok and near_miss(i["truth"], pick(i)))
        print(f"  {name:32s} right {sum(right):4d} ({sum(right) / len(items):.4f}); of the misses, one word off: {near}")
    for item in items:
        before, after = title_matches(item["truth"], item["file"][0]), title_matches(item["truth"], item["link"][0])
        if item["file"][0] != item["link"][0]:
            change = "turns right" if after and not before else "turns wrong" if before and not after else "both wrong" if not after else "both right"
            print(f"    {item['id']} {item['type']:13s} {change:11s} type {item['file'][3]} -> {item['link'][3]}: {item['file'][0][:60]!r} -> {item['link'][0][:60]!r} | WCXB {item['truth'][:60]!r}")


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/title5/pages.pickle"))
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--product", action="store_true", help="also the product's titles in process, file and link path, and trafilatura's")
    args = parser.parse_args(argv)
    pages = read_study_pages(args.data_dir, args.cache)
    base = [page.page.rows() for page in pages]
    print(f"{len(pages)} tune pages with a title; some candidate right on {sum(r.labels.any() for r in base)}; {len({p.host for p in pages})} sites")
    print_misses(pages, base, out_of_fold_picks(pages, base, 100.0, "title", id_fold), "shipped features, id folds (salt title), L2 100", args.examples)
    print_misses(pages, base, out_of_fold_picks(pages, base, 100.0, "site", site_fold), "shipped features, site folds (salt site), L2 100")
    print("\npages right out of fold: id splits " + ", ".join(ID_SALTS) + " | site splits " + ", ".join(SITE_SALTS))
    for name, which in VARIANTS:
        rows = with_columns(pages, base, which)
        for l2 in L2_GRID:
            by_id, by_site = scores_on_splits(pages, rows, l2)
            print(f"  {name:44s} L2 {l2:5g}: {by_id} mean {np.mean(by_id):.1f} | {by_site} mean {np.mean(by_site):.1f}")
    if args.product:
        print_product(product_titles(args.data_dir, args.cache.with_name("product.jsonl")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
