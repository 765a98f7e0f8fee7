"""pysbd's segmenter with the regexes it builds on every call compiled once.

pysbd builds a regex from each abbreviation it meets on a line (and from each of
their case variants in the text), and another from every sentence it returns, to
find the sentence's offsets. There are thousands of them, so they overflow Python's
512-entry regex cache and pysbd spends most of its time in `re`'s parser. Here the
same patterns, built by the same format strings, are kept compiled in a cache of our
own, and the offsets are found with `str.find` instead of a regex made of the
sentence. Two shortcuts leave out abbreviation substitutions that cannot change the
line (a repeat of one already made, and an abbreviation no stop follows: see
`_STOP_SUBSTITUTIONS` and `dotted_words`). The rest of pysbd runs as its own code over
`prefiltered_re` (see `_PysbdCopy`), which skips a rule whose pattern needs a character the
text does not have, and two steps are skipped where they cannot change the text (the list
step, `_ListItemReplacer`; the abbreviation-as-boundary step, which needs a "∯"). The rules
and their order are pysbd's: the sentences are the same (`tests/bench/test_split_equivalence.py`
and `tests/digest/segment/test_compiled_pysbd.py` compare with stock pysbd).
"""

from __future__ import annotations

import functools
import re
import sys
import types
from typing import Any

import pysbd
import pysbd.languages
from pysbd.utils import TextSpan

from bot.digest.segment import prefiltered_re

_COMPILED_CACHE = 2048  # distinct patterns met over the 1,068 benchmark articles: 209


class _PysbdCopy:
    """pysbd's classes and functions again, the same code run with `prefiltered_re` in place of `re`.

    Each function is rebuilt from its code object over a copy of its module's globals in which
    `re` is `prefiltered_re` and every pysbd class or function is its copy, so pysbd's rules and
    their order stay pysbd's own code; stock pysbd (the reference of the tests) is left untouched.
    """

    def __init__(self) -> None:
        modules = {name: module for name, module in sys.modules.items() if name == "pysbd" or name.startswith("pysbd.")}
        self.globals: dict[str, dict[str, Any]] = {}
        for name, module in modules.items():
            namespace = dict(vars(module))
            if "re" in namespace:
                namespace["re"] = prefiltered_re
            self.globals[name] = namespace
        self.copies: dict[object, Any] = {}
        for namespace in self.globals.values():
            for key, value in namespace.items():
                if self._is_pysbd(value):
                    namespace[key] = self.copy(value)

    @staticmethod
    def _is_pysbd(value: object) -> bool:
        return isinstance(value, (type, types.FunctionType)) and getattr(value, "__module__", "").startswith("pysbd")

    def copy(self, value: Any) -> Any:
        """The copy of a pysbd class or function (made once)."""
        if value in self.copies:
            return self.copies[value]
        if isinstance(value, types.FunctionType):
            copied: Any = self._function(value, None)
            self.copies[value] = copied
            return copied
        bases = tuple(self.copy(base) if self._is_pysbd(base) else base for base in value.__bases__)
        namespace: dict[str, Any] = {}
        for key, member in vars(value).items():
            if key in ("__dict__", "__weakref__"):
                continue
            if isinstance(member, (staticmethod, classmethod)):
                member = type(member)(self.copy(member.__func__))
            elif self._is_pysbd(member):
                member = self.copy(member)
            namespace[key] = member
        copied = type(value.__name__, bases, namespace)
        copied.__qualname__ = value.__qualname__
        for key, member in namespace.items():  # `super()` finds its class in a `__class__` cell: the copy's
            if isinstance(member, types.FunctionType) and "__class__" in member.__code__.co_freevars:
                setattr(copied, key, self._function(member, copied))
        self.copies[value] = copied
        return copied

    def _function(self, function: types.FunctionType, owner: type | None) -> types.FunctionType:
        """`function` over its module's copied globals; with `owner`, its `__class__` cell holds `owner`."""
        closure = function.__closure__
        if owner is not None and closure is not None:
            closure = tuple(
                types.CellType(owner) if name == "__class__" else cell
                for name, cell in zip(function.__code__.co_freevars, closure)
            )
        copied = types.FunctionType(function.__code__, self.globals[function.__module__], function.__name__, function.__defaults__, closure)
        copied.__kwdefaults__ = function.__kwdefaults__
        copied.__qualname__ = function.__qualname__
        return copied


_PYSBD = _PysbdCopy()
_AbbreviationReplacer = _PYSBD.copy(pysbd.abbreviation_replacer.AbbreviationReplacer)

# Where a list item of pysbd's can end: the "." after a lone letter, the ")" after a letter, the ". " (or
# ".)") or ") " after a digit. Every match of its list patterns ends just before a distinct one of these.
_LIST_ITEM_END = re.compile(r"\.(?:(?<=(?<!\S)[a-z]\.)|(?<=\d\.)(?=[\s)]))|\)(?:(?<=[a-z]\))|(?<=\d\))(?=\s))")


class _ListItemReplacer(_PYSBD.copy(pysbd.lists_item_replacer.ListItemReplacer)):  # type: ignore[misc]
    """pysbd's, with the list step skipped where it cannot change the text.

    `add_line_break` changes a text only through two or more list items found by one of its
    patterns (each pairs an item with its neighbour: one alone is left as it is), or through
    the markers "♨" and "☝". Without the markers and with at most one place where an item can
    end, it returns the text as it is, so it is not run.
    """

    def add_line_break(self) -> str:
        text: str = self.text
        if "♨" not in text and "☝" not in text and len(_LIST_ITEM_END.findall(text)) <= 1:
            return text
        return super().add_line_break()  # type: ignore[no-any-return]


for _namespace in _PYSBD.globals.values():
    if "ListItemReplacer" in _namespace:
        _namespace["ListItemReplacer"] = _ListItemReplacer


@functools.lru_cache(maxsize=_COMPILED_CACHE)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _replace_pre_number_abbr(txt: str, abbr: str) -> str:
    """pysbd.abbreviation_replacer.replace_pre_number_abbr, compiled once."""
    pattern = _compiled(r"(?<=\s{abbr})\.(?=(\s\d|\s+\())".format(abbr=abbr.strip()))
    return pattern.sub("∯", " " + txt)[1:]


def _replace_prepositive_abbr(txt: str, abbr: str) -> str:
    """pysbd.abbreviation_replacer.replace_prepositive_abbr, compiled once."""
    pattern = _compiled(r"(?<=\s{abbr})\.(?=(\s|:\d+))".format(abbr=abbr.strip()))
    return pattern.sub("∯", " " + txt)[1:]


# A word between white space (or the start) and a stop.
_DOTTED_WORD = re.compile(r"(?<!\S)[^\s.]+(?=\.)")


def fold_case(word: str) -> str | None:
    """`word` with the case differences that `re.IGNORECASE` ignores taken out, or None when unsure.

    re matches a character case-insensitively by its simple lower case and a few extra
    equivalences (ſ and s, ς and σ, K and k, ...); going through upper then lower case maps each
    of those pairs to one character (`tests/digest/segment/test_compiled_pysbd.py` checks every
    character the abbreviation lists use). A word whose length changes (ß, İ) is not folded.
    """
    upper = word.upper()
    folded = upper.lower()
    if len(upper) != len(word) or len(folded) != len(word):
        return None
    return folded.replace("ς", "σ")  # lower() turns a final Σ into ς, re treats it as σ


def dotted_words(text: str) -> frozenset[str] | None:
    """The case-folded words that a stop follows in `text`, or None when one cannot be folded.

    Every substitution of the abbreviation step turns the stop after an abbreviation into "∯",
    and only where white space (or the start) comes before the abbreviation. An all-letter
    abbreviation that is none of these words has nothing to substitute; stops turned into "∯"
    on the way only remove words from the set (what they leave contains "∯", no letter).
    """
    upper = text.upper()
    lower = upper.lower()
    if len(upper) == len(text) == len(lower):  # no character folds to several: fold the text at once
        return frozenset(_DOTTED_WORD.findall(lower.replace("ς", "σ")))
    folded = {fold_case(word) for word in _DOTTED_WORD.findall(text)}
    if None in folded:
        return None
    return frozenset(folded)  # type: ignore[arg-type]


class _AbbreviationList:
    """A language's abbreviations (stripped, in pysbd's order), and which of them a set of dotted words leaves."""

    def __init__(self, abbreviations: tuple[str, ...]) -> None:
        self.stripped = [abbr.strip() for abbr in abbreviations]
        self.always: list[int] = []  # not all letters and digits: always looked at
        self.by_word: dict[str, list[int]] = {}  # the others by their case-folded form
        for position, stripped in enumerate(self.stripped):
            if not stripped.isalnum():
                self.always.append(position)
            elif (folded := fold_case(stripped)) is not None:
                self.by_word.setdefault(folded, []).append(position)

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def of(abbreviations: tuple[str, ...]) -> _AbbreviationList:
        return _AbbreviationList(abbreviations)

    def candidates(self, dotted: frozenset[str] | None) -> list[str]:
        """In pysbd's order, every abbreviation, or with `dotted` (see `dotted_words`) only those not all letters
        and digits and those a stop follows: the others' substitutions would change nothing."""
        if dotted is None:
            return self.stripped
        positions = list(self.always)
        for word in dotted:
            positions += self.by_word.get(word, ())
        return [self.stripped[position] for position in sorted(positions)]


def _repeat_changes_nothing(replacer: Any, match: str) -> bool:
    """Whether the substitution `scan_for_replacements` makes for `match` finds nothing when made again: its
    pattern holds the abbreviation literally, when it is all letters or digits, or when it goes to the compiled
    `replace_period_of_abbr`, which escapes it ("e.g", "i.e", "u.s": pysbd's prepositive, number and Russian or
    Bulgarian patterns put it in unescaped, where a "." would match the "∯" of another substitution). Without it,
    a line of 20,000 "e.g." made 20,000 passes over itself (sixteenth session, bench/hostile.py)."""
    stripped = match.strip()
    if stripped.isalnum():
        return True
    key = stripped.lower()
    abbreviation = replacer.lang.Abbreviation
    return (
        key not in abbreviation.PREPOSITIVE_ABBREVIATIONS
        and key not in abbreviation.NUMBER_ABBREVIATIONS
        and type(replacer).replace_period_of_abbr is _CompiledAbbreviations.replace_period_of_abbr
    )


class _CompiledAbbreviations:
    """The methods of pysbd's AbbreviationReplacer that build regexes per abbreviation, compiled once.

    Mixed in before a language's own replacer; `compiled_replacer` takes only the
    methods the language does not override itself.
    """

    lang: type

    stop_substitutions_only = False  # set by `compiled_replacer`

    def search_for_abbreviations_in_string(self, text: str) -> str:
        lowered = text.lower()
        applied: set[tuple[str, str]] = set()
        dotted = dotted_words(text) if self.stop_substitutions_only else None
        for stripped in _AbbreviationList.of(tuple(self.lang.Abbreviation.ABBREVIATIONS)).candidates(dotted):
            if stripped not in lowered:
                continue
            abbrev_match = _compiled(r"(?:^|\s|\r|\n){}".format(stripped), re.IGNORECASE).findall(text)
            if not abbrev_match:
                continue
            # pysbd's pattern looks behind for "{abbr} " with the braces (a slip): it finds nothing without one
            char_array = []
            if "{" in text:
                next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                char_array = _compiled(next_word_start).findall(text)
            for ind, match in enumerate(abbrev_match):
                char = char_array[ind] if ind < len(char_array) else ""
                if (match, char) in applied:
                    continue  # the same substitution again: it changes nothing (see `_STOP_SUBSTITUTIONS`)
                text = self.scan_for_replacements(text, match, ind, char_array)
                if self.stop_substitutions_only and _repeat_changes_nothing(self, match):
                    applied.add((match, char))
        return text

    def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
        try:
            char = char_array[ind]
        except IndexError:
            char = ""
        prepositive = self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS
        number_abbr = self.lang.Abbreviation.NUMBER_ABBREVIATIONS
        upper = str(char).isupper()
        if not upper or am.strip().lower() in prepositive:
            if am.strip().lower() in prepositive:
                txt = _replace_prepositive_abbr(txt, am)
            elif am.strip().lower() in number_abbr:
                txt = _replace_pre_number_abbr(txt, am)
            else:
                txt = self.replace_period_of_abbr(txt, am)
        return txt

    def replace_abbreviation_as_sentence_boundary(self) -> str:
        if "∯" not in self.text:  # its pattern has a "∯" after the abbreviation: nothing to find
            return self.text  # type: ignore[no-any-return]
        return _AbbreviationReplacer.replace_abbreviation_as_sentence_boundary(self)  # type: ignore[no-any-return]

    def replace_period_of_abbr(self, txt: str, abbr: str) -> str:
        pattern = _compiled(
            r"(?<=\s{abbr})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))".format(abbr=re.escape(abbr.strip()))
        )
        return pattern.sub("∯", " " + txt)[1:]


_METHODS = (
    "search_for_abbreviations_in_string",
    "scan_for_replacements",
    "replace_period_of_abbr",
    "replace_abbreviation_as_sentence_boundary",
)
# Every substitution of the abbreviation step turns a "." into "∯" where the abbreviation as
# matched (literal, when it is all letters or digits) and fixed context surround it. Made again,
# after any number of such substitutions, it finds nothing: its own matches are turned already,
# and turning other stops only removes matches (no part of these patterns matches "∯"). So a
# repeat for the same matched abbreviation is skipped: on a long line pysbd repeats it for every
# word starting with "a" or "i", one pass over the line each. The languages whose own
# `replace_period_of_abbr` has that shape too:
_STOP_SUBSTITUTIONS = frozenset({"ru", "bg"})


def compiled_replacer(replacer: type, iso_code: str) -> type:
    """`replacer` with each of `_METHODS` it inherits unchanged from pysbd replaced by the compiled one."""
    methods: dict[str, object] = {
        name: getattr(_CompiledAbbreviations, name)
        for name in _METHODS
        if getattr(replacer, name) is getattr(_AbbreviationReplacer, name)
    }
    methods["stop_substitutions_only"] = "scan_for_replacements" in methods and (
        "replace_period_of_abbr" in methods or iso_code in _STOP_SUBSTITUTIONS
    )
    return type(f"Compiled{replacer.__name__}", (replacer,), methods)


def compiled_language(language: type) -> type:
    """A pysbd language class whose abbreviation replacer compiles its patterns once."""
    replacer = getattr(language, "AbbreviationReplacer", _AbbreviationReplacer)
    compiled = compiled_replacer(replacer, getattr(language, "iso_code", ""))
    return type(language.__name__, (language,), {"AbbreviationReplacer": compiled})


class CompiledSegmenter(_PYSBD.copy(pysbd.Segmenter)):  # type: ignore[misc]
    """pysbd.Segmenter (run with `prefiltered_re`) with the compiled abbreviation replacer and offsets found
    without a regex per sentence."""

    def __init__(self, language: str = "en", char_span: bool = True) -> None:
        super().__init__(language=language, clean=False, char_span=char_span)
        self.language_module = compiled_language(_PYSBD.copy(self.language_module))

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        """pysbd's: each sentence with the whitespace after it, at its first occurrence ending past the previous one.

        pysbd finds it with `re.finditer(re.escape(sent) + r"\\s*")` (non-overlapping matches from
        the left); `str.find` and a whitespace run give the same matches.
        """
        text: str = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        if not all(sentences):  # an empty pattern matches everywhere: leave that to pysbd's own code
            return super().sentences_with_char_spans(sentences)
        # A sentence's matches do not depend on the others, and `prior_end` only grows: a sentence met again resumes
        # its matches at the one it took last time (the earlier ones end before `prior_end` still). Searching from
        # the start each time, a line of 10,000 ". " walked 50 million matches (sixteenth session, bench/hostile.py).
        resume: dict[str, int] = {}  # sentence -> start of the match it took last, or -1: it has no more
        for sent in sentences:
            position = resume[sent] if sent in resume else text.find(sent)
            while position >= 0:
                end = position + len(sent)
                while end < len(text) and text[end].isspace():
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[position:end], position, end))
                    prior_end = end
                    break
                position = text.find(sent, end)
            resume[sent] = position
        return spans
