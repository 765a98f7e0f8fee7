from __future__ import annotations

import dataclasses
import re
from urllib.parse import unquote

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats, SummarySentence
from bot.discord_app.embeds import (
    EMBED_TOTAL_LIMIT,
    cut_at_word,
    digest_embed,
    error_text,
    escape,
    summary_bullet,
    footer_text,
    text_fragment_link,
)
from tests.helpers.fake_discord import assert_within_discord_limits, embed_total_length


def payload_of(digest: Digest) -> dict:
    return {"embeds": [digest_embed(digest).to_dict()]}


def test_escape_neutralises_markdown_links_and_mentions() -> None:
    text = "Click [here](https://evil.example) **now** @everyone and @here, ping <@123456789012345678> `code` ~~x~~ ||spoiler||"
    escaped = escape(text)
    assert "[here](" not in escaped and "\\[here\\]" in escaped
    assert "**now**" not in escaped
    assert "@everyone" not in escaped and "@here" not in escaped
    assert re.search(r"(?<!\\)<@", escaped) is None  # an escaped mention shows as text
    assert "https://evil.example" in escaped  # links stay whole, only the brackets are escaped
    assert "||spoiler||" not in escaped and "`code`" not in escaped


def test_escape_neutralises_line_start_markup() -> None:
    assert escape("# Heading").startswith("\\#")
    assert escape("- item").startswith("\\-")
    assert escape("> quote").startswith("\\>")


def test_text_fragment_link_encodes_reserved_characters() -> None:
    url = text_fragment_link(
        "https://example.org/a(b)?x=1#old",
        "It's only three defections - at least two colonels and perhaps a general - but worrisome, still.",
    )
    base, directive = url.split("#:~:text=")
    assert base == "https://example.org/a%28b%29?x=1"
    start, end = directive.split(",")
    assert unquote(start) == "It's only three defections"
    assert unquote(end) == "- but worrisome, still."
    assert "-" not in directive and " " not in directive
    short = text_fragment_link("https://example.org/", "Short one.")
    assert short.endswith("#:~:text=Short%20one.")


def test_cut_at_word_never_cuts_mid_word() -> None:
    text = "alpha beta gamma delta epsilon"
    cut = cut_at_word(text, 17)
    assert cut == "alpha beta…"
    assert len(cut) <= 17
    assert cut_at_word(text, 100) == text


def sample_digest(url: str | None = "https://example.org/syria") -> Digest:
    return Digest(
        source=url or "message.txt",
        title="3 top Syrian officers defect",
        language="en",
        url=url,
        summary=[
            SummarySentence("A handful of top Syrian military officers defected overnight.", 2),
            SummarySentence("One of those three may be a general, but reports remain inconclusive.", 4, Hedge("hedged", ("may",))),
        ],
        figures=[Figure("nearly 33,000", 33000.0, "Syrian refugees", True, 6), Figure("224", 224.0, "people", False, 3)],
        hedges=[
            MarkedSentence("One of those three may be a general, but reports remain inconclusive.", 4, Hedge("hedged", ("may",))),
            MarkedSentence("If a general were among those who fled, it would mark the 13th.", 6, Hedge("conditional", ("if", "would"))),
        ],
        stats=Stats(words_in=460, words_out=21),
    )


def test_digest_embed_layout() -> None:
    embed = digest_embed(sample_digest()).to_dict()
    assert embed["title"] == "3 top Syrian officers defect"
    assert embed["url"] == "https://example.org/syria"
    lines = embed["description"].split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("• A handful of top Syrian military officers defected overnight.")
    assert "(https://example.org/syria#:~:text=A%20handful%20of%20top," in lines[0]
    assert "⚠️" in lines[1] and "**may**" in lines[1] and "*(hedged: may)*" in lines[1]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "**nearly 33,000** Syrian refugees (approx.)" in fields["Key figures"]
    assert "conditional: if, would" in fields["Hedged claims elsewhere"]  # a hedge not among the bullets
    footer = embed["footer"]["text"]
    assert "language: en" in footer and "460 words → 21" in footer and "95% shorter" in footer and "min saved" in footer


def test_a_figure_without_a_counted_noun_shows_its_quote() -> None:
    digest = sample_digest()
    digest.figures = [Figure("seven in 10", 7.0, "", False, 2, quote="More than seven in 10 say they")]
    fields = {f["name"]: f["value"] for f in digest_embed(digest).to_dict()["fields"]}
    assert fields["Key figures"] == "• **seven in 10** — “More than seven in 10 say they”"
    from bot.cli.render import render_markdown, render_text
    from bot.settings import DigestSettings

    assert "  • seven in 10 — “More than seven in 10 say they”\n" in render_text(digest, DigestSettings())  # the command line too
    assert "- seven in 10 — “More than seven in 10 say they”\n" in render_markdown(digest, DigestSettings())


def test_pasted_text_has_no_links() -> None:
    embed = digest_embed(sample_digest(url=None)).to_dict()
    assert "url" not in embed
    assert "#:~:text=" not in embed["description"]


def test_huge_digest_is_cut_at_sentence_boundaries() -> None:
    sentence = "Word " * 150 + "end."
    digest = sample_digest()
    digest.title = "T" * 400
    digest.summary = [SummarySentence(f"Sentence {i}. " + sentence, i) for i in range(20)]
    digest.figures = [Figure(f"{i},000", float(i), "things counted " * 5, False, i) for i in range(60)]
    payload = payload_of(digest)
    assert_within_discord_limits(payload)
    embed = payload["embeds"][0]
    assert embed_total_length(embed) <= EMBED_TOTAL_LIMIT
    lines = embed["description"].split("\n")
    assert lines[-1].startswith("*…and ") and lines[-1].endswith("more sentences*")
    for line in lines[:-1]:  # every kept bullet is a whole sentence
        assert re.search(r"end\. \[↗\]\(\S+\)$", line), line


def test_error_text_wraps_links_and_escapes() -> None:
    text = error_text("The page at https://x.example/a answered HTTP 404 **bad**", "https://x.example/a")
    assert "<https://x.example/a>" in text
    assert re.search(r"(?<!<)https://x\.example/a(?!>)", text) is None
    assert "**bad**" not in text


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=600)


@settings(max_examples=60, deadline=None)
@given(
    title=words,
    sentences=st.lists(words, max_size=25),
    figures=st.lists(st.tuples(words, words), max_size=30),
    url=st.sampled_from([None, "https://example.org/a_b(c)", "http://127.0.0.1:8080/x"]),
)
def test_any_digest_fits_discord_limits(title: str, sentences: list[str], figures: list[tuple[str, str]], url: str | None) -> None:
    digest = Digest(
        source=url or "text",
        title=title,
        url=url,
        language="en",
        summary=[SummarySentence(s, i, Hedge("attributed", ("said",)) if i % 3 == 0 else None) for i, s in enumerate(sentences)],
        figures=[Figure(t, None, c, bool(i % 2), i) for i, (t, c) in enumerate(figures)],
        hedges=[MarkedSentence(s, i, Hedge("hedged", ("may",))) for i, s in enumerate(sentences[:5])],
        stats=Stats(1000, 100),
    )
    assert_within_discord_limits(payload_of(digest))


def test_hedged_claims_follow_max_hedges_and_say_how_many_more() -> None:
    from bot.cli.render import render_text
    from bot.settings import DigestSettings

    digest = sample_digest()
    digest.hedges = digest.hedges + [MarkedSentence(f"Officials said claim {i} holds.", 10 + i, Hedge("attributed", ("said",))) for i in range(7)]
    two = DigestSettings(max_hedges=2)
    field = {f["name"]: f["value"] for f in digest_embed(digest, two).to_dict()["fields"]}["Hedged claims elsewhere"]
    assert field.count("• ") == 2 and field.endswith("*…and 6 more hedged claims*")  # 8 outside the summary
    text = render_text(digest, two).split("Hedged claims elsewhere\n", 1)[1]
    assert text.count("  • ") == 2 and "…and 6 more hedged claims" in text  # the same rule on the command line
    everything = digest_embed(digest, DigestSettings(max_hedges=8)).to_dict()["fields"][-1]["value"]
    shown = everything.count("• ")  # what does not fit in the field is counted, never dropped silently
    assert 2 < shown < 8 and everything.endswith(f"*…and {8 - shown} more hedged claim{'s' if 8 - shown > 1 else ''}*")
    assert len(everything) <= 1024


def test_error_text_names_the_page_by_its_title_when_it_has_one() -> None:
    digest = Digest(source="https://x.example/login", title="Sign in to *Example* @everyone", error="No article text was found on the page; it holds a sign-in form.")
    text = error_text(digest, digest.source)
    assert text.startswith("⚠️ I can't summarize “Sign in to \\*Example\\* @\u200beveryone” (<https://x.example/login>): No article text")
    untitled = error_text(Digest(source="a.txt", error="Too short."))
    assert untitled == "⚠️ I can't summarize that: Too short."


def test_summary_bullet_shows_a_list_item_without_its_dash() -> None:
    bullet = summary_bullet(SummarySentence("- Body: Alder", 3), "https://shop.example/guitar")
    assert bullet.startswith("• Body: Alder")
    assert "text=Body%3A%20Alder" in bullet and "%2D" not in bullet.split("text=")[1]


def test_a_summary_of_the_whole_article_is_not_called_zero_percent_shorter() -> None:
    whole = dataclasses.replace(sample_digest(), stats=Stats(words_in=32, words_out=32))
    footer = footer_text(whole)
    assert "32 words → 32 · the summary is the whole article" in footer and "%" not in footer and "min saved" not in footer


def test_summary_bullet_labels_a_hedge_with_no_cue_word_by_its_kind_alone() -> None:
    bullet = summary_bullet(SummarySentence("Tone varies with the wood.", 3, Hedge("hedged", ())), None)
    assert bullet == "• ⚠️ Tone varies with the wood. *(hedged)*"
    named = summary_bullet(SummarySentence("Tone may vary.", 3, Hedge("hedged", ("may",))), None)
    assert named == "• ⚠️ Tone **may** vary. *(hedged: may)*"
