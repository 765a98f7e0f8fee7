"""Split a cleaned article into sentences that follow its line structure.

pysbd carries its rules in its own code (no NLTK data). Each line of the cleaned
text is a paragraph or a heading/list line; a line that ends without closing
punctuation stays one sentence of its own, so a heading never merges with the
sentence after it.
"""

from __future__ import annotations

import functools
import re

import pysbd

from bot.digest.models import Sentence

# pysbd's rule sets, by ISO code; other languages use the English rules, which
# split on . ! ? and are a fair default for Latin-script text.
_PYSBD_CODES = frozenset(pysbd.languages.LANGUAGE_CODES)
_CLOSING = re.compile(r"""[.!?…。！？]["'”’»)\]]*\s*$""")
_SPACE = re.compile(r"[ \t\u00a0]+")


# pysbd's Arabic and Persian rules end a sentence at every colon, the Arabic ones also at
# the Arabic comma; in prose neither ends one, so such a piece is joined to the next.
# (Armenian writes its full stop like a colon, so there a colon still ends a sentence.)
_COMMA_END = re.compile(r"[,،]\s*$")
_COLON_END = re.compile(r":\s*$")


@functools.lru_cache(maxsize=32)
def _segmenter(code: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=code if code in _PYSBD_CODES else "en", clean=False, char_span=True)


def _ends_mid_sentence(piece: str, code: str) -> bool:
    return bool(_COMMA_END.search(piece) or (code != "hy" and _COLON_END.search(piece)))


def split_line(line: str, language_code: str = "en") -> list[str]:
    """The sentences of one paragraph line, verbatim and stripped."""
    line = line.strip()
    if not line:
        return []
    code = language_code.split("-")[0]
    bounds: list[list[int]] = []  # [start, end] offsets into `line`
    for span in _segmenter(code).segment(line):
        if bounds and _ends_mid_sentence(line[bounds[-1][0] : bounds[-1][1]], code):
            bounds[-1][1] = span.end
        else:
            bounds.append([span.start, span.end])
    pieces = [line[start:end].strip() for start, end in bounds]
    return [piece for piece in pieces if piece]


def split_sentences(text: str, language_code: str = "en") -> list[Sentence]:
    """All sentences of `text` in order; blank lines separate paragraphs."""
    sentences: list[Sentence] = []
    paragraph = 0
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACE.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        for line in lines:
            is_heading = not _CLOSING.search(line)
            for piece in split_line(line, language_code):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=piece,
                        paragraph=paragraph,
                        # only the last piece of an unpunctuated line is a heading-like fragment
                        is_heading=is_heading and piece == line,
                    )
                )
            paragraph += 1
    return sentences
