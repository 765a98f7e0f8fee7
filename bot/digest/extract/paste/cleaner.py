"""Put the steps together: lines -> scores -> regions -> title -> promo and edge trimming -> the article."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.digest.extract.paste.features import is_chrome_line, is_prose
from bot.digest.extract.paste.model import PasteModel, load_model
from bot.digest.extract.paste.promo import drop_promos
from bot.digest.extract.paste.regions import select_lines, trim_regions
from bot.digest.extract.paste.scoring import Analysis, analyse
from bot.digest.extract.paste.title import choose_title

log = logging.getLogger(__name__)

# Browser pastes of article pages are far smaller (the largest of 892 benchmark pastes has 76,301
# characters); beyond this the tail is ignored, which keeps any call to about two seconds.
MAX_PASTE_CHARS = 2_000_000


@dataclass(frozen=True)
class CleanedPaste:
    title: str  # the headline ("" if none found); never glued onto the first sentence
    body: str  # the article body: one paragraph per line, blank line between paragraphs


def decode_lines(analysis: Analysis, model: PasteModel) -> CleanedPaste:
    """Turn line probabilities into the headline and the body, with the model's decoding settings."""
    settings = model.decode
    lines, probs = analysis.lines, analysis.probs
    if not lines:
        return CleanedPaste("", "")
    keep = select_lines(analysis, settings)
    title_index = choose_title(analysis, keep, model)
    if title_index is not None and keep[title_index] and sum(keep) == 1:
        title_index = None  # the only article line is the body, not a headline
    if settings.min_prob:
        # Inside a region, a line the classifier is sure about is still dropped (mid-article promos).
        keep = [k and p >= settings.min_prob for k, p in zip(keep, probs)]
    if settings.promo_cut:
        keep = drop_promos(lines, keep)
    trimmed = trim_regions(analysis.features, keep, settings, probs)
    if not any(trimmed):
        # Trimming took everything: keep what reads as prose, or nothing when only menus were kept.
        trimmed = [k and is_prose(f) and not is_chrome_line(f) for k, f in zip(keep, analysis.features)]
    keep = trimmed
    title = lines[title_index].text if title_index is not None else ""
    paragraphs = [line.text for i, line in enumerate(lines) if keep[i] and i != title_index]
    return CleanedPaste(title, "\n\n".join(paragraphs))


def clean_paste(text: str) -> CleanedPaste:
    """Split a browser paste into the article's headline and body; chrome around them is dropped."""
    if not isinstance(text, str) or not text.strip():
        return CleanedPaste("", "")
    if len(text) > MAX_PASTE_CHARS:
        log.warning("paste of %d characters: cleaning only the first %d", len(text), MAX_PASTE_CHARS)
        text = text[:MAX_PASTE_CHARS]
    model = load_model()
    return decode_lines(analyse(text, model), model)
