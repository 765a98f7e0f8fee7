"""Regexes run only where a cue allows a match (seventeenth session, pastespeed7): the same answers as running them.

`input_guard.may_hold_link` (the links-only check's `_URL` search), `promo.is_attribution` (a testimonial's
signature) and `unfit.is_gov_banner` skip their regex on text holding none of its cues. Each is compared with the
plain regex on texts that reach every branch, in every case, with the characters IGNORECASE folds ("ſ", "ı", "İ",
the Kelvin sign) and on random texts; a gate that drops a branch's cue fails.
"""

from __future__ import annotations

import random
import re

import pytest

from bot.digest import input_guard
from bot.digest.extract.paste import promo
from bot.digest.summarize import unfit

RANDOM_TEXTS = 4000


def _random_texts(alphabet: list[str], seed: int, longest: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(RANDOM_TEXTS)]


def _case_variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.title(), text.swapcase()]


# -- input_guard.may_hold_link ---------------------------------------------------------------------------------------
LINK_TEXTS = [
    "see https://example.org now", "http://a.b", "HTTP://A.B", "HtTpS://x", "www.example.org", "WWW.EXAMPLE.ORG", "wWw.x",
    "WwW.x", "go to ww.x", "w.x", "://", "a :// b", "httpſ://example.org", "www", "www .x", "no link here", "", "ẘww.x",
]


@pytest.mark.parametrize("text", [v for t in LINK_TEXTS for v in _case_variants(t)])
def test_may_hold_link_equals_the_regex(text: str) -> None:
    assert input_guard.may_hold_link(text) == bool(input_guard._URL.search(text))


def test_may_hold_link_equals_the_regex_on_random_texts() -> None:
    alphabet = list("wWhHtTpPsS:/.ſ x") + ["www.", "://", "http", "\u212a", "ı"]
    for text in _random_texts(alphabet, 7):
        assert input_guard.may_hold_link(text) == bool(input_guard._URL.search(text)), text


def test_no_character_but_w_matches_w_under_ignorecase() -> None:
    """Why the cues need only the four cases of "ww.": checked on the whole of Unicode."""
    w = re.compile("w", re.IGNORECASE)
    assert [c for c in map(chr, range(0x110000)) if w.fullmatch(c)] == ["W", "w"]


def test_a_link_cue_list_missing_the_www_branch_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_guard, "_URL_CUES", ("://",))
    assert not input_guard.may_hold_link("www.example.org") and input_guard._URL.search("www.example.org")


def test_links_only_input_is_still_refused() -> None:
    from bot.digest.models import DigestError
    from bot.settings import DigestSettings

    with pytest.raises(DigestError):
        input_guard.screen_text("WWW.EXAMPLE.ORG/a and https://example.org/b", "text", DigestSettings())


# -- promo.is_attribution -----------------------------------------------------------------------------------------
SIGNATURES = ["Mallory R.", "A. Rae V. B.", "— John D., Austin", "– Jane Cooper", "-Jane", "~ Ann Lee, Boston", "- Bob", "Ron J.,  NY"]
NOT_SIGNATURES = ["Home", "Contact Us.", "U.S.", "John F. Kennedy", "Dr. Smith", "Step 2. Mix A.", "About the author", "Jane Cooper", ""]


def _plain_attribution(text: str) -> bool:
    return len(text) <= promo._ATTRIBUTION_MAX_CHARS and promo.ATTRIBUTION.fullmatch(text) is not None


@pytest.mark.parametrize("text", SIGNATURES + NOT_SIGNATURES + [" " + s for s in SIGNATURES])
def test_is_attribution_equals_the_regex(text: str) -> None:
    assert promo.is_attribution(text) == _plain_attribution(text)
    if not text.startswith(" "):
        assert promo.is_attribution(text) == (text in SIGNATURES)


def test_is_attribution_equals_the_regex_on_random_lines() -> None:
    alphabet = list("ABJRMaenoy .,-–—~’'") + ["Jane ", "R.", "— ", " D."]
    for text in _random_texts(alphabet, 11, 30):
        assert promo.is_attribution(text) == _plain_attribution(text), text


def test_an_attribution_gate_without_the_dashes_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(promo, "_ATTRIBUTION_DASHES", "")
    assert not promo.is_attribution("– Jane Cooper") and _plain_attribution("– Jane Cooper")


# -- unfit.is_gov_banner ------------------------------------------------------------------------------------------
BANNER_PIECES = [
    "Official websites use .gov", "A .gov website belongs to an official government organization in the United States.",
    "Secure .gov websites use HTTPS", "gov website belongs to an official government organization",
    "An official website of the United States government Here's how you know",
    "Share sensitive information only on official, secure websites.", "The .mil site", "x .Gov y", "Visit .MIL today",
    "   gov A .", "official websites use nothing", "gov", "government", "govern .gov", "Gov. Smith",
    "Visit healthcare.gov to compare plans.", "The official website of the festival.", "share sensitive data",
    "a .mİl site", "a .mıl site", "ſhare ſensitive information only on official", "An official website of the United States government",
    "The government said its website would be back online soon.", "",
]


@pytest.mark.parametrize("text", [v for t in BANNER_PIECES for v in _case_variants(t)])
def test_is_gov_banner_equals_the_regex(text: str) -> None:
    assert unfit.is_gov_banner(text) == bool(unfit._GOV_BANNER.search(text.lstrip()))


def test_is_gov_banner_equals_the_regex_on_random_texts() -> None:
    alphabet = list("govmilGOVMIL. sſıİ\u212a") + [".gov", ".mil", "gov", "official website", "share sensitive ", " of "]
    for text in _random_texts(alphabet, 13):
        assert unfit.is_gov_banner(text) == bool(unfit._GOV_BANNER.search(text.lstrip())), text


@pytest.mark.parametrize("cue", unfit._GOV_BANNER_CUES)
def test_a_gov_banner_cue_list_missing_a_cue_is_caught(cue: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unfit, "_GOV_BANNER_CUES", tuple(c for c in unfit._GOV_BANNER_CUES if c != cue))
    caught = [t for t in BANNER_PIECES if unfit.is_gov_banner(t) != bool(unfit._GOV_BANNER.search(t.lstrip()))]
    assert caught
