"""Checks on what a user sent, before extraction: refuse what cannot be an article, tame floods.

Every refusal is a `DigestError` whose message is one line for the user. Every
check is a single linear pass (or a bounded sample), so a hostile input costs
time in proportion to its size, which `max_input_chars` already bounds.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from bot.digest.models import DigestError
from bot.settings import DigestSettings

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Every match of _URL holds "://" or "www." in some case; under IGNORECASE no character but "w" and "W" matches "w"
# (unlike "s", "i" and "k"), so it holds "://" or one of these, each a plain substring.
_URL_CUES = ("://", "ww.", "WW.", "wW.", "Ww.")
_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters or more, in any script
# Characters that do not occur in text: controls other than whitespace, lone surrogates,
# private-use, unassigned code points, and the replacement character left by bad bytes.
_NOT_TEXT_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# The generic combining blocks that flood generators stack; script-specific marks
# (Devanagari, Thai, Hebrew points...) never stack deep in real text.
_DIACRITICS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TO_TAME = re.compile(rf"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff{_DIACRITICS}]")  # what the three passes below change
# A fenced block runs from a line opening with ``` or ~~~ to the next such line (or the end).
_FENCED = re.compile(r"^[ \t]{0,3}(```|~~~)[^\n]*\n(?:.*?\n)??[ \t]{0,3}\1[^\n]*$|^[ \t]{0,3}(?:```|~~~)[^\n]*\n.*\Z", re.MULTILINE | re.DOTALL)
_SAMPLE = 32_000  # characters sampled for the binary check, spread over the whole input (binary shows at once)
_MIN_ARTICLE_WORDS = 3  # fewer words than this beside links: the message was only links
_LINK_CHECK_CHARS = 100_000  # the words beside links are looked for in this many characters of the text without them


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE:
        return text
    step = len(text) // 8
    return "".join(text[i * step : i * step + _SAMPLE // 8] for i in range(8))


def not_text_share(text: str) -> float:
    """Share of characters that no text contains (binary data decoded as text is full of them)."""
    sample = _sample(text)
    if not sample:
        return 0.0
    # Judge each distinct character once (a page has a few hundred of them), count only the odd ones.
    odd = sum(
        sample.count(ch)
        for ch in set(sample)
        if ch == "\ufffd" or (ch not in _WHITESPACE_CONTROLS and unicodedata.category(ch) in _NOT_TEXT_CATEGORIES)
    )
    return odd / len(sample)


def looks_binary(data: bytes) -> bool:
    """Bytes that are a file format rather than text: NUL bytes near the start, as every common binary format has."""
    head = data[:8192]
    return b"\0" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff")))  # UTF-16 text has NULs too


def limit_combining_marks(text: str, limit: int) -> str:
    """Keep at most `limit` stacked diacritics on a character ("Zalgo" floods stack hundreds)."""
    if limit <= 0:
        return text
    runs = re.compile(f"([{_DIACRITICS}]{{{limit}}})[{_DIACRITICS}]+")
    return runs.sub(r"\1", text)


def _drop_code_blocks(text: str) -> str:
    """Markdown fenced code blocks are not prose to summarize; what is left must still hold words."""
    if "```" not in text and "~~~" not in text:
        return text
    kept = _FENCED.sub("\n\n", text)
    if not _WORD.search(kept):
        raise DigestError("That is only code, not an article to summarize.")
    return kept


def _words_beside_links(text: str, enough: int) -> int:
    """The words in the first `_LINK_CHECK_CHARS` characters of `text` with every link replaced by a space, counted
    up to `enough`. Gap by gap between the links, stopping at `enough`: a long text is not rewritten to find the
    three words that show it is more than links (a word never runs across a link's space)."""
    count = 0
    position = 0  # where the current gap starts in `text`
    offset = 0  # and in the text without links
    for link in itertools.chain(_URL.finditer(text), [None]):
        gap_end = link.start() if link is not None else len(text)
        room = _LINK_CHECK_CHARS - offset
        if room <= 0:
            break
        for _ in _WORD.finditer(text, position, min(gap_end, position + room)):
            count += 1
            if count >= enough:
                return count
        if link is None:
            break
        offset += gap_end - position + 1
        position = link.end()
    return count


# One HTML tag with thousands of attributes: libxml2 checks each new attribute against the tag's others and htmldate
# reads them all per candidate, so the cost grows with their square (40,000 on one <div>, 580 KB: 6.5 s; sixteenth
# session, bench/hostile.py). Real pages stay far below: at most 711 attribute-like names in one tag on the 1,678
# HTML pages of the shared data. Only a tag long enough to hold that many is counted.
MAX_TAG_ATTRIBUTES = 5_000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}" % (3 * MAX_TAG_ATTRIBUTES))  # " a=" is the shortest attribute
_ATTRIBUTE = re.compile(r"""\s[^\s=<>"']+\s*=""")


def crowded_tag(html: str) -> bool:
    """Whether one tag of `html` holds more than MAX_TAG_ATTRIBUTES attribute names (a name after white space, then
    "="): one linear pass over the tags, and a count only in tags long enough to hold that many (none on a page
    with fewer "=" in all)."""
    if html.count("=") <= MAX_TAG_ATTRIBUTES:
        return False
    return any(len(_ATTRIBUTE.findall(tag.group())) > MAX_TAG_ATTRIBUTES for tag in _LONG_TAG.finditer(html))


def may_hold_link(text: str) -> bool:
    """`_URL.search(text)`, the regex (IGNORECASE over the whole text: about 0.1 ms a paste) run only when `text` holds
    one of _URL_CUES (a substring scan each)."""
    return any(map(text.__contains__, _URL_CUES)) and _URL.search(text) is not None


def screen_text(text: str, kind: str, settings: DigestSettings) -> str:
    """The input, made safe to extract from; raises DigestError with a one-line reason when it cannot be an article."""
    if len(text) > settings.max_input_chars:
        raise DigestError(f"The input is too large (over {settings.max_input_chars:,} characters).")
    if not any(ch.isalnum() for ch in text):
        raise DigestError("There is no text to summarize.")
    if not_text_share(text) > settings.max_binary_share:
        raise DigestError("That looks like binary data, not text or a web page.")
    # Lone surrogates cannot be encoded for output, and NUL or control bytes upset the HTML parser.
    # One search tells whether any of the three passes has anything to do (on most pages none has).
    if _TO_TAME.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        text = _CONTROL.sub("", text)
        text = limit_combining_marks(text, settings.max_combining_marks)
    if kind == "html" and crowded_tag(text):
        raise DigestError(f"The page has a tag with over {MAX_TAG_ATTRIBUTES:,} attributes; it cannot be read in bounded time.")
    if kind == "text":
        text = _drop_code_blocks(text)
        if may_hold_link(text) and _words_beside_links(text, _MIN_ARTICLE_WORDS) < _MIN_ARTICLE_WORDS:
            raise DigestError("That is only links, no article text: give a link itself as the source and its page is read.")
    if not _WORD.search(text):
        raise DigestError("There are no words to summarize in what was sent.")
    return text
