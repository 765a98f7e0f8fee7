"""Bad input gets a one-line answer in bounded time and memory, from every entry point.

The big cases run in a forked child (tests/helpers/bounded.py) so that a
regression fails after a bounded wait instead of hanging the run.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from bot.digest import input_guard
from bot.digest.input_guard import limit_combining_marks, looks_binary, not_text_share, screen_text
from bot.digest.models import Digest, DigestError
from bot.digest.pipeline import digest_document, extract_document
from bot.digest.sources import RawDocument, document_from_text, read_file
from bot.settings import DigestSettings
from tests.helpers.bounded import run_bounded

SETTINGS = DigestSettings()
PROSE = (
    "The council approved a new budget for the canal district on Tuesday. "
    "Officials said the plan could cost nearly 4 million euros over three years. "
    "Critics argue the new moorings may not be ready before the summer season. "
)
ARTICLE = "\n\n".join([PROSE] * 6)


def _random_bytes(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def _one_line_error(result: Digest, *fragments: str) -> str:
    assert result.error is not None, "expected a refusal"
    assert "\n" not in result.error and len(result.error) < 200
    assert "Something went wrong" not in result.error, "an internal error was swallowed"
    for fragment in fragments:
        assert fragment in result.error.lower()
    return result.error


def _answered(result: Digest) -> None:
    """Either a digest with a summary or a one-line refusal, never an internal error."""
    if result.error is not None:
        _one_line_error(result)
    else:
        assert result.summary, "a digest without a summary and without an error gives the user nothing"


# --------------------------------------------------------------------------- #
# Refusals with a clear message
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "no text"),
        (" \n\t\u3000\u200b\u00a0 ", "no text"),
        ("\n" * 100_000, "no text"),
        ("😀🎉🔥" * 50_000, "no text"),
        ("\u0301" * 100_000, "no text"),
        ("https://example.org/a https://example.org/b\nwww.example.com/c", "only links"),
        ("Look: https://example.org/story", "only links"),
        ("1234 5678 " * 1000, "no words"),
        ("```python\ndef f(x):\n    return x * 2\n```\n", "only code"),
    ],
)
def test_empty_or_wordless_input_is_refused(text: str, fragment: str) -> None:
    for entry in (digest_document, extract_document):
        _one_line_error(entry(document_from_text(text), SETTINGS), fragment)


def test_binary_data_is_refused() -> None:
    text = _random_bytes(200_000).decode("latin-1")
    _one_line_error(digest_document(document_from_text(text), SETTINGS), "binary")
    nul_heavy = "abc\0def\x01\x02" * 10_000
    _one_line_error(digest_document(document_from_text(nul_heavy), SETTINGS), "binary")


def test_a_10_mb_paste_is_refused_at_once() -> None:
    result, took = run_bounded(digest_document, document_from_text(PROSE * 45_000), SETTINGS, seconds=20)
    _one_line_error(result, "too large")
    assert took < 5


def test_html_nested_10000_deep_is_answered() -> None:
    for tag in ("div", "table><tr><td", "blockquote", "span", "ul><li"):
        opening = f"<{tag}>"
        html = "<html><body>" + opening * 10_000 + PROSE * 20 + "</body></html>"
        result, _ = run_bounded(digest_document, RawDocument(source="deep", text=html, kind="html"), SETTINGS, seconds=60)
        _answered(result)


def test_deep_nesting_that_hides_the_text_says_so() -> None:
    html = "<html><body>" + "<div>" * 10_000 + PROSE * 20
    result = digest_document(RawDocument(source="deep", text=html, kind="html"), SETTINGS)
    _one_line_error(result, "nested too deeply")


def test_a_page_with_too_many_elements_is_refused() -> None:
    html = "<html><body>" + "<p>x</p>" * 50_000 + "</body></html>"
    result, took = run_bounded(digest_document, RawDocument(source="big", text=html, kind="html"), SETTINGS, seconds=30)
    _one_line_error(result, "too large", "html elements")


@pytest.mark.parametrize(
    "text",
    [
        "สภาอนุมัติงบประมาณใหม่สำหรับเขตคลองเมื่อวันอังคาร เจ้าหน้าที่กล่าวว่าแผนนี้อาจมีค่าใช้จ่ายเกือบสี่ล้านยูโร " * 10,
        "ብሔራዊ ምክር ቤቱ ማክሰኞ ለቦይ አውራጃ አዲስ በጀት አጽድቋል። ባለሥልጣናቱ ዕቅዱ አራት ሚሊዮን ዩሮ ሊያስወጣ እንደሚችል ተናግረዋል። " * 10,
    ],
)
def test_a_language_it_cannot_summarize_gets_a_clear_answer(text: str) -> None:
    _one_line_error(digest_document(document_from_text(text), SETTINGS))


# --------------------------------------------------------------------------- #
# Odd but legitimate input is digested
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "name, text",
    [
        ("arabic", "وافق المجلس على ميزانية جديدة لمنطقة القناة يوم الثلاثاء. وقال المسؤولون إن الخطة قد تكلف نحو أربعة ملايين يورو. ويقول المنتقدون إن المراسي قد لا تكون جاهزة قبل الصيف.\n\n" * 6),
        ("hebrew", "המועצה אישרה תקציב חדש לרובע התעלה ביום שלישי. הפקידים אמרו שהתוכנית עשויה לעלות כארבעה מיליון אירו. המבקרים טוענים שהמעגנים לא יהיו מוכנים לפני הקיץ.\n\n" * 6),
        ("mixed-direction", ("The mayor said \u202eNOITCERID\u202c the plan " + PROSE) * 6),
        ("zalgo", "".join(ch + "\u0301\u0302\u0303\u0304\u0305" * 40 if ch.isalpha() else ch for ch in ARTICLE)),
        ("emoji-sprinkled", ARTICLE.replace(". ", ". 🎉🔥 ")),
        ("markdown-with-code", ARTICLE + "\n\n```bash\nrm -rf /tmp/x\n```\n\n" + ARTICLE),
        ("invalid-utf8", (ARTICLE.encode() + b"\xff\xfe\xc3\x28 \xed\xa0\x80").decode("utf-8", errors="replace")),
        ("lone-surrogates", ARTICLE.replace("council", "coun\ud800cil", 2)),
        ("crlf-and-controls", ARTICLE.replace("\n", "\r\n").replace("budget", "bud\x07get")),
    ],
)
def test_odd_but_real_text_is_digested(name: str, text: str) -> None:
    result = digest_document(document_from_text(text), SETTINGS)
    _answered(result)
    if result.error is None:
        for sentence in result.summary:
            sentence.text.encode("utf-8")  # every character can be sent on


def test_zalgo_marks_are_trimmed_but_letters_kept() -> None:
    text = "a" + "\u0301" * 300 + "b"
    assert limit_combining_marks(text, 4) == "a" + "\u0301" * 4 + "b"
    assert limit_combining_marks("Tiếng Việt", 4) == "Tiếng Việt"


def test_a_single_line_of_100_kb_is_digested_quickly() -> None:
    result, took = run_bounded(digest_document, document_from_text(PROSE * 450), SETTINGS, seconds=30)
    _answered(result)


def test_a_single_1_mb_line_is_answered_in_bounded_time() -> None:
    line = (PROSE * 4500)[:1_000_000]
    result, _ = run_bounded(digest_document, document_from_text(line), SETTINGS, seconds=45)
    _answered(result)


def test_a_large_paste_under_the_limit_is_answered_in_bounded_time() -> None:
    paste = "\n\n".join([PROSE] * 4000)  # ~900 KB in paragraphs
    result, _ = run_bounded(digest_document, document_from_text(paste), SETTINGS, seconds=60)
    _answered(result)


# --------------------------------------------------------------------------- #
# Files and bytes
# --------------------------------------------------------------------------- #


def test_a_binary_file_with_a_text_suffix_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "photo.html"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + _random_bytes(5000))
    with pytest.raises(DigestError, match="binary"):
        read_file(str(fake), 1_000_000)


def test_a_file_with_invalid_utf8_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(ARTICLE.encode("utf-8") + b"\xff\xfe broken \xc3")
    document = read_file(str(page), 1_000_000)
    _answered(digest_document(document, SETTINGS))


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(DigestError, match="not a regular file"):
        read_file(str(fifo), 1_000_000)


def test_a_file_name_with_a_nul_byte_is_refused() -> None:
    with pytest.raises(DigestError):
        read_file("bad\0name.txt", 1_000_000)


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100_000)
    with pytest.raises(DigestError, match="larger than"):
        read_file(str(big), 100_000)


# --------------------------------------------------------------------------- #
# The guard's own pieces
# --------------------------------------------------------------------------- #


def test_binary_detection() -> None:
    assert looks_binary(b"%PDF-1.7\n\0\0\0")
    assert not looks_binary("Grüße aus Köln".encode("utf-8"))
    assert not looks_binary("Hello".encode("utf-16"))  # UTF-16 text has NULs but a byte-order mark
    assert not_text_share(ARTICLE) == 0.0
    assert not_text_share(_random_bytes(10_000).decode("latin-1")) > 0.2


def test_screen_text_keeps_real_text_intact() -> None:
    assert screen_text(ARTICLE, "text", SETTINGS) == ARTICLE


def test_screen_text_cleans_what_parsers_choke_on() -> None:
    cleaned = screen_text("<p>A\0B \ud800 " + "words here and more words " * 10 + "</p>", "html", SETTINGS)
    assert "\0" not in cleaned and "\ud800" not in cleaned
    cleaned.encode("utf-8")


def _words_without_links(text: str) -> int:
    """What `_words_beside_links` counts, the obvious way: rewrite the text without its links, then count."""
    return len(input_guard._WORD.findall(input_guard._URL.sub(" ", text), 0, input_guard._LINK_CHECK_CHARS))


@pytest.mark.parametrize("pad", [99_990, 99_997, 99_998, 99_999, 100_000, 100_001])
@pytest.mark.parametrize("tail", ["ab", "a b", "ab cd ef", "abhttp://x cd", "http://u ab"])
def test_words_beside_links_are_counted_as_in_the_text_without_them(pad: int, tail: str) -> None:
    for text in ("http://" + "z" * pad + " " + tail, "." * pad + tail, "www.q " + "." * pad + tail, "x www.y " + "a " * pad):
        assert input_guard._words_beside_links(text, 3) == min(_words_without_links(text), 3)
