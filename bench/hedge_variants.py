"""Nested cross-validation of variants of the hedge scorers' recipe, inside the train parts (tenth session).

    python -m bench.hedge_variants /work/shared/data VARIANT [VARIANT ...]

Each variant prints one JSON line: the pooled nested-CV F1 and the F1 of each of the trainer's five folds
(`bench.hedges.nested_cv_f1`: each fold scored at the L2 and threshold best on the other four), so two
variants compare fold by fold. Variants (WikiWeasel train part, general scorer, unless "bio-"):

- base: the shipped recipe; bio-base: the scientific scorer's (BioScope abstracts train part);
- groups: three more weasel phrase groups (peacock words, vague quantities, unsourced attribution);
- front: each of a sentence's first four words also as "front:<stem>" (a weasel subject: "Many critics ...");
- front-groups: both; skip: stem pairs two words apart ("l2:", "r2:");
- pairP-groupG: L2 of the neighbour-pair features times P, of phrase groups and cue patterns times G;
- grid, bio-grid: a wider L2 grid for the nested choice.

Nothing here is shipped: the trainer (`bench.train_hedges`) is unchanged, and the test parts are not read.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

import bench.hedges as bench_hedges
from bench import train_hedges as th
from bot.digest.hedges.scorer import _WORD, _stem


def extra_groups() -> dict[str, tuple[str, ...]]:
    peacock = ("famous", "renowned", "notable", "noted", "acclaimed", "prominent", "legendary", "celebrated",
               "influential", "popular", "iconic", "prestigious", "well-known", "highly regarded", "critically acclaimed",
               "world famous", "best known", "most famous", "most popular", "widely regarded", "highly respected",
               "very popular", "extremely popular", "significant", "important", "major", "great", "successful")
    vague_quantity = ("many", "some", "several", "numerous", "various", "most", "countless", "a number of", "a few",
                      "a lot of", "lots of", "much of", "a great deal", "a large number", "plenty of", "often", "sometimes")
    unsourced = ("has been described", "have been described", "has been called", "have been called",
                 "has been criticized", "has been criticised", "have criticized", "have criticised",
                 "has been praised", "has been cited", "is often cited", "has been compared", "is sometimes referred",
                 "is often referred", "is sometimes called", "is often called", "has been suggested", "have suggested",
                 "has been argued", "has been claimed", "has been noted", "has been speculated", "there is speculation",
                 "there are claims", "there are reports", "rumors", "rumours", "speculation", "controversy",
                 "some say", "some claim", "some believe", "some argue", "many believe", "many say", "many consider")
    groups = {"weasel/peacock": peacock, "weasel/vague-quantity": vague_quantity, "weasel/unsourced": unsourced}
    return {name: tuple(" ".join(th.words_of(p)) for p in phrases) for name, phrases in groups.items()}


def with_position_features(featurise: Callable, skip: bool, front: bool) -> Callable:
    """The trainer's `featurise` with stem pairs two words apart (`skip`) and sentence-front stems (`front`) added."""

    def featurise_more(items: Sequence[th.LabelledSentence], groups: dict[str, tuple[str, ...]]) -> list[list[frozenset[str]]]:
        out = []
        for item, tokens in zip(items, featurise(items, groups)):
            stems = [_stem(m.group(0).lower().replace("’", "'")) for m in _WORD.finditer(item.text)]
            new = []
            for i, features in enumerate(tokens):
                extra = set()
                if skip:
                    extra |= {f"l2:{stems[i - 2] if i >= 2 else '<s>'} {stems[i]}",
                              f"r2:{stems[i]} {stems[i + 2] if i + 2 < len(stems) else '<s>'}"}
                if front and i < 4:
                    extra.add("front:" + stems[i])
                new.append(features | extra)
            out.append(new)
        return out

    return featurise_more


def fit_with_family_l2(pair: float, group: float) -> Callable:
    """`train_hedges._fit` with the L2 of pair features times `pair` and of lex:/cue:/kind: features times `group`."""

    def scale_of(name: str) -> float:
        if name.startswith(("l:", "r:")):
            return pair
        return group if name.startswith(("lex:", "cue:", "kind:")) else 1.0

    def fit(sentences, labels, l2, weight=None):
        counts = Counter(f for tokens in sentences for features in tokens for f in features)
        names = sorted(f for f, c in counts.items() if c >= th.MIN_FEATURE_COUNT)
        scale = np.array([scale_of(f) for f in names])
        index = {f: i for i, f in enumerate(names)}
        token_sentence, token_ids, feature_ids = [], [], []
        for s, tokens in enumerate(sentences):
            for features in tokens:
                ids = [index[f] for f in features if f in index]
                token_ids += [len(token_sentence)] * len(ids)
                feature_ids += ids
                token_sentence.append(s)
        rows, cols, owner = np.array(token_ids), np.array(feature_ids), np.array(token_sentence)
        n, d, n_tokens = len(sentences), len(names), len(token_sentence)
        y = labels.astype(float)
        sw = np.ones(n) if weight is None else np.asarray(weight, dtype=float) * n / float(np.sum(weight))
        w, bias, leak = np.zeros(d), np.array([-4.0]), np.array([-2.0])
        states = [[np.zeros_like(p), np.zeros_like(p)] for p in (w, bias, leak)]
        for t in range(1, th.ITERATIONS + 1):  # `train_hedges._fit`'s loop, the L2 term scaled per feature
            z = np.bincount(rows, weights=w[cols], minlength=n_tokens) + bias[0]
            q = 1.0 / (1.0 + np.exp(-z))
            q0 = 1.0 / (1.0 + np.exp(-leak[0]))
            log_none = np.bincount(owner, weights=np.log1p(-np.minimum(q, 1 - 1e-9)), minlength=n) + np.log1p(-q0)
            p = np.clip(1.0 - np.exp(log_none), 1e-7, 1 - 1e-7)
            d_log_none = sw * (y * (1 - p) / p - (1 - y))
            dz = -q * d_log_none[owner]
            th._adam_step(w, np.bincount(cols, weights=dz[rows], minlength=d) / n + l2 * scale * w / n, states[0], t)
            th._adam_step(bias, np.array([dz.sum() / n]), states[1], t)
            th._adam_step(leak, np.array([(-q0 * d_log_none).sum() / n]), states[2], t)
        return {names[i]: float(w[i]) for i in range(d) if abs(w[i]) >= th.PRUNE_BELOW}, float(bias[0]), float(leak[0])

    return fit


def run_variant(data_dir: Path, variant: str) -> dict[str, object]:
    hedges = data_dir / "hedges"
    groups = th.load_lexicon_groups(hedges / "lexicon")
    original_featurise, original_fit = bench_hedges.featurise, th._fit
    grid: Sequence[float] = th.L2_GRID
    try:
        if variant.startswith("bio-"):
            items = [i for i in th.split(th.load_bioscope(hedges / "bioscope-abstracts.xml.gz"))[0] if i.text]
            if variant == "bio-grid":
                grid = (0.3, 0.5, 0.7, 1.0, 1.5, 2.0)
        else:
            items = [i for i in th.split(th.load_wikiweasel(hedges / "wikiweasel-train.csv.gz"))[0] if i.text]
            groups = {**groups, **th.weasel_phrase_groups(), **(extra_groups() if "groups" in variant and not variant.startswith("pair") else {})}
            if variant == "grid":
                grid = (0.5, 0.7, 1.0, 1.5, 2.0)
            if variant in ("front", "front-groups", "skip"):
                bench_hedges.featurise = with_position_features(original_featurise, variant == "skip", variant != "skip")
            family = re.fullmatch(r"pair([\d.]+)-group([\d.]+)", variant)
            if family:
                th._fit = fit_with_family_l2(float(family.group(1)), float(family.group(2)))
        start = time.process_time()
        f1, per_fold = bench_hedges.nested_cv_f1(items, groups, grid)
    finally:
        bench_hedges.featurise, th._fit = original_featurise, original_fit
    return {"variant": variant, "n": len(items), "nested_f1": round(f1, 4), "per_fold": [round(x, 4) for x in per_fold],
            "cpu_s": round(time.process_time() - start, 1)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for variant in args[1:]:
        print(json.dumps(run_variant(Path(args[0]), variant)), flush=True)  # CLI output
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
