"""Regions: turn line probabilities into the article's lines.

A two-state (article / chrome) Viterbi pass makes contiguous regions; they
grow over adjacent prose; comment threads ("34 Comments", "Leave a Reply")
and link lists under short closing headings ("Recent Articles", "Related")
are cut; whole-line chrome ("Advertisement", "12 Likes", "© 2024 ...") is
dropped and weak non-prose lines at region edges are trimmed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from bot.digest.extract.paste.features import (
    COMMENT_HEAD, ENDS_SENTENCE, LOG_WORDS, SECTION_HEAD, PasteLine, is_chrome_line, is_comment_head, is_prose,
)
from bot.digest.extract.paste.model import DecodeSettings
from bot.digest.extract.paste.phrases import SECTION_HEADS, line_key, line_words
from bot.digest.extract.paste.promo import is_promo_line
from bot.digest.extract.paste.scoring import Analysis, best_block, sigmoid
from bot.digest.extract.paste.title import headline_like


def viterbi_keep(probs: Sequence[float], switch_cost: float, weights: Sequence[float] | None = None) -> list[bool]:
    """Two-state (chrome, article) segmentation maximising sum of log-probabilities minus switch costs."""
    n = len(probs)
    if n == 0:
        return []
    eps = 1e-6
    score_out, score_in = 0.0, 0.0
    back: list[tuple[bool, bool]] = []  # for each line: (best previous state if now out, if now in), True = in
    for i, p in enumerate(probs):
        weight = weights[i] if weights is not None else 1.0
        emit_in = weight * math.log(max(p, eps))
        emit_out = weight * math.log(max(1.0 - p, eps))
        if i == 0:
            score_out, score_in = emit_out, emit_in
            back.append((False, True))
            continue
        out_from_in = score_in - switch_cost
        in_from_out = score_out - switch_cost
        prev_for_out = out_from_in > score_out
        prev_for_in = score_in >= in_from_out
        new_out = (out_from_in if prev_for_out else score_out) + emit_out
        new_in = (score_in if prev_for_in else in_from_out) + emit_in
        back.append((prev_for_out, prev_for_in))
        score_out, score_in = new_out, new_in
    state = score_in > score_out
    keep = [False] * n
    for i in range(n - 1, -1, -1):
        keep[i] = state
        state = back[i][1] if state else back[i][0]
    return keep


def extend_regions(features: Sequence[Sequence[float]], keep: list[bool], probs: Sequence[float], floor: float) -> list[bool]:
    """Grow kept regions over adjacent prose lines scoring at least `floor`.

    The last paragraph before a footer (and the first after a header) gets a
    low context score from its chrome neighbours, though it reads as prose.
    """
    keep = list(keep)
    n = len(keep)
    for i in range(1, n):  # forward: a kept line pulls in the prose line after it
        if keep[i - 1] and not keep[i] and probs[i] >= floor and is_prose(features[i]):
            keep[i] = True
    for i in range(n - 2, -1, -1):  # backward
        if keep[i + 1] and not keep[i] and probs[i] >= floor and is_prose(features[i]):
            keep[i] = True
    return keep


_STRONG_PROSE_WORDS = 12


def rescue_prose(
    lines: Sequence[PasteLine],
    features: Sequence[Sequence[float]],
    keep: list[bool],
    settings: DecodeSettings,
    title_index: int | None,
) -> list[bool]:
    """Keep paragraphs that read as prose on their own and are cut off from the article by a few lines of furniture.

    A short article's first and last paragraphs get low context scores from
    the menus and footers around them, and a byline, a date or an
    "Advertisement" line between them and the body splits the region. From each
    region's edge, lines are walked outwards over at most `max_gap` lines that
    are not such paragraphs; a full sentence of twelve words or more (not chrome,
    not a promo line) is kept. The walk stops at a closing section or comment
    heading, at a headline-like line, at the title and at another region. Only
    articles shorter than `rescue_below_words` are rescued: there an edge
    paragraph is a large share of the text, while after a long article such
    sentences are mostly calls to action, bios and comments.
    """
    keep = list(keep)
    n = len(keep)
    max_gap = settings.rescue_gap
    kept_words = sum(math.expm1(features[i][LOG_WORDS]) for i in range(n) if keep[i])
    if max_gap <= 0 or not any(keep) or kept_words >= settings.rescue_below_words:
        return keep

    def strong(i: int) -> bool:
        f = features[i]
        return (
            bool(f[ENDS_SENTENCE]) and math.expm1(f[LOG_WORDS]) >= _STRONG_PROSE_WORDS
            and not is_chrome_line(f) and not is_promo_line(lines[i].text)
        )

    def stops(i: int) -> bool:
        f = features[i]
        return i == title_index or bool(f[SECTION_HEAD] or f[COMMENT_HEAD]) or headline_like(lines[i], f)

    for step in (-1, 1):
        edges = [i for i in range(n) if keep[i] and not (0 <= i + step < n and keep[i + step])]
        for edge in edges:
            gap, j = 0, edge + step
            while 0 <= j < n and gap <= max_gap and not keep[j] and not stops(j):
                if strong(j):
                    keep[j], gap = True, 0
                else:
                    gap += 1
                j += step
    return keep


# A link list under a closing heading has at most this many times the kept words before the heading: a longer
# run of non-sentences is the article's own list or code ("Related Resources:" over a checklist, an inline
# "Related" box before the rest of the article). Chosen on WCXB tune, out of fold, by the cleaner trainer's objective
# (1.0 gave one more page's text back and leaked on one more page: 0.0002 lower). None: no bound (the shipped rule before 4 Dec 2026).
LINK_LIST_MAX_SHARE: float | None = 2.0


def _short_list(section: Sequence[int], words: Sequence[int], before: int) -> bool:
    return LINK_LIST_MAX_SHARE is None or sum(words[j] for j in section) <= LINK_LIST_MAX_SHARE * before


def _heading_shape(text: str, line_features_: Sequence[float]) -> bool:
    """A comment heading stands alone: not the end of a quoted sentence ('Avoiding reading comments."') nor code
    ('scrape_comments()')."""
    sentence = bool(line_features_[ENDS_SENTENCE]) and not text.rstrip().endswith(("...", "\u2026"))  # "Load earlier comments..."
    return not sentence and "_" not in text and "()" not in text


# A comment's stamp: a short line with a clock time and a date ("December 18, 2025, 10:21 pm", "by Brain-Fu (1274756)
# on Friday December 19, 2025 @11:39PM (#65870579)"), or "5 hours ago".
_CLOCK_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_AGO = re.compile(r"\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago")
_STAMP_MAX_WORDS = 25
# Three stamps, each at most this many lines after the one before, are a comment thread (None: off). Chosen on WCXB
# tune, out of fold (8, 15, 30, 60: 30 and 60 cut both threads of the tune pages that had no comment heading, and
# the cut took article text from none).
THREAD_STAMP_GAP: int | None = 30


def _is_stamp(text: str, n_words: int) -> bool:
    if n_words > _STAMP_MAX_WORDS:
        return False
    if ":" in text and _CLOCK_TIME.search(text) and _YEAR.search(text):  # most lines have no colon: no regex runs
        return True
    return n_words <= 6 and bool(_AGO.fullmatch(line_key(text)))


def thread_starts(lines: Sequence[PasteLine], words: Sequence[int]) -> list[int]:
    """Lines that open a run of three comment stamps or more (each within THREAD_STAMP_GAP lines of the last)."""
    if THREAD_STAMP_GAP is None:
        return []
    stamps = [i for i, line in enumerate(lines) if words[i] <= _STAMP_MAX_WORDS and _is_stamp(line.text, words[i])]
    starts = [s for k, s in enumerate(stamps) if k + 2 < len(stamps)
              and stamps[k + 1] - s <= THREAD_STAMP_GAP and stamps[k + 2] - stamps[k + 1] <= THREAD_STAMP_GAP]
    # The commenter's name stands right above the first stamp ("Travis Butler").
    return [s - 1 if s > 0 and 0 < words[s - 1] <= 4 and lines[s - 1].text.rstrip()[-1:] not in ".!?:" else s for s in starts]


def cut_trailing_sections(
    lines: Sequence[PasteLine],
    features: Sequence[Sequence[float]],
    keep: list[bool],
    settings: DecodeSettings,
    min_before: int = 80,
    words: Sequence[int] | None = None,
) -> list[bool]:
    """Drop what follows headings that close the article.

    Headings count only after `min_before` kept words. A comment heading
    ("34 Comments", "Leave a Reply") ends the article, and so does the first
    of three comment stamps close together ("December 18, 2025, 10:21 pm"). Under another chrome
    heading ("Recent Articles", "Related"), a run of kept lines that are
    mostly not sentences is a link list and is dropped (unless it outweighs the
    kept text before the heading, LINK_LIST_MAX_SHARE); and the heading ends
    the article when the kept words after it are at most `tail_share` of those
    before (such lists and threads read like prose line by line, but rarely
    outweigh the article).
    """
    keep = list(keep)
    n = len(lines)
    if words is None:  # \w+ words in each line's first 5,000 characters
        words = [len(line_words(line.text, 5000)) for line in lines]
    heads = []
    for i, line in enumerate(lines):
        if words[i] <= 8:
            comment_head, section_head = _heading_tests(line.text, features[i], words[i])
            if settings.comment_cut and comment_head and _heading_shape(line.text, features[i]):
                heads.append((i, True))
            elif settings.section_cut and words[i] <= settings.section_words and section_head:
                heads.append((i, False))
    threads = thread_starts(lines, words) if settings.comment_cut else []
    if threads:
        heads = sorted({*heads, *((i, True) for i in threads)})
    before_at = [0] * (n + 1)
    for i in range(n):
        before_at[i + 1] = before_at[i] + (words[i] if keep[i] else 0)
    for h, (i, is_comment) in enumerate(heads):
        before = before_at[i]
        if before < min_before:
            continue
        if is_comment:
            return [k and j < i for j, k in enumerate(keep)]
        end = heads[h + 1][0] if h + 1 < len(heads) else n
        section = [j for j in range(i + 1, end) if keep[j]]
        sentences = sum(1 for j in section if features[j][ENDS_SENTENCE])
        if len(section) >= 2 and sentences < 0.3 * len(section) and _short_list(section, words, before):
            for j in [i, *section]:
                keep[j] = False
            continue
        after = sum(words[j] for j in section) + (before_at[n] - before_at[end])
        if settings.tail_share > 0 and after <= settings.tail_share * before:
            return [k and j < i for j, k in enumerate(keep)]
    return keep


def _heading_tests(text: str, line_features_: Sequence[float], n_words: int) -> tuple[bool, bool]:
    """(`is_comment_head`, the section-heading prefix test) of a line's key, with `n_words` the \\w+ words of its first
    5,000 characters. A line of 5,000 characters or fewer has both answers in its own text features already
    (`comment_head`, `section_head`: the same tests of the same key, with its whole word count, which is `n_words`
    there); a longer line is tested from its text."""
    if len(text) <= 5000:
        return bool(line_features_[COMMENT_HEAD]), bool(line_features_[SECTION_HEAD])
    key = line_key(text)
    return is_comment_head(key, n_words), n_words <= 8 and key.startswith(SECTION_HEADS)


def trim_regions(
    features: Sequence[Sequence[float]], keep: list[bool], settings: DecodeSettings, probs: Sequence[float]
) -> list[bool]:
    """Remove chrome lines inside kept regions, and at their edges non-prose lines and lines scoring below `edge_prob`."""
    keep = list(keep)
    if settings.drop_chrome:
        for i, line_features_ in enumerate(features):
            if keep[i] and is_chrome_line(line_features_):
                keep[i] = False
    if settings.trim_edges:
        edge_prob = settings.edge_prob
        i = 0
        n = len(features)
        while i < n:
            if not keep[i]:
                i += 1
                continue
            j = i
            while j < n and keep[j]:
                j += 1
            # region [i, j): strip short non-prose lines at both ends
            a, b = i, j
            while a < b and (not is_prose(features[a]) or probs[a] < edge_prob):
                a += 1
            while b > a and (not is_prose(features[b - 1]) or probs[b - 1] < edge_prob):
                b -= 1
            for k in range(i, j):
                keep[k] = a <= k < b
            i = j
    return keep


def select_lines(analysis: Analysis, settings: DecodeSettings) -> list[bool]:
    """Which lines form the article (before the title is taken out and the region edges trimmed)."""
    lines, probs = analysis.lines, analysis.probs
    if not lines:
        return []
    shift = settings.logit_shift
    if shift:
        probs = [sigmoid(math.log(max(p, 1e-9) / max(1.0 - p, 1e-9)) + shift) for p in probs]
    counts = [len(line_words(line.text, 2000)) for line in lines]
    weights = [min(3.0, math.sqrt(1.0 + count / 10.0)) for count in counts] if settings.length_weighted else None
    keep = viterbi_keep(probs, settings.switch_cost, weights)
    if not any(keep):
        # Nothing looked like an article by absolute scores: keep the document's best-scoring block.
        threshold = 0.6 * max(probs)
        start, end = best_block([(p - threshold) * (w if weights else 1.0) for p, w in zip(probs, weights or probs)])
        keep = [start <= i < end for i in range(len(lines))]
        if not any(is_prose(analysis.features[i]) for i in range(start, end)):
            keep = [False] * len(lines)  # menus only: no article to return
    if settings.extend_prob:
        keep = extend_regions(analysis.features, keep, analysis.probs, settings.extend_prob)  # unshifted: its own floor
    # The closing-section cut counts words in a line's first 5,000 characters: the same count unless the line is longer.
    words = [count if len(line.text) <= 2000 else len(line_words(line.text, 5000)) for count, line in zip(counts, lines)]
    return cut_trailing_sections(lines, analysis.features, keep, settings, words=words)
