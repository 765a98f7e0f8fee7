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
_TYPOGRAPHIC = frozenset("\u00ad\u00a0“”‘’„‚–—…«»‹›£€¥¢°©®™·•¡¿§¶×÷±½¼¾")
_TYPOGRAPHIC_LOG = math.log(1e-3)
_OTHER_SYMBOL_LOG = math.log(1e-5)
# A non-ASCII symbol between two letters is a misread letter ("M³ller", "Zo¸"); apostrophes, dots, dashes
# the ellipsis and the soft hyphen are not ("numbers—it", "though…nothing", "Assis\u00adtance": English
# typography, which a CJK or KOI8-R reading swallows).
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s'’‘\-‐–—…·.\u00ad](?=[^\W\d_])")
# The usual legacy encodings of the web and of office files, tried even when charset-normalizer does not list them.
ALWAYS_TRIED = ("cp1252", "latin-1", "cp1250", "cp1251", "iso8859-15", "koi8-r")
# The legacy encodings a browser reads pages in (WHATWG Encoding Standard), by Python's codec names.
# charset-normalizer also proposes DOS and rare code pages (cp850, cp775, cp857, cp1006, cp1125, big5-hkscs
# extensions...), under which a short English text's dash or curly quote becomes a letter ("seasonóit",
# "na’ve" for "naïve"): no page or office file of the last twenty years is written in them.
WEB_ENCODINGS = frozenset(
    codecs.lookup(name).name
    for name in (
        "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
        "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
        "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
        "cp1258", "latin-1", "gbk", "gb18030", "big5", "euc-jp", "iso2022-jp", "shift_jis", "cp932", "euc-kr",
        "cp949", "utf-16",
        # the names charset-normalizer gives the Japanese and Hong Kong supersets of the above
        "euc_jis_2004", "shift_jis_2004", "big5hkscs",
    )
)


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


# Windows-1252 (and Latin-1, its subset) is what a browser reads undeclared legacy pages in for most of
# the world: a prior of e**4 (about 50 to 1) for it over the other code pages. A short English or French
# text with one accented letter reads a little better, letter for letter, as Czech or Latvian
# ("naïve" as "naďve" or "naīve": 1.4 to 3.1 more); a real Czech, Polish or Baltic text beats it by 7 or more.
WESTERN = frozenset({"cp1252", "iso8859-1"})
WESTERN_PRIOR = 4.0


def is_web_encoding(name: str) -> bool:
    try:
        return codecs.lookup(name).name in WEB_ENCODINGS
    except LookupError:
        return False


def most_plausible(body: bytes, candidates: list[str]) -> str:
    """The name of the single-byte encoding among `candidates` whose decoding of `body` reads most like text."""
    sample = body[:_SAMPLE_BYTES]
    scored = []
    for rank, encoding in enumerate(dict.fromkeys(candidates)):
        if not is_single_byte(encoding):
            continue
        # Ties (the same text from two code pages) go to the earlier candidate.
        scored.append((plausibility(sample.decode(encoding, errors="replace")) + _prior(encoding), -rank, encoding))
    if not scored:
        raise ValueError("no single-byte candidate")
    return max(scored)[2]


def choose_encoding(body: bytes, detected: list[str]) -> str:
    """The encoding of undeclared, non-UTF-8 bytes: among the web's encodings that the detector lists
    (best first) and ALWAYS_TRIED, the one whose decoding reads most like text.

    A multi-byte encoding (CJK) is taken only when its decoding beats the best single-byte one: a
    short Western text whose accented letters happen to pair up with the next byte ("Über" as one
    Big5 character and "er") decodes as CJK without reading as it."""
    web = [name for name in detected if is_web_encoding(name)]
    single = most_plausible(body, [name for name in web if is_single_byte(name)] + list(ALWAYS_TRIED))
    sample = body[:_SAMPLE_BYTES]
    best = (plausibility(sample.decode(single, errors="replace")) + _prior(single), single)
    for name in web:
        if not is_single_byte(name):
            # errors="ignore": the sample may end inside a character (the detector listed only clean decodings)
            best = max(best, (plausibility(sample.decode(name, errors="ignore")), name))
    return best[1]


def _prior(encoding: str) -> float:
    return WESTERN_PRIOR if codecs.lookup(encoding).name in WESTERN else 0.0
