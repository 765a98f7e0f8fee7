"""Choose among single-byte decodings of undeclared bytes the one that reads as text.

charset-normalizer ranks candidates by "chaos" and a coherence score that, on a
short Latin-1 page, often ties Windows-1252 with Baltic or Central European
code pages and picks the wrong one ("cafķs", "déją", "otońo"). Every such
decoding is made of letters, so chaos cannot tell them apart; what tells them
apart is whether the non-ASCII letters are ones a single language uses. Each
candidate is scored by how likely its letters are under the best fitting of
langdetect's 55 language profiles (letter frequencies), with
typographic marks (quotes, dashes, currency signs) as a fixed middling
likelihood, and control characters, replacement characters and symbols stuck
inside a word ("M³ller") as very unlikely.
"""

from __future__ import annotations

import codecs
import functools
import json
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY

_SAMPLE_BYTES = 100_000
_UNSEEN = math.log(1e-7)  # a letter a language's profile never saw
_BAD = 2 * _UNSEEN  # control, private-use, unassigned or replacement characters
_TYPOGRAPHIC = frozenset("\u00a0“”‘’„‚–—…«»‹›£€¥¢°©®™·•¡¿§¶×÷±½¼¾")
_TYPOGRAPHIC_LOG = math.log(1e-3)
_OTHER_SYMBOL_LOG = math.log(1e-5)
# A non-ASCII symbol between two letters is a misread letter ("M³ller", "Zo¸"); apostrophes and dots are not.
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s'’‘\-‐·.](?=[^\W\d_])")
# The usual legacy encodings of the web and of office files, tried even when charset-normalizer does not list them.
ALWAYS_TRIED = ("cp1252", "latin-1", "cp1250", "cp1251", "iso8859-15")


@functools.cache
def _letter_logs() -> dict[str, dict[str, float]]:
    """Per language: log frequency of each letter in langdetect's profile."""
    logs: dict[str, dict[str, float]] = {}
    for path in sorted(Path(PROFILES_DIRECTORY).iterdir()):
        profile = json.loads(path.read_text(encoding="utf-8"))
        total = profile["n_words"][0]
        logs[path.name] = {
            gram: math.log(count / total) for gram, count in profile["freq"].items() if len(gram) == 1 and gram.isalpha()
        }
    return logs


@functools.cache
@functools.lru_cache(maxsize=64)
def is_single_byte(encoding: str) -> bool:
    """Whether every byte is one character in `encoding` (so candidates are compared character for character)."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    except LookupError:
        return False
    return all(len(decoder.decode(bytes([byte]))) == 1 for byte in range(128, 256))


def _mark_log(char: str) -> float:
    if char in _TYPOGRAPHIC:
        return _TYPOGRAPHIC_LOG
    category = unicodedata.category(char)
    if category[0] == "C" or char == "\ufffd":
        return _BAD
    return _OTHER_SYMBOL_LOG


def plausibility(text: str) -> float:
    """Log-likelihood of the text's letters and non-ASCII marks under the language that explains them best.

    ASCII letters count too: they are the same in every candidate, but they pick the language
    (a French text read as Cyrillic is unlikely as Russian for its Latin letters, as French for the rest).
    """
    counts = Counter(text)
    letters = {char: n for char, n in counts.items() if char.isalpha()}
    marks = sum(n * _mark_log(char) for char, n in counts.items() if ord(char) > 127 and not char.isalpha())
    marks += _BAD * len(_SYMBOL_IN_WORD.findall(text))
    if not letters:
        return marks
    best = max(sum(n * logs.get(char, _UNSEEN) for char, n in letters.items()) for logs in _letter_logs().values())
    return best + marks


def most_plausible(body: bytes, candidates: list[str]) -> str:
    """The name of the single-byte encoding among `candidates` whose decoding of `body` reads most like text."""
    sample = body[:_SAMPLE_BYTES]
    scored = []
    for rank, encoding in enumerate(dict.fromkeys(candidates)):
        if not is_single_byte(encoding):
            continue
        # Ties (the same text from two code pages) go to the earlier candidate.
        scored.append((plausibility(sample.decode(encoding, errors="replace")), -rank, encoding))
    if not scored:
        raise ValueError("no single-byte candidate")
    return max(scored)[2]
