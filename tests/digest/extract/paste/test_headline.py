"""The paste headline chooser: its own model file, its page-relative features and the site name cut off a headline."""

from __future__ import annotations

import json

import pytest

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.regions import select_lines
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.title import (
    HEADLINE_FEATURES, HEADLINE_MODEL_NAME, headline_rows, headline_text, load_headline_model,
)
from bot.digest.model_files import SHIPPED_MODELS, ModelFileError, package_model_path

BODY = [
    "The city council voted on Tuesday to expand the bicycle lane network by forty kilometres over the next three years.",
    "Supporters said the plan would cut traffic deaths, while shop owners on the main street worried about losing parking.",
    "The mayor, who cast the deciding vote, said the first new lanes would open in the spring once the contracts are signed.",
    "Opponents have promised to collect signatures for a referendum, which would need the backing of ten percent of voters.",
]
MENU = ["Home", "News", "Sport", "Business", "Culture", "Search", "Sign in", "Subscribe"]
FOOTER = ["Share this article", "Facebook", "Twitter", "Related Articles", "Privacy Policy", "© 2024 The Daily Example."]


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("City expands bike lanes despite protests | The Daily Example", "City expands bike lanes despite protests"),
        ("City expands bike lanes despite protests – Daily Example", "City expands bike lanes despite protests"),
        ("City expands bike lanes despite protests", "City expands bike lanes despite protests"),
        # A tail of more than four words is the headline's own second half, and a two-word head is no headline.
        ("Bike lanes – what the council decided and what happens next", "Bike lanes – what the council decided and what happens next"),
        ("Bike lanes | Daily Example", "Bike lanes | Daily Example"),
    ],
)
def test_a_site_name_after_the_last_separator_is_cut_off(line: str, headline: str) -> None:
    assert headline_text(line) == headline


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Home · Transport · City expands bike lanes despite protests", "City expands bike lanes despite protests"),
        ("News›Europe›Transport›City expands bike lanes despite protests", "City expands bike lanes despite protests"),
        ("Home ▸ News Release ▸ City expands bike lanes", "City expands bike lanes"),
        ("DAILY EXAMPLE  TRANSPORT  CITY EXPANDS BIKE LANES", "CITY EXPANDS BIKE LANES"),
        # One step before the headline is no trail; a long first part is the headline's own.
        ("Transport › City expands bike lanes despite protests", "Transport › City expands bike lanes despite protests"),
        ("What the council decided · who pays for it · when the new lanes open", "What the council decided · who pays for it · when the new lanes open"),
        ("Home · News · Bike lanes", "Home · News · Bike lanes"),
    ],
)
def test_a_breadcrumb_trail_before_the_headline_is_cut_off(line: str, headline: str) -> None:
    assert headline_text(line) == headline


def test_the_cleaned_paste_title_has_no_site_name() -> None:
    paste = "\n".join([*MENU, "", "City expands bike lanes despite protests | The Daily Example", "", *BODY, *FOOTER])
    assert clean_paste(paste).title == "City expands bike lanes despite protests"


def test_headline_rows_mark_a_line_echoed_elsewhere_and_a_dek_under_a_headline() -> None:
    headline = "City expands bike lanes despite protests"
    dek = "A forty-kilometre network will be built over three years, the council decided"
    lines = paste_lines("\n".join([*MENU, f"News > Transport > {headline}", "", headline, dek, "", *BODY, *FOOTER]))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    candidates, rows = headline_rows(analysis, select_lines(analysis, model.decode), model.decode.title_lookback)
    assert rows.shape == (len(candidates), len(HEADLINE_FEATURES))
    by_text = {analysis.lines[i].text: row for i, row in zip(candidates, rows)}
    assert by_text[headline][HEADLINE_FEATURES.index("echoes")] > 0  # it stands inside the breadcrumb
    assert by_text[dek][HEADLINE_FEATURES.index("echoes")] == 0
    assert by_text[dek][HEADLINE_FEATURES.index("headline_above")] == 1.0
    assert by_text[headline][HEADLINE_FEATURES.index("headline_above")] == 0.0


def test_a_headline_naming_the_body_subject_scores_higher_topic_than_a_byline_or_caption() -> None:
    headline = "Council expands bicycle lanes"
    byline = "Jane Doe, Senior Transport Reporter"
    caption = "Photo courtesy of Marco Rossi"
    body = [*BODY, "The bicycle lanes will connect the council offices with the station, where bicycle parking is full."]
    lines = paste_lines("\n".join([*MENU, headline, byline, caption, "", *body, *FOOTER]))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    candidates, rows = headline_rows(analysis, select_lines(analysis, model.decode), model.decode.title_lookback)
    by_text = {analysis.lines[i].text: row for i, row in zip(candidates, rows)}
    topic, frequent, behind = (HEADLINE_FEATURES.index(n) for n in ("topic", "topic_frequent", "topic_vs_best"))
    assert by_text[headline][frequent] > 0  # "bicycle", "lanes" and "council" run through the body
    assert by_text[headline][behind] == 0.0  # no candidate speaks more of the body's subject
    for other in (byline, caption):
        assert by_text[other][topic] < by_text[headline][topic]
        assert by_text[other][frequent] == 0.0


def test_the_headline_model_is_a_shipped_envelope_that_fits_the_features() -> None:
    assert ("bot.digest.extract.paste", HEADLINE_MODEL_NAME) in SHIPPED_MODELS
    model = load_headline_model()
    assert len(model.weights) == len(HEADLINE_FEATURES)


def test_a_headline_model_with_a_garbled_payload_is_refused(tmp_path) -> None:
    shipped = json.loads(package_model_path("bot.digest.extract.paste", HEADLINE_MODEL_NAME).read_text(encoding="utf-8"))
    shipped["payload"]["weights"] = shipped["payload"]["weights"][:-1]
    broken = tmp_path / HEADLINE_MODEL_NAME
    broken.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ModelFileError, match="one weight per feature"):
        load_headline_model(broken)
    del shipped["payload"]["min_prob"]
    broken.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ModelFileError, match="min_prob"):
        load_headline_model(broken)
