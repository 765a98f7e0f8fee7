"""Fourteenth session: an audit of the article rules, each switched off, by site and on a second corpus; nothing here ships.

    python -m bench.articles5_study DATA_DIR [--cache PATH] [--scrapinghub-cache PATH] [--study audit|candidates|upstream]

Every article rule of `bot/digest/extract/html/article.py` that can be switched off without changing the
default (a module setting, or a step replaced by one that returns its input) is replayed off, on WCXB's tune pages
(the cache of `bench.articles_study`: every tune page with a truth read once through the product's `extract_html`,
`article_text`'s input recorded) and on the 181 ScrapingHub pages (the same recording through `extract_html`, as
`python -m bot extract` reads a saved page: no address; a check only, nothing is chosen on it). Printed per rule:
the WCXB article pages' mean word F1 with the rule on (shipped) against off, the pages it moves, the hosts it moves
(up / down, the share of its gain from its best two hosts), the sums of the article pages' changes per fold by id
and by site under four salts, the other types' summed change, and ScrapingHub's shingle F1, precision and recall
on and off. A rule whose tune gain comes from one or two hosts and that loses out of them, or loses on
ScrapingHub, is a candidate to narrow or drop. `candidates`: the changes of `CANDIDATES` against the shipped
setting, the same table. `upstream`: prune.py's passes before trafilatura (permalinks, bare `<pre>`, spaces between
inline elements) each off, the whole product rerun on both corpora (cached beside `--cache`, about 6 minutes each).
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
import bot.digest.extract.html_extractor as html_extractor
from bench.articles_study import fold_of, load_pages, recording_article_text, replayed, tune_urls
from bench.choice_study import site_of, tune_pages_recorded
from bench.extraction import load_pages as scrapinghub_pages
from bench.forums2_study import SITE_SALTS
from bench.metrics import page_counts, aggregate
from bench.wcxb import word_f1
from bot.settings import DigestSettings

DEFAULT_CACHE = Path("/tmp/articles5/cache.pkl")
DEFAULT_SCRAPINGHUB_CACHE = Path("/tmp/articles5/scrapinghub.pkl")


def _identity_text(text: str, *_: Any) -> str:
    return text


def _identity_restore(tree: lxml_html.HtmlElement, text: str, max_link_share: float | None = None) -> str:
    return text


# Each rule: the module settings (name -> value) that switch it off. Functions are replaced by ones
# returning their input (article_text reads them from the module at call time).
RULES: dict[str, dict[str, Any]] = {
    "restore: body list items": {"_RESTORED_TAGS": ("h2", "h3", "h4", "h5", "h6")},
    "restore: body subheadings": {"_RESTORED_TAGS": ("li",)},
    "restore: missing body <p>": {"MIN_MISSING_PARAGRAPH_WORDS": 10**9},
    "restore: outbound link items": {"RESTORE_OUTBOUND_ITEMS": False},
    "section headings (frame)": {"RESTORE_SECTION_HEADINGS": False},
    "section headings: linked ones": {"SECTION_HEADINGS_LINKED": False},
    "related blocks skipped (fourteenth session)": {"SKIP_RELATED_BLOCKS": False},
    "faq: inside the frame": {"FAQ_LEVELS": None},
    "faq: FAQPage 2 levels up": {"FAQ_SCHEMA_LEVELS": None},
    "drop_trailing_sections": {"drop_trailing_sections": _identity_text},
    "drop_end_matter": {"drop_end_matter": _identity_text},
    "drop_related_links": {"drop_related_links": _identity_text},
    "labels: read_time": {"DROPPED_LABELS": article.DROPPED_LABELS - {"read_time"}},
    "labels: label": {"DROPPED_LABELS": article.DROPPED_LABELS - {"label"}},
    "labels: date": {"DROPPED_LABELS": article.DROPPED_LABELS - {"date"}},
    "labels: byline": {"DROPPED_LABELS": article.DROPPED_LABELS - {"byline"}},
}


# Changes tried against the shipped setting (module settings -> values), scored as the rules above but the gain
# is the change's.
CANDIDATES: dict[str, dict[str, Any]] = {
    "items and subheadings in related blocks put back (before this session)": {"SKIP_RELATED_BLOCKS": False},
}


@contextmanager
def settings(values: dict[str, Any]) -> Iterator[None]:
    """`article`'s module settings set to `values` for the block, restored after."""
    saved = {name: getattr(article, name) for name in values}
    for name, value in values.items():
        setattr(article, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(article, name, value)


def build_scrapinghub(data_dir: Path) -> list[dict[str, Any]]:
    """The 181 ScrapingHub pages through `extract_html` as `python -m bot extract` reads a saved page (no address),
    `article_text`'s input recorded where the page is taken for an article."""
    record: dict[str, Any] = {}
    max_elements = DigestSettings().max_html_elements
    pages = []
    with recording_article_text(record):
        for page_id, html, truth in scrapinghub_pages(data_dir):
            record.clear()
            try:
                final = html_extractor.extract_html(html, f"{page_id}.html", None, max_elements).text
            except Exception:  # noqa: BLE001 (an error answer scores 0)
                final = ""
            pages.append({**record, "id": page_id, "type": "article", "truth": truth, "final": final})
    return pages


def load_scrapinghub(data_dir: Path, cache: Path) -> list[dict[str, Any]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = build_scrapinghub(data_dir)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


def wcxb_scores(pages: list[dict[str, Any]]) -> np.ndarray:
    """Every WCXB page's word F1 with `article_text` as the module is set now."""
    return np.array([word_f1(page["truth"], final) for page, final in zip(pages, replayed(pages, article.article_text))])


def scrapinghub_counts(pages: list[dict[str, Any]]) -> list[Any]:
    """Every ScrapingHub page's shingle counts (the benchmark's metric) with `article_text` as set now."""
    return [page_counts(page["truth"], final) for page, final in zip(pages, replayed(pages, article.article_text))]


def shingle_f1(counts: Any) -> float:
    """One page's F1 from its shingle counts (for telling which pages a rule moves)."""
    return 2 * counts.tp / (2 * counts.tp + counts.fp + counts.fn) if counts.tp else 0.0


def cv_gain(gain: np.ndarray, folds: np.ndarray) -> float:
    """The rule's out-of-fold gain as an on/off choice: on in fold k when its gain over the other folds is above
    zero (summed over the folds, against the rule off)."""
    return float(sum(gain[folds == k].sum() for k in range(5) if gain[folds != k].sum() > 1e-9))


def rule_row(name: str, gain: np.ndarray, pages: list[dict[str, Any]], hosts: np.ndarray, folds: dict[str, np.ndarray],
             news_on: list[Any], news_off: list[Any], news: list[dict[str, Any]]) -> None:
    """Print one rule's audit: `gain` is each WCXB page's F1 with the rule on less off."""
    types = np.array([page["type"] for page in pages])
    articles = types == "article"
    art = gain[articles]
    moved = np.flatnonzero(articles & (np.abs(gain) > 1e-9))
    by_host: dict[str, float] = {}
    for index in moved:
        by_host[hosts[index]] = by_host.get(hosts[index], 0.0) + float(gain[index])
    ranked = sorted(by_host.items(), key=lambda item: -item[1])
    best_two = sum(value for _, value in ranked[:2])
    fold_text = []
    fold_values = []
    for grouping, fold in folds.items():
        sums = [float(gain[articles & (fold == k)].sum()) for k in range(5)]
        fold_values.extend(sums)
        fold_text.append(f"{grouping} " + " ".join(f"{value:+.3f}" for value in sums) + f" (cv {cv_gain(np.where(articles, gain, 0.0), fold):+.3f})")
    others = {t[:4]: round(float(gain[types == t].sum()), 4) for t in sorted(set(types)) if t != "article" and abs(gain[types == t].sum()) > 1e-9}
    on, off = aggregate(news_on), aggregate(news_off)
    news_delta = np.array([shingle_f1(a) - shingle_f1(b) for a, b in zip(news_on, news_off)])
    print(f"== {name}: WCXB article mean gain {art.mean():+.5f} (sum {art.sum():+.3f}), pages {moved.size} "
          f"(+{int((gain[moved] > 0).sum())} -{int((gain[moved] < 0).sum())}), hosts +{sum(v > 1e-9 for v in by_host.values())} "
          f"-{sum(v < -1e-9 for v in by_host.values())}, best two hosts {best_two:+.3f}, the rest {art.sum() - best_two:+.3f}; "
          f"folds up {sum(v > 1e-9 for v in fold_values)} down {sum(v < -1e-9 for v in fold_values)} of {len(fold_values)}; other types {others}")
    print(f"   ScrapingHub on F1 {on.f1:.5f} P {on.precision:.5f} R {on.recall:.5f} | off F1 {off.f1:.5f} P {off.precision:.5f} "
          f"R {off.recall:.5f} | delta {on.f1 - off.f1:+.5f}, pages +{int((news_delta > 1e-9).sum())} -{int((news_delta < -1e-9).sum())}")
    for line in fold_text:
        print(f"   folds by {line}")
    print("   hosts: " + ", ".join(f"{host} {value:+.3f}" for host, value in ranked if abs(value) > 1e-9))
    moved_news = [f"{news[i]['id']} {news_delta[i]:+.3f}" for i in np.flatnonzero(np.abs(news_delta) > 1e-9)]
    if moved_news:
        print("   ScrapingHub pages: " + ", ".join(moved_news))


def _groupings(pages: list[dict[str, Any]], urls: dict[str, str]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Each page's host, and its fold by id and by site under each salt."""
    hosts = np.array([site_of(urls.get(page["id"], "")) or page["id"] for page in pages])
    folds = {"id": np.array([fold_of(page, urls, None) for page in pages])}
    folds.update({f"site {salt}": np.array([fold_of(page, urls, salt) for page in pages]) for salt in SITE_SALTS})
    return hosts, folds


def candidates(pages: list[dict[str, Any]], news: list[dict[str, Any]], urls: dict[str, str], only: str | None) -> None:
    """Every change of `CANDIDATES` against the shipped setting, on WCXB tune and on ScrapingHub."""
    base, news_base = wcxb_scores(pages), scrapinghub_counts(news)
    hosts, folds = _groupings(pages, urls)
    for name, values in CANDIDATES.items():
        if only and only not in name:
            continue
        with settings(values):
            scores, news_counts = wcxb_scores(pages), scrapinghub_counts(news)
        rule_row(name, scores - base, pages, hosts, folds, news_counts, news_base, news)
        articles = np.array([page["type"] == "article" for page in pages])
        print(f"   WCXB article {base[articles].mean():.5f} -> {scores[articles].mean():.5f}, all {base.mean():.5f} -> {scores.mean():.5f}")
        for index in np.flatnonzero(np.abs(scores - base) > 1e-9):
            print(f"      {pages[index]['id']} {pages[index]['type'][:4]} {hosts[index]} {scores[index] - base[index]:+.4f}")


def audit(pages: list[dict[str, Any]], news: list[dict[str, Any]], urls: dict[str, str]) -> None:
    """Every rule of `RULES` off against the shipped setting, on WCXB tune and on ScrapingHub."""
    base = wcxb_scores(pages)
    news_base = scrapinghub_counts(news)
    articles = np.array([page["type"] == "article" for page in pages])
    on = aggregate(news_base)
    print(f"shipped: WCXB article {base[articles].mean():.5f} all {base.mean():.5f}; ScrapingHub F1 {on.f1:.5f} "
          f"P {on.precision:.5f} R {on.recall:.5f}")
    hosts, folds = _groupings(pages, urls)
    variants: dict[str, Callable[[], tuple[np.ndarray, list[Any]]]] = {}
    for name, values in RULES.items():
        def run(values: dict[str, Any] = values) -> tuple[np.ndarray, list[Any]]:
            with settings(values):
                return wcxb_scores(pages), scrapinghub_counts(news)
        variants[name] = run
    for name, run in variants.items():
        off, news_off = run()
        rule_row(name, base - off, pages, hosts, folds, news_base, news_off, news)
    raw = np.array([word_f1(page["truth"], final) for page, final in zip(pages, replayed(pages, lambda tree, text: text))])
    news_raw = [page_counts(page["truth"], final) for page, final in zip(news, replayed(news, lambda tree, text: text))]
    rule_row("article_text as a whole", base - raw, pages, hosts, folds, news_base, news_raw, news)


# prune.py's passes over the parsed page before trafilatura reads it (names in html_extractor's namespace): each
# replaced by one that leaves the tree alone, the whole product rerun (they act on every page type).
UPSTREAM_STEPS = ("drop_permalinks", "code_in_preformatted", "space_before_inline_gaps")


def finals_without(data_dir: Path, step: str | None, cache: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every WCXB tune page's and ScrapingHub page's product answer with `step` of `UPSTREAM_STEPS` off (None: as
    shipped), cached."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    shipped = getattr(html_extractor, step) if step else None
    if step:
        setattr(html_extractor, step, lambda tree: None)
    try:
        wcxb = tune_pages_recorded(data_dir, {})
        news = build_scrapinghub(data_dir)
    finally:
        if step:
            setattr(html_extractor, step, shipped)
    result = ([{k: page[k] for k in ("id", "type", "truth", "final")} for page in wcxb],
              [{k: page[k] for k in ("id", "truth", "final")} for page in news])
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(result))
    return result


def upstream(data_dir: Path, pages: list[dict[str, Any]], news: list[dict[str, Any]], urls: dict[str, str], folder: Path) -> None:
    """Each of prune.py's passes off against the shipped product (the recorded answers of `pages` and `news`): every
    type's summed change, the article pages' hosts and folds, ScrapingHub."""
    hosts, folds = _groupings(pages, urls)
    base = np.array([word_f1(page["truth"], page["final"]) for page in pages])
    news_base = [page_counts(page["truth"], page["final"]) for page in news]
    for step in UPSTREAM_STEPS:
        wcxb, news_off = finals_without(data_dir, step, folder / f"upstream_{step}.pkl")
        assert [page["id"] for page in wcxb] == [page["id"] for page in pages]
        off = np.array([word_f1(page["truth"], page["final"]) for page in wcxb])
        rule_row(f"{step} (prune.py)", base - off, pages, hosts, folds, news_base,
                 [page_counts(page["truth"], page["final"]) for page in news_off], news)
        types = np.array([page["type"] for page in pages])
        for name in sorted(set(types)):
            print(f"   {name}: on {base[types == name].mean():.5f} off {off[types == name].mean():.5f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--scrapinghub-cache", type=Path, default=DEFAULT_SCRAPINGHUB_CACHE)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--study", choices=("audit", "candidates", "upstream"), default="audit")
    parser.add_argument("--only", help="with --study candidates: the candidates whose name holds this text")
    args = parser.parse_args()
    pages = load_pages(args.data_dir, args.cache)
    news = load_scrapinghub(args.data_dir, args.scrapinghub_cache)
    print(f"WCXB tune {len(pages)} pages, {sum(page.get('tree') is not None for page in pages)} taken for articles; "
          f"ScrapingHub {len(news)} pages, {sum(page.get('tree') is not None for page in news)} taken for articles")
    if args.build_only:
        return
    if args.study == "audit":
        audit(pages, news, tune_urls(args.data_dir))
    elif args.study == "upstream":
        upstream(args.data_dir, pages, news, tune_urls(args.data_dir), args.cache.parent)
    else:
        candidates(pages, news, tune_urls(args.data_dir), args.only)


if __name__ == "__main__":
    main()
