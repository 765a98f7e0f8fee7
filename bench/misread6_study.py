"""Article pages read through another type's path: what the extractor could do when the type is uncertain
or the page carries strong article markup (fifteenth session, issue 9 target 1, misread6).

    python -m bench.misread6_study DATA_DIR [--cache PATH] [--rules]

Every WCXB tune page with a truth, and every ScrapingHub page, goes through the product's `extract_html`
under the shipped classifier's type, under its runner-up type and under the article profile (the type
forced; each reading once), and the answers, their scores (WCXB word F1; ScrapingHub shingle counts), the
classifier's seven logits and the page's article markup (`article_marks`) are cached
(`/tmp/misread6/cache.pkl`; trafilatura's answer once per page and set of chrome words, as
`bench.pagetype3_study` does). The rules below then replay on the cache without extracting again:

1. markup: a page with JSON-LD Article (NewsArticle, BlogPosting, ...) carrying an articleBody, or
   og:type=article, and one dominant `<article>` element, is read as an article whatever the classifier says;
2. close call: when the top two logits are within a margin and one is article, both readings are made
   and the one a type-independent signal of the answer prefers is kept (`prose_share`, `sentence_share`);
3. fallback: the article reading replaces a typed reading with far fewer words.

Each is scored over all tune pages (pages up and down per true type), by id folds and by site folds
(four salts, `bench.forums2_study`), and on ScrapingHub; the count of pages it fires on is the count of
second readings it costs.
"""

from __future__ import annotations

import argparse
import logging
import math
import pickle
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

import bot.digest.extract.html_extractor as hx
from bench.choice_study import site_of, tune_items
from bench.extraction import load_pages
from bench.fitting import hash_bucket
from bench.forums2_study import SITE_SALTS
from bench.metrics import aggregate, page_counts
from bench.pagetype3_study import _Forced, _MemoMainText, _answer
from bench.wcxb import word_f1
from bot.digest.extract.html import page_type
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.prune import drop_scripts_and_styles
from bot.settings import DigestSettings

log = logging.getLogger(__name__)

DEFAULT_CACHE = Path("/tmp/misread6/cache.pkl")
TYPES = page_type.PAGE_TYPES
ARTICLE_LD = frozenset({"Article", "NewsArticle", "BlogPosting", "Report", "TechArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "ScholarlyArticle"})
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)]\s*$")


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in a document: lists, @graph and nested values walked (objects only)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)


def _types_of(node: dict[str, Any]) -> set[str]:
    declared = node.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return {name.rsplit("/", 1)[-1] for name in names if isinstance(name, str)}


def article_marks(tree: Any, json_ld: list[Any]) -> dict[str, float]:
    """The page's article markup, read the same whatever its type: JSON-LD article objects and the words
    of their articleBody, og:type=article, how many `<article>` elements hold text and the body's share of
    words in the largest."""
    ld_article = ld_body_words = 0
    for document in json_ld:
        for node in _nodes(document):
            if _types_of(node) & ARTICLE_LD:
                ld_article = 1
                body = node.get("articleBody")
                if isinstance(body, str):
                    ld_body_words = max(ld_body_words, len(_WORD.findall(body)))
    og_article = int(any((meta.get("content") or "").strip().lower() == "article" for meta in tree.iter("meta") if (meta.get("property") or meta.get("name") or "").lower() == "og:type"))
    body = tree.find("body")
    body_words = len(_WORD.findall(body.text_content())) if body is not None else 0
    outer = [element for element in tree.iter("article") if not any(a.tag == "article" for a in element.iterancestors())]
    sizes = sorted((len(_WORD.findall(element.text_content())) for element in outer), reverse=True)
    with_text = sum(1 for size in sizes if size >= 50)
    largest = sizes[0] if sizes else 0
    return {
        "ld_article": ld_article,
        "ld_body_words": ld_body_words,
        "og_article": og_article,
        "articles_with_text": with_text,
        "largest_article_share": largest / body_words if body_words else 0.0,
        "second_article_words": sizes[1] if len(sizes) > 1 else 0,
        "largest_article_words": largest,
        "body_words": body_words,
    }


def _marks_of(html: str) -> dict[str, float]:
    tree = hx._parse(html)
    hx.drop_permalinks(tree)
    hx.code_in_preformatted(tree)
    return article_marks(tree, list(json_ld_documents(tree)))


def _readings(html: str, url: str | None, forced: _Forced, memo: _MemoMainText, max_elements: int) -> tuple[dict[str, float], dict[str, str]]:
    """The page's features (as extract_html computes them) and its answers under the shipped type, the
    runner-up and article."""
    forced.features = None
    memo.memo.clear()
    answers: dict[str, str] = {}
    forced.kind = "article"
    answers["article"] = _answer(html, url, max_elements)
    features = forced.features or {}
    logits = page_type.shipped_model().scores(page_type.feature_vector(features)) if features else {t: 0.0 for t in TYPES}
    ranked = sorted(TYPES, key=lambda t: -logits[t])
    for kind in ranked[:2]:
        if kind not in answers:
            forced.kind = kind
            answers[kind] = _answer(html, url, max_elements)
    return logits, answers


def build(data_dir: Path, cache: Path) -> dict[str, dict[str, Any]]:
    """The cache: for each WCXB tune page ("w" + id) and ScrapingHub page ("s" + id), its true type, site,
    truth, logits, article marks and answers (resumable)."""
    results: dict[str, dict[str, Any]] = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    forced = _Forced()
    memo = _MemoMainText(forced)
    original, original_main = hx.classify_page, hx._main_text
    hx.classify_page, hx._main_text = forced, memo
    max_elements = DigestSettings().max_html_elements
    started = time.time()

    def pages() -> Iterator[tuple[str, str, str, str | None, str]]:
        for page_id, item, html in tune_items(data_dir):
            yield "w" + page_id, item["type"], item["truth"], item.get("url") or None, html
        for page_id, html, truth in load_pages(data_dir):
            yield "s" + page_id, "article", truth, None, drop_scripts_and_styles(html)

    try:
        for n, (key, kind, truth, url, html) in enumerate(pages()):
            if key in results:
                continue
            logits, answers = _readings(html, url, forced, memo, max_elements)
            results[key] = {"type": kind, "url": url or "", "truth": truth, "logits": logits, "answers": answers, "marks": _marks_of(html)}
            if n % 50 == 0:
                log.info("%d pages, %.0f s", n, time.time() - started)
                _save(cache, results)
    finally:
        hx.classify_page, hx._main_text = original, original_main
    _save(cache, results)
    return results


def _save(cache: Path, results: dict[str, dict[str, Any]]) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(results))


# ---- the rules, replayed on the cache ----

Page = dict[str, Any]
Rule = Callable[[Page], str]  # the type whose answer the page keeps


def shipped_type(page: Page) -> str:
    return max(TYPES, key=lambda t: page["logits"][t])


def runner_up(page: Page) -> str:
    return sorted(TYPES, key=lambda t: -page["logits"][t])[1]


def words(text: str) -> int:
    return len(_WORD.findall(text))


def prose_share(text: str, least_words: int = 8) -> float:
    """The share of the answer's words in lines of `least_words` words or more that end as a sentence:
    the same measure whatever the page's type, and no larger for a longer answer of the same kind."""
    total = prose = 0
    for line in text.splitlines():
        count = words(line)
        total += count
        if count >= least_words and _SENTENCE_END.search(line):
            prose += count
    return prose / total if total else 0.0


def link_free_lines(text: str) -> float:
    """The share of the answer's lines of 4 words or more (labels and menu lines are shorter)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return sum(1 for line in lines if words(line) >= 4) / len(lines) if lines else 0.0


SIGNALS: dict[str, Callable[[str], float]] = {
    "prose share": prose_share,
    "lines of 4+ words": link_free_lines,
    "more words (the obvious one)": lambda text: float(words(text)),
}


def shipped(page: Page) -> str:
    return shipped_type(page)


def markup_rule(body_words: int | None, og: bool, least_share: float, one_article: bool = True) -> Rule:
    """Read as article a page typed otherwise whose JSON-LD declares an article with an articleBody of
    `body_words` words or more (None: not asked), or (`og`) with og:type=article, when its largest
    `<article>` holds `least_share` of the body's words (and, `one_article`, no other holds 50 words)."""

    def rule(page: Page) -> str:
        kind, marks = shipped_type(page), page["marks"]
        if kind == "article":
            return kind
        declared = (body_words is not None and marks["ld_article"] and marks["ld_body_words"] >= body_words) or (og and marks["og_article"])
        dominant = marks["largest_article_share"] >= least_share and (not one_article or marks["articles_with_text"] <= 1)
        return "article" if declared and dominant else kind

    return rule


def close_call_rule(margin: float, signal: Callable[[str], float], least_gain: float = 0.0, toward_article_only: bool = False) -> Rule:
    """When the top two logits are within `margin` and one is article, keep the answer `signal` prefers
    (the shipped type's unless the other's signal is higher by more than `least_gain`); with
    `toward_article_only`, only a page typed otherwise with article the runner-up (the misread articles'
    side; the other side is the thirteenth session's service rival)."""

    def rule(page: Page) -> str:
        first, second = shipped_type(page), runner_up(page)
        wanted = second == "article" if toward_article_only else "article" in (first, second)
        if not wanted or page["logits"][first] - page["logits"][second] > margin:
            return first
        answers = page["answers"]
        return second if signal(answers[second]) > signal(answers[first]) + least_gain else first

    return rule


def fallback_rule(ratio: float, least_article_words: int = 100) -> Rule:
    """The article answer in place of a typed answer with under `ratio` of its words."""

    def rule(page: Page) -> str:
        kind = shipped_type(page)
        if kind == "article":
            return kind
        typed, article = words(page["answers"][kind]), words(page["answers"]["article"])
        return "article" if article >= least_article_words and typed < ratio * article else kind

    return rule


def rules() -> dict[str, Rule]:
    """Every variant tried (the grids of the session's doc section)."""
    found: dict[str, Rule] = {}
    for share in (0.0, 0.3, 0.5, 0.7):
        found[f"markup: LD articleBody >= 1 word, article share >= {share}"] = markup_rule(1, False, share)
        found[f"markup: LD articleBody >= 100 words, article share >= {share}"] = markup_rule(100, False, share)
        found[f"markup: og:type article, article share >= {share}"] = markup_rule(None, True, share)
        found[f"markup: LD articleBody or og article, article share >= {share}"] = markup_rule(1, True, share)
        found[f"markup: any LD article, article share >= {share}"] = markup_rule(0, False, share)
    for margin in (0.5, 1.0, 2.0, 3.0):
        for name, signal in SIGNALS.items():
            for gain in (0.0, 0.1):
                if gain and name.startswith("more words"):
                    continue
                found[f"close call: margin {margin}, {name}, by more than {gain}"] = close_call_rule(margin, signal, gain)
                found[f"close call toward article: margin {margin}, {name}, by more than {gain}"] = close_call_rule(margin, signal, gain, True)
    for ratio in (0.2, 0.35, 0.5, 0.7):
        found[f"fallback: typed answer under {ratio} of the article's words"] = fallback_rule(ratio)
    return found


def score(page: Page, kind: str) -> Any:
    """WCXB word F1, or the ScrapingHub page's shingle counts, of the page's answer under `kind`."""
    memo = page.setdefault("scores", {})
    if kind not in memo:
        answer = page["answers"][kind]
        memo[kind] = page_counts(page["truth"], answer) if page["key"].startswith("s") else word_f1(page["truth"], answer)
    return memo[kind]


def fold_sums(pages: list[Page], delta: np.ndarray, salt: str | None) -> list[float]:
    """Page deltas summed in five folds: by id (salt None), else by site under `salt` (forums2_study's)."""
    sums = [0.0] * 5
    for page, change in zip(pages, delta):
        key = page["key"][1:] if salt is None else site_of(page["url"]) or page["key"][1:]
        sums[hash_bucket(key, 5, salt or "")] += change
    return sums


def evaluate(pages: list[Page], scrapinghub: list[Page], rule: Rule) -> dict[str, Any]:
    """The rule against the shipped choice: mean F1 on tune, pages up and down per true type, fold sums
    (id, site a-d), folds down, the pages it needs a second reading on, ScrapingHub's F1."""
    chosen = [rule(page) for page in pages]
    delta = np.array([score(page, kind) - score(page, shipped_type(page)) for page, kind in zip(pages, chosen)])
    base = np.array([score(page, shipped_type(page)) for page in pages])
    per_type = {}
    for kind in TYPES:
        mask = np.array([page["type"] == kind for page in pages])
        per_type[kind] = (float(delta[mask].sum()), int((delta[mask] > 1e-9).sum()), int((delta[mask] < -1e-9).sum()))
    groupings = {"id": fold_sums(pages, delta, None)} | {f"site {salt}": fold_sums(pages, delta, salt) for salt in SITE_SALTS}
    sh_chosen = [rule(page) for page in scrapinghub]
    sh = aggregate(score(page, kind) for page, kind in zip(scrapinghub, sh_chosen)).f1 if scrapinghub else math.nan
    return {
        "mean": float((base + delta).mean()),
        "base": float(base.mean()),
        "moved": sum(kind != shipped_type(page) for page, kind in zip(pages, chosen)),
        "up": int((delta > 1e-9).sum()),
        "down": int((delta < -1e-9).sum()),
        "per_type": per_type,
        "folds": groupings,
        "folds_down": sum(s < -1e-9 for sums in groupings.values() for s in sums),
        "sh_f1": sh,
        "sh_moved": sum(kind != shipped_type(page) for page, kind in zip(scrapinghub, sh_chosen)),
        "changes": sorted(((float(d), page["key"][1:], page["type"], shipped_type(page), kind) for page, kind, d in zip(pages, chosen, delta) if abs(d) > 1e-9)),
    }


def loaded(cache: Path) -> tuple[list[Page], list[Page]]:
    results = pickle.loads(cache.read_bytes())
    pages = [dict(value, key=key) for key, value in results.items()]
    return [p for p in pages if p["key"].startswith("w")], [p for p in pages if p["key"].startswith("s")]


def report(pages: list[Page], scrapinghub: list[Page], names: list[str] | None = None, show_pages: bool = False) -> None:
    baseline = aggregate(score(page, shipped_type(page)) for page in scrapinghub).f1 if scrapinghub else math.nan
    print(f"tune pages {len(pages)}, shipped choice {np.mean([score(p, shipped_type(p)) for p in pages]):.5f}; ScrapingHub (replay) {baseline:.5f}")
    found = rules()
    for name in names or list(found):
        result = evaluate(pages, scrapinghub, found[name])
        types = " ".join(f"{k[:4]} {s:+.2f} ({u}/{d})" for k, (s, u, d) in result["per_type"].items() if u or d)
        print(f"{name}\n  all {result['mean']:.5f} ({result['mean'] - result['base']:+.5f}); moved {result['moved']} (up {result['up']}, down {result['down']}); folds down {result['folds_down']}/25; SH {result['sh_f1']:.5f} ({result['sh_moved']} moved)\n  {types}")
        for grouping, sums in result["folds"].items():
            print(f"    {grouping:7s} " + " ".join(f"{s:+.3f}" for s in sums))
        if show_pages:
            for change in result["changes"]:
                print("      %+.3f %s %s read %s -> %s" % change)


def close_calls(pages: list[Page], margin: float) -> None:
    """The close calls' answers: for the pages within `margin` with article among the top two, whether each
    signal picks the better reading, and how often it picks the longer one."""
    calls = [p for p in pages if "article" in (shipped_type(p), runner_up(p)) and p["logits"][shipped_type(p)] - p["logits"][runner_up(p)] <= margin]
    print(f"close calls within {margin}: {len(calls)} pages")
    for name, signal in SIGNALS.items():
        right = longer = differ = 0
        for page in calls:
            first, second = shipped_type(page), runner_up(page)
            a, b = page["answers"][first], page["answers"][second]
            fa, fb = score(page, first), score(page, second)
            if abs(fa - fb) < 1e-9 or signal(a) == signal(b):
                continue
            differ += 1
            pick_b = signal(b) > signal(a)
            right += (fb > fa) == pick_b
            longer += (words(b) > words(a)) == pick_b
        print(f"  {name}: picks the better of {differ} differing readings {right} times; the longer {longer} times")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--rules", nargs="*", default=None, help="replay these rules (all when none named)")
    parser.add_argument("--pages", action="store_true", help="list the pages each rule moves")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    results = build(args.data_dir, args.cache)
    print(f"{len(results)} pages cached in {args.cache}")
    if args.rules is not None:
        pages, scrapinghub = loaded(args.cache)
        for margin in (1.0, 2.0, 3.0):
            close_calls(pages, margin)
        report(pages, scrapinghub, args.rules or None, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
