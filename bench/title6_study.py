"""Fifteenth-session study of the HTML title ranker on WCXB's non-article tune pages (docs/quality/title.md). Bench only.

    python -m bench.title6_study DATA_DIR [--cache PATH] [--examples N]

Reads every WCXB tune page with a title as `bench.train_title` reads it (no address, the page type
from the same classifier), and prints:
1. for the shipped ranker's out-of-fold misses on non-article pages (site folds): which name the
   annotator chose (the `<h1>`, the whole `<title>`, its head, a tail or part, og:title, JSON-LD, the
   page's visible breadcrumb's last item, another heading), and whether it is among the candidates;
2. type-conditioned variants of the ranker, each scored out of fold on id splits and site splits,
   per page type: a per-type prior (how often each source family is right on the training folds'
   pages of the same predicted type, as one feature), predicted type x source family indicators,
   and both again with WCXB's true type (an upper bound: the product does not know it).
The held-out part is not read.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from lxml import html as lxml_html

from bench.title5_study import cached_tune_pages, host_of, html_crumb, id_fold, site_fold  # folds read .page.id and .host, as ours have
from bench.train_title import CV_FOLDS, PageCandidates, PageRows, fit
from bench.wcxb import Page, title_matches
from bot.digest.extract.html.metadata import clean_text
from bot.digest.extract.html.page_type import classify_page
from bot.digest.extract.html.title import Candidate

log = logging.getLogger(__name__)

ID_SALTS = ("title", "a")  # "title" is bench.train_title's own split
SITE_SALTS = ("site", "s1", "s2")
L2_GRID = (30.0, 50.0, 100.0)
NON_ARTICLE = ("collection", "documentation", "forum", "listing", "product", "service")
# Source families a per-type prior is kept for, in the order a candidate's family is named.
FAMILIES = ("h1", "title", "head", "tail_part", "ld", "crumb", "h2")
_FAMILY_OF = {
    "h1_first": "h1", "h1_other": "h1", "h2_first": "h2", "title": "title", "og": "title",
    "title_head": "head", "og_head": "head", "title_tail": "tail_part", "og_tail": "tail_part",
    "title_part": "tail_part", "og_part": "tail_part", "ld_content": "ld", "ld_page": "ld", "ld_other": "ld",
    "crumb": "crumb",
}


@dataclass
class StudyPage:
    """One tune page's candidates (as the trainer reads them), its predicted type and where else on
    the page WCXB's title is written (for misses no candidate covers)."""

    page: PageCandidates
    host: str
    predicted: str
    truth_title: str
    crumb: str = ""
    truth_in: list[str] = field(default_factory=list)


def families_of(candidate: Candidate) -> set[str]:
    return {_FAMILY_OF[source] for source in candidate.sources if source in _FAMILY_OF}


def where_truth_is(tree, truth: str, crumb: str, og_title: str) -> list[str]:
    """Where on the page an element's whole text is WCXB's title: the visible breadcrumb's last item,
    og:title, a heading other than the first `<h1>`/`<h2>`, any other element."""
    found = []
    if crumb and title_matches(truth, crumb):
        found.append("visible breadcrumb")
    if og_title and title_matches(truth, og_title):
        found.append("og:title")
    headings = [clean_text(" ".join(h.itertext())) for tag in ("h2", "h3", "h4", "h5", "h6") for h in tree.iter(tag)]
    if any(title_matches(truth, text) for text in headings[:40]):
        found.append("h2-h6 heading")
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag not in ("html", "body", "head"):
            text = clean_text(" ".join(element.itertext()))
            if text and len(text) < 300 and title_matches(truth, text):
                found.append(f"element <{element.tag}>")
                break
    return found


def _study_page(page: Page, candidates: PageCandidates, tree: lxml_html.HtmlElement) -> StudyPage:
    crumb = html_crumb(tree)
    og = next(iter(tree.xpath("//meta[@property='og:title']/@content")), "")
    return StudyPage(candidates, host_of(page.url) or page.id, classify_page(tree, None), page.title, crumb, where_truth_is(tree, page.title, crumb, og))


def read_study_pages(data_dir: Path, cache: Path) -> list[StudyPage]:
    return cached_tune_pages(data_dir, cache, _study_page)


# --- type-conditioned columns ---------------------------------------------------------------------

# A variant: given the training pages of a fold, a function giving the extra columns of any page.
Columns = Callable[[list["StudyPage"]], Callable[["StudyPage"], np.ndarray]]
TypeOf = Callable[["StudyPage"], str]


def predicted_type(page: StudyPage) -> str:
    return page.predicted


def true_type(page: StudyPage) -> str:
    return page.page.type


def family_prior(training: list[StudyPage], type_of: TypeOf) -> dict[tuple[str, str], float]:
    """Log odds, smoothed towards the family's rate over all types, that a family's candidate is right
    on a page of this type where that family offers one: the per-type prior, from training pages only."""
    offered: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for page in training:
        kind = type_of(page)
        for candidate, label in zip(page.page.candidates, page.page.labels):
            for name in families_of(candidate):
                for key in ((kind, name), ("*", name)):
                    offered[key] += 1
                    right[key] += int(label)
    prior = {}
    for (kind, name), count in offered.items():
        overall = (right[("*", name)] + 1) / (offered[("*", name)] + 2)
        rate = (right[(kind, name)] + 5 * overall) / (count + 5)  # five pseudo-pages of the overall rate
        prior[(kind, name)] = math.log(rate / (1 - rate)) if 0 < rate < 1 else 0.0
    return prior


def prior_columns(type_of: TypeOf, deviation: bool = False) -> Columns:
    """One column: the best per-type prior among the candidate's families (0 where it has none); with
    `deviation`, the type's prior less the pooled one (what the type adds to the shipped source flags)."""
    def columns(training: list[StudyPage]) -> Callable[[StudyPage], np.ndarray]:
        prior = family_prior(training, type_of)

        def value(kind: str, name: str) -> float:
            pooled = prior.get(("*", name), 0.0)
            return prior.get((kind, name), pooled) - (pooled if deviation else 0.0)

        def of_page(page: StudyPage) -> np.ndarray:
            kind = type_of(page)
            values = [max((value(kind, name) for name in families_of(c)), default=0.0) for c in page.page.candidates]
            return np.asarray(values, dtype=float).reshape(-1, 1)
        return of_page
    return columns


def interaction_columns(type_of: TypeOf, families: tuple[str, ...] = ("h1", "title", "head", "tail_part")) -> Columns:
    """Six non-article type one-hots x source family indicators (the article is the base)."""
    def columns(training: list[StudyPage]) -> Callable[[StudyPage], np.ndarray]:
        return of_page

    def of_page(page: StudyPage) -> np.ndarray:
        kind = type_of(page)
        rows = []
        for candidate in page.page.candidates:
            names = families_of(candidate)
            rows.append([1.0 if kind == t and name in names else 0.0 for t in NON_ARTICLE for name in families])
        return np.asarray(rows, dtype=float).reshape(len(page.page.candidates), len(NON_ARTICLE) * len(families))
    return columns


# How many times a training page counts (the trainer: once each).
Repeats = Callable[["StudyPage"], int]


def once(page: StudyPage) -> int:
    return 1


def non_article_twice(page: StudyPage) -> int:
    """Non-article pages (predicted) weigh twice in training: articles are 56% of tune and set most weights."""
    return 1 if page.predicted == "article" else 2


VARIANTS: tuple[tuple[str, Columns | None, Repeats], ...] = (
    ("shipped features", None, once),
    ("+ per-type family prior (predicted type)", prior_columns(predicted_type), once),
    ("+ predicted type x {h1, title, head, tail/part}", interaction_columns(predicted_type), once),
    ("+ per-type family prior (WCXB's true type: upper bound)", prior_columns(true_type), once),
    ("+ true type x {h1, title, head, tail/part} (upper bound)", interaction_columns(true_type), once),
    ("+ per-type prior less the pooled one (predicted type)", prior_columns(predicted_type, deviation=True), once),
    ("shipped features, predicted non-article pages weigh twice", None, non_article_twice),
    ("+ per-type family prior, non-article pages weigh twice", prior_columns(predicted_type), non_article_twice),
)


# --- out-of-fold picks ----------------------------------------------------------------------------


def with_columns(rows: PageRows, extra: np.ndarray | None) -> PageRows:
    return rows if extra is None else PageRows(rows.id, rows.type, np.hstack([rows.rows, extra]), rows.labels)


def out_of_fold_picks(
    pages: list[StudyPage], base: list[PageRows], variant: Columns | None, l2: float, folds: list[int], repeats: Repeats = once,
) -> list[int]:
    """Each page's pick by a ranker fitted on the other folds; the variant's columns (a prior, say) are
    computed from those folds' pages only."""
    picks = [0] * len(pages)
    for fold in range(CV_FOLDS):
        training = [p for p, f in zip(pages, folds) if f != fold]
        extra = variant(training) if variant else None
        rows = [with_columns(r, extra(p) if extra else None) for p, r in zip(pages, base)]
        model = fit([r for p, r, f in zip(pages, rows, folds) if f != fold for _ in range(repeats(p))], l2)
        for index, (row, f) in enumerate(zip(rows, folds)):
            if f == fold and len(row.labels):
                picks[index] = int(np.argmax(model.logits(row.rows)))
    return picks


def right_flags(base: list[PageRows], picks: list[int]) -> list[bool]:
    return [bool(len(r.labels)) and bool(r.labels[k]) for r, k in zip(base, picks)]


def by_type(pages: list[StudyPage], flags: list[bool]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for page, ok in zip(pages, flags):
        counts[page.page.type] += int(ok)
    return dict(counts)


# --- what the annotator chose on the misses ------------------------------------------------------------


def chosen_name(page: StudyPage) -> str:
    """The families of the candidates that match WCXB's title, or where else on the page it is."""
    if page.page.labels.any():
        right = set().union(*(families_of(c) for c, label in zip(page.page.candidates, page.page.labels) if label))
        return "candidate: " + ("+".join(name for name in FAMILIES if name in right) or "rule only")
    return "no candidate; " + (", ".join(page.truth_in) if page.truth_in else "nowhere as an element's whole text")


def print_misses(pages: list[StudyPage], base: list[PageRows], picks: list[int], examples: int) -> None:
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for page, row, pick in zip(pages, base, picks):
        if page.page.type == "article" or (len(row.labels) and row.labels[pick]):
            continue
        taken = "+".join(name for name in FAMILIES if name in families_of(page.page.candidates[pick])) or "rule"
        kinds[page.page.type][f"took {taken}; WCXB's is {chosen_name(page)}"] += 1
    for kind in NON_ARTICLE:
        counter = kinds.get(kind, Counter())
        print(f"  {kind} ({sum(counter.values())} misses):")
        for name, count in counter.most_common():
            print(f"    {count:3d}  {name}")
    if examples:
        print("  examples (id, type, predicted | taken | WCXB | visible breadcrumb):")
        for page, row, pick in zip(pages, base, picks):
            if page.page.type != "article" and not (len(row.labels) and row.labels[pick]) and examples > 0:
                examples -= 1
                print(f"    {page.page.id} {page.page.type:13s} {page.predicted:13s} | {page.page.candidates[pick].text[:60]!r} | {page.truth_title[:60]!r} | {page.crumb[:40]!r}")


def print_sources(pages: list[StudyPage]) -> None:
    """Per true type: where WCXB's title is found, over all tune pages (not only misses)."""
    print("\nwhere WCXB's title is, all tune pages with a title, by true type:")
    for kind in ("article",) + NON_ARTICLE:
        group = [p for p in pages if p.page.type == kind]
        counter: Counter[str] = Counter()
        for page in group:
            if page.page.labels.any():
                for name in set().union(*(families_of(c) for c, label in zip(page.page.candidates, page.page.labels) if label)):
                    counter[name] += 1
            else:
                counter["no candidate"] += 1
            if page.crumb and title_matches(page.truth_title, page.crumb):
                counter["visible breadcrumb"] += 1
        print(f"  {kind:13s} {len(group):4d}: " + ", ".join(f"{name} {counter[name]}" for name in FAMILIES + ("visible breadcrumb", "no candidate")))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/titles6/pages.pickle"))
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--variants", type=int, default=len(VARIANTS), help="how many of the variants to score")
    parser.add_argument("--skip-variants", type=int, default=0, help="how many of the first variants to leave out")
    args = parser.parse_args(argv)
    pages = read_study_pages(args.data_dir, args.cache)
    base = [page.page.rows() for page in pages]
    types = Counter(p.page.type for p in pages)
    print(f"{len(pages)} tune pages with a title; some candidate right on {sum(r.labels.any() for r in base)}; {len({p.host for p in pages})} sites")
    print_sources(pages)
    print("\nshipped features, site folds (salt site), L2 100: non-article misses, what WCXB chose")
    print_misses(pages, base, out_of_fold_picks(pages, base, None, 100.0, [site_fold(p, "site") for p in pages]), args.examples)
    order = ("article",) + NON_ARTICLE
    print("\npages right out of fold, per split: " + ", ".join(f"id {s}" for s in ID_SALTS) + ", " + ", ".join(f"site {s}" for s in SITE_SALTS))
    print("  per type: " + " ".join(f"{k}({types[k]})" for k in order))
    splits = [[id_fold(p, s) for p in pages] for s in ID_SALTS] + [[site_fold(p, s) for p in pages] for s in SITE_SALTS]
    shipped = {l2: [right_flags(base, out_of_fold_picks(pages, base, None, l2, folds)) for folds in splits] for l2 in L2_GRID}
    for name, variant, repeats in VARIANTS[args.skip_variants : args.variants]:
        for l2 in L2_GRID:
            totals, per_type, up, down = [], Counter(), Counter(), Counter()
            for folds, before in zip(splits, shipped[l2]):
                flags = right_flags(base, out_of_fold_picks(pages, base, variant, l2, folds, repeats))
                totals.append(sum(flags))
                per_type.update(by_type(pages, flags))
                for page, was, now in zip(pages, before, flags):
                    up[page.page.type] += int(now and not was)
                    down[page.page.type] += int(was and not now)
            mean_type = " ".join(f"{per_type[k] / len(splits):.1f}" for k in order)
            moves = " ".join(f"+{up[k]}/-{down[k]}" for k in order)
            print(f"  {name:58s} L2 {l2:4g}: {totals} mean {np.mean(totals):.1f} | per type (mean) {mean_type} | pages up/down over the splits {moves}")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
