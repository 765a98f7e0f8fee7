"""Sixteenth session: article rules chosen on one corpus by site folds and reported on the other, both ways; nothing here ships.

    python -m bench.sharticles7_study DATA_DIR [--cache PATH] [--scrapinghub-cache PATH] [--study losses|variants|choose]

Reads the caches of `bench.articles_study` (every WCXB tune page with a truth read once through the product's
`extract_html`, `article_text`'s input and answer recorded on the pages taken for articles) and of
`bench.articles5_study.load_scrapinghub` (the 181 ScrapingHub pages read the same way, no address); both are built
when missing. `losses`: per corpus, the article pages' loss split into its precision and recall parts (ScrapingHub:
the benchmark's 4-word shingles, each page's share of the summed 1 - P and 1 - R; WCXB: word bags,
`bench.articles6_study.loss_parts`), and the answer lines the truth lacks (and truth lines the answer lacks) by the
kind of line (`line_kind`: a dek before the frame, a teaser of another article, a contact or newsletter line, a
comments label, a credit, CSS text, ...) and by element and place against the article's frame. `variants`: each
of `VARIANTS` (a step applied to `article_text`'s recorded answer) against the shipped answer on both corpora, with
pages up and down and the fold sums (ScrapingHub: 5 folds by host under two salts; WCXB: 5 folds by host under
two salts). `choose`: the rule "train on one, report on the other" both ways: (a) a variant chosen on ScrapingHub's
site folds (in each fold the variant with the best gain on the other four; out-of-fold gains summed) and the
chosen one scored on WCXB's tune articles; (b) the same chosen on WCXB's tune site folds and scored on ScrapingHub.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
from bench.articles_study import _elements_by_text, _substitute, block_kind, load_pages, tune_urls
from bench.articles5_study import load_scrapinghub, settings
from bench.articles6_study import frame_place, loss_parts
from bench.choice_study import site_of
from bench.extraction import benchmark_dir
from bench.fitting import hash_bucket
from bench.metrics import PageCounts, _precision, _recall, _shingles, aggregate, page_counts
from bench.wcxb import word_f1

DEFAULT_CACHE = Path("/tmp/sharticles7/cache.pkl")
DEFAULT_SCRAPINGHUB_CACHE = Path("/tmp/sharticles7/scrapinghub.pkl")
SALTS = ("a", "b")  # two salts of the host folds, as the brief asks
FOLDS = 5

# --- line kinds (what an answer line the truth lacks is) ---------------------------------------------------------
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")
_CONTACT = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign up|signup|inbox|follow (?:us|him|her|me|them)|email (?:us|him|her)|"
    r"write to|reach (?:us|him|her)|may be reached|tips?\b.*\?|share (?:it|this))",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\b(?:photo|photos|photograph|image|images|picture|credit|getty|reuters|shutterstock|afp|ap photo)\b|©", re.IGNORECASE)
_TEASER = re.compile(r"^\W*([^:|]{2,30}?)\s*[:|]\s*(\S.*)$")
_COMMENTS_LABEL = re.compile(
    r"^\W*(?:\d+\s+)?(?:top rated |reader s? |readers? |show |view |add a |post a |leave a )?(?:comments?|reply|replies)\b.{0,20}$|"
    r"^\W*(?:leave a reply|tell us what you think|join the discussion|what do you think)\W*$",
    re.IGNORECASE,
)
_CSS = re.compile(r"^[#.@\w\s,:>\[\]=\"'-]+\{[^{}]*\}")
DEK_KIND_WORDS = 6  # a line of this many words before the frame is a "dek" kind (the variants read 6, 8 or 12)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def link_texts(tree: lxml_html.HtmlElement) -> set[str]:
    """The normal text of every link on the page with three words or more."""
    return {normal for normal in (article._normal(article._text(anchor)) for anchor in tree.iter("a")) if normal.count(" ") >= 2}


def teaser_headline(line: str, links: set[str]) -> bool:
    """True for "<label>: <headline>" (a label of one to four words) whose headline is a link's text on the page, or a
    line that is a link's text with a bracketed label after it ("... [INSIGHT]"): a teaser of another article."""
    bare = line.strip().lstrip("-*#").strip()
    match = _TEASER.match(bare)
    if match and len(match.group(1).split()) <= 4 and article._normal(match.group(2)) in links:
        return True
    without = re.sub(r"\s*[\[(][A-Z ]{3,20}[\])]\s*\|?$", "", bare)
    return without != bare and article._normal(without) in links


def line_kind(line: str, index: int, lead: int, element: lxml_html.HtmlElement | None, place: str, links: set[str]) -> str:
    """What an answer line is, by its words and its element (`lead`: the index of the answer's first line of 20 words
    or more; `place`: where its element lies against the article's frame, `bench.articles6_study.frame_place`)."""
    bare = line.strip().lstrip("-*#").strip()
    words = len(bare.split())
    kind = block_kind(element)
    if _CSS.match(bare):
        return "css"
    if _COMMENTS_LABEL.match(bare) or (element is not None and article._in_comments(element)):
        return "comments"
    if teaser_headline(line, links):
        return "teaser"
    if words <= 40 and (_EMAIL.search(bare) or _HANDLE.search(bare) or _CONTACT.search(bare)):
        return "contact/newsletter"
    if kind == "caption" or (words <= 20 and _CREDIT.search(bare)):
        return "caption/credit"
    if index <= lead and place == "before" and kind in ("h2", "h3-6", "p") and words >= DEK_KIND_WORDS:
        return f"dek ({kind})"
    if index < lead and words <= 12:
        return "lead short line (before the frame)" if place == "before" else "lead short line"
    if kind == "table":
        return "table"
    if kind == "item":
        return "item"
    if element is not None and element.tag == "a" or kind == "link":
        return "link"
    return f"{kind} {place}"


def page_line_kinds(page: dict[str, Any], answer: str) -> list[tuple[str, str, str]]:
    """(side, kind, line) of each answer line ("P") and truth line ("R") of one page whose tree is recorded."""
    tree = lxml_html.fromstring(page["tree"])
    _, bodies, _ = article._restore(tree, page["raw"])
    frame = article._common_ancestor(bodies) if bodies else None
    elements = _elements_by_text(tree)
    links = link_texts(tree)
    rows = []
    for side, text in (("P", answer), ("R", page["truth"])):
        lines = [line for line in text.split("\n") if line.strip()]
        lead = next((i for i, line in enumerate(lines) if len(line.split()) >= article.LEAD_LINE_WORDS), len(lines))
        for index, line in enumerate(lines):
            element = elements.get(article._normal(line.lstrip("-*# ")))
            rows.append((side, line_kind(line, index, lead, element, frame_place(element, bodies, frame), links), line))
    return rows


def _missing_share(line: str, other: Any, shingled: bool) -> float:
    """The share of `line`'s units (4-word shingles, or words) that `other` (a Counter) lacks, times its units."""
    if shingled:
        units = _shingles(line)
        return float(sum(count for unit, count in units.items() if unit not in other))
    words = Counter(re.findall(r"\w+", line.lower()))
    return float(sum(count for word, count in words.items() if word not in other))


def losses(pages: list[dict[str, Any]], corpus: str) -> None:
    """Per kind of line: the summed precision loss (in pages: each page's 1 - P shared among its answer lines by the
    units the truth lacks) and recall loss, the pages, and the units of the same kind that the truth keeps."""
    shingled = corpus == "scrapinghub"
    taken = [page for page in pages if page.get("tree") is not None and page["type"] == "article"]
    table: dict[tuple[str, str], list[float]] = {}
    for page in taken:
        truth_units = _shingles(page["truth"]) if shingled else Counter(re.findall(r"\w+", page["truth"].lower()))
        answer_units = _shingles(page["final"]) if shingled else Counter(re.findall(r"\w+", page["final"].lower()))
        if shingled:
            counts = page_counts(page["truth"], page["final"])
            p_loss, r_loss = 1 - _precision(counts), 1 - _recall(counts)
        else:
            p_loss, r_loss = loss_parts(page["truth"], page["final"])
        rows = page_line_kinds(page, page["final"])
        missing = {side: [(kind, _missing_share(line, truth_units if side == "P" else answer_units, shingled)) for s, kind, line in rows if s == side] for side in "PR"}
        kept = Counter()
        for side, kind, line in rows:
            if side == "P":
                kept[kind] += max(0.0, len(_shingles(line) if shingled else line.split()) - _missing_share(line, truth_units, shingled))
        for side, loss in (("P", p_loss), ("R", r_loss)):
            total = sum(units for _, units in missing[side]) or 1.0
            per_kind = Counter()
            for kind, units in missing[side]:
                per_kind[kind] += units
            for kind, units in per_kind.items():
                if units:
                    entry = table.setdefault((side, kind), [0.0, 0.0, 0, 0.0])
                    entry[0] += loss * units / total
                    entry[1] += units
                    entry[2] += 1
        for kind, units in kept.items():
            table.setdefault(("P", kind), [0.0, 0.0, 0, 0.0])[3] += units
    print(f"{corpus}: {len(taken)} article pages with a recorded tree")
    print("side kind | loss (summed over pages) | units missing | pages | units of the kind the truth keeps")
    for (side, kind), (loss, units, count, kept_units) in sorted(table.items(), key=lambda item: -item[1][0]):
        print(f"{side} {kind:24s} | {loss:7.3f} | {units:8.0f} | {count:4d} | {kept_units:8.0f}")


# --- variants: steps applied to article_text's recorded answer -----------------------------------------------------
# The product's step (`article.drop_lead_lines`) under each setting of its two switches, as the study replays it.
PRODUCT_SETTINGS: dict[str, dict[str, bool]] = {
    "deks": {"DROP_DEKS": True, "DROP_LEAD_LINES": False},
    "lead lines": {"DROP_DEKS": False, "DROP_LEAD_LINES": True},
    "deks and lead lines": {"DROP_DEKS": True, "DROP_LEAD_LINES": True},
}


class Note(NamedTuple):
    """`article_text`'s recorded answer on a page as lines, each line's kind (`line_kind`), and the answer with the
    product's `article.drop_lead_lines` applied under each of `PRODUCT_SETTINGS` (computed once per page)."""

    lines: list[str]
    kinds: list[str]
    products: dict[str, str]


# A step reads a page's `Note` and returns the lines kept.
Step = Callable[[Note], list[str]]


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def annotated(page: dict[str, Any]) -> Note:
    """The page's `Note`: `article_text`'s recorded answer as lines, their kinds, the product's dek step on it."""
    tree = lxml_html.fromstring(page["tree"])
    _, bodies, _ = article._restore(tree, page["raw"])
    frame = article._common_ancestor(bodies) if bodies else None
    elements = _elements_by_text(tree)
    links = link_texts(tree)
    lines = _lines(page["art"])
    lead = next((i for i, line in enumerate(lines) if len(line.split()) >= article.LEAD_LINE_WORDS), len(lines))
    kinds = []
    for index, line in enumerate(lines):
        element = elements.get(article._normal(line.lstrip("-*# ")))
        kinds.append(line_kind(line, index, lead, element, frame_place(element, bodies, frame), links))
    products = {}
    for name, values in PRODUCT_SETTINGS.items():
        with settings(values):
            products[name] = article.drop_lead_lines(page["art"], frame)
    return Note(lines, kinds, products)


def drop_kinds(kinds: frozenset[str]) -> Step:
    """A step dropping the answer lines of `kinds` (`line_kind`), keeping the answer when nothing would be left."""

    def step(note: Note) -> list[str]:
        kept = [line for line, kind in zip(note.lines, note.kinds) if kind not in kinds]
        return kept or note.lines

    return step


def drop_deks(kinds: frozenset[str], min_words: int) -> Step:
    """A step dropping the answer's dek lines (`kinds`) of `min_words` words or more."""

    def step(note: Note) -> list[str]:
        kept = [line for line, kind in zip(note.lines, note.kinds) if kind not in kinds or len(line.split()) < min_words]
        return kept or note.lines

    return step


def both(first: Step, second: Step) -> Step:
    """Two steps, one after the other (the second reads the kinds of the lines the first kept)."""

    def step(note: Note) -> list[str]:
        kept = first(note)
        kinds = [kind for line, kind in zip(note.lines, note.kinds) if line in kept]
        return second(Note(kept, kinds if len(kinds) == len(kept) else ["?"] * len(kept), {}))

    return step


def product(name: str) -> Step:
    """The product's step (`article.drop_lead_lines`) under `PRODUCT_SETTINGS[name]` on the recorded answer."""

    def step(note: Note) -> list[str]:
        return _lines(note.products[name])

    return step


def _bare(line: str) -> str:
    return line.strip().lstrip("-*#").strip()


def cut_after_comments_label(min_share: float) -> Step:
    """A step cutting the answer at its first comments label after the first line ("Top Rated Comments", "Leave a
    Reply") when `min_share` of its words come before."""

    def step(note: Note) -> list[str]:
        lines = note.lines
        labels = [i for i, line in enumerate(lines) if i > 0 and _COMMENTS_LABEL.match(_bare(line))]
        if not labels:
            return lines
        words = [len(line.split()) for line in lines]
        if sum(words[: labels[0]]) < min_share * sum(words):
            return lines
        return lines[: labels[0]]

    return step


def trailing_contact(max_words: int) -> Step:
    """A step dropping the answer's trailing run of contact, newsletter and subscription lines (each of `max_words`
    words or fewer), under `article.MIN_SHARE_BEFORE`."""

    def step(note: Note) -> list[str]:
        lines = note.lines
        start = len(lines)
        for index in range(len(lines) - 1, 0, -1):
            bare = _bare(lines[index])
            if len(bare.split()) > max_words or not (_EMAIL.search(bare) or _HANDLE.search(bare) or _CONTACT.search(bare)):
                break
            start = index
        words = [len(line.split()) for line in lines]
        if start == len(lines) or sum(words[:start]) < article.MIN_SHARE_BEFORE * sum(words):
            return lines
        return lines[:start]

    return step


_HEADING_DEKS = frozenset(("dek (h2)", "dek (h3-6)"))
VARIANTS: dict[str, Step] = {
    "dek (heading before the frame) dropped": drop_deks(_HEADING_DEKS, 8),
    "dek (heading or <p> before the frame) dropped": drop_deks(_HEADING_DEKS | {"dek (p)"}, 8),
    "dek (h2 only, before the frame) dropped": drop_deks(frozenset(("dek (h2)",)), 8),
    "dek (heading before the frame, 6 words) dropped": drop_deks(_HEADING_DEKS, 6),
    "dek (heading before the frame, 12 words) dropped": drop_deks(_HEADING_DEKS, 12),
    "teasers of other articles dropped": drop_kinds(frozenset(("teaser",))),
    "css text dropped": drop_kinds(frozenset(("css",))),
    "caption/credit lines dropped": drop_kinds(frozenset(("caption/credit",))),
    "contact/newsletter lines dropped anywhere": drop_kinds(frozenset(("contact/newsletter",))),
    "trailing contact/newsletter run (<= 40 words)": trailing_contact(40),
    "trailing contact/newsletter run (<= 25 words)": trailing_contact(25),
    "cut at a comments label (share 0.5)": cut_after_comments_label(0.5),
    "cut at a comments label (share 0.7)": cut_after_comments_label(0.7),
    "dek (heading, 8 words) and trailing contact run (<= 25 words)": both(drop_deks(_HEADING_DEKS, 8), trailing_contact(25)),
    "lead short lines (<= 12 words, before the first long line) dropped": drop_kinds(frozenset(("lead short line", "lead short line (before the frame)"))),
    "lead short lines before the frame dropped": drop_kinds(frozenset(("lead short line (before the frame)",))),
    "lead short lines not before the frame dropped": drop_kinds(frozenset(("lead short line",))),
    "dek (heading, 8 words) and lead short lines before the frame": both(drop_deks(_HEADING_DEKS, 8), drop_kinds(frozenset(("lead short line (before the frame)",)))),
    **{f"product: article.drop_lead_lines, {name}": product(name) for name in PRODUCT_SETTINGS},
}


def replay(pages: list[dict[str, Any]], step: Step | None, notes: list[Note | None]) -> list[str]:
    """Every page's final answer with `step` applied to `article_text`'s recorded answer (None: the product's;
    `notes`: each page's `annotated` lines and kinds, None where no tree is recorded)."""
    finals = []
    for page, note in zip(pages, notes):
        if step is None or note is None:
            finals.append(page["final"])
            continue
        kept = step(note)
        finals.append(page["final"] if kept == note.lines else _substitute(page, "\n\n".join(kept)))
    return finals


def scrapinghub_hosts(data_dir: Path) -> dict[str, str]:
    truth = json.loads((benchmark_dir(data_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: site_of(item.get("url") or "") or page_id for page_id, item in truth.items()}


class Corpus:
    """One corpus's pages, per-page scores of a set of answers, and its site folds."""

    def __init__(self, name: str, pages: list[dict[str, Any]], hosts: dict[str, str]) -> None:
        self.name = name
        self.pages = pages
        self.articles = np.array([page["type"] == "article" for page in pages])
        self.notes = [annotated(page) if page.get("tree") is not None else None for page in pages]
        self.folds = {salt: np.array([hash_bucket(hosts.get(page["id"], "") or page["id"], FOLDS, salt) for page in pages]) for salt in SALTS}

    def counts(self, finals: list[str]) -> list[Any]:
        if self.name == "scrapinghub":
            return [page_counts(page["truth"], final) for page, final in zip(self.pages, finals)]
        return [word_f1(page["truth"], final) for page, final in zip(self.pages, finals)]

    def score(self, counts: list[Any], mask: np.ndarray | None = None) -> float:
        """The corpus's figure on the pages of `mask` (ScrapingHub: shingle F1 from the mean P and R; WCXB: the
        article pages' mean word F1)."""
        chosen = np.ones(len(counts), bool) if mask is None else mask
        if self.name == "scrapinghub":
            return aggregate(c for c, keep in zip(counts, chosen) if keep).f1
        return float(np.mean([c for c, keep, art in zip(counts, chosen, self.articles) if keep and art]))


def page_f1(value: Any) -> float:
    return 2 * value.tp / (2 * value.tp + value.fp + value.fn) if isinstance(value, PageCounts) and value.tp else float(value) if not isinstance(value, PageCounts) else 0.0


def evaluate(corpora: list[Corpus]) -> dict[str, dict[str, list[Any]]]:
    """Per corpus, the per-page counts of the shipped answer ("shipped") and of each variant."""
    results: dict[str, dict[str, list[Any]]] = {}
    for corpus in corpora:
        results[corpus.name] = {"shipped": corpus.counts(replay(corpus.pages, None, corpus.notes))}
        for label, step in VARIANTS.items():
            results[corpus.name][label] = corpus.counts(replay(corpus.pages, step, corpus.notes))
    return results


def fold_gains(corpus: Corpus, base: list[Any], new: list[Any], salt: str) -> list[float]:
    """The variant's gain on each fold's pages (the fold's figure with it less without it)."""
    return [corpus.score(new, corpus.folds[salt] == k) - corpus.score(base, corpus.folds[salt] == k) for k in range(FOLDS)]


def print_variants(corpora: list[Corpus], results: dict[str, dict[str, list[Any]]]) -> None:
    for label in VARIANTS:
        print(f"\n{label}")
        for corpus in corpora:
            base, new = results[corpus.name]["shipped"], results[corpus.name][label]
            deltas = [page_f1(n) - page_f1(b) for b, n, art in zip(base, new, corpus.articles) if art]
            up, down = sum(d > 1e-9 for d in deltas), sum(d < -1e-9 for d in deltas)
            extra = ""
            if corpus.name == "wcxb":
                every = [page_f1(b) for b in base], [page_f1(n) for n in new]
                moved = [(page["type"][:4], page_f1(n) - page_f1(b)) for page, b, n, art in zip(corpus.pages, base, new, corpus.articles) if not art and abs(page_f1(n) - page_f1(b)) > 1e-9]
                extra = f" | all types {np.mean(every[0]):.5f} -> {np.mean(every[1]):.5f}, other types moved: " + " ".join(f"{t} {d:+.3f}" for t, d in moved)
            if corpus.name == "scrapinghub":
                before, after = aggregate(base), aggregate(new)
                extra = f" P {before.precision:.5f} -> {after.precision:.5f} R {before.recall:.5f} -> {after.recall:.5f}"
            print(f"  {corpus.name:11s} {corpus.score(base):.5f} -> {corpus.score(new):.5f} ({corpus.score(new) - corpus.score(base):+.5f}) "
                  f"pages +{up} -{down}{extra}")
            gains = {salt: fold_gains(corpus, base, new, salt) for salt in SALTS}
            down = sum(gain < -1e-9 for values in gains.values() for gain in values)
            for salt in SALTS:
                print(f"    folds {salt}: " + " ".join(f"{g:+.5f}" for g in gains[salt]) + (f"   (folds down: {down} of {FOLDS * len(SALTS)})" if salt == SALTS[-1] else ""))
            moved = sorted(((page_f1(n) - page_f1(b), page["id"]) for page, b, n, art in zip(corpus.pages, base, new, corpus.articles) if art and abs(page_f1(n) - page_f1(b)) > 1e-9))
            print("    pages: " + " ".join(f"{pid[:8]} {d:+.3f}" for d, pid in moved[:6] + (moved[6:][-6:] if len(moved) > 6 else [])))


def choose(train: Corpus, report: Corpus, results: dict[str, dict[str, list[Any]]]) -> None:
    """Out-of-fold choice on `train` (per salt: in fold k the variant, or none, with the best gain on the other folds;
    the chosen variants' gains in fold k summed), then the variant chosen on all of `train` scored on `report`."""
    labels = list(VARIANTS)
    base = results[train.name]["shipped"]
    for salt in SALTS:
        folds = train.folds[salt]
        out = []
        for k in range(FOLDS):
            inside = folds != k
            gains = {label: train.score(results[train.name][label], inside) - train.score(base, inside) for label in labels}
            best = max(gains, key=gains.get)
            chosen = best if gains[best] > 1e-9 else None
            outside = folds == k
            gain = train.score(results[train.name][chosen], outside) - train.score(base, outside) if chosen else 0.0
            out.append((chosen, gain))
        print(f"  chosen on {train.name} (salt {salt}), fold by fold: " + "; ".join(f"{c or 'none'} {g:+.5f}" for c, g in out))
    gains = {label: train.score(results[train.name][label]) - train.score(base) for label in labels}
    best = max(gains, key=gains.get)
    if gains[best] <= 1e-9:
        print(f"  chosen on all of {train.name}: none")
        return
    rbase, rnew = results[report.name]["shipped"], results[report.name][best]
    print(f"  chosen on all of {train.name}: {best} ({gains[best]:+.5f}); on {report.name}: {report.score(rbase):.5f} -> {report.score(rnew):.5f} "
          f"({report.score(rnew) - report.score(rbase):+.5f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--study", choices=("losses", "variants", "choose"), default="losses")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--scrapinghub-cache", type=Path, default=DEFAULT_SCRAPINGHUB_CACHE)
    args = parser.parse_args()
    with settings({"DROP_DEKS": False, "DROP_LEAD_LINES": False}):  # the answers before this session's steps, which the variants are applied to
        news = load_scrapinghub(args.data_dir, args.scrapinghub_cache)
        wcxb = load_pages(args.data_dir, args.cache)
    if args.study == "losses":
        losses(news, "scrapinghub")
        losses(wcxb, "wcxb")
        return
    urls = tune_urls(args.data_dir)
    corpora = [
        Corpus("scrapinghub", news, scrapinghub_hosts(args.data_dir)),
        Corpus("wcxb", wcxb, {page_id: site_of(url) for page_id, url in urls.items()}),
    ]
    results = evaluate(corpora)
    print_variants(corpora, results)
    if args.study == "choose":
        print("\n(a) chosen on ScrapingHub, reported on WCXB tune articles")
        choose(corpora[0], corpora[1], results)
        print("\n(b) chosen on WCXB tune articles, reported on ScrapingHub")
        choose(corpora[1], corpora[0], results)


if __name__ == "__main__":
    main()
