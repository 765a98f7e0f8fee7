"""The splitter's speed gates (eighteenth session) against the code they replace."""

from __future__ import annotations

import random
import re

from bot.digest.segment.sentence_splitter import _SPACE_TO_TIDY, tidy_spaces


def test_tidy_spaces_equals_its_regex() -> None:
    """The substring test skips the regex only where it finds nothing: a text with no tab, no-break space or two
    spaces in a row."""
    rng = random.Random(8)
    texts = ["", " ", "  ", "\t", "\u00a0", "a b", "a  b", " \t ", "a\u00a0 \tb\n \n c ", "a \u2009 b", "a\u3000\u3000b"]
    texts += ["".join(rng.choice("ab \t\u00a0\u2009\n.") for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        assert tidy_spaces(text) == _SPACE_TO_TIDY.sub(" ", text), repr(text)


# Characters around the word pattern's edges: ASCII word characters that are no letters, apostrophes and hyphens,
# letters and digits outside ASCII, the unspaced scripts' marks that are no word characters ("゛", "・", "〆" is a
# letter), the Kelvin sign and long s (which fold to ASCII letters under IGNORECASE, not here), curly quotes, dashes.
WORD_EDGES = list("aZ09_'’-‐–— .,\t\n") + ["é", "ß", "İ", "ı", "ſ", "\u212a", "٣", "²", "゛", "・", "ー", "ア", "あ", "漢",
                                          "〆", "한", "Ж", "“", "”", "…", "\u0301", "\ufeff", "\U0001f600"]


def test_words_equal_the_unicode_pattern() -> None:
    from bot.digest.segment.sumy_adapter import _WORD, words

    rng = random.Random(18)
    texts = ["", "plain words here", "it’s a well-known fact", "don't -- stop", "café au lait", "北京市 カタカナ", "a゛b",
             "a・b", "x٣y", "x²y", "Kelvin \u212a", "ſtrange", "“quoted” — dashed"]
    texts += ["".join(rng.choice(WORD_EDGES) for _ in range(rng.randint(0, 25))) for _ in range(20000)]
    texts += ["".join(rng.choice("ab '’-") for _ in range(rng.randint(0, 12))) + edge for edge in WORD_EDGES for _ in range(20)]
    for text in texts:
        assert words(text) == _WORD.findall(text), repr(text)


def test_first_words_equal_the_unicode_pattern() -> None:
    from bot.digest.segment.sumy_adapter import _WORD
    from bot.digest.summarize.features import _first_words

    rng = random.Random(81)
    for _ in range(5000):
        text = "".join(rng.choice(WORD_EDGES) for _ in range(rng.randint(0, 30)))
        assert _first_words(text, 3) == _WORD.findall(text)[:3], repr(text)


# The splitter's stop pattern before the eighteenth session: a branch tried at every character.
REFERENCE_STOP = re.compile(r"[!?]|\.(?!(?<=[A-Za-z0-9_]{2}\.)[a-z])(?!(?<=\d\.)\d)(?!(?<=\s\.)\d)(?!(?<=^\.)\d)")
REFERENCE_STOP_TOKEN = re.compile(r"(?<!\S)\S*(?=[.!?] )")
STOP_EDGES = list("aZz09_ .!?\t\n-'’") + ["\u00a0", "\u2009", "é", "٣"]


def _random_lines(seed: int, pieces: list[str], count: int, longest: int = 16) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_stop_pattern_finds_what_the_branch_found() -> None:
    from bot.digest.segment.sentence_splitter import _STOP

    lines = ["Hello. World", "wired.com", "12.9", "a .45", ".5 off", "x.y.z", "Yes! No? OK.", "tax.9 Those", "e.g. this"]
    for line in lines + _random_lines(5, STOP_EDGES, 30000):
        assert [m.span() for m in _STOP.finditer(line)] == [m.span() for m in REFERENCE_STOP.finditer(line)], repr(line)
        for start, end in ((1, len(line)), (2, len(line) - 1), (0, len(line) // 2)):  # as `_chunks` searches a span
            found = [m.span() for m in _STOP.finditer(line, start, end)]
            assert found == [m.span() for m in REFERENCE_STOP.finditer(line, start, end)], (repr(line), start, end)


def _reference_plain_sentences(line: str) -> list[str] | None:
    """`_plain_sentences` as it was, its tokens found by `REFERENCE_STOP_TOKEN`."""
    from bot.digest.segment import sentence_splitter as splitter

    if splitter._PLAIN_LINE.fullmatch(line) is None:
        return None
    for token in REFERENCE_STOP_TOKEN.finditer(line):
        text = token.group()
        word = text.rpartition("-")[2]
        if 2 <= len(word) <= 98 and word.isascii() and word.isalpha():
            lowered = word.lower()
            if word.isupper() or lowered in splitter._PLAIN_ENDINGS or (
                line[token.end()] == "!" and lowered in splitter._EXCLAMATION_WORDS
            ):
                return None
        elif not (3 <= len(text) <= 98 and text.isascii() and text.isdigit() and token.start() > 0):
            return None
    return splitter._PLAIN_CUT.split(line)


def test_plain_line_white_space_is_the_space() -> None:
    """`_plain_sentences` reads a token back to the last " ": no other white space is in a line `_PLAIN_LINE` takes."""
    from bot.digest.segment.sentence_splitter import _PLAIN_LINE

    for code in range(0x110000):
        character = chr(code)
        if character != " " and re.fullmatch(r"\s", character):
            assert _PLAIN_LINE.fullmatch(f"A{character}b") is None, hex(code)


def test_plain_sentences_as_before() -> None:
    from bot.digest.segment.sentence_splitter import _plain_sentences

    words = ["The", "cat", "sat", "Mr", "Yahoo", "yum", "NASA", "iv", "1234", "12", "well-known", "e", "US", "x-ray"]
    pieces = words + [" ", ". ", "! ", "? ", ".", "!", "-", "’", ",", "  ", "\t", "\u2009"]
    lines = ["The cat sat. The dog ran.", "Mr. Smith. Yes.", "Yahoo! News", "It cost 1234. Then", "1234. Then"]
    for line in lines + _random_lines(6, pieces, 30000, longest=12):
        assert _plain_sentences(line) == _reference_plain_sentences(line), repr(line)


REFERENCE_LAST_WORD = re.compile(r"(?:^|[ \-“\"(\[«])([A-Za-z]+)$")


def test_last_word_is_what_the_pattern_found() -> None:
    from bot.digest.segment.sentence_splitter import _WORD_WINDOW, _last_word

    def reference(line: str, stop: int) -> str | None:
        found = REFERENCE_LAST_WORD.search(line, max(0, stop - _WORD_WINDOW), stop)
        return None if found is None else found.group(1)

    pieces = list("aZ .-“\"([«]}\n1é") + ["word", "Mr", "x" * 60]
    lines = ["The cat. Yes", "Hello", "(Yahoo! News", "a" * 150 + ". B", " " + "b" * 99 + ". C", "b" * 100 + ". C"]
    for line in lines + _random_lines(7, pieces, 20000, longest=10):
        for stop in range(len(line) + 1):
            assert _last_word(line, stop) == reference(line, stop), (repr(line), stop)


def test_plain_classes_hold_the_same_characters() -> None:
    """`_PLAIN_CHARS` and `_PLAIN_LINE` with the ASCII letters and digits written out beside `\\w` match what the
    patterns without them matched, on every code point alone and between letters, and on random lines."""
    from bot.digest.segment.sentence_splitter import _INERT_CHARS, _PLAIN_CHARS, _PLAIN_LINE

    old_chars = re.compile(r"[\w ,;:\-–—'‘’%$€£&/+#=.!?“”\"()\[\]«»" + _INERT_CHARS + "]*")
    old_line = re.compile(r"(?:[\w ,;:–—%$€£&/+#=" + _INERT_CHARS + r"]++|-(?!-)|(?<=\S)['’]|[.!?](?= [A-Z]|$))*+")
    assert _PLAIN_CHARS.pattern != old_chars.pattern and _PLAIN_LINE.pattern != old_line.pattern
    for code in range(0x110000):
        character = chr(code)
        assert (_PLAIN_CHARS.fullmatch(character) is None) == (old_chars.fullmatch(character) is None), hex(code)
        for line in (character, f"a{character}b. C"):
            assert (_PLAIN_LINE.fullmatch(line) is None) == (old_line.fullmatch(line) is None), hex(code)
    for line in _random_lines(9, list("aZ09_ ,.!?-'’“”()") + ["\u00e9", "\u2009", "\U0001f600"], 20000):
        assert (_PLAIN_LINE.fullmatch(line) is None) == (old_line.fullmatch(line) is None), repr(line)
        assert (_PLAIN_CHARS.fullmatch(line) is None) == (old_chars.fullmatch(line) is None), repr(line)
