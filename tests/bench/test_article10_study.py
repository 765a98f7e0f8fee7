"""bench.article10_study: the stage split, the lines one answer lacks, the article steps replayed, the choice's pick
and the topic-spared trailing cut."""

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
from bench.article10_study import (
    _topic_cosine,
    article_steps,
    in_truth,
    line_keys,
    line_table,
    missing_lines,
    pick,
    spared_cut,
    stage_parts,
)
from bench.fitting import LogisticModel

LONG = "The river rose three metres overnight and the old bridge closed before dawn, the council said on Monday morning."
OTHER = "Engineers will inspect the bridge piers this week before the council decides whether the bridge can reopen to traffic."


def test_stage_parts_sum_to_the_gap() -> None:
    scores = {"ref": 0.90, "raw": 0.88, "art": 0.95, "final": 0.96}
    parts = stage_parts(scores)
    assert abs(sum(parts.values()) - (scores["final"] - scores["ref"])) < 1e-12
    assert abs(parts["upstream"] + 0.02) < 1e-12 and abs(parts["article steps"] - 0.07) < 1e-12
    other_type = stage_parts({"ref": 0.9, "final": 0.7})
    assert list(other_type) == ["profile path"] and abs(other_type["profile path"] + 0.2) < 1e-12


def test_lines_are_compared_by_their_words_whatever_the_line_breaks() -> None:
    assert line_keys("- First item!\n\n| a | b |\n") == [("first item", 2), ("a b", 2)]
    # a line of one text split over two lines of the other is still there
    assert missing_lines("one two three four", "one two\nthree four\nfive") == []
    assert missing_lines("one two\nsix seven", "one two three") == [("six seven", 2)]
    truth = " " + " ".join(w for w in LONG.lower().replace(",", "").replace(".", "").split()) + " "
    grams = {tuple(truth.split()[i:i + 3]) for i in range(len(truth.split()) - 2)}
    assert in_truth("the old bridge closed before dawn", truth, grams)
    assert not in_truth("subscribe to our newsletter today", truth, grams)


def test_line_table_names_the_stage() -> None:
    page = {
        "truth": f"{LONG}\n{OTHER}",
        "ref": f"{LONG}\n{OTHER}",
        "raw": f"{LONG}\n{OTHER}",
        "final": f"{LONG}\nSign up for our newsletter",
        "tree": "<html/>",
    }
    rows = {(side, stage, truthful) for side, stage, truthful, _, _ in line_table(page)}
    assert ("ref only", "article steps/strip dropped it", True) in rows
    assert ("ours only", "article steps added it", False) in rows
    page.pop("tree")
    assert {stage for _, stage, _, _, _ in line_table(page)} == {"profile path"}


def test_article_steps_end_on_article_texts_answer() -> None:
    html = (
        "<html><body><div class='post'><article><p>" + LONG + "</p><p>" + OTHER + "</p>"
        "<ul><li>a first point that the answer lacks here</li><li>a second point that the answer lacks too</li></ul>"
        "<p>" + LONG.replace("river", "lake") + "</p></article>"
        "<div class='about-author'><p>Jane writes about rivers and bridges for the paper.</p></div></div></body></html>"
    )
    text = "\n".join((LONG, OTHER, LONG.replace("river", "lake"), "Jane writes about rivers and bridges for the paper."))
    steps = article_steps(lxml_html.fromstring(html), text)
    assert steps[-1][1] == article.article_text(lxml_html.fromstring(html), text)
    assert steps[0][0] == "restore lists, headings, paragraphs"
    assert "a first point" in steps[0][1]


def test_pick_takes_the_surest_alternative_above_the_threshold() -> None:
    def model(weight: float) -> LogisticModel:
        return LogisticModel(mean=np.zeros(1), scale=np.ones(1), weights=np.array([weight]), bias=0.0)

    x = {"raw": np.array([[3.0], [-3.0], [0.1]]), "recall": np.array([[1.0], [-3.0], [0.1]])}
    picks = pick({"raw": model(1.0), "recall": model(1.0)}, x, np.arange(3), 0.7)
    assert picks == ["raw", "final", "final"]


def test_topic_cosine() -> None:
    assert _topic_cosine(LONG, LONG) > 0.99
    assert _topic_cosine("Subscribe newsletter inbox weekly", LONG) == 0.0


def test_spared_cut_keeps_an_on_topic_run_of_long_lines(monkeypatch) -> None:
    follow = "The bridge council engineers said the river overnight closed the bridge again before dawn on Monday after more rain fell upstream, and the council engineers expect the river to stay high near the old bridge all week."
    text = f"{LONG}\n{OTHER}\n{follow}"
    monkeypatch.setattr(article, "drop_trailing_sections", lambda text, bodies, paragraphs: "\n\n".join(text.split("\n")[:2]))
    assert spared_cut(0.3, 1)(text, [], set()) == text  # about the article's topic, one long line: kept
    assert spared_cut(0.3, 2)(text, [], set()) != text  # fewer long lines than asked: cut
    promo = "Subscribe newsletter inbox weekly deals coupons offers shopping discounts partners sponsors giveaway contest prizes winners entries rules apply today"
    assert spared_cut(0.3, 1)(f"{LONG}\n{OTHER}\n{promo}", [], set()) != f"{LONG}\n{OTHER}\n{promo}"
