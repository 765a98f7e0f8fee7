from bot.digest.segment.sentence_splitter import split_sentences


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
