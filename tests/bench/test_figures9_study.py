"""The seventeenth session's figures9 study: refusals that take a key number, tables per fold, the sweep's checks."""

from __future__ import annotations

from bench import figures as bf
from bench.figures7_study import fold5
from bench.figures9_study import check_counts, fold_table, moved, refusal_hits


def test_refusal_hits_name_the_refusal_and_only_key_numbers() -> None:
    article = bf.NewsArticle(
        "bbc-x", "Games\n\nHalf-Life 2 won six awards.\nDoom 3 sold 40,000 copies.\n", frozenset({2.0, 40000.0})
    )
    rows = list(refusal_hits([article]))
    assert [(name, text) for name, _, text, _ in rows] == [("a name's number (version, model)", "2")]
    assert rows[0][1] == "bbc-x" and "Half-Life 2" in rows[0][3]


def test_days_ago_in_prose_is_no_hit() -> None:
    article = bf.NewsArticle("bbc-y", "Rugby\n\nEngland A beat France 30-20 nine days ago.\n", frozenset({9.0}))
    assert list(refusal_hits([article])) == []


def test_fold_table_and_moved() -> None:
    per = {"cnn": {"cnn-0001": 2, "cnn-0002": 1}, "bbc": {"bbc-a": 3}}
    folds, bbc = fold_table(per)
    assert sum(folds) == 3 and bbc == 3 and folds[fold5("cnn-0001")] >= 2
    assert moved({"a": 2, "b": 1, "c": 1}, {"a": 1, "b": 2, "c": 1}) == (["a"], ["b"])


def _digest(text: str, *figures: tuple[str, float, str, str]) -> dict:
    """A product JSON of one English text whose figures are (text, value, counts, kind), one a sentence in order."""
    rows = [{"text": t, "value": v, "counts": c, "kind": k, "sentence": i} for i, (t, v, c, k) in enumerate(figures)]
    return {"text": text, "language": "en", "figures": rows}


def test_check_counts_flag_code_and_star_figures() -> None:
    digest = _digest(
        "Nginx will send a response indicating the 404 error. Check out our 5-star reviews today.",
        ("404", 404, "error", "count"), ("5-star", 5, "star", "count"),
    )
    table = check_counts([("documentation", "1", digest), ("product", "2", {"error": "x"})])
    assert table["figure.code_number"]["documentation"] == 1
    assert table["figure.star_class"]["documentation"] == 1


def test_check_counts_leave_prices_and_plain_counts_alone() -> None:
    digest = _digest(
        "The two-hour delivery fee is $9. Officials found 500 errors in the count. It has a 5-star rating.",
        ("$9", 9, "dollars", "money"), ("500", 500, "errors", "count"), ("5-star", 5, "star", "count"),
    )
    table = check_counts([("product", "1", digest)])
    assert not {k for k in table if k in ("figure.code_number", "figure.star_class", "figure.owner_year")}
