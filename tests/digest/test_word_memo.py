import itertools

from bot.digest.word_memo import made_up_words


def test_made_up_words_are_distinct_lower_case_words():
    words = list(itertools.islice(made_up_words(), 50_000))
    assert len(set(words)) == len(words)
    assert all(word.isalpha() and word.islower() and len(word) in (8, 10) for word in words)

