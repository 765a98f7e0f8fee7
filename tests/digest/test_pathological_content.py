"""Pathological content within the limits (sixteenth session, bench/hostile.py): every shape gets a digest with a
summary or a one-line refusal, never an empty digest or an internal error."""

from __future__ import annotations

import random

import pytest

from bench import hostile
from bot.digest.pipeline import NOTHING_TO_SUMMARIZE, digest_document
from bot.digest.sources import document_from_text
from bot.settings import DigestSettings

SETTINGS = DigestSettings()


@pytest.mark.parametrize("kind", hostile.KINDS, ids=[kind.name for kind in hostile.KINDS])
def test_every_shape_is_answered(kind: hostile.Kind) -> None:
    units = max(8, kind.full // 400)
    content = kind.build(units, random.Random(16))
    digest = digest_document(hostile.document(kind.kind, content, kind.name), SETTINGS)
    if digest.error is not None:
        assert "\n" not in digest.error and "Something went wrong" not in digest.error
    else:
        assert digest.summary, "a digest without a summary and without an error gives the user nothing"


@pytest.mark.parametrize(
    "text",
    [
        "\n\n".join(" ".join(random.Random(i).choice(("Council ferry tunnel.", "Officials library canal.", "Summer school."))
                             for _ in range(10)) for i in range(50)),
        "Wow " + "!" * 2_000 + " council " * 30,
    ],
    ids=["repeated-short-sentences", "one-line-of-bangs"],
)
def test_a_text_without_a_sentence_fit_for_a_summary_says_so(text: str) -> None:
    digest = digest_document(document_from_text(text), SETTINGS)
    assert digest.error == NOTHING_TO_SUMMARIZE
