"""The eighteenth session's figures10 study: the misses split by whether a candidate holds them and what keeps them
out, the chooser orders and the fresh static bonuses."""

from __future__ import annotations

from bench import figures7_study as f7
from bench import figures_study as fs
import numpy as np

from bench.figures10_study import (
    first_of_its_kind, inside_quotes, jittered, learned_chooser, noun_in_title, noun_through_story, one_per_sentence, outranked_by,
    paragraph_lead, ranker_features, sentence_density, split_misses, summary_first,
)
from bench.fitting import fit_logistic


def _read(texts: list[str], title: str = "", summary: tuple[int, ...] = ()) -> fs.Read:
    digest = {"text": "\n\n".join(texts), "title": title, "language": "en", "summary": [{"index": i} for i in summary]}
    return fs.read("article", digest)


def _news(texts: list[str], gold: set[float], summary: tuple[int, ...] = ()) -> f7.NewsItem:
    return f7.NewsItem("cnn-0001", frozenset(gold), _read(texts, summary=summary))


def test_split_misses_puts_a_seventh_candidate_in_b_and_an_absent_number_in_a() -> None:
    texts = [f"Officials counted {n} people in town number {i}." for i, n in enumerate((110, 220, 330, 440, 550, 660, 770))]
    rows = split_misses([_news(texts, {110.0, 770.0, 999.0})])
    by_gold = {r.gold: r for r in rows}
    assert 110.0 not in by_gold  # shown
    assert by_gold[999.0].group == "(a) no candidate: not in the text in any form"
    seventh = by_gold[770.0]
    assert seventh.group == "(b) ranked 7+" and seventh.rank == 6
    assert seventh.outranked_by == "an earlier sentence's figure" and seventh.blocker.figure.value == 660


def test_outranked_by_tells_a_second_figure_of_one_sentence_from_a_later_sentence() -> None:
    item = _read(["Officials counted 110 people and 220 cars.", "Later 330 homes burned.", "Then 440 boats sank."])
    found = {c.figure.value: c for c in item.found}
    six = [found[110], found[220], found[440]]
    assert outranked_by(found[330], found[220], six) == "a second figure of the six from one sentence"
    assert outranked_by(found[330], found[440], six) == "a later sentence's figure"
    assert outranked_by(found[330], found[110], six) == "an earlier sentence's figure"


def test_one_per_sentence_gives_a_lone_sentence_its_place() -> None:
    crowded = "Officials counted 110 people, 220 cars, 330 homes, 440 shops, 550 boats and 660 dogs."
    item = _read([crowded, "Later 7 bridges fell."])
    assert 7 not in {f.value for f in fs.shipped(item)}
    assert 7 in {f.value for f in one_per_sentence(item)}


def test_summary_first_puts_the_summary_sentences_figures_ahead() -> None:
    texts = [f"Officials counted {n} people in town number {i}." for i, n in enumerate(range(110, 1500, 110))]
    item = _read(texts, summary=(12,))
    assert 1430 not in {f.value for f in fs.shipped(item)}
    assert 1430 in {f.value for f in summary_first(item)}


def test_the_static_traits() -> None:
    item = _read(["Officials counted 110 people and 220 cars.", "He said \"we lost 30 homes\" there.",
                  "Some 40 people came. The fee was $50."])
    found = {c.figure.value: c for c in item.found}
    assert sentence_density(found[110], item) == 1 and sentence_density(found[40], item) == 0
    assert inside_quotes(found[30], item) and not inside_quotes(found[110], item)
    assert paragraph_lead(found[40], item) and not paragraph_lead(found[50], item)
    assert first_of_its_kind(found[110], item) and not first_of_its_kind(found[220], item)
    assert first_of_its_kind(found[50], item)


def test_the_counted_noun_in_the_title_and_through_the_story() -> None:
    item = _read(["Officials counted 110 refugees and 220 cars.", "The refugees came from the north.",
                  "A refugee said 30 homes burned."], title="Refugees flee the war")
    found = {c.figure.value: c for c in item.found}
    assert noun_in_title(found[110], item) and not noun_in_title(found[220], item)
    assert noun_through_story(found[110], item) == 2 and noun_through_story(found[220], item) == 0


def test_a_learned_chooser_ranks_by_its_model() -> None:
    item = _read([f"Officials counted {n} people in town number {i}." for i, n in enumerate((110, 220, 330, 440, 550, 660, 770))])
    ranked = sorted(item.found, key=lambda c: c.figure.value)
    x = np.array([ranker_features(c, item, residual=True) for c in ranked])
    y = np.array([float(c.figure.value >= 440) for c in ranked])  # a model that learns "later is better"
    model = fit_logistic(np.vstack([x, x]), np.concatenate([y, y]), l2=0.01)
    chosen = {f.value for f in learned_chooser(model, residual=True)(item)}
    assert len(chosen) == 6 and {440, 550, 660, 770} <= chosen


def test_a_jitter_is_fixed_per_seed_and_small() -> None:
    texts = [f"Officials counted {n} people in town number {i}." for i, n in enumerate((110, 220, 330, 440, 550, 660, 770, 880))]
    item = _read(texts)
    assert jittered(0, 0.5)(item) == jittered(0, 0.5)(item)
    assert jittered(1, 0.0)(item) == fs.shipped(item)
    assert {tuple(f.value for f in jittered(seed, 50.0)(item)) for seed in range(5)} != {tuple(f.value for f in fs.shipped(item))}
