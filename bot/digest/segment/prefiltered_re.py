"""The `re` functions pysbd calls, each pattern compiled once and skipped when it cannot match.

pysbd applies some hundred regex rules to every piece of text it splits, most of them
looking for a character the piece does not have ("∯", "&", "(", a quote). For each
pattern, `required_characters` reads re's own parse of it and finds characters of which
every match must contain one (a literal or a small class the pattern cannot do without,
lookaheads and lookbehinds included); when none of them is in the string, the call
answers "no match" without running the pattern: `sub` returns the string unchanged,
`search` None, `findall` [], `split` [string]. These are exactly what `re` returns when
nothing matches, so the answers do not change (`tests/digest/segment/test_prefiltered_re.py`
checks the analysis against `re` on every pysbd pattern).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_LARGEST_CLASS = 64  # a class of more characters is not worth checking
_MOST_STRINGS = 32  # nor a requirement of more alternative strings
_KEPT = 3  # requirements checked per pattern, the least likely first
_USELESS = 0.8  # a requirement about this likely to be met is not checked
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_WHITE_SPACE = frozenset(chr(code) for code in range(0x3001) if chr(code).isspace())  # what re's \s matches

Requirement = frozenset[str]  # strings of which every match contains at least one


def _class_characters(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters of a class made only of literals, small ranges and \\s, or None."""
    characters: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            characters.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < _LARGEST_CLASS:
            characters.update(chr(code) for code in range(value[0], value[1] + 1))
        elif op is sre.CATEGORY and value is sre.CATEGORY_SPACE:
            characters |= _WHITE_SPACE
        else:
            return None  # a negated class, another category (\\w, \\d), a wide range
    return frozenset(characters) if len(characters) <= _LARGEST_CLASS else None


def _units(sequence: Any) -> list[frozenset[str]] | None:
    """The character sets of a sequence that always matches a fixed number of characters, one set each, or None."""
    units: list[frozenset[str]] = []
    for op, value in sequence:
        if op is sre.LITERAL:
            units.append(frozenset(chr(value)))
        elif op is sre.IN and (characters := _class_characters(value)) is not None:
            units.append(characters)
        elif op is sre.SUBPATTERN and not value[1] and not value[2] and (inner := _units(value[3])) is not None:
            units += inner
        elif op is sre.BRANCH:
            alternatives = [_units(alternative) for alternative in value[1]]
            if any(alternative is None or len(alternative) != 1 for alternative in alternatives):
                return None
            units.append(frozenset().union(*(alternative[0] for alternative in alternatives)))  # type: ignore[index]
        elif op in _REPEATS and value[0] == value[1] <= 4 and (inner := _units(value[2])) is not None:
            units += inner * value[0]
        else:
            return None
    return units


def _likelihood(requirement: Requirement) -> float:
    """A rough chance that a sentence contains one of the strings: rare characters make a good filter."""

    def chance(character: str) -> float:
        if character == " ":
            return 0.9
        if character.isascii():
            return 0.3 if character.isalnum() or character == "." else 0.05
        return 0.01

    total = 0.0
    for string in requirement:
        product = 1.0
        for character in string:
            product *= chance(character)
        total += product
    return total


def _best_window(units: list[frozenset[str]]) -> Requirement | None:
    """The least likely run of consecutive units as a set of strings (all their combinations)."""
    best: Requirement | None = None
    for start in range(len(units)):
        strings: set[str] = {""}
        for unit in units[start:]:
            if len(strings) * len(unit) > _MOST_STRINGS:
                break
            strings = {string + character for string in strings for character in unit}
            candidate = frozenset(strings)
            if best is None or _likelihood(candidate) < _likelihood(best):
                best = candidate
    return best


def _requirements(sequence: Any) -> list[Requirement]:
    """Requirements every match of `sequence` meets (each: one of its strings occurs in the searched string)."""
    found: list[Requirement] = []
    run: list[frozenset[str]] = []  # consecutive items of one character each
    for op, value in [*sequence, (None, None)]:
        units = _units([(op, value)]) if op is not None else None
        if units is not None:
            run += units
            continue
        if run and (window := _best_window(run)) is not None:
            found.append(window)
        run = []
        if op is sre.SUBPATTERN and not value[1] and not value[2]:
            found += _requirements(value[3])
        elif op in _REPEATS and value[0] >= 1:
            found += _requirements(value[2])
        elif op is sre.ASSERT:  # a positive lookahead or lookbehind: what it needs is in the string too
            found += _requirements(value[1])
        elif op is sre.ATOMIC_GROUP:
            found += _requirements(value)
        elif op is sre.BRANCH:
            union: set[str] = set()
            for alternative in value[1]:
                needed = _requirements(alternative)
                if not needed:
                    break
                union |= min(needed, key=_likelihood)
            else:
                if len(union) <= _MOST_STRINGS:
                    found.append(frozenset(union))
    return found


def required_strings(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Sets of strings such that every match of `pattern` contains one string of each set, or None when unknown.

    Case-insensitive patterns get None (a letter would stand for several characters).
    """
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    useful = [requirement for requirement in set(_requirements(parsed)) if _likelihood(requirement) < _USELESS]
    useful.sort(key=lambda requirement: (_likelihood(requirement), sorted(requirement)))
    # the likeliest string first: when one is there, the check stops soonest
    return tuple(tuple(sorted(requirement, key=lambda s: (-_likelihood(frozenset([s])), s))) for requirement in useful[:_KEPT]) or None


_Check = str | re.Pattern[str]  # a string that must occur, or a search for one of several
_Entry = tuple[re.Pattern[str], tuple[_Check, ...] | None]
_ENTRIES: dict[object, _Entry] = {}  # by pattern, or (pattern, flags) when there are flags
_MOST_ENTRIES = 4096  # pysbd uses a few hundred patterns; anything beyond that empties the table


def _entry(pattern: str | re.Pattern[str], flags: int) -> _Entry:
    key = (pattern, flags) if flags else pattern
    entry = _ENTRIES.get(key)
    if entry is None:
        compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        entry = (compiled, _checks(required_strings(compiled.pattern, compiled.flags)))
        if len(_ENTRIES) >= _MOST_ENTRIES:
            _ENTRIES.clear()
        _ENTRIES[key] = entry
    return entry


def _checks(needed: tuple[tuple[str, ...], ...] | None) -> tuple[_Check, ...] | None:
    if needed is None:
        return None
    return tuple(parts[0] if len(parts) == 1 else re.compile("|".join(map(re.escape, parts))) for parts in needed)


def _cannot_match(needed: tuple[_Check, ...] | None, string: str) -> bool:
    if needed is None:
        return False
    for check in needed:
        if check.__class__ is str:
            if check not in string:  # type: ignore[operator]
                return True
        elif check.search(string) is None:  # type: ignore[union-attr]
            return True
    return False


def sub(pattern: str | re.Pattern[str], repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0, flags: int = 0) -> str:
    compiled, needed = _ENTRIES.get(pattern if not flags else (pattern, flags)) or _entry(pattern, flags)
    if needed is not None and _cannot_match(needed, string):
        return string
    return compiled.sub(repl, string, count)


def search(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    compiled, needed = _entry(pattern, flags)
    return None if _cannot_match(needed, string) else compiled.search(string)


def match(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    compiled, needed = _entry(pattern, flags)
    return None if _cannot_match(needed, string) else compiled.match(string)


def findall(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> list[Any]:
    compiled, needed = _entry(pattern, flags)
    return [] if _cannot_match(needed, string) else compiled.findall(string)


def finditer(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    compiled, needed = _entry(pattern, flags)
    return iter(()) if _cannot_match(needed, string) else compiled.finditer(string)


def split(pattern: str | re.Pattern[str], string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    compiled, needed = _entry(pattern, flags)
    return [string] if _cannot_match(needed, string) else compiled.split(string, maxsplit)


def __getattr__(name: str) -> Any:
    """Everything else (`escape`, `IGNORECASE`, `compile`) is `re`'s own."""
    return getattr(re, name)
