"""The page-type trainer's cross-validation report (bench/train_page_type.py)."""

from __future__ import annotations

import numpy as np

from bench import train_page_type
from bot.digest.extract.html import page_type


def test_confusion_lines_count_each_true_type_and_where_the_rest_go() -> None:
    types = ["listing", "listing", "listing", "article"]
    predicted = ["listing", "article", "service", "article"]
    lines = {line.split()[0]: line for line in train_page_type.confusion_lines(types, predicted)}
    assert lines["listing"].split()[1] == "1/3"
    assert "article 1" in lines["listing"] and "service 1" in lines["listing"]
    assert lines["article"].split()[1] == "1/1"
    assert lines["forum"].split()[1] == "0/0"


def test_cross_validation_accuracy_is_the_share_of_out_of_fold_types_right() -> None:
    rng = np.random.default_rng(0)
    types = [page_type.PAGE_TYPES[i % len(page_type.PAGE_TYPES)] for i in range(140)]
    x = rng.normal(size=(len(types), 6))
    for row, kind in zip(x, types):
        row[page_type.PAGE_TYPES.index(kind) % 6] += 4.0 if kind != "collection" else -4.0
    ids = [f"page-{i}" for i in range(len(types))]
    predicted = train_page_type.cross_validated_types(x, types, ids, l2=1.0)
    accuracy = train_page_type.cross_validate(x, types, ids, l2=1.0)
    assert accuracy == sum(p == t for p, t in zip(predicted, types)) / len(types)
    assert accuracy > 0.8  # separable types are told apart out of fold
