"""Pick the key figures of an article: the few numbers a reader most needs.

Every quantity is found by `quantities.find_quantities`; each becomes a
candidate `Figure` with what it counts, when a reader can use it on its own
(not a bare "the two were", a clock time, an address, a reading-time line).
A count whose sentence does not name what it counts ("seven in 10 say") is
offered with `Figure.quote`, a few words of its clause, and ranks below a
figure that names its noun.
A candidate's score adds the weights (`RankWeights`) of its traits: its kind, a
clear counted noun or unit ("224 people" over "at least three"), digits over
small number words, magnitude, an early place among the article's numbers, a
heading-like line (last), pointing back ("one of those three"), an age, a
sentence the summary chose, a value the title repeats, a value written more than
once. Dates rank last, and a date on a heading-like line (a dateline) is
dropped. A number is kept once (its best-scored occurrence), so the same value
never takes two places.

`Figure.text` is the quantity as written with its modifier, scale and unit
("nearly 33,000", "about 16 months", "$2 billion", "15%"), with its conversions
in brackets when the article gives them ("$676m (£352m)"); the counted noun is
left to `Figure.counts` ("Syrian refugees"). For money `counts` is what the
money is for when the sentence says so ("$2 billion in aid" -> "aid"), else the
currency; for percentages the group after "of" ("15% of voters" -> "voters");
outside English a unit is reported as the article writes it ("Jahren").

The weights were searched on the tune half of the CNN Corpus (bench/figures.py:
highlight numbers among the six the command line prints) under the constraint
that the sample article's five key figures are found.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Callable, Collection, Mapping, Sequence

from bot.digest.figures import lexicon as lx
from bot.digest.figures.locales import number_locale
from bot.digest.figures.quantities import Quantity, counted_noun_after, find_quantities
from bot.digest.models import Figure, Sentence

__all__ = ["Quantity", "find_quantities", "find_figures", "figure_counts"]


@dataclass(frozen=True)
class RankWeights:
    """How much each trait of a candidate figure counts; set on the tune half of the CNN Corpus (since the sixth
    session together with the BBC tune part and the WCXB tune pages, docs/quality/figures.md)."""

    kind: Mapping[str, float] = field(default_factory=lambda: {
        "count": 2.0, "money": 3.0, "percent": 2.0, "ordinal": 2.0, "duration": 2.5, "measure": 1.8,
        "date": -3.0,  # a date is a figure only when the article has no amounts
    })
    clear_noun: float = 1.5  # the figure says what it counts
    no_noun: float = -0.5  # a bare count ("at least three") is hard to read alone
    digits: float = 1.0  # "33" is more precise than "three" (0.6 before the sixth session)
    small_word: float = -0.5  # "two", "three": usually colour, not a key figure (-1.0 before the sixth session)
    magnitude: float = 0.3  # per power of ten, capped (0.1 before the sixth session)
    magnitude_cap: float = 2.0
    # The article's first number gets `position`, halving every `half_life` numbers: the prior counts the
    # distinct numbers before a figure (in article order, dates left out), not the sentences, so that two
    # figures of one sentence are told apart by which comes first (sixth session; was 7.0 halving every
    # 13 sentences, which let the larger of two numbers of a sentence win by its magnitude).
    position: float = 16.0
    half_life: float = 20.0
    heading: float = -6.0  # headings and list lines restate or link; body figures first
    weak_use: float = -2.0  # "one of those three", "these two"
    # "the 77-year-old tycoon": description more often than news (-0.6 before the sixth session; with the prior by
    # numbers an age would otherwise rank above a count written after it in the same sentence)
    age: float = -2.0
    repeated: float = 2.0  # per doubling of the value's mentions: a number the article writes again matters (was 0)
    in_summary: float = 2.0  # the sentence is one the summary chose (1.0 before the sixth session)
    in_title: float = 4.0  # the title holds the same value (3.0 before the sixth session)
    quoted: float = -0.5  # shown with a quote, not a counted noun: below a figure that names what it counts


WEIGHTS = RankWeights()

_PRONOUN_BEFORE = re.compile(r"\b(?:those|these|the|of|all)\s+$", re.IGNORECASE)
_ODDS_BEFORE = re.compile(r"\bodds of\s+$", re.IGNORECASE)  # "with odds of 1/4 to leave": the odds, not one of a group
# "27 of the dead", "Three of her novels", "Ten of the nation's 27 provinces", "45 of the 48 counts"
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[\w.-]+['’]s?\s+)?(?:[\d,.]+\s+)?", re.IGNORECASE
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_MONEY_LINKS = ("in", "for", "of", "worth")
# Compiled once: re's own cache is shared with the sentence splitter, which floods it.
_ARTICLE_AT_END = re.compile(r"\b(the|a|an)\s+$", re.IGNORECASE)
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")
_WORD_AFTER_SPACE = re.compile(r"\s+([^\W\d_]+)")
_SKIP_LINK = {
    word: re.compile(r"\s*" + word + r"\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE) for word in _MONEY_LINKS
}


def figure_counts(quantity: Quantity, sentence_text: str, language_code: str = "en") -> str:
    """What a quantity counts or measures, in the words of the sentence.

    The links read here ("$2 billion in aid", "15% of voters", "27 of the dead")
    are English; in other languages a figure reports the scanner's counted noun,
    or its unit as the sentence writes it.
    """
    if not number_locale(language_code).english:
        return _foreign_counts(quantity)
    after = quantity.end
    if quantity.kind == "money":
        link = _next_word(sentence_text, after)
        if link in _MONEY_LINKS:
            noun = counted_noun_after(sentence_text, _skip_word(sentence_text, after, link))
            if noun and noun[0].islower() and noun.lower() not in _NOT_COUNTED:  # "in aid", not "in Tokyo" nor "of some"
                return _strip_article(noun)
        # attributive use: "a $2 billion aid package", "the $40 million bridge"
        if _ARTICLE_BEFORE.search(sentence_text[max(0, quantity.start - 6) : quantity.start]):
            noun = counted_noun_after(sentence_text, after)
            if noun and noun[0].islower():
                return noun
        return quantity.unit_or_counts or "dollars"
    if quantity.kind == "percent":
        if _next_word(sentence_text, after) == "of":
            start = _skip_word(sentence_text, after, "of")
            noun = counted_noun_after(sentence_text, start)
            if noun:  # "60 percent of the cost": the article stays, the front adds "of"
                article = _ARTICLE_AT_END.search(sentence_text[after:start])
                return (article.group(1).lower() + " " if article else "") + _strip_article(noun)
        return "percent"
    if quantity.kind == "date":
        return "date"
    if quantity.kind == "count" and not quantity.unit_or_counts:
        # "27 of the dead": the group it is a part of
        match = _OF_THE.match(sentence_text, after)
        if match:
            return counted_noun_after(sentence_text, match.end())
        return _bare_count_reading(quantity, sentence_text)
    return quantity.unit_or_counts


_WRITTEN_UNIT = re.compile(r"([^\W\d_]+|[^\w\s])[^\w%]*$")
_CURRENCY_SIGNS = frozenset("$£€¥₹₩₽₺₦₱₴₪₫")


def _foreign_counts(quantity: Quantity) -> str:
    """Outside English a unit is reported as the sentence writes it ("Jahren", "Euro", "%"),
    never as the scanner's English name for it; a count keeps its counted noun."""
    if quantity.kind == "date":
        return "date"
    if quantity.kind in ("money", "duration", "percent", "measure") and not _CURRENCY_SIGNS.intersection(quantity.text):
        match = _WRITTEN_UNIT.search(quantity.text)
        if match:
            return match.group(1)
    return quantity.unit_or_counts


# A bare count still reads right with a word the sentence gives it: an age in apposition
# ("Mark Berndt, 62,"; "died aged 33"), a casualty verb ("killing 13", "wounding 32"), or
# a fact-list line ("36 -- The number of states that ...", "30.5: Percent of Americans ...").
_AGE_BEFORE = re.compile(
    r"(?:\b(?:aged|age|ages of)|[A-Z][\w.'’-]*,|\b(?:[Hh]e|[Ss]he|[A-Z][a-z]+,?) (?:was|is)|\b(?:[Hh]e|[Ss]he)['’]s"
    r"|\bwho(?:['’]s| is| was)(?: just| only)?)\s$"
    r"|\b[A-Z][a-z]+,$"  # the space lost: "Natalie Appleton,31, walked out"
)
_AGE_CLEAR_BEFORE = re.compile(
    r"(?:\b(?:age of|ages of|as young as|as old as|aged|(?:married(?: off)?|pregnant|retired|died|left school) at)"
    r"|\b[Ww]hen (?:I|he|she|they|we) (?:was|were))\s$"
)  # whatever follows
# An age bound on people ("children under five", "women over 40"): the scanner reads "under 5" as the quantity.
_AGE_GROUP_BEFORE = re.compile(
    r"\b(?:children|kids|babies|infants|toddlers|teens|teenagers|men|women|people|adults|girls|boys|patients|"
    r"seniors|anyone|those)\s$",
    re.IGNORECASE,
)
_AGE_BOUND = ("under ", "over ")
# "men older than 45": the comparison belongs to the figure ("older than 45 years old")
_AGE_COMPARISON = re.compile(r"\b(?:older|younger) than\s$")
# "a crowd of about 50,000", "a total workforce of 6,500", "daily ridership exceeding 1.3 million": the noun
# before the number is what it counts, and the figure reads with it ("crowd of about 50,000")
_NOUN_OF = re.compile(r"\b(?:[Aa]n?|[Tt]otal|[Dd]aily|annual|average|combined|estimated)\s+([a-z]{4,})\s+(?:of|exceeding|topping)\s$")
_AGE_AFTER = re.compile(r"(?:,|\)|\.(?!\d)|\s(?:--|—|–)|$)")
_CASUALTIES = {
    "killing": "killed", "killed": "killed", "wounding": "wounded", "wounded": "wounded",
    "injuring": "injured", "injured": "injured", "arresting": "arrested", "arrested": "arrested",
    "sickened": "sickened", "sickening": "sickened", "infected": "infected", "infecting": "infected",
    "evacuated": "evacuated", "evacuating": "evacuated", "rescued": "rescued", "rescuing": "rescued",
}
_CASUALTY_AFTER = frozenset({"killed", "dead", "wounded", "injured", "missing", "arrested", "displaced", "detained", "evacuated"})
_CASUALTY_FOLLOWS = re.compile(
    r"\s+(?:(?:are|were|have been|had been|was)\s+)?(?:\w+ly\s+)?(" + "|".join(sorted(_CASUALTY_AFTER)) + r")\b", re.IGNORECASE
)
# "the death toll ... rose to 35", "the number of wounded is up to 3,250"
_TALLY_LINK = re.compile(r"\b(?:to|at|reached|hit|is|was|of|stood at|stands at)\s+(?:(?:just|only|now|already)\s+)?$")
_TOLL = re.compile(r"\b(?:death\s+)?toll\b", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bnumber of\s+(?:the\s+)?", re.IGNORECASE)
_FACT_LINE = re.compile(r"\s*(?::|--|—|–|-)\s+(?:the\s+)?(?:estimated\s+|total\s+|approximate\s+)?(?:(number|amount)\s+of\s+)?", re.IGNORECASE)
_LEADING_PERCENT = re.compile(r"(?:percent|percentage)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _bare_count_reading(quantity: Quantity, sentence_text: str) -> str:
    """What a count with no noun after it counts, when the sentence says it another way; else ""."""
    before = sentence_text[max(0, quantity.start - 40) : quantity.start]
    after = sentence_text[quantity.end :]
    if (
        (
            _AGE_CLEAR_BEFORE.search(before)
            or ((comparison := _AGE_COMPARISON.search(before)) and _AGE_GROUP_BEFORE.search(before[: comparison.start()]))
            or (_AGE_BEFORE.search(before) and _AGE_AFTER.match(after))
            or (quantity.text.lower().startswith(_AGE_BOUND) and _AGE_GROUP_BEFORE.search(before))
        )
        and quantity.value is not None
        and 0 < quantity.value < 120
    ):
        return "years old"
    previous = _LAST_WORD.search(before)
    if previous is not None and previous.group(1).lower() in _CASUALTIES and any(ch.isdigit() for ch in quantity.text):
        return _CASUALTIES[previous.group(1).lower()]
    following = _CASUALTY_FOLLOWS.match(after)
    if following is not None:
        return following.group(1).lower()  # "some 300 killed", "6.5 million are internally displaced"
    if _TALLY_LINK.search(before):
        head = sentence_text[max(0, quantity.start - 90) : quantity.start]
        number_of = None
        for number_of in _NUMBER_OF.finditer(head):
            pass
        if number_of is not None:
            noun = counted_noun_after(head, number_of.end())
            if noun:
                return noun
            casualty = _WORD_AFTER_SPACE.match(" " + head[number_of.end() :])
            if casualty is not None and casualty.group(1).lower() in _CASUALTY_AFTER:
                return casualty.group(1).lower()  # "the number of wounded"
        if _TOLL.search(head):
            return "dead"
    noun_of = _NOUN_OF.search(before)
    if noun_of is not None and any(ch.isdigit() for ch in quantity.text):
        return noun_of.group(1)
    if not sentence_text[: quantity.start].strip(" \"'“‘"):
        line = _FACT_LINE.match(after)
        if line is not None and line.end() > 0 and line.group(0).strip():
            rest = after[line.end() :]
            percent = _LEADING_PERCENT.match(rest)
            if percent is not None:
                return "percent of " + counted_noun_after(rest, percent.end())
            return counted_noun_after(rest, 0)
    return ""


def _words_read_before(quantity: Quantity, sentence_text: str, counts: str) -> str:
    """The words before a number that its reading needs: "older than" 45 (years old), "crowd of" about 50,000."""
    before = sentence_text[max(0, quantity.start - 40) : quantity.start]
    if counts == "years old":
        comparison = _AGE_COMPARISON.search(before)
        return comparison.group(0) if comparison else ""
    noun_of = _NOUN_OF.search(before) if quantity.kind == "count" else None
    return before[noun_of.start(1) :] if noun_of is not None and noun_of.group(1) == counts else ""


def _next_word(text: str, position: int) -> str:
    match = _FIRST_WORD.match(text[position : position + 40])
    return match.group(1).lower() if match else ""


def _skip_word(text: str, position: int, word: str) -> int:
    match = _SKIP_LINK[word].match(text[position : position + 60])
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
    if not counts and _PRONOUN_BEFORE.search(before) and not _ODDS_BEFORE.search(before):
        return True
    if quantity.value == 1 and _next_word(sentence_text, quantity.end) == "of":
        return True
    head = counts.split()[-1].lower() if counts else ""
    return head in lx.WEAK_HEADS


_CLOCK_TIME = re.compile(r"\d{1,2}:[0-5]\d")
# Lines a page puts around a story, in the languages the digest reads. "subscription" alone is not one (tenth
# session): on the tune parts it refused 6 news sentences with key numbers ("a £10 subscription fee", "a $15 monthly
# fee and a one-year subscription") and 41 WCXB sentences of which 3 were chrome.
_PAGE_FURNITURE = re.compile(
    r"\b(?:reading time|read time|min(?:ute)?s? read|tempo de leitura|tiempo de lectura|temps de lecture|"
    r"lesezeit|tempo di lettura|leestijd|lästid|subscribe|issues for|abonnieren|abonnez|suscríbete|assine)\b",
)
# What a page wraps around a story, whatever the story: copyright and licence lines, promotions.
_BOILERPLATE = re.compile(
    r"©|\bcopyright\s+\d|\b(?:all rights reserved|licensed under|creative commons|promo code|coupon|"
    r"discount code|use code|with code|off your first|free(?: \S+)? trial|save up to|money-back|"
    r"cancel reply|leave a (?:reply|comment)|your email address will not be published)\b|%\s*off\b|^\s*price\s*:",
)
# A call to action opening a line ("Read our top 50 tips", "Check out these 15 foods", "Learn more"):
# a teaser or an advertisement, not a claim of the story.
_CALL_TO_ACTION = re.compile(
    r"\s*(?:read (?:my|our|the full|more)|check out|learn more|click|download (?:our|the|my|your)|"
    r"explore (?:our|the best|more|this|these)|browse our|sign up|subscribe|shop (?:our|the|now)|book (?:now|your)|"
    r"try (?:our|this|it)|get (?:the|a|an|your|started|up to|quotes?)\b|get \$?\d)",
)
# Code, shell lines, table rows (cells between bars), reference-list entries ("[2] ...") and citations,
# which an extractor may keep: no story figures there.
_CODE_OR_TABLE = re.compile(
    r"==|!=|=>|[{}]|^\s*(?://|#\s|\$\s|\[\d+\])|\b[a-z]+_[a-z_]+\s*[:=(]|\|[^|]*\|[^|]*\||"
    r"\d+\(\d+\):\d+"  # a citation's volume(issue):pages
    r"|\s=\s[^;]*;\s*$"  # an assignment ending a statement: "const a = 4;"
    # twelfth session sweep (WCXB tune documentation pages): an interpreter's prompt (">>> p = Place.objects.get(id=12)"),
    # a keyword argument ("app.run(port=3000)"), a CSS declaration ("padding: 10px;", "border-radius: 50%;")
    r"|^\s*>>>|\w\([^()]*\b[a-z_]\w+=\d|^\s*[a-z][a-z-]*\s*:\s*[^:;\s][^:;]{0,40};\s*$"  # not a statistic's "(n=121)"
)
_CODE_SIGNS = frozenset("={}/#$[_|:>")  # _CODE_OR_TABLE needs one of these: a cheap test first
# Every branch of _CODE_OR_TABLE not anchored at the line's start needs one of these (figspeed9): a line without any
# can match only a branch anchored there, asked by `match` at its start instead of a search from every position.
_CODE_INLINE_SIGNS = frozenset("={}_|(")
_CODE_AT_START = re.compile(
    r"\s*(?://|#\s|\$\s|\[\d+\])|\s*>>>|\s*[a-z][a-z-]*\s*:\s*[^:;\s][^:;]{0,40};\s*$"  # _CODE_OR_TABLE's "^" branches
)
# Four numbers or two prices in a row (a table or a price list), or a footnote's number glued to a word ("2For the ...").
# Two prices may be glued ("8 reviews$69.99$179.99": a product card; twelfth session).
# Three patterns (thirteenth session) for what one alternation said, the reference `_number_run` is tested against
# (tests/digest/figures/references.py): the first two open with a set of characters, so the regex engine skips to
# them, the third is anchored.
_NUMBERS_IN_A_ROW = re.compile(r"[$€£¥\d](?:(?<=[$€£¥])\d|(?<=\d))[\d,.]*%?\s+(?:[$€£¥]?\d[\d,.]*%?\s+){2}[$€£¥]?\d")
_TWO_PRICES = re.compile(r"[$€£¥]\d[\d,.]*\s*[$€£¥]\d")
_GLUED_FOOTNOTE = re.compile(r"\s*\d[A-Z][a-z]")


# A run of digits, commas and stops longer than any number is written: `_NUMBERS_IN_A_ROW` tries it from each of
# its digits to its end, so one 50,000-digit "number" took 30 s (sixteenth session, bench/hostile.py).
_KEPT_RUN_END = 20  # characters kept at each end of such a run
_LONG_DIGIT_RUN = re.compile(r"[\d,.]{%d,}" % (2 * _KEPT_RUN_END + 1))


def _shorter_runs(text: str) -> str:
    """`text` with each run of `_LONG_DIGIT_RUN` cut to its first and last `_KEPT_RUN_END` characters. The patterns
    of `_number_run` read of a run only its first character (a digit, or one after a currency sign), whether it
    holds a digit, and what follows its end, so they answer the same for the shorter text wherever a run holds a
    digit among the characters kept (every number does: its first or last character is one)."""
    return _LONG_DIGIT_RUN.sub(lambda run: run[0][:_KEPT_RUN_END] + run[0][-_KEPT_RUN_END:], text)


def _number_run(text: str) -> bool:
    """Whether four numbers or two prices in a row, or a glued footnote, are in `text` (searched in
    `_shorter_runs(text)`: the same answer, bounded work)."""
    text = _shorter_runs(text)
    return (
        _NUMBERS_IN_A_ROW.search(text) is not None
        or _TWO_PRICES.search(text) is not None
        or _GLUED_FOOTNOTE.match(text) is not None
    )
# An author's box at the foot of a page: "She has over 15 years of experience", "Joe is the co-founder and CEO".
_BIO = re.compile(
    r"\b(?:years of experience|years['’] experience|(?:co-)?founder and (?:ceo|editor)|is the (?:co-)?founder|"
    r"journalist since|is the author of|has been writing (?:about|for)|is an? (?:\w+ ){0,3}(?:writer|editor|journalist|reporter|contributor|consultant))\b",
    re.IGNORECASE,
)
_FOOT_SENTENCES = 5  # the lines an author's box may take at the end of the text, or
_FOOT_SHARE = 0.25  # this share of the sentences, when more
# "Updated September 28, 2025", "Published on 09/10/2025": when the page was edited, not what happened.
_STAMPED = re.compile(
    r"\b(?:updated|published|posted|modified|reviewed|edited|created)(?:\s+(?:on|at))?:?\s*$", re.IGNORECASE
)
# "(AMZN +0.21%)": a stock ticker's quote, refreshed by the page.
_TICKER_BEFORE = re.compile(r"\(\s*(?:[A-Z]{1,5}:)?[A-Z]{1,5}\s*$")
_WORDS_IN = re.compile(r"[^\W\d_]{2,}")
# A file's size in brackets, after its link or its date (eleventh session: a submission history's
# "Thu, 18 Dec 2025 06:55:17 UTC (9,890 KB)" was one of the WCXB tune pages' chrome figures).
_FILE_SIZE_UNITS = frozenset({"KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB"})
_IN_BRACKETS = re.compile(r"\(\s*(?:[A-Z]{2,5},?\s*)?$")  # "(", "(PDF, "
_STREET = re.compile(
    r"(?:\s+[A-Z][\w'’.-]*){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|"
    r"Square|Sq|Court|Ct|Terrace|Parkway|Pkwy|Highway|Hwy|Strasse|Straße|Str|Rue|Calle|Via)\b"
)


_AT_BEFORE = re.compile(r"\b[Aa]t\s+$")
# A lone zero in digits ("0 people have favorited this", "$0Free", "a status of 0", "0V"): a widget's counter or a
# setting, not a key figure (twelfth session sweep: 45 of 746 documents had a zero among their figures). A span that
# starts at zero ("0-4 mm", "0 or 1") is not lone. The word "zero" stays ("zero tolerance" and "start from zero" are
# numbers of CNN and BBC tune highlights) but for the verb "zero in (on)" and "net zero", never an amount.
_LONE_ZERO = re.compile(r"[$€£¥]?0+(?:[.,]0+)?(?:[\s-]?[^\W\d_]+)?")
_ZERO_IDIOM_BEFORE = re.compile(r"\bnet[\s-]$", re.IGNORECASE)
_ZERO_IDIOM_AFTER = re.compile(r"\s+in\s+(?:on\b|any\b|to\b)", re.IGNORECASE)
# Words that never name what a number counts ("4-in/4-out" read as 4 "in", "Osiris 12 Yes", "$1 billion of some"):
# the counted-noun reader's stop words and a few quantifiers (twelfth session sweep).
_NOT_COUNTED = lx.NOUN_STOPS | {"yes", "some", "any", "many", "few", "several"}


def _worth_showing(quantity: Quantity, counts: str, sentence_text: str) -> bool:
    """Whether a reader learns anything from the figure on its own, out of its sentence
    (the caller has already left out the lines that `_chrome_line` finds)."""
    if quantity.kind == "time" or _CLOCK_TIME.fullmatch(quantity.text):
        return False  # "a 4:25 kickoff": schedule detail (and not a ratio)
    if _page_chrome(quantity, sentence_text):
        return False  # "Updated May 2, 2025", "(AMZN +0.21%)": the page's, not the story's
    if quantity.text.lower() == "one point" and _AT_BEFORE.search(sentence_text, 0, quantity.start):
        return False  # "at one point": a moment, not a measure (ninth session)
    if quantity.value == 0 and _lone_zero(quantity, sentence_text):
        return False
    if _refused_by_a_reader(quantity, sentence_text):
        return False
    if counts.lower() in _NOT_COUNTED and not (quantity.kind == "measure" and counts in lx.UNIT_SYMBOLS):
        return False  # "2-in-1", "12 Yes": nothing a reader could read as what it counts ("30 A" is a current)
    if counts == "A" and sentence_text.startswith(".D.", quantity.end):
        return False  # "700 A.D.": a year, not a current
    if quantity.kind not in ("count", "ordinal"):
        return True
    if _STREET.match(sentence_text, quantity.end):
        return False  # "51 Franklin Street": an address
    in_words = not any(ch.isdigit() for ch in quantity.text)
    if in_words and quantity.text[:1].isupper() and quantity.start > 0 and counts[:1].isupper():
        return False  # "Pick Six Newsletter", "the Big Ten Conference": a number word inside a name
    return True


# --- numbers a reader of a forum, a shop or a listing does not read as quantities (sixteenth session, figures8) ---

# "8 hours ago, JGD said:", "46 minutes ago": when a post was written, not how long anything lasted. Years and months
# ago are news ("since the uprising began about 16 months ago", the sample article) but on a card of a list, where
# the line starts with them ("- 7 years ago Profitt Report: ..."), they stamp it.
_AGO_AFTER = re.compile(r"\s+ago\b", re.IGNORECASE)
_POST_TIME_UNITS = frozenset({"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
                              "hr", "hrs", "day", "days", "week", "weeks"})
_LIST_MARK_ONLY = re.compile(r"\s*[-–—•*·]\s*$")


# Days and weeks "ago" stamp a post or a card only where a stamp stands: at the line's start, after a separator or a
# "posted"/"latest post" ("Alan Woinski | 2 weeks ago", "Latest post 1 day ago"), or before a separator or a forum's
# "X said:" ("26 days ago • 3.16k"). In prose they are news ("beat France 30-20 10 days ago", "the last time I saw him
# 12 days ago": BBC tune summaries hold them; seventeenth session, figures9). Seconds, minutes and hours stay stamps.
_SHORT_POST_UNITS = frozenset({"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs"})
_STAMP_BEFORE = re.compile(r"(?:^|[|•·:–—]|\s-|\b(?i:post|posted|updated|edited|published|new))\s*$")
_STAMP_AFTER = re.compile(r"\s+ago\b\s*(?:$|[|•·]|,\s*[^,.]{1,40}\bsaid:)", re.IGNORECASE)


def _timestamp_ago(quantity: Quantity, sentence_text: str) -> bool:
    if quantity.kind != "duration" or _AGO_AFTER.match(sentence_text, quantity.end) is None:
        return False
    before = sentence_text[: quantity.start]
    unit = quantity.unit_or_counts.lower()
    if unit in _SHORT_POST_UNITS:
        return True
    if unit in _POST_TIME_UNITS:
        return _STAMP_BEFORE.search(before) is not None or _STAMP_AFTER.match(sentence_text, quantity.end) is not None
    return _LIST_MARK_ONLY.fullmatch(before) is not None


# The word before a name's number: capitalised ("Go 1.26", "Wine 11.4", "Battlefield 6", "DirectX 11", "Canvas 26")
# or a trade mark ("PlayStation®4"). Not an owner or a contraction ("Mexico's 31 states", "the U.N.'s 193 members",
# "I'm 80"), a month or a day
# ("Oct. 18"), nor a few words a count follows ("Another 1,700 will go").
_NAME_BEFORE = re.compile(r"(?:\b([A-Za-z]*[A-Z][\w’'.-]*)\s|[®™]\s?)$")
_NOT_A_NAME = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday i the a an another top only "
    "all just over under about around nearly almost some and or but to of for in on at by with from as if".split()
)
_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)*")


def _name_before(sentence_text: str, end: int) -> re.Match[str] | None:
    """`_NAME_BEFORE` searched in the text before `end`, from the last word's start only (figspeed8): every match
    ends in a space or a trade mark and holds no other space, so no match starts before the last space but one."""
    if end == 0 or not (sentence_text[end - 1].isspace() or sentence_text[end - 1] in "®™"):
        return None
    start = end - 1
    while start > 0 and not sentence_text[start - 1].isspace():
        start -= 1
    return _NAME_BEFORE.search(sentence_text, start, end)


# A match report's scorer or line-up line ("Archibald 19, Grady 29, Crawford 41.", "Lita 45, 52.", "Lupoli
# (Owusu-Abeyie 45), Ljungberg."): names and minutes only, ending in a full stop (seventeenth session, figures9: BBC
# tune sport articles; a product line has a lower-case word, a dash, a decimal or no full stop).
_SCORER_TOKEN = re.compile(r"[^\s,();]+")
_SCORER_WORDS = frozenset({"pen", "og", "and"})
_LAST_MINUTE = 130


def _scorer_line(sentence_text: str) -> bool:
    text = sentence_text.strip()
    if not text.endswith(".") or not any(ch.isdigit() for ch in text):
        return False
    for token in _SCORER_TOKEN.findall(text[:-1]):
        if token.isdigit():
            if not token.isascii() or len(token) > 3 or int(token) > _LAST_MINUTE:
                return False
        elif not (token[:1].isupper() and token[:1].isalpha()) and token.lower() not in _SCORER_WORDS:
            return False
    return True


# "releases a new", "gives the": a verb; not a rate ("75 million visitors a year") nor after a verb ("Attracting")
_VERB_THEN_DETERMINER = re.compile(
    r"\s+[a-z]+s\s+(?:a|an|the|its|their|his|her|our|your)\s+(?!(?:year|day|week|month|game|season|time|head|piece|person)\b)"
)
_VERB_ENDINGS = ("ing", "ed")


def _names_number(quantity: Quantity, sentence_text: str) -> bool:
    """A bare count in digits right after a name: a version, a model or a sequel ("Go 1.26 adds", "Android™ 4.0",
    "DirectX 11 level"), not an amount of anything."""
    if quantity.kind != "count" or not quantity.text[:1].isdigit():
        return False
    before = _name_before(sentence_text, quantity.start)
    if before is None:
        return False
    word = before.group(1)
    if word is None:
        return True  # a trade mark glued to the number
    if _scorer_line(sentence_text):
        return False  # "Miller 1, McAllister 10.": the minutes of a match report's scorers, which BBC summaries keep
    if "'" in word or "’" in word or word.lower().rstrip(".") in _NOT_A_NAME:
        return False
    if sentence_text[: before.start(1)].strip(" \t-–—•*·\"“'‘([") != "":
        return True
    # The sentence's first word may be a verb ("Add 5 items", "Join 38 million people"): a name only when the number
    # is a version's ("Go 1.26 adds", "Wine 11.4 is out"), counts nothing ("Python 3.16 (due October 2027).") or
    # "counts" a verb, the word after it a determiner ("Overwatch 2 releases a new update"; figures9)
    return (
        _VERSION.fullmatch(quantity.text) is not None
        or not quantity.unit_or_counts
        or (
            quantity.text.isdigit()
            and not word.lower().endswith(_VERB_ENDINGS)
            and _VERB_THEN_DETERMINER.match(sentence_text, quantity.end) is not None
        )
    )


# A token that mixes digit and letter runs at least three times, with no run of small letters and no currency sign
# ("17.HUS.08214.Hohenstein", "M10-P"), or a hexadecimal hash ("4e196aa4-0141-4601"): a certificate, part or model number, not an
# amount. "A$8.4bn", "$779m-798m", "6-foot-8-inch" and "9-to-1" hold small letters or a currency sign.
_RUNS = re.compile(r"[^\W\d_]+|\d+")
_HEX_ID = re.compile(r"[0-9a-f]{6,}(?:-[0-9a-f]{2,})*")
_TOKEN_STOPS = frozenset(",;()[]\"“”")


_SPACE = re.compile(r"\s")
_LETTER = re.compile(r"[^\W\d_]")  # what `_RUNS` reads as a letter run
_DIGIT = re.compile(r"\d")


def _stands_alone(quantity: Quantity, sentence_text: str) -> bool:
    """A number between spaces or token stops that holds no letter or no digit: its token is its own text, whose
    runs never change kind twice (figspeed8)."""
    start, end = quantity.start, quantity.end
    return (
        (start == 0 or sentence_text[start - 1].isspace() or sentence_text[start - 1] in _TOKEN_STOPS)
        and (end == len(sentence_text) or sentence_text[end].isspace() or sentence_text[end] in _TOKEN_STOPS)
        and (_LETTER.search(quantity.text) is None or _DIGIT.search(quantity.text) is None)
    )


def _inside_identifier(quantity: Quantity, sentence_text: str) -> bool:
    if _SPACE.search(quantity.text) or _stands_alone(quantity, sentence_text):
        return False  # "20 July 2011": words of their own
    start, end = quantity.start, quantity.end
    while start > 0 and not sentence_text[start - 1].isspace() and sentence_text[start - 1] not in _TOKEN_STOPS:
        start -= 1
    while end < len(sentence_text) and not sentence_text[end].isspace() and sentence_text[end] not in _TOKEN_STOPS:
        end += 1
    token = sentence_text[start:end].rstrip(".:!?")
    runs = [run for run in _RUNS.findall(token) if run not in ("x", "X")]
    changes = sum(a[0].isdigit() != b[0].isdigit() for a, b in zip(runs, runs[1:]))
    if changes < 2:
        return False
    if _HEX_ID.fullmatch(token):
        return True
    # a measure glued to its unit and a footnote or a range ("12,800Pa1", "128K-200K") stays
    return quantity.kind in ("count", "ordinal") and not any(run.islower() for run in runs) and _CURRENCY_SIGNS.isdisjoint(token)


# A number word inside a compound ("all-in-one", "many-to-one", "no-one", "mother-of-nine") or "24/7": no amount.
_COMPOUND_BEFORE = re.compile(r"[^\W\d_]-(?:[^\W\d_]+-)*\Z")


def _inside_compound(quantity: Quantity, sentence_text: str) -> bool:
    if quantity.kind not in ("count", "ordinal"):
        return False
    if quantity.text == "24/7":
        return True
    # every match ends in the hyphen just before the number (figspeed8: searched only then)
    return (
        sentence_text[quantity.start - 1 : quantity.start] == "-"
        and not quantity.text[:1].isdigit()
        and _COMPOUND_BEFORE.search(sentence_text, 0, quantity.start) is not None
    )


# An inch mark after a number ('2" x 55 yd', 'raises desk 1.5"', '24” deep', "6.3″"): a length the scanner read as a
# bare count. A mark that closes a quotation ('the "Time 100" list', '“7” “days”') is no inch: before the number,
# more “ than ” opens one; straight marks that follow no digit open and close, so an odd number of them opens one.
_INCH_MARKS = frozenset('"”″')


def _as_inches(quantity: Quantity, sentence_text: str) -> Quantity:
    """The quantity as a length in inches when an inch mark follows its digits, else itself."""
    if quantity.kind != "count":
        return quantity  # asked first: most numbers are no bare count, and the mark is then not read (figspeed8)
    mark = sentence_text[quantity.end : quantity.end + 1]
    if mark not in _INCH_MARKS or not quantity.text[-1:].isdigit() or quantity.unit_or_counts or not quantity.value:
        return quantity
    before = sentence_text[: quantity.start]
    if before.count("“") > before.count("”"):
        return quantity
    if mark == '"' and sum(1 for i, ch in enumerate(before) if ch == '"' and not (i and before[i - 1].isdigit())) % 2:
        return quantity
    return replace(quantity, end=quantity.end + 1, text=quantity.text + mark, kind="measure", unit_or_counts=mark)


# --- numbers of code and of a shop's widgets in prose (seventeenth session, figures9, WCXB tune non-article pages) ---

# A star class in digits ("5-star reviews", "4-Star characters"), a count a row of star signs
# follows ("Over 50 ⭐⭐⭐⭐⭐ Google Reviews") and a review count in brackets ("(1,234 reviews)"): a shop's widget or boast.
# A count of reviews in prose ("over 40,000 reviews we've gotten") stays.
_STAR_CLASS = re.compile(r"\d[\d.]*-[Ss]tars?")
_STAR_SIGNS = re.compile(r"\s*[⭐★☆]")
_REVIEWS_IN_BRACKETS = re.compile(r"\s*(?:reviews?|ratings?|votes?)\s*\)", re.IGNORECASE)
_MOST_STARS = 10


def _rating_widget(quantity: Quantity, sentence_text: str) -> bool:
    if quantity.kind != "count" or quantity.value is None:
        return False
    if _STAR_CLASS.fullmatch(quantity.text) and quantity.value <= _MOST_STARS:
        return True  # "5-star"; in words it is news ("a four-star general"), and "4.4 out of 5 stars" is a rating shown whole
    if _STAR_SIGNS.match(sentence_text, quantity.end):
        return True
    return sentence_text[: quantity.start].rstrip().endswith("(") and _REVIEWS_IN_BRACKETS.match(sentence_text, quantity.end) is not None


# Numbers of code in a documentation page's prose: an HTTP status ("the 302 code", "an error status like 404", "the
# 404 error", "in the 200 range" after "status"), a port ("on port 3000", "localhost:9000") and a regular expression's
# capture ("$1..", "$1/mp3/$2.mp3"). "500 errors" (plural) and prices ("$9.", "$1 to start") stay.
_STATUS_AFTER = re.compile(r"\s+(?:status\s+)?(?:code|error|redirect|response)\b(?!s)", re.IGNORECASE)
_STATUS_BEFORE = re.compile(r"\b(?:HTTP|status)\b|\bcode\s+$", re.IGNORECASE)  # "the code 307 was not treated"
_PORT_BEFORE = re.compile(r"(?:\b[Pp]ort\s+(?:number\s+)?(?:is\s+)?|\blocalhost:)$")
_CAPTURE_AFTER = re.compile(r"/|\.\.|\.[A-Za-z]")
_PORT_WINDOW = 20  # characters before the number that "port number is " or "localhost:" may take
_STATUS_WINDOW = 30  # characters before the number where "status" or "HTTP" makes it a status


def _code_number(quantity: Quantity, sentence_text: str) -> bool:
    text = quantity.text
    if quantity.kind == "money":
        return len(text) == 2 and text[0] == "$" and text[1].isdigit() and (
            _CAPTURE_AFTER.match(sentence_text, quantity.end) is not None or sentence_text[quantity.start - 1 : quantity.start] in ("/", "\\")
        )
    if quantity.kind != "count" or not text.isdigit():
        return False
    if _PORT_BEFORE.search(sentence_text, max(0, quantity.start - _PORT_WINDOW), quantity.start):
        return True
    if len(text) != 3 or not 100 <= int(text) <= 599:
        return False
    return _STATUS_AFTER.match(sentence_text, quantity.end) is not None or _STATUS_BEFORE.search(
        sentence_text, max(0, quantity.start - _STATUS_WINDOW), quantity.start
    ) is not None


# Each (name, test) refuses a quantity as no figure at all; bench/figures8_study.py and bench/figures9_study.py switch
# them one by one.
READER_REFUSALS: tuple[tuple[str, Callable[[Quantity, str], bool]], ...] = (
    ("a timestamp 'N ago'", _timestamp_ago),
    ("a name's number (version, model)", _names_number),
    ("inside an identifier", _inside_identifier),
    ("inside a compound word", _inside_compound),
    ("a star rating or a review count", _rating_widget),
    ("a number of code (status, port, capture)", _code_number),
)


def _refused_by_a_reader(quantity: Quantity, sentence_text: str) -> bool:
    for _, test in READER_REFUSALS:  # a loop, not any() over a generator: asked of every number (figspeed8)
        if test(quantity, sentence_text):
            return True
    return False


def _lone_zero(quantity: Quantity, sentence_text: str) -> bool:
    """A zero a reader does not read as an amount: "0" alone in digits, "net zero", "zero in on the best"."""
    if _LONE_ZERO.fullmatch(quantity.text):
        return True
    return quantity.text.lower() == "zero" and bool(
        _ZERO_IDIOM_BEFORE.search(sentence_text[max(0, quantity.start - 5) : quantity.start])
        or _ZERO_IDIOM_AFTER.match(sentence_text, quantity.end)
    )


# A price list or plan box: "$499/mo", "Starts @ $7/hour", "From $19.99 USD", "Queen mattresses starting at $599".
_PRICE_BOX = re.compile(
    r"[$€£¥]\s?\d[\d,.]*\s*[km]?\s*(?:/\s*(?:mo|month|yr|year|hr|hour|user|seat|week|night)\b|usd\b|eur\b|gbp\b)"
    r"|\b(?:starting\s+(?:at|from)|^\s*from)\s+[$€£¥]|\bstarts? @|\bfree (?:delivery|shipping) on\b|\b(?:see|view) pricing\b|\bpricing details\b",
)
_PRICE_SIGNS = frozenset("$€£¥@")  # _PRICE_BOX needs one of these, or the word "pricing" or "free"


def _code_or_table(sentence_text: str) -> bool:
    """`_CODE_OR_TABLE.search(sentence_text)`, with the search from every position only where a sign allows it."""
    if _CODE_SIGNS.isdisjoint(sentence_text):
        return False
    if _CODE_INLINE_SIGNS.isdisjoint(sentence_text):
        return _CODE_AT_START.match(sentence_text) is not None
    return _CODE_OR_TABLE.search(sentence_text) is not None


# "3 of 11 comments", "12 of 218 Notion alternatives": a counter of the page, not a claim.
_COUNTER = re.compile(r"\s*\d+\s+of\s+\d[\d,]*\s+\w+(?:\s+\w+)?\s*$")
# The site speaking of itself (a reviews page's method box, an "About us" line): "our team", "we tested".
_SITE_VOICE = re.compile(
    r"\b(?:our (?:testers|top pick|methodology|reviewers)|we (?:tested|researched|reviewed|evaluated)|"
    r"our (?:[\w-]+ ){0,3}(?:team|experts|editors) (?:tested|researched|reviewed|evaluated|spent))\b"
    r"|^\s*(?:sources?|notes?|disclaimer|photo(?:graph)?|image|credits?)\s*:"  # a source, note or photo-credit line
    r"|^\s*home\s*[»›>/|]"  # a breadcrumb trail: "Home » Website Builders Best Website Builders for 2026"
)
# A shop's or a listing's widgets (twelfth session, WCXB tune collection, listing and product pages): a rating line
# ("4.4 out of 5 stars Add to favorites.", "4.54.5 out of 5 stars (53.5K)"), a result count ("( 8 results )"), a
# shipping offer ("Free standard shipping on orders $60 CAD+.", "FREE GROUND SHIPPING ON ALL ORDERS (...)"), a sale's end.
# Not a return policy nor "Original price was:": WCXB's true text keeps those lines on some article and collection pages.
_SHOP_LINE = re.compile(
    r"^\W*\d[\d.,]*\s*out of\s*(?:5|10|five|ten)\s+stars?\b"
    r"|^\W*\d[\d,]*\s+(?:results?|items?|products?|matches)\W*$"
    r"|\bfree\s+(?:[\w-]+\s+){0,2}(?:shipping|delivery)\b[^.]{0,40}?\b(?:on|for)\s+(?:all\s+|any\s+)?(?:[\w-]+\s+)?orders?\b"
    r"|^\W*on\s+(?:all\s+)?orders?\s+(?:of|over|above)\b"  # the rest of a shipping offer: "On orders of $75 or more."
    r"|\bsale ends\b|\b(?:offer|deal)s?\s+(?:is\s+|are\s+)?valid\s+(?:thru|through|until|till)\b"  # "Sale ends 03/31/2026."
    # A store card's or a loyalty scheme's offer (twelfth session sweep, 6 WCXB tune collection pages): "$30 in card
    # rewards are yours when approved for the ... Mastercard", "earn a $100 REI gift card", "earn $20 reward for every $300"
    r"|\b(?:card|store) rewards?\b|\bwhen approved for\b|\breward for every\b"
    r"|\b(?:earn|get|receive)\s+(?:a\s+|an\s+)?[$€£¥]?\d[\d,.]*\s+(?:[\w-]+\s+){0,2}?(?:rewards?|gift cards?)\b"
)
_SHOP_SIGNS = ("out of", "result", "item", "product", "match", "shipping", "delivery", "orders", "sale ends", "valid", "reward", "approved", "gift card")
# An address: "Suite 200", "P.O. Box 1234", "San Francisco, CA 94105".
_ADDRESS = re.compile(r"\b(?i:suite|p\.?\s?o\.?\s+box)\s+\d|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_MIN_WORDS = 4  # a citation or a label has fewer words than this


def _chrome_line(sentence_text: str) -> bool:
    """A line the page puts around the story: one that does not end as a sentence does (a heading, a
    teaser of another page, a caption, a label, a byline), a copyright or licence line, a promotion, a call
    to action, code or a table row, a price box, a counter, the site speaking of itself, a source or
    photo-credit line, an address, a citation, a run of menu items glued to a sentence. None of its numbers is a
    figure of the story."""
    if not ends_as_a_sentence(sentence_text) or _QUESTION_END.search(sentence_text):
        return True  # a question asks, it states no figure ("Best solar panels in 2026: which one should you choose?")
    lower = sentence_text.lower()  # the word patterns are written in lower case: faster than re.IGNORECASE
    # Each pattern is asked only of a line that holds one of the pieces it cannot match without.
    return bool(
        (_has_sign(lower, _FURNITURE_SIGNS) and _PAGE_FURNITURE.search(lower))
        or (_has_sign(lower, _BOILERPLATE_SIGNS) and _BOILERPLATE.search(lower))
        or _CALL_TO_ACTION.match(lower)
        or _code_or_table(sentence_text)
        or _number_run(sentence_text)
        or (
            (not _PRICE_SIGNS.isdisjoint(sentence_text) or "pricing" in lower or "free" in lower)
            and _PRICE_BOX.search(lower)
        )
        or _COUNTER.match(sentence_text)
        or (_has_sign(lower, _SHOP_SIGNS) and _SHOP_LINE.search(lower) is not None)
        or (_has_sign(lower, _SITE_VOICE_SIGNS) and _SITE_VOICE.search(lower))
        or ((_has_sign(lower, _ADDRESS_SIGNS) or _FIVE_DIGITS.search(sentence_text)) and _ADDRESS.search(sentence_text))
        or _is_fragment(sentence_text)
        or _TITLE_RUN.search(sentence_text) is not None
        or (":" in sentence_text and _METADATA_LABELS.search(lower) is not None)
    )


# A byline or a post's labels glued to a line: "Posted by: John at December 18, 2025 05:48 PM ...", "05/10/2018 -
# Publicado por: ... - Categoria: Saúde - Tags: ..." (eleventh session: on the tune parts 7 WCXB lines, all chrome, no
# CNN, BBC or WCXB article line with a number).
_METADATA_LABELS = re.compile(
    r"\b(?:posted|published|written|publicado|publié|veröffentlicht|pubblicato|filed)\s+(?:by|por|par|von|da|under)\s*:"
    r"|(?:^|\s[-|–•]\s)(?:categor(?:y|ies|ia|ie)|tags?|etiquetas)\s*:\s"
)


# Eight capitalised words in a row: menu items or headings the extractor glued to a sentence ("How It Works
# Exploring Various Digital Marketing Channels KPIs Challenges FAQs ..."). Tenth session, on the tune parts: no
# CNN or BBC sentence with a number has such a run; WCXB tune chrome figures 57 -> 54 (two pages).
# The pattern opens with the capital (the regex engine then skips to capitals) and asks the word boundary after
# it: no word character before the capital (thirteenth session; tested against the plain form with `\b` first,
# tests/digest/figures/references.py).
_TITLE_RUN = re.compile(r"[A-Z](?<!\w.)[\w’'&.-]*\s+(?:[A-Z][\w’'&.-]*\s+){7}")


# What each line pattern cannot match without (a piece of every one of its branches): a line with none of
# them is not searched. Same answers (tests/digest/figures/test_fast_paths.py turns `_has_sign` off to compare;
# `_number_run` is tested against its one-pattern reference).
_FURNITURE_SIGNS = ("read", "tempo", "tiempo", "temps", "lesezeit", "leestijd", "lästid", "subscri", "issues for", "abonn", "suscr", "assine")
_BOILERPLATE_SIGNS = ("©", "copyright", "rights reserved", "licensed under", "creative commons", "code", "coupon", "trial", "save up to", "money-back", "off", "price", "reply", "leave a comment", "email address will")
_SITE_VOICE_SIGNS = ("our ", "we ", ":", "home")
_ADDRESS_SIGNS = ("suite", "box")  # or five digits in a row
_FIVE_DIGITS = re.compile(r"\d{5}")


def _has_sign(text: str, signs: tuple[str, ...]) -> bool:
    return any(map(text.__contains__, signs))  # `sign in text` for each, without a generator frame a sign


# A story's sentence ends as one; a line that does not is a heading, a caption, a teaser or a list label.
_SENTENCE_ENDS = tuple(".!?\"”’'):;…»。！？」』؟।۔։")
_QUESTION_END = re.compile(r"\?[\s\"'”’)]*$")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}")
_UPPER_WORD = re.compile(r"\b[A-Z]")


def ends_as_a_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_ENDS)


_worth_scanning = ends_as_a_sentence  # a fast path; tests/digest/figures/test_fast_paths.py turns it off to compare


def _is_fragment(sentence_text: str) -> bool:
    """A citation or a label: a few words, all capitalised ("Niculescu, A.B. 2024.", "Ltd. 1979, 1986.")."""
    return (
        _LOWER_WORD.search(sentence_text) is None  # first: almost every line has one (thirteenth session)
        and len(list(islice(_WORDS_IN.finditer(sentence_text), _MIN_WORDS))) < _MIN_WORDS  # stops at the fourth word
        and _UPPER_WORD.search(sentence_text) is not None
    )


def _page_chrome(quantity: Quantity, sentence_text: str) -> bool:
    """A number the page stamps into a line: an "Updated ..." date, a ticker's quote, or a number standing alone."""
    before = sentence_text[max(0, quantity.start - 24) : quantity.start]
    if quantity.kind == "date" and _STAMPED.search(before):
        return True
    if quantity.text[:1] in "+-−" and _TICKER_BEFORE.search(before):
        return True
    if quantity.kind == "measure" and quantity.unit_or_counts in _FILE_SIZE_UNITS and _IN_BRACKETS.search(before):
        return True  # "Download PDF (2.3 MB)", "06:55:17 UTC (9,890 KB)": the size of a file the page links to
    # "3 MIN.", "1 minute": a line that is nothing but the number (a reading time, a counter)
    if len(sentence_text) > len(quantity.text) + 24:
        return False
    return _WORDS_IN.search(sentence_text[: quantity.start] + sentence_text[quantity.end :]) is None


# Where a clause ends: a quote never runs past these.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-{1,2}\s|[.!?][\"”’']?\s*$")
_QUOTE_WORD = re.compile(r"\S+")
_QUOTE_WORDS_BEFORE = 4
_QUOTE_WORDS_AFTER = 4
_QUOTE_TRIM = " \"'“”‘’.,;:!?"


# An identifier, not an amount: six or more digits with no group separator ("see 27918516").
_IDENTIFIER = re.compile(r"\d{6,}")


def _reads_as_a_number(quantity: Quantity, sentence_text: str) -> bool:
    """A bare number a reader would take for an amount: not glued to a name ("360West"), not a
    marketing "15+" ("7,000+ agencies", "30+ years in journalism"), not an identifier."""
    follows = sentence_text[quantity.end : quantity.end + 1]
    return not (follows.isalpha() or follows == "+" or _IDENTIFIER.fullmatch(quantity.text))


def quote_around(quantity: Quantity, sentence_text: str) -> str:
    """A few words of the sentence around a quantity, verbatim, within its clause ("seven in 10 say they
    back the plan"); "" when the clause holds no word besides the number, so there is nothing to show."""
    start, end = quantity.start, quantity.end
    clause_start = 0
    for clause_start_match in _CLAUSE_BREAK.finditer(sentence_text, 0, start):
        clause_start = clause_start_match.end()
    clause_end_match = _CLAUSE_BREAK.search(sentence_text, end)
    clause_end = clause_end_match.start() if clause_end_match else len(sentence_text)
    before = list(_QUOTE_WORD.finditer(sentence_text, clause_start, start))[-_QUOTE_WORDS_BEFORE:]
    after = list(_QUOTE_WORD.finditer(sentence_text, end, clause_end))[:_QUOTE_WORDS_AFTER]
    if not _WORDS_IN.search(" ".join(m.group(0) for m in (*before, *after))):
        return ""
    first = before[0].start() if before else start
    last = after[-1].end() if after else end
    quote = sentence_text[first:last]
    # trimmed of quotation marks and stops at its ends, never into the number itself
    head = len(quote) - len(quote.lstrip(_QUOTE_TRIM)) if first < start else 0
    tail = len(quote) - len(quote.rstrip(_QUOTE_TRIM)) if last > end else 0
    return quote[head : len(quote) - tail].strip()


@dataclass(frozen=True)
class Candidate:
    """One figure that could be shown, with the traits its rank is computed from."""

    figure: Figure
    position: int  # the sentence's place among the scanned sentences
    offset: int  # the figure's start in its sentence
    traits: dict[str, float]  # trait name -> amount; the score adds weight * amount
    order: int | None = None  # how many distinct numbers come before its value in the article (dates: None)


def _traits(quantity: Quantity, counts: str, sentence: Sentence, weak: bool) -> dict[str, float]:
    traits: dict[str, float] = {}
    has_noun = bool(counts) and counts.split()[-1].lower() not in lx.WEAK_HEADS
    if quantity.kind in ("count", "ordinal"):
        traits["clear_noun" if has_noun else "no_noun"] = 1.0
    elif quantity.kind != "date":
        traits["clear_noun"] = 1.0
    if any(ch.isdigit() for ch in quantity.text):
        traits["digits"] = 1.0
    elif quantity.value is not None and abs(quantity.value) < 10:
        traits["small_word"] = 1.0
    if quantity.value is not None and quantity.kind != "date" and abs(quantity.value) >= 1:
        traits["magnitude"] = math.log10(abs(quantity.value))
    if sentence.is_heading:
        traits["heading"] = 1.0
    if weak:
        traits["weak_use"] = 1.0
    if counts.endswith(" old"):
        traits["age"] = 1.0
    return traits


def score(candidate: Candidate, weights: RankWeights = WEIGHTS) -> float:
    """The rank of a candidate: higher is shown first."""
    traits = candidate.traits
    total = weights.kind.get(candidate.figure.kind, 1.0)
    total += min(weights.magnitude * traits.get("magnitude", 0.0), weights.magnitude_cap)
    if candidate.order is not None:
        total += weights.position * 2.0 ** (-candidate.order / weights.half_life)
    for name in ("clear_noun", "no_noun", "digits", "small_word", "heading", "weak_use", "age", "repeated", "in_summary", "in_title", "quoted"):
        amount = traits.get(name)
        if amount:
            total += getattr(weights, name) * amount
    return total


def _dedupe_key(figure: Figure) -> tuple[str, float | None, str]:
    """One figure per number: "23 counts" and "23 children" would read as a repeat.

    Since the sixth session also one per number whatever its kind ("16 months" and "16 people"): with
    the `repeated` trait a value written twice would otherwise take two of the six places.
    Figures without a value (dates, scores) are told apart by their text.
    """
    if figure.value is None:
        return figure.kind, None, figure.text.lower()
    return "", figure.value, ""


# "one in 88", "one in every five", "nine out of 10", "4.4 out of 5 stars" (twelfth session: "out of" was two figures,
# "Nine" with a quote and "10 doctors", or a rating shown as "5 stars")
_RATIO_LINK = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?")


def _joined_ratios(quantities: list[Quantity], text: str) -> list[Quantity]:
    """"one in 88 children", "seven in 10 Americans", "nine out of 10 doctors", "4.4 out of 5 stars": one figure,
    the first number's value counting the second's noun; shown apart, the second would read "88 children",
    "10 doctors" or "5 stars" (the scale of a rating, not the rating)."""
    joined: list[Quantity] = []
    skip_next = False
    for first, second in zip(quantities, [*quantities[1:], None]):
        if skip_next:
            skip_next = False
            continue
        link = _RATIO_LINK.match(text, first.end) if second is not None and first.kind == second.kind == "count" else None
        if second is not None and link is not None and link.end() == second.start and not first.unit_or_counts:
            joined.append(replace(first, end=second.end, text=text[first.start : second.end], unit_or_counts=second.unit_or_counts))
            skip_next = True
        else:
            joined.append(first)
    return joined


_CONVERTED = ("money", "measure")  # kinds an article converts in brackets: "$676m (£352m)", "453km (282 miles)"
_CONVERSION_OPEN = re.compile(r"\s*[(\[]\s*")
_CONVERSION_NEXT = re.compile(r"\s*[;,/]\s*")
_CONVERSION_CLOSE = re.compile(r"\s*[)\]]")


def _joined_conversions(quantities: list[Quantity], text: str) -> list[Quantity]:
    """"$676m (£352m)", "40m rupees ($915,000; £486,000)", "a 453-kilometer (282 mile)": a sum or a measure
    with its conversions in brackets is one figure, its text showing every unit; apart, each conversion
    would take one of the six places to repeat the same amount (seventh session). So is one restated after
    ", or" ("26,000 acres, or about 40 square miles"; tenth session)."""
    joined: list[Quantity] = []
    i = 0
    while i < len(quantities):
        first = quantities[i]
        last = i
        if first.kind in _CONVERTED and i + 1 < len(quantities) and quantities[i + 1].kind == first.kind:
            opening = _CONVERSION_OPEN.match(text, first.end)
            if opening is not None and opening.end() == quantities[i + 1].start:
                k = i + 1
                while k + 1 < len(quantities) and quantities[k + 1].kind == first.kind:
                    link = _CONVERSION_NEXT.match(text, quantities[k].end)
                    if link is None or link.end() != quantities[k + 1].start:
                        break
                    k += 1
                closing = _CONVERSION_CLOSE.match(text, quantities[k].end)
                if closing is not None:
                    last = k
                    first = replace(first, end=closing.end(), text=text[first.start : closing.end()])
        if last == i and first.kind in _CONVERTED and i + 1 < len(quantities) and _restated_with_or(first, quantities[i + 1], text):
            last = i + 1
            first = replace(first, end=quantities[i + 1].end, text=text[first.start : quantities[i + 1].end])
        joined.append(first)
        i = last + 1
    return joined


_OR_LINK = re.compile(r",\s+or\s+")  # "nearly 26,000 acres, or about 40 square miles"
_PARTS_OF_A_UNIT = frozenset({"cents", "cent", "pence", "p", "penny"})  # "$5 million, or 20 cents a share": per share


def _restated_with_or(first: Quantity, second: Quantity, text: str) -> bool:
    """"26,000 acres, or about 40 square miles", "150 million kilometers, or 93 million miles": the same amount
    in another unit after ", or", one figure as a bracketed conversion is (tenth session). Same kind, another
    unit, and not a sum's share ("$5 million, or 20 cents a share") nor an alternative in the same unit
    ("$500, or $1,000")."""
    link = _OR_LINK.match(text, first.end)
    return (
        link is not None
        and link.end() == second.start
        and second.kind == first.kind
        and second.unit_or_counts.lower() != first.unit_or_counts.lower()
        and second.unit_or_counts.lower() not in _PARTS_OF_A_UNIT
    )


def candidates(
    sentences: Sequence[Sentence],
    skip: Collection[int] = (),
    language_code: str = "en",
    summary: Collection[int] = (),
    title: str = "",
) -> list[Candidate]:
    """Every figure a reader could use on its own, in article order, with its traits.

    `summary` holds the indices of the sentences the summary chose, `title` the article's title.
    """
    skipped = set(skip)
    # "Reading time: 2 minutes", "12 issues for £11.99", "Copyright © 2023": the page's, not the story's
    kept = [s for s in sentences if s.index not in skipped and s.text]
    last = sentences[-1].index if sentences else 0
    foot = last - max(_FOOT_SENTENCES, int(_FOOT_SHARE * last))
    found: list[Candidate] = []
    order: dict[float | None, int] = {}  # each value's place among the distinct numbers, in article order
    for position, sentence in enumerate(kept):
        if not _worth_scanning(sentence.text):
            continue  # `_chrome_line` refuses it whatever it holds: not worth the scan
        quantities = find_quantities(sentence.text, language_code)
        # Asked only of lines with numbers: the chrome patterns cost more than the scan of most lines.
        if not quantities or _chrome_line(sentence.text) or (sentence.index > foot and _BIO.search(sentence.text)):
            continue
        for quantity in _joined_conversions(_joined_ratios(quantities, sentence.text), sentence.text):
            quantity = _as_inches(quantity, sentence.text)
            counts = figure_counts(quantity, sentence.text, language_code)
            if not _worth_showing(quantity, counts, sentence.text):
                continue
            # A count that names nothing ("killing 13", "seven in 10 say") is shown with the words around it.
            quote = (
                quote_around(quantity, sentence.text)
                if quantity.kind in ("count", "ordinal") and not counts and _reads_as_a_number(quantity, sentence.text)
                else ""
            )
            weak = _is_weak_use(quantity, sentence.text, counts)
            if quantity.kind in ("count", "ordinal") and not counts and (not quote or weak):
                continue  # nothing to show, or it points back ("the two were", "one of")
            figure = Figure(
                text=_words_read_before(quantity, sentence.text, counts) + quantity.text,
                value=quantity.value,
                counts=counts,
                approximate=quantity.approximate,
                sentence=sentence.index,
                kind=quantity.kind,
                quote=quote,
            )
            traits = _traits(quantity, counts, sentence, weak)
            if quote:
                traits["quoted"] = 1.0
            place = None if quantity.kind == "date" else order.setdefault(quantity.value, len(order))
            found.append(Candidate(figure, position, quantity.start, traits, place))
    found = [c for c in found if not (c.figure.kind == "date" and "heading" in c.traits)]  # datelines, bylines
    mentions = Counter(c.figure.value for c in found if c.figure.value is not None)
    in_title = {q.value for q in find_quantities(title, language_code) if q.value is not None}
    chosen = set(summary)
    for candidate in found:
        value = candidate.figure.value
        if value is not None and mentions[value] > 1:
            candidate.traits["repeated"] = math.log2(mentions[value])
        if value is not None and value in in_title:
            candidate.traits["in_title"] = 1.0
        if candidate.figure.sentence in chosen:
            candidate.traits["in_summary"] = 1.0
    return found


def choose(found: Sequence[Candidate], limit: int, weights: RankWeights = WEIGHTS) -> list[Figure]:
    """The `limit` best-scored candidates, one per number and kind, in article order."""
    ranked = sorted(found, key=lambda c: (-score(c, weights), c.position, c.offset))  # ties: the earlier
    chosen: list[Candidate] = []
    seen: set[tuple[str, float | None, str]] = set()
    for candidate in ranked:
        key = _dedupe_key(candidate.figure)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(candidate)
        if len(chosen) >= limit:
            break
    chosen.sort(key=lambda c: (c.position, c.offset))
    return [c.figure for c in chosen]


def find_figures(
    sentences: Sequence[Sentence],
    limit: int = 6,
    skip: Collection[int] = (),
    language_code: str = "en",
    summary: Collection[int] = (),
    title: str = "",
) -> list[Figure]:
    """The few figures that matter most, returned in article order.

    `skip` holds sentence indices to ignore (chrome or headings the caller knows of);
    `language_code` is the article's ISO 639-1 code ("de": "1.200" is 1200, "3,5" is 3.5);
    `summary` (the indices of the summary's sentences) and `title` raise the figures they repeat.
    """
    if limit <= 0:
        return []
    return choose(candidates(sentences, skip, language_code, summary, title), limit)
