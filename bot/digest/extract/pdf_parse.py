"""Read a PDF's text lines with pdfium, in a child process that a time and memory limit really stop.

pdfium is native code: a hostile file can loop or allocate inside it, where no
Python timeout reaches. So the parse runs in a fresh interpreter
(`python -m bot.digest.extract.pdf_parse`) that sets its own CPU-time and
address-space limits before opening the file, and the parent kills it when the
wall-clock limit passes. A crash, a limit or a kill costs this one PDF; the
worker that asked goes on serving everyone else.

The child prints one JSON object: the metadata title and, per page, its size
and its lines (text, left, bottom, top, right, font size, share inside links, after an icon),
in pdfium's reading order; or `{"error": "..."}`, a one-line answer for the user.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.digest.models import DigestError

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
_HEADER_WINDOW = 1024  # the PDF standard lets the header sit anywhere in the first kilobyte
_MAX_LINKS = 5000  # link rectangles read per page; a page with more is not an article page anyway
_MAX_OBJECTS = 20000  # page objects looked at for icons
ICON_SIZE = 24.0  # points: an image at most this wide and high is an icon
ICON_GAP = 8.0  # points between an icon's right edge and its label
LETTER_SPACED_MIN_TOKENS = 4
LETTER_SPACED_SHARE = 0.7  # of a line's tokens single letters: letter-spaced text
WORD_GAP_SCALE = 1.5  # in letter-spaced text, a gap this much wider than the usual one is a word break


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = 300
    timeout_seconds: float = 20.0
    memory_mb: int = 1024


@dataclass(frozen=True)
class PdfLine:
    text: str
    left: float
    bottom: float  # PDF points from the page's bottom edge
    top: float
    right: float
    size: float  # font size in points (0 when pdfium cannot tell)
    linked: float = 0.0  # share of the line inside links (menus and link lists are all links)
    after_icon: float = 0.0  # 1 when the line starts just right of a small image: an icon's label


@dataclass(frozen=True)
class PdfPage:
    width: float
    height: float
    lines: tuple[PdfLine, ...]


@dataclass(frozen=True)
class ParsedPdf:
    title: str  # from the document's metadata; may be empty
    pages: tuple[PdfPage, ...]
    page_count: int  # pages in the file; only the first `max_pages` are read


def looks_like_pdf(data: bytes) -> bool:
    return PDF_MAGIC in data[:_HEADER_WINDOW]


# --------------------------------------------------------------------------- #
# The child
# --------------------------------------------------------------------------- #


def _limit_self(limits: PdfLimits) -> None:
    import resource

    cpu = int(limits.timeout_seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _link_rects(page: object) -> list[tuple[float, float, float, float]]:
    """The rectangles of the page's link annotations (a printed web page keeps every hyperlink)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    rects = []
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while len(rects) < _MAX_LINKS and pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):  # type: ignore[attr-defined]
        rect = pdfium_c.FS_RECTF()
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            rects.append((min(rect.left, rect.right), min(rect.bottom, rect.top), max(rect.left, rect.right), max(rect.bottom, rect.top)))
    return rects


def _icon_rects(page: object) -> list[tuple[float, float, float, float]]:
    """The page's small images (icons: share buttons, contact marks, a picture that did not load)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    rects = []
    count = min(pdfium_c.FPDFPage_CountObjects(page.raw), _MAX_OBJECTS)  # type: ignore[attr-defined]
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(count):
        item = pdfium_c.FPDFPage_GetObject(page.raw, index)  # type: ignore[attr-defined]
        if pdfium_c.FPDFPageObj_GetType(item) != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        if pdfium_c.FPDFPageObj_GetBounds(item, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)):
            if right.value - left.value <= ICON_SIZE and top.value - bottom.value <= ICON_SIZE:
                rects.append((left.value, bottom.value, right.value, top.value))
    return rects


def _after_icon(left: float, bottom: float, top: float, icons: list[tuple[float, float, float, float]]) -> float:
    """1.0 when a line starting at `left` has an icon just before it, on the same level."""
    return float(any(-2.0 <= left - r <= ICON_GAP and b < top and t > bottom for _l, b, r, t in icons))


def _linked_share(textpage: object, indices: tuple[int, ...], rects: list[tuple[float, float, float, float]]) -> float:
    """The share of sample characters whose centre lies in a link."""
    if not rects:
        return 0.0
    inside = 0
    for index in indices:
        left, bottom, right, top = textpage.get_charbox(index)  # type: ignore[attr-defined]
        x, y = (left + right) / 2, (bottom + top) / 2
        inside += any(l <= x <= r and b <= y <= t for l, b, r, t in rects)
    return inside / len(indices)


def _letter_spaced(line: str) -> bool:
    """Most of the line's "words" are single letters: text set with wide letter spacing ("W H Y  S O"),
    where pdfium puts a space between every two letters."""
    tokens = line.split()
    return len(tokens) >= LETTER_SPACED_MIN_TOKENS and sum(len(token) == 1 and token.isalpha() for token in tokens) >= LETTER_SPACED_SHARE * len(tokens)


def _closed_up(textpage: object, text: str, first: int, last: int) -> str:
    """A letter-spaced line with its letters together again: of pdfium's own (generated) spaces, only
    those in a gap clearly wider than the usual one between letters stand for a word break."""
    import pypdfium2.raw as pdfium_c

    gaps = {}
    for index in range(first + 1, last):
        if text[index] == " " and pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:  # type: ignore[attr-defined]
            gaps[index] = textpage.get_charbox(index + 1)[0] - textpage.get_charbox(index - 1)[2]  # type: ignore[attr-defined]
    if len(gaps) < LETTER_SPACED_MIN_TOKENS - 1:
        return text[first : last + 1]
    usual = sorted(gaps.values())[len(gaps) // 2]
    return "".join(
        char for index, char in enumerate(text[first : last + 1], start=first) if index not in gaps or gaps[index] > WORD_GAP_SCALE * usual
    )


def _page_lines(page: object) -> list[list[object]]:
    import pypdfium2.raw as pdfium_c

    rects = _link_rects(page)
    icons = _icon_rects(page)
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        text = textpage.get_text_range()
        lines: list[list[object]] = []
        index = 0
        for line in text.split("\r\n"):
            stripped = line.strip()
            if stripped:
                first = index + (len(line) - len(line.lstrip()))
                last = index + len(line.rstrip()) - 1
                # pdfium joins a hyphenated line end with the next line: the last character may sit lower.
                left, bottom, _right, top = textpage.get_charbox(first, loose=True)
                _left, last_bottom, right, last_top = textpage.get_charbox(last, loose=True)
                bottom, top = min(bottom, last_bottom), max(top, last_top)
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
                linked = _linked_share(textpage, (first, (first + last) // 2, last), rects)
                icon = _after_icon(left, bottom, top, icons)
                if _letter_spaced(stripped):
                    stripped = " ".join(_closed_up(textpage, text, first, last).split()) or stripped
                lines.append([stripped, round(left, 1), round(bottom, 1), round(top, 1), round(right, 1), round(size, 1), round(linked, 2), icon])
            index += len(line) + 2
        return lines
    finally:
        textpage.close()


def _parse(data: bytes, limits: PdfLimits) -> dict[str, object]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            return {"error": "This PDF is protected by a password, so its text cannot be read."}
        return {"error": "This PDF is damaged or not a PDF the bot can read."}
    try:
        page_count = len(document)
        title = (document.get_metadata_value("Title") or "").strip()
        pages = []
        for number in range(min(page_count, limits.max_pages)):
            page = document[number]
            try:
                width, height = page.get_size()
                pages.append({"width": width, "height": height, "lines": _page_lines(page)})
            finally:
                page.close()
        return {"title": title, "page_count": page_count, "pages": pages}
    finally:
        document.close()


def main() -> None:
    limits = PdfLimits(max_pages=int(sys.argv[1]), timeout_seconds=float(sys.argv[2]), memory_mb=int(sys.argv[3]))
    _limit_self(limits)
    data = sys.stdin.buffer.read()
    try:
        result = _parse(data, limits)
    except Exception as exc:  # pdfium's other errors: the file is what is wrong
        result = {"error": "This PDF is damaged or not a PDF the bot can read.", "detail": type(exc).__name__}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))


# --------------------------------------------------------------------------- #
# The parent
# --------------------------------------------------------------------------- #


def _child_env() -> dict[str, str]:
    # The child must import this package however the parent found it (installed, or a checkout on sys.path).
    root = str(Path(__file__).resolve().parents[3])
    return dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""), OPENBLAS_NUM_THREADS="1")


def _decode(output: bytes) -> ParsedPdf:
    result = json.loads(output)
    if "error" in result:
        log.info("PDF not read: %s (%s)", result["error"], result.get("detail", "pdfium"))
        raise DigestError(result["error"])
    pages = tuple(
        PdfPage(
            width=float(page["width"]),
            height=float(page["height"]),
            lines=tuple(PdfLine(str(text), *(float(value) for value in numbers)) for text, *numbers in page["lines"]),
        )
        for page in result["pages"]
    )
    return ParsedPdf(title=str(result["title"]), pages=pages, page_count=int(result["page_count"]))


def child_argv(limits: PdfLimits) -> list[str]:
    return [sys.executable, "-m", "bot.digest.extract.pdf_parse", str(limits.max_pages), str(limits.timeout_seconds), str(limits.memory_mb)]


def parse_pdf(data: bytes, limits: PdfLimits) -> ParsedPdf:
    """The PDF's lines, read in a limited child process; DigestError with a one-line reason otherwise."""
    if not looks_like_pdf(data):
        raise DigestError("This file is not a PDF (it does not start like one).")
    try:
        done = subprocess.run(child_argv(limits), input=data, capture_output=True, timeout=limits.timeout_seconds, env=_child_env(), check=False)
    except subprocess.TimeoutExpired as exc:  # subprocess.run has killed the child
        raise DigestError(f"Reading this PDF took too long (limit {limits.timeout_seconds:g} s).") from exc
    if done.returncode != 0 or not done.stdout:
        # Killed by its CPU or memory limit, or pdfium crashed: the file is at fault either way.
        raise DigestError("This PDF could not be read within the bot's limits (it may be damaged or too complex).")
    try:
        return _decode(done.stdout)
    except (ValueError, KeyError, TypeError) as exc:
        raise DigestError("This PDF could not be read (the reader's answer was garbled).") from exc


if __name__ == "__main__":
    main()
