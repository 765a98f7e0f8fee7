"""Thirteenth session: the general hedge scorer's out-of-fold errors and new variants, by nested CV on the train part.

    python -m bench.hedges3_study /work/shared/data errors
    python -m bench.hedges3_study /work/shared/data VARIANT [VARIANT ...]

Everything here reads WikiWeasel's train part only (sha1(sentence)%100 < 80) and uses the trainer's fit, folds
(`bucket(id, salt="cv") % 5`) and L2 grid. Out-of-fold scores are cached in /tmp/hedges3/ (keyed by variant and L2).

- errors: the shipped recipe's out-of-fold false negatives and false positives at the nested threshold, by word:
  which words the annotators' weasel sentences hold that the marked ones do not.
- base: the shipped recipe (nested CV as `bench.hedges --nested`).
- source: each attribution word (say, claim, believe, according ...) also as "src:named:<stem>" or
  "src:unnamed:<stem>": named when a capitalised word (not the sentence's first, nor "I") or a number stands
  within the four words before it (the three after "according", or after the "by" that follows it); the noisy-or
  can only add uncertainty word by word, so "said with nobody named" has to be a word's feature to be learned.
- suffix: base plus each word of six letters or more as its last three letters ("x:ous", "x:ful": a rare
  evaluative adjective shares the evidence of common ones).
- l2mean: the mean of the base out-of-fold scores of the three L2 fits (an ensemble), threshold as in nested.
- stack: the base out-of-fold scores re-decided by a small logistic model (score, log words, share of
  capitalised words, a digit, a quote mark) fitted on the other folds' out-of-fold scores (calibration on
  out-of-fold predictions; the threshold then chosen on the other folds too).
Nothing here is shipped unless the docs say so; the test part is not read.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from bench import train_hedges as th
from bench.fitting import fit_logistic
from bench.metrics import binary_f1
from bot.digest.hedges.scorer import _WORD, _stem

CACHE = Path("/tmp/hedges3")
_NUMBER = re.compile(r"\d")
# Attribution words: each also weighed by whether a source is named near it (variant "source").
SOURCE_STEMS = frozenset(_stem(word) for word in (
    "say", "said", "says", "claim", "claimed", "claims", "believe", "believed", "believes", "argue", "argued",
    "argues", "consider", "considered", "regard", "regarded", "think", "thought", "suggest", "suggested",
    "according", "report", "reported", "reports", "allege", "alleged", "describe", "described", "call", "called",
    "note", "noted", "state", "stated", "feel", "felt", "view", "viewed", "see", "seen", "know", "known",
    "speculate", "speculated", "rumor", "rumored", "rumour", "rumoured", "cite", "cited", "praise", "praised",
    "criticise", "criticised", "criticize", "criticized", "estimate", "estimated", "hold", "held", "deem", "deemed",
))
# The trainer's folds are bucket(id, salt="cv") % 5; another salt (HEDGES3_SALT=cv2) repeats the CV on other folds,
# so a paired difference between variants can be checked on more than five folds.
SALT = os.environ.get("HEDGES3_SALT", "cv")
log = logging.getLogger(__name__)

def load_items(data_dir: Path) -> list[th.LabelledSentence]:
    return [i for i in th.split(th.load_wikiweasel(data_dir / "hedges" / "wikiweasel-train.csv.gz"))[0] if i.text]


def base_groups(data_dir: Path) -> dict[str, tuple[str, ...]]:
    return {**th.load_lexicon_groups(data_dir / "hedges" / "lexicon"), **th.weasel_phrase_groups()}


def _names_source(sentence: str, matches: Sequence[re.Match[str]], j: int) -> bool:
    """Whether word `j` looks like (part of) a named source: a capitalised word that is not the sentence's
    first nor "I", or a number just before it (a year, a page: a citation)."""
    word = matches[j].group(0)
    if j and word[:1].isupper() and word != "I":
        return True
    return _NUMBER.search(sentence, matches[j - 1].end() if j else 0, matches[j].start()) is not None


def source_features(sentence: str) -> list[set[str]]:
    """Per scorer word, "src:named:<stem>" or "src:unnamed:<stem>" for an attribution word (`SOURCE_STEMS`):
    named when a source-like word stands within the four words before it, or the three after "according"
    or after the "by" that follows it ("described by Jones")."""
    matches = list(_WORD.finditer(sentence))
    stems = [_stem(m.group(0).lower().replace("’", "'")) for m in matches]
    out: list[set[str]] = [set() for _ in matches]
    for i, stem in enumerate(stems):
        if stem not in SOURCE_STEMS:
            continue
        if stem == _stem("according"):
            window = range(i + 1, min(len(stems), i + 4))
        elif i + 1 < len(stems) and stems[i + 1] == "by":
            window = range(i + 2, min(len(stems), i + 5))
        else:
            window = range(max(0, i - 4), i)
        named = any(_names_source(sentence, matches, j) for j in window)
        out[i].add(f"src:{'named' if named else 'unnamed'}:{stem}")
    return out


def featurise(variant: str, items: Sequence[th.LabelledSentence], groups: dict[str, tuple[str, ...]]):
    """The trainer's features ("base"), with the source features ("source") or word endings ("suffix") added."""
    sentences = th.featurise(items, groups)
    if variant == "source":
        sentences = [[features | extra for features, extra in zip(tokens, source_features(item.text))]
                     for item, tokens in zip(items, sentences)]
    if variant == "suffix":  # each long word's last three letters
        sentences = [[features | ({"x:" + m.group(0).lower()[-3:]} if len(m.group(0)) >= 6 else set())
                      for features, m in zip(tokens, _WORD.finditer(item.text))]
                     for item, tokens in zip(items, sentences)]
    return sentences


def out_of_fold(variant: str, items, groups, l2: float) -> np.ndarray:
    key = hashlib.sha1(f"{variant}|{l2}|{th.ITERATIONS}|{len(items)}|{SALT}".encode()).hexdigest()[:12]
    path = CACHE / f"oof-{variant}-{l2}-{SALT}-{key}.npy"
    if path.exists():
        return np.load(path)
    sentences = featurise(variant, items, groups)
    labels = np.array([i.uncertain for i in items])
    folds = np.array([th.bucket(i.item_id, salt=SALT) % th.CV_FOLDS for i in items])
    scores = np.zeros(len(items))
    for fold in range(th.CV_FOLDS):
        inside = folds != fold
        weights, bias, leak = th._fit([s for s, k in zip(sentences, inside) if k], labels[inside], l2)
        scores[~inside] = th._score([s for s, k in zip(sentences, inside) if not k], weights, bias, leak)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, scores)
    return scores


def f1_of(predicted: np.ndarray, labels: np.ndarray) -> float:
    return binary_f1(labels.tolist(), predicted.tolist()).f1


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    return th._best_threshold(scores, labels, np.zeros(len(labels), dtype=np.int64))[0]


def nested(oof: dict[float, np.ndarray], labels: np.ndarray, folds: np.ndarray,
           rescore: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None) -> tuple[float, list[float], np.ndarray]:
    """`bench.hedges.nested_cv_f1` on cached out-of-fold scores; `rescore(scores, others)` may re-decide them
    with a model fitted on the other folds only."""
    predicted = np.zeros(len(labels), dtype=bool)
    per_fold = []
    for fold in range(th.CV_FOLDS):
        others = folds != fold
        choices = []
        for l2, scores in oof.items():
            s = rescore(scores, others) if rescore else scores
            f1, threshold = th._best_threshold(s[others], labels[others], np.zeros(int(others.sum()), dtype=np.int64))[::-1]
            choices.append((f1, threshold, l2, s))
        _, threshold, _, s = max(choices, key=lambda c: c[:3])
        predicted[~others] = s[~others] >= threshold
        per_fold.append(f1_of(predicted[~others], labels[~others]))
    return f1_of(predicted, labels), per_fold, predicted


def meta_features(items: Sequence[th.LabelledSentence], scores: np.ndarray) -> np.ndarray:
    rows = []
    for item, score in zip(items, scores):
        words = [m.group(0) for m in _WORD.finditer(item.text)]
        capitals = sum(1 for w in words[1:] if w[:1].isupper()) / max(1, len(words) - 1)
        rows.append([score, np.log1p(len(words)), capitals, float(bool(_NUMBER.search(item.text))),
                     float('"' in item.text or "“" in item.text)])
    return np.array(rows)


def stacker(items: Sequence[th.LabelledSentence], labels: np.ndarray) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    def rescore(scores: np.ndarray, others: np.ndarray) -> np.ndarray:
        x = meta_features(items, scores)
        model = fit_logistic(x[others], labels[others].astype(float), np.ones(int(others.sum())), l2=1.0)
        return model.logits(x)
    return rescore


def run(data_dir: Path, variant: str) -> dict[str, object]:
    items = load_items(data_dir)
    labels = np.array([i.uncertain for i in items])
    folds = np.array([th.bucket(i.item_id, salt=SALT) % th.CV_FOLDS for i in items])
    groups = base_groups(data_dir)
    start = time.process_time()
    feature_variant = "base" if variant in ("stack", "l2mean") else variant
    oof = {l2: out_of_fold(feature_variant, items, groups, l2) for l2 in th.L2_GRID}
    if variant == "l2mean":
        oof = {0.0: np.mean(list(oof.values()), axis=0)}
    f1, per_fold, _ = nested(oof, labels, folds, stacker(items, labels) if variant == "stack" else None)
    return {"variant": variant, "salt": SALT, "n": len(items), "nested_f1": round(f1, 4), "per_fold": [round(x, 4) for x in per_fold],
            "cpu_s": round(time.process_time() - start, 1)}


def errors(data_dir: Path, top: int = 40) -> None:
    """Which words the out-of-fold misses hold (base recipe, nested decision), against the hits."""
    items = load_items(data_dir)
    labels = np.array([i.uncertain for i in items])
    folds = np.array([th.bucket(i.item_id, salt=SALT) % th.CV_FOLDS for i in items])
    oof = {l2: out_of_fold("base", items, base_groups(data_dir), l2) for l2 in th.L2_GRID}
    _, _, predicted = nested(oof, labels, folds)
    kinds = {"FN": labels & ~predicted, "TP": labels & predicted, "FP": ~labels & predicted, "TN": ~labels & ~predicted}
    print(json.dumps({k: int(v.sum()) for k, v in kinds.items()}))  # CLI output
    stems_of = [set(_stem(m.group(0).lower()) for m in _WORD.finditer(i.text)) for i in items]
    count = {k: Counter(s for i in np.flatnonzero(v) for s in stems_of[i]) for k, v in kinds.items()}
    # words over-represented in the misses: FN count against all-negative count (TN), at least 8 misses
    rows = []
    for stem, fn in count["FN"].items():
        if fn < 8:
            continue
        tn, tp = count["TN"][stem], count["TP"][stem]
        rows.append((fn / (fn + tn), fn, tn, tp, stem))
    for share, fn, tn, tp, stem in sorted(rows, reverse=True)[:top]:
        print(f"{stem:15s} FN {fn:4d} TN {tn:4d} TP {tp:4d}  uncertain among unmarked {share:.2f}")  # CLI output
    rng = np.random.default_rng(13)
    for kind in ("FN", "FP"):
        print(f"--- sample {kind}")  # CLI output
        for i in rng.choice(np.flatnonzero(kinds[kind]), size=25, replace=False):
            print(f"{oof[1.0][i]:6.2f}  {items[i].text[:160]}")  # CLI output


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING)
    for variant in args[1:]:
        if variant == "errors":
            errors(Path(args[0]))
        else:
            print(json.dumps(run(Path(args[0]), variant)), flush=True)  # CLI output
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
