"""A small learned scorer that decides whether a sentence is uncertain, and which word makes it so.

Each word of a sentence gets a probability of being an uncertainty cue from a
logistic model over its features: the word, its Snowball stem (PyStemmer's),
the stem with its left and with its right neighbour, the cue patterns that
cover it, and the hedge-lexicon groups it belongs to. The sentence is uncertain when at least one
word is a cue: P(uncertain) = 1 - (1 - p0) * prod(1 - p_word) ("noisy-or"), p0
being a small leak for sentences with no visible cue. The weights are learned
from sentence labels alone (multiple-instance learning) by
`bench/train_hedges.py`; the shipped model (`hedge_model`) holds one scorer
for general prose and one for scientific text.

Speed (the digest scores almost every sentence of an article): what a word
contributes alone (word and stem weights, its pair weights by neighbour) is
cached per word, so a sentence's logits need no feature sets
(`token_logits`; `tokens` keeps the feature sets for training); and a cached
per-word ceiling of the score (`score_ceiling`) rejects most sentences
without cues before any exact score.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from bot.digest.hedges.cue_lexicon import WORD_CACHE_SIZE, CueMatch
from bot.digest.hedges.identifiers import is_inside, no_cue_spans, starts_inside
from bot.digest.language.stemmers import stemmer
from bot.digest.word_memo import word_memo

# Auxiliaries and function words: never alone the cue a reader is shown for a hedged sentence.
NEVER_SHOWN_AS_CUE = frozenset(
    "a an the of to in on at by for from with as and but or nor so that this these those it its "
    "be is are was were am been being have has had having do does did".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")  # the same in ASCII text, tested by bitmaps
_EDGE = "<s>"


def word_regex(sentence: str) -> re.Pattern[str]:
    return _ASCII_WORD if sentence.isascii() else _WORD


@word_memo(WORD_CACHE_SIZE)
def _stem(word: str) -> str:
    return stemmer("english")(word)


def words_of(sentence: str) -> list[str]:
    """Lower-cased words (letters, with an inner apostrophe), as the scorer and the lexicon see them."""
    return [w.replace("’", "'") for w in _WORD.findall(sentence.lower())]


def _words_within(starts: Sequence[int], cue: CueMatch) -> range:
    """Indices of the words (by their sorted start offsets) that start inside the cue."""
    return range(bisect.bisect_left(starts, cue.start), bisect.bisect_left(starts, cue.end))


@dataclass(frozen=True)
class Token:
    text: str  # verbatim
    start: int
    features: frozenset[str]


# Phrases by their first word, then by their second ("" for a one-word phrase): a common first word ("is",
# "some") starts hundreds of phrases, and the second word rules out nearly all of them in one look-up.
LexiconIndex = dict[str, dict[str, list[tuple[tuple[str, ...], str]]]]


def lexicon_index(groups: Mapping[str, Sequence[str]]) -> LexiconIndex:
    index: LexiconIndex = {}
    for group, phrases in groups.items():
        for phrase in phrases:
            words = tuple(phrase.split())
            if words:
                index.setdefault(words[0], {}).setdefault(words[1] if len(words) > 1 else "", []).append((words, group))
    return index


def phrases_at(index: LexiconIndex, words: Sequence[str], i: int) -> Iterator[tuple[tuple[str, ...], str]]:
    """The lexicon phrases (words, group) that occur in `words` from index `i` on."""
    by_second = index.get(words[i])
    if by_second is None:
        return
    yield from by_second.get("", ())
    if i + 1 < len(words):
        for phrase, group in by_second.get(words[i + 1], ()):
            if len(phrase) == 2 or tuple(words[i : i + len(phrase)]) == phrase:
                yield phrase, group


def tokens_with_features(
    sentence: str,
    cues: Iterable[CueMatch],
    index: LexiconIndex | None = None,
    only: int | None = None,
) -> list[Token]:
    """The sentence's words, each with the features the scorer weighs (`only`: just the word at that index)."""
    matches = list(_WORD.finditer(sentence))
    words = [m.group(0).lower().replace("’", "'") for m in matches]
    stems = [_stem(w) for w in words]
    features: dict[int, set[str]] = {}
    for i in range(len(words)) if only is None else (only,):
        left = stems[i - 1] if i else _EDGE
        right = stems[i + 1] if i + 1 < len(stems) else _EDGE
        features[i] = {"w:" + words[i], "s:" + stems[i], f"l:{left} {stems[i]}", f"r:{stems[i]} {right}"}
    starts = [m.start() for m in matches]
    for cue in cues:
        for i in _words_within(starts, cue):
            if i in features:
                features[i].update(("cue:" + cue.name, "kind:" + cue.kind))
    if index:
        for i in range(len(words)):
            for phrase, group in phrases_at(index, words, i):
                for j in range(i, i + len(phrase)):
                    if j in features:
                        features[j].add("lex:" + group)
    return [Token(matches[i].group(0), matches[i].start(), frozenset(f)) for i, f in features.items()]


def strongest_word(words: Sequence[str], logits: Sequence[float]) -> int:
    """The index of the word (as written) with the highest logit, a function word only when all are."""
    allowed = [i for i, logit in enumerate(logits) if logit > -math.inf] or range(len(logits))  # see `shown_logits`
    shown = [i for i in allowed if words[i].lower() not in NEVER_SHOWN_AS_CUE] or allowed
    return max(shown, key=logits.__getitem__)


# The lexicon groups whose phrases are shown as a hedge's words: the hedge list's and the weasel wording's.
CARRYING_GROUPS = ("hedge_words/", "weasel/")
# A capitalised word alone is a name ("Post" of "The Post reported") or an opener ("One" of "One of the best
# ways"): shown as the cue only when it opens the sentence or a clause and is a hedge word by itself, its word and
# stem weights at least this far above an unseen word's ("Many", "Some", "Several", "Critics"; "One" is 1.4).
OPENER_OWN_WEIGHT = 2.0
# A word shown in place of a stronger one that cannot be shown must be evidence by itself: its logit this far above
# an unseen word's (else no word is shown: the sentence is plainly "hedged").
NEXT_WORD_WEIGHT = 2.0
# What stands before a clause's opener ("Leadership Programs – Many firms ...", "A: Many businesses ..."), then white
# space or an opening quote: a word after white space alone is in the middle of its clause, one glued to a full stop
# part of a name ("request.POST"), one after a bracket most often a name ("(Post-MSN and Post-BSN)").
_CLAUSE_MARKS = frozenset(":;–—-•*.!?\"“‘")
_OPENING_QUOTES = "\"“‘'"


def opens_clause(sentence: str, starts: Sequence[int], words: Sequence[str], i: int) -> bool:
    """Whether word `i` opens the sentence or a clause (after a colon, a dash, a list mark, a quote ...)."""
    if i == 0:
        return True
    gap = sentence[starts[i - 1] + len(words[i - 1]) : starts[i]]
    return any(c in _CLAUSE_MARKS for c in gap) and (gap[-1].isspace() or gap[-1] in _OPENING_QUOTES)


def shown_cue_words(sentence: str, starts: Sequence[int], words: Sequence[str], logits: Sequence[float],
                    scorer: HedgeScorer) -> tuple[int, int] | None:
    """The words (first index, end index) a reader is shown as the cue of a sentence the scorer finds uncertain
    without a cue pattern: the uncertainty lexicon's phrase over the strongest word ("One of the best"), else the
    strongest word unless it is a name or an opener that is no hedge word alone, else the next strongest such word
    that is evidence by itself, else none. `logits` are `shown_logits` (names and identifiers at -inf)."""
    lowered = [word.lower().replace("’", "'") for word in words]
    ranked = sorted((i for i, logit in enumerate(logits) if logit > -math.inf and lowered[i] not in NEVER_SHOWN_AS_CUE),
                    key=lambda i: -logits[i])
    for rank, i in enumerate(ranked):
        if rank and logits[i] < scorer.token_bias + NEXT_WORD_WEIGHT:
            return None
        covering = scorer.carrying_phrases(lowered, i)
        if covering:
            return max(covering, key=lambda phrase: (phrase[1] - phrase[0], -phrase[0]))
        if not words[i][:1].isupper():
            return i, i + 1
        if (opens_clause(sentence, starts, words, i)
                and scorer.word_part(words[i]).logit >= scorer.token_bias + OPENER_OWN_WEIGHT):
            return i, i + 1
    return None


def shown_logits(sentence: str, starts: Sequence[int], logits: Sequence[float]) -> Sequence[float]:
    """The logits with the words inside identifiers never the strongest (a reader cannot find them)."""
    spans = no_cue_spans(sentence)
    if not spans:
        return logits
    shown = list(logits)
    for i in starts_inside(spans, starts):
        shown[i] = -math.inf
    return shown


def scorer_cue(sentence: str, starts: Sequence[int], words: Sequence[str], span: tuple[int, int]) -> CueMatch:
    """The words `span` (first index, end index) as the scorer's cue, verbatim from the sentence."""
    start, end = starts[span[0]], starts[span[1] - 1] + len(words[span[1] - 1])
    return CueMatch(sentence[start:end], "scorer", "hedged", start, end)


class WordPart(NamedTuple):
    word: str  # lower-cased, as in the features
    stem: str
    logit: float  # the bias plus the word's and the stem's weights
    left: Mapping[str, float] | None  # left-neighbour stem -> weight of the pair feature, when any
    right: Mapping[str, float] | None
    most: float  # the most its logit can be outside a cue and a lexicon phrase (its best pair weights added)
    ceiling: float  # log(1 - sigmoid(most)): its factor in the score's ceiling
    starts_phrase: bool  # a lexicon phrase may start at it
    term: float  # log(1 - sigmoid(logit)): its term in the exact score when nothing else moves its logit


_CEILING = operator.attrgetter("ceiling")
_STARTS_PHRASE = operator.attrgetter("starts_phrase")


# What a letter run inside an identifier is called in the features: no weight is keyed by it.
IDENTIFIER_WORD = "<id>"


def without_identifier_cues(sentence: str, cues: Iterable[CueMatch]) -> list[CueMatch]:
    """The cues that do not start inside an identifier (`identifiers`): a name holds no cue."""
    spans = no_cue_spans(sentence)
    return [cue for cue in cues if not is_inside(spans, cue.start)] if spans else list(cues)


# The ceiling sums the same terms in another order: it must fall short by more than rounding to decide.
_CEILING_MARGIN = 1e-6


def _log_odds(log_none: float) -> float:
    """The sentence's log-odds of being uncertain from log P(no word is a cue)."""
    p_none = math.exp(log_none)
    if p_none >= 1.0:
        return -50.0
    return math.log(max(1.0 - p_none, 1e-22)) - log_none


def _log1m_sigmoid(z: float) -> float:
    """log(1 - sigmoid(z)), stable for large |z|."""
    return -z - math.log1p(math.exp(-z)) if z > 0 else -math.log1p(math.exp(z))


@dataclass(frozen=True)
class HedgeScorer:
    domain: str  # what text the weights were learned on, e.g. "general (WikiWeasel train split)"
    weights: Mapping[str, float]  # token feature -> weight
    token_bias: float  # a word's logit before its features
    leak: float  # logit of p0, the chance of an uncertain sentence with no cue word
    threshold: float  # a sentence is uncertain when its score reaches this (best F1 in cross-validation)
    lexicon_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    info: Mapping[str, Any] = field(default_factory=dict)  # how it was trained, for the record

    @functools.cached_property
    def _lexicon_index(self) -> LexiconIndex:
        return lexicon_index(self.lexicon_groups)

    def tokens(self, sentence: str, cues: Iterable[CueMatch]) -> list[Token]:
        return tokens_with_features(sentence, cues, self._lexicon_index)

    def token_logit(self, token: Token) -> float:
        return self.token_bias + math.fsum(self.weights.get(f, 0.0) for f in token.features)  # exact: set order varies by hash seed

    @functools.cached_property
    def _neighbour_weights(self) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
        """The pair features by the word's own stem: stem -> {left stem: weight}, stem -> {right stem: weight}."""
        left: dict[str, dict[str, float]] = {}
        right: dict[str, dict[str, float]] = {}
        for feature, weight in self.weights.items():
            if feature.startswith("l:"):
                before, stem = feature[2:].split(" ")
                left.setdefault(stem, {})[before] = weight
            elif feature.startswith("r:"):
                stem, after = feature[2:].split(" ")
                right.setdefault(stem, {})[after] = weight
        return left, right

    @functools.cached_property
    def _word_part(self) -> Callable[[str], WordPart]:
        """A word as written -> what its logit and its ceiling need from it alone (cached per word)."""
        return word_memo(WORD_CACHE_SIZE)(self.word_part)

    def word_part(self, written: str) -> WordPart:
        """`_word_part` uncached."""
        word = written.lower().replace("’", "'")
        return self.part_of(word, _stem(word))

    @functools.cached_property
    def part_of(self) -> Callable[[str, str], WordPart]:
        """A lower-cased word (its apostrophe straight) and its stem -> its `WordPart`."""
        weights, bias = self.weights, self.token_bias
        left, right = self._neighbour_weights
        index = self._lexicon_index
        # the best pair weight of each stem, once: a common stem pairs with hundreds of neighbours
        best_left = {stem: max(0.0, max(befores.values(), default=0.0)) for stem, befores in left.items()}
        best_right = {stem: max(0.0, max(afters.values(), default=0.0)) for stem, afters in right.items()}

        # the word and stem weights by the bare word and stem: no "w:" + word to build for each new word
        word_weights = {feature[2:]: weight for feature, weight in weights.items() if feature.startswith("w:")}
        stem_weights = {feature[2:]: weight for feature, weight in weights.items() if feature.startswith("s:")}
        log1p, exp, new = math.log1p, math.exp, tuple.__new__

        def part_of(word: str, stem: str) -> WordPart:
            logit = bias + word_weights.get(word, 0.0) + stem_weights.get(stem, 0.0)
            most = logit + best_left.get(stem, 0.0) + best_right.get(stem, 0.0)
            # `_log1m_sigmoid` of both written out (a new word's cost is mostly calls); a word without pair
            # weights has the same term for both
            term = -logit - log1p(exp(-logit)) if logit > 0 else -log1p(exp(logit))
            ceiling = term if most == logit else -most - log1p(exp(-most)) if most > 0 else -log1p(exp(most))
            # `WordPart(...)` without its Python-level __new__: the same tuple
            return new(WordPart, (word, stem, logit, left.get(stem), right.get(stem), most, ceiling, word in index, term))

        return part_of

    def token_logits(self, sentence: str, cues: Iterable[CueMatch]) -> tuple[list[re.Match[str]], list[float]]:
        """The sentence's words and each one's logit: `token_logit` of `tokens`, without building feature sets.

        The features are the ones `tokens_with_features` gives (a feature counts once per word); only
        the order of the sum differs, so a logit may differ in its last bits.
        """
        matches = list(_WORD.finditer(sentence))
        word_part = self._word_part
        starts = [m.start() for m in matches]
        parts = self.prose_parts(sentence, [word_part(m.group(0)) for m in matches], starts)
        return matches, self._logits(parts, starts, without_identifier_cues(sentence, cues))

    def _logits(self, parts: Sequence[WordPart], starts: Sequence[int], cues: Sequence[CueMatch],
                groups: dict[int, set[str]] | None = None) -> list[float]:
        """Each word's logit from its cached part, its neighbours' stems, and the cues and phrases over it
        (`groups`: the phrases' groups where `_phrase_groups` has found them already)."""
        if not parts:
            return []
        last = len(parts) - 1
        logits = []
        for i, part in enumerate(parts):
            logit = part.logit
            if part.left is not None:
                logit += part.left.get(parts[i - 1].stem if i else _EDGE, 0.0)
            if part.right is not None:
                logit += part.right.get(parts[i + 1].stem if i < last else _EDGE, 0.0)
            logits.append(logit)
        extra: dict[int, set[str]] = {}
        for cue in cues:
            for i in _words_within(starts, cue):
                extra.setdefault(i, set()).update(("cue:" + cue.name, "kind:" + cue.kind))
        index = self._lexicon_index
        if groups is not None:
            for i, found in groups.items():
                extra.setdefault(i, set()).update("lex:" + group for group in found)
        elif index:
            words: list[str] | None = None
            for i, part in enumerate(parts):
                if part.starts_phrase:
                    words = words or [p.word for p in parts]
                    for phrase, group in phrases_at(index, words, i):
                        for j in range(i, i + len(phrase)):
                            extra.setdefault(j, set()).add("lex:" + group)
        weights = self.weights
        for i, features in extra.items():
            logits[i] += math.fsum(weights.get(f, 0.0) for f in features)
        return logits

    def _score_of_logits(self, logits: Iterable[float]) -> float:
        log1p, exp = math.log1p, math.exp  # `_log1m_sigmoid` written out: a call per word costs more than its sum
        return _log_odds(_log1m_sigmoid(self.leak) + sum(-z - log1p(exp(-z)) if z > 0 else -log1p(exp(z)) for z in logits))

    def score(self, sentence: str, cues: Iterable[CueMatch]) -> float:
        """The log-odds that the sentence is uncertain: of its words as written, or with the names among them
        made no cue (`prose_parts`) when that is lower (a name can take a sentence's uncertainty, never give it)."""
        cues = list(cues)
        matches = list(_WORD.finditer(sentence))
        parts = list(map(self._word_part, (m.group(0) for m in matches)))
        starts = [m.start() for m in matches]
        written = self._score_of_logits(self._logits(parts, starts, cues))
        if not no_cue_spans(sentence):
            return written
        prose = self._logits(self.prose_parts(sentence, parts, starts), starts, without_identifier_cues(sentence, cues))
        return min(written, self._score_of_logits(prose))

    def _phrase_groups(self, parts: Sequence[WordPart]) -> dict[int, set[str]]:
        """Word index -> the lexicon groups of the phrases found over it (what `_logits` adds as "lex:" features),
        found once for the ceiling and the exact score."""
        starts = self._phrase_starts
        groups: dict[int, set[str]] = {}
        last = len(parts) - 1
        for i in itertools.compress(itertools.count(), map(_STARTS_PHRASE, parts)):  # the few words that may start one
            singles, by_second = starts[parts[i].word]
            if singles:  # its one-word phrases' groups, in the index's order (as `phrases_at` gives them)
                groups.setdefault(i, set()).update(singles)
            # `phrases_at` written out: most words that start a phrase are followed by none of its second words
            longer = by_second.get(parts[i + 1].word) if i < last else None
            if longer:
                words = [p.word for p in parts[i : i + max(len(e[0]) for e in longer)]]
                for phrase, group in longer:
                    if len(phrase) == 2 or tuple(words[: len(phrase)]) == phrase:
                        for j in range(i, i + len(phrase)):
                            groups.setdefault(j, set()).add(group)
        return groups

    @functools.cached_property
    def _phrase_starts(self) -> dict[str, tuple[tuple[str, ...], dict[str, list[tuple[tuple[str, ...], str]]]]]:
        """A phrase's first word -> the groups of its one-word phrases, and its longer phrases by their second word."""
        return {first: (tuple(group for _, group in by_second.get("", ())), {k: v for k, v in by_second.items() if k})
                for first, by_second in self._lexicon_index.items()}

    def _phrase_gains(self, parts: Sequence[WordPart], groups: dict[int, set[str]] | None = None) -> dict[int, float]:
        """Word index -> what the lexicon phrases found there may add to its logit (each group once, as a
        feature counts once): found exactly, since a bound for every word of every phrase would be loose
        ("is", "some" and "the" start hundreds of phrases)."""
        weights = self.weights
        groups = self._phrase_groups(parts) if groups is None else groups
        return {i: sum(max(0.0, weights.get("lex:" + g, 0.0)) for g in found) for i, found in groups.items()}

    def _ceiling(self, parts: Sequence[WordPart], starts: Sequence[int], cues: Sequence[CueMatch],
                 groups: dict[int, set[str]] | None = None) -> float:
        """At least the score of these words and cues, from their cached parts (see `score_ceiling`)."""
        bonus = self._phrase_gains(parts, groups)
        weights = self.weights
        for cue in cues:
            gain = max(0.0, weights.get("cue:" + cue.name, 0.0)) + max(0.0, weights.get("kind:" + cue.kind, 0.0))
            for i in _words_within(starts, cue):
                bonus[i] = bonus.get(i, 0.0) + gain
        total = self._leak_term + sum(map(_CEILING, parts))  # the same sum, in the same order, as a genexpr's
        for i, gain in bonus.items():  # a word with a bonus: its own term instead of its ceiling's
            part = parts[i]
            total += _log1m_sigmoid(part.most + gain) - part.ceiling
        return _log_odds(total)

    @functools.cached_property
    def _leak_term(self) -> float:
        return _log1m_sigmoid(self.leak)

    def score_ceiling(self, sentence: str, cues: Sequence[CueMatch] = ()) -> float:
        """At least `score(sentence, cues)`, for a word-by-word cached price: most sentences fall short of a
        threshold by it and need no exact score. A word inside a cue or a lexicon phrase may gain their weights too."""
        matches = list(_WORD.finditer(sentence))
        word_part = self._word_part
        starts = [m.start() for m in matches]
        parts = self.prose_parts(sentence, [word_part(m.group(0)) for m in matches], starts)
        return self._ceiling(parts, starts, without_identifier_cues(sentence, cues))

    def reaches(self, sentence: str, cues: Iterable[CueMatch], level: float) -> bool:
        """Whether the sentence's score is at least `level` (the ceiling settles most sentences first). Each
        word is looked up once for both; a sentence without cues needs no word offsets."""
        cues = list(cues)
        words = word_regex(sentence)
        parts = list(map(self._word_part, words.findall(sentence)))
        starts = [m.start() for m in words.finditer(sentence)] if cues else []
        if not self.parts_reach(parts, starts, cues, level):
            return False  # most sentences: no name needs looking for (see `score`)
        if not no_cue_spans(sentence):
            return True
        starts = [m.start() for m in words.finditer(sentence)]
        return self.parts_reach(self.prose_parts(sentence, parts, starts), starts, without_identifier_cues(sentence, cues), level)

    def identifier_part(self, part: WordPart) -> WordPart:
        """A letter run inside an identifier: never more of a cue than a word the model never saw (the
        bias). A run that can never be more ("CD" of "CD4") keeps its part, so a name that holds no cue
        scores as before; one that can loses its pair and phrase weights too. Its stem stays its
        neighbours' pair key, as in training."""
        if part.most <= self.token_bias and not part.starts_phrase:
            return part
        logit = min(part.logit, self.token_bias)
        return WordPart(IDENTIFIER_WORD, part.stem, logit, None, None, logit, _log1m_sigmoid(logit), False,
                        _log1m_sigmoid(logit))

    def prose_parts(self, sentence: str, parts: Sequence[WordPart], starts: Sequence[int]) -> Sequence[WordPart]:
        """The word parts with those of the letter runs inside identifiers made `identifier_part`s (the
        same list when the sentence has no identifier)."""
        spans = no_cue_spans(sentence)
        if not spans:
            return parts
        parts = list(parts)
        for i in starts_inside(spans, starts):
            parts[i] = self.identifier_part(parts[i])
        return parts

    def parts_reach(self, parts: Sequence[WordPart], starts: Sequence[int], cues: Sequence[CueMatch], level: float) -> bool:
        """`reaches` from the sentence's word parts (the word starts are needed only with cues)."""
        groups = self._phrase_groups(parts) if self._lexicon_index else {}
        if self._ceiling(parts, starts, cues, groups) < level - _CEILING_MARGIN:
            return False
        return self._exact_score(parts, starts, cues, groups) >= level

    def _exact_score(self, parts: Sequence[WordPart], starts: Sequence[int], cues: Sequence[CueMatch],
                     groups: dict[int, set[str]]) -> float:
        """`_score_of_logits(_logits(parts, starts, cues))` to the last bit, with the phrases already found
        (`_phrase_groups`) and each word's term cached for a logit that neither neighbour, cue nor phrase moves."""
        log1p, exp = math.log1p, math.exp
        terms = [
            part.term if logit == part.logit
            else -logit - log1p(exp(-logit)) if logit > 0 else -log1p(exp(logit))  # `_log1m_sigmoid` written out
            for part, logit in zip(parts, self._logits(parts, starts, cues, groups))
        ]
        return _log_odds(self._leak_term + sum(terms))

    def is_uncertain(self, sentence: str, cues: Iterable[CueMatch]) -> bool:
        return self.reaches(sentence, cues, self.threshold)

    def strongest_token(self, sentence: str, cues: Iterable[CueMatch] = ()) -> Token | None:
        """The word most likely to be the cue (verbatim, with its position), shown to readers: a function
        word the model weighs only as part of a phrase ("have" of "have been") gives way to the
        strongest other word, when there is one."""
        cues = list(cues)
        words, logits = self.token_logits(sentence, cues)
        if not logits:
            return None
        shown = shown_logits(sentence, [word.start() for word in words], logits)
        strongest = strongest_word([word.group(0) for word in words], shown)  # only its features are built
        return tokens_with_features(sentence, cues, self._lexicon_index, only=strongest)[0]

    def carrying_phrases(self, lowered: Sequence[str], over: int) -> list[tuple[int, int]]:
        """(first, end) word indices of the phrases over word `over` of the (lower-cased) words that are hedges or
        weasel wording by the lexicon ("one of the best" of weasel/superlative) and that the scorer weighs for
        uncertainty; not a booster ("clearly") nor a discourse marker ("however"), which the lexicon does not call
        hedges. Only the phrases that can reach the word are looked for (the shown word is found first)."""
        index, weights = self._lexicon_index, self.weights
        return [(i, i + len(phrase)) for i in range(max(0, over - self._longest_phrase + 1), over + 1)
                for phrase, group in phrases_at(index, lowered, i)
                if i + len(phrase) > over and group.startswith(CARRYING_GROUPS) and weights.get("lex:" + group, 0.0) > 0.0]

    @functools.cached_property
    def _longest_phrase(self) -> int:
        return max((len(phrase.split()) for phrases in self.lexicon_groups.values() for phrase in phrases), default=1)

    def shown_cue(self, sentence: str, cues: Iterable[CueMatch] = ()) -> CueMatch | None:
        """`shown_cue_words` as a cue ("scorer"), verbatim from the sentence."""
        words, logits = self.token_logits(sentence, list(cues))
        starts = [word.start() for word in words]
        written = [word.group(0) for word in words]
        span = shown_cue_words(sentence, starts, written, shown_logits(sentence, starts, logits), self)
        return None if span is None else scorer_cue(sentence, starts, written, span)

    def payload(self) -> dict[str, Any]:
        """What the model file's payload holds (rounded, so the file is small and stable)."""
        return {
            "domain": self.domain,
            "token_bias": round(self.token_bias, 5),
            "leak": round(self.leak, 5),
            "threshold": round(self.threshold, 5),
            "info": dict(self.info),
            "lexicon_groups": {k: list(v) for k, v in sorted(self.lexicon_groups.items())},
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> HedgeScorer:
        return cls(
            domain=data["domain"],
            weights=dict(data["weights"]),
            token_bias=float(data["token_bias"]),
            leak=float(data["leak"]),
            threshold=float(data["threshold"]),
            lexicon_groups={k: tuple(v) for k, v in data.get("lexicon_groups", {}).items()},
            info=dict(data.get("info", {})),
        )
