"""Small real PDFs made at test time: text drawn in Helvetica, laid out like a report or a paper.

The files are written by hand (objects, content streams, a cross-reference
table), a few kilobytes each, so the tests need no PDF writer and know exactly
what is on each page: a title, wrapped body paragraphs, a running header, page
numbers, a references section.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from aiohttp import web

from tests.helpers.article_server import SAMPLE_TITLE, article_paragraphs
from tests.helpers.loopback import serve_on_loopback

WIDTH, HEIGHT = 612.0, 792.0
MARGIN = 72.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline, in points from the bottom
    size: float
    text: str


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(
    pages: list[list[Text]],
    title: str | None = None,
    links: dict[int, list[Text]] | None = None,
    icons: dict[int, list[Text]] | None = None,
) -> bytes:
    """A PDF with one page per list of texts (an empty list makes a page without text); `links`
    (page index -> texts of that page) puts a hyperlink over each of those texts, as a browser prints them;
    `icons` draws a small image (an icon, `size` points square) just left of each of those texts."""
    objects: list[bytes] = []  # object n is objects[n - 1]
    font = 3
    first_page = 5
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
    for index, texts in enumerate(pages):
        content = b"0 0 0 rg 100 100 50 50 re f\n" if not texts else b""
        for item in (icons or {}).get(index, []):
            content += b"q %.1f 0 0 %.1f %.1f %.1f cm /Im1 Do Q\n" % (item.size, item.size, item.x - item.size - 3, item.y - 0.2 * item.size)
        for item in texts:
            content += b"BT /F1 %.1f Tf %.1f %.1f Td (" % (item.size, item.x, item.y) + _escape(item.text) + b") Tj ET\n"
        stream = first_page + 2 * index + 1
        annots = " ".join(
            f"<< /Type /Annot /Subtype /Link /Border [0 0 0] /A << /S /URI /URI (https://example.org/{n}) >> "
            f"/Rect [{t.x:g} {t.y - 0.25 * t.size:g} {t.x + 0.55 * t.size * len(t.text):g} {t.y + t.size:g}] >>"
            for n, t in enumerate((links or {}).get(index, []))
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH:g} {HEIGHT:g}] /Annots [{annots}] "
            f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 4 0 R >> >> /Contents {stream} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
    info = None
    if title is not None:
        objects.append(b"<< /Title (" + _escape(title) + b") /Producer (tests) >>")
        info = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info} 0 R" if info else "") + " >>\n"
    out += trailer.encode() + b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def wrap(text: str, size: float, width: float = WIDTH - 2 * MARGIN) -> list[str]:
    """Greedy wrapping with Helvetica's average width (about half the font size per character)."""
    per_line = max(10, int(width / (0.5 * size)))
    return textwrap.wrap(text, per_line, break_long_words=False, break_on_hyphens=False)


def report_pdf(
    title: str,
    paragraphs: list[str],
    running_header: str | None = "Quarterly Review of World Affairs",
    page_numbers: bool = True,
    references: list[str] = (),  # type: ignore[assignment]
    metadata_title: str | None = None,
    body_size: float = 11.0,
    lines_per_page: int = 40,
    running_footer: str | None = None,
) -> bytes:
    """A report: a large title on page one, wrapped paragraphs, a header and a page number on each page."""
    blocks: list[tuple[float, list[str]]] = [(22.0, wrap(title, 22.0))]
    blocks += [(body_size, wrap(p, body_size)) for p in paragraphs]
    if references:
        blocks.append((14.0, ["References"]))
        blocks += [(body_size, wrap(r, body_size)) for r in references]
    pages: list[list[Text]] = [[]]
    y = HEIGHT - MARGIN - 20
    used = 0
    for size, lines in blocks:
        for line in lines:
            if used >= lines_per_page:
                pages.append([])
                y, used = HEIGHT - MARGIN - 20, 0
            pages[-1].append(Text(MARGIN, y, size, line))
            y -= size * 1.25
            used += 1
        y -= body_size  # the gap between paragraphs
    for number, page in enumerate(pages, start=1):
        if running_header:
            page.insert(0, Text(MARGIN, HEIGHT - 40, 9.0, running_header))
        if running_footer:
            page.append(Text(MARGIN, 44, 8.0, running_footer))
        if page_numbers:
            page.append(Text(WIDTH / 2, 30, 9.0, str(number)))
    return pdf_bytes(pages, title=metadata_title)


REPORT = report_pdf(SAMPLE_TITLE, article_paragraphs(), metadata_title="briefing.pdf")


class PdfServer:
    """Serves the sample report as a PDF under several types and names."""

    def __init__(self) -> None:
        self.port = 0
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def start(self) -> None:
        app = web.Application()
        for path, body, content_type in (
            ("/report.pdf", REPORT, "application/pdf"),
            ("/download", REPORT, "application/octet-stream"),  # e.g. /download?id=7
            ("/story.html", REPORT, "text/html"),
            ("/fake.pdf", b"\x00\x01 not a pdf", "application/octet-stream"),
            ("/big.pdf", REPORT + b"\n%" + b"x" * 50_000, "application/pdf"),
        ):
            app.router.add_get(path, self._serve(body, content_type))
        self._runner, self.port = await serve_on_loopback(app)

    @staticmethod
    def _serve(body: bytes, content_type: str):  # type: ignore[no-untyped-def]
        async def handler(_request: web.Request) -> web.Response:
            return web.Response(body=body, content_type=content_type)

        return handler

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
