"""The value of a number written in digits, with the separators of its language."""

from __future__ import annotations

import re

# Compiled once: re's own cache is shared with the sentence splitter, which floods it.
_SEPARATOR = re.compile(r"([.,])")


def parse_digits(text: str, comma_decimal: bool = False) -> float | None:
    """The value of a digit token with separators; None when it is not one number (1.2.3).

    With `comma_decimal` (German, French, Russian, ...) a comma is the decimal
    mark and a point followed by exactly three digits groups thousands:
    "3,5" is 3.5, "1.200" is 1200, "1.234,5" is 1234.5; "2.5" stays 2.5.
    """
    groups = _SEPARATOR.split(text)
    digits, seps = groups[0::2], groups[1::2]
    try:
        if not seps:
            return float(text)
        if comma_decimal:
            return _parse_comma_decimal(digits, seps)
        if len(seps) == 1:
            sep, tail = seps[0], digits[1]
            if sep == "." and tail == "000" and digits[0][:1] not in ("", "0"):
                return float(digits[0] + tail)  # 33.000: a thousands point (German, Spanish, ...)
            if sep == "." or len(tail) != 3:
                return float(digits[0] + "." + tail) if digits[0] else float("." + tail)
            return float(digits[0] + tail)  # 33,000
        if len(set(seps)) == 1:
            # 1,234,567 or 1.234.567: thousands, when every later group has three digits
            if 1 <= len(digits[0]) <= 3 and all(len(d) == 3 for d in digits[1:]):
                return float("".join(digits))
            return None
        if len(seps) == 2 and seps[0] != seps[1]:
            # 1,234.5 or 1.234,5
            if len(digits[1]) == 3:
                return float(digits[0] + digits[1] + "." + digits[2])
        return None
    except ValueError:
        return None


def _parse_comma_decimal(digits: list[str], seps: list[str]) -> float | None:
    grouped = 1 <= len(digits[0]) <= 3 and digits[0] != "0"
    if len(seps) == 1:
        if seps[0] == "," or len(digits[1]) != 3 or not grouped:
            return float(digits[0] + "." + digits[1]) if digits[0] else float("." + digits[1])
        return float(digits[0] + digits[1])  # 1.200
    if all(sep == "." for sep in seps[:-1]) and grouped and all(len(d) == 3 for d in digits[1:-1]):
        if seps[-1] == ",":
            return float("".join(digits[:-1]) + "." + digits[-1])  # 1.234.567,89
        if len(digits[-1]) == 3:
            return float("".join(digits))  # 1.234.567
        return None
    if len(set(seps)) == 1 and grouped and all(len(d) == 3 for d in digits[1:]):
        return float("".join(digits))  # 1,234,567 written the English way
    if len(seps) == 2 and seps == [",", "."] and len(digits[1]) == 3 and grouped:
        return float(digits[0] + digits[1] + "." + digits[2])  # 1,234.5
    return None
