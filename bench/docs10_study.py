"""Documentation pages where trafilatura's defaults beat the product, the words it keeps that we lose, by
kind of block (eighteenth session; issue 9 target 1).

    python -m bench.docs10_study [--cache PICKLE] [--pages] [--examples N] [--ratios]

Reads the cache of bench.docs3_study (every WCXB tune page with a truth that is documentation by label or
taken for documentation by the classifier, with the product's answer and trafilatura's defaults from the
same run; build it with `python -m bench.docs3_study DATA_DIR --cache /tmp/docs10/pages.pkl --refresh`).
Prints, first, the misreads (documentation pages typed otherwise, other types typed documentation, with
their F1 against trafilatura's); then a per-page table; then, on the pages where trafilatura wins, each
block of the page (a `<p>`, `<li>`, heading, `<pre>`, table cell, `<dt>`/`<dd>`, ...) whose text the truth
and trafilatura's answer hold and ours lacks ("lost"), and each block ours holds that the truth lacks and
trafilatura's answer lacks too ("kept against the truth"), summed in words by kind (code, table,
admonition, the page's `<h1>`, subheading, prev/next link, table of contents or sidebar, definition list,
list item, paragraph, other), with examples; and the same blocks against the truth alone on every
documentation page ("missed": in the truth, not in ours; "extra": in ours, not in the truth). `--ratios` moves
the documentation profile's region ratio (`region_over_words`) on the cached region and answer, with the
change per host fold (bench.fitting.hash_bucket(host, 5, salt) under each of forums2_study's site salts).
"""

from __future__ import annotations

import argparse
import pickle
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator

import numpy as np
from lxml import html as lxml_html

from bench.choice_study import site_of
from bench.fitting import hash_bucket
from bench.forums2_study import SITE_SALTS
from bench.wcxb import word_f1

DEFAULT_CACHE = Path("/tmp/docs10/pages.pkl")
SHIPPED_RATIO = 1.5  # the documentation profile's region_over_words
RATIOS = (1.0, 1.05, 1.1, 1.2, 1.25, 1.3, 1.35, 1.5, 2.0)
_WORD = re.compile(r"\w+")
_CLASS_SPLIT = re.compile(r"[\s_\-]+")
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "th", "dt", "dd", "blockquote", "figcaption", "caption")
_ADMONITION = frozenset("admonition note warning tip caution callout alert important hint info danger".split())
_TOC = frozenset("toc sidebar sidenav nav navigation menu breadcrumb breadcrumbs".split())
_PREV_NEXT = frozenset("pagination prev previous next pager".split())
_PREV_NEXT_TEXT = re.compile(r"^(next|previous|prev)\b", re.IGNORECASE)
KINDS = ("code", "table", "admonition", "h1", "heading", "prev/next", "toc/sidebar", "dl", "list item", "paragraph", "other")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _words(element: lxml_html.HtmlElement) -> set[str]:
    named = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    return set(_CLASS_SPLIT.split(named.lower()))


def block_kind(element: lxml_html.HtmlElement) -> str:
    """The kind of a block of a documentation page, by its tag, its text and its ancestors' tags and class words."""
    chain = [element, *element.iterancestors()]
    tags = {e.tag for e in chain if isinstance(e.tag, str)}
    named: set[str] = set()
    for e in chain:
        named |= _words(e)
    if "pre" in tags or (element.tag == "code"):
        return "code"
    if not _PREV_NEXT.isdisjoint(named) or _PREV_NEXT_TEXT.match(element.text_content().strip()):
        return "prev/next"
    if "nav" in tags or "aside" in tags or not _TOC.isdisjoint(named):
        return "toc/sidebar"
    if not _ADMONITION.isdisjoint(named):
        return "admonition"
    if element.tag == "h1":
        return "h1"
    if element.tag in ("h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if "table" in tags:
        return "table"
    if element.tag in ("dt", "dd") or "dl" in tags:
        return "dl"
    if element.tag == "li":
        return "list item"
    if element.tag == "p":
        return "paragraph"
    return "other"


def _blocks(tree: lxml_html.HtmlElement) -> Iterator[tuple[lxml_html.HtmlElement, str]]:
    """The page's innermost blocks (a block holding another block is read through its children) and their keys."""
    for element in tree.iter(*_BLOCK_TAGS):
        if element.tag != "pre" and any(child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            continue
        if any(ancestor.tag == "pre" for ancestor in element.iterancestors()):
            continue
        key = _key(element.text_content())
        if key:
            yield element, key


def block_losses(html: str, truth: str, ours: str, theirs: str) -> dict[str, list[tuple[str, str]]]:
    """Per side ("lost": in the truth and trafilatura's answer, not in ours; "kept": in ours, not in the truth
    nor in trafilatura's answer; "missed": in the truth, not in ours; "extra": in ours, not in the truth), the
    blocks as (kind, text), each text once."""
    tree = lxml_html.fromstring(html)
    truth_key, ours_key, theirs_key = (f" {_key(t)} " for t in (truth, ours, theirs))
    found: dict[str, list[tuple[str, str]]] = {"lost": [], "kept": [], "missed": [], "extra": []}
    seen: set[str] = set()
    for element, key in _blocks(tree):
        if key in seen:
            continue
        seen.add(key)
        inside = [f" {key} " in k for k in (truth_key, ours_key, theirs_key)]
        kind = block_kind(element)
        if inside == [True, False, True]:
            found["lost"].append((kind, key))
        elif inside == [False, True, False]:
            found["kept"].append((kind, key))
        if inside[0] != inside[1]:  # against the truth alone, whatever trafilatura answers
            found["missed" if inside[0] else "extra"].append((kind, key))
    return found


def misreads(pages: list[dict[str, Any]]) -> None:
    """Documentation pages typed otherwise and other pages typed documentation, with their F1."""
    for label, chosen in (("documentation typed otherwise", [p for p in pages if p["type"] == "documentation" and p["page_type"] != "documentation"]),
                          ("other types typed documentation", [p for p in pages if p["type"] != "documentation" and p["page_type"] == "documentation"])):
        ours = [word_f1(p["truth"], p["answer"]) for p in chosen]
        theirs = [word_f1(p["truth"], p["reference"]) for p in chosen]
        print(f"{label}: {len(chosen)} pages, ours {np.mean(ours) if ours else float('nan'):.4f}, trafilatura {np.mean(theirs) if theirs else float('nan'):.4f}")
        for p, o, t in zip(chosen, ours, theirs):
            print(f"    {p['id']:>6} {p['type'][:5]}/{p['page_type'][:5]} ours {o:.3f} traf {t:.3f} {site_of(p['url'])}")


def report(pages: list[dict[str, Any]], show_pages: bool, examples: int) -> None:
    docs = [p for p in pages if p["type"] == "documentation"]
    ours = np.array([word_f1(p["truth"], p["answer"]) for p in docs])
    theirs = np.array([word_f1(p["truth"], p["reference"]) for p in docs])
    print(f"tune pages {len(pages)}; documentation by label {len(docs)}: ours {ours.mean():.4f}, trafilatura defaults {theirs.mean():.4f}; "
          f"trafilatura ahead on {(theirs > ours + 1e-9).sum()} (summed {(theirs - ours).clip(0).sum():.3f}), ours ahead on {(ours > theirs + 1e-9).sum()} "
          f"(summed {(ours - theirs).clip(0).sum():.3f})")
    misreads(pages)
    sides = ("lost", "kept", "missed", "extra")
    words: dict[str, Counter[str]] = {side: Counter() for side in sides}
    pages_with: dict[str, Counter[str]] = {side: Counter() for side in sides}
    shown: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p, o, t in sorted(zip(docs, ours, theirs), key=lambda row: row[1] - row[2]):
        if show_pages:
            print(f"  {p['id']:>6} {p['page_type'][:5]:5s} {p['branch'][:5]:5s} ours {o:.3f} traf {t:.3f} {o - t:+.3f} {site_of(p['url'])}")
        found = block_losses(p["html"], p["truth"], p["answer"], p["reference"])
        for side, blocks in found.items():
            if side in ("lost", "kept") and t <= o + 1e-9:  # these two on the pages where trafilatura wins only
                continue
            kinds = Counter()
            for kind, key in blocks:
                kinds[kind] += key.count(" ") + 1
                if len(shown[side, kind]) < examples:
                    shown[side, kind].append(f"{site_of(p['url'])}: {key[:90]}")
            words[side].update(kinds)
            pages_with[side].update(kinds.keys())
            if show_pages and kinds and side in ("lost", "kept"):
                print(f"         {side}: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for side, label in (("lost", "in the truth and trafilatura's answer, not in ours (pages where trafilatura wins)"),
                        ("kept", "in ours, not in the truth nor trafilatura's (pages where trafilatura wins)"),
                        ("missed", "in the truth, not in ours (every documentation page)"),
                        ("extra", "in ours, not in the truth (every documentation page)")):
        print(f"blocks {label}, words by kind:")
        for kind in KINDS:
            if words[side][kind]:
                print(f"  {kind:12s} {words[side][kind]:5d} words on {pages_with[side][kind]:2d} pages")
                for example in shown[side, kind]:
                    print(f"      {example}")


def host_folds(pages: list[dict[str, Any]], delta: np.ndarray, salt: str) -> np.ndarray:
    """`delta` summed over the five folds of the pages' hosts (bench.fitting.hash_bucket(host, 5, salt))."""
    sums = np.zeros(5)
    for p, d in zip(pages, delta):
        sums[hash_bucket(site_of(p["url"]), 5, salt)] += d
    return sums


def ratio_sweep(pages: list[dict[str, Any]]) -> None:
    """The documentation profile's region ratio moved: on the pages taken for documentation, the region's text
    answers when it has more than `ratio` times the words of trafilatura's (restored) answer (choice.prefer_region,
    the cookie rule aside), against the shipped ratio; the change summed per type and per host fold."""
    typed = [p for p in pages if p["page_type"] == "documentation" and p["region"]]
    ratio = np.array([len(_WORD.findall(p["region"])) / max(len(_WORD.findall(p["trafilatura_text"])), 1) for p in typed])
    text = np.array([word_f1(p["truth"], p["trafilatura_text"]) for p in typed])
    region = np.array([word_f1(p["truth"], p["region"]) for p in typed])
    docs = np.array([p["type"] == "documentation" for p in typed])
    shipped = np.where(ratio > SHIPPED_RATIO, region, text)
    print(f"region ratio on {len(typed)} pages taken for documentation with a region (shipped {SHIPPED_RATIO}):")
    for threshold in RATIOS:
        delta = np.where(ratio > threshold, region, text) - shipped
        docs_delta = np.where(docs, delta, 0.0)
        folds = [host_folds(typed, docs_delta, salt) for salt in SITE_SALTS]
        print(f"  {threshold:4.2f}: documentation summed {docs_delta.sum():+.3f}, other types {delta[~docs].sum():+.3f}, "
              f"pages up {(delta > 1e-9).sum()} down {(delta < -1e-9).sum()}; host folds by salt "
              + " ".join(f"{salt}: {(f > 1e-9).sum()} up {(f < -1e-9).sum()} down;" for salt, f in zip(SITE_SALTS, folds)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--pages", action="store_true", help="print every documentation page")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--ratios", action="store_true", help="also sweep the documentation profile's region ratio")
    args = parser.parse_args(argv)
    pages = pickle.loads(args.cache.read_bytes())
    report(pages, args.pages, args.examples)
    if args.ratios:
        ratio_sweep(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
