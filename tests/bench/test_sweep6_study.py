"""bench.sweep6_study: another checkout's lead_lines is loaded beside this one's, and the fallback is told apart."""

from __future__ import annotations

from pathlib import Path

from bench.sweep6_study import falls_back, load_lead_lines
from bot.digest.models import Sentence
from bot.digest.pipeline import lead_lines
from bot.digest.segment.sentence_splitter import split_sentences

CHECKOUT = Path(__file__).resolve().parents[2]
SHELF = ["Explore Dinner Recipes", "The 5 Best Easy Beef Taco Recipes We Make", "Ends 4/30", "Ends 4/30",
         "7 Million Dollar Recipes for Every Night"]


def test_a_checkouts_lead_lines_is_loaded_as_it_is_written() -> None:
    sentences = [Sentence(i, text, i, True) for i, text in enumerate(SHELF)]
    loaded = load_lead_lines(CHECKOUT)
    assert loaded is not lead_lines and loaded(sentences, "Dinner Recipes", 3) == lead_lines(sentences, "Dinner Recipes", 3) == [1, 4]


def test_the_fallback_fires_on_headings_only() -> None:
    assert falls_back(split_sentences("\n\n".join(SHELF), "en"), "Dinner Recipes", 3)
    story = ("The council closed the old bridge on Monday after engineers found deep cracks in two of its piers. "
             "Repairs will take six months, and buses will run a detour through the town centre until then. "
             "Shops near the bridge said trade fell by a third in the first week of the closure.")
    assert not falls_back(split_sentences(story, "en"), "Bridge closes", 3)
