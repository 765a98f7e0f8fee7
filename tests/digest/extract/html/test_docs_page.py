"""A documentation page's missing list items (link lists too) and subheadings put back, and its missing code blocks."""

from lxml import html as lxml_html

from bot.digest.extract.html.article import restore_lists_and_headings
from bot.digest.extract.html.docs_page import MAX_CODE_WORDS, documentation_text, restore_code_blocks

INTRO = "A Service exposes a set of Pods behind one stable address that clients in the cluster can reach."
MIDDLE = "Each Service gets a name in the cluster's DNS, so clients find it without knowing any Pod address."
OUTRO = "The Service API reference describes every field of the object and what each one of them does."
SEE_ALSO = '<ul><li><a href="/docs/pods">Overview of Pods</a></li><li><a href="/docs/dns">DNS for Services</a></li></ul>'


def _tree(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>")


def _page(inside: str = "", before: str = "") -> lxml_html.HtmlElement:
    return _tree(
        f"""<nav><ul><li><a href="/">Home</a></li><li><a href="/docs">Docs</a></li></ul></nav>
        <main>{before}<p>{INTRO}</p><h2>Defining a Service</h2><ul><li>Pick a selector that matches the Pods</li></ul>
        <p>{MIDDLE}</p>{inside}<p>{OUTRO}</p></main>"""
    )


ANSWER = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"


def test_missing_items_and_headings_come_back_as_on_an_article():
    assert documentation_text(_page(), ANSWER).split("\n\n") == [INTRO, "Defining a Service", "- Pick a selector that matches the Pods", MIDDLE, OUTRO]


def test_a_list_of_links_in_the_body_comes_back_where_an_article_leaves_it_out():
    tree = _page(SEE_ALSO)
    assert "Overview of Pods" not in restore_lists_and_headings(tree, ANSWER)  # the article step's rule: a menu
    lines = documentation_text(_page(SEE_ALSO), ANSWER).split("\n\n")
    assert lines[-3:] == ["- Overview of Pods", "- DNS for Services", OUTRO]


def test_items_in_a_box_come_back_too_since_the_fifteenth_session():
    # The box filter (blockquote, aside, nav, table, "toc") was removed: its tune gain sat on two hosts.
    banner = "<blockquote><ul><li><a href='https://new.example.org'>Quick Start</a></li></ul></blockquote>"
    text = documentation_text(_page(inside=banner), ANSWER)
    assert "- Quick Start" in text and "- Pick a selector that matches the Pods" in text


def test_an_answer_that_holds_everything_is_unchanged():
    full = f"{INTRO}\n\nDefining a Service\n\n- Pick a selector that matches the Pods\n\n{MIDDLE}\n\n{OUTRO}"
    assert documentation_text(_page(), full) == full


# Fourteenth session: the page's missing code blocks.
CODE = "kubectl apply -f service.yaml\nkubectl get services"


def test_a_missing_code_block_comes_back_after_the_prose_before_it():
    tree = _tree(f"<main><p>{INTRO}</p><p>{MIDDLE}</p><pre><code>{CODE}</code></pre><p>{OUTRO}</p></main>")
    assert restore_code_blocks(tree, ANSWER).split("\n\n") == [INTRO, MIDDLE, CODE, OUTRO]
    full = f"{INTRO}\n\n{MIDDLE}\n\n{CODE}\n\n{OUTRO}"
    assert restore_code_blocks(tree, full) == full  # a block the answer holds stays as it is


def test_a_highlighters_line_elements_are_lines_and_its_gutter_is_left_out():
    lines = "".join(f'<div class="token-line"><span class="line-number">{n}</span><span>{line}</span></div>' for n, line in enumerate(CODE.split("\n"), 1))
    tree = _tree(f"<main><p>{MIDDLE}</p><pre><code>{lines}</code></pre><p>{OUTRO}</p></main>")
    assert restore_code_blocks(tree, ANSWER).split("\n\n")[2] == CODE


def test_no_code_block_after_prose_the_answer_left_out_nor_twice_nor_a_whole_example_file():
    left_out = "An aside the reader of the manual never sees in the answer, about naming the objects."
    twice = f"<pre>{CODE}</pre><pre>{CODE}</pre>"  # one tab panel a language, the same command in each
    tree = _tree(f"<main><p>{INTRO}</p>{twice}<p>{left_out}</p><pre>kubectl delete service demo</pre><p>{OUTRO}</p></main>")
    assert restore_code_blocks(tree, ANSWER).split("\n\n") == [INTRO, CODE, MIDDLE, OUTRO]
    long_file = "\n".join(f"line_{n} = {n}" for n in range(MAX_CODE_WORDS))
    tree = _tree(f"<main><p>{INTRO}</p><pre>{long_file}</pre><p>{OUTRO}</p></main>")
    assert restore_code_blocks(tree, ANSWER) == ANSWER


def test_documentation_text_puts_back_items_and_code_together():
    tree = _page(inside=f"<pre>{CODE}</pre>")
    assert documentation_text(tree, ANSWER).split("\n\n") == [INTRO, "Defining a Service", "- Pick a selector that matches the Pods", MIDDLE, CODE, OUTRO]
