"""Clean text that a user pasted from a web page (select all, copy, paste).

A browser paste holds the article plus the page's chrome: menus, "Recent
Articles" link lists, share and follow buttons, cookie notes, footers and
comment sections. Plain text has no markup to tell them apart, so the cleaner
works line by line:

1. Hard-wrapped text (email, terminals) is rejoined into paragraphs first, but
   only when most lines end close to one detected wrap width.
2. Every non-blank line gets hand-made features (length, closing punctuation,
   stop-word share, capitalisation, known chrome phrases in several languages,
   counters, dates, repeats) and a logistic-regression score. A second
   logistic regression rescores each line from the first scores of its
   neighbours, so short subheadings inside prose survive and long lines inside
   link lists do not.
3. A two-state (article / chrome) Viterbi pass turns the scores into
   contiguous regions; trailing sections that open with a chrome heading
   ("Related", "Comments", "Recent Articles") are cut.
4. The headline is the headline-like line just before the body; it becomes the
   title and is kept out of the body.

The weights live in `paste_cleaner_model.json` next to this file and are built
by `bench/train_paste_cleaner.py` from the tuning split of the paste data only.
Every step is linear in the input (no backtracking-prone regexes), and any
`str` input is accepted.
"""

from __future__ import annotations

import json
import logging
import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from stop_words import AVAILABLE_LANGUAGES, get_stop_words

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("paste_cleaner_model.json")


@dataclass(frozen=True)
class CleanedPaste:
    title: str  # the headline ("" if none found); never glued onto the first sentence
    body: str  # the article body: one paragraph per line, blank line between paragraphs


# --------------------------------------------------------------------------- #
# Normalisation and hard-wrap rejoining
# --------------------------------------------------------------------------- #

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BULLET_START = re.compile(r"(?:[-*\u2022\u00b7\u25aa\u25cf\u25ba\u2023\u2043\u2013\u2014>]\s|\d{1,3}[.)]\s)")
_FIRST_WORD = re.compile(r"\S{1,60}")

# Wrap widths we try to recognise; below 30 or above 250 it is not a terminal or email wrap.
_MIN_WRAP, _MAX_WRAP = 30, 250
# How far below the wrap width a wrapped line may end (long words push lines short).
_WRAP_BAND = 18


def _normalise(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROL.sub("", text)


def detect_wrap_width(lines: Sequence[str]) -> int | None:
    """The width text was hard-wrapped at, or None when lines do not end near one width.

    Wrapped text has nearly all lines at most W long, and the lines that are
    followed by another line of the same paragraph end within a few characters
    of W (the next word did not fit).
    """
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 4:
        return None
    ordered = sorted(lengths)
    width = ordered[min(len(ordered) - 1, int(len(ordered) * 0.98))]
    if not _MIN_WRAP <= width <= _MAX_WRAP:
        return None
    inner = [len(a) for a, b in zip(lines, lines[1:]) if a and b]
    if len(inner) < 3:
        return None
    near = sum(1 for n in inner if width - _WRAP_BAND <= n <= width)
    if near < 0.6 * len(inner):
        return None
    # Paragraphs of web text are rarely all just under one width; demand a real cluster.
    if sum(1 for n in lengths if n > width) > 0.02 * len(lengths) + 1:
        return None
    return width


def rejoin_hard_wraps(text: str) -> str:
    """Rejoin lines cut at a fixed width into one line per paragraph; other text is returned as is."""
    lines = [line.rstrip() for line in _normalise(text).split("\n")]
    width = detect_wrap_width(lines)
    if width is None:
        return "\n".join(lines)
    out: list[str] = []
    paragraph: list[str] = []  # physical lines of the paragraph being rebuilt
    for line in lines:
        if paragraph and line and _continues(paragraph[-1], line, width):
            paragraph.append(line)
            continue
        if paragraph:
            out.append(_join_wrapped(paragraph))
        paragraph = [line] if line else []
        if not line:
            out.append("")
    if paragraph:
        out.append(_join_wrapped(paragraph))
    return "\n".join(out)


def _continues(previous: str, line: str, width: int) -> bool:
    """True when `previous` ended only because the first word of `line` did not fit."""
    stripped = line.lstrip()
    if _BULLET_START.match(stripped):
        return False
    first = _FIRST_WORD.match(stripped)
    next_word = len(first.group(0)) if first else 0
    return len(previous) <= width and len(previous) + 1 + next_word > width - 1


def _join_wrapped(paragraph: list[str]) -> str:
    joined = paragraph[0]
    for line in paragraph[1:]:
        line = line.lstrip()
        # "well-" + "known": a word hyphenated at the wrap is glued back without a space.
        if joined.endswith("-") and len(joined) > 1 and joined[-2].isalpha() and line[:1].islower():
            joined += line
        else:
            joined += " " + line
    return joined


# --------------------------------------------------------------------------- #
# Line features
# --------------------------------------------------------------------------- #

WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u0964][\"'\u201d\u2019\u00bb)\]]*$")
_INNER_STOP = re.compile(r"[.!?\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)]*\s")
_URL = re.compile(r"https?://|www\.|\.com\b|@\w+\.\w")
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits r\u00e9serv|todos los derechos|tutti i diritti", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

# Whole-line chrome: lines that, lower-cased and stripped of punctuation, are exactly one of these.
_CHROME_EXACT = frozenset(
    """
    share|share this|share this article|share this story|share this post|share on facebook|share on twitter|share on x
    tweet|pin|pin it|email|print|copy link|copy|link copied|whatsapp|facebook|twitter|x|linkedin|reddit|instagram|youtube|tiktok|pinterest|telegram
    follow us|follow us on|follow|connect with us|find us on|like us on facebook|stay connected
    subscribe|subscribe now|subscribe to our newsletter|sign up|sign up for our newsletter|newsletter|newsletters|get the newsletter|join our newsletter
    sign in|sign out|log in|log out|login|logout|register|create account|my account|account|profile|sign in to comment|log in to comment
    cookie|cookies|cookie policy|cookie settings|manage cookies|accept|accept all|accept cookies|reject all|decline|got it|ok|close|dismiss
    privacy|privacy policy|privacy notice|terms|terms of use|terms of service|terms and conditions|terms conditions|legal|imprint|impressum|disclaimer|accessibility|sitemap|site map
    about|about us|contact|contact us|careers|jobs|advertise|advertise with us|press|help|faq|faqs|support|store|shop|donate|back to top|top|scroll to top
    home|menu|main menu|navigation|main navigation|search|search for|skip to content|skip to main content|skip to navigation|toggle navigation|open menu|close menu
    comments|comment|leave a comment|leave a reply|post a comment|add a comment|write a comment|reply|replies|show comments|view comments|load more comments|no comments|0 comments|join the discussion|join the conversation
    related|related articles|related posts|related stories|related content|related news|related reading|see also|more stories|more news|more articles|more from|read more|read next|up next|continue reading|keep reading|read full article|read the full story
    recent articles|recent posts|recent news|latest|latest news|latest articles|latest posts|latest stories|popular|popular posts|popular articles|most popular|most read|most viewed|trending|trending now|top stories|editor s picks|editors picks|recommended|recommended for you|you may also like|you might also like|you may be interested in|don t miss|must read
    blog posts|categories|category|tags|tagged|topics|archives|archive|previous|next|previous post|next post|previous article|next article|older posts|newer posts|load more|show more|view all|see all|all articles
    advertisement|advertising|sponsored|sponsored content|ad|ads|promoted|paid content|partner content|ad free|ad feedback
    listen|listen to this article|play|watch|video|photo|photos|image|gallery|view gallery|download|rss|feed
    teilen|folgen sie uns|abonnieren|anmelden|abmelden|registrieren|kommentare|kommentar|weiterlesen|mehr lesen|mehr zum thema|anzeige|werbung|datenschutz|datenschutzerkl\u00e4rung|kontakt|startseite|suche|newsletter abonnieren|\u00e4hnliche artikel|verwandte artikel|das k\u00f6nnte sie auch interessieren
    partager|suivez nous|s abonner|abonnez vous|connexion|se connecter|inscription|commentaires|commentaire|lire la suite|lire aussi|\u00e0 lire aussi|publicit\u00e9|articles similaires|mentions l\u00e9gales|accueil|rechercher|politique de confidentialit\u00e9
    compartir|s\u00edguenos|suscr\u00edbete|suscribirse|iniciar sesi\u00f3n|registrarse|comentarios|comentario|leer m\u00e1s|publicidad|relacionados|art\u00edculos relacionados|noticias relacionadas|inicio|buscar|pol\u00edtica de privacidad|aviso legal
    condividi|seguici|iscriviti|accedi|registrati|commenti|leggi anche|leggi di pi\u00f9|pubblicit\u00e0|articoli correlati|cerca
    compartilhar|partilhar|siga nos|assine|inscreva se|entrar|coment\u00e1rios|leia mais|leia tamb\u00e9m|publicidade|not\u00edcias relacionadas|in\u00edcio|pesquisar
    delen|volg ons|abonneren|inloggen|reacties|lees meer|lees ook|advertentie|gerelateerde artikelen
    dela|f\u00f6lj oss|prenumerera|logga in|kommentarer|l\u00e4s mer|annons|del|f\u00f8lg os|abonner|log ind|kommentarer|l\u00e6s mere|annonce
    udost\u0119pnij|obserwuj nas|subskrybuj|zaloguj si\u0119|komentarze|czytaj wi\u0119cej|reklama|zobacz te\u017c
    \u043f\u043e\u0434\u0435\u043b\u0438\u0442\u044c\u0441\u044f|\u043f\u043e\u0434\u043f\u0438\u0441\u0430\u0442\u044c\u0441\u044f|\u0432\u043e\u0439\u0442\u0438|\u043a\u043e\u043c\u043c\u0435\u043d\u0442\u0430\u0440\u0438\u0438|\u0447\u0438\u0442\u0430\u0442\u044c \u0434\u0430\u043b\u0435\u0435|\u0440\u0435\u043a\u043b\u0430\u043c\u0430|\u043f\u043e\u0445\u043e\u0436\u0438\u0435 \u0441\u0442\u0430\u0442\u044c\u0438|\u0433\u043b\u0430\u0432\u043d\u0430\u044f|\u043f\u043e\u0438\u0441\u043a
    payla\u015f|takip et|abone ol|giri\u015f yap|yorumlar|devam\u0131n\u0131 oku|reklam|\u0634\u0627\u0631\u0643|\u062a\u0627\u0628\u0639\u0646\u0627|\u0627\u0634\u062a\u0631\u0643|\u062a\u0633\u062c\u064a\u0644 \u0627\u0644\u062f\u062e\u0648\u0644|\u062a\u0639\u0644\u064a\u0642\u0627\u062a|\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627|\u0625\u0639\u0644\u0627\u0646
    \u5206\u4eab|\u5173\u6ce8\u6211\u4eec|\u8ba2\u9605|\u767b\u5f55|\u6ce8\u518c|\u8bc4\u8bba|\u9605\u8bfb\u66f4\u591a|\u5e7f\u544a|\u76f8\u5173\u6587\u7ae0|\u30b7\u30a7\u30a2|\u30ed\u30b0\u30a4\u30f3|\u30b3\u30e1\u30f3\u30c8|\u95a2\u9023\u8a18\u4e8b|\u5e83\u544a
    """.replace("\n", "|").split("|")
) - {""}

# Headings that open a trailing non-article section; the first word-prefixes are enough.
_SECTION_HEADS = (
    "related", "recent articles", "recent posts", "recent news", "recent stories", "blog posts", "more from", "more stories",
    "more news", "more articles", "more on", "more in", "you may also like", "you might also like", "you may be interested",
    "recommended", "read next", "read more", "further reading", "popular", "most popular", "most read", "trending", "latest news",
    "latest articles", "latest posts", "comments", "leave a reply", "leave a comment", "post a comment", "join the discussion",
    "join the conversation", "newsletter", "sign up for", "subscribe to", "about the author", "share this", "share on",
    "follow us", "tags", "filed under", "categories", "previous post", "next post", "ad free", "don t miss", "top stories",
    "what to read next", "editors picks", "editor s picks", "also read", "see also", "other articles", "similar articles",
    "\u00e4hnliche artikel", "mehr zum thema", "kommentare", "articles similaires", "lire aussi", "commentaires",
    "art\u00edculos relacionados", "comentarios", "noticias relacionadas", "articoli correlati", "commenti", "leia tamb\u00e9m",
    "coment\u00e1rios", "lees ook", "reacties", "\u043f\u043e\u0445\u043e\u0436\u0438\u0435", "\u043a\u043e\u043c\u043c\u0435\u043d\u0442\u0430\u0440\u0438\u0438",
)

_COUNTER_WORDS = frozenset(
    "like likes comment comments share shares view views reads read follower followers subscribers votes vote points "
    "reply replies min mins minute minutes retweets reactions claps responses answers".split()
)
_DATE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "am pm utc gmt est edt pst pdt cet cest bst ist updated published posted on at st nd rd th ago hours hour days day "
    "minutes weeks week months month years year last modified de del di le der den".split()
)
_BYLINE = re.compile(r"(?:by|von|par|por|di|door|av|af|\u043e\u0442)\s", re.I)
_CAPTION = re.compile(r"(?:image|photo|picture|credit|source|foto|bild|caption|getty|reuters|ap photo|illustration)\b", re.I)

FEATURE_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "ends_comma", "inner_stops", "stop_ratio",
    "title_ratio", "upper_ratio", "alpha_ratio", "digit_ratio", "cjk_ratio", "bullet", "chrome_exact",
    "chrome_prefix", "section_head", "date_only", "counter", "copyright", "url", "separators", "repeats",
    "rel_pos", "blank_before", "blank_after", "short", "long", "byline", "caption",
)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    words: set[str] = set()
    for language in AVAILABLE_LANGUAGES:
        try:
            words.update(word.lower() for word in get_stop_words(language))
        except Exception:  # a broken list must not break cleaning; fewer stop words only weakens one feature
            log.warning("stop words for %s unavailable", language)
    return frozenset(words)


def _key(line: str) -> str:
    """Lower-cased words of a line joined by single spaces: the form chrome phrases are matched in."""
    return " ".join(WORD.findall(line[:300].lower())).replace("_", " ")


@dataclass(frozen=True)
class PasteLine:
    text: str
    index: int  # position among the non-blank lines
    blank_before: bool
    blank_after: bool


def split_lines(text: str) -> list[PasteLine]:
    raw = [line.strip() for line in text.split("\n")]
    lines: list[PasteLine] = []
    for i, line in enumerate(raw):
        if not line:
            continue
        before = i == 0 or not raw[i - 1]
        after = i + 1 >= len(raw) or not raw[i + 1]
        lines.append(PasteLine(line, len(lines), before, after))
    return lines


def _text_features(line: str) -> tuple[float, ...]:
    """Features of a line's own text."""
    stop = _stop_words()
    words = WORD.findall(line)
    n_words = len(words)
    n_chars = len(line)
    letters = sum(1 for c in line[:2000] if c.isalpha())
    sample = line[:2000]
    sample_len = max(1, len(sample))
    uppers = sum(1 for c in sample if c.isupper())
    digits = sum(1 for c in sample if c.isdigit())
    cjk = len(_CJK.findall(sample))
    lowered = [w.lower() for w in words[:400]]
    stop_ratio = sum(1 for w in lowered if w in stop) / max(1, len(lowered))
    title_ratio = sum(1 for w in words[:400] if w[:1].isupper()) / max(1, min(n_words, 400))
    key = _key(line)
    chrome_exact = key in _CHROME_EXACT
    first_words = key.split(" ", 4)
    chrome_prefix = n_words <= 8 and any(" ".join(first_words[:k]) in _CHROME_EXACT for k in (1, 2, 3))
    section_head = n_words <= 8 and key.startswith(_SECTION_HEADS)
    has_digit = any(w.isdigit() for w in lowered)
    date_only = has_digit and n_words <= 10 and all(w.isdigit() or w in _DATE_WORDS for w in lowered)
    counter = n_words <= 4 and has_digit and any(w in _COUNTER_WORDS for w in lowered) or (n_words == 1 and has_digit and n_chars <= 8)
    separators = sample.count("|") + sample.count("\u2022") + sample.count("\u00b7") + sample.count(" / ")
    stripped_end = line.rstrip()
    return (
        math.log1p(n_chars),
        math.log1p(n_words),
        float(bool(_SENTENCE_END.search(stripped_end[-8:]))),
        float(stripped_end.endswith(":")),
        float(stripped_end.endswith(",")),
        math.log1p(len(_INNER_STOP.findall(sample))),
        stop_ratio,
        title_ratio,
        uppers / max(1, letters) if letters else 0.0,
        letters / sample_len,
        digits / sample_len,
        cjk / sample_len,
        float(bool(_BULLET_START.match(line))),
        float(chrome_exact),
        float(chrome_prefix),
        float(section_head),
        float(date_only),
        float(counter),
        float(bool(_COPYRIGHT.search(sample))),
        float(bool(_URL.search(sample))),
        math.log1p(separators),
        0.0,  # repeats: filled in per document
        0.0,  # rel_pos
        0.0,  # blank_before
        0.0,  # blank_after
        float(n_words <= 3 and cjk < 6),
        float(n_words >= 25 or cjk >= 60),
        float(bool(_BYLINE.match(line)) and n_words <= 10),
        float(bool(_CAPTION.match(line)) and n_words <= 15),
    )


_REPEATS, _REL_POS, _BLANK_BEFORE, _BLANK_AFTER = (FEATURE_NAMES.index(n) for n in ("repeats", "rel_pos", "blank_before", "blank_after"))
# Neighbour features copied into each line's stage-1 vector: prev/next line's own values.
_NEIGHBOUR_FEATURES = ("log_words", "ends_sentence", "stop_ratio", "chrome_exact", "title_ratio")
_NEIGHBOUR_INDEX = tuple(FEATURE_NAMES.index(n) for n in _NEIGHBOUR_FEATURES)
STAGE1_NAMES: tuple[str, ...] = FEATURE_NAMES + tuple(
    f"{side}_{name}" for side in ("prev", "next", "prev2", "next2") for name in _NEIGHBOUR_FEATURES
)


def line_features(lines: Sequence[PasteLine]) -> list[list[float]]:
    """Stage-1 feature vectors (names in STAGE1_NAMES) for a document's non-blank lines."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    n = len(lines)
    own: list[list[float]] = []
    by_text: dict[str, tuple[float, ...]] = {}  # menus repeat the same lines; compute each text once
    for line in lines:
        if line.text not in by_text:
            by_text[line.text] = _text_features(line.text)
        vector = list(by_text[line.text])
        vector[_REPEATS] = math.log(counts[line.text])
        vector[_REL_POS] = line.index / max(1, n - 1)
        vector[_BLANK_BEFORE] = float(line.blank_before)
        vector[_BLANK_AFTER] = float(line.blank_after)
        own.append(vector)
    empty = [0.0] * len(_NEIGHBOUR_INDEX)
    full: list[list[float]] = []
    for i, vector in enumerate(own):
        row = list(vector)
        for offset in (-1, 1, -2, 2):
            j = i + offset
            row.extend([own[j][k] for k in _NEIGHBOUR_INDEX] if 0 <= j < n else empty)
        full.append(row)
    return full


# --------------------------------------------------------------------------- #
# Scoring
# --------------------------------------------------------------------------- #

STAGE2_NAMES: tuple[str, ...] = (
    "logit", "mean_2", "mean_5", "mean_15", "weighted_10", "in_best_block", "before_block", "after_block",
    "block_distance", "rel_pos", "log_words", "ends_sentence", "chrome_exact", "section_head", "max_3", "min_3",
)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _linear(model: dict[str, Any], rows: Sequence[Sequence[float]]) -> list[float]:
    mean, scale, weights, bias = model["mean"], model["scale"], model["weights"], model["bias"]
    coefficients = [w / s for w, s in zip(weights, scale)]
    offset = bias - sum(c * m for c, m in zip(coefficients, mean))
    return [offset + sum(c * x for c, x in zip(coefficients, row)) for row in rows]


def _window_means(values: Sequence[float], radius: int) -> list[float]:
    prefix = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
    n = len(values)
    return [(prefix[min(n, i + radius + 1)] - prefix[max(0, i - radius)]) / (min(n, i + radius + 1) - max(0, i - radius)) for i in range(n)]


def _window_extreme(values: Sequence[float], radius: int, pick: Any) -> list[float]:
    n = len(values)
    return [pick(values[max(0, i - radius) : i + radius + 1]) for i in range(n)]


def _best_block(gains: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the largest sum of gains (Kadane)."""
    best, best_span = -math.inf, (0, 0)
    running, start = 0.0, 0
    for i, g in enumerate(gains):
        if running <= 0:
            running, start = g, i
        else:
            running += g
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def stage2_features(stage1_logits: Sequence[float], stage1_rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """Context features built from the stage-1 scores of each line's neighbourhood."""
    n = len(stage1_logits)
    if n == 0:
        return []
    probs = [_sigmoid(z) for z in stage1_logits]
    words_index = STAGE1_NAMES.index("log_words")
    words = [math.expm1(row[words_index]) for row in stage1_rows]
    mean2, mean5, mean15 = _window_means(probs, 2), _window_means(probs, 5), _window_means(probs, 15)
    weighted_num = _window_means([p * w for p, w in zip(probs, words)], 10)
    weighted_den = _window_means(words, 10)
    weighted = [a / b if b > 0 else 0.0 for a, b in zip(weighted_num, weighted_den)]
    start, end = _best_block([(p - 0.5) * math.sqrt(w + 1.0) for p, w in zip(probs, words)])
    max3 = _window_extreme(probs, 3, max)
    min3 = _window_extreme(probs, 3, min)
    idx = {name: STAGE1_NAMES.index(name) for name in ("rel_pos", "log_words", "ends_sentence", "chrome_exact", "section_head")}
    rows = []
    for i in range(n):
        distance = 0 if start <= i < end else (start - i if i < start else i - end + 1)
        source = stage1_rows[i]
        rows.append([
            stage1_logits[i], mean2[i], mean5[i], mean15[i], weighted[i],
            float(start <= i < end), float(i < start), float(i >= end), math.log1p(distance),
            source[idx["rel_pos"]], source[idx["log_words"]], source[idx["ends_sentence"]],
            source[idx["chrome_exact"]], source[idx["section_head"]], max3[i], min3[i],
        ])
    return rows


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def score_lines(lines: Sequence[PasteLine], model: dict[str, Any]) -> list[float]:
    """Probability that each non-blank line belongs to the article."""
    if not lines:
        return []
    rows1 = line_features(lines)
    logits1 = _linear(model["stage1"], rows1)
    rows2 = stage2_features(logits1, rows1)
    return [_sigmoid(z) for z in _linear(model["stage2"], rows2)]


# --------------------------------------------------------------------------- #
# Decoding: article regions, trailing sections, title
# --------------------------------------------------------------------------- #

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


def cut_trailing_sections(lines: Sequence[PasteLine], keep: list[bool], probs: Sequence[float], tail_share: float) -> list[bool]:
    """Drop everything from the first chrome section heading after which little article text follows.

    A kept "Related articles" or "Comments" heading usually opens a list or a
    comment thread that the line scores alone cannot tell from prose. The cut
    happens only when the kept words after the heading are at most
    `tail_share` of the kept words before it.
    """
    words = [len(WORD.findall(line.text[:5000])) if keep[i] else 0 for i, line in enumerate(lines)]
    total = sum(words)
    before = 0
    for i, line in enumerate(lines):
        if keep[i] and before > 0:
            key = _key(line.text)
            if len(key.split(" ", 9)) <= 8 and (key.startswith(_SECTION_HEADS) or key in _CHROME_EXACT):
                after = total - before - words[i]
                if after <= tail_share * before:
                    return [k and j < i for j, k in enumerate(keep)]
        before += words[i]
    return keep


_TITLE_MAX_WORDS = 30


def _headline_like(line: PasteLine) -> bool:
    text = line.text
    if len(text) > 250 or len(text) < 8:
        return False
    key = _key(text)
    n_words = len(key.split())
    if not 2 <= n_words <= _TITLE_MAX_WORDS:
        return False
    if key in _CHROME_EXACT or key.startswith(_SECTION_HEADS) or _BULLET_START.match(text):
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    features = _text_features(text)
    date_only, counter, copyright_ = (features[FEATURE_NAMES.index(n)] for n in ("date_only", "counter", "copyright"))
    if date_only or counter or copyright_ or _BYLINE.match(text) or _CAPTION.match(text) or _URL.search(text):
        return False
    return "|" not in text


def find_title(lines: Sequence[PasteLine], keep: Sequence[bool], lookback: int) -> int | None:
    """Index of the headline: the nearest headline-like line at or before the body's first line."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return None
    # The first kept line is the headline only when it is no prose and more body follows.
    start = first if _headline_like(lines[first]) and any(keep[first + 1 :]) else first - 1
    for i in range(start, max(-1, first - 1 - lookback), -1):
        if _headline_like(lines[i]):
            return i
    return None


def clean_paste(text: str) -> CleanedPaste:
    """Split a browser paste into the article's headline and body; chrome around them is dropped."""
    if not isinstance(text, str) or not text.strip():
        return CleanedPaste("", "")
    lines = split_lines(rejoin_hard_wraps(text))
    if not lines:
        return CleanedPaste("", "")
    model = load_model()
    decode = model["decode"]
    probs = score_lines(lines, model)
    shift = decode["logit_shift"]
    if shift:
        probs = [_sigmoid(math.log(max(p, 1e-9) / max(1.0 - p, 1e-9)) + shift) for p in probs]
    weights = None
    if decode["length_weighted"]:
        weights = [min(3.0, math.sqrt(1.0 + len(WORD.findall(line.text[:2000])) / 10.0)) for line in lines]
    keep = viterbi_keep(probs, decode["switch_cost"], weights)
    keep = cut_trailing_sections(lines, keep, probs, decode["tail_share"])
    title_index = find_title(lines, keep, decode["title_lookback"])
    title = lines[title_index].text if title_index is not None else ""
    paragraphs = [line.text for i, line in enumerate(lines) if keep[i] and i != title_index]
    return CleanedPaste(title, "\n\n".join(paragraphs))
