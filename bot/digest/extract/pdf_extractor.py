"""A PDF as an article: lines into paragraphs, page furniture and references out, then the paste cleaner.

`pdf_parse` reads the lines (in a limited child process). Here, in plain Python:
running headers and footers (a line repeated at the top or bottom of most pages)
and page numbers are dropped; lines join into paragraphs by the gaps between
them, with words split at a line end rejoined; a paper's references section,
and whatever follows it, is dropped, and so are blocks that are mostly links
(a printed web page keeps its hyperlinks: menus and link lists are all links).
The paragraphs, one a line like text copied from a browser, then go through
the paste cleaner, which removes the rest of the menus and footers a PDF
printed from a web page still carries. The title is the
first page's largest heading, else the metadata title, else the cleaner's.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.pdf_parse import ParsedPdf, PdfLimits, PdfLine, parse_pdf
from bot.digest.input_guard import not_text_share, screen_text
from bot.digest.models import Article, DigestError
from bot.settings import DigestSettings

MARGIN_SHARE = 0.08  # top and bottom share of a page where running headers and footers sit
REPEATED_SHARE = 0.5  # a margin line on at least this share of pages is a running header or footer
HEADING_SCALE = 1.25  # a first-page line this much larger than the body text is a heading
PARAGRAPH_GAP = 0.6  # a vertical gap over this many body line heights starts a paragraph
MAX_TITLE_CHARS = 200
_SENTENCE_ENDS = (".", "!", "?", ",", ";", ":")
# A block with this share of its text in links is navigation; chosen on WCXB's tune pages (0.5 to 0.6 score alike).
LINKED_BLOCK = 0.6
REPEATED_MIN_CHARS = 20  # a shorter paragraph ("Share", "Read more") may repeat in an article's own text
# A stack of at least MENU_LINES lines whose median width is under MENU_LINE_WIDTH of the text's
# width, with more than MENU_LINKED of it in links, is a menu: chosen on WCXB's tune pages (a plateau
# from 2 to 3 lines, 0.35 to 0.45 of the width, links over 0.1; 0.894 -> 0.899).
MENU_LINES = 3
MENU_LINE_WIDTH = 0.35
MENU_LINKED = 0.1
# A block of at most this many lines that starts just right of a small image is the image's label
# (chosen on WCXB's tune pages: 1 line 0.8995, 3 lines 0.9011, any number 0.8971).
ICON_LABEL_LINES = 3
# Full-width text (median line over PROSE_WIDTH of the text's width) whose size differs from the
# main text's by OTHER_SIZE or more, but is below a heading's HEADING_PROSE_SCALE, is not the article:
# chosen on WCXB's tune pages (a plateau: 0.85-0.9 / 1.1-1.15, widths 0.6-0.7; 0.901 -> 0.904).
OTHER_SIZE = 0.15
HEADING_PROSE_SCALE = 1.35
PROSE_WIDTH = 0.7
_TINY_SIZE = 2.0  # pdfium reports 1 when a font's size is set by its matrix: unknown
FULL_LINE = 0.85  # a line reaching this share of the page's text width runs on (across a page break too)
COLUMN_FULL_LINE = 0.95  # a paragraph's line this close to its widest runs on into the next column
COLUMN_JUMP_LINES = 5  # ... when that column starts at least this many lines higher
_PAGE_NUMBER = re.compile(r"^(?:page\s+|p\.\s*|seite\s+|-\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:/|of|von|de|sur)\s*\d{1,4})?(?:\s*-)?$", re.IGNORECASE)
_REFERENCES = re.compile(
    r"^(?:\d{1,2}\.?|[ivx]{1,4}\.)?\s*(?:references|bibliography|works cited|literature cited|references and notes|"
    r"literatur(?:verzeichnis)?|références|bibliographie|referencias|bibliografía|bibliografia|riferimenti bibliografici)\s*:?$",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"[^\W\d_][-\u00ad\x02]$")  # pdfium writes a line-end soft hyphen as U+0002
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PDFIUM_HYPHEN = re.compile(r"([^\W\d_]+)\ufffe([^\W\d_]+)")
_JUNK_TITLES = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint)|document\d*$|.*\.(?:docx?|pdf|tex|dvi|indd|pptx?)$)", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class _Line:
    text: str
    page: int
    line: PdfLine


def _margin_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _in_margin(line: PdfLine, height: float) -> bool:
    return line.top > height * (1 - MARGIN_SHARE) or line.bottom < height * MARGIN_SHARE


def body_lines(parsed: ParsedPdf) -> list[_Line]:
    """Every line but running headers, footers and page numbers."""
    repeated: Counter[str] = Counter()
    for page in parsed.pages:
        repeated.update({_margin_key(line.text) for line in page.lines})
    several_pages = len(parsed.pages) >= 3
    needed = max(2, REPEATED_SHARE * len(parsed.pages))
    kept = []
    for number, page in enumerate(parsed.pages):
        for line in page.lines:
            margin = _in_margin(line, page.height)
            if margin and _PAGE_NUMBER.match(line.text):
                continue
            if several_pages and repeated[_margin_key(line.text)] >= needed and (margin or len(line.text) >= REPEATED_MIN_CHARS):
                continue  # a running header or footer, or a banner fixed on the screen, printed on every page
            kept.append(_Line(line.text, number, line))
    return kept


def _body_size(lines: list[_Line]) -> float:
    sizes = [round(item.line.size) for item in lines if item.line.size > 0]
    return statistics.mode(sizes) if sizes else 0.0


def _rejoined(head: str, tail: str, vocabulary: set[str]) -> str:
    """A word hyphenated at a line end, whole again; the hyphen stays when the document writes
    the word with one elsewhere ("well-known" stays, "environ-mental" does not) or its second part
    starts with a capital."""
    key_head, key_tail = head.split("-")[-1].lower(), tail.split("-")[0].lower()
    if tail[:1].isupper():  # a capital after the hyphen: a name or a compound ("Baden-Baden", "non-European")
        return f"{head}-{tail}"
    keep = f"{key_head}-{key_tail}" in vocabulary and f"{key_head}{key_tail}" not in vocabulary
    return f"{head}-{tail}" if keep else head + tail


def _pdfium_hyphens(text: str, vocabulary: set[str]) -> str:
    # pdfium itself joins a line ending in a hyphen with the next, marking the hyphen U+FFFE.
    return _PDFIUM_HYPHEN.sub(lambda m: _rejoined(m.group(1), m.group(2), vocabulary), text).replace("\ufffe", "-")


def _join(paragraph: str, text: str, vocabulary: set[str]) -> str:
    """Two lines of one paragraph, with a word split at the line end rejoined."""
    if _HYPHENATED.search(paragraph) and text[:1].islower():
        head = _WORD.findall(paragraph[-60:-1])[-1]
        tail = _WORD.findall(text[:60])[0]
        return paragraph[: -1 - len(head)] + _rejoined(head, tail, vocabulary) + text[len(tail) :]
    return f"{paragraph} {text}"


def _runs_on(previous: _Line, item: _Line, page_right: dict[int, float]) -> bool:
    """A paragraph goes on over a page break when its last line is full and the size stays."""
    full = previous.line.right >= FULL_LINE * page_right[previous.page]
    return full and abs(item.line.size - previous.line.size) < 0.5


def _next_column(previous: _Line, item: _Line, block: Block) -> bool:
    """A paragraph goes on at the top of the next column (a paper's, a newsletter's) when its last
    line is as wide as its widest, the next line stands right of it and far above (not the next
    cell of a table or card of a grid, a line or two up), and the size stays."""
    width = previous.line.right - previous.line.left
    full = len(block.widths) >= 2 and width >= COLUMN_FULL_LINE * max(block.widths)
    height = previous.line.top - previous.line.bottom
    beside = item.line.left >= previous.line.right - 2.0 and item.line.top > previous.line.top + COLUMN_JUMP_LINES * height
    return full and beside and abs(item.line.size - previous.line.size) < 0.5


@dataclass
class Block:
    """A paragraph, a heading or a menu: lines that belong together."""

    text: str
    characters: int = 0
    linked_characters: float = 0.0
    widths: list[float] = field(default_factory=list)  # each line's width, in points
    sizes: list[float] = field(default_factory=list)  # each line's font size (0: unknown)
    after_icon: bool = False  # its first line is an icon's label

    def add_line(self, line: PdfLine) -> None:
        if not self.widths:
            self.after_icon = line.after_icon > 0
        self.characters += len(line.text)
        self.linked_characters += len(line.text) * line.linked
        self.widths.append(line.right - line.left)
        self.sizes.append(line.size)

    @property
    def linked(self) -> float:
        """The share of the block inside links."""
        return self.linked_characters / max(1, self.characters)


def paragraphs(lines: list[_Line]) -> list[Block]:
    """Lines joined into paragraphs: a new one at a wide gap, a change of font size, or a page break after a short line."""
    body_size = _body_size(lines) or 10.0
    vocabulary = {word.lower() for item in lines for word in _WORD.findall(item.text)}
    page_right: dict[int, float] = {}
    for item in lines:
        page_right[item.page] = max(page_right.get(item.page, 0.0), item.line.right)
    result: list[Block] = []
    previous: _Line | None = None
    for item in lines:
        line = item.line
        starts = previous is None or (item.page != previous.page and not _runs_on(previous, item, page_right))
        if previous is not None and item.page == previous.page:
            height = max(previous.line.top - previous.line.bottom, body_size)
            gap = previous.line.bottom - line.top
            resized = abs(line.size - previous.line.size) > 0.15 * max(line.size, previous.line.size, 1.0)
            starts = gap > PARAGRAPH_GAP * height or gap < -height or resized
            if gap < -height and result and _next_column(previous, item, result[-1]):
                starts = False
        text = _pdfium_hyphens(item.text, vocabulary)
        if starts or not result:
            result.append(Block(text))
        else:
            result[-1].text = _join(result[-1].text, text, vocabulary)
        result[-1].add_line(line)
        previous = item
    return result


def drop_references(blocks: list[Block]) -> list[Block]:
    """Everything from a references heading in the second half of the document on is left out."""
    for index in range(len(blocks) // 2, len(blocks)):
        if _REFERENCES.match(blocks[index].text.strip()):
            return blocks[:index]
    return blocks


def drop_repeated(blocks: list[Block]) -> list[Block]:
    """A paragraph printed again (a fixed banner on every page, an image caption in several sizes) is kept once."""
    seen: set[str] = set()
    kept = []
    for block in blocks:
        key = " ".join(_WORD.findall(block.text.lower()))
        if len(key) >= REPEATED_MIN_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(block)
    return kept


def drop_link_lists(blocks: list[Block], text_width: float) -> list[Block]:
    """Blocks that are mostly links (menus, link lists, tag clouds, "related articles"), and
    stacks of short lines holding some links (a menu or a list of teasers with their dates and authors)."""
    return [
        block for block in blocks
        if block.linked < LINKED_BLOCK
        and not (
            len(block.widths) >= MENU_LINES
            and statistics.median(block.widths) < MENU_LINE_WIDTH * text_width
            and block.linked > MENU_LINKED
        )
    ]


def drop_icon_labels(blocks: list[Block]) -> list[Block]:
    """Short blocks that start at an icon: share and contact buttons, the alt text of a picture that did not load."""
    return [block for block in blocks if not (block.after_icon and len(block.widths) <= ICON_LABEL_LINES)]


def prose_size(lines: list[_Line], width: float) -> float:
    """The font size of the main text: the size holding the most characters in lines at least half the text's width."""
    characters: Counter[float] = Counter()
    for item in lines:
        if item.line.size > _TINY_SIZE and item.line.right - item.line.left >= 0.5 * width:
            characters[round(item.line.size)] += len(item.text)
    return characters.most_common(1)[0][0] if characters else 0.0


def _median_size(block: Block) -> float:
    sizes = [size for size in block.sizes if size > _TINY_SIZE]
    return statistics.median(sizes) if sizes else 0.0


def _lone_heading(blocks: list[Block], index: int, main_size: float) -> bool:
    """One line larger than the main text, between blocks of other sizes: a long heading, not a
    comment or teaser printed line by line in a larger size (its neighbours share its size)."""
    size = _median_size(blocks[index])
    if len(blocks[index].widths) != 1 or size <= main_size:
        return False
    return not any(0 <= other < len(blocks) and abs(_median_size(blocks[other]) - size) < 0.5 for other in (index - 1, index + 1))


def drop_other_prose(blocks: list[Block], main_size: float, width: float) -> list[Block]:
    """Full-width text in another size than the main text's (but not a heading's): comments,
    teasers, fine print. A heading is larger still, or short, or a line on its own."""
    if not main_size:
        return blocks
    kept = []
    for index, block in enumerate(blocks):
        scale = (_median_size(block) or main_size) / main_size
        other = scale < 1 - OTHER_SIZE or 1 + OTHER_SIZE <= scale < HEADING_PROSE_SCALE
        if not (other and statistics.median(block.widths) > PROSE_WIDTH * width) or _lone_heading(blocks, index, main_size):
            kept.append(block)
    return kept


def text_width(lines: list[_Line]) -> float:
    """From the leftmost to the rightmost text of the document."""
    return max((item.line.right for item in lines), default=0.0) - min((item.line.left for item in lines), default=0.0)


def article_blocks(lines: list[_Line]) -> list[Block]:
    """The paragraphs, without references, repeats, menus and icon labels."""
    width = text_width(lines)
    blocks = drop_repeated(drop_references(paragraphs(lines)))
    blocks = drop_other_prose(drop_link_lists(blocks, width), prose_size(lines, width), width)
    return drop_icon_labels(blocks)


def first_page_heading(lines: list[_Line]) -> str:
    """The largest text on the first page, when it stands out from the body text."""
    first = [item for item in lines if item.page == 0 and item.line.size > 0]
    body_size = _body_size(lines)
    if not first or not body_size:
        return ""
    largest = max(item.line.size for item in first)
    if largest < HEADING_SCALE * body_size:
        return ""
    heading: list[str] = []
    for item in first:
        if abs(item.line.size - largest) < 0.5:
            heading.append(item.text)
        elif heading:
            break  # the heading's lines are consecutive
    title = " ".join(heading)
    return title if 3 <= len(title) <= 300 else ""


def _usable_metadata_title(title: str) -> str:
    title = " ".join(title.split())
    return "" if len(title) < 3 or _JUNK_TITLES.match(title) else title


def _without_title(body: str, title: str) -> str:
    first, _, rest = body.partition("\n")
    return rest.lstrip("\n") if title and " ".join(first.split()) == title else body


def limits_from(settings: DigestSettings) -> PdfLimits:
    return PdfLimits(max_pages=settings.max_pdf_pages, timeout_seconds=settings.pdf_timeout_seconds, memory_mb=settings.pdf_memory_mb)


def _within(blocks: list[Block], max_chars: int) -> list[str]:
    """The first paragraphs up to `max_chars`: a long report is read from its start, not refused."""
    kept, total = [], 0
    for block in blocks:
        total += len(block.text) + 1
        if total > max_chars:
            break
        kept.append(block.text)
    return kept


def extract_pdf(data: bytes, source: str, url: str | None, settings: DigestSettings) -> Article:
    """The article in a PDF; DigestError with a one-line reason for a protected, scanned or broken file."""
    parsed = parse_pdf(data, limits_from(settings))
    lines = body_lines(parsed)
    if not lines:
        raise DigestError("This PDF has no text layer (a scan or images only); the bot cannot read it.")
    text = "\n".join(_within(article_blocks(lines), settings.max_input_chars))
    if not_text_share(text) > settings.max_binary_share:
        # Fonts without a character map come out as private-use or control characters.
        raise DigestError("This PDF's text cannot be read (its fonts do not say which letters they draw).")
    cleaned = clean_paste(screen_text(text, "pdf", settings))
    body = cleaned.body
    found_title = cleaned.title
    if len(found_title) > MAX_TITLE_CHARS or found_title.endswith(_SENTENCE_ENDS):  # a paragraph, not a headline
        body, found_title = f"{found_title}\n\n{body}", ""
    title = first_page_heading(lines) or _usable_metadata_title(parsed.title) or found_title
    body = _without_title(body, title)
    if not body.strip():
        raise DigestError("No article text was found in this PDF.")
    return Article(title=title, text=body, source=source, url=url, origin="pdf")
