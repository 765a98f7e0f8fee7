"""bench/figspeed_equivalence.py: recorded calls replay, and a changed figure is counted (no ../shared needed)."""

from __future__ import annotations

from types import SimpleNamespace

from bench import figspeed_equivalence as equivalence
from bot.digest.figures import figure_finder
from bot.digest.sources import RawDocument

TEXTS = [
    "The city hired 224 teachers in 2023. About 15% of voters said no.\n\nThe plan costs $2 billion over five years, "
    "officials said. Nearly 33,000 people attended the march on Sunday.",
    "The storm left 6,500 homes without power for three days. Repairs will cost about $40 million, the utility said.\n\n"
    "Crews from 12 states worked 16-hour shifts to restore the lines before the weekend.",
]


def recorded_calls() -> list:
    return equivalence.record_calls([RawDocument(source=f"doc-{n}", text=text, kind="text") for n, text in enumerate(TEXTS)])


def test_each_document_is_recorded_once_with_what_find_figures_got() -> None:
    calls = recorded_calls()
    assert [call[0] for call in calls] == ["doc-0", "doc-1"]
    assert all(call[1] for call in calls)  # the sentences
    assert all(call[4] == "en" for call in calls)  # the language the pipeline detected


def test_the_same_code_is_identical_and_a_changed_figure_is_counted() -> None:
    calls = recorded_calls()
    assert equivalence.compare(figure_finder, figure_finder, calls)[1::2] == (0, 0)

    def find_figures(sentences, **options):  # type: ignore[no-untyped-def]
        return figure_finder.find_figures(sentences, **options)[1:]  # drops the first figure

    changed = SimpleNamespace(find_figures=find_figures, find_quantities=figure_finder.find_quantities)
    documents, differing, scanned, differing_scans = equivalence.compare(figure_finder, changed, calls)
    assert (documents, differing, differing_scans) == (2, 2, 0)
    assert scanned == sum(len(call[1]) + 1 for call in calls)  # every sentence and the title


def test_timed_pair_gives_a_time_for_each_version() -> None:
    calls = recorded_calls()
    base, own = equivalence.timed_pair(figure_finder, figure_finder, calls, rounds=2)
    assert base > 0 and own > 0


def test_a_changed_chrome_answer_is_counted() -> None:
    texts = equivalence.scan_inputs(recorded_calls())
    assert equivalence.differing_chrome(figure_finder, figure_finder, texts) == 0
    always = SimpleNamespace(_chrome_line=lambda text: True)
    refused = sum(not figure_finder._chrome_line(text) for text, _lang in texts)
    assert refused > 0 and equivalence.differing_chrome(figure_finder, always, texts) == refused
