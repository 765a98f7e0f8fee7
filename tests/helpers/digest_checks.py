"""Assertions that an embed the bot sent is a faithful digest of the sample article."""

from __future__ import annotations

import re
from typing import Any

from tests.helpers.article_server import SAMPLE_TITLE, sample_text

_LINK_SUFFIX = re.compile(r" \[↗\]\((?P<url>[^)]+)\)$")
_HEDGE_SUFFIX = re.compile(r" \*\((hedged|conditional|attributed|cue): [^)]*\)\*$")  # "cue": a soft cue, named lightly


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def unescape_bullet(line: str) -> tuple[str, str | None]:
    """The sentence text of one bullet and its link, with the bot's markup taken off."""
    assert line.startswith("• "), line
    line = line[2:]
    link = None
    if match := _LINK_SUFFIX.search(line):
        link = match.group("url")
        line = line[: match.start()]
    line = _HEDGE_SUFFIX.sub("", line)
    line = line.removeprefix("⚠️ ")
    line = line.replace("**", "")
    line = re.sub(r"\\(.)", r"\1", line)
    return line, link


def assert_sample_digest(embed: dict[str, Any], link: str | None = None, sentences: int | None = None) -> list[str]:
    """Title, bullets taken verbatim from the article, text-fragment links, and the footer."""
    article = _normalise(sample_text())
    assert embed["title"] == SAMPLE_TITLE
    if link is not None:
        assert embed["url"] == link
    bullets = [line for line in embed["description"].split("\n") if line.startswith("• ")]
    assert bullets, embed
    if sentences is not None:
        assert len(bullets) == sentences
    texts = []
    for line in bullets:
        text, url = unescape_bullet(line)
        assert _normalise(text) in article, text
        if link is not None:
            assert url is not None and url.startswith(link + "#:~:text="), line
        else:
            assert url is None
        texts.append(text)
    assert "language: en" in embed["footer"]["text"]
    assert "shorter" in embed["footer"]["text"]
    return texts
