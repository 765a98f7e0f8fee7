"""Property-based fuzzing of the pipeline's entry points: no exception escapes, nothing is swallowed as a bug, time stays bounded.

`digest_document` and `extract_document` never raise by contract, so the
property checked is stronger: they never fall back to the "Something went
wrong" answer, which is what a crash inside any stage turns into. Examples are
derandomized so CI sees the same cases every run.
"""

from __future__ import annotations

import asyncio
import os
import time
from datetime import timedelta

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.digest.fetch.address_guard import AddressGuard, Verdict, parse_address, parse_ip_literal
from bot.digest.fetch.fetcher import FetchError, decode_body, fetch_page
from bot.digest.fetch.guarded_session import GuardedConnector
from bot.digest.fetch.url_canon import canonical_url
from bot.digest.input_guard import screen_text
from bot.digest.models import Digest, DigestError
from bot.digest.pipeline import DigestOptions, digest_document, extract_document
from bot.digest.sources import RawDocument, document_from_text, sniff_kind
from bot.settings import DigestSettings, FetchSettings
from tests.helpers.hostile_servers import MappingResolver

SETTINGS = DigestSettings(min_words=5)  # a low bar so that short examples reach the later stages too
INTERNAL_ERROR = "Something went wrong"
SECONDS_PER_EXAMPLE = 15.0  # generous for a busy CI machine; typical examples take well under a second

# DIGEST_FUZZ_EXAMPLES=2000 runs a longer, randomized campaign by hand.
EXAMPLES = int(os.environ.get("DIGEST_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 40,
    deadline=timedelta(seconds=SECONDS_PER_EXAMPLE),
    derandomize=not EXAMPLES,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = [
    "The", "council", "approved", "a", "budget", "of", "nearly", "4", "million", "euros", "on", "Tuesday",
    "officials", "said", "it", "may", "cost", "more", "according", "to", "critics", "if", "the", "plan", "fails",
    "Dr.", "U.S.", "e.g.", "3.5%", "1,200", "km", "(", ")", "\"", "“", "”", "'", "—", "...", "?", "!", ";",
    "https://example.org/a", "www.example.com", "```", "~~~", "#", "*", "-", "1.", "ii)", "<b>", "</p>", "&amp;",
    "مرحبا", "שלום", "Привет", "日本語の文", "中文句子。", "😀", "🇺🇳", "\u0301\u0302", "\u200b", "\u202e", "\ufeff",
    "\x00", "\x07", "\ud800", "\t", "\r\n", "\u2028", "\n\n", "Ünïcödé", "ﬁ", "İ", "ß",
]
SEPARATORS = st.sampled_from([" ", " ", " ", ". ", ".\n", "\n", "\n\n", ", ", ""])

any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=2000)
word_soup = st.lists(st.tuples(st.sampled_from(WORDS), SEPARATORS), min_size=0, max_size=400).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)
TAGS = ["div", "p", "span", "article", "table", "tr", "td", "ul", "li", "h1", "title", "script", "style", "a", "br", "meta", "svg", "math", "template", "iframe", "!--"]


def _element(children: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(TAGS).map(lambda tag: f"<{tag} class='x' data-a=\"{len(children)}\">" + "".join(children) + f"</{tag}>")


html_tree = st.recursive(
    word_soup.map(lambda text: text[:300]),
    lambda inner: st.lists(inner, max_size=5).flatmap(_element),
    max_leaves=60,
)
html_page = st.tuples(st.sampled_from(["", "<!doctype html>", "<?xml version='1.0'?>", "<html><head><meta charset='utf-8'>"]), html_tree, st.sampled_from(["", "</body></html>", "<", "<![CDATA["])).map(
    "".join
)
deep_html = st.tuples(st.sampled_from(TAGS), st.integers(min_value=200, max_value=12_000), word_soup).map(
    lambda t: f"<{t[0]}>" * t[1] + t[2]
)


def _check(result: Digest, took: float) -> None:
    assert took < SECONDS_PER_EXAMPLE
    if result.error is not None:
        assert INTERNAL_ERROR not in result.error, "a stage crashed (see the log for the traceback)"
        assert "\n" not in result.error
    else:
        (result.title + result.text).encode("utf-8")  # everything shown can be sent on


def _run_all(document: RawDocument) -> None:
    for entry in (digest_document, extract_document):
        started = time.monotonic()
        result = entry(document, SETTINGS, DigestOptions())
        _check(result, time.monotonic() - started)


@FUZZ
@given(any_text)
def test_any_text(text: str) -> None:
    _run_all(document_from_text(text))


@FUZZ
@given(word_soup)
def test_word_soup(text: str) -> None:
    _run_all(document_from_text(text))


@FUZZ
@given(st.one_of(html_page, deep_html))
def test_html(html: str) -> None:
    _run_all(RawDocument(source="fuzz", text=html, kind="html"))
    _run_all(document_from_text(html))


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([None, "utf-8", "latin-1", "shift_jis", "utf-16", "bogus"]))
def test_bytes(data: bytes, charset: str | None) -> None:
    text = decode_body(data, charset)
    text.encode("utf-8", "surrogatepass")  # every byte string decodes to text that can be passed on
    _run_all(document_from_text(text))


@FUZZ
@given(any_text, st.sampled_from(["text", "html"]), st.integers(min_value=0, max_value=10))
def test_screen_text_raises_only_digest_errors(text: str, kind: str, marks: int) -> None:
    small = DigestSettings(max_input_chars=1500, max_combining_marks=marks)
    try:
        screened = screen_text(text, kind, small)
    except DigestError as exc:
        assert "\n" not in str(exc)
    else:
        screened.encode("utf-8")
    sniff_kind(text)


@FUZZ
@given(st.one_of(any_text, st.from_regex(r"\A[a-zA-Z]{0,6}://[^\s]{0,80}\Z")))
def test_url_helpers_never_raise_unexpectedly(text: str) -> None:
    canonical_url(text)
    address = parse_ip_literal(text)
    if address is not None:
        AddressGuard(["10.0.0.0/8"]).verdict(address)


class _DenyAll(AddressGuard):
    """A guard that refuses every address, so fuzzed links can never leave the machine."""

    def verdict(self, address: object) -> Verdict:
        parsed = address if not isinstance(address, str) else parse_address(address)
        return Verdict(parsed, "test-only refused")


async def _fetch_refusing_everything(url: str) -> None:
    connector = GuardedConnector(_DenyAll(), resolver=MappingResolver({"known.test": ["127.0.0.9"]}))
    async with aiohttp.ClientSession(connector=connector, trust_env=False, auto_decompress=False) as session:
        try:
            await fetch_page(url, FetchSettings(total_timeout=5), session)
        except FetchError as exc:
            assert "\n" not in str(exc)
        else:
            raise AssertionError(f"{url!r} was fetched although every address is refused")


url_like = st.one_of(
    any_text.map(lambda t: t[:200]),
    st.tuples(
        st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "file://", "http:/", "http:\\\\", "//", ""]),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
        st.sampled_from(["", ":80", ":0", ":99999", ":-1", ":abc", "@known.test", "%00"]),
        st.sampled_from(["", "/", "/a?b=c#d", "/%zz", "/\x00"]),
    ).map("".join),
    st.sampled_from(["http://known.test/", "http://0x7f.1/", "http://[::1]/", "http://[fe80::1%25eth0]/", "http://1.2.3.4.5/"]),
)


@FUZZ
@given(url_like)
def test_fetch_page_answers_any_link_with_a_fetch_error(url: str) -> None:
    asyncio.run(_fetch_refusing_everything(url))
