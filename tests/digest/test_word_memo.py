import itertools

from bot.digest.word_memo import fill_word_memos, made_up_words, word_memo


def test_made_up_words_are_distinct_lower_case_words():
    words = list(itertools.islice(made_up_words(), 50_000))
    assert len(set(words)) == len(words)
    assert all(word.isalpha() and word.islower() and len(word) in (8, 10) for word in words)


def test_fill_brings_every_memo_to_its_bound_and_answers_stay_the_functions():
    calls = []

    @word_memo(64)
    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    @word_memo(10, filler=lambda: iter(range(1000)))
    def square(number: int) -> int:
        return number * number

    length("hedge")
    added = fill_word_memos()
    assert length.cache_info().currsize == 64
    assert square.cache_info().currsize == 10
    assert added >= 63 + 10
    assert fill_word_memos() == 0  # already full
    assert length("hedge") == 5 and square(7) == 49
    assert calls.count("hedge") == 1  # the real word filled before stays remembered


def test_made_up_entries_go_first_when_real_words_come():
    @word_memo(8)
    def upper(word: str) -> str:
        return word.upper()

    fill_word_memos()
    real = [f"word{i}" for i in range(8)]
    for word in real:
        upper(word)
    hits = upper.cache_info().hits
    for word in real:
        assert upper(word) == word.upper()
    assert upper.cache_info().hits == hits + len(real)  # none of the real words was dropped for a made-up one
