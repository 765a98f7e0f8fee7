"""Scripts and style sheets out of the source before the parse; spans out of highlighted code; spaces that
trafilatura's jusText fallback would lose."""

from __future__ import annotations

import trafilatura
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from trafilatura.external import ParagraphMaker

from bot.digest.extract.html.prune import code_in_preformatted, drop_scripts_and_styles, space_before_inline_gaps


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


_HIGHLIGHTED = (
    "<html><body><article><p>Paste in the <span>following</span> <span>code</span>:</p>"
    "<pre><code><div><span class='k'>import</span> <span class='n'>os</span>\n</div>"
    "<div><span class='k'>from</span>&#160;<span class='n'>twilio.rest</span> <span class='k'>import</span> <span class='n'>Client</span>\n</div></code></pre>"
    "<pre><div><span class='ln'>1</span><div><span>print</span><span>(</span><span>client</span><span>)</span>\n</div></div></pre>"
    "<p>Then run <code><span>python</span> <span>send_sms.py</span></code> in a terminal.</p></article></body></html>"
)


def test_highlighted_code_keeps_the_spaces_between_its_tokens_in_trafilatura_s_fallback() -> None:
    """trafilatura's jusText fallback (chosen on a Twilio quickstart page) drops whitespace-only text
    between spans: highlighted code read "importos" before the tokens' spans were unwrapped."""
    tree = lxml_html.fromstring(_HIGHLIGHTED)
    code_in_preformatted(tree)
    paragraphs = [paragraph.text for paragraph in ParagraphMaker.make_paragraphs(tree)]
    assert "import os" in paragraphs
    assert "from twilio.rest import Client" in paragraphs  # &#160; read as a space
    assert "Then run python send_sms.py in a terminal." in paragraphs


def test_only_spans_inside_code_are_unwrapped_and_no_text_changes() -> None:
    tree = lxml_html.fromstring(_HIGHLIGHTED)
    before = tree.text_content()
    code_in_preformatted(tree)
    assert tree.text_content() == before
    assert not tree.xpath("//pre//span | //code//span")
    assert [span.text for span in tree.iter("span")] == ["following", "code"]  # prose keeps its spans
    assert len(tree.xpath("//pre//div")) == 4  # the code's line structure stays


_PROSE = (
    "<html><body><article><h1>Sending a message</h1>"
    "<p>Paste in the <span>following</span> <span>code</span>: it uses <b>your</b>\n<i>account</i>, "
    "<a href='/sid'>the SID</a>&#160;<a href='/token'>and token</a>.</p>"
    "<ul><li><span>first</span> <span>item</span></li></ul><div>a block</div> <div>another block</div>"
    "<p>" + "The message is sent from a number you own to the number you give. " * 12 + "</p></article></body></html>"
)


def test_prose_split_over_inline_elements_keeps_its_spaces_in_trafilatura_s_fallback() -> None:
    """jusText (trafilatura's last fallback) skips white space alone between two inline elements."""
    tree = lxml_html.fromstring(_PROSE)
    glued = [paragraph.text for paragraph in ParagraphMaker.make_paragraphs(tree)]
    assert "Paste in the followingcode: it uses youraccount, the SIDand token." in glued  # the fault, unfixed
    space_before_inline_gaps(tree)
    paragraphs = [paragraph.text for paragraph in ParagraphMaker.make_paragraphs(tree)]
    assert "Paste in the following code: it uses your account, the SID and token." in paragraphs
    assert "first item" in paragraphs and "a block" in paragraphs and "another block" in paragraphs


def test_the_spaces_added_change_no_text_but_white_space_and_not_what_trafilatura_extracts() -> None:
    tree = lxml_html.fromstring(_PROSE)
    before_text = tree.text_content()
    before = trafilatura.bare_extraction(lxml_html.fromstring(_PROSE), output_format="txt")
    space_before_inline_gaps(tree)
    assert tree.text_content().split() == before_text.split()
    assert tree.text_content() != before_text
    after = trafilatura.bare_extraction(tree, output_format="txt")
    assert etree.tostring(after.body) == etree.tostring(before.body)


def test_a_space_goes_after_the_last_text_inside_nested_inline_elements() -> None:
    tree = lxml_html.fromstring("<p><a href='/x'><b>bold</b> link<i></i></a> <em>next</em></p>")
    space_before_inline_gaps(tree)
    assert [paragraph.text for paragraph in ParagraphMaker.make_paragraphs(tree)] == ["bold link next"]


def test_long_attribute_values_are_emptied_and_the_rest_kept() -> None:
    from bot.digest.extract.html.prune import LONG_ATTRIBUTE_CHARS, drop_long_attributes

    data = "x" * LONG_ATTRIBUTE_CHARS
    html = (f"<div data-items='{data}' class=\"card\"><img src=\"data:image/png;base64,{data}\" alt=\"A shoe\">"
            f"<p title=\"{'y' * (LONG_ATTRIBUTE_CHARS - 1)}\">Text stays.</p></div>")
    assert drop_long_attributes(html) == (
        "<div data-items=\"\" class=\"card\"><img src=\"\" alt=\"A shoe\">"
        f"<p title=\"{'y' * (LONG_ATTRIBUTE_CHARS - 1)}\">Text stays.</p></div>"
    )
    # a long quotation in the text, after an "=", holds markup: no attribute, left alone
    quoted = f'<p>He wrote x = "{data} <b>bold</b> {data}" and left.</p>'
    assert drop_long_attributes(quoted) == quoted
