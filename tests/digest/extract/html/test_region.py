"""The main region helpers: a forum page's og:description as the lead of an answer that lacks it."""

from __future__ import annotations


def test_description_lead_is_the_og_description_on_one_line() -> None:
    from lxml import html as lxml_html

    from bot.digest.extract.html.region import description_lead

    tree = lxml_html.document_fromstring("<html><head><meta property='og:description' content='First  line\nsecond line'></head><body><p>x</p></body></html>")
    assert description_lead(tree) == "First line second line"
    assert description_lead(lxml_html.document_fromstring("<html><body><p>x</p></body></html>")) == ""


def test_a_missing_lead_is_put_first_and_one_already_read_or_short_is_not() -> None:
    from bot.digest.extract.html.region import with_missing_lead

    lead = "I am new to astronomy and would love advice on choosing my first telescope for planets and galaxies"
    replies = "Get a Dobsonian.\n\nA refractor is easier to carry."
    assert with_missing_lead(replies, lead, 15, 0.3) == f"{lead}\n\n{replies}"
    assert with_missing_lead("", lead, 15, 0.3) == lead
    thread = f"{lead} on a budget of 400 dollars.\n\n{replies}"
    assert with_missing_lead(thread, lead, 15, 0.3) == thread  # the opening post is already there
    assert with_missing_lead(replies, "Advice on a first telescope", 15, 0.3) == replies  # too short to be a post
