"""bench.articles6_study: the loss split, the lines' place against the frame, the flattened answer split, the trailing
cut that spares a continued section."""

from lxml import html as lxml_html

import bot.digest.extract.html.article as article
from bench.articles6_study import (
    continues_article,
    flat_line,
    frame_place,
    loss_parts,
    page_lines,
    split_flat_answer,
    trailing_cut_sparing_sections,
)
from bench.wcxb import word_f1

PARAGRAPHS = [  # 20 words or more each
    "The river rose three metres overnight and the old bridge closed before dawn, the council said on Monday morning after heavy rain.",
    "Engineers inspected the piers at first light and found the stone footings sound, though debris had piled up against the arches.",
    "Repairs to the parapet will begin next week and the bridge should reopen to walkers by the end of the month, officials said today.",
]
LATER = "Traders on the quay moved their stock to higher ground on Sunday evening, and most shops expect to open again once the water has gone down."
BIO = "Jane Doe writes about rivers, bridges and the towns that depend on them for the Valley Courier newspaper every week."


def _page(after: str) -> str:
    return (
        "<html><body><p>Home news</p><main><div class='sec'>"
        f"<div class='body'><h2 class='h'>Flood</h2><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{LATER}</p></div></div>{after}</main></body></html>"
    )


def test_loss_parts_sum_to_the_f1_loss_and_split_by_side() -> None:
    truth, answer = "a b c d", "a b c x y"
    precision, recall = loss_parts(truth, answer)
    assert abs(precision + recall - (1 - word_f1(truth, answer))) < 1e-12
    assert (precision, recall) == (2 / 9, 1 / 9)  # 2 extra words, 1 missing, 9 words in both bags
    assert loss_parts("a b", "") == (0.0, 1.0)
    assert loss_parts("", "a b") == (1.0, 0.0)


def test_frame_place_and_page_lines() -> None:
    html = _page(f"<div class='bio'><p>{BIO}</p></div>")
    tree = lxml_html.fromstring(html)
    answer = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], BIO])
    _, bodies, _ = article._restore(tree, answer)
    frame = article._common_ancestor(bodies)
    paragraphs = list(tree.iter("p"))
    assert frame_place(paragraphs[1], bodies, frame) == "body"
    assert frame_place(paragraphs[0], bodies, frame) == "before"
    assert frame_place(paragraphs[-1], bodies, frame) == "after"
    assert frame_place(None, bodies, frame) == "unmapped"
    page = {"tree": html, "raw": answer, "truth": "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]])}
    rows = page_lines(page, answer)
    assert ("P", "p", "after", len(BIO.split()), BIO) in rows
    assert [row[0] for row in rows].count("R") == 1  # the third paragraph, on no element of the page


def test_flat_answer_is_split_into_the_pages_blocks() -> None:
    tree = lxml_html.fromstring(
        f"<html><body><div><p>{PARAGRAPHS[0]}</p><ul><li>{PARAGRAPHS[1]}</li></ul><div>loose words</div></div></body></html>"
    )
    line = f"{PARAGRAPHS[0]} {PARAGRAPHS[1]} loose words " * 4  # 150 words or more in one line
    assert flat_line(line) == line
    assert flat_line("\n".join(PARAGRAPHS)) is None
    assert split_flat_answer(tree, line, 0.0) == f"{PARAGRAPHS[0]}\n\n- {PARAGRAPHS[1]}"  # each block once
    assert split_flat_answer(tree, line, 0.9) is None  # the blocks hold a quarter of the line's words


def test_a_trailing_section_styled_as_the_frames_is_kept() -> None:
    section = f"<div class='sec'><h2 class='h'>Repairs</h2><div class='other'><p>{PARAGRAPHS[2]}</p></div></div>"
    tree = lxml_html.fromstring(_page(section))
    kept, cut = ["Flood", PARAGRAPHS[0], PARAGRAPHS[1], LATER], ["Repairs", PARAGRAPHS[2]]
    bodies = [element for element in tree.iter("div") if element.get("class") == "body"]
    frame = article._common_ancestor(bodies)
    assert continues_article(cut, kept, frame, tag_only=False)
    other = lxml_html.fromstring(_page(section.replace("class='h'", "class='related-title'")))
    other_frame = article._common_ancestor([e for e in other.iter("div") if e.get("class") == "body"])
    assert not continues_article(cut, kept, other_frame, tag_only=False)
    assert continues_article(cut, kept, other_frame, tag_only=True)
    text = "\n".join(kept + cut)
    paragraphs = {article._normal(p) for p in [*PARAGRAPHS, LATER]}
    shipped = article.drop_trailing_sections(text, bodies, paragraphs)
    assert shipped == "\n\n".join(kept)  # the product cuts the section as end matter
    assert trailing_cut_sparing_sections(False)(text, bodies, paragraphs) == text
    assert trailing_cut_sparing_sections(False, min_long_lines=2)(text, bodies, paragraphs) == shipped  # one long line
