from bench.emptysum6_study import Verdict, full_sentences, judge, table
from bench.sweep import Item
from bot.digest.segment.sentence_splitter import split_sentences


def _result(text: str, summary: list[str]) -> dict:
    return {"text": text, "language": "en", "error": None, "summary": [{"text": s, "index": i} for i, s in enumerate(summary)]}


def test_full_sentences_count_no_heading_fragment_or_open_line() -> None:
    text = "A Heading Line\n\nThe council met on Monday to vote.\n\nRead more.\n\n- Body: Alder\n\nIt was a long day for all."
    assert full_sentences(split_sentences(text, "en")) == 2


def test_judge_calls_a_summary_empty_or_thin() -> None:
    item = Item("wcxb-product", "1", ".html", "")
    listing = "\n\n".join(f"- Item number {n} of the list" for n in range(10))
    assert judge(item, _result(listing, [])).empty
    prose = " ".join(f"Sentence number {n} says something new about the town." for n in range(6))
    thin = judge(item, _result(prose, ["Sentence number 0 says something new about the town."]))
    assert thin.thin and not thin.empty and thin.asked == 3
    assert not judge(item, _result(prose, ["a", "b", "c"])).thin
    assert judge(item, {"error": "No article text was found."}) is None


def test_table_counts_per_set_and_in_all() -> None:
    verdicts = [Verdict("a", "1", 0, 3, 0, 50), Verdict("a", "2", 3, 3, 9, 400), Verdict("b", "3", 1, 3, 4, 120)]
    rows = table(verdicts)
    assert rows[2] == "| a | 2 | 1 | 0 | 50 | - |"
    assert rows[3] == "| b | 1 | 0 | 1 | - | 120 |"
    assert rows[4] == "| all | 3 | 1 | 1 | 50 | 120 |"
