"""The page-type classifier's misreads on product, listing and collection pages, what each costs, and
candidate fixes judged by host folds (eighteenth session, types10; issue 9 target 1).

    python -m bench.types10_study DATA_DIR [--cache PATH] [--table] [--features NAME ...] [--guards] [--close-call]

Builds on bench/pagetype3_study.py: its cache holds every WCXB tune page with a truth read through the
product's `extract_html` under each of the seven profiles (type forced), with the classifier's features as
`extract_html` computes them (`/tmp/types10/matrix.pkl`, built on first use, 10-20 minutes). Any classifier
or rule on top of it is then scored exactly by the answer's word F1 without extracting again.

- `--table`: the confusion table of the shipped model (as the product reads the tune pages) and of the
  trainer's fit out of fold by host, with each misread's cost (the page's F1 under its true type's
  profile less its F1 under the type read).
- `--features NAME ...`: the trainer's fit with candidate features (PRODUCT_MARKS, read from the pages once
  and cached beside the matrix) added, against the trainer's fit on the same folds, out of fold by host.
- `--guards`: rules that overrule the shipped model's type (GUARDS), against the shipped model.
- `--close-call` (service10): the article-to-service switch with a runner-up test and a paragraph guard
  (CLOSE_CALL_VARIANTS), judged also under SECOND_SALT, and the product's `page_type.close_call_type` checked
  against the study's variant at its constants; `--close-call-without-address`: the same with the classifier's
  features read without the page's address (as `bench.quality` runs the product).

The keep rule (the brief's): the summed F1 change of all tune pages rises in at least 4 of the 5 host folds
(`bench.fitting.hash_bucket(host, 5, "types10")`, salt fixed before any run), no true type's sum falls; the
folds under salts a and b are shown beside it. ScrapingHub is checked by the product's JSON afterwards.
"""

from __future__ import annotations

import argparse
import logging
import math
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree

from bench.choice_study import site_of, tune_items
from bench.fitting import hash_bucket
from bench.pagetype3_study import TYPES, Matrix, answer_f1, build, cost_table, logits_of, one_against_rest
from bot.digest.extract.html import page_type
from bot.digest.extract.html.metadata import json_ld_documents
import bot.digest.extract.html_extractor as hx
from bot.digest.extract.html.choice import CONSENT_MENTIONS_OUTSIDE, consent_mentions_outside, share_inside
from bot.digest.extract.html.prune import space_before_inline_gaps

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/types10/matrix.pkl")
HOST_SALT = "types10"  # decides; fixed before any run
SHOWN_SALTS = ("a", "b")
FOLDS_UP_NEEDED = 4

# Candidate features: what tells one product from a grid of them, or from a service page.
PRODUCT_MARKS = ("log_ld_products", "ld_one_product", "log_cart_buttons", "log_product_itemtypes", "ld_offer_price")
_CART = re.compile(r"\b(add to (?:cart|bag|basket|trolley)|buy (?:it )?now|add to shopping)\b", re.I)
_PRODUCT_KINDS = {"Product", "ProductGroup", "IndividualProduct", "Vehicle"}


def _ld_nodes(json_ld: list[Any]) -> list[dict[str, Any]]:
    """Every JSON-LD object, nested ones too."""
    nodes, stack = [], list(json_ld)
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            nodes.append(item)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return nodes


def _kinds(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    return {str(k) for k in (kind if isinstance(kind, list) else [kind]) if k}


def product_marks(tree: Any) -> dict[str, float]:
    """PRODUCT_MARKS of a parsed page: JSON-LD Product objects (how many; exactly one), add-to-cart
    buttons, microdata Product items, and whether a JSON-LD Offer names a price."""
    nodes = _ld_nodes(list(json_ld_documents(tree)))
    products = sum(1 for node in nodes if _kinds(node) & _PRODUCT_KINDS)
    priced = any(_kinds(node) & {"Offer", "AggregateOffer"} and (node.get("price") or node.get("lowPrice")) for node in nodes)
    buttons = itemtypes = 0
    for element in tree.iter(etree.Element):
        if element.tag in ("button", "a", "input"):
            text = element.get("value") or "" if element.tag == "input" else element.text_content()
            buttons += len(text) < 60 and bool(_CART.search(text))
        itemtype = element.get("itemtype") or ""
        itemtypes += "schema.org/product" in itemtype.lower()
    return {
        "log_ld_products": math.log1p(products),
        "ld_one_product": float(products == 1),
        "log_cart_buttons": math.log1p(buttons),
        "log_product_itemtypes": math.log1p(itemtypes),
        "ld_offer_price": float(priced),
    }


def add_marks(data_dir: Path, results: dict[str, dict[str, Any]], cache: Path) -> None:
    """Each cached page's PRODUCT_MARKS (from the tree as the classifier reads it), saved in the cache."""
    if all("marks" in row for row in results.values()):
        return
    for page_id, _item, html in tune_items(data_dir):
        if page_id in results and "marks" not in results[page_id]:
            tree = hx._parse(html)
            hx.drop_permalinks(tree)
            hx.code_in_preformatted(tree)
            space_before_inline_gaps(tree)
            results[page_id]["marks"] = product_marks(tree)
    cache.write_bytes(pickle.dumps(results))


def with_marks(matrix: Matrix, results: dict[str, dict[str, Any]], names: tuple[str, ...]) -> Matrix:
    """The matrix with the named marks appended to its features."""
    extra = np.array([[results[i]["marks"][name] for name in names] for i in matrix.ids]).reshape(len(matrix.ids), len(names))
    return Matrix(ids=matrix.ids, urls=matrix.urls, truth=matrix.truth, x=np.hstack([matrix.x, extra]), f1=matrix.f1)


def host_folds(matrix: Matrix, salt: str) -> np.ndarray:
    """Five folds by the page's host (its id where it has no address)."""
    return np.array([hash_bucket(h, 5, salt) for h in _hosts(matrix.ids, matrix.urls)])


def shipped_types(matrix: Matrix) -> np.ndarray:
    """The shipped model's type index of each page (its own features only)."""
    return logits_of(page_type.shipped_model(), matrix.x[:, : len(page_type.FEATURES)]).argmax(axis=1)


def out_of_fold_by_host(matrix: Matrix, columns: int, folds: np.ndarray) -> np.ndarray:
    """Each page's type as the trainer's fit on the first `columns` features of the other host folds reads it."""
    predicted = np.zeros(len(matrix.ids), dtype=int)
    x = matrix.x[:, :columns]
    for fold in range(5):
        train, test = folds != fold, folds == fold
        predicted[test] = logits_of(one_against_rest(x[train], matrix.truth[train]), x[test]).argmax(axis=1)
    return predicted


def keep_lines(hosts: list[str], truth: list[str], delta: np.ndarray) -> tuple[bool, list[str]]:
    """Per true type's summed change, the host folds under each salt; whether the keep rule holds (4 of 5
    folds up under HOST_SALT, no type down). `hosts`: each page's host (or its id where it has none)."""
    by_type = {kind: float(sum(d for t, d in zip(truth, delta) if t == kind)) for kind in TYPES}
    lines = ["  by true type (summed): " + " ".join(f"{kind[:5]} {d:+.3f}" for kind, d in by_type.items())]
    held = min(by_type.values()) >= -1e-9
    for salt in (HOST_SALT, *SHOWN_SALTS):
        folds = np.array([hash_bucket(h, 5, salt) for h in hosts])
        sums = [float(delta[folds == f].sum()) for f in range(5)]
        if salt == HOST_SALT:
            held = held and sum(s > 1e-9 for s in sums) >= FOLDS_UP_NEEDED
        lines.append(f"  host folds, salt {salt:7s} " + " ".join(f"{s:+.3f}" for s in sums))
    lines.append(f"  keep: {'yes' if held else 'no'}")
    return held, lines


def _hosts(ids: list[str], urls: list[str]) -> list[str]:
    return [site_of(u) or i for i, u in zip(ids, urls)]


def judge(matrix: Matrix, base: np.ndarray, new: np.ndarray, label: str) -> tuple[bool, list[str]]:
    """`new` types against `base` types by the answer's F1: all pages, pages up and down, then keep_lines."""
    delta = answer_f1(matrix, new) - answer_f1(matrix, base)
    head = (
        f"{label}: all {answer_f1(matrix, base).mean():.4f} -> {answer_f1(matrix, new).mean():.4f} ({delta.sum():+.3f} summed), "
        f"{int((new != base).sum())} pages change type, {int((delta > 1e-9).sum())} up / {int((delta < -1e-9).sum())} down, "
        f"type accuracy {(base == matrix.truth).mean():.3f} -> {(new == matrix.truth).mean():.3f}"
    )
    held, lines = keep_lines(_hosts(matrix.ids, matrix.urls), [TYPES[t] for t in matrix.truth], delta)
    return held, [head, *lines]


def moved_pages(matrix: Matrix, base: np.ndarray, new: np.ndarray, show: int = 12) -> list[str]:
    """The pages whose answer moves most, either way."""
    delta = answer_f1(matrix, new) - answer_f1(matrix, base)
    order = [i for i in np.argsort(delta) if abs(delta[i]) > 1e-9]
    chosen = order[:show] + order[-show:] if len(order) > 2 * show else order
    return [
        f"    {matrix.ids[i][:10]} {site_of(matrix.urls[i])[:28]:<28} {TYPES[matrix.truth[i]]:<13} {TYPES[base[i]]} -> {TYPES[new[i]]} {delta[i]:+.3f}"
        for i in chosen
    ]


# Guards: (name, rule) where a rule takes (the model's logits, the page's marks) and answers a type index
# or None (the model's type stands).
Guard = Callable[[np.ndarray, dict[str, float]], "int | None"]
_PRODUCT, _SERVICE, _COLLECTION, _LISTING = (TYPES.index(k) for k in ("product", "service", "collection", "listing"))


def one_product_guard(read_as: frozenset[int], margin: float | None) -> Guard:
    """A page read as one of `read_as` that declares exactly one JSON-LD Product with a priced Offer is a
    product (with `margin`: only when product's logit is within `margin` of the leader's)."""

    def rule(logits: np.ndarray, marks: dict[str, float]) -> int | None:
        leader = int(logits.argmax())
        if leader not in read_as or not (marks["ld_one_product"] and marks["ld_offer_price"]):
            return None
        if margin is not None and logits[leader] - logits[_PRODUCT] > margin:
            return None
        return _PRODUCT

    return rule


GUARDS: dict[str, Guard] = {
    "one priced JSON-LD Product: service/collection -> product": one_product_guard(frozenset({_SERVICE, _COLLECTION}), None),
    "the same, service only": one_product_guard(frozenset({_SERVICE}), None),
    "the same, collection only": one_product_guard(frozenset({_COLLECTION}), None),
    "the same, any type": one_product_guard(frozenset(range(len(TYPES))) - {_PRODUCT}, None),
    "the same, service/collection, product within 2 logits": one_product_guard(frozenset({_SERVICE, _COLLECTION}), 2.0),
    "the same, service/collection, product within 4 logits": one_product_guard(frozenset({_SERVICE, _COLLECTION}), 4.0),
}


def guarded_types(matrix: Matrix, results: dict[str, dict[str, Any]], guard: Guard) -> np.ndarray:
    """The shipped model's types with `guard` applied page by page."""
    logits = logits_of(page_type.shipped_model(), matrix.x[:, : len(page_type.FEATURES)])
    types = logits.argmax(axis=1)
    for n, page_id in enumerate(matrix.ids):
        overruled = guard(logits[n], results[page_id]["marks"])
        if overruled is not None:
            types[n] = overruled
    return types


CHOICE_TYPES = ("product", "listing", "collection")


def build_choice(data_dir: Path, cache: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Every tune page the shipped classifier types product, listing or collection whose region holds a
    sentence or a grid (among `ids`: the pages the shipped model types so): trafilatura's answer and the region as the choice sees them, and the product's
    final word F1 with the choice forced each way (the region's ratio set aside). Cached in `cache`."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from bench.wcxb import word_f1
    from bot.settings import DigestSettings

    record: dict[str, Any] = {}
    shipped_prefer, shipped_skip = hx.prefer_region, hx.region_wins_whatever_the_text

    def forced(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202 (prefer_region's signature)
        record.update(page_type=page_type, text=text, region=region, shipped=shipped_prefer(page_type, profile, text, region, tree))
        return record["force"]

    hx.prefer_region, hx.region_wins_whatever_the_text = forced, lambda profile, region: False
    max_elements = DigestSettings().max_html_elements
    pages: dict[str, dict[str, Any]] = {}
    try:
        for page_id, item, html in tune_items(data_dir):
            if page_id not in ids:
                continue
            answers = {}
            for force in (True, False):
                record.clear()
                record["force"] = force
                try:
                    answers[force] = hx.extract_html(html, "page.html", item.get("url") or None, max_elements).text
                except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
                    answers[force] = ""
                if record.get("page_type") not in CHOICE_TYPES:
                    break
            else:
                pages[page_id] = {
                    "type": item["type"], "url": item.get("url") or "", "page_type": record["page_type"], "text": record["text"],
                    "region": record["region"], "shipped": record["shipped"],
                    "f1_region": word_f1(item["truth"], answers[True]), "f1_text": word_f1(item["truth"], answers[False]),
                }
    finally:
        hx.prefer_region, hx.region_wins_whatever_the_text = shipped_prefer, shipped_skip
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


def pair_switch_types(logits: np.ndarray, f1: np.ndarray, train: np.ndarray, margin: float, min_pages: int) -> np.ndarray:
    """The leader's type, switched to the runner-up where the two logits lie within `margin` and, on the
    `train` pages whose leader and runner-up were the same two types within `margin` (at least `min_pages`
    of them), the runner-up's profile read them better on average: a 7 x 7 table a model file could carry."""
    order = np.argsort(-logits, axis=1)
    leader, runner = order[:, 0], order[:, 1]
    close = logits[np.arange(len(logits)), leader] - logits[np.arange(len(logits)), runner] < margin
    types = leader.copy()
    for a in range(len(TYPES)):
        for b in range(len(TYPES)):
            pair = close & (leader == a) & (runner == b)
            learned = pair & train
            if learned.sum() >= min_pages and f1[learned, b].mean() > f1[learned, a].mean():
                types[pair & ~train] = b
    return types


def pair_switch_out_of_fold(matrix: Matrix, folds: np.ndarray, margin: float, min_pages: int) -> np.ndarray:
    """pair_switch_types on the shipped model's logits, the table learned on four host folds, applied on the fifth."""
    logits = logits_of(page_type.shipped_model(), matrix.x[:, : len(page_type.FEATURES)])
    types = logits.argmax(axis=1)
    for fold in range(5):
        test = folds == fold
        switched = pair_switch_types(logits, matrix.f1, ~test, margin, min_pages)
        types[test] = switched[test]
    return types


def article_to_service(matrix: Matrix, margin: float) -> np.ndarray:
    """The shipped model's types, but a page read as an article by a lead under `margin` over service read as a service page."""
    logits = logits_of(page_type.shipped_model(), matrix.x[:, : len(page_type.FEATURES)])
    types = logits.argmax(axis=1)
    article, service = TYPES.index("article"), TYPES.index("service")
    types[(types == article) & (logits[:, article] - logits[:, service] < margin)] = service
    return types


SWITCH_MARGINS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
SECOND_SALT = "service10"  # the brief's second salt (service10 session), fixed before any run


def close_call_switch(matrix: Matrix, margin: float, max_paragraph_words: float | None, runner_up_only: bool) -> np.ndarray:
    """The shipped model's types, an article read as a service page where its lead over service is under
    `margin` (with `runner_up_only`: service is the runner-up) and its paragraphs average under
    `max_paragraph_words` words (None: any). At the shipped constants this is page_type.close_call_type."""
    logits = logits_of(page_type.shipped_model(), matrix.x[:, : len(page_type.FEATURES)])
    types = logits.argmax(axis=1)
    article, service = TYPES.index("article"), TYPES.index("service")
    switch = (types == article) & (logits[:, article] - logits[:, service] < margin)
    if runner_up_only:
        switch &= np.argsort(-logits, axis=1, kind="stable")[:, 1] == service
    if max_paragraph_words is not None:
        switch &= matrix.x[:, page_type.FEATURES.index("mean_paragraph_words")] < math.log1p(max_paragraph_words)
    types[switch] = service
    return types


def product_close_call(matrix: Matrix) -> np.ndarray:
    """Each page's type as the product decides it (page_type.close_call_type on the shipped model's scores)."""
    model, own = page_type.shipped_model(), len(page_type.FEATURES)
    return np.array([
        TYPES.index(page_type.close_call_type(model.scores(row[:own]), dict(zip(page_type.FEATURES, row[:own])))) for row in matrix.x
    ])


CLOSE_CALL_VARIANTS = [
    (margin, words, runner)
    for runner in (False, True)
    for margin in (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
    for words in (None, 35.0, 40.0, 45.0)
]


def without_address(data_dir: Path, matrix: Matrix, cache: Path) -> Matrix:
    """The matrix with each page's classifier features read without its address (as `bench.quality` runs the
    product: the file alone, og:url or a canonical link standing in); the F1 columns stay the ones read with
    the address (the profiles' answers barely depend on it). Features cached in `cache`."""
    from bench.pagetype3_study import classifier_features

    if cache.exists():
        rows = pickle.loads(cache.read_bytes())
    else:
        rows = {page_id: page_type.feature_vector(classifier_features(html, None)) for page_id, _item, html in tune_items(data_dir) if page_id in set(matrix.ids)}
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(rows))
    x = matrix.x.copy()
    x[:, : len(page_type.FEATURES)] = np.array([rows[i] for i in matrix.ids])
    return Matrix(ids=matrix.ids, urls=matrix.urls, truth=matrix.truth, x=x, f1=matrix.f1)


def second_salt_folds(matrix: Matrix, delta: np.ndarray) -> tuple[int, str]:
    """How many of the host folds under SECOND_SALT rise, and their sums."""
    folds = host_folds(matrix, SECOND_SALT)
    sums = [float(delta[folds == f].sum()) for f in range(5)]
    return sum(x > 1e-9 for x in sums), " ".join(f"{x:+.3f}" for x in sums)


def scrapinghub_switches(data_dir: Path, margin: float) -> list[str]:
    """ScrapingHub's pages (all news articles) the article-to-service switch moves, with their word F1 read as
    an article and as a service page (the product's extract_html, type forced)."""
    from bench.pagetype3_study import _forced_answer, classifier_features, scrapinghub_pages
    from bench.wcxb import word_f1
    from bot.settings import DigestSettings

    model, max_elements, lines = page_type.shipped_model(), DigestSettings().max_html_elements, []
    for page_id, html, url, truth, _kind in scrapinghub_pages(data_dir):
        scores = model.scores(page_type.feature_vector(classifier_features(html, url)))
        if max(scores, key=scores.__getitem__) == "article" and scores["article"] - scores["service"] < margin:
            as_article = word_f1(truth, _forced_answer(html, url, "article", max_elements))
            as_service = word_f1(truth, _forced_answer(html, url, "service", max_elements))
            lines.append(f"  {page_id[:16]} lead {scores['article'] - scores['service']:.2f}: as article {as_article:.4f}, as service {as_service:.4f} ({as_service - as_article:+.4f})")
    return lines


# Choice rules: (page, shipped choice) -> whether the region wins; judged on the choice cache.
ChoiceRule = Callable[[dict[str, Any]], bool]
_WORD = re.compile(r"\w+")


def ratio_rule(kind: str, ratio: float) -> ChoiceRule:
    """The region wins on pages typed `kind` when it holds more than `ratio` times trafilatura's words."""

    def rule(page: dict[str, Any]) -> bool:
        if page["page_type"] != kind:
            return page["shipped"]
        more = len(_WORD.findall(page["region"])) > ratio * len(_WORD.findall(page["text"]))
        return more or consent_mentions_outside(page["text"], page["region"]) >= CONSENT_MENTIONS_OUTSIDE

    return rule


def outside_rule(kinds: frozenset[str], share: float, min_ratio: float) -> ChoiceRule:
    """The region also wins on pages typed one of `kinds` when under `share` of trafilatura's words run inside
    it (trafilatura read another block than the page's grid) and it holds `min_ratio` times their words."""

    def rule(page: dict[str, Any]) -> bool:
        if page["shipped"] or page["page_type"] not in kinds:
            return page["shipped"]
        words = len(_WORD.findall(page["text"]))
        return share_inside(page["text"], page["region"]) < share and len(_WORD.findall(page["region"])) >= min_ratio * words

    return rule


CHOICE_RULES: dict[str, ChoiceRule] = {
    **{f"ratio {kind} {r}": ratio_rule(kind, r) for kind, ratios in (("product", (1.5, 3.0)), ("collection", (1.5,))) for r in ratios},
    **{f"outside {'/'.join(kinds)} share {s} ratio {m}": outside_rule(frozenset(kinds), s, m)
       for kinds in (("collection",), ("product",), ("collection", "product")) for s in (0.3, 0.5) for m in (0.5, 0.8)},
}


def judge_choice(pages: dict[str, dict[str, Any]], name: str, rule: ChoiceRule) -> tuple[bool, list[str]]:
    """A choice rule against the shipped choice on the cached pages."""
    ids = sorted(pages)
    rows = [pages[i] for i in ids]
    f1 = lambda page, region: page["f1_region"] if region else page["f1_text"]  # noqa: E731
    delta = np.array([f1(p, rule(p)) - f1(p, p["shipped"]) for p in rows])
    head = f"{name}: {len(rows)} pages, {int((delta > 1e-9).sum())} up / {int((delta < -1e-9).sum())} down, summed {delta.sum():+.3f}"
    held, lines = keep_lines(_hosts(ids, [p["url"] for p in rows]), [p["type"] for p in rows], delta)
    moved = sorted((d, i) for d, i in zip(delta, ids) if abs(d) > 1e-9)
    moved = moved if len(moved) <= 12 else moved[:6] + moved[-6:]
    shown = [f"    {i[:10]} {site_of(pages[i]['url'])[:28]:<28} {pages[i]['type']:<11} typed {pages[i]['page_type']:<11} {d:+.3f}" for d, i in moved]
    return held, [head, *lines, *shown]


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--table", action="store_true", help="the confusion table with each misread's cost")
    parser.add_argument("--features", nargs="*", choices=PRODUCT_MARKS, help="candidate features for the trainer's fit (none named: each alone, then all)")
    parser.add_argument("--guards", action="store_true", help="rules that overrule the shipped model")
    parser.add_argument("--pairs", action="store_true", help="the runner-up's profile where a learned pair table prefers it")
    parser.add_argument("--switch", action="store_true", help="articles read as service pages within a lead, by margin")
    parser.add_argument("--close-call", action="store_true", help="the switch with a runner-up test and a paragraph guard, and the product's close_call_type")
    parser.add_argument("--close-call-without-address", action="store_true", help="--close-call with the features read without the page's address")
    parser.add_argument("--without-address-cache", type=Path, default=Path("/tmp/service10/features_without_address.pkl"))
    parser.add_argument("--scrapinghub-switch", type=float, metavar="MARGIN", help="ScrapingHub's pages the switch at MARGIN moves")
    parser.add_argument("--choice", action="store_true", help="choice rules on pages typed product, listing or collection")
    parser.add_argument("--choice-cache", type=Path, default=Path("/tmp/types10/choice.pkl"))
    args = parser.parse_args(argv)
    results = build(args.data_dir, args.cache)
    add_marks(args.data_dir, results, args.cache)
    matrix = Matrix.of(results)
    own = len(page_type.FEATURES)
    shipped = shipped_types(matrix)
    if args.table:
        print(f"tune ({len(matrix.ids)} pages), shipped model as the product reads them: all {answer_f1(matrix, shipped).mean():.4f} "
              f"(every page under its true type's profile {matrix.own().mean():.4f}), type accuracy {(shipped == matrix.truth).mean():.3f}")
        print("\n".join(cost_table(matrix, shipped)))
        oof = out_of_fold_by_host(matrix, own, host_folds(matrix, HOST_SALT))
        print(f"\nthe trainer's fit out of fold by host (salt {HOST_SALT}): all {answer_f1(matrix, oof).mean():.4f}, type accuracy {(oof == matrix.truth).mean():.3f}")
        print("\n".join(cost_table(matrix, oof)))
    if args.features is not None:
        sets = [(name,) for name in args.features] + ([tuple(args.features)] if len(args.features) > 1 else []) if args.features else [(n,) for n in PRODUCT_MARKS] + [PRODUCT_MARKS]
        for names in sets:
            extended = with_marks(matrix, results, names)
            for salt_label, folds in (("host " + HOST_SALT, host_folds(matrix, HOST_SALT)),):
                base = out_of_fold_by_host(extended, own, folds)
                new = out_of_fold_by_host(extended, own + len(names), folds)
                _held, lines = judge(extended, base, new, f"+{'+'.join(names)} (out of fold by {salt_label})")
                print("\n".join(lines))
            # Against the trainer's fit on all tune pages without them (the shipped file's fit on the trainer's
            # features, which differ from extract_html's on a few pages).
            refit = logits_of(one_against_rest(extended.x[:, :own], extended.truth), extended.x[:, :own]).argmax(axis=1)
            in_sample = logits_of(one_against_rest(extended.x, extended.truth), extended.x).argmax(axis=1)
            _held, lines = judge(extended, refit, in_sample, f"+{'+'.join(names)} (fitted on all tune, against the same fit without them)")
            print("\n".join(lines))
    if args.guards:
        for name, guard in GUARDS.items():
            new = guarded_types(matrix, results, guard)
            _held, lines = judge(matrix, shipped, new, name)
            print("\n".join(lines + moved_pages(matrix, shipped, new)))
    if args.pairs:
        for margin in (0.5, 1.0, 2.0, 4.0):
            for min_pages in (3, 6):
                new = pair_switch_out_of_fold(matrix, host_folds(matrix, HOST_SALT), margin, min_pages)
                _held, lines = judge(matrix, shipped, new, f"pair switch, margin {margin}, at least {min_pages} pages (table out of fold by host)")
                print("\n".join(lines + moved_pages(matrix, shipped, new, show=4)))
    if args.switch:
        for margin in SWITCH_MARGINS:
            new = article_to_service(matrix, margin)
            _held, lines = judge(matrix, shipped, new, f"article -> service within {margin}")
            print("\n".join(lines + moved_pages(matrix, shipped, new, show=8)))
    if args.close_call or args.close_call_without_address:
        read = without_address(args.data_dir, matrix, args.without_address_cache) if args.close_call_without_address else matrix
        base = shipped_types(read)
        if args.close_call_without_address:
            print(f"without the address: all {answer_f1(read, base).mean():.4f}, type accuracy {(base == read.truth).mean():.3f}")
        for margin, words, runner in CLOSE_CALL_VARIANTS:
            new = close_call_switch(read, margin, words, runner)
            held, lines = judge(read, base, new, f"article -> service within {margin}{', service runner-up' if runner else ''}, paragraphs under {words} words")
            up, sums = second_salt_folds(read, answer_f1(read, new) - answer_f1(read, base))
            print("\n".join([*lines[:-1], f"  host folds, salt {SECOND_SALT} {sums} ({up} up)", f"  keep: {'yes' if held and up >= FOLDS_UP_NEEDED else 'no'}"]))
        product = product_close_call(read)
        shipped_variant = close_call_switch(read, page_type.SERVICE_CLOSE_CALL_MARGIN, page_type.ARTICLE_PARAGRAPH_WORDS, True)
        print(f"the product's close_call_type: {int((product != shipped_variant).sum())} pages differ from the study's variant at its constants")
        print("\n".join(moved_pages(read, base, product, show=15)))
    if args.scrapinghub_switch is not None:
        lines = scrapinghub_switches(args.data_dir, args.scrapinghub_switch)
        print(f"ScrapingHub: {len(lines)} pages switched at {args.scrapinghub_switch}")
        print("\n".join(lines))
    if args.choice:
        chosen = {i for i, t in zip(matrix.ids, shipped) if TYPES[t] in CHOICE_TYPES}
        pages = build_choice(args.data_dir, args.choice_cache, chosen)
        rows = list(pages.values())
        for kind in CHOICE_TYPES:
            mine = [p for p in rows if p["page_type"] == kind]
            if mine:
                shipped_f1 = np.mean([p["f1_region"] if p["shipped"] else p["f1_text"] for p in mine])
                oracle = np.mean([max(p["f1_region"], p["f1_text"]) for p in mine])
                lost = sum(max(p["f1_region"], p["f1_text"]) - (p["f1_region"] if p["shipped"] else p["f1_text"]) for p in mine)
                print(f"typed {kind}: {len(mine)} choice pages, region taken on {sum(p['shipped'] for p in mine)}; shipped {shipped_f1:.4f}, best of two {oracle:.4f} ({lost:.2f} summed lost to the choice)")
        for name, rule in CHOICE_RULES.items():
            _held, lines = judge_choice(pages, name, rule)
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
