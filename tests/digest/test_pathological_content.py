"""Pathological content within the limits (sixteenth session, bench/hostile.py): every shape gets a digest with a
summary or a one-line refusal, never an empty digest or an internal error."""

from __future__ import annotations

import random

import pytest

from bench import hostile
from bot.digest.input_guard import MAX_TAG_ATTRIBUTES, crowded_tag
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


def _page_with_attributes(count: int) -> str:
    attributes = " ".join(f"data-a{i}='{i}'" for i in range(count))
    story = "".join(f"<p>The council approved the canal budget on day {i}. Critics said the plan may cost more.</p>" for i in range(8))
    return f"<html><head><title>Canal</title></head><body><div {attributes}>{story}</div></body></html>"


def test_a_tag_with_too_many_attributes_is_refused_before_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """libxml2 and htmldate cost the square of one tag's attributes (40,000 on one <div>: 6.5 s): refused in one
    pass, the parser never called."""
    from bot.digest.extract import html_extractor

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the page was parsed")

    monkeypatch.setattr(html_extractor, "extract_html", no_parse)
    digest = digest_document(hostile.document("html", _page_with_attributes(MAX_TAG_ATTRIBUTES + 1), "crowded"), SETTINGS)
    assert digest.error is not None and "attributes" in digest.error and "\n" not in digest.error


def test_a_tag_with_many_attributes_but_fewer_than_the_limit_is_read() -> None:
    assert not crowded_tag(_page_with_attributes(MAX_TAG_ATTRIBUTES))
    assert crowded_tag(_page_with_attributes(MAX_TAG_ATTRIBUTES + 1))
    digest = digest_document(hostile.document("html", _page_with_attributes(800), "busy"), SETTINGS)
    assert digest.error is None and digest.summary
