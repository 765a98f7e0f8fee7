"""Language identification with langdetect, made deterministic, mapped to sumy's names."""

from __future__ import annotations

import functools
import importlib.util
import logging
import re

from langdetect.lang_detect_exception import LangDetectException

from bot.digest.front_rules import count_words
from bot.digest.language.fast_langdetect import FastDetector
from bot.digest.language.profile_table import profile_table
from bot.digest.language.stop_words import stop_words_for
from bot.digest.models import DigestError, Language

log = logging.getLogger(__name__)

# ISO 639-1 code -> the language name sumy and NLTK's Snowball stemmers use.
SUMY_NAMES: dict[str, str] = {
    "ar": "arabic",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "he": "hebrew",
    "hu": "hungarian",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "nl": "dutch",
    "no": "norwegian",
    "nb": "norwegian",  # Bokmål and Nynorsk: codes a user may force; langdetect says "no"
    "nn": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
    "zh-cn": "chinese",
    "zh-tw": "chinese",
    "zh": "chinese",
    "ca": "catalan",
    "bg": "bulgarian",
    "id": "indonesian",
    "tr": "turkish",
    "fa": "persian",
    "vi": "vietnamese",
    "hi": "hindi",
}


def normalise_code(code: str) -> str:
    """A language code as the tables here spell it: "pt_BR " -> "pt-br"."""
    return code.strip().lower().replace("_", "-")


@functools.lru_cache(maxsize=256)  # the hedge marker asks for every sentence
def base_code(code: str) -> str:
    """The language of a code without its region ("pt-br" -> "pt"); Bokmål and Nynorsk are Norwegian."""
    base = normalise_code(code).split("-")[0]
    return "no" if base in ("nb", "nn") else base

# Languages whose words sumy can stem (Snowball through NLTK, or sumy's own stemmers).
STEMMED = {
    "arabic", "czech", "danish", "dutch", "english", "finnish", "french", "german", "greek",
    "hungarian", "italian", "norwegian", "polish", "portuguese", "romanian", "russian",
    "slovak", "spanish", "swedish", "ukrainian",
}

# sumy's Polish and Greek stemmers import these packages on first use and fail without them.
_STEMMER_PACKAGES = {"polish": "pystempel", "greek": "greek_stemmer"}

# Languages whose words sumy's tokenizers would need extra packages to split (jieba, konlpy, ...);
# we split them with our own regex word tokenizer, which takes each ideograph or kana as a word.
_UNSEGMENTED = {"chinese", "japanese", "korean", "thai"}

MIN_WORDS_TO_DETECT = 5
_SAMPLE_CHARS = 2500  # langdetect is as sure on 2,500 characters as on a whole article (bench.languages)


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    # Take from the start, middle and end so one quoted passage does not decide.
    third = _SAMPLE_CHARS // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))


def identify(text: str) -> str:
    """Return langdetect's code for `text` ("en", "zh-cn", ...); raise DigestError if it cannot tell."""
    # the length test first: counting the words of a long article would cost a pass over all of it
    if len(text.strip()) < 20 and count_words(text) < MIN_WORDS_TO_DETECT:
        raise DigestError("The text is too short to tell its language.")
    try:
        return _detect(_sample(text))
    except LangDetectException:
        pass
    # The sample held no letters langdetect knows (an article drowned in emoji or symbols): ask again on the text's
    # words alone. Only texts that failed come here, so every other answer stays as it was.
    words = " ".join(_LETTER_RUN.findall(text[:_LETTERS_SCAN_CHARS]))
    try:
        return _detect(_sample(words))
    except LangDetectException as exc:
        raise DigestError("Could not tell what language the text is in.") from exc


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_LETTERS_SCAN_CHARS = 1_000_000  # the input limit's order: the words of a drowned article are found, in one pass


def _detect(sample: str) -> str:
    detector = FastDetector(profile_table())  # langdetect's Detector, same answers, about half the time
    detector.append(sample)
    return detector.detect()


@functools.lru_cache(maxsize=64)
def can_stem(name: str) -> bool:
    """Whether sumy can stem this language here (its optional stemmer package, if any, is installed)."""
    if name not in STEMMED:
        return False
    package = _STEMMER_PACKAGES.get(name)
    return package is None or importlib.util.find_spec(package) is not None


# Languages written without spaces between words, for which no offline word splitter is installed:
# every "word" would be a whole clause, so ranking sentences would be guesswork.
UNSUMMARIZABLE = {"th": "Thai", "lo": "Lao", "km": "Khmer", "my": "Burmese"}


def language_for(code: str) -> Language:
    """Describe what the summarizer can do for a language given by its ISO code."""
    code = normalise_code(code)
    if code in UNSUMMARIZABLE:
        raise DigestError(f"Sorry, I cannot summarize {UNSUMMARIZABLE[code]} text yet.")
    name = SUMY_NAMES.get(code) or SUMY_NAMES.get(base_code(code))
    if name is None:
        return Language(
            code=code,
            name="",
            stemmer=False,
            stop_words=False,
            note=f"no stemmer or stop words for language '{code}': sentences are ranked on raw word overlap",
        )
    stemmer = can_stem(name)
    stops = bool(stop_words_for(name))
    note = None
    if not stemmer and not stops:
        note = f"no stemmer or stop words for {name}: sentences are ranked on raw word overlap"
    elif not stemmer:
        note = f"no stemmer for {name}: words are compared unstemmed"
    elif not stops:
        note = f"no stop-word list for {name}: common words weigh in the ranking"
    return Language(code=code, name=name, stemmer=stemmer, stop_words=stops, note=note)


def detect_language(text: str, forced: str | None = None) -> Language:
    """The language of `text`, or of `forced` (an ISO code the user gave) when set."""
    if forced:
        code = normalise_code(forced)
        known = set(SUMY_NAMES) | set(profile_table().langlist) | set(UNSUMMARIZABLE)
        if code not in known and base_code(code) not in known:
            raise DigestError(f"Unknown language code '{forced}' (use an ISO code such as en, de, fr).")
        return language_for(code)
    code = identify(text)
    log.debug("detected language %s", code)
    return language_for(code)
