"""Feed our own sentences to sumy: a tokenizer and document model that need no NLTK data.

sumy's stock `Tokenizer` loads NLTK's punkt models, which are not on PyPI and
cannot be downloaded offline. Sentences are already split (see
`sentence_splitter`); words are split with a Unicode regex.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable, Sequence

from bot.digest.language.stemmers import lower_case, stemmer
from bot.digest.language.stop_words import stop_words_for
from bot.digest.models import Language, Sentence
from bot.digest.segment.sentence_splitter import split_line

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Sentence as SumySentence

# Chinese and Japanese are written without spaces: each ideograph or hiragana is a word of
# its own and a katakana run (a loanword) one word, else a whole clause would be one "word".
_UNSPACED = "\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KATAKANA = "\u30a0-\u30ff"
# A word: letters with inner apostrophes or hyphens (sumy's own notion of a word), no digits.
_WORD = re.compile(
    rf"[{_UNSPACED}]|[{_KATAKANA}]+|[^\W\d_{_UNSPACED}{_KATAKANA}]+(?:['’-][^\W\d_{_UNSPACED}{_KATAKANA}]+)*",
    re.UNICODE,
)
# `_WORD` on a text whose only word characters are ASCII: its letters, with inner apostrophes or hyphens. Tried with
# plain ranges, which the engine tests without the Unicode category look-ups of `_WORD`'s classes (0.22 -> 0.15 ms a
# ScrapingHub paste's sentences).
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# What `_ASCII_WORD` cannot stand for: a character outside ASCII that `_WORD`'s classes can match (a word character,
# or one of the unspaced scripts' ranges, which hold marks that are no word characters).
_NOT_ASCII_WORDS = re.compile(rf"[^\x00-\x7f\W]|[{_UNSPACED}{_KATAKANA}]")


class RegexTokenizer:
    """The two methods sumy's parsers and summarizers call on a tokenizer."""

    def __init__(self, language_code: str = "en") -> None:
        self.language_code = language_code

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_line(paragraph, self.language_code))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def word_pattern(text: str) -> re.Pattern[str]:
    """The pattern that finds `text`'s words: `_ASCII_WORD` where it finds what `_WORD` finds (a text whose only word
    characters are ASCII letters, digits and "_": there `_WORD`'s classes match the ASCII letters only), else `_WORD`."""
    return _ASCII_WORD if text.isascii() or _NOT_ASCII_WORDS.search(text) is None else _WORD


def words(text: str) -> list[str]:
    return word_pattern(text).findall(text)


@functools.lru_cache(maxsize=32)
def stemmer_for(language: Language) -> Callable[[str], str]:
    """The stemmer for the language (`language.stemmers`), or plain lower-casing when it has none."""
    if not language.stemmer:
        return lower_case
    try:
        return stemmer(language.name)
    except LookupError:
        return lower_case


def stop_words(language: Language) -> frozenset[str]:
    return stop_words_for(language.name)


def build_document(sentences: Sequence[Sentence], language_code: str) -> tuple[ObjectDocumentModel, list[SumySentence]]:
    """A sumy document holding exactly our sentences; the list maps sumy's sentence objects back by position."""
    # sumy.models imports sumy.utils and with it `requests`: only the benchmarks build sumy documents
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = RegexTokenizer(language_code)
    sumy_sentences = [SumySentence(s.text, tokenizer, is_heading=s.is_heading) for s in sentences]
    paragraphs: list[Paragraph] = []
    current: list[SumySentence] = []
    last_paragraph = None
    for ours, theirs in zip(sentences, sumy_sentences):
        if last_paragraph is not None and ours.paragraph != last_paragraph and current:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(theirs)
        last_paragraph = ours.paragraph
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs), sumy_sentences
