"""The headline: a logistic regression picks it among the lines around the body's start.

Box headings ("Key Takeaways"), method notes, skip links ("Skip to main content") and promo lines are never
candidates; when the learned chooser is unsure, the nearest headline-like line
above the body is taken. The chosen line becomes the title and is kept out of the body; a chosen line that
ends with another candidate ("Posted on ... on <headline>") gives way to that candidate's own line. A line below a
contents heading ("Table of Contents") is marked for the chooser: it is a contents entry or a section heading.
The chooser is its own model file (`headline_model.json`, bench/train_paste_title.py), fitted
on the lines the shipped cleaner keeps, so it can be refitted without the line models.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from bot.digest.extract.paste.features import (
    BYLINE, CAPTION, CJK, COPYRIGHT, COUNTER, DATE_ONLY, ENDS_SENTENCE, FEATURE_NAMES, URL, PasteLine, stop_words,
)
from bot.digest.extract.paste.model import PasteModel
from bot.digest.extract.paste.phrases import BOX_HEADINGS, CHROME_EXACT, SECTION_HEADS, line_key, lower_words
from bot.digest.extract.paste.promo import is_promo_line
from bot.digest.extract.paste.scoring import Analysis, sigmoid_array
from bot.digest.extract.paste.wraps import BULLET_START
from bot.digest.linear_model import LinearModel, load_linear_model
from bot.digest.model_files import package_model_path

# The headline chooser's columns: a candidate line's own text features, then its place around the body.
TITLE_TEXT_FEATURES = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "title_ratio", "upper_ratio", "digit_ratio", "stop_ratio",
    "chrome_exact", "chrome_prefix", "section_head", "date_only", "counter", "copyright", "url", "separators", "byline",
    "caption", "bullet", "blank_before", "blank_after",
)
TITLE_NAMES: tuple[str, ...] = TITLE_TEXT_FEATURES + (
    "repeats", "log_distance", "inside_body", "article_prob", "headline_like", "headline_rank", "first_line", "rule_choice",
    "body_overlap", "breadcrumb", "ends_question", "meta_below", "meta_above", "chars_vs_longest", "menu_above",
)

_TITLE_MAX_WORDS = 30
_TITLE_MAX_CHARS = 200  # the longest of 501 WCXB-tune headlines has 144 characters; longer lines are glued link lists
_TITLE_BODY_LINES = 3  # the headline may be the first kept line or two
_RULE_LOOKBACK = 12
# "Our Data     Sample Profile     User Reviews", "•Zero to 5K Plan•5K to 10K Plan•...": menu items glued into one
# line by runs of spaces, a tab or inline bullets. On WCXB tune 19 such candidates on 16 pastes, none the title.
_GLUED_MENU = re.compile(r"\S(?:\s{3,}|\t)\S|•.*•")
_METHOD_HEAD = re.compile(r"how we (?:reviewed|researched|tested|rated|chose|picked|evaluated|review|research|test|rate|choose|pick|evaluate)\b")
# An accessibility skip link copied with the page: "Skip to main content", "Skip navigation", "Jump to content",
# "Skip to Main Content Skip to Search": never the headline (the thirteenth session's sweep, WCXB paste 4104).
_SKIP_LINK = re.compile(
    r"(?:skip|jump)\s+(?:to\s+(?:the\s+)?(?:main\s+|primary\s+|page\s+)?(?:content|navigation|menu|search|article|footer)"
    r"|(?:main\s+)?navigation|(?:main\s+)?content|links?)\b",
    re.IGNORECASE,
)
LOG_CHARS, BYLINE_AT, SHORT, TITLE_RATIO = (FEATURE_NAMES.index(n) for n in ("log_chars", "byline", "short", "title_ratio"))
_TITLE_TEXT_INDEX = tuple(FEATURE_NAMES.index(n) for n in TITLE_TEXT_FEATURES)
_title_text_part = itemgetter(*_TITLE_TEXT_INDEX)  # a candidate's own columns in one C call
_BLANK_BEFORE_AT = TITLE_TEXT_FEATURES.index("blank_before")
_BLANK_AFTER_AT = TITLE_TEXT_FEATURES.index("blank_after")


# "Headline | Site", "Headline – Site", "Headline / Dec 2025": the tail after the last separator is the site's.
_SITE_SEPARATOR = re.compile(r"\s(?:\||–|—|-|/|::|»)\s")
_SITE_MAX_WORDS = 4
_HEAD_MIN_WORDS = 3

HEADLINE_MODEL_NAME = "headline_model.json"
HEADLINE_MODEL_KIND = "paste-headline-ranker"
HEADLINE_MODEL_FORMAT = 1
HEADLINE_TRAINER = "python -m bench.train_paste_title ../shared/data"
# The candidate's own columns (TITLE_NAMES) and what the line's page says about it.
HEADLINE_FEATURES: tuple[str, ...] = TITLE_NAMES + (
    "echoes", "capitals_vs_most", "lede_overlap", "headline_above", "site_tail",
    "topic", "topic_frequent", "topic_vs_best", "topic_frequent_vs_best", "capitals_vs_below", "below_contents",
    "headlines_above",
)
_HEADLINE_LIKE_AT = HEADLINE_FEATURES.index("headline_like")
# Below this probability a chosen line that is not headline-like (a menu label, a skip link) gives no title: out of
# fold on WCXB tune (five fold splits) 2 pages a split ("Skip to main content", "PERFORMANCE"), none right; at 0.01
# a dictionary page's one-word headword ("restaurant", right) goes too.
NO_TITLE_PROB = 0.005
_BODY_VOCABULARY = 3000  # distinct words of the body read for the overlap and topic features
_TOPIC_MIN_LENGTH = 3  # a topic word has at least this many characters, is no stop word and no number
_FREQUENT = 3  # a body word used this often is one of the article's topics


# "Table of Contents", "In this article", "Key takeaways": a contents heading. The headline stands above it; the
# lines below it are the contents' entries and the body's first section heading (on WCXB tune pastes with such a
# line among the candidates the right headline is above it on 61 pages, below it on 7).
_CONTENTS_HEAD = re.compile(
    r"(?:toggle )?(?:table of contents?|contents|in this (?:article|post|guide)|on this page|jump to(?: section| chapter)?"
    r"|article contents|key takeaways)(?: hide)?"
)
_CONTENTS_MAX_CHARS = 60


# "Home · Farm · 6 Gardening Shows ...", "Business News›US›Lifestyle›Coffee lovers rejoice ...": a breadcrumb
# trail before the headline, its steps short.
_CRUMB_SEPARATOR = re.compile(r"\s*[›▸»]\s*|\s[>·•/|]\s|\s{2,}")
_CRUMB_MAX_WORDS = 3


def _without_site_tail(line: str) -> str:
    separators = list(_SITE_SEPARATOR.finditer(line))
    # "Best Bread Machines – My Favorites!": a site name does not exclaim (on WCXB tune the only tails ending
    # in "!" that a right headline carries are its own; the cut ones are promos, never a title).
    if not separators or line.rstrip().endswith("!"):
        return line
    head, tail = line[: separators[-1].start()].rstrip(), line[separators[-1].end() :].strip()
    if len(tail.split()) <= _SITE_MAX_WORDS and len(head.split()) >= _HEAD_MIN_WORDS:
        return head
    return line


def _without_breadcrumb(line: str) -> str:
    steps = _CRUMB_SEPARATOR.split(line.strip())
    if len(steps) < 3 or len(steps[-1].split()) < _HEAD_MIN_WORDS:
        return line
    if all(0 < len(step.split()) <= _CRUMB_MAX_WORDS for step in steps[:-1]):
        return steps[-1].strip()
    return line


def headline_text(line: str) -> str:
    """A headline line without a site name or date after its last separator (a tail of four words or fewer,
    not ending in "!") and without a breadcrumb trail of two or more short steps before it."""
    return _without_breadcrumb(_without_site_tail(line))


@lru_cache(maxsize=4096)  # asked for each line near the body twice (candidates, then headline_like)
def _never_headline(text: str) -> bool:
    key = line_key(text)
    return key in BOX_HEADINGS or bool(_METHOD_HEAD.match(key)) or bool(_SKIP_LINK.match(text.strip())) or is_promo_line(text)


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


class _HeadlineLike:
    """`headline_like` of a paste's lines by index, each line's computed once (the headline choice asks for the
    same lines up to three times: candidates, the rule and the line above each candidate), and the longer
    words of a line (asked for twice: body and lede overlap)."""

    def __init__(self, lines: Sequence[PasteLine], features: Sequence[Sequence[float]]) -> None:
        self.lines, self.features = lines, features
        self.known: dict[int, bool] = {}
        self.long: dict[int, list[str]] = {}

    def __call__(self, i: int) -> bool:
        known = self.known.get(i)
        if known is None:
            known = self.known[i] = headline_like(self.lines[i], self.features[i])
        return known

    def long_words(self, i: int) -> list[str]:
        words = self.long.get(i)
        if words is None:
            words = self.long[i] = _long_words(self.lines[i].text)
        return words


def find_title(
    lines: Sequence[PasteLine], features: Sequence[Sequence[float]], keep: Sequence[bool], lookback: int,
    like: _HeadlineLike | None = None,
) -> int | None:
    """Rule-based headline: the nearest headline-like line at or before the body's first line.
    `like`: the paste's headline_like by index, when the caller keeps one."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return None
    like = like or _HeadlineLike(lines, features)
    # The first kept line is the headline only when it is no prose and more body follows.
    start = first if like(first) and any(keep[first + 1 :]) else first - 1
    for i in range(start, max(-1, first - 1 - lookback), -1):
        if like(i):
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


def _is_menu(features: Sequence[float]) -> bool:
    return bool(features[SHORT] and not features[ENDS_SENTENCE])


def _long_words(text: str) -> list[str]:
    return [w for w in lower_words(text, 300) if len(w) >= 3]


def _overlap(text: str, vocabulary: Set[str], words: list[str] | None = None) -> float:
    """Share of a line's longer words that the body also uses (a headline restates the article).
    `words`: _long_words(text) when the caller has them."""
    words = _long_words(text) if words is None else words
    return sum(map(vocabulary.__contains__, words)) / len(words) if words else 0.0


def body_word_counts(lines: Sequence[PasteLine], keep: Sequence[bool], first: int) -> Counter[str]:
    """Lower-cased words of the kept lines from `first` on and how often each is used, until the body has
    used about _BODY_VOCABULARY distinct words."""
    counts: Counter[str] = Counter()
    # Lines are counted in batches: while `bound` (distinct words counted plus words waiting) stays within
    # _BODY_VOCABULARY the stop cannot have been reached, so the counter is only updated (and its size
    # checked, as line by line) when the bound passes it.
    waiting: list[list[str]] = []
    bound = 0
    for i in range(first, len(lines)):
        if keep[i]:
            words = lower_words(lines[i].text, 3000)
            waiting.append(words)
            bound += len(words)
            if bound > _BODY_VOCABULARY:
                counts.update(chain.from_iterable(waiting))
                waiting = []
                if len(counts) > _BODY_VOCABULARY:
                    break
                bound = len(counts)
    counts.update(chain.from_iterable(waiting))
    return counts


def title_candidates(
    analysis: Analysis, keep: Sequence[bool], lookback: int, body_counts: Counter[str] | None = None,
    like: _HeadlineLike | None = None,
) -> tuple[list[int], np.ndarray]:
    """Lines that may be the headline (around the body's start) and their features (columns in TITLE_NAMES).
    `like`: the paste's headline_like by index, when the caller keeps one."""
    lines = analysis.lines
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return [], np.zeros((0, len(TITLE_NAMES)))
    candidates = [
        i for i in range(max(0, first - lookback), min(len(lines), first + _TITLE_BODY_LINES))
        if len(lines[i].text) <= _TITLE_MAX_CHARS and not analysis.features[i][DATE_ONLY] and not _never_headline(lines[i].text)
        and not _GLUED_MENU.search(lines[i].text)
    ]
    if not candidates:
        return [], np.zeros((0, len(TITLE_NAMES)))
    counts = Counter(line.text for line in lines)
    like = like or _HeadlineLike(lines, analysis.features)
    rule = find_title(lines, analysis.features, keep, lookback, like)
    body_words = (body_counts if body_counts is not None else body_word_counts(lines, keep, first)).keys()
    features = analysis.features
    longest = max(features[i][LOG_CHARS] for i in candidates)
    # Meta lines within _META_REACH and menu lines within _MENU_REACH of any candidate, each tested once.
    low = max(0, candidates[0] - max(_META_REACH, _MENU_REACH))
    high = min(len(lines), candidates[-1] + 1 + _META_REACH)
    meta = [_is_meta(lines[j].text, features[j]) for j in range(low, high)]
    menu_above = [0]  # menu_above[k]: menu lines among lines low .. low + k - 1
    for j in range(low, candidates[-1]):
        menu_above.append(menu_above[-1] + _is_menu(features[j]))
    rows = []
    rank = 0
    for i in sorted(candidates, key=lambda c: abs(c - first)):
        line = lines[i]
        own = analysis.features[i]
        headline = like(i)
        menu_from = max(0, i - _MENU_REACH)
        text_part = list(_title_text_part(own))
        text_part[_BLANK_BEFORE_AT] = float(line.blank_before)
        text_part[_BLANK_AFTER_AT] = float(line.blank_after)
        rows.append((i, text_part + [
            math.log(counts[line.text]), math.log1p(abs(first - i)), float(i >= first), analysis.probs[i],
            float(headline), math.log1p(rank) if headline else 3.0, float(i == 0), float(i == rule),
            _overlap(line.text, body_words, like.long_words(i)), float("»" in line.text or " > " in line.text or " / " in line.text),
            float(line.text.rstrip().endswith("?")),
            float(any(meta[i + 1 - low : min(len(lines), i + 1 + _META_REACH) - low])),
            float(any(meta[max(0, i - _META_REACH) - low : i - low])),
            own[LOG_CHARS] - longest,
            (menu_above[i - low] - menu_above[menu_from - low]) / _MENU_REACH,
        ]))
        rank += headline
    rows.sort()
    return [i for i, _ in rows], np.array([row for _, row in rows], dtype=float)


def _echoes(lines: Sequence[PasteLine], candidates: Sequence[int]) -> dict[int, int]:
    """How often each candidate's text stands inside another, longer line of the paste (case-folded).

    A page repeats its headline in the browser tab's "Headline | Site", the breadcrumb
    "Home > Blog > Headline" or "Posted ... on Headline"; a subheading or a dek is rarely repeated so.
    """
    folded = "\n".join(line.text for line in lines).casefold()
    exact = Counter(line.text for line in lines)
    return {i: folded.count(lines[i].text.casefold()) - exact[lines[i].text] if len(lines[i].text) >= 8 else 0 for i in candidates}


def _lede_words(lines: Sequence[PasteLine], keep: Sequence[bool], first: int) -> set[str]:
    """The longer words of the body's first three lines (a headline announces what the lede says)."""
    words: set[str] = set()
    taken = 0
    for i in range(first, len(lines)):
        if keep[i]:
            words.update(w for w in lower_words(lines[i].text, 1000) if len(w) >= 3)
            taken += 1
            if taken == 3:
                break
    return words


def _topic(text: str, body_counts: Counter[str]) -> tuple[float, float]:
    """How much a line speaks of what the body speaks of: the mean log count in the body of the line's topic
    words, and the share of them the body uses _FREQUENT times or more (a headline names the article's subject;
    a byline, a caption or a menu heading does not)."""
    stop = stop_words()
    words = [w for w in lower_words(text, 300) if len(w) >= _TOPIC_MIN_LENGTH and w not in stop and not w.isdigit()]
    if not words:
        return 0.0, 0.0
    uses = [body_counts.get(w, 0) for w in words]
    return sum(map(math.log1p, uses)) / len(words), sum(1 for n in uses if n >= _FREQUENT) / len(words)


def headline_rows(analysis: Analysis, keep: Sequence[bool], lookback: int) -> tuple[list[int], np.ndarray]:
    """Headline candidates and their HEADLINE_FEATURES: the cleaner's columns, then the page-relative ones."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return [], np.zeros((0, len(HEADLINE_FEATURES)))
    lines, features = analysis.lines, analysis.features
    body_counts = body_word_counts(lines, keep, first)
    like = _HeadlineLike(lines, features)
    candidates, base = title_candidates(analysis, keep, lookback, body_counts, like)
    if not candidates:
        return [], np.zeros((0, len(HEADLINE_FEATURES)))
    most_capitalised = max(features[i][TITLE_RATIO] for i in candidates)
    echoes = _echoes(lines, candidates)
    lede = _lede_words(lines, keep, first)
    topics = np.array([_topic(lines[i].text, body_counts) for i in candidates], dtype=float)
    extra = []
    for i in candidates:
        text = lines[i].text
        # A dek follows a shorter headline.
        above = i > 0 and like(i - 1) and len(lines[i - 1].text) < len(text)
        extra.append([
            math.log1p(echoes[i]), features[i][TITLE_RATIO] - most_capitalised, _overlap(text, lede, like.long_words(i)),
            float(above), float(headline_text(text) != text),
        ])
    below = np.array([[_capitals_vs_below(lines, features, like, i)] for i in candidates], dtype=float)
    contents = np.array([[c] for c in below_contents(lines, candidates)], dtype=float)
    above = np.array([[a] for a in headlines_above(candidates, like)], dtype=float)
    return candidates, np.hstack([base, np.asarray(extra, dtype=float), topics, topics - topics.max(axis=0), below, contents, above])


def headlines_above(candidates: Sequence[int], like: _HeadlineLike) -> list[float]:
    """For each candidate (line indices, ascending), log(1 + the headline-like lines between the first candidate
    and it): the headline is the first prominent line under the menus; the dek, a contents entry and the body's
    section headings come after it (the window opens at the lede, so they are candidates too)."""
    counts, seen, previous = [], 0, candidates[0]
    for i in candidates:
        seen += sum(map(like, range(previous, i)))
        previous = i
        counts.append(math.log1p(seen))
    return counts


def below_contents(lines: Sequence[PasteLine], candidates: Sequence[int]) -> list[float]:
    """1.0 for each candidate (line indices, ascending) below a contents heading ("Table of Contents", "In this
    article") that stands among or just above the candidates, else 0.0: such a candidate is a contents entry or a
    section heading, not the headline."""
    start, end = max(0, candidates[0] - 1), candidates[-1] + 1
    heads = [
        i for i in range(start, end)
        if len(lines[i].text) < _CONTENTS_MAX_CHARS and _CONTENTS_HEAD.fullmatch(line_key(lines[i].text))
    ]
    return [float(bool(heads) and heads[0] < i) for i in candidates]


def _capitals_vs_below(
    lines: Sequence[PasteLine], features: Sequence[Sequence[float]], like: _HeadlineLike, i: int
) -> float:
    """A line's share of capitalised words less that of the headline-like line right below it (0 when the line
    below is no headline): a Title Case headline over a sentence-case dek ("Making Google Sans Flex" over "How
    seven design problems shaped ...") gains, the dek under it does not."""
    below = i + 1
    if below >= len(lines) or not like(below):
        return 0.0
    return features[i][TITLE_RATIO] - features[below][TITLE_RATIO]


@dataclass(frozen=True)
class HeadlineModel(LinearModel):
    min_prob: float | None = None  # pointwise: below this the rule decides; None: a ranker, its best is taken


def _min_prob(payload: dict[str, Any]) -> dict[str, Any]:
    min_prob = payload["min_prob"]
    return {"min_prob": None if min_prob is None else float(min_prob)}


@lru_cache(maxsize=4)
def load_headline_model(path: Path | None = None) -> HeadlineModel:
    """The shipped headline chooser (or the one at `path`); raises ModelFileError when it does not fit the code."""
    path = path or package_model_path(__package__, HEADLINE_MODEL_NAME)
    return load_linear_model(HeadlineModel, path, HEADLINE_MODEL_KIND, HEADLINE_MODEL_FORMAT, HEADLINE_FEATURES, HEADLINE_TRAINER, _min_prob)


def pick_headline(
    analysis: Analysis, keep: Sequence[bool], candidates: list[int], rows: np.ndarray, headline: HeadlineModel
) -> int | None:
    """The best-scored candidate; a pointwise model that is unsure defers to the nearest headline-like line above the body."""
    if not candidates:
        return None
    logits = headline.scores(rows)
    best = int(np.argmax(logits))
    if headline.min_prob is None:
        return inner_headline(analysis.lines, candidates, candidates[best])
    prob = sigmoid_array(logits)[best]
    if prob < NO_TITLE_PROB and not rows[best][_HEADLINE_LIKE_AT]:
        # "Skip to main content", "PERFORMANCE": the page shows no headline the chooser believes, and the best
        # line cannot be one by its own text (a menu label or a site notice). No title is shown rather than that.
        return None
    if prob >= headline.min_prob:
        return inner_headline(analysis.lines, candidates, candidates[best])
    return find_title(analysis.lines, analysis.features, keep, _RULE_LOOKBACK)


_INNER_MIN_WORDS = 3


def inner_headline(lines: Sequence[PasteLine], candidates: Sequence[int], chosen: int) -> int:
    """The candidate that ends the chosen line, when one does: "Posted on ... by ... - 5 Comments on <headline>",
    "You are here: Site » Section » <headline>" hold the headline's own line (the longest such, of three words
    or more); otherwise the chosen line."""
    text = lines[chosen].text.strip().casefold()
    inner, inner_length = chosen, 0
    for i in candidates:
        other = lines[i].text.strip().casefold()
        if i == chosen or not inner_length < len(other) < len(text) or len(other.split()) < _INNER_MIN_WORDS:
            continue
        if text.endswith(other):
            inner, inner_length = i, len(other)
    return inner


def rule_title(analysis: Analysis, keep: Sequence[bool], model: PasteModel) -> int | None:
    """The rule's headline alone (no learned chooser): what the cleaner's trainer decodes with."""
    return find_title(analysis.lines, analysis.features, keep, _RULE_LOOKBACK)


def choose_title(analysis: Analysis, keep: Sequence[bool], model: PasteModel) -> int | None:
    """The headline's line index, chosen by the headline model among the lines near the body's start."""
    candidates, rows = headline_rows(analysis, keep, model.decode.title_lookback)
    return pick_headline(analysis, keep, candidates, rows, load_headline_model())
