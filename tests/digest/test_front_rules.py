"""The rules both fronts share: what a link is, the sentence range, the byte limit, word counting."""

from __future__ import annotations

import pytest

from bot.digest.front_rules import (
    count_words,
    input_byte_limit,
    link_request,
    long_enough,
    saving_phrases,
    looks_like_address,
    scheme_problem,
    sentence_count_problem,
    shown_text,
)
from bot.digest.models import Stats
from bot.settings import DigestSettings

CHINESE_DM = "叙利亚三名高级军官周四叛逃到土耳其。"  # 18 characters, each a word for the digest


def test_a_chinese_message_counts_its_characters_as_words() -> None:
    text = CHINESE_DM * 2
    assert count_words(text) == 36 - 2  # the two full stops are not words
    assert long_enough(text, DigestSettings(min_words=25))
    assert not long_enough("hi there, thanks", DigestSettings(min_words=25))


@pytest.mark.parametrize(
    "text, link",
    [
        ("https://example.org/a", "https://example.org/a"),
        ("  have a look at this one <https://news.example.org/a>  ", "https://news.example.org/a"),
        ("https://a.example/x and https://b.example/y", "https://a.example/x"),
        ("see " + "word " * 13 + "https://example.org/a", None),  # an article that cites a link
        ("ftp://example.org/file", None),
        ("example.com/article", None),
    ],
)
def test_a_link_is_a_link_with_at_most_twelve_other_words(text: str, link: str | None) -> None:
    assert link_request(text) == link


def test_addresses_that_cannot_be_read() -> None:
    assert scheme_problem("FTP://example.org/a") == "only http:// and https:// links can be read, not ftp://"
    assert scheme_problem("https://example.org") is None and scheme_problem("notes.txt") is None
    assert scheme_problem("https://") == scheme_problem(" http:/// ") == "that link is not a valid web address: it names no site"
    assert looks_like_address("example.com/article") and looks_like_address("www.bbc.co.uk")
    assert not looks_like_address("seeds/article") and not looks_like_address("my notes")


def test_sentence_range_and_byte_limit() -> None:
    assert sentence_count_problem(1) is None and sentence_count_problem(20) is None
    assert sentence_count_problem(0) == sentence_count_problem(21) == "the number of sentences must be from 1 to 20"
    assert input_byte_limit(DigestSettings(max_input_chars=10)) == 40  # UTF-8: up to 4 bytes a character


def test_a_language_code_means_the_same_in_every_stage() -> None:
    from bot.digest.figures.locales import number_locale
    from bot.digest.hedges.hedge_marker import mark_hedge
    from bot.digest.language.language_detector import base_code, language_for

    assert base_code(" PT_br ") == "pt" and base_code("nb") == base_code("nn") == "no"
    sentence = "Die Regierung könnte die Steuer nächstes Jahr erhöhen."
    assert mark_hedge(sentence, "de") is not None
    assert mark_hedge(sentence, "de_AT") == mark_hedge(sentence, "de-AT") == mark_hedge(sentence, "de")
    assert language_for("zh_CN").name == language_for("zh-cn").name == "chinese"
    assert number_locale("nb") == number_locale("no-NO") == number_locale("no")


def test_count_words_of_ascii_text_is_the_regex_count() -> None:
    """The ASCII fast path (bytes.translate and split) counts what the word regex finds."""
    import random

    from bot.digest.front_rules import count_words, count_words_by_regex

    rng = random.Random(14)
    alphabet = "ab Z09_-'.,\t\n\r\x0b\x0c\x1c\x1f\x00~@é"
    texts = ["", " ", "_", "a_b", "x\x1cy", "one two  three\n\nfour", "C3PO's co-pilot, 4.5%!"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        assert count_words(text) == count_words_by_regex(text), repr(text)
    assert count_words("naïve café") == 2  # not ASCII: the regex


def test_count_words_of_text_with_non_word_characters_outside_ascii_is_the_regex_count() -> None:
    """The second fast path (every character outside ASCII is not a word character: curly quotes, dashes,
    no-break, thin and zero-width spaces, soft hyphens, symbols) counts what the word regex finds; a text with a
    letter, digit or ideograph outside ASCII is left to the regex."""
    import random

    from bot.digest.front_rules import count_words, count_words_by_regex

    rng = random.Random(15)
    outside = "’‘“”\u00a0–—…©®™•·★×«»→\u200b\u200d\u2009\u00ad£€\u3000。、"
    alphabet = "ab Z09_-'.,\t\n" + outside
    texts = ["don’t", "a\u00adb", "“Yes”—no", "x\u200by", "£5 – €6", "两个字", "naïve", "a²", "Ⅻ b", "١٢٣ x"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    texts += [text + rng.choice("é中²Ⅻ١") for text in texts[:500]]  # one word character outside ASCII
    for text in texts:
        assert count_words(text) == count_words_by_regex(text), repr(text)
    assert count_words("It’s 5 o’clock — “late”") == 6  # It, s, 5, o, clock, late


def test_shown_text_leaves_out_a_list_items_symbol_only() -> None:
    assert shown_text("- Body: Alder") == "Body: Alder"
    assert shown_text("• Pickups: 3 Player Series") == "Pickups: 3 Player Series"
    assert shown_text("1. Preheat the oven.") == "1. Preheat the oven."  # a number is a word of the list
    assert shown_text("-5 degrees overnight, the coldest night.") == "-5 degrees overnight, the coldest night."
    assert shown_text("The well-known - and much-loved - shop.") == "The well-known - and much-loved - shop."


@pytest.mark.parametrize(
    ("words_in", "words_out", "phrases"),
    [
        (460, 21, ["95% shorter", "about 1.9 min saved"]),
        (32, 32, ["the summary is the whole article"]),  # was "0% shorter, about 0.0 min saved"
        (1000, 997, ["the summary is the whole article"]),  # 0.3% rounds to 0%
        (40, 30, ["25% shorter"]),  # 10 words are 0.04 min: no "about 0.0 min saved"
        (0, 0, []),
    ],
)
def test_the_saving_is_told_in_words_a_reader_understands(words_in: int, words_out: int, phrases: list[str]) -> None:
    assert saving_phrases(Stats(words_in=words_in, words_out=words_out)) == phrases
