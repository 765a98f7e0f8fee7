"""Find every quantity in a text: numbers with their modifiers, units and what they count.

The text is cut into word, number and symbol tokens by one linear regex; each
number is then grown left (currency, sign, "nearly", "at least", month names)
and right (scale words, units, percent, ranges, years) by looking at a bounded
number of neighbouring tokens, so the whole scan is linear in the text length.
Labels ("Table 4", "[12]", "x11"), phone numbers, web addresses and list
numbering are left out; dates and times of day are kept as their own kinds so a
caller can drop them.

Other languages: `find_quantities(text, language_code)` reads numbers the way
that language writes them (see `locales.NumberLocale`: "1.200" and "3,5" in
German, "38 millions d'euros", "60 миллиардов рублей", "12亿元"). English, the
default, keeps exactly the rules above; the other languages add to them.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from dataclasses import dataclass, replace
from typing import Collection, Mapping

from bot.digest.figures import lexicon as lx
from bot.digest.figures.locales import (
    CJK_CURRENCIES,
    CJK_DATE_MARKS,
    CJK_UNITS,
    CJK_SCALES,
    CURRENCY_SYMBOLS_AFTER,
    FOREIGN_UNIT_STEMS,
    FOREIGN_UNIT_SYMBOLS,
    NUMBER_JOINERS,
    PERCENT_PHRASES,
    REFERENCE_WORDS,
    SCALE_ABBREVIATIONS,
    NumberLocale,
    number_locale,
)
from bot.digest.figures.counted_nouns import counted_noun_after, foreign_counted_noun, looks_plural
from bot.digest.figures.numbers import parse_digits
from bot.digest.figures.tokens import CJK_CHAR, Token, masked_spans, tokenize
from bot.digest.language.stop_words import stop_words_for

log = logging.getLogger(__name__)

_EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "000"})
_EMERGENCY_NEXT = frozenset({"call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator", "operators", "emergency", "system", "center", "centre", "line"})
_EMERGENCY_PREV = frozenset({"called", "call", "calling", "dialed", "dialled", "dial", "dialing", "dialling", "phoned", "rang"})
_GROUP_SPACES = frozenset({" ", "\u00a0", "\u202f", "\u2009"})
_STATISTIC_ABBREVIATIONS = frozenset({"CI", "SD", "SE", "SEM", "IQR", "OR", "HR", "RR", "AD", "BC", "BCE", "CE"})
_CASED_TIME_SYMBOLS = frozenset(symbol.lower() for symbol in lx.TIME_SYMBOLS_CASED)
_ONE_AS_PRONOUN_NEXT = frozenset({
    "of", "another", "who", "which", "that", "thing", "way", "hand", "side", "would", "could", "can",
    "may", "might", "must", "should", "will", "is", "was", "has", "had", "does", "did", "where",
})
_ONE_AS_PRONOUN_PREV = frozenset({"no", "the", "any", "every", "each", "this", "that"})
# "could one day help", "may one day be", "maybe one day", "hopefully, one day returning": "one day" means
# "someday", not a duration of one day (tenth session: "It could one day help" was a 1-day figure and a key number).
_MODALS = frozenset({"could", "will", "would", "may", "might", "should", "can", "must", "shall", "ll"})
_SOMEDAY_BEFORE = _MODALS | frozenset({"maybe", "perhaps", "hopefully", "possibly", "someday", "eventually"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it"})
_HALF_JOINS = frozenset({"and", "And", "-"})  # what "and a half" can start with: a cheap test before `_and_a_half`
_SENTENCE_OPENERS = frozenset(".!?\"“”'‘’")
# English function words that may stand capitalised before a number at a sentence start.
_FUNCTION_WORDS = stop_words_for("english") | frozenset({"only", "just", "some", "all", "nearly", "about"})


_CLOCK_WORDS_AFTER = frozenset({"uhr", "klokken", "kl", "óra", "órakor", "heure"})
_DOTTED_MODIFIERS = frozenset({"ca", "cca", "ok", "kb", "approx", "appr", "prib", "ок", "ср", "прибл"})
_DOTTED_CLOCK = re.compile(r"\d{1,2}\.\d{2}")
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")  # 12.05.2024
_LOWER_LONG_WORD = re.compile(r"\b[a-z]{5,}")  # a headline in title case has none
# A dateline glued to the story's first sentence ("Sochi, Russia Two members of ..."): the number word after
# it opens the sentence, it is not inside a name.
_DATELINE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2} ")
# Italian articles before an hour: "alle 24", "dalle 8".
_CLOCK_WORDS_BEFORE = frozenset({"alle", "dalle", "entro"})


@dataclass(frozen=True)
class Quantity:
    start: int  # character offsets of the span in the scanned text
    end: int
    text: str  # text[start:end]: modifier, number, scale and unit as written
    value: float | None  # numeric value (ranges: the lower bound; dates and times: None)
    unit_or_counts: str  # the unit ("km", "months", "dollars", "%") or the counted noun phrase
    approximate: bool
    kind: str  # count, ordinal, duration, money, percent, date, time, measure


_GROUP_WITH_DECIMALS = re.compile(r"\d{3},\d+")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPTS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_MINUS = frozenset("-−–")
_DASHES = frozenset("-−–—")
_SIGNS = frozenset("-−+±")
_COMPARATORS = frozenset("~∼≈≃≅<>≤≥⩽⩾≲≳")

def _phrases_by_last(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Modifier phrases by their last word, longest first."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(dict.fromkeys(phrases), key=len, reverse=True):
        by_last.setdefault(phrase[-1], []).append(phrase)
    return by_last


_PHRASES_BY_LAST = _phrases_by_last(lx.APPROX_PHRASES)


@functools.lru_cache(maxsize=64)
def _locale_phrases(code: str) -> dict[str, list[tuple[str, ...]]]:
    return _phrases_by_last(number_locale(code).approx_phrases)


@dataclass
class _Draft:
    """A quantity being read, grown step by step from its number at token `i`."""

    i: int  # the token of the number
    j: int  # the token after what has been read so far
    value: float | None
    hint: str  # "digits", "words" or "room-temperature"
    start: int  # the first token of the span (modifiers, sign, currency)
    approx: bool
    kind: str = "count"
    unit: str = ""
    scaled: bool = False  # a scale word was read right after the number


# A step's answer: the quantity (or None for a skipped label) and the token after it;
# None alone when no quantity starts here. _GO_ON lets the next step read on.
_Found = tuple[Quantity | None, int] | None
_GO_ON = object()


class _Scanner:
    """One pass over the tokens of one text."""

    def __init__(self, text: str, locale: NumberLocale) -> None:
        self.text = text
        self.locale = locale
        self.phrases_by_last = _PHRASES_BY_LAST if locale.english else _locale_phrases(locale.code)
        self.tokens = tokenize(text)
        self.count = len(self.tokens)
        self.masked = self._masked_tokens(masked_spans(text))

    def parse(self, digits: str) -> float | None:
        return parse_digits(digits, self.locale.comma_decimal)

    def _masked_tokens(self, spans: list[tuple[int, int]]) -> list[bool]:
        masked = [False] * len(self.tokens)
        if not spans:
            return masked
        k = 0
        for i, token in enumerate(self.tokens):
            while k < len(spans) and spans[k][1] <= token.start:
                k += 1
            if k < len(spans) and spans[k][0] <= token.start < spans[k][1]:
                masked[i] = True
        return masked

    # --- small token helpers -------------------------------------------------

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < self.count else None

    # The helpers below index the tokens themselves rather than through `tok`: they run some 100,000
    # times on a long text, so a call less each counts.
    def glued(self, i: int, j: int) -> bool:
        """Tokens i and j (i before j) touch with no space between."""
        count = self.count
        return 0 <= i < count and 0 <= j < count and self.tokens[i].end == self.tokens[j].start

    def gap(self, i: int, j: int) -> str:
        count = self.count
        if not (0 <= i < count and 0 <= j < count):
            return "\n"
        return self.text[self.tokens[i].end : self.tokens[j].start]

    def near(self, i: int, j: int) -> bool:
        """Tokens i and j are on the same line with at most a little space between."""
        g = self.gap(i, j)
        return len(g) <= 2 and "\n" not in g

    def word(self, i: int) -> str:
        if 0 <= i < self.count:
            t = self.tokens[i]
            if t.kind == "word":
                return t.text.lower()
        return ""

    def is_sym(self, i: int, chars: frozenset[str] | str) -> bool:
        if 0 <= i < self.count:
            t = self.tokens[i]
            return t.kind == "sym" and t.text in chars
        return False

    # --- the number at the core of a quantity --------------------------------

    def core(self, i: int) -> tuple[int, float | None, str] | None:
        """(index after the core, value, hint) when a number starts at token i."""
        t = self.tokens[i]
        if t.kind == "num":
            value = self.parse(t.text)
            if value is None and not self._is_date_digits(i):
                return None
            j = i + 1
            # thousands grouped with spaces: "33 000", "1 250 000" (French, SI style)
            if t.text.isdecimal() and len(t.text) <= 3:
                digits = t.text
                while (
                    self.tok(j) is not None
                    and self.tokens[j].kind == "num"
                    and len(self.tokens[j].text) == 3
                    and self.tokens[j].text.isdecimal()
                    and self.gap(j - 1, j) in _GROUP_SPACES
                    and not self._glued_number_after(j)
                ):
                    digits += self.tokens[j].text
                    j += 1
                last = self.tok(j)
                if (
                    self.locale.comma_decimal
                    and last is not None
                    and _GROUP_WITH_DECIMALS.fullmatch(last.text)
                    and self.gap(j - 1, j) in _GROUP_SPACES
                    and not self._glued_number_after(j)
                ):
                    digits += last.text.replace(",", ".")  # "1 250,5"
                    j += 1
                if j > i + 1:
                    value = float(digits)
            half = self._and_a_half(j) if value is not None else None
            if half is not None:
                return half, value + 0.5, "digits"  # "2 and a half hours"
            return j, value, "digits"
        if t.kind != "word":
            return None
        low = t.text.lower()
        if low == "room" and self.word(i + 1) == "temperature":
            return i + 2, None, "room-temperature"
        words = self.locale.number_words
        if low not in words:
            return None
        value = float(words[low])
        j = i + 1
        # twenty-five, twenty five
        if self.locale.english and low in lx.TENS:
            k = j + 1 if self.is_sym(j, "-") and self.glued(i, j) else j
            unit_word = self.word(k)
            if unit_word in lx.NUMBER_WORDS and lx.NUMBER_WORDS[unit_word] < 10 and self.near(k - 1, k):
                value += lx.NUMBER_WORDS[unit_word]
                j = k + 1
        elif not self.locale.english and value >= 20 and value % 10 == 0 and value < 100:
            j, units = self._units_after_tens(j, words)
            value += units
        half = self._and_a_half(j)
        if half is not None:
            return half, value + 0.5, "words"  # "two and a half million", "two-and-a-half years"
        return j, value, "words"

    def _and_a_half(self, j: int) -> int | None:
        """The index after "and a half" ("and half", "-and-a-half") starting at token j, or None; English only.
        Without it "two and a half million barrels" read as 2 and "two-and-a-half years" as nothing (tenth session)."""
        if j >= self.count or self.tokens[j].text not in _HALF_JOINS or not self.locale.english:
            return None  # the cheap test first: most numbers are followed by neither "and" nor "-"
        if self.is_sym(j, "-") and self.glued(j - 1, j):  # "two-and-a-half": every piece glued by hyphens
            k = j + 1
            for word in ("and", "a", "half"):
                if self.word(k) != word or not self.glued(k - 1, k):
                    return None
                if word != "half":
                    if not (self.is_sym(k + 1, "-") and self.glued(k, k + 1)):
                        return None
                    k += 2
            return k + 1
        if self.word(j) != "and" or not self.near(j - 1, j):
            return None
        k = j + 1
        with_a = self.word(k) == "a" and self.near(k - 1, k)
        if with_a:
            k += 1
        if self.word(k) != "half" or not self.near(k - 1, k) or self.is_sym(k + 1, "-"):
            return None
        if not with_a and self.word(k + 1) not in lx.SCALES:
            return None  # "and half" alone only before a scale ("two and half million"): "two and half of them"
        return k + 1

    def _units_after_tens(self, j: int, words: Mapping[str, int]) -> tuple[int, int]:
        """(end, units) of "vingt-cinq", "treinta y dos", "двадцать пять" after the tens word before token j."""
        joiners = NUMBER_JOINERS.get(self.locale.code, frozenset())
        if "-" in joiners and self.is_sym(j, "-") and self.glued(j - 1, j) and self.glued(j, j + 1):
            k = j + 1
        elif self.word(j) in joiners and self.near(j - 1, j):
            k = j + 1
        elif " " in joiners:
            k = j
        else:
            return j, 0
        unit_word = self.word(k)
        if unit_word in words and 0 < words[unit_word] < 10 and self.near(k - 1, k):
            return k + 1, words[unit_word]
        return j, 0

    def _glued_number_after(self, j: int) -> bool:
        """Token j runs straight into more digits or a decimal part ("000,5" is not a group)."""
        nxt = self.tok(j + 1)
        return nxt is not None and self.glued(j, j + 1) and (nxt.kind == "num" or nxt.text in ".,")

    def _is_date_digits(self, i: int) -> bool:
        # 12.05.2024 style dates parse as no single number but are still dates
        return bool(_DOTTED_DATE.fullmatch(self.tokens[i].text))

    # --- left context -------------------------------------------------------

    def is_label(self, i: int, depth: int = 0) -> bool:
        """The number at token i is a label or identifier, not an amount.

        `depth` bounds the look back through chains like "2008, 2005, 2004" so
        the check stays constant-time per token.
        """
        t = self.tokens[i]
        before = self.text[t.start - 1] if t.start > 0 else " "
        if (before.isalnum() or before == "_") and not CJK_CHAR.match(before):
            return True  # x11, CO2, S1 (but "约250億円": ideographs take no spaces)
        if before in _MINUS and t.start > 1 and self.text[t.start - 2].isalpha():
            return True  # COVID-19, F-16
        if before == "/" and t.start > 1 and self.text[t.start - 2].isalnum() and not self._fraction_before(i, depth):
            return True  # Ktzi202/2007, w/5
        if before in ")]":
            return True  # (OH)2, [Ca]2
        if before == "(" and t.start > 1 and self.text[t.start - 2].isalpha():
            return True  # poly(3-hexylthiophene), sin(2πt), F(3, 8.9)
        if self.is_year(i) and self.is_sym(i - 1, "(") and self.is_sym(i + 1, ")"):
            return True  # a bare year in brackets cites a source: "equations (1951)"
        if self._named_before(i):
            return True  # Viking 2, Pioneer 11, Whitehall II
        nxt = self.tok(i + 1)
        if t.kind == "num" and nxt is not None and nxt.kind == "word" and self.glued(i, i + 1) and not CJK_CHAR.match(nxt.text):
            if not self._glued_suffix_ok(i, nxt.text):
                return True  # 3D, 4G, 2a
        # "Table 4", "Fig. 2", "No. 10"
        k = i - 1
        if self.is_sym(k, ".") and self.near(k, i):
            k -= 1
        if self.word(k) in lx.REFERENCE_WORDS and self.near(k, k + 1) and self.near(k + 1, i):
            return True
        if not self.locale.english and self.word(k) in REFERENCE_WORDS and self.near(k, k + 1) and self.near(k + 1, i):
            return True  # "numer 2", "Nummer 5", "número 3"
        if self.is_sym(i - 1, "#") and self.glued(i - 1, i):
            return True
        if t.text in _EMERGENCY_NUMBERS and (self.word(i + 1) in _EMERGENCY_NEXT or self.word(i - 1) in _EMERGENCY_PREV):
            return True  # "a 911 call", "dialled 999"
        return self._is_citation_year(i, depth)

    def _fraction_before(self, i: int, depth: int) -> bool:
        prev = self.tok(i - 2)
        return prev is not None and prev.kind == "num" and (depth >= 3 or not self.is_label(i - 2, depth + 1))

    def _named_before(self, i: int) -> bool:
        """A capitalised word right before the number, not at a sentence start: a name or label."""
        k = i - 1
        prev = self.tok(k)
        if prev is None or prev.kind != "word" or self.gap(k, i) != " ":
            return False
        if not any(ch.isupper() for ch in prev.text):
            return False  # capitalised or camel-cased names: "Viking 2", "iPad 2"
        if prev.text.isupper() and prev.text.lower() in lx.CURRENCY_CODES:
            return False
        low = prev.text.lower()
        if low in _FUNCTION_WORDS or low in lx.MONTHS or low in lx.YEAR_CUES or low in lx.NOUN_STOPS:
            return False
        if not self.locale.english and (low in self.locale.stop_words or low in self.locale.months):
            return False
        if self.locale.code == "de" and self._amount_follows(i):
            return False  # German capitalises every noun: "laut Polizei 300 Menschen", "Kosten 5 Millionen"
        if prev.text in _STATISTIC_ABBREVIATIONS:
            return False  # they name the kind of number: "CI 1.9–2.6", "SD 4", "AD 1850"
        if self._score_at(i, i + 1) is not None:
            return False  # a result after a name: "beat Nadal 6-2", "Chelsea 2-1"
        if low in self.phrases_by_last:
            return False
        before = self.tok(k - 1)
        if before is None or "\n" in self.gap(k - 1, k):
            return False  # first word of the text or of a line
        if before.kind == "sym" and before.text in ".!?:;\"“—–-":
            return False  # first word of a sentence or clause
        return True

    def _amount_follows(self, i: int) -> bool:
        """A capitalised noun, scale, unit or currency right after the number at token i."""
        j = i + 1
        nxt = self.tok(j)
        if nxt is None or not self.near(i, j) or self.glued(i, j):
            return False
        if self.scale_at(j, i, False) is not None or self.unit_at(j, i) is not None:
            return True
        return nxt.kind == "word" and nxt.text[0].isupper() and nxt.text.lower() not in self.locale.stop_words

    def _is_citation_year(self, i: int, depth: int = 0) -> bool:
        """A year in an author-year citation: "(Moore et al., 1991)", "Smith (2004)", "Jones, 2010a"."""
        t = self.tokens[i]
        if not (len(t.text) == 4 and t.text.isdecimal() and 1800 <= int(t.text) <= 2100):
            return False
        k = i - 1
        if self.is_sym(k, "(") and self.word(k - 1) != "" and self.tokens[k - 1].text[0].isupper():
            return not self.month_at(k - 1)  # Smith (2004)
        if self.is_sym(k, "("):
            return self.is_sym(k - 1, ".") and self.word(k - 2) == "al"  # et al. (2004)
        if self.is_sym(k, ".") and self.word(k - 1) == "al":
            return True  # et al. 2005
        if not self.is_sym(k, ",;"):
            return False
        prev = self.tok(k - 1)
        if prev is None:
            return False
        if prev.kind == "sym" and prev.text == "." and self.word(k - 2) == "al":
            return True  # et al., 2008
        if prev.kind == "word" and prev.text[0].isupper() and not self.month_at(k - 1):
            return True  # (Arthur and Premoli Silva, 1982)
        if depth >= 3:
            return False
        if prev.kind == "word" and len(prev.text) == 1 and prev.text.islower() and self._is_citation_year(k - 2, depth + 1):
            return True  # 2010a, 2011
        if prev.kind == "num" and self._is_citation_year(k - 1, depth + 1):
            return True  # 2008, 2005
        return False

    def _glued_suffix_ok(self, i: int, suffix: str) -> bool:
        low = suffix.lower()
        if len(suffix) == 1:
            # single letters are case-sensitive: "5s", "5d", "5K" are units, "4D", "7A", "2a" labels
            return (suffix.islower() and suffix in "shdmglktxey") or suffix in "KVWJLNM"
        if suffix.isupper() and len(suffix) <= 3 and suffix not in lx.UNIT_SYMBOLS and low not in lx.MONEY_SCALES:
            return False  # 5HT, 3GPP-style labels
        # a longer glued suffix is a unit more often than not: 5Rp, 15kR, 8.8mWm
        return True

    def modifiers(self, i: int) -> tuple[int, bool]:
        """Index of the first modifier token before token i, and whether it makes the number approximate."""
        start, approx = i, False
        k = i - 1
        if self.is_sym(k, _COMPARATORS) and self.near(k, i):
            start, approx = k, True
            k -= 1
            if self.is_sym(k, "=<>") and self.glued(k, k + 1):  # <=, >=
                start, k = k, k - 1
        if not self.locale.english and self.is_sym(k, ".") and self.word(k - 1) in _DOTTED_MODIFIERS and self.glued(k - 1, k):
            k -= 1  # "ca. 10 Mio.", "ok. 5", "cca. 20"
        # the longest word phrase ending right before the number
        for phrase in self.phrases_by_last.get(self.word(k), ()):
            n = len(phrase)
            idx = [k - n + 1 + m for m in range(n)]
            if idx[0] < 0:
                continue
            if all(self.word(x) == w for x, w in zip(idx, phrase)) and all(
                self.near(x, x + 1) for x in idx
            ):
                start = idx[0]
                approx = approx or " ".join(phrase) in lx.APPROX_FLAG or (
                    not self.locale.english and phrase not in lx.APPROX_PHRASES
                )
                break
        return start, approx

    # --- right context ------------------------------------------------------

    def unit_at(self, j: int, after: int) -> tuple[int, str, str] | None:
        """(index after unit, unit text, kind) when a unit starts at token j right after token `after`."""
        t = self.tok(j)
        if t is None or not self.near(after, j):
            return None
        if t.kind == "sym":
            if t.text in "%‰％":
                return j + 1, t.text, "percent"
            if t.text in CURRENCY_SYMBOLS_AFTER or (t.text == "$" and not self.locale.english):
                return j + 1, CURRENCY_SYMBOLS_AFTER.get(t.text, "dollars"), "money"  # "10 000 €"
            if t.text in "°º":
                nxt = self.tok(j + 1)
                if nxt is not None and nxt.kind == "word" and nxt.text in lx.DEGREE_LETTERS and self.near(j, j + 1):
                    return j + 2, "°" + nxt.text, "measure"
                return j + 1, "°", "measure"
            return None  # primes and quotes (feet, arc minutes) stay out: too often quotation marks
        if t.kind != "word":
            return None
        low = t.text.lower()
        if not self.locale.english and len(low) <= 2 and self.is_sym(j + 1, "'’") and self.glued(j, j + 1):
            return None  # an elided article, "d'euros", not the day symbol
        if low in self.locale.percent_words:
            return j + 1, t.text, "percent"
        if low == "per" and self.word(j + 1) == "cent":
            return j + 2, "per cent", "percent"
        if not self.locale.english:
            foreign = self._foreign_unit_at(j, t, low)
            if foreign is not None:
                return foreign
        if low == "percentage" and self.word(j + 1) in ("point", "points"):
            return j + 2, "percentage points", "percent"
        if low in lx.CURRENCY_WORDS and t.text[0].islower():  # not "50 Cent"
            return j + 1, lx.CURRENCY_WORDS[low], "money"
        if low in lx.CURRENCY_CODES and t.text.isupper():
            return j + 1, lx.CURRENCY_CODES[low], "money"
        time_units = self.locale.time_units
        if t.text in lx.TIME_SYMBOLS_CASED or (low in time_units and low not in _CASED_TIME_SYMBOLS):
            end = self._compound_unit(j + 1)
            if end > j + 1:
                return end, self.text[t.start : self.tokens[end - 1].end], "measure"
            if not self.locale.english and low in time_units and low not in lx.TIME_UNITS:
                return j + 1, time_units[low], "duration"  # "шесть лет", "2 Jahre"
            return j + 1, time_units.get(low, low) if len(low) > 3 else t.text, "duration"
        if t.text in lx.UNIT_SYMBOLS or low in lx.UNIT_WORDS:
            if low in ("square", "cubic", "sq"):
                k = j + 1 if not self.is_sym(j + 1, ".") else j + 2  # "sq. km"
                nxt = self.unit_at(k, k - 1)
                if nxt is None:
                    return None
                return nxt[0], self.text[t.start : self.tokens[nxt[0] - 1].end], "measure"
            end = self._compound_unit(j + 1)
            return end, self.text[t.start : self.tokens[end - 1].end], "measure"
        return None

    def _foreign_unit_at(self, j: int, t: Token, low: str) -> tuple[int, str, str] | None:
        """Percent and currency words outside English: "por cento", "Euro", "zł", "元"."""
        if (low, self.word(j + 1)) in PERCENT_PHRASES and self.near(j, j + 1):
            return j + 2, self.text[t.start : self.tokens[j + 1].end], "percent"
        if CJK_CHAR.match(t.text):
            return self._cjk_unit_at(j)
        currency = self.locale.currency_words.get(low)
        if currency is not None:
            end = j + 2 if self.is_sym(j + 1, ".") and self.glued(j, j + 1) and len(low) <= 3 and self._continues(j + 2) else j + 1
            return end, currency, "money"  # German nouns are capitalised: "5 Millionen Euro"
        if t.text in FOREIGN_UNIT_SYMBOLS:
            end = self._compound_unit(j + 1)
            return end, self.text[t.start : self.tokens[end - 1].end], "measure"  # "150 г", "5 км"
        if low.startswith(FOREIGN_UNIT_STEMS) and len(low) <= 14:
            return j + 1, t.text, "measure"  # "21 kilometri", "180 градусов", "70 hektarów"
        return None


    def _cjk_unit_at(self, j: int) -> tuple[int, str, str] | None:
        t = self.tokens[j]
        if t.text in CJK_CURRENCIES:
            return j + 1, CJK_CURRENCIES[t.text], "money"
        nxt = self.tok(j + 1)
        if nxt is not None and self.glued(j, j + 1) and t.text + nxt.text in CJK_UNITS:
            unit, kind = CJK_UNITS[t.text + nxt.text]
            return j + 2, unit, kind
        if t.text in CJK_UNITS:
            unit, kind = CJK_UNITS[t.text]
            return j + 1, unit, kind
        return None

    def _link_end(self, j: int) -> int | None:
        """After a linking word at token j ("de", "di", "d'"), the index of the word it links to."""
        low = self.word(j)
        if not low or low not in self.locale.links or not self.near(j - 1, j):
            return None
        if self.is_sym(j + 1, "'’") and self.glued(j, j + 1):
            return j + 2 if self.glued(j + 1, j + 2) else None
        return j + 1 if self.near(j, j + 1) else None

    def _continues(self, j: int) -> bool:
        """The sentence goes on at token j (a lower-case word): the full stop before it was an abbreviation's."""
        t = self.tok(j)
        return t is not None and t.kind == "word" and t.text[0].islower() and self.near(j - 1, j)

    def _compound_unit(self, j: int) -> int:
        """Grow a unit over "/L", "·s", " s−1", "²", " per hour" (at most a few tokens)."""
        for _ in range(4):
            t = self.tok(j)
            if t is None or not self.near(j - 1, j):
                break
            if t.kind == "sym" and t.text in _SUPERSCRIPTS and self.glued(j - 1, j):
                j += 1
                continue
            if t.kind == "sym" and t.text in "/·⋅" and self.glued(j - 1, j):
                nxt = self.tok(j + 1)
                if nxt is not None and nxt.kind == "word" and self.glued(j, j + 1) and (
                    nxt.text in lx.UNIT_SYMBOLS or nxt.text.lower() in lx.UNIT_WORDS or nxt.text.lower() in lx.TIME_UNITS
                ):
                    j += 2
                    continue
                break
            if t.kind == "sym" and t.text in _MINUS and self.glued(j - 1, j):
                nxt = self.tok(j + 1)
                if nxt is not None and nxt.kind == "num" and nxt.text in ("1", "2", "3") and self.glued(j, j + 1):
                    j += 2
                    continue
                break
            if t.kind == "num" and t.text in ("2", "3") and self.glued(j - 1, j):
                j += 1
                continue
            if t.kind == "word" and t.text in lx.UNIT_SYMBOLS and len(t.text) <= 3 and self.near(j - 1, j):
                # "m s−1", "g cm−3": a second symbol only when it carries an exponent
                nxt = self.tok(j + 1)
                if nxt is not None and self.glued(j, j + 1) and (
                    (nxt.kind == "sym" and (nxt.text in _SUPERSCRIPTS or nxt.text in _MINUS)) or nxt.text in ("2", "3")
                ):
                    j += 1
                    continue
                break
            if t.kind == "word" and t.text.lower() in lx.UNIT_JOINERS:
                nxt = self.tok(j + 1)
                if nxt is not None and nxt.kind == "word" and (
                    nxt.text in lx.UNIT_SYMBOLS or nxt.text.lower() in lx.UNIT_WORDS or nxt.text.lower() in lx.TIME_UNITS
                ):
                    j += 2
                    continue
            break
        return j

    def scale_at(self, j: int, after: int, money: bool) -> tuple[int, float] | None:
        t = self.tok(j)
        if t is None or t.kind != "word" or not self.near(after, j):
            return None
        low = t.text.lower()
        if low in CJK_SCALES:
            return j + 1, CJK_SCALES[low]  # 12亿, 250億, 15万
        if low in self.locale.scales:
            if not self.locale.english and low in SCALE_ABBREVIATIONS and self.is_sym(j + 1, ".") and self.glued(j, j + 1):
                nxt = self.tok(j + 2)
                if nxt is not None and self.near(j + 1, j + 2) and (nxt.kind == "word" or nxt.text in CURRENCY_SYMBOLS_AFTER):
                    return j + 2, self.locale.scales[low]  # "3 Mrd. Euro", "5 mln. zł"
            return j + 1, self.locale.scales[low]
        if money and low in lx.MONEY_SCALES and self.glued(after, j):
            return j + 1, lx.MONEY_SCALES[low]
        if t.text in ("m", "bn", "k") and self.glued(after, j):
            # "1.6m Muslims", "300k users": a glued scale before a plural noun (but "1.87m tall", "5,000m race")
            nxt = self.tok(j + 1)
            if nxt is not None and nxt.kind == "word" and self.near(j, j + 1) and looks_plural(nxt.text) and nxt.text.lower() not in lx.UNIT_WORDS:
                return j + 1, lx.MONEY_SCALES[t.text]
        return None

    def currency_before(self, i: int) -> tuple[int, str] | None:
        t = self.tok(i - 1)
        if t is None or not self.near(i - 1, i):
            return None
        if t.kind == "sym" and t.text in lx.CURRENCY_SYMBOLS:
            start = i - 1
            p = self.tok(i - 2)
            if t.text == "$" and p is not None and p.kind == "word" and p.text.lower() in lx.DOLLAR_PREFIXES and self.glued(i - 2, i - 1):
                start = i - 2
            if t.text == "$" and p is not None and p.text == "R" and self.glued(i - 2, i - 1):
                return i - 2, "reais"
            return start, lx.CURRENCY_SYMBOLS[t.text]
        if t.kind == "word" and t.text.isupper() and t.text.lower() in lx.CURRENCY_CODES:
            return i - 1, lx.CURRENCY_CODES[t.text.lower()]
        return None

    def number_after(self, j: int, money: bool = False) -> tuple[int, float | None] | None:
        """A plain or signed number starting at token j (for range ends); "$" only in a money range."""
        k = j
        if self.is_sym(k, _SIGNS) and self.glued(k, k + 1):
            k += 1
        if money and self.is_sym(k, "$£€") and self.glued(k, k + 1):
            k += 1
        t = self.tok(k)
        if t is None:
            return None
        if t.kind == "num":
            return k + 1, self.parse(t.text)
        if t.kind == "word" and t.text.lower() in self.locale.number_words:
            return k + 1, float(self.locale.number_words[t.text.lower()])
        return None

    # --- dates and times ----------------------------------------------------

    def month_at(self, i: int) -> bool:
        t = self.tok(i)
        if t is None or t.kind != "word":
            return False
        low = t.text.lower()
        if not self.locale.english and low in self.locale.months and low not in lx.MONTHS:
            return True  # "14 octobre", "1 липня": most languages write months in lower case
        if not t.text[0].isupper():
            return False
        if low not in lx.MONTHS:
            return False
        if low in ("may", "mar", "jan", "dec") and t.text.isupper():
            return False
        return True

    def is_year(self, i: int) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "num" and len(t.text) == 4 and t.text.isdecimal() and 1000 <= int(t.text) <= 2100

    # --- the scan -----------------------------------------------------------

    def scan(self) -> list[Quantity]:
        found: list[Quantity] = []
        i = 0
        n = self.count
        tokens = self.tokens
        starts = _scan_starts(self.locale.code, self.locale.number_words)
        while i < n:
            token = tokens[i]
            kind = token.kind
            if kind == "sym" or (kind == "word" and token.text.lower() not in starts):
                i += 1  # no number starts here (the common case: skip it cheaply)
                continue
            try:
                result = self._quantity_at(i)
            except (ValueError, OverflowError, IndexError):  # one odd span must not stop the scan; tests count this log
                log.exception("skipped a span at %d", self.tokens[i].start)
                result = None
            if result is None:
                i += 1
                continue
            quantity, next_i = result
            if quantity is not None:
                found.append(quantity)
            i = max(next_i, i + 1)
        return found

    def _quantity_at(self, i: int) -> _Found:
        """The quantity whose number starts at token i and the token index after it;
        (None, j) to skip a label up to j; None when token i starts no quantity."""
        draft = self._open(i)
        if not isinstance(draft, _Draft):
            return draft
        self._read_sign_and_currency(draft)
        for step in (self._read_date_or_time, self._read_suffixed, self._read_exponent_and_fraction):
            found = step(draft)
            if found is not _GO_ON:
                return found  # type: ignore[return-value]
        self._read_scale(draft)
        for step in (self._read_range, self._read_unit):
            found = step(draft)
            if found is not _GO_ON:
                return found  # type: ignore[return-value]
        return self._finish(draft)

    def _open(self, i: int) -> _Draft | _Found:
        """The number at token i with its modifiers, or why there is none (masked, a label)."""
        if self.masked[i]:
            return None
        core = self.core(i)
        if core is None:
            return None
        j, value, hint = core
        if hint == "digits" and self.is_label(i):
            return None, self._skip_label_list(j)
        if hint == "words" and self._number_word_is_label(i):
            return None
        start, approx = self.modifiers(i)
        return _Draft(i=i, j=j, value=value, hint=hint, start=start, approx=approx)

    def _read_sign_and_currency(self, d: _Draft) -> None:
        """A sign glued to the number ("-4", "−4°C", "+3", "±2") and a currency before it ("nearly $2 billion")."""
        i = d.i
        sign_start = i
        if d.hint == "digits" and self.is_sym(i - 1, _SIGNS) and self.glued(i - 1, i):
            before = self.text[self.tokens[i - 1].start - 1] if self.tokens[i - 1].start > 0 else " "
            if not before.isalnum():  # glued to the number, not to a word before it
                sign_start = i - 1
                if self.tokens[i - 1].text in "-−" and d.value is not None:
                    d.value = -d.value
                if self.tokens[i - 1].text == "±":
                    d.approx = True
                if d.start == i:
                    d.start = i - 1
        currency = self.currency_before(sign_start)
        if currency is not None:
            cstart, d.unit = currency
            d.kind = "money"
            d.start = min(d.start, cstart)
            mstart, mapprox = self.modifiers(cstart)  # modifiers sit before the currency sign
            if mstart < cstart:
                d.start, d.approx = mstart, d.approx or mapprox

    def _read_date_or_time(self, d: _Draft) -> _Found | object:
        """Dates ("May 5, 2024", "5 May 2024", "May 2024", "01.01.2019") and times of day."""
        if d.hint != "digits" or (d.value is None and not self._is_date_digits(d.i)):
            return _GO_ON
        date = self._date_around(d.i, d.start)
        if date is not None:
            dstart, dend = date
            return self._make(dstart, dend, None, "", d.approx, "date"), dend
        time_end = self._time_at(d.i)
        if time_end is not None:
            return self._make(min(d.start, d.i), time_end, None, "", d.approx, "time"), time_end
        return _GO_ON

    def _read_suffixed(self, d: _Draft) -> _Found | object:
        """Room temperature, a glued ordinal suffix ("13th") and decades ("1990s", "the 90's")."""
        j, t0 = d.j, self.tokens[d.i]
        if d.hint == "room-temperature":
            return self._make(d.start, j, None, "°C", d.approx, "measure"), j
        if d.hint != "digits":
            return _GO_ON
        nxt = self.tok(j)
        if nxt is not None and nxt.kind == "word" and self.glued(j - 1, j) and nxt.text.lower() in lx.ORDINAL_SUFFIXES:
            return self._make(d.start, j + 1, d.value, self._counted(j + 1), d.approx, "ordinal"), j + 1
        if nxt is not None and nxt.text == "s" and self.glued(j - 1, j) and t0.text.isdecimal() and t0.text.endswith("0"):
            return self._make(d.start, j + 1, None, "", d.approx, "date"), j + 1
        if self.is_sym(j, "'’") and self.word(j + 1) == "s" and self.glued(j - 1, j) and t0.text.endswith("0"):
            return self._make(d.start, j + 2, None, "", d.approx, "date"), j + 2
        return _GO_ON

    def _read_exponent_and_fraction(self, d: _Draft) -> _Found | object:
        """Scientific notation (1.2 × 10−3, 3e-5, 10^6), dimensions ("23 x 13 cm") and fractions (3/4, 1:1000)."""
        d.j, d.value = self._exponent(d.j, d.value)
        if d.hint != "digits":
            return _GO_ON
        d.j = self._dimensions(d.j)
        j = d.j
        if not (self.is_sym(j, "/:") and self.glued(j - 1, j) and self.tok(j + 1) is not None and self.tokens[j + 1].kind == "num" and self.glued(j, j + 1)):
            return _GO_ON
        if self.tokens[d.i].text == "9" and self.tokens[j + 1].text == "11" and self.tokens[j].text == "/":
            return self._make(d.start, j + 2, None, "", d.approx, "date"), j + 2  # 9/11
        if self.tokens[j].text == ":":
            elapsed = self._elapsed_time(d, j)
            if elapsed is not None:
                return elapsed
        after = self.tok(j + 2)
        if after is not None and after.kind == "word" and self.glued(j + 1, j + 2):
            return None, j + 3  # a well or sample name: 22/10a-4
        denominator = self.parse(self.tokens[j + 1].text)
        if d.value is not None and denominator:
            d.value = d.value / denominator
        d.j = j + 2
        return _GO_ON

    def _elapsed_time(self, d: _Draft, j: int) -> _Found | None:
        """A race or finish time after the colon at token j: "9:05.73" (seconds with hundredths), "2:17:18"
        (hours, minutes, seconds), "3:05" (seconds with a leading zero), as a duration in seconds. Read as a
        ratio they were 1.57, 0.12 and 0.6 (tenth session, BBC sport). "3:39" alone stays a ratio, as "1:10"
        must; a clock time was read before this step."""
        first = self.tokens[d.i].text
        if d.value is None or not first.isdecimal() or len(first) > 2 or (len(first) == 2 and first.startswith("0")):
            return None  # "01:25:00 UT": a timestamp
        seconds_text = self.tokens[j + 1].text
        whole, _, hundredths = seconds_text.partition(".")
        if len(whole) != 2 or not whole.isdecimal() or int(whole) > 59 or (hundredths and not hundredths.isdecimal()):
            return None
        value = d.value * 60 + float(seconds_text)
        end = j + 2
        if not hundredths and self.is_sym(end, ":") and self.glued(end - 1, end) and self.tok(end + 1) is not None:
            last = self.tokens[end + 1].text
            last_whole = last.partition(".")[0]
            if self.glued(end, end + 1) and len(last_whole) == 2 and last_whole.isdecimal() and int(last_whole) <= 59:
                return self._make(d.start, end + 2, value * 60 + float(last), "seconds", d.approx, "duration"), end + 2
        if hundredths or whole.startswith("0"):
            return self._make(d.start, end, value, "seconds", d.approx, "duration"), end
        return None

    def _read_scale(self, d: _Draft) -> None:
        """Scale words ("2 billion", "$5m", "1.5bn", "two hundred thousand", "1万2000") and an uncertainty ("± 0.2")."""
        scale = self.scale_at(d.j, d.j - 1, d.kind == "money")
        if scale is not None:
            d.scaled = True
            d.j, factor = scale
            if d.value is not None:
                d.value *= factor
            rest = self.tok(d.j)
            if (
                self.tokens[d.j - 1].text in CJK_SCALES
                and d.value is not None
                and rest is not None
                and rest.kind == "num"
                and rest.text.isdecimal()
                and self.glued(d.j - 1, d.j)
                and float(rest.text) < factor
            ):
                d.value += float(rest.text)  # 1万2000 is 12,000
                d.j += 1
            scale2 = self.scale_at(d.j, d.j - 1, d.kind == "money")
            if scale2 is not None:
                d.j, factor2 = scale2
                if d.value is not None:
                    d.value *= factor2
        if self.is_sym(d.j, "±") and self.near(d.j - 1, d.j):
            other = self.number_after(d.j + 1)
            if other is not None and self.near(d.j, d.j + 1):
                d.j = other[0]

    def _read_range(self, d: _Draft) -> _Found | object:
        """A match score ("7-6") or a range's second number: "5–10", "5 to 10 million", "between 5 and 10"."""
        score_end = self._score_at(d.i, d.j)
        if score_end is not None and d.kind == "count" and not d.scaled:
            return self._make(d.start, score_end, None, "score", d.approx, "measure"), score_end
        range_start, range_end = self._range(d.i, d.start, d.j, d.kind == "money")
        if range_end > d.j:
            d.start, d.j = range_start, range_end
            # the scale written once after both ends: "5 to 10 million"; or on both: "$5m to $7m"
            late_scale = self.scale_at(d.j, d.j - 1, d.kind == "money")
            if late_scale is not None:
                if not d.scaled and d.value is not None:
                    d.value *= late_scale[1]
                d.j = late_scale[0]
        return _GO_ON

    def _read_unit(self, d: _Draft) -> _Found | object:
        """The unit after the number ("km", "%", "d'euros"), a case ending ("2029-ben") or a hyphenated word ("2-hour")."""
        unit_match = self.unit_at(d.j, d.j - 1)
        if unit_match is None and not self.locale.english and d.kind != "money":
            link_end = self._link_end(d.j)
            if link_end is not None:
                linked = self.unit_at(link_end, link_end - 1)
                if linked is not None and linked[2] in ("money", "measure", "duration"):
                    unit_match = linked  # "38 millions d'euros", "27 millones de euros"
        if unit_match is not None and d.kind == "money":
            unit_match = None  # "$639m year-earlier": a money amount takes no second unit
        if unit_match is not None:
            d.j, d.unit, d.kind = unit_match
            # a range whose unit came after the first number: "5 km to 10 km", "5% to 7%";
            # only with the same kind of unit again ("fell 1% to 510 pence" is two figures)
            range_start, after_range = self._range(d.i, d.start, d.j)
            if after_range > d.j:
                again = self.unit_at(after_range, after_range - 1)
                if again is not None and again[2] == d.kind:
                    d.start, d.j = range_start, again[0]
            return _GO_ON
        if d.kind == "money":
            self._read_hyphen_scale(d)  # "$16-million business": the scale, never "$16"
            return _GO_ON
        suffix_end = self._case_suffix(d.j)
        if suffix_end is not None:
            if d.hint == "digits" and self.is_year(d.i) and d.j == d.i + 1:
                return self._make(d.start, suffix_end, None, "", d.approx, "date"), suffix_end  # "2029-ben"
            return self._make(d.start, suffix_end, d.value, self._counted(suffix_end), d.approx, d.kind), suffix_end
        return self._read_hyphen_word(d)

    def _read_hyphen_scale(self, d: _Draft) -> bool:
        """A scale glued by a hyphen ("$16-million", "4-million-barrel"); False, and nothing read, when there is none."""
        if d.scaled or not (self.is_sym(d.j, "-") and self.glued(d.j - 1, d.j)):
            return False
        t = self.tok(d.j + 1)
        if t is None or t.kind != "word" or not self.glued(d.j, d.j + 1) or t.text.lower() not in lx.SCALES:
            return False
        d.j += 2
        d.scaled = True
        if d.value is not None:
            d.value *= lx.SCALES[t.text.lower()]
        return True

    def _read_hyphen_word(self, d: _Draft) -> _Found | object:
        """A hyphenated measure: "2-hour", "30-item", "5-year-old", "a 17-million population"."""
        hyphen = self._hyphen_word(d.j)
        if hyphen is None:
            return _GO_ON
        if hyphen[1].isupper():
            return None, hyphen[0]  # a code or compound name: 3-D, 4-MEC, 3-MCPD
        if hyphen[1].lower() in lx.SCALES:
            d.j = hyphen[0]  # the scale, then what it counts
            if d.value is not None:
                d.value *= lx.SCALES[hyphen[1].lower()]
            return _GO_ON
        if self._read_hyphen_scale(d):
            # "4-million-barrel", "a 10-million-dollar home": the scale, then the hyphenated word after it
            word = self.tok(d.j + 1) if self.is_sym(d.j, "-") and self.glued(d.j - 1, d.j) else None
            if word is None or word.kind != "word" or not self.glued(d.j, d.j + 1):
                return _GO_ON
            low = word.text.lower()
            if self.locale.english and low in lx.CURRENCY_WORDS:
                d.j, d.kind, d.unit = d.j + 2, "money", lx.CURRENCY_WORDS[low]
            elif low in lx.UNIT_WORDS or low in lx.TIME_UNITS:
                d.j, d.unit = d.j + 2, word.text  # one word only: "4-million-barrel-per-day" is read to "barrel"
                d.kind = "duration" if low in lx.TIME_UNITS else "measure"
                if d.kind == "duration":
                    d.unit = lx.TIME_UNITS.get(low, low)
            else:
                d.j, d.unit = d.j + 2, word.text
            return _GO_ON
        low = hyphen[1].split("-")[0].lower()
        if d.hint == "words" and low not in lx.TIME_UNITS and low not in lx.UNIT_WORDS:
            return None, hyphen[0]  # two-dimensional, three-member: an adjective, not an amount
        d.j, word_text = hyphen
        d.kind = "duration" if low in lx.TIME_UNITS else "measure" if (low in lx.UNIT_WORDS or word_text in lx.UNIT_SYMBOLS) else "count"
        d.unit = word_text
        if d.kind == "duration":
            # "a 75-minute speech" lasts minutes; "a 78-year-old" (or "72-year old") is an age
            d.unit = lx.TIME_UNITS.get(low, low)
            if word_text.lower().endswith("-old") or self.word(d.j) == "old":
                d.unit += " old"
                if self.word(d.j) == "old" and self.near(d.j - 1, d.j):
                    d.j += 1
        return _GO_ON

    def _finish(self, d: _Draft) -> _Found:
        """Years told from counts, and the counted noun of a count ("33,000 [Syrian refugees]")."""
        i, j = d.i, d.j
        if d.kind == "money" and not d.unit:
            d.unit = "dollars"
        year_first = d.hint == "digits" and self.is_year(i)
        if d.kind == "duration" and d.unit == "years" and not self.locale.english and year_first and j == i + 2:
            return self._make(d.start, j, None, "", d.approx, "date"), j  # "до 2031 года", "w 2020 roku"
        if d.kind == "count" and year_first and self.is_year(j - 1) and j == i + 3:
            return self._make(d.start, j, None, "", d.approx, "date"), j  # 1997-1999, 2013–2017
        if d.kind == "count" and year_first and j == i + 1 and self._reads_as_year(i, j, d.start):
            return self._make(d.start, j, None, "", d.approx, "date"), j  # "in 1999", "the 2008 election"
        if d.kind == "count" and not d.unit:
            d.unit = self._counted(j)
            last = d.unit.split()[-1] if d.unit else ""
            if last and self.locale.english and last in lx.CURRENCY_WORDS:
                d.kind = "money"  # "500 million Hong Kong dollars", "2,400 Tunisian dinars"
            elif last and not self.locale.english and last.lower() in self.locale.currency_words:
                d.kind, d.unit = "money", self.locale.currency_words[last.lower()]
        if d.hint == "words" and not self.locale.english and d.kind == "count" and not d.unit:
            return None  # "neuf", "sei", "tre" alone are adjectives or verbs as often as numbers
        return self._make(d.start, j, d.value, d.unit, d.approx, d.kind), j

    def _reads_as_year(self, i: int, j: int, start: int) -> bool:
        """A bare four-digit number from 1000 to 2100 with nothing that makes it a count."""
        counted = self._counted(j)
        if self.locale.english:
            if not counted or not looks_plural(counted.split()[-1]) or counted[0].isupper():
                return True
            # "in 2001 convicted members", "the 2007 world championships", "its 2004 earnings", "from 2012 levels":
            # a year before a plural noun, after a preposition or a determiner (sixteenth session; news writes a count
            # of a thousand and more with a comma, "the 2,000 people")
            before = self.word(i - 1)
            if before == "s" and self.word(i - 3) in lx.IS_CONTRACTED_HOSTS:
                return False  # "it's 2000 people": the "'s" of "is", not an owner's
            return start == i and 1900 <= int(self.tokens[i].text) <= 2100 and before in lx.YEAR_BEFORE_A_NOUN
        if not counted:
            return True
        if counted[0].isupper() and self.locale.code != "de":  # German capitalises every noun
            return True
        # "en 2019", "in 2029 klaar", "до 2031 года": after a preposition it is a year;
        # "recogido 2300 firmas", "rund 1500 Beschäftigte" count
        prev = self.word(i - 1)
        return start == i and (prev in self.locale.stop_words or prev in lx.YEAR_CUES or prev in self.locale.months)

    def _case_suffix(self, j: int) -> int | None:
        """A case ending glued to a number: "2029-ben", "2028:ssa", "2020'de" (Hungarian, Finnish, Turkish)."""
        if not self.locale.case_suffixes or not self.is_sym(j, "-:'’") or not self.glued(j - 1, j):
            return None
        t = self.tok(j + 1)
        if t is None or t.kind != "word" or not self.glued(j, j + 1) or len(t.text) > 5 or not t.text.islower():
            return None
        if t.text in self.locale.time_units or t.text in lx.UNIT_WORDS or t.text in lx.UNIT_SYMBOLS:
            return None
        if self.is_sym(j + 2, "-") and self.glued(j + 1, j + 2):
            return None  # a longer compound: "40-es-évek"
        return j + 2

    def _number_word_is_label(self, i: int) -> bool:
        """"one" as a pronoun: "one of", "one another", "no one", "the one", "on one hand"; a capitalised
        number word inside an English sentence, part of a name ("the Six Nations", "BBC Radio Five Live")."""
        if self.locale.english and self.tokens[i].text[:1].isupper() and self._inside_a_sentence(i):
            return True
        if self.word(i) != "one":
            return False
        nxt, prev = self.word(i + 1), self.word(i - 1)
        return nxt in _ONE_AS_PRONOUN_NEXT or prev in _ONE_AS_PRONOUN_PREV or (nxt == "day" and self._one_day_is_someday(i))

    def _one_day_is_someday(self, i: int) -> bool:
        """"one day" at token i means "someday" or "once": after a modal verb or "maybe" ("could one day help",
        "could we one day live", "hopefully, one day"), or opening a sentence before a comma ("One day, I was").
        "one day later", "for one day", "up to one day" stay durations."""
        k = i - 1
        if self.is_sym(k, ","):
            k -= 1
        before = self.word(k)
        if before in _SOMEDAY_BEFORE or (before in _SUBJECT_PRONOUNS and self.word(k - 1) in _MODALS):
            return True
        if not self.is_sym(i + 2, ","):
            return False
        prev = self.tok(i - 1)
        return prev is None or "\n" in self.gap(i - 1, i) or (prev.kind == "sym" and prev.text in _SENTENCE_OPENERS)

    def _inside_a_sentence(self, i: int) -> bool:
        """Token i follows a word on its line, in running text rather than a title-case headline
        ("Storm Kills Six In Florida": no lower-case word of five letters or more near it)."""
        prev = self.tok(i - 1)
        if prev is None or prev.kind != "word" or "\n" in self.gap(i - 1, i):
            return False
        start, end = self.tokens[i].start, self.tokens[i].end
        line_start = self.text.rfind("\n", max(0, start - 80), start) + 1
        following = self.tok(i + 1)
        if (
            following is not None
            and following.text[:1].islower()  # "Two members", not "Six Nations"
            and _DATELINE.fullmatch(self.text, line_start, start)
        ):
            return False
        around = self.text[max(line_start, start - 80) : end + 80].split("\n", 1)[0]
        return _LOWER_LONG_WORD.search(around) is not None

    def _skip_label_list(self, j: int) -> int:
        """After a label number, skip the list it heads: "Tables 2 and 3", "lines 2–12"."""
        for _ in range(6):
            if self.tok(j) is None:
                break
            if self.is_sym(j, ",") and self.word(j + 1) in ("and", "or"):
                j += 1
            if self.is_sym(j, ",–-−&") or self.word(j) in ("and", "to", "or"):
                t = self.tok(j + 1)
                if t is not None and t.kind == "num" and self.near(j, j + 1):
                    j += 2
                    # glued letters: 3a, S2
                    if self.tok(j) is not None and self.tokens[j].kind == "word" and self.glued(j - 1, j) and len(self.tokens[j].text) <= 2:
                        j += 1
                    continue
            if self.tok(j) is not None and self.tokens[j].kind == "word" and self.glued(j - 1, j) and len(self.tokens[j].text) <= 2:
                j += 1
                continue
            break
        return j

    def _date_around(self, i: int, start: int) -> tuple[int, int] | None:
        t = self.tokens[i]
        end = i + 1
        while end < i + 7 and self.tok(end) is not None and self.tokens[end].text in CJK_DATE_MARKS and self.glued(end - 1, end):
            end += 1  # 2024年12月1日: the date runs over each number and its mark
            if self.tok(end) is not None and self.tokens[end].kind == "num" and self.glued(end - 1, end) and self.tok(end + 1) is not None and self.tokens[end + 1].text in CJK_DATE_MARKS:
                end += 1
        if end > i + 1:
            return start, end
        # 2024-05-05, 05/05/2024, 12.05.2024
        if _DOTTED_DATE.fullmatch(t.text):
            return start, i + 1
        if (
            self.is_year(i)
            and self.is_sym(i + 1, "-/")
            and self.glued(i, i + 1)
            and self.tok(i + 2) is not None
            and self.tokens[i + 2].kind == "num"
            and len(self.tokens[i + 2].text) == 2
            and self.glued(i + 1, i + 2)
            and self.is_sym(i + 3, self.tokens[i + 1].text)
            and self.tok(i + 4) is not None
            and self.tokens[i + 4].kind == "num"
            and self.glued(i + 3, i + 4)
        ):
            return start, i + 5
        if (
            t.text.isdecimal()
            and len(t.text) <= 2
            and self.is_sym(i + 1, "/")
            and self.glued(i, i + 1)
            and self.tok(i + 2) is not None
            and self.tokens[i + 2].text.isdecimal()
            and len(self.tokens[i + 2].text) <= 2
            and self.is_sym(i + 3, "/")
            and self.tok(i + 4) is not None
            and self.tokens[i + 4].text.isdecimal()
            and len(self.tokens[i + 4].text) in (2, 4)
            and self.glued(i + 2, i + 3)
            and self.glued(i + 3, i + 4)
        ):
            return start, i + 5
        is_day = t.text.isdecimal() and len(t.text) <= 2 and 1 <= int(t.text) <= 31
        # month before: "May 5, 2024", "May 2024", "May 5"
        if self.month_at(i - 1) and self.near(i - 1, i) and (is_day or self.is_year(i)):
            dstart = i - 1
            end = i + 1
            if is_day and not self.is_year(i):
                if self.is_sym(end, ",") and self.is_year(end + 1) and self.near(end, end + 1):
                    end += 2
                elif self.is_year(end) and self.near(end - 1, end):
                    end += 1
            return min(start, dstart), end
        # "1. März", "1. juni 2025": a day written as an ordinal
        if is_day and self.locale.dot_ordinals and self.is_sym(i + 1, ".") and self.glued(i, i + 1) and self.month_at(i + 2) and self.near(i + 1, i + 2):
            end = i + 3
            if self.is_year(end) and self.near(end - 1, end):
                end += 1
            return start, end
        # month after: "5 May 2024", "5 May"
        if is_day and self.month_at(i + 1) and self.near(i, i + 1):
            end = i + 2
            if self.is_sym(end, ".") and self.glued(end - 1, end) and self.tokens[i + 1].text.lower() in lx.MONTH_ABBREVIATIONS:
                end += 1  # "5 Sept. 2024"; a full name's full stop ends the sentence
            if self.is_year(end) and self.near(end - 1, end):
                end += 1
            return start, end
        # with a link: "22 de outubro de 2010", "5 de mayo"
        if is_day and not self.locale.english and self.word(i + 1) in self.locale.links and self.near(i, i + 1):
            if self.month_at(i + 2) and self.near(i + 1, i + 2):
                end = i + 3
                if self.word(end) in self.locale.links and self.is_year(end + 1) and self.near(end - 1, end) and self.near(end, end + 1):
                    end += 2
                return start, end
        return None

    def _time_at(self, i: int) -> int | None:
        t = self.tokens[i]
        if not self.locale.english and _DOTTED_CLOCK.fullmatch(t.text) and self.word(i + 1) in _CLOCK_WORDS_AFTER and self.near(i, i + 1):
            return i + 2  # "14.30 Uhr"
        if not t.text.isdecimal() or len(t.text) > 2:
            return None
        hour = int(t.text)
        j = i + 1
        if self.is_sym(j, ":") and self.glued(i, j) and self.tok(j + 1) is not None:
            minutes = self.tokens[j + 1]
            if minutes.kind == "num" and len(minutes.text) == 2 and minutes.text.isdecimal() and self.glued(j, j + 1):
                if hour > 24 or int(minutes.text) > 59:
                    return None
                j += 2
                if self.is_sym(j, ":") and self.tok(j + 1) is not None and self.tokens[j + 1].text.isdecimal() and self.glued(j, j + 1):
                    j += 2
                marker = self._am_pm(j)
                if marker is not None:
                    return marker
                if not self.locale.english:
                    return j + 1 if self.word(j) in _CLOCK_WORDS_AFTER and self.near(j - 1, j) else j  # "14:30 Uhr"
                prev = self.word(i - 1)
                if prev in ("at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "to") or self.word(j) in ("gmt", "utc", "bst", "est", "edt", "pst", "cet", "local", "hours", "hrs", "h"):
                    if self.word(j) in ("gmt", "utc", "bst", "est", "edt", "pst", "cet"):
                        j += 1
                    return j
                return None
        if not self.locale.english and hour <= 24:
            if self.word(j) in _CLOCK_WORDS_AFTER and self.near(i, j):
                return j + 1  # "um 20 Uhr"
            if self.word(i - 1) in _CLOCK_WORDS_BEFORE and self.near(i - 1, i) and self.unit_at(j, i) is None and not self._counted(j):
                return j  # "fino alle 24"
        if 1 <= hour <= 12:
            return self._am_pm(j)
        return None

    def _am_pm(self, j: int) -> int | None:
        low = self.word(j)
        if low in ("am", "pm") and self.near(j - 1, j):
            return j + 1
        if low in ("a", "p") and self.is_sym(j + 1, ".") and self.word(j + 2) == "m" and self.glued(j, j + 1):
            end = j + 3
            if self.is_sym(end, ".") and self.glued(end - 1, end):
                end += 1
            return end
        return None

    def _exponent(self, j: int, value: float | None) -> tuple[int, float | None]:
        t = self.tok(j)
        if t is None:
            return j, value
        # 3e-5, 2E+06
        if t.kind == "word" and t.text in ("e", "E") and self.glued(j - 1, j):
            k = j + 1
            sign = 1
            if self.is_sym(k, _SIGNS) and self.glued(j, k):
                sign = -1 if self.tokens[k].text in "-−" else 1
                k += 1
            if self.tok(k) is not None and self.tokens[k].kind == "num" and self.tokens[k].text.isdecimal() and len(self.tokens[k].text) <= 3 and self.glued(k - 1, k):
                power = sign * int(self.tokens[k].text)
                return k + 1, (value * 10.0 ** power if value is not None and abs(power) < 300 else value)
            return j, value
        # 1.2 × 10−3, 1.2 x 10^-3, 10⁶
        if t.kind == "sym" and t.text in "×x*" or (t.kind == "word" and t.text == "x"):
            k = j + 1
            base = self.tok(k)
            if base is not None and base.text == "10" and self.near(j, k) and self.near(j - 1, j):
                end, power = self._power(k + 1)
                if end > k + 1:
                    return end, (value * 10.0 ** power if value is not None and abs(power) < 300 else value)
            return j, value
        if t.kind == "sym" and (t.text in _SUPERSCRIPTS or t.text == "^") and self.tokens[j - 1].text == "10" and self.glued(j - 1, j):
            end, power = self._power(j)
            if end > j and value is not None and abs(power) < 300:
                return end, 10.0 ** power
            return end, value
        return j, value

    def _dimensions(self, j: int) -> int:
        """Past the other sides of "23 x 13 cm", "2 × 3 × 4 m" when a unit follows them; else j."""
        k = j
        for _ in range(2):
            if not ((self.is_sym(k, "×") or self.word(k) == "x") and self.near(k - 1, k)):
                break
            side = self.tok(k + 1)
            if side is None or side.kind != "num" or not self.near(k, k + 1):
                break
            k += 2
        return k if k > j and self.unit_at(k, k - 1) is not None else j

    def _power(self, k: int) -> tuple[int, int]:
        """Read an exponent written as ^-3, −3 (glued) or superscript digits."""
        start = k
        if self.is_sym(k, "^") and self.glued(k - 1, k):
            k += 1
        sign = 1
        if self.is_sym(k, "-−⁻+⁺") and self.glued(k - 1, k):
            sign = -1 if self.tokens[k].text in "-−⁻" else 1
            k += 1
        digits = ""
        while self.tok(k) is not None and self.glued(k - 1, k):
            tok = self.tokens[k]
            if tok.kind == "num" and tok.text.isdecimal() and not digits:
                digits = tok.text
                k += 1
                break
            if tok.kind == "sym" and tok.text in "⁰¹²³⁴⁵⁶⁷⁸⁹":
                digits += tok.text.translate(_SUPERSCRIPT)
                k += 1
                if len(digits) > 3:
                    break
                continue
            break
        if not digits:
            return start, 0
        return k, sign * int(digits[:3])

    def _range(self, i: int, start: int, j: int, money: bool = False) -> tuple[int, int]:
        """Extend over a range's second number ("5–10", "5 to 10", "between 5 and 10"); returns (start, end)."""
        t = self.tok(j)
        if t is None or not self.near(j - 1, j):
            return start, j
        opener = start - 1 if self.word(start - 1) in ("between", "from") and self.near(start - 1, start) else None
        if t.kind == "sym" and t.text in _DASHES:
            other = self.number_after(j + 1, money)
            if other is not None and self.near(j, j + 1) and not self.is_label(other[0] - 1):
                return start, other[0]
            return start, j
        low = self.word(j)
        if low not in ("to", "and", "or"):
            return start, j
        if low == "or" and self.word(j + 1) == "more":
            return start, j + 2
        if low == "and" and not (opener is not None and self.word(opener) == "between"):
            return start, j
        other = self.number_after(j + 1, money)
        if other is None or not self.near(j, j + 1) or self.is_label(other[0] - 1):
            return start, j
        return (opener if opener is not None else start), other[0]

    def _score_at(self, i: int, j: int) -> int | None:
        """A match score or vote tally "7-6", "2-0", "101-98": the second number is not larger.

        A range runs upwards ("5-10"), so a glued pair that does not is a score.
        """
        if j != i + 1:
            return None
        pair = self._pair_at(i)
        if pair is None:
            return None
        end, upwards = pair
        run_end = self._set_scores_after(end)
        if upwards and run_end == end:
            return None  # "5-10" alone is a range; "4-6 6-3 7-6" is a tennis score
        return run_end

    def _pair_at(self, i: int) -> tuple[int, bool] | None:
        """Two numbers of at most three digits glued by a hyphen at token i ("7-6"), with no unit or hyphened
        word after them ("10-5 km", "3-2-year" are no scores): the token after them and whether the second is
        the larger."""
        first, second = self.tok(i), self.tok(i + 2)
        if first is None or second is None or not (first.text.isdecimal() and second.text.isdecimal()):
            return None
        if len(first.text) > 3 or len(second.text) > 3:
            return None
        if not (self.is_sym(i + 1, "-–") and self.glued(i, i + 1) and self.glued(i + 1, i + 2)):
            return None
        if self.unit_at(i + 3, i + 2) is not None or self._hyphen_word(i + 3) is not None:
            return None
        return i + 3, int(second.text) > int(first.text)

    def _set_scores_after(self, end: int) -> int:
        """The end of a run of set scores, each with its tie-break: "6-2 6-7 (3/7) 6-3" is one score
        (apart, "6-7" read as a range and "(3/7)" as a fraction)."""
        for _ in range(8):  # a match has at most five sets, each with a tie-break
            nxt = end
            if self.is_sym(nxt, "(") and self.gap(nxt - 1, nxt) == " " and self.is_sym(nxt + 4, ")"):
                if self.is_sym(nxt + 2, "-–/") and all(self.glued(k, k + 1) for k in range(nxt, nxt + 4)):
                    first, second = self.tok(nxt + 1), self.tok(nxt + 3)
                    if first is not None and second is not None and first.text.isdecimal() and second.text.isdecimal():
                        end = nxt + 5
                        continue
            if self.is_sym(nxt, ",") and self.glued(nxt - 1, nxt):
                nxt += 1  # "6-4, 7-6"
            pair = self._pair_at(nxt) if self.gap(nxt - 1, nxt) == " " else None
            if pair is None:
                return end
            end = pair[0]
        return end

    def _hyphen_word(self, j: int) -> tuple[int, str] | None:
        if not (self.is_sym(j, "-") and self.glued(j - 1, j)):
            return None
        t = self.tok(j + 1)
        if t is None or t.kind != "word" or not self.glued(j, j + 1):
            return None
        end = j + 2
        # 5-year-old
        if self.is_sym(end, "-") and self.glued(end - 1, end) and self.tok(end + 1) is not None and self.tokens[end + 1].kind == "word" and self.glued(end, end + 1):
            end += 2
        return end, self.text[t.start : self.tokens[end - 1].end]

    def _counted(self, j: int) -> str:
        position = self.tokens[j].start if j < len(self.tokens) else len(self.text)
        if self.locale.english:
            return counted_noun_after(self.text, position)
        return foreign_counted_noun(self.text, position, self.locale)

    def _make(self, start: int, end_token: int, value: float | None, unit: str, approx: bool, kind: str) -> Quantity:
        s = self.tokens[start].start
        e = self.tokens[end_token - 1].end
        if value is not None and (math.isnan(value) or math.isinf(value)):
            value = None
        return Quantity(s, e, self.text[s:e], value, unit, approx, kind)


def _scan_starts(code: str, number_words: Mapping[str, int]) -> frozenset[str]:
    """The words a quantity may start at in a locale: its number words, and "room" ("room 12" is a label)."""
    cached = _STARTS.get(code)
    if cached is None or cached[0] is not number_words:
        cached = _STARTS[code] = (number_words, frozenset(number_words) | {"room"})
    return cached[1]


_STARTS: dict[str, tuple[Mapping[str, int], frozenset[str]]] = {}


def find_quantities(text: str, language_code: str = "en") -> list[Quantity]:
    """Every quantity span in `text`, in order. Never raises on a str.

    `language_code` (ISO 639-1, as the language detector gives it) picks how
    numbers are written: "1.200" is 1200 in German and 1.2 in English.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        locale = number_locale(language_code if isinstance(language_code, str) else "en")
        if not _may_hold_a_number(text, locale):
            return []
        if text.isascii() or not any(map(text.__contains__, _ODD_DASH_CHARACTERS)) or _ODD_DASHES.search(text) is None:
            return _Scanner(text, locale).scan()
        # Scanned with the dashes it knows, one character for one so offsets hold; shown as written.
        return [replace(q, text=text[q.start : q.end]) for q in _Scanner(text.translate(_DASH_FORMS), locale).scan()]
    except Exception:  # a bug here must not take down a digest; the log keeps it visible
        log.exception("quantity scan failed")
        return []


_DIGIT = re.compile(r"\d")
# On an ASCII text `\d` is these ten: ten substring tests (memchr in C) cost less than the pattern (figspeed9).
_ASCII_DIGITS = tuple("0123456789")
# Hyphens and dashes a web page may write that the scanner's tokens do not know, next to a digit: the
# non-breaking hyphen ("a 10\u2011year plan"), the hyphen, the figure dash, the horizontal bar and the
# box-drawing line ("400\u2500600 words", read as two numbers before the eleventh session). Each reads as the
# hyphen or en dash it stands for.
_DASH_FORMS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "\u2013", "\u2015": "\u2013", "\u2500": "\u2013"})
_ODD_DASH_CHARACTERS = ("\u2010", "\u2011", "\u2012", "\u2015", "\u2500")  # a cheap test first: the pattern costs more
_ODD_DASHES = re.compile(r"(?<=\d)[\u2010\u2011\u2012\u2015\u2500]|[\u2010\u2011\u2012\u2015\u2500](?=\d)")


@functools.lru_cache(maxsize=64)
def _number_word_pattern(code: str) -> re.Pattern[str] | None:
    """The locale's number words (and "room") as whole words, as a tree of the words' letters (thirteenth
    session; the plain alternation it is tested against is in tests/digest/figures/references.py): each branch opens
    with a literal character, so the regex engine skips to the characters a number word starts with, and at each
    it follows one path instead of trying every word; the look-behind, moved after the first character, still
    asks that no letter precede it. The same texts match (a whole word among the words)."""
    words = {*number_locale(code).number_words, "room"}
    if any(CJK_CHAR.search(word) for word in words):
        return None
    return re.compile(r"(?:" + _letter_tree(words, first=True) + r")(?![^\W\d_])")


def _letter_tree(words: Collection[str], first: bool = False) -> str:
    """A regex matching exactly `words` (non-empty strings), as nested alternatives by their first character."""
    by_first: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = []
    for character in sorted(by_first):
        behind = r"(?<![^\W\d_]" + "." + ")" if first else ""  # the character before the word's first one
        rest = _letter_tree(by_first[character])
        branches.append(re.escape(character) + behind + rest)
    if not branches:
        return ""
    tree = branches[0] if len(branches) == 1 and not first else "(?:" + "|".join(branches) + ")"
    return "(?:" + tree + ")?" if ends else tree


def _may_hold_a_number(text: str, locale: NumberLocale) -> bool:
    """A cheap test before tokenizing: most sentences of an article hold no digit and no number word."""
    if any(map(text.__contains__, _ASCII_DIGITS)) if text.isascii() else _DIGIT.search(text):
        return True
    pattern = _number_word_pattern(locale.code)
    return pattern is None or pattern.search(text.lower()) is not None
