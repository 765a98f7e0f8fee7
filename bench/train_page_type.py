"""Train the page-type classifier (bot/digest/extract/html/page_type.py) on WCXB's tune part.

    python -m bench.train_page_type DATA_DIR [--out PATH] [--check]

One logistic model per type (one against the rest, bench/fitting.py), on the features of
`page_features` computed from each tune page as the extractor parses it. Only the tune part
(bench/splits.py) is read. Also prints the accuracy of a 5-fold cross-validation on the tune part.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from bench.fitting import LogisticModel, fit_logistic, hash_bucket, trainer_parser
from bench.splits import wcxb_part
from bench.wcxb import DATA_FILE
from bot.digest.extract.html import page_type
from bot.digest.extract.html.prune import drop_scripts_and_styles
from bot.digest.extract.html_extractor import _parse
from bot.digest.model_files import model_envelope, package_model_path, write_model_file

log = logging.getLogger(__name__)
L2 = 3.0  # chosen by the cross-validation on the tune part
DEFAULT_OUT = package_model_path("bot.digest.extract.html", page_type.MODEL_FILE)


def tune_features(data_dir: Path) -> tuple[np.ndarray, list[str], list[str], str]:
    """(feature matrix, types, ids, sha256 of the ids and types read) of the tune pages."""
    rows, types, ids = [], [], []
    digest = hashlib.sha256()
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            page_id = str(item["id"])
            if wcxb_part(page_id) != "tune":
                continue
            digest.update(f"{page_id}\0{item['type']}\0".encode())
            digest.update(hashlib.sha256(item["html"].encode("utf-8", "replace")).digest())
            tree = _parse(drop_scripts_and_styles(item["html"]))
            rows.append(page_type.feature_vector(page_type.page_features(tree, item.get("url") or None)))
            types.append(item["type"])
            ids.append(page_id)
    return np.vstack(rows), types, ids, digest.hexdigest()


def fit(x: np.ndarray, types: list[str], l2: float = L2) -> dict[str, object]:
    """The payload: a shared standardisation and one model per type."""
    models: dict[str, LogisticModel] = {}
    for kind in page_type.PAGE_TYPES:
        y = np.array([t == kind for t in types], dtype=float)
        models[kind] = fit_logistic(x, y, l2=l2)
    first = models[page_type.PAGE_TYPES[0]].to_json()
    return {
        "types": list(page_type.PAGE_TYPES),
        "mean": first["mean"],
        "scale": first["scale"],
        "models": {kind: {"weights": m.to_json()["weights"], "bias": m.to_json()["bias"]} for kind, m in models.items()},
    }


def cross_validated_types(x: np.ndarray, types: list[str], ids: list[str], l2: float, folds: int = 5) -> list[str]:
    """Each tune page's type as the model fitted on the other folds (sha1 buckets of the id) predicts it."""
    fold_of = np.array([hash_bucket(i, folds, salt="page-type") for i in ids])
    predicted = [""] * len(types)
    for fold in range(folds):
        train, test = fold_of != fold, fold_of == fold
        model = page_type.PageTypeModel(fit(x[train], [t for t, keep in zip(types, train) if keep], l2))
        for index in np.flatnonzero(test):
            scores = model.scores(x[index])
            predicted[index] = max(scores, key=scores.__getitem__)
    return predicted


def cross_validate(x: np.ndarray, types: list[str], ids: list[str], l2: float, folds: int = 5) -> float:
    predicted = cross_validated_types(x, types, ids, l2, folds)
    return sum(p == t for p, t in zip(predicted, types)) / len(types)


def confusion_lines(types: list[str], predicted: list[str]) -> list[str]:
    """One line per true type: its pages, how many are predicted right, and where the others go."""
    lines = []
    for kind in page_type.PAGE_TYPES:
        went = Counter(p for t, p in zip(types, predicted) if t == kind)
        total = sum(went.values())
        others = ", ".join(f"{other} {count}" for other, count in went.most_common() if other != kind)
        lines.append(f"  {kind:<13} {went[kind]:>4}/{total:<4} ({went[kind] / total if total else 0:.3f})  {others}")
    return lines


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = trainer_parser(__doc__ or "", DEFAULT_OUT).parse_args(argv)
    x, types, ids, data_sha = tune_features(args.data_dir)
    log.info("%d tune pages: %s", len(types), dict(Counter(types)))
    predicted = cross_validated_types(x, types, ids, L2)
    accuracy = sum(p == t for p, t in zip(predicted, types)) / len(types)
    log.info("5-fold cross-validated accuracy on the tune part, l2=%s: %.3f; by true type (right/pages, then where the rest go):", L2, accuracy)
    for line in confusion_lines(types, predicted):
        log.info("%s", line)
    envelope = model_envelope(
        page_type.MODEL_KIND,
        page_type.MODEL_FORMAT,
        page_type.FEATURES,
        "WCXB dev split, tune part (sha1(id) % 100 < 70, bench/splits.py)",
        data_sha,
        fit(x, types),
    )
    if args.check:
        shipped = json.loads(Path(args.out).read_text(encoding="utf-8"))
        rebuilt = json.loads(json.dumps(envelope, ensure_ascii=False, sort_keys=True))
        if shipped != rebuilt:
            log.error("%s differs from a fresh build", args.out)
            return 1
        log.info("%s matches a fresh build", args.out)
        return 0
    write_model_file(args.out, envelope)
    log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
