from __future__ import annotations

from bench.product import REPOSITORY
from bench.sweep5_study import changed_verdicts, load_unfit
from bot.digest.models import Sentence
from bot.digest.summarize.unfit import unfit


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(i, text, i) for i, text in enumerate(texts)]


def test_a_checkout_judged_against_itself_changes_no_verdict() -> None:
    sentences = _sentences("It was late.", "gov website belongs to an official government organization.", "It was late.")
    assert changed_verdicts(sentences, load_unfit(REPOSITORY), unfit) == []


def test_changed_verdicts_names_the_sentences_judged_otherwise() -> None:
    sentences = _sentences("It was late.", "And then it rained.")
    assert changed_verdicts(sentences, lambda s, i: False, lambda s, i: i == 1) == [1]
