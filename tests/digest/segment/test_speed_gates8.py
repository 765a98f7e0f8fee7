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
