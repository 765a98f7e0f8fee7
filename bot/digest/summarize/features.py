"""Per-sentence evidence for the summarizer: position-aware centrality, title overlap and shape.

News states its point first and elaborates it after, so the centrality used
here is directed, as in PACSUM (Zheng and Lapata 2019): a sentence counts for
how much the sentences *after* it take up its words (`forward_similarity`),
and counts against it how much it repeats the ones *before* it
(`backward_similarity`). Both are sums of cosine similarities between the
sentences' sets of stemmed content words, divided by the number of candidates.
Neither needs a headline or paragraph breaks: an article pasted as one bare
paragraph gets the same evidence as the one with its headline and paragraphs,
apart from the title overlap, which is zero without a title.

sumy's LexRank, TextRank, Luhn, Reduction and SumBasic ratings, the centroid
similarity, sentence length and paragraph position were all tried and are
left out: fitted on one corpus they did not carry over to the other (see
docs/quality/summaries.md), and sumy's ratings cost more than the rest of the
summary together.

The pairwise comparisons run on a bounded set of candidates: the first
`LEAD_WINDOW` eligible sentences and an evenly spaced sample of the rest, so
the work stays small for long articles.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Callable, Collection, Sequence

import numpy as np

from bot.digest.models import Language, Sentence
from bot.digest.segment.sumy_adapter import stemmer_for, stop_words, word_pattern, words
from bot.digest.word_memo import WORD_MEMO_SIZE, word_memo

MIN_WORDS = 4  # fewer words than this is a fragment ("Read more.", "Photo: AP.", "By Jane Smith.")
# Scripts written without spaces (Chinese, Japanese, Thai) come out as one long "word"
# per clause; such a sentence is a fragment only when it has fewer letters than this.
MIN_UNSPACED_LETTERS = 10
LEAD_WINDOW = 50  # eligible sentences from the start that are always candidates
SAMPLED_REST = 10  # further candidates spread evenly over the rest of a long article
# A sentence made of the title's words with at most this many more (and never more than a third of the
# title's length) is the headline again, as PDFs and pastes print it above or beside the text.
TITLE_EXTRA_WORDS = 2
STEM_CACHE_SIZE = WORD_MEMO_SIZE  # words whose stems are remembered across articles, per language

_QUOTE = re.compile(r"[\"“”«»„‹›「」『』]")
_OPENING_QUOTE = re.compile(r"""^\s*[\"'“‘«»„‚‹›「『]""")
_QUESTION = re.compile(r"""[?？]["'”’»)\]]*\s*$""")

FEATURE_NAMES: tuple[str, ...] = (
    "forward_similarity",
    "backward_similarity",
    "title_recall",
    "quote",
    "starts_with_quote",
    "question",
)


@dataclass(frozen=True)
class Candidates:
    """The sentences the summarizer may choose from, with their features and stemmed content words."""

    indices: list[int]  # positions in the article's sentence list
    ranks: np.ndarray  # position among the article's eligible sentences (0 = the first)
    features: np.ndarray  # shape (len(indices), len(FEATURE_NAMES))
    overlap: np.ndarray  # shared words of each pair of candidates over the smaller sentence's, for redundancy

    def without(self, skip: Collection[int]) -> Candidates:
        """These candidates but those whose article index is in `skip` (each keeps its features and overlaps)."""
        keep = [k for k, i in enumerate(self.indices) if i not in skip]
        if not keep:
            return no_candidates()
        if len(keep) == len(self.indices):
            return self
        return Candidates([self.indices[k] for k in keep], self.ranks[keep], self.features[keep], self.overlap[np.ix_(keep, keep)])


def no_candidates() -> Candidates:
    return Candidates([], np.zeros(0, dtype=int), np.zeros((0, len(FEATURE_NAMES))), np.zeros((0, 0)))


def is_eligible(sentence: Sentence, tokens: Sequence[str] | None = None) -> bool:
    """Not a heading or list line, and not a fragment."""
    if sentence.is_heading:
        return False
    if tokens is None:
        tokens = words(sentence.text)
    if len(tokens) >= MIN_WORDS:
        return True
    return " " not in sentence.text.strip() and sum(len(t) for t in tokens) >= MIN_UNSPACED_LETTERS


def repeats_title(tokens: Sequence[str], title_words: Sequence[str]) -> bool:
    """Whether a sentence is the title again: the title's words in order (case aside), with at most a few
    more around them ("Topics What is Cloud Computing?" under the title "What is Cloud Computing?")."""
    extra = len(tokens) - len(title_words)
    if not title_words or extra < 0 or extra > min(TITLE_EXTRA_WORDS, len(title_words) // 3):
        return False
    lowered = [token.lower() for token in tokens]
    return any(lowered[start : start + len(title_words)] == title_words for start in range(extra + 1))


def _first_words(text: str, limit: int) -> list[str]:
    """`words(text)[:limit]`, without reading the rest of a long sentence."""
    return [match.group() for match in itertools.islice(word_pattern(text).finditer(text), limit)]


def _bounded(eligible: list[int]) -> list[int]:
    if len(eligible) <= LEAD_WINDOW + SAMPLED_REST:
        return eligible
    rest = eligible[LEAD_WINDOW:]
    step = len(rest) / SAMPLED_REST
    return eligible[:LEAD_WINDOW] + [rest[int(k * step)] for k in range(SAMPLED_REST)]


@functools.lru_cache(maxsize=32)
def _memoised_stemmer(language: Language) -> Callable[[str], str]:
    """The language's stemmer (PyStemmer's Snowball, `language.stemmers`) behind a bounded memo shared by all articles."""
    return word_memo(STEM_CACHE_SIZE)(stemmer_for(language))


def content_stems(tokens: Sequence[str], language: Language) -> frozenset[str]:
    """The stems of the lower-cased words that are not stop words."""
    stem = _memoised_stemmer(language)
    stop = stop_words(language)
    # One map() a step rather than two generators (the same words stemmed; a set has no order to keep).
    return frozenset(map(stem, itertools.filterfalse(stop.__contains__, map(str.lower, tokens))))


def similarities(terms: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of word sets: cosine (|a ∩ b| / sqrt(|a| |b|)) and overlap (|a ∩ b| / the smaller size).

    Both are zero on the diagonal and for an empty set. Cosine feeds the
    centrality; overlap tells when one sentence repeats another.
    """
    n = len(terms)
    vocabulary: dict[str, int] = {}
    # The columns follow the sets' iteration order (it varies with the hash seed): `shared` counts common words,
    # sums of 0.0 and 1.0 that are exact in any order, so the matrices are the same whatever the seed.
    columns = [vocabulary.setdefault(word, len(vocabulary)) for words_of in terms for word in words_of]
    rows = np.repeat(np.arange(n), [len(words_of) for words_of in terms])
    incidence = np.zeros((n, max(len(vocabulary), 1)))
    incidence[rows, columns] = 1.0
    shared = incidence @ incidence.T
    sizes = np.diag(shared).copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        cosine = np.nan_to_num(shared / np.sqrt(np.outer(sizes, sizes)))
        overlap = np.nan_to_num(shared / np.minimum.outer(sizes, sizes))
    np.fill_diagonal(cosine, 0.0)
    np.fill_diagonal(overlap, 0.0)
    return cosine, overlap


def directed_centrality(cosine: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: summed similarity to the sentences after it, and to those before it, over the count."""
    n = max(len(cosine), 1)
    return np.triu(cosine, 1).sum(axis=1) / n, np.tril(cosine, -1).sum(axis=1) / n


def candidates(
    sentences: Sequence[Sentence], title: str, language: Language, skip: Collection[int] = ()
) -> Candidates:
    """Features of every sentence the summarizer may pick; position counts only eligible body sentences.
    The sentences in `skip` are left out (their features would be those `pool_candidates` gives them)."""
    return pool_candidates(sentences, title, language).without(skip)


def pool_candidates(sentences: Sequence[Sentence], title: str, language: Language) -> Candidates:
    """`candidates` with nothing skipped: the whole bounded pool (the summarizer passes over sentences as it
    picks, `summarizer.select`, so that only the few it would choose need judging)."""
    title_words = [word.lower() for word in words(title)]
    # Eligibility needs only a sentence's first few words: with this many it is neither a fragment nor
    # the title again. Only the bounded pool is tokenised whole (a long text has thousands of sentences).
    enough = max(MIN_WORDS, len(title_words) + TITLE_EXTRA_WORDS + 1)
    # The first sentences are mostly in the pool, tokenised whole anyway (all of them in an article of 60 or fewer):
    # each is tokenised whole at once by one findall (in C), cheaper than matching its first words one by one first.
    # All of a sentence's words serve the two tests as its first `enough` do: past `enough` words a sentence is
    # neither a fragment nor the title again, more words or not.
    whole = LEAD_WINDOW + SAMPLED_REST
    first = [words(s.text) if not s.is_heading else [] for s in sentences[:whole]]
    first += [_first_words(s.text, enough) if not s.is_heading else [] for s in sentences[whole:]]
    eligible = [i for i, s in enumerate(sentences) if is_eligible(s, first[i]) and not repeats_title(first[i], title_words)]
    pool = _bounded(eligible)
    tokens = {i: first[i] if i < whole or len(first[i]) < enough else words(sentences[i].text) for i in pool}
    rank_of = {index: rank for rank, index in enumerate(eligible)}
    if not pool:
        return no_candidates()

    terms = [content_stems(tokens[i], language) for i in pool]
    cosine, overlap = similarities(terms)
    forward, backward = directed_centrality(cosine)
    title_terms = content_stems(title_words, language)

    rows = []
    for k, i in enumerate(pool):
        text = sentences[i].text
        recall = len(terms[k] & title_terms) / len(title_terms) if title_terms else 0.0
        rows.append(
            (
                forward[k],
                backward[k],
                recall,
                float(bool(_QUOTE.search(text))),
                float(bool(_OPENING_QUOTE.search(text))),
                float(bool(_QUESTION.search(text))),
            )
        )
    return Candidates(
        indices=pool,
        ranks=np.asarray([rank_of[i] for i in pool], dtype=int),
        features=np.asarray(rows, dtype=float),
        overlap=overlap,
    )
