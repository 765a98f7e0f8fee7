"""Word stemmers by sumy's language name, the Snowball ones from PyStemmer.

sumy's `Stemmer` wraps NLTK's Snowball stemmers, and importing NLTK costs about
0.4 s of every command-line run (sumy.nlp.stemmers imports it whatever the
language). PyStemmer runs the same Snowball algorithms in C, about 8x faster,
from a newer Snowball release: on the English vocabulary of the CNN Corpus, BBC,
WikiWeasel and BioScope (74,082 words) 135 stems differ ("international":
NLTK "intern", PyStemmer "internat"), 0.2 % of the words in running text.
Dutch uses `dutch_porter`, the algorithm NLTK has (PyStemmer's "dutch" is a new
one). Czech, Slovak, Greek, Polish and Ukrainian keep sumy's own stemmers, read
from their modules without sumy.nlp.stemmers' package, which imports NLTK (and pycountry):
24 MB more in a digest worker from its first such text on, for functions that use neither.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import threading
from pathlib import Path
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
        # no cache of its own (PyStemmer keeps 10,000 words by default, filled by our memo's misses for hundreds of
        # digests): the memo in front of it (`summarize.features`) is the bounded one
        self._stem_word = pystemmer.Stemmer(algorithm, 0).stemWord
        self._apostrophes = algorithm == "english"

    def __call__(self, word: str) -> str:
        word = word.lower()
        if self._apostrophes and not word.isascii():
            word = word.translate(_APOSTROPHES)
        return self._stem_word(word)


# sumy's own stemmers (`sumy.nlp.stemmers.Stemmer.SPECIAL_STEMMERS`): language name -> the module of its `stem_word`.
SUMY_OWN = {"czech": "czech", "slovak": "czech", "greek": "greek", "polish": "polish", "ukrainian": "ukrainian"}
SUMY_LOWER_CASE = frozenset({"hebrew", "chinese", "japanese", "korean"})  # sumy's `null_stemmer`


def _sumy_stem_word(module_name: str) -> Callable[[str], str]:
    """`sumy.nlp.stemmers.<module_name>.stem_word`, its module run without its package's `__init__` (NLTK)."""
    name = f"sumy.nlp.stemmers.{module_name}"
    module = sys.modules.get(name)
    if module is None:
        import sumy

        spec = importlib.util.spec_from_file_location(name, Path(sumy.__file__).parent / "nlp" / "stemmers" / f"{module_name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module  # the package, if imported later, takes this one
    return module.stem_word  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=32)
def stemmer(language_name: str) -> Callable[[str], str]:
    """A word -> its stem (lower-cased, as NLTK's stemmers return it); raises LookupError for an unknown language."""
    algorithm = SNOWBALL.get(language_name)
    if algorithm is not None:
        return _SnowballStemmer(algorithm)
    if language_name in SUMY_OWN:
        return _sumy_stem_word(SUMY_OWN[language_name])
    if language_name in SUMY_LOWER_CASE:
        return lower_case
    from sumy.nlp.stemmers import Stemmer as SumyStemmer  # imports NLTK: only for a language named otherwise

    return SumyStemmer(language_name)
