from __future__ import annotations

import json
from pathlib import Path

from bench.hedgecue10_study import compare_hedged, count, deciding, deciding_words, fold_f1, is_capitalised_word, marked_claims


def test_a_name_or_a_weak_opener_alone_is_counted_and_a_hedge_word_opener_is_not() -> None:
    assert is_capitalised_word("It was in the Post yesterday.", "Post")  # mid-clause: a name
    assert is_capitalised_word("One of the best ways.", "One")  # opens it, but weighs little alone
    assert not is_capitalised_word("Many students fear it.", "Many")  # a hedge word by itself
    assert not is_capitalised_word("Tip: Many students fear it.", "Many")  # after a colon it opens a clause
    assert not is_capitalised_word("One of the best ways.", "One of the best")  # a phrase
    assert not is_capitalised_word("It may rain.", "may")


def test_the_claims_are_counted_by_the_cue_shown() -> None:
    text = ("One of the best ways to save money is to cook at home.\n\n"
            "The Post reported that the minister had resigned.\n\n"
            "Officials said the road would reopen.\n\n"
            "The drug is believed to cause headaches.")
    document = {"set": "wcxb-article", "id": "x", "language": "en", "text": text}
    claims = {sentence: (kind, cues, scorer) for sentence, kind, cues, scorer in marked_claims(document)}
    assert claims["One of the best ways to save money is to cook at home."] == ("hedged", ("One of the best",), True)
    assert claims["The Post reported that the minister had resigned."] == ("attributed", ("The Post reported",), False)
    assert claims["The drug is believed to cause headaches."] == ("hedged", ("is believed",), False)
    pages = count([document])["pages"]
    assert pages["hedged claims"] == 2 and pages["scorer-decided"] == 1 and pages["attributed claims"] == 2
    assert pages["shown cues (claims)"] == {"One of the best": 1}
    assert pages["scorer-decided shown a name or a weak opener alone"] == 0
    assert count([document])["pastes"]["documents"] == 0


def test_fold_f1_is_per_fold_then_over_all() -> None:
    marks = [("a", True, True, 0), ("b", False, True, 0), ("c", True, False, 1), ("d", True, True, 1)]
    figures = fold_f1(marks)
    assert figures[0] == 2 / 3 and figures[1] == 2 / 3 and figures[2:5] == [0.0, 0.0, 0.0]
    assert figures[5] == 2 * (2 / 3) * (2 / 3) / (4 / 3)


def test_the_deciding_words_are_those_whose_own_weight_tips_the_claim() -> None:
    text = ("Many fans loved the show.\n\nThe bridge opened in 1990.\n\n"
            "Some say the drug may possibly help.")  # several cues: no one word decides it
    document = {"set": "wcxb-article", "id": "x", "language": "en", "text": text}
    assert deciding_words(document) == [("Many fans loved the show.", ("many",)),
                                        ("Some say the drug may possibly help.", ())]
    pages = deciding([document])["pages"]
    assert pages["hedged claims"] == 2 and pages["decided by one word alone"] == 1
    assert pages["words (claims, documents, examples)"] == {"many": [1, 1, ["Many fans loved the show."]]}
    assert deciding_words({**document, "language": "de"}) == []


def test_compare_counts_the_claims_that_stop_and_start_being_hedged(tmp_path: Path) -> None:
    def save(path: Path, rows: list[list[object]]) -> Path:
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return path

    page = ["wcxb-article", "1", "https://a.example/x"]
    before = save(tmp_path / "a.jsonl", [page + ["The post office closes.", "hedged", ["post"], True],
                                         page + ["Many fans loved it.", "hedged", ["Many"], True]])
    after = save(tmp_path / "b.jsonl", [page + ["Many fans loved it.", "hedged", ["Many"], True],
                                        page + ["It may rain.", "hedged", ["may"], False]])
    result = compare_hedged(before, after)
    row = result["rows"]["wcxb-article"]
    assert (row["hedged before"], row["hedged after"], row["stop"], row["start"]) == (2, 2, 1, 1)
    assert row["documents fewer"] == row["documents more"] == 0
    assert result["stop (examples of 1)"] == ["wcxb-article | post -> unmarked | The post office closes."]
    assert result["start (examples of 1)"] == ["wcxb-article | may | It may rain."]
    assert sum(r["documents"] for name, r in result["rows"].items() if name.startswith("pages fold")) == 1
