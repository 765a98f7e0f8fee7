"""The splitter's speed gates (eighteenth session) against the code they replace."""

from __future__ import annotations

import random

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
