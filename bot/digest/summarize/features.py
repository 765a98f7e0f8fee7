"""Per-sentence evidence for the summarizer: sumy's ratings plus position, title and shape cues.

sumy's graph summarizers (LexRank, TextRank, Reduction) compare every pair of
sentences, so they run on a bounded set of candidates: the first
`LEAD_WINDOW` eligible sentences and an evenly spaced sample of the rest.
Everything else here is one pass over the words, so the work grows linearly
with the article and is capped for long ones. The pairwise similarities are
computed with numpy from one sparse count matrix per article and handed to
sumy's own power methods (see `_sumy_ratings`); the ratings are sumy's to the
bit on 300 CNN articles. sumy's LSA is left out: its
weight came out at zero on the CNN dev split, and its SVD can stall for whole
seconds when OpenBLAS threads compete for a busy machine's cores. KL is left
out too: sumy's version recomputes every candidate's divergence per pick.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Collection, Sequence

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer
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


@functools.lru_cache(maxsize=64)
def _normalised_stop_words(language: Language) -> frozenset[str]:
    """The stop words as sumy's `stop_words` setters store them: each through `normalize_word`."""
    return frozenset(map(AbstractSummarizer.normalize_word, stop_words(language)))


def _configured(summarizer_class, language: Language, stems: _Stems):
    summarizer = summarizer_class(stems.stem)
    # what the `stop_words` setter would store, without normalising the whole list again per article
    summarizer._stop_words = _normalised_stop_words(language)
    return summarizer


# A LexRank cosine this close to sumy's threshold is recomputed with sumy's own
# `cosine_similarity`, so a rounding difference in the vectorised sums cannot flip an edge.
_THRESHOLD_MARGIN = 1e-9


@dataclass(frozen=True)
class _TermCounts:
    """Each candidate's stemmed content words as sparse (sentence, stem, count) entries.

    Sparse, and summed with `np.bincount` rather than a matrix product: at 60
    sentences a BLAS product costs more in waking OpenBLAS's threads than in
    arithmetic.
    """

    words: list[list[str]]  # sumy's `_to_words_set` of each sentence, in order, repeats kept
    vocabulary: list[str]  # the stems, by column
    rows: np.ndarray  # sentence of each entry; entries are grouped by stem
    columns: np.ndarray  # stem of each entry
    counts: np.ndarray  # occurrences of the stem in the sentence
    first: np.ndarray  # with `second`: every ordered pair of entries sharing a stem, (a, a) included
    second: np.ndarray
    log_lengths: np.ndarray  # math.log of each sentence's word count (0 for an empty sentence)

    @classmethod
    def of(cls, sentence_words: list[list[str]]) -> _TermCounts:
        vocabulary: dict[str, int] = {}
        by_stem: dict[int, list[tuple[int, int]]] = {}
        for row, sentence in enumerate(sentence_words):
            for word, count in Counter(sentence).items():
                column = vocabulary.setdefault(word, len(vocabulary))
                by_stem.setdefault(column, []).append((row, count))
        rows, columns, counts = [], [], []
        for column in range(len(vocabulary)):
            for row, count in by_stem[column]:
                rows.append(row)
                columns.append(column)
                counts.append(count)
        column_array = np.asarray(columns, dtype=np.int64)
        # pair every entry with each entry of its stem's group (groups are contiguous)
        group_sizes = np.bincount(column_array, minlength=len(vocabulary))
        group_starts = np.cumsum(group_sizes) - group_sizes
        partners = group_sizes[column_array]
        first = np.repeat(np.arange(len(columns)), partners)
        offsets = np.arange(len(first)) - np.repeat(np.cumsum(partners) - partners, partners)
        second = np.repeat(group_starts[column_array], partners) + offsets
        # math.log, as sumy calls it, so the logarithms are bit-for-bit sumy's
        log_lengths = np.asarray([math.log(len(s)) if s else 0.0 for s in sentence_words])
        return cls(
            sentence_words,
            list(vocabulary),
            np.asarray(rows, dtype=np.int64),
            column_array,
            np.asarray(counts, dtype=float),
            first,
            second,
            log_lengths,
        )

    def pair_sums(self, values: np.ndarray) -> np.ndarray:
        """Sentences × sentences: per pair of sentences, `values` (one per entry pair) summed over shared stems."""
        n = len(self.words)
        cells = self.rows[self.first] * n + self.rows[self.second]
        return np.bincount(cells, weights=values, minlength=n * n).reshape(n, n)

    @functools.cached_property
    def shared_words(self) -> np.ndarray:
        """sumy's `_rate_sentences_edge` numerator for every pair: sum(words2.count(w) for w in words1).

        Counting with repeats is the sum over shared stems of count1 × count2;
        small integers, so exact in floating point.
        """
        return self.pair_sums(self.counts[self.first] * self.counts[self.second])

    def length_norms(self) -> np.ndarray:
        """sumy's edge denominator for every pair: math.log(len(words1)) + math.log(len(words2))."""
        return self.log_lengths[:, np.newaxis] + self.log_lengths[np.newaxis, :]


def _lexrank_matrix(lexrank: LexRankSummarizer, terms: _TermCounts) -> np.ndarray:
    """sumy's `LexRankSummarizer._create_matrix`, vectorised.

    tf: a stem's count over the sentence's largest count (`_compute_tf`);
    idf: log(sentences / (1 + sentences containing the stem)) (`_compute_idf`);
    edge: idf-modified cosine (`cosine_similarity`: sum of tf1·tf2·idf² over
    shared stems, over the product of the sentences' tf·idf norms) above
    `threshold` becomes 1, then each row is divided by its edge count (a row
    without edges stays zero).
    """
    n = len(terms.words)
    largest = np.zeros(n)
    np.maximum.at(largest, terms.rows, terms.counts)
    tf = terms.counts / largest[terms.rows]
    containing = np.bincount(terms.columns, minlength=len(terms.vocabulary))
    idf_by_stem = np.asarray([math.log(n / (1 + c)) for c in containing.tolist()])
    idf = idf_by_stem[terms.columns]
    numerator = terms.pair_sums(tf[terms.first] * tf[terms.second] * idf[terms.first] ** 2)
    norms = np.sqrt(np.bincount(terms.rows, weights=(tf * idf) ** 2, minlength=n))
    with np.errstate(invalid="ignore", divide="ignore"):
        cosine = np.where(np.outer(norms > 0, norms > 0), numerator / np.outer(norms, norms), 0.0)
    borderline = np.argwhere(np.abs(cosine - lexrank.threshold) < _THRESHOLD_MARGIN)
    if len(borderline):
        tf_dicts = lexrank._compute_tf(terms.words)
        idf_dict = dict(zip(terms.vocabulary, idf_by_stem.tolist()))
        for row, column in borderline.tolist():
            cosine[row, column] = lexrank.cosine_similarity(
                terms.words[row], terms.words[column], tf_dicts[row], tf_dicts[column], idf_dict
            )
    edges = (cosine > lexrank.threshold).astype(float)
    degrees = edges.sum(axis=1)
    degrees[degrees == 0] = 1
    return edges / degrees[:, np.newaxis]


def _textrank_matrix(textrank: TextRankSummarizer, terms: _TermCounts) -> np.ndarray:
    """sumy's `TextRankSummarizer._create_matrix`, vectorised.

    Edge weight: shared words / (log len1 + log len2) (`_rate_sentences_edge`;
    the shared count itself when both sentences are one word long, 0 when no word
    is shared), rows normalised with sumy's zero-division guard, then damped.
    """
    n = len(terms.words)
    shared = terms.shared_words
    norms = terms.length_norms()
    with np.errstate(invalid="ignore", divide="ignore"):
        weights = np.where(shared == 0, 0.0, np.where(norms == 0, shared, shared / norms))
    weights /= weights.sum(axis=1)[:, np.newaxis] + textrank._ZERO_DIVISION_PREVENTION
    return np.full((n, n), (1.0 - textrank.damping) / n) + textrank.damping * weights


def _reduction_degrees(terms: _TermCounts) -> np.ndarray:
    """Each sentence's summed edge weight to every other one, as in `ReductionSummarizer.rate_sentences`.

    Edge weight: shared words / (log len1 + log len2), 0 when nothing is shared
    or both sentences are one word long (`_rate_sentences_edge`).
    """
    shared = terms.shared_words
    norms = terms.length_norms()
    with np.errstate(invalid="ignore", divide="ignore"):
        weights = np.where((shared == 0) | (norms == 0), 0.0, shared / norms)
    np.fill_diagonal(weights, 0.0)
    # sumy adds each sentence's edges one partner at a time in sentence order; so does this,
    # a whole column per step, so the sums round exactly as sumy's do
    degrees = np.zeros(len(weights))
    for column in weights.T:
        degrees += column
    return degrees


def _by_sumy_key(sumy_sentences: Sequence, values: np.ndarray, combine: str) -> np.ndarray:
    """sumy keys TextRank's and Reduction's ratings by sentence text, so repeated sentences share one.

    TextRank's dict keeps the last repeat's rating ("last"); Reduction's
    defaultdict adds up every repeat's edges ("sum").
    """
    groups: dict[object, list[int]] = {}
    for position, sentence in enumerate(sumy_sentences):
        groups.setdefault(sentence, []).append(position)
    if len(groups) == len(sumy_sentences):
        return values
    merged = values.copy()
    for positions in groups.values():
        merged[positions] = values[positions[-1]] if combine == "last" else values[positions].sum()
    return merged


def _sumy_ratings(chosen: list[Sentence], language: Language, stems: _Stems) -> dict[str, np.ndarray]:
    """Each sumy algorithm's rating of every chosen sentence, the numbers sumy itself computes.

    LexRank, TextRank and Reduction compare every pair of sentences in pure
    Python inside sumy; here their similarity matrices come from one count
    matrix per document (see `_lexrank_matrix`, `_textrank_matrix`,
    `_reduction_degrees`) and sumy's own power methods run on them. The words
    are sumy's (`_to_words_set`: lower-cased, stop words dropped, stemmed), the
    same list for all three and for SumBasic's content words.
    """
    document, sumy_sentences = build_document(chosen, language.code)
    n = len(sumy_sentences)

    lexrank = _configured(LexRankSummarizer, language, stems)
    sentence_words = [lexrank._to_words_set(s) for s in sumy_sentences]
    terms = _TermCounts.of(sentence_words)

    if any(sentence_words):
        with np.errstate(invalid="ignore", divide="ignore"):
            # a graph without edges (tiny or unrelated sentences) normalises 0/0; those NaNs become 0 later
            lexrank_scores = LexRankSummarizer.power_method(_lexrank_matrix(lexrank, terms), lexrank.epsilon)
    else:
        lexrank_scores = np.zeros(n)

    textrank = _configured(TextRankSummarizer, language, stems)
    textrank_scores = TextRankSummarizer.power_method(_textrank_matrix(textrank, terms), textrank.epsilon)
    reduction_scores = _reduction_degrees(terms)

    luhn = _configured(LuhnSummarizer, language, stems)
    # a frozenset of sumy's tuple: `rate_sentence` only tests membership, once per word
    significant = frozenset(luhn._get_significant_words(document.words))
    luhn_scores = [luhn.rate_sentence(s, significant) for s in sumy_sentences]

    # SumBasic's first pick: the mean document probability of a sentence's content words
    # (`_compute_tf` over the document's content words, which are these same word lists)
    all_words = [word for sentence in sentence_words for word in sentence]
    frequencies = SumBasicSummarizer._compute_word_freq(all_words)
    probabilities = {word: count / len(all_words) for word, count in frequencies.items()}
    average_probability = SumBasicSummarizer._compute_average_probability_of_words
    sumbasic_scores = [average_probability(probabilities, s) for s in sentence_words]

    return {
        "lexrank": np.asarray(lexrank_scores, dtype=float),
        "textrank": _by_sumy_key(sumy_sentences, np.asarray(textrank_scores, dtype=float), "last"),
        "reduction": _by_sumy_key(sumy_sentences, reduction_scores, "sum"),
        "luhn": np.asarray(luhn_scores, dtype=float),
        "sumbasic": np.asarray(sumbasic_scores, dtype=float),
    }


STEM_CACHE_SIZE = 50_000  # words whose stems are remembered across articles, per language


@functools.lru_cache(maxsize=32)
def _memoised_stemmer(language: Language) -> Callable[[str], str]:
    """sumy's stemmer for the language behind a bounded memo shared by all articles (stemming dominates the cost)."""
    return functools.lru_cache(maxsize=STEM_CACHE_SIZE)(stemmer_for(language))


class _Stems:
    """Stemmed content words of a text."""

    def __init__(self, language: Language) -> None:
        # the memoising stand-in for sumy's stemmer, handed to sumy's summarizers too
        self.stem: Callable[[str], str] = _memoised_stemmer(language)
        self._stop = stop_words(language)

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
        # dict.fromkeys, not set: a set's order changes with the hash seed, and so would the float sums below
        document_counts.update(list(dict.fromkeys(stems.content_words(tokens[i]))))
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
