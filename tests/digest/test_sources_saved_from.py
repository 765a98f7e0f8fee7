"""bot/digest/sources.py: a page saved by a browser gets the address in its "saved from url" comment."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.digest.sources import RawDocument, load_source, saved_from_address, with_address
from bot.settings import FetchSettings

ADDRESS = "https://example.org/2024/03/05/bridge-closes"
# As Chrome writes it: after the doctype, the address's length in four digits.
SAVED = f"<!DOCTYPE html>\r\n<!-- saved from url=({len(ADDRESS):04d}){ADDRESS} -->\r\n<html><head><title>Bridge</title></head></html>"


def test_the_mark_of_the_web_names_the_address() -> None:
    assert saved_from_address(SAVED) == ADDRESS
    assert saved_from_address("<!-- saved from url=(0029)http://bootswatch.com/united/-->\n<html></html>") == "http://bootswatch.com/united/"
    assert saved_from_address("<!-- SAVED FROM URL=(0023)http://everything2.com/ -->") == "http://everything2.com/"


@pytest.mark.parametrize(
    "html",
    [
        "<!-- saved from url=(0014)about:internet -->\n<html></html>",  # a page that asks to run its scripts locally
        "<!-- saved from url=(0022)file:///C:/page.html -->",
        "<html><body><p>Saved from url=(0023)http://everything2.com/ in the text</p></body></html>",
        "<html>" + " " * 2100 + "<!-- saved from url=(0023)http://everything2.com/ -->",  # past the first 2,048 characters
        "<html><body><p>No comment at all</p></body></html>",
    ],
)
def test_no_address_where_the_mark_names_no_web_page(html: str) -> None:
    assert saved_from_address(html) is None


def test_the_address_the_user_gives_wins_and_a_fetched_page_keeps_its_own() -> None:
    local = RawDocument(source="page.html", text=SAVED, kind="html")
    assert with_address(local, None).url == ADDRESS
    assert with_address(local, "https://example.com/other").url == "https://example.com/other"
    fetched = RawDocument(source="https://a.example/x", text=SAVED, kind="html", url="https://a.example/x")
    assert with_address(fetched, None).url == "https://a.example/x"
    text = RawDocument(source="notes.txt", text=SAVED, kind="text")  # plain text is not read for a comment
    assert with_address(text, None).url is None


def test_a_saved_file_is_loaded_with_its_address(tmp_path: Path) -> None:
    page = tmp_path / "Bridge closes.html"
    page.write_text(SAVED, encoding="utf-8")
    document = asyncio.run(load_source(str(page), FetchSettings(), 1_000_000))
    assert (document.kind, document.url) == ("html", ADDRESS)
