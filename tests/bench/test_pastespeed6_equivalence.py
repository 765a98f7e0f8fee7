"""bench/pastespeed6_equivalence.py: a changed digest is named, the same one is not (no ../shared needed)."""

from __future__ import annotations

import dataclasses

from bench import pastespeed6_equivalence as equivalence
from bot.digest.pipeline import digest_document
from bot.digest.sources import RawDocument
from bot.settings import DigestSettings

PASTES = [
    "Menu\nHome\n\nCity hires 224 teachers\n\nThe city hired 224 teachers in 2023, the school board said on Monday. "
    "About 15% of voters said no to the plan, which may cost $2 billion over five years.\n\nShare this\n© 2024 News",
    "The storm left 6,500 homes without power for three days. Repairs will cost about $40 million, the utility said.\n\n"
    "Crews from 12 states worked 16-hour shifts to restore the lines before the weekend, officials said.",
]


def _documents() -> list[RawDocument]:
    return [RawDocument(source=f"paste-{n}", text=text, kind="text") for n, text in enumerate(PASTES)]


def test_the_same_digests_differ_nowhere_and_a_changed_one_is_named() -> None:
    settings = DigestSettings()

    def ours(document: RawDocument):  # type: ignore[no-untyped-def]
        return digest_document(document, settings)

    def changed(document: RawDocument):  # type: ignore[no-untyped-def]
        digest = digest_document(document, settings)
        return dataclasses.replace(digest, title=digest.title + "!") if document.source == "paste-1" else digest

    documents = _documents()
    assert equivalence.differing({"a": ours, "b": ours}, documents) == []
    assert equivalence.differing({"a": ours, "b": changed}, documents) == ["paste-1"]


def test_an_error_is_compared_by_its_message() -> None:
    def failing(document: RawDocument):  # type: ignore[no-untyped-def]
        raise ValueError(document.source)

    def other(document: RawDocument):  # type: ignore[no-untyped-def]
        raise ValueError("another message")

    assert equivalence.differing({"a": failing, "b": failing}, _documents()) == []
    assert equivalence.differing({"a": failing, "b": other}, _documents()) == ["paste-0", "paste-1"]


def test_best_times_gives_a_time_for_each_version() -> None:
    settings = DigestSettings()
    best = equivalence.best_times({"a": lambda d: digest_document(d, settings), "b": lambda d: digest_document(d, settings)},
                                  _documents(), rounds=2)
    assert set(best) == {"a", "b"} and all(seconds > 0 for seconds in best.values())


def test_main_reads_any_registered_set_and_samples_it(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """The sets are loaders by name (pastes and, seventeenth session, HTML pages); `--sample N` keeps N of each."""
    from pathlib import Path

    from bench.speed import Item

    settings = DigestSettings()
    items = [Item(d.source, d) for d in _documents()]
    monkeypatch.setattr(equivalence, "SETS", {"fake": lambda data_dir: items})
    monkeypatch.setattr(equivalence, "_digest_function", lambda root: (lambda d: digest_document(d, settings)))
    assert equivalence.main([str(Path("/nonexistent")), "--against", "HEAD", "--sets", "fake", "--sample", "1"]) == 0
    assert "fake: 1 digests, 1 identical" in capsys.readouterr().out
    monkeypatch.undo()
    assert {"scrapinghub", "wcxb", "scrapinghub-html", "wcxb-html"} <= set(equivalence.SETS)
