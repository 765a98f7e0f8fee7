"""The paste cleaner's batched features give exactly what the per-line definitions give.

`text_feature_rows` (all lines of a paste at once) against `text_features` line by line, compared as
repr so that 1.0 and True or 0.0 and -0.0 differ: on built-in lines that reach every branch (short
menus, counters, datelines, CJK, non-ASCII, lines past the 300, 400-word and 2,000-character limits),
on random lines over the characters the features tell apart, and on every line of the benchmark
pastes when ../shared is present.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

import numpy as np

from bot.digest.extract.paste.features import (
    CHROME_EXACT, FEATURE_NAMES, lexicon_feature_rows, lexicon_features, own_features, split_lines, text_feature_rows, text_features,
)
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import _window_extreme
from bot.digest.extract.paste.phrases import clear_line_caches

from tests.digest.extract.paste.test_shared_words import TEXTS, TRICKY, _check_words

SHARED = Path(__file__).resolve().parents[4] / ".." / "shared" / "data" / "pastes"

LINES = [
    "Home", "Share this", "Share this story", "Subscribe now to read", "12 Comments", "Leave a Reply", "jsmith says:",
    "Anna wrote", "5 min read", "12", "1,234 views", "Likes 12", "© 2024 Example News. All rights reserved.",
    "(C) 2019 Foo", "Alle Rechte vorbehalten", "March 3, 2024", "Publié le 14 août 2024 à 07h12", "12.03.2024, 14:32 Uhr",
    "Madrid - 21 mayo 2024", "2024年5月12日", "By Jane Doe", "Von Max Mustermann", "Photo: Getty Images", "Image credit: Reuters",
    "- a bullet", "• another", "1. numbered", "Home | About | Contact", "News • Sport · Weather / Travel\tMore",
    "Visit https://example.com or www.example.org, mail me@example.com", "Related Articles", "Recent Posts",
    "He said. Then she left! Why? Because.", "“Quoted.” Then more", "A line ending with a colon:", "A line ending with a comma,",
    "日本語のテキストです。これは長い行です。", "한국어 문장입니다. 또 다른 문장.", "Ünïcödé Wörds Ärger über Straße",
    "Ｆｕｌｌｗｉｄｔｈ ＴＥＸＴ", "ǅemal İstanbul ΣΑΣ", "snake_case __init__ _x_", "__ __ __", "x" * 2500 + " end.",
    "word " * 450, "A " * 500 + "B.", "Get the FREE eBook today", "Sign up for our newsletter", "Advertisement",
    "a b c d e f g h i j k", "one two three four five six seven eight nine", "0", "٣٤", "²³", "Ⅻ chapter",
    "\u200b\u00a0 zero width", "Top 10 tips", "10 likes", "comments 3", "Tags: news, sport",
    "This is an ordinary sentence of moderate length that a reader would find in the middle of an article.",
]


def _same_rows(texts: list[str]) -> None:
    clear_line_caches()
    batched = text_feature_rows(texts)
    clear_line_caches()
    single = [text_features(text) for text in texts]
    assert len(batched) == len(texts)
    for text, a, b in zip(texts, batched, single):
        assert repr(a) == repr(b), (text[:80], [(FEATURE_NAMES[i], x, y) for i, (x, y) in enumerate(zip(a, b)) if repr(x) != repr(y)])
    lexicon = load_model().lexicon
    for lexicons in (lexicon, {**lexicon, "share": -0.0, "home": 0.0, "^home": -0.0, "the": -1e300, "of": 1e300}):
        assert repr(lexicon_feature_rows(texts, lexicons)) == repr([lexicon_features(text, lexicons) for text in texts])


def test_rows_match_text_features() -> None:
    lines = [line.text for text in TEXTS for line in split_lines(text)]
    _same_rows(LINES + lines + [t for t in TRICKY if t.strip()])


def test_rows_of_chrome_phrases() -> None:
    phrases = sorted(CHROME_EXACT)
    _same_rows(phrases + [p.title() for p in phrases] + [p + " now" for p in phrases] + [p.upper() + " | More" for p in phrases])


def test_rows_of_random_lines() -> None:
    rng = random.Random(14)
    alphabet = "aAbBzZ09 _.!?:,|•·/\t-©()“”’»«é日한İΣ²\u00a0"
    words = ["share", "this", "comments", "by", "photo", "2024", "may", "the", "of", "subscribe", "free", "news"]
    lines = []
    for _ in range(3000):
        parts = [rng.choice(words) if rng.random() < 0.5 else "".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(rng.randint(1, 14))]
        line = " ".join(parts).strip()
        if line:
            lines.append(line)
    _same_rows(lines)


def test_rows_fill_the_word_caches() -> None:
    # The later steps read these lines' words and keys from the caches the rows filled: they must be what
    # line_words, lower_words and line_key compute.
    texts = LINES + [t for t in TRICKY if t.strip()]
    clear_line_caches()
    text_feature_rows(texts)
    _check_words(texts)


def test_own_features_repeats_and_order() -> None:
    lines = split_lines("Menu\nHome\nMenu\n\nA sentence here.\nHome")
    rows = own_features(lines)
    assert rows == [text_features(line.text) for line in lines]
    assert rows[0] is rows[2]


@pytest.mark.skipif(not SHARED.is_dir(), reason="benchmark pastes not present")
def test_rows_on_benchmark_pastes() -> None:
    with open(SHARED / "scrapinghub.jsonl", encoding="utf-8") as handle:
        entries = [json.loads(row) for row in handle if row.strip()]
    with gzip.open(SHARED / "wcxb-dev-articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        entries += [json.loads(row) for row in handle if row.strip()]
    count = 0
    for entry in entries:
        texts = list(dict.fromkeys(line.text for line in split_lines(entry.get("paste") or "")))
        _same_rows(texts)
        count += len(texts)
    assert count > 100_000


def test_window_extreme_matches_a_sliding_window() -> None:
    rng = np.random.default_rng(14)
    for n in (1, 2, 3, 6, 7, 8, 50):
        values = rng.random(n)
        values[rng.random(n) < 0.2] = 0.5  # ties
        padded = np.pad(values, 3, mode="edge")
        window = np.lib.stride_tricks.sliding_window_view(padded, 7)
        assert np.array_equal(_window_extreme(values, 3, np.maximum), np.max(window, axis=1))
        assert np.array_equal(_window_extreme(values, 3, np.minimum), np.min(window, axis=1))


def test_own_features_fall_back_when_the_rows_lack_a_feature(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.digest.extract.paste import features

    monkeypatch.setattr(features, "text_feature_rows", lambda texts: [(0.0,) * (len(FEATURE_NAMES) - 1) for _ in texts])
    lines = split_lines("Menu\n\nA sentence here.")
    assert features.own_features(lines) == [text_features(line.text) for line in lines]


def test_rows_of_copyright_cues_found_in_one_lowered_copy() -> None:
    """The copyright cues are looked for in one lower-cased copy of all plain lines: a cue at a line's start or end,
    two cues in a line, cues in neighbouring lines, a cue past the 2,000-character sample, non-plain lines between."""
    lines = [
        "© 2024", "Example (c) 2019 Foo", "ALL RIGHTS RESERVED", "all rights reserved", "Todos los derechos (C) 2020 ©",
        "x" * 1995 + " (c) 2020", "x" * 2001 + " © 2020 All rights reserved", "Tutti i diritti riservati (c)2021", "(c)",
        "Ünïcödé © 2024 Alle Rechte vorbehalten", "日本 (c) 2024", "no cue here", "(c", "c)", "all rights", "reserved",
    ]
    _same_rows(lines)
    _same_rows(lines[::-1])
    _same_rows([line for line in lines for _ in range(2)])
    _same_rows(["plain only", "no cues at all"])


def _line_features_by_definition(lines, lexicon, own_text) -> np.ndarray:
    """line_features written line by line: repeat counts from a dict, lexicon columns from lexicon_features."""
    from bot.digest.extract.paste.features import _NEIGHBOUR_INDEX, BLANK_AFTER, BLANK_BEFORE, REL_POS, REPEATS

    n = len(lines)
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    own = np.array(own_text, dtype=float)
    own[:, REPEATS] = np.log([counts[line.text] for line in lines])
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
    blocks.append(np.array([lexicon_features(line.text, lexicon) for line in lines], dtype=float))
    return np.hstack(blocks)


@pytest.mark.parametrize("repeats", [1, 3])
def test_line_features_match_the_line_by_line_definition(repeats: int) -> None:
    from bot.digest.extract.paste.features import line_features

    lexicon = load_model().lexicon
    # Menus repeat lines: each line several times, some of them apart, with blank lines between some.
    text = "\n".join([*LINES * repeats, "", *LINES[:5], "", "", *LINES[::-1]])
    lines = split_lines(text)
    clear_line_caches()
    own = own_features(lines)
    got = line_features(lines, lexicon, own)
    want = _line_features_by_definition(lines, lexicon, own)
    assert got.shape == want.shape
    assert got.tobytes() == want.tobytes()
