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

import functools
import re
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_LARGEST_RANGE = 64  # a class with a wider range of characters is not worth checking
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def _class_characters(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters of a class made only of literals and small ranges, or None."""
    characters: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            characters.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] <= _LARGEST_RANGE:
            characters.update(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None  # a negated class, a category (\s, \w), a wide range
    return frozenset(characters)


def _needed(sequence: Any) -> frozenset[str] | None:
    """The smallest set of characters one of which every match of `sequence` contains, or None."""
    best: frozenset[str] | None = None
    for op, value in sequence:
        found: frozenset[str] | None = None
        if op is sre.LITERAL:
            found = frozenset(chr(value))
        elif op is sre.IN:
            found = _class_characters(value)
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, inner = value
            found = None if add_flags or del_flags else _needed(inner)
        elif op in _REPEATS:
            found = _needed(value[2]) if value[0] >= 1 else None
        elif op is sre.ASSERT:  # a positive lookahead or lookbehind: what it needs is in the string too
            found = _needed(value[1])
        elif op is sre.ATOMIC_GROUP:
            found = _needed(value)
        elif op is sre.BRANCH:
            union: set[str] = set()
            for alternative in value[1]:
                needed = _needed(alternative)
                if needed is None:
                    union.clear()
                    break
                union |= needed
            found = frozenset(union) if union else None
        if found and (best is None or len(found) < len(best)):
            best = found
    return best


def required_characters(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Characters of which every match of `pattern` must contain at least one, or None when unknown.

    Case-insensitive patterns get None (a letter would stand for several characters).
    """
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    needed = _needed(parsed)
    return tuple(sorted(needed)) if needed else None


@functools.lru_cache(maxsize=4096)
def _compiled(pattern: str | re.Pattern[str], flags: int) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    if isinstance(pattern, re.Pattern):
        return pattern, required_characters(pattern.pattern, pattern.flags)
    return re.compile(pattern, flags), required_characters(pattern, flags)


def _cannot_match(needed: tuple[str, ...] | None, string: str) -> bool:
    if needed is None:
        return False
    for character in needed:
        if character in string:
            return False
    return True


def sub(pattern: str | re.Pattern[str], repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0, flags: int = 0) -> str:
    compiled, needed = _compiled(pattern, flags)
    if _cannot_match(needed, string):
        return string
    return compiled.sub(repl, string, count)


def search(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    compiled, needed = _compiled(pattern, flags)
    return None if _cannot_match(needed, string) else compiled.search(string)


def match(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    compiled, needed = _compiled(pattern, flags)
    return None if _cannot_match(needed, string) else compiled.match(string)


def findall(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> list[Any]:
    compiled, needed = _compiled(pattern, flags)
    return [] if _cannot_match(needed, string) else compiled.findall(string)


def finditer(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    compiled, needed = _compiled(pattern, flags)
    return iter(()) if _cannot_match(needed, string) else compiled.finditer(string)


def split(pattern: str | re.Pattern[str], string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    compiled, needed = _compiled(pattern, flags)
    return [string] if _cannot_match(needed, string) else compiled.split(string, maxsplit)


def __getattr__(name: str) -> Any:
    """Everything else (`escape`, `IGNORECASE`, `compile`) is `re`'s own."""
    return getattr(re, name)
