"""Article pages: the list items and subheadings trafilatura left out of the article's own body.

When trafilatura's main pass finds no known content frame, it falls back to collecting the
page's paragraphs ("wild text" recovery), and in its default mode that recovery reads `<p>`,
code, quotes and tables only: the article's bulleted lists and its `<h2>`-`<h6>` subheadings
are lost (a guide's steps, a review's pros and cons). Its recall mode reads them, at the cost
of a second whole pass and of the page's other lists. Here they are put back from the tree
without a second pass: the element that holds most of the paragraphs trafilatura kept is
taken for the article body (with any other holding half as many, an article in sections),
and its list items and subheadings that are missing from the
answer are inserted after the paragraph they follow on the page. Chosen on WCXB's tune part
(docs/quality/extraction.md, seventh session).

The answer also often ends with what follows the article inside trafilatura's frame: an author
box, "Related articles", a newsletter form, references, a cookie table. The article sits in the
smallest element holding every body element; the answer's last lines whose text the page also holds
after that element are dropped together, when the text before them is most of the answer
(`MIN_SHARE_BEFORE`: a larger cut is more often an article spread over several frames than
chrome). Chosen on WCXB's tune part (docs/quality/extraction.md, eighth session).

Some of that end matter sits inside the frame (an author box plugin, a related-posts list, a
call-to-action box at the end of the body): the answer's last lines found in blocks of the frame
whose class or id names them so are dropped too, under the same share (eighth session, "the
article's own tail").

Inside the body, a line "Related: <another article's headline>" whose headline is a link on the page
is a teaser of another article placed between paragraphs, dropped wherever it stands (ninth
session; "Read more:", "Also read:" and "See also:" lines are in WCXB's truths about as often as
not, so only "Related:" is read so).

The same walk puts back the body's long `<p>` that trafilatura left out, when an answer paragraph follows
them and they sit in no box (a form, a button, a figure or caption, a quote, an aside, a call-to-action box
beside a button-like link); text is compared without C1 control characters, which a page read with the
wrong encoding holds and trafilatura's answer does not (eleventh session).

Two more kinds of block come back (twelfth session): a subheading of the article's frame, outside the body
elements, whose next block is a line of the answer (a section's wrapper holds the heading, the body its
paragraphs), put before that line; and a body list item made of links that all lead to other sites (no
social network), which is the article's sources, tools or products, where a table of contents, a menu or a
related-posts list links to the page's own site; like a missing paragraph it waits for an answer paragraph
after it.

Last (thirteenth session), the answer's label lines go: a reading time ("8 min read"), a table of contents' or
a related-posts list's heading standing alone ("Table of Contents", "Related articles", "Read more", "Share"),
and, before the article's first long line, a date or a byline standing alone ("January 31, 2024", "By Rick
Steves"). On WCXB's tune part the truth holds 2 of the 64 such lines.

And (thirteenth session, second round) an answer that stops before the page's FAQ is continued: the questions and
answers of the blocks whose class or id names a FAQ or an accordion, after the start of the last body element and
inside the article's frame (trafilatura drops an accordion's panels as hidden), are appended when they hold 20
words or more the answer lacks; on a page that declares a schema.org FAQPage, also those up to two levels above the
frame (a FAQ section beside the article element), none in a menu, a footer or comments.

No list item or subheading is put back from a block whose class or id holds "related" (fourteenth session: a
related-posts list set inside the body or the frame, "jp-relatedposts", "c-related"; the losers of the body's
subheadings on WCXB's tune part and on ScrapingHub's news pages).

The answer's start loses what the page sets above the article's frame (sixteenth session): a dek (a standfirst: the
sentence under the headline) set as an `<h2>`-`<h6>` of `DEK_MIN_WORDS` words or more, and the short lines before the
answer's first long line (a headline, a kicker, a date) whose text lies (last) before the frame. Each chosen by site
folds on one of ScrapingHub and WCXB's tune articles and reported on the other, up on both
(docs/quality/extraction.md, sixteenth session).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from urllib.parse import urlsplit

from lxml import html as lxml_html

_NOT_WORD = re.compile(r"\W+")
_WORD_CHARACTER = re.compile(r"\w")
_SPLIT = re.compile(r"[\s_\-]+")
_RESTORED_TAGS = ("li", "h2", "h3", "h4", "h5", "h6")
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# Reader comments are lists too (WordPress's ol.commentlist): no part of the article.
_COMMENT_WORDS = frozenset(("comment", "comments", "commentlist", "respond", "reply", "replies"))
MIN_ANCHOR_WORDS = 5  # a paragraph this long, found in the answer, marks the article body
MIN_BODY_SHARE = 0.5  # another element holding this share of the answer's paragraphs is body too
MAX_LINK_SHARE = 0.5  # a list item mostly made of link text is a menu or a list of related links
MIN_PIECE_WORDS = 3  # a piece of an item's text this long found in the answer: the item is there
MIN_MISSING_PARAGRAPH_WORDS = 20  # a body <p> this long missing between answer paragraphs is put back
MIN_SHARE_BEFORE = 0.7  # the answer's words before a trailing cut (5-fold CV on WCXB's tune part)
# Twelfth session's steps (each on/off chosen by a nested 5-fold CV on WCXB's tune part; switches for
# bench/articles_study.py): the frame's subheadings that head an answer line (linked ones too, a heading
# over a heading too), and the body's link-only items whose links all leave the site, put back only
# when an answer paragraph follows them.
RESTORE_SECTION_HEADINGS = True
SECTION_HEADINGS_LINKED = True
SECTION_HEADINGS_CHAIN = True
RESTORE_OUTBOUND_ITEMS = True
OUTBOUND_WAIT = True
# The thirteenth session's label lines, by kind (each on/off chosen by a nested 5-fold CV on WCXB's tune part;
# a switch for bench/articles_study.py): "read_time" anywhere, "label" (a contents or related-posts heading,
# a share line) anywhere, "date" and "byline" only before the answer's first line of `LEAD_LINE_WORDS` words.
DROPPED_LABELS = frozenset(("read_time", "label", "date", "byline"))
LEAD_LINE_WORDS = 20  # the first answer line this long starts the article's text
MAX_READ_TIME_WORDS = 12  # "December 15, 2025 // 8 min read" is a label; a sentence naming a read time is not
# The thirteenth session's FAQ step: a question-and-answer block (its class or id names a FAQ or an accordion) that
# follows the start of the article's last body element is put back at the answer's end. `FAQ_LEVELS`: None off, 0
# only inside the article's frame, k also inside the frame's k-th ancestor; `FAQ_SCHEMA_LEVELS`: the same on a page
# that declares a schema.org FAQPage (switches for bench/articles4_study.py).
FAQ_LEVELS: int | None = 0
# The fourteenth session's audit: a subheading or a list item of the body (or a subheading of the frame) inside a block
# whose class or id holds "related" ("jp-relatedposts", "c-related", "sdc-article-related-stories",
# "ArticleRelatedContentList") is a related-posts list's, not the article's, and is not put back (a switch for
# bench/articles5_study.py).
SKIP_RELATED_BLOCKS = True
FAQ_SCHEMA_LEVELS: int | None = 2
# The sixteenth session's deks: an answer line at or before its first line of `LEAD_LINE_WORDS` words whose text is an
# `<h2>`-`<h6>` of `DEK_MIN_WORDS` words or more lying before the article's frame on the page is a standfirst, which
# neither corpus's truth keeps (a switch for bench/sharticles7_study.py).
DROP_DEKS = True
DEK_MIN_WORDS = 8  # a heading this long is a sentence, not a section's name ("Origin", "Claim")
# And the answer's short lines before its first long line whose text the page holds (last) before the frame: a
# headline, a kicker, a date (a switch for bench/sharticles7_study.py).
DROP_LEAD_LINES = True
MAX_LEAD_LINE_WORDS = 12
MIN_FAQ_WORDS = 20  # a FAQ block's missing words: fewer is a label or a stray line, not an answer
_FAQ_NAME = re.compile(r"faq|accordion", re.IGNORECASE)
_FAQ_BLOCK_TAGS = ("p", "li", "dt", "dd", "h2", "h3", "h4", "h5", "h6")
# A FAQ block in these (or named so) is the site's menu or footer help links, not the article's.
_CHROME_TAGS = frozenset(("nav", "footer", "header", "aside", "form"))
_CHROME_WORDS = frozenset(("menu", "footer", "nav", "navigation", "sidebar", "header"))
# Class/id words of the blocks an article ends with that are no part of it: related posts, share
# buttons, author boxes (WordPress's Simple Author Box, Author Box Plugin), newsletter and
# call-to-action boxes, disclaimers, footnotes (named by hand; checked on WCXB's tune part).
_END_MATTER_WORDS = frozenset((
    "related", "share", "sharing", "social", "author", "bio", "newsletter", "subscribe", "signup",
    "cta", "promo", "disclaimer", "sponsor", "sponsored", "footnote", "footnotes", "yarpp", "crp",
    "tags", "saboxplugin", "abh",
))
_NOT_LETTERS = re.compile(r"[^a-z]+")
# "Related: <headline>" (optionally a list item): a link to another article put inside the body.
_RELATED_LINE = re.compile(r"^(?:[-*]\s*)?related\s*:\s*(\S.*)$", re.IGNORECASE)


# Label lines, named by hand from the answer lines of WCXB's tune article pages that the truth leaves out.
_READ_TIME = re.compile(r"\b\d+\s*(?:-\s*\d+\s*)?min(?:ute)?s?\.?\s+read\b|^\W*(?:estimated\s+)?reading\s+time\b", re.IGNORECASE)
_LABELS = frozenset((
    "table of contents", "contents", "in this article", "on this page", "jump to", "jump to section",
    "article contents", "what s in this article", "quick links", "skip to content",
    "related articles", "related posts", "related", "recommended", "you may also like", "read more",
    "share", "share this", "share this article", "copy link",
))
_MAX_LABEL_WORDS = max(len(label.split()) for label in _LABELS)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"^\W*(?:(?:published|updated|posted|last updated|modified)\s*(?:on)?\s*:?\s*)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|{_MONTH}\s+\d{{1,2}})\W*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*(?:written\s+|words\s+|story\s+)?by\s+\S+(?:\s+\S+){0,3}\W*$", re.IGNORECASE)


# Every ASCII character that is no word character (\W) mapped to a space: `_normal`'s fast path.
_ASCII_NOT_WORD_TO_SPACE = {code: " " for code in range(128) if not _WORD_CHARACTER.match(chr(code))}


# C1 control characters (U+0080-U+009F): a page whose UTF-8 was read as Latin-1 holds "\u00e2\u0080\u0099" for
# a quote, and trafilatura's answer drops the control characters: compared without them, its lines are found.
_C1_CONTROLS_DROPPED = {code: None for code in range(0x80, 0xA0)}
_C1_CONTROL = re.compile("[\x80-\x9f]")


MAX_CACHED_CHARACTERS = 2000  # longer texts (a frame's whole text) are normalised each time, not kept


def _normal(text: str) -> str:
    """Lower-case words split by single spaces: the answer's paragraphs and the page's elements compared."""
    return _normal_line(text) if len(text) <= MAX_CACHED_CHARACTERS else _normal_uncached(text)


@lru_cache(maxsize=4096)
def _normal_line(text: str) -> str:
    """`_normal` of a short text, cached: each step of `article_text` reads the answer's lines again."""
    return _normal_uncached(text)


def _normal_uncached(text: str) -> str:
    """`_normal`'s work."""
    lowered = text.lower()
    if lowered.isascii():
        # The same as the substitution below, about twice as fast (str.translate's ASCII path): every
        # non-word character becomes a space, then runs of spaces one and the ends stripped.
        return " ".join(lowered.translate(_ASCII_NOT_WORD_TO_SPACE).split())
    if _C1_CONTROL.search(lowered) is not None:  # rare; str.translate reads a non-ASCII text a character at a time
        lowered = lowered.translate(_C1_CONTROLS_DROPPED)
    return _NOT_WORD.sub(" ", lowered).strip()


def _text(element: lxml_html.HtmlElement) -> str:
    # itertext joined with spaces: "<b>Plan.</b>You should" stays two words, as trafilatura writes it
    return " ".join(" ".join(element.itertext()).split())


def _in_comments(element: lxml_html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        words = _SPLIT.split(((ancestor.get("class") or "") + " " + (ancestor.get("id") or "")).lower())
        if _COMMENT_WORDS.intersection(words):
            return True
    return False


def _is_missing(element: lxml_html.HtmlElement, text: str, answer: str) -> bool:
    """True when no part of the element's text is in the answer (which trafilatura may have
    split into several paragraphs: an item holding a `<p>` and a `<br>`)."""
    normal = _normal(text)
    if not normal or normal in answer:
        return False
    pieces = (_normal(piece) for piece in element.itertext())
    return not any(len(piece.split()) >= MIN_PIECE_WORDS and piece in answer for piece in pieces)


def _is_caption_or_teaser(element: lxml_html.HtmlElement) -> bool:
    """An item of a photo gallery (it holds an image) or a block inside a link (a teaser card
    of related articles) is no text of the article."""
    if any(ancestor.tag in ("a", "figure") for ancestor in element.iterancestors()):
        return True
    return element.find(".//img") is not None or element.find(".//figure") is not None


def _link_share(element: lxml_html.HtmlElement, text: str) -> float:
    linked = sum(len(_text(anchor)) for anchor in element.iter("a"))
    return linked / max(1, len(text))


def _body_elements(
    tree: lxml_html.HtmlElement, kept: dict[str, int], normals: dict, paragraphs: Sequence[lxml_html.HtmlElement] | None = None
) -> list[lxml_html.HtmlElement]:
    """The elements that directly hold the answer's paragraphs: the one holding most of them,
    and each other holding at least two and `MIN_BODY_SHARE` as many (an article in sections),
    in page order, none inside another (`normals`: each paragraph's normal text, filled here
    and read again by the caller; `paragraphs`: the tree's `<p>` in document order, when known)."""
    parents: Counter = Counter()
    for paragraph in tree.iter("p") if paragraphs is None else paragraphs:
        normal = normals[paragraph] = _normal(" ".join(paragraph.itertext()))
        if normal in kept and normal.count(" ") >= MIN_ANCHOR_WORDS - 1 and paragraph.getparent() is not None:
            parents[paragraph.getparent()] += 1
    if not parents:
        return []
    top, most = parents.most_common(1)[0]
    chosen = {top} | {parent for parent, count in parents.items() if count >= max(2, MIN_BODY_SHARE * most)}
    outer = [parent for parent in chosen if not any(ancestor in chosen for ancestor in parent.iterancestors())]
    order = {element: index for index, element in enumerate(tree.iter())} if len(outer) > 1 else {}
    return sorted(outer, key=lambda element: order.get(element, 0))


# Containers a paragraph of the body may sit in that hold no article text: a form's notice, a button's
# tooltip, a caption, a pull quote or a side box.
_BOX_TAGS = frozenset(("form", "button", "figure", "figcaption", "aside", "blockquote"))
_CAPTION_WORDS = frozenset(("caption", "credit"))


def _is_boxed(paragraph: lxml_html.HtmlElement) -> bool:
    """True for a `<p>` inside a form, a button, a figure, an aside or a quote, or a caption by its
    class or id, or set beside a button-like link (a call-to-action box: a heading, a line, a link)."""
    for ancestor in (paragraph, *paragraph.iterancestors()):
        if ancestor.tag in _BOX_TAGS:
            return True
        words = _NOT_LETTERS.split(((ancestor.get("class") or "") + " " + (ancestor.get("id") or "")).lower())
        if not _CAPTION_WORDS.isdisjoint(words):
            return True
    parent = paragraph.getparent()
    return parent is not None and any(child.tag in ("a", "button") for child in parent)


def _restorable(element: lxml_html.HtmlElement, block: str, answer: str, max_link_share: float | None = None) -> bool:
    """A block of the body missing from the answer that is article text: not a menu or a list
    of links, not a reader's comment, not a caption or a teaser card."""
    return (
        _is_missing(element, block, answer)
        and _link_share(element, block) <= (MAX_LINK_SHARE if max_link_share is None else max_link_share)
        and not _in_comments(element)
        and not _is_caption_or_teaser(element)
    )


# Share buttons are lists of links to other sites too: no part of the article.
_SOCIAL_HOSTS = frozenset((
    "twitter.com", "x.com", "facebook.com", "linkedin.com", "pinterest.com", "reddit.com", "whatsapp.com",
    "wa.me", "t.me", "telegram.me", "instagram.com", "tumblr.com", "threads.net", "bsky.app", "flipboard.com",
))


def _host(url: str) -> str:
    """The host of an absolute http(s) address without "www." ("" for a relative one or an anchor)."""
    url = url.strip()
    if not url.lower().startswith(("http:", "https:", "//")):
        return ""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _same_site(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site) or site.endswith("." + host)


def site_host(tree: lxml_html.HtmlElement) -> str:
    """The page's own host: its canonical or og:url address, else the host most of its absolute links name."""
    for element in tree.iter("link", "meta"):
        if (element.get("rel") or "").lower() == "canonical" or (element.get("property") or "").lower() == "og:url":
            host = _host(element.get("href") or element.get("content") or "")
            if host:
                return host
    hosts = Counter(host for host in (_host(anchor.get("href") or "") for anchor in tree.iter("a")) if host)
    return hosts.most_common(1)[0][0] if hosts else ""


def _is_outbound_item(element: lxml_html.HtmlElement, block: str, answer: str, site: str) -> bool:
    """A list item of the body made of links, every one to another site that is no social network: the
    article's sources, tools or products (a related-posts list, a menu or a table of contents links to
    the page's own site), missing from the answer (twelfth session)."""
    if element.tag != "li" or not site:
        return False
    hosts = [_host(anchor.get("href") or "") for anchor in element.iter("a")]
    return (
        bool(hosts)
        and all(host and not _same_site(host, site) and not any(_same_site(host, social) for social in _SOCIAL_HOSTS) for host in hosts)
        and _is_missing(element, block, answer)
        and not _in_comments(element)
        and not _is_caption_or_teaser(element)
    )


def _is_missing_paragraph(paragraph: lxml_html.HtmlElement, normal: str, seen: set[str], answer: str) -> bool:
    """A body `<p>` of `MIN_MISSING_PARAGRAPH_WORDS` words or more that trafilatura left out and that is
    article text by its place (eleventh session)."""
    return (
        normal.count(" ") + 1 >= MIN_MISSING_PARAGRAPH_WORDS
        and normal not in seen
        and _restorable(paragraph, _text(paragraph), answer)
        and not _is_boxed(paragraph)
    )


def restore_lists_and_headings(tree: lxml_html.HtmlElement, text: str, max_link_share: float | None = None) -> str:
    """`text` (trafilatura's answer, a paragraph a line) with the article body's list items and
    subheadings it lacks, each after the paragraph it follows on the page (items and headings with
    more link text than `max_link_share`, default MAX_LINK_SHARE, left out: a documentation page passes math.inf)."""
    return _restore(tree, text, max_link_share)[0]


def article_text(
    tree: lxml_html.HtmlElement, text: str, faq_declared: bool | None = None, paragraph_elements: Sequence[lxml_html.HtmlElement] | None = None
) -> str:
    """trafilatura's answer on an article page with the body's missing list items and subheadings
    put back and the trailing sections that lie after the article dropped. What the caller's walk of
    the tree has read already: `faq_declared`, `declares_faq(tree)`; `paragraph_elements`, the tree's
    `<p>` in document order."""
    restored, bodies, paragraphs = _restore(tree, text, skip_related=SKIP_RELATED_BLOCKS, paragraphs=paragraph_elements)
    levels = faq_levels(tree, faq_declared) if bodies else None
    if levels == 0:
        restored = restore_faq(restored, bodies, 0)
    if RESTORE_SECTION_HEADINGS and bodies:
        restored = restore_section_headings(restored, _common_ancestor(bodies))
    trimmed = drop_related_links(drop_end_matter(drop_trailing_sections(restored, bodies, paragraphs), bodies), tree)
    if levels:
        # FAQ blocks outside the frame are put back after the cuts, which drop what follows the frame
        trimmed = restore_faq(trimmed, bodies, levels)
    labelled = drop_label_lines(trimmed)
    return drop_lead_lines(labelled, _common_ancestor(bodies)) if bodies else labelled


# The page's text pieces holding a word as the line writes it, lower-cased, capitalised or upper-cased (`_normal`
# compares lower-cased text): where the elements that may hold a short line exactly start from, found in C (a Python
# walk reading every element's text cost 5 ms a page). One query per number of spellings ($s0, $s1, ...): each
# contains() copies every text piece, and searching only the spellings the page's text holds at all (usually one or
# two of the four) halves the cost (leadspeed8); over the whole page, before a frame, or in and after it.
def _pieces_query(path: str, count: int) -> lxml_html.etree.XPath:
    return lxml_html.etree.XPath(f"{path}[" + " or ".join(f"contains(., $s{index})" for index in range(count)) + "]")


_TEXTS_BEFORE_HOLDING_ANY = {count: _pieces_query("preceding::text()", count) for count in range(1, 5)}
# (in and after it: two queries, as a union of the unfiltered pieces costs libxml2 a merge quadratic in their number)
_TEXTS_IN_HOLDING_ANY = {count: _pieces_query("descendant::text()", count) for count in range(1, 5)}
_TEXTS_AFTER_HOLDING_ANY = {count: _pieces_query("following::text()", count) for count in range(1, 5)}
# The text of the whole page (all its text pieces end to end, in C): a piece holds a spelling only if this does.
_PAGE_TEXT = lxml_html.etree.XPath("string(/)")
_WORD_RUN = re.compile(r"\w+")


def _precedes(element: lxml_html.HtmlElement, other: lxml_html.HtmlElement) -> bool:
    """True when `element` comes before `other` in page order and does not hold it (nor lie inside it)."""
    chain = [element, *element.iterancestors()]
    other_chain = [other, *other.iterancestors()]
    positions = {ancestor: index for index, ancestor in enumerate(other_chain)}
    for index, ancestor in enumerate(chain):
        if ancestor in positions:
            if index == 0 or positions[ancestor] == 0:
                return False  # one holds the other
            return ancestor.index(chain[index - 1]) < ancestor.index(other_chain[positions[ancestor] - 1])
    return False


def _comes_after(element: lxml_html.HtmlElement, other: lxml_html.HtmlElement) -> bool:
    """True when `element` comes after `other` in page order (inside it counts as after: a walk meets it later)."""
    return _precedes(other, element) or other in set(element.iterancestors())


def _short_text(element: lxml_html.HtmlElement, limit: int) -> str | None:
    """`_text(element)`, or None when its text is longer than `limit` characters (read no further)."""
    pieces, size = [], 0
    for piece in element.itertext():
        size += len(piece.strip())  # a template's indentation is no text
        if size > limit:
            return None
        pieces.append(piece)
    return " ".join(" ".join(pieces).split())


def _spellings(line: str) -> tuple[str, ...]:
    """The line's longest word as written, lower-cased, capitalised and upper-cased, each once (none: no word)."""
    words = _WORD_RUN.findall(line)
    if not words:
        return ()
    longest = max(words, key=len)
    return tuple(dict.fromkeys((longest, longest.lower(), longest.capitalize(), longest.upper())))


def _present(spellings: Sequence[str], page_text: str) -> dict[str, str]:
    """The XPath variables of the spellings `page_text` (the page's `_PAGE_TEXT`) holds: a text piece of the page
    holds no spelling the page's whole text lacks."""
    return {f"s{index}": spelling for index, spelling in enumerate(spelling for spelling in spellings if spelling in page_text)}


def _last_exact(pieces: Iterable, line: str, normal: str, last: lxml_html.HtmlElement | None = None) -> lxml_html.HtmlElement | None:
    """The last element in page order, of `last` and the elements holding one of `pieces` (text pieces), whose whole
    text is `normal` (the normal text of `line`): climbing from each piece while the text stays short enough to be it."""
    limit = 2 * len(line) + 20
    for piece in pieces:
        start = piece.getparent()
        if start is not None and piece.is_tail:
            start = start.getparent()  # a tail is its parent's text
        # climbed lazily: most climbs stop after a step or two, well below the page's top
        for element in chain((start,), start.iterancestors()) if start is not None else ():
            if element.tag in ("html", "head", "body"):
                break
            text = _short_text(element, limit)
            if text is None:
                break
            if _normal(text) == normal and (last is None or _comes_after(element, last)):
                last = element
    return last


def _exact_holder_before(frame: lxml_html.HtmlElement, line: str, normal: str, page_text: str) -> lxml_html.HtmlElement | None:
    """The last element in page order whose whole text is `normal` (the normal text of `line`), found from the text
    pieces holding a spelling of the line's longest word (`page_text`: the page's `_PAGE_TEXT`), when it precedes
    `frame` (`_precedes`), else None. The pieces in and after the frame (most of the page) are searched only when
    one before it has a holder that precedes the frame. The same answer as searching every piece: an element
    holding a piece in or after the frame never precedes it, so the last holder precedes the frame only if the last
    of those holding a piece before it does, and then only if none holding a piece in or after it comes later."""
    present = _present(_spellings(line), page_text)
    if not present:
        return None
    last = _last_exact(_TEXTS_BEFORE_HOLDING_ANY[len(present)](frame, **present), line, normal)
    if last is None or not _precedes(last, frame):
        return None
    pieces_from = chain(_TEXTS_IN_HOLDING_ANY[len(present)](frame, **present), _TEXTS_AFTER_HOLDING_ANY[len(present)](frame, **present))
    last = _last_exact(pieces_from, line, normal, last)
    return last if _precedes(last, frame) else None


def _is_heading_text(headings: Sequence[lxml_html.HtmlElement], line: str, normal: str) -> bool:
    """True when one of `headings` has the whole text `normal` (the normal text of `line`). Only the headings whose
    text holds a spelling of the line's longest word are normalised: a heading the holder search can find holds one."""
    spellings = _spellings(line)
    return any(_normal(_text(heading)) == normal for heading in headings if _holds_any(heading.text_content(), spellings))


def _holds_any(text: str, spellings: Sequence[str]) -> bool:
    return any(spelling in text for spelling in spellings)


def drop_lead_lines(text: str, frame: lxml_html.HtmlElement | None) -> str:
    """`text` (a paragraph a line) without lines at its start that the page sets before the article's `frame`
    (sixteenth session), up to its first line of `LEAD_LINE_WORDS` words: a dek (standfirst) under the headline set
    as an `<h2>`-`<h6>` of `DEK_MIN_WORDS` words or more (`DROP_DEKS`; the first long line itself too), and a line of
    `MAX_LEAD_LINE_WORDS` words or fewer before the first long line (`DROP_LEAD_LINES`: a headline, a kicker, a
    date, a breadcrumb) whose text the last element holding it exactly lies before the frame. The truths of both
    corpora leave them out. A text made only of such lines is kept."""
    if frame is None or not (DROP_DEKS or DROP_LEAD_LINES):
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    lead = next((index for index, line in enumerate(lines) if len(line.split()) >= LEAD_LINE_WORDS), len(lines) - 1)
    candidates = {}
    for index in range(lead + 1):
        words = len(lines[index].split())
        if (DROP_DEKS and words >= DEK_MIN_WORDS) or (DROP_LEAD_LINES and index < lead and words <= MAX_LEAD_LINE_WORDS):
            candidates[index] = _normal(lines[index].lstrip("-*# "))
    candidates = {index: normal for index, normal in candidates.items() if normal}
    if not candidates:
        return text  # most answers: the first long line comes first
    root = frame.getroottree().getroot()
    headings: list[lxml_html.HtmlElement] | None = None
    page_text: str | None = None
    dropped = set()
    for index, normal in candidates.items():
        line = lines[index].lstrip("-*# ")
        if not (DROP_LEAD_LINES and index < lead and len(lines[index].split()) <= MAX_LEAD_LINE_WORDS):
            # a dek only: its holder must be a heading, and few of the page's elements are
            if headings is None:
                headings = list(root.iter(*_HEADINGS))
            if not _is_heading_text(headings, line, normal):
                continue
        if page_text is None:
            page_text = _PAGE_TEXT(root)  # read once for all the candidates
        holder = _exact_holder_before(frame, line, normal, page_text)
        if holder is None:
            continue
        words = len(lines[index].split())
        if DROP_DEKS and words >= DEK_MIN_WORDS and holder.tag in _HEADINGS:
            dropped.add(index)
        elif DROP_LEAD_LINES and index < lead and words <= MAX_LEAD_LINE_WORDS:
            dropped.add(index)
    if not dropped or len(dropped) == len(lines):
        return text
    return "\n\n".join(line for index, line in enumerate(lines) if index not in dropped)


def declares_faq(tree: lxml_html.HtmlElement) -> bool:
    """True when the page declares a schema.org FAQPage (JSON-LD or microdata): its questions are its content."""
    for script in tree.iter("script"):
        if "FAQPage" in (script.text or ""):
            return True
    return itemtypes_declare_faq(_ITEMTYPES(tree))


def itemtypes_declare_faq(itemtypes: Sequence[str]) -> bool:
    """`declares_faq`'s microdata half, on the page's itemtype values."""
    return any(itemtype.rstrip("/").endswith("FAQPage") for itemtype in itemtypes)


_ITEMTYPES = lxml_html.etree.XPath("//@itemtype")  # in C: a Python walk over every element cost 0.5 ms a page


def faq_levels(tree: lxml_html.HtmlElement, declared: bool | None = None) -> int | None:
    """How far above the article's frame the FAQ step looks on this page (`FAQ_LEVELS`, or `FAQ_SCHEMA_LEVELS` on a
    page declaring a FAQPage when that is further), None when it does not (`declared`: `declares_faq(tree)` if known)."""
    if FAQ_SCHEMA_LEVELS is not None and (FAQ_LEVELS is None or FAQ_SCHEMA_LEVELS > FAQ_LEVELS) and (
        declares_faq(tree) if declared is None else declared
    ):
        return FAQ_SCHEMA_LEVELS
    return FAQ_LEVELS


def _is_chrome(element: lxml_html.HtmlElement, scope: lxml_html.HtmlElement) -> bool:
    """True for an element inside a menu, a footer, a header, a side box or a form (by tag, or by class/id words)
    below `scope`."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor is scope:
            return False
        if ancestor.tag in _CHROME_TAGS:
            return True
        words = _NOT_LETTERS.split(((ancestor.get("class") or "") + " " + (ancestor.get("id") or "")).lower())
        if not _CHROME_WORDS.isdisjoint(words):
            return True
    return False


def faq_blocks(bodies: Sequence[lxml_html.HtmlElement], levels: int) -> list[lxml_html.HtmlElement]:
    """The outermost elements whose class or id names a FAQ or an accordion that come after the start of the last
    of `bodies` on the page (inside it too: an accordion at the body's end), inside the article's frame (the innermost element holding every body element) or its `levels`-th
    ancestor, and in no menu, footer or comments."""
    frame = _common_ancestor(bodies)
    if frame is None:
        return []
    chain = [frame, *frame.iterancestors()]
    scope = chain[min(levels, len(chain) - 1)]
    last = bodies[-1]
    after_last = False
    found: list[lxml_html.HtmlElement] = []
    for element in scope.iter():
        if element is last:
            after_last = True
            continue
        if not after_last or not isinstance(element.tag, str) or element in chain:
            continue
        if found and any(ancestor in found for ancestor in element.iterancestors()):
            continue
        if _FAQ_NAME.search((element.get("class") or "") + " " + (element.get("id") or "")) is None:
            continue
        if _in_comments(element) or _is_chrome(element, scope):
            continue
        found.append(element)
    return found


def restore_faq(text: str, bodies: Sequence[lxml_html.HtmlElement], levels: int) -> str:
    """`text` (a paragraph a line) with the questions and answers of the FAQ blocks after the article's body
    (`faq_blocks`) that it lacks appended, when they hold `MIN_FAQ_WORDS` words or more (thirteenth session):
    trafilatura drops an accordion's panels as hidden, or stops before a FAQ section the page sets apart."""
    blocks = faq_blocks(bodies, levels)
    if not blocks:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    answer = "\n".join(_normal(line.lstrip("-*# ")) for line in lines)
    added: list[str] = []
    seen: set[str] = set()
    for block in blocks:
        for element in block.iter(*_FAQ_BLOCK_TAGS):
            if element.tag == "li" and element.find(".//p") is not None:
                continue  # read through its paragraphs
            if any(inner is not element for inner in element.iter(*_FAQ_BLOCK_TAGS) if inner.tag != "li"):
                continue  # an element holding blocks is read through them
            line = _text(element)
            normal = _normal(line)
            if not normal or normal in seen or not _is_missing(element, line, answer):
                continue
            seen.add(normal)
            added.append(f"- {line}" if element.tag == "li" else line)
    if sum(len(line.split()) for line in added) < MIN_FAQ_WORDS:
        return text
    return "\n\n".join(lines + added)


def _first_block(element: lxml_html.HtmlElement) -> str:
    """The normal text of the first paragraph, item or heading in `element` (its own text when it holds none)."""
    for block in element.iter("p", "li", *_HEADINGS):
        return _normal(_text(block))
    return _normal(_text(element))


def _next_with_text(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The first next sibling holding a word (read piece by piece: a sibling may hold the rest of the article)."""
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str) and any(_WORD_CHARACTER.search(piece) for piece in sibling.itertext()):
            return sibling
    return None


def restore_section_headings(text: str, frame: lxml_html.HtmlElement | None) -> str:
    """`text` (a paragraph a line) with the subheadings of the article's frame it lacks put back before the
    answer line they head on the page: a heading whose next block (its next sibling's first paragraph, item
    or heading) is a line of the answer (twelfth session). The body's own headings are put back by
    `_restore`; these sit outside the body elements (a section's wrapper) or head a heading."""
    if frame is None:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    index_of = {}
    for index, line in enumerate(lines):
        index_of.setdefault(_normal(line.lstrip("-*# ")), index)
    answer = "\n".join(index_of)
    before: dict[int, list[str]] = {}
    headings = list(frame.iter(*_HEADINGS))
    for heading in reversed(headings) if SECTION_HEADINGS_CHAIN else headings:
        following = _next_with_text(heading)
        index = index_of.get(_first_block(following)) if following is not None else None
        if index is None:
            continue  # the cheap test first: most headings head nothing of the answer, or are in it
        block = _text(heading)
        if not _is_missing(heading, block, answer) or _in_comments(heading) or _is_caption_or_teaser(heading):
            continue
        if SKIP_RELATED_BLOCKS and _in_related_block(heading, (frame,)):
            continue
        if not SECTION_HEADINGS_LINKED and _link_share(heading, block) > MAX_LINK_SHARE:
            continue
        if block not in before.get(index, ()):
            if SECTION_HEADINGS_CHAIN:
                # read from the end: a heading over this one goes before it, and is found by its text
                before.setdefault(index, []).insert(0, block)
                index_of.setdefault(_normal(block), index)
            else:
                before.setdefault(index, []).append(block)
    if not before:
        return text
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(before.get(index, ()))
        out.append(line)
    return "\n\n".join(out)


def _in_related_block(element: lxml_html.HtmlElement, tops: Sequence[lxml_html.HtmlElement]) -> bool:
    """True when `element`, or an ancestor below the first of `tops` holding it, has a class or id holding "related"
    (a related-posts block set inside the article's body or frame)."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor in tops:
            return False
        if "related" in ((ancestor.get("class") or "") + " " + (ancestor.get("id") or "")).lower():
            return True
    return False


def _restore(
    tree: lxml_html.HtmlElement,
    text: str,
    max_link_share: float | None = None,
    skip_related: bool = False,
    paragraphs: Sequence[lxml_html.HtmlElement] | None = None,
) -> tuple[str, list[lxml_html.HtmlElement], set[str]]:
    """restore_lists_and_headings's answer, the body elements it found, and the normal text of
    every `<p>` of the page (`skip_related`: the items and subheadings inside a related-posts block stay out;
    `paragraphs`: the tree's `<p>` in document order, when known)."""
    lines = [line for line in text.split("\n") if line.strip()]
    normals = [_normal(line) for line in lines]
    kept = {normal: index for index, normal in enumerate(normals) if normal}
    paragraph_normals: dict = {}
    bodies = _body_elements(tree, kept, paragraph_normals, paragraphs)
    if not bodies:
        return text, bodies, set(paragraph_normals.values())
    answer = "\n".join(normals)
    # line index (-1: before the first line) -> the (block, is a heading) pairs to insert after it
    after: dict[int, list[tuple[str, bool]]] = {}
    anchor, seen = -1, set()
    # Missing paragraphs wait for an answer paragraph after them: at the body's end they are more
    # often a bio or a promo than article text (eighth session), and are not put back.
    waiting: list[tuple[int, tuple[str, bool]]] = []
    site: str | None = None
    for element in (element for body in bodies for element in body.iter("p", *_RESTORED_TAGS)):
        if element.tag == "p":
            normal = paragraph_normals[element]
            if normal in kept:
                anchor = kept[normal]
                waiting.clear()
            elif _is_missing_paragraph(element, normal, seen, answer):
                seen.add(normal)
                entry = (_text(element), False)
                after.setdefault(anchor, []).append(entry)
                waiting.append((anchor, entry))
            continue
        block = _text(element)
        normal = _normal(block)
        if normal in kept:
            anchor = kept[normal]
            continue
        if normal in seen or (element.tag == "li" and element.find(".//li") is not None):
            continue  # an outer item is read through its own items
        if not _restorable(element, block, answer, max_link_share):
            # a link-only item: put back when its links all leave the site (the article's sources, tools)
            if not RESTORE_OUTBOUND_ITEMS or element.tag != "li" or _link_share(element, block) <= (MAX_LINK_SHARE if max_link_share is None else max_link_share):
                continue
            if site is None:
                site = site_host(tree)
            if not _is_outbound_item(element, block, answer, site):
                continue
            seen.add(normal)
            entry = (f"- {block}", False)
            after.setdefault(anchor, []).append(entry)
            if OUTBOUND_WAIT:
                waiting.append((anchor, entry))
            continue
        if skip_related and _in_related_block(element, bodies):
            continue
        seen.add(normal)
        heading = element.tag in _HEADINGS
        after.setdefault(anchor, []).append((block if heading else f"- {block}", heading))
    for place, entry in waiting:
        after[place] = [block for block in after[place] if block is not entry]
    if not any(after.values()):
        return text, bodies, set(paragraph_normals.values())
    out = after.get(-1, [])[:]
    for index, line in enumerate(lines):
        out.append((line, False))
        out.extend(after.get(index, ()))
    # A restored heading that nothing follows ("Related links", "Share this:") heads no part of the article.
    kept_blocks = [
        block for index, (block, heading) in enumerate(out) if not heading or (index + 1 < len(out) and not out[index + 1][1])
    ]
    return "\n\n".join(kept_blocks), bodies, set(paragraph_normals.values())


def _common_ancestor(elements: Sequence[lxml_html.HtmlElement]) -> lxml_html.HtmlElement | None:
    """The innermost element holding all of `elements` (each counts as holding itself)."""
    common = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        chain = {element, *element.iterancestors()}
        common = [ancestor for ancestor in common if ancestor in chain]
    return common[0] if common else None


def _text_after(element: lxml_html.HtmlElement) -> str:
    """The normal text of what comes after `element` and all it holds on the page, spaces around."""
    parts = [
        _text(sibling) for ancestor in (element, *element.iterancestors()) for sibling in ancestor.itersiblings()
    ]
    return f" {_normal(' '.join(parts))} "


def drop_trailing_sections(text: str, bodies: Sequence[lxml_html.HtmlElement], paragraphs: set[str]) -> str:
    """`text` (a paragraph a line) without its trailing lines that the page also holds after the
    article's frame (the innermost element holding all of `bodies`); `paragraphs`: the normal
    text of the page's `<p>`, which end the trailing run unless found after the frame."""
    frame = _common_ancestor(bodies) if bodies else None
    if frame is None:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    after = _text_after(frame)
    start = None
    for index in range(len(lines) - 1, -1, -1):
        normal = _normal(lines[index])
        if normal and f" {normal} " in after:
            start = index  # found after the frame: part of the trailing run
        elif normal and normal in paragraphs:
            break  # a paragraph of the article ends the run
        # else a line not found as a paragraph (a heading, merged blocks) goes with its neighbours
    if not start:
        return text
    words = [len(line.split()) for line in lines]
    if sum(words[:start]) < MIN_SHARE_BEFORE * sum(words):
        return text
    return "\n\n".join(lines[:start])


def _is_end_matter(element: lxml_html.HtmlElement) -> bool:
    class_name, identifier = element.get("class"), element.get("id")
    if not class_name and not identifier:  # most elements: nothing to split
        return False
    words = _NOT_LETTERS.split(((class_name or "") + " " + (identifier or "")).lower())
    return not _END_MATTER_WORDS.isdisjoint(words)


def _end_matter_text(frame: lxml_html.HtmlElement) -> str:
    """The normal text of the blocks inside `frame` named as end matter by their class or id
    (outermost ones only), spaces around each."""
    blocks: list[lxml_html.HtmlElement] = []
    seen: set[lxml_html.HtmlElement] = set()
    for element in frame.iterdescendants():
        if isinstance(element.tag, str) and _is_end_matter(element):
            if not (blocks and any(ancestor in seen for ancestor in element.iterancestors())):
                blocks.append(element)
                seen.add(element)
    return "".join(f" {_normal(_text(block))} " for block in blocks)


def drop_end_matter(text: str, bodies: Sequence[lxml_html.HtmlElement]) -> str:
    """`text` (a paragraph a line) without its trailing lines that sit, inside the article's frame
    (the innermost element holding all of `bodies`), in blocks whose class or id names them end
    matter (`_END_MATTER_WORDS`: an author box, related posts, a newsletter box), when at least
    `MIN_SHARE_BEFORE` of the answer's words come before them. Bios and promos written as the
    body's last paragraphs lie inside the frame, where `drop_trailing_sections` does not look."""
    frame = _common_ancestor(bodies) if bodies else None
    if frame is None:
        return text
    end_matter = _end_matter_text(frame)
    if not end_matter:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    start = None
    for index in range(len(lines) - 1, 0, -1):
        normal = _normal(lines[index])
        if not normal or f" {normal} " not in end_matter:
            break
        start = index
    if start is None:
        return text
    words = [len(line.split()) for line in lines]
    if sum(words[:start]) < MIN_SHARE_BEFORE * sum(words):
        return text
    return "\n\n".join(lines[:start])


def drop_related_links(text: str, tree: lxml_html.HtmlElement) -> str:
    """`text` (a paragraph a line) without its "Related: <headline>" lines whose headline is the
    text of a link on the page: teasers of other articles set between the body's paragraphs."""
    lines = text.split("\n")
    related = {index: match.group(1) for index, match in ((i, _RELATED_LINE.match(line.strip())) for i, line in enumerate(lines)) if match}
    if not related:
        return text
    link_texts = {_normal(_text(anchor)) for anchor in tree.iter("a")}
    dropped = {index for index, headline in related.items() if _normal(headline) in link_texts}
    if not dropped:
        return text
    return "\n\n".join(line for index, line in enumerate(lines) if index not in dropped and line.strip())


def _label_kind(line: str, in_lead: bool) -> str | None:
    """The kind of label `line` is (a `DROPPED_LABELS` name), or None for a line of the article."""
    bare = line.strip().lstrip("-*#").strip()
    words = len(bare.split())
    if words > MAX_READ_TIME_WORDS:
        return None  # every label is shorter: most lines end here
    if _READ_TIME.search(bare):
        return "read_time"
    if words <= _MAX_LABEL_WORDS and _normal(bare) in _LABELS:
        return "label"
    if in_lead and _DATE_LINE.match(bare):
        return "date"
    if in_lead and _BYLINE.match(bare):
        return "byline"
    return None


def drop_label_lines(text: str) -> str:
    """`text` (a paragraph a line) without its label lines (`DROPPED_LABELS`): a reading time, a contents or
    related-posts heading or a share line standing alone, and before the first line of `LEAD_LINE_WORDS` words
    a date or a byline standing alone (thirteenth session). A text made only of such lines is kept."""
    if not DROPPED_LABELS:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    lead = next((index for index, line in enumerate(lines) if len(line.split()) >= LEAD_LINE_WORDS), len(lines))
    kept = [line for index, line in enumerate(lines) if _label_kind(line, index < lead) not in DROPPED_LABELS]
    if len(kept) == len(lines) or not kept:
        return text
    return "\n\n".join(kept)
