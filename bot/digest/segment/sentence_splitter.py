"""Split a cleaned article into sentences that follow its line structure.

pysbd carries its rules in its own code (no NLTK data). Each line of the cleaned
text is a paragraph or a heading/list line; a line that ends without closing
punctuation stays one sentence of its own, so a heading never merges with the
sentence after it.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import pysbd

from bot.digest.models import Sentence
from bot.digest.segment.compiled_pysbd import CompiledSegmenter

# pysbd's rule sets, by ISO code; other languages use the English rules, which
# split on . ! ? and are a fair default for Latin-script text.
_PYSBD_CODES = frozenset(pysbd.languages.LANGUAGE_CODES)
_CLOSING = re.compile(r"""[.!?…。！？]["'”’»)\]]*\s*$""")  # a line that ends a sentence (see `_ends_closed`)
_CLOSING_STOPS = frozenset(".!?…。！？")
_SPACE = re.compile(r"[ \t\u00a0]+")
# The runs of `_SPACE` that are not one space already: replacing only these gives `_SPACE.sub(" ", text)`
# without rewriting every space between two words (a third of the time on a long text).
_SPACE_TO_TIDY = re.compile(r"[\t\u00a0][ \t\u00a0]*| [ \t\u00a0]+")


# pysbd's Arabic and Persian rules end a sentence at every colon, the Arabic ones also at
# the Arabic comma; in prose neither ends one, so such a piece is joined to the next.
# (Armenian writes its full stop like a colon, so there a colon still ends a sentence.)
_MID_SENTENCE_ENDS = frozenset(",،")  # a piece whose last character but white space is one of these is joined on

# A news dateline opening a line: a place in capitals ("NEW YORK", "LONDON, England") and/or a source in
# brackets ("(CNN)"), then " -- ". pysbd pairs that "--" with the next one in the line and ends no sentence
# between them (its BETWEEN_EM_DASHES rule), so an article that opens with a dateline came out with sentences
# merged up to the next double dash. The dateline is split off first, as a heading-like fragment of its own;
# the rest of the line goes to the splitter (and to stock pysbd in the reference) as any other line.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Za-z.'’]+){0,4},?(?: \([^()\n]{1,30}\))?|\([^()\n]{1,30}\)) --(?= +\S)"
)

# The fast path (see `_chunks`). pysbd compiles a regex per abbreviation it meets on a line,
# about 0.14 s per 1,000 words of news prose. A line is cut here at the sentence ends that
# are certain under pysbd's English rules (a plain word, the stop, one space, a capital, and
# outside quotes and brackets); pieces without any other stop or unusual character are one
# sentence each, the rest go to pysbd piece by piece. pysbd's rules are local to a sentence
# except its quote/bracket pairing and its list numbering, so lines where those could reach
# across a cut go to pysbd whole.
# Symbols no rule of pysbd names (`tests/bench/test_split_fast_path.py` checks pysbd's source): within a
# sentence they are like letters to pysbd (not white space, not a stop, not a quote or bracket).
_INERT_CHARS = "…~→←↑↓™©×÷±≤≥≠−‑‐·§¶′″¢¥₩₹★✓✔✅❌✨➡\u200b\u200d\ufe0f\U0001f300-\U0001faff"
# The ASCII letters and digits stand in the classes below beside `\w`, which holds them already: re tests a class's
# characters (a bitmap) before its categories, so most characters of a line are settled without the word-category
# look-up (the same sets; 40 % less time a line, tests/digest/segment/test_speed_gates8.py).
_PLAIN_CHARS = re.compile(r"[A-Za-z0-9_\w ,;:\-–—'‘’%$€£&/+#=.!?“”\"()\[\]«»" + _INERT_CHARS + "]*")
# What sends a line to pysbd whole (`_has_whole_line_span`; the tests compare the two): pysbd's straight
# single-quote spans, and a dash and a quote before a capital (its QUOTATION_AT_END_OF_SENTENCE rule ends a
# sentence there).
_DASH_QUOTE = re.compile(r"""-["'“”]\s[A-Z]""")
_DASH_QUOTES = ('-"', "-'", "-“", "-”")  # what `_DASH_QUOTE` needs, looked for first
_WHOLE_LINE = re.compile(r"(?:^|\s)'|" + _DASH_QUOTE.pattern)
_QUOTE_AFTER_SPACE = re.compile(r"'(?<=\s.)")  # `_WHOLE_LINE`'s first branch, searched from the quote
# pysbd's slanted single-quote and double-dash spans: they matter only where they hold a stop or an apostrophe
# (its `replace_punctuation` changes nothing else), and no rule of pysbd looks at "’" or "‘" otherwise.
_SLANTED_SPAN = re.compile(r"(?<=\s)‘(?:[^’]|’[a-zA-Z])*’")  # its BETWEEN_SINGLE_QUOTE_SLANTED_REGEX
_DASH_SPAN = re.compile(r"--[^-]*--")  # its BETWEEN_EM_DASHES_REGEX_2
_REPLACED_IN_SPANS = re.compile(r"[.!?'。．！？]")
# Quoted and bracketed spans as pysbd's BetweenPunctuation pairs them (punctuation inside never splits): never
# empty, and without a backslash (its patterns take one for an escape).
_SPAN = re.compile(r'“[^“”"()\[\]«»\\]+”|"[^"“”()\[\]«»\\]+"|\([^()“”"\[\]«»\\]+\)|\[[^()“”"\[\]«»\\]+\]|«[^()“”"\[\]«»\\]+»')
_SPAN_CHARS = re.compile(r'[“”"()\[\]«»]')
_CLOSING_MARKS = '"”)]»'  # the last character of a `_SPAN`
_SENTENCE_OPENERS = "\"“('（「"  # what a span that pysbd may take for a sentence of its own opens with
_QUOTE_PARENS = re.compile(r'["”]\s\(.*\)\s["“]')  # pysbd's PARENS_BETWEEN_DOUBLE_QUOTES_REGEX
_LISTS = pysbd.lists_item_replacer.ListItemReplacer
# Items of pysbd's numbered, lettered and roman lists; it links them across the whole line.
# (`_list_markers` counts its matches; the tests compare the two.)
_LIST_NUMERALS = frozenset({*_LISTS.ROMAN_NUMERALS, *_LISTS.LATIN_NUMERALS})  # all lower-case letters
_LONGEST_NUMERAL = max(_LIST_NUMERALS, key=len)
_LIST_MARKER = re.compile(
    r"(?:^|[\s\-⁃])\d{1,2}\.(?=[\s)])|\d{1,2}\)(?=\s)|(?:^|[\s(])(?:%s)(?=[.)])"
    % "|".join(sorted(_LIST_NUMERALS, key=len, reverse=True))
)
_LIST_MARKER_END = re.compile(r"[.)]")  # where every match of `_LIST_MARKER` ends (or stops before)
# Stops that might end a sentence. pysbd never splits at a period between two word characters
# and a lower-case letter ("wired.com", "Date.now"; but "x.x.x" is cut), between digits ("12.9") or between a
# space and a digit (".45"); those are not stops here. (After a letter, before a digit it
# may: "tax.9 Those" is cut after the footnote number.)
# Written to open with the class of the three stops, so that the engine skips to the next stop at once (`[!?]|\.(?!...)`
# tried its branch at every character: twice the time for the same matches). The conditions hold for "!" and "?"
# as they are: each look-ahead fails at once on its look-behind's "." (`tests/digest/segment/test_speed_gates8.py`).
_STOP = re.compile(r"[.!?](?!(?<=[A-Za-z0-9_]{2}\.)[a-z])(?!(?<=\d\.)\d)(?!(?<=\s\.)\d)(?!(?<=^\.)\d)")
_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_WORD_OPENERS = " -“\"([«"  # what may stand before the word `_last_word` finds, if the line's start does not
_LAST_NUMBER = re.compile(r" \d{3,}$")
_WORD_WINDOW = 100
_ROMAN = frozenset(_LISTS.ROMAN_NUMERALS)
_EXCLAMATION_WORDS = frozenset({"yahoo", "yum"})
_PYSBD_ENGLISH = pysbd.languages.LANGUAGE_CODES["en"].Abbreviation
_ABBREVIATIONS = frozenset(
    a.strip().lower()
    for a in (*_PYSBD_ENGLISH.ABBREVIATIONS, *_PYSBD_ENGLISH.PREPOSITIVE_ABBREVIATIONS, *_PYSBD_ENGLISH.NUMBER_ABBREVIATIONS)
)


def _last_word(line: str, stop: int) -> str | None:
    """The word of ASCII letters ending just before `stop`, opened by the line's start or one of `_WORD_OPENERS`, or
    None. Read in a short window, which keeps long lines linear: a word longer than the window is not found, and
    its stop goes to pysbd as an unsure one. The word is the run of letters before `stop`, read by `rstrip`: what
    the pattern it replaces found in the window (tests/digest/segment/test_speed_gates8.py), without trying that
    pattern at each of the window's characters."""
    start = max(0, stop - _WORD_WINDOW)
    window = line[start:stop]
    if window.endswith("\n"):  # the pattern's `$` matched before a line break that ended the window too
        window = window[:-1]
    before = window.rstrip(_ASCII_LETTERS)
    if len(before) == len(window):
        return None
    if before:
        return window[len(before) :] if before[-1] in _WORD_OPENERS else None
    return window if start == 0 else None  # the run reaches the window's start: only the line's start opens it


def _ends_plain_word(line: str, stop: int) -> bool:
    """Whether a word of two or more letters, not an abbreviation or roman numeral, ends just before `stop`,
    or a number of three or more digits after a space (pysbd's number and list rules protect only one
    or two digits: "1. ", "12. "; its abbreviations are letters)."""
    word = _last_word(line, stop)
    if word is None:
        return _LAST_NUMBER.search(line, max(0, stop - _WORD_WINDOW), stop) is not None
    return len(word) >= 2 and not word.isupper() and word.lower() not in _ABBREVIATIONS and word.lower() not in _ROMAN


def _is_boundary(line: str, stop: int, original: str, rules: FastPathRules) -> bool:
    """Whether the stop at `stop` ends a sentence for certain: a plain word or a paired span's closing quote or
    bracket (masked in `line`, see `_chunks`) before it; one space and a capital after, or one space and a double
    quote or bracket opening on a capital (paired, or the line's first unpaired one: `_chunks` cuts nothing after
    that). pysbd keeps a stop from ending a sentence only after a letter (its abbreviations all end in one) or a
    digit, so a closing quote or bracket before it is as good as a plain word."""
    if line[stop + 1 : stop + 2] != " ":
        return False
    following = line[stop + 2 : stop + 3]
    if not rules.is_capital(following) and not (
        original[stop + 2] in "“\"(" and rules.is_capital(original[stop + 3 : stop + 4])
    ):
        return False
    if line[stop - 1 : stop] == "\x00" and original[stop - 1] in _CLOSING_MARKS:
        return True
    if line[stop] == "!" and (word := _last_word(line, stop)) and word.lower() in _EXCLAMATION_WORDS:
        return False  # "Yahoo! News": pysbd's words with a '!' in them
    return rules.ends_plain_word(line, stop)


def _is_inert(line: str, stop: int, rules: FastPathRules) -> bool:
    """Whether a stop inside a quoted or bracketed span is one pysbd leaves alone (it never splits there)."""
    after = line[stop + 1 : stop + 2]
    return (after == "" or after in " ”\")") and rules.ends_plain_word(line, stop)


def _is_latin_capital(character: str) -> bool:
    return "A" <= character <= "Z"


@dataclass(frozen=True)
class FastPathRules:
    """What the fast path must know of a language's pysbd rules: which capitals may open the next sentence,
    and whether the word before a stop certainly ends a sentence."""

    is_capital: Callable[[str], bool]
    ends_plain_word: Callable[[str, int], bool]
    # whether a stop inside a piece is one pysbd certainly turns into "∯" (no sentence ends there)
    is_abbreviation_stop: Callable[[str, int], bool] = lambda line, stop: False
    # whether pysbd splits a piece alone as it splits it within its line (else a line with any piece that is
    # not certain goes to pysbd whole)
    pieces_alone: bool = True
    excluded: re.Pattern[str] | None = None  # lines that go to pysbd whole


# English stops pysbd always turns into "∯" (its abbreviation step; `tests/bench/test_split_fast_path.py` tries
# each kind). After a prepositive abbreviation ("Mr.", "Gov.") before white space; after another abbreviation
# before a space and a lower-case letter or a digit ("tsp. sugar", "Nov. 5"); after a number abbreviation
# ("No.") before a space and a digit; in a dotted initialism ("U.S.") before a space and a lower-case letter or
# a digit. Each only as a whole word after white space or the start, which is how pysbd matches them. None
# of these can be turned back into a boundary: pysbd does that only before a capital (after "U.S", "I" and
# a few others: prepositives ending so are left out).
_ENGLISH_PREPOSITIVE = frozenset(
    a.strip().lower() for a in _PYSBD_ENGLISH.PREPOSITIVE_ABBREVIATIONS if a.strip().isalpha() and len(a.strip()) >= 2
) - {a for a in map(str.lower, _ABBREVIATIONS) if a.endswith("i") or re.search("i.v$", a)}
_ENGLISH_NUMBER = frozenset(a.strip().lower() for a in _PYSBD_ENGLISH.NUMBER_ABBREVIATIONS if len(a.strip()) >= 2)
_ENGLISH_ORDINARY = frozenset(
    a.strip().lower() for a in _PYSBD_ENGLISH.ABBREVIATIONS if a.strip().isalpha() and len(a.strip()) >= 2
) - _ENGLISH_PREPOSITIVE - _ENGLISH_NUMBER - {a.strip().lower() for a in _PYSBD_ENGLISH.PREPOSITIVE_ABBREVIATIONS}
_LISTED = frozenset(a.strip().lower() for a in _PYSBD_ENGLISH.ABBREVIATIONS)  # pysbd's loop looks only at these
_ENGLISH_PREPOSITIVE &= _LISTED
_ENGLISH_NUMBER &= _LISTED
_INITIALISM = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.")
_TOKEN_START = re.compile(r"\S*$")
_TOKEN_END = re.compile(r"\S*")


def _is_english_abbreviation_stop(line: str, stop: int) -> bool:
    """Whether pysbd's English rules certainly turn the stop at `stop` into "∯" (see `_ENGLISH_PREPOSITIVE`)."""
    start = _TOKEN_START.search(line, max(0, stop - _WORD_WINDOW), stop)
    if start is None or (start.start() == stop - _WORD_WINDOW > 0):
        return False
    end = _TOKEN_END.match(line, stop).end()
    token = line[start.start() : end]
    following = line[end : end + 2]
    lower_or_digit = len(following) == 2 and following[0] == " " and ("a" <= following[1] <= "z" or following[1].isdigit())
    if (
        line[stop] == "."
        and stop == start.start() + 1
        and "A" <= line[start.start()] <= "Z"
        and line[start.start()] not in "IV"
        and (line[stop + 1 : stop + 2].isspace() or (line[stop + 1 : stop + 2] == "," and line[stop + 2 : stop + 3].isspace()))
    ):
        # a capital alone ("John F. Kennedy"): pysbd's SingleUpperCaseLetter rules mark its stop before white
        # space or a comma and white space; it turns back only an "I" (or "I V") before a sentence starter
        return True
    if end == stop + 1:
        word = token[:-1].lower()
        if word in _ENGLISH_PREPOSITIVE:
            return following[:1] == " "
        if word in _ENGLISH_ORDINARY:
            return lower_or_digit
        if word in _ENGLISH_NUMBER:
            return lower_or_digit and following[1].isdigit()
    return lower_or_digit and _INITIALISM.fullmatch(token) is not None


_ENGLISH_RULES = FastPathRules(_is_latin_capital, _ends_plain_word, _is_english_abbreviation_stop)

# Russian: pysbd's rules are English's (Common and Standard) but for the abbreviations, whose stop it turns
# into "∯" after white space or at the start whatever follows, matching each abbreviation as a regex (its
# "." any character) without regard to case. A stop is certain here only after a word that is letters alone
# from the white space before it (so no dotted or hyphenated abbreviation can end there), at least two,
# not all capitals, no roman numeral and matched by no abbreviation.
_LAST_TOKEN = re.compile(r"\S+$")


def _token_rules(capitals: str, abbreviations: Collection[str], german: bool = False) -> FastPathRules:
    """Rules for a language whose pysbd abbreviation step marks every stop after an abbreviation (see the note
    on German below for what `german` adds)."""
    patterns = {a.strip() for a in abbreviations}
    abbreviation = re.compile("|".join(sorted(patterns, key=len, reverse=True)), re.IGNORECASE)
    if german:  # the part of an abbreviation after a "." that matched a space
        patterns |= {a[i + 1 :] for a in patterns for i, c in enumerate(a) if c == "."}
    ending = re.compile("|".join(sorted(patterns, key=len, reverse=True)), re.IGNORECASE)
    lengths = sorted({len(a.strip()) for a in abbreviations})

    @functools.lru_cache(maxsize=4)
    def line_start(line: str) -> re.Pattern[str] | None:
        """What German pysbd marks after the abbreviations that match at the line's start, as a pattern that
        matches at the end of what precedes a stop; `_NO_STOP` when such a match holds a regex character."""
        found = [line[:n] for n in lengths if abbreviation.fullmatch(line[:n])]
        if not found:
            return None
        if any(_REGEX_CHARACTER.search(prefix) for prefix in found):
            return _NO_STOP
        return re.compile("(?:%s)\\Z" % "|".join(re.escape(prefix).replace("\\.", ".") for prefix in found))

    def is_capital(character: str) -> bool:
        return len(character) == 1 and character in capitals

    def ends_plain_word(line: str, stop: int) -> bool:
        window = max(0, stop - _WORD_WINDOW)
        found = _LAST_TOKEN.search(line, window, stop)
        if found is None or (found.start() == window and window > 0):
            return False
        token = found.group()
        return (
            len(token) >= 2
            and token.isalpha()
            and not token.isupper()
            and token.lower() not in _ROMAN
            and token.lower() not in _EXCLAMATION_WORDS
            and ending.fullmatch(token) is None
            and not (german and (protected := line_start(line)) is not None and protected.search(line, 0, stop))
        )

    return FastPathRules(is_capital, ends_plain_word, pieces_alone=not german, excluded=_GERMAN_QUOTES if german else None)


# German: pysbd's rules are English's but for these. (1) Its abbreviation step marks the stop after every
# match of `(?:^|\s)` and an abbreviation (a regex: "." any character, case aside), written as it matched,
# whatever follows: after a match at white space that is the token before the stop (or, where a "." matched
# a space, the part of the abbreviation after it), but after one at the line's start (no white space) it
# marks the stop after any text that ends so, in any word: `line_start` in `_token_rules`. That reaches
# across the line, so a German line goes to pysbd whole unless every piece is certain (`pieces_alone`).
# (2) Numbers of one or two digits before a stop, and dates before a month: never after a word of letters.
# (3) Straight double quotes are not paired, but „…“ and ,,…“ are: lines with any double quote go to pysbd.
_GERMAN_QUOTES = re.compile(r'["“”„]|,,')
_REGEX_CHARACTER = re.compile(r"[\\^$*+?{}\[\]|()]")
_NO_STOP = re.compile(r"")  # matches before every stop: none is certain


_FAST_PATHS = {
    "en": _ENGLISH_RULES,
    "ru": _token_rules(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
        pysbd.languages.LANGUAGE_CODES["ru"].Abbreviation.ABBREVIATIONS,
    ),
    "de": _token_rules(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ", pysbd.languages.LANGUAGE_CODES["de"].Abbreviation.ABBREVIATIONS, german=True
    ),
}


# The fast path's own fast path: a line of plain sentences, cut at its stops by two regex passes and a word check
# per stop, where `_chunks` would cut it the same way and find every piece certain. Plain: characters of
# `_PLAIN_CHARS` but no quote or bracket, no double dash and no quote at the start or after white space (so
# nothing `_has_whole_line_span` or `_SPAN` looks for); every stop at the line's end or before one space and a
# capital (so no inner stop, and no list marker before one). `_plain_sentences` checks the word before each stop.
_PLAIN_LINE = re.compile(r"(?:[A-Za-z0-9_\w ,;:–—%$€£&/+#=" + _INERT_CHARS + r"]++|-(?!-)|(?<=\S)['’]|[.!?](?= [A-Z]|$))*+")
_STOP_BEFORE_SPACE = re.compile(r"[.!?](?= )")  # a stop that a space follows; the token before it reaches back to a space
_PLAIN_CUT = re.compile(r"(?<=[.!?]) ")
_PLAIN_ENDINGS = _ABBREVIATIONS | _ROMAN


def _plain_sentences(line: str) -> list[str] | None:
    """The sentences of a line of plain sentences (see `_PLAIN_LINE`), or None for any other line.

    Each stop before a space must end a sentence for certain, as `_is_boundary` judges it: after a word of two
    to 98 ASCII letters that a space, a hyphen or the line's start opens (what `_last_word` finds), not all
    capitals, no abbreviation or roman numeral, no "Yahoo!"; or after a number of three digits or more that a
    space opens (`_LAST_NUMBER`).
    """
    if _PLAIN_LINE.fullmatch(line) is None:
        return None
    # Each stop that a space follows, with the token before it: from the last space before the stop (a plain line's
    # only white space is " "), as `(?<!\S)\S*(?=[.!?] )` finds it, without trying that pattern at every character.
    for stop in _STOP_BEFORE_SPACE.finditer(line):
        end = stop.start()
        start = line.rfind(" ", 0, end) + 1
        text = line[start:end]
        word = text.rpartition("-")[2]
        if 2 <= len(word) <= 98 and word.isascii() and word.isalpha():
            lowered = word.lower()
            if word.isupper() or lowered in _PLAIN_ENDINGS or (line[end] == "!" and lowered in _EXCLAMATION_WORDS):
                return None
        elif not (3 <= len(text) <= 98 and text.isascii() and text.isdigit() and start > 0):
            return None
    return _PLAIN_CUT.split(line)


def _has_whole_line_span(line: str) -> bool:
    """Whether `line` must go to pysbd whole: `_WHOLE_LINE` finds something (a straight single quote at the start
    or after white space; a dash and a quote before a capital, where pysbd ends a sentence), or a slanted
    single-quote or double-dash span of pysbd's holds a stop or an apostrophe. Looks for the characters first."""
    if "'" in line and (line[:1] == "'" or _QUOTE_AFTER_SPACE.search(line) is not None):
        return True
    if _has_dash_quote(line):
        return True
    return _replaces_in_span(line, "‘", _SLANTED_SPAN) or _replaces_in_span(line, "--", _DASH_SPAN)


def _has_dash_quote(line: str) -> bool:
    return any(pair in line for pair in _DASH_QUOTES) and _DASH_QUOTE.search(line) is not None


def _replaces_in_span(line: str, opening: str, span: re.Pattern[str]) -> bool:
    return opening in line and any(_REPLACED_IN_SPANS.search(found.group()) for found in span.finditer(line))


def _list_markers(line: str) -> int:
    """How many matches `_LIST_MARKER` finds in `line`, counted at the "." or ")" each one ends at (or just
    before): the regex tries its 50 numerals at every white space, this looks only where a marker can end.
    No match takes in the white space or bracket another one needs before it, so none hides another."""
    count = 0
    for end in _LIST_MARKER_END.finditer(line):
        at = end.start()
        before = line[at - 1 : at] if at else ""
        if before.isdecimal():  # "1." or "12." after a space, dash or the start, then a space or ")"; "1) "
            after = line[at + 1 : at + 2]
            if line[at] == ".":
                digits = 2 if at >= 2 and line[at - 2].isdecimal() else 1
                if after and (after.isspace() or after == ")") and _opens_marker(line, at - digits, " -⁃"):
                    count += 1
            elif after.isspace():
                count += 1
        elif "a" <= before <= "z":  # a numeral after a space, "(" or the start
            start = at - 1
            while start > 0 and "a" <= line[start - 1] <= "z" and at - start <= len(_LONGEST_NUMERAL):
                start -= 1
            if line[start:at] in _LIST_NUMERALS and _opens_marker(line, start, " ("):
                count += 1
    return count


def _is_list(line: str) -> bool:
    """Whether `line` holds two list markers or more, which pysbd's list step links across the line."""
    return _list_markers(line) > 1


def _opens_marker(line: str, start: int, allowed: str) -> bool:
    """Whether a list marker may begin at `start`: the line's start, or white space or one of `allowed` before it."""
    return start == 0 or line[start - 1].isspace() or line[start - 1] in allowed


def _ends_quotation(line: str, end: int) -> bool:
    """Whether a span ending at `end`, which one space and a capital follow, is a quotation that a stop closes:
    pysbd always ends a sentence after it (its QUOTATION_AT_END_OF_SENTENCE rule, whose capital is A to Z)."""
    return line[end - 1] in "\"”" and line[end - 2] in ".!?" and "A" <= line[end + 1] <= "Z"


def _may_stand_alone(line: str, span: re.Match[str]) -> bool:
    """Whether pysbd may end a sentence after a span that one space and a capital follow.

    When a stop or a dash closes its text (its QUOTATION_AT_END_OF_SENTENCE rule); or when the span may open a
    piece (at the line's start, or after a stop and a space) and its SENTENCE_BOUNDARY_REGEX would take it for a
    sentence of its own there: a double-quoted span whose text a comma does not close, or one in brackets.
    Inside a sentence that regex has matched past the span already, and it has no such rule for "[" or "«".
    """
    start, end = span.span()
    if line[end - 2] in "!?.-":
        return True
    opens_piece = start == 0 or (line[start - 1] == " " and line[start - 2 : start - 1] in ("!", "?", "."))
    return opens_piece and (line[start] == "(" or (line[start] in "\"“" and line[end - 2] != ","))


_PAIRED_BY_PYSBD = ('"', "“”", "()", "[]", "«»")  # the characters each of pysbd's BetweenPunctuation patterns pairs


def _only_lone_strays(line: str, masked: str) -> bool:
    """Whether every unpaired quote or bracket left in `masked` is the only one of its kind in the line, so that
    no pysbd pattern can pair it with anything; then cuts after it are as sure as before it. Not after a dash
    (pysbd ends a sentence at a dash and a closing quote before a capital)."""
    for stray in _SPAN_CHARS.finditer(masked):
        at = stray.start()
        kind = next(characters for characters in _PAIRED_BY_PYSBD if line[at] in characters)
        if sum(line.count(character) for character in kind) != 1 or line[at - 1 : at] == "-":
            return False
    return True


def _chunks(line: str, rules: FastPathRules = _ENGLISH_RULES) -> list[tuple[str, bool]] | None:
    """Cut `line` at its certain sentence ends; each piece comes with whether it is known to be one sentence.

    None when the line must go to pysbd whole: single-quoted or double-dash spans that pysbd
    changes (`_has_whole_line_span`), or more than one list marker. After an unpaired quote or
    bracket that pysbd might pair with a later one nothing is cut; before it, spans pair up the
    same way in pysbd as here.
    """
    if _has_whole_line_span(line) or _is_list(line):
        return None
    unsure: list[tuple[int, int]] = []  # stretches that pysbd must look at
    span_cuts: list[int] = []  # closing quotes of spans that end a sentence (see `_ends_quotation`)
    masked = line
    limit = len(line)  # no cut at or after this offset
    if _SPAN_CHARS.search(line):
        if _QUOTE_PARENS.search(line):
            return None
        for span in _SPAN.finditer(line):
            following = line[span.end() : span.end() + 2]
            before_capital = len(following) == 2 and following[0] == " " and rules.is_capital(following[1])
            if before_capital and _ends_quotation(line, span.end()):
                span_cuts.append(span.end() - 1)
            elif before_capital and _may_stand_alone(line, span):
                unsure.append((span.start(), span.end()))
                continue
            if not all(_is_inert(line, s.start(), rules) for s in _STOP.finditer(line, span.start(), span.end())):
                unsure.append((span.start(), span.end()))
        masked = _SPAN.sub(lambda m: "\x00" * len(m.group()), line)  # not a word character, not a stop
        stray = _SPAN_CHARS.search(masked)
        if stray is not None and not _only_lone_strays(line, masked):
            limit = stray.start()
    pieces: list[tuple[str, bool]] = []
    start = 0
    last = len(line) - 1
    ends: Iterable[int] = (stop.start() for stop in _STOP.finditer(masked))
    for end in heapq.merge(ends, span_cuts) if span_cuts else ends:
        if end == last or end + 2 > limit:
            break
        if end in span_cuts or _is_boundary(masked, end, line, rules):
            pieces.append((line[start : end + 1], start))
            start = end + 2
    pieces.append((line[start:], start))
    chunks: list[tuple[str, bool]] = []
    for piece, offset in pieces:
        inner = masked[offset : offset + len(piece) - 1]  # a stop at the very end is the sentence's own
        certain = (
            offset + len(piece) <= limit
            and _PLAIN_CHARS.fullmatch(piece) is not None
            and all(rules.is_abbreviation_stop(masked, offset + s.start()) for s in _STOP.finditer(inner))
            and not any(offset <= s < offset + len(piece) for s, _ in unsure)
        )
        chunks.append((piece, certain))
    return chunks


@functools.lru_cache(maxsize=32)
def _segmenter(code: str) -> pysbd.Segmenter:
    return CompiledSegmenter(language=code if code in _PYSBD_CODES else "en")


@functools.lru_cache(maxsize=32)
def _stock_segmenter(code: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=code if code in _PYSBD_CODES else "en", clean=False, char_span=True)


def _ends_mid_sentence(line: str, start: int, end: int, code: str) -> bool:
    """Whether the last character of `line[start:end]` that is not white space is a comma (`_MID_SENTENCE_ENDS`) or,
    but in Armenian, a colon. Read from the end, not searched over a copy of the piece: pieces joined one after
    another grow, and a line of 10,000 Arabic commas made 10,000 copies of itself (sixteenth session,
    bench/hostile.py)."""
    while end > start and line[end - 1].isspace():
        end -= 1
    last = line[end - 1] if end > start else ""
    return last in _MID_SENTENCE_ENDS or (code != "hy" and last == ":")


# A line with no stop is one sentence to pysbd (its sentence rules run only on a text with a stop), unless its
# list step breaks it (`_list_markers`), it has a dash and a quote before a capital (QUOTATION_AT_END_OF_SENTENCE)
# or a bracket between quotes (PARENS_BETWEEN_DOUBLE_QUOTES), or it holds one of the symbols pysbd writes in
# place of punctuation, or its stops in other scripts, or a line break. `tests/bench/test_split_fast_path.py`
# checks that `_PYSBD_SYMBOLS` holds every symbol of pysbd's source but quotes, dashes and bullets.
_PYSBD_SYMBOLS = "ƪȸȹ՜։،؟۔।။၏።፧ᓰᓱᓳᓴᓷᓸ∮∯⌬⎋☄☇☈☉☏☝♝♟♨♬♭✂。《》「」！（）．？"
_NOT_STOP_FREE = re.compile("[.!?\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029" + _PYSBD_SYMBOLS + "]")


def _is_one_sentence(line: str) -> bool:
    """Whether pysbd, with English, German or Russian rules, gives the stripped `line` back as one sentence
    because it has no stop (see `_NOT_STOP_FREE`)."""
    return (
        _NOT_STOP_FREE.search(line) is None
        and not _has_dash_quote(line)
        and _QUOTE_PARENS.search(line) is None
        and not _is_list(line)
    )


def _opens_last(chunks: list[tuple[str, bool]]) -> bool:
    """Whether the line's last piece, not certain, opens with a quote or bracket. pysbd looks for sentences
    only in a text with a stop in it (after its own replacements), and a line's last piece may have none
    when alone: then a quoted or bracketed span at its start would not be taken for a sentence of its own
    as it is within the line (its SENTENCE_BOUNDARY_REGEX). Every other piece ends at a stop pysbd keeps."""
    piece, certain = chunks[-1]
    return len(chunks) > 1 and not certain and piece[:1] in _SENTENCE_OPENERS


def split_line(line: str, language_code: str = "en") -> list[str]:
    """The sentences of one paragraph line, verbatim and stripped."""
    line = line.strip()
    if not line:
        return []
    code = language_code.split("-")[0]
    rules = _FAST_PATHS.get(code if code in _PYSBD_CODES else "en")  # others are split by the English rules
    if rules is _ENGLISH_RULES and (plain := _plain_sentences(line)) is not None:
        return plain
    if rules is not None and _is_one_sentence(line):
        return [line]
    if rules is not None and (rules.excluded is None or rules.excluded.search(line) is None):
        chunks = _chunks(line, rules)
        if chunks is not None and (rules.pieces_alone or all(certain for _, certain in chunks)) and not _opens_last(chunks):
            sentences: list[str] = []
            for piece, certain in chunks:
                sentences += [piece] if certain else _segment_bounded(piece, code)
            return sentences
    return _segment_bounded(line, code)


# pysbd makes passes over the whole line per list item and per abbreviation met in some languages (its list step,
# Arabic's abbreviations): quadratic on a long line of them ("a) ... b) ..." on 43,000 characters: 11 s). A piece
# longer than any pysbd was handed on the 1,071 pages and pastes of the split-equivalence test (the longest: 2,652
# characters) is handed over in windows, each ending at a stop and a space where the window's second half has one,
# else at a space (sixteenth session, bench/hostile.py): the work grows with the line, and every piece of the
# benchmark's articles is split as before.
PYSBD_WHOLE_CHARS = 5_000
PYSBD_WINDOW_CHARS = 1_000
_STOP_AND_SPACE = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s")


def pysbd_windows(piece: str) -> list[str]:
    """`piece` whole, or when longer than PYSBD_WHOLE_CHARS, in consecutive windows of at most about
    PYSBD_WINDOW_CHARS characters (a window runs on to the next space where there is none), each cut after a stop
    and a space in its second half where it has one, else at its last space."""
    if len(piece) <= PYSBD_WHOLE_CHARS:
        return [piece]
    windows = []
    start = 0
    while len(piece) - start > PYSBD_WINDOW_CHARS:
        limit = start + PYSBD_WINDOW_CHARS
        stops = [found.end() for found in _STOP_AND_SPACE.finditer(piece, start + PYSBD_WINDOW_CHARS // 2, limit)]
        if stops:
            cut = stops[-1]
        else:
            space = piece.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else _next_space(piece, limit)
        windows.append(piece[start:cut])
        start = cut
    windows.append(piece[start:])
    return [window for window in windows if window.strip()]


def _next_space(piece: str, position: int) -> int:
    """Just past the first space at or after `position`, or the end of `piece`."""
    space = piece.find(" ", position)
    return len(piece) if space < 0 else space + 1


def _segment_bounded(piece: str, code: str) -> list[str]:
    """`_segment` of the piece, window by window (`pysbd_windows`)."""
    sentences: list[str] = []
    for window in pysbd_windows(piece):
        sentences += _segment(window.strip(), code, _segmenter(code))
    return sentences


def pysbd_split_line(line: str, code: str) -> list[str]:
    """`split_line` by stock pysbd alone (no fast path, no compiled patterns): the reference it is tested against."""
    return _segment(line, code, _stock_segmenter(code))


def _segment(line: str, code: str, segmenter: pysbd.Segmenter) -> list[str]:
    """The sentences pysbd finds in a stripped, non-empty line, with pieces ending in a comma or colon joined on."""
    bounds: list[list[int]] = []  # [start, end] offsets into `line`
    for span in segmenter.segment(line):
        if bounds and _ends_mid_sentence(line, bounds[-1][0], bounds[-1][1], code):
            bounds[-1][1] = span.end
        else:
            bounds.append([span.start, span.end])
    pieces = [line[start:end].strip() for start, end in bounds]
    return [piece for piece in pieces if piece]


def _ends_closed(line: str) -> bool:
    """Whether `_CLOSING` matches the stripped `line`: a stop before its closing quotes and brackets, if any."""
    return line.rstrip("\"'”’»)]")[-1:] in _CLOSING_STOPS


def tidy_spaces(text: str) -> str:
    """`text` with tabs and no-break spaces as plain spaces and runs of spaces as one, line breaks kept
    (`_SPACE_TO_TIDY.sub(" ", text)`)."""
    # Every match of _SPACE_TO_TIDY holds a tab, a no-break space or two spaces in a row: a text with none of them (half
    # the benchmark pastes' articles, and every text the pipeline has tidied already) is tidy, found by three substring
    # scans instead of the regex's walk.
    if "\t" not in text and "\u00a0" not in text and "  " not in text:
        return text
    return _SPACE_TO_TIDY.sub(" ", text)


def split_sentences(text: str, language_code: str = "en") -> list[Sentence]:
    """All sentences of `text` in order; blank lines separate paragraphs."""
    return _sentences(text, language_code, split_line)


def pysbd_split_sentences(text: str, language_code: str = "en") -> list[Sentence]:
    """`split_sentences` with every line split by stock pysbd alone: the reference it is tested and timed against."""

    def stock_line(line: str, code: str) -> list[str]:
        line = line.strip()
        return pysbd_split_line(line, code.split("-")[0]) if line else []

    return _sentences(text, language_code, stock_line)


def _sentences(text: str, language_code: str, split: Callable[[str, str], list[str]]) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    for block in re.split(r"\n\s*\n", tidy_spaces(text)):  # `_SPACE` has no line break in it
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        for line in lines:
            if dateline := _DATELINE.match(line):
                sentences.append(Sentence(index=len(sentences), text=dateline.group(), paragraph=paragraph, is_heading=True))
                line = line[dateline.end() :].lstrip()
            is_heading = not _ends_closed(line)
            for piece in split(line, language_code):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=piece,
                        paragraph=paragraph,
                        # only the last piece of an unpunctuated line is a heading-like fragment
                        is_heading=is_heading and piece == line,
                    )
                )
            paragraph += 1
    return sentences
