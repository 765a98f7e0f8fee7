"""`prefiltered_re` answers as `re` does: a pattern is skipped only where it cannot match."""

from __future__ import annotations

import re
import sys

import pytest
from pysbd.languages import LANGUAGE_CODES
from pysbd.utils import Rule

from bot.digest.segment import prefiltered_re
from bot.digest.segment.prefiltered_re import required_strings
from tests.bench.test_split_equivalence import SAMPLE


def _pysbd_patterns() -> set[str]:
    """Every rule pattern and *_REGEX string of pysbd's classes."""
    patterns: set[str] = set()
    seen: set[int] = set()

    def visit(value: object) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, Rule):
            patterns.add(value.pattern)
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item)
        elif isinstance(value, type) and value.__module__.startswith("pysbd"):
            for base in value.__mro__:
                for name, member in vars(base).items():
                    if isinstance(member, str) and name.endswith("REGEX"):
                        patterns.add(member)
                    else:
                        visit(member)

    for language in LANGUAGE_CODES.values():
        visit(language)
    for name, module in list(sys.modules.items()):
        if name.startswith("pysbd"):
            for member in vars(module).values():
                visit(member)
    return patterns


PATTERNS = sorted(_pysbd_patterns())
TEXTS = [text for text, _ in SAMPLE] + [
    "He said (twice): 'no.' Then -- at 10 p.m. -- he left... [1] “Why?!” «Non.» ∯ ♨ &ᓴ& 3.5 i.e. U.S.A. a) b) 1.) ii.",
]


def test_there_are_patterns_to_check() -> None:
    assert len(PATTERNS) > 100


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_string_without_the_required_strings_has_no_match(pattern: str) -> None:
    compiled = re.compile(pattern)
    for text in TEXTS:
        for requirement in required_strings(pattern) or ():
            without = text
            for part in requirement:  # take out every required string (and what is left of it)
                while part in without:
                    without = without.replace(part, "")
            assert compiled.search(without) is None, (pattern, requirement, without)
        assert prefiltered_re.sub(pattern, "<>", text) == compiled.sub("<>", text)
        assert prefiltered_re.findall(pattern, text) == compiled.findall(text)
        assert prefiltered_re.split(pattern, text) == compiled.split(text)
        assert bool(prefiltered_re.search(pattern, text)) == bool(compiled.search(text))


def test_required_strings_of_constructed_patterns() -> None:
    assert required_strings(r"(?<=\s)'(?:[^']|'[a-zA-Z])*'") == (("'",),)
    assert required_strings(r"&ᓴ&$") == (("&ᓴ&",),)
    assert required_strings(r"[!?]|∯") == (("!", "?", "∯"),)
    assert required_strings(r"\.(?=\s[A-Z])") == ((".",),)
    assert required_strings(r"(?<= P∯M)∯(?=\s[A-Z])") == ((" P∯M",), ("∯",))
    assert required_strings(r"(\s\.){3}") is not None and ". ." in required_strings(r"(\s\.){3}")[0]  # type: ignore[index]
    assert required_strings(r"a?b*") is None  # may match the empty string
    assert required_strings(r"x|\s") is None  # one branch needs nothing rare
    assert required_strings(r"[^.]x") == (("x",),)  # a negated class needs nothing in particular
    assert required_strings(r"(?i)x") is None  # case-insensitive: x stands for X too
    assert required_strings(r"(?!\.)x") == (("x",),)  # a negative lookahead needs nothing
