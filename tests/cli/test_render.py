from __future__ import annotations

from bot.cli.render import render_markdown, render_text
from bot.digest.models import Digest, Hedge, MarkedSentence, Stats, SummarySentence
from bot.settings import DigestSettings


def _digest_with_a_hedged_list_item() -> Digest:
    return Digest(
        source="https://shop.example/guitar",
        title="A guitar",
        url="https://shop.example/guitar",
        language="en",
        summary=[SummarySentence("The body is alder.", 0)],
        hedges=[MarkedSentence("- Tone may vary with the wood.", 4, Hedge("hedged", ("may",)))],
        stats=Stats(200, 20),
    )


def test_a_hedged_list_item_is_listed_without_its_own_dash() -> None:
    # The extraction writes an <li> as "- item"; the renderers put their own bullet before it, so the page's item
    # must not show as "- - item" (the summary's bullets already drop it: front_rules.shown_text).
    digest = _digest_with_a_hedged_list_item()
    text = render_text(digest, DigestSettings())
    assert "  • Tone may vary with the wood.\n" in text and "• -" not in text
    markdown = render_markdown(digest, DigestSettings())
    assert "- Tone may vary with the wood. _(hedged: **may**)_" in markdown and "- \\- Tone" not in markdown and "- - Tone" not in markdown


def test_a_hedge_with_no_cue_word_is_labelled_by_its_kind_alone() -> None:
    # The scorer may find a sentence uncertain with no word of it fit to show ("hedged", not "hedged: ").
    digest = _digest_with_a_hedged_list_item()
    digest.summary = [SummarySentence("The body is alder.", 0, Hedge("hedged", ()))]
    digest.hedges = [MarkedSentence("Tone varies with the wood.", 4, Hedge("hedged", ()))]
    text = render_text(digest, DigestSettings())
    assert "    [hedged]\n" in text and "hedged: " not in text
    markdown = render_markdown(digest, DigestSettings())
    assert "- The body is alder. _(hedged)_" in markdown and "- Tone varies with the wood. _(hedged)_" in markdown
