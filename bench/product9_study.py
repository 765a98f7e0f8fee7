"""Product pages: the misreads counted, a per-page loss table by kind of line, and candidates judged by host
folds (seventeenth session, product9; issue 9 target 1). A study: builds on bench/product6_study.py.

    python -m bench.product9_study DATA_DIR [--cache PICKLE] [--census] [--losses] [--kinds] [--candidates]

The cache is bench.profiles_study's (every WCXB tune page with a truth through `extract_html`, with the
type the classifier gave it; built on first use, about 6 minutes). Printed:
- `--census`: true product pages by the type the classifier gave them, and pages typed product by true type;
- `--losses`: every tune page that is a product or typed product: F1, precision, recall, and its largest kinds
  of lost words (truth lines the answer misses, answer lines the truth lacks);
- `--kinds`: the same words summed over the pages typed product and over the true products typed otherwise,
  by kind, with the number of sites;
- `--candidates`: each candidate as a step after the choice on the pages typed product (the only pages a
  product step reaches): summed change, pages up and down, the five host folds
  (`bench.fitting.hash_bucket(host, 5, salt)`) under five salts, whether it passes the rule (the sum of
  page changes rises in at least 4 of 5 host folds under the first salt, and no page type falls).

A line is missed (or extra) when under half its words are in the other text (product6's tally). Its kind is
read from its words first (the JSON-LD Product description, a price, review and shipping words), then from the
element whose whole text it is (a table or `<dl>` row, a list item, a tab panel or hidden block, a heading).
"""

from __future__ import annotations

import argparse
import logging
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
from lxml import html as lxml_html

from bench.choice_study import site_of
from bench.forums2_study import fold_sums
from bench.listing4_study import load
from bench.product6_study import PRICE, _elements_by_text, container_kinds, precision_recall, tokens
from bench.wcxb import TYPES, word_f1
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.product import product_name, with_product_name
from bot.digest.extract.html.region import description_lead
from bot.digest.extract.html_extractor import _parse

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/product9/cache.pkl")
HOST_SALTS = ("product9", "a", "b", "c", "d")  # the first decides; the others are shown
FOLDS_UP_NEEDED = 4

# Words that say what an answer's line is about (a line holding one of them, at most 40 words long).
REVIEW_WORDS = re.compile(r"\b(reviews?|rated|ratings?|stars?|verified (?:buyer|purchase)|helpful)\b", re.IGNORECASE)
SHIPPING_WORDS = re.compile(r"\b(shipping|delivery|returns?|refunds?|warranty|checkout|in stock|add to (?:cart|bag|basket))\b", re.IGNORECASE)
RELATED_WORDS = re.compile(r"\b(you may also like|related products?|customers (?:also|who)|frequently bought|similar items|recently viewed)\b", re.IGNORECASE)


def product_descriptions(tree: lxml_html.HtmlElement) -> list[str]:
    """The `description` of each JSON-LD object typed Product (in @graph lists too), and the og:description."""
    found: list[str] = []

    def walk(node: Any) -> Iterator[dict]:
        if isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            yield node
            yield from walk(node.get("@graph"))

    for document in json_ld_documents(tree):
        for node in walk(document):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "Product" in kinds and isinstance(node.get("description"), str):
                found.append(node["description"])
    lead = description_lead(tree)
    return found + ([lead] if lead else [])


def line_kind(line: str, element: lxml_html.HtmlElement | None, described: set[str]) -> str:
    """One kind for a line: by its words, then by its element's kinds (product6_study.container_kinds)."""
    words = tokens(line)
    if len(words) >= 4 and sum(word in described for word in words) >= 0.8 * len(words):
        return "json-ld/og description"
    if len(words) <= 40:
        if RELATED_WORDS.search(line):
            return "related products"
        if REVIEW_WORDS.search(line):
            return "reviews, ratings"
        if SHIPPING_WORDS.search(line):
            return "shipping, returns, cart"
        if PRICE.search(line) and len(words) <= 8:
            return "price line"
    if element is None:
        return "no one element"
    kinds = container_kinds(element)
    for names, kind in (
        ({"table", "dl"}, "table or dl row"),
        ({"form", "select", "option", "label", "button", "c:price", "c:variant", "c:swatch", "c:size", "c:option"}, "buy box (form, pickers)"),
        ({"HIDDEN", "tabpanel", "c:tab", "c:tabs", "c:accordion", "details", "dialog", "c:modal", "c:drawer"}, "tab, accordion, hidden"),
        ({"c:faq"}, "faq"),
        ({"h1", "h2", "h3", "h4"}, "heading"),
        ({"li"}, "list item"),
        ({"c:description", "c:details", "c:features", "c:spec", "c:specs", "c:specification", "c:specifications"}, "description block"),
        ({"header", "footer", "nav", "aside"}, "header, footer, nav, aside"),
    ):
        if kinds & names:
            return kind
    return "plain block"


def unmatched_lines(text: str, other: str) -> list[str]:
    """The lines of `text` under half of whose words are in `other`."""
    other_words = set(tokens(other))
    lines = []
    for line in text.split("\n"):
        words = tokens(line)
        if words and sum(word in other_words for word in words) < 0.5 * len(words):
            lines.append(line)
    return lines


def page_losses(page: dict[str, Any]) -> tuple[Counter, Counter]:
    """(words of the truth's lines the answer misses, words of the answer's lines the truth lacks), by kind."""
    tree = _parse(page["html"])
    described = set(tokens(" ".join(product_descriptions(tree))))
    elements = _elements_by_text(tree)
    missed: Counter = Counter()
    extra: Counter = Counter()
    for text, other, bag in ((page["truth"], page["answer"], missed), (page["answer"], page["truth"], extra)):
        for line in unmatched_lines(text, other):
            bag[line_kind(line, elements.get(" ".join(tokens(line))), described)] += len(tokens(line))
    return missed, extra


def chosen_pages(pages: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {page_id: page for page_id, page in pages.items() if page["type"] == "product" or page["predicted"] == "product"}


def census(pages: dict[str, dict[str, Any]]) -> None:
    products = Counter(page["predicted"] for page in pages.values() if page["type"] == "product")
    typed = Counter(page["type"] for page in pages.values() if page["predicted"] == "product")
    print(f"true product pages ({sum(products.values())}) by the type the classifier gave: " + ", ".join(f"{k} {v}" for k, v in products.most_common()))
    print(f"pages typed product ({sum(typed.values())}) by true type: " + ", ".join(f"{k} {v}" for k, v in typed.most_common()))
    for label, keep in (("true products typed otherwise", lambda p: p["type"] == "product" and p["predicted"] != "product"),
                        ("other types typed product", lambda p: p["type"] != "product" and p["predicted"] == "product")):
        rows = sorted((page["f1"], page_id, page["type"], page["predicted"], site_of(page["url"] or "")) for page_id, page in pages.items() if keep(page))
        print(f"{label}: lost F1 {sum(1 - r[0] for r in rows):.2f}: " + ", ".join(f"{i} {t[:4]}/{(p or '')[:4]} {s} {f:.3f}" for f, i, t, p, s in rows))


def losses(pages: dict[str, dict[str, Any]], show: int = 3) -> dict[str, tuple[Counter, Counter]]:
    chosen = chosen_pages(pages)
    found = {page_id: page_losses(page) for page_id, page in chosen.items()}
    rows = sorted(chosen, key=lambda page_id: chosen[page_id]["f1"])
    print(f"{len(rows)} tune pages product or typed product, worst first (missed / extra: words by kind)")
    for page_id in rows:
        page = chosen[page_id]
        precision, recall = precision_recall(page["truth"], page["answer"])
        missed, extra = found[page_id]
        print(f"  {page_id} {page['type'][:5]}/{(page['predicted'] or '')[:5]} F1 {page['f1']:.3f} P {precision:.3f} R {recall:.3f} {site_of(page['url'] or '')}")
        print("      missed: " + ", ".join(f"{k} {v}" for k, v in missed.most_common(show)) + " | extra: " + ", ".join(f"{k} {v}" for k, v in extra.most_common(show)))
    return found


def kinds(pages: dict[str, dict[str, Any]], found: dict[str, tuple[Counter, Counter]]) -> None:
    """The lost words summed by kind, with sites, on the pages typed product and on the products typed otherwise."""
    for label, keep in (("pages typed product", lambda p: p["predicted"] == "product"), ("true products typed otherwise", lambda p: p["predicted"] != "product")):
        ids = [page_id for page_id in found if keep(pages[page_id])]
        for side, index in (("truth words the answers miss", 0), ("answer words the truth lacks", 1)):
            total: Counter = Counter()
            sites: dict[str, set[str]] = defaultdict(set)
            for page_id in ids:
                for kind, count in found[page_id][index].items():
                    total[kind] += count
                    sites[kind].add(site_of(pages[page_id]["url"] or ""))
            print(f"{label} ({len(ids)}), {side} ({sum(total.values())}): " + "; ".join(f"{k} {v} ({len(sites[k])})" for k, v in total.most_common()))


# Candidates: a step after the choice, on pages typed product: (answer, tree) -> answer.
Candidate = Callable[[str, lxml_html.HtmlElement], str]


def drop_lines_matching(pattern: re.Pattern, max_words: int) -> Candidate:
    """The answer's lines of at most `max_words` words that `pattern` finds, dropped (all kept if all would go)."""
    def step(answer: str, tree: lxml_html.HtmlElement) -> str:
        kept = [line for line in answer.split("\n") if not (len(tokens(line)) <= max_words and pattern.search(line))]
        return "\n".join(kept) if any(tokens(line) for line in kept) else answer
    return step


def drop_lines_in(kinds_to_drop: frozenset[str], min_words_left: int = 30) -> Candidate:
    """The answer's lines whose element (the first of the body whose whole text is the line) lies in a
    container of one of `kinds_to_drop` (product6_study.container_kinds), dropped; a line found in no one
    element stays, and the answer stays whole when under `min_words_left` words would be left."""
    def step(answer: str, tree: lxml_html.HtmlElement) -> str:
        elements = _elements_by_text(tree)
        kept = []
        for line in answer.split("\n"):
            element = elements.get(" ".join(tokens(line)))
            if element is None or not container_kinds(element) & kinds_to_drop:
                kept.append(line)
        text = "\n".join(kept)
        return text if len(tokens(text)) >= min_words_left else answer
    return step


def with_headline(answer: str, tree: lxml_html.HtmlElement) -> str:
    """The product's name (product.product_name) put first whenever the answer's first line is not it (not kept:
    the shipped step, product.with_product_name, adds it only when a word of it is nowhere in the answer)."""
    name = product_name(tree)
    first = answer.split("\n", 1)[0]
    return f"{name}\n\n{answer}" if name and tokens(first) != tokens(name) else answer


CANDIDATES: dict[str, Candidate] = {
    "table rows dropped": drop_lines_in(frozenset({"table"})),
    "table and dl rows dropped": drop_lines_in(frozenset({"table", "dl"})),
    "size-named blocks dropped": drop_lines_in(frozenset({"c:size"})),
    "accordion-named blocks dropped": drop_lines_in(frozenset({"c:accordion"})),
    "features-named blocks dropped": drop_lines_in(frozenset({"c:features"})),
    "role=tabpanel dropped": drop_lines_in(frozenset({"tabpanel"})),
    "the <h1> first when the answer does not open with it": with_headline,
    "the <h1> first when a word of it is not in the answer (shipped)": lambda answer, tree: with_product_name(answer, product_name(tree)),
    "shipping, returns, cart lines dropped (<= 40 words)": drop_lines_matching(SHIPPING_WORDS, 40),
    "review lines dropped (<= 40 words)": drop_lines_matching(REVIEW_WORDS, 40),
}


def judge(pages: dict[str, dict[str, Any]], name: str, candidate: Candidate) -> bool:
    """Print a candidate's change on the pages typed product, by type and by host folds; whether it passes."""
    ids = [page_id for page_id, page in pages.items() if page["predicted"] == "product"]
    delta = np.array([word_f1(pages[i]["truth"], candidate(pages[i]["answer"], _parse(pages[i]["html"]))) - pages[i]["f1"] for i in ids])
    rows = [{"id": i, "url": pages[i]["url"] or ""} for i in ids]
    types = np.array([pages[i]["type"] for i in ids])
    by_type = {t: delta[types == t].sum() for t in TYPES if (types == t).any()}
    folds = {salt: fold_sums(rows, delta, salt) for salt in HOST_SALTS}
    up = sum(s > 1e-9 for s in folds[HOST_SALTS[0]])
    passes = up >= FOLDS_UP_NEEDED and all(v >= -1e-9 for v in by_type.values())
    print(f"{name}: sum {delta.sum():+.3f} ({delta.mean():+.4f} a page typed product), {(delta > 1e-9).sum()} up, {(delta < -1e-9).sum()} down; "
          + " ".join(f"{t[:4]} {v:+.3f}" for t, v in by_type.items()) + f"; {'PASSES' if passes else 'fails'} ({up} of 5 host folds up)")
    for salt, sums in folds.items():
        print(f"    host folds, salt {salt:8s} " + " ".join(f"{s:+.3f}" for s in sums))
    moved = sorted((d, i) for d, i in zip(delta, ids) if abs(d) > 1e-9)
    print("    " + " ".join(f"{i}({pages[i]['type'][:4]},{site_of(pages[i]['url'] or '')}){d:+.3f}" for d, i in moved))
    return passes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    for flag in ("--census", "--losses", "--kinds"):  # see the module's text
        parser.add_argument(flag, action="store_true")
    parser.add_argument("--candidates", nargs="*", help="candidates to judge (all when given without names)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pages = load(args.data_dir, args.cache)
    everything = not (args.census or args.losses or args.kinds or args.candidates is not None)
    if args.census or everything:
        census(pages)
    if args.losses or args.kinds or everything:
        found = losses(pages) if args.losses or everything else {i: page_losses(p) for i, p in chosen_pages(pages).items()}
        kinds(pages, found)
    if args.candidates is not None or everything:
        for name, candidate in CANDIDATES.items():
            if not args.candidates or name in args.candidates:
                judge(pages, name, candidate)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
