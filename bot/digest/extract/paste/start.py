"""Where the article's body starts: a menu kept above it is not its start.

The regions' Viterbi pass often keeps a block of the page's menu (a mega-menu
whose entries carry a sentence each, a "meet our reviewers" box, a form's
thank-you note) as a region of its own above the article, or a run of short
menu or contents lines at the top of the article's region. The headline
chooser looks for the headline just above (and a few lines into) the body's
start, so such a start pushes the headline out of its window; a detached block
also costs the body's precision. Both rules read only the line scores' regions
and the lines' shapes (no word lists).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.digest.extract.paste.features import ENDS_SENTENCE, LOG_WORDS, is_prose
from bot.digest.extract.paste.model import DecodeSettings
from bot.digest.extract.paste.regions import select_lines
from bot.digest.extract.paste.scoring import Analysis

# Kept regions above the main one are dropped when DETACHED_GAP unkept lines or more separate them from the next,
# they hold at most DETACHED_SHARE of the main region's words, score DETACHED_MARGIN or more below it on average
# and average at most DETACHED_LINE_WORDS words a line (None: off). Chosen on WCXB tune, out of fold
# (bench/pastestart_study.py; docs/quality/pastes.md, eleventh session, the body's start): without the margin and
# line-length tests the rule cut ledes split from the body by a table of contents.
# A region of which no line ends a sentence (a mega-menu of "Course nameBlurb" entries, a .gov banner's short lines)
# needs neither the gap nor the margin when MENU_REGIONS is on: it may stand right above the article and score like
# it. Chosen on WCXB tune, out of fold (twelfth session: 3 pages up, none down).
MENU_REGIONS: bool = True
DETACHED_GAP: int | None = 10
DETACHED_SHARE: float = 0.25
DETACHED_MARGIN: float = 0.2
DETACHED_LINE_WORDS: float = 15.0
# The body starts at the first line that reads as prose in the first region, when the region's leading non-prose
# lines (menu entries, a breadcrumb, a category label, the headline itself) number at least this many (None: off).
# The edge trim dropped them from the body already; this moves the headline chooser's window (3 lines into the body)
# with it. Chosen on WCXB tune, out of fold (1, 3, off).
LEADING_RUN: int | None = 1


def regions(keep: Sequence[bool]) -> list[tuple[int, int]]:
    """[start, end) of each run of kept lines."""
    found, i, n = [], 0, len(keep)
    while i < n:
        if keep[i]:
            j = i
            while j < n and keep[j]:
                j += 1
            found.append((i, j))
            i = j
        else:
            i += 1
    return found


def drop_detached_start(
    features: Sequence[Sequence[float]], probs: Sequence[float], keep: list[bool], gap: int, share: float, margin: float,
    line_words: float = math.inf, menus: bool = False,
) -> list[bool]:
    """Drop the kept regions above the article's main region (the one with most words) that stand apart from the
    next region by `gap` unkept lines or more, weigh at most `share` of the main region's words and score, on
    average, at least `margin` below it: a menu or box the Viterbi pass kept on its own. With `menus`, a region
    in which no line ends a sentence is dropped without the gap and margin tests (its size and line length still
    hold). Regions are dropped from the top down until one stays."""
    spans = regions(keep)
    if len(spans) < 2:
        return keep
    words = [math.expm1(f[LOG_WORDS]) for f in features]
    weights = [sum(words[a:b]) for a, b in spans]
    main = max(range(len(spans)), key=weights.__getitem__)
    main_prob = sum(probs[spans[main][0] : spans[main][1]]) / (spans[main][1] - spans[main][0])
    keep = list(keep)
    for k in range(main):
        (a, b), (c, _) = spans[k], spans[k + 1]
        mean_prob = sum(probs[a:b]) / (b - a)
        short = weights[k] / (b - a) <= line_words  # menu entries and their one-line blurbs, not a lede's paragraphs
        detached = c - b >= gap and mean_prob <= main_prob - margin
        menu = menus and not any(features[i][ENDS_SENTENCE] for i in range(a, b))
        if weights[k] > share * weights[main] or not short or not (detached or menu):
            break
        for i in range(a, b):
            keep[i] = False
    return keep


def skip_leading_run(features: Sequence[Sequence[float]], keep: list[bool], run: int) -> list[bool]:
    """Unkeep the first region's leading non-prose lines when there are `run` or more and prose follows them."""
    spans = regions(keep)
    if not spans:
        return keep
    a, b = spans[0]
    first_prose = next((i for i in range(a, b) if is_prose(features[i])), None)
    if first_prose is None or first_prose - a < run:
        return keep
    return [k and not a <= i < first_prose for i, k in enumerate(keep)]


def body_lines(analysis: Analysis, settings: DecodeSettings) -> list[bool]:
    """Which lines form the article before the title is taken out (`select_lines`, its start trimmed)."""
    keep = select_lines(analysis, settings)
    if DETACHED_GAP is not None:
        keep = drop_detached_start(analysis.features, analysis.probs, keep, DETACHED_GAP, DETACHED_SHARE, DETACHED_MARGIN, DETACHED_LINE_WORDS, MENU_REGIONS)
    if LEADING_RUN is not None:
        keep = skip_leading_run(analysis.features, keep, LEADING_RUN)
    return keep
