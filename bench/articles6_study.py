"""Fifteenth session: a per-page loss table of the article pages, precision against recall, by block; nothing here ships.

    python -m bench.articles6_study DATA_DIR [--cache PATH] [--scrapinghub-cache PATH] [--study losses|variants] [--top N]

Reads the cache of `bench.articles_study` (every WCXB tune page with a truth read once through the product's
`extract_html`, the tree and trafilatura's answer recorded on the pages taken for articles; built when missing).
`losses`: per tune article page the word-F1 loss split exactly into its precision and recall parts (with c the
shared words of the bags, a the answer's words, t the truth's: 1 - F1 = (a - c) / (a + t) + (t - c) / (a + t)),
summed over the pages (the mean loss per page), and each answer line the truth lacks / truth line the answer lacks
placed by the page element holding it (`bench.articles_study.block_kind`) and by where that element lies against
the article's frame (the innermost element holding every body element `article_text` finds): inside a body
element, inside the frame, before the frame, after it, or not found on the page. `variants`: the replayed
`article_text` with each of `VARIANTS` (article.py's attributes replaced: a trailing cut that spares a section
styled as the frame's, a flattened one-line answer split into the page's blocks) against the shipped setting, per
fold by id and by site (four salts), pages up and down, and ScrapingHub's shingle F1 beside it (the 181 pages of
`bench.articles5_study.load_scrapinghub`, cached beside `--cache`; a check, nothing is chosen on it).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
from bench.articles_study import _covered, _elements_by_text, _shingles, block_kind, fold_of, load_pages, tune_urls
from bench.articles5_study import load_scrapinghub, scrapinghub_counts, settings, shingle_f1, wcxb_scores
from bench.forums2_study import SITE_SALTS
from bench.metrics import aggregate
from bench.wcxb import _TOKEN, word_f1

DEFAULT_CACHE = Path("/tmp/articles6/cache.pkl")
DEFAULT_SCRAPINGHUB_CACHE = Path("/tmp/articles6/scrapinghub.pkl")


def loss_parts(truth: str, answer: str) -> tuple[float, float]:
    """The word-F1 loss of `answer` split into its precision part (answer words the truth lacks) and its recall part
    (truth words the answer lacks): they sum to 1 - word_f1(truth, answer)."""
    true_bag = Counter(_TOKEN.findall(truth.lower()))
    answer_bag = Counter(_TOKEN.findall(answer.lower()))
    total = sum(true_bag.values()) + sum(answer_bag.values())
    if not total:
        return 0.0, 0.0
    shared = sum((true_bag & answer_bag).values())
    if not shared:
        return (1.0, 0.0) if not true_bag else (0.0, 1.0) if not answer_bag else (0.5, 0.5)
    return (sum(answer_bag.values()) - shared) / total, (sum(true_bag.values()) - shared) / total


def frame_place(element: lxml_html.HtmlElement | None, bodies: list, frame: lxml_html.HtmlElement | None) -> str:
    """Where `element` lies against the article's frame: body, frame, before, after, outside (no frame) or unmapped."""
    if element is None:
        return "unmapped"
    if frame is None:
        return "no-frame"
    chain = {element, *element.iterancestors()}
    if any(body in chain for body in bodies):
        return "body"
    if frame in chain:
        return "frame"
    if element in set(frame.iterancestors()):
        return "around"  # an ancestor of the frame (the line's text holds the whole frame)
    order = {node: index for index, node in enumerate(element.getroottree().getroot().iter())}
    return "before" if order.get(element, 0) < order.get(frame, 0) else "after"


def page_lines(page: dict[str, Any], answer: str) -> list[tuple[str, str, str, int, str]]:
    """(side, kind, place against the frame, words, line) for each answer line the truth lacks ("P") and each truth
    line the answer lacks ("R") on one page whose tree is recorded."""
    tree = lxml_html.fromstring(page["tree"])
    _, bodies, _ = article._restore(tree, page["raw"])
    frame = article._common_ancestor(bodies) if bodies else None
    elements = _elements_by_text(tree)
    rows = []
    for side, text, other in (("P", answer, page["truth"]), ("R", page["truth"], answer)):
        other_normals = [article._normal(line) for line in other.split("\n")]
        other_text, other_shingles = "\n".join(other_normals), _shingles(other_normals)
        for line in (line for line in text.split("\n") if line.strip()):
            normal = article._normal(line.lstrip("-*# "))
            if not normal or _covered(normal, other_text, other_shingles):
                continue
            element = elements.get(normal)
            rows.append((side, block_kind(element), frame_place(element, bodies, frame), len(line.split()), line))
    return rows


def losses(pages: list[dict[str, Any]], top: int) -> None:
    """The per-page loss table: precision and recall parts, the worst pages, and the lines by kind and frame place."""
    articles = [page for page in pages if page["type"] == "article"]
    parts = np.array([loss_parts(page["truth"], page["final"]) for page in articles])
    n = len(articles)
    print(f"{n} tune article pages: mean loss {parts.sum() / n:.5f} = precision {parts[:, 0].sum() / n:.5f} + recall {parts[:, 1].sum() / n:.5f}")
    taken = [page for page in articles if page.get("tree") is not None]
    print(f"taken for articles {len(taken)}, not taken {n - len(taken)} (their loss {sum(parts[i].sum() for i, p in enumerate(articles) if p.get('tree') is None) / n:.5f})")
    by_place: dict[tuple[str, str, str], list[int]] = {}
    page_rows: dict[str, list] = {}
    for page in taken:
        rows = page_lines(page, page["final"])
        page_rows[page["id"]] = rows
        for side, kind, place, words, _ in rows:
            entry = by_place.setdefault((side, place, kind), [0, 0, 0])
            entry[0] += 1
            entry[1] += words
        for key in {(side, place, kind) for side, kind, place, _, _ in rows}:
            by_place[key][2] += 1
    print("\nside place kind | lines words pages (words of the lines the other text lacks)")
    for key, (lines, words, count) in sorted(by_place.items(), key=lambda item: -item[1][1])[:40]:
        print(f"{key[0]} {key[1]:9s} {key[2]:10s} | {lines:5d} {words:6d} {count:4d}")
    print(f"\nworst {top} pages by loss (share of the mean loss), precision / recall part, largest line groups")
    order = np.argsort(-parts.sum(axis=1))
    for index in order[:top]:
        page = articles[index]
        groups: Counter = Counter()
        for side, kind, place, words, _ in page_rows.get(page["id"], ()):
            groups[f"{side} {place} {kind}"] += words
        summary = ", ".join(f"{name} {words}" for name, words in groups.most_common(3))
        print(f"{page['id']} F1 {word_f1(page['truth'], page['final']):.3f} P-loss {parts[index, 0]:.3f} R-loss {parts[index, 1]:.3f} | {summary}")


def heading_style(heading: lxml_html.HtmlElement, tag_only: bool) -> tuple[str, str]:
    return (heading.tag, "") if tag_only else (heading.tag, heading.get("class") or "")


def continues_article(cut: list[str], kept: list[str], frame: lxml_html.HtmlElement, tag_only: bool) -> bool:
    """True when the first heading of a trailing run (`cut`) found after the frame has the style (tag and class, or
    the tag alone) of a heading inside the frame that is a kept line: the run would be the article's next section in a
    sibling block rather than end matter."""
    cut_normals = {article._normal(line) for line in cut}
    kept_normals = {article._normal(line) for line in kept}
    inside = {heading_style(h, tag_only) for h in frame.iter(*article._HEADINGS) if article._normal(article._text(h)) in kept_normals}
    if not inside:
        return False
    for ancestor in (frame, *frame.iterancestors()):
        for sibling in ancestor.itersiblings():
            for heading in sibling.iter(*article._HEADINGS):
                if article._normal(article._text(heading)) in cut_normals:
                    return heading_style(heading, tag_only) in inside
    return False


def trailing_cut_sparing_sections(tag_only: bool, min_long_lines: int = 0) -> Callable[[str, Sequence, set], str]:
    """`article.drop_trailing_sections` that keeps its trailing run when `continues_article` says so (and the run holds
    `min_long_lines` lines of `LONG_LINE_WORDS` words or more: an article's paragraphs, not a call to action)."""
    shipped = article.drop_trailing_sections

    def cut(text: str, bodies: Sequence, paragraphs: set) -> str:
        trimmed = shipped(text, bodies, paragraphs)
        if trimmed == text:
            return text
        lines = [line for line in text.split("\n") if line.strip()]
        kept = [line for line in trimmed.split("\n") if line.strip()]
        cut_lines = lines[len(kept):]
        if sum(len(line.split()) >= LONG_LINE_WORDS for line in cut_lines) < min_long_lines:
            return trimmed
        return text if continues_article(cut_lines, kept, article._common_ancestor(bodies), tag_only) else trimmed

    return cut


LONG_LINE_WORDS = 30

# A flattened answer: trafilatura's whole answer in one line (its fallbacks join the page's text), which no rule of
# article.py can read, as no line is a paragraph of the page.
FLAT_LINE_WORDS = 150
_FLAT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption")


def flat_line(text: str) -> str | None:
    """The answer's one long line when it holds most of the answer (`FLAT_LINE_WORDS` words or more), else None."""
    lines = [line for line in text.split("\n") if line.strip()]
    longest = max(lines, key=lambda line: len(line.split()), default="")
    words = len(longest.split())
    return longest if words >= FLAT_LINE_WORDS and words >= 0.5 * len(text.split()) else None


def split_flat_answer(tree: lxml_html.HtmlElement, line: str, min_cover: float) -> str | None:
    """The page's innermost blocks whose text the flattened `line` holds, a block a line, in page order (a text as
    many times as the line holds it: a label repeated under each entry), or None when they hold fewer than
    `min_cover` of the line's words (the rest is loose text)."""
    normal = f" {article._normal(line)} "
    blocks: list[str] = []
    used: Counter = Counter()
    for element in tree.iter(*_FLAT_BLOCKS):
        if next(element.iterdescendants(*_FLAT_BLOCKS), None) is not None:
            continue
        text = article._text(element)
        block = article._normal(text)
        if block and used[block] < normal.count(f" {block} "):
            used[block] += 1
            blocks.append(f"- {text}" if element.tag == "li" else text)
    split = "\n\n".join(blocks)
    return split if len(split.split()) >= min_cover * len(line.split()) else None


def article_text_splitting_flat(min_cover: float) -> Callable[..., str]:
    """`article.article_text` given a flattened answer split into the page's blocks, so that its rules can read it."""
    shipped = article.article_text

    def step(tree: lxml_html.HtmlElement, text: str, **already_read: Any) -> str:
        line = flat_line(text)
        split = split_flat_answer(tree, line, min_cover) if line else None
        return shipped(tree, split if split else text, **already_read)

    return step


# Variants tried against the shipped setting: module attributes of article.py -> values (functions replace steps).
VARIANTS: dict[str, dict[str, Any]] = {
    "trailing run kept: its heading styled as the frame's (tag, class)": {"drop_trailing_sections": trailing_cut_sparing_sections(False)},
    "trailing run kept: its heading's tag one of the frame's": {"drop_trailing_sections": trailing_cut_sparing_sections(True)},
    "trailing run kept: (tag, class) and 2 lines of 30 words": {"drop_trailing_sections": trailing_cut_sparing_sections(False, 2)},
    "trailing run kept: (tag, class) and 4 lines of 30 words": {"drop_trailing_sections": trailing_cut_sparing_sections(False, 4)},
    "flat answer split into blocks, any cover": {"article_text": article_text_splitting_flat(0.0)},
    "flat answer split into blocks, cover 0.6": {"article_text": article_text_splitting_flat(0.6)},
    "flat answer split into blocks, cover 0.8": {"article_text": article_text_splitting_flat(0.8)},
    "flat answer split into blocks, cover 0.9": {"article_text": article_text_splitting_flat(0.9)},
}


def scores_with(pages: list[dict[str, Any]], values: dict[str, Any]) -> np.ndarray:
    """Every WCXB page's word F1 with article.py's attributes set to `values`."""
    with settings(values):
        return wcxb_scores(pages)


def variants(pages: list[dict[str, Any]], urls: dict[str, str], news: list[dict[str, Any]]) -> None:
    """Each variant against the shipped setting: article mean, pages up/down, fold sums by id and by site, and
    ScrapingHub's shingle F1 (`news`: the pages of `bench.articles5_study.load_scrapinghub`; a check, not a choice)."""
    base = scores_with(pages, {})
    news_base = scrapinghub_counts(news)
    print(f"ScrapingHub shipped: {aggregate(news_base)}")
    articles = np.array([page["type"] == "article" for page in pages])
    groupings = [("id", None)] + [(f"site {salt}", salt) for salt in SITE_SALTS]
    folds = {name: np.array([fold_of(page, urls, salt) for page in pages]) for name, salt in groupings}
    print(f"shipped: article {base[articles].mean():.5f} all {base.mean():.5f}")
    for label, variant_settings in VARIANTS.items():
        delta = scores_with(pages, variant_settings) - base
        moved = np.abs(delta) > 1e-9
        up, down = int((delta > 1e-9).sum()), int((delta < -1e-9).sum())
        fold_sums = {name: [delta[articles & (fold == k)].sum() for k in range(5)] for name, fold in folds.items()}
        falls = sum(value < -1e-9 for sums in fold_sums.values() for value in sums)
        print(f"{label:50s} article {base[articles].mean() + delta[articles].mean():.5f} ({delta[articles].mean():+.5f}) "
              f"all {base.mean() + delta.mean():+.5f} pages {int(moved.sum())} (+{up} -{down}) folds down {falls}/25")
        with settings(variant_settings):
            news_counts = scrapinghub_counts(news)
        news_moved = [(page["id"], shingle_f1(new) - shingle_f1(old)) for page, new, old in zip(news, news_counts, news_base) if new != old]
        print(f"    ScrapingHub {aggregate(news_counts)} pages {len(news_moved)}: " + " ".join(f"{pid} {d:+.4f}" for pid, d in news_moved))
        for name, sums in fold_sums.items():
            print(f"    {name:8s} " + " ".join(f"{value:+.4f}" for value in sums))
        for index in np.flatnonzero(moved):
            print(f"    {pages[index]['id']} {pages[index]['type']:10s} {delta[index]:+.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--study", choices=("losses", "variants"), default="losses")
    parser.add_argument("--top", type=int, default=40, help="how many of the worst pages `losses` lists")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--scrapinghub-cache", type=Path, default=DEFAULT_SCRAPINGHUB_CACHE)
    args = parser.parse_args()
    pages = load_pages(args.data_dir, args.cache)
    if args.study == "losses":
        losses(pages, args.top)
    else:
        variants(pages, tune_urls(args.data_dir), load_scrapinghub(args.data_dir, args.scrapinghub_cache))


if __name__ == "__main__":
    main()
