"""Closing headings cut what follows them: comment heads that stand alone end the article; a link list under
"Related" is dropped, but not an article list or the rest of the article that outweighs the text before it."""

from __future__ import annotations

from bot.digest.extract.paste.features import own_features, split_lines
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.regions import cut_trailing_sections

PARAGRAPHS = [
    "The county opened its third public library branch on Saturday, five years after voters approved the bond that paid for it and two years after the work began.",
    "The building holds about forty thousand books, a maker space with two 3D printers and a room that local groups can book for free on any evening of the week.",
    "Librarians said the branch would stay open until nine in the evening on weekdays, two hours later than the older branches, and from ten to four on Sundays.",
]
LINKS = ["Ten libraries worth a trip", "Best reading chairs of 2025", "How to start a book club"]


def kept_after_cut(lines_text: list[str]) -> list[str]:
    lines = split_lines("\n".join(lines_text))
    keep = cut_trailing_sections(lines, own_features(lines), [True] * len(lines), load_model().decode)
    return [line.text for line, kept in zip(lines, keep) if kept]


def test_a_link_list_under_related_is_dropped() -> None:
    kept = kept_after_cut([*PARAGRAPHS, "Related", *LINKS])
    assert kept == PARAGRAPHS


def test_an_article_list_longer_than_the_text_before_stays() -> None:
    items = ["caterer", "florist", "band", "photographer", "officiant", "bus", "cake", "hall", "tent", "rings", "dress", "suit", "hotel", "menu"]
    checklist = [f"Step {n}: book the {item} and confirm the date with the venue two weeks before" for n, item in enumerate(items)]
    text = [*PARAGRAPHS, "Related Resources:", *checklist]
    assert kept_after_cut(text) == text


def test_the_article_after_an_inline_related_box_stays() -> None:
    code = [f"subprocess.run(['open', '--new-window', project_path, '--line', '{n}'])" for n in range(20)]
    rest = [*PARAGRAPHS, *code]
    text = [*PARAGRAPHS, "Related", LINKS[0], *rest]
    kept = kept_after_cut(text)
    assert all(line in kept for line in rest)


def test_a_comment_head_ends_the_article() -> None:
    for head in ("34 Comments", "Leave a Reply", "Load earlier comments..."):
        assert kept_after_cut([*PARAGRAPHS, head, "Great article, thanks!", "I disagree with the second point."]) == PARAGRAPHS


def test_comment_words_inside_the_article_do_not_cut() -> None:
    for line in ('Avoiding reading comments."', "scrape_comments()"):
        text = [*PARAGRAPHS, line, *PARAGRAPHS]
        assert kept_after_cut(text) == text


def test_a_comment_thread_without_a_heading_ends_the_article() -> None:
    thread = []
    for n, name in enumerate(["Travis Butler", "Kent Bunn", "Marc", "Paul"]):
        thread += [name, f"December 18, 2025, 10:{20 + n} pm", f"I liked the review, {name.split()[0]} here, and I saw the film in the theater in 1997 with friends."]
    assert kept_after_cut([*PARAGRAPHS, *thread]) == PARAGRAPHS


def test_clock_times_without_a_year_or_far_apart_do_not_cut() -> None:
    plan = [f"Week {n}: Build Endurance & Speed. (3:{n}5-4:25hrs)" for n in range(1, 5)]
    text = [*PARAGRAPHS, *plan]
    assert kept_after_cut(text) == text
    spaced = [*PARAGRAPHS, "Updated December 18, 2025, 10:21 pm", *PARAGRAPHS * 11, "Updated December 19, 2025, 9:02 am", *PARAGRAPHS]
    assert kept_after_cut(spaced) == spaced
