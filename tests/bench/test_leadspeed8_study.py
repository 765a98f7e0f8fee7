"""The lead-line step's identity check (bench/leadspeed8_study.py) on a made-up call, without the data."""

from lxml import html as lxml_html

from bench.leadspeed8_study import compare
from bot.digest.extract.html.article import drop_lead_lines

LONG = "The council closed the old bridge before dawn on Monday after the river rose three metres overnight in the heavy rain."


def _call() -> dict:
    root = lxml_html.fromstring(f"<html><body><header><h1>Bridge closed</h1></header><article><div><p>{LONG}</p></div></article></body></html>")
    frame = root.find(".//article/div")
    text = f"Bridge closed\n\n{LONG}"
    return {
        "corpus": "made-up", "id": "1", "text": text, "answer": drop_lead_lines(text, frame),
        "tree": lxml_html.tostring(root, encoding="unicode"), "path": root.getroottree().getpath(frame),
    }


def test_compare_finds_a_changed_answer_and_none_where_the_steps_agree():
    call = _call()
    assert call["answer"] == LONG
    same = compare([call], drop_lead_lines, drop_lead_lines, runs=1)
    assert same["differ"] == [] and same["unlike_recorded"] == [] and len(same["times"]["made-up"]) == 1
    broken = compare([call], drop_lead_lines, lambda text, frame: text, runs=1)
    assert broken["differ"] == [("made-up", "1")]
