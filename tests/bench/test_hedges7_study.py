"""The sixteenth session's hedges7 study: the kinds it counts among the listed claims, and the listing it recomputes."""

from __future__ import annotations

from bench.hedges7_study import count, kinds_of, listed, marked_again, site_notice
from bench.sweep import Item
from bot.digest.models import Hedge, MarkedSentence
from tests.bench.test_sweep import digest

NOTICE = "We may earn commission on some of the items you choose to buy."
CONCESSIVE = "Whether you're new to the outdoors or a seasoned pro, our tents keep you dry."
TEXT = f"The tent weighs two kilos and sleeps three.\n\n{NOTICE}\n\n{CONCESSIVE}\n\nSome campers say it may leak in heavy rain."


def _claim(text: str, *cues: str) -> MarkedSentence:
    return MarkedSentence(text, 0, Hedge("hedged", cues))


def test_kinds_name_notices_quantity_cues_and_a_concessive_whether() -> None:
    assert "site notice (is_site_notice)" in kinds_of(_claim(NOTICE, "may"))
    assert kinds_of(_claim("Many desks are height-adjustable.", "Many")) == ["hedged by quantity cues only"]
    assert kinds_of(_claim(CONCESSIVE, "Whether")) == ["hedged by a concessive whether only"]
    assert kinds_of(_claim("Some campers say it may leak.", "Some", "may")) == []


def _answer() -> dict:
    hedges = [{"text": NOTICE, "index": 1, "kind": "hedged", "cues": ["may"], "soft_cues": []},
              {"text": CONCESSIVE, "index": 2, "kind": "hedged", "cues": ["Whether"], "soft_cues": []}]
    return digest(title="Tent", text=TEXT, summary=[], hedges=hedges)


def test_a_variant_leaves_its_claims_out_of_the_listing() -> None:
    answer = _answer()
    assert [c.text for c in listed(answer)] == [NOTICE, CONCESSIVE]
    assert [c.text for c in listed(answer, site_notice)] == [CONCESSIVE]
    table = count([(Item("wcxb-product", "0001", ".html", ""), answer)], None)
    assert table["claims listed"]["product"] == 2 and table["hedged by a concessive whether only"]["product"] == 1


def test_marked_again_uses_this_checkouts_rules() -> None:
    texts = [c.text for c in marked_again(_answer())]
    assert NOTICE not in texts and CONCESSIVE not in texts
    assert "Some campers say it may leak in heavy rain." in texts
