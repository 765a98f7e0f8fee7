"""Listing and collection pages: where the words the answer misses and the words it adds sit (seventeenth
session, listing9; issue 9 target 1); a study on WCXB's tune part through the product's `extract_html`.

    python -m bench.listing9_study DATA_DIR [--cache PICKLE] [--table] [--pages N] [--variants [NAME ...]]

The cache is bench.profiles_study's (every tune page with a truth through `extract_html`, with its predicted
type). `--table`: for every tune page typed listing or collection, or of those true types, the truth's lines
the answer misses (under half their words in the answer's bag) by where they sit in the page: not in the page's
text, outside the main region, inside an element the region drops as chrome (by its tag, hiding, role or class
word: which), dropped by the profile's line filters, or in the region when trafilatura's answer was taken; and
the answer's lines not in the truth (under half their words in the truth's bag) by kind of line and by the
class words of the card part or block they come from. `--variants`: each rule re-extracts the pages typed
listing or collection (no other page's answer can change) and is kept only if the tune F1 rises in at least 4
of the 5 host folds (bench.fitting.hash_bucket(host, 5, SALT)), no true type falls, and ScrapingHub's 181
pages (those typed listing or collection re-extracted) do not fall.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import pickle
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterator

import bot.digest.extract.html_extractor as html_extractor
from bench.audit6_study import recording_type
from bench.choice_study import site_of
from bench.extraction import load_pages as scrapinghub_pages
from bench.metrics import shingle_scores
from bench.fitting import hash_bucket
from bench.listing5_study import profiles_changed
from bench.wcxb import TYPES, word_f1
from bot.digest.extract.html import listing
from bot.digest.extract.html.profiles import PROFILES
from bot.settings import DigestSettings
from bot.digest.extract.html.region import _CHROME_TAGS, _CHROME_WORDS, CHROME_ROLES, _class_words, _is_chrome, block_lines, is_hidden, main_region

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/listing9/cache.pkl")
CARD_TYPES = ("listing", "collection")
FOLDS = 5
SALT = "listing9"
_TOKEN = re.compile(r"\w+")
_PRICE = re.compile(r"[$€£¥]\s?\d|\d[.,]\d\d\b|\b(usd|eur|gbp)\b", re.I)
_RATING = re.compile(r"\b(stars?|reviews?|ratings?|rated)\b|\(\d+\)", re.I)
_COUNT = re.compile(r"\b(results?|items?|products?|showing|sort|filter|view|per page)\b", re.I)
_DATE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{4}-\d\d-\d\d\b|\b(ago|min read)\b", re.I)
_PAGER = re.compile(r"^(\d+\s*)+$|\b(next|previous|prev|load more|show more|page \d+)\b", re.I)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _key(text: str) -> str:
    return " " + " ".join(tokens(text)) + " "


def _text_key(element: Any) -> str:
    """The key of an element's text with a space between its text nodes (two cells' words stay two words)."""
    return _key(" ".join(element.itertext()))


def line_kind(line: str) -> str:
    """A coarse kind of an answer's line, by its words and shape."""
    words = len(tokens(line))
    if _PAGER.search(line) and words <= 6:
        return "pagination"
    if _PRICE.search(line) and words <= 8:
        return "price"
    if _RATING.search(line) and words <= 8:
        return "rating"
    if _COUNT.search(line) and words <= 6:
        return "filter/count"
    if _DATE.search(line) and words <= 8:
        return "date/byline"
    if words <= 3:
        return "label (<=3 words)"
    if words < 10:
        return "short (4-9 words)"
    return "prose (10+ words)"


def missing_lines(truth: str, answer: str) -> list[str]:
    """The truth's lines under half of whose words are in the answer's bag (taken from it as they are matched)."""
    bag = Counter(tokens(answer))
    missing = []
    for line in (line.strip() for line in truth.splitlines()):
        words = tokens(line)
        if not words:
            continue
        found = sum(1 for word in words if bag[word] > 0 and not bag.subtract([word]))
        if found < 0.5 * len(words):
            missing.append(line)
    return missing


def extra_lines(truth: str, answer: str) -> list[str]:
    """The answer's lines under half of whose words are in the truth's bag."""
    return missing_lines(answer, truth)


def _chrome_reason(element: Any, chrome_words: frozenset[str]) -> str:
    if element.tag in _CHROME_TAGS:
        return f"tag <{element.tag}>"
    if is_hidden(element):
        return "hidden"
    if element.get("role") in CHROME_ROLES:
        return f"role {element.get('role')}"
    return "class " + " ".join(sorted(_class_words(element) & chrome_words))


def _parts(element: Any) -> str:
    """An element's class words (the first three) or its tag."""
    words = sorted(word for word in _class_words(element) if word and not word.isdigit())[:3]
    return f"{element.tag}.{'.'.join(words)}" if words else element.tag


class PageView:
    """One page's tree, main region, the region's chrome elements and its lines as the profile keeps them, for
    telling where a line of text sits."""

    def __init__(self, html: str, kind: str) -> None:
        self.tree = html_extractor._parse(html)
        self.profile = PROFILES[kind]
        self.page_key = _text_key(self.tree)
        self.region = main_region(self.tree)
        self.region_key = _text_key(self.region) if self.region is not None else " "
        chrome_words = (_CHROME_WORDS | self.profile.more_chrome) - self.profile.less_chrome
        self.chrome = []  # (text key, reason) of the outermost chrome elements in the region
        self.cards = listing.cards(self.region) if self.region is not None else set()
        if self.region is not None:
            for element in self.region.iterdescendants():
                if isinstance(element.tag, str) and _is_chrome(element, chrome_words) and not any(_is_chrome(a, chrome_words) for a in element.iterancestors() if a is not self.region and _inside(a, self.region)):
                    in_card = element in self.cards or any(a in self.cards for a in element.iterancestors())
                    self.chrome.append((_text_key(element), _chrome_reason(element, chrome_words) + (" (in a card)" if in_card else "")))
        self.kept_key = " "
        self.blocks: list[tuple[str, str, bool]] = []  # (text key, parts, in a card) of the region's small blocks
        if self.region is not None:
            stripped, _ = listing._strip_keeping_cards(
                self.region, self.profile.more_chrome, self.profile.less_chrome, cards_wrapper_share=self.profile.cards_wrapper_share
            )
            cards = listing.cards(stripped)
            for element in stripped.iter():
                if isinstance(element.tag, str) and len(element.text_content()) < 400:
                    in_card = element in cards or any(a in cards for a in element.iterancestors())
                    self.blocks.append((_text_key(element), _parts(element), in_card))
            self.kept_key = _key(" ".join(line.text for line in block_lines(stripped)))

    def where_missing(self, line: str, region_text: str | None) -> str:
        key = _key(line)
        if key not in self.page_key:
            words = tokens(line)
            if sum(f" {word} " in self.page_key for word in words) < 0.5 * len(words):
                return "words not in the page's text (attributes, scripts)"
            return "in the page's text, not as one run"
        if key not in self.region_key:
            return "outside the main region"
        if key not in self.kept_key:
            for text, reason in self.chrome:
                if key in text:
                    return "region chrome: " + reason
            return "region chrome: (split over elements)"
        if region_text is None:
            return "in the region; trafilatura's answer taken"
        return "in the region's blocks; a line filter or repeat dropped it"

    def where_extra(self, line: str) -> str:
        key = _key(line)
        for text, parts, in_card in self.blocks:
            if key in text:
                return ("card part " if in_card else "block ") + parts
        return "outside the region (trafilatura's answer)" if key not in self.region_key else "region, split"


def _inside(element: Any, region: Any) -> bool:
    return any(ancestor is region for ancestor in element.iterancestors())


def table_pages(pages: dict[str, dict[str, Any]]) -> list[str]:
    return [page_id for page_id, page in pages.items() if page["predicted"] in CARD_TYPES or page["type"] in CARD_TYPES]


@contextlib.contextmanager
def recording_region(record: dict[str, str]) -> Iterator[None]:
    """card_region_text's answer recorded in record["region"]."""
    shipped = html_extractor.card_region_text

    def recording(tree: Any, profile: Any) -> str:
        record["region"] = shipped(tree, profile)
        return record["region"]

    html_extractor.card_region_text = recording
    try:
        yield
    finally:
        html_extractor.card_region_text = shipped


def loss_table(pages: dict[str, dict[str, Any]], show: int) -> None:
    """Print the missing and extra words of every card page by where they sit, and the pages that lose most."""
    missing_by: Counter[str] = Counter()
    extra_by_kind: Counter[str] = Counter()
    extra_by_part: Counter[str] = Counter()
    missing_by_type: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    for page_id in table_pages(pages):
        page = pages[page_id]
        kind = page["predicted"] if page["predicted"] in PROFILES else "article"
        view = PageView(page["html"], kind)
        record: dict[str, str] = {}
        with recording_region(record):
            answer = _extract(page)
        region = record.get("region")
        from_region = region is not None and bool(answer.strip()) and tokens(answer) and _key(answer[:200]) in _key(region)
        lost = Counter()
        for line in missing_lines(page["truth"], answer):
            where = view.where_missing(line, region if from_region else None)
            lost[where] += len(tokens(line))
        added = Counter()
        for line in extra_lines(page["truth"], answer):
            words = len(tokens(line))
            extra_by_kind[line_kind(line)] += words
            part = view.where_extra(line)
            extra_by_part[part] += words
            added[line_kind(line)] += words
        missing_by.update(lost)
        missing_by_type[f"{page['type']} typed {page['predicted']}"].update(lost)
        rows.append((1 - page["f1"], page_id, page, "region" if from_region else "trafilatura", lost, added))
    print(f"{len(rows)} pages; loss (sum of 1 - F1) {sum(row[0] for row in rows):.2f}")
    print("\nthe truth's missing words by where they sit:")
    for where, words in missing_by.most_common(25):
        print(f"  {words:7d}  {where}")
    print("\nby true type and type read:")
    for group, counter in sorted(missing_by_type.items(), key=lambda item: -sum(item[1].values())):
        print(f"  {group}: " + ", ".join(f"{where} {words}" for where, words in counter.most_common(4)))
    print("\nthe answer's words not in the truth, by kind of line:")
    for kind, words in extra_by_kind.most_common():
        print(f"  {words:7d}  {kind}")
    print("\nby the block or card part they come from:")
    for part, words in extra_by_part.most_common(40):
        print(f"  {words:7d}  {part}")
    print("\nthe pages that lose most:")
    for loss, page_id, page, branch, lost, added in sorted(rows, key=lambda row: -row[0])[:show]:
        print(f"  {page_id} {page['type'][:4]}->{page['predicted'][:4]} {site_of(page['url'] or '')} f1 {page['f1']:.3f} {branch}: "
              f"missing {dict(lost.most_common(3))} extra {dict(added.most_common(3))}")


def _extract(page: dict[str, Any]) -> str:
    try:
        return html_extractor.extract_html(page["html"], "page.html", page["url"], DEFAULT_MAX_ELEMENTS).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


DEFAULT_MAX_ELEMENTS = DigestSettings().max_html_elements


def host_folds(pages: dict[str, dict[str, Any]], delta: dict[str, float], salt: str = SALT) -> list[float]:
    """The sum of page deltas in each of FOLDS folds of hosts."""
    sums = [0.0] * FOLDS
    for page_id, change in delta.items():
        sums[hash_bucket(site_of(pages[page_id]["url"] or ""), FOLDS, salt)] += change
    return sums


def holds(pages: dict[str, dict[str, Any]], delta: dict[str, float], news_delta: float) -> bool:
    """The keep rule: tune up in at least 4 of 5 host folds, no true type down, ScrapingHub not down."""
    folds = host_folds(pages, delta)
    by_type: dict[str, float] = defaultdict(float)
    for page_id, change in delta.items():
        by_type[pages[page_id]["type"]] += change
    return sum(change > 1e-9 for change in folds) >= 4 and all(change >= -1e-9 for change in by_type.values()) and news_delta >= -1e-9


def scrapinghub_base(data_dir: Path, cache: Path) -> list[dict[str, Any]]:
    """ScrapingHub's 181 pages with their HTML, truth, the shipped answer and type (cached)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    news = []
    record: dict[str, str] = {}
    with recording_type(record):
        for page_id, html, truth in scrapinghub_pages(data_dir):
            record.clear()
            page = {"id": page_id, "html": html, "url": None, "truth": truth}
            page["answer"] = _extract(page)
            page["predicted"] = record.get("predicted", "")
            news.append(page)
    cache.write_bytes(pickle.dumps(news))
    return news


def scrapinghub_f1(news: list[dict[str, Any]], answers: dict[str, str]) -> float:
    """ScrapingHub's shingle F1 with the pages in `answers` answered so (the others as shipped)."""
    return shingle_scores((page["truth"], answers.get(page["id"], page["answer"])) for page in news).f1


def card_answers(pages: dict[str, Any], patch: Callable[[], Any]) -> dict[str, str]:
    """The answers of the pages typed listing or collection, under `patch`."""
    with patch():
        return {page_id: _extract(page) for page_id, page in pages.items() if page["predicted"] in CARD_TYPES}


def run_variants(data_dir: Path, pages: dict[str, dict[str, Any]], cache: Path, names: list[str], show: int) -> None:
    """Each variant against the base (the BASE variant's answers, cached beside `cache`), on WCXB tune and ScrapingHub."""
    news = scrapinghub_base(data_dir, cache.with_name("scrapinghub.pkl"))
    news_pages = {page["id"]: page for page in news}
    base_cache = cache.with_name("base.pkl")
    if base_cache.exists():
        base, news_base = pickle.loads(base_cache.read_bytes())
    else:
        base, news_base = card_answers(pages, VARIANTS[BASE]), card_answers(news_pages, VARIANTS[BASE])
        base_cache.write_bytes(pickle.dumps((base, news_base)))
    base_f1 = {page_id: word_f1(pages[page_id]["truth"], text) for page_id, text in base.items()}
    others = {page_id: page["f1"] for page_id, page in pages.items() if page_id not in base}
    news_off = scrapinghub_f1(news, news_base)
    print(f"base: all {(sum(base_f1.values()) + sum(others.values())) / len(pages):.5f}; {len(base)} tune pages typed listing or collection, "
          f"{len(news_base)} ScrapingHub pages; ScrapingHub {news_off:.4f}")
    for name in names:
        found = card_answers(pages, VARIANTS[name])
        delta = {page_id: word_f1(pages[page_id]["truth"], text) - base_f1[page_id] for page_id, text in found.items()}
        news_on = scrapinghub_f1(news, card_answers(news_pages, VARIANTS[name]))
        report_variant(pages, name, base_f1, others, delta, news_on - news_off, show)


def report_variant(pages: dict[str, dict[str, Any]], name: str, base_f1: dict[str, float], others: dict[str, float], delta: dict[str, float], news_delta: float, show: int) -> None:
    by_type: dict[str, list[float]] = defaultdict(list)
    before: dict[str, list[float]] = defaultdict(list)
    for page_id, page in pages.items():
        score = base_f1.get(page_id, others.get(page_id, 0.0))
        before[page["type"]].append(score)
        by_type[page["type"]].append(score + delta.get(page_id, 0.0))
    total = sum(sum(scores) for scores in by_type.values()) / len(pages)
    types = " ".join(f"{kind[:4]} {sum(by_type[kind]) / len(by_type[kind]):.4f}/{sum(before[kind]) / len(before[kind]):.4f}" for kind in TYPES if by_type[kind])
    salts = " ".join(f"[{' '.join(f'{change:+.3f}' for change in host_folds(pages, delta, salt))}]" for salt in (SALT, "a", "b"))
    moved = sorted((change, page_id) for page_id, change in delta.items() if abs(change) > 1e-9)
    describe = lambda pair: f"{pair[1]}({pages[pair[1]]['type'][:4]},{site_of(pages[pair[1]]['url'] or '')}){pair[0]:+.3f}"  # noqa: E731
    print(f"{name}\n    all {total:.5f} | {types}\n    host folds (salt {SALT}, a, b) {salts} | ScrapingHub {news_delta:+.4f}")
    print(f"    {'KEEP' if holds(pages, delta, news_delta) else 'no'}: {sum(c > 0 for c, _ in moved)} up / {sum(c < 0 for c, _ in moved)} down")
    print("    down: " + " ".join(describe(pair) for pair in moved[:show] if pair[0] < 0))
    print("    up:   " + " ".join(describe(pair) for pair in moved[::-1][:show] if pair[0] > 0), flush=True)


# The other rules this study tried (grid wrappers that are forms or hidden, the body read when the grid lies outside
# <main>, rating lines, repeated labels) lost on tune and left the product; their switches and variants are at
# commit df09575 on branch listing9 (docs/quality/extraction.md, seventeenth session).
VARIANTS: dict[str, Callable[[], Any]] = {
    "the product as this code has it": contextlib.nullcontext,
    "status lines kept (the listing and collection profiles before listing9)": lambda: profiles_changed({kind: {"status_lines_out": False} for kind in CARD_TYPES}),
}
BASE = "status lines kept (the listing and collection profiles before listing9)"  # what every variant is scored against


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--table", action="store_true")
    parser.add_argument("--pages", type=int, default=25, help="pages shown in the table")
    parser.add_argument("--variants", nargs="*", help="variants to score against the base answers (all when given without names)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pages = pickle.loads(args.cache.read_bytes())
    if args.table:
        loss_table(pages, args.pages)
    if args.variants is not None:
        run_variants(args.data_dir, pages, args.cache, args.variants or [name for name in VARIANTS if name != BASE], args.pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
