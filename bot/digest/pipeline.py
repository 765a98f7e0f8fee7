"""The digest pipeline: source -> raw document -> article -> language -> sentences -> digest.

`digest_document` is the CPU-bound part. It takes and returns plain, picklable
data so the bot can run it in a worker process; it never raises: a failure
comes back as a digest whose `error` is a one-line message for the user.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

# One BLAS thread per process, set before numpy loads: the summarizer's matrices are small, and
# OpenBLAS's spinning helper threads slowed them many times over on a busy 2-core host.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bot.digest.extract.paste import clean_paste  # noqa: E402 (after the BLAS setting)
from bot.digest.extract.paste.features import search_with_cues
from bot.digest.extract.paste.promo import is_promo_line
from bot.digest.figures.figure_finder import find_figures
from bot.digest.front_rules import LIST_SYMBOLS, MAX_SENTENCES, count_words
from bot.digest.hedges.hedge_marker import mark_sentence, text_register
from bot.digest.input_guard import screen_text
from bot.digest.language.language_detector import detect_language
from bot.digest.models import Article, Digest, DigestError, MarkedSentence, Sentence, Stats
# The sentence splitter reads a tab or no-break space as a space and runs of spaces as one (`tidy_spaces`); the
# digest's `text` is tidied by the same function, so that every summary sentence stands in it verbatim (a paste keeps
# the page's no-break spaces), and the splitter finds it tidy already.
from bot.digest.segment.sentence_splitter import split_sentences, tidy_spaces
from bot.digest.sources import RawDocument
from bot.digest.summarize.summarizer import load_model, sentence_count_for, summarize
from bot.digest.summarize.unfit import is_menu_run
from bot.settings import DigestSettings

log = logging.getLogger(__name__)

_WORDS = re.compile(r"\w+")
# The site speaking about itself, not the article: its cookies, the reader's browser or JavaScript, its
# copyright line, its sign-up nudges, a call to click. Never a summary sentence (the paste cleaner's
# `is_promo_line` names more kinds).
_SITE_NOTICE = re.compile(
    r"\bcookies?\b(?=.{0,80}\b(?:browser|consent|cookie settings|set by|set through|privacy|tracking|personali[sz]|analytics|"
    r"your device|preferences|cookie policy|(?:this|our) (?:web)?site)\w*)"
    r"|\b(?:we|this (?:web)?site|our (?:web)?site) (?:use|uses|may use|and our partners use) (?:\w+ ){0,3}cookies\b"
    r"|\bjavascript\b.{0,60}\b(?:enabled?|disabled?|turned off|is off|not supported|switch(?:ed)? off)\b"
    r"|\b(?:enable|turn on|requires?(?: the use of)?(?: modern)?) javascript\b"
    r"|\byour (?:web )?browser (?:is (?:out of date|not supported|outdated)|does not support|doesn[’']t support)"
    r"|(?:copyright|\(c\)|©)\s*(?:©\s*)?(?:\d{4}|by\b).{0,200}$|\ball rights reserved\b"
    r"|(?:^|[—–:!]\s*|\. )(?:sign up|subscribe|register) (?:\w+ ){0,3}(?:for|to) (?:\w+ ){0,3}(?:newsletters?|alerts|emails?|updates|deals)\b"
    r"|\b(?:log ?in|sign ?in) to (?:close|comment|continue reading|see|view|provide feedback|leave a|post a|write a)\b"
    r"|\bcookies?(?: (?:&|and) [\w ]{1,30})? (?:policy|notice|statement|settings)\b"
    r"|\b(?:accept all|you consent|you agree)\b.{0,60}\bcookies\b"
    # a call to click, opening the sentence ("Click here to get more information or download this game.", fifteenth session)
    r"|^\W*(?:please\s+)?click here\b",
    re.IGNORECASE,
)
# Every match of _SITE_NOTICE, lower-cased, holds one of these ("cookies" holds "cookie"; "log in to", "login to",
# "sign in to" and "signin to" hold "in to ").
_SITE_NOTICE_CUES = (
    "cookie", "javascript", "browser", "copyright", "(c)", "©", "all rights reserved", "sign up", "subscribe", "register",
    "in to ", "click here",
)
TABLE_ROW_BARS = 3  # "| DL | Larry Ogunjobi | 63 | 85% |", "Free shipping over $59 | $3 over $35 | ...": cells, not a sentence
LEAD_LINE_MIN_WORDS = 3  # a fallback summary line says something: not "Menu", not "Sold by"
LEAD_LINE_FULL_WORDS = 5  # a fallback line that names an item or says something; a shorter one is mostly a label
# A list item's mark at the start of a line: a dash, a bullet or an asterisk, a number with "." or ")" or a letter with ")", then
# a space ("- Body: Alder", "• 22 medium jumbo frets", "3) Preheat the oven", "(b) ..."; not "A. Smith"). The fallback
# judges the item's text.
_LIST_MARK = re.compile(rf"^\s*(?:[{LIST_SYMBOLS}]|\(?\d{{1,2}}[.)]|\(?[A-Za-z]\))\s+(?=\S)")


NOTHING_TO_SUMMARIZE = "No sentence here can stand as a summary (only short lines, or the same few repeated)."


@dataclass(frozen=True)
class DigestOptions:
    sentences: int | None = None  # None: scaled with the article's length
    language: str | None = None  # ISO code that overrides detection


def _too_short(words: int, settings: DigestSettings) -> str:
    return f"The text is too short to summarize ({words} words; at least {settings.min_words} needed)."


def extract_article(document: RawDocument, settings: DigestSettings) -> Article:
    """The article in a raw document: HTML through the extractor, text through the paste cleaner, a PDF through pdf_extractor."""
    if document.kind == "pdf":
        from bot.digest.extract.pdf_extractor import extract_pdf  # imported here, as for HTML: text files never need it

        return extract_pdf(document.data or b"", source=document.source, url=document.url, settings=settings)
    if document.kind == "html":
        # Imported here: trafilatura and lxml cost a quarter of a second, and a text file never needs them.
        from bot.digest.extract.html.prune import drop_inline_svg, drop_long_attributes, drop_scripts_and_styles
        from bot.digest.extract.html_extractor import extract_html

        # A page's inline scripts and style sheets are no part of it: out before the size limit and the parse.
        text = drop_scripts_and_styles(document.text)
        if len(text) > settings.max_input_chars:  # only then: the classifier's features count the drawings' elements
            text = drop_inline_svg(text)
        if len(text) > settings.max_input_chars:  # and long attribute values (JSON data), which nothing reads
            text = drop_long_attributes(text)
        text = screen_text(text, document.kind, settings)
        return extract_html(text, source=document.source, url=document.url, max_elements=settings.max_html_elements)
    # Refuses oversized, empty, binary and link-only input; tames control characters and diacritic floods.
    text = screen_text(document.text, document.kind, settings)
    cleaned = clean_paste(text)
    if not cleaned.body.strip():
        # A line or two is taken for a headline; say what the user needs to hear: it is too short.
        words = count_words(text)
        if words < settings.min_words:
            raise DigestError(_too_short(words, settings))
        raise DigestError("No article text was found in what was sent.")
    return Article(title=cleaned.title, text=cleaned.body, source=document.source, url=document.url, origin="text")


def lead_lines(sentences: list[Sentence], title: str, count: int) -> list[int]:
    """The first `count` lines fit to stand as a summary bullet (`_fit_lead_line`): the summary of a page that holds
    only headings and short lines (a list of recipes, a shop's shelf), where the summarizer finds no sentence it may
    choose and a reader would otherwise get none. Lines of LEAD_LINE_FULL_WORDS words or more come first, the short
    ones only where there are none: a line of three or four words on such a page is mostly a label ("Explore Dinner
    Recipes", "Sell it back", "30 day return policy"), an item's name is longer."""
    title_key = _line_key(title)
    items = list_items(sentences)  # a list's item judged without its mark
    keys = [_line_key(item) for item in items]
    copies = Counter(keys)
    fit = [(s.index, len(key.split())) for s, item, key in zip(sentences, items, keys)
           if _fit_lead_line(item, key, title_key, copies[key])]
    full = [index for index, words in fit if words >= LEAD_LINE_FULL_WORDS]
    return (full or [index for index, _ in fit])[:count]


def list_items(sentences: Sequence[Sentence]) -> list[str]:
    """Each sentence's text, a list's item without its mark (`list_item_text`): a line with a mark next to another
    (a list holds two items or more); a lone marked line is left as it is, a fragment as often as an item
    ("- Standard delivery free" after a seller's name on a shop's page)."""
    marked = [bool(_LIST_MARK.match(sentence.text)) for sentence in sentences]
    in_list = [m and ((i > 0 and marked[i - 1]) or (i + 1 < len(marked) and marked[i + 1])) for i, m in enumerate(marked)]
    return [list_item_text(s.text) if listed else s.text for s, listed in zip(sentences, in_list)]


def list_item_text(text: str) -> str:
    """`text` without a list item's mark at its start (`_LIST_MARK`: "- Body: Alder" -> "Body: Alder"); other text as
    it is. The summary keeps the line verbatim, mark and all (the JSON's sentence stands in `text` at its index); only
    the fallback's judgement reads the item's text (fifteenth session, emptysum6: a page of nothing but list items, a
    guitar's specification, had no summary at all)."""
    return _LIST_MARK.sub("", text, count=1)


def _line_key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _fit_lead_line(text: str, key: str, title_key: str, copies: int) -> bool:
    """A line of at least LEAD_LINE_MIN_WORDS words that is none of these (fifteenth session, sweep6):
    - a line that opens with punctuation: a list item's tail or a broken fragment (", shipped by ..."); a list item
      is judged by its text without its mark (`list_item_text`, `lead_lines`);
    - the title again, or a part of it ("Faux leather jacket - black" under "BershkaFaux leather jacket - black");
    - a line the page shows more than once: a card's badge or a label ("Ends 4/30", "Sold out", "Watercolors & Sets");
    - a line ending in a comma, a semicolon or a colon: a label or a line cut short ("1,000+ relevant results,",
      "Outer fabric material:");
    - a row of a table or of a bar-separated list ("FREE Shipping On Orders $59+ | $3 Shipping On ... | ..."), or a
      site notice (`is_site_notice`), as the summarizer passes over them (`passed_over`)."""
    return (
        len(key.split()) >= LEAD_LINE_MIN_WORDS
        and text[:1].isalnum()
        and key not in title_key
        and copies == 1
        and text.rstrip()[-1:] not in ",;:"
        and text.count("|") < TABLE_ROW_BARS
        and not is_site_notice(text)
    )


def _ends_open(text: str) -> bool:
    """The sentence ends on a letter, a digit or a comma-like mark, its closing quotes and brackets aside: in
    any script, a sentence the splitter ended at a stop ("।", "؟", "。") ends otherwise."""
    last = text.rstrip().rstrip("\"'”’»)]")[-1:]
    return last.isalnum() or last in ",;:"


def is_site_notice(text: str) -> bool:
    """A sentence in which the site speaks about itself (cookies, the browser, its copyright, a sign-up
    nudge, a consent banner or call to action as the paste cleaner knows them), never the article."""
    return _names_the_site(text) or is_promo_line(text)


def _names_the_site(text: str) -> bool:
    """`_SITE_NOTICE.search(text)`, the regex skipped on a plain text (ASCII and common punctuation, `is_plain`) whose
    lower-cased form holds none of _SITE_NOTICE_CUES: on such text IGNORECASE matches exactly what lower-casing
    equates (the letters re also folds to i and s, "ı" and "ſ", are not plain), and each branch holds a cue."""
    return search_with_cues(_SITE_NOTICE, _SITE_NOTICE_CUES, text)


def passed_over(sentence: Sentence) -> bool:
    """A sentence the summarizer must pass over: a site notice, a row of a table or of a bar-separated list, or
    a sentence that is no heading yet ends with no stop: the last piece of a line the splitter cut ("11.1.
    Introduction" gives "11.1." and "Introduction"), or a sentence cut at a line break ("... like authorship,").
    The splitter calls a whole unpunctuated line a heading; its last piece is as much a heading, and a summary
    bullet made of it reads as a bare heading or a sentence cut short."""
    text = sentence.text
    return not sentence.is_heading and (_ends_open(text) or text.count("|") >= TABLE_ROW_BARS or is_site_notice(text))


class NotForSummary(AbstractSet[int]):
    """The indices of the sentences `passed_over` holds, each judged when first asked about: the summarizer
    asks only about the candidates its pick reaches (`summarizer.select`, about 5 a text), and judging every
    sentence of a long text (the paste cleaner's promo patterns on each) cost 14 % of a 100,000-word digest."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = {s.index: s for s in sentences}
        self._judged: dict[int, bool] = {}

    def __contains__(self, index: object) -> bool:
        if index not in self._judged:
            sentence = self._sentences.get(index)  # type: ignore[call-overload]
            self._judged[index] = sentence is not None and passed_over(sentence)  # type: ignore[index]
        return self._judged[index]  # type: ignore[index]

    def __iter__(self) -> Iterator[int]:
        return (index for index in self._sentences if index in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def not_for_summary(sentences: Sequence[Sentence]) -> NotForSummary:
    """The sentences the summarizer must pass over (`passed_over`), judged lazily."""
    return NotForSummary(sentences)


def is_listable_claim(text: str) -> bool:
    """A marked sentence the hedged claims' list may show: not the site speaking about itself (`is_site_notice`: "We
    may earn commission on some of the items you choose to buy.", "If you don't know how to turn on Javascript, click
    here for help.") and not a menu read as one sentence (`unfit.is_menu_run`). The summary passes over the same
    sentences; a hedge mark on them is no claim of the page's."""
    return not is_site_notice(text) and not is_menu_run(text)


def digest_article(article: Article, settings: DigestSettings, options: DigestOptions = DigestOptions()) -> Digest:
    words_in = count_words(article.text)
    if article.behind_sign_in:  # "Create an account today." is no digest of a sign-in wall
        raise DigestError(f"The page asks the reader to sign in: it shows {words_in} words without an account, "
                          f"no article to summarize.")
    if words_in < settings.min_words:
        raise DigestError(_too_short(words_in, settings))
    text = tidy_spaces(article.text)
    language = detect_language(text, options.language)
    sentences = split_sentences(text, language.code)
    if options.sentences is not None:
        count = max(1, min(options.sentences, MAX_SENTENCES))
    else:
        count = sentence_count_for(len(sentences), settings.min_sentences, settings.max_sentences)
    chosen = summarize(sentences, article.title, language, count, skip=not_for_summary(sentences),
                       model=load_model(settings.summary_model))
    if not chosen:  # nothing but headings and short lines: the first of them, rather than an empty summary
        chosen = lead_lines(sentences, article.title, count)
    if not chosen:  # not one line fit either: a few short sentences pasted again and again (sixteenth session, bench/hostile.py)
        raise DigestError(NOTHING_TO_SUMMARIZE)
    scientific = text_register([s.text for s in sentences if not s.is_heading], language.code)
    marked = [MarkedSentence(s.text, s.index, *mark_sentence(s.text, language.code, scientific)) if not s.is_heading
              else MarkedSentence(s.text, s.index) for s in sentences]
    summary = [marked[i] for i in chosen]
    hedges = [s for s in marked if s.hedge is not None and is_listable_claim(s.text)]
    figures = find_figures(
        sentences, limit=settings.max_figures, language_code=language.code, summary=chosen, title=article.title
    )
    return Digest(
        source=article.source,
        title=article.title,
        language=language.code,
        language_note=language.note,
        text=text,
        url=article.url,
        author=article.author,
        date=article.date,
        summary=summary,
        figures=figures,
        hedges=hedges,
        stats=Stats(words_in=words_in, words_out=sum(count_words(s.text) for s in summary)),
    )


def _failed(source: str, message: str, title: str = "") -> Digest:
    return Digest(source=source, title=title, error=message)


def digest_document(
    document: RawDocument, settings: DigestSettings, options: DigestOptions = DigestOptions()
) -> Digest:
    """Extract and digest one document; failures come back in `Digest.error`."""
    try:
        return digest_article(extract_article(document, settings), settings, options)
    except DigestError as exc:
        return _failed(document.source, str(exc), exc.title)
    except Exception:  # a bug must cost one digest, never the process serving everyone
        log.exception("digest of %s failed", document.source)
        return _failed(document.source, "Something went wrong while reading this article.")


def extract_document(document: RawDocument, settings: DigestSettings, options: DigestOptions = DigestOptions()) -> Digest:
    """Only the cleaned article (title, body, language): the `extract` command."""
    try:
        article = extract_article(document, settings)
        language = None
        try:
            language = detect_language(article.text, options.language).code
        except DigestError:
            pass  # extraction does not need the language; leave it unknown
        return Digest(
            source=article.source,
            title=article.title,
            language=language,
            text=article.text,
            url=article.url,
            author=article.author,
            date=article.date,
            stats=Stats(words_in=count_words(article.text), words_out=0),
        )
    except DigestError as exc:
        return _failed(document.source, str(exc), exc.title)
    except Exception:
        log.exception("extraction of %s failed", document.source)
        return _failed(document.source, "Something went wrong while reading this article.")

