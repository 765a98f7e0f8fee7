"""The cleaner's word tables, read from `phrases.json` (UTF-8, shipped as package data).

Phrases are matched against a line's key (see `line_key`): its lower-cased
`\\w+` words joined by single spaces, so punctuation never matters.
"""

from __future__ import annotations

import json
import re
from importlib import resources

WORD = re.compile(r"\w+")


def line_key(line: str) -> str:
    """Lower-cased words of a line joined by single spaces: the form chrome phrases are matched in."""
    return " ".join(WORD.findall(line[:300].lower())).replace("_", " ")


def _load() -> dict[str, dict[str, object]]:
    return json.loads(resources.files(__package__).joinpath("phrases.json").read_text(encoding="utf-8"))


_TABLES = _load()


def _words(name: str) -> frozenset[str]:
    return frozenset(str(_TABLES[name]["words"]).split())


def _phrases(name: str) -> tuple[str, ...]:
    return tuple(str(p) for p in _TABLES[name]["phrases"])  # type: ignore[attr-defined]


# Whole-line chrome: lines whose key is exactly one of these ("share this", "advertisement", "impressum").
CHROME_EXACT: frozenset[str] = frozenset(
    phrase.strip() for group in _TABLES["chrome_lines"]["groups"] for phrase in str(group).split("|")  # type: ignore[attr-defined]
) - {""}
# Headings that open a trailing non-article section; a key starting with one counts.
SECTION_HEADS: tuple[str, ...] = _phrases("section_heads")
COUNTER_WORDS = _words("counter_words")
DATE_WORDS = _words("date_words")
PROMO_WORDS = _words("promo_words")
BOX_HEADINGS: frozenset[str] = frozenset(_phrases("box_headings"))
CTA_VERBS = _words("cta_verbs")
CTA_TARGETS = _words("cta_targets")
