"""PDFs become articles: reading order, rejoined words, no running headers, page numbers or references."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.digest.extract import pdf_extractor, pdf_parse
from bot.digest.extract.pdf_parse import PdfLimits, parse_pdf
from bot.digest.models import DigestError
from bot.digest.pipeline import digest_document, extract_document
from bot.digest.sources import RawDocument, read_file
from bot.settings import DigestSettings
from tests.helpers.article_server import SAMPLE_TITLE, article_paragraphs, sample_text
from tests.helpers.pdf_maker import MARGIN, WIDTH, Text, pdf_bytes, report_pdf, wrap

SETTINGS = DigestSettings()
REFERENCES = [
    "[1] Smith, J. and Jones, K. (2020). Defections in civil wars. Journal of Conflict Studies 12(3), 101-130.",
    "[2] Doe, A. (2019). Armies and regimes. Proceedings of the Annual Meeting on Security, pp. 44-59.",
]
HEADER = "Quarterly Review of World Affairs"


def _pdf_document(data: bytes, name: str = "report.pdf") -> RawDocument:
    return RawDocument(source=name, text="", kind="pdf", data=data)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_a_report_reads_as_its_article() -> None:
    data = report_pdf(SAMPLE_TITLE, article_paragraphs(), references=REFERENCES, lines_per_page=12)
    digest = extract_document(_pdf_document(data), SETTINGS)
    assert digest.error is None, digest.error
    assert digest.title == SAMPLE_TITLE
    # Every word of the article, in order, and nothing else: no header, no page numbers, no references.
    assert _words(digest.text) == _words(" ".join(article_paragraphs()))
    assert HEADER not in digest.text
    assert "Smith" not in digest.text and "Proceedings" not in digest.text
    # Paragraphs stay paragraphs: one per blank-line-separated block.
    assert len(digest.text.split("\n\n")) == len(article_paragraphs())


def test_a_report_with_a_footer_and_short_lists_keeps_its_body() -> None:
    """The web-page rules (repeated lines, stacks of short lines) leave a report's own text alone."""
    items = ["Key points:", "Three officers crossed into Turkey", "One may be a general", "Refugee numbers rise", "Talks resume"]
    paragraphs = article_paragraphs()[:3] + items + article_paragraphs()[3:]
    footer = "Copyright 2026 Quarterly Review of World Affairs. All rights reserved. Not for distribution."
    data = report_pdf(SAMPLE_TITLE, paragraphs, references=REFERENCES, lines_per_page=12, running_footer=footer)
    digest = extract_document(_pdf_document(data), SETTINGS)
    assert digest.error is None, digest.error
    assert _words(digest.text) == _words(" ".join(paragraphs))
    assert "Copyright" not in digest.text and HEADER not in digest.text and "Proceedings" not in digest.text


def test_a_banner_on_every_page_and_a_printed_twice_caption_are_dropped() -> None:
    banner = "We use cookies to improve your experience on this site and to show you offers."
    caption = "Officers at the border crossing near Reyhanli, photographed on Monday."
    body = wrap(" ".join(article_paragraphs()), 11)
    pages = [
        [Text(MARGIN, 400, 11, banner)] + [Text(MARGIN, 700 - 14 * i, 11, line) for i, line in enumerate(body[start : start + 12])]
        for start in range(0, len(body), 12)
    ]
    pages[0] += [Text(MARGIN, 300, 9, caption), Text(MARGIN, 250, 9, caption)]
    parsed = parse_pdf(pdf_bytes(pages), PdfLimits())
    assert len(parsed.pages) >= 3
    blocks = pdf_extractor.drop_repeated(pdf_extractor.paragraphs(pdf_extractor.body_lines(parsed)))
    kept = "\n".join(block.text for block in blocks)
    assert "cookies" not in kept
    assert kept.count("Reyhanli") == 1
    assert _words(kept.replace(caption, "")) == _words(" ".join(article_paragraphs()))


def test_a_stack_of_short_lines_with_links_is_a_menu() -> None:
    menu = [Text(MARGIN, 740 - 14 * i, 11, word) for i, word in enumerate(["Home", "World news today", "Business", "Sport", "Weather"])]
    listed = [Text(MARGIN, 200 - 14 * i, 11, word) for i, word in enumerate(["Talks in Ankara", "Refugees in Hatay", "The general's escape"])]
    body = [Text(MARGIN, 640 - 14 * i, 11, line) for i, line in enumerate(wrap(" ".join(article_paragraphs()[:2]), 11))]
    parsed = parse_pdf(pdf_bytes([menu + body + listed], links={0: menu[:2]}), PdfLimits())  # 2 of 5 menu lines linked
    blocks = pdf_extractor.paragraphs(pdf_extractor.body_lines(parsed))
    kept = " ".join(block.text for block in pdf_extractor.drop_link_lists(blocks, WIDTH - 2 * MARGIN))
    assert "Home" not in kept and "Weather" not in kept
    assert "Talks in Ankara Refugees in Hatay" in kept  # short lines without links: a list of the text's own
    assert " ".join(article_paragraphs()[:2]) in kept


def test_the_label_of_an_icon_is_not_text() -> None:
    """A short line that starts at a small image: a share button, or the alt text of a picture that did not load."""
    share = Text(MARGIN + 14, 740, 11, "Share on Facebook")
    alt = Text(MARGIN + 14, 300, 11, "A soldier at the border crossing near Reyhanli on Monday")
    bullet = Text(MARGIN + 14, 250, 11, "A point of the text itself, after a dot drawn as text")
    body = [Text(MARGIN, 700 - 14 * i, 11, line) for i, line in enumerate(wrap(" ".join(article_paragraphs()[:2]), 11))]
    parsed = parse_pdf(pdf_bytes([[share, *body, alt, bullet]], icons={0: [share, alt]}), PdfLimits())
    assert [line.after_icon for line in parsed.pages[0].lines if line.text in (share.text, alt.text, bullet.text)] == [1.0, 1.0, 0.0]
    kept = " ".join(block.text for block in pdf_extractor.article_blocks(pdf_extractor.body_lines(parsed)))
    assert "Facebook" not in kept and "Reyhanli" not in kept
    assert " ".join(article_paragraphs()[:2]) in kept and bullet.text in kept


def test_full_width_text_in_another_size_is_not_the_article() -> None:
    """Comments in a larger size and fine print in a smaller one go; an abstract a little smaller stays."""
    abstract = "In short: three officers crossed into Turkey overnight, and the government in Damascus denies any split in its ranks."
    comment = "Great article, thanks for writing it! I have been following the news from the region for years and this sums it up well."
    fine_print = (
        "All content is provided for information only and may not be reproduced without the written consent of the publisher. "
        "Prices and offers mentioned may change at any time; the publisher accepts no liability for errors."
    )
    y, texts = 740.0, []
    for size, paragraph in [(10, abstract), *[(11, p) for p in article_paragraphs()[:3]], (13.5, comment), (8.5, fine_print)]:
        for line in wrap(paragraph, size):
            texts.append(Text(MARGIN, y, size, line))
            y -= 1.25 * size
        y -= 11
    parsed = parse_pdf(pdf_bytes([texts]), PdfLimits())
    kept = " ".join(block.text for block in pdf_extractor.article_blocks(pdf_extractor.body_lines(parsed)))
    assert "Great article" not in kept and "written consent" not in kept
    assert _words(kept) == _words(" ".join([abstract, *article_paragraphs()[:3]]))


def test_a_long_heading_stays_but_comments_spaced_line_by_line_go() -> None:
    """A one-line heading a little larger than the body and as wide as it is kept; comment lines in
    that size, each a block of its own (wide line spacing), are not: their neighbours share their size."""
    heading = "What the defections of three officers mean for the army and regime"
    comments = [
        "Great article, thanks for writing it! I have been following the news from the region for years",
        "and this sums it up well. I hope the officers and their families are safe now in the camp.",
        "Thanks for the report; I would like to read more about the camp and the people who live there.",
    ]
    y, texts = 740.0, []
    blocks = [(11, article_paragraphs()[0]), (13.5, heading), *[(11, p) for p in article_paragraphs()[1:3]]]
    for size, paragraph in blocks:
        for line in wrap(paragraph, size):
            texts.append(Text(MARGIN, y, size, line))
            y -= 1.25 * size
        y -= 11
    for line in comments:  # printed with a gap under each line, as a comment thread in a larger size
        texts.append(Text(MARGIN, y, 13.5, line))
        y -= 2.2 * 13.5
    parsed = parse_pdf(pdf_bytes([texts]), PdfLimits())
    assert len(wrap(heading, 13.5)) == 1
    kept = " ".join(block.text for block in pdf_extractor.article_blocks(pdf_extractor.body_lines(parsed)))
    assert _words(kept) == _words(" ".join([article_paragraphs()[0], heading, *article_paragraphs()[1:3]]))


def test_digest_of_a_pdf_has_summary_and_figures() -> None:
    digest = digest_document(_pdf_document(report_pdf(SAMPLE_TITLE, article_paragraphs())), SETTINGS)
    assert digest.error is None, digest.error
    assert digest.title == SAMPLE_TITLE
    article = " ".join(sample_text().split())
    assert digest.summary and all(" ".join(s.text.split()) in article for s in digest.summary)
    assert any("33,000" in figure.text for figure in digest.figures)
    assert digest.hedges


def test_words_split_at_line_ends_are_rejoined() -> None:
    lines = [
        "The committee discussed the environ-",
        "mental report on Tuesday and agreed that the well-",
        "known problems of the river need a long-term plan. Members said the",
        "work could start next year if the budget allows it, and the",
        "regional government is expected to pay for most of the cost, a well-known habit of the Franco-",
        "German commission that meets in Baden-Baden.",
    ]
    page = [Text(MARGIN, 700 - 14 * i, 11, line) for i, line in enumerate(lines)]
    digest = extract_document(_pdf_document(pdf_bytes([page])), DigestSettings(min_words=5))
    assert digest.error is None, digest.error
    assert "environmental report" in digest.text
    assert "the well-known problems" in digest.text  # written with its hyphen elsewhere in the document
    assert "environ-" not in digest.text
    assert "the Franco-German commission" in digest.text  # a capital after the hyphen: the hyphen is the word's


def test_a_paragraph_runs_on_into_the_next_column() -> None:
    """A paper in two columns: the paragraph cut at the foot of the left column goes on at the top of the right one."""
    column = (WIDTH - 2 * MARGIN - 18) / 2
    paragraphs = article_paragraphs()[:4]
    second = wrap(paragraphs[1], 10, column)
    # The column ends after a line of the second paragraph as long as its longest so far (a justified
    # column's lines are all full; pdf_maker does not stretch words).
    cut = next(i for i in range(2, len(second) - 1) if len(second[i]) >= max(len(line) for line in second[:i]))
    texts, x, y = [], MARGIN, 700.0
    for number, paragraph in enumerate(paragraphs):
        for index, line in enumerate(wrap(paragraph, 10, column)):
            texts.append(Text(x, y, 10, line))
            y -= 12
            if number == 1 and index == cut:
                x, y = MARGIN + column + 18, 700.0
        y -= 8
    parsed = parse_pdf(pdf_bytes([texts]), PdfLimits())
    blocks = [block.text for block in pdf_extractor.paragraphs(pdf_extractor.body_lines(parsed))]
    assert [_words(block) for block in blocks] == [_words(paragraph) for paragraph in paragraphs]


def test_blocks_that_are_links_are_navigation() -> None:
    menu = [Text(MARGIN + 80 * i, 740, 11, word) for i, word in enumerate(["Home", "World", "Business", "Sport"])]
    related = [Text(MARGIN, 300 - 14 * i, 11, f"Related: story number {i} about the region") for i in range(3)]
    body = [Text(MARGIN, 700 - 14 * i, 11, line) for i, line in enumerate(wrap(" ".join(article_paragraphs()[:2]), 11))]
    parsed = parse_pdf(pdf_bytes([menu + body + related], links={0: menu + related}), PdfLimits())
    blocks = pdf_extractor.paragraphs(pdf_extractor.body_lines(parsed))
    kept = " ".join(block.text for block in pdf_extractor.drop_link_lists(blocks, WIDTH - 2 * MARGIN))
    assert "Home" not in kept and "Related" not in kept
    assert " ".join(article_paragraphs()[:2]) in kept


def test_title_from_metadata_when_no_heading_stands_out() -> None:
    data = report_pdf("A plain first line", article_paragraphs(), metadata_title="Syrian officers defect: a briefing")
    # The same size for the first line as for the body: no heading stands out.
    flat = data.replace(b"/F1 22.0 Tf", b"/F1 11.0 Tf")
    assert extract_document(_pdf_document(flat), SETTINGS).title == "Syrian officers defect: a briefing"


def test_junk_metadata_title_is_not_used() -> None:
    data = report_pdf(SAMPLE_TITLE, article_paragraphs(), metadata_title="Microsoft Word - draft3.docx")
    assert extract_document(_pdf_document(data), SETTINGS).title == SAMPLE_TITLE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (pdf_bytes([[], []]), "no text layer"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "damaged"),
        (report_pdf(SAMPLE_TITLE, article_paragraphs())[:900], "damaged|could not be read|no text layer"),
        (b"<html><body>not a pdf</body></html>", "not a PDF"),
    ],
    ids=["scan-without-text", "garbage", "truncated", "not-a-pdf"],
)
def test_unreadable_pdfs_get_one_line(data: bytes, message: str) -> None:
    digest = digest_document(_pdf_document(data), SETTINGS)
    assert digest.error is not None and re.search(message, digest.error), digest.error
    assert "\n" not in digest.error and "Something went wrong" not in digest.error


def test_password_protected_pdf_is_refused() -> None:
    pypdf = pytest.importorskip("pypdf")
    from io import BytesIO

    reader = pypdf.PdfReader(BytesIO(report_pdf(SAMPLE_TITLE, article_paragraphs())))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    digest = digest_document(_pdf_document(out.getvalue()), SETTINGS)
    assert digest.error == "This PDF is protected by a password, so its text cannot be read."


def test_page_cap_reads_only_the_first_pages() -> None:
    paragraphs = [f"Section {i}. " + " ".join(article_paragraphs()[:2]) for i in range(12)]
    data = report_pdf(SAMPLE_TITLE, paragraphs, lines_per_page=10)
    parsed = parse_pdf(data, PdfLimits(max_pages=2))
    assert parsed.page_count > 2 and len(parsed.pages) == 2


def test_the_parse_child_is_killed_at_the_time_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A parse that never ends (native code no Python timeout reaches) is stopped, and its process is gone."""
    pid_file = tmp_path / "pid"
    hang = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(600)"
    monkeypatch.setattr(pdf_parse, "child_argv", lambda limits: [sys.executable, "-c", hang])
    started = time.monotonic()
    with pytest.raises(DigestError, match="took too long"):
        parse_pdf(report_pdf(SAMPLE_TITLE, article_paragraphs()), PdfLimits(timeout_seconds=2.0))
    assert time.monotonic() - started < 15
    pid = int(pid_file.read_text())
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_the_parse_child_limits_its_memory() -> None:
    grab = (
        "from bot.digest.extract.pdf_parse import PdfLimits, _limit_self\n"
        "_limit_self(PdfLimits(memory_mb=300))\n"
        "block = bytearray(600 * 1024 * 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", grab], capture_output=True, timeout=60, env=pdf_parse._child_env(), check=False)
    assert done.returncode != 0 and b"MemoryError" in done.stderr


def test_a_pdf_file_on_the_command_line_path(tmp_path: Path) -> None:
    path = tmp_path / "briefing.PDF"
    path.write_bytes(report_pdf(SAMPLE_TITLE, article_paragraphs()))
    document = read_file(str(path), max_bytes=100, max_pdf_bytes=1_000_000)
    assert document.kind == "pdf" and document.data == path.read_bytes()
    with pytest.raises(DigestError, match="larger than"):
        read_file(str(path), max_bytes=100, max_pdf_bytes=1_000)


def test_letter_spaced_text_is_read_as_words() -> None:
    """A heading set with wide letter spacing (each letter drawn on its own): pdfium puts a space between
    every two letters; the parse closes them up, keeping the wider gaps between words."""
    size, tracking = 14.0, 6.0
    advance = {"A": 667, "C": 722, "E": 667, "I": 278, "M": 833, "R": 722, "S": 667, "T": 611, "U": 722, "V": 667, "X": 667, "Y": 667, " ": 278}
    x, letters = MARGIN, []
    for char in "EXECUTIVE SUMMARY":  # Helvetica's advance widths, plus the tracking after each letter and the space
        if char != " ":
            letters.append(Text(x, 700, size, char))
        x += advance[char] / 1000 * size + tracking
    body = [Text(MARGIN, 670 - 14 * i, 11, line) for i, line in enumerate(wrap(article_paragraphs()[0], 11))]
    parsed = parse_pdf(pdf_bytes([letters + body]), PdfLimits())
    texts = [line.text for line in parsed.pages[0].lines]
    assert texts[0] == "EXECUTIVE SUMMARY"
    assert _words(" ".join(texts[1:])) == _words(article_paragraphs()[0])  # ordinary lines are left alone
