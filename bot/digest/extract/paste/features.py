"""Line features: what each non-blank line of a paste looks like, as numbers for the line scorer.

A line's own text gives length, closing punctuation, stop-word share,
capitalisation, known chrome phrases, counters, dates and the like
(FEATURE_NAMES); the document adds repeats, position and blank lines around
it; stage 1 also sees its two neighbours on each side and the learned
lexicon's view of its words (STAGE1_NAMES).
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache, partial
from itertools import accumulate, chain, compress, repeat
from operator import add, attrgetter, is_not, itemgetter, not_, sub, truediv
from typing import NamedTuple

import numpy as np
from stop_words import AVAILABLE_LANGUAGES, get_stop_words

from bot.digest.extract.paste.phrases import CHROME_EXACT, COUNTER_WORDS, DATE_WORDS, PROMO_WORDS, SECTION_HEADS, WORD, key_of, line_key, line_words, lower_words, remember_lines
from bot.digest.extract.paste.wraps import BULLET_START
from bot.digest.front_rules import CJK_CHARACTERS

log = logging.getLogger(__name__)

SENTENCE_END = re.compile(r"[.!?…。！？؟।][\"'”’»)\]]*$")
_INNER_STOP = re.compile(r"[.!?。！？][\"'”’»)]*\s")
URL = re.compile(r"https?://|www\.|\.com\b|@\w+\.\w")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits réserv|todos los derechos|tutti i diritti", re.I)
# Ideographs and kana as everywhere, plus Hangul syllables: lines of these scripts are long in few \w+ words.
CJK = re.compile(rf"[{CJK_CHARACTERS}\uac00-\ud7af]")
# "jsmith says:", "Anna wrote:", "Max sagt:" open a comment.
_COMMENT_AUTHOR = re.compile(r"\s(?:says|said|wrote|writes|replied|dice|sagt|schreibt|écrit|scrive|disse|zegt)\s?:?$", re.I)
_COMMENT_HEAD = re.compile(
    r"(?:\d+ (?:comments?|responses?|replies|reactions|thoughts? on)|(?:\w+ ){0,2}comments?(?: \d+)?$"
    r"|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"(?:\d+ )?kommentare|(?:\d+ )?commentaires|(?:\d+ )?comentarios|(?:\d+ )?commenti|(?:\d+ )?reacties|"
    r"(?:\d+ )?comentários)"
)
# A line key (lower-case words and single spaces) that _COMMENT_HEAD matches holds one of these: each of its branches
# holds one ("comments", "responses", "replies", "reactions", "thought(s) on", "leave a", "join the", "kommentare",
# "commentaires" and "commenti" hold "comment", "comentarios", "reacties", "comentários").
_COMMENT_HEAD_CUES = ("comment", "response", "replies", "reactions", "thought", "leave a ", "join the ", "kommentare", "comentarios", "reacties", "comentários")
# What a plain sample holds, lower-cased, where URL matches it (each branch holds one).
_URL_CUES = ("http", "www.", ".com", "@")
# What a plain line (see plain_ascii) must hold, lower-cased, for _COPYRIGHT to match it.
_COPYRIGHT_CUES = ("©", "(c)", "all rights reserved", "alle rechte vorbehalten", "todos los derechos", "tutti i diritti")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII_UPPER = bytes(range(65, 91))
_ASCII_DIGITS = b"0123456789"
# Punctuation and spaces common in pastes (curly quotes, dashes, bullets, no-break and zero-width spaces): none is a
# letter or a digit, none has a case, and no letter of a case-insensitive regex matches one.
_NOT_PLAIN = re.compile("[^\x00-\x7f\u2019\u2018\u201c\u201d\u00a0\u2013\u2014\u2026\u00a9\u00ae\u2122\u2022\u00b7\u2605\u00d7\u00ab\u00bb\u2192\u200b\u200d]")


def is_plain(sample: str) -> bool:
    """ASCII but for that common punctuation (most lines)."""
    return sample.isascii() or _NOT_PLAIN.search(sample) is None


def search_with_cues(pattern: re.Pattern[str], cues: Sequence[str], sample: str, plain: bool | None = None) -> bool:
    """Whether case-insensitive `pattern` matches in `sample`; on plain text (is_plain) the regex runs only when
    the lower-cased sample holds one of `cues` (every match needs one), which skips it on most lines.
    `plain`: is_plain(sample) when the caller knows it already."""
    if is_plain(sample) if plain is None else plain:
        if not any(map(sample.lower().__contains__, cues)):
            return False
    return bool(pattern.search(sample))


def char_counts(sample: str, plain: bool | None = None) -> tuple[int, int, int, int]:
    """Letters, upper-case letters, digits and CJK characters in `sample` (as str.isalpha, isupper, isdigit count them).
    `plain`: is_plain(sample) when the caller knows it already."""
    if is_plain(sample) if plain is None else plain:  # most lines: count bytes in C (the punctuation dropped counts in none of them)
        raw = sample.encode("ascii", "ignore")
        size = len(raw)
        return (
            size - len(raw.translate(None, _ASCII_LETTERS)), size - len(raw.translate(None, _ASCII_UPPER)),
            size - len(raw.translate(None, _ASCII_DIGITS)), 0,
        )
    return sum(map(str.isalpha, sample)), sum(map(str.isupper, sample)), sum(map(str.isdigit, sample)), len(CJK.findall(sample))


BYLINE = re.compile(r"(?:by|von|par|por|di|door|av|af|от)\s", re.I)
CAPTION = re.compile(r"(?:image|photo|picture|credit|source|foto|bild|caption|getty|reuters|ap photo|illustration)\b", re.I)

FEATURE_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "ends_comma", "inner_stops", "stop_ratio",
    "title_ratio", "upper_ratio", "alpha_ratio", "digit_ratio", "cjk_ratio", "bullet", "chrome_exact",
    "chrome_prefix", "section_head", "date_only", "counter", "copyright", "url", "separators", "repeats",
    "rel_pos", "blank_before", "blank_after", "short", "long", "byline", "caption", "comment_author",
    "comment_head", "promo_words",
)
(
    LOG_WORDS, ENDS_SENTENCE, CHROME_EXACT_AT, CHROME_PREFIX, SECTION_HEAD, DATE_ONLY, COUNTER, COPYRIGHT,
    REPEATS, REL_POS, BLANK_BEFORE, BLANK_AFTER, COMMENT_HEAD,
) = (
    FEATURE_NAMES.index(n) for n in (
        "log_words", "ends_sentence", "chrome_exact", "chrome_prefix", "section_head", "date_only", "counter", "copyright",
        "repeats", "rel_pos", "blank_before", "blank_after", "comment_head",
    )
)
# Neighbour features copied into each line's stage-1 vector: prev/next line's own values.
_NEIGHBOUR_FEATURES = ("log_words", "ends_sentence", "stop_ratio", "chrome_exact", "title_ratio")
_NEIGHBOUR_INDEX = tuple(FEATURE_NAMES.index(n) for n in _NEIGHBOUR_FEATURES)
STAGE1_NAMES: tuple[str, ...] = FEATURE_NAMES + tuple(
    f"{side}_{name}" for side in ("prev", "next", "prev2", "next2") for name in _NEIGHBOUR_FEATURES
) + ("lex_mean", "lex_min", "lex_max", "lex_sum", "lex_first")

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters that str.strip() keeps


class PasteLine(NamedTuple):
    """A non-blank line. A named tuple, not a dataclass: a paste has hundreds of lines, and a frozen dataclass's
    __init__ (four object.__setattr__ calls) was most of split_lines' time; the fields read the same."""

    text: str
    index: int  # position among the non-blank lines
    blank_before: bool
    blank_after: bool


_NEW_LINE = partial(tuple.__new__, PasteLine)  # PasteLine from a tuple of its fields, without the Python-level __new__


def split_lines(text: str) -> list[PasteLine]:
    return lines_of(text.split("\n"))


def lines_of(raw_lines: Sequence[str]) -> list[PasteLine]:
    """The non-blank lines of a text split at line breaks (`split_lines` without the split), stripped; each knows
    whether a blank line (or the text's edge) stands before and after it."""
    raw = [line.strip().strip(_INVISIBLE).strip() for line in raw_lines]
    present = list(map(bool, raw))
    before = compress([True, *map(not_, present[:-1])], present)
    after = compress([*map(not_, present[1:]), True], present)
    kept = list(compress(raw, present))
    return list(map(_NEW_LINE, zip(kept, range(len(kept)), before, after)))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Lower-cased stop words of every language the stop-words package knows."""
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


_CLOCK = re.compile(r"\d{1,2}h\d{0,2}|(?:\d{1,4}[年月日時点分])+")  # "07h12", "9h", "2024年5月12日", "9時15分"


def _is_date_line(lowered: Sequence[str]) -> bool:
    """Numbers and date words only ("Publié le 14 août 2024 à 07h12", "12.03.2024, 14:32 Uhr"); one
    other word may stand in a dateline with two numbers or more ("Madrid - 21 mayo 2024")."""
    numbers = sum(1 for w in lowered if w.isdigit() or _CLOCK.fullmatch(w))
    dated = sum(1 for w in lowered if w in DATE_WORDS)
    other = len(lowered) - numbers - dated
    return numbers > 0 and (other == 0 or (other == 1 and numbers >= 2 and dated >= 1))


def text_features(line: str) -> tuple[float, ...]:
    """Features of a line's own text (names in FEATURE_NAMES; the document's fields are 0)."""
    stop = stop_words()
    words = line_words(line)
    n_words = len(words)
    n_chars = len(line)
    sample = line[:2000]
    sample_len = max(1, len(sample))
    plain = is_plain(sample)  # asked by the character counts and the copyright cue: test it once
    letters, uppers, digits, cjk = char_counts(sample, plain)
    cjk_total = cjk * n_chars / sample_len
    lowered = lower_words(line)[:400]
    stop_ratio = sum(map(stop.__contains__, lowered)) / max(1, len(lowered))
    title_ratio = sum(map(str.isupper, map(itemgetter(0), words[:400]))) / max(1, min(n_words, 400))  # \w+ words are never empty
    key = line_key(line)
    chrome_exact = key in CHROME_EXACT
    first_words = key.split(" ", 4)
    chrome_prefix = n_words <= 8 and any(" ".join(first_words[:k]) in CHROME_EXACT for k in (1, 2, 3))
    section_head = n_words <= 8 and key.startswith(SECTION_HEADS)
    date_only = n_words <= 10 and digits > 0 and _is_date_line(lowered)
    # Only lines of four words or fewer can be counters: the other lines skip the digit scan.
    has_digit = n_words <= 4 and any(map(str.isdigit, lowered))
    counter = n_words <= 4 and has_digit and any(w in COUNTER_WORDS for w in lowered) or (n_words == 1 and has_digit and n_chars <= 8)
    # Menus and table rows: "Home | About", "News • Sport", tab-separated cells.
    separators = sample.count("|") + sample.count("•") + sample.count("·") + sample.count(" / ") + sample.count("\t")
    stripped_end = line.rstrip()
    # CJK text has no spaces: count about two characters as a word so long CJK lines read as long.
    effective_words = n_words + cjk_total / 2.0
    return (
        math.log1p(n_chars),
        math.log1p(effective_words),
        float(bool(SENTENCE_END.search(stripped_end[-8:]))),
        float(stripped_end.endswith(":")),
        float(stripped_end.endswith(",")),
        math.log1p(len(_INNER_STOP.findall(sample))),
        stop_ratio,
        title_ratio,
        uppers / max(1, letters) if letters else 0.0,
        letters / sample_len,
        digits / sample_len,
        cjk / sample_len,
        float(bool(BULLET_START.match(line))),
        float(chrome_exact),
        float(chrome_prefix),
        float(section_head),
        float(date_only),
        float(counter),
        float(search_with_cues(_COPYRIGHT, _COPYRIGHT_CUES, sample, plain)),
        float(bool(URL.search(sample))),
        math.log1p(separators),
        0.0,  # repeats: filled in per document
        0.0,  # rel_pos
        0.0,  # blank_before
        0.0,  # blank_after
        float(effective_words <= 3),
        float(effective_words >= 25),
        float(bool(BYLINE.match(line)) and n_words <= 10),
        float(bool(CAPTION.match(line)) and n_words <= 15),
        float(n_words <= 8 and bool(_COMMENT_AUTHOR.search(stripped_end[-20:]))),
        float(is_comment_head(key, n_words)),
        math.log1p(sum(map(PROMO_WORDS.__contains__, lowered[:60]))),
    )


def lexicon_features(text: str, lexicon: Mapping[str, float]) -> tuple[float, float, float, float, float]:
    """Article-vs-chrome log-odds of the line's words in the learned lexicon: mean, lowest, highest,
    signed log of the sum, and that of the line's first word ("^word" entries: "Subscribe", "Get", "Join")."""
    words = lower_words(text, 2000)
    first = lexicon.get("^" + words[0], 0.0) if words else 0.0
    scores = [score for score in map(lexicon.get, words) if score is not None]  # one look-up a word
    if not scores:
        return 0.0, 0.0, 0.0, 0.0, first
    total = sum(scores)
    return total / len(scores), min(scores), max(scores), math.copysign(math.log1p(abs(total)), total), first


# -- text_features for many lines at once ------------------------------------------------------------------------
# A paste has about 130 distinct lines, most of one to four words, so text_features' cost is Python's per-line
# overhead (some thirty expressions a line), not the work. text_feature_rows computes the same values column by
# column: each step is one map() over all lines (or over all their words, with per-line sums read from running
# totals), so the interpreter runs a loop per feature instead of a loop body per line. Same operations on the same
# values in the same order (no numpy floats, no reordered sums): the rows are identical, which
# tests/digest/extract/paste/test_feature_rows.py checks against text_features.

_STOP_CAP = 400  # text_features reads the stop-word and capital shares over at most this many words
_PROMO_CAP = 60  # ... and the promo words over this many
_SAMPLE_CHARS = 2000
_SAMPLE_OF = itemgetter(slice(None, _SAMPLE_CHARS))
_LAST_8 = itemgetter(slice(-8, None))
_FIRST_CHAR = itemgetter(0)
# The first word of every whole-line chrome phrase: a line key whose first word is none of these has no prefix in
# CHROME_EXACT, so the prefix test (joins and look-ups) runs only for the few that do.
_CHROME_FIRST_WORDS = frozenset(phrase.partition(" ")[0] for phrase in CHROME_EXACT)


def _window_counts(flags: Iterable[bool], starts: Sequence[int], ends: Iterable[int]) -> list[int]:
    """How many of the flags in flags[start:end] are true, for each (start, end): differences of a running total."""
    running = list(accumulate(flags, initial=0))
    return list(map(sub, map(running.__getitem__, ends), map(running.__getitem__, starts)))


def _as_floats(flags: Iterable[object]) -> list[float]:
    """float(bool(x)) of each x."""
    return list(map(float, map(bool, flags)))


def _masked(flags: Iterable[object], mask: Iterable[bool]) -> list[float]:
    """float(bool(x) and m) of each x and m."""
    return [1.0 if flag and ok else 0.0 for flag, ok in zip(flags, mask)]


def _line_keys(texts: Sequence[str], lowered: Sequence[list[str]], plain: Sequence[bool]) -> list[str]:
    """line_key of each text. On a plain line (see is_plain; `plain` holds is_plain of the first 2,000 characters) of
    300 characters or fewer the key's words are the line's lower-cased words: lower-casing changes only ASCII letters
    there, so it maps \\w words to the same words lower-cased. Other lines as line_key builds them."""
    keys = list(map(" ".join, lowered))
    for i in [i for i, (text, is_plain_) in enumerate(zip(texts, plain)) if not is_plain_ or len(text) > 300]:
        keys[i] = key_of(texts[i])
    for i in compress(range(len(keys)), map(str.__contains__, keys, repeat("_"))):
        keys[i] = keys[i].replace("_", " ")
    return keys


_FIRST_OF_THREE = itemgetter(0)
_LAST_20 = itemgetter(slice(-20, None))


def _mark(column: list[float], indices: Iterable[int]) -> None:
    """1.0 in `column` at each of `indices`."""
    for i in indices:
        column[i] = 1.0


def _pieces_with_cues(joined: str, lengths: Sequence[int], cues: Sequence[str]) -> set[int]:
    """Indices of the pieces of `joined` (texts of `lengths` characters joined by line breaks; no cue holds one) that
    hold one of `cues`."""
    found: set[int] = set()
    if not any(map(joined.__contains__, cues)):
        return found
    starts = list(accumulate((n + 1 for n in lengths[:-1]), initial=0))
    for cue in cues:
        at = joined.find(cue)
        while at != -1:
            k = bisect_right(starts, at) - 1
            found.add(k)
            at = joined.find(cue, starts[k + 1]) if k + 1 < len(starts) else -1
    return found


def _plain_lines_with_cues(samples: Sequence[str], plain: Sequence[bool], *cue_sets: Sequence[str]) -> list[set[int]]:
    """For each of `cue_sets`, the indices of the plain samples (see is_plain) whose lower-cased text holds one of its
    cues (no cue holds a line break): found in one lower-cased copy of them all, since lower-casing keeps a plain
    text's length and offsets."""
    indices = list(compress(range(len(samples)), plain))
    joined = "\n".join(map(samples.__getitem__, indices)).lower()
    lengths = [len(samples[i]) for i in indices]
    return [set(map(indices.__getitem__, _pieces_with_cues(joined, lengths, cues))) for cues in cue_sets]


# Patterns that match at a line's start (or, SENTENCE_END, at its end) run only on lines whose first (last)
# character can begin (end) a match: an ASCII character outside these cannot, under re.I either (no ASCII letter
# folds to a letter other than its own two cases); other characters always run the pattern. Most lines skip the
# call (a third of a microsecond a line for each pattern).
_ASCII = frozenset(map(chr, range(128)))
_BULLET_CANNOT_START = _ASCII - set("-*>0123456789") | {""}  # BULLET_START
_BYLINE_CANNOT_START = _ASCII - set("bvpdaBVPDA") | {""}  # BYLINE: by, von, par, por, di, door, av, af (от: not ASCII)
_CAPTION_CANNOT_START = _ASCII - set("ipcsfbgraIPCSFBGRA") | {""}  # CAPTION's words
_SENTENCE_CANNOT_END = _ASCII - set(".!?\"')]") | {""}  # SENTENCE_END on a right-stripped line
_FIRST_1 = itemgetter(slice(None, 1))
_SEPARATORS = ("|", "•", "·", " / ", "\t")  # text_features' separators
_LAST_1 = itemgetter(slice(-1, None))


def _flags_where(pattern_test: Callable[[str], object], texts: Sequence[str], skip: frozenset[str], ends: Sequence[str]) -> list[float]:
    """float(bool(pattern_test(text))) of each text, the test run only where `ends[i]` (the text's first or last
    character) is not in `skip`."""
    column = [0.0] * len(texts)
    _mark(column, [i for i, end in enumerate(ends) if end not in skip and pattern_test(texts[i])])
    return column


def _chrome_prefix(key: str) -> bool:
    first_words = key.split(" ", 4)
    return any(" ".join(first_words[:k]) in CHROME_EXACT for k in (1, 2, 3))


def text_feature_rows(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """[text_features(text) for text in texts], computed feature by feature over all texts at once (identical
    values, several times faster on a paste's lines); also fills the word caches of phrases.py for these lines."""
    if not texts:
        return []
    stop = stop_words()
    words = list(map(WORD.findall, texts))
    n_words = list(map(len, words))
    flat = list(chain.from_iterable(words))
    flat_lower = list(map(str.lower, flat))
    ends = list(accumulate(n_words))
    starts = [0, *ends[:-1]]
    lowered = list(map(flat_lower.__getitem__, map(slice, starts, ends)))
    n_chars = list(map(len, texts))
    samples = list(map(_SAMPLE_OF, texts))
    sample_lens = [max(1, n) for n in map(len, samples)]
    plain = [sample.isascii() or _NOT_PLAIN.search(sample) is None for sample in samples]
    keys = _line_keys(texts, lowered, plain)
    remember_lines(texts, words, lowered, keys)
    # Character counts: bytes for plain lines (char_counts' fast path, here as one map a count), else char_counts.
    raws = list(map(str.encode, samples, repeat("ascii"), repeat("ignore")))
    sizes = list(map(len, raws))
    letters, uppers, digits = (
        list(map(sub, sizes, map(len, map(bytes.translate, raws, repeat(None), repeat(table)))))
        for table in (_ASCII_LETTERS, _ASCII_UPPER, _ASCII_DIGITS)
    )
    cjk = [0] * len(texts)
    effective_words: list[float] = [n + 0.0 for n in n_words]  # plain lines hold no CJK: cjk_total is 0.0
    for i in compress(range(len(texts)), map(not_, plain)):
        letters[i], uppers[i], digits[i], cjk[i] = char_counts(samples[i], False)
        effective_words[i] = n_words[i] + cjk[i] * n_chars[i] / sample_lens[i] / 2.0

    # Shares over the first words: running totals of per-word flags.
    capped = list(map(min, map(add, starts, repeat(_STOP_CAP)), ends))
    capped_counts = [max(1, min(n, _STOP_CAP)) for n in n_words]
    stop_counts = _window_counts(map(stop.__contains__, flat_lower), starts, capped)
    title_counts = _window_counts(map(str.isupper, map(_FIRST_CHAR, flat)), starts, capped)
    promo_ends = list(map(min, map(add, starts, repeat(_PROMO_CAP)), ends))
    promo_counts = _window_counts(map(PROMO_WORDS.__contains__, flat_lower), starts, promo_ends)

    stripped_ends = list(map(str.rstrip, texts))
    firsts = list(map(_FIRST_1, texts))
    # Menus and table rows: each separator counted only when the samples hold it at all (most hold no tab, no "•").
    joined = "\n".join(samples)
    separators = [0] * len(texts)
    for mark in _SEPARATORS:
        if mark in joined:  # no separator holds a line break: the lines that hold it are these
            separators = list(map(add, separators, map(str.count, samples, repeat(mark))))
    # Copyright and web addresses: each regex on lines not plain and on plain lines holding one of its cues.
    copyright_flags, url_flags = [0.0] * len(texts), [0.0] * len(texts)
    not_plain = list(compress(range(len(texts)), map(not_, plain)))
    copyright_lines, url_lines = _plain_lines_with_cues(samples, plain, _COPYRIGHT_CUES, _URL_CUES)
    _mark(copyright_flags, [i for i in copyright_lines.union(not_plain) if _COPYRIGHT.search(samples[i])])
    _mark(url_flags, [i for i in url_lines.union(not_plain) if URL.search(samples[i])])

    # Features of short lines only (menus, headings, counters, datelines): computed for those lines alone, each
    # test one map() over them; a line gets 1.0 where its test holds (`_mark`).
    zeros = [0.0] * len(texts)
    chrome_prefix, section_head, date_only, counter, comment_author, comment_head = (list(zeros) for _ in range(6))
    upto8 = [i for i, n in enumerate(n_words) if n <= 8]
    keys8 = list(map(keys.__getitem__, upto8))
    first_words = map(_FIRST_OF_THREE, map(str.partition, keys8, repeat(" ")))
    _mark(chrome_prefix, [i for i, key in compress(zip(upto8, keys8), map(_CHROME_FIRST_WORDS.__contains__, first_words)) if _chrome_prefix(key)])
    _mark(section_head, compress(upto8, map(str.startswith, keys8, repeat(SECTION_HEADS))))
    _mark(comment_author, compress(upto8, map(_COMMENT_AUTHOR.search, map(_LAST_20, map(stripped_ends.__getitem__, upto8)))))
    # The comment-heading regex only on the keys holding one of its cues (most pastes: none).
    maybe_heads = _pieces_with_cues("\n".join(keys8), list(map(len, keys8)), _COMMENT_HEAD_CUES)
    _mark(comment_head, [upto8[k] for k in sorted(maybe_heads) if _COMMENT_HEAD.match(keys8[k])])
    # Dates and counters need a digit: in the sample's characters (`digits`), or in a word past the sample.
    for i in [i for i, n in enumerate(n_words) if n <= 10 and (digits[i] > 0 or n_chars[i] > _SAMPLE_CHARS)]:
        n = n_words[i]
        line_lowered = lowered[i][:_STOP_CAP]
        if digits[i] > 0 and _is_date_line(line_lowered):
            date_only[i] = 1.0
        if n <= 4:
            has_digit = any(map(str.isdigit, line_lowered))
            if has_digit and any(w in COUNTER_WORDS for w in line_lowered) or (n == 1 and has_digit and n_chars[i] <= 8):
                counter[i] = 1.0

    return list(zip(
        map(math.log1p, n_chars),
        map(math.log1p, effective_words),
        _flags_where(SENTENCE_END.search, list(map(_LAST_8, stripped_ends)), _SENTENCE_CANNOT_END, list(map(_LAST_1, stripped_ends))),
        _as_floats(map(str.endswith, stripped_ends, repeat(":"))),
        _as_floats(map(str.endswith, stripped_ends, repeat(","))),
        map(math.log1p, map(len, map(_INNER_STOP.findall, samples))),
        map(truediv, stop_counts, capped_counts),
        map(truediv, title_counts, capped_counts),
        [u / max(1, n) if n else 0.0 for u, n in zip(uppers, letters)],
        map(truediv, letters, sample_lens),
        map(truediv, digits, sample_lens),
        map(truediv, cjk, sample_lens),
        _flags_where(BULLET_START.match, texts, _BULLET_CANNOT_START, firsts),
        _as_floats(map(CHROME_EXACT.__contains__, keys)),
        chrome_prefix,
        section_head,
        date_only,
        counter,
        copyright_flags,
        url_flags,
        map(math.log1p, separators),
        zeros,  # repeats: filled in per document
        zeros,  # rel_pos
        zeros,  # blank_before
        zeros,  # blank_after
        [float(w <= 3) for w in effective_words],
        [float(w >= 25) for w in effective_words],
        _masked(_flags_where(BYLINE.match, texts, _BYLINE_CANNOT_START, firsts), [n <= 10 for n in n_words]),
        _masked(_flags_where(CAPTION.match, texts, _CAPTION_CANNOT_START, firsts), [n <= 15 for n in n_words]),
        comment_author,
        comment_head,
        map(math.log1p, promo_counts),
    ))


_INF = float("inf")
_TEXT_OF = attrgetter("text")


def lexicon_feature_rows(texts: Sequence[str], lexicon: Mapping[str, float]) -> list[tuple[float, float, float, float, float]]:
    """[lexicon_features(text, lexicon) for text in texts], each step one map() over all texts' words, or one numpy
    reduction over the scored words (identical values: a line's sum is Python's sum of its scored words in order,
    its lowest and highest are exact in any form, but for the sign of a zero)."""
    words = [lower_words(text, 2000) for text in texts]
    firsts = [lexicon.get("^" + line_words[0], 0.0) if line_words else 0.0 for line_words in words]
    scores = list(map(lexicon.get, chain.from_iterable(words)))
    ends = list(accumulate(map(len, words)))
    scored = list(map(is_not, scores, repeat(None)))
    found = _window_counts(scored, [0, *ends[:-1]], ends)  # scored words of each line
    hits = list(compress(scores, scored))  # the scored words' scores, line after line
    if not hits:
        return [(0.0, 0.0, 0.0, 0.0, first) for first in firsts]
    lines = [i for i, n in enumerate(found) if n]
    hit_ends = list(accumulate(map(found.__getitem__, lines)))
    hit_starts = [0, *hit_ends[:-1]]
    totals = list(map(sum, map(hits.__getitem__, map(slice, hit_starts, hit_ends))))
    values = np.array(hits, dtype=float)
    lowest = np.minimum.reduceat(values, hit_starts).tolist()
    highest = np.maximum.reduceat(values, hit_starts).tolist()
    rows = [(0.0, 0.0, 0.0, 0.0, first) for first in firsts]
    for i, total, low, high, start, end in zip(lines, totals, lowest, highest, hit_starts, hit_ends):
        if not low or not high:  # a zero: numpy may pick the other sign of two equal zeros than Python's min and max
            low, high = min(hits[start:end]), max(hits[start:end])
        rows[i] = (total / found[i], low, high, math.copysign(math.log1p(abs(total)), total), firsts[i])
    return rows


def own_features(lines: Sequence[PasteLine]) -> list[tuple[float, ...]]:
    """Each line's text features (names in FEATURE_NAMES, document fields still 0); repeated lines computed once."""
    texts = list(map(_TEXT_OF, lines))
    distinct = list(dict.fromkeys(texts))  # menus repeat the same lines
    rows = text_feature_rows(distinct)
    if rows and len(rows[0]) != len(FEATURE_NAMES):
        # A feature was added to text_features and not to text_feature_rows (test_feature_rows.py fails then too):
        # stay correct, line by line.
        log.warning("text_feature_rows gives %d features, FEATURE_NAMES has %d: computing line by line", len(rows[0]), len(FEATURE_NAMES))
        rows = [text_features(text) for text in distinct]
    by_text = dict(zip(distinct, rows))
    return list(map(by_text.__getitem__, texts))


def line_features(
    lines: Sequence[PasteLine], lexicon: Mapping[str, float], own_text: Sequence[tuple[float, ...]] | None = None
) -> np.ndarray:
    """Stage-1 feature matrix (columns in STAGE1_NAMES) for a document's non-blank lines. `own_text`: their
    own_features, known already (lines of the same text have the same row there, which this relies on)."""
    if own_text is None:
        own_text = own_features(lines)
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(STAGE1_NAMES)))
    texts = list(map(_TEXT_OF, lines))
    counts = Counter(texts)  # its keys in first-seen order: the distinct lines, as dict.fromkeys gives them
    distinct = list(counts)
    # Rows of the distinct lines made into floats once, then one copy a line (menus repeat): numpy's conversion of
    # Python floats is most of this function's own time. A line's own features are those of its text.
    row_of = dict(zip(distinct, range(len(distinct))))
    at = np.array(list(map(row_of.__getitem__, texts)), dtype=np.intp)
    own_of_text = dict(zip(texts, own_text))
    own = np.array(list(map(own_of_text.__getitem__, distinct)), dtype=float)[at]
    own[:, REPEATS] = np.log(list(map(counts.__getitem__, texts)))
    own[:, REL_POS] = np.arange(n) / max(1, n - 1)
    own[:, BLANK_BEFORE] = [line.blank_before for line in lines]
    own[:, BLANK_AFTER] = [line.blank_after for line in lines]
    neighbour = own[:, list(_NEIGHBOUR_INDEX)]
    blocks = [own]
    for offset in (-1, 1, -2, 2):
        shifted = np.zeros_like(neighbour)
        if offset < 0 and n > -offset:
            shifted[-offset:] = neighbour[:offset]
        elif offset > 0 and n > offset:
            shifted[:-offset] = neighbour[offset:]
        blocks.append(shifted)
    blocks.append(np.array(lexicon_feature_rows(distinct, lexicon), dtype=float)[at])
    return np.hstack(blocks)


def is_prose(features: Sequence[float], prose_words: int = 8) -> bool:
    """A line that ends a sentence or has `prose_words` words or more reads as prose."""
    return bool(features[ENDS_SENTENCE]) or math.expm1(features[LOG_WORDS]) >= prose_words


_LOG_4 = math.log1p(4)


def is_chrome_line(features: Sequence[float]) -> bool:
    """Lines that are page furniture wherever they stand: "Advertisement", "Share", "© 2024 ...", "12 Likes"."""
    if features[CHROME_EXACT_AT] or features[COUNTER] or features[COPYRIGHT] or features[DATE_ONLY]:
        return True
    return bool(features[CHROME_PREFIX]) and features[LOG_WORDS] <= _LOG_4 and not features[ENDS_SENTENCE]
