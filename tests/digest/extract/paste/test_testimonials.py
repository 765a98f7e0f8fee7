"""A wall of signed testimonials ("quote", then "Mallory R.") is dropped from the article; one or two people quoted
by an article, and names that are no signature, stay."""

from __future__ import annotations

import pytest

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.paste.features import split_lines
from bot.digest.extract.paste.promo import drop_testimonials, is_attribution

ARTICLE = [
    "Toddlers who nap too late in the afternoon often fight bedtime, so most pediatricians suggest ending naps by three.",
    "A short routine of bath, book and bed tells the child that sleep is coming, and it works best when it never changes.",
    "If the child cries, parents can check in at longer and longer intervals instead of picking the child up every time.",
    "Most families see results within a week, although a cold or a trip can undo the progress for a few nights.",
]
WALL = [
    "“Great doctors and staff. They genuinely care about you. The clinic is kept very clean!”",
    "Mallory R.",
    "Everyone at the office has been great. It’s been easy to set up appointments.",
    "Brittany M.",
    "I liked the follow up and consistent care given to my daughter.",
    "Ron J.",
    "Every time we go I am so impressed with the doctor's bedside manner.",
    "A. Rae V. B.",
]


@pytest.mark.parametrize("text", ["Mallory R.", "A. Rae V. B.", "— John D., Austin", "– Jane Cooper"])
def test_signatures(text: str) -> None:
    assert is_attribution(text)


@pytest.mark.parametrize("text", ["Home", "Contact Us.", "U.S.", "John F. Kennedy", "Dr. Smith", "Step 2. Mix A.", "About the author"])
def test_not_signatures(text: str) -> None:
    assert not is_attribution(text)


def test_a_wall_of_signed_quotes_is_dropped_with_its_first_quote() -> None:
    lines = split_lines("\n".join(ARTICLE + WALL))
    keep = drop_testimonials(lines, [True] * len(lines))
    assert keep == [True] * len(ARTICLE) + [False] * len(WALL)


def test_two_signed_quotes_are_no_wall() -> None:
    lines = split_lines("\n".join(ARTICLE + WALL[:4] + ARTICLE))
    assert drop_testimonials(lines, [True] * len(lines)) == [True] * len(lines)


def test_signatures_far_apart_are_no_wall() -> None:
    text = "\n".join(ARTICLE[:2] + ["Mallory R."] + ARTICLE + ["Brittany M."] + ARTICLE + ["Ron J."])
    lines = split_lines(text)
    assert drop_testimonials(lines, [True] * len(lines)) == [True] * len(lines)


def test_clean_paste_leaves_the_wall_out() -> None:
    paste = "\n\n".join(["Home", "Services", "About", "Contact", "Sleep training your toddler", *ARTICLE, "What our patients say", *WALL, "© 2025 Clinic"])
    body = clean_paste(paste).body
    assert ARTICLE[0] in body and ARTICLE[-1] in body
    assert "Mallory R." not in body and "bedside manner" not in body and "Great doctors" not in body
