"""The per-page choice between trafilatura's answer and the profile's region (choice.py)."""

from __future__ import annotations

from bot.digest.extract.html.choice import prefer_region
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html_extractor import _parse

TREE = _parse("<html><body><main><p>Anything</p></main></body></html>")


def _words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(n))


def test_the_region_wins_only_with_more_than_the_profiles_ratio_of_words() -> None:
    documentation = PROFILES["documentation"]  # 1.5 times trafilatura's words
    assert prefer_region("documentation", documentation, _words(100), _words(151), TREE)
    assert not prefer_region("documentation", documentation, _words(100), _words(150), TREE)
    assert not prefer_region("documentation", documentation, _words(100), _words(80), TREE)


def test_a_listing_takes_any_region_with_words_and_a_service_page_a_longer_one() -> None:
    assert prefer_region("listing", PROFILES["listing"], _words(300), _words(1), TREE)
    assert not prefer_region("listing", PROFILES["listing"], _words(300), "", TREE)
    assert prefer_region("service", PROFILES["service"], _words(100), _words(101), TREE)
    assert not prefer_region("service", PROFILES["service"], _words(100), _words(100), TREE)


def test_every_profile_with_a_region_has_a_ratio_and_articles_have_none() -> None:
    assert PROFILES["article"].region_over_words is None
    for kind, profile in PROFILES.items():
        if kind != "article":
            assert profile.region_over_words is not None and profile.region_over_words >= 0


def test_the_region_wins_whatever_the_text_only_where_prefer_region_says_so_for_every_text() -> None:
    from bot.digest.extract.html.choice import region_wins_whatever_the_text

    for kind, profile in PROFILES.items():
        if profile.region_over_words is None:
            continue
        for region in ("", _words(1), _words(40)):
            if region_wins_whatever_the_text(profile, region):
                assert all(prefer_region(kind, profile, _words(n), region, TREE) for n in (0, 1, 40, 10_000))
    assert region_wins_whatever_the_text(PROFILES["listing"], _words(1))
    assert not region_wins_whatever_the_text(PROFILES["listing"], "")
    assert not any(region_wins_whatever_the_text(PROFILES[kind], _words(10_000)) for kind in ("documentation", "service", "product", "forum", "collection"))


_CONSENT = "\n".join(
    [
        "We use cookies to improve your experience and for marketing.",
        "Manage Cookie Preferences",
        "Cookies are small data files stored on your device; strictly necessary cookies cannot be switched off.",
        "Accept all cookies",
    ]
)
_PRODUCT = "\n".join(["Portman Lights P1 Retro roadcase for four units", "Expected availability: 2-4 weeks", "Free standard shipping on this item"])


def test_the_region_wins_where_trafilatura_answers_a_cookie_dialog_outside_it_whatever_the_ratio() -> None:
    from bot.digest.extract.html.choice import CONSENT_MENTIONS_OUTSIDE, consent_mentions_outside

    answer = _CONSENT + "\n" + _words(300)  # far more words than the region: the ratio keeps trafilatura
    assert consent_mentions_outside(answer, _PRODUCT) >= CONSENT_MENTIONS_OUTSIDE
    assert prefer_region("product", PROFILES["product"], answer, _PRODUCT, TREE)
    # The same text without the dialog: the ratio decides, and keeps trafilatura.
    assert not prefer_region("product", PROFILES["product"], _words(300), _PRODUCT, TREE)


def test_cookies_the_region_also_reads_are_the_pages_own_subject() -> None:
    from bot.digest.extract.html.choice import consent_mentions_outside

    manual = "Cookies and sessions\n" + _CONSENT + "\nSet cookies on the session object to send them with every request."
    assert consent_mentions_outside(manual, manual) == 0  # a manual about cookies: every line inside the region
    assert not prefer_region("documentation", PROFILES["documentation"], manual + "\n" + _words(300), manual, TREE)
    # Line breaks differ between the two texts: runs of four words still find the lines inside.
    assert consent_mentions_outside(_CONSENT.replace("\n", " "), _CONSENT) == 0
    # A mention or two (a footer's "cookie policy") is no dialog.
    assert consent_mentions_outside("Read our cookie policy\nCookie settings\n" + _words(50), _PRODUCT) == 2


def test_share_inside_counts_a_texts_words_found_in_the_region() -> None:
    from bot.digest.extract.html.choice import share_inside

    assert share_inside("", "anything") == 1.0
    assert share_inside("Free standard shipping on this item", _PRODUCT) == 1.0
    assert share_inside("Shop now", _PRODUCT) == 0.0
    half = share_inside("free standard shipping on\nalpha beta gamma delta", _PRODUCT)
    assert half == 0.5
