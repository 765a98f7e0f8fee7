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
