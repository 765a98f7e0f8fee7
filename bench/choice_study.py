"""A study of the per-page choice between trafilatura's answer and the profile's region
(bot/digest/extract/html/choice.py) on WCXB's tune part; nothing here ships.

    python -m bench.choice_study DATA_DIR [--cache PATH] [--trees] [--learned]

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) is read once through the
product's own `extract_html` (after `drop_scripts_and_styles`, as the pipeline passes it), with
`prefer_region` wrapped to record what it is given on each page where the choice is made (a page
taken for any type but article whose region holds a sentence): trafilatura's answer, the
region, the page type, and the page's truth-like signals (its `<h1>`, `<title>`,
og:description, JSON-LD descriptions, the `<p>` texts of five words or more). The cache is a
pickle (default /tmp/choice_study/cache.pkl), built once.

Printed (WCXB's word F1, by true type, and per fold sha1(id) % 5): the shipped rule, always one
candidate, the oracle, and a documentation cap (the region only below k times trafilatura's
words). With `--trees` (scikit-learn, which is no dependency of the project: exploration only),
gradient-boosted trees and depth-limited trees on the features, trained on four folds and scored
on the fifth, and a gated model (the rule, overruled only where the out-of-fold regression of
F1(region) - F1(trafilatura) passes a margin) chosen by nested cross-validation. With `--learned`
(numpy only, bench.fitting.fit_logistic): a logistic model per page type that overrules the rule
where it is confident, on features of both candidates and of the page (`learned_features`), its
weighting, penalty and margin chosen by nested cross-validation with folds grouped by site, for
eight groupings; a one-feature threshold the same way; the union as a third candidate (oracle).
Not reproduced exactly: the headline line trafilatura repeats, which `extract_html` drops after
the choice (107 of 411 choice pages; -0.00001 on the mean).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import pickle
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.fitting import fit_logistic, hash_bucket
from bench.splits import wcxb_part
from bench.wcxb import DATA_FILE, TYPES, word_f1
from bot.digest.extract.html import choice
from bot.digest.extract.html import page_type as page_types
from bot.digest.extract.html.metadata import _json_ld_objects, json_ld_documents
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.prune import drop_inline_svg, drop_scripts_and_styles
from bot.digest.extract.html.region import description_lead, with_missing_lead
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/choice_study/cache-v2.pkl")  # v2: with the classifier's scores, body words and link texts
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def _text(element: Any) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def build_cache(data_dir: Path) -> list[dict[str, Any]]:
    """Each tune page's choice inputs and the product's answer; also, for `--learned`, the page
    classifier's seven scores (recorded where `extract_html` classifies the page, with the page's
    address), the words of the page's body and the texts of its links at the time of the choice."""
    record: dict[str, Any] = {}
    shipped = choice.prefer_region
    shipped_classify = html_extractor.classify_page

    def classifying(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        scores = page_types.shipped_model().scores(page_types.feature_vector(page_types.page_features(tree, url, json_ld)))
        record.update(scores=scores, url=url or "")
        return max(scores, key=scores.__getitem__)  # as PageTypeModel.classify

    def recording(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202 (prefer_region's own signature)
        descriptions = [o["description"] for o in _json_ld_objects(tree, list(json_ld_documents(tree))) if isinstance(o.get("description"), str)]
        body = tree.find("body")
        record.update(
            page_type=page_type, text=text, region=region, h1=[_text(e) for e in tree.iter("h1")], title=[_text(e) for e in tree.iter("title")][:1],
            og=description_lead(tree), ld=descriptions, paras=[t for t in (_text(e) for e in tree.iter("p")) if len(t.split()) >= 5],
            body_words=len(_TOKEN.findall(body.text_content())) if body is not None else 0, anchors=sorted({t for t in (_text(e) for e in tree.iter("a")) if t}),
        )
        return shipped(page_type, profile, text, region, tree)

    html_extractor.classify_page = classifying
    try:
        return tune_pages_through_choice(data_dir, record, recording)
    finally:
        html_extractor.classify_page = shipped_classify


def tune_pages_through_choice(data_dir: Path, record: dict[str, Any], recording: Any) -> list[dict[str, Any]]:
    """`tune_pages_recorded` with `recording` (same signature as `choice.prefer_region`, which it should call)
    in place of the choice inside `extract_html`, put back afterwards."""
    shipped, skip = html_extractor.prefer_region, html_extractor.region_wins_whatever_the_text
    html_extractor.prefer_region = recording
    html_extractor.region_wins_whatever_the_text = lambda profile, region: False  # every choice page through `recording`
    try:
        return tune_pages_recorded(data_dir, record)
    finally:
        html_extractor.prefer_region, html_extractor.region_wins_whatever_the_text = shipped, skip


def with_lead_as_shipped(page: dict[str, Any], text: str) -> str:
    """`text` as extract_html goes on after the choice: the og:description lead put in front where the page
    type's profile asks for it (region.with_missing_lead)."""
    profile = PROFILES[page["page_type"]]
    if profile.lead_min_words is None:
        return text
    return with_missing_lead(text, page["og"], profile.lead_min_words, html_extractor.LEAD_MIN_NEW_SHARE)


def score_line(pages: list[dict[str, Any]], chosen: dict[int, float]) -> str:
    """Mean word F1 over `pages` (a page's F1 from `chosen`, keyed by id(page), else its product answer's
    `f1_final`): all pages, each true type, then each of the five folds."""
    scores: dict[str, list[float]] = defaultdict(list)
    for page in pages:
        value = chosen.get(id(page), page["f1_final"])
        for key in ("all", page["type"], f"fold{hash_bucket(page['id'], 5)}"):
            scores[key].append(value)
    by_type = " ".join(f"{np.mean(scores[k]):.4f}" for k in ("all",) + TYPES)
    by_fold = " ".join(f"{np.mean(scores[f'fold{i}']):.4f}" for i in range(5))
    return f"{by_type} | {by_fold}"


def tune_items(data_dir: Path) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Every WCXB tune page with a truth: its id, its record, and its HTML as the pipeline passes it to
    `extract_html` (scripts and styles out; inline SVG out too when the page is over the input limit)."""
    settings = DigestSettings()
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            page_id = str(item["id"])
            if wcxb_part(page_id) != "tune" or not (item.get("truth") or "").strip():
                continue
            html = drop_scripts_and_styles(item["html"])
            if len(html) > settings.max_input_chars:
                html = drop_inline_svg(html)
            yield page_id, item, html


def tune_pages_recorded(data_dir: Path, record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every tune page with a truth through `extract_html` as the pipeline passes it, each with its id, type,
    truth, the product's answer (`final`) and what the caller's recording hooks put in `record` meanwhile."""
    max_elements = DigestSettings().max_html_elements
    pages = []
    for page_id, item, html in tune_items(data_dir):
        record.clear()
        try:
            final = html_extractor.extract_html(html, "page.html", item.get("url") or None, max_elements).text
        except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
            final = ""
        pages.append({**record, "id": page_id, "type": item["type"], "truth": item["truth"], "final": final})
    return pages


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _share_in(tokens: list[str], vocabulary: set[str]) -> float:
    return sum(t in vocabulary for t in tokens) / len(tokens) if tokens else -1.0


def _bag_cover(a: Counter, b: Counter) -> float:
    total = sum(a.values())
    return sum((a & b).values()) / total if total else -1.0


def _line_stats(text: str) -> list[float]:
    counts = [len(_TOKEN.findall(line)) for line in text.split("\n") if line.strip()]
    if not counts:
        return [0.0, 0.0, 0.0, 0.0]
    return [math.log1p(len(counts)), float(np.mean(counts)), float(np.mean([c < 5 for c in counts])), float(np.mean([c >= 20 for c in counts]))]


def _paragraph_cover(paragraphs: list[str], candidate: str, min_words: int) -> tuple[float, float]:
    """The share of the words of the page's `<p>` of `min_words` words or more whose whole text is in the candidate."""
    long = [p for p in paragraphs if len(p.split()) >= min_words]
    total = sum(len(p.split()) for p in long)
    if not total:
        return -1.0, 0.0
    return sum(len(p.split()) for p in long if p in candidate) / total, math.log1p(total)


def _extra_lines(a: str, b: str, paragraphs: list[str]) -> list[float]:
    """What `a` holds that `b` does not, line by line: how much, how long its lines, how many digits, how much of it is long `<p>` text."""
    def keys(text: str) -> list[str]:
        return [_SPACES.sub(" ", line).strip().lower() for line in text.split("\n") if line.strip()]
    other = set(keys(b))
    extra = [line for line in keys(a) if line not in other]
    counts = [len(_TOKEN.findall(line)) for line in extra]
    tokens = [t for line in extra for t in _TOKEN.findall(line)]
    long = {_SPACES.sub(" ", p).strip().lower() for p in paragraphs if len(p.split()) >= 15}
    in_long = sum(c for line, c in zip(extra, counts) if line in long)
    total = sum(counts)
    return [
        math.log1p(len(extra)), math.log1p(total), total / (len(_TOKEN.findall(a)) + 1), float(np.mean(counts)) if counts else 0.0,
        float(np.mean([c < 5 for c in counts])) if counts else 0.0, sum(t.isdigit() for t in tokens) / len(tokens) if tokens else 0.0, in_long / (total + 1),
    ]


def features(page: dict[str, Any]) -> dict[str, float]:
    """Cheap features of the two candidates, truth-like ones (does each hold the page's h1, title,
    description, long paragraphs) and what each adds to the other."""
    text, region = page["text"], page["region"]
    t_tokens, r_tokens = _tokens(text), _tokens(region)
    f: dict[str, float] = {"log_t": math.log1p(len(t_tokens)), "log_r": math.log1p(len(r_tokens)), "log_ratio": math.log((len(r_tokens) + 1) / (len(t_tokens) + 1))}
    for kind in TYPES[1:]:
        f[f"type_{kind}"] = float(page["page_type"] == kind)
    f["rule"] = float(len(r_tokens) > PROFILES[page["page_type"]].region_over_words * len(t_tokens))
    f["t_in_r"], f["r_in_t"] = _bag_cover(Counter(t_tokens), Counter(r_tokens)), _bag_cover(Counter(r_tokens), Counter(t_tokens))
    description = page["og"] or (max(page["ld"], key=len) if page["ld"] else "")
    for name, signal in (("h1", " ".join(page["h1"][:1])), ("title", " ".join(page["title"])), ("description", description)):
        f[f"{name}_t"], f[f"{name}_r"] = _share_in(_tokens(signal), set(t_tokens)), _share_in(_tokens(signal), set(r_tokens))
    flat_t, flat_r = _SPACES.sub(" ", text), _SPACES.sub(" ", region)
    for min_words in (15, 40):
        f[f"p{min_words}_t"], f[f"p{min_words}_words"] = _paragraph_cover(page["paras"], flat_t, min_words)
        f[f"p{min_words}_r"], _ = _paragraph_cover(page["paras"], flat_r, min_words)
    for name, candidate in (("t", text), ("r", region)):
        for i, value in enumerate(_line_stats(candidate)):
            f[f"lines{i}_{name}"] = value
    for i, value in enumerate(_extra_lines(region, text, page["paras"]) + _extra_lines(text, region, page["paras"])):
        f[f"extra{i}"] = value
    return f


CHEAP = ("log_", "type_", "rule", "t_in_r", "r_in_t", "lines")  # no page signals, no line diff


class Study:
    """The cache scored: per choice page the F1 of each candidate (after the forum lead, as extract_html)."""

    def __init__(self, pages: list[dict[str, Any]]) -> None:
        self.pages = pages
        self.choice = [p for p in pages if "text" in p and PROFILES[p["page_type"]].region_over_words is not None]
        for p in pages:
            p["f1_final"] = word_f1(p["truth"], p["final"])
        self.ft = np.array([word_f1(p["truth"], self._post(p, p["text"])) for p in self.choice])
        self.fr = np.array([word_f1(p["truth"], self._post(p, p["region"])) for p in self.choice])
        self.folds = np.array([hash_bucket(p["id"], 5) for p in self.choice])
        rows = [features(p) for p in self.choice]
        self.names = list(rows[0])
        self.x = np.array([[row[n] for n in self.names] for row in rows])
        self.rule = self.column("rule") == 1

    @staticmethod
    def _post(page: dict[str, Any], text: str) -> str:
        return with_lead_as_shipped(page, text)

    def column(self, name: str) -> np.ndarray:
        return self.x[:, self.names.index(name)]

    def line(self, label: str, region: np.ndarray) -> str:
        """Mean F1 over every tune page (the choice pages as `region` says), by true type and fold."""
        chosen = {id(p): (self.fr[i] if region[i] else self.ft[i]) for i, p in enumerate(self.choice)}
        return f"{label:44s} {score_line(self.pages, chosen)}"


def print_rules(study: Study) -> None:
    print(f"{'tune, word F1':44s} all    " + " ".join(k[:6] for k in TYPES) + " | folds 0-4")
    print(study.line("shipped rule", study.rule))
    print(study.line("always trafilatura", np.zeros(len(study.choice), bool)))
    print(study.line("always the region", np.ones(len(study.choice), bool)))
    print(study.line("oracle", study.fr > study.ft))
    documentation, ratio = study.column("type_documentation") == 1, np.exp(study.column("log_ratio"))
    for cap in (2.0, 2.5, 3.0, 4.0):
        print(study.line(f"documentation region only below {cap}x", study.rule & ~(documentation & (ratio > cap))))


def print_trees(study: Study) -> None:
    from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor  # exploration only
    from sklearn.tree import DecisionTreeClassifier

    gain = study.fr - study.ft
    cheap = [i for i, n in enumerate(study.names) if n.startswith(CHEAP)]
    no_extra = [i for i, n in enumerate(study.names) if not n.startswith("extra")]
    sets = {"all": study.x, "no line diff": study.x[:, no_extra], "cheap": study.x[:, cheap]}

    def out_of_fold(make, x: np.ndarray, train: np.ndarray, regress: bool) -> np.ndarray:
        predicted = np.zeros(len(gain))
        for fold in sorted(set(study.folds[train])):
            fit, test = train & (study.folds != fold), train & (study.folds == fold)
            model = make()
            if regress:
                predicted[test] = model.fit(x[fit], gain[fit]).predict(x[test])
            else:
                predicted[test] = model.fit(x[fit], gain[fit] > 0, sample_weight=np.abs(gain[fit]) + 1e-6).predict(x[test])
        return predicted

    everywhere = np.ones(len(gain), bool)
    for label, x in sets.items():
        for depth, trees in ((1, 50), (2, 25), (2, 50), (3, 50), (3, 100)):
            make = lambda: GradientBoostingClassifier(n_estimators=trees, max_depth=depth, random_state=0)  # noqa: E731
            print(study.line(f"boosted trees, {label}, depth {depth}, {trees}", out_of_fold(make, x, everywhere, False) > 0))
        for depth in (2, 3, 5):
            make = lambda: DecisionTreeClassifier(max_depth=depth, min_samples_leaf=10, random_state=0)  # noqa: E731
            print(study.line(f"one tree, {label}, depth {depth}", out_of_fold(make, x, everywhere, False) > 0))

    def gated(predicted: np.ndarray, margin: float, where: np.ndarray) -> np.ndarray:
        region = study.rule.copy()
        region[where & ~study.rule & (predicted > margin)] = True
        region[where & study.rule & (predicted < -margin)] = False
        return region

    def regressor(depth: int):  # noqa: ANN202
        return lambda: GradientBoostingRegressor(n_estimators=50, max_depth=depth, learning_rate=0.05, random_state=0)

    region = study.rule.copy()
    for fold in range(5):
        train, test = study.folds != fold, study.folds == fold
        settings = [(s, d, m) for s in sets for d in (2, 3) for m in (0.0, 0.1, 0.2)]
        score = {k: np.where(gated(out_of_fold(regressor(k[1]), sets[k[0]], train, True), k[2], train), study.fr, study.ft)[train].sum() for k in settings}
        name, depth, margin = max(settings, key=score.get)
        log.info("fold %d: gated regressor on %s, depth %d, margin %.1f", fold, name, depth, margin)
        model = regressor(depth)().fit(sets[name][train], gain[train])
        predicted = np.zeros(len(gain))
        predicted[test] = model.predict(sets[name][test])
        region[test] = gated(predicted, margin, test)[test]
    print(study.line("the rule overruled by a gated regressor (nested)", region))


# --- `--learned` (eleventh session): a small learned chooser over both candidates and the page ---

CHOICE_TYPES = ("documentation", "service", "product", "forum", "listing", "collection")
# The flip model's settings searched by nested cross-validation: weighting (by the F1 at stake, or
# each page alike), L2 penalty, and the probability over which the rule's pick is overruled.
FLIP_SETTINGS: tuple[tuple[str, float, float], ...] = tuple(
    (weighting, l2, margin) for weighting in ("stake", "flat") for l2 in (1.0, 10.0, 100.0) for margin in (0.5, 0.6, 0.7, 0.8)
) + (("never", 0.0, 0.0),)
FOLD_SALTS = "abcdefgh"  # eight groupings of the sites into five folds
_CLOSING = tuple(".!?:;\"')\u201d")


def _lines(text: str) -> list[str]:
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n") if line.strip()]


def candidate_features(text: str, body_words: int, anchors: set[str], tag: str) -> dict[str, float]:
    """One candidate answer's shape: its words (log, and as a share of the page body's), the share of
    its words in lines that are a link's whole text, its lines (log count, log mean words, share ending
    in punctuation, share under 5 words) and the share of its words in lines read more than once."""
    lines = _lines(text)
    counts = [len(_TOKEN.findall(line)) for line in lines]
    words = sum(counts)
    seen = Counter(line.lower() for line in lines)
    return {
        f"log_{tag}": math.log1p(words),
        f"cover_{tag}": min(words / (body_words + 1), 2.0),
        f"link_{tag}": sum(c for line, c in zip(lines, counts) if line in anchors) / (words + 1),
        f"nlines_{tag}": math.log1p(len(lines)),
        f"meanline_{tag}": math.log1p(words / len(lines)) if lines else 0.0,
        f"punct_{tag}": float(np.mean([line.endswith(_CLOSING) for line in lines])) if lines else 0.0,
        f"short_{tag}": float(np.mean([c < 5 for c in counts])) if lines else 0.0,
        f"repeated_{tag}": sum(c for line, c in zip(lines, counts) if seen[line.lower()] > 1) / (words + 1),
    }


def learned_features(page: dict[str, Any]) -> dict[str, float]:
    """Features of both candidates and of the page, all computable where `prefer_region` is called:
    each candidate's shape, their word ratio, Jaccard overlap and bag covers (is trafilatura's answer
    a subset of the region's), the page body's words and the classifier's type probabilities."""
    text, region, anchors = page["text"], page["region"], set(page["anchors"])
    t_tokens, r_tokens = _tokens(text), _tokens(region)
    t_set, r_set = set(t_tokens), set(r_tokens)
    shared = sum((Counter(t_tokens) & Counter(r_tokens)).values())
    f = {**candidate_features(text, page["body_words"], anchors, "t"), **candidate_features(region, page["body_words"], anchors, "r")}
    f["log_ratio"] = f["log_r"] - f["log_t"]
    f["jaccard"] = len(t_set & r_set) / (len(t_set | r_set) or 1)
    f["t_in_r"], f["r_in_t"] = shared / (len(t_tokens) or 1), shared / (len(r_tokens) or 1)
    f["subset"] = float(f["t_in_r"] > 0.95)
    f["log_body"] = math.log1p(page["body_words"])
    logits = np.array([page["scores"][kind] for kind in page_types.PAGE_TYPES])
    probabilities = np.exp(logits - logits.max())
    for kind, value in zip(page_types.PAGE_TYPES, probabilities / probabilities.sum()):
        f[f"prob_{kind}"] = float(value)
    return f


def union_text(text: str, region: str) -> str:
    """trafilatura's answer followed by the region's lines it lacks (the third candidate)."""
    have = {line.lower() for line in _lines(text)}
    extra = [line for line in region.split("\n") if line.strip() and _SPACES.sub(" ", line).strip().lower() not in have]
    return "\n".join([text, *extra]) if extra else text


def site_of(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


class Learned:
    """The choice pages as arrays: features, each candidate's F1, the shipped rule's pick, and the gain
    of overruling the rule (F1 of the other candidate less the rule's)."""

    def __init__(self, study: Study) -> None:
        self.study = study
        rows = [learned_features(p) for p in study.choice]
        self.names = list(rows[0])
        x = np.array([[row[n] for n in self.names] for row in rows])
        sign = np.where(study.rule, 1.0, -1.0)[:, None]
        self.x = np.hstack([x, x * sign, sign])  # features and features signed by the rule's pick: which side the rule took
        self.gain = np.where(study.rule, study.ft - study.fr, study.fr - study.ft)
        self.type = np.array([p["page_type"] for p in study.choice])
        self.sites = [site_of(p.get("url", "")) or p["id"] for p in study.choice]
        self.fu = np.array([word_f1(p["truth"], with_lead_as_shipped(p, union_text(p["text"], p["region"]))) for p in study.choice])

    def folds(self, salt: str) -> np.ndarray:
        """Five folds grouped by site (a site's pages never both train and test)."""
        return np.array([hash_bucket(site, 5, salt=salt) for site in self.sites])

    def flips(self, train: np.ndarray, test: np.ndarray, setting: tuple[str, float, float]) -> np.ndarray:
        """Where on `test` a logistic model fitted on `train` overrules the rule (its probability that the
        other candidate scores higher passes the setting's margin)."""
        weighting, l2, margin = setting
        if weighting == "never" or train.sum() < 5:
            return np.zeros(test.sum(), bool)
        weight = np.abs(self.gain[train]) + 1e-3 if weighting == "stake" else np.ones(train.sum())
        model = fit_logistic(self.x[train], (self.gain[train] > 0).astype(float), weight, l2=l2, iterations=50)
        return model.logits(self.x[test]) > math.log(margin / (1 - margin))

    def nested_flips(self, where: np.ndarray, folds: np.ndarray, train_on: np.ndarray | None = None) -> np.ndarray:
        """Out-of-fold flips on `where`, each outer fold's setting chosen by cross-validation on the other four;
        the models are fitted on `train_on` (default: `where`) outside the fold they are scored on."""
        train_on = where if train_on is None else train_on
        flipped = np.zeros(len(self.gain), bool)
        for outer in range(5):
            def inner(setting: tuple[str, float, float]) -> float:
                total = 0.0
                for fold in set(range(5)) - {outer}:
                    train, test = train_on & (folds != fold) & (folds != outer), where & (folds == fold)
                    total += self.gain[test][self.flips(train, test, setting)].sum()
                return total
            best = max(FLIP_SETTINGS, key=inner)
            train, test = train_on & (folds != outer), where & (folds == outer)
            flipped[test] = self.flips(train, test, best)
        return flipped

    def stump_flips(self, where: np.ndarray, folds: np.ndarray) -> np.ndarray:
        """Out-of-fold flips by the one feature and threshold (5 % to 95 % quantiles) that gains most in training."""
        raw = self.x[:, : len(self.names)]
        flipped = np.zeros(len(self.gain), bool)
        for outer in range(5):
            train, best, score = where & (folds != outer), None, 0.0
            for j in range(raw.shape[1]):
                for cut in np.unique(np.quantile(raw[train, j], np.linspace(0.05, 0.95, 19))):
                    for side in (1.0, -1.0):
                        gained = self.gain[train & (side * (raw[:, j] - cut) > 0)].sum()
                        if gained > score + 1e-9:
                            best, score = (j, cut, side), gained
            if best is not None:
                j, cut, side = best
                flipped |= where & (folds == outer) & (side * (raw[:, j] - cut) > 0)
        return flipped


def print_learned(study: Study) -> None:
    """The learned chooser per page type (and over all), out of fold by nested cross-validation, for eight
    groupings of sites into folds: the sum of F1 gained over the rule on that type's choice pages, and the
    worst fold's sum (every fold must gain for a chooser to be kept)."""
    learned = Learned(study)
    rule_pick = np.where(study.rule, study.fr, study.ft)
    best_of_two = np.maximum(study.ft, study.fr)
    log.info("choice pages by type: %s", {k: int((learned.type == k).sum()) for k in CHOICE_TYPES})
    print("oracle gains over the rule (sum of F1 over choice pages): two candidates "
          f"{(best_of_two - rule_pick).sum():+.3f}, with the union as a third {(np.maximum(best_of_two, learned.fu) - rule_pick).sum():+.3f}; "
          f"always the union {(learned.fu - rule_pick).sum():+.3f}")
    groups = [(kind, (kind,)) for kind in CHOICE_TYPES] + [("listing+collection", ("listing", "collection")), ("all types", CHOICE_TYPES)]
    everywhere = np.ones(len(learned.gain), bool)
    pooled = lambda where, folds: learned.nested_flips(where, folds, train_on=everywhere)  # noqa: E731
    methods = (("logistic flip (nested)", learned.nested_flips, groups), ("one-feature stump", learned.stump_flips, groups),
               ("flip fitted on all types", pooled, groups[4:6]))
    for method, make, method_groups in methods:
        for label, kinds in method_groups:
            where = np.isin(learned.type, kinds)
            cells = []
            for salt in FOLD_SALTS:
                folds = learned.folds(salt)
                gained = np.where(make(where, folds), learned.gain, 0.0)
                cells.append(f"{gained.sum():+.2f}/{min(gained[folds == f].sum() for f in range(5)):+.2f}")
            print(f"{method:24s} {label:20s} {' '.join(cells)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--trees", action="store_true", help="also the tree models (needs scikit-learn)")
    parser.add_argument("--learned", action="store_true", help="also the learned chooser (logistic, nested CV, site folds)")
    args = parser.parse_args(argv)
    if not args.cache.exists():
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(build_cache(args.data_dir)))
    study = Study(pickle.loads(args.cache.read_bytes()))
    log.info("%d tune pages, the choice made on %d", len(study.pages), len(study.choice))
    print_rules(study)
    if args.trees:
        print_trees(study)
    if args.learned:
        print_learned(study)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
