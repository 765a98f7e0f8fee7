"""Scripts and style sheets out of the source before the parse."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.digest.extract.html.prune import drop_scripts_and_styles


def test_scripts_and_styles_lose_their_contents_and_json_ld_stays() -> None:
    html = """<html><head><style>p { color: red }</style><script type="application/ld+json">{"@type": "Product"}</script>
    <script>var x = "<div>not content</div>";</script></head><body><p>Kept text.</p></body></html>"""
    pruned = drop_scripts_and_styles(html)
    assert "color: red" not in pruned and "not content" not in pruned
    assert '{"@type": "Product"}' in pruned and "<p>Kept text.</p>" in pruned


def test_letters_whose_lower_case_is_longer_do_not_shift_the_cuts() -> None:
    """"İ".lower() is two characters: positions found in a lower-cased copy would cut the page's text."""
    body = "".join(f"<div><p>Paragraph {i} of the product description.</p></div>" for i in range(5))
    html = f"<html><head><script>var brand = 'İSTANBUL İZMİR';</script></head><body>{body}<script>track();</script></body></html>"
    pruned = drop_scripts_and_styles(html)
    assert body in pruned
    assert "İSTANBUL" not in pruned and "track();" not in pruned
    assert "<script></script>" in pruned



_NO_MARKUP = st.text(alphabet=st.characters(codec=None, blacklist_characters="<>"))


@given(_NO_MARKUP, _NO_MARKUP, _NO_MARKUP)
def test_only_a_script_s_contents_go_whatever_the_characters_around_it(before: str, inside: str, after: str) -> None:
    assert drop_scripts_and_styles(before + inside + after) == before + inside + after
    page = f"{before}<SCRIPT type='text/javascript'>{inside}</script>{after}"
    assert drop_scripts_and_styles(page) == f"{before}<SCRIPT type='text/javascript'></script>{after}"


def test_inline_svg_loses_its_contents_and_the_text_around_it_stays() -> None:
    from bot.digest.extract.html.prune import drop_inline_svg

    html = "<body><p>Before.</p><svg width='9'><path d='M0 0'/><text>label</text></svg><p>After.</p><svgfoo>kept</svgfoo></body>"
    pruned = drop_inline_svg(html)
    assert "label" not in pruned and "<path" not in pruned
    assert "<p>Before.</p>" in pruned and "<p>After.</p>" in pruned and "kept" in pruned
