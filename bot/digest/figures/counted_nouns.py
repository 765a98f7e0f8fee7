"""What a number counts: the noun phrase after it, read without a tagger.

English ends the phrase at function words, verbs in -s and the first plural;
other languages take the first content word after linking words ("millions
[d']euros"), two or three when an adjective asks for its noun.
"""

from __future__ import annotations

import re

from bot.digest.figures import lexicon as lx
from bot.digest.figures.locales import ELIDED_ARTICLES, VERB_STOPS, NumberLocale, number_locale
from bot.digest.figures.tokens import CJK_CHAR


_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")  # "U.S." is one word


_LEADING_ADJECTIVES = frozenset({"other", "more", "additional", "further", "extra", "fewer"})


def looks_plural(word: str) -> bool:
    low = word.lower()
    if low in lx.IRREGULAR_PLURALS:
        return True
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def counted_noun_after(text: str, position: int, max_words: int = 4, language_code: str = "en") -> str:
    """The noun phrase right after a number: "33,000 [Syrian refugees]", "three [officers] defected".

    Best effort without a tagger: read up to `max_words` words, stopping at
    function words and punctuation, and end at the first plural noun. With no
    plural in reach the phrase is just its first word ("the 13th [general] to
    defect"), since the words after a singular head are usually a verb.
    Other languages than English: see `foreign_counted_noun`.
    """
    locale = number_locale(language_code)
    if not locale.english:
        return foreign_counted_noun(text, position, locale)
    words: list[str] = []
    window = text[position : position + 120]
    for match in _WORD.finditer(window):
        word = match.group()
        if not words and word.lower() in _LEADING_ADJECTIVES:
            continue  # "four other accolades", "three more officers"
        if not word[0].isalpha() or len(word) == 1 or word.lower() in lx.NOUN_STOPS or word.lower().endswith(("'s", "’s")):
            break  # punctuation, a letter ("6 x 2"), a function word or a possessive ends it
        if (words and word.lower() in lx.THIRD_PERSON_VERBS) or word.lower() in lx.NOT_NOUNS:
            break
        words.append(word)
        if looks_plural(word) or len(words) >= max_words:
            break
        if window[match.end() : match.end() + 1] != " " or window[match.end() : match.end() + 2] == "  ":
            break  # punctuation or a wide gap ends the phrase
    if not words:
        return ""
    if not any(looks_plural(word) for word in words):
        words = words[:1]
    if words[0].lower().endswith(("ed", "ly", "ing")) and len(words) == 1 and len(words[0]) > 3:
        return ""  # "three defected", "two recently", "300,000 working": no noun
    return " ".join(words)


# Adjective endings that ask for the noun after them: "14 автобусных [маршрутов]", "20 nowych [mieszkań]".
_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ых", "их", "ые", "ие", "ый", "ий", "ой", "ая", "ое"),
    "uk": ("их", "ий", "ві", "ні", "ої"),
    "pl": ("ych", "ich", "ymi", "imi", "owe", "ne"),
    "cs": ("ých", "ích", "ové", "né"),
    "sk": ("ých", "ích", "ové", "né"),
}
_ELISION = re.compile(r"([^\W\d_]{1,4})['’]([^\W\d_].*)")


def foreign_counted_noun(text: str, position: int, locale: NumberLocale) -> str:
    """What a number counts outside English: the first content word after it, skipping
    linking words ("millions [d']euros", "21 [de] kilometri") and never a stop word;
    two words when the first is an adjective that wants its noun (German lower-case
    adjectives before a capitalised noun, Slavic adjective endings). Ideographs: one.
    """
    words: list[str] = []
    window = text[position : position + 120]
    links = 0
    for match in _WORD.finditer(window):
        word = match.group()
        if not word[0].isalpha():
            break
        if CJK_CHAR.match(word):
            return word[0] if not words else " ".join(words)
        elided = _ELISION.fullmatch(word)
        if elided is not None:
            if elided.group(1).lower() not in ELIDED_ARTICLES:
                break  # "n'aurait", "qu'il": a verb phrase follows
            word = elided.group(2)
        low = word.lower()
        if not words and low in locale.links and links < 2:
            links += 1
            continue
        if len(word) == 1 or low in locale.stop_words or low in lx.NOUN_STOPS or low in locale.number_words:
            break
        if low in VERB_STOPS.get(locale.code, ()):
            break  # "20 peuvent être": a verb, no noun
        words.append(word)
        limit = 3 if locale.code == "de" else 2  # "40 besonders gefährliche Korridore"
        if len(words) >= limit or window[match.end() : match.end() + 1] != " " or window[match.end() : match.end() + 2] == "  ":
            break
        if not _wants_noun(word, locale.code):
            break
    if locale.code == "de" and words and not words[-1][0].isupper():
        return ""  # "2028 gebaut werden": German nouns are capitalised, and none came
    return " ".join(words)


def _wants_noun(word: str, code: str) -> bool:
    if code == "de":
        return word[0].islower()
    return word.lower().endswith(_ADJECTIVE_ENDINGS.get(code, ())) and len(word) > 4
