"""Cheaper paths to the same answers (seventeenth session, pastespeed7), each against the code it replaces.

`input_guard.may_hold_link` (the links-only check's `_URL` search), `promo.is_attribution` (a testimonial's
signature) and `unfit.is_gov_banner` skip their regex on text holding none of its cues; `promo.is_promo_line` runs
its start patterns only where the line's first character can begin a match, and its disclosure and site-call
alternations branch by branch on plain lines (`promo._cued_any`); `summarize.features.content_stems` maps instead of
generating; `front_rules` tests the ASCII range of a character class first. Each is compared with the plain definition
on texts that reach every branch, in every case, with the characters IGNORECASE folds ("ſ", "ı", "İ", the Kelvin
sign) and on random texts; a gate that drops a branch's cue fails.
"""

from __future__ import annotations

import random
import re

import pytest

from bot.digest import input_guard
from bot.digest.extract.paste import promo
from bot.digest.summarize import unfit
# is_promo_line with every pattern run (the whole alternations, no first-character gate): the reference kept in a test
from tests.digest.extract.paste.test_headline_speed import reference_is_promo_line

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


# -- promo.is_promo_line: its start patterns run only where the first character can begin a match ----------------------
# Lines that reach each start pattern's branches (and each is a promo line), then lines that are not.
PROMO_STARTS = [
    "Related: How to bake bread", "read also: more news", "Also read: a story", "See also: the index", "Read more: here",
    "More: links", "Recommended: tools", "Further reading: books", "ſee also: the index", "Recently by Jeffrey Zeldman",
    "more by Rowan Jacobsen", "Other posts by Ann Lee", "Previous: Paying for the rides", "Next article: A new day",
    "Feature image by Girlfriend Collective", "Featured photo via Getty", "Header image credit NASA", "Cover photos by me",
    "Hero image by X", "Lead photo courtesy Y", "Top image via Z", "Main picture by W",
    "Jane Doe is a freelance writer who covers tech.", "Dennis Moons is the founder and lead instructor at Store Growers.",
    "Irene is an experienced writer with ten years in travel.", "Posted by David at December 16, 2025",
    "Published on May 3, 2024 in News, Sports, Local, Weather", "Written by Ann", "Last updated on June 1", "PrevPrevious The Sweet Truth",
    "Next post", "Previous post", "/content/site/fragments/article-details", "a/b/c", "0/1/2", "_x/y/z", ".a/b/c", "-a/b/c",
    "Get the FREE eBook!", "Subscribe to our newsletter today",
]
BULLETED_CALLS = ["- Get the free guide now", "1. Download the app", "* Get the FREE eBook!", "> Subscribe to our newsletter"]
NOT_PROMO = [
    "The council met on Monday to discuss the budget.", "related to the budget", "Morning news", "Other topics",
    "previously, the city had", "posted on the wall", "lead poisoning is dangerous", "/a/b", "A/B/C", "Posted", "» Related: x",
    "“Related: quoted”", "¿Related: x", "Ünïcödé is a writer", "Kelvin is a writer", "\u212aelvin is a writer",
    "- a bullet about rain", "3) Preheat the oven", "12 people came", "",
]


@pytest.mark.parametrize("text", PROMO_STARTS + BULLETED_CALLS + NOT_PROMO + [t.upper() for t in PROMO_STARTS] + [t.lower() for t in PROMO_STARTS])
def test_is_promo_line_equals_its_ungated_reference(text: str) -> None:
    assert promo.is_promo_line(text) == reference_is_promo_line(text)


def test_the_start_lines_are_promo_lines_and_a_bulleted_call_is_not() -> None:
    assert all(promo.is_promo_line(text) for text in PROMO_STARTS), [t for t in PROMO_STARTS if not promo.is_promo_line(t)]
    assert not any(promo.is_promo_line(text) for text in BULLETED_CALLS)
    assert all(promo.is_promo_line(text[2:]) for text in BULLETED_CALLS)


def test_is_promo_line_equals_its_reference_with_every_first_character() -> None:
    """Every start line with each ASCII character (and a few others) in place of, and before, its first: a gate that
    skips a character that can begin a match fails here."""
    firsts = [chr(c) for c in range(32, 127)] + ["ſ", "\u212a", "İ", "ı", "é", "—", "•", "٣"]
    for text in PROMO_STARTS + BULLETED_CALLS:
        for first in firsts:
            for variant in (first + text[1:], first + text):
                assert promo.is_promo_line(variant) == reference_is_promo_line(variant), variant


@pytest.mark.parametrize("name", [
    "_LEAD_IN_CANNOT_START", "_MORE_BY_CANNOT_START", "_NAVIGATION_CANNOT_START", "_CAPITAL_CANNOT_START",
    "_POSTED_CANNOT_START", "_PATH_CANNOT_START", "_BULLET_CANNOT_START",
])
def test_a_gate_that_skips_every_ascii_character_is_caught(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(promo, name, promo._ASCII)
    assert any(promo.is_promo_line(t) != reference_is_promo_line(t) for t in PROMO_STARTS + BULLETED_CALLS)


def test_drop_promos_bio_gate_keeps_the_sentences_after_a_bio_dropped() -> None:
    from bot.digest.extract.paste.features import split_lines

    lines = split_lines("The story goes on.\nJane Doe is a freelance writer who covers tech.\nShe lives in Ohio.\nThe end.")
    assert promo.drop_promos(lines, [True] * 4) == [True, False, False, True]


# -- summarize.features.content_stems: one map() a step -------------------------------------------------------------
def test_content_stems_equals_the_generator_it_replaces() -> None:
    from bot.digest.language.language_detector import language_for
    from bot.digest.summarize import features

    def reference(tokens: list[str], language) -> frozenset[str]:  # type: ignore[no-untyped-def]
        stem = features._memoised_stemmer(language)
        stop = features.stop_words(language)
        return frozenset(stem(w) for w in (word.lower() for word in tokens) if w not in stop)

    rng = random.Random(5)
    vocabulary = ["The", "the", "Running", "runs", "and", "AND", "Häuser", "des", "İstanbul", "ſtraße", "Ö", "x", "of", "Gov"]
    for code in ("en", "de", "tr", "ja"):
        language = language_for(code)
        for _ in range(300):
            tokens = [rng.choice(vocabulary) for _ in range(rng.randint(0, 12))]
            assert features.content_stems(tokens, language) == reference(tokens, language), (code, tokens)


# -- promo._cued_any: on a plain line only the branches whose cue it holds run ------------------------------------------
# A phrase reaching each branch of _DISCLOSURE and of _SITE_CALL (all promo lines' disclosures and calls).
BRANCH_PHRASES = [
    "We may earn a small commission from links.", "you get us an affiliate fee", "they receive compensation", "Affiliate links below",
    "affiliate disclosure", "Supported by our readers", "chosen independently", "Independently selected", "commissions from purchases",
    "Sponsor our show today", "This episode is sponsored by Acme", "If you enjoyed this guide, share it", "A small favor to ask",
    "No spam.", "Don't hesitate to reach out", "do not hesitate to contact", "Get in touch with our team",
    "By clicking below you agree to the terms", "By signing up, you hereby consent", "Follow us on Bluesky", "like me on x",
    "Don’t miss any news from us", "never miss out on recipes from our kitchen", "Help us spread the word",
    "This story is exclusive to PRO subscribers", "Already have an account? Log in", "Unlock this story", "Subscribe to continue",
]
NEAR_MISSES = [
    "The commission met on Monday.", "A mission to Mars", "sending aid", "subscribers grew", "if you ask me", "sponsored content",
    "independently of that", "they have an account", "unlock this door", "subscribe to our feed", "us on the way", "",
]


def _parts_of(pattern_name: str) -> tuple:  # type: ignore[type-arg]
    return {"_DISCLOSURE": (promo._DISCLOSURE, promo._DISCLOSURE_CUES, promo._DISCLOSURE_PARTS),
            "_SITE_CALL": (promo._SITE_CALL, promo._SITE_CALL_CUES, promo._SITE_CALL_PARTS)}[pattern_name]


def _cued_any(pattern_name: str, sample: str) -> bool:
    from bot.digest.extract.paste.features import is_plain

    return promo._cued_any(*_parts_of(pattern_name), sample, sample.lower() if is_plain(sample) else None)


@pytest.mark.parametrize("name", ["_DISCLOSURE", "_SITE_CALL"])
def test_cued_branches_equal_the_whole_alternation(name: str) -> None:
    pattern = _parts_of(name)[0]
    texts = [v for t in BRANCH_PHRASES + NEAR_MISSES for v in _case_variants(t)]
    texts += ["ſponsor our show", "İf you enjoyed this post", "Dön’t miss any news from us"]
    assert sum(bool(pattern.search(t)) for t in texts) > 10
    for text in texts:
        assert _cued_any(name, text) == bool(pattern.search(text)), text


@pytest.mark.parametrize("name", ["_DISCLOSURE", "_SITE_CALL"])
def test_cued_branches_equal_the_whole_alternation_on_random_lines(name: str) -> None:
    pattern = _parts_of(name)[0]
    alphabet = [" ", "a ", "you ", "we ", "this ", ". ", "our ", "us ", "x "] + [p[: random.Random(i).randint(4, len(p))] + " " for i, p in enumerate(BRANCH_PHRASES)]
    for text in _random_texts(alphabet, 17, 12):
        assert _cued_any(name, text) == bool(pattern.search(text)), text


def test_the_alternations_are_their_branches_joined() -> None:
    assert promo._DISCLOSURE.pattern == "|".join(p for _, p in promo._DISCLOSURE_BRANCHES)
    assert promo._SITE_CALL.pattern == "|".join(p for _, p in promo._SITE_CALL_BRANCHES)
    assert promo._DISCLOSURE.flags & re.IGNORECASE and promo._SITE_CALL.flags & re.IGNORECASE


@pytest.mark.parametrize("name", ["_DISCLOSURE_PARTS", "_SITE_CALL_PARTS"])
def test_a_branch_given_another_branch_s_cues_is_caught(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = list(getattr(promo, name))
    parts = [(parts[(k + 1) % len(parts)][0], branch) for k, (_, branch) in enumerate(parts)]  # each branch, the next one's cues
    monkeypatch.setattr(promo, name, tuple(parts))
    pattern_name = name.removesuffix("_PARTS")
    assert any(_cued_any(pattern_name, t) != bool(_parts_of(pattern_name)[0].search(t)) for t in BRANCH_PHRASES)


# -- front_rules: the non-ASCII word character's class, its range first ------------------------------------------------
def test_the_non_ascii_word_class_holds_the_same_characters_as_before() -> None:
    """`[^\\x00-\\x7f\\W]` (range first, faster) and `[^\\W\\x00-\\x7f]` (the sixteenth session's) on every code point."""
    import sys

    from bot.digest import front_rules

    before = re.compile(r"[^\W\x00-\x7f]")
    assert front_rules._NON_ASCII_WORD_CHARACTER.pattern != before.pattern
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        assert (front_rules._NON_ASCII_WORD_CHARACTER.match(character) is None) == (before.match(character) is None), hex(code)
