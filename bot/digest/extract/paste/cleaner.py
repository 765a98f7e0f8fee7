"""Put the steps together: text already clean is kept whole; otherwise lines -> scores -> regions -> title ->
promo and edge trimming -> prose rescue -> the article."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.digest.extract.paste.features import ENDS_SENTENCE, PasteLine, is_chrome_line, is_prose, own_features
from bot.digest.extract.paste.model import PasteModel, load_model
from bot.digest.extract.paste.phrases import clear_line_caches
from bot.digest.extract.paste.promo import drop_closing_calls, drop_promos, drop_testimonials
from bot.digest.extract.paste.regions import rescue_prose, trim_regions
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.scoring import Analysis, paste_lines, score_lines
from bot.digest.extract.paste.title import choose_title, headline_like, headline_text

log = logging.getLogger(__name__)

# Browser pastes of article pages are far smaller (the largest of 892 benchmark pastes has 76,301
# characters); beyond this the tail is ignored, which keeps any call to about two seconds.
MAX_PASTE_CHARS = 2_000_000


@dataclass(frozen=True)
class CleanedPaste:
    title: str  # the headline ("" if none found); never glued onto the first sentence
    body: str  # the article body: one paragraph per line, blank line between paragraphs


# Share of lines (after an optional headline) that may be other than full sentences in text that is already clean.
_CLEAN_OTHER_SHARE = 0.1
# A sentence ends and another begins inside a line ("... again. The bank"; not "Mr. Smith", "U.S. officials").
_SENTENCE_BREAK = re.compile(r"[^\W\d_A-Z]{2}[.!?][\"'”’»)]*\s+[\"'“‘«(]?[A-Z\u00c0-\u00de]")
# A question headline is taken only over paragraphs: at least this share of body lines hold two sentences or more.
# CNN Corpus articles as paragraphs: 83% of them; one sentence a line: 0.05% (of 2,000 articles, all parts).
_PARAGRAPHED_SHARE = 0.2
_QUESTION_MAX_WORDS = 20


def question_headline(lines: Sequence[PasteLine]) -> bool:
    """The first line is a question or exclamation headline ("Can bitcoin succeed in China?") over a body of paragraphs.

    Over one sentence a line, a short question is as likely the text's first
    sentence ("How do you sell a missile?"), so it stays in the body there.
    """
    first = lines[0].text
    if first.rstrip("\"'”’»)")[-1:] not in ("?", "!", "？", "！") or _SENTENCE_BREAK.search(first) or len(first.split()) > _QUESTION_MAX_WORDS:
        return False
    paragraphed = sum(1 for line in lines[1:] if _SENTENCE_BREAK.search(line.text[:3000]))
    return paragraphed >= _PARAGRAPHED_SHARE * (len(lines) - 1)


def as_clean_text(lines: Sequence[PasteLine], features: Sequence[Sequence[float]]) -> CleanedPaste | None:
    """The text whole when it is already clean, else None.

    Clean text (an article saved as text, one sentence or paragraph a line) has
    no page furniture: after an optional headline, all but a tenth of its
    lines end a sentence. Every line is then kept; the first line is the title
    only when it reads as a headline and is not a sentence itself, or is a
    question headline over paragraphs (so the first sentence of untitled text
    is not taken for a title).
    """
    if not lines:
        return None
    titled = len(lines) >= 2 and headline_like(lines[0], features[0]) and (not features[0][ENDS_SENTENCE] or question_headline(lines))
    body = range(1 if titled else 0, len(lines))
    others = sum(1 for i in body if not features[i][ENDS_SENTENCE])
    if others > _CLEAN_OTHER_SHARE * len(body):
        return None
    return CleanedPaste(lines[0].text if titled else "", "\n\n".join(lines[i].text for i in body))


# Picks the headline's line index from the scored lines and the lines kept so far (None: no headline).
TitleChooser = Callable[[Analysis, Sequence[bool], PasteModel], "int | None"]


def decode_keep(
    analysis: Analysis, model: PasteModel, title_chooser: TitleChooser = choose_title
) -> tuple[int | None, list[bool]]:
    """The headline's line index (None: none) and which lines form the body, with the model's decoding settings.

    `title_chooser` is the learned headline chooser; the cleaner's trainer passes the rule
    (`rule_title`), so that the decoding it chooses does not depend on a chooser fitted on its own output.
    """
    settings = model.decode
    lines, probs = analysis.lines, analysis.probs
    if not lines:
        return None, []
    keep = body_lines(analysis, settings)
    title_index = title_chooser(analysis, keep, model)
    if title_index is not None and keep[title_index] and sum(keep) == 1:
        title_index = None  # the only article line is the body, not a headline
    if settings.min_prob:
        # Inside a region, a line the classifier is sure about is still dropped (mid-article promos).
        keep = [k and p >= settings.min_prob for k, p in zip(keep, probs)]
    if settings.promo_cut:
        keep = drop_closing_calls(lines, drop_testimonials(lines, drop_promos(lines, keep)))
    trimmed = trim_regions(analysis.features, keep, settings, probs)
    if not any(trimmed):
        # Trimming took everything: keep what reads as prose, or nothing when only menus were kept.
        trimmed = [k and is_prose(f) and not is_chrome_line(f) for k, f in zip(keep, analysis.features)]
    keep = rescue_prose(lines, analysis.features, trimmed, settings, title_index)
    if title_index is not None:
        keep[title_index] = False
    return title_index, keep


def decode_lines(analysis: Analysis, model: PasteModel, title_chooser: TitleChooser = choose_title) -> CleanedPaste:
    """Turn line probabilities into the headline and the body (`decode_keep`)."""
    title_index, keep = decode_keep(analysis, model, title_chooser)
    lines = analysis.lines
    title = headline_text(lines[title_index].text) if title_index is not None else ""
    paragraphs = [line.text for i, line in enumerate(lines) if keep[i]]
    return CleanedPaste(title, "\n\n".join(paragraphs))


def clean_paste(text: str) -> CleanedPaste:
    """Split a browser paste into the article's headline and body; chrome around them is dropped."""
    if not isinstance(text, str) or not text.strip():
        return CleanedPaste("", "")
    if len(text) > MAX_PASTE_CHARS:
        log.warning("paste of %d characters: cleaning only the first %d", len(text), MAX_PASTE_CHARS)
        text = text[:MAX_PASTE_CHARS]
    model = load_model()
    clear_line_caches()
    lines = paste_lines(text)
    own = own_features(lines)
    clean = as_clean_text(lines, own)
    if clean is not None:
        return clean  # no page furniture: nothing to score
    return decode_lines(score_lines(lines, own, model), model)
