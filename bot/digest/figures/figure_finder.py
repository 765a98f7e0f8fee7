"""Pick the key figures of an article: the few numbers a reader most needs.

Every quantity is found by `quantities.find_quantities`; each becomes a
candidate `Figure` with what it counts, and a score that prefers
- a clear counted noun or unit ("224 people" over "at least three"),
- larger and precisely written numbers (digits over "two"),
- early sentences, and body text over heading-like lines,
and penalises pronoun uses ("one of those three") and ages. Times of day are
never figures; dates stay candidates but rank last. Heading-like lines (no
closing punctuation) are not dropped, since a list of facts can carry real
figures, but rank below every body figure of the same kind. A number is kept
once per kind (its best-scored, usually earliest, occurrence), so the same
value with the same noun never repeats.

`Figure.text` is the quantity as written with its modifier, scale and unit
("nearly 33,000", "about 16 months", "$2 billion", "15%"); the counted noun is
left to `Figure.counts` ("Syrian refugees"). For money `counts` is what the
money is for when the sentence says so ("$2 billion in aid" -> "aid"), else the
currency; for percentages the group after "of" ("15% of voters" -> "voters").

The weights were set on the tune half of the CNN Corpus (see bench/figures.py:
highlight numbers recalled in the top six) under the constraint that the sample
article's five key figures are found.
"""

from __future__ import annotations

import math
import re
from typing import Collection, Sequence

from bot.digest.figures import lexicon as lx
from bot.digest.figures.locales import number_locale
from bot.digest.figures.quantities import Quantity, counted_noun_after, find_quantities
from bot.digest.models import Figure, Sentence

__all__ = ["Quantity", "find_quantities", "find_figures", "figure_counts"]

_KIND_WEIGHT = {
    "count": 2.0,
    "money": 2.2,
    "percent": 2.0,
    "ordinal": 2.0,
    "duration": 2.0,
    "measure": 1.8,
    "date": -3.0,  # a date is a figure only when the article has no amounts
}
_CLEAR_NOUN = 1.5  # the figure says what it counts
_NO_NOUN = -0.5  # a bare count ("at least three") is hard to read alone
_DIGITS = 0.3  # "33" is more precise than "three"
_SMALL_WORD = -1.5  # "two", "three": usually colour, not a key figure
_MAGNITUDE = 0.15  # per power of ten, capped
_MAGNITUDE_CAP = 2.0
_POSITION = 5.0  # the first sentence gets this much, halving every _HALF_LIFE sentences
_HALF_LIFE = 9.0
_HEADING = -6.0  # headings and list lines restate or link; body figures first
_WEAK_USE = -2.0  # "one of those three", "these two"
_AGE = -1.0  # "the 77-year-old tycoon": description, rarely the news

_PRONOUN_BEFORE = re.compile(r"\b(?:those|these|the|of|all)\s+$", re.IGNORECASE)
_OF_THE = re.compile(r"\s+of\s+the\s+", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_MONEY_LINKS = ("in", "for", "of", "worth")


def figure_counts(quantity: Quantity, sentence_text: str, language_code: str = "en") -> str:
    """What a quantity counts or measures, in the words of the sentence.

    The links read here ("$2 billion in aid", "15% of voters", "27 of the dead")
    are English; in other languages a figure reports the scanner's own noun or unit.
    """
    if not number_locale(language_code).english:
        if quantity.kind == "percent":
            return "percent"
        return "date" if quantity.kind == "date" else quantity.unit_or_counts
    after = quantity.end
    if quantity.kind == "money":
        link = _next_word(sentence_text, after)
        if link in _MONEY_LINKS:
            noun = counted_noun_after(sentence_text, _skip_word(sentence_text, after, link))
            if noun and noun[0].islower():  # "in aid", not "in Tokyo"
                return _strip_article(noun)
        # attributive use: "a $2 billion aid package", "the $40 million bridge"
        if _ARTICLE_BEFORE.search(sentence_text[max(0, quantity.start - 6) : quantity.start]):
            noun = counted_noun_after(sentence_text, after)
            if noun and noun[0].islower():
                return noun
        return quantity.unit_or_counts or "dollars"
    if quantity.kind == "percent":
        if _next_word(sentence_text, after) == "of":
            noun = counted_noun_after(sentence_text, _skip_word(sentence_text, after, "of"))
            if noun:
                return _strip_article(noun)
        return "percent"
    if quantity.kind == "date":
        return "date"
    if quantity.kind == "count" and not quantity.unit_or_counts:
        # "27 of the dead": the group it is a part of
        match = _OF_THE.match(sentence_text, after)
        if match:
            return counted_noun_after(sentence_text, match.end())
    return quantity.unit_or_counts


def _next_word(text: str, position: int) -> str:
    match = re.match(r"\s*([^\W\d_]+)", text[position : position + 40])
    return match.group(1).lower() if match else ""


def _skip_word(text: str, position: int, word: str) -> int:
    match = re.match(r"\s*" + re.escape(word) + r"\s+(?:the\s+|a\s+|an\s+)?", text[position : position + 60], re.IGNORECASE)
    return position + (match.end() if match else 0)


def _strip_article(noun: str) -> str:
    parts = noun.split()
    while parts and parts[0].lower() in ("the", "a", "an"):
        parts.pop(0)
    return " ".join(parts)


def _is_weak_use(quantity: Quantity, sentence_text: str, counts: str) -> bool:
    """"One of those three", "these two": a number that points back rather than informs."""
    if quantity.kind not in ("count",):
        return False
    before = sentence_text[max(0, quantity.start - 20) : quantity.start]
    if not counts and _PRONOUN_BEFORE.search(before):
        return True
    if quantity.value == 1 and _next_word(sentence_text, quantity.end) == "of":
        return True
    head = counts.split()[-1].lower() if counts else ""
    return head in lx.WEAK_HEADS


_CLOCK_TIME = re.compile(r"\d{1,2}:[0-5]\d")


def _worth_showing(quantity: Quantity, counts: str, sentence_text: str) -> bool:
    """Whether a reader learns anything from the figure on its own, out of its sentence."""
    if quantity.kind == "time" or _CLOCK_TIME.fullmatch(quantity.text):
        return False  # "a 4:25 kickoff": schedule detail (and not a ratio)
    if quantity.kind not in ("count", "ordinal"):
        return True
    if not counts:
        return False  # "the two were on the ground": a bare number counts nothing the reader sees
    in_words = not any(ch.isdigit() for ch in quantity.text)
    if in_words and quantity.text[:1].isupper() and quantity.start > 0 and counts[:1].isupper():
        return False  # "Pick Six Newsletter", "the Big Ten Conference": a number word inside a name
    return True


def _score(quantity: Quantity, counts: str, sentence: Sentence, position: int, weak: bool) -> float:
    score = _KIND_WEIGHT.get(quantity.kind, 1.0)
    has_noun = bool(counts) and counts.split()[-1].lower() not in lx.WEAK_HEADS
    if quantity.kind in ("count", "ordinal"):
        score += _CLEAR_NOUN if has_noun else _NO_NOUN
    elif quantity.kind != "date":
        score += _CLEAR_NOUN
    written_in_digits = any(ch.isdigit() for ch in quantity.text)
    if written_in_digits:
        score += _DIGITS
    elif quantity.value is not None and abs(quantity.value) < 10:
        score += _SMALL_WORD
    if quantity.value is not None and quantity.kind not in ("date",):
        magnitude = math.log10(abs(quantity.value)) if abs(quantity.value) >= 1 else 0.0
        score += min(_MAGNITUDE * magnitude, _MAGNITUDE_CAP)
    score += _POSITION * 2.0 ** (-position / _HALF_LIFE)
    if sentence.is_heading:
        score += _HEADING
    if weak:
        score += _WEAK_USE
    if counts.endswith(" old"):
        score += _AGE
    return score


def _dedupe_key(figure: Figure) -> tuple[str, float | None, str]:
    """One figure per number and kind: "23 counts" and "23 children" would read as a repeat.

    Same-valued figures of different kinds ("16 months", "16 people") are both kept;
    figures without a value (dates, scores) are told apart by their text.
    """
    if figure.value is None:
        return figure.kind, None, figure.text.lower()
    return figure.kind, figure.value, ""


def find_figures(
    sentences: Sequence[Sentence], limit: int = 6, skip: Collection[int] = (), language_code: str = "en"
) -> list[Figure]:
    """The few figures that matter most, returned in article order.

    `skip` holds sentence indices to ignore (chrome or headings the caller knows of);
    `language_code` is the article's ISO 639-1 code ("de": "1.200" is 1200, "3,5" is 3.5).
    """
    if limit <= 0:
        return []
    skipped = set(skip)
    kept = [s for s in sentences if s.index not in skipped and s.text]
    scored: list[tuple[float, int, int, Figure]] = []
    for position, sentence in enumerate(kept):
        for quantity in find_quantities(sentence.text, language_code):
            counts = figure_counts(quantity, sentence.text, language_code)
            if not _worth_showing(quantity, counts, sentence.text):
                continue
            weak = _is_weak_use(quantity, sentence.text, counts)
            figure = Figure(
                text=quantity.text,
                value=quantity.value,
                counts=counts,
                approximate=quantity.approximate,
                sentence=sentence.index,
                kind=quantity.kind,
            )
            scored.append((_score(quantity, counts, sentence, position, weak), position, quantity.start, figure))
    # best first; ties go to the earlier figure
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    chosen: list[tuple[int, int, Figure]] = []
    seen: set[tuple[str, float | None, str]] = set()
    for _, position, offset, figure in scored:
        key = _dedupe_key(figure)
        if key in seen:
            continue
        seen.add(key)
        chosen.append((position, offset, figure))
        if len(chosen) >= limit:
            break
    chosen.sort(key=lambda item: (item[0], item[1]))
    return [figure for _, _, figure in chosen]
