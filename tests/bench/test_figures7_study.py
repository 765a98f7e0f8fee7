"""The sixteenth session's study: why a key number is missed, one quantity written twice, the spread chooser."""

from __future__ import annotations

from bench import figures_study as fs
from bench.figures7_study import FOLDS, fold5, miss_reason, one_quantity_twice, same_paragraph, spread


def _read(texts: list[str], title: str = "") -> fs.Read:
    digest = {"text": "\n\n".join(texts), "title": title, "language": "en", "summary": []}
    return fs.read("article", digest)


def test_miss_reason_tells_where_a_key_number_is_lost() -> None:
    texts = [f"Officials counted {n} people in town number {i}." for i, n in enumerate((110, 220, 330, 440, 550, 660, 770))]
    item = _read(texts + ["They face six to 10 years in prison.", "The vote was held in 2014."], title="He lost 153 pounds")
    six = fs.shipped(item)
    assert miss_reason(110, item, six) == "shown"
    assert miss_reason(770, item, six).startswith("a candidate ranked 7-9 (digits, its value)")
    assert miss_reason(153, item, six) == "in the title only"
    assert miss_reason(10, item, six) == "written in the text, not read as that value"
    assert miss_reason(2014, item, six) == "in the text only as a date or a year"
    assert miss_reason(999, item, six) == "not in the text in any form"


def test_one_quantity_twice_needs_the_same_kind_and_a_close_value() -> None:
    item = _read(["Nearly 700 people fled.", "In all 697 people fled the town.", "Some 300 cars burned."])
    by_value = {c.figure.value: c for c in item.found}
    assert one_quantity_twice(by_value[700], by_value[697])
    assert not one_quantity_twice(by_value[697], by_value[300])


def test_a_spread_penalty_moves_a_place_to_another_paragraph() -> None:
    crowded = "Officials counted 110 people, 220 cars, 330 homes, 440 shops, 550 boats and 660 dogs."
    item = _read([crowded, "Later 7 bridges fell."])
    assert 7 not in {f.value for f in fs.shipped(item)}
    assert 7 in {f.value for f in spread(4.0, same_paragraph)(item)}


def test_folds_are_stable_and_in_range() -> None:
    assert fold5("cnn-0001") == fold5("cnn-0001")
    assert {fold5(f"cnn-{i:04d}") for i in range(200)} == set(range(FOLDS))
