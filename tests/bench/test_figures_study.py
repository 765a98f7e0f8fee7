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
