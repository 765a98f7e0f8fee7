from __future__ import annotations

import pytest

from bot.digest.front_rules import links_in
from bot.discord_app.inputs import address_problem, link_problem, request_from_text


def test_links_in_order_without_duplicates_and_suppressed() -> None:
    text = "see https://a.example/x, and (https://b.example/y) or <https://c.example/z> https://a.example/x."
    assert links_in(text) == ["https://a.example/x", "https://b.example/y", "https://c.example/z"]
    assert links_in(text, include_suppressed=False) == ["https://a.example/x", "https://b.example/y"]


@pytest.mark.parametrize(
    "url",
    [
        "https://cdn.example.org/photo.JPG",
        "https://example.org/clip.mp4?x=1",
        "https://www.youtube.com/watch?v=abc",
        "https://discord.com/channels/1/2/3",
        "https://cdn.discordapp.com/attachments/1/2/a.txt",
        "https://discord.gg/invite",
    ],
)
def test_media_and_discord_links_are_not_articles(url: str) -> None:
    assert link_problem(url) is not None


def test_article_links_pass() -> None:
    assert link_problem("https://news.example.org/2024/05/syria-officers-defect") is None
    assert link_problem("http://127.0.0.1:8080/news/syria.html") is None


def test_a_link_with_a_remark_is_a_link_and_a_paste_is_text() -> None:
    request = request_from_text("  have a look at this one <https://news.example.org/a>  ")
    assert request is not None and request.kind == "link" and request.value == "https://news.example.org/a"
    paste = "3 top Syrian officers defect\n" + "The officers fled overnight, reports say. " * 10 + "https://example.org/source"
    request = request_from_text(paste)
    assert request is not None and request.kind == "text" and request.value.startswith("3 top Syrian")
    assert request_from_text("   ") is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("example.com/news", "That looks like a web address without its scheme: send <https://example.com/news>"),
        (" www.bbc.co.uk ", "That looks like a web address without its scheme: send <https://www.bbc.co.uk>"),
        ("file:///etc/passwd", "Only http:// and https:// links can be read, not file://."),
        ("hello", None),  # a word: too short, said by the digest
        ("see example.com/news", None),  # words around it: a paste
        ("https://example.com/news", None),
        ("", None),
    ],
)
def test_address_problem(text: str, answer: str | None) -> None:
    assert address_problem(text) == answer
