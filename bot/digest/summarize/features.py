"""Per-sentence evidence for the summarizer: sumy's ratings plus position, title and shape cues.

sumy's graph summarizers (LexRank, TextRank, Reduction) compare every pair of
sentences, so they run on a bounded set of candidates: the first
`LEAD_WINDOW` eligible sentences and an evenly spaced sample of the rest.
Everything else here is one pass over the words, so the work grows linearly
with the article and is capped for long ones. sumy's LSA is left out: its
weight came out at zero on the CNN dev split, and its SVD can stall for whole
seconds when OpenBLAS threads compete for a busy machine's cores. KL is left
out too: sumy's version recomputes every candidate's divergence per pick.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Collection, Sequence

import numpy as np
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from bot.digest.models import Language, Sentence
from bot.digest.segment.sumy_adapter import build_document, stemmer_for, stop_words, words

MIN_WORDS = 4  # fewer words than this is a fragment ("Read more.", "Photo: AP.")
# Scripts written without spaces (Chinese, Japanese, Thai) come out as one long "word"
# per clause; such a sentence is a fragment only when it has fewer letters than this.
MIN_UNSPACED_LETTERS = 10
LEAD_WINDOW = 50  # eligible sentences from the start that are always candidates
SAMPLED_REST = 10  # further candidates spread evenly over the rest of a long article

_QUOTE = re.compile(r"[\"“”«»„]")
_DIGIT = re.compile(r"\d")

FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "first",
    "second",
    "third",
    "inverse_rank",
    "log_rank",
    "relative_position",
    "first_in_paragraph",
    "inverse_paragraph",
    "log_words",
    "short",
    "long",
    "title_recall",
    "title_precision",
    "quote",
    "question",
    "digits",
    "lexrank",
    "textrank",
    "luhn",
    "reduction",
    "sumbasic",
    "centroid",
    "lexrank_rank",
    "textrank_rank",
    "luhn_rank",
    "centroid_rank",
    "lead_x_centroid",
    "lead_x_title",
)


@dataclass(frozen=True)
class Candidates:
    """The sentences the summarizer may choose from, with their features and stemmed content words."""

    indices: list[int]  # positions in the article's sentence list
    features: np.ndarray  # shape (len(indices), len(FEATURE_NAMES))
    terms: list[frozenset[str]]  # stemmed content words of each candidate, for redundancy checks


def is_eligible(sentence: Sentence, tokens: Sequence[str] | None = None) -> bool:
    """Not a heading or list line, and not a fragment."""
    if sentence.is_heading:
        return False
    if tokens is None:
        tokens = words(sentence.text)
    if len(tokens) >= MIN_WORDS:
        return True
    return " " not in sentence.text.strip() and sum(len(t) for t in tokens) >= MIN_UNSPACED_LETTERS


def _bounded(eligible: list[int]) -> list[int]:
    if len(eligible) <= LEAD_WINDOW + SAMPLED_REST:
        return eligible
    rest = eligible[LEAD_WINDOW:]
    step = len(rest) / SAMPLED_REST
    return eligible[:LEAD_WINDOW] + [rest[int(k * step)] for k in range(SAMPLED_REST)]


def _scaled(values: Sequence[float]) -> np.ndarray:
    """Divide by the largest value so scores compare across articles; all-zero stays zero."""
    array = np.asarray(values, dtype=float)
    array = np.nan_to_num(array - min(0.0, float(array.min()))) if len(array) else array
    top = float(array.max()) if len(array) else 0.0
    return array / top if top > 0 else np.zeros_like(array)


def _rank_score(values: np.ndarray) -> np.ndarray:
    """1 for the best-rated candidate down to 1/n for the worst; ties keep article order."""
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    return 1.0 / (1.0 + ranks)


def _configured(summarizer_class, language: Language, stems: _Stems):
    summarizer = summarizer_class(stems.stem)
    summarizer.stop_words = stop_words(language)
    return summarizer


def _sumy_ratings(chosen: list[Sentence], language: Language, stems: _Stems) -> dict[str, np.ndarray]:
    """Each sumy algorithm's rating of every chosen sentence, by the algorithms' own internals."""
    document, sumy_sentences = build_document(chosen, language.code)
    n = len(sumy_sentences)

    lexrank = _configured(LexRankSummarizer, language, stems)
    sentence_words = [lexrank._to_words_set(s) for s in sumy_sentences]
    if any(sentence_words):
        matrix = lexrank._create_matrix(
            sentence_words, lexrank.threshold, lexrank._compute_tf(sentence_words), lexrank._compute_idf(sentence_words)
        )
        with np.errstate(invalid="ignore", divide="ignore"):
            # a graph without edges (tiny or unrelated sentences) normalises 0/0; those NaNs become 0 below
            lexrank_scores = lexrank.power_method(matrix, lexrank.epsilon)
    else:
        lexrank_scores = np.zeros(n)

    textrank = _configured(TextRankSummarizer, language, stems)
    textrank_ratings = textrank.rate_sentences(document)
    reduction_ratings = _configured(ReductionSummarizer, language, stems).rate_sentences(document)

    luhn = _configured(LuhnSummarizer, language, stems)
    significant = luhn._get_significant_words(document.words)
    luhn_scores = [luhn.rate_sentence(s, significant) for s in sumy_sentences]

    # SumBasic's first pick: the mean document probability of a sentence's content words
    sumbasic = _configured(SumBasicSummarizer, language, stems)
    probabilities = sumbasic._compute_tf(document.sentences) if document.words else {}
    sumbasic_scores = [
        sumbasic._compute_average_probability_of_words(probabilities, sumbasic._get_content_words_in_sentence(s))
        for s in sumy_sentences
    ]

    # sumy's dict ratings are keyed by sentence text; duplicates share a rating
    return {
        "lexrank": np.asarray(lexrank_scores, dtype=float),
        "textrank": np.asarray([textrank_ratings.get(s, 0.0) for s in sumy_sentences], dtype=float),
        "reduction": np.asarray([reduction_ratings.get(s, 0.0) for s in sumy_sentences], dtype=float),
        "luhn": np.asarray(luhn_scores, dtype=float),
        "sumbasic": np.asarray(sumbasic_scores, dtype=float),
    }


class _Stems:
    """Stemmed content words of a text, memoised per article (stemming dominates the cost)."""

    def __init__(self, language: Language) -> None:
        self._stemmer = stemmer_for(language)
        self._stop = stop_words(language)
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """A memoising stand-in for sumy's stemmer, handed to sumy's summarizers too."""
        stem = self._cache.get(word)
        if stem is None:
            stem = self._stemmer(word)
            self._cache[word] = stem
        return stem

    def content_words(self, tokens: Sequence[str]) -> list[str]:
        """Lower-cased words that are not stop words."""
        return [w for w in (word.lower() for word in tokens) if w not in self._stop]

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        return [self.stem(w) for w in self.content_words(tokens)]


def candidates(
    sentences: Sequence[Sentence], title: str, language: Language, skip: Collection[int] = ()
) -> Candidates:
    """Features of every sentence the summarizer may pick; position counts only eligible body sentences."""
    tokens = [words(s.text) if not s.is_heading else [] for s in sentences]
    eligible = [i for i, s in enumerate(sentences) if is_eligible(s, tokens[i])]
    chosen_positions = _bounded(eligible)
    rank_of = {index: rank for rank, index in enumerate(eligible)}
    total = max(len(eligible), 1)

    stems = _Stems(language)
    # document frequencies over the whole article, of unstemmed words: one cheap pass, linear in its length
    document_counts: Counter[str] = Counter()
    for i in eligible:
        document_counts.update(set(stems.content_words(tokens[i])))
    idf = {t: math.log((1 + total) / (1 + c)) + 1.0 for t, c in document_counts.items()}
    centroid = {t: c * idf[t] for t, c in document_counts.items()}
    centroid_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    sentence_terms = {i: stems(tokens[i]) for i in chosen_positions}

    title_terms = set(stems(words(title)))
    paragraph_order = {p: k for k, p in enumerate(dict.fromkeys(sentences[i].paragraph for i in eligible))}
    seen_paragraphs: set[int] = set()
    first_in_paragraph = {}
    for i in eligible:
        first_in_paragraph[i] = sentences[i].paragraph not in seen_paragraphs
        seen_paragraphs.add(sentences[i].paragraph)

    indices = [i for i in chosen_positions if i not in skip]
    if not indices:
        return Candidates([], np.zeros((0, len(FEATURE_NAMES))), [])

    ratings = _sumy_ratings([sentences[i] for i in chosen_positions], language, stems)
    keep = [k for k, i in enumerate(chosen_positions) if i not in skip]
    scaled = {name: _scaled(values[keep]) for name, values in ratings.items()}

    rows = []
    centroid_scores = []
    for i in indices:
        counts = Counter(stems.content_words(tokens[i]))
        dot = sum(n * idf.get(t, 1.0) * centroid.get(t, 0.0) for t, n in counts.items())
        norm = math.sqrt(sum((n * idf.get(t, 1.0)) ** 2 for t, n in counts.items())) or 1.0
        centroid_scores.append(dot / (norm * centroid_norm))
    centroid_array = _scaled(centroid_scores)

    for k, i in enumerate(indices):
        text = sentences[i].text
        rank = rank_of[i]
        n_words = len(tokens[i])
        terms = set(sentence_terms[i])
        overlap = len(terms & title_terms)
        lead = 1.0 / (1.0 + rank)
        title_recall = overlap / len(title_terms) if title_terms else 0.0
        row = {
            "bias": 1.0,
            "first": float(rank == 0),
            "second": float(rank == 1),
            "third": float(rank == 2),
            "inverse_rank": lead,
            "log_rank": math.log1p(rank),
            "relative_position": rank / total,
            "first_in_paragraph": float(first_in_paragraph[i]),
            "inverse_paragraph": 1.0 / (1.0 + paragraph_order[sentences[i].paragraph]),
            "log_words": math.log(n_words),
            "short": float(n_words < 10),
            "long": float(n_words > 40),
            "title_recall": title_recall,
            "title_precision": overlap / len(terms) if terms else 0.0,
            "quote": float(bool(_QUOTE.search(text))),
            "question": float(text.rstrip("\"'”’ ").endswith("?")),
            "digits": float(bool(_DIGIT.search(text))),
            "centroid": centroid_array[k],
            "lead_x_centroid": lead * centroid_array[k],
            "lead_x_title": lead * title_recall,
        }
        row.update((name, float(values[k])) for name, values in scaled.items())
        rows.append(row)
    for name in ("lexrank", "textrank", "luhn", "centroid"):
        ranked = _rank_score(np.asarray([row[name] for row in rows]))
        for row, value in zip(rows, ranked):
            row[f"{name}_rank"] = float(value)
    features = np.asarray([[row[name] for name in FEATURE_NAMES] for row in rows], dtype=float)
    return Candidates(indices, features, [frozenset(sentence_terms[i]) for i in indices])
