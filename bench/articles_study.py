"""A study of article pages' answers on WCXB's tune part (eleventh and twelfth sessions); nothing here ships.

    python -m bench.articles_study DATA_DIR [--cache PATH] [--study paragraphs|headings|promo|labels|buckets]

`paragraphs` (eleventh session): the body's missing `<p>`, a word threshold. `headings` (twelfth session):
the frame's subheadings that head an answer line, and the body's link-only list items whose links leave the
site, each on or off, a grid and its nested CV. `promo` (twelfth session, second round): the answer's last
block judged as a block (calls to action, a form inside it, its words against the article's), each rule a
trailing cut, a grid and its nested CV; nothing of it shipped. `labels` (thirteenth session): the answer's label
lines (reading times, contents and related-posts headings, leading dates and bylines) dropped, each kind on or
off, every subset scored per fold by id and per fold by site (four salts), and a nested CV of the subset.
`buckets` (thirteenth session): the product's answers on the tune article pages, each answer line the truth lacks
and each truth line the answer lacks put in a bucket by the kind of page element holding it and its place
(before the first long line both share, after the last, between), with the F1 gain of fixing that bucket alone.

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) is read once through the product's
own `extract_html` (`bench.choice_study.tune_pages_recorded`), with `article_text` wrapped to record the
tree and trafilatura's answer it is given on the pages taken for articles. The cache is a pickle
(default /tmp/articles/cache.pkl), built once; rebuild it after any change upstream of `article_text`.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import site_of, tune_pages_recorded
from bench.fitting import hash_bucket
from bench.forums2_study import SITE_SALTS
from bench.splits import wcxb_part
from bench.wcxb import DATA_FILE, word_f1

DEFAULT_CACHE = Path("/tmp/articles/cache.pkl")
GRID = (10, 15, 20, 25, 30, 40)  # MIN_MISSING_PARAGRAPH_WORDS


@contextmanager
def recording_article_text(record: dict[str, Any]) -> Iterator[None]:
    """`extract_html`'s call of `article_text` recorded in `record` (the tree serialised, its input text, its answer)
    while the block runs; what the page type's walk hands on (`already_read`) is passed through."""
    shipped = html_extractor.article_text

    def recording(tree: lxml_html.HtmlElement, text: str, **already_read: Any) -> str:
        answer = shipped(tree, text, **already_read)
        record.update(tree=lxml_html.tostring(tree, encoding="unicode"), raw=text, art=answer)
        return answer

    html_extractor.article_text = recording
    try:
        yield
    finally:
        html_extractor.article_text = shipped


def build_cache(data_dir: Path) -> list[dict[str, Any]]:
    record: dict[str, Any] = {}
    with recording_article_text(record):
        return tune_pages_recorded(data_dir, record)


def load_pages(data_dir: Path, cache: Path = DEFAULT_CACHE) -> list[dict[str, Any]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = build_cache(data_dir)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


def _substitute(page: dict[str, Any], answer: str) -> str:
    """The product's final answer with `article_text`'s recorded answer replaced by `answer`
    (`extract_html` may drop a first line that repeats the title after the step)."""
    final = page["final"]
    if answer == page["art"]:
        return final
    if page["art"] in final:
        return final.replace(page["art"], answer)
    first, _, rest = page["art"].partition("\n\n")
    new_first, _, new_rest = answer.partition("\n\n")
    if rest and rest in final and new_first == first:
        return final.replace(rest, new_rest)
    return answer


def replayed(pages: list[dict[str, Any]], step: Callable[[lxml_html.HtmlElement, str], str]) -> list[str]:
    """Every page's final answer with `step` in place of `article_text` on the pages taken for articles."""
    return [
        _substitute(page, step(lxml_html.fromstring(page["tree"]), page["raw"])) if page.get("tree") is not None else page["final"]
        for page in pages
    ]


def row(pages: list[dict[str, Any]], finals: list[str], label: str) -> list[float]:
    """Print WCXB's word F1 of `finals`: all pages, articles, per fold, per true type, pages changed."""
    scores = [word_f1(page["truth"], final) for page, final in zip(pages, finals)]
    folds = [hash_bucket(page["id"], 5) for page in pages]
    by_type: dict[str, list[float]] = {}
    for page, score in zip(pages, scores):
        by_type.setdefault(page["type"], []).append(score)
    changed = [score - word_f1(page["truth"], page["final"]) for page, final, score in zip(pages, finals, scores) if final != page["final"]]
    art_folds = " ".join(
        f"{np.mean([s for s, f, p in zip(scores, folds, pages) if f == k and p['type'] == 'article']):.5f}" for k in range(5)
    )
    types = " ".join(f"{name[:4]} {np.mean(values):.4f}" for name, values in sorted(by_type.items()))
    print(
        f"{label:40s} all {np.mean(scores):.5f} article {np.mean(by_type['article']):.5f} | article folds {art_folds} | "
        f"changed {len(changed)} (+{sum(d > 1e-9 for d in changed)} -{sum(d < -1e-9 for d in changed)}) | {types}"
    )
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--study", choices=("paragraphs", "headings", "promo", "labels", "buckets"), default="headings")
    args = parser.parse_args()
    pages = load_pages(args.data_dir, args.cache)
    print(f"{len(pages)} pages, {sum(page.get('tree') is not None for page in pages)} taken for articles")
    row(pages, [page["final"] for page in pages], "recorded (the product)")
    row(pages, replayed(pages, article.article_text), "replayed article_text")
    if args.study == "paragraphs":
        missing_paragraphs(pages)
    elif args.study == "promo":
        promo_blocks(pages)
    elif args.study == "labels":
        label_lines(pages, tune_urls(args.data_dir))
    elif args.study == "buckets":
        print_buckets(pages)
    else:
        headings_and_outbound_items(pages)


def missing_paragraphs(pages: list[dict[str, Any]]) -> None:
    """The body's missing `<p>` put back (`MIN_MISSING_PARAGRAPH_WORDS`), a grid and its nested CV:
    chosen on four folds (mean word F1 of the article pages), scored on the fifth."""
    saved = article.MIN_MISSING_PARAGRAPH_WORDS
    grid: dict[int, list[float]] = {}
    try:
        article.MIN_MISSING_PARAGRAPH_WORDS = 10**9
        base = row(pages, replayed(pages, article.article_text), "no missing paragraph put back")
        for words in GRID:
            article.MIN_MISSING_PARAGRAPH_WORDS = words
            grid[words] = row(pages, replayed(pages, article.article_text), f"missing <p> of >= {words} words")
    finally:
        article.MIN_MISSING_PARAGRAPH_WORDS = saved
    folds = np.array([hash_bucket(page["id"], 5) for page in pages])
    articles = np.array([page["type"] == "article" for page in pages])
    gains = []
    for k in range(5):
        inside, outside = articles & (folds != k), articles & (folds == k)
        chosen = max(grid, key=lambda words: float(np.mean(np.array(grid[words])[inside])))
        gain = float(np.mean(np.array(grid[chosen])[outside]) - np.mean(np.array(base)[outside]))
        gains.append(gain)
        print(f"nested CV fold {k}: chosen {chosen} words, article pages out of fold {gain:+.5f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


# The twelfth session's switches (article.py's module settings) and the variants compared.
_SWITCHES = ("RESTORE_SECTION_HEADINGS", "SECTION_HEADINGS_LINKED", "SECTION_HEADINGS_CHAIN", "RESTORE_OUTBOUND_ITEMS", "OUTBOUND_WAIT")
_HEADING_VARIANTS = {
    "no headings": {"RESTORE_SECTION_HEADINGS": False},
    "headings, plain": {"RESTORE_SECTION_HEADINGS": True, "SECTION_HEADINGS_LINKED": False, "SECTION_HEADINGS_CHAIN": True},
    "headings, linked too": {"RESTORE_SECTION_HEADINGS": True, "SECTION_HEADINGS_LINKED": True, "SECTION_HEADINGS_CHAIN": False},
    "headings, linked, chains": {"RESTORE_SECTION_HEADINGS": True, "SECTION_HEADINGS_LINKED": True, "SECTION_HEADINGS_CHAIN": True},
}
_ITEM_VARIANTS = {
    "no outbound items": {"RESTORE_OUTBOUND_ITEMS": False},
    "outbound items anywhere": {"RESTORE_OUTBOUND_ITEMS": True, "OUTBOUND_WAIT": False},
    "outbound items, a paragraph after": {"RESTORE_OUTBOUND_ITEMS": True, "OUTBOUND_WAIT": True},
}


def headings_and_outbound_items(pages: list[dict[str, Any]]) -> None:
    """Every combination of the twelfth session's two steps, and a nested CV of the combination: chosen on
    four folds (mean word F1 of the article pages), scored on the fifth against both steps off."""
    saved = {name: getattr(article, name) for name in _SWITCHES}
    grid: dict[str, list[float]] = {}
    try:
        for heading_name, heading_setting in _HEADING_VARIANTS.items():
            for item_name, item_setting in _ITEM_VARIANTS.items():
                for name, value in {**heading_setting, **item_setting}.items():
                    setattr(article, name, value)
                label = f"{heading_name}; {item_name}"
                grid[label] = row(pages, replayed(pages, article.article_text), label)
    finally:
        for name, value in saved.items():
            setattr(article, name, value)
    base = grid["no headings; no outbound items"]
    folds = np.array([hash_bucket(page["id"], 5) for page in pages])
    articles = np.array([page["type"] == "article" for page in pages])
    gains = []
    for k in range(5):
        inside, outside = articles & (folds != k), articles & (folds == k)
        chosen = max(grid, key=lambda label: float(np.mean(np.array(grid[label])[inside])))
        gain = float(np.mean(np.array(grid[chosen])[outside]) - np.mean(np.array(base)[outside]))
        gains.append(gain)
        print(f"nested CV fold {k}: chosen '{chosen}', article pages out of fold {gain:+.5f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


# --- promo blocks (twelfth session, second round) ---------------------------------------------------------------
# Calls to action, named by hand from the brief (subscribe, sign up, download, book a demo, get started, contact us,
# free trial, learn more) and widened with their usual neighbours; counted as a share of a block's words.
_CALL_TO_ACTION = re.compile(
    r"\b(subscrib\w*|sign(?:ing)? ?up|newsletters?|download\w*|book (?:a|your) (?:demo|call|consultation)|demo|"
    r"get started|contact us|free trial|trial|learn more|register\w*|join\w*|follow us|inbox|e-?mail address|"
    r"unsubscribe|webinar|e-?book|podcast|apply now|shop now|buy now|call us|schedule|sign in|log in|"
    r"create (?:an|your) account|support (?:us|our)|donat\w*|membership|members?|premium|special offer|discount|"
    r"coupon|promo code|white ?paper|guide|updates|deals?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_STOP_WORDS = frozenset(
    "the a an and or of to in on for with is are was were be by at as it this that from your you our we us not but "
    "have has can will all more their they its about".split()
)
_FORM_TAGS = ("form", "input", "button", "select", "textarea")


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in _STOP_WORDS and not w.isdigit()]


def last_block(tree: lxml_html.HtmlElement, lines: list[str]) -> lxml_html.HtmlElement | None:
    """The page block the answer ends with: the innermost element holding the last line's text, widened to its
    outermost ancestor that holds none of the answer's last three lines of 20 words or more (the article's text)."""
    last = article._normal(lines[-1])
    if not last:
        return None
    element = None
    for candidate in tree.iter():
        if isinstance(candidate.tag, str) and candidate.tag not in ("html", "body"):
            text = candidate.text_content()
            if text and len(text) < 20000 and last in article._normal(text):
                element = candidate  # the last one in page order is the innermost
    if element is None:
        return None
    long_lines = [article._normal(line) for line in lines[:-1] if len(line.split()) >= 20][-3:]
    block = element
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        text = article._normal(article._text(ancestor))
        if any(line in text for line in long_lines):
            break
        block = ancestor
    return block


def promo_rows(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per page taken for articles: the answer's trailing lines found in its last block (the cut), the block's
    features, and the word F1 the cut moves."""
    rows = []
    for page in pages:
        if page.get("tree") is None:
            continue
        tree = lxml_html.fromstring(page["tree"])
        answer = article.article_text(tree, page["raw"])
        lines = [line for line in answer.split("\n") if line.strip()]
        block = last_block(tree, lines) if len(lines) >= 3 else None
        if block is None:
            continue
        block_text = article._text(block)
        normal_block = f" {article._normal(block_text)} "
        start = len(lines)
        while start > 1 and article._normal(lines[start - 1]) and f" {article._normal(lines[start - 1])} " in normal_block:
            start -= 1
        if start == len(lines):
            continue
        words = [len(line.split()) for line in lines]
        body_words = set(_content_words(" ".join(lines[:start])))
        tail_words = _content_words(" ".join(lines[start:]))
        block_words = _WORD.findall(block_text)
        before = word_f1(page["truth"], _substitute(page, answer))
        rows.append({
            "id": page["id"],
            "type": page["type"],
            "share": sum(words[:start]) / sum(words),
            "tag": block.tag,
            "form": any(True for _ in block.iter(*_FORM_TAGS)),
            "cta": sum(len(m.group(0).split()) for m in _CALL_TO_ACTION.finditer(block_text)) / max(1, len(block_words)),
            "overlap": float(np.mean([w in body_words for w in tail_words])) if tail_words else 1.0,
            "gain": word_f1(page["truth"], _substitute(page, "\n\n".join(lines[:start]))) - before,
        })
    return rows


def promo_blocks(pages: list[dict[str, Any]]) -> None:
    """The answer's last block cut when it reads as a promo: a grid over the share before it, the block's tag (a
    bare `<p>` or item is the body's own paragraph), a form inside it, its call-to-action share and the share of
    its words the article also uses; per fold of the tune article pages, and a nested CV (chosen on four folds'
    article pages, scored on the fifth; other types' summed change printed beside)."""
    rows = promo_rows(pages)
    folds_of = {page["id"]: hash_bucket(page["id"], 5) for page in pages}
    fold_sizes = Counter(folds_of[page["id"]] for page in pages if page["type"] == "article")
    print(f"{len(rows)} pages with a trailing block; oracle (every cut that gains, share >= 0.7): "
          f"{sum(max(0.0, r['gain']) for r in rows if r['type'] == 'article' and r['share'] >= 0.7) / sum(fold_sizes.values()):+.5f}")
    grid: dict[tuple, tuple[np.ndarray, float, int, int]] = {}
    for share, tags, form, cta, overlap in itertools.product(
        (0.7, 0.85), ((), ("p",), ("p", "li")), (False, True), (0.0, 0.03, 0.05, 0.08), (1.01, 0.6, 0.4)
    ):
        cut = [
            r for r in rows
            if r["share"] >= share and r["tag"] not in tags and (r["form"] or not form) and r["cta"] >= cta and r["overlap"] < overlap
        ]
        folds = np.zeros(5)
        for r in cut:
            if r["type"] == "article":
                folds[folds_of[r["id"]]] += r["gain"]
        other = sum(r["gain"] for r in cut if r["type"] != "article")
        grid[(share, tags, form, cta, overlap)] = (folds, other, sum(r["gain"] > 1e-9 for r in cut), sum(r["gain"] < -1e-9 for r in cut))
    for key, (folds, other, better, worse) in sorted(grid.items(), key=lambda item: -item[1][0].sum())[:12]:
        per_fold = " ".join(f"{folds[k] / fold_sizes[k]:+.5f}" for k in range(5))
        print(f"share>={key[0]} not {key[1]} form {key[2]} cta>={key[3]} overlap<{key[4]}: article "
              f"{folds.sum() / sum(fold_sizes.values()):+.5f} | folds {per_fold} | cuts +{better} -{worse} | other types {other:+.4f}")
    gains = []
    for k in range(5):
        inside = sum(fold_sizes[j] for j in range(5) if j != k)
        chosen = max(grid, key=lambda key: (grid[key][0].sum() - grid[key][0][k]) / inside)
        gain = grid[chosen][0][k] / fold_sizes[k]
        gains.append(gain)
        print(f"nested CV fold {k}: chosen {chosen}, article pages out of fold {gain:+.5f}, other types {grid[chosen][1]:+.4f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


# --- label lines (thirteenth session) ------------------------------------------------------------------------------
_LABEL_KINDS = ("read_time", "label", "date", "byline")


def tune_urls(data_dir: Path) -> dict[str, str]:
    """Every WCXB tune page's address by id (the cache keeps none): the site folds group pages by their host."""
    urls = {}
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if wcxb_part(str(item["id"])) == "tune":
                urls[str(item["id"])] = item.get("url") or ""
    return urls


def fold_of(page: dict[str, Any], urls: dict[str, str], salt: str | None) -> int:
    """The page's fold: sha1(id) % 5 (salt None), else its site's hash under `salt` (the pages of one site together)."""
    key = page["id"] if salt is None else site_of(urls.get(page["id"], "")) or page["id"]
    return hash_bucket(key, 5, salt or "")


def label_lines(pages: list[dict[str, Any]], urls: dict[str, str]) -> None:
    """Every subset of `article.DROPPED_LABELS`' kinds, replayed: the article pages' mean per fold (by id, and by
    site under four salts), the other types' summed change; then a nested CV of the subset (chosen on four id
    folds' article pages, scored on the fifth against no label dropped)."""
    saved = article.DROPPED_LABELS
    grid: dict[frozenset[str], np.ndarray] = {}
    try:
        for size in range(len(_LABEL_KINDS) + 1):
            for kinds in itertools.combinations(_LABEL_KINDS, size):
                article.DROPPED_LABELS = frozenset(kinds)
                finals = replayed(pages, article.article_text)
                grid[frozenset(kinds)] = np.array([word_f1(page["truth"], final) for page, final in zip(pages, finals)])
    finally:
        article.DROPPED_LABELS = saved
    base = grid[frozenset()]
    articles = np.array([page["type"] == "article" for page in pages])
    types = np.array([page["type"] for page in pages])
    groupings = [("id", None)] + [(f"site {salt}", salt) for salt in SITE_SALTS]
    folds = {name: np.array([fold_of(page, urls, salt) for page in pages]) for name, salt in groupings}
    for kinds, scores in grid.items():
        delta = scores - base
        moved = delta[np.abs(delta) > 1e-9]
        sums = {name: [float(delta[articles & (fold == k)].sum()) for k in range(5)] for name, fold in folds.items()}
        holds = all(min(values) > 1e-9 for values in sums.values())
        others = {t[:4]: round(float(delta[types == t].sum()), 4) for t in sorted(set(types)) if t != "article" and abs(delta[types == t].sum()) > 1e-9}
        print(f"{'+'.join(sorted(kinds)) or 'none':34s} article {scores[articles].mean():.5f} all {scores.mean():.5f} | pages {moved.size} "
              f"(+{int((moved > 0).sum())} -{int((moved < 0).sum())}) | every fold of every grouping up: {holds} | other types {others}")
        if kinds == frozenset(_LABEL_KINDS):
            for name, values in sums.items():
                print(f"    article sums by {name:7s} " + " ".join(f"{value:+.4f}" for value in values))
    id_folds = folds["id"]
    gains = []
    for k in range(5):
        inside, outside = articles & (id_folds != k), articles & (id_folds == k)
        chosen = max(grid, key=lambda kinds: (float(grid[kinds][inside].mean()), -len(kinds)))
        gain = float(grid[chosen][outside].mean() - base[outside].mean())
        gains.append(gain)
        print(f"nested CV fold {k}: chosen {'+'.join(sorted(chosen)) or 'none'}, article pages out of fold {gain:+.5f}")
    print(f"nested CV mean out of fold {np.mean(gains):+.5f}")


# --- precision/recall buckets (thirteenth session) -------------------------------------------------------------
_HEADING_KINDS = {"h1": "h1", "h2": "h2", "h3": "h3-6", "h4": "h3-6", "h5": "h3-6", "h6": "h3-6"}


def block_kind(element: lxml_html.HtmlElement | None) -> str:
    """The kind of page element a line's text is: caption, quote, table, heading, item, p, link, or its tag."""
    if element is None:
        return "unmapped"
    chain = [element, *element.iterancestors()]
    tags = [ancestor.tag for ancestor in chain if isinstance(ancestor.tag, str)]
    names = " ".join(((ancestor.get("class") or "") + " " + (ancestor.get("id") or "")).lower() for ancestor in chain[:4])
    if "figcaption" in tags or "figure" in tags or "caption" in names or "credit" in names:
        return "caption"
    if "blockquote" in tags or "pullquote" in names or "pull-quote" in names:
        return "quote"
    if "table" in tags:
        return "table"
    if element.tag in _HEADING_KINDS:
        return _HEADING_KINDS[element.tag]
    if element.tag == "li" or "li" in tags[:3]:
        return "item"
    if element.tag == "p":
        return "p"
    if element.tag == "a" or (element.getparent() is not None and element.getparent().tag == "a"):
        return "link"
    return element.tag


def _elements_by_text(tree: lxml_html.HtmlElement) -> dict[str, lxml_html.HtmlElement]:
    """Each normal text of the page's elements (under 3,000 characters) and the last element in page order holding
    exactly it (the innermost, or a later copy)."""
    found = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head"):
            continue
        text = element.text_content()
        if text and len(text) <= 3000:
            normal = article._normal(article._text(element))
            if normal:
                found[normal] = element
    return found


def _shingles(normal_lines: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for words in (line.split() for line in normal_lines) for i in range(len(words) - 2)}


def _covered(normal: str, text: str, shingles: set[tuple[str, ...]]) -> bool:
    """A line is in a text when its words are, or (six words or more) 80 % of its word triples."""
    if normal in text:
        return True
    words = normal.split()
    if len(words) < 6:
        return False
    triples = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    return sum(triple in shingles for triple in triples) >= 0.8 * len(triples)


def page_buckets(page: dict[str, Any], answer: str) -> dict[tuple[str, str, str], list[int]]:
    """("P" or "R", kind, place) -> the indexes of the answer lines the truth lacks ("P") or of the truth lines the
    answer lacks ("R"), on one page whose tree is recorded."""
    elements = _elements_by_text(lxml_html.fromstring(page["tree"]))
    buckets: dict[tuple[str, str, str], list[int]] = {}
    sides = (("P", answer, page["truth"]), ("R", page["truth"], answer))
    for side, text, other in sides:
        lines = [line for line in text.split("\n") if line.strip()]
        other_normals = [article._normal(line) for line in other.split("\n")]
        other_text, other_shingles = "\n".join(other_normals), _shingles(other_normals)
        shared = [i for i, line in enumerate(lines) if len(line.split()) >= 20 and article._normal(line) in other_text]
        for index, line in enumerate(lines):
            normal = article._normal(line.lstrip("-*# "))
            if not normal or _covered(normal, other_text, other_shingles):
                continue
            place = "all" if not shared else "head" if index < shared[0] else "tail" if index > shared[-1] else "body"
            buckets.setdefault((side, block_kind(elements.get(normal)), place), []).append(index)
    return buckets


def print_buckets(pages: list[dict[str, Any]], top: int = 25) -> None:
    """The buckets of the product's answers on the tune article pages taken for articles, largest gain first: the
    mean word-F1 gain over all article pages of fixing one bucket alone (its answer lines dropped, or its truth
    lines added), per fold, with its lines, words and pages."""
    articles = [page for page in pages if page["type"] == "article"]
    gains: dict[tuple[str, str, str], np.ndarray] = {}
    sizes: dict[tuple[str, str, str], list] = {}
    for page in articles:
        if page.get("tree") is None or not page["final"]:
            continue
        before = word_f1(page["truth"], page["final"])
        answer_lines = [line for line in page["final"].split("\n") if line.strip()]
        truth_lines = [line for line in page["truth"].split("\n") if line.strip()]
        for key, indexes in page_buckets(page, page["final"]).items():
            if key[0] == "P":
                fixed = "\n".join(line for i, line in enumerate(answer_lines) if i not in set(indexes))
                words = sum(len(answer_lines[i].split()) for i in indexes)
            else:
                fixed = page["final"] + "\n" + "\n".join(truth_lines[i] for i in indexes)
                words = sum(len(truth_lines[i].split()) for i in indexes)
            gains.setdefault(key, np.zeros(5))[hash_bucket(page["id"], 5)] += word_f1(page["truth"], fixed) - before
            size = sizes.setdefault(key, [0, 0, 0])
            size[0], size[1], size[2] = size[0] + len(indexes), size[1] + words, size[2] + 1
    folds = Counter(hash_bucket(page["id"], 5) for page in articles)
    print(f"{len(articles)} tune article pages; bucket (P: answer lines the truth lacks, R: truth lines the answer lacks)")
    for key, gain in sorted(gains.items(), key=lambda item: -item[1].sum())[:top]:
        lines, words, count = sizes[key]
        per_fold = " ".join(f"{gain[k] / folds[k]:+.4f}" for k in range(5))
        print(f"{key[0]} {key[1]:10s} {key[2]:5s} gain {gain.sum() / len(articles):+.5f} | folds {per_fold} | lines {lines} words {words} pages {count}")


if __name__ == "__main__":
    main()
