"""bench.pastedecode_study: a variant's settings and window are applied and undone, the learned chooser it builds
picks as the product's chooser does with the same model, and titles are judged by the benchmark's word match."""

from __future__ import annotations

from bench import pastedecode_study
from bot.digest.extract.paste import title as title_mod
from bot.digest.extract.paste.features import own_features, split_lines
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import score_lines
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import choose_title, load_headline_model

PASTE = "\n".join([
    "Home", "News", "Sport", "Subscribe",
    "Town opens its third library",
    "The county opened its third public library branch on Saturday, five years after voters approved the bond.",
    "The building holds about forty thousand books and a maker space with two printers for local groups.",
    "Librarians said the branch would stay open until nine in the evening on weekdays, later than the others.",
    "Next year the county plans to add a mobile library that will visit the villages in the hills twice a week.",
    "Related Articles", "Council votes on the budget", "Privacy Policy", "© 2026 The Town Paper",
])


def test_window_is_restored() -> None:
    before = title_mod._TITLE_BODY_LINES
    with pastedecode_study.window(before + 5):
        assert title_mod._TITLE_BODY_LINES == before + 5
    assert title_mod._TITLE_BODY_LINES == before


def test_settings_of_a_variant() -> None:
    model = load_model()
    variant = pastedecode_study.Variant("v", {"switch_cost": 0.25}, lookback=60)
    settings = pastedecode_study.settings_of(model, variant)
    assert settings.switch_cost == 0.25 and settings.title_lookback == 60
    assert settings.tail_share == model.decode.tail_share
    assert pastedecode_study.settings_of(model, pastedecode_study.VARIANTS[0]) == model.decode


def test_learned_chooser_with_the_shipped_model_is_the_products() -> None:
    lines = split_lines(PASTE)
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    keep = body_lines(analysis, model.decode)
    chooser = pastedecode_study.learned_chooser(load_headline_model())
    assert chooser(analysis, keep, model) == choose_title(analysis, keep, model)
    assert lines[chooser(analysis, keep, model)].text == "Town opens its third library"


def test_titles_right_uses_the_word_match() -> None:
    pages = [{"title": "Brains Are Not Required"}, {"title": "Coffee"}, {"title": ""}]
    assert pastedecode_study.titles_right(pages, ["Brains are not required!", "Tea", "Anything"]) == (1, 2)


def test_nested_grid_widens_the_trainers() -> None:
    from bench.train_paste_cleaner import GRID

    grid = dict(pastedecode_study.NESTED_GRID)
    assert grid["switch_cost"][:3] == [0.25, 0.3, 0.4] and grid["switch_cost"] == sorted(grid["switch_cost"])
    assert 1.0 in grid["logit_shift"]
    assert {name for name, _ in GRID} == set(grid)
    assert all(set(values) <= set(grid[name]) for name, values in GRID)
