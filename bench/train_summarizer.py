"""Fit the summarizer's scorer on the CNN Corpus train split and choose its settings on dev.

    python -m bench.train_summarizer /work/shared/data [--write]

Each candidate sentence of a train article is labelled from two sources: its
membership in the extractive gold summary, and membership in a greedy ROUGE
oracle (the three sentences that best cover the highlights). A logistic
regression (L2, Newton's method; no extra dependency) is fitted on the train
split for each label mix and penalty; the mix, the penalty and the redundancy
discount are chosen on dev by mean ROUGE-1 plus ROUGE-2 plus gold F1 at three
sentences. The test split is never read. `--write` stores the chosen model in
bot/digest/summarize/weights.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import pathlib
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rouge_score.tokenizers import DefaultTokenizer

from bench.summaries import CNN_FILE, Example, Scores, load_cnn, score
from bot.digest.language.language_detector import language_for
from bot.digest.models import Language
from bot.digest.summarize.features import FEATURE_NAMES, Candidates, candidates
from bot.digest.summarize.summarizer import Model, select

log = logging.getLogger(__name__)

WEIGHTS_PATH = pathlib.Path(__file__).resolve().parent.parent / "bot" / "digest" / "summarize" / "weights.json"
ORACLE_SIZE = 3
LABEL_MIXES = (0.0, 0.5, 1.0)  # weight of the gold label against the oracle label
PENALTIES = (0.1, 1.0, 10.0)
REDUNDANCIES = (0.0, 0.1, 0.2, 0.35, 0.5)


@dataclass
class Prepared:
    example: Example
    found: Candidates
    gold: np.ndarray  # 1.0 where the candidate is in the gold summary
    oracle: np.ndarray  # 1.0 where the candidate is in the greedy ROUGE oracle


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def greedy_oracle(tokens: list[list[str]], reference: list[str], size: int) -> set[int]:
    """Greedily add the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the reference."""
    ref1, ref2 = _ngrams(reference, 1), _ngrams(reference, 2)
    chosen: list[int] = []
    best_value = 0.0
    while len(chosen) < size:
        best = None
        for k in range(len(tokens)):
            if k in chosen:
                continue
            joined = [t for j in sorted(chosen + [k]) for t in tokens[j]]
            value = _f1(_ngrams(joined, 1), ref1) + _f1(_ngrams(joined, 2), ref2)
            if value > best_value:
                best, best_value = k, value
        if best is None:
            break
        chosen.append(best)
    return set(chosen)


def prepare(examples: Sequence[Example], language: Language) -> list[Prepared]:
    tokenizer = DefaultTokenizer(use_stemmer=True)
    prepared = []
    for example in examples:
        found = candidates(example.sentences, example.title, language)
        if not found.indices:
            continue
        tokens = [tokenizer.tokenize(example.sentences[i].text) for i in found.indices]
        reference = tokenizer.tokenize(" ".join(example.reference))
        oracle = greedy_oracle(tokens, reference, ORACLE_SIZE)
        prepared.append(
            Prepared(
                example=example,
                found=found,
                gold=np.asarray([float(i in example.gold) for i in found.indices]),
                oracle=np.asarray([float(k in oracle) for k in range(len(found.indices))]),
            )
        )
    return prepared


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float, iterations: int = 30) -> np.ndarray:
    """L2-penalised logistic regression with soft labels, by Newton's method (the bias, column 0, is not penalised)."""
    weights = np.zeros(x.shape[1])
    ridge = penalty * np.eye(x.shape[1])
    ridge[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) + ridge @ weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return weights


def standardise(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    scale[scale == 0] = 1.0
    return mean, scale


def train(prepared: Sequence[Prepared], mix: float, penalty: float, redundancy: float) -> Model:
    features = np.vstack([p.found.features for p in prepared])
    labels = np.concatenate([mix * p.gold + (1 - mix) * p.oracle for p in prepared])
    mean, scale = standardise(features)
    weights = fit_logistic((features - mean) / scale, labels, penalty)
    return Model(weights=weights, mean=mean, scale=scale, redundancy=redundancy)


def dev_scores(prepared: Sequence[Prepared], model: Model, language: Language, count: int = 3) -> Scores:
    by_id = {p.example.id: p for p in prepared}

    def system(example: Example, _language: Language, n: int) -> list[int]:
        found = by_id[example.id].found
        return select(found, model.score(found.features), n, model.redundancy)

    return score([p.example for p in prepared], system, language, count)


SUMY_FEATURES = ("lexrank", "textrank", "luhn", "reduction", "sumbasic", "lexrank_rank", "textrank_rank", "luhn_rank")
POSITION_FEATURES = (
    "first", "second", "third", "inverse_rank", "log_rank", "relative_position",
    "first_in_paragraph", "inverse_paragraph", "lead_x_centroid", "lead_x_title",
)


def without(prepared: Sequence[Prepared], names: Sequence[str]) -> list[Prepared]:
    """The same data with some features held at zero, which takes them out of the model."""
    columns = [FEATURE_NAMES.index(name) for name in names]
    result = []
    for p in prepared:
        features = p.found.features.copy()
        features[:, columns] = 0.0
        found = Candidates(p.found.indices, features, p.found.terms)
        result.append(Prepared(p.example, found, p.gold, p.oracle))
    return result


def print_ablation(train_set, dev_set, mix: float, penalty: float, redundancy: float, language: Language) -> None:
    """What each group of evidence adds, on dev, with the chosen settings."""
    groups = (("all features", ()), ("without sumy's ratings", SUMY_FEATURES), ("without position", POSITION_FEATURES))
    for label, names in groups:
        model = train(without(train_set, names), mix, penalty, redundancy)
        scores = dev_scores(without(dev_set, names), model, language)
        print(
            f"dev, {label}: R1 {scores.rouge1:.2f} R2 {scores.rouge2:.2f} "
            f"RLsum {scores.rouge_lsum:.2f} gold F1 {scores.gold_f1:.4f}"
        )


def objective(scores: Scores) -> float:
    return scores.rouge1 + scores.rouge2 + 100 * (scores.gold_f1 or 0.0)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("--write", action="store_true", help=f"store the chosen model in {WEIGHTS_PATH}")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    english = language_for("en")
    train_set = prepare(load_cnn(args.data_dir / CNN_FILE, ("train",)), english)
    dev_set = prepare(load_cnn(args.data_dir / CNN_FILE, ("dev",)), english)
    print(f"train {len(train_set)} articles, dev {len(dev_set)} articles")

    best: tuple[float, float, float, float] | None = None
    best_value = -1.0
    for mix in LABEL_MIXES:
        for penalty in PENALTIES:
            model = train(train_set, mix, penalty, 0.0)
            for redundancy in REDUNDANCIES:
                model = Model(model.weights, model.mean, model.scale, redundancy)
                scores = dev_scores(dev_set, model, english)
                value = objective(scores)
                print(
                    f"mix={mix} penalty={penalty} redundancy={redundancy}: R1 {scores.rouge1:.2f} "
                    f"R2 {scores.rouge2:.2f} RLsum {scores.rouge_lsum:.2f} gold F1 {scores.gold_f1:.4f}"
                )
                if value > best_value:
                    best, best_value = (mix, penalty, redundancy, value), value
    assert best is not None
    mix, penalty, redundancy, _ = best
    print(f"chosen on dev: mix={mix} penalty={penalty} redundancy={redundancy}")
    model = train(train_set, mix, penalty, redundancy)
    for name, weight in zip(FEATURE_NAMES, model.weights):
        print(f"  {name:20s} {weight:+.3f}")
    print_ablation(train_set, dev_set, mix, penalty, redundancy, english)
    if args.write:
        data = {
            "about": "logistic sentence scorer for bot.digest.summarize; written by bench/train_summarizer.py",
            "trained_on": f"CNN Corpus train split ({len(train_set)} articles); settings chosen on dev",
            "label_mix_gold": mix,
            "penalty": penalty,
            "features": list(FEATURE_NAMES),
            "weights": [round(float(w), 6) for w in model.weights],
            "mean": [round(float(m), 6) for m in model.mean],
            "scale": [round(float(s), 6) for s in model.scale],
            "redundancy": redundancy,
        }
        WEIGHTS_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
