"""Page-type features studied through the product on WCXB's tune part (issue 9; ninth session); nothing here ships.

    python -m bench.page_type_study DATA_DIR --out PICKLE [--model PATH | --out-of-fold [--drop FEATURE ...]] [--base PICKLE]

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) goes through the product's own
`extract_html` (bench.choice_study.tune_pages_recorded) with its page type recorded; the word F1
(WCXB's metric) of each answer is saved to PICKLE. With --model, the page type comes from that
model file instead of the shipped one; with --out-of-fold, from the model the trainer fits on the
other four folds (sha1 buckets, as its cross-validation), without the --drop features (the code
before they were added: the same models with those weights zero); with --base (a PICKLE of an earlier run), a page whose
type the model does not change keeps the earlier answer's F1 (the answer depends on the page
only through its type), so only the pages it moves are extracted again. Printed: F1 over all
pages, per true type and per fold sha1(id) % 5 (bench.fitting.hash_bucket, salt "page-type").
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_pages_recorded
from bench.fitting import hash_bucket
from bench.splits import wcxb_part
from bench.wcxb import DATA_FILE, TYPES, word_f1
from bot.digest.extract.html import page_type

log = logging.getLogger(__name__)


class _Unchanged(Exception):
    """The candidate model gives the page the type it had in the base run."""


FOLDS = 5


def fold_models(data_dir: Path, dropped: set[str]) -> list[page_type.PageTypeModel]:
    """One model per fold (hash_bucket(id, 5, salt "page-type"), as the trainer's cross-validation),
    fitted by the trainer on the other folds' tune pages without the `dropped` features (their
    weights zero: the model of the code before they were added)."""
    from bench import train_page_type

    x, types, ids, _ = train_page_type.tune_features(data_dir)
    kept = [i for i, name in enumerate(page_type.FEATURES) if name not in dropped]
    fold_of = np.array([hash_bucket(i, FOLDS, salt="page-type") for i in ids])
    models = []
    for fold in range(FOLDS):
        train = fold_of != fold
        payload = train_page_type.fit(x[train][:, kept], [t for t, keep in zip(types, train) if keep], train_page_type.L2)
        mean, scale = np.zeros(len(page_type.FEATURES)), np.ones(len(page_type.FEATURES))
        mean[kept], scale[kept] = payload["mean"], payload["scale"]
        payload["mean"], payload["scale"] = mean.tolist(), scale.tolist()
        for model in payload["models"].values():
            weights = np.zeros(len(page_type.FEATURES))
            weights[kept] = model["weights"]
            model["weights"] = weights.tolist()
        models.append(page_type.PageTypeModel(payload))
    return models


def run(
    data_dir: Path, model_path: Path | None, base: dict[str, dict[str, Any]] | None, dropped: set[str] | None = None, oracle: bool = False,
    type_bias: dict[str, float] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each tune page's F1 and predicted type; with `dropped` (a set, maybe empty) the type comes
    from the fold model that did not see the page (fold_models), with `oracle` it is WCXB's own
    type of the page (the bound a perfect classifier reaches with today's profiles), else from the
    model file."""
    record: dict[str, Any] = {}
    true_types = _tune_types(data_dir) if oracle else {}
    models = fold_models(data_dir, dropped) if dropped is not None else None
    for kind, bias in (type_bias or {}).items():  # a type's logit raised for every fold model
        for fold_model in models or []:
            fold_model.bias[fold_model.types.index(kind)] += bias
    model = page_type.load_model(model_path) if model_path else None if models is not None or oracle else page_type.shipped_model()
    shipped = html_extractor.classify_page

    def recording(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        chosen = models[hash_bucket(record["id"], FOLDS, salt="page-type")] if models is not None else model
        kind = true_types[record["id"]] if oracle else chosen.classify(page_type.page_features(tree, url, json_ld))
        record["predicted"] = kind
        if base is not None and record.get("id") in base and base[record["id"]]["predicted"] == kind:
            raise _Unchanged
        return kind

    html_extractor.classify_page = recording
    try:
        pages = tune_pages_recorded_ids(data_dir, record)
    finally:
        html_extractor.classify_page = shipped
    results = {}
    for page in pages:
        if page.get("unchanged"):
            results[page["id"]] = base[page["id"]]
        else:
            results[page["id"]] = {"type": page["type"], "predicted": page.get("predicted"), "f1": word_f1(page["final"], page["truth"])}
    return results


def tune_pages_recorded_ids(data_dir: Path, record: dict[str, Any]) -> list[dict[str, Any]]:
    """tune_pages_recorded, with the page's id in `record` while it is read (extract_html's errors
    answer "", so an _Unchanged page is told apart by the flag set here)."""
    original = html_extractor.extract_html
    current: dict[str, Any] = {}

    def extract(html, source, url, max_elements):  # noqa: ANN001, ANN202
        record["id"] = current["id"]
        try:
            return original(html, source, url, max_elements)
        except _Unchanged:
            record["unchanged"] = True
            raise

    ids = _tune_ids(data_dir)
    it = iter(ids)

    def extract_next(html, source, url, max_elements):  # noqa: ANN001, ANN202
        current["id"] = next(it)
        return extract(html, source, url, max_elements)

    html_extractor.extract_html = extract_next
    try:
        return tune_pages_recorded(data_dir, record)
    finally:
        html_extractor.extract_html = original


def _tune_ids(data_dir: Path) -> list[str]:
    return list(_tune_types(data_dir))


def _tune_types(data_dir: Path) -> dict[str, str]:
    """WCXB's type of each tune page with a truth, by id, in the file's order."""
    ids = {}
    with gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if wcxb_part(str(item["id"])) == "tune" and (item.get("truth") or "").strip():
                ids[str(item["id"])] = item["type"]
    return ids


def report(name: str, results: dict[str, dict[str, Any]]) -> None:
    by_type: dict[str, list[float]] = defaultdict(list)
    by_fold: dict[int, list[float]] = defaultdict(list)
    for page_id, page in results.items():
        by_type[page["type"]].append(page["f1"])
        by_fold[hash_bucket(page_id, 5, salt="page-type")].append(page["f1"])
    cells = [f"all {np.mean([p['f1'] for p in results.values()]):.4f}"]
    cells += [f"{kind} {np.mean(by_type[kind]):.4f}" for kind in TYPES if by_type[kind]]
    cells += [f"fold{fold} {np.mean(by_fold[fold]):.4f}" for fold in sorted(by_fold)]
    print(f"{name}: " + "  ".join(cells))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--model", type=Path)
    parser.add_argument("--base", type=Path)
    parser.add_argument("--out-of-fold", action="store_true", help="each page typed by the model fitted on the other folds")
    parser.add_argument("--drop", nargs="*", default=[], help="features left out of the out-of-fold models")
    parser.add_argument("--bias", nargs="*", default=[], help="TYPE=X: X added to TYPE's logit in the out-of-fold models")
    parser.add_argument("--oracle", action="store_true", help="each page typed by WCXB's own type")
    args = parser.parse_args(argv)
    base = pickle.loads(args.base.read_bytes()) if args.base else None
    results = run(args.data_dir, args.model, base, set(args.drop) if args.out_of_fold else None, args.oracle, {b.split("=")[0]: float(b.split("=")[1]) for b in args.bias})
    args.out.write_bytes(pickle.dumps(results))
    if base is not None:
        report("base", base)
        moved = sum(results[i]["predicted"] != base[i]["predicted"] for i in results)
        print(f"{moved} pages change type")
    name = "WCXB's own types (oracle)" if args.oracle else f"out of fold, without {' '.join(args.drop) or 'nothing'}, bias {' '.join(args.bias) or 'none'}" if args.out_of_fold else str(args.model or "shipped")
    report(name, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
