"""bench/listing4_study.py: its variants switch the card names on and back off, and its keep rule (no data needed)."""

from __future__ import annotations

from bench.listing4_study import VARIANTS, card_names_variant, report, scores_of
from bot.digest.extract.html import listing
from bot.digest.extract.html.profiles import PROFILES

TRUTH = "daisy ear studs in silver"


def _page(kind: str, answer: str) -> dict[str, object]:
    return {"type": kind, "predicted": "collection", "url": f"https://{kind}.example/c", "truth": TRUTH, "answer": answer, "f1": 0.0}


def test_a_variant_sets_the_profile_and_restores_it() -> None:
    shipped, shipped_spare = PROFILES["collection"], listing.names_to_spare
    with card_names_variant(max_links=1, max_reads=2, min_named_share=0.5):
        assert PROFILES["collection"].card_name_max_links == 1
        assert listing.names_to_spare.keywords == {"max_reads": 2, "min_named_share": 0.5, "max_card_names": None, "min_run_cards": 3}
    assert PROFILES["collection"] is shipped and listing.names_to_spare is shipped_spare
    assert "off (the profiles as main has them)" in VARIANTS


def test_the_keep_rule_refuses_a_type_that_loses() -> None:
    pages = {str(i): _page("collection", "") for i in range(6)} | {"9": _page("product", "")}
    base = {page_id: 0.5 for page_id in pages}
    gains = scores_of(pages, {page_id: TRUTH for page_id in pages if page_id != "9"}) | {"9": 0.5}
    assert report(pages, "gains", base, gains, show=3)
    assert not report(pages, "a product loses", base, gains | {"9": 0.1}, show=3)
