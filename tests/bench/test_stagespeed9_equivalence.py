"""bench/stagespeed9_equivalence.py: a changed scan is named by its text, the same one is not (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import stagespeed9_equivalence as equivalence
from bot.digest.figures.quantities import find_quantities

TEXTS = ["It rose 5% to $3 million in 2023.", "No number here.", "About 300 people came, 12 of them by bus."]


def test_the_same_scanner_differs_nowhere_and_a_changed_one_is_named() -> None:
    def changed(text: str) -> list:
        found = find_quantities(text)
        return found[:-1] if "300" in text else found

    assert equivalence.differing_scans({"a": find_quantities, "b": find_quantities}, TEXTS) == []
    assert equivalence.differing_scans({"a": find_quantities, "b": changed}, TEXTS) == [2]


def test_an_unknown_set_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        equivalence.main([str(tmp_path), "--sets", "sh,nonsense"])
    with pytest.raises(ValueError):
        equivalence.set_documents(tmp_path, "nonsense")


def test_a_hedge_set_is_made_documents_of_its_sentences(tmp_path: Path) -> None:
    import csv
    import gzip

    (tmp_path / "hedges").mkdir()
    rows = [{"text": f"Sentence  number {n} may be hedged.", "label": str(n % 2)} for n in range(45)] + [{"text": " ", "label": "0"}]
    with gzip.open(tmp_path / "hedges" / "wikiweasel-train.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["text", "label"])
        writer.writeheader()
        writer.writerows(rows)
    documents = equivalence.set_documents(tmp_path, "wikiweasel")
    assert [len(d.text.split("\n\n")) for d in documents] == [41, 6]  # the title, then 40 sentences a document
    assert all(d.text.startswith(equivalence.NEUTRAL_TITLE + "\n\n") for d in documents)
    paragraphs = sorted(p.strip() for d in documents for p in d.text.split("\n\n")[1:])
    assert paragraphs == sorted(f"Sentence number {n} may be hedged." for n in range(45))  # white space made plain


def test_stage_records_hold_the_language_and_every_sentence_of_the_split() -> None:
    from bot.digest.sources import RawDocument

    digest = equivalence._with_records(equivalence.REPO, equivalence.SPLIT_STAGES)
    sentences = [f"The council met on day {n} of the month to talk about the old bridge over the river." for n in range(8)]
    text = "Bridge vote\n\n" + " ".join(sentences) + "\n"
    result, records = digest(RawDocument("test", text, "text"))
    assert [name for name, _ in records] == ["detect_language", "split_sentences"]
    assert records[0][1].code == "en"
    assert [s.text for s in records[1][1]] == sentences
    assert digest(RawDocument("test", text, "text")) == (result, records)  # each document's own records only
