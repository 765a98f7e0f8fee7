"""Digests as a person wants to read them in a terminal: plain text or Markdown."""

from __future__ import annotations

import shutil
import textwrap
from typing import Callable, Sequence

from bot.digest.front_rules import hedges_to_list, saving_phrases, shown_text
from bot.digest.models import Digest, Figure, Hedge
from bot.settings import DigestSettings

UNTITLED = "(untitled)"  # the title line of a text without a headline


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((88, 24)).columns))


def _figure_line(figure: Figure) -> str:
    approx = " (approximate)" if figure.approximate else ""
    if figure.quote:  # nothing names what it counts: the words around it say it
        return f"{figure.text} — “{figure.quote}”{approx}"
    counts = figure.counts_shown()
    return f"{figure.text}{' ' + counts if counts else ''}{approx}"


def _hedge_label(hedge: Hedge) -> str:
    return _kind_and_cues(hedge.kind, hedge.cues)


def _kind_and_cues(kind: str, cues: Sequence[str], shown: Callable[[str], str] = str) -> str:
    """"hedged: may", or the kind alone when no word of the sentence is shown as its cue."""
    return f"{kind}: {', '.join(map(shown, cues))}" if cues else kind


def _stats_line(digest: Digest) -> str:
    parts = []
    if digest.language:
        parts.append(f"language {digest.language}")
    stats = digest.stats
    parts.append(f"{stats.words_in} words -> {stats.words_out}")
    if saving := saving_phrases(stats):
        parts.append(", ".join(saving))
    return " · ".join(parts)


def render_text(digest: Digest, settings: DigestSettings) -> str:
    width = _width()
    bullet = textwrap.TextWrapper(width=width, initial_indent="  • ", subsequent_indent="    ")
    note = textwrap.TextWrapper(width=width, initial_indent="    ", subsequent_indent="    ")
    lines = [digest.title or UNTITLED, f"{digest.url or digest.source}", _stats_line(digest)]
    if digest.author or digest.date:
        lines.append(" · ".join(x for x in (digest.author, digest.date) if x))
    if digest.language_note:
        lines.append(f"note: {digest.language_note}")
    lines += ["", "Summary"]
    for sentence in digest.summary:
        lines.append(bullet.fill(shown_text(sentence.text)))
        if sentence.hedge:
            lines.append(note.fill(f"[{_hedge_label(sentence.hedge)}]"))
        elif sentence.soft_cues:  # hedge words not counted as uncertain: named, not called hedged
            lines.append(note.fill(f"(cue: {', '.join(sentence.soft_cues)})"))
    if digest.figures:
        lines += ["", "Key figures"]
        lines += [bullet.fill(_figure_line(f)) for f in digest.figures]
    listing = hedges_to_list(digest, settings)
    if listing.shown or listing.more:
        lines += ["", "Hedged claims elsewhere" if digest.summary else "Hedged claims"]
        for claim in listing.shown:
            lines.append(bullet.fill(shown_text(claim.text)))
            lines.append(note.fill(f"[{_kind_and_cues(claim.kind, claim.cues)}]"))
        if listing.more:
            lines.append(f"  {listing.more_line()} (--format json lists every one)")
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def _md_bold(text: str) -> str:
    return f"**{_md_escape(text)}**"


def render_markdown(digest: Digest, settings: DigestSettings) -> str:
    title = _md_escape(digest.title or UNTITLED)
    lines = [f"## [{title}]({digest.url})" if digest.url else f"## {title}", "", f"_{_md_escape(_stats_line(digest))}_"]
    if digest.language_note:
        lines += ["", f"> note: {_md_escape(digest.language_note)}"]
    lines += ["", "### Summary", ""]
    for sentence in digest.summary:
        mark = ""
        if sentence.hedge:
            mark = f" _({_kind_and_cues(sentence.hedge.kind, sentence.hedge.cues, _md_bold)})_"
        elif sentence.soft_cues:
            mark = f" _(cue: {_md_escape(', '.join(sentence.soft_cues))})_"
        lines.append(f"- {_md_escape(shown_text(sentence.text))}{mark}")
    if digest.figures:
        lines += ["", "### Key figures", ""]
        lines += [f"- {_md_escape(_figure_line(f))}" for f in digest.figures]
    listing = hedges_to_list(digest, settings)
    if listing.shown or listing.more:
        lines += ["", "### Hedged claims elsewhere" if digest.summary else "### Hedged claims", ""]
        for claim in listing.shown:
            lines.append(f"- {_md_escape(shown_text(claim.text))} _({_kind_and_cues(claim.kind, claim.cues, _md_bold)})_")
        if listing.more:
            lines += ["", f"_{listing.more_line()}_"]
    return "\n".join(lines) + "\n"


def render_extract(digest: Digest) -> str:
    return f"{digest.title or UNTITLED}\n\n{digest.text}\n"  # as `summarize` shows it, not a blank first line
