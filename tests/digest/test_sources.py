import io
import sys
from pathlib import Path

import pytest

from bot.digest.models import DigestError
from bot.digest.front_rules import link_request
from bot.digest.sources import markdown_to_text, read_file, read_stdin, sniff_kind
from tests.helpers.pdf_maker import Text, pdf_bytes


@pytest.mark.parametrize(
    "text, kind",
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("  \n<html lang='en'><head><title>x</title></head></html>", "html"),
        ("<div class='a'>Hello</div>", "html"),
        ("Plain text that mentions <b> once is still text.", "text"),
        ("3 top Syrian officers defect\nIs the core...", "text"),
        ("", "text"),
    ],
)
def test_sniff_kind(text: str, kind: str) -> None:
    assert sniff_kind(text) == kind


def test_link_request() -> None:
    assert link_request("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert link_request("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG"
    assert link_request("ftp://example.org/file") is None
    assert link_request("seeds/article.txt") is None


def test_read_file_by_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page.HTM"
    page.write_text("<p>x</p>")
    assert read_file(str(page), 1000).kind == "html"
    note = tmp_path / "note.md"
    note.write_text("# Title\ntext")
    assert read_file(str(note), 1000).kind == "text"


def test_read_file_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(DigestError, match="no such file"):
        read_file(str(tmp_path / "missing.txt"), 1000)
    with pytest.raises(DigestError, match="unsupported file type"):
        read_file(str(tmp_path / "x.docx"), 1000)
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(DigestError, match="larger than"):
        read_file(str(big), 1000)


def test_invalid_utf8_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café crème, déjà vu.".encode("latin-1"))
    assert "Caf" in read_file(str(path), 1000).text


def test_a_folder_is_named_a_folder_whatever_its_name(tmp_path: Path) -> None:
    """A folder without a known suffix was "unsupported file type", sending a user to look for the wrong fault."""
    for name in ("pages", "saved.html"):
        (tmp_path / name).mkdir()
        with pytest.raises(DigestError, match="is a folder, not a file"):
            read_file(str(tmp_path / name), 1000)


def test_a_missing_link_without_scheme_gets_the_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DigestError, match="needs its scheme: https://example.com/news/story.html"):
        read_file("example.com/news/story.html", 1000)
    with pytest.raises(DigestError) as missing:  # a plain file name is not taken for a link
        read_file("notes.txt", 1000)
    assert str(missing.value) == "no such file."


def _stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_a_pdf_on_standard_input_is_read_as_a_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """An all-ASCII PDF passed the binary guard and was summarized as its object syntax ("3 0 obj")."""
    pdf = pdf_bytes([[Text(72, 700, 12, "A sentence on the page.")]])
    _stdin_bytes(monkeypatch, pdf)
    document = read_stdin(1000, max_pdf_bytes=100_000)
    assert (document.kind, document.data, document.source) == ("pdf", pdf, "-")
    _stdin_bytes(monkeypatch, pdf)
    with pytest.raises(DigestError, match="larger than"):
        read_stdin(100_000, max_pdf_bytes=100)
    _stdin_bytes(monkeypatch, b"Plain text that talks about %PDF-1.4 files.")
    assert read_stdin(1000, max_pdf_bytes=100_000).kind == "text"


def test_a_pdf_saved_under_a_text_name_is_read_as_a_pdf(tmp_path: Path) -> None:
    """`cp report.pdf report.txt; summarize report.txt` digested the PDF's object syntax ("3 0 obj")."""
    pdf = pdf_bytes([[Text(72, 700, 12, "A sentence on the page.")]])
    saved = tmp_path / "report.txt"
    saved.write_bytes(pdf)
    document = read_file(str(saved), 100_000)
    assert (document.kind, document.data) == ("pdf", pdf)
    talk = tmp_path / "notes.txt"
    talk.write_bytes(b"Plain text that talks about %PDF-1.4 files.")
    assert read_file(str(talk), 100_000).kind == "text"


def test_markdown_marks_are_removed_and_words_kept() -> None:
    text = (
        "# Bridge closes #\n\nSubtitle\n========\n\n> The **old** bridge, said *the* [council](https://example.org/c \"t\"), "
        "closed ![a photo](x.png) on `Monday`.\n\n- Repairs take six months.\n  * nested item\n\n[c]: https://example.org/c\n"
        "snake_case_name and 2 * 3 * 4 stay; [fetch] too.\n\n---\n"
    )
    assert markdown_to_text(text) == (
        "Bridge closes\n\nSubtitle\n\n\nThe old bridge, said the council, closed  on Monday.\n\nRepairs take six months.\n"
        "  nested item\n\nsnake_case_name and 2 * 3 * 4 stay; [fetch] too.\n\n\n"
    )


def test_a_markdown_file_is_read_without_its_marks_and_a_text_file_as_it_is(tmp_path: Path) -> None:
    for name in ("story.md", "story.txt"):
        (tmp_path / name).write_text("# Bridge closes\n\nThe **old** bridge closed.\n")
    assert read_file(str(tmp_path / "story.md"), 1000).text == "Bridge closes\n\nThe old bridge closed.\n"
    assert read_file(str(tmp_path / "story.txt"), 1000).text == "# Bridge closes\n\nThe **old** bridge closed.\n"
