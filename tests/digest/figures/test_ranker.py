"""The learned order of the key figures (eighth session): the shipped model, its features, and its use."""

from __future__ import annotations

import numpy as np

from bot.digest.figures import ranker
from bot.digest.figures.figure_finder import candidates, choose, find_figures, score
from bot.digest.language.language_detector import detect_language
from bot.digest.models import Sentence
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.summarize.summarizer import summarize_scored


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(index=i, text=t, paragraph=i) for i, t in enumerate(texts)]


def test_shipped_model_reads_the_features_of_the_code() -> None:
    model = ranker.load_ranker()  # raises ModelFileError when the file was fitted on other features
    assert model.weights.shape == (len(ranker.FEATURE_NAMES),)
    assert np.all(model.scale > 0)


def test_features_one_row_per_candidate_and_unscored_sentences() -> None:
    split = sentences("The storm killed 224 people.", "About 15% of voters stayed home.", "It cost $2 billion.")
    found = candidates(split)
    rows = ranker.features(found, split, {0: 1.5, 2: -0.5}, [score(c) for c in found])
    assert rows.shape == (3, len(ranker.FEATURE_NAMES))
    column = ranker.FEATURE_NAMES.index("summary_score")
    assert list(rows[:, column]) == [1.5, ranker.UNSCORED, -0.5]
    rank = ranker.FEATURE_NAMES.index("summary_rank_below_3")
    assert list(rows[:, rank]) == [1.0, 0.0, 1.0]  # sentence 1 was not scored: no place
    assert list(rows[:, ranker.FEATURE_NAMES.index("kind_percent")]) == [0.0, 1.0, 0.0]


def test_summary_ranks_best_first_ties_to_the_earlier() -> None:
    assert ranker.summary_ranks({4: 0.1, 2: 0.9, 7: 0.9}) == {2: 0, 7: 1, 4: 2}


def test_choose_follows_given_scores() -> None:
    split = sentences("The storm killed 224 people.", "About 15% of voters stayed home.", "It cost $2 billion.")
    found = candidates(split)
    assert [f.value for f in choose(found, 1, scores=[0.0, 0.0, 5.0])] == [2e9]
    assert [f.value for f in choose(found, 1, scores=[0.0, 5.0, 0.0])] == [15.0]


def test_sample_article_key_figures_with_the_ranker(sample_text: str) -> None:
    """Through the digest's steps (summary scores given), the sample article keeps its key figures."""
    title, body = sample_text.split("\n", 1)
    split = split_sentences(body)
    chosen, scores = summarize_scored(split, title, detect_language(body), 4)
    found = find_figures(split, summary=chosen, title=title, sentence_scores=scores)
    by_value = {f.value: f for f in found}
    assert len(found) == 6
    assert by_value[224].counts == "people"
    assert by_value[33].counts == "soldiers"
    assert by_value[33000].counts == "Syrian refugees"
    assert by_value[16].counts == "months"


def test_without_scores_the_hand_weights_rank() -> None:
    split = sentences("The storm killed 224 people.", "About 15% of voters stayed home.", "It cost $2 billion.")
    assert find_figures(split, limit=2) == choose(candidates(split), 2)
