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
   A small learned lexicon (words' article-vs-chrome log-odds) adds what
   hand-made features miss, such as calls to action.
3. A two-state (article / chrome) Viterbi pass turns the scores into
   contiguous regions; comment threads ("34 Comments", "Leave a Reply") and
   link lists under short chrome headings ("Recent Articles", "Blog Posts")
   are cut, whole-line chrome ("Advertisement", "12 Likes", "\u00a9 2024 ...")
   is dropped, promotional lines inside the article are dropped (affiliate
   disclosures, author bios, datelines, "Related: ..." links, short calls to
   action such as "Get the FREE eBook!"), and weak lines at the region edges
   are trimmed.
4. The headline is picked by a third logistic regression among the lines
   around the body's start (box headings such as "Key Takeaways" and promo
   lines are never candidates); it becomes the title and is kept out of the body.

The weights and decoding settings live in `paste_cleaner_model.json` next to
this file and are built by `bench/train_paste_cleaner.py` from the tuning split
of the WCXB paste data only. Every step is linear in the input (no
backtracking-prone regexes); inputs past MAX_PASTE_CHARS / MAX_LINES are cut
to keep any call to about two seconds, and any `str` input is accepted.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
from stop_words import AVAILABLE_LANGUAGES, get_stop_words

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("paste_cleaner_model.json")
# Work limits that keep any input to a couple of seconds. Browser pastes of article pages are far
# smaller (the largest of 892 benchmark pastes has 76,301 characters); beyond these, the tail is ignored.
MAX_PASTE_CHARS = 2_000_000
MAX_LINES = 40_000


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
        if paragraph and line and _continues(paragraph[-1], line, width) and not (len(paragraph) == 1 and _title_cased(paragraph[0])):
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


def _title_cased(line: str) -> bool:
    """A headline-looking line: most words capitalised and no closing punctuation; it is not rejoined with the next line."""
    words = line.split()
    if len(words) < 3 or line.rstrip()[-1:] in ".,;:!?-":
        return False
    return sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha()) >= 0.6 * len(words)


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
_CHROME_PHRASES = (
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
    advertisement continue reading below|story continues below advertisement|article continues below|continue reading below|scroll to continue|sponsor message|sponsored message
    why trust us|table of contents|contents|in this article|on this page|jump to|jump to recipe|print recipe|jump to the list|skip to|search this site
    buy now|shop now|order now|learn more|get started|book now|book a demo|request a demo|contact sales|get in touch|get a quote|click here|see list|see more|see details
    sign up for free|start free trial|try for free|try it free|download now|listen now|watch now|back to blog|view all posts|all posts|more posts|load more posts
    was this article helpful|was this helpful|did you find this helpful|rate this article|how was this issue|thank you for your feedback|print this page|email this
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
    """
)
_CHROME_EXACT = frozenset(phrase.strip() for phrase in _CHROME_PHRASES.replace("\n", "|").split("|")) - {""}

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
# "jsmith says:", "Anna wrote:", "Max sagt:" open a comment.
_COMMENT_AUTHOR = re.compile(r"\s(?:says|said|wrote|writes|replied|dice|sagt|schreibt|\u00e9crit|scrive|disse|zegt)\s?:?$", re.I)
_COMMENT_HEAD = re.compile(
    r"(?:\d+ (?:comments?|responses?|replies|reactions|thoughts? on)|(?:\w+ ){0,2}comments?(?: \d+)?$"
    r"|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"(?:\d+ )?kommentare|(?:\d+ )?commentaires|(?:\d+ )?comentarios|(?:\d+ )?commenti|(?:\d+ )?reacties|"
    r"(?:\d+ )?coment\u00e1rios)"
)
_PROMO_WORDS = frozenset(
    "subscribe subscribed subscribing subscriber subscribers subscription newsletter newsletters inbox unsubscribe signup "
    "login register cookie cookies privacy affiliate affiliates commission commissions sponsor sponsored advertisement "
    "advertising advertise ad ads shop buy order download click tap contact share follow comment comments reply "
    "email trial demo offer deals deal discount coupon consultation schedule request quote join member membership "
    "donate patron rights reserved terms policy copyright podcast app premium exclusive unlock account sign "
    "abonnieren anmelden werbung datenschutz newsletter abonner inscrivez publicit\u00e9 suscr\u00edbete publicidad "
    "iscriviti pubblicit\u00e0 assine publicidade".split()
)
_BYLINE = re.compile(r"(?:by|von|par|por|di|door|av|af|\u043e\u0442)\s", re.I)
_CAPTION = re.compile(r"(?:image|photo|picture|credit|source|foto|bild|caption|getty|reuters|ap photo|illustration)\b", re.I)

FEATURE_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "ends_comma", "inner_stops", "stop_ratio",
    "title_ratio", "upper_ratio", "alpha_ratio", "digit_ratio", "cjk_ratio", "bullet", "chrome_exact",
    "chrome_prefix", "section_head", "date_only", "counter", "copyright", "url", "separators", "repeats",
    "rel_pos", "blank_before", "blank_after", "short", "long", "byline", "caption", "comment_author",
    "comment_head", "promo_words",
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


def is_comment_head(key: str, n_words: int) -> bool:
    """A heading that opens a comment section: "34 Comments", "Leave a Reply", "Kommentare"."""
    return n_words <= 8 and bool(_COMMENT_HEAD.match(key))


def _key(line: str) -> str:
    """Lower-cased words of a line joined by single spaces: the form chrome phrases are matched in."""
    return " ".join(WORD.findall(line[:300].lower())).replace("_", " ")


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters that str.strip() keeps


@dataclass(frozen=True)
class PasteLine:
    text: str
    index: int  # position among the non-blank lines
    blank_before: bool
    blank_after: bool


def split_lines(text: str) -> list[PasteLine]:
    raw = [line.strip().strip(_INVISIBLE).strip() for line in text.split("\n")]
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
    sample = line[:2000]
    sample_len = max(1, len(sample))
    letters = sum(map(str.isalpha, sample))
    uppers = sum(map(str.isupper, sample))
    digits = sum(map(str.isdigit, sample))
    cjk = len(_CJK.findall(sample))
    cjk_total = cjk * n_chars / sample_len
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
    # Menus and table rows: "Home | About", "News • Sport", tab-separated cells.
    separators = sample.count("|") + sample.count("\u2022") + sample.count("\u00b7") + sample.count(" / ") + sample.count("\t")
    stripped_end = line.rstrip()
    # CJK text has no spaces: count about two characters as a word so long CJK lines read as long.
    effective_words = n_words + cjk_total / 2.0
    return (
        math.log1p(n_chars),
        math.log1p(effective_words),
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
        float(effective_words <= 3),
        float(effective_words >= 25),
        float(bool(_BYLINE.match(line)) and n_words <= 10),
        float(bool(_CAPTION.match(line)) and n_words <= 15),
        float(n_words <= 8 and bool(_COMMENT_AUTHOR.search(stripped_end[-20:]))),
        float(is_comment_head(key, n_words)),
        math.log1p(sum(1 for w in lowered[:60] if w in _PROMO_WORDS)),
    )


_REPEATS, _REL_POS, _BLANK_BEFORE, _BLANK_AFTER = (FEATURE_NAMES.index(n) for n in ("repeats", "rel_pos", "blank_before", "blank_after"))
# Neighbour features copied into each line's stage-1 vector: prev/next line's own values.
_NEIGHBOUR_FEATURES = ("log_words", "ends_sentence", "stop_ratio", "chrome_exact", "title_ratio")
_NEIGHBOUR_INDEX = tuple(FEATURE_NAMES.index(n) for n in _NEIGHBOUR_FEATURES)
STAGE1_NAMES: tuple[str, ...] = FEATURE_NAMES + tuple(
    f"{side}_{name}" for side in ("prev", "next", "prev2", "next2") for name in _NEIGHBOUR_FEATURES
) + ("lex_mean", "lex_min", "lex_max", "lex_sum", "lex_first")


def lexicon_features(text: str, lexicon: Mapping[str, float]) -> tuple[float, float, float, float, float]:
    """Article-vs-chrome log-odds of the line's words in the learned lexicon: mean, lowest, highest,
    signed log of the sum, and that of the line's first word ("^word" entries: "Subscribe", "Get", "Join")."""
    words = [t.lower() for t in WORD.findall(text[:2000])]
    first = lexicon.get("^" + words[0], 0.0) if words else 0.0
    scores = [lexicon[w] for w in words if w in lexicon]
    if not scores:
        return 0.0, 0.0, 0.0, 0.0, first
    total = sum(scores)
    return total / len(scores), min(scores), max(scores), math.copysign(math.log1p(abs(total)), total), first


def own_features(lines: Sequence[PasteLine]) -> list[tuple[float, ...]]:
    """Each line's text features (names in FEATURE_NAMES, document fields still 0); repeated lines computed once."""
    by_text: dict[str, tuple[float, ...]] = {}  # menus repeat the same lines
    result = []
    for line in lines:
        features = by_text.get(line.text)
        if features is None:
            features = by_text[line.text] = _text_features(line.text)
        result.append(features)
    return result


def line_features(
    lines: Sequence[PasteLine], lexicon: Mapping[str, float], own_text: Sequence[tuple[float, ...]] | None = None
) -> np.ndarray:
    """Stage-1 feature matrix (columns in STAGE1_NAMES) for a document's non-blank lines."""
    if own_text is None:
        own_text = own_features(lines)
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(STAGE1_NAMES)))
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    own = np.array(own_text, dtype=float)
    own[:, _REPEATS] = np.log([counts[line.text] for line in lines])
    own[:, _REL_POS] = np.arange(n) / max(1, n - 1)
    own[:, _BLANK_BEFORE] = [line.blank_before for line in lines]
    own[:, _BLANK_AFTER] = [line.blank_after for line in lines]
    neighbour = own[:, list(_NEIGHBOUR_INDEX)]
    blocks = [own]
    for offset in (-1, 1, -2, 2):
        shifted = np.zeros_like(neighbour)
        if offset < 0 and n > -offset:
            shifted[-offset:] = neighbour[:offset]
        elif offset > 0 and n > offset:
            shifted[:-offset] = neighbour[offset:]
        blocks.append(shifted)
    lexical: dict[str, tuple[float, float, float]] = {}
    for line in lines:
        if line.text not in lexical:
            lexical[line.text] = lexicon_features(line.text, lexicon)
    blocks.append(np.array([lexical[line.text] for line in lines], dtype=float))
    return np.hstack(blocks)


# --------------------------------------------------------------------------- #
# Scoring
# --------------------------------------------------------------------------- #

STAGE2_NAMES: tuple[str, ...] = (
    "logit", "logit_vs_top", "top_logit", "mean_2", "mean_5", "mean_15", "weighted_10", "in_best_block", "before_block", "after_block",
    "block_distance", "rel_pos", "log_words", "ends_sentence", "chrome_exact", "section_head", "max_3", "min_3",
    "after_comment_head", "dates_10", "authors_10", "after_section_head",
)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _sigmoid_array(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def _linear(model: dict[str, Any], rows: np.ndarray) -> np.ndarray:
    """Logits of a logistic regression stored with its feature means and scales."""
    coefficients = np.asarray(model["weights"]) / np.asarray(model["scale"])
    offset = model["bias"] - float(coefficients @ np.asarray(model["mean"]))
    return np.asarray(rows, dtype=float) @ coefficients + offset


def _window_means(values: np.ndarray, radius: int) -> np.ndarray:
    n = len(values)
    prefix = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(n)
    lo, hi = np.maximum(0, index - radius), np.minimum(n, index + radius + 1)
    return (prefix[hi] - prefix[lo]) / (hi - lo)


def _window_extreme(values: np.ndarray, radius: int, pick: Any) -> np.ndarray:
    padded = np.pad(values, radius, mode="edge")
    return pick(np.lib.stride_tricks.sliding_window_view(padded, 2 * radius + 1), axis=1)


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


def stage2_features(stage1_logits: np.ndarray, stage1_rows: np.ndarray) -> np.ndarray:
    """Context features (columns in STAGE2_NAMES) from the stage-1 scores of each line's neighbourhood."""
    logits = np.asarray(stage1_logits, dtype=float)
    rows = np.asarray(stage1_rows, dtype=float)
    n = len(logits)
    if n == 0:
        return np.zeros((0, len(STAGE2_NAMES)))
    column = {name: STAGE1_NAMES.index(name) for name in STAGE1_NAMES}
    probs = _sigmoid_array(logits)
    words = np.expm1(rows[:, column["log_words"]])
    # Document-relative scale: some sites' prose scores low everywhere, yet it is still their article.
    top = float(np.sort(logits)[::-1][min(n - 1, 2)])
    weighted_den = _window_means(words, 10)
    weighted = np.where(weighted_den > 0, _window_means(probs * words, 10) / np.maximum(weighted_den, 1e-9), 0.0)
    threshold = min(0.5, 0.6 * _sigmoid(top))
    start, end = _best_block(((probs - threshold) * np.sqrt(words + 1.0)).tolist())
    index = np.arange(n)
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    # Headings only count once some article-like text came before them (a "Comments (3)" link near the top does not).
    enough = np.cumsum(probs * words) >= 80
    comment_seen = np.maximum.accumulate(enough & (rows[:, column["comment_head"]] > 0))
    section_seen = np.maximum.accumulate(enough & (rows[:, column["section_head"]] > 0))
    after_comment = np.concatenate([[False], comment_seen[:-1]]).astype(float)
    after_section = np.concatenate([[False], section_seen[:-1]]).astype(float)
    return np.column_stack([
        logits, logits - top, np.full(n, top),
        _window_means(probs, 2), _window_means(probs, 5), _window_means(probs, 15), weighted,
        (index >= start) & (index < end), index < start, index >= end, np.log1p(distance),
        rows[:, column["rel_pos"]], rows[:, column["log_words"]], rows[:, column["ends_sentence"]],
        rows[:, column["chrome_exact"]], rows[:, column["section_head"]],
        _window_extreme(probs, 3, np.max), _window_extreme(probs, 3, np.min),
        after_comment, _window_means(rows[:, column["date_only"]], 10), _window_means(rows[:, column["comment_author"]], 10),
        after_section,
    ]).astype(float)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class Analysis:
    """A paste's non-blank lines, their text features and their article probabilities."""

    lines: list[PasteLine]
    features: list[tuple[float, ...]]  # names in FEATURE_NAMES (document fields 0)
    probs: list[float]


def extend_regions(features: Sequence[Sequence[float]], keep: list[bool], probs: Sequence[float], floor: float) -> list[bool]:
    """Grow kept regions over adjacent prose lines scoring at least `floor`.

    The last paragraph before a footer (and the first after a header) gets a
    low context score from its chrome neighbours, though it reads as prose.
    """
    keep = list(keep)
    n = len(keep)
    for i in range(1, n):  # forward: a kept line pulls in the prose line after it
        if keep[i - 1] and not keep[i] and probs[i] >= floor and _is_prose(features[i]):
            keep[i] = True
    for i in range(n - 2, -1, -1):  # backward
        if keep[i + 1] and not keep[i] and probs[i] >= floor and _is_prose(features[i]):
            keep[i] = True
    return keep


def analyse(text: str, model: dict[str, Any] | None = None) -> Analysis:
    """Split a paste into lines (after hard-wrap rejoining) and score each one."""
    model = model or load_model()
    lines = split_lines(rejoin_hard_wraps(text))
    if len(lines) > MAX_LINES:
        log.warning("paste of %d lines: cleaning only the first %d", len(lines), MAX_LINES)
        lines = lines[:MAX_LINES]
    if not lines:
        return Analysis([], [], [])
    own = own_features(lines)
    rows1 = line_features(lines, model["lexicon"], own)
    logits1 = _linear(model["stage1"], rows1)
    rows2 = stage2_features(logits1, rows1)
    return Analysis(lines, own, _sigmoid_array(_linear(model["stage2"], rows2)).tolist())


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


def cut_trailing_sections(
    lines: Sequence[PasteLine],
    features: Sequence[Sequence[float]],
    keep: list[bool],
    tail_share: float,
    comment_cut: bool,
    min_before: int = 80,
    section_cut: bool = True,
    section_words: int = 8,
) -> list[bool]:
    """Drop what follows headings that close the article.

    Headings count only after `min_before` kept words. A comment heading
    ("34 Comments", "Leave a Reply") ends the article. Under another chrome
    heading ("Recent Articles", "Related"), a run of kept lines that are
    mostly not sentences is a link list and is dropped; and the heading ends
    the article when the kept words after it are at most `tail_share` of those
    before (such lists and threads read like prose line by line, but rarely
    outweigh the article).
    """
    keep = list(keep)
    n = len(lines)
    ends_sentence = FEATURE_NAMES.index("ends_sentence")
    words = [len(WORD.findall(line.text[:5000])) for line in lines]
    heads = []
    for i, line in enumerate(lines):
        if words[i] <= 8:
            key = _key(line.text)
            if comment_cut and is_comment_head(key, words[i]):
                heads.append((i, True))
            elif section_cut and words[i] <= section_words and key.startswith(_SECTION_HEADS):
                heads.append((i, False))
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
        sentences = sum(1 for j in section if features[j][ends_sentence])
        if len(section) >= 2 and sentences < 0.3 * len(section):
            for j in [i, *section]:
                keep[j] = False
            continue
        after = sum(words[j] for j in section) + (before_at[n] - before_at[end])
        if tail_share > 0 and after <= tail_share * before:
            return [k and j < i for j, k in enumerate(keep)]
    return keep


_TITLE_MAX_WORDS = 30
_TITLE_MAX_CHARS = 200  # the longest of 501 WCXB-tune headlines has 144 characters; longer lines are glued link lists
# Headings of boxes inside the article and of method notes, which are never the page's headline.
_BOX_HEADINGS = frozenset(
    "key takeaways|key points|at a glance|frequently asked questions|faq|faqs|table of contents|in this article|"
    "summary|overview|introduction|conclusion|final thoughts|bottom line|the bottom line|sources|references".split("|")
)
_METHOD_HEAD = re.compile(r"how we (?:reviewed|researched|tested|rated|chose|picked|evaluated|review|research|test|rate|choose|pick|evaluate)\b")


def _never_headline(text: str) -> bool:
    key = _key(text)
    return key in _BOX_HEADINGS or bool(_METHOD_HEAD.match(key)) or is_promo_line(text)


def _headline_like(line: PasteLine) -> bool:
    text = line.text
    if len(text) > 250 or len(text) < 8:
        return False
    key = _key(text)
    n_words = len(key.split())
    if not 2 <= n_words <= _TITLE_MAX_WORDS:
        return False
    if key in _CHROME_EXACT or key.startswith(_SECTION_HEADS) or _BULLET_START.match(text) or _never_headline(text):
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    features = _text_features(text[:300])
    date_only, counter, copyright_ = (features[FEATURE_NAMES.index(n)] for n in ("date_only", "counter", "copyright"))
    if date_only or counter or copyright_ or _BYLINE.match(text) or _CAPTION.match(text) or _URL.search(text):
        return False
    return "|" not in text and "\t" not in text


def find_title(lines: Sequence[PasteLine], keep: Sequence[bool], lookback: int) -> int | None:
    """Rule-based headline: the nearest headline-like line at or before the body's first line."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return None
    # The first kept line is the headline only when it is no prose and more body follows.
    start = first if _headline_like(lines[first]) and any(keep[first + 1 :]) else first - 1
    for i in range(start, max(-1, first - 1 - lookback), -1):
        if _headline_like(lines[i]):
            return i
    return None


_TITLE_TEXT_FEATURES = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "title_ratio", "upper_ratio", "digit_ratio", "stop_ratio",
    "chrome_exact", "chrome_prefix", "section_head", "date_only", "counter", "copyright", "url", "separators", "byline",
    "caption", "bullet", "blank_before", "blank_after",
)
_TITLE_TEXT_INDEX = tuple(FEATURE_NAMES.index(n) for n in _TITLE_TEXT_FEATURES)
TITLE_NAMES: tuple[str, ...] = _TITLE_TEXT_FEATURES + (
    "repeats", "log_distance", "inside_body", "article_prob", "headline_like", "headline_rank", "first_line", "rule_choice",
    "body_overlap", "breadcrumb", "ends_question",
)
_TITLE_BODY_LINES = 3  # the headline may be the first kept line or two


def title_candidates(analysis: Analysis, keep: Sequence[bool], lookback: int) -> tuple[list[int], np.ndarray]:
    """Lines that may be the headline (around the body's start) and their features (columns in TITLE_NAMES)."""
    lines = analysis.lines
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return [], np.zeros((0, len(TITLE_NAMES)))
    candidates = [
        i for i in range(max(0, first - lookback), min(len(lines), first + _TITLE_BODY_LINES))
        if len(lines[i].text) <= _TITLE_MAX_CHARS and not _never_headline(lines[i].text)
    ]
    if not candidates:
        return [], np.zeros((0, len(TITLE_NAMES)))
    wanted = {lines[i].text for i in candidates}
    counts: dict[str, int] = {}
    for line in lines:
        if line.text in wanted:
            counts[line.text] = counts.get(line.text, 0) + 1
    rule = find_title(lines, keep, lookback)
    body_words: set[str] = set()
    for i in range(first, len(lines)):
        if keep[i]:
            body_words.update(w.lower() for w in WORD.findall(lines[i].text[:3000]))
            if len(body_words) > 3000:
                break
    rows = []
    rank = 0
    for i in sorted(candidates, key=lambda c: abs(c - first)):
        line = lines[i]
        own = analysis.features[i]
        headline = _headline_like(line)
        text_part = [own[k] for k in _TITLE_TEXT_INDEX]
        text_part[_TITLE_TEXT_FEATURES.index("blank_before")] = float(line.blank_before)
        text_part[_TITLE_TEXT_FEATURES.index("blank_after")] = float(line.blank_after)
        rows.append((i, text_part + [
            math.log(counts[line.text]), math.log1p(abs(first - i)), float(i >= first), analysis.probs[i],
            float(headline), math.log1p(rank) if headline else 3.0, float(i == 0), float(i == rule),
            _overlap(line.text, body_words), float("\u00bb" in line.text or " > " in line.text or " / " in line.text),
            float(line.text.rstrip().endswith("?")),
        ]))
        rank += headline
    rows.sort()
    return [i for i, _ in rows], np.array([row for _, row in rows], dtype=float)


def _overlap(text: str, vocabulary: set[str]) -> float:
    """Share of a line's longer words that the body also uses (a headline restates the article)."""
    words = [w.lower() for w in WORD.findall(text[:300]) if len(w) >= 3]
    return sum(1 for w in words if w in vocabulary) / len(words) if words else 0.0


def choose_title(analysis: Analysis, keep: Sequence[bool], decode: dict[str, Any], model: dict[str, Any]) -> int | None:
    """The headline's line index: the best-scoring candidate of the learned title model, if it is sure enough."""
    if "title" not in model:
        return find_title(analysis.lines, keep, decode["title_lookback"])
    candidates, rows = title_candidates(analysis, keep, decode["title_lookback"])
    if not candidates:
        return None
    scores = _sigmoid_array(_linear(model["title"], rows))
    best = int(np.argmax(scores))
    if scores[best] >= decode.get("title_min_prob", 0.5):
        return candidates[best]
    # Unsure: fall back to the nearest headline-like line just above the body.
    return find_title(analysis.lines, keep, _RULE_LOOKBACK)


# Promotional lines that sit inside the article's region and read like prose to the line scorer.
# Affiliate and sponsorship disclosures ("We may earn commission from links on this page") and invitations
# to contact the site's sales team.
_DISCLOSURE = re.compile(
    r"(?:earns?|receive|get)(?: us)? (?:a |an )?(?:small )?(?:commissions?|compensation|affiliate)"
    r"|affiliate (?:links?|commissions?|partners?|disclosure)|supported by (?:commissions|readers|our readers)"
    r"|chosen independently|independently (?:chosen|selected)|commissions? from (?:links|providers|purchases)"
    r"|\bsponsor (?:this|our) |(?:this|the) (?:post|article|episode|newsletter) is sponsored"
    r"|if you (?:liked|enjoyed|like|enjoy) this (?:post|article|blog|story|guide|newsletter)|a small favou?r to ask|\bno spam\b"
    r"|(?:do not|don't|don\u2019t) hesitate to (?:reach out|contact|get in touch)|\bget in touch with (?:us|our)\b",
    re.I,
)
# Disclosures speak for the site ("we", "I", "our", "this post"); prose about affiliate marketing does not.
_FIRST_PERSON = re.compile(r"\b(?:we|I|us|our|my|this (?:post|page|article|site|blog|episode|newsletter))\b", re.I)
# Author bios: "Jane Doe is a freelance writer who...", "Dennis Moons is the founder and lead instructor at ...".
_AUTHOR_BIO = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*\s){2,4}(?:is|was|has been)\s(?:a|an|the|our)\s(?:[\w'\u2019-]+\s){0,5}"
    r"(?:writer|editor|reporter|journalist|founder|co-founder|author|contributor|correspondent|columnist|"
    r"freelancer|blogger|instructor|consultant|expert|strategist|ceo|host)\b"
)
# The bio's next sentences: "He's a Google Ads expert with ...", "She has written for ...".
_BIO_MORE = re.compile(r"(?:he|she|they)(?:'s|\u2019s| is| was| has| have| writes| lives| holds)\b", re.I)
# Datelines and post navigation: "Posted by David at December 16, 2025", "PrevPreviousThe Sweet Truth ...".
_POSTED = re.compile(r"(?:posted|published|written|last updated)\s(?:by|on|in)\s|prev\s?previous|next\s?post\b|previous\s?post\b", re.I)
# A call to action opens with one of these verbs and points at the site's offer.
_CTA_VERBS = frozenset(
    "get join sign subscribe download claim buy shop order book schedule talk contact apply sponsor receive "
    "grab unlock request register start try explore discover earn take read check see".split()
)
_CTA_TARGETS = frozenset(
    "free newsletter newsletters inbox ebook e book guide touch demo trial consultation session today now our us "
    "mailing list course courses program degree poster app offer discount membership account expert experts team "
    "community next step price pricing deals quote".split()
)
_LEAD_IN = re.compile(r"(?:related|read also|also read|see also|read more|more|recommended|further reading)\s?:", re.I)
# Template paths and similar one-token lines with several slashes: "/content/site/fragments/article-details".
_PATH_LINE = re.compile(r"/?[a-z0-9_.-]+(?:/[a-z0-9_.-]+){2,}/?")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def _is_call_to_action(sentence: str) -> bool:
    lowered = [w.lower() for w in WORD.findall(sentence[:300])]
    return (
        0 < len(lowered) <= 12 and lowered[0] in _CTA_VERBS and not sentence.rstrip().endswith(".")
        and any(w in _CTA_TARGETS for w in lowered[1:])
    )


def is_promo_line(text: str) -> bool:
    """A disclosure, author bio, dateline, "Related: ..." link or short call to action, wherever it stands."""
    sample = text[:600]
    words = WORD.findall(sample)
    if not words or len(words) > 60:
        return False
    if (_DISCLOSURE.search(sample) and _FIRST_PERSON.search(sample)) or _LEAD_IN.match(sample):
        return True
    if len(words) <= 40 and _AUTHOR_BIO.match(sample):
        return True
    if len(words) <= 14 and _POSTED.match(sample):
        return True
    if _PATH_LINE.fullmatch(sample) and not _URL.match(sample):
        return True
    if len(words) > 20 or _BULLET_START.match(sample):
        return False
    # "Stop Searching & Start Winning. Talk To Our Experts": the last sentence is the call.
    sentences = _SENTENCE_SPLIT.split(sample.strip())
    return len(sentences) <= 2 and (_is_call_to_action(sentences[0]) or _is_call_to_action(sentences[-1]))


def drop_promos(lines: Sequence[PasteLine], keep: list[bool]) -> list[bool]:
    """Drop kept promotional lines (see is_promo_line) and the sentences about the author that follow a bio."""
    keep = list(keep)
    in_bio = False
    for i, line in enumerate(lines):
        if not keep[i]:
            in_bio = False
            continue
        if in_bio and _BIO_MORE.match(line.text):
            keep[i] = False
            continue
        in_bio = len(line.text) <= 400 and bool(_AUTHOR_BIO.match(line.text))
        if is_promo_line(line.text):
            keep[i] = False
    return keep


_RULE_LOOKBACK = 12


_PROSE_WORDS = 8  # a line of this many words, or one ending a sentence, reads as prose


def _is_prose(features: Sequence[float]) -> bool:
    return bool(features[2]) or math.expm1(features[1]) >= _PROSE_WORDS


def _is_chrome_line(features: Sequence[float]) -> bool:
    """Lines that are page furniture wherever they stand: "Advertisement", "Share", "© 2024 ...", "12 Likes"."""
    if any(features[i] for i in _ALWAYS_CHROME):
        return True
    return bool(features[_CHROME_PREFIX]) and features[_LOG_WORDS] <= _LOG_4 and not features[_ENDS_SENTENCE]


_ALWAYS_CHROME = tuple(FEATURE_NAMES.index(n) for n in ("chrome_exact", "counter", "copyright", "date_only"))
_CHROME_PREFIX, _LOG_WORDS, _ENDS_SENTENCE = (FEATURE_NAMES.index(n) for n in ("chrome_prefix", "log_words", "ends_sentence"))
_LOG_4 = math.log1p(4)


def trim_regions(
    features: Sequence[Sequence[float]],
    keep: list[bool],
    drop_chrome: bool,
    trim_edges: bool,
    probs: Sequence[float] | None = None,
    edge_prob: float = 0.0,
) -> list[bool]:
    """Remove chrome lines inside kept regions, and at their edges non-prose lines and lines scoring below `edge_prob`."""
    keep = list(keep)
    if drop_chrome:
        for i, line_features_ in enumerate(features):
            if keep[i] and _is_chrome_line(line_features_):
                keep[i] = False
    if trim_edges:
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
            while a < b and (not _is_prose(features[a]) or (probs is not None and probs[a] < edge_prob)):
                a += 1
            while b > a and (not _is_prose(features[b - 1]) or (probs is not None and probs[b - 1] < edge_prob)):
                b -= 1
            for k in range(i, j):
                keep[k] = a <= k < b
            i = j
    return keep


def select_lines(analysis: Analysis, decode: dict[str, Any]) -> list[bool]:
    """Which lines form the article (before the title is taken out and the region edges trimmed)."""
    lines, probs = analysis.lines, analysis.probs
    if not lines:
        return []
    shift = decode["logit_shift"]
    if shift:
        probs = [_sigmoid(math.log(max(p, 1e-9) / max(1.0 - p, 1e-9)) + shift) for p in probs]
    weights = None
    if decode["length_weighted"]:
        weights = [min(3.0, math.sqrt(1.0 + len(WORD.findall(line.text[:2000])) / 10.0)) for line in lines]
    keep = viterbi_keep(probs, decode["switch_cost"], weights)
    if not any(keep):
        # Nothing looked like an article by absolute scores: keep the document's best-scoring block.
        threshold = 0.6 * max(probs)
        start, end = _best_block([(p - threshold) * (w if weights else 1.0) for p, w in zip(probs, weights or probs)])
        keep = [start <= i < end for i in range(len(lines))]
        if not any(_is_prose(analysis.features[i]) for i in range(start, end)):
            keep = [False] * len(lines)  # menus only: no article to return
    extend = decode.get("extend_prob", 0.0)
    if extend:
        keep = extend_regions(analysis.features, keep, analysis.probs, extend)  # unshifted: its own floor
    keep = cut_trailing_sections(lines, analysis.features, keep, decode["tail_share"], decode.get("comment_cut", False),
        section_cut=decode.get("section_cut", True), section_words=decode.get("section_words", 8),
    )
    return keep


def decode_lines(analysis: Analysis, decode: dict[str, Any], model: dict[str, Any] | None = None) -> CleanedPaste:
    """Turn line probabilities into the headline and the body, with the settings in `decode`."""
    model = model or load_model()
    lines, probs = analysis.lines, analysis.probs
    if not lines:
        return CleanedPaste("", "")
    keep = select_lines(analysis, decode)
    title_index = choose_title(analysis, keep, decode, model)
    if title_index is not None and keep[title_index] and sum(keep) == 1:
        title_index = None  # the only article line is the body, not a headline
    floor = decode.get("min_prob", 0.0)
    if floor:
        # Inside a region, a line the classifier is sure about is still dropped (mid-article promos).
        keep = [k and p >= floor for k, p in zip(keep, probs)]
    if decode.get("promo_cut", False):
        keep = drop_promos(lines, keep)
    trimmed = trim_regions(
        analysis.features, keep, decode.get("drop_chrome", False), decode.get("trim_edges", False),
        probs, decode.get("edge_prob", 0.0),
    )
    if not any(trimmed):
        # Trimming took everything: keep what reads as prose, or nothing when only menus were kept.
        trimmed = [k and _is_prose(f) and not _is_chrome_line(f) for k, f in zip(keep, analysis.features)]
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
    return decode_lines(analyse(text, model), model["decode"], model)
