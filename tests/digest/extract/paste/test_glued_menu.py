"""Menu items glued into one line (runs of spaces, a tab, inline bullets) are never headline candidates
(`title._GLUED_MENU`, bot/digest/extract/paste/title.py): the chooser cannot show a menu as the title."""

from __future__ import annotations

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import _GLUED_MENU, headline_rows

BODY = [
    "Household appliance makers in the United States shipped more washing machines last year than in any year before.",
    "The ten largest of them make most of the refrigerators, ovens and dryers sold in the country, and most of the parts.",
    "This list ranks them by the number of people they employ in their American plants, from the largest to the smallest.",
    "Each entry gives the company's home state, its main products and the share of its sales that come from abroad.",
    "Whirlpool tops the list again, with more than twenty thousand workers spread over plants in Ohio and Tennessee.",
    "General Electric's appliance arm, now owned by Haier, comes second and builds most of its ovens in Kentucky.",
    "Smaller makers such as Sub-Zero and Viking build fewer machines but employ skilled workers in large numbers.",
    "The list was compiled from company filings and from the federal census of manufacturers published this spring.",
]
GLUED = [
    "Our Data     Sample Profile     User Reviews     Compare Versions     Contact Us",
    "Blog\tNews\tEvents",
    "•Zero to 5K Plan•5K to 10K Plan•10K to Half Marathon Plan",
]
PASTE = ["Skip to content", "Home", "Products", "Pricing", "Sign in", *GLUED,
         "Top 10 U.S. Manufacturers of Household Appliances", "By Jane Doe", "March 3, 2025", *BODY]
HEADLINE = PASTE.index("Top 10 U.S. Manufacturers of Household Appliances")


def test_glued_menus_are_recognised_and_headlines_are_not() -> None:
    assert all(_GLUED_MENU.search(line) for line in GLUED)
    for line in ("Top 10 U.S. Manufacturers of Household Appliances", "Best Moving Companies – Top Local Movers",
                 "• A bulleted point", "Home  ·  Blog"):
        assert not _GLUED_MENU.search(line)


def test_no_glued_menu_line_is_a_candidate() -> None:
    lines = paste_lines("\n".join(PASTE))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    keep = body_lines(analysis, model.decode)
    candidates, rows = headline_rows(analysis, keep, model.decode.title_lookback)
    assert candidates and len(rows) == len(candidates)
    assert not any(_GLUED_MENU.search(lines[i].text) for i in candidates)
    assert HEADLINE in candidates  # the headline itself still is one
    assert {PASTE.index(g) for g in GLUED} <= set(range(candidates[0], candidates[-1]))  # they were in the window


def test_the_cleaned_paste_never_takes_the_menu_for_its_title() -> None:
    title = clean_paste("\n".join(PASTE)).title
    assert title not in GLUED and not _GLUED_MENU.search(title)
