"""Sentences a reader would not accept as a summary bullet whatever their evidence: code, pieces begun midway, and
the ".gov" site banner.

The summarizer passes over these (`summarizer.summarize`) as it passes over the pipeline's `skip`, without
changing any candidate's features, rank or score (the shipped model is fitted on the candidates as they are).
Both rules read a sentence's form only, and were chosen on the tune part of the sweep's documents
(bench/sweep3_study.py, docs/quality/sweep.md, thirteenth session):

- code or a log (`is_code`): a Python traceback or a line opening with an exception's class, a JSON object's
  key-value pairs, a statement that ends with ";", "{" or "}", or an assignment to a name
  ("name = name.listAppend( ... );"). Prose that names a function ("See systemd.unit(5) for details.") is none
  of these.
- a piece begun midway (`begins_midway`): it opens with a closing mark (", the IPPR also asks ..."), or with a
  lower-case word (no capital and no underscore in it, so "iPhone", "eBay" and "first_name" open sentences)
  right after a cut: at the start of the text (a drop cap lost in a paste, "here are a million ..."), or after a
  line that ends without a stop (a line wrapped, or an inline element cut from its line by the extraction:
  "Embrace the convenience of a mobile tax office" / "with our comprehensive web-based software package.").
  A heading in title case, a line of its own, is no cut ("Workers" / "celery can also be used ..."); a title-case
  word at the end of a line after a full sentence is ("... riders like you. Share" / "what you know about this
  area!": an inline link cut from its line, fourteenth session). A lower-case word after a full sentence ("nginx
  has one master process ...") is left alone, but for a stop that ends a unit abbreviated after a number ("18 kt."
  / "gold plated sterling silver", "$49.91 /mo." / "per month for 12 mo. ...": the splitter's cut, fifteenth
  session). Not taken, as they cost CNN/BBC tune ROUGE:
  a lower-case conjunction after a stop ("by Edward Albee, ..." after a play's title ending in "?"), and a piece
  after a stop glued to the next word (".travel net domains" split at its dot, the sweep's ".gov website").
- the ".gov" site banner (`is_gov_banner`, fourteenth session): its pieces by their wording, not by the glued stop.
- a second copy of a sentence (`repeats_earlier`, fourteenth session).
- what a reader of shop, listing and help pages notices (sixteenth session, docs/quality/sweep.md): a question heading
  (`is_question_heading`), a sentence cut at a unit's dot (`is_cut_at_unit`), a teaser cut short (`is_teaser`), a menu
  read as one sentence (`is_menu_run`), a shop's price row (`is_price_row`); each left CNN and BBC train+dev unchanged
  or better.
- what a reader of article digests notices (seventeenth session, docs/quality/sweep.md): a pronoun right after a section's
  heading, pointing back at it (`leans_on_heading`), and a sentence glued to the page's "Updated: <date>" line
  (`opens_with_published_line`); both left CNN and BBC train+dev unchanged. Passing over a quotation and its
  speaker's tag the splitter cut apart was tried (bench/sweep8_study.py) and cost CNN ROUGE.
- what a reader of 60 tune digests of every kind notices (eighteenth session, docs/quality/sweep.md): a teaser cut with
  "[…]" (`is_bracketed_cut`; CNN and BBC train+dev unchanged). Passing over a pronoun-opened bullet whose sentence before
  is not among the bullets chosen so far, and a numbered question, cost CNN or BBC ROUGE (bench/sweep9_study.py).
"""

from __future__ import annotations

import re
from typing import Sequence

from bot.digest.extract.paste.features import search_with_cues
from bot.digest.models import Sentence

# -- code ------------------------------------------------------------------------------------------------------
# a Python traceback, or a log line opening with an exception's class ("RuntimeError: Detected that ...")
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|\bFile \"[^\"]+\", line \d+|^\s*[A-Z]\w+(?:Error|Exception):\s")
_JSON_PAIR = re.compile(r"[\"'][\w.-]+[\"']\s*:\s*[\"'\[{\d]")  # "rType":"sort"
JSON_PAIRS = 2  # key-value pairs that make a sentence a JSON object rather than a quote with a colon
_STATEMENT_END = re.compile(r"[;{}]\s*$")
_ASSIGNMENT = re.compile(r"^\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\])*\s*(?:[-+*/|&]?=)(?!=)\s*\S")


def is_code(text: str) -> bool:
    """A line of code or of a log, by its form (see the module's docstring)."""
    return bool(
        _TRACEBACK.search(text)
        or len(_JSON_PAIR.findall(text)) >= JSON_PAIRS
        or _STATEMENT_END.search(text)
        or _ASSIGNMENT.match(text)
    )


# -- pieces begun midway ---------------------------------------------------------------------------------------
_OPENING = "\"'“‘«(["
_CLOSING = "\"'”’»)]"
_STOPS = ".!?…。！？"
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"(?<![\w/-])[^\W\d_]+")  # a word standing on its own ("inspect/control" holds none)
_CONTINUING = ",;)]}»”’"
# A unit abbreviated after a number ("18 kt.", "$49.91 /mo."): the splitter ends a sentence at its dot, so a lower-case
# piece after it is the same line's rest ("18 kt." / "gold plated sterling silver, ...", fifteenth session).
_ABBREVIATED_UNIT_END = re.compile(r"\d\s?/?[^\W\d_]{1,3}\.$")


def opens_lower_case(text: str) -> bool:
    """The first word (an opening quote or bracket aside) starts with a lower-case letter and holds no capital
    and no underscore."""
    stripped = text.lstrip().lstrip(_OPENING)
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    # an identifier ("first_name and last_name are fields", a user's handle) is a name, not a word cut from its line
    return bool(first) and first[0].islower() and not any(ch.isupper() or ch == "_" for ch in first)


def ends_without_stop(text: str) -> bool:
    """The sentence (its closing quotes and brackets aside) does not end on a stop: a line wrapped or cut."""
    last = text.rstrip().rstrip(_CLOSING)[-1:]
    return last not in _STOPS or not last


def opens_with_closing_mark(text: str) -> bool:
    """The sentence opens with a mark that closes or continues something (", and", "), which"): its start was cut."""
    first = text.lstrip()[:1]
    return bool(first) and first in _CONTINUING  # ("" is in every string)


def begins_midway(sentences: Sequence[Sentence], position: int) -> bool:
    """Whether `sentences[position]` is a piece begun midway (see the module's docstring)."""
    text = sentences[position].text
    if opens_with_closing_mark(text):
        return True
    if not opens_lower_case(text):
        return False
    if position == 0:
        return True
    before = sentences[position - 1]
    if _ABBREVIATED_UNIT_END.search(before.text.rstrip()):
        return True
    # A title-case heading is a line of its own; a title-case word left at the end of a line after a full
    # sentence ("... riders like you. Share" / "what you know about this area!") is an inline link cut from it.
    return ends_without_stop(before.text) and not (before.is_heading and title_cased(before.text))


def title_cased(text: str) -> bool:
    """A heading in title case ("Management Command-line Utilities (inspect/control)", "Overview"): every word of
    four letters or more opens with a capital. Documentation puts a lower-case command after one ("celery can
    also be used ..."); a line cut short rarely reads so ("Embrace the convenience of a mobile tax office")."""
    long_words = [word for word in _WORD.findall(_BRACKETED.sub(" ", text)) if len(word) >= 4]  # "(inspect/control)" aside
    return bool(long_words) and all(word[0].isupper() for word in long_words)


# -- site notices ----------------------------------------------------------------------------------------------
# The United States government's site banner ("An official website of the United States government Here's how you
# know", "Official websites use .gov", "A .gov website belongs to an official government organization ...",
# "Secure .gov websites use HTTPS", "Share sensitive information only on official, secure websites."), whole or in
# the pieces the splitter leaves of it (pysbd splits at ".gov": "Official websites use .", "gov A .", "gov website
# belongs to ..."). By its form: ".gov" or ".mil" standing alone (a site's address, "healthcare.gov", is no
# banner), a piece opening with the lower-case "gov" of a split ".gov", and the banner's three fixed sentences.
# None of the CNN Corpus's or the BBC corpus's articles holds any of these.
_GOV_BANNER = re.compile(
    r"(?:^|\s)\.(?:gov|mil)\b|^(?-i:gov)\b|^official websites use\b"
    r"|\bofficial website of the United States government\b|\bshare sensitive information only on official\b",
    re.IGNORECASE,
)


# What a plain text (`is_plain`), lower-cased, holds where _GOV_BANNER matches it but at its case-sensitive "gov" start:
# ".gov" or ".mil", or "official website" (two branches), or the last branch's first words.
_GOV_BANNER_CUES = (".gov", ".mil", "official website", "share sensitive")


def is_gov_banner(text: str) -> bool:
    """A sentence of the ".gov" site banner, or a piece of one (see `_GOV_BANNER`). The regex (IGNORECASE, tried at
    every position of the sentence) runs only on a text that starts with "gov", is not plain, or holds a cue."""
    stripped = text.lstrip()
    if stripped.startswith("gov"):
        return bool(_GOV_BANNER.search(stripped))
    return search_with_cues(_GOV_BANNER, _GOV_BANNER_CUES, stripped)


# -- repeats ---------------------------------------------------------------------------------------------------
def repeats_earlier(sentences: Sequence[Sentence], position: int) -> bool:
    """The sentence stands word for word earlier in the text (a page's line shown twice, "MTB Project is built by
    riders like you."): the summarizer's redundancy term keeps a second copy out only while the first is chosen and
    other candidates remain, so a short page's summary could show the same sentence twice."""
    text = sentences[position].text.strip()
    return any(sentences[i].text.strip() == text for i in range(position))


# -- what a reader of a shop's, a forum's or a help page's digest notices (sixteenth session, sweep7) -------------
# A question alone on its line is a heading or a widget's prompt when it is in title case ("What Is Video Production?")
# or this short ("How do I choose?"). A longer one in sentence case is left: news explainers ask "How does the Higgs
# boson work?" in a paragraph of its own, and the CNN Corpus's tune summaries hold such questions' words (passing over
# every question of 8 words or fewer alone on its line changed 7 CNN train+dev summaries, ROUGE-1 -0.0063).
QUESTION_HEADING_WORDS, QUESTION_PROMPT_WORDS = 8, 5
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")
# A teaser the site cut short: "... to battle through the highest levels of opposition and emerge...", "Noir +...".
_TEASER_END = re.compile(r"[\w+)]\s?(?:\.\.\.|…)[\"'”’)]*$")
# A unit abbreviated after a number that the splitter ended a sentence at, in the middle of a line: "Includes a 72 oz."
# / "pitcher ...", "Our fan-favorite Rambler® 20 oz." / "Tumbler is made from ...". Units a sentence rarely ends on;
# not "m" or "bn" ("cost £5m."), not "in" ("won 2-1 in.").
_CUT_UNIT_END = re.compile(r"\d\s?(?:oz|lbs?|ft|sq|fl|qts?|pts?|gal|ct|kt|pcs?)\.$", re.IGNORECASE)
# A menu or a row of cards read as one sentence: many words, most capitalised, hardly a comma.
MENU_RUN_WORDS, MENU_RUN_CAPITALISED, MENU_RUN_WORDS_PER_MARK = 40, 0.5, 15
_PRICE = re.compile(r"[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:€|\$|USD|EUR|GBP)(?!\w)")
# A shop card's or price table's words beside a price ("Sale price: $24.50Original price: $35.00Limited Time!",
# "Brand New $10.00 Free international shipping Only 1 left!").
_SHOP_WORDS = re.compile(
    r"\b(?:free (?:international )?shipping|sale price|original price|current price|regular price|list price|best offer|"
    r"only \d+ left|add to (?:cart|bag|basket)|out of stock|sold out|limited time!|price reduced)",
    re.IGNORECASE,
)


def is_question_heading(sentences: Sequence[Sentence], position: int) -> bool:
    """A question standing alone on its line, in title case and of at most QUESTION_HEADING_WORDS words, or of at most
    QUESTION_PROMPT_WORDS: a section's heading ("What Is Video Production?", "What is machine learning?") or a widget's
    prompt ("How do I choose?", "Need help choosing gear?"). It asks; the page's answer follows it."""
    sentence = sentences[position]
    words = len(_WORD.findall(sentence.text))
    if not _QUESTION_END.search(sentence.text.rstrip()) or words > QUESTION_HEADING_WORDS:
        return False
    if words > QUESTION_PROMPT_WORDS and not title_cased(sentence.text):
        return False
    alone_before = position == 0 or sentences[position - 1].paragraph != sentence.paragraph
    alone_after = position + 1 == len(sentences) or sentences[position + 1].paragraph != sentence.paragraph
    return alone_before and alone_after


def is_cut_at_unit(sentences: Sequence[Sentence], position: int) -> bool:
    """A sentence ending on a unit abbreviated after a number, or the piece after one on the same line: one sentence
    the splitter cut in two (`_CUT_UNIT_END`)."""
    if _CUT_UNIT_END.search(sentences[position].text.rstrip()):
        return True
    before = sentences[position - 1] if position else None
    return before is not None and before.paragraph == sentences[position].paragraph and bool(_CUT_UNIT_END.search(before.text.rstrip()))


def is_menu_run(text: str) -> bool:
    """A menu or a row of cards the extraction left as one line (`MENU_RUN_*`): "Skip to main content Skip to navigation
    Support the Guardian ...", "Shop by category Antiques Art Coins & Paper Money ..."."""
    words = text.split()
    return (
        len(words) >= MENU_RUN_WORDS
        and sum(1 for word in words if word[:1].isupper()) >= MENU_RUN_CAPITALISED * len(words)
        and len(re.findall(r"[,;:]", text)) * MENU_RUN_WORDS_PER_MARK <= len(words)
    )


def is_price_row(text: str) -> bool:
    """A shop card's or a price table's row: a price and a shop's words (`_SHOP_WORDS`)."""
    return bool(_PRICE.search(text)) and bool(_SHOP_WORDS.search(text))


def is_teaser(text: str) -> bool:
    """A teaser the site cut short with "..." or "…" right after a word."""
    return bool(_TEASER_END.search(text.rstrip()))


def unfit(sentences: Sequence[Sentence], position: int) -> bool:
    """A sentence no summary should show: code, a piece begun midway, the ".gov" site banner, a second copy, a question
    that heads a section, a sentence cut at a unit's dot, a teaser cut short (with "..." or "[…]"), a menu or a shop's price
    row."""
    text = sentences[position].text
    return (
        is_code(text) or begins_midway(sentences, position) or is_gov_banner(text) or repeats_earlier(sentences, position)
        or is_question_heading(sentences, position) or is_cut_at_unit(sentences, position) or is_teaser(text)
        or is_menu_run(text) or is_price_row(text) or leans_on_heading(sentences, position) or opens_with_published_line(text)
        or is_bracketed_cut(text)
    )


# -- a sentence that leans on a heading the bullet does not show (seventeenth session, sweep8) ---------------------------
# A personal pronoun opening a sentence ("They can handle high to low light ...", "It adapts well to low light ...") or a
# demonstrative standing for what came before ("This is one of the first things ..."); "It is important to ..." and
# "It's been a big year ..." point at nothing before them. A demonstrative before its noun ("This guide breaks down
# ...") names what it points at.
_LEANING_OPENING = re.compile(
    r"^[\"“]?(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b(?!-)"
    r"|^[\"“]?(?:This|That|These|Those)\s+(?:is|was|are|were|isn[’']t|wasn[’']t|aren[’']t|has|had|have|means|meant|makes|made|"
    r"can|could|will|would|may|might|should|comes|came|includes|included|does|did|became|becomes|led|leads|shows|showed|"
    r"allows|gives|gave|helps|happens|happened)\b"
)
_EMPTY_IT = re.compile(
    r"^[\"“]?It(?:[’']s| is| was| has been| will be)\s+(?:\w+\s+){0,3}?(?:to|that|when|if|time)\b|^[\"“]?It[’']s been\b"
    r"|^[\"“]?It (?:seems|seemed|appears|appeared)\b"
)


def opens_leaning(text: str) -> bool:
    """The sentence opens with a pronoun that points back at something before it (`_LEANING_OPENING`, not an empty "it")."""
    text = text.lstrip()
    return bool(_LEANING_OPENING.match(text)) and not _EMPTY_IT.match(text)


def leans_on_heading(sentences: Sequence[Sentence], position: int) -> bool:
    """A sentence right after a section's heading that opens with a pronoun pointing back (`opens_leaning`): what it points
    at is the heading, which a bullet does not show ("Pothos" / "They can handle high to low light and even clean the air
    indoors."). After the title line that opens the text, the pronoun points at the page ("These are the best ..."), and
    is left. Passing over every paragraph that opens so cost CNN Corpus ROUGE (docs/quality/sweep.md, seventeenth session)."""
    if position == 0 or not sentences[position - 1].is_heading or not opens_leaning(sentences[position].text):
        return False
    return any(not sentences[i].is_heading for i in range(position - 1))


# -- a "published" line glued to a sentence (seventeenth session, sweep8) ------------------------------------------
# A page's "Updated: December 9, 2024" or "Published on 09/10/2025" glued to the sentence after it.
_PUBLISHED_OPENING = re.compile(
    r"^\W*(?:updated|published|posted|last modified)(?: on)?:?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)


def opens_with_published_line(text: str) -> bool:
    """A sentence opening with the page's "Updated: <date>" or "Published on <date>" (a byline line glued to it)."""
    return bool(_PUBLISHED_OPENING.match(text))


# -- a teaser cut with "[…]" (eighteenth session, sweep9) -----------------------------------------
# A site's excerpt cut short with a bracketed ellipsis ("We'll start by chatting about why we group items […]"), which
# `is_teaser` (an ellipsis right after a word) does not read.
_BRACKETED_CUT_END = re.compile(r"\[\s*(?:…|\.{2,})\s*\][\"'”’)]*$")


def is_bracketed_cut(text: str) -> bool:
    """A teaser the site cut short with "[…]" or "[...]" at its end."""
    return bool(_BRACKETED_CUT_END.search(text.rstrip()))

