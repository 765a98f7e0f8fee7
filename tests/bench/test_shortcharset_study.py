"""bench.shortcharset_study: counts on two short texts, and the prior put back."""

import bot.digest.fetch.charset_guess as charset_guess
from bench.shortcharset_study import evaluate


def test_evaluate_counts_texts_given_back_and_restores_the_prior() -> None:
    saved = charset_guess.WESTERN_PRIOR
    counts = evaluate(["A naïve approach to the problem.", "Mám rád čaj."], [0.0, 4.0], [40], ["latin-1", "cp1250"])
    assert counts[("latin-1", 40, 4.0, True)] == 1  # the Czech text is no Latin-1
    assert counts[("latin-1", 40, 0.0, False)] == 1  # without the prior "naïve" reads as Czech ("naďve")
    assert counts[("cp1250", 40, 4.0, True)] == 1  # only the Czech text tests cp1250 (cp1252 holds the other)
    assert charset_guess.WESTERN_PRIOR == saved
