"""Word stemmers by sumy's language name, the Snowball ones from PyStemmer.

sumy's `Stemmer` wraps NLTK's Snowball stemmers, and importing NLTK costs about
0.4 s of every command-line run (sumy.nlp.stemmers imports it whatever the
language). PyStemmer runs the same Snowball algorithms in C, about 8x faster,
from a newer Snowball release: on the English vocabulary of the CNN Corpus, BBC,
WikiWeasel and BioScope (74,082 words) 135 stems differ ("international":
NLTK "intern", PyStemmer "internat"), 0.2 % of the words in running text.
Dutch uses `dutch_porter`, the algorithm NLTK has (PyStemmer's "dutch" is a new
one). Czech, Slovak, Greek, Polish and Ukrainian keep sumy's own stemmers
(imported, with NLTK, only when such a text comes).
"""

from __future__ import annotations

import functools
import threading
from typing import Callable

import Stemmer as pystemmer

# sumy's language name -> PyStemmer's algorithm, for the languages sumy stems with NLTK's Snowball.
SNOWBALL = {
    "arabic": "arabic",
    "danish": "danish",
    "dutch": "dutch_porter",
    "english": "english",
    "finnish": "finnish",
    "french": "french",
    "german": "german",
    "hungarian": "hungarian",
    "italian": "italian",
    "norwegian": "norwegian",
    "portuguese": "portuguese",
    "romanian": "romanian",
    "russian": "russian",
    "spanish": "spanish",
    "swedish": "swedish",
}


def lower_case(word: str) -> str:
    """The stemmer of a language without one (sumy's `null_stemmer`)."""
    return word.lower()


# NLTK's English stemmer reads the typographic apostrophes as "'" ("Trump’s" -> "trump"); Snowball's does not.
_APOSTROPHES = str.maketrans("\u2018\u2019\u201b", "'''")


class _SnowballStemmer(threading.local):
    """One PyStemmer object per thread: a Snowball stemmer keeps state between calls and is not thread-safe."""

    def __init__(self, algorithm: str) -> None:
        self._stem_word = pystemmer.Stemmer(algorithm).stemWord
        self._apostrophes = algorithm == "english"

    def __call__(self, word: str) -> str:
        word = word.lower()
        if self._apostrophes and not word.isascii():
            word = word.translate(_APOSTROPHES)
        return self._stem_word(word)


@functools.lru_cache(maxsize=32)
def stemmer(language_name: str) -> Callable[[str], str]:
    """A word -> its stem (lower-cased, as NLTK's stemmers return it); raises LookupError for an unknown language."""
    algorithm = SNOWBALL.get(language_name)
    if algorithm is not None:
        return _SnowballStemmer(algorithm)
    from sumy.nlp.stemmers import Stemmer as SumyStemmer  # imports NLTK: only for sumy's own stemmers

    return SumyStemmer(language_name)
