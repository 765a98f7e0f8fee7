"""Sweep the product for digests a reader would call plainly broken (bench only).

Runs `python -m bot summarize --format json` (through bench.product, as every benchmark does) over a sample of
WCXB tune pages of every type, the ScrapingHub pages, the tune part of the WCXB pastes and the seeds, then flags
what a reader would see as wrong: an error on a page with text, a title that is a site name / "Home" / a date /
a cookie notice / empty, a summary sentence that is chrome, cut mid-word, a duplicate, a bare heading or a list
of links, a key figure from a copyright line / a phone number / a page or comment count / with nothing said about
what it counts, a hedge mark whose cue is not in the sentence, stats that do not add up, and Markdown or Discord
renderings that break (unbalanced ** or backticks, embed limits). Since the twelfth session also: a key figure of
value 0, from a store offer, from a line of code or counting a function word; a generic or unrelated title; a byline
that is a role or an address; a date in the future or before 1990; a hedge cue found only inside an identifier; a
summary sentence that is code or begins midway (docs/quality/sweep.md); since the thirteenth, a lower-case summary
sentence right after a cut in the text (`summary.begun_midway`) and one opening with a closing mark. Since the fifteenth,
a summary sentence is chrome only by the site's phrasing (`SUMMARY_CHROME`), and a manual page named in prose is no code.
Since the sixteenth (non-article digests read by hand): a question heading, a menu, a price row, a teaser, a cut at a
unit's dot, a store banner, markup or mojibake, the title repeated, the language misread, a list mark shown twice, chrome
among the listed hedged claims; `--part held-out` counts the held-out pages (no examples).

    python -m bench.sweep ../shared/data --seeds ../shared/seeds [--per-type 60] [--examples 3] [--out FILE]

The JSON answers are cached in /tmp/bughunt/sweep/ by the checkout's HEAD and sample (pass --fresh to rerun).
Only the tune parts of WCXB and of its pastes are read (bench/splits.py); nothing here sets a threshold of the
product.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import re
import subprocess
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.product import REPOSITORY, run_cli, write_documents
from bench.splits import wcxb_part
from bot.digest.figures.lexicon import UNIT_SYMBOLS

log = logging.getLogger(__name__)
CACHE = Path("/tmp/bughunt/sweep")
_WORD = re.compile(r"\w+")


@dataclass
class Item:
    """One document of the sample: where it comes from, what it is, and the words a reader would find in it."""

    set: str  # wcxb-<type>, scrapinghub, paste, seed
    id: str
    suffix: str
    text: str
    truth: str = ""
    url: str = ""
    title: str = ""  # WCXB's true title, where the set has one (twelfth session: `title.unrelated`)


# ---------------------------------------------------------------- the sample


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def wcxb_items(data: Path, per_type: int, part: str = "tune") -> list[Item]:
    """Up to `per_type` pages of each WCXB type of the part (tune unless said), chosen by a hash of the id (no look at
    their content)."""
    by_type: dict[str, list[Item]] = defaultdict(list)
    with gzip.open(data / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if wcxb_part(str(page["id"])) != part:
                continue
            by_type[page["type"]].append(
                Item(
                    f"wcxb-{page['type']}", str(page["id"]), ".html", page["html"], page.get("truth") or "", page.get("url") or "",
                    page.get("title") or "",
                )
            )
    chosen: list[Item] = []
    for items in by_type.values():
        chosen += sorted(items, key=lambda item: _hash("sweep" + item.id))[:per_type]
    return chosen


def scrapinghub_items(data: Path) -> list[Item]:
    folder = data / "article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for page_id, entry in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            items.append(Item("scrapinghub", page_id, ".html", html, entry.get("articleBody") or "", entry.get("url") or ""))
    return items


def paste_items(data: Path, limit: int) -> list[Item]:
    """Tune WCXB pastes (same split rule as the pages); ScrapingHub pastes are left to bench.pastes."""
    items = []
    with gzip.open(data / "pastes" / "wcxb-dev-articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            paste = json.loads(line)
            if paste.get("error") or wcxb_part(str(paste["id"])) != "tune":
                continue
            items.append(Item("paste", str(paste["id"]), ".txt", paste["paste"], paste.get("truth") or "", paste.get("url") or ""))
    return sorted(items, key=lambda item: _hash("sweep" + item.id))[:limit]


def seed_items(folder: Path | None) -> list[Item]:
    if folder is None or not folder.is_dir():
        return []
    return [Item("seed", path.stem, path.suffix, path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir()) if path.is_file()]


def _head() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPOSITORY, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "bot"], capture_output=True, text=True, cwd=REPOSITORY, check=False)
    return done.stdout.strip() + ("-dirty" + _hash(dirty.stdout)[:6] if dirty.stdout.strip() else "")


def run_sample(items: list[Item], fresh: bool) -> list[dict[str, Any]]:
    """The command line's JSON for every item, cached by the code's commit and the sample."""
    key = _hash(_head() + "|" + "|".join(f"{i.set}:{i.id}" for i in items))[:12]
    cached = CACHE / f"{_head()}-{key}.jsonl"
    if cached.exists() and not fresh:
        return [json.loads(line) for line in cached.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory(prefix="sweep-") as folder:
        paths = write_documents(Path(folder), ((f"{n:04d}_{i.set}_{i.id[:16]}", i.suffix, i.text) for n, i in enumerate(items)))
        results = run_cli("summarize", paths, batch=60, jobs=1)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    return results


# ---------------------------------------------------------------- the checks

CHROME = re.compile(
    r"\b(cookies?|newsletter|subscribe|sign (?:in|up)|log ?in|log ?out|all rights reserved|share (?:this|on)|"
    r"follow us|click here|privacy policy|terms of (?:use|service)|javascript|your browser|advertisement)\b|©",
    re.IGNORECASE,
)
# Fifteenth session (sweep6): a summary sentence is chrome by a word that never means anything else on a page, or by
# the site's phrasing around a word prose uses too. "Cookies" (food, HTTP), "login" (a noun), "sign up" (subscribers),
# "JavaScript" (the language) and "your browser" (where a game streams) alone flagged 11 of main's 12 summary.chrome
# documents, all prose; "Click here to get more information or download this game." was the one chrome sentence.
SUMMARY_CHROME = re.compile(
    r"\b(?:newsletter|subscribe|sign in|all rights reserved|share (?:this|on)|follow us|click here|privacy policy|"
    r"terms of (?:use|service)|advertisement)\b|©"
    r"|\b(?:use|uses|accept|allow|enable|block|disable|consent to)\s+(?:all\s+|our\s+|the\s+)?cookies\b"
    r"|\bcookies?\s+(?:policy|settings|consent|preferences|notice|banner)\b"
    r"|\b(?:enable|turn on|requires?)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required|turned off|not supported)\b"
    r"|\byour\s+browser\s+(?:is|does|doesn)\b"
    r"|\b(?:log ?in|sign ?up|sign in)\s+(?:to|for)\s+(?:comment|continue|view|see|post|reply|our|free|the newsletter|updates)\b",
    re.IGNORECASE,
)
TITLE_SITE_WORDS = re.compile(r"^(home|homepage|home page|welcome|index|untitled|page not found|404|access denied|just a moment\W*)$", re.I)
DATE_ONLY = re.compile(
    r"^\W*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})\W*$",
    re.IGNORECASE,
)
BREADCRUMB = re.compile(r"(\s[>»›/]\s.*){2,}")
ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});", re.IGNORECASE)
PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[-. ]\d{3}[-. ]\d{3,4}$")
PAGE_COUNTS = {"comments", "comment", "replies", "reply", "views", "view", "likes", "like", "shares", "pages", "page", "reviews",
               "posts", "followers", "votes", "answers", "results", "items", "members", "stars", "ratings"}
# Twelfth session: kinds a reader calls broken that the first sweep did not look for.
# A section's or a site's label as a title: names no page a reader could tell apart.
GENERIC_TITLE = re.compile(
    r"^(blogs?|news|latest news|articles?|posts?|products?|all products|shop|store|search|search results|docs|"
    r"documentation|forums?|community|discussions?|log ?in|sign ?in|menu|navigation|contact(?: us)?|about(?: us)?|"
    r"categor(?:y|ies)|archives?|tags?|collections?|catalog(?:ue)?|faqs?|help|support|resources|services|our services|"
    r"events|careers|main menu|skip to (?:main )?content|shopping cart|cart|my account|account)$",
    re.IGNORECASE,
)
# Thirteenth session (sweep4): an accessibility skip link as the title, however worded.
SKIP_LINK = re.compile(r"^(?:skip|jump)\s+(?:to\s+(?:the\s+)?(?:main\s+|primary\s+|page\s+)?(?:content|navigation|menu|search|article)|"
                       r"(?:main\s+)?navigation|(?:main\s+)?content)\b", re.IGNORECASE)
# A byline that is a role or a desk, not a person: "Staff", "Editor", "Admin", "Editorial Team".
AUTHOR_ROLE = re.compile(
    r"^(?:the\s+)?(?:(?:site|web|news|editorial|content|marketing|support|customer|community)\s+)?(?:staff(?:\s+(?:writer|reporter)s?)?|"
    r"editors?|editorial(?:\s+(?:team|staff|board|desk))?|admin(?:istrator)?s?|authors?|contributors?|guest(?:\s+(?:author|writer|post))?|"
    r"team|desk|newsroom|moderators?|webmaster|anonymous|unknown|users?|members?|writers?|reporters?)$"
    r"|^\w*admin\w*$|\b(?:desk|staff|team)$|^(?:гость|gast|invitado|invité|ospite|convidado)$",  # "jdadmin", "TOI Lifestyle Desk", "Гость"
    re.IGNORECASE,
)
FIRST_WEB_DATE, SWEEP_DAY = "1990", "2026-12-05"  # no page of the web was published before 1991; nothing after today
STOP_WORDS = frozenset(
    "a an the of in on at to for from by with and or but is are was were be been it its this that these those he she they "
    "we you i me my our your their his her them us as so than then there here if not no yes all any some each more most "
    "other such only own same too very can will just do does did have has had what which who whom whose when where why how".split()
)
# A store's offer as a money figure, read right after the figure: "$30 in card rewards", "$10 off", "a $5 gift card",
# "2% cash back", "$20 bonus" (a price or a saving an article reports is not one).
PROMOTION_AFTER = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,3}?(?:rewards?|cash ?back|gift cards?|store credit|coupons?|promo codes?|bonus|off\b(?! the| of| to| from))",
    re.IGNORECASE,
)
# A line of code or a shell command as a summary sentence (documentation pages, forums).
CODE_SIGNS = re.compile(
    r"[{};]\s*$|^\s*(?:import|from \S+ import|def|class|return|var|let|const|function|public|private|#include|\$|>>>|"
    r"npm|pip|git|sudo|cd|curl|docker|kubectl)\s|\w\([^()]*\)\s*[;{]|==|=>|->|::|</?[a-z]+[^>]*>|\b\w+_\w+\s*[=(]|"
    r"\b\w+\.\w+\([^()]*\)|^\s*[\w.]+\s*=\s*\S"
)
CLOSING = tuple(".!?…:;\"'”’)»]。！？")
OPENING_MARKS = tuple(",;)]}»”’")  # a summary sentence opening with one of these was cut from the words before it
LINK_SEPARATORS = re.compile(r"\s[|•·]\s")
# A manual page named in prose, "systemd.unit(5)": a reference, not a call (fifteenth session: "See systemd.unit(5) for
# details." was main's one summary.code document).
MAN_PAGE_REFERENCE = re.compile(r"\b([\w.-]+)\(\d[a-z]*\)")


# Sixteenth session (sweep7): what a Discord user reading digests of forum, product, listing, collection, service and
# documentation pages notices (docs/quality/sweep.md, sixteenth session; 20 tune pages of each type read by hand).
QUESTION_LINE_WORDS = 8  # a question of at most this many words standing alone on its line: a heading or a widget's prompt
# A menu or a row of cards read as one sentence: this many words or more, most of them capitalised ("Skip to main content
# Skip to navigation Support the Guardian ...", "Shop by category Antiques Art Coins & Paper Money ...").
MENU_RUN_WORDS, MENU_RUN_CAPITALISED = 40, 0.5
MENU_RUN_WORDS_PER_MARK = 15  # a list of names in prose has its commas or semicolons ("the Art Institute of Chicago; the ...")
PRICE = re.compile(r"(?:[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:€|\$|USD|EUR|GBP)(?!\w))")
# A shop card's or price table's words beside a price: "Free shipping", "Sale price:", "or Best Offer", "Only 1 left!".
SHOP_WORDS = re.compile(
    r"\b(?:free (?:international )?shipping|free delivery|sale price|original price|current price|regular price|list price|"
    r"best offer|only \d+ left|add to (?:cart|bag|basket)|in stock|out of stock|sold out|limited time|price reduced|"
    r"price was|starting at|buy now|shop now)\b",
    re.IGNORECASE,
)
# A teaser cut by the site: ends with "..." or "…" right after a word ("... and emerge...", "Noir +...").
TEASER_END = re.compile(r"[\w+)]\s?(?:\.\.\.|…)[\"'”’)]?$")
# A sentence the splitter ended at a unit abbreviated after a number ("Includes a 72 oz." / "pitcher ..."): cut in half.
UNIT_ABBREVIATION_END = re.compile(r"\d\s?(?:oz|lbs?|in|ft|yds?|qts?|pts?|gal|fl|sq|mo|yrs?|hrs?|mins?|secs?|pcs?|ct|kt|approx)\.$",
                                   re.IGNORECASE)
# A store's banner or a call to the reader, not the page's description: offers, "call for", "chat with an expert",
# "leave your email", a feedback prompt.
STORE_BANNER = re.compile(
    r"^\W*(?:save|get|earn|take) (?:up to |an extra |over )?(?:[$€£]\d[\d,.]*|\d+%)"
    r"|\b(?:card rewards|when approved for|gift card with|in-store availability|see any errors|leave your email|"
    r"chat with (?:an|our) (?:expert|agent|specialist)s?|shop (?:now|the sale)|order (?:now|today)|free shipping on orders)"
    r"|^\W*call (?:us|now|today|for (?:in-store|availability|a (?:free )?quote|details|pricing))\b",  # not "call for better pay"
    re.IGNORECASE,
)
# Markup or broken encoding a reader sees as such: literal bold marks, "*br*", an HTML tag, mojibake ("â 1 3 6", "Ã©").
MARKUP_JUNK = re.compile(r"\*\*\S|\*br\*|</?(?:br|p|div|span|b|strong|em)\s*/?>|&(?:lt|gt|nbsp);|â[\x80-\x9f€™“”¢¦]|â(?=\s)|Ã[\x80-\xbf©¨¤§]")
# A list mark shown twice: the renderer's bullet, then the page's own ("- - Some functional widgets may require ...").
DOUBLE_MARK = re.compile(r"^- (?:\\?[-*•·–]|\\\*)\s")
# The function words of a few languages: a text the product reads as one language whose words are mostly another's.
FUNCTION_WORDS = {
    # words of one language only among these six (no "de", "en", "die", "la" shared by two)
    "en": frozenset("the and of to is that for with you are this it on be".split()),
    "fr": frozenset("le les des et est pour avec une du sur dans au pas vous".split()),
    "de": frozenset("der das und ist mit für nicht ein eine den zu auf sie".split()),
    "es": frozenset("el los las y es para con una del por que su como".split()),
    "it": frozenset("il gli della con che di è sono nel alla".split()),
    "nl": frozenset("het een van voor met niet zijn ook dat je".split()),
}
MISREAD_RATIO, MISREAD_MIN = 1.5, 20  # another language's function words this many times the read one's, and at least this many


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _site_words(url: str) -> set[str]:
    host = urlsplit(url).hostname or ""
    return {part for part in host.lower().split(".") if part not in ("www", "com", "org", "net", "co", "uk", "de", "fr", "io", "gov", "edu")}


def check_error(item: Item, result: dict[str, Any]) -> list[str]:
    if result.get("error") and _words(item.truth) >= 50:
        return [f"error on a page with {_words(item.truth)} true words: {result['error']}"]
    return []


def check_title(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    if result.get("error"):
        return []
    title = (result.get("title") or "").strip()
    found: list[tuple[str, str]] = []
    if not title:
        return [("title.empty", "")]
    if TITLE_SITE_WORDS.match(title):
        found.append(("title.home", title))
    if DATE_ONLY.match(title):
        found.append(("title.date", title))
    if CHROME.search(title) and _words(title) <= 12 and re.search(r"cookie|privacy|sign in|log ?in|subscribe", title, re.I):
        found.append(("title.chrome", title))
    if BREADCRUMB.search(title):
        found.append(("title.breadcrumb", title))
    if ENTITY.search(title):
        found.append(("title.entity", title))
    if item.url and _norm(title).replace(" ", "") in _site_words(item.url) and _words(item.truth) >= 50:
        found.append(("title.site_name", title))
    if len(title) > 250:
        found.append(("title.too_long", title[:120] + "…"))
    if re.search(r"[\s][|\-–—:»·]$|^[|\-–—:»·]\s", title):
        found.append(("title.dangling_separator", title))
    if SKIP_LINK.match(title):  # sweep4: an accessibility skip link of any wording
        found.append(("title.skip_link", title))
    true_key = _norm(item.title)
    if GENERIC_TITLE.match(title) and _norm(title) != true_key:
        found.append(("title.generic", title))
    if true_key and _content_words(title).isdisjoint(_content_words(item.title)):
        found.append(("title.unrelated", f"{title} | true: {item.title}"))
    return found


def _content_words(text: str) -> set[str]:
    return {word for word in _norm(text).split() if word not in STOP_WORDS}


def check_byline(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    """Author and date as the reader sees them under the title."""
    found: list[tuple[str, str]] = []
    author = (result.get("author") or "").strip()
    date = (result.get("date") or "").strip()
    if author and (re.search(r"https?:|www\.|@\w+\.\w+|^by\b|\d{4}", author, re.I) or _words(author) > 12 or CHROME.search(author)):
        found.append(("author.odd", author[:120]))
    if author and AUTHOR_ROLE.match(author):
        found.append(("author.role", author))
    # the site's address as its byline ("TaxSlayerPro.com"); a person's own site ("Ben Nadel" on bennadel.com) is fine
    if author and re.search(r"\w\.(?:com|org|net|co|io|gov|edu|info)\b", author, re.IGNORECASE):
        found.append(("author.site_name", f"{author} | {urlsplit(item.url).hostname}"))
    # sweep4: the address as trafilatura cleans it ("TaxSlayerPro com" on www.taxslayerpro.com)
    host = (urlsplit(item.url).hostname or "").lower().removeprefix("www.") if item.url else ""
    if author and host and ".".join(re.split(r"[\s.]+", author.lower().strip())) == host:
        found.append(("author.site_address", f"{author} | {host}"))
    if author and _credits_the_site(author, item):  # sweep5: "Troy L. Smith, Cleveland.com", "X | Y Media for NJ.com"
        found.append(("author.site_credit", f"{author} | {host}"))
    if date:
        if not re.match(r"^\d{4}-\d{2}-\d{2}", date):
            found.append(("date.not_iso", date))
        elif date[:10] > SWEEP_DAY:
            found.append(("date.future", date))
        elif date[:4] < FIRST_WEB_DATE:
            found.append(("date.before_1990", date))
    return found


OG_SITE_NAME = re.compile(r"<meta[^>]+property=[\"']og:site_name[\"'][^>]*content=[\"']([^\"']+)", re.IGNORECASE)


def _credits_the_site(author: str, item: Item) -> bool:
    """The byline's last part after a comma or a bar (or the site after "<outlet> for") is the site: its host with or
    without "www.", a label of it ("cleveland"), or the og:site_name its HTML declares."""
    parts = re.split(r"\s*[,|]\s*", author.strip())
    if len(parts) < 2 or not parts[0]:
        return False
    credit = parts[-1]
    outlet = re.match(r"\S.*?\s+for\s+(\S.*)$", credit, re.IGNORECASE)
    host = (urlsplit(item.url).hostname or "").lower() if item.url else ""
    declared = OG_SITE_NAME.search(item.text[:200_000]) if item.suffix in (".html", ".htm") else None
    names = {host, host.removeprefix("www."), *_site_words(item.url or ""), declared[1] if declared else ""}
    keys = {key for key in (re.sub(r"[\W_]+", "", name.lower()) for name in names) if len(key) >= 3}
    return any(re.sub(r"[\W_]+", "", said.lower()) in keys for said in (credit, outlet[1] if outlet else ""))


def _cut_mid_word(sentence: str, text: str) -> bool:
    """The sentence stands in the text with a letter right before or after it: it was cut inside a word."""
    at = text.find(sentence)
    if at < 0:
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(sentence)] if at + len(sentence) < len(text) else " "
    return (before.isalnum() and sentence[:1].isalnum()) or (after.isalnum() and sentence[-1:].isalnum())


def check_summary(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    text = result.get("text") or ""
    seen: dict[str, str] = {}
    for sentence in result.get("summary") or []:
        words = sentence["text"]
        if SUMMARY_CHROME.search(words) and _words(words) <= 40:
            found.append(("summary.chrome", words))
        if _cut_mid_word(words, text):
            found.append(("summary.cut_mid_word", words))
        if words not in text:
            found.append(("summary.not_in_text", words))
        key = _norm(words)
        if key in seen:
            found.append(("summary.duplicate", words))
        elif any(key and (key in other or other in key) for other in seen if other and min(len(key), len(other)) >= 20):
            found.append(("summary.contained_in_other", words))
        seen[key] = words
        if not words.rstrip().endswith(CLOSING) and _words(words) <= 8:
            found.append(("summary.bare_heading", words))
        if len(LINK_SEPARATORS.findall(words)) >= 3:
            found.append(("summary.link_list", words))
        if ENTITY.search(words):
            found.append(("summary.entity", words))
        if re.search(r"\s{2,}|\n", words.strip()):
            found.append(("summary.inner_breaks", words))
        if _looks_like_code(words):
            found.append(("summary.code", words))
        if result.get("language") == "en" and re.match(r"[\"'“‘(]?[a-z][a-z]+\s", words) and not re.match(r"\S*[A-Z]", words):
            found.append(("summary.lowercase_start", words))  # a sentence begun midway ("to zero and vice versa.")
            if _after_cut(words, text):  # thirteenth session: of those, the ones that follow a cut in the text
                found.append(("summary.begun_midway", words))
        if words.lstrip()[:1] in OPENING_MARKS:
            found.append(("summary.opens_with_mark", words))  # ", and then ...", ") which ..."
        found += [(kind, words) for kind in _reader_kinds(words, text, result.get("title") or "")]
    return found


def _reader_kinds(sentence: str, text: str, title: str) -> list[str]:
    """Sixteenth session (sweep7): the kinds a reader of non-article digests notices in a summary sentence."""
    kinds = []
    if sentence.rstrip().endswith("?") and _words(sentence) <= QUESTION_LINE_WORDS and _alone_on_line(sentence, text):
        kinds.append("summary.question_line")  # "How do I choose?", "What is an Online Certificate Program?"
    words = sentence.split()
    if (len(words) >= MENU_RUN_WORDS and sum(w[:1].isupper() for w in words) >= MENU_RUN_CAPITALISED * len(words)
            and len(re.findall(r"[,;:]", sentence)) * MENU_RUN_WORDS_PER_MARK <= len(words)):
        kinds.append("summary.menu_run")
    if PRICE.search(sentence) and SHOP_WORDS.search(sentence):
        kinds.append("summary.price_row")  # "Sale price: $24.50Original price: $35.00Limited Time!"
    if TEASER_END.search(sentence.rstrip()):
        kinds.append("summary.teaser_cut")
    if UNIT_ABBREVIATION_END.search(sentence.rstrip()):
        kinds.append("summary.cut_at_unit")  # "Large Capacity: Includes a 72 oz."
    if STORE_BANNER.search(sentence):
        kinds.append("summary.store_banner")
    if MARKUP_JUNK.search(sentence):
        kinds.append("summary.markup")
    key, title_key = _norm(sentence), _norm(title)
    if key and len(key.split()) >= 4 and key in title_key:
        kinds.append("summary.repeats_title")
    return kinds


def _alone_on_line(sentence: str, text: str) -> bool:
    """The sentence is a whole line of the text (a line break or the text's edge on both sides)."""
    at = text.find(sentence)
    if at < 0:
        return False
    before, after = text[:at].rstrip(" "), text[at + len(sentence):].lstrip(" ")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def check_language(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    """The language the product read (`language`) against the function words of a few languages in its text: a French
    shop read as English ("Barbecue au charbon de bois ... language en") gets English stemming and stop words."""
    read = result.get("language") or ""
    words = _WORD.findall((result.get("text") or "").lower()[:20000])
    counts = {code: sum(1 for w in words if w in vocabulary) for code, vocabulary in FUNCTION_WORDS.items()}
    best = max(counts, key=lambda code: counts[code])
    if read in counts and best != read and counts[best] >= MISREAD_MIN and counts[best] >= MISREAD_RATIO * counts[read]:
        return [("language.misread", f"read {read} ({counts[read]} function words), {best} has {counts[best]}")]
    return []


def check_listed_hedges(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    """A hedged claim the fronts list after the summary (`hedges_to_list`) that is the site speaking: "If you don't know
    how to turn on Javascript, click here for help.", "Sign Up for free (or Log In if you already have an account) ..."."""
    from bot.digest.front_rules import hedges_to_list
    from bot.settings import DigestSettings

    if result.get("error"):
        return []
    listing = hedges_to_list(digest_from_json(result), DigestSettings())
    return [("hedge.chrome", claim.text[:200]) for claim in listing.shown if SUMMARY_CHROME.search(claim.text) or STORE_BANNER.search(claim.text)]


def _after_cut(sentence: str, text: str) -> bool:
    """The sentence stands in the text at its very start, glued to the character before it (".gov website"), or
    after text that ends without a stop (a line wrapped or an inline element cut from its line)."""
    at = text.find(sentence)
    if at < 0:
        return False
    before = text[:at]
    if not before.strip() or not before[-1:].isspace():
        return True
    return before.rstrip().rstrip("\"'”’»)]")[-1:] not in ".!?…。！？"


def _looks_like_code(sentence: str) -> bool:
    """A code sign and a fifth or more of its characters neither letters nor spaces, or a code keyword opening it."""
    sentence = MAN_PAGE_REFERENCE.sub(r"\1", sentence)
    if not CODE_SIGNS.search(sentence):
        return False
    symbols = sum(1 for ch in sentence if not (ch.isalpha() or ch.isspace()))
    return symbols >= 0.12 * len(sentence) or bool(re.match(r"\s*(?:import|def|class|var|let|const|function|#include|\$|>>>)\s", sentence))


def check_figures(item: Item, result: dict[str, Any], sentences: dict[int, str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for figure in result.get("figures") or []:
        shown = f"{figure['text']} | counts={figure['counts']!r} | quote={figure['quote']!r} | kind={figure['kind']}"
        sentence = sentences.get(figure["sentence"], "")
        if re.search(r"©|copyright|all rights reserved", sentence, re.I):
            found.append(("figure.copyright", shown + " | " + sentence[:120]))
        if PHONE.match(figure["text"].strip()):
            found.append(("figure.phone", shown + " | " + sentence[:120]))
        if figure["counts"].lower().strip() in PAGE_COUNTS:
            found.append(("figure.page_count", shown + " | " + sentence[:120]))
        if not figure["counts"].strip() and not figure["quote"].strip() and figure["kind"] not in ("date", "percent", "money"):
            found.append(("figure.counts_nothing", shown + " | " + sentence[:120]))
        counts = _counts_shown(figure)
        if counts and (not re.search(r"[^\W\d_]", counts) or ENTITY.search(counts) or re.search(r"[|<>{}\\]", counts)):
            found.append(("figure.counts_nonsense", shown))
        if sentence and figure["text"] not in sentence:
            found.append(("figure.not_in_sentence", shown + " | " + sentence[:120]))
        if figure.get("value") == 0:
            found.append(("figure.zero", shown + " | " + sentence[:120]))
        after = sentence[sentence.find(figure["text"]) + len(figure["text"]) :] if figure["text"] in sentence else ""
        if figure["kind"] in ("money", "percent") and PROMOTION_AFTER.search(after):
            found.append(("figure.promotion", shown + " | " + sentence[:120]))
        if sentence and _looks_like_code(sentence):
            found.append(("figure.in_code", shown + " | " + sentence[:120]))
        if figure["counts"].lower().strip() in STOP_WORDS and not (figure["kind"] == "measure" and figure["counts"] in UNIT_SYMBOLS):
            found.append(("figure.counts_stopword", shown + " | " + sentence[:120]))
    return found


def _counts_shown(figure: dict[str, Any]) -> str:
    """What a reader sees after the figure (models.Figure.counts_shown): "91°" shows no "°" again."""
    from bot.digest.models import Figure

    return Figure(**figure).counts_shown().strip()


def _inside_identifier(cue: str, sentence: str) -> bool:
    """The cue stands only inside a token a reader reads as a name, not a word: an identifier ("some_func",
    "post_install"), an address, a path, or a word glued to a number ("5Post")."""
    for token in sentence.split():
        at = token.lower().find(cue.lower())
        if at >= 0 and (re.search(r"[_/\d]|\w\.\w|://", token) or (at > 0 and token[at - 1].isalpha())):
            return True
    return False


def check_hedges(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in (result.get("hedges") or []) + [s for s in result.get("summary") or [] if s.get("hedge")]:
        cues = entry.get("cues") if "cues" in entry else entry["hedge"]["cues"]
        if not cues:
            found.append(("hedge.no_cue", entry["text"]))
        for cue in cues:
            if not re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", entry["text"], re.IGNORECASE):
                found.append(("hedge.cue_not_in_sentence", f"{cue!r} in {entry['text']}"))
                if _inside_identifier(cue, entry["text"]):
                    found.append(("hedge.cue_in_identifier", f"{cue!r} in {entry['text'][:200]}"))
    for entry in result.get("summary") or []:  # the lighter cues shown without calling the sentence hedged
        for cue in entry.get("soft_cues") or ():
            if not re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", entry["text"], re.IGNORECASE):
                found.append(("hedge.soft_cue_not_in_sentence", f"{cue!r} in {entry['text'][:200]}"))
    return found


def check_stats(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    from bot.digest.front_rules import count_words

    if result.get("error"):
        return []
    stats = result.get("stats") or {}
    found: list[tuple[str, str]] = []
    summary_words = sum(count_words(s["text"]) for s in result.get("summary") or [])
    if stats.get("words_out") != summary_words:
        found.append(("stats.words_out", f"{stats} vs summary {summary_words}"))
    if stats.get("words_in") != count_words(result.get("text") or ""):
        found.append(("stats.words_in", f"{stats} vs text {count_words(result.get('text') or '')}"))
    if stats.get("words_out", 0) > stats.get("words_in", 0):
        found.append(("stats.more_out_than_in", str(stats)))
    if not result.get("summary"):
        found.append(("summary.empty", (result.get("text") or "")[:120]))
    return found


def digest_from_json(result: dict[str, Any]) -> Any:
    from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats

    def marked(entry: dict[str, Any], hedge: dict[str, Any] | None) -> MarkedSentence:
        mark = Hedge(hedge["kind"], tuple(hedge["cues"])) if hedge else None
        return MarkedSentence(entry["text"], entry["index"], mark, tuple(entry.get("soft_cues") or ()))

    return Digest(
        source=result["source"], title=result.get("title") or "", language=result.get("language"), text=result.get("text") or "",
        url=result.get("url"), author=result.get("author"), date=result.get("date"), language_note=result.get("language_note"),
        summary=[marked(s, s.get("hedge")) for s in result.get("summary") or []],
        figures=[Figure(**f) for f in result.get("figures") or []],
        hedges=[marked(h, {"kind": h["kind"], "cues": h["cues"]}) for h in result.get("hedges") or []],
        stats=Stats(**(result.get("stats") or {"words_in": 0, "words_out": 0})),
        error=result.get("error"),
    )


def _unescaped(pattern: str, text: str) -> int:
    return len(re.findall(rf"(?<!\\){pattern}", text))


def check_rendering(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    """Markdown of the command line and the Discord embed, built from the JSON as the fronts build them."""
    if result.get("error"):
        return []
    from bot.cli.render import render_markdown
    from bot.settings import DigestSettings

    found: list[tuple[str, str]] = []
    digest = digest_from_json(result)
    markdown = render_markdown(digest, DigestSettings())
    for line in markdown.splitlines():
        if DOUBLE_MARK.match(line):  # sweep7: "- - Some functional widgets ..." in the hedged claims' list
            found.append(("render.double_mark", line[:160]))
        if _unescaped(r"\*\*", line) % 2:
            found.append(("render.markdown_bold", line[:160]))
        if _unescaped("`", line) % 2:
            found.append(("render.markdown_backtick", line[:160]))
    try:
        from bot.discord_app.embeds import (
            DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT, FIELD_VALUE_LIMIT, TITLE_LIMIT, digest_embed,
        )
    except ImportError:  # discord not installed: the command line is all there is to check
        return found
    embed = digest_embed(digest)
    if len(embed) > EMBED_TOTAL_LIMIT or len(embed.title or "") > TITLE_LIMIT or len(embed.description or "") > DESCRIPTION_LIMIT:
        found.append(("render.embed_limit", f"total {len(embed)}"))
    for field_ in embed.fields:
        if len(field_.value or "") > FIELD_VALUE_LIMIT:
            found.append(("render.embed_field_limit", field_.name or ""))
        if not (field_.value or "").strip():
            found.append(("render.embed_empty_field", field_.name or ""))
    for line in (embed.description or "").splitlines():
        body = line.split(" [↗](")[0]
        if _unescaped(r"\*\*", body) % 2:
            found.append(("render.embed_bold", line[:160]))
    return found


def check(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = [("error.on_text", message) for message in check_error(item, result)]
    if result.get("error"):
        return found
    from bot.digest.segment.sentence_splitter import split_sentences

    sentences: dict[int, str] = {}
    if result.get("figures"):
        sentences = {s.index: s.text for s in split_sentences(result.get("text") or "", result.get("language") or "en")}
    for checker in (check_title, check_byline, check_summary, check_hedges, check_stats, check_rendering, check_language,
                    check_listed_hedges):
        found += checker(item, result)
    found += check_figures(item, result, sentences)
    if result.get("figures"):
        found += check_reader_figures(item, result, sentences) + check_code_and_shop_figures(item, result, sentences)
    return found


# ---------------------------------------------------------------- the report


@dataclass
class Sweep:
    documents: Counter[str] = field(default_factory=Counter)
    kinds: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def sweep(items: list[Item], results: list[dict[str, Any]], examples: int) -> Sweep:
    report = Sweep()
    for item, result in zip(items, results, strict=True):
        report.documents[item.set] += 1
        found = check(item, result) + (check_article_bullets(item, result) + check_reader_bullets(item, result) if not result.get("error") else [])  # sweep8's, sweep9's kinds
        for kind in sorted({kind for kind, _ in found}):
            report.kinds[kind][item.set] += 1  # documents with at least one of the kind
        for kind, detail in found:
            if len(report.examples[kind]) < examples:
                report.examples[kind].append(f"[{item.set} {item.id[:16]}] {detail[:300]}")
    return report


def print_report(report: Sweep, show_examples: bool) -> None:
    sets = sorted(report.documents)
    print("documents: " + ", ".join(f"{s} {report.documents[s]}" for s in sets) + f"; total {sum(report.documents.values())}")
    print(f"{'kind (documents with one)':34s} {'all':>5s}  " + "  ".join(f"{s[:11]:>11s}" for s in sets))
    for kind in sorted(report.kinds):
        row = report.kinds[kind]
        print(f"{kind:34s} {sum(row.values()):5d}  " + "  ".join(f"{row.get(s, 0):11d}" for s in sets))
    if show_examples:
        for kind in sorted(report.examples):
            print(f"\n## {kind}")
            for example in report.examples[kind]:
                print("  " + example)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--seeds", type=Path, default=None)
    parser.add_argument("--per-type", type=int, default=60, help="WCXB tune pages per type")
    parser.add_argument("--pastes", type=int, default=150, help="WCXB tune pastes")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="write the counts as JSON here")
    parser.add_argument("--results", type=Path, default=None, help="check these cached answers (a JSON line per item) instead of running")
    parser.add_argument("--part", choices=("tune", "held-out"), default="tune",
                        help="WCXB part (held-out: counts only, no examples; run once, for the variant recommended)")
    args = parser.parse_args(argv)
    if args.part == "held-out":
        args.examples = 0  # nothing held out is read: counts only
    items = wcxb_items(args.data, args.per_type, args.part) + scrapinghub_items(args.data) + paste_items(args.data, args.pastes) + seed_items(args.seeds)
    if args.results:
        results = [json.loads(line) for line in args.results.read_text(encoding="utf-8").splitlines()]
    else:
        results = run_sample(items, args.fresh)
    report = sweep(items, results, args.examples)
    print_report(report, args.examples > 0)
    if args.json:
        args.json.write_text(json.dumps({k: dict(v) for k, v in report.kinds.items()}, indent=1, sort_keys=True), encoding="utf-8")



# ---------------------------------------------------------------- sixteenth session (figures8): figures a reader rejects
# Key figures of forums, shops and listings that are no quantity to a reader (docs/quality/figures.md): a post's time
# read as a duration, a version's or a model's number, a number inside an identifier or a compound word, and star
# ratings or review counts taking more than one of the six places.

_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
_NAME_WORD_BEFORE = re.compile(r"(?:\b([A-Za-z]*[A-Z][\w.-]*)\s|[®™]\s?)$")
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
_RATING_WORDS = re.compile(r"\b(?:stars?|ratings?|reviews?|rated)\b|⭐|\d/(?:5|10)\b", re.IGNORECASE)


def _identifier_token(token: str) -> bool:
    """Letters and digits in turn three times or more, no word in small letters, no currency: "17.HUS.08214", "M10-P"."""
    runs = [r for r in re.findall(r"[A-Za-z]+|\d+", token) if r not in ("x", "X")]
    turns = sum(a[0].isdigit() != b[0].isdigit() for a, b in zip(runs, runs[1:]))
    return turns >= 2 and not any(r.islower() for r in runs) and not re.search(r"[$€£¥]", token)


def _around(figure: dict[str, Any], sentence: str) -> tuple[str, str]:
    at = sentence.find(figure["text"])
    return (sentence[:at], sentence[at + len(figure["text"]) :]) if at >= 0 else ("", "")


def check_reader_figures(item: Item, result: dict[str, Any], sentences: dict[int, str]) -> list[tuple[str, str]]:
    """`figure.timestamp_ago`, `figure.names_number`, `figure.identifier`, `figure.in_compound` and
    `figure.ratings` (more than one star rating or review count among the six)."""
    found: list[tuple[str, str]] = []
    ratings = 0
    for figure in result.get("figures") or []:
        sentence = sentences.get(figure["sentence"], "")
        before, after = _around(figure, sentence)
        shown = f"{figure['text']} | counts={figure['counts']!r} | " + sentence[:120]
        if figure["kind"] == "duration" and _AGO.match(after):
            found.append(("figure.timestamp_ago", shown))
        name = _NAME_WORD_BEFORE.search(before)
        if (
            figure["kind"] == "count" and re.fullmatch(r"\d+(?:\.\d+)*", figure["text"]) and name is not None
            and (name.group(1) is None or (before.strip() != name.group(1) and not re.search(r"['’]s?$", name.group(1))
                                           and name.group(1).lower().rstrip(".") not in _MONTHS_AND_DAYS))
        ):
            found.append(("figure.names_number", shown))
        token = (re.search(r"\S*$", before).group(0) + figure["text"] + re.match(r"\S*", after).group(0)) if sentence else ""
        if " " not in figure["text"] and _identifier_token(token):
            found.append(("figure.identifier", shown))
        if figure["text"] == "24/7" or (not figure["text"][:1].isdigit() and re.search(r"[^\W\d_]-$", before)):
            found.append(("figure.in_compound", shown))
        ratings += bool(_RATING_WORDS.search(figure["text"] + " " + figure["counts"] + " " + after[:25]))
    if ratings > 1:
        found.append(("figure.ratings", f"{ratings} of the figures are star ratings or review counts"))
    return found


# ------------------------------------------------ seventeenth session (figures9): numbers of code and of shop widgets
# Written apart from `figure_finder`'s refusals (docs/quality/figures.md): an HTTP status, a port or a regular
# expression's capture shown as a figure, a star class or a count before star signs, a year after an owner read as a
# count ("the game's 2026 updates").

_STATUS_WORDS_AFTER = re.compile(r"\s+(?:code|error|redirect|response)\b(?!s)", re.IGNORECASE)
_STATUS_WORDS_BEFORE = re.compile(r"\b(?:HTTP|status)\b[^.]{0,25}$", re.IGNORECASE)
_PORT_WORDS = re.compile(r"(?:\bport\s+|localhost:)$", re.IGNORECASE)
_STAR_CLASS = re.compile(r"^\S+[- ]stars?$", re.IGNORECASE)


def check_code_and_shop_figures(item: Item, result: dict[str, Any], sentences: dict[int, str]) -> list[tuple[str, str]]:
    """`figure.code_number` (an HTTP status, a port, "$1" glued to a path or ".."), `figure.star_class` ("our 5-star
    reviews", a count before star signs) and `figure.owner_year` (a count from 1900 to 2100 after "'s")."""
    found: list[tuple[str, str]] = []
    for figure in result.get("figures") or []:
        sentence = sentences.get(figure["sentence"], "")
        before, after = _around(figure, sentence)
        text = figure["text"]
        shown = f"{text} | counts={figure['counts']!r} | " + sentence[:120]
        whole = re.fullmatch(r"\d+", text) is not None
        status = whole and len(text) == 3 and 100 <= int(text) <= 599 and bool(_STATUS_WORDS_AFTER.match(after) or _STATUS_WORDS_BEFORE.search(before))
        capture = re.fullmatch(r"\$\d", text) is not None and (after[:1] == "/" or after[:2] == ".." or re.match(r"\.[A-Za-z]", after) is not None)
        if status or capture or (whole and _PORT_WORDS.search(before)):
            found.append(("figure.code_number", shown))
        # a star class only as a boast of reviews ("our 5-star reviews"): one "5-star rating" is sound to figures8's check
        boast = _STAR_CLASS.match(text + " " + figure["counts"]) and re.match(r"\s*(?:\S+\s+)?reviews\b", after, re.IGNORECASE)
        if figure["kind"] == "count" and (boast or re.match(r"\s*[⭐★]", after)):
            found.append(("figure.star_class", shown))
        if figure["kind"] == "count" and whole and 1900 <= int(text) <= 2100 and re.search(r"\w['’]s\s$", before):
            found.append(("figure.owner_year", shown))
    return found




# ---------------------------------------------------------------- seventeenth session (sweep8): article digests as read
# What a reader of news and blog digests rejects in a summary bullet (docs/quality/sweep.md, seventeenth session): a
# picture's caption or credit, a byline or a "published" line, a "Read more" line, a quotation shown without its speaker
# or a speaker's tag shown without its quotation, a sentence that leans on the one before it.
CAPTION_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|image|picture|illustration|video)s?\s*(?:credit|courtesy|copyright|caption)?\s*(?::|/|\|)\s*\S"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?|ap photo|afp(?: via getty)?|reuters/|associated press/)"
    r"|\b(?:photo|image|picture)s? (?:by|courtesy of|credit)\b|\bcredit:\s|^\W*(?:image|photo) (?:caption|copyright)\b",
    re.IGNORECASE,
)
# A wire dateline opening the bullet: "WASHINGTON (AP) — ...", "ST. JOSEPH, Mich. (AP) — ..." (a credit's "(AP)" was first
# counted as a caption: all nine ScrapingHub hits were datelines).
DATELINE = re.compile(r"^[A-Z][A-Z.' -]+(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)?\s*\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg)\)\s*[—–-]")
BYLINE_LINE = re.compile(r"^\W*[Bb]y\s+(?:[A-Z][\w.'-]+\s*){1,4}(?:$|[,|•·—–-]|\band\b|\bon\b|\b[Uu]pdated\b|\b[Pp]ublished\b)")
PUBLISHED_LINE = re.compile(
    r"^\W*(?:updated|published|posted|last modified)(?: on)?:?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"|\b\d+\s*min(?:ute)?s?\s+read\b",
    re.IGNORECASE,
)
READ_MORE = re.compile(
    r"^\W*(?:read more|read also|also read|see also|related(?: articles?| stories| coverage| content)?|more on this|more from|"
    r"continue reading|recommended(?: for you)?|you may also like|watch|listen)\b\s*(?::|[-–—]|\.{3}|…|$)"
    r"|\b(?:read more|continue reading|read the full (?:story|article))\b",
    re.IGNORECASE,
)
SPEECH_VERB = (r"(?:said|says|asked|asks|told|tells|added|adds|explained|explains|wrote|writes|recalled|noted|continued|"
               r"replied|shouted|insisted|warned|argued|according to)")
# A speaker's tag standing alone: "Alex Shiroki's boss asked him Thursday." after the quotation the splitter cut off.
_SPEAKER_TAG = re.compile(rf"^[\w\s.,'’-]{{0,80}}\b{SPEECH_VERB}\b[\w\s.,'’-]{{0,40}}[.!]$", re.IGNORECASE)
_QUOTE_CLOSED = re.compile(r"[.!?,][\"”’']\s*$")
# A sentence that leans on the one before it: a personal pronoun opening it ("He said it was ...", "They can handle high to
# low light"), or a demonstrative standing for the sentence before ("This is one of the first things ...", "That shift"
# is not counted: a demonstrative before its noun names what it points at).
DEPENDENT_OPENING = re.compile(
    r"^[\"“]?(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b(?!-)"
    r"|^[\"“]?(?:This|That|These|Those)\s+(?:is|was|are|were|isn[’']t|wasn[’']t|aren[’']t|has|had|have|means|meant|makes|made|"
    r"can|could|will|would|may|might|should|comes|came|includes|included|does|did|became|becomes|led|leads|shows|showed|"
    r"allows|gives|gave|helps|happens|happened)\b"
)


def _sentence_before(sentence: str, text: str) -> str:
    """The words of the text just before the sentence, back to the stop before them (at most 300 characters)."""
    at = text.find(sentence)
    return text[max(0, at - 300):at].rstrip() if at > 0 else ""


def check_article_bullets(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    """`summary.caption_credit`, `summary.dateline`, `summary.byline`, `summary.read_more`, `summary.speaker_tag_alone` (a speaker's tag
    after a quotation the splitter cut off), `summary.quote_alone` (a whole quotation whose speaker follows in the text),
    `summary.dependent_opening` (a pronoun opening a bullet whose sentence before it is not shown just above)."""
    found: list[tuple[str, str]] = []
    text = result.get("text") or ""
    summary = result.get("summary") or []
    shown = {s["index"] for s in summary}
    for sentence in summary:
        words = sentence["text"].strip()
        if CAPTION_CREDIT.search(words):
            found.append(("summary.caption_credit", words))
        if DATELINE.match(words):
            found.append(("summary.dateline", words))
        if BYLINE_LINE.search(words) or PUBLISHED_LINE.search(words):
            found.append(("summary.byline", words))
        if READ_MORE.search(words):
            found.append(("summary.read_more", words))
        before = _sentence_before(words, text)
        if _SPEAKER_TAG.match(words) and _words(words) <= 10 and _QUOTE_CLOSED.search(before):
            found.append(("summary.speaker_tag_alone", f"{before[-60:]} || {words}"))
        after = text[text.find(words) + len(words):].lstrip(" ")[:80] if words in text else ""
        if words[:1] in "\"“" and _QUOTE_CLOSED.search(words) and re.match(rf"^[A-Z]?[\w\s.'’-]{{0,60}}\b{SPEECH_VERB}\b", after):
            found.append(("summary.quote_alone", f"{words} || {after[:60]}"))
        if DEPENDENT_OPENING.match(words) and sentence["index"] - 1 not in shown:
            found.append(("summary.dependent_opening", words))
    return found



# Eighteenth session (sweep9): what a reader rejects in 60 tune digests of every kind of page, paste and news text.
# A demonstrative before a noun pointing back ("This analogy perfectly encapsulates ...") but for a time ("This month, ...").
DEMONSTRATIVE_PHRASE = re.compile(
    r"^[\"“]?(?:This|These|That|Those)\s+(?!(?:month|year|week|weekend|time|season|summer|winter|spring|fall|autumn|"
    r"morning|evening|afternoon|day|days)\b)[a-z]"
)
BRACKETED_CUT = re.compile(r"(?:\[\s*(?:…|\.{2,})\s*\]|\\\[…\\\])[\"'”’)]*\s*$")  # "... why we group items […]"
NUMBERED_QUESTION = re.compile(r"^\s*\d{1,2}[.)]\s+\S.*\?[\"'”’)]*\s*$")  # "1. How long is my trip to Iceland?"
CAPTION_DIMENSIONS = re.compile(r"\d\s*[×x]\s*\d[\d.,/ ]*\s*(?:cm|mm|in|inches)\b")  # "contact print – 11.4 × 8.3 cm."
CAPTION_WORDS = 14


def check_reader_bullets(item: Item, result: dict[str, Any]) -> list[tuple[str, str]]:
    """`summary.demonstrative_phrase` (a bullet opening "This analogy ..." whose sentence before it is not shown; "This is ..."
    is `summary.dependent_opening`),
    `summary.bracketed_cut` (a teaser the site cut with "[…]"), `summary.numbered_question` (a numbered question heading),
    `summary.caption_dimensions` (an artwork's caption: a few words and its size)."""
    found: list[tuple[str, str]] = []
    summary = result.get("summary") or []
    shown = {s["index"] for s in summary}
    for sentence in summary:
        words = sentence["text"].strip()
        leans = DEMONSTRATIVE_PHRASE.match(words) and not DEPENDENT_OPENING.match(words)  # "This is ..." is sweep8's kind
        if leans and sentence["index"] > 0 and sentence["index"] - 1 not in shown:
            found.append(("summary.demonstrative_phrase", words))
        if BRACKETED_CUT.search(words):
            found.append(("summary.bracketed_cut", words))
        if NUMBERED_QUESTION.match(words):
            found.append(("summary.numbered_question", words))
        if CAPTION_DIMENSIONS.search(words) and _words(words) <= CAPTION_WORDS:
            found.append(("summary.caption_dimensions", words))
    return found


if __name__ == "__main__":
    main()
