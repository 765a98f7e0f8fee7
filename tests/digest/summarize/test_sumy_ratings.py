"""The vectorised sumy ratings in `features` are the numbers sumy's own summarizers compute."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from bot.digest.language.language_detector import language_for
from bot.digest.models import Language, Sentence
from bot.digest.segment.sumy_adapter import build_document, stop_words
from bot.digest.summarize import features

ENGLISH = language_for("en")
GERMAN = language_for("de")


def _sumy_own(chosen: list[Sentence], language: Language) -> dict[str, np.ndarray]:
    """Each rating computed the slow way: sumy's summarizers run as sumy runs them."""
    document, sumy_sentences = build_document(chosen, language.code)
    stems = features._Stems(language)

    def configured(summarizer_class):
        summarizer = summarizer_class(stems.stem)
        summarizer.stop_words = stop_words(language)
        return summarizer

    lexrank = configured(LexRankSummarizer)
    sentence_words = [lexrank._to_words_set(s) for s in sumy_sentences]
    if any(sentence_words):
        matrix = lexrank._create_matrix(
            sentence_words, lexrank.threshold, lexrank._compute_tf(sentence_words), lexrank._compute_idf(sentence_words)
        )
        with np.errstate(invalid="ignore", divide="ignore"):
            lexrank_scores = lexrank.power_method(matrix, lexrank.epsilon)
    else:
        lexrank_scores = np.zeros(len(sumy_sentences))
    textrank = configured(TextRankSummarizer).rate_sentences(document)
    reduction = configured(ReductionSummarizer).rate_sentences(document)
    luhn = configured(LuhnSummarizer)
    significant = luhn._get_significant_words(document.words)
    sumbasic = configured(SumBasicSummarizer)
    probabilities = sumbasic._compute_tf(document.sentences) if document.words else {}
    return {
        "lexrank": np.asarray(lexrank_scores, dtype=float),
        "textrank": np.asarray([textrank.get(s, 0.0) for s in sumy_sentences], dtype=float),
        "reduction": np.asarray([reduction.get(s, 0.0) for s in sumy_sentences], dtype=float),
        "luhn": np.asarray([luhn.rate_sentence(s, significant) for s in sumy_sentences], dtype=float),
        "sumbasic": np.asarray(
            [
                sumbasic._compute_average_probability_of_words(
                    probabilities, sumbasic._get_content_words_in_sentence(s)
                )
                for s in sumy_sentences
            ],
            dtype=float,
        ),
    }


def _assert_same_ratings(texts: list[str], language: Language) -> None:
    chosen = [Sentence(i, text, i // 3) for i, text in enumerate(texts)]
    fast = features._sumy_ratings(chosen, language, features._Stems(language))
    slow = _sumy_own(chosen, language)
    assert fast.keys() == slow.keys()
    for name in slow:
        np.testing.assert_allclose(fast[name], slow[name], rtol=1e-9, atol=1e-12, equal_nan=True, err_msg=name)


STORY = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "The budget raises spending on schools and cuts the parks department.",
    "Council members said the debate over the parks had been bitter.",
    "Parents welcomed the money for schools, which have struggled for years.",
    "The mayor will sign the budget on Friday.",
    "The budget raises spending on schools and cuts the parks department.",  # a repeat: sumy merges repeats
    "Budget budget budget.",  # one stem, repeated
    "Schools.",  # one word
    "It was what it was.",  # stop words only
    "Friday.",  # another one-word sentence
]

GERMAN_STORY = [
    "Die Lokführergewerkschaft hat am Montag den Fernverkehr der Bahn lahmgelegt.",
    "Nach Angaben der Bahn fielen bundesweit achtzig Prozent der Fernzüge aus.",
    "Auch im Regionalverkehr der Bahn kam es zu Einschränkungen.",
    "Die Gewerkschaft fordert mehr Lohn und kürzere Arbeitszeit.",
    "Die Bahn nannte den Streik unverhältnismäßig.",
]


@pytest.mark.parametrize(
    "texts, language",
    [
        (STORY, ENGLISH),
        (STORY[:1], ENGLISH),
        (STORY[7:], ENGLISH),
        (["It was.", "And so it is."], ENGLISH),
        (GERMAN_STORY, GERMAN),
    ],
    ids=["story", "one-sentence", "fragments", "stop-words-only", "german"],
)
def test_fast_ratings_equal_sumys_own(texts: list[str], language: Language) -> None:
    _assert_same_ratings(texts, language)


WORDS = ["budget", "budgets", "school", "schools", "park", "mayor", "council", "the", "and", "it", "debate", "friday"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=14))
def test_fast_ratings_equal_sumys_own_on_random_documents(sentences: list[list[str]]) -> None:
    # a small vocabulary makes repeats, one-word sentences, stop-word-only sentences and ties common
    _assert_same_ratings([" ".join(words).capitalize() + "." for words in sentences], ENGLISH)


def test_lexrank_edges_at_the_threshold_follow_sumys_cosine() -> None:
    # a cosine exactly at the threshold is no edge for sumy; summed in another order it could
    # round a hair above, so the vectorised matrix must defer to sumy's cosine there
    chosen = [Sentence(i, text, 0) for i, text in enumerate(STORY)]
    _, sumy_sentences = build_document(chosen, "en")
    stems = features._Stems(ENGLISH)
    lexrank = LexRankSummarizer(stems.stem)
    lexrank.stop_words = stop_words(ENGLISH)
    sentence_words = [lexrank._to_words_set(s) for s in sumy_sentences]
    tf = lexrank._compute_tf(sentence_words)
    idf = lexrank._compute_idf(sentence_words)
    cosines = {
        lexrank.cosine_similarity(a, b, tf_a, tf_b, idf)
        for a, tf_a in zip(sentence_words, tf)
        for b, tf_b in zip(sentence_words, tf)
    }
    terms = features._TermCounts.of(sentence_words)
    for threshold in sorted(cosines - {0.0}):
        lexrank.threshold = threshold
        expected = lexrank._create_matrix(sentence_words, threshold, tf, idf)
        np.testing.assert_array_equal(features._lexrank_matrix(lexrank, terms), expected, err_msg=str(threshold))
