"""Seventeenth session: where the general hedge scorer loses on WikiWeasel's tune part, by cue family, and whether a
decision per family does better (issue 10 target 2).

    python -m bench.hedges8_study /work/shared/data losses [--salt cv] [--examples 4]
    python -m bench.hedges8_study /work/shared/data offsets            # HEDGES8_SALTS=cv,cv2,cv3 (default)
    python -m bench.hedges8_study /work/shared/data shop
    python -m bench.hedges8_study /work/shared/data pooled [--shares 0.1,0.25] | split-passive | min-count-3 |
        min-count-5 | bagged

Everything reads WikiWeasel's tune part only (sha1(sentence)%100 < 80; the data gives no source article, so the
folds are by the sentence: `bucket(sentence, salt) % 5`, the trainer's for salt "cv") and the shipped recipe's
out-of-fold scores (`bench.hedges3_study`'s cache, /tmp/hedges3/). A fold's decision is nested: the L2 and the
threshold best on the other four folds (`bench.hedges3_study.nested`).

- losses: each sentence's cue family (`cue_family`: the first of attribution without a source, a belief passive,
  peacock or superlative wording, a vague quantity, a speculation word, a generalising adverb, none), and per
  family the sentences, the uncertain ones, true and false positives, misses, with hash-picked examples.
- offsets: the decision with one offset per family added to the score (what the threshold meets), the offsets
  chosen on the other folds by coordinate ascent from zero; compared with the shipped decision fold by fold.
- shop: among the quantity family's sentences, the share the annotators call uncertain and the share of the
  scorer's marks that are right, and tune F1 without the family's marks (is a "many/some/most" mark better shown?).
- pooled: the general scorer trained with BioScope abstracts' tune part beside WikiWeasel's (down-weighted).
- split-passive: the trainer's belief-passive phrase group cut in two (naming participles apart).
- min-count-3, min-count-5: a feature needs more training words to get a weight.
- bagged: the weights of fits on random subsets averaged into one table (L2 fixed at the trainer's 1.0).
Out-of-fold scores of the variants are cached in /tmp/hedges8/.
Nothing here is shipped unless the docs say so; the held-out part is not read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Sequence

import numpy as np

from bench import hedges3_study as h3
from bench import train_hedges as th

SALTS = tuple(os.environ.get("HEDGES8_SALTS", "cv,cv2,cv3").split(","))
OFFSET_GRID = tuple(np.round(np.arange(-1.5, 1.51, 0.25), 2))
_SAYING = r"(?:say|says|said|believe[sd]?|argue[sd]?|claim(?:s|ed)?|consider(?:s|ed)?|feel|felt|think|thought|suggest(?:s|ed)?|contend(?:s|ed)?|maintain(?:s|ed)?|insist(?:s|ed)?)"


def _family(pattern: str, phrases: str) -> re.Pattern[str]:
    """A case-blind pattern: `pattern` or any of the comma-separated phrases as whole words ("a number of")."""
    items = [r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases.split(",")]
    words = r"\b(?:" + "|".join(items) + r")\b"
    return re.compile(f"{pattern}|{words}" if pattern else words, re.I)


# The families, in the order a sentence is given the first that matches (a partition of the sentences).
FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("attribution without a source", re.compile(
        r"\b(?:critics|detractors|skeptics|sceptics|experts|observers|commentators|analysts|scholars|historians|"
        r"some|many|most|others|people|several|fans)\b(?:\s+\w+){0,2}\s+" + _SAYING + r"\b"
        r"|\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:said|believed|held|thought|claimed|argued|"
        r"suggested|reported|rumou?red|alleged|accepted|known|agreed|felt)\b"
        r"|\baccording\s+to\s+(?:some|many|most|critics|experts|sources|reports|others)\b"
        r"|\bthere\s+(?:are|were|have\s+been)\s+(?:\w+\s+)?(?:claims|reports|rumou?rs|suggestions|allegations)\b"
        r"|\b(?:widely|generally|commonly|often)\s+(?:believed|held|thought|regarded|considered|seen|accepted|cited)\b"
        r"|\bcritics\b", re.I)),
    ("belief passive (is considered/regarded)", re.compile(
        r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:considered|regarded|seen|viewed|deemed|"
        r"described|recognized|recognised|acknowledged|thought|believed|said|known|reputed|called|touted|hailed)\b", re.I)),
    ("peacock or superlative", _family(
        r"\b(?:one|some|among)\s+of\s+the\s+(?:most|best|greatest|\w+est)\b|\bthe\s+(?:most|best|greatest)\b",
        "famous, notable, renowned, legendary, influential, acclaimed, prominent, celebrated, iconic, prestigious, "
        "important, significant, major, leading, great, excellent, outstanding, remarkable, popular, well-known, well known")),
    ("vague quantity (some/many/most)", _family("", "some, many, most, several, numerous, various, few, countless, "
                                                    "a number of, lots of")),
    ("speculation word (may/might/likely)", _family("", "may, might, could, possibly, possible, probably, probable, "
        "perhaps, maybe, likely, unlikely, suggest, suggests, appear, appears, seem, seems, apparently, presumably, "
        "allegedly, reportedly, supposedly, speculate, speculated")),
    ("generalising adverb (often/usually)", _family("", "often, usually, generally, commonly, widely, typically, "
        "frequently, sometimes, mostly, largely, mainly, normally, occasionally, arguably")),
)
NO_FAMILY = "none of these"
FAMILY_NAMES = tuple(name for name, _ in FAMILIES) + (NO_FAMILY,)


def cue_family(text: str) -> str:
    """The first family (`FAMILIES`) whose pattern the sentence holds, else `NO_FAMILY`."""
    for name, pattern in FAMILIES:
        if pattern.search(text):
            return name
    return NO_FAMILY


def _pick(text: str, salt: str = "hedges8") -> str:
    return hashlib.sha1((salt + text).encode("utf-8")).hexdigest()


def loss_rows(families: Sequence[str], labels: np.ndarray, predicted: np.ndarray) -> list[dict[str, object]]:
    """Per family: sentences, uncertain, TP, FP, FN, precision and recall within it, and the F1 points the whole
    would gain were the family's errors gone (its share of the loss)."""
    tp_all, fp_all, fn_all = (int(np.sum(predicted & labels)), int(np.sum(predicted & ~labels)),
                              int(np.sum(~predicted & labels)))
    f1_all = 2 * tp_all / max(1, 2 * tp_all + fp_all + fn_all)
    rows = []
    fam = np.array(families)
    for name in FAMILY_NAMES:
        inside = fam == name
        tp, fp, fn = (int(np.sum(predicted & labels & inside)), int(np.sum(predicted & ~labels & inside)),
                      int(np.sum(~predicted & labels & inside)))
        without_fp = 2 * tp_all / max(1, 2 * tp_all + fp_all - fp + fn_all)
        without_fn = 2 * (tp_all + fn) / max(1, 2 * (tp_all + fn) + fp_all + fn_all - fn)
        rows.append({"family": name, "n": int(inside.sum()), "uncertain": int(np.sum(labels & inside)),
                     "tp": tp, "fp": fp, "fn": fn, "precision": round(tp / max(1, tp + fp), 3),
                     "recall": round(tp / max(1, tp + fn), 3),
                     "f1_gain_without_fp": round(without_fp - f1_all, 4), "f1_gain_without_fn": round(without_fn - f1_all, 4)})
    return rows


def fast_f1(scores: np.ndarray, labels: np.ndarray, threshold: float) -> float:
    predicted = scores >= threshold
    tp = float(np.sum(predicted & labels))
    return 2 * tp / max(1.0, 2 * tp + float(np.sum(predicted & ~labels)) + float(np.sum(~predicted & labels)))


def choose_offsets(scores: np.ndarray, labels: np.ndarray, family_ids: np.ndarray, threshold: float,
                   passes: int = 2) -> np.ndarray:
    """One offset per family (added to its sentences' scores) by coordinate ascent from zero at a fixed threshold;
    an offset moves only where it raises F1 on these sentences (ties keep the smaller change)."""
    offsets = np.zeros(len(FAMILY_NAMES))
    for _ in range(passes):
        for f in range(len(FAMILY_NAMES)):
            best = (fast_f1(scores + offsets[family_ids], labels, threshold), -abs(offsets[f]), offsets[f])
            for value in OFFSET_GRID:
                trial = offsets.copy()
                trial[f] = value
                candidate = (fast_f1(scores + trial[family_ids], labels, threshold), -abs(value), value)
                if candidate[:2] > best[:2]:
                    best = candidate
            offsets[f] = best[2]
    return offsets


def nested_offsets(oof: dict[float, np.ndarray], labels: np.ndarray, folds: np.ndarray,
                   family_ids: np.ndarray) -> tuple[float, list[float], list[list[float]]]:
    """Each fold decided with the L2 and threshold best on the other folds (as `h3.nested`) and per-family offsets
    chosen on the other folds at that threshold."""
    predicted = np.zeros(len(labels), dtype=bool)
    per_fold, chosen = [], []
    for fold in range(th.CV_FOLDS):
        others = folds != fold
        choices = []
        for l2, scores in oof.items():
            threshold, f1 = th._best_threshold(scores[others], labels[others], np.zeros(int(others.sum()), dtype=np.int64))
            choices.append((f1, threshold, l2, scores))
        _, threshold, _, scores = max(choices, key=lambda c: c[:3])
        offsets = choose_offsets(scores[others], labels[others], family_ids[others], threshold)
        predicted[~others] = (scores + offsets[family_ids])[~others] >= threshold
        per_fold.append(h3.f1_of(predicted[~others], labels[~others]))
        chosen.append([float(o) for o in offsets])
    return h3.f1_of(predicted, labels), per_fold, chosen


def _setup(data_dir: Path, salt: str):
    items = h3.load_items(data_dir)
    labels = np.array([i.uncertain for i in items])
    folds = np.array([th.bucket(i.item_id, salt=salt) % th.CV_FOLDS for i in items])
    h3.SALT = salt
    groups = h3.base_groups(data_dir)
    oof = {l2: h3.out_of_fold("base", items, groups, l2) for l2 in th.L2_GRID}
    families = [cue_family(i.text) for i in items]
    return items, labels, folds, oof, families


def losses(data_dir: Path, salt: str, examples: int) -> None:
    items, labels, folds, oof, families = _setup(data_dir, salt)
    f1, per_fold, predicted = h3.nested(oof, labels, folds)
    print(json.dumps({"salt": salt, "n": len(items), "nested_f1": round(f1, 4), "per_fold": [round(x, 4) for x in per_fold]}))
    for row in loss_rows(families, labels, predicted):
        print(json.dumps(row))
    for name in FAMILY_NAMES:
        for kind, mask in (("FN", labels & ~predicted), ("FP", ~labels & predicted)):
            picked = sorted((i for i in np.flatnonzero(mask) if families[i] == name), key=lambda i: _pick(items[i].text))
            for i in picked[:examples]:
                print(f"{name[:24]:24s} {kind} {oof[1.0][i]:6.2f}  {items[i].text[:170]}")


def offsets(data_dir: Path) -> None:
    for salt in SALTS:
        items, labels, folds, oof, families = _setup(data_dir, salt)
        family_ids = np.array([FAMILY_NAMES.index(f) for f in families])
        base_f1, base_per_fold, _ = h3.nested(oof, labels, folds)
        f1, per_fold, chosen = nested_offsets(oof, labels, folds, family_ids)
        print(json.dumps({"salt": salt, "base": round(base_f1, 4), "offsets": round(f1, 4),
                          "per_fold_base": [round(x, 4) for x in base_per_fold], "per_fold": [round(x, 4) for x in per_fold],
                          "diff": [round(a - b, 4) for a, b in zip(per_fold, base_per_fold)],
                          "chosen": chosen}), flush=True)


def shop(data_dir: Path) -> None:
    """The quantity family: are the scorer's marks there right more often than wrong?"""
    items, labels, folds, oof, families = _setup(data_dir, "cv")
    _, _, predicted = h3.nested(oof, labels, folds)
    words = re.compile(r"\b(some|many|most|several)\b", re.I)
    counts: Counter[str] = Counter()
    opening = np.zeros(len(items), dtype=bool)
    for i, item in enumerate(items):
        if families[i] != FAMILY_NAMES[3]:
            continue
        first = words.search(item.text)
        opening[i] = bool(first and first.start() == 0)
        where = "opening" if opening[i] else "inside"
        counts[f"{where} n"] += 1
        counts[f"{where} uncertain"] += int(labels[i])
        counts[f"{where} marked"] += int(predicted[i])
        counts[f"{where} marked right"] += int(predicted[i] and labels[i])
    print(json.dumps(dict(sorted(counts.items()))))
    quantity = np.array([f == FAMILY_NAMES[3] for f in families])
    print(json.dumps({"f1": round(h3.f1_of(predicted, labels), 4),
                      "f1_without_quantity_marks": round(h3.f1_of(predicted & ~quantity, labels), 4),
                      "f1_without_opening_quantity_marks": round(h3.f1_of(predicted & ~(quantity & opening), labels), 4)}))


# The belief passive split by what the participle does (seventeenth session): a belief held by nobody named
# ("is thought", "was claimed") against a name, a sighting or a count ("is known as", "is called", "was held in",
# "is estimated at"), which the trainer's one group weighs alike.
NAMING_PARTICIPLES = ("known", "seen", "held", "called", "described", "estimated", "perceived", "acknowledged",
                      "recognized", "recognised")


def split_passive_groups(groups: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """`groups` with "weasel/belief-passive" cut in two: the naming participles' phrases in "weasel/naming-passive"."""
    out = dict(groups)
    phrases = groups["weasel/belief-passive"]
    naming = tuple(p for p in phrases if p.split()[-1] in NAMING_PARTICIPLES)
    out["weasel/belief-passive"] = tuple(p for p in phrases if p not in naming)
    out["weasel/naming-passive"] = naming
    return out


GROUP_VARIANTS = {"split-passive": split_passive_groups}
# Variants of the trainer's constants: a feature must fire on more training words before it gets a weight.
CONSTANT_VARIANTS = {"min-count-3": {"MIN_FEATURE_COUNT": 3}, "min-count-5": {"MIN_FEATURE_COUNT": 5}}


def grouped(data_dir: Path, variant: str) -> None:
    """The general scorer with a variant of the phrase groups, by nested CV on WikiWeasel tune (three draws)."""
    for salt in SALTS:
        items, labels, folds, oof, _ = _setup(data_dir, salt)
        groups = GROUP_VARIANTS.get(variant, dict)(h3.base_groups(data_dir))
        base_f1, base_per_fold, _ = h3.nested(oof, labels, folds)
        saved = {name: getattr(th, name) for name in CONSTANT_VARIANTS.get(variant, {})}
        try:
            for name, value in CONSTANT_VARIANTS.get(variant, {}).items():
                setattr(th, name, value)
            own = {l2: pooled_out_of_fold(items, [], groups, l2, 0.0, salt, tag=variant) for l2 in th.L2_GRID}
        finally:
            for name, value in saved.items():
                setattr(th, name, value)
        f1, per_fold, _ = h3.nested(own, labels, folds)
        print(json.dumps({"salt": salt, "variant": variant, "base": round(base_f1, 4), "nested": round(f1, 4),
                          "per_fold": [round(x, 4) for x in per_fold],
                          "diff": [round(a - b, 4) for a, b in zip(per_fold, base_per_fold)]}), flush=True)


BAG_FITS = 4
BAG_SHARE = 0.8


def averaged_fit(sentences: list, labels: np.ndarray, l2: float, fits: int = BAG_FITS, share: float = BAG_SHARE,
                 seed: int = 17) -> tuple[dict[str, float], float, float]:
    """The trainer's fit on `fits` random subsets (`share` of the sentences each), the weights, token bias and leak
    averaged: one weight table, as cheap to run as the shipped one (a word's logit stays a sum of weights)."""
    rng = np.random.default_rng(seed)
    total: Counter[str] = Counter()
    bias = leak = 0.0
    for _ in range(fits):
        keep = rng.random(len(sentences)) < share
        weights, b, k = th._fit([s for s, x in zip(sentences, keep) if x], labels[keep], l2)
        total.update(weights)
        bias, leak = bias + b, leak + k
    return {f: w / fits for f, w in total.items()}, bias / fits, leak / fits


def bagged(data_dir: Path, l2: float = 1.0) -> None:
    """Weight-averaged fits against the single fit, both at the trainer's L2 (1.0), threshold nested."""
    for salt in SALTS:
        items, labels, folds, oof, _ = _setup(data_dir, salt)
        path = CACHE / f"bag-{BAG_FITS}-{BAG_SHARE}-{l2}-{salt}-{len(items)}-{th.ITERATIONS}.npy"
        if path.exists():
            scores = np.load(path)
        else:
            sentences = th.featurise(items, h3.base_groups(data_dir))
            scores = np.zeros(len(items))
            for fold in range(th.CV_FOLDS):
                inside = folds != fold
                weights, bias, leak = averaged_fit([s for s, k in zip(sentences, inside) if k], labels[inside], l2)
                scores[~inside] = th._score([s for s, k in zip(sentences, inside) if not k], weights, bias, leak)
            CACHE.mkdir(parents=True, exist_ok=True)
            np.save(path, scores)
        base_f1, base_per_fold, _ = h3.nested({l2: oof[l2]}, labels, folds)
        f1, per_fold, _ = h3.nested({l2: scores}, labels, folds)
        print(json.dumps({"salt": salt, "variant": f"bag-{BAG_FITS}", "base_l2_fixed": round(base_f1, 4),
                          "nested": round(f1, 4), "per_fold": [round(x, 4) for x in per_fold],
                          "diff": [round(a - b, 4) for a, b in zip(per_fold, base_per_fold)]}), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("what", choices=("losses", "offsets", "shop", "pooled", "bagged", *GROUP_VARIANTS, *CONSTANT_VARIANTS))
    parser.add_argument("--shares", default=",".join(map(str, POOL_WEIGHTS)))
    parser.add_argument("--salt", default="cv")
    parser.add_argument("--examples", type=int, default=4)
    args = parser.parse_args(argv)
    if args.what == "losses":
        losses(args.data, args.salt, args.examples)
    elif args.what == "offsets":
        offsets(args.data)
    elif args.what in GROUP_VARIANTS or args.what in CONSTANT_VARIANTS:
        grouped(args.data, args.what)
    elif args.what == "bagged":
        bagged(args.data)
    elif args.what == "pooled":
        pooled(args.data, [float(x) for x in args.shares.split(",")])
    else:
        shop(args.data)
    return 0



CACHE = Path("/tmp/hedges8")
POOL_WEIGHTS = (0.1, 0.25)  # the BioScope abstracts' total weight in the loss, as a share of WikiWeasel's


def load_abstracts_tune(data_dir: Path) -> list[th.LabelledSentence]:
    """BioScope abstracts' tune part (sha1(DocID)%100 < 80), empty sentences left out."""
    return [i for i in th.split(th.load_bioscope(data_dir / "hedges" / "bioscope-abstracts.xml.gz"))[0] if i.text]


def pooled_out_of_fold(items: Sequence[th.LabelledSentence], extra: Sequence[th.LabelledSentence],
                       groups: dict[str, tuple[str, ...]], l2: float, share: float, salt: str,
                       tag: str = "pooled") -> np.ndarray:
    """WikiWeasel out-of-fold scores of a general scorer whose every training fold also holds all of `extra`
    (BioScope's speculation), weighted so that `extra` counts `share` of WikiWeasel's training sentences
    (`tag` names the groups in the cache: another variant of the phrase groups)."""
    key = hashlib.sha1(f"{l2}|{share}|{salt}|{len(items)}|{len(extra)}|{th.ITERATIONS}".encode()).hexdigest()[:12]
    path = CACHE / f"{tag}-{share}-{l2}-{salt}-{key}.npy"
    if path.exists():
        return np.load(path)
    sentences = th.featurise(items, groups)
    extra_sentences = th.featurise(extra, groups)
    labels = np.array([i.uncertain for i in items])
    extra_labels = np.array([i.uncertain for i in extra])
    folds = np.array([th.bucket(i.item_id, salt=salt) % th.CV_FOLDS for i in items])
    scores = np.zeros(len(items))
    for fold in range(th.CV_FOLDS):
        inside = folds != fold
        n_in = int(inside.sum())
        weight = np.concatenate([np.ones(n_in), np.full(len(extra), share * n_in / max(1, len(extra)))])
        train = [s for s, k in zip(sentences, inside) if k] + extra_sentences
        weights, bias, leak = th._fit(train, np.concatenate([labels[inside], extra_labels]), l2, weight)
        scores[~inside] = th._score([s for s, k in zip(sentences, inside) if not k], weights, bias, leak)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, scores)
    return scores


def pooled(data_dir: Path, shares: Sequence[float]) -> None:
    """The general scorer trained with BioScope abstracts' tune part beside WikiWeasel's, by nested CV on
    WikiWeasel (the share chosen on the other folds too, among the given ones)."""
    extra = load_abstracts_tune(data_dir)
    for salt in SALTS:
        items, labels, folds, oof, _ = _setup(data_dir, salt)
        groups = h3.base_groups(data_dir)
        base_f1, base_per_fold, _ = h3.nested(oof, labels, folds)
        for share in shares:
            own = {l2: pooled_out_of_fold(items, extra, groups, l2, share, salt) for l2 in th.L2_GRID}
            f1, per_fold, _ = h3.nested(own, labels, folds)
            print(json.dumps({"salt": salt, "share": share, "base": round(base_f1, 4), "pooled": round(f1, 4),
                              "per_fold": [round(x, 4) for x in per_fold],
                              "diff": [round(a - b, 4) for a, b in zip(per_fold, base_per_fold)]}), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
