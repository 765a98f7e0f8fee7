"""A study of line selection within the profile's main region (bot/digest/extract/html/region.py)
on WCXB's tune part; nothing here ships.

    python -m bench.region_lines_study DATA_DIR [--cache PATH] [--label share|delta] [--c C]

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) is read once through the
product's own `extract_html` (after `drop_scripts_and_styles`, as the pipeline passes it), with
`region_text` wrapped to record the region's lines (all of them, before the profile's line
filters) with the block element each comes from (its tag, the class/id words of it and three
ancestors, its depth, how many siblings share its tag and class, its itemprop), and
`prefer_region` wrapped to record trafilatura's answer and the page type where the choice is made
(a page taken for any type but article whose region holds a sentence). The cache is a pickle
(default /tmp/ext-lines/cache.pkl), built once.

Each region line is labelled either by whether half its words are in the truth (`share`) or by
whether dropping it alone from the region raises the page's word F1 (`delta`, weighted by how
much), and a weighted logistic model (scikit-learn: exploration only, no dependency of the
project) over the line's words, link share, digits, currency, position, element, repetition and
the page type learns it on four folds (sha1(id) % 5) and drops lines on the fifth. Printed
(WCXB's word F1 over all 1,040 tune pages, by true type and fold): the shipped rule, the labels
as an oracle, and the model at several thresholds, with the line drop made before the ratio rule
(the region may then lose to trafilatura) or only in a region the shipped rule already chose.
"""

from __future__ import annotations

import argparse
import logging
import math
import pickle
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import score_line, tune_pages_recorded, with_lead_as_shipped
from bench.fitting import hash_bucket
from bench.wcxb import TYPES, word_f1
from bot.digest.extract.html import region as region_module
from bot.digest.extract.html.profiles import PROFILES, PageProfile
from bot.digest.extract.html.region import drop_repeated_lines

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/ext-lines/cache.pkl")
_TOKEN = re.compile(r"\w+")
_CURRENCY = re.compile(r"[$€£¥₹]|\b(usd|eur|gbp)\b", re.I)
_START = 0xF0000  # supplementary private-use characters: one per block element, marking where it starts
_END = "\ue003"


def _element_info(element: Any, root: Any) -> dict[str, Any]:
    depth, node = 0, element
    while node is not None and node is not root:
        depth, node = depth + 1, node.getparent()
    chain, node = [], element
    for _ in range(4):
        if node is None:
            break
        chain.append((node.tag if isinstance(node.tag, str) else "", " ".join(sorted(w for w in region_module._class_words(node) if w))))
        if node is root:
            break
        node = node.getparent()
    parent = element.getparent()
    signature = (element.tag, element.get("class") or "")
    same = sum(1 for s in parent if isinstance(s.tag, str) and (s.tag, s.get("class") or "") == signature) if parent is not None else 1
    return {"depth": depth, "chain": chain, "same_sib": same, "itemprop": element.get("itemprop") or ""}


def annotated_lines(tree: Any, more_chrome: frozenset[str]) -> list[dict[str, Any]]:
    """The region's lines as `region.block_lines` cuts them, each with the block element it starts in."""
    found = region_module.main_region(tree)
    if found is None:
        return []
    root = region_module.strip_chrome(found, more_chrome)
    blocks: list[dict[str, Any]] = []
    for child in root.iter():
        if not isinstance(child.tag, str):
            continue
        if child.tag == "a":
            child.text = region_module._LINK_START + (child.text or "")
            child.tail = region_module._LINK_END + (child.tail or "")
        if child.tag in region_module._BLOCKS:
            blocks.append(_element_info(child, root))
            child.tail = _END + "\n" + (child.tail or "")
            child.text = "\n" + chr(_START + len(blocks) - 1) + (child.text or "")
    root_info = _element_info(root, root)
    lines, depth, stack = [], 0, [-1]
    for raw in root.text_content().splitlines():
        linked = total = 0
        kept: list[str] = []
        first = None
        for char in raw:
            if char == region_module._LINK_START:
                depth += 1
            elif char == region_module._LINK_END:
                depth = max(0, depth - 1)
            elif _START <= ord(char) < _START + 65000:
                stack.append(ord(char) - _START)
            elif char == _END:
                if len(stack) > 1:
                    stack.pop()
            else:
                kept.append(char)
                if not char.isspace():
                    first = stack[-1] if first is None else first
                    total += 1
                    linked += depth > 0
        text = region_module._SPACES.sub(" ", "".join(kept)).strip()
        if text:
            element = blocks[first] if first is not None and first >= 0 else root_info
            lines.append({"text": text, "words": len(_TOKEN.findall(text)), "link": linked / total if total else 0.0, "el": element})
    return lines


def build_cache(data_dir: Path) -> list[dict[str, Any]]:
    record: dict[str, Any] = {}
    shipped_region, shipped_choice = html_extractor.region_text, html_extractor.prefer_region

    def recording_region(tree, min_words, share, link_words, more_chrome):  # noqa: ANN001, ANN202 (region_text's signature)
        record["lines"] = annotated_lines(tree, more_chrome)
        record["region_raw"] = shipped_region(tree, min_words, share, link_words, more_chrome)
        return record["region_raw"]

    def recording_choice(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202
        record.update(page_type=page_type, text=text, region=region, og=region_module.description_lead(tree))
        return shipped_choice(page_type, profile, text, region, tree)

    html_extractor.region_text, html_extractor.prefer_region = recording_region, recording_choice
    try:
        return tune_pages_recorded(data_dir, record)
    finally:
        html_extractor.region_text, html_extractor.prefer_region = shipped_region, shipped_choice


def passes(profile: PageProfile, line: dict[str, Any]) -> bool:
    """The profile's own line filters (region.region_text)."""
    return line["words"] >= profile.min_line_words and not (line["words"] <= profile.link_line_words and line["link"] > profile.link_line_share)


def line_features(page: dict[str, Any], index: int, line: dict[str, Any], counts: Counter, answer_lines: set[str], answer_words: set[str]) -> dict[str, float]:
    page_type, n = page["page_type"], len(page["lines"])
    text, words = line["text"], line["words"]
    low = text.lower()
    tokens = _TOKEN.findall(low)
    features: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:  # each feature also crossed with the page type
        features[name] = value
        features[f"{page_type}:{name}"] = value

    add("bias")
    add("log_words", math.log1p(words))
    for name, holds in (("w1", words <= 1), ("w3", words <= 3), ("w6", words <= 6), ("w15", words >= 15), ("w30", words >= 30)):
        if holds:
            add(name)
    add("link", line["link"])
    if line["link"] > 0.5:
        add("link50")
    chars = [c for c in text if not c.isspace()]
    add("digits", sum(c.isdigit() for c in chars) / max(1, len(chars)))
    if _CURRENCY.search(text):
        add("currency")
    if text.rstrip()[-1:] in ".!?":
        add("sentence_end")
    add("position", index / max(1, n - 1))
    if index < n * 0.1:
        add("first10")
    if index >= n * 0.9:
        add("last10")
    element = line["el"]
    add("depth", min(element["depth"], 30) / 10)
    add("log_same_siblings", math.log1p(element["same_sib"]))
    if element["same_sib"] >= 3:
        add("same_siblings3")
    chain = element["chain"]
    if chain:
        features["tag=" + chain[0][0]] = 1.0
        for word in chain[0][1].split()[:8]:
            features["class=" + word] = 1.0
    for _, classes in chain[1:]:
        for word in classes.split()[:8]:
            features["ancestor_class=" + word] = 1.0
    if element["itemprop"]:
        features["itemprop=" + element["itemprop"]] = 1.0
    if counts[low] >= 2:
        add("repeated")
    if low in answer_lines:
        add("in_trafilatura_line")
    add("trafilatura_word_share", sum(t in answer_words for t in tokens) / max(1, len(tokens)))
    if passes(PROFILES[page_type], line):
        add("passes_profile")
    if words <= 5:
        for token in tokens:
            features["word=" + re.sub(r"\d", "0", token)] = 1.0
    return features


def drop_gains(page: dict[str, Any]) -> list[float]:
    """Per line: how much the page's word F1 rises when that line alone leaves the (filtered) region."""
    profile = PROFILES[page["page_type"]]
    truth = Counter(_TOKEN.findall(page["truth"].lower()))
    bags = [Counter(_TOKEN.findall(line["text"].lower())) if passes(profile, line) else Counter() for line in page["lines"]]
    region: Counter = Counter()
    for bag in bags:
        region.update(bag)
    overlap, size, wanted = sum((region & truth).values()), sum(region.values()), sum(truth.values())
    f1 = 2 * overlap / (size + wanted) if size + wanted else 0.0
    gains = []
    for bag in bags:
        if not bag:
            gains.append(0.0)
            continue
        lost = sum(min(region[t], truth[t]) - min(region[t] - c, truth[t]) for t, c in bag.items())
        rest = size - sum(bag.values())
        gains.append((2 * (overlap - lost) / (rest + wanted) if rest + wanted else 0.0) - f1)
    return gains


class Study:
    def __init__(self, pages: list[dict[str, Any]], label: str) -> None:
        self.pages = pages
        for page in pages:
            page["f1_final"] = word_f1(page["truth"], page["final"])
        self.choice = [p for p in pages if "text" in p and p.get("lines") is not None]
        rows, labels, weights, page_of = [], [], [], []
        for index, page in enumerate(self.choice):
            truth = set(_TOKEN.findall(page["truth"].lower()))
            counts = Counter(line["text"].lower() for line in page["lines"])
            answer_lines = {x.strip().lower() for x in page["text"].split("\n") if x.strip()}
            answer_words = set(_TOKEN.findall(page["text"].lower()))
            total = sum(line["words"] for line in page["lines"]) or 1
            gains = drop_gains(page)
            for i, line in enumerate(page["lines"]):
                tokens = _TOKEN.findall(line["text"].lower())
                rows.append(line_features(page, i, line, counts, answer_lines, answer_words))
                if label == "delta":
                    labels.append(gains[i] <= 0)
                    weights.append(abs(gains[i]) + 1e-6)
                else:
                    labels.append(sum(t in truth for t in tokens) >= 0.5 * max(1, len(tokens)))
                    weights.append(max(1, line["words"]) / total)
                page_of.append(index)
        self.rows, self.labels, self.weights = rows, np.array(labels), np.array(weights)
        self.page_of = np.array(page_of)
        self.folds = np.array([hash_bucket(p["id"], 5) for p in self.choice])[self.page_of]

    @staticmethod
    def _post(page: dict[str, Any], text: str) -> str:
        return with_lead_as_shipped(page, text)

    def answer(self, page: dict[str, Any], keep: np.ndarray, after: bool = False) -> str:
        """The page's answer with the region's lines `keep` says (and the profile's filters), as extract_html
        would give it; `after`: the drop only in a region the shipped rule chose."""
        profile = PROFILES[page["page_type"]]
        ratio = profile.region_over_words
        if after:
            if self.answer(page, np.ones(len(page["lines"]), bool)) == self._post(page, page["text"]):
                return self._post(page, page["text"])
            ratio = -1.0
        region = "\n\n".join(line["text"] for line, k in zip(page["lines"], keep) if k and passes(profile, line))
        if profile.repeat_min_words is not None:
            region = drop_repeated_lines(region, profile.repeat_min_words)
        settings = html_extractor.DEFAULT_SETTINGS
        if html_extractor._holds_a_sentence(region, settings) and html_extractor._words(region) > ratio * html_extractor._words(page["text"]):
            return self._post(page, region)
        return self._post(page, page["text"])

    def line(self, label: str, keep: np.ndarray, after: bool = False) -> str:
        """Mean F1 over every tune page (the choice pages' regions as `keep` says), by true type and fold."""
        chosen = {id(p): word_f1(p["truth"], self.answer(p, keep[self.page_of == i], after)) for i, p in enumerate(self.choice)}
        return f"{label:36s} {score_line(self.pages, chosen)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--label", choices=("share", "delta"), default="delta")
    parser.add_argument("--c", type=float, default=0.3, help="the logistic model's inverse L2 strength")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = build_cache(args.data_dir)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(pages))
    study = Study(pages, args.label)
    from sklearn.feature_extraction import DictVectorizer  # exploration only: no dependency of the project
    from sklearn.linear_model import LogisticRegression

    print(f"{'tune, word F1 (1,040 pages)':36s} all " + " ".join(TYPES) + " | folds 0-4")
    every = np.ones(len(study.labels), bool)
    print(study.line("shipped rule", every))
    print(study.line("oracle: the labels", study.labels))
    print(study.line("oracle: the labels, in a chosen region", study.labels, after=True))
    x = DictVectorizer().fit_transform(study.rows)
    probability = np.zeros(len(study.labels))
    for fold in range(5):
        train, test = study.folds != fold, study.folds == fold
        model = LogisticRegression(C=args.c, max_iter=2000)
        model.fit(x[train], study.labels[train], sample_weight=study.weights[train] * train.sum() / study.weights[train].sum())
        probability[test] = model.predict_proba(x[test])[:, 1]
    for threshold in (0.2, 0.3, 0.4, 0.5):
        print(study.line(f"model, keep p >= {threshold}", probability >= threshold))
        print(study.line(f"model, keep p >= {threshold}, in a chosen region", probability >= threshold, after=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
