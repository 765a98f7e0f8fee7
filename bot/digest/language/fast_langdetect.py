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

import re

import numpy
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from bot.digest.language.profile_table import ProfileTable

_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's test 'A' <= ch <= 'z', punctuation between Z and a included
# Characters from U+0300 on outside the Latin Extended Additional block (U+1E00 to U+1EFF).
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")


class _Normalized(dict):
    """str.translate's table: each character as `NGram.normalize` maps it, worked out on first sight."""

    def __missing__(self, code: int) -> str:
        normalized = NGram.normalize(chr(code))
        self[code] = normalized
        return normalized


_NORMALIZED = _Normalized()


class FastDetector(Detector):
    """Detector whose text preparation, n-gram extraction and probability updates avoid per-character calls,
    over the compact profile table (langdetect's own profiles, the same numbers)."""

    def __init__(self, table: ProfileTable) -> None:
        super().__init__(table)
        self.table = table

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # langdetect drops a space that follows a space, within the first max_text_length characters
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """Drop Latin letters when the text is mostly in another script (langdetect's rule)."""
        if len(_LATIN.findall(self.text)) * 2 < len(_NON_LATIN.findall(self.text)):
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """langdetect's n-grams in its order, only those in the profiles.

        At each character c of a word (after b, after a): c, bc, and abc unless c starts the word,
        none when b and c are both capitals (langdetect skips ALL-CAPS runs); at the space after
        a word: bc and abc. Two spaces before the text stand for langdetect's empty buffer.
        """
        known = self.word_lang_prob_map
        result: list[str] = []
        append = result.append
        text = "  " + self.text.translate(_NORMALIZED)
        for a, b, c in zip(text, text[1:], text[2:]):
            if c == " ":
                if b != " ":
                    gram = b + c
                    if gram in known:
                        append(gram)
                    gram = a + gram
                    if gram in known:
                        append(gram)
            elif not (c.isupper() and b.isupper()):
                if c in known:
                    append(c)
                gram = b + c
                if gram in known:
                    append(gram)
                if b != " ":
                    gram = a + gram
                    if gram in known:
                        append(gram)
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
        langprob = [0.0] * len(self.langlist)
        for trial in range(self.n_trial):
            prob = numpy.array(self._init_probability())
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob *= weight + row_of(self.random.choice(ngrams))  # element by element, as langdetect's loop
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
