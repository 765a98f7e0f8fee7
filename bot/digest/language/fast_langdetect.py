"""langdetect's Detector with its per-character loops done by str methods, same answers.

langdetect normalises and cuts a text into 1- to 3-grams one character at a time
through method calls, and updates 55 language probabilities in indexed loops;
that was 9 ms of a 2,500-character sample. Here the normalisation is one
`str.translate` (each character normalised once per process by langdetect's own
`NGram.normalize`), the n-grams are cut word by word in the order langdetect
emits them, and the probabilities are updated by list comprehensions doing the
same floating-point operations in the same order. The random draws are the same,
so the probabilities are identical to the last bit (`tests/digest/language/
test_fast_langdetect.py` compares with langdetect's own Detector over langdetect's
own profiles, loaded in the same language order). The profiles are read from the
compact table of `profile_table.py` (the same numbers, loaded in a fraction of the time).
"""

from __future__ import annotations

import functools
import re
import weakref
from typing import Callable, Mapping

import numpy
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from bot.digest.language.profile_table import ProfileTable
from bot.digest.word_memo import word_memo

# Words whose n-gram rows are remembered. Four times the pipeline's bound (`WORD_MEMO_SIZE`): a miss here
# costs most (7.5 us), and over the 890 benchmark pastes in one pass 16,384 words missed 38 a paste, 4,096
# words 77 (0.3 ms a paste more); full, the memo takes about 6 MB.
_WORD_MEMO = 16_384
_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's test 'A' <= ch <= 'z', punctuation between Z and a included
# Characters from U+0300 on outside the Latin Extended Additional block (U+1E00 to U+1EFF), written as
# the complement of what they are not: re compiles the ranges up to U+10FFFF in 5 to 20 ms, this in 0.1.
_NON_LATIN = re.compile("[^\x00-\u02ff\u1e00-\u1eff]")


class _Normalized(dict):
    """str.translate's table: each character as `NGram.normalize` maps it, worked out on first sight."""

    def __missing__(self, code: int) -> str:
        normalized = NGram.normalize(chr(code))
        self[code] = normalized
        return normalized


_NORMALIZED = _Normalized()


# In UTF-8 a character from U+0300 on starts with a byte from 0xCC on (U+0300 is CC 80; every character below
# it starts lower), and U+1E00 to U+1EFF are E1 B8 80 to E1 BB BF: counting bytes counts the two classes
# above without a match object per character (a paste's curly quotes make nearly every text non-ASCII).
_NON_LATIN_LEADS = bytes(range(0xCC, 0xF5))
_LATIN_BYTES = bytes(range(ord("A"), ord("z") + 1))
_LATIN_EXTENDED_ADDITIONAL = (b"\xe1\xb8", b"\xe1\xb9", b"\xe1\xba", b"\xe1\xbb")


def script_counts(text: str) -> tuple[int, int]:
    """(`len(_LATIN.findall(text))`, `len(_NON_LATIN.findall(text))`), counted on the UTF-8 bytes."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is three bytes from 0xED, as U+D800 on is
    latin = len(data) - len(data.translate(None, _LATIN_BYTES))
    if text.isascii():
        return latin, 0
    leads = len(data) - len(data.translate(None, _NON_LATIN_LEADS))
    return latin, leads - sum(map(data.count, _LATIN_EXTENDED_ADDITIONAL))


# The combining marks of langdetect's Vietnamese normalisation (`NGram.ALPHABET_WITH_DMARK`): every match ends in one.
_VIETNAMESE_MARKS = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def may_hold_vietnamese_mark(text: str) -> bool:
    """Whether `NGram.normalize_vi` can change `text`: only a text holding one of its combining marks."""
    return not text.isascii() and any(mark in text for mark in _VIETNAMESE_MARKS)


class FastDetector(Detector):
    """Detector whose text preparation, n-gram extraction and probability updates avoid per-character calls,
    over the compact profile table (langdetect's own profiles, the same numbers)."""

    def __init__(self, table: ProfileTable) -> None:
        super().__init__(table)
        self.table = table

    def append(self, text: str) -> None:
        # langdetect's three substitutions, each run only where it can match (its literal "://" or "@", or a
        # combining mark: `may_hold_vietnamese_mark`): on a text without "@" the e-mail pattern still tried up to 64
        # characters at every letter (0.04 ms a paste), the Vietnamese one its class at every character.
        if "://" in text:
            text = self.URL_RE.sub(" ", text)
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        if may_hold_vietnamese_mark(text):
            text = NGram.normalize_vi(text)
        # langdetect drops a space that follows a space, within the first max_text_length characters (a text the
        # pipeline tidied has no two in a row: looked for first)
        text = text[: self.max_text_length]
        self.text += _SPACES.sub(" ", text) if "  " in text else text

    def cleaning_text(self) -> None:
        """Drop Latin letters when the text is mostly in another script (langdetect's rule)."""
        latin, non_latin = script_counts(self.text)
        if non_latin and latin * 2 < non_latin:
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[int]:
        """langdetect's n-grams in its order, those in the profiles, as their rows in the table.

        What langdetect emits at a word's letters and at the space after it depends on that word
        alone (its buffer restarts at a space, and a second space emits nothing), so a word's
        n-grams are worked out once and kept in a bounded cache (`word_rows`). The last word,
        with no space after it, lacks the two n-grams of that space. The trials draw from this
        list by position only, so rows in place of the n-grams' text draw the same n-grams.
        """
        words = self.text.translate(_NORMALIZED).split(" ")
        rows_of = _word_rows_cache(self.table)
        result: list[int] = []
        extend = result.extend
        for word in words[:-1]:
            if word:
                extend(rows_of(word))
        if words[-1]:
            extend(word_rows(words[-1], self.table.grams, followed_by_space=False))
        return result

    def _detect_block(self) -> None:
        self.langprob = self._trials(stop_when_decided=False)

    def detect(self) -> str:
        """The most probable language, as `Detector.detect` gives it, without the trials that cannot change it.

        After each trial (its probabilities sum to 1), when the leader is ahead of every other language by
        more than all remaining trials could add, and above langdetect's reporting threshold, it is the
        answer all trials would give. `get_probabilities` still runs every trial.
        """
        if self.langprob is not None:
            return super().detect()
        langprob = self._trials(stop_when_decided=True)
        ranked = sorted(((p, code) for code, p in zip(self.langlist, langprob) if p > self.PROB_THRESHOLD), reverse=True)
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            self.langprob = self._trials(stop_when_decided=False)  # a tie: langdetect's own order decides
            return super().detect()
        return ranked[0][1] if ranked else self.UNKNOWN_LANG

    def _trials(self, stop_when_decided: bool) -> list[float]:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        self.random.seed(self.seed)
        row_of = self.table.row
        # random.choice(seq) is seq[_randbelow(len(seq))]: the same draws without two calls per draw
        randbelow, count = self.random._randbelow, len(ngrams)
        langprob = [0.0] * len(self.langlist)
        for trial in range(self.n_trial):
            prob = numpy.array(self._init_probability())
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob *= weight + row_of(ngrams[randbelow(count)])  # element by element, as langdetect's loop
                if i % 5 == 0:
                    prob /= sum(prob.tolist())  # Python's left-to-right sum, as langdetect's
                    # langdetect's running maximum starts at 0.0 and takes p when p > it
                    if max(0.0, *prob.tolist()) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            langprob = [total + p / self.n_trial for total, p in zip(langprob, prob.tolist())]
            if stop_when_decided and _decided(langprob, (self.n_trial - trial - 1) / self.n_trial, self.PROB_THRESHOLD):
                break
        return langprob


def _decided(langprob: list[float], still_to_add: float, threshold: float) -> bool:
    """Whether the leader stays first whatever the remaining trials add (each at most `still_to_add` in all,
    with a margin for rounding) and is already reported (above langdetect's threshold)."""
    first, second = sorted(langprob, reverse=True)[:2] if len(langprob) > 1 else (langprob[0], 0.0)
    return first > threshold and first - second > still_to_add * (1 + 1e-9) + 1e-12


def word_rows(word: str, rows: Mapping[str, int], followed_by_space: bool = True) -> tuple[int, ...]:
    """The n-grams langdetect emits for one normalised word (no space in it), as their `rows`;
    n-grams not in `rows` are left out, as langdetect leaves out those not in its profiles.

    At each character c (after b, after a): c, bc, and abc unless c starts the word, none when b
    and c are both capitals (langdetect skips ALL-CAPS runs); at the space after the word: bc
    and abc. Two spaces before the word stand for langdetect's buffer after a space.
    """
    result: list[int] = []
    append = result.append
    get = rows.get
    text = "  " + word + (" " if followed_by_space else "")
    for a, b, c in zip(text, text[1:], text[2:]):
        if c == " ":
            grams: tuple[str, ...] = (b + c, a + b + c)
        elif c.isupper() and b.isupper():
            continue
        elif b == " ":
            grams = (c, b + c)
        else:
            grams = (c, b + c, a + b + c)
        for gram in grams:
            row = get(gram)
            if row is not None:
                append(row)  # the table's own int object: a cached word costs its tuple only
    return tuple(result)


_WORD_CACHES: weakref.WeakKeyDictionary[ProfileTable, Callable[[str], tuple[int, ...]]] = weakref.WeakKeyDictionary()


def _word_rows_cache(table: ProfileTable) -> Callable[[str], tuple[int, ...]]:
    """`word_rows` over `table`, cached per word: common words recur in every text."""
    cached = _WORD_CACHES.get(table)
    if cached is None:
        cached = _WORD_CACHES[table] = word_memo(_WORD_MEMO)(functools.partial(word_rows, rows=table.grams))
    return cached
