"""The cleaner's fast paths for ASCII lines give exactly what the general code gives (character counts, regex cues)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot.digest.extract.paste import features, promo

# (pattern, the cues that stand for it on ASCII text), as the cleaner uses them.
CUED = (
    (features._COPYRIGHT, features._COPYRIGHT_CUES),
    (promo._DISCLOSURE, promo._DISCLOSURE_CUES),
    (promo._CONSENT, ("cookie",)),
    (promo._SITE_CALL, promo._SITE_CALL_CUES),
)

TRICKY = [
    "", "a", "© 2024 Example Media", "(C) 2019 ACME", "(c)2019", "ALL RIGHTS RESERVED.", "Alle Rechte vorbehalten",
    "Tous droits réservés", "TODOS LOS DERECHOS", "Tutti i diritti riservati", "We may earn a commission from links on this page.",
    "WE EARN AFFILIATE COMMISSIONS", "This post is SPONSORED by Acme.", "If you liked this article, share it!", "A small favour to ask",
    "No spam, ever.", "Don't hesitate to reach out to us.", "Don’t hesitate to contact our team", "Get in touch with our experts",
    "Supported by readers like you", "Chosen independently by our editors", "We use cookies to improve your experience.",
    "WE AND OUR PARTNERS USE COOKIES", "Diese Website verwendet Cookies.", "ſponsor this newsletter", "\u212aelvin 12 Likes",
    "İf you enjoyed this post", "© Acme", "Acme ©", "We’ll earn a commission — maybe", "Don’t hesitate to get in touch with us…",
    "“Quoted” text\u00a0with\u200bspaces • ★★★ ×2 «x» → ™ ®", "Copyright ©\u00a02024 – all rights reserved", "東京 2024年5月12日 ©", "Ünïcödé 123 ABC", "tab\tseparated | cells · here",
    "BY SUBMITTING THIS FORM, YOU AGREE", "Follow Us On Facebook", "Don’t miss any news from us!", "Help me spread the word",
]


def _general_counts(sample: str) -> tuple[int, int, int, int]:
    return sum(map(str.isalpha, sample)), sum(map(str.isupper, sample)), sum(map(str.isdigit, sample)), len(features.CJK.findall(sample))


def _check(samples: Iterable[str]) -> None:
    for sample in samples:
        assert features.char_counts(sample) == _general_counts(sample), sample
        for pattern, cues in CUED:
            assert features.search_with_cues(pattern, cues, sample) == bool(pattern.search(sample)), (pattern.pattern[:30], sample)


def test_fast_paths_match_the_general_code_on_tricky_lines() -> None:
    _check(TRICKY)


def test_cued_patterns_still_match() -> None:
    """A line holding just one branch's phrase still matches through its cue."""
    for phrase in ("all rights reserved", "(c) 2024", "earn a commission", "affiliate links", "no spam", "don't hesitate to contact", "we use cookies",
                   "by clicking accept, you agree", "follow us on x", "never miss a post from us", "help us spread the word"):
        assert any(features.search_with_cues(p, c, phrase) for p, c in CUED), phrase


def _paste_lines(data: Path) -> set[str]:
    lines: set[str] = set()
    with open(data / "pastes" / "scrapinghub.jsonl", encoding="utf-8") as handle:
        pastes = [json.loads(line)["paste"] for line in handle if line.strip()]
    with gzip.open(data / "pastes" / "wcxb-dev-articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        pastes += [json.loads(line)["paste"] for line in handle if line.strip()]
    for paste in pastes:
        lines.update(line.strip()[:2000] for line in re.split(r"\n", paste or "") if line.strip())
    return lines


def test_fast_paths_match_the_general_code_on_every_paste_line(shared_data: Path) -> None:
    lines = _paste_lines(shared_data)
    assert len(lines) > 10_000
    _check(lines)


@pytest.mark.parametrize("line", ["We use cookies. Accept?", "Get the FREE eBook!", "Posted by Jane on May 3"])
def test_promo_lines_still_found(line: str) -> None:
    assert promo.is_promo_line(line)
