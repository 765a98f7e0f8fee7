"""The site speaking to the reader inside the article's region is dropped; article sentences like it stay."""

from __future__ import annotations

import pytest

from bot.digest.extract.paste import clean_paste, is_promo_line

ARTICLE = [
    "The county opened its third public library branch on Saturday, five years after voters approved the bond that paid for it.",
    "The building holds about forty thousand books, a maker space with two 3D printers and a room that local groups can book for free.",
    "Librarians said the branch would stay open until nine in the evening on weekdays, two hours later than the older branches.",
    "Next year the county plans to add a mobile library that will visit the villages in the hills north of the town twice a week.",
]


@pytest.mark.parametrize(
    "line",
    [
        "By submitting this form, you authorize the University of Example to contact you via SMS.",
        "By clicking “Accept”, you agree to the storing of cookies on your device.",
        "Catch up on our coverage of tech and wellness, and follow us on Facebook, Instagram and TikTok to stay up to date.",
        "FOLLOW US ON INSTAGRAM",
        "Don't miss any news from us!",
        "Help me spread the word about this podcast!",
        "Recently by Jeffrey Zeldman",
        "More by Rowan Jacobsen",
        "Previous: Paying for the rides I took 8 years ago",
        "Next article: Go Wins 2010 Bossie Award",
        "Feature image by Girlfriend Collective, all other images via brands mentioned.",
        "Posted on November 25, 2024 in College of Health Sciences, General, Healthcare, Nutrition and Dietetics",
    ],
)
def test_site_calls_are_promo_lines(line: str) -> None:
    assert is_promo_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "More by luck than design, the team reached the final.",  # "More by" opens a sentence, not a list of posts
        "The senator said voters should not miss the debate on Tuesday.",
        "Written in Lean, the proof of the lemma is almost the same as above. The type that corresponds to it is",
        "Posted on the door of the town hall, the notice warned residents that the water would be cut off on Monday.",
        "Previous studies found no such effect in adults.",
        "At this point, we decided to rebuild the index from scratch.",
        "The photographer followed the band on tour for two years, and the feature image by her won an award.",
    ],
)
def test_article_sentences_are_not_site_calls(line: str) -> None:
    assert not is_promo_line(line)


def test_site_calls_inside_the_article_are_dropped() -> None:
    menu = ["Home", "News", "Sport", "Opinion", "Culture", "Subscribe", ""]
    body = [
        ARTICLE[0], ARTICLE[1], "Feature image by Jane Example, all other images via the county.", ARTICLE[2], ARTICLE[3],
        "Don't miss any news from us!", "Follow us on Facebook, Instagram and LinkedIn", "Previous: County budget passes after long night",
    ]
    footer = ["", "Privacy Policy", "Terms of Use", "© 2025 The Example Gazette. All rights reserved."]
    paste = "\n".join(menu + ["County opens third library branch", ""] + [line + "\n" for line in body] + footer)
    result = clean_paste(paste)
    for sentence in ARTICLE:
        assert sentence in result.body
    for call in ("Feature image", "Don't miss", "Follow us", "Previous:"):
        assert call not in result.body
