"""The rules both fronts (the command line and the bot) share, in one place.

What counts as a link, how many summary sentences a user may ask for, how many
bytes an input may have, which hedged claims are listed, how words are
counted, how a summary sentence shows as a bullet, and how the saving is told. The pipeline applies the same sentence cap and word count. Light on
purpose: it imports no heavy library, so `python -m bot --help` stays quick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.digest.models import Digest, MarkedSentence, Stats
    from bot.settings import DigestSettings

MIN_SENTENCES = 1
MAX_SENTENCES = 20  # an upper bound on what a user may ask for
SENTENCE_RANGE = f"{MIN_SENTENCES} to {MAX_SENTENCES}"

# Chinese and Japanese put no spaces between words: each ideograph or kana counts as a word.
CJK_CHARACTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{CJK_CHARACTERS}]|[^\W{CJK_CHARACTERS}]+")

# A link as Discord auto-links it; angle brackets (no preview) are allowed around it.
URL_IN_TEXT = re.compile(r"<?(https?://[^\s<>|]+[^\s<>|.,;:!?'\")\]])>?", re.IGNORECASE)
_SUPPRESSED_URL = re.compile(r"<(https?://[^\s<>]+)>", re.IGNORECASE)
# A link with a short remark around it ("have a look at this") is still a link.
MAX_WORDS_BESIDE_LINK = 12
# Something that looks like a web address without its scheme: "example.com/article", "www.bbc.co.uk".
_BARE_ADDRESS = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?(?:/\S*)?$", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)


# In ASCII text `_WORD` finds the runs of [A-Za-z0-9_]: bytes.translate marks them and split() counts them,
# a quarter of the regex's time on a long text (`count_words_by_regex` is the reference the tests compare).
_ASCII_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_ASCII_RUNS = bytes(ord("a") if i in _ASCII_WORD_BYTES else ord(" ") for i in range(256))


# A word character outside ASCII. A text with none (most pastes: ASCII but for curly quotes, dashes, no-break
# spaces) has only non-word characters outside ASCII, and no CJK: its words are the ASCII runs between them.
# The ASCII range stands first in the class: re tests a set's members in order, so an ASCII character (most of a
# text) is settled by the range without the word-category look-up (the same set; a third of the time on pastes).
_NON_ASCII_WORD_CHARACTER = re.compile(r"[^\x00-\x7f\W]")


def count_words(text: str) -> int:
    """Words as the digest counts them, in any script (an ideograph or kana is one word)."""
    if text.isascii():
        return len(text.encode("ascii").translate(_ASCII_RUNS).split())
    if _NON_ASCII_WORD_CHARACTER.search(text) is None:  # each other character becomes "?", which ends a word
        return len(text.encode("ascii", "replace").translate(_ASCII_RUNS).split())
    return count_words_by_regex(text)


def count_words_by_regex(text: str) -> int:
    """`count_words` by the word regex alone."""
    return len(_WORD.findall(text))


def long_enough(text: str, settings: DigestSettings) -> bool:
    """Whether a text has the words of an article (`min_words`), counted as the pipeline counts them."""
    return count_words(text) >= settings.min_words


def links_in(text: str, include_suppressed: bool = True) -> list[str]:
    """Links in order of appearance, without duplicates; `<link>` (no preview wanted) only when asked."""
    suppressed = {m.group(1) for m in _SUPPRESSED_URL.finditer(text)}
    found: list[str] = []
    for match in URL_IN_TEXT.finditer(text):
        url = match.group(1)
        if not include_suppressed and (url in suppressed or match.group(0).startswith("<")):
            continue
        if url not in found:
            found.append(url)
    return found


def link_request(text: str) -> str | None:
    """The link `text` asks for: its first link when the text is essentially a link (at most
    `MAX_WORDS_BESIDE_LINK` other words), else None (the text is an article itself)."""
    links = links_in(text)
    if not links:
        return None
    if count_words(URL_IN_TEXT.sub(" ", text)) > MAX_WORDS_BESIDE_LINK:
        return None
    return links[0]


def scheme_problem(source: str) -> str | None:
    """Why an address with another scheme (ftp://, file://), or a scheme and no site ("https://"), cannot be
    read, or None."""
    scheme = _SCHEME.match(source.strip())
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return f"only http:// and https:// links can be read, not {scheme.group(1).lower()}://"
    if scheme and not source.strip()[scheme.end():].strip("/"):  # "https://" alone was "unsupported file type"
        return "that link is not a valid web address: it names no site"
    return None


def looks_like_address(source: str) -> bool:
    """A web address written without its scheme ("example.com/article", "www.bbc.co.uk")."""
    return bool(_BARE_ADDRESS.match(source.strip()))


def sentence_count_problem(count: int) -> str | None:
    """Why a requested summary length cannot be used, or None."""
    if MIN_SENTENCES <= count <= MAX_SENTENCES:
        return None
    return f"the number of sentences must be from {SENTENCE_RANGE}"


def input_byte_limit(settings: DigestSettings) -> int:
    """The most bytes read from a file, standard input or an attachment: a UTF-8 character takes
    at most four, so no input within `max_input_chars` is cut short."""
    return settings.max_input_chars * 4


def saving_phrases(stats: Stats) -> list[str]:
    """What the digest spares the reader, for the stats line: ["95% shorter", "about 3.2 min saved"].

    A short article whose summary holds (nearly) all of it is said to be so, rather than "0% shorter,
    about 0.0 min saved"; a saving under a tenth of a minute is not mentioned."""
    if not stats.words_in:
        return []
    if round(stats.reduction * 100) <= 0:
        return ["the summary is the whole article"]
    phrases = [f"{stats.reduction:.0%} shorter"]
    if round(stats.minutes_saved, 1) > 0:
        phrases.append(f"about {stats.minutes_saved:.1f} min saved")
    return phrases


@dataclass(frozen=True)
class HedgeListing:
    """The hedged claims a front lists beside the summary, and how many more the article has."""

    shown: list[MarkedSentence]
    more: int

    def more_line(self) -> str:
        """"…and 3 more hedged claims": what a reader is told about the claims not listed."""
        if not self.more:
            return ""
        return f"…and {self.more} more hedged claim{'s' if self.more != 1 else ''}"


def hedges_to_list(digest: Digest, settings: DigestSettings) -> HedgeListing:
    """The claims a reader most needs to see (hedged and conditional first), at most `max_hedges`,
    leaving out those already marked in the summary; `more` counts the rest."""
    in_summary = {s.index for s in digest.summary}
    elsewhere = [h for h in digest.hedges if h.index not in in_summary]
    rank = {"hedged": 0, "conditional": 1, "attributed": 2}
    picked = sorted(elsewhere, key=lambda h: (rank.get(h.kind, 3), h.index))[: max(0, settings.max_hedges)]
    return HedgeListing(shown=sorted(picked, key=lambda h: h.index), more=len(elsewhere) - len(picked))


LIST_SYMBOLS = "-–—*•·▪◦‣∙●○■□►▸➤✓✔"  # the marks a list item starts with (a dash, a bullet, an arrow, a tick)
_BULLET_SYMBOL = re.compile(rf"^\s*[{LIST_SYMBOLS}]\s+(?=\S)")


def shown_text(text: str) -> str:
    """A summary sentence as a bullet shows it: a list item's symbol ("- Body: Alder", as the extraction writes an
    `<li>`) left out, since the renderers put their own bullet before it and the page shows no dash. Numbers and
    letters that number items stay: they are words of the list."""
    return _BULLET_SYMBOL.sub("", text, count=1)
