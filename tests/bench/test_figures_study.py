"""The tune-part study of the key figures: how it names a chrome line's shape and where the line comes from."""

from __future__ import annotations

from bench import figures as bf
from bench.figures_study import line_shape, where_from
from bot.digest.models import Figure


def test_line_shapes_name_the_kinds_of_chrome() -> None:
    assert line_shape("© 2024 Example Media. All rights reserved.") == "copyright year"
    assert line_shape("4 min read") == "N min read"
    assert line_shape("1.2K shares 45 comments") == "view/comment/share count"
    assert line_shape("Rated 4.5 out of 5 by 200 readers") == "rating"
    assert line_shape("Call 555-123-4567 today.") == "phone number"
    assert line_shape("It starts at only $12 per month, too.") == "price"
    assert line_shape("Meet us in Berlin on 27 November.") == "date"
    assert line_shape("We tried six different options.") == "other prose"


def test_where_from_tells_a_leak_from_a_sentence_written_differently() -> None:
    truth = "Amazon (AMZN) Web Services is one of the five largest public cloud giants in the world today."
    shingles = bf._shingles(truth)
    figure = Figure(text="five", value=5, counts="giants", approximate=False, sentence=0, kind="count")
    glued = "Amazon (AMZN +0.21%) Web Services is one of the five largest public cloud giants in the world today."
    assert where_from(glued, figure, truth, shingles).startswith("mostly in the article")
    assert where_from("Use our tool to compare five movers in one place.", figure, truth, shingles).startswith("leaked")


def test_chrome_by_type_counts_figures_from_lines_outside_the_true_text() -> None:
    # twelfth session: the other page types of WCXB, one row per type, the first six numbers beside
    from bench.figures_study import chrome_by_type

    article = "Officials counted 224 people at the border on Monday morning."
    text = article + "\n\n" + "Critics said 35 buses were turned away by the guards at dawn."
    digest = {"text": text, "title": "", "language": "en", "summary": []}
    cache = {"wcxb_other": ([("0001/listing", "", article)], [digest])}
    assert chrome_by_type(cache) == {"listing": (1, 2, 1, 2)}
    cache = {"wcxb_other": ([("0002/forum", "", text)], [digest])}
    assert chrome_by_type(cache) == {"forum": (0, 2, 0, 2)}


def test_figure_label_splits_counts_by_what_they_count() -> None:
    # thirteenth session: the misses table's kinds
    from bench.figures_study import figure_label
    from bot.digest.figures.figure_finder import candidates
    from bot.digest.models import Sentence

    texts = ["Police said 224 people fled.", "Rebels seized 12 towns.", "Nine generals fled.", "The 77-year-old tycoon spoke.", "Prices rose 5%."]
    found = candidates([Sentence(index=i, text=t, paragraph=i) for i, t in enumerate(texts)])
    assert [figure_label(c) for c in found] == ["count of people", "count, other noun", "count, small word", "age", "percent"]


def test_weights_are_chosen_on_one_fold_and_read_on_the_other() -> None:
    from bench.figures_study import chosen_on_fold

    table = {0.0: {"cnn": (10, 10)}, 0.5: {"cnn": (12, 9)}, 1.0: {"cnn": (12, 11)}, 2.0: {"cnn": (9, 14)}}
    assert chosen_on_fold(table, 0, default=0.0) == 0.5  # a tie on fold 0: the smaller value
    assert chosen_on_fold(table, 1, default=0.0) == 2.0
    assert chosen_on_fold({0.0: {"cnn": (3, 3)}, 1.0: {"cnn": (3, 3)}}, 0, default=1.0) == 1.0  # a tie with the shipped value: kept


def test_misses_by_kind_and_the_ranker_features_on_a_tiny_cache() -> None:
    from bench.figures_study import misses_by_kind, ranker_features, read

    text = (
        "Officials counted 224 people at the border. Rebels seized 12 towns in the north. The camp now holds 300 "
        "refugees from the city. Guards turned away 41 buses at dawn. Drivers parked 57 trucks by the road. Aid workers "
        "put up 68 tents near the river. Fishermen lent 79 boats to the army. Later the rebels seized nine villages."
    )

    class Article:
        name = "cnn-x"
        gold = (9.0,)

    digest = {"text": text, "title": "", "language": "en", "summary": []}
    missed, weakest, every, key = misses_by_kind({"cnn": ([Article()], [digest])}, "cnn")
    assert key["count, small word"] == 1 and every == {"count of people": 2, "count, other noun": 5, "count, small word": 1}
    # the key "nine" is the eighth candidate: missed, and the weakest of the six (no key number) took its place
    assert missed == {"count, small word": 1} and weakest == {"count, other noun": 1}
    item = read("cnn-x", digest)
    assert len({len(ranker_features(c, len(item.sentences))) for c in item.found}) == 1
