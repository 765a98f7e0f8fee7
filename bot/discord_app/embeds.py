"""A digest as Discord embeds, within Discord's limits, safe to show anything an article says.

Article text is escaped (no forged formatting or masked links, no mentions),
bullets link to their sentence in the page with a text fragment, and whatever
does not fit is cut at a sentence boundary, never mid-word.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

import discord

from bot.digest.front_rules import HedgeListing, hedges_to_list, saving_phrases, shown_text
from bot.digest.conversation import ConversationDigest, QuotedMessage
from bot.digest.models import Digest, Figure, Hedge, SummarySentence
from bot.settings import DigestSettings

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000
TITLE_IN_ERROR_LIMIT = 120  # a page title named in a one-line error answer

EMBED_COLOUR = discord.Colour(0x4F7CAC)
HEDGE_LABELS = {"hedged": "hedged", "conditional": "conditional", "attributed": "attributed"}
ELLIPSIS = "…"

_LINK = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)
# Inline markup, masked links, and `<...>` (mentions, channels, custom emoji, timestamps).
_MARKDOWN = re.compile(r"([\\*_~|`\[\]<])")
# Markup that only counts at the start of a line: headings, lists, quotes.
_LINE_START_MARKUP = re.compile(r"^(\s*)(#{1,3}|-#|[-+>]|\d+\.)(?=\s)", re.MULTILINE)
_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_FRAGMENT_WORDS = 4  # words at each end of a long sentence in a text fragment


def escape(text: str) -> str:
    """Article text shown verbatim: markdown and mention syntax neutralised, links kept whole."""
    parts: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        parts.append(_escape_plain(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_escape_plain(text[position:]))
    escaped = "".join(parts)
    escaped = _LINE_START_MARKUP.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return _MASS_MENTION.sub("@\u200b\\1", escaped)


def _escape_plain(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)


def no_preview(url: str) -> str:
    """A link in the bot's own text, wrapped so Discord adds no preview of its own."""
    return f"<{url}>"


def wrap_links(text: str) -> str:
    """Every bare link in `text` wrapped in angle brackets (no previews under the bot's answers)."""
    return re.sub(r"(?<!<)(https?://[^\s<>]+)", r"<\1>", text)


def cut_at_word(text: str, limit: int) -> str:
    """`text` shortened to `limit` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    room = max(0, limit - len(ELLIPSIS))
    cut = text[:room]
    space = cut.rfind(" ")
    if space > room // 2:
        cut = cut[:space]
    cut = cut.rstrip(" \\,;:")  # never leave a dangling escape
    return cut + ELLIPSIS


def _fragment_part(text: str) -> str:
    # Text-fragment syntax reserves '-', ',' and '&'; quote() leaves '-' alone.
    return quote(text, safe="").replace("-", "%2D")


def text_fragment_link(url: str, sentence: str) -> str:
    """`url` scrolled to `sentence` and highlighted: `#:~:text=start,end` for long sentences."""
    words = sentence.split()
    if len(words) <= 2 * _FRAGMENT_WORDS:
        directive = _fragment_part(" ".join(words))
    else:
        start = " ".join(words[:_FRAGMENT_WORDS])
        end = " ".join(words[-_FRAGMENT_WORDS:])
        directive = f"{_fragment_part(start)},{_fragment_part(end)}"
    scheme, netloc, path, query, _fragment = urlsplit(url)
    # Parentheses would end a markdown link early.
    base = urlunsplit((scheme, netloc, path, query, "")).replace("(", "%28").replace(")", "%29")
    return f"{base}#:~:text={directive}"


def _emphasise_cues(escaped: str, cues: tuple[str, ...]) -> str:
    for cue in sorted(set(cues), key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w*])({re.escape(_escape_plain(cue))})(?![\w*])", re.IGNORECASE)
        escaped = pattern.sub(r"**\1**", escaped, count=1)
    return escaped


def _hedge_suffix(hedge: Hedge) -> str:
    """" *(hedged: may)*", or the kind alone when no word of the sentence is shown as its cue."""
    label = HEDGE_LABELS.get(hedge.kind, hedge.kind)
    return f" *({label}: {escape(', '.join(hedge.cues))})*" if hedge.cues else f" *({label})*"


def summary_bullet(sentence: SummarySentence, url: str | None, limit: int = DESCRIPTION_LIMIT) -> str:
    """One bullet: the sentence (cue words bold when hedged), its hedge label, and a link to it in the page."""
    prefix = "• "
    suffix = ""
    if sentence.hedge is not None:
        prefix = "• ⚠️ "
        suffix += _hedge_suffix(sentence.hedge)
    elif sentence.soft_cues:  # hedge words not counted as uncertain: named lightly, no warning sign
        suffix += f" *(cue: {escape(', '.join(sentence.soft_cues))})*"
    if url:
        suffix += f" [↗]({text_fragment_link(url, shown_text(sentence.text))})"
    room = limit - len(prefix) - len(suffix)
    text = escape(shown_text(sentence.text))
    if len(text) > room:
        text = cut_at_word(text, room)
    elif sentence.hedge is not None:
        emphasised = _emphasise_cues(text, sentence.hedge.cues)
        if len(emphasised) <= room:
            text = emphasised
    return prefix + text + suffix


def figure_line(figure: Figure) -> str:
    shown = figure.counts_shown()  # "224" needs its "people"; "about 16 months" says it already
    counts = f" {escape(shown)}" if shown else ""
    if figure.quote:  # nothing names what it counts: the words around it say it
        counts = f" — “{escape(figure.quote)}”"
    approx = " (approx.)" if figure.approximate else ""
    return f"• **{escape(figure.text)}**{counts}{approx}"


def _lines_within(lines: list[str], limit: int) -> str:
    """Whole lines, in order, while they fit in `limit` characters."""
    kept: list[str] = []
    used = 0
    for line in lines:
        line = cut_at_word(line, limit) if not kept else line
        extra = len(line) + (1 if kept else 0)
        if used + extra > limit:
            break
        kept.append(line)
        used += extra
    return "\n".join(kept)


def _listing_within(lines: list[str], listing: HedgeListing, limit: int) -> str:
    """As many claims as fit in `limit`, then "…and N more" counting every claim left out."""
    for kept in range(len(lines), -1, -1):
        more = HedgeListing(listing.shown[:kept], listing.more + len(lines) - kept).more_line()
        value = "\n".join(lines[:kept] + ([f"*{more}*"] if more else []))
        if len(value) <= limit:
            return value
    return ""


def footer_text(digest: Digest) -> str:
    stats = digest.stats
    parts = []
    if digest.language:
        parts.append(f"language: {digest.language}")
    parts.append(f"{stats.words_in:,} words → {stats.words_out:,}")
    parts.extend(saving_phrases(stats))
    text = " · ".join(parts)
    if digest.language_note:
        text += f"\n{digest.language_note}"
    return text[:FOOTER_LIMIT]


def digest_embed(digest: Digest, settings: DigestSettings = DigestSettings()) -> discord.Embed:
    """The digest in one embed whose size stays within every Discord limit."""
    link = digest.url if digest.url and digest.url.startswith(("http://", "https://")) else None
    title = cut_at_word(escape(digest.title.strip()) or "Digest", TITLE_LIMIT)
    embed = discord.Embed(title=title, url=link, colour=EMBED_COLOUR)
    embed.set_footer(text=footer_text(digest))

    if digest.figures:
        embed.add_field(name="Key figures", value=_lines_within([figure_line(f) for f in digest.figures], FIELD_VALUE_LIMIT), inline=False)
    listing = hedges_to_list(digest, settings)
    if listing.shown or listing.more:
        lines = [summary_bullet(h, link, FIELD_VALUE_LIMIT) for h in listing.shown]
        embed.add_field(name="Hedged claims elsewhere", value=_listing_within(lines, listing, FIELD_VALUE_LIMIT), inline=False)

    used = len(embed.title or "") + len(embed.footer.text or "") + sum(len(f.name or "") + len(f.value or "") for f in embed.fields)
    budget = min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - used)
    bullets = [summary_bullet(s, link, budget) for s in digest.summary]
    description = _lines_within(bullets, budget)
    kept = description.count("\n") + 1 if description else 0
    if kept < len(bullets):
        more = f"\n*…and {len(bullets) - kept} more sentence{'s' if len(bullets) - kept != 1 else ''}*"
        while description and len(description) + len(more) > budget:
            description = description.rsplit("\n", 1)[0] if "\n" in description else ""
        description += more
    embed.description = description or None
    return embed


def quote_bullet(quoted: QuotedMessage, limit: int = FIELD_VALUE_LIMIT) -> str:
    """One quoted message: its author's name as text (never a mention), the words, hedge marks, a jump link."""
    prefix = "• ⚠️ " if quoted.hedge is not None else "• "
    head = f"**{escape(quoted.message.author_name)}**: "
    suffix = ""
    if quoted.hedge is not None:
        suffix += _hedge_suffix(quoted.hedge)
    if quoted.message.link.startswith("https://"):
        suffix += f" [↗]({quoted.message.link})"
    room = limit - len(prefix) - len(head) - len(suffix)
    text = wrap_links(escape(quoted.quote))
    if len(text) > room:
        text = cut_at_word(text, room)
    elif quoted.hedge is not None and len(emphasised := _emphasise_cues(text, quoted.hedge.cues)) <= room:
        text = emphasised
    return prefix + head + text + suffix


def conversation_embed(digest: ConversationDigest, where: str) -> discord.Embed:
    """A conversation digest: the quotes in time order, then the figures they hold, within Discord's limits."""
    embed = discord.Embed(title=cut_at_word(f"Conversation in {escape(where)}", TITLE_LIMIT), colour=EMBED_COLOUR)
    figures = [f for q in digest.quotes for f in q.figures]
    if figures:
        embed.add_field(name="Key figures", value=_lines_within([figure_line(f) for f in figures], FIELD_VALUE_LIMIT), inline=False)
    shown = len(digest.quotes)
    embed.set_footer(
        text=f"{shown} of {digest.messages_in} message{'s' if digest.messages_in != 1 else ''} quoted · "
        f"{digest.words_in:,} words → {digest.words_out:,}"
    )
    used = len(embed.title or "") + len(embed.footer.text or "") + sum(len(f.name or "") + len(f.value or "") for f in embed.fields)
    budget = min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - used)
    embed.description = _lines_within([quote_bullet(q) for q in digest.quotes], budget) or None
    return embed


def error_text(digest_or_message: Digest | str, source: str | None = None) -> str:
    """A one-line answer for a digest that failed (links wrapped, nothing pinged)."""
    message = digest_or_message.error if isinstance(digest_or_message, Digest) else digest_or_message
    message = message or "Something went wrong."
    # A page whose text could not be read may still have named itself (a sign-in wall's <title>).
    title = digest_or_message.title if isinstance(digest_or_message, Digest) else ""
    what = f"“{wrap_links(escape(cut_at_word(' '.join(title.split()), TITLE_IN_ERROR_LIMIT)))}”" if title else "that"
    where = ""
    if source and source.startswith(("http://", "https://")):
        where = f" ({no_preview(source)})"
    return cut_at_word(f"⚠️ I can't summarize {what}{where}: {wrap_links(escape(message))}", CONTENT_LIMIT)
