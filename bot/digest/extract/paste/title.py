"""The headline: a logistic regression picks it among the lines around the body's start.

Box headings ("Key Takeaways"), method notes and promo lines are never
candidates; when the learned chooser is unsure, the nearest headline-like line
above the body is taken. The chosen line becomes the title and is kept out of the body.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from bot.digest.extract.paste.features import (
    BYLINE, CAPTION, CJK, COPYRIGHT, COUNTER, DATE_ONLY, ENDS_SENTENCE, FEATURE_NAMES, URL, PasteLine,
)
from bot.digest.extract.paste.model import TITLE_TEXT_FEATURES, TITLE_NAMES, PasteModel
from bot.digest.extract.paste.phrases import BOX_HEADINGS, CHROME_EXACT, SECTION_HEADS, WORD, line_key
from bot.digest.extract.paste.promo import is_promo_line
from bot.digest.extract.paste.scoring import Analysis, sigmoid_array
from bot.digest.extract.paste.wraps import BULLET_START

_TITLE_MAX_WORDS = 30
_TITLE_MAX_CHARS = 200  # the longest of 501 WCXB-tune headlines has 144 characters; longer lines are glued link lists
_TITLE_BODY_LINES = 3  # the headline may be the first kept line or two
_RULE_LOOKBACK = 12
_METHOD_HEAD = re.compile(r"how we (?:reviewed|researched|tested|rated|chose|picked|evaluated|review|research|test|rate|choose|pick|evaluate)\b")
LOG_CHARS, BYLINE_AT, SHORT = (FEATURE_NAMES.index(n) for n in ("log_chars", "byline", "short"))
_TITLE_TEXT_INDEX = tuple(FEATURE_NAMES.index(n) for n in TITLE_TEXT_FEATURES)
_BLANK_BEFORE_AT = TITLE_TEXT_FEATURES.index("blank_before")
_BLANK_AFTER_AT = TITLE_TEXT_FEATURES.index("blank_after")


def _never_headline(text: str) -> bool:
    key = line_key(text)
    return key in BOX_HEADINGS or bool(_METHOD_HEAD.match(key)) or is_promo_line(text)


def headline_like(line: PasteLine, features: Sequence[float]) -> bool:
    """A line that may be a headline by its own text (`features`: its text features, names in FEATURE_NAMES)."""
    text = line.text
    # Chinese and Japanese write no spaces: about two characters make a word.
    cjk = len(CJK.findall(text[:300]))
    if len(text) > 250 or len(text) < (5 if cjk else 8):
        return False
    key = line_key(text)
    n_words = max(len(key.split()), cjk // 2)
    if not 2 <= n_words <= _TITLE_MAX_WORDS:
        return False
    if key in CHROME_EXACT or key.startswith(SECTION_HEADS) or BULLET_START.match(text) or _never_headline(text):
        return False
    if text.endswith((".", ",", ";", ":", "。", "，", "；", "：", "、")) and not text.endswith("..."):
        return False
    if features[DATE_ONLY] or features[COUNTER] or features[COPYRIGHT] or BYLINE.match(text) or CAPTION.match(text) or URL.search(text):
        return False
    return "|" not in text and "\t" not in text


def find_title(
    lines: Sequence[PasteLine], features: Sequence[Sequence[float]], keep: Sequence[bool], lookback: int
) -> int | None:
    """Rule-based headline: the nearest headline-like line at or before the body's first line."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return None
    # The first kept line is the headline only when it is no prose and more body follows.
    start = first if headline_like(lines[first], features[first]) and any(keep[first + 1 :]) else first - 1
    for i in range(start, max(-1, first - 1 - lookback), -1):
        if headline_like(lines[i], features[i]):
            return i
    return None


_META_REACH = 4  # a headline's byline, date or reading time follows within this many lines
_MENU_REACH = 6
_POSTED = re.compile(r"(?:posted|published|updated|written|last updated|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato)\b", re.I)


def _is_meta(text: str, features: Sequence[float]) -> bool:
    """A byline, date or reading-time line: "By Jane Doe", "June 3, 2024", "5 min read", "Updated: ..."."""
    return bool(features[BYLINE_AT] or features[DATE_ONLY] or features[COUNTER]) or bool(_POSTED.match(text))


def _menu_share(features: Sequence[Sequence[float]], i: int) -> float:
    """Share of the lines just above that are short non-sentences (a menu or breadcrumb: the headline follows them)."""
    above = range(max(0, i - _MENU_REACH), i)
    return sum(1 for j in above if features[j][SHORT] and not features[j][ENDS_SENTENCE]) / _MENU_REACH


def _overlap(text: str, vocabulary: set[str]) -> float:
    """Share of a line's longer words that the body also uses (a headline restates the article)."""
    words = [w.lower() for w in WORD.findall(text[:300]) if len(w) >= 3]
    return sum(1 for w in words if w in vocabulary) / len(words) if words else 0.0


def title_candidates(analysis: Analysis, keep: Sequence[bool], lookback: int) -> tuple[list[int], np.ndarray]:
    """Lines that may be the headline (around the body's start) and their features (columns in TITLE_NAMES)."""
    lines = analysis.lines
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return [], np.zeros((0, len(TITLE_NAMES)))
    candidates = [
        i for i in range(max(0, first - lookback), min(len(lines), first + _TITLE_BODY_LINES))
        if len(lines[i].text) <= _TITLE_MAX_CHARS and not analysis.features[i][DATE_ONLY] and not _never_headline(lines[i].text)
    ]
    if not candidates:
        return [], np.zeros((0, len(TITLE_NAMES)))
    wanted = {lines[i].text for i in candidates}
    counts: dict[str, int] = {}
    for line in lines:
        if line.text in wanted:
            counts[line.text] = counts.get(line.text, 0) + 1
    rule = find_title(lines, analysis.features, keep, lookback)
    body_words: set[str] = set()
    for i in range(first, len(lines)):
        if keep[i]:
            body_words.update(w.lower() for w in WORD.findall(lines[i].text[:3000]))
            if len(body_words) > 3000:
                break
    features = analysis.features
    longest = max(features[i][LOG_CHARS] for i in candidates)
    rows = []
    rank = 0
    for i in sorted(candidates, key=lambda c: abs(c - first)):
        line = lines[i]
        own = analysis.features[i]
        headline = headline_like(line, own)
        text_part = [own[k] for k in _TITLE_TEXT_INDEX]
        text_part[_BLANK_BEFORE_AT] = float(line.blank_before)
        text_part[_BLANK_AFTER_AT] = float(line.blank_after)
        rows.append((i, text_part + [
            math.log(counts[line.text]), math.log1p(abs(first - i)), float(i >= first), analysis.probs[i],
            float(headline), math.log1p(rank) if headline else 3.0, float(i == 0), float(i == rule),
            _overlap(line.text, body_words), float("»" in line.text or " > " in line.text or " / " in line.text),
            float(line.text.rstrip().endswith("?")),
            float(any(_is_meta(lines[j].text, features[j]) for j in range(i + 1, min(len(lines), i + 1 + _META_REACH)))),
            float(any(_is_meta(lines[j].text, features[j]) for j in range(max(0, i - _META_REACH), i))),
            own[LOG_CHARS] - longest,
            _menu_share(features, i),
        ]))
        rank += headline
    rows.sort()
    return [i for i, _ in rows], np.array([row for _, row in rows], dtype=float)


def choose_title(analysis: Analysis, keep: Sequence[bool], model: PasteModel) -> int | None:
    """The headline's line index: the best-scoring candidate of the learned title model, if it is sure enough."""
    candidates, rows = title_candidates(analysis, keep, model.decode.title_lookback)
    if not candidates:
        return None
    scores = sigmoid_array(model.title.logits(rows))
    best = int(np.argmax(scores))
    if scores[best] >= model.decode.title_min_prob:
        return candidates[best]
    # Unsure: fall back to the nearest headline-like line just above the body.
    return find_title(analysis.lines, analysis.features, keep, _RULE_LOOKBACK)
