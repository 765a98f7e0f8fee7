"""Turn what a user gave (a link, a file, standard input, pasted text) into a raw document."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from bot.digest.front_rules import link_request, looks_like_address, scheme_problem
from bot.digest.input_guard import looks_binary
from bot.digest.models import DigestError
from bot.settings import FetchSettings

if TYPE_CHECKING:  # the fetcher (aiohttp) loads only when a link or a file is read
    from bot.digest.fetch.fetcher import FetchedPage

Kind = Literal["html", "text", "pdf"]

FILE_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".md": "text", ".markdown": "text", ".pdf": "pdf"}
MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<div[\s>]|<p[\s>]|<meta\s|<title>",
    re.IGNORECASE,
)

# The "mark of the web" a browser's "Save page as" writes near the top of the file (Chrome, Edge,
# Internet Explorer): <!-- saved from url=(0043)https://example.org/... --> where the four digits
# are the address's length. Internet Explorer looks for it in the first 2,048 bytes only.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d{1,5}\)\s*(\S+?)\s*-->", re.IGNORECASE)
SAVED_FROM_WINDOW = 2048

PDF_SIGNATURE = b"%PDF-"


def starts_as_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF by their `%PDF-` signature, whatever the file was called: a PDF saved as
    "report.txt" or sent as text/plain would otherwise be summarized as its own object syntax ("3 0 obj")."""
    return data[:1024].lstrip(b"\r\n\t ").startswith(PDF_SIGNATURE)
_SCHEME_HINT = "a web address needs its scheme: https://"


@dataclass(frozen=True)
class RawDocument:
    source: str  # what the user gave, for messages and the JSON `source` field
    text: str
    kind: Kind
    url: str | None = None
    data: bytes | None = None  # a PDF's bytes (kind "pdf"; `text` is then empty)


def sniff_kind(text: str) -> Kind:
    """HTML or plain text, judged from the markup near the start."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_MARKERS.search(head):
        return "html"
    if len(_HTML_MARKERS.findall(text[:20_000])) >= 3:
        return "html"
    return "text"


def saved_from_address(html: str) -> str | None:
    """The http(s) address a browser wrote into a saved page's "saved from url" comment, or None.

    Other marks (about:internet, which pages add to run their scripts locally, or file:) name no page."""
    found = _SAVED_FROM.search(html, 0, SAVED_FROM_WINDOW)
    if found is None:
        return None
    address = found.group(1)
    parts = urlsplit(address)
    return address if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def with_address(document: RawDocument, url: str | None) -> RawDocument:
    """A local file or standard input given its address: the one the user named (--url), else the
    one a browser saved in the page; a fetched page keeps its own."""
    if document.url is not None:
        return document
    address = url or (saved_from_address(document.text) if document.kind == "html" else None)
    return replace(document, url=address) if address else document


# Markdown syntax, for a `.md` file: without this its "#" headline became the title and "**", "[text](url)"
# and "> " stood in the summary. Line by line; fenced code blocks are left to the input guard, which drops them.
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^ {0,3}(?:[=]{3,}|[-*_](?:[ \t]*[-*_]){2,})[ \t]*$", re.MULTILINE)  # setext underline, rule
_MD_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)", re.MULTILINE)
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S+.*$\n?", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_MD_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")


def markdown_to_text(text: str) -> str:
    """A Markdown file as the plain text a browser would show: headings, quotes, bullets, links, images,
    emphasis and inline code lose their marks and keep their words, as a list copied from a browser does."""
    text = _MD_REFERENCE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(r"\1", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(lambda found: found.group(1) or found.group(2), text)
    return _MD_CODE.sub(r"\1", text)


def document_from_text(text: str, source: str = "<text>") -> RawDocument:
    return RawDocument(source=source, text=text, kind=sniff_kind(text))


def decode_local(data: bytes) -> str:
    """Text from a file or standard input: UTF-8 when it is (most files), else the fetcher's detection.

    The shortcut spares a local file the import of the fetcher and aiohttp (a third of a second).
    """
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and _HTML_MARKERS.search(data[:4096].decode("latin-1")) is None:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    from bot.digest.fetch.fetcher import decode_body

    return decode_body(data, None)


def read_file(path: str, max_bytes: int, max_pdf_bytes: int | None = None) -> RawDocument:
    file = Path(path)
    kind = FILE_SUFFIXES.get(file.suffix.lower())
    if _is_folder(file):  # before the suffix: "unsupported file type" would send a user looking for the wrong fault
        raise DigestError("is a folder, not a file.")
    if kind is None:
        allowed = ", ".join(sorted(FILE_SUFFIXES))
        if not file.exists() and looks_like_address(path):
            raise DigestError(f"no such file; {_SCHEME_HINT}{path.strip()}")
        raise DigestError(f"unsupported file type (use a link or one of {allowed}).")
    if kind == "pdf" and max_pdf_bytes is not None:
        max_bytes = max_pdf_bytes
    try:
        if file.exists() and not file.is_file():  # a FIFO or device would block or never end
            raise DigestError("is not a regular file.")
        if file.stat().st_size > max_bytes:
            raise DigestError(f"the file is larger than {max_bytes / 1_000_000:g} MB.")
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the size may have grown since stat()
    except FileNotFoundError as exc:
        if looks_like_address(path) and "/" in path.strip():  # "example.com/news/story.html": a link without https://
            raise DigestError(f"no such file; {_SCHEME_HINT}{path.strip()}") from exc
        raise DigestError("no such file.") from exc
    except IsADirectoryError as exc:
        raise DigestError("is a folder, not a file.") from exc
    except OSError as exc:
        raise DigestError(f"cannot be read ({exc.strerror}).") from exc
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise DigestError("is not a usable file name.") from exc
    if len(data) > max_bytes:
        raise DigestError(f"the file is larger than {max_bytes / 1_000_000:g} MB.")
    if kind == "pdf" or starts_as_pdf(data):
        return RawDocument(source=path, text="", kind="pdf", data=data)
    if looks_binary(data):
        raise DigestError("looks like binary data, not text or a web page.")
    text = decode_local(data)
    if file.suffix.lower() in MARKDOWN_SUFFIXES:
        text = markdown_to_text(text)
    return RawDocument(source=path, text=text, kind=kind)


def _is_folder(file: Path) -> bool:
    try:
        return file.is_dir()
    except (OSError, ValueError):  # an unreadable parent or a NUL byte: the read below says why
        return False


def read_stdin(max_bytes: int, max_pdf_bytes: int | None = None) -> RawDocument:
    """Standard input: a PDF (by its `%PDF-` signature) as a PDF, anything else as text or HTML.

    Without the signature check a PDF whose streams happen to be plain ASCII passed the binary guard and
    was summarized as its own object syntax ("3 0 obj")."""
    pdf_limit = max_bytes if max_pdf_bytes is None else max_pdf_bytes
    data = sys.stdin.buffer.read(max(max_bytes, pdf_limit) + 1)
    if starts_as_pdf(data):
        if len(data) > pdf_limit:
            raise DigestError(f"the input is larger than {pdf_limit / 1_000_000:g} MB.")
        return RawDocument(source="-", text="", kind="pdf", data=data)
    if len(data) > max_bytes:
        raise DigestError(f"the input is larger than {max_bytes / 1_000_000:g} MB.")
    if looks_binary(data):
        raise DigestError("looks like binary data, not text or a web page.")
    return document_from_text(decode_local(data), source="-")


def document_from_page(source: str, page: FetchedPage) -> RawDocument:
    """A fetched page as a raw document: plain text is a paste, a PDF its bytes, anything else HTML."""
    if page.data is not None:
        return RawDocument(source=source, text="", kind="pdf", url=page.url, data=page.data)
    kind: Kind = "text" if page.content_type == "text/plain" else "html"
    return RawDocument(source=source, text=page.text, kind=kind, url=page.url)


async def load_source(source: str, fetch: FetchSettings, max_bytes: int, url: str | None = None) -> RawDocument:
    """A link is fetched, `-` reads standard input (a link piped in is fetched), anything else is a
    local file path. What a link is: `front_rules.link_request`, as for a message to the bot.

    `url`: the address a file or standard input came from (--url); without it, a page saved by a
    browser gets the address in its "saved from url" comment (`with_address`)."""
    if link := link_request(source):
        return await fetch_document(link, fetch, source=source)
    if source == "-":
        document = read_stdin(max_bytes, fetch.max_pdf_bytes)
        if document.kind == "text" and (link := link_request(document.text)):
            return await fetch_document(link, fetch, source="-")  # a link piped in is read like a link given
        return with_address(document, url)
    if problem := scheme_problem(source):
        raise DigestError(f"{problem}.")
    return with_address(read_file(source, max_bytes, fetch.max_pdf_bytes), url)


async def fetch_document(url: str, fetch: FetchSettings, source: str | None = None) -> RawDocument:
    from bot.digest.fetch.fetcher import fetch_page

    return document_from_page(source or url, await fetch_page(url, fetch))
