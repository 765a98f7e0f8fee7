"""Eighteenth-session study of the HTML title ranker on WCXB's tune part (docs/quality/title.md). Bench only.

    python -m bench.htmltitle10_study DATA_DIR [--cache DIR] [--examples N]

Reads every WCXB tune page with a title as `bench.train_title` reads it (file path, no address) and
keeps, beside its candidates, where its `<h1>`s sit (inside the page's chrome: a header, nav, footer or
aside, or an element classed as a logo, brand or site title; inside an element classed as the content's
title) and two more readings of the first `<h1>` (a leading section number cut off; its text with
no space added between its child elements). Then prints:
1. the loss table of the shipped features' out-of-fold misses (host folds, salt "site", L2 100), by
   predicted page type and by kind: where WCXB's title sits (`<title>` less the site's name, whole
   `<title>`/og:title, JSON-LD, the first `<h1>`, the breadcrumb) against what was chosen; for a title
   no candidate offers, what it is (an `<h1>` with a brand span, a forum thread, a listing's heading, a
   documentation `<h1>` plus its section);
2. variants (new columns or new candidates) scored out of fold on five host-fold splits: right per
   fold of split "site" against the shipped features, per page type, pages up and down.
The held-out part is not read.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from lxml import html as lxml_html

from bench.title5_study import cached_tune_pages, host_of, out_of_fold_picks, site_fold  # the folds read .page.id and .host, as ours have
from bench.title6_study import where_truth_is
from bench.train_title import CV_FOLDS, PageCandidates, PageRows
from bench.wcxb import Page, title_matches
from bot.digest.extract.html.metadata import _heading_text, clean_text
from bot.digest.extract.html.page_type import classify_page
from bot.digest.extract.html.title import Candidate, _key

log = logging.getLogger(__name__)

SITE_SALTS = ("site", "s1", "s2", "s3", "s4")
L2 = 100.0  # the shipped model's strength (chosen by bench.train_title's CV)
_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
_CHROME_CLASS = re.compile(r"logo|brand|site[-_ ]?(?:title|name)|masthead|navbar|top[-_ ]?bar", re.IGNORECASE)
_CONTENT_CLASS = re.compile(r"(?:entry|post|article|product|page|story|content|thread|topic)[-_ ]?(?:title|name|heading|header)|headline", re.IGNORECASE)
# A documentation chapter's number before its name ("3.1 Git Branching - Branches in a Nutshell").
_SECTION_NUMBER = re.compile(r"^\s*(?:\d+\.)*\d+\.?\s+(?=\w)")


@dataclass
class HeadingPlace:
    """One `<h1>` of the page: its text and where it sits."""

    text: str
    in_chrome: bool
    content_class: bool
    in_main: bool


@dataclass
class StudyPage:
    page: PageCandidates
    host: str
    predicted: str
    truth_title: str
    h1s: list[HeadingPlace] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)  # more candidate texts: name -> text
    truth_in: list[str] = field(default_factory=list)


def _label(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def heading_place(heading: lxml_html.HtmlElement) -> HeadingPlace:
    """Where an `<h1>` sits: in the page's chrome (a logo's heading names the site), under an element
    classed as the content's title, inside `<main>` or `<article>`."""
    chrome = content = main = False
    for element in [heading, *heading.iterancestors()]:
        if not isinstance(element.tag, str):
            continue
        label = _label(element)
        chrome = chrome or element.tag in _CHROME_TAGS or bool(_CHROME_CLASS.search(label))
        content = content or bool(_CONTENT_CLASS.search(label)) or (element is heading and "title" in label.casefold())
        main = main or element.tag in ("main", "article") or "main" in label.casefold().split()
    return HeadingPlace(_heading_text(heading), chrome, content, main)


def first_h1_readings(h1s: list[lxml_html.HtmlElement]) -> dict[str, str]:
    """Other readings of the first `<h1>`: without a leading section number, and its pieces glued as the
    source has them (no space where a child element ends: "<span>Bershka</span>Faux ...")."""
    if not h1s:
        return {}
    text = _heading_text(h1s[0])
    glued = clean_text("".join(piece.strip() for piece in h1s[0].itertext()))
    return {"h1_unnumbered": _SECTION_NUMBER.sub("", text), "h1_glued": glued}


def _study_page(page: Page, candidates: PageCandidates, tree: lxml_html.HtmlElement) -> StudyPage:
    h1s = list(tree.iter("h1"))[:5]
    og = next(iter(tree.xpath("//meta[@property='og:title']/@content")), "")
    return StudyPage(
        candidates, host_of(page.url) or page.id, classify_page(tree, None), page.title,
        [heading_place(h) for h in h1s], first_h1_readings(h1s), where_truth_is(tree, page.title, "", og),
    )


def read_study_pages(data_dir: Path, cache: Path) -> list[StudyPage]:
    return cached_tune_pages(data_dir, cache, _study_page)


# --- variants: extra columns and extra candidates ---------------------------------------------------

# A variant gives a page's candidates (possibly more than the trainer's) and extra columns for them.
Variant = Callable[[StudyPage], tuple[list[Candidate], np.ndarray]]


def _h1_places(page: StudyPage, candidate: Candidate) -> list[HeadingPlace]:
    key = _key(candidate.text)
    return [place for place in page.h1s if _key(place.text) == key] if candidate.sources & {"h1_first", "h1_other"} else []


def place_columns(which: tuple[str, ...]) -> Variant:
    """Columns for an `<h1>` candidate: every copy in the chrome; one copy under a content-title class;
    one copy inside `<main>`/`<article>`."""

    def variant(page: StudyPage) -> tuple[list[Candidate], np.ndarray]:
        rows = []
        for candidate in page.page.candidates:
            places = _h1_places(page, candidate)
            row = []
            if "chrome" in which:
                row.append(1.0 if places and all(p.in_chrome for p in places) else 0.0)
            if "content" in which:
                row.append(1.0 if any(p.content_class for p in places) else 0.0)
            if "main" in which:
                row.append(1.0 if any(p.in_main for p in places) else 0.0)
            rows.append(row)
        return page.page.candidates, np.asarray(rows, dtype=float).reshape(len(rows), len(which))

    return variant


def forum_label_column(page: StudyPage) -> tuple[list[Candidate], np.ndarray]:
    """On a predicted forum page, a candidate that ends the first `<h1>` and is shorter: the thread's
    title without the forum's label before it ("News", "Player", "Thread:")."""
    h1 = _key(page.h1s[0].text) if page.h1s else ""
    flags = [1.0 if page.predicted == "forum" and h1 != _key(c.text) and _key(c.text) and h1.endswith(_key(c.text)) else 0.0 for c in page.page.candidates]
    return page.page.candidates, np.asarray(flags, dtype=float).reshape(-1, 1)


_LAST_PART = re.compile(r"\s+[-–—|]\s+[^-–—|]*$")


def h1_less_last_part(page: StudyPage) -> str:
    """The first `<h1>` less its last separator part: a product's colour, size or brand after its
    name ("BershkaFaux leather jacket - black", "Barbecue charbon inox 1600 - Martinsen")."""
    text = page.h1s[0].text if page.h1s else ""
    cut = _LAST_PART.sub("", text)
    return cut if cut != text else ""


Reading = Callable[[StudyPage], str]
READINGS: dict[str, Reading] = {
    "h1_unnumbered": lambda page: page.readings.get("h1_unnumbered", ""),
    "h1_glued": lambda page: page.readings.get("h1_glued", ""),
    "h1_cut": h1_less_last_part,
}


def reading_candidates(names: tuple[str, ...], types: tuple[str, ...] = ()) -> Variant:
    """More candidates: the first `<h1>`'s other readings, offered as an `<h1>` (its own column says which),
    on pages of the predicted `types` only when given."""

    def variant(page: StudyPage) -> tuple[list[Candidate], np.ndarray]:
        candidates = list(page.page.candidates)
        flags = [0.0] * len(candidates)
        keys = [_key(c.text) for c in candidates]
        for name in names if not types or page.predicted in types else ():
            text = READINGS[name](page)
            key = _key(text)
            if not key:
                continue
            if key in keys:
                flags[keys.index(key)] = 1.0
            else:
                candidates.append(Candidate(text, {"h1_other"}))
                keys.append(key)
                flags.append(1.0)
        return candidates, np.asarray(flags, dtype=float).reshape(-1, 1)

    return variant


def variant_rows(pages: list[StudyPage], variant: Variant | None) -> list[PageRows]:
    """Feature rows (the shipped features, plus the variant's columns) and labels of every page."""
    found = []
    for study in pages:
        page = study.page
        candidates, extra = (page.candidates, None) if variant is None else variant(study)
        if candidates is not page.candidates:
            labels = np.array([1.0 if title_matches(study.truth_title, c.text) else 0.0 for c in candidates])
            page = PageCandidates(page.id, page.type, candidates, page.html_title, page.site_names, page.headline_first, page.url, labels)
        rows = page.rows()
        if extra is not None and extra.size:
            rows = PageRows(rows.id, rows.type, np.hstack([rows.rows, extra]), rows.labels)
        found.append(rows)
    return found


def out_of_fold_right(pages: list[StudyPage], rows: list[PageRows], salt: str, l2: float = L2) -> list[bool]:
    """Whether each page's out-of-fold pick is right, folds by host."""
    picks = out_of_fold_picks(pages, rows, l2, salt, site_fold)
    return [bool(len(row.labels)) and bool(row.labels[pick]) for row, pick in zip(rows, picks)]


def per_fold(pages: list[StudyPage], right: list[bool], salt: str) -> list[int]:
    counts = [0] * CV_FOLDS
    for page, ok in zip(pages, right):
        counts[site_fold(page, salt)] += ok
    return counts


def by_type(pages: list[StudyPage], right: list[bool]) -> Counter:
    return Counter(page.page.type for page, ok in zip(pages, right) if ok)


# --- the loss table ---------------------------------------------------------------------------------


def kind_of(candidate: Candidate) -> str:
    """The source family a candidate stands for, most specific first."""
    sources = candidate.sources
    for name, members in (
        ("first <h1>", {"h1_first"}),
        ("other <h1>", {"h1_other"}),
        ("<title> less site", {"title_head", "og_head"}),
        ("whole <title>/og", {"title", "og"}),
        ("<title> tail/part", {"title_tail", "og_tail", "title_part", "og_part"}),
        ("JSON-LD", {"ld_content", "ld_page", "ld_other"}),
        ("breadcrumb end", {"crumb"}),
        ("first <h2>", {"h2_first"}),
    ):
        if sources & members:
            return name
    return "rule"


def no_candidate_kind(page: StudyPage) -> str:
    """What WCXB's title is when no candidate says it."""
    truth = set(re.findall(r"\w+", page.truth_title.casefold()))
    h1 = page.h1s[0].text if page.h1s else ""
    h1_words = set(re.findall(r"\w+", h1.casefold()))
    if page.readings.get("h1_glued") and title_matches(page.truth_title, page.readings["h1_glued"]):
        return "the first <h1> glued (a brand span)"
    if page.readings.get("h1_unnumbered") and title_matches(page.truth_title, page.readings["h1_unnumbered"]):
        return "the first <h1> less its section number"
    if h1_words and h1_words < truth:
        return f"the <h1> plus more words ({page.predicted})"
    if h1_words and truth < h1_words:
        return f"a cut of the <h1> ({page.predicted})"
    if page.truth_in:
        return f"another element ({', '.join(page.truth_in)})"
    return f"other wording ({page.predicted})"


def loss_table(pages: list[StudyPage], rows: list[PageRows], right: list[bool], examples: int) -> None:
    table: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    misses_by_type = Counter(page.predicted for page, ok in zip(pages, right) if not ok)
    print(f"\nshipped features, host folds (salt site), L2 {L2:g}: {sum(right)} of {len(pages)} right")
    print("misses by predicted type:", dict(misses_by_type.most_common()))
    model_picks = out_of_fold_picks(pages, rows, L2, "site", site_fold)
    for page, row, ok, pick in zip(pages, rows, right, model_picks):
        if ok:
            continue
        candidates = page.page.candidates
        if not page.page.labels.any():
            kind = "no candidate: " + no_candidate_kind(page)
        else:
            wanted = sorted({kind_of(c) for c, label in zip(candidates, page.page.labels) if label})
            kind = f"took {kind_of(candidates[pick])} -> wanted {' / '.join(wanted)}"
        table[kind][page.predicted] += 1
        if len(shown[kind]) < examples:
            shown[kind].append(f"{page.page.id} [{page.predicted}] took {candidates[pick].text[:70]!r} want {page.truth_title[:70]!r}")
    types = sorted({page.predicted for page in pages})
    print(f"\n| kind | all | {' | '.join(types)} |\n|---|---|{'---|' * len(types)}")
    for kind, counts in sorted(table.items(), key=lambda item: -sum(item[1].values())):
        print(f"| {kind} | {sum(counts.values())} | {' | '.join(str(counts[t]) for t in types)} |")
    for kind, lines in sorted(shown.items(), key=lambda item: -sum(table[item[0]].values())):
        print(f"\n{kind}:")
        for line in lines:
            print("   ", line)


# --- the comparison ---------------------------------------------------------------------------------

VARIANTS: dict[str, Variant] = {
    "h1 in chrome": place_columns(("chrome",)),
    "h1 under a content-title class": place_columns(("content",)),
    "h1 inside main/article": place_columns(("main",)),
    "chrome + content + main": place_columns(("chrome", "content", "main")),
    "candidate: first h1 less a section number": reading_candidates(("h1_unnumbered",)),
    "candidate: first h1 glued": reading_candidates(("h1_glued",)),
    "candidate: first h1 less its last part": reading_candidates(("h1_cut",)),
    "candidate: first h1 less its last part, product pages": reading_candidates(("h1_cut",), ("product",)),
    "forum: the end of the h1": forum_label_column,
}


def compare(pages: list[StudyPage], names: list[str], l2: float = L2) -> None:
    base_rows = variant_rows(pages, None)
    base = {salt: out_of_fold_right(pages, base_rows, salt, l2) for salt in SITE_SALTS}
    types = sorted({page.page.type for page in pages})
    print(f"\nL2 {l2:g}; folds of split 'site' | totals on splits {', '.join(SITE_SALTS)} | per true type on 'site' ({' '.join(types)}) | up/down over all splits")
    base_types = by_type(pages, base["site"])
    print(f"shipped: {per_fold(pages, base['site'], 'site')} | {[sum(v) for v in base.values()]} | {[base_types[t] for t in types]}")
    for name in names:
        rows = variant_rows(pages, VARIANTS[name])
        found = {salt: out_of_fold_right(pages, rows, salt, l2) for salt in SITE_SALTS}
        folds = per_fold(pages, found["site"], "site")
        base_folds = per_fold(pages, base["site"], "site")
        up = sum(1 for salt in SITE_SALTS for a, b in zip(base[salt], found[salt]) if b and not a)
        down = sum(1 for salt in SITE_SALTS for a, b in zip(base[salt], found[salt]) if a and not b)
        found_types = by_type(pages, found["site"])
        folds_up = sum(1 for a, b in zip(base_folds, folds) if b > a)
        print(
            f"{name}: {folds} ({folds_up} of 5 folds up) | {[sum(v) for v in found.values()]} | "
            f"{[found_types[t] - base_types[t] for t in types]} | +{up}/-{down}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/htmltitle10/pages.pickle"))
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = read_study_pages(args.data_dir, args.cache)
    print(f"{len(pages)} tune pages with a title; some candidate right on {sum(1 for p in pages if p.page.labels.any())}; {len({p.host for p in pages})} hosts")
    base_rows = variant_rows(pages, None)
    loss_table(pages, base_rows, out_of_fold_right(pages, base_rows, "site"), args.examples)
    compare(pages, args.variants)
    return 0


if __name__ == "__main__":
    # Run through the package's name, so the cached pages pickle as bench.htmltitle10_study's classes.
    from bench.htmltitle10_study import main as package_main

    sys.exit(package_main())
