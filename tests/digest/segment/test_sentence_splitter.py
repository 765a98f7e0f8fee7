import pytest

from bot.digest.segment.sentence_splitter import pysbd_split_line, pysbd_split_sentences, split_sentences


def test_heading_line_does_not_merge_with_next_sentence() -> None:
    text = "Key findings\nThe council met on Monday. It voted to close the bridge."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Key findings", "The council met on Monday.", "It voted to close the bridge."]
    assert sentences[0].is_heading and not sentences[1].is_heading


def test_list_items_stay_separate() -> None:
    text = "Three things changed:\n- prices rose\n- wages fell\nAnalysts were surprised."
    texts = [s.text for s in split_sentences(text)]
    assert texts == ["Three things changed:", "- prices rose", "- wages fell", "Analysts were surprised."]


def test_sentences_are_verbatim_and_indexed_in_order(sample_text: str) -> None:
    sentences = split_sentences(sample_text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert sentence.text in sample_text
    assert any(s.text.startswith("One of those three may be a general") for s in sentences)


def test_abbreviations_do_not_split() -> None:
    sentences = split_sentences("Dr. Smith met U.S. officials on Monday. They agreed.")
    assert len(sentences) == 2


def test_paragraph_numbers_follow_blank_lines() -> None:
    sentences = split_sentences("First one. Second one.\n\nThird one.")
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []


DATELINES = ["NEW YORK (CNN) --", "(CNN) --", "LONDON, England (CNN) --", "WASHINGTON --", "HONG KONG, China (Reuters) --"]


@pytest.mark.parametrize("dateline", DATELINES)
def test_a_leading_dateline_is_split_off_before_pysbd(dateline: str) -> None:
    # Stock pysbd pairs the dateline's "--" with the next one and cuts no sentence in between.
    body = 'The man left. He said "it is over." Then he came back -- and sat down. Nobody spoke.'
    line = f"{dateline} {body}"
    assert len(pysbd_split_line(line, "en")) < 4
    sentences = split_sentences(line + "\n\nNext paragraph here.")
    assert [(s.text, s.is_heading) for s in sentences[:2]] == [(dateline, True), ("The man left.", False)]
    assert [s.text for s in sentences[1:5]] == pysbd_split_line(body, "en")
    assert sentences == pysbd_split_sentences(line + "\n\nNext paragraph here.")


@pytest.mark.parametrize("line", ["I -- for one -- agree. Yes.", "Apple -- the company -- rose. Yes.", "-- and so on. Yes."])
def test_a_dash_that_is_no_dateline_stays_with_pysbd(line: str) -> None:
    assert [s.text for s in split_sentences(line)] == pysbd_split_line(line, "en")


def test_only_the_space_runs_that_change_are_replaced() -> None:
    """`_SPACE_TO_TIDY.sub` gives what `_SPACE.sub` gives: every run of spaces, tabs and no-break spaces one space."""
    import random

    from bot.digest.segment.sentence_splitter import _SPACE, _SPACE_TO_TIDY

    rng = random.Random(3)
    texts = ["", " ", "  ", "\t", "\u00a0", "a b", "a  b", " \t ", "a\u00a0 \tb\n \n c "]
    texts += ["".join(rng.choice("ab \t\u00a0\n.") for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert _SPACE_TO_TIDY.sub(" ", text) == _SPACE.sub(" ", text), repr(text)
