"""bench.sharticles7_study: the line kinds, the steps replayed on a note, and the out-of-fold choice."""

from lxml import html as lxml_html

from bench.sharticles7_study import (
    Note,
    cut_after_comments_label,
    drop_deks,
    line_kind,
    link_texts,
    teaser_headline,
    trailing_contact,
)

LONG = "The river rose three metres overnight and the old bridge closed before dawn, the council said on Monday morning."


def test_teasers_are_labels_before_a_links_text_on_the_page() -> None:
    tree = lxml_html.fromstring("<html><body><a href='/x'>Plague outbreak confirmed in Beijing</a></body></html>")
    links = link_texts(tree)
    assert teaser_headline("READ MORE: Plague outbreak confirmed in Beijing", links)
    assert teaser_headline("Plague outbreak confirmed in Beijing [INSIGHT]", links)
    assert not teaser_headline("READ MORE: another headline that is no link", links)
    assert not teaser_headline("A sentence: with a long label before the colon that is not a link", links)


def test_line_kinds() -> None:
    heading = lxml_html.fromstring("<h2>x</h2>")
    assert line_kind("The retailer earned $2.8 billion in the third quarter.", 0, 1, heading, "before", set()) == "dek (h2)"
    assert line_kind("The retailer earned $2.8 billion in the third quarter.", 2, 1, heading, "body", set()) == "h2 body"
    assert line_kind("The retailer earned $2.8 billion in the third quarter.", 2, 1, heading, "before", set()) == "h2 before"  # after the lead
    assert line_kind("Email Jane Doe at jane@example.com", 5, 0, None, "unmapped", set()) == "contact/newsletter"
    assert line_kind("Top Rated Comments", 5, 0, None, "unmapped", set()) == "comments"
    assert line_kind("#gallery-1 { margin: auto; }", 5, 0, None, "unmapped", set()) == "css"


def test_steps_on_a_note() -> None:
    dek = "The retailer earned $2.8 billion in the third quarter."
    lines = [dek, LONG, "Follow her on Twitter @janedoe.", "Subscribe to our newsletter."]
    note = Note(lines, ["dek (h2)", "p body", "contact/newsletter", "contact/newsletter"], {})
    assert drop_deks(frozenset(("dek (h2)",)), 8)(note) == lines[1:]
    assert drop_deks(frozenset(("dek (h2)",)), 12)(note) == lines  # the dek has 9 words
    assert trailing_contact(25)(note) == lines[:2]
    comments = Note([LONG, LONG + " Again.", "Top Rated Comments", "Nice."], ["p"] * 4, {})
    assert cut_after_comments_label(0.5)(comments) == comments.lines[:2]
    assert cut_after_comments_label(0.5)(Note(["Hi.", "Comments", LONG], ["p"] * 3, {})) == ["Hi.", "Comments", LONG]
