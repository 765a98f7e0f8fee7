from pathlib import Path

import pytest

from bot.digest.models import DigestError
from bot.digest.front_rules import link_request
from bot.digest.sources import read_file, sniff_kind


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
