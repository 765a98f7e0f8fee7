"""bench/listing5_study.py: its variants switch the profiles and listing.py's guards and restore them (no data needed)."""

from __future__ import annotations

from bench.listing5_study import VARIANTS, is_home_page, names_variant, profiles_changed, wrappers_variant
from bot.digest.extract.html import listing
from bot.digest.extract.html.profiles import PROFILES


def test_a_wrappers_variant_sets_the_share_and_guards_and_restores_them() -> None:
    shipped, shipped_wrappers, shipped_spared = dict(PROFILES), listing.cards_wrappers, listing.spared_wrapper
    with wrappers_variant(0.5, skip_carousels=False, menus_out=True):
        assert PROFILES["listing"].cards_wrapper_share == PROFILES["collection"].cards_wrapper_share == 0.5
        assert listing.cards_wrappers.keywords == {"skip_carousels": False, "skip_menus": False}
        assert listing.spared_wrapper.keywords == {"menus_out": True}
    assert PROFILES == shipped and listing.cards_wrappers is shipped_wrappers and listing.spared_wrapper is shipped_spared
    with wrappers_variant(None):
        assert PROFILES["listing"].cards_wrapper_share is None
    assert PROFILES == shipped


def test_profiles_changed_and_names_variant_restore_what_they_change() -> None:
    shipped, shipped_names = dict(PROFILES), listing.card_names
    with profiles_changed({"collection": {"grid_is_text": False}}), names_variant(largest_only=False, skip_home=True):
        assert not PROFILES["collection"].grid_is_text
        assert listing.card_names.keywords == {"largest_only": False}
    assert PROFILES == shipped and listing.card_names is shipped_names
    assert "the product as this code has it" in VARIANTS


def test_a_front_page_is_an_address_without_a_path() -> None:
    assert is_home_page("https://www.bigwalldecor.com/") and is_home_page("https://shop.example") and is_home_page(None)
    assert not is_home_page("https://www.redfin.com/city/17527/NV/Sparks")
