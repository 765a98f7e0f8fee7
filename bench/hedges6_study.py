"""Fifteenth session: other model families for the general hedge scorer, by nested CV on WikiWeasel's train part.

    python -m bench.hedges6_study /work/shared/data FAMILY [FAMILY ...]    # HEDGES6_SALTS=cv,cv2,cv3 (default)

Everything reads WikiWeasel's train part only (sha1(sentence)%100 < 80) and follows the thirteenth session's
protocol (`bench.hedges3_study`): out-of-fold scores of a 5-fold CV (folds `bucket(id, salt) % 5`) for every
setting of a family's grid, then each fold is decided at the setting and threshold best on the other four folds'
out-of-fold scores ("nested"). The shipped recipe's out-of-fold scores come from `bench.hedges3_study` (its
cache, /tmp/hedges3/), so every family is compared with it on the same folds of three fold draws (15 paired folds).

Families (none is the shipped noisy-or over stems, pairs and phrases):
- nblr: NB-SVM in logistic form (Wang & Manning 2012): binary word uni+bigrams, each scaled by its naive Bayes
  log-count ratio from the training folds, then an L2 logistic model; grid over the L2 strength.
- lr: the same without the ratios (a plain bag-of-n-grams logistic model), the obvious reference for nblr.
- char: binary character 3-5-grams within words (" may ", "ikel"), L2 logistic model.
- perceptron: an averaged perceptron over word uni+bigrams; grid over the number of epochs.
- trees: gradient-boosted depth-2 trees over word uni+bigrams (two words can act together); grid over rounds.
- trees-recipe: the same trees over the shipped recipe's features of the sentence (stems, stem pairs, phrase
  groups, cue patterns), so the recipe's evidence can interact instead of adding up in a noisy-or.
- ens-<family>: the shipped recipe's log-odds plus a weight times the family's (standardised on the training
  folds), the weight and both grids chosen on the other folds too.

    python -m bench.hedges6_study /work/shared/data bound    # optimistic bound on any such ensemble (not nested)

Out-of-fold scores are cached in /tmp/hedges6/. Nothing here is shipped unless the docs say so.
"""

from __future__ import annotations

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

from bench import hedges3_study as h3
from bench import train_hedges as th

CACHE = Path("/tmp/hedges6")
SALTS = tuple(os.environ.get("HEDGES6_SALTS", "cv,cv2,cv3").split(","))
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")
LR_L2 = (1.0, 3.0, 10.0)  # L2 strength (sum of the loss over sentences + l2/2 |w|^2)
NB_L2 = (3.0, 10.0, 30.0)
CHAR_L2 = (30.0, 100.0, 300.0)
PERCEPTRON_EPOCHS = (1, 2, 3)
TREE_ROUNDS = (200, 400, 800)
ENSEMBLE_WEIGHTS = (0.1, 0.25, 0.5)  # the family's standardised score's weight beside the shipped log-odds' (1)
MIN_COUNT = 2  # an n-gram must occur in at least this many training sentences
STEPS = 300
log = logging.getLogger(__name__)


def word_ngrams(text: str) -> set[str]:
    """Lower-cased words and punctuation, and neighbour pairs, with sentence start and end marks."""
    tokens = ["<s>", *_TOKEN.findall(text.lower().replace("’", "'")), "</s>"]
    return set(tokens[1:-1]) | {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}


def char_ngrams(text: str, sizes: Sequence[int] = (3, 4, 5)) -> set[str]:
    """Character n-grams inside each word padded with spaces (" may ", "ikel"), lower-cased."""
    grams: set[str] = set()
    for word in _TOKEN.findall(text.lower().replace("’", "'")):
        padded = f" {word} "
        for n in sizes:
            grams.update(padded[i:i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


class Matrix:
    """Binary sentence-by-feature matrix as index arrays (rows, cols), features kept if in `MIN_COUNT` rows."""

    def __init__(self, feature_sets: Sequence[set[str]], vocabulary: dict[str, int] | None = None) -> None:
        if vocabulary is None:
            counts = Counter(f for features in feature_sets for f in features)
            vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
        self.vocabulary = vocabulary
        rows, cols = [], []
        for r, features in enumerate(feature_sets):
            ids = [vocabulary[f] for f in features if f in vocabulary]
            rows += [r] * len(ids)
            cols += ids
        self.rows, self.cols = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
        self.n, self.d = len(feature_sets), len(vocabulary)

    def dot(self, w: np.ndarray, values: np.ndarray | None = None) -> np.ndarray:
        v = w[self.cols] if values is None else w[self.cols] * values
        return np.bincount(self.rows, weights=v, minlength=self.n)

    def t_dot(self, g: np.ndarray, values: np.ndarray | None = None) -> np.ndarray:
        v = g[self.rows] if values is None else g[self.rows] * values
        return np.bincount(self.cols, weights=v, minlength=self.d)


def nb_ratios(x: Matrix, labels: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Naive Bayes log-count ratio of each feature: log of its smoothed share among uncertain sentences over
    its share among certain ones."""
    positive = x.t_dot(labels.astype(float)) + alpha
    negative = x.t_dot((~labels).astype(float)) + alpha
    return np.log(positive / positive.sum()) - np.log(negative / negative.sum())


def fit_sparse_logistic(x: Matrix, labels: np.ndarray, l2: float, values: np.ndarray | None = None,
                        steps: int = STEPS) -> tuple[np.ndarray, float]:
    """L2 logistic regression (bias unpenalised) by full-batch Adam; `values` scales each feature (NB ratios)."""
    y = labels.astype(float)
    w, b = np.zeros(x.d), np.zeros(1)
    states = [[np.zeros_like(w), np.zeros_like(w)], [np.zeros(1), np.zeros(1)]]
    per_entry = None if values is None else values[x.cols]
    for t in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(x.dot(w, per_entry) + b[0])))
        g = p - y
        th._adam_step(w, (x.t_dot(g, per_entry) + l2 * w) / x.n, states[0], t, rate=0.05)
        th._adam_step(b, np.array([g.sum() / x.n]), states[1], t, rate=0.05)
    return w, float(b[0])


def fit_averaged_perceptron(x: Matrix, labels: np.ndarray, epochs: int, seed: int = 0) -> tuple[np.ndarray, float]:
    """Averaged perceptron (weights summed after every example), examples in a fixed shuffled order per epoch."""
    order_of = np.argsort(x.rows, kind="stable")
    starts = np.searchsorted(x.rows[order_of], np.arange(x.n + 1))
    row_cols = [x.cols[order_of[starts[r]:starts[r + 1]]] for r in range(x.n)]
    y = np.where(labels, 1.0, -1.0)
    w, total, b, b_total = np.zeros(x.d), np.zeros(x.d), 0.0, 0.0
    stamp = np.zeros(x.d)  # lazy averaging: total += w * (steps since a weight last changed)
    b_stamp, step = 0, 0
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for r in rng.permutation(x.n):
            step += 1
            cols = row_cols[r]
            if y[r] * (w[cols].sum() + b) <= 0:
                total[cols] += w[cols] * (step - stamp[cols])
                stamp[cols] = step
                w[cols] += y[r]
                b_total += b * (step - b_stamp)
                b_stamp = step
                b += y[r]
    total += w * (step - stamp)
    b_total += b * (step - b_stamp)
    return total / step, b_total / step


def fit_boosted_trees(x: Matrix, labels: np.ndarray, rounds: int, rate: float = 0.1, l2: float = 1.0,
                      min_hessian: float = 1.0) -> list[tuple[int, int, int, float, float, float, float]]:
    """Gradient-boosted depth-2 trees on binary features (logistic loss, Newton leaves): each tree splits on the
    presence of one feature, then each side on another, so two words can act together ("may" with a name near).
    A tree is (root, left feature, right feature, four leaf values: absent/absent, absent/present, present/absent,
    present/present of (root, side feature))."""
    y = labels.astype(float)
    prior = float(np.log((y.sum() + 1) / (len(y) - y.sum() + 1)))
    margin = np.full(x.n, prior)
    trees: list[tuple[int, int, int, float, float, float, float]] = [(-1, -1, -1, prior, prior, prior, prior)]

    def best_split(g: np.ndarray, h: np.ndarray, rows: np.ndarray) -> int:
        gl, hl = x.t_dot(g * rows), x.t_dot(h * rows)
        gt, ht = float((g * rows).sum()), float((h * rows).sum())
        gain = gl**2 / (hl + l2) + (gt - gl)**2 / (ht - hl + l2)
        gain[(hl < min_hessian) | (ht - hl < min_hessian)] = -np.inf  # a side must hold a few sentences
        return int(np.argmax(gain))

    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-margin))
        g, h = y - p, p * (1 - p)
        everyone = np.ones(x.n)
        root = best_split(g, h, everyone)
        has_root = x.dot(np.eye(1, x.d, root)[0]) > 0
        sides = []
        for side in (~has_root, has_root):
            feature = best_split(g, h, side.astype(float))
            sides.append((feature, x.dot(np.eye(1, x.d, feature)[0]) > 0))
        leaves = []
        for s, side in enumerate((~has_root, has_root)):
            for present in (False, True):
                rows = side & (sides[s][1] == present)
                leaves.append(rate * float(g[rows].sum()) / (float(h[rows].sum()) + l2))
        for s, side in enumerate((~has_root, has_root)):
            for k, present in enumerate((False, True)):
                margin[side & (sides[s][1] == present)] += leaves[2 * s + k]
        trees.append((root, sides[0][0], sides[1][0], *leaves))
    return trees


def score_boosted_trees(x: Matrix, trees: list[tuple[int, int, int, float, float, float, float]]) -> np.ndarray:
    present = [set() for _ in range(x.n)]
    for r, c in zip(x.rows.tolist(), x.cols.tolist()):
        present[r].add(c)
    out = np.full(x.n, trees[0][3])
    for root, left, right, *leaves in trees[1:]:
        for r in range(x.n):
            if root in present[r]:
                out[r] += leaves[2 + (right in present[r])]
            else:
                out[r] += leaves[left in present[r]]
    return out


def family_features(family: str) -> Callable[[str], set[str]]:
    return char_ngrams if family == "char" else word_ngrams


def fit_and_score(family: str, setting: float, train: Matrix, labels: np.ndarray, test: Matrix) -> np.ndarray:
    """Fit `family` at `setting` (L2 or epochs) on `train`, return the log-odds (or margin) of `test`'s rows."""
    if family == "nblr":
        ratios = nb_ratios(train, labels)
        w, b = fit_sparse_logistic(train, labels, setting, ratios)
        return test.dot(w, ratios[test.cols]) + b
    if family in ("lr", "char"):
        w, b = fit_sparse_logistic(train, labels, setting)
        return test.dot(w) + b
    if family == "perceptron":
        w, b = fit_averaged_perceptron(train, labels, int(setting))
        return test.dot(w) + b
    if family in ("trees", "trees-recipe"):
        return score_boosted_trees(test, fit_boosted_trees(train, labels, int(setting)))
    raise ValueError(family)


GRIDS = {"nblr": NB_L2, "lr": LR_L2, "char": CHAR_L2, "perceptron": PERCEPTRON_EPOCHS, "trees": TREE_ROUNDS,
         "trees-recipe": TREE_ROUNDS}


def family_out_of_fold(family: str, items: Sequence[th.LabelledSentence], salt: str,
                       groups: dict[str, tuple[str, ...]] | None = None) -> dict[float, np.ndarray]:
    """Out-of-fold scores of `family` at each setting of its grid (cached); `groups` are the recipe's phrase
    groups (for "trees-recipe")."""
    results: dict[float, np.ndarray] = {}
    missing = []
    for setting in GRIDS[family]:
        path = CACHE / f"oof-{family}-{setting}-{salt}-{len(items)}-{STEPS}.npy"
        if path.exists():
            results[setting] = np.load(path)
        else:
            missing.append(setting)
    if not missing:
        return results
    if family == "trees-recipe":  # the shipped recipe's features (stems, pairs, groups, cues), per sentence
        feature_sets = [set().union(*tokens) for tokens in th.featurise(items, groups or {})]
    else:
        feature_sets = [family_features(family)(i.text) for i in items]
    labels = np.array([i.uncertain for i in items])
    folds = np.array([th.bucket(i.item_id, salt=salt) % th.CV_FOLDS for i in items])
    scores = {s: np.zeros(len(items)) for s in missing}
    for fold in range(th.CV_FOLDS):
        inside = folds != fold
        train = Matrix([f for f, k in zip(feature_sets, inside) if k])
        test = Matrix([f for f, k in zip(feature_sets, inside) if not k], train.vocabulary)
        for setting in missing:
            scores[setting][~inside] = fit_and_score(family, setting, train, labels[inside], test)
    CACHE.mkdir(parents=True, exist_ok=True)
    for setting in missing:
        np.save(CACHE / f"oof-{family}-{setting}-{salt}-{len(items)}-{STEPS}.npy", scores[setting])
        results[setting] = scores[setting]
    return dict(sorted(results.items()))


def nested_choice(candidates: dict[str, np.ndarray], labels: np.ndarray, folds: np.ndarray) -> tuple[float, list[float], list[str]]:
    """Each fold decided at the candidate (a named score vector) and threshold best on the other folds;
    ties go to the candidate named first."""
    predicted = np.zeros(len(labels), dtype=bool)
    per_fold, chosen = [], []
    for fold in range(th.CV_FOLDS):
        others = folds != fold
        best: tuple[float, float, str] | None = None
        for name, scores in candidates.items():
            threshold, f1 = th._best_threshold(scores[others], labels[others], np.zeros(int(others.sum()), dtype=np.int64))
            if best is None or f1 > best[0]:
                best = (f1, threshold, name)
        assert best is not None
        _, threshold, name = best
        predicted[~others] = candidates[name][~others] >= threshold
        per_fold.append(h3.f1_of(predicted[~others], labels[~others]))
        chosen.append(f"{name} @ {threshold:.3f}")
    return h3.f1_of(predicted, labels), per_fold, chosen


def standardised_per_fold(scores: np.ndarray, folds: np.ndarray) -> np.ndarray:
    """Scores divided by their standard deviation within each fold (each fold's scores come from another model;
    the scale uses no labels)."""
    out = np.empty_like(scores)
    for fold in np.unique(folds):
        part = folds == fold
        out[part] = scores[part] / max(float(scores[part].std()), 1e-9)
    return out


def candidates_for(variant: str, items: Sequence[th.LabelledSentence], salt: str, folds: np.ndarray,
                   groups: dict[str, tuple[str, ...]]) -> dict[str, np.ndarray]:
    """The named out-of-fold score vectors a variant chooses among."""
    base = {f"base l2={l2}": oof_base(items, groups, l2, salt) for l2 in th.L2_GRID}
    if variant == "base":
        return base
    if variant.startswith("ens-"):
        family = variant[4:]
        own = {s: standardised_per_fold(v, folds) for s, v in family_out_of_fold(family, items, salt, groups).items()}
        out = {}
        for base_name, base_scores in base.items():
            scale = standardised_per_fold(base_scores, folds)
            for setting, scores in own.items():
                for weight in ENSEMBLE_WEIGHTS:
                    out[f"{base_name} + {weight} x {family}={setting}"] = scale + weight * scores
        return out
    return {f"{variant}={s}": v for s, v in family_out_of_fold(variant, items, salt, groups).items()}


def oof_base(items: Sequence[th.LabelledSentence], groups: dict[str, tuple[str, ...]], l2: float, salt: str) -> np.ndarray:
    """The shipped recipe's out-of-fold scores on the folds of `salt` (the thirteenth session's cache)."""
    h3.SALT = salt
    return h3.out_of_fold("base", items, groups, l2)


def run(data_dir: Path, variant: str) -> list[dict[str, object]]:
    items = h3.load_items(data_dir)
    labels = np.array([i.uncertain for i in items])
    groups = h3.base_groups(data_dir)
    rows = []
    for salt in SALTS:
        folds = np.array([th.bucket(i.item_id, salt=salt) % th.CV_FOLDS for i in items])
        start = time.process_time()
        f1, per_fold, chosen = nested_choice(candidates_for(variant, items, salt, folds, groups), labels, folds)
        _, base_per_fold, _ = nested_choice(candidates_for("base", items, salt, folds, groups), labels, folds)
        rows.append({"variant": variant, "salt": salt, "nested_f1": round(f1, 4),
                     "per_fold": [round(x, 4) for x in per_fold],
                     "diff_vs_base": [round(a - b, 4) for a, b in zip(per_fold, base_per_fold)],
                     "chosen": chosen, "cpu_s": round(time.process_time() - start, 1)})
    return rows


FAMILIES = ("nblr", "lr", "char", "perceptron", "trees", "trees-recipe")
BOUND_WEIGHTS = (0.05, 0.1, 0.25, 0.5, 1.0)


def ensemble_bound(data_dir: Path, salt: str) -> dict[str, object]:
    """An optimistic bound on any ensemble of the shipped scorer (L2 1.0) with a family: the out-of-fold F1 at the
    weight, setting and threshold best on all five folds (not nested, so above what a chosen ensemble can get),
    minus the shipped scorer's own best out-of-fold F1 on the same folds."""
    items = h3.load_items(data_dir)
    labels = np.array([i.uncertain for i in items])
    groups = h3.base_groups(data_dir)
    folds = np.array([th.bucket(i.item_id, salt=salt) % th.CV_FOLDS for i in items])
    one_corpus = np.zeros(len(items), dtype=np.int64)
    base = standardised_per_fold(oof_base(items, groups, 1.0, salt), folds)
    base_f1 = th._best_threshold(base, labels, one_corpus)[1]
    row: dict[str, object] = {"salt": salt, "base_oof_best_f1": round(base_f1, 4)}
    for family in FAMILIES:
        own = family_out_of_fold(family, items, salt, groups)
        best = max((th._best_threshold(base + w * standardised_per_fold(v, folds), labels, one_corpus)[1], w, setting)
                   for setting, v in own.items() for w in BOUND_WEIGHTS)
        row[family] = {"gain": round(best[0] - base_f1, 4), "weight": best[1], "setting": best[2]}
    return row


def summary(rows: Sequence[dict[str, object]], base_f1: Sequence[float]) -> dict[str, object]:
    """A variant over the fold draws: its mean, the paired per-fold difference to the shipped recipe, its gain in
    each draw, and the shipped recipe's draw-to-draw spread (the bar a gain must clear in every draw)."""
    diffs = np.array([d for row in rows for d in row["diff_vs_base"]])  # type: ignore[union-attr]
    gains = [round(float(row["nested_f1"]) - b, 4) for row, b in zip(rows, base_f1)]  # type: ignore[arg-type]
    spread = round(max(base_f1) - min(base_f1), 4)
    return {"variant": rows[0]["variant"], "mean_nested_f1": round(float(np.mean([r["nested_f1"] for r in rows])), 4),
            "paired_mean": round(float(diffs.mean()), 4), "paired_sd": round(float(diffs.std(ddof=1)), 4),
            "folds_up": f"{int((diffs > 0).sum())} of {len(diffs)}", "gain_per_draw": gains,
            "base_draw_spread": spread, "clears_spread_every_draw": all(g > spread for g in gains)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING)
    if args[1:] == ["bound"]:
        for salt in SALTS:
            print(json.dumps(ensemble_bound(Path(args[0]), salt)), flush=True)  # CLI output
        return 0
    base_rows = run(Path(args[0]), "base")
    base_f1 = [float(r["nested_f1"]) for r in base_rows]  # type: ignore[arg-type]
    for variant in args[1:]:
        rows = base_rows if variant == "base" else run(Path(args[0]), variant)
        for row in rows:
            print(json.dumps(row), flush=True)  # CLI output
        print(json.dumps({"summary": summary(rows, base_f1)}), flush=True)  # CLI output
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
