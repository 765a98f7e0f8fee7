"""A digest of a conversation: its most informative messages, quoted verbatim, in time order.

Plain data in and out, no Discord: the bot gathers the messages (leaving out
bots, commands and members who opted out) and renders the quotes. The choice of
messages (`pick_messages`) is a greedy weighted coverage: a word counts for more
the more messages use it (the conversation's topics), each pick is the message
that adds the most not-yet-covered weight for its length, so a second message
saying the same thing loses to one that adds something. Figures and hedged
claims are marked in each quote as in an article digest.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from bot.digest.figures.figure_finder import find_figures
from bot.digest.front_rules import count_words
from bot.digest.hedges.hedge_marker import mark_hedge
from bot.digest.language.language_detector import detect_language, language_for
from bot.digest.models import DigestError, Figure, Hedge, Language, Sentence
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.segment.sumy_adapter import stemmer_for, stop_words, words
from bot.settings import DigestSettings

MIN_CONTENT_WORDS = 3  # "ok", "lol thanks": never quoted
QUOTE_CHARS = 300  # a longer message is cut at a sentence end within this
ONCE_WEIGHT = 0.5  # a word used in one message only still says something
LENGTH_POWER = 0.5  # gain / words**LENGTH_POWER: long messages cover more, but not for free
ELLIPSIS = "…"


@dataclass(frozen=True)
class ChatMessage:
    """One message of a conversation, as the front read it."""

    message_id: int
    author_id: int
    author_name: str  # the display name, shown as text
    text: str
    link: str = ""  # where to jump to it


@dataclass(frozen=True)
class QuotedMessage:
    message: ChatMessage
    quote: str  # verbatim, shortened at a sentence end when long
    shortened: bool
    figures: list[Figure] = field(default_factory=list)
    hedge: Hedge | None = None


@dataclass(frozen=True)
class ConversationDigest:
    quotes: list[QuotedMessage]  # in time order
    messages_in: int
    words_in: int
    words_out: int
    language: str | None = None


def content_words(text: str, stop: frozenset[str], stem: Callable[[str], str]) -> set[str]:
    """The stems of a text's words that carry meaning (no stop words, no bare numbers or links)."""
    found = set()
    for word in words(text):
        lower = word.lower()
        if len(lower) < 2 or lower in stop or lower.isdigit() or lower in ("http", "https", "www"):
            continue
        found.add(stem(lower))
    return found


def pick_messages(bags: Sequence[set[str]], count: int, length_power: float = LENGTH_POWER) -> list[int]:
    """Indices of the `count` most informative messages (by their content words), in time order."""
    frequency = Counter(word for bag in bags for word in bag)
    weight = {w: (math.log(1 + n) if n > 1 else ONCE_WEIGHT) for w, n in frequency.items()}
    candidates = [i for i, bag in enumerate(bags) if len(bag) >= MIN_CONTENT_WORDS]
    covered: set[str] = set()
    chosen: list[int] = []
    while candidates and len(chosen) < count:
        def gain(i: int) -> float:
            return sum(weight[w] for w in bags[i] - covered) / len(bags[i]) ** length_power

        best = max(candidates, key=lambda i: (gain(i), -i))
        if gain(best) <= 0:
            break
        chosen.append(best)
        covered |= bags[best]
        candidates.remove(best)
    return sorted(chosen)


def shorten_quote(text: str, language_code: str, limit: int = QUOTE_CHARS) -> tuple[str, bool]:
    """The message as written, or its first sentences within `limit` (a word cut when even one is longer)."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    kept = ""
    for sentence in split_sentences(text, language_code):
        candidate = f"{kept} {sentence.text}".strip()
        if len(candidate) > limit - len(ELLIPSIS):
            break
        kept = candidate
    if not kept:
        cut = text[: limit - len(ELLIPSIS)]
        kept = cut[: cut.rfind(" ")] if cut.rfind(" ") > limit // 2 else cut
    return kept.rstrip() + ELLIPSIS, True


def _language(texts: Sequence[str]) -> Language:
    try:
        return detect_language(" ".join(texts)[:5000])
    except DigestError:
        return language_for("en")


def auto_count(messages: int, settings: DigestSettings) -> int:
    """Quotes for a conversation of `messages` messages: one per eight, within the digest's range."""
    return max(settings.min_sentences, min(settings.max_sentences, messages // 8))


def digest_conversation(
    messages: Sequence[ChatMessage], settings: DigestSettings, count: int | None = None
) -> ConversationDigest:
    """Quote the most informative of `messages` (oldest first), with their figures and hedges marked."""
    texts = [m.text for m in messages]
    language = _language(texts)
    stop = stop_words(language)
    stem = stemmer_for(language)
    bags = [content_words(t, stop, stem) for t in texts]
    wanted = count if count is not None else auto_count(len(messages), settings)
    quotes = []
    for position in pick_messages(bags, wanted):
        message = messages[position]
        quote, shortened = shorten_quote(message.text, language.code)
        sentences = [Sentence(index=0, text=quote, paragraph=0)]
        figures = find_figures(sentences, limit=2, language_code=language.code)
        quotes.append(QuotedMessage(message, quote, shortened, figures, mark_hedge(quote, language.code)))
    return ConversationDigest(
        quotes=quotes,
        messages_in=len(messages),
        words_in=sum(count_words(t) for t in texts),
        words_out=sum(count_words(q.quote) for q in quotes),
        language=language.code,
    )
