"""Normalise line breaks and rejoin text that was hard-wrapped at a fixed width (email, terminals)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
BULLET_START = re.compile(r"(?:[-*•·▪●►‣⁃–—>]\s|\d{1,3}[.)]\s)")
_FIRST_WORD = re.compile(r"\S{1,60}")

# Wrap widths we try to recognise; below 30 or above 250 it is not a terminal or email wrap.
_MIN_WRAP, _MAX_WRAP = 30, 250
# How far below the wrap width a wrapped line may end (long words push lines short).
_WRAP_BAND = 18


# What _LINE_BREAKS and _CONTROL match, as UTF-8: one-byte characters (never part of a longer character's bytes), and
# the three longer ones (each begins with a lead byte, so it cannot start inside another character).
_ODD_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20)) + b"\x7f\r\x0b\x0c"
_ODD_SEQUENCES = ("\x85".encode(), "\u2028".encode(), "\u2029".encode())


def has_odd_characters(text: str) -> bool:
    """Whether `text` holds a character that normalise replaces or drops. Byte tests in C: the two regexes scan a
    paste at a few ns a character even when, as nearly always, they find nothing (about 0.2 ms a paste)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _ODD_BYTES)) != len(raw) or any(map(raw.__contains__, _ODD_SEQUENCES))


def normalise(text: str) -> str:
    if not has_odd_characters(text):
        return text  # what the two substitutions give: nothing to replace
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROL.sub("", text)


def detect_wrap_width(lines: Sequence[str]) -> int | None:
    """The width text was hard-wrapped at, or None when lines do not end near one width.

    Wrapped text has nearly all lines at most W long, and the lines that are
    followed by another line of the same paragraph end within a few characters
    of W (the next word did not fit).
    """
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 4:
        return None
    ordered = sorted(lengths)
    width = ordered[min(len(ordered) - 1, int(len(ordered) * 0.98))]
    if not _MIN_WRAP <= width <= _MAX_WRAP:
        return None
    inner = [len(a) for a, b in zip(lines, lines[1:]) if a and b]
    if len(inner) < 3:
        return None
    near = sum(1 for n in inner if width - _WRAP_BAND <= n <= width)
    if near < 0.6 * len(inner):
        return None
    # Paragraphs of web text are rarely all just under one width; demand a real cluster.
    if sum(1 for n in lengths if n > width) > 0.02 * len(lengths) + 1:
        return None
    return width


def rejoin_hard_wraps(text: str) -> str:
    """Rejoin lines cut at a fixed width into one line per paragraph; other text is returned as is."""
    return "\n".join(rejoined_lines(text))


def rejoined_lines(text: str) -> list[str]:
    """`rejoin_hard_wraps(text).split("\n")`, without the join and the split (no line holds a line break)."""
    lines = [line.rstrip() for line in normalise(text).split("\n")]
    width = detect_wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    paragraph: list[str] = []  # physical lines of the paragraph being rebuilt
    for line in lines:
        if paragraph and line and _continues(paragraph[-1], line, width) and not (len(paragraph) == 1 and _title_cased(paragraph[0])):
            paragraph.append(line)
            continue
        if paragraph:
            out.append(_join_wrapped(paragraph))
        paragraph = [line] if line else []
        if not line:
            out.append("")
    if paragraph:
        out.append(_join_wrapped(paragraph))
    return out


def _title_cased(line: str) -> bool:
    """A headline-looking line: most words capitalised and no closing punctuation; it is not rejoined with the next line."""
    words = line.split()
    if len(words) < 3 or line.rstrip()[-1:] in ".,;:!?-":
        return False
    return sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha()) >= 0.6 * len(words)


def _continues(previous: str, line: str, width: int) -> bool:
    """True when `previous` ended only because the first word of `line` did not fit."""
    stripped = line.lstrip()
    if BULLET_START.match(stripped):
        return False
    first = _FIRST_WORD.match(stripped)
    next_word = len(first.group(0)) if first else 0
    return len(previous) <= width and len(previous) + 1 + next_word > width - 1


def _join_wrapped(paragraph: list[str]) -> str:
    joined = paragraph[0]
    for line in paragraph[1:]:
        line = line.lstrip()
        # "well-" + "known": a word hyphenated at the wrap is glued back without a space.
        if joined.endswith("-") and len(joined) > 1 and joined[-2].isalpha() and line[:1].islower():
            joined += line
        else:
            joined += " " + line
    return joined
