from bot.digest.models import Figure, Stats


def _figure(text: str, counts: str, kind: str = "count") -> Figure:
    return Figure(text=text, value=1.0, counts=counts, approximate=False, sentence=0, kind=kind)


def test_counts_shown_only_when_the_text_does_not_say_it() -> None:
    assert _figure("224", "people").counts_shown() == "people"
    assert _figure("about 16 months", "months", "duration").counts_shown() == ""
    assert _figure("$250,000", "dollars", "money").counts_shown() == ""
    assert _figure("$2 billion", "aid to Ukraine", "money").counts_shown() == "aid to Ukraine"
    assert _figure("5 million", "euros", "money").counts_shown() == "euros"
    assert _figure("2021-08-09", "date", "date").counts_shown() == ""
    # an age written as one hyphenated word says its unit: not "4-month-old months old" (sweep8 found 11 such digests)
    assert _figure("4-month-old", "months old", "duration").counts_shown() == ""
    assert _figure("31-year-old", "years old", "duration").counts_shown() == ""
    assert _figure("10 years", "years old", "duration").counts_shown() == "old"  # "10 years old"
    assert _figure("12", "years old", "duration").counts_shown() == "years old"


def test_stats_reduction_and_time_saved() -> None:
    stats = Stats(words_in=460, words_out=46)
    assert abs(stats.reduction - 0.9) < 1e-9
    assert abs(stats.minutes_saved - 414 / 230) < 1e-9
    assert Stats(0, 0).reduction == 0.0


def test_counts_shown_never_repeats_a_unit_in_another_word() -> None:
    assert _figure("three-year", "years", "duration").counts_shown() == ""
    assert _figure("sechs Jahren", "Jahren", "duration").counts_shown() == ""
    assert _figure("15%", "percent", "percent").counts_shown() == ""
    assert _figure("64 Prozent", "Prozent", "percent").counts_shown() == ""
    assert _figure("15%", "voters", "percent").counts_shown() == "of voters"
