"""The page-type classifier fitted with the cost of its misreads in mind (fourteenth session, issue 9 target 1).

    python -m bench.pagetype3_study DATA_DIR [--cache PATH] [--table] [--extra NAME ...] [--variants [NAME ...]]

Every WCXB tune page with a truth goes through the product's `extract_html` once under each of the
seven profiles, its type forced (the answer depends on the page's type only through the profile), and
WCXB's word F1 of each answer is cached with the page's classifier features (as `extract_html` computes
them) and its site (`/tmp/pagetype3/matrix.pkl`, about 10 minutes on the shared machine; trafilatura's
answer is read once per page and set of chrome words; run with OMP_NUM_THREADS=1, as numpy's threaded
BLAS makes each fit many times slower on a loaded machine). Any
classifier can then be scored exactly by the answer, out of fold, without extracting again.

`--table`: for each true type, where the shipped model (out of fold, the trainer's id folds) sends its
pages, and the F1 under the predicted type's profile against the true type's (the misread's cost).
`--variants`: classifiers fitted with that cost in mind (sample weights, an expected-F1 decision), each
scored out of fold by id and by site (bench/forums2_study.py's groupings) against the trainer's fit on
the same folds; `--extra` adds candidate features (EXTRA_FEATURES, read from the pages once and cached)
to what the variants read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import pickle
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree

import bot.digest.extract.html_extractor as hx
from bot.digest.extract.html.prune import space_before_inline_gaps
from bench.choice_study import site_of, tune_items
from bench.extraction import load_pages
from bench.fitting import fit_logistic, hash_bucket
from bench.forums2_study import SITE_SALTS
from bench.splits import wcxb_part
from bench.wcxb import DATA_FILE, word_f1
from bot.digest.extract.html import page_type
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.prune import drop_inline_svg, drop_scripts_and_styles
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/pagetype3/matrix.pkl")


class _Forced:
    """classify_page's stand-in: records the page's features (as the product computes them) and answers `kind`."""

    def __init__(self) -> None:
        self.kind = "article"
        self.features: dict[str, float] | None = None

    def __call__(self, tree, url, json_ld=None):  # noqa: ANN001, ANN204 (classify_page's signature)
        if self.features is None:
            self.features = page_type.page_features(tree, url, json_ld)
        return self.kind


def _answer(html: str, url: str | None, max_elements: int) -> str:
    try:
        return hx.extract_html(html, "page.html", url, max_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


class _MemoMainText:
    """`_main_text`'s stand-in: trafilatura's answer computed once per page and set of chrome words
    (the tree it is given depends on the profile only through `more_chrome`, dropped before it)."""

    def __init__(self, forced: _Forced) -> None:
        self.forced = forced
        self.memo: dict[frozenset[str], Any] = {}  # the current page's answers; cleared for each page
        self.original = hx._main_text

    def __call__(self, tree, url, settings):  # noqa: ANN001, ANN204 (_main_text's signature)
        key = PROFILES[self.forced.kind].more_chrome
        if key not in self.memo:
            self.memo[key] = self.original(tree, url, settings)
        return self.memo[key]


def build(data_dir: Path, cache: Path) -> dict[str, dict[str, Any]]:
    """The cache: each tune page's true type, address, features and F1 under each profile (resumable)."""
    results: dict[str, dict[str, Any]] = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    forced = _Forced()
    original, original_main = hx.classify_page, hx._main_text
    memo = _MemoMainText(forced)
    hx.classify_page, hx._main_text = forced, memo
    max_elements = DigestSettings().max_html_elements
    started = time.time()
    try:
        for n, (page_id, item, html) in enumerate(tune_items(data_dir)):
            if page_id in results:
                continue
            forced.features = None
            memo.memo.clear()
            url = item.get("url") or None
            f1 = {}
            for kind in page_type.PAGE_TYPES:
                forced.kind = kind
                f1[kind] = word_f1(item["truth"], _answer(html, url, max_elements))
            results[page_id] = {"type": item["type"], "url": url or "", "features": forced.features, "f1": f1}
            if n % 50 == 0:
                log.info("%d pages, %.0f s", n, time.time() - started)
                cache.write_bytes(pickle.dumps(results))
    finally:
        hx.classify_page, hx._main_text = original, original_main
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(results))
    return results


# Candidate features, read in the study before any goes into page_type.py: what the page declares
# that may tell a service page from an article and a product from a collection.
EXTRA_FEATURES = (
    "log_forms",
    "log_inputs",
    "log_selects",
    "breadcrumb_depth",
    "article_word_share",
    "log_cta",
    "cart_words",
    "ld_top_service",
    "log_sections",
)
_CTA = re.compile(r"\b(get started|book a (?:demo|call|consultation)|request a (?:quote|demo)|contact us|free (?:trial|quote|estimate)|sign up|schedule|get a quote|talk to|start (?:now|free))\b", re.I)
_CART = re.compile(r"\b(add to (?:cart|bag|basket)|buy now|in stock|out of stock|select size|quantity)\b", re.I)
_SERVICE_LD = {"Service", "LocalBusiness", "ProfessionalService", "Organization", "Corporation", "Product"}
_ARTICLE_LD = {"Article", "NewsArticle", "BlogPosting", "Report", "TechArticle"}


def _top_types(json_ld: list[Any]) -> set[str]:
    found: set[str] = set()
    for data in json_ld:
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict):
                kind = item.get("@type")
                found.update(str(k) for k in (kind if isinstance(kind, list) else [kind]) if k)
    return found


def _breadcrumb_depth(tree: Any, json_ld: list[Any]) -> int:
    """The most links in an element named a breadcrumb (class, id, aria-label, BreadcrumbList
    microdata) or items in a JSON-LD BreadcrumbList."""
    depth = 0
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        names = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("aria-label"), element.get("itemtype")))).lower()
        if "breadcrumb" in names:
            depth = max(depth, sum(1 for _ in element.iter("a")))
    stack: list[Any] = list(json_ld)
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if item.get("@type") == "BreadcrumbList" and isinstance(item.get("itemListElement"), list):
                depth = max(depth, len(item["itemListElement"]))
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return depth


def extra_features(tree: Any) -> dict[str, float]:
    """EXTRA_FEATURES of a parsed page (scripts other than JSON-LD may be gone)."""
    json_ld = list(json_ld_documents(tree))
    body = tree.find("body")
    body = tree if body is None else body
    counts = {"form": 0, "input": 0, "select": 0, "section": 0}
    article_words = 0
    cta = 0
    for element in body.iter(etree.Element):
        tag = element.tag
        if tag in counts:
            if tag != "input" or element.get("type") not in ("hidden", "submit"):
                counts[tag] += 1
        if tag == "article" and not any(a.tag == "article" for a in element.iterancestors()):
            article_words += len(re.findall(r"\w+", element.text_content()))
        if tag in ("a", "button") and _CTA.search(element.text_content() or ""):
            cta += 1
    text = body.text_content()
    words = len(re.findall(r"\w+", text))
    top = _top_types(json_ld)
    return {
        "log_forms": math.log1p(counts["form"]),
        "log_inputs": math.log1p(counts["input"]),
        "log_selects": math.log1p(counts["select"]),
        "breadcrumb_depth": float(_breadcrumb_depth(tree, json_ld)),
        "article_word_share": min(1.0, article_words / words) if words else 0.0,
        "log_cta": math.log1p(cta),
        "cart_words": math.log1p(len(_CART.findall(text))),
        "ld_top_service": float(bool(top & _SERVICE_LD) and not top & _ARTICLE_LD),
        "log_sections": math.log1p(counts["section"]),
    }


def add_extra_features(data_dir: Path, results: dict[str, dict[str, Any]], cache: Path) -> None:
    """Each cached page's EXTRA_FEATURES (from the HTML as the pipeline passes it), saved in the cache."""
    if all("extra" in row for row in results.values()):
        return
    for page_id, _item, html in tune_items(data_dir):
        if page_id in results and "extra" not in results[page_id]:
            results[page_id]["extra"] = extra_features(hx._parse(html))
    cache.write_bytes(pickle.dumps(results))


TYPES = page_type.PAGE_TYPES
L2 = 3.0  # the trainer's


@dataclass
class Matrix:
    """The cache as arrays: ids, addresses, true types (indices into TYPES), features, F1 per profile."""

    ids: list[str]
    urls: list[str]
    truth: np.ndarray  # (pages,) index of the true type
    x: np.ndarray  # (pages, features)
    f1: np.ndarray  # (pages, types) F1 of the answer under each type's profile
    _baselines: dict[str | None, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, results: dict[str, dict[str, Any]], extra: tuple[str, ...] = ()) -> Matrix:
        """`extra`: EXTRA_FEATURES appended after the classifier's own (the cache must hold them)."""
        ids = sorted(results)
        rows = [results[i] for i in ids]
        return cls(
            ids=ids,
            urls=[row["url"] for row in rows],
            truth=np.array([TYPES.index(row["type"]) for row in rows]),
            x=np.vstack([np.concatenate([page_type.feature_vector(row["features"]), [row["extra"][name] for name in extra]]) for row in rows]),
            f1=np.array([[row["f1"][kind] for kind in TYPES] for row in rows]),
        )

    def baseline(self, salt: str | None) -> np.ndarray:
        """Each page's answer F1 with the trainer's fit, out of fold (folds(salt)); computed once."""
        cached = self._baselines.get(salt)
        if cached is None:
            cached = self._baselines[salt] = answer_f1(self, out_of_fold(self, trainer_fit, self.folds(salt)))
        return cached

    def own(self) -> np.ndarray:
        """Each page's F1 under its true type's profile."""
        return self.f1[np.arange(len(self.ids)), self.truth]

    def folds(self, salt: str | None) -> np.ndarray:
        """Five folds: the trainer's by id (salt None), else bench.forums2_study's by site."""
        if salt is None:
            return np.array([hash_bucket(i, 5, salt="page-type") for i in self.ids])
        return np.array([hash_bucket(site_of(u) or i, 5, salt) for i, u in zip(self.ids, self.urls)])


def misread_costs(f1: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """(pages, types): what reading each page as each type loses against its true type's profile (>= 0)."""
    own = f1[np.arange(len(truth)), truth]
    return np.maximum(own[:, None] - f1, 0.0)


# A fitter takes (features, true types, F1 per profile) of the training pages and returns a function
# from features to type indices.
Fitter = Callable[[np.ndarray, np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]


def one_against_rest(x: np.ndarray, truth: np.ndarray, weights: np.ndarray | None = None, l2: float = L2) -> page_type.PageTypeModel:
    """The trainer's model (one logistic model per type, shared standardisation); `weights` (pages,
    types): each page's weight in each type's model (None: 1)."""
    models = [fit_logistic(x, (truth == k).astype(float), None if weights is None else weights[:, k], l2=l2) for k in range(len(TYPES))]
    first = models[0].to_json()
    return page_type.PageTypeModel({
        "types": list(TYPES),
        "mean": first["mean"],
        "scale": first["scale"],
        "models": {kind: {"weights": m.to_json()["weights"], "bias": m.to_json()["bias"]} for kind, m in zip(TYPES, models)},
    })


def logits_of(model: page_type.PageTypeModel, x: np.ndarray) -> np.ndarray:
    return ((x - model.mean) / model.scale) @ model.weights.T + model.bias


def trainer_fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """The trainer's fit on the classifier's own features (any extra columns left out)."""
    own = len(page_type.FEATURES)
    model = one_against_rest(x[:, :own], truth)
    return lambda test: logits_of(model, test[:, :own]).argmax(axis=1)


def plain_fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """The trainer's fit on every column (with --extra: the classifier's features and the extra ones)."""
    model = one_against_rest(x, truth)
    return lambda test: logits_of(model, test).argmax(axis=1)


def cost_weighted(alpha: float, per_model: bool) -> Fitter:
    """One against the rest with sample weights from the misreads' cost: per page, 1 + alpha times
    its costliest misread (the same weight in every type's model); or `per_model`: in type k's model a
    page of another type weighs 1 + alpha times what reading it as k loses, a page of type k 1 + alpha
    times its costliest misread."""

    def fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        costs = misread_costs(f1, truth)
        worst = costs.max(axis=1)
        if per_model:
            weights = 1.0 + alpha * costs
            weights[np.arange(len(truth)), truth] = 1.0 + alpha * worst
        else:
            weights = np.repeat((1.0 + alpha * worst)[:, None], len(TYPES), axis=1)
        model = one_against_rest(x, truth, weights)
        return lambda test: logits_of(model, test).argmax(axis=1)

    return fit


def pair_cost_table(f1: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """(types, types): the mean of what reading a page of true type t with type k's profile loses
    (cost >= 0 page by page), over the pages of type t."""
    costs = misread_costs(f1, truth)
    return np.vstack([costs[truth == t].mean(axis=0) if (truth == t).any() else np.zeros(len(TYPES)) for t in range(len(TYPES))])


def table_weighted(alpha: float) -> Fitter:
    """One against the rest; in type k's model a page of another type t weighs 1 + alpha times the
    mean cost of reading type t as k (pair_cost_table of the training pages), a page of type k
    1 + alpha times its type's costliest pair: a table of 49 numbers a trainer can carry, where
    per-page weights need every page read under every profile."""

    def fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        table = pair_cost_table(f1, truth)
        weights = 1.0 + alpha * table[truth]
        weights[np.arange(len(truth)), truth] = 1.0 + alpha * table[truth].max(axis=1)
        model = one_against_rest(x, truth, weights)
        return lambda test: logits_of(model, test).argmax(axis=1)

    return fit


def expected_f1_rule(temperature: float) -> Fitter:
    """The trainer's model, then the type whose profile has the best expected F1: the types'
    probabilities (softmax of the logits times `temperature`) times the training pages' mean F1 of
    each (true type, profile) pair."""

    def fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        model = one_against_rest(x, truth)
        table = np.vstack([f1[truth == t].mean(axis=0) for t in range(len(TYPES))])

        def predict(test: np.ndarray) -> np.ndarray:
            z = temperature * logits_of(model, test)
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            return (p @ table).argmax(axis=1)

        return predict

    return fit


def softmax_expected_f1(gain: float, l2: float = L2, steps: int = 600) -> Fitter:
    """One softmax model over the types (its logits fit the shipped model's format), fitted to the
    log-likelihood of the true type plus `gain` times each page's expected answer F1 (sum over types
    of probability times the F1 under that profile), L2 on the weights; full-batch gradient steps
    (Adam) from zero."""

    def fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale < 1e-9] = 1.0
        z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
        onehot = np.eye(len(TYPES))[truth]
        beta = np.zeros((z.shape[1], len(TYPES)))
        penalty = np.full((z.shape[1], 1), l2)
        penalty[-1] = 0.0
        m = np.zeros_like(beta)
        v = np.zeros_like(beta)
        for step in range(1, steps + 1):
            logits = z @ beta
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            expected = (p * f1).sum(axis=1, keepdims=True)
            grad_logits = (p - onehot) - gain * p * (f1 - expected)
            grad = z.T @ grad_logits + penalty * beta
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad**2
            beta -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)

        def predict(test: np.ndarray) -> np.ndarray:
            return (np.hstack([(test - mean) / scale, np.ones((len(test), 1))]) @ beta).argmax(axis=1)

        return predict

    return fit


def nested(candidates: dict[str, Fitter], inner_folds: int = 4) -> Fitter:
    """The candidate (the trainer's fit among them) with the best inner out-of-fold answer F1 on the
    training pages (folds by a fixed shuffle), refitted on all of them: the choice of a setting made
    without the scored fold."""
    everyone = {"trainer": trainer_fit, **candidates}

    def fit(x: np.ndarray, truth: np.ndarray, f1: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        folds = np.random.default_rng(0).permutation(len(truth)) % inner_folds
        scores = {}
        for name, fitter in everyone.items():
            predicted = np.zeros(len(truth), dtype=int)
            for fold in range(inner_folds):
                train, test = folds != fold, folds == fold
                predicted[test] = fitter(x[train], truth[train], f1[train])(x[test])
            scores[name] = f1[np.arange(len(truth)), predicted].mean()
        best = max(scores, key=scores.__getitem__)
        log.info("nested choice: %s (%s)", best, ", ".join(f"{n} {s:.4f}" for n, s in scores.items()))
        return everyone[best](x, truth, f1)

    return fit


def out_of_fold(matrix: Matrix, fitter: Fitter, folds: np.ndarray) -> np.ndarray:
    """Each page's type index as `fitter`, fitted on the other folds, predicts it."""
    predicted = np.zeros(len(matrix.ids), dtype=int)
    for fold in range(5):
        train, test = folds != fold, folds == fold
        predict = fitter(matrix.x[train], matrix.truth[train], matrix.f1[train])
        predicted[test] = predict(matrix.x[test])
    return predicted


def answer_f1(matrix: Matrix, predicted: np.ndarray) -> np.ndarray:
    return matrix.f1[np.arange(len(predicted)), predicted]


def cost_table(matrix: Matrix, predicted: np.ndarray) -> list[str]:
    """Per true type and predicted type: pages, mean F1 as read (predicted profile) and under the true
    type's profile, and the summed cost (true's F1 less read F1) of each misread."""
    own, read = matrix.own(), answer_f1(matrix, predicted)
    lines = [f"{'true type':<13} {'read as':<13} {'pages':>5} {'F1 read':>8} {'F1 own':>8} {'cost':>7}"]
    for t, kind in enumerate(TYPES):
        for k in np.argsort([-(np.sum((matrix.truth == t) & (predicted == j))) for j in range(len(TYPES))]):
            pages = (matrix.truth == t) & (predicted == k)
            if pages.any():
                lines.append(f"{kind:<13} {TYPES[k]:<13} {pages.sum():>5} {read[pages].mean():8.4f} {own[pages].mean():8.4f} {(own[pages] - read[pages]).sum():+7.2f}")
    return lines


def compare(matrix: Matrix, fitter: Fitter, label: str) -> tuple[bool, list[str]]:
    """`fitter` against the trainer's fit, each out of fold on the same folds (by id; by site under
    each salt): mean answer F1 by id folds, per true type, the fold sums of page deltas in every
    grouping; whether no fold of any grouping and no type loses."""
    lines, held, summary = [], True, [f"{label:<34}"]
    for name, salt in [("id", None)] + [(f"site {s}", s) for s in SITE_SALTS]:
        folds = matrix.folds(salt)
        base = matrix.baseline(salt)
        new_types = out_of_fold(matrix, fitter, folds)
        new = answer_f1(matrix, new_types)
        delta = new - base
        sums = [delta[folds == f].sum() for f in range(5)]
        by_type = [delta[matrix.truth == t].sum() for t in range(len(TYPES))]
        held = held and min(sums) >= -1e-9 and min(by_type) >= -1e-9
        if salt is None:
            lines.append(f"{label}: all {base.mean():.4f} -> {new.mean():.4f}, type accuracy {(new_types == matrix.truth).mean():.3f}, {int((np.abs(delta) > 1e-9).sum())} pages move")
            lines.append("  by type (summed): " + " ".join(f"{kind[:5]} {d:+.2f}" for kind, d in zip(TYPES, by_type)))
        else:
            lines.append(f"  {name}: all {new.mean() - base.mean():+.4f}; by type " + " ".join(f"{d:+.2f}" for d in by_type))
        lines.append(f"  folds by {name:7s} " + " ".join(f"{s:+.3f}" for s in sums))
        summary.append(f"{name} {new.mean() - base.mean():+.4f} ({sum(s < -1e-9 for s in sums)} folds down)")
    lines.append("  summary: " + " | ".join(summary) + (" | HOLDS" if held else ""))
    return held, lines


def _forced_answer(html: str, url: str | None, kind: str, max_elements: int) -> str:
    """The product's answer with the page's type forced to `kind`."""
    original = hx.classify_page
    hx.classify_page = lambda tree, address, json_ld=None: kind
    try:
        return _answer(html, url, max_elements)
    finally:
        hx.classify_page = original


def classifier_features(html: str, url: str | None) -> dict[str, float]:
    """The classifier's features as `extract_html` computes them (the same clean-up before it)."""
    tree = hx._parse(html)
    hx.drop_permalinks(tree)
    hx.code_in_preformatted(tree)
    space_before_inline_gaps(tree)
    return page_type.page_features(tree, url, list(json_ld_documents(tree)))


def moved_answers(pages: Iterable[tuple[str, str, str | None, str, str]], predict: Callable[[np.ndarray], np.ndarray]) -> list[tuple[str, str, str, str, float]]:
    """For pages (id, html, address, truth, true type): those whose type under `predict` differs from
    the shipped model's, as (id, true type, shipped type, new type, word F1 change); only those are
    read again, once under each type."""
    shipped = page_type.shipped_model()
    max_elements = DigestSettings().max_html_elements
    moved = []
    for page_id, html, url, truth, true_type in pages:
        features = classifier_features(html, url)
        before = shipped.classify(dict(features))
        after = TYPES[int(predict(page_type.feature_vector(features)[None, :])[0])]
        if after != before:
            change = word_f1(truth, _forced_answer(html, url, after, max_elements)) - word_f1(truth, _forced_answer(html, url, before, max_elements))
            moved.append((page_id, true_type, before, after, change))
    return moved


def held_out_pages(data_dir: Path) -> Iterator[tuple[str, str, str | None, str, str]]:
    """WCXB's held-out pages with a truth, as the pipeline passes them to `extract_html`."""
    settings = DigestSettings()
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            page_id = str(item["id"])
            if wcxb_part(page_id) == "tune" or not (item.get("truth") or "").strip():
                continue
            html = drop_scripts_and_styles(item["html"])
            if len(html) > settings.max_input_chars:
                html = drop_inline_svg(html)
            yield page_id, html, item.get("url") or None, item["truth"], item["type"]


def scrapinghub_pages(data_dir: Path) -> Iterator[tuple[str, str, str | None, str, str]]:
    """The ScrapingHub benchmark's pages (news articles), scripts and styles out."""
    for page_id, html, truth in load_pages(data_dir):
        yield page_id, drop_scripts_and_styles(html), None, truth, "article"


def held_out_diagnostic(data_dir: Path, matrix: Matrix, name: str) -> None:
    """Print what variant `name`, fitted on all cached tune pages, changes against the shipped model on
    WCXB's held-out part and on ScrapingHub (word F1 there, not bench.quality's shingle F1). Held-out:
    run it once, at the end, and choose nothing on it."""
    predict = VARIANTS[name](matrix.x, matrix.truth, matrix.f1)
    for label, pages in (("WCXB held-out", held_out_pages(data_dir)), ("ScrapingHub (word F1)", scrapinghub_pages(data_dir))):
        moved = moved_answers(pages, predict)
        by_type: dict[str, float] = {}
        for _page_id, true_type, _before, _after, change in moved:
            by_type[true_type] = by_type.get(true_type, 0.0) + change
        print(f"{label}: {len(moved)} pages change type, summed word F1 change {sum(m[4] for m in moved):+.3f}; by true type " + ", ".join(f"{k} {v:+.3f}" for k, v in by_type.items()))
        for page_id, true_type, before, after, change in sorted(moved, key=lambda m: m[4]):
            print(f"  {page_id[:16]} {true_type:<13} {before} -> {after} {change:+.3f}")


VARIANTS: dict[str, Fitter] = {
    "plain": plain_fit,
    **{f"page weights {a}": cost_weighted(a, per_model=False) for a in (1.0, 3.0, 10.0)},
    **{f"pair weights {a}": cost_weighted(a, per_model=True) for a in (1.0, 3.0, 10.0)},
    **{f"table weights {a}": table_weighted(a) for a in (3.0, 10.0, 30.0)},
    **{f"expected F1, temperature {t}": expected_f1_rule(t) for t in (0.5, 1.0, 2.0)},
    **{f"softmax + expected F1 x{g}": softmax_expected_f1(g) for g in (0.0, 1.0, 3.0)},
}


VARIANTS["nested page weights"] = nested({n: f for n, f in VARIANTS.items() if n.startswith("page weights")})
VARIANTS["nested pair weights"] = nested({n: f for n, f in VARIANTS.items() if n.startswith("pair weights")})
VARIANTS["nested table weights"] = nested({n: f for n, f in VARIANTS.items() if n.startswith("table weights")})
VARIANTS["nested expected F1"] = nested({n: f for n, f in VARIANTS.items() if n.startswith("expected F1")})
VARIANTS["nested softmax"] = nested({n: f for n, f in VARIANTS.items() if n.startswith("softmax")})


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--table", action="store_true", help="the misreads' cost table (trainer's fit, out of fold by id)")
    parser.add_argument("--extra", nargs="*", default=[], choices=EXTRA_FEATURES, help="extra features the variants read")
    parser.add_argument("--held-out-diagnostic", metavar="VARIANT", help="once, at the end: what VARIANT changes on held-out pages")
    parser.add_argument("--variants", nargs="*", help="score these variants (none named: all) against the trainer's fit")
    args = parser.parse_args(argv)
    results = build(args.data_dir, args.cache)
    if args.extra:
        add_extra_features(args.data_dir, results, args.cache)
    matrix = Matrix.of(results, tuple(args.extra))
    log.info("%d pages cached", len(results))
    if args.table:
        predicted = out_of_fold(matrix, trainer_fit, matrix.folds(None))
        read = answer_f1(matrix, predicted)
        print(f"tune, out of fold by id: all {read.mean():.4f} (true types' profiles {matrix.own().mean():.4f}), type accuracy {(predicted == matrix.truth).mean():.3f}")
        print("\n".join(cost_table(matrix, predicted)))
    if args.variants is not None:
        for name in args.variants or VARIANTS:
            held, lines = compare(matrix, VARIANTS[name], name)
            print("\n".join(lines))
    if args.held_out_diagnostic:
        held_out_diagnostic(args.data_dir, matrix, args.held_out_diagnostic)
    return 0


if __name__ == "__main__":
    sys.exit(main())
