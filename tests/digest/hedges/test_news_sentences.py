"""The shipped model on news sentences of our own (`tests/data/hedges/news_sentences.tsv`), one of four kinds.

Written for this test, not drawn from any corpus and never used to choose anything: hedged (speculation,
weasel wording), attributed (a source named or plain), conditional (a stated dependency), and plain facts
whose "may", "could" or "can" is capability or permission. Attributed, conditional and plain sentences
must all be right; of the hedged ones the general scorer misses some (it follows WikiWeasel's annotators,
who count a bare "could" or "likely" uncertain less often than BioScope's: see docs/quality/hedges.md),
so the test holds the share it reaches and names the kind each miss gets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.digest.hedges.hedge_marker import mark_sentence

NEWS = Path(__file__).resolve().parents[2] / "data" / "hedges" / "news_sentences.tsv"
# More sentences of the same kinds, written before the fifth session changed anything and never tuned on.
HELD_OUT_NEWS = NEWS.with_name("news_sentences_heldout.tsv")
KINDS = ("hedged", "attributed", "conditional", "capability")


def _sentences(kind: str, path: Path = NEWS) -> list[str]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [sentence for row_kind, sentence in rows if row_kind == kind]


def _kind(sentence: str) -> str | None:
    hedge = mark_sentence(sentence).hedge
    return hedge.kind if hedge else None


def test_every_kind_has_sentences() -> None:
    assert all(len(_sentences(kind)) >= 8 for kind in KINDS)


@pytest.mark.parametrize("sentence", _sentences("attributed"))
def test_attributed_news_sentence(sentence: str) -> None:
    assert _kind(sentence) == "attributed"


@pytest.mark.parametrize("sentence", _sentences("conditional"))
def test_conditional_news_sentence(sentence: str) -> None:
    assert _kind(sentence) == "conditional"


@pytest.mark.parametrize("sentence", _sentences("capability"))
def test_plain_fact_with_a_may_of_capability_is_not_marked(sentence: str) -> None:
    marks = mark_sentence(sentence)
    assert marks.hedge is None
    # the modal is not hidden from a reader: it is shown as a soft cue
    assert any(word in marks.soft_cues for word in ("may", "could")) == any(f" {w} " in sentence for w in ("may", "could"))


def test_most_hedged_news_sentences_are_hedged_and_a_miss_is_never_called_a_fact_of_another_kind() -> None:
    hedged = _sentences("hedged")
    kinds = [_kind(sentence) for sentence in hedged]
    assert sum(kind == "hedged" for kind in kinds) / len(hedged) >= 0.65, list(zip(hedged, kinds))
    assert set(kinds) <= {"hedged", None}


def test_held_out_news_sentences_get_their_own_kind_or_none() -> None:
    """A miss may go unmarked (shown by its soft cues), but no held-out sentence is given another kind than
    its own, no plain fact is marked, and most of each marked kind are found (docs/quality/hedges.md)."""
    for kind in KINDS:
        sentences = _sentences(kind, HELD_OUT_NEWS)
        assert len(sentences) >= 8
        kinds = [_kind(sentence) for sentence in sentences]
        expected = None if kind == "capability" else kind
        assert set(kinds) <= {expected, None}, list(zip(sentences, kinds))
        assert sum(k == expected for k in kinds) / len(kinds) >= 0.6, list(zip(sentences, kinds))


def test_the_benchmark_reads_the_kinds_back_from_the_command_lines_json() -> None:
    """`bench.hedges.news_kinds` (the news rows of `python -m bench.hedges`): one document through
    `summarize --format json`, each sentence's kind read back from its `hedges` list."""
    from bench.hedges import news_kinds

    sentences = ["Many economists argue that the tariffs will hurt consumers most.",
                 "Two people were injured, the fire service said.",
                 "The company employs 4,500 people in three countries.",
                 "Unless a buyer is found by June, the factory will shut."]
    assert news_kinds(sentences) == ["hedged", "attributed", None, "conditional"]
