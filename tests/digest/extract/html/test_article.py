"""The article body's list items and subheadings put back into trafilatura's answer, and the
sections that follow the article dropped from its end."""

import pytest
from lxml import html as lxml_html

from bot.digest.extract.html.article import article_text, restore_lists_and_headings, site_host

INTRO = "Programming languages live and die by the jobs and the projects built in them every year."
MIDDLE = "The cycle runs the other way for a niche language that few companies have chosen to use."
OUTRO = "If a niche language wants to stay relevant, we need to see a lot more good code online."


def _tree(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>")


def _page(extra_list: str = "") -> lxml_html.HtmlElement:
    return _tree(
        f"""<nav><ul><li><a href="/">Home</a></li><li><a href="/blog">Blog</a></li></ul></nav>
        <div class="post"><p>{INTRO}</p>
        <ul><li>Lots of companies use mainstream languages</li><li>Lots of <b>jobs</b> are available in them</li></ul>
        <h2>The niche spiral</h2><p>{MIDDLE}</p>{extra_list}<p>{OUTRO}</p></div>"""
    )


def test_missing_items_and_headings_come_back_after_the_paragraph_they_follow():
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    restored = restore_lists_and_headings(_page(), answer)
    assert restored.split("\n\n") == [
        INTRO,
        "- Lots of companies use mainstream languages",
        "- Lots of jobs are available in them",
        "The niche spiral",
        MIDDLE,
        OUTRO,
    ]


def test_an_answer_that_holds_them_is_unchanged():
    answer = f"{INTRO}\n\n- Lots of companies use mainstream languages\n\n- Lots of jobs are available in them\n\nThe niche spiral\n\n{MIDDLE}\n\n{OUTRO}"
    assert restore_lists_and_headings(_page(), answer) == answer


def test_an_item_split_over_two_paragraphs_counts_as_there():
    page = _tree(f"<div><p>{INTRO}</p><ul><li><p>Plan your time.</p>You should plan at least nine hours a week.</li></ul><p>{OUTRO}</p></div>")
    answer = f"{INTRO}\n\n- Plan your time.\n\nYou should plan at least nine hours a week.\n\n{OUTRO}"
    assert restore_lists_and_headings(page, answer) == answer


def test_menus_outside_the_body_link_lists_and_comments_stay_out():
    links = '<ul><li><a href="/a">Best solar panels in 2026: which one should you choose</a></li></ul>'
    comments = '<ol class="commentlist"><li>Karl says: great points, thanks for posting this.</li></ol>'
    answer = f"{INTRO}\n\n- Lots of companies use mainstream languages\n\n- Lots of jobs are available in them\n\nThe niche spiral\n\n{MIDDLE}\n\n{OUTRO}"
    assert restore_lists_and_headings(_page(links + comments), answer) == answer


def test_no_paragraph_of_the_answer_on_the_page_leaves_it_alone():
    answer = "A text that the page does not hold anywhere, in any of its paragraphs at all."
    assert restore_lists_and_headings(_page(), answer) == answer


def test_an_article_in_sections_has_its_items_back_in_each():
    second = "A second section holds two paragraphs of its own, each of them long enough to count."
    third = "And this is the other paragraph of that second section, which trafilatura kept too."
    page = _tree(
        f"""<section><p>{INTRO}</p><ul><li>An item of the first section</li></ul><p>{MIDDLE}</p></section>
        <section><p>{second}</p><ul><li>An item of the second section</li></ul><p>{third}</p></section>"""
    )
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{second}\n\n{third}"
    assert restore_lists_and_headings(page, answer).split("\n\n") == [
        INTRO, "- An item of the first section", MIDDLE, second, "- An item of the second section", third
    ]


def test_gallery_captions_teaser_cards_and_a_trailing_heading_stay_out():
    gallery = '<ul><li><img src="a.jpg"> Ministers shake hands before the talks in Hanoi on Tuesday</li></ul>'
    cards = '<a href="/b"><h3>Prince Andrew: three universities abandon ties with the duke</h3></a>'
    page = _tree(f"<div><p>{INTRO}</p>{gallery}<p>{MIDDLE}</p><p>{OUTRO}</p>{cards}<h2>Related links</h2></div>")
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    assert restore_lists_and_headings(page, answer) == answer


AUTHOR = "Jane Doe writes about languages, compilers and the people who maintain them."
BODY = [
    "Programming languages live and die by the jobs and the projects built in them every year.",
    "The cycle runs the other way for a niche language that few companies have chosen to use.",
    "Fewer jobs mean fewer people learn it, and fewer people mean fewer projects in the end.",
    "If a niche language wants to stay relevant, we need to see a lot more good code online.",
    "Libraries, tutorials and answers to common questions all count toward that goal today.",
]


def _article_page(after: str) -> lxml_html.HtmlElement:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in BODY)
    return _tree(f'<article><div class="entry">{paragraphs}</div>{after}</article>')


def test_an_author_box_after_the_article_is_dropped_from_the_end():
    page = _article_page(f'<div class="author"><h3>About the author</h3><p>{AUTHOR}</p></div>')
    answer = "\n\n".join([*BODY, "About the author", AUTHOR])
    assert article_text(page, answer) == "\n\n".join(BODY)


def test_an_answer_that_ends_in_the_article_is_unchanged():
    page = _article_page(f'<div class="author"><h3>About the author</h3><p>{AUTHOR}</p></div>')
    answer = "\n\n".join([*BODY[:2], "About the author", AUTHOR, *BODY[2:]])
    assert article_text(page, answer) == answer


def test_a_long_trailing_run_is_kept_it_may_be_the_article_in_another_frame():
    more = " ".join(BODY)  # as many words after the article's frame as in it
    page = _article_page(f"<section><h2>Part two</h2><div>{more}</div></section>")
    answer = "\n\n".join([*BODY, "Part two", more])
    assert article_text(page, answer) == answer


def test_restored_items_stay_and_the_trailing_section_goes():
    page = _tree(
        f"""<div class="post"><p>{INTRO}</p>
        <ul><li>Lots of companies use mainstream languages</li><li>Lots of <b>jobs</b> are available in them</li></ul>
        <p>{MIDDLE}</p><p>{OUTRO}</p><p>{BODY[3]}</p><p>{BODY[4]}</p></div>
        <aside><h2>Related articles</h2><p>Why niche languages need more code online</p></aside>"""
    )
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}\n\n{BODY[3]}\n\n{BODY[4]}\n\nRelated articles\n\nWhy niche languages need more code online"
    assert article_text(page, answer).split("\n\n") == [
        INTRO,
        "- Lots of companies use mainstream languages",
        "- Lots of jobs are available in them",
        MIDDLE,
        OUTRO,
        BODY[3],
        BODY[4],
    ]


PROMO = "Sign up to our weekly letter and get the best of the blog in your inbox every Friday."


def _body_with(end: str, entry_class: str = "entry") -> lxml_html.HtmlElement:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in BODY)
    return _tree(f'<article><div class="{entry_class}">{paragraphs}{end}</div></article>')


def test_an_author_box_inside_the_article_is_dropped_from_the_end():
    page = _body_with(f'<div class="saboxplugin-wrap"><p>{AUTHOR}</p></div><div class="cta_box"><p>{PROMO}</p></div>')
    answer = "\n\n".join([*BODY, AUTHOR, PROMO])
    assert article_text(page, answer) == "\n\n".join(BODY)


def test_the_same_paragraphs_without_an_end_matter_name_stay():
    page = _body_with(f'<div class="box"><p>{AUTHOR}</p></div><p>{PROMO}</p>')
    answer = "\n\n".join([*BODY, AUTHOR, PROMO])
    assert article_text(page, answer) == answer


def test_only_the_trailing_run_of_end_matter_goes():
    # the promo box sits at the end of the page, but the answer ends with a paragraph of the article
    page = _body_with(f'<div class="newsletter"><p>{PROMO}</p></div>')
    answer = "\n\n".join([*BODY[:4], PROMO, BODY[4]])
    assert article_text(page, answer) == answer


def test_a_large_end_matter_run_is_kept():
    page = _body_with(f'<div class="related-posts">{"".join(f"<p>{p}</p>" for p in BODY[2:])}</div>')
    answer = "\n\n".join([*BODY, *BODY[2:]])
    assert article_text(page, answer) == answer


def test_the_class_of_the_article_frame_itself_does_not_count():
    page = _body_with(f"<p>{PROMO}</p>", entry_class="entry share-enabled")
    answer = "\n\n".join([*BODY, PROMO])
    assert article_text(page, answer) == answer

RELATED = "Why niche languages survive"


def _body_with_related(link: str) -> lxml_html.HtmlElement:
    paragraphs = [f"<p>{paragraph}</p>" for paragraph in BODY]
    paragraphs.insert(2, f"<p><strong>Related:</strong> {link}</p>")
    return _tree(f'<article><div class="entry">{"".join(paragraphs)}</div></article>')


def test_a_related_link_between_the_paragraphs_is_dropped():
    page = _body_with_related(f'<a href="/niche">{RELATED}</a>')
    answer = "\n\n".join([*BODY[:2], f"Related: {RELATED}", *BODY[2:]])
    assert article_text(page, answer) == "\n\n".join(BODY)


def test_a_related_line_that_is_no_link_stays():
    page = _body_with_related(RELATED)
    answer = "\n\n".join([*BODY[:2], f"Related: {RELATED}", *BODY[2:]])
    assert article_text(page, answer) == answer


def test_a_read_more_link_stays():
    # "Read more:" lines are in WCXB's truths about as often as not: only "Related:" is read as a teaser
    page = _tree(f'<article><div class="entry">{"".join(f"<p>{p}</p>" for p in BODY)}<p>Read more: <a href="/n">{RELATED}</a></p></div></article>')
    answer = "\n\n".join([*BODY[:2], f"Read more: {RELATED}", *BODY[2:]])
    assert article_text(page, answer) == answer


def test_normal_text_fast_path_equals_the_substitution() -> None:
    """`_normal`'s ASCII path (str.translate and split) gives what `\\W+` -> " " and strip give."""
    import random
    import re

    from bot.digest.extract.html.article import _normal

    def reference(text: str) -> str:
        return re.sub(r"\W+", " ", text.lower()).strip()

    tricky = ["", "  ", "snake_case_word", "Tab\there\x0bvt\x1cfs\x1fus", "__init__ -- x", "\u212aelvin", "Ünïcode wörds", "a\u00a0b", "Don't stop!"]
    rng = random.Random(14)
    alphabet = [chr(code) for code in range(128)] + ["é", "\u00a0", "\u2028", "İ"]
    fuzzed = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in tricky + fuzzed:
        assert _normal(text) == reference(text), repr(text)


def test_normal_text_is_the_same_cached_twice_and_for_long_texts_not_cached() -> None:
    """`_normal` caches short texts (the answer's lines, read by every step): the same answer each time."""
    from bot.digest.extract.html.article import MAX_CACHED_CHARACTERS, _normal, _normal_line

    long_text = "Word, and another! " * (MAX_CACHED_CHARACTERS // 10)
    assert _normal(long_text) == _normal(long_text) == " ".join(["word and another"] * (MAX_CACHED_CHARACTERS // 10))
    _normal_line.cache_clear()
    assert _normal(INTRO) == _normal(INTRO) == " ".join(INTRO.lower().replace(".", "").split())
    assert _normal_line.cache_info().hits == 1 and _normal_line.cache_info().currsize == 1


# Eleventh session: body paragraphs trafilatura left out between answer paragraphs come back.
LEFT_OUT = (
    "Index funds track a whole market, so a fall in that market takes the fund down with it, and no manager "
    "steps in to move the money elsewhere when the outlook turns bad."
)


def _body_left_out(missing: str) -> lxml_html.HtmlElement:
    return _tree(f'<article><div class="entry"><p>{INTRO}</p>{missing}<p>{MIDDLE}</p><p>{OUTRO}</p></div></article>')


def test_a_long_paragraph_left_out_between_answer_paragraphs_comes_back_in_place():
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    assert restore_lists_and_headings(_body_left_out(f"<p>{LEFT_OUT}</p>"), answer).split("\n\n") == [INTRO, LEFT_OUT, MIDDLE, OUTRO]


def test_a_left_out_paragraph_at_the_end_of_the_body_short_or_in_a_box_stays_out():
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    at_the_end = _tree(f'<article><div class="entry"><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p><p>{LEFT_OUT}</p></div></article>')
    assert restore_lists_and_headings(at_the_end, answer) == answer
    assert restore_lists_and_headings(_body_left_out("<p>Index funds track a whole market, so they fall with it.</p>"), answer) == answer
    boxes = [
        f'<div class="wp-caption"><p>{LEFT_OUT}</p></div>',  # a caption
        f"<form><div><p>{LEFT_OUT}</p></div></form>",  # a form's notice
        f'<div class="banner"><p>{LEFT_OUT}</p><a href="/calc">Calculate</a></div>',  # a call to action
        f"<blockquote><p>{LEFT_OUT}</p></blockquote>",  # a pull quote
    ]
    for box in boxes:
        assert restore_lists_and_headings(_body_left_out(box), answer) == answer, box


def test_text_with_c1_control_characters_matches_the_answer_without_them():
    # A page read with the wrong encoding holds "\u00e2\u0080\u0099" for a quote; trafilatura's answer drops the
    # control characters, so the page's item is already in the answer and is not put back a second time.
    page = _tree(f"<div><p>{INTRO}</p><ul><li>Don\u00e2\u0080\u0099t buy the first fund you see</li></ul><p>{OUTRO}</p></div>")
    answer = f"{INTRO}\n\n- Don\u00e2t buy the first fund you see\n\n{OUTRO}"
    assert restore_lists_and_headings(page, answer) == answer


# Twelfth session: subheadings of the article's frame that head an answer line, and link-only list items
# whose links all leave the site.

SECOND = "A second paragraph of the first part that trafilatura kept in its answer as well."
FOURTH = "A second paragraph of the second part, also kept by trafilatura in its answer."


def _sections(heading_one: str = "<h2>Part one</h2>", heading_two: str = "<h2>Part two</h2><h3>Why</h3>", tail: str = "") -> lxml_html.HtmlElement:
    return _tree(
        f"""<div class="post"><section>{heading_one}<div class="text"><p>{INTRO}</p><p>{SECOND}</p></div></section>
        <section>{heading_two}<div class="text"><p>{MIDDLE}</p><p>{FOURTH}</p></div></section>{tail}</div>"""
    )


def test_a_heading_outside_the_body_comes_back_before_the_line_it_heads():
    answer = f"{INTRO}\n\n{SECOND}\n\n{MIDDLE}\n\n{FOURTH}"
    assert article_text(_sections(), answer).split("\n\n") == [
        "Part one", INTRO, SECOND, "Part two", "Why", MIDDLE, FOURTH,
    ]


def test_a_heading_whose_next_block_is_not_in_the_answer_stays_out():
    tail = '<h2>Related posts</h2><ul><li><a href="/a">Another post</a></li><li><a href="/b">And another</a></li></ul>'
    answer = f"{INTRO}\n\n{SECOND}\n\n{MIDDLE}\n\n{FOURTH}"
    restored = article_text(_sections(tail=tail), answer)
    assert "Related posts" not in restored
    assert restored.split("\n\n")[0] == "Part one"


def test_headings_already_in_the_answer_are_not_doubled():
    answer = f"Part one\n\n{INTRO}\n\n{SECOND}\n\nPart two\n\nWhy\n\n{MIDDLE}\n\n{FOURTH}"
    assert article_text(_sections(), answer) == answer


def _links_page(items: str, after: str = f"<p>{OUTRO}</p>", head: str = "") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f"""<html><head>{head}</head><body><div class="post"><p>{INTRO}</p><p>{MIDDLE}</p>
        <ul>{items}</ul>{after}</div></body></html>"""
    )


OUTBOUND = '<li><a href="https://www.headspace.com/">Headspace</a></li><li><a href="https://buddhify.com/app">Buddhify</a></li>'
CANONICAL = '<link rel="canonical" href="https://www.example.org/post">'


def test_link_only_items_to_other_sites_between_answer_paragraphs_come_back():
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    restored = article_text(_links_page(OUTBOUND, head=CANONICAL), answer)
    assert restored.split("\n\n") == [INTRO, MIDDLE, "- Headspace", "- Buddhify", OUTRO]


def test_link_only_items_to_the_own_site_to_social_networks_or_at_the_end_stay_out():
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    own = '<li><a href="/one">One post</a></li><li><a href="https://blog.example.org/two">Two posts</a></li>'
    social = '<li><a href="https://twitter.com/intent/tweet">Tweet</a></li><li><a href="https://www.facebook.com/share">Share</a></li>'
    for items in (own, social):
        assert article_text(_links_page(items, head=CANONICAL), answer) == answer
    at_the_end = f"{INTRO}\n\n{MIDDLE}"
    assert article_text(_links_page(OUTBOUND, after="", head=CANONICAL), at_the_end) == at_the_end


def test_the_site_is_the_canonical_host_else_the_one_most_links_name():
    assert site_host(_links_page(OUTBOUND, head=CANONICAL)) == "example.org"
    links = '<a href="https://www.news.net/a">a</a><a href="https://news.net/b">b</a><a href="https://other.com/">c</a>'
    assert site_host(_tree(links)) == "news.net"
    assert site_host(_tree("<p>No links</p>")) == ""


def test_a_link_share_limit_given_lets_link_lists_back_and_the_default_keeps_them_out():
    links = '<ul><li><a href="/a">Best solar panels in 2026: which one should you choose</a></li></ul>'
    answer = f"{INTRO}\n\n- Lots of companies use mainstream languages\n\n- Lots of jobs are available in them\n\nThe niche spiral\n\n{MIDDLE}\n\n{OUTRO}"
    assert restore_lists_and_headings(_page(links), answer) == answer
    assert restore_lists_and_headings(_page(links), answer, max_link_share=None) == answer
    assert "- Best solar panels in 2026" in restore_lists_and_headings(_page(links), answer, max_link_share=float("inf"))


# --- label lines (thirteenth session) ---------------------------------------------------------------------------
LONG = "The council closed the old bridge before dawn on Monday after the river rose three metres overnight in the heavy rain."


def test_label_lines_go_and_a_lead_date_and_byline_with_them():
    from bot.digest.extract.html.article import drop_label_lines

    text = "\n\n".join(["- Sep 26, 2022", "- 2 min read", "By Jane Doe", "Table of Contents", LONG, MIDDLE, "Related articles"])
    assert drop_label_lines(text).split("\n\n") == [LONG, MIDDLE]


def test_dates_bylines_and_sentences_inside_the_article_stay():
    from bot.digest.extract.html.article import drop_label_lines

    read_time_sentence = "Most readers spend about 8 min reading a long feature like this one, the editors found in a survey last year."
    text = "\n\n".join([LONG, "January 31, 2024", "By Jane Doe", read_time_sentence])
    assert drop_label_lines(text) == text  # after the first long line a date or a byline is the article's own
    assert drop_label_lines("8 min read") == "8 min read"  # a text of labels alone is kept


def test_label_kinds_are_switches(monkeypatch):
    import bot.digest.extract.html.article as article

    text = "\n\n".join(["Table of Contents", "8 min read", LONG])
    monkeypatch.setattr(article, "DROPPED_LABELS", frozenset(("read_time",)))
    assert article.drop_label_lines(text).split("\n\n") == ["Table of Contents", LONG]
    monkeypatch.setattr(article, "DROPPED_LABELS", frozenset())
    assert article.drop_label_lines(text) == text


def test_article_text_drops_a_contents_heading_in_the_answer():
    answer = f"Table of Contents\n\n{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    page = _tree(f"<div class='post'><p>Table of Contents</p><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div>")
    assert article_text(page, answer) == f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"


# --- the FAQ blocks after the body (thirteenth session, second round) ---------------------------------------------
QUESTION = "How long does a niche language stay in use?"
REPLY = "Most niche languages stay in use for as long as the few companies that chose them keep their old code running."
FAQ = f"<div class='faq-accordion'><h3>{QUESTION}</h3><div class='panel' hidden><p>{REPLY}</p></div></div>"
FAQ_PAGE_SCRIPT = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage"}</script>'
ANSWER = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"


def _faq_outside(script: str = "", faq_class: str = "faq-section") -> lxml_html.HtmlElement:
    """An article whose FAQ section is a sibling of the article element, two levels above the body."""
    faq = FAQ.replace("faq-accordion", faq_class)
    return _tree(f"{script}<main><article><div class='content'><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div></article>{faq}</main>")


def test_a_faq_accordion_at_the_end_of_the_body_comes_back_at_the_answers_end():
    page = _tree(f"<div class='post'><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p>{FAQ}</div>")
    assert article_text(page, ANSWER).split("\n\n") == [INTRO, MIDDLE, OUTRO, QUESTION, REPLY]


def test_a_faq_already_in_the_answer_or_too_short_is_not_added():
    page = _tree(f"<div class='post'><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p>{FAQ}</div>")
    whole = f"{ANSWER}\n\n{QUESTION}\n\n{REPLY}"
    assert article_text(page, whole) == whole
    short = _tree(f"<div class='post'><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p><div class='faq'><p>Any questions?</p></div></div>")
    assert article_text(short, ANSWER) == ANSWER


def test_a_faq_outside_the_frame_comes_back_only_on_a_page_declaring_a_faq_page():
    assert article_text(_faq_outside(), ANSWER) == ANSWER
    assert article_text(_faq_outside(FAQ_PAGE_SCRIPT), ANSWER).split("\n\n") == [INTRO, MIDDLE, OUTRO, QUESTION, REPLY]
    microdata = _tree(
        f"<main itemscope itemtype='https://schema.org/FAQPage'><article><div class='content'><p>{INTRO}</p><p>{MIDDLE}</p>"
        f"<p>{OUTRO}</p></div></article>{FAQ.replace('faq-accordion', 'faq-section')}</main>"
    )
    assert article_text(microdata, ANSWER).endswith(REPLY)


def test_a_faq_in_a_footer_menu_or_before_the_body_stays_out():
    assert article_text(_faq_outside(FAQ_PAGE_SCRIPT, "footer__menu accordion"), ANSWER) == ANSWER
    before = _tree(f"{FAQ_PAGE_SCRIPT}<main>{FAQ}<article><div class='content'><p>{INTRO}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div></article></main>")
    assert article_text(before, ANSWER) == ANSWER


def test_faq_levels_are_switches(monkeypatch):
    import bot.digest.extract.html.article as article

    monkeypatch.setattr(article, "FAQ_LEVELS", None)
    monkeypatch.setattr(article, "FAQ_SCHEMA_LEVELS", None)
    assert article_text(_faq_outside(FAQ_PAGE_SCRIPT), ANSWER) == ANSWER
    monkeypatch.setattr(article, "FAQ_LEVELS", 2)
    assert article_text(_faq_outside(), ANSWER).endswith(REPLY)


def _related_page(related_class: str) -> lxml_html.HtmlElement:
    return _tree(
        f"""<div class="post"><p>{INTRO}</p><h2>The niche spiral</h2><p>{MIDDLE}</p>
        <div class="{related_class}"><h3>More from the blog</h3><ul><li>Why we still write our build scripts in Perl today</li></ul></div>
        <p>{OUTRO}</p></div>"""
    )


def test_items_and_headings_in_a_related_block_of_the_body_stay_out():
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    for related_class in ("jp-relatedposts", "ArticleRelatedContentList_list", "c-related variant-original"):
        assert article_text(_related_page(related_class), answer).split("\n\n") == [INTRO, "The niche spiral", MIDDLE, OUTRO]
    # the same block under another name is read as the article's
    assert article_text(_related_page("callout"), answer).split("\n\n") == [
        INTRO, "The niche spiral", MIDDLE, "More from the blog", "- Why we still write our build scripts in Perl today", OUTRO,
    ]


def test_related_blocks_are_a_switch_and_documentation_pages_keep_them(monkeypatch):
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}"
    monkeypatch.setattr("bot.digest.extract.html.article.SKIP_RELATED_BLOCKS", False)
    assert "More from the blog" in article_text(_related_page("jp-relatedposts"), answer)
    # restore_lists_and_headings (documentation pages) was not measured with the rule: it reads them as before
    assert "More from the blog" in restore_lists_and_headings(_related_page("jp-relatedposts"), answer)


def test_a_frame_heading_in_a_related_block_stays_out():
    page = _tree(
        f"""<article><div class="body"><p>{INTRO}</p><p>{MIDDLE}</p></div>
        <section class="related-stories"><h3>More from UK</h3><div><p>{OUTRO}</p></div></section>
        <div class="body"><p>{OUTRO} It goes on.</p><p>{INTRO} Again.</p></div></article>"""
    )
    answer = f"{INTRO}\n\n{MIDDLE}\n\n{OUTRO}\n\n{OUTRO} It goes on.\n\n{INTRO} Again."
    assert "More from UK" not in article_text(page, answer)


def test_normal_text_drops_c1_controls_only_where_there_are_some() -> None:
    """`_normal`'s non-ASCII path: the C1 controls dropped (str.translate only where a search finds one), then
    `\\W+` -> " " and strip, as the plain rule does on every text."""
    import random
    import re

    from bot.digest.extract.html import article

    def reference(text: str) -> str:
        return re.sub(r"\W+", " ", text.lower().translate(article._C1_CONTROLS_DROPPED)).strip()

    rng = random.Random(6)
    alphabet = [*"ab _-.'", "é", "\u00a0", "\u2019", "\x80", "\x85", "\x99", "\x9f", "\xa0", "İ", "\u0085"]
    fuzzed = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in ["don\u00e2\x80\x99t stop", "caf\u00e9 \u2019quoted\u2019", "\x85", *fuzzed]:
        assert article._normal_uncached(text) == reference(text), repr(text)


# --- deks set as headings before the article (sixteenth session) ------------------------------------------------------
DEK = "The council says the old bridge will reopen to walkers by the end of the month."


def _dek_page(dek_tag: str = "h2", dek: str = DEK) -> lxml_html.HtmlElement:
    return _tree(
        f"""<header><h1>Bridge closed</h1><{dek_tag}>{dek}</{dek_tag}></header>
        <article><div class="body"><p>{LONG}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div></article>"""
    )


def test_a_dek_heading_before_the_frame_is_dropped_from_the_start():
    from bot.digest.extract.html.article import article_text

    answer = f"{DEK}\n\n{LONG}\n\n{MIDDLE}\n\n{OUTRO}"
    assert article_text(_dek_page(), answer).split("\n\n") == [LONG, MIDDLE, OUTRO]
    assert article_text(_dek_page("h3"), answer).split("\n\n") == [LONG, MIDDLE, OUTRO]


def test_a_dek_as_a_paragraph_or_a_line_after_the_lead_stays():
    from bot.digest.extract.html.article import article_text, drop_lead_lines

    answer = f"{DEK}\n\n{LONG}\n\n{MIDDLE}\n\n{OUTRO}"
    assert article_text(_dek_page("p"), answer) == answer  # a <p> dek is in WCXB's truths as often as not
    page = _dek_page()
    frame = page.find(".//article/div")
    later = f"{LONG}\n\n{DEK}\n\n{MIDDLE}"
    assert drop_lead_lines(later, frame) == later  # after the first long line the heading is the article's own
    assert drop_lead_lines(DEK, frame) == DEK  # an answer made only of the dek is kept
    assert drop_lead_lines(answer, None) == answer


def test_short_lines_set_before_the_frame_go_from_the_start_and_the_frames_own_stay():
    from bot.digest.extract.html.article import article_text

    page = _tree(
        f"""<header><h1>Bridge closed for repairs</h1><p>Monday, 4 May 2026</p></header>
        <article><div class="body"><h2>Why it closed</h2><p>{LONG}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div></article>"""
    )
    answer = f"Bridge closed for repairs\n\nMonday, 4 May 2026\n\nWhy it closed\n\n{LONG}\n\n{MIDDLE}\n\n{OUTRO}"
    assert article_text(page, answer).split("\n\n") == ["Why it closed", LONG, MIDDLE, OUTRO]
    # the last element holding the line's text decides: a headline repeated inside the frame is the frame's
    repeated = _tree(
        f"""<header><h1>Bridge closed for repairs</h1></header>
        <article><div class="body"><p>Bridge closed for repairs</p><p>{LONG}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div></article>"""
    )
    kept = f"Bridge closed for repairs\n\n{LONG}\n\n{MIDDLE}\n\n{OUTRO}"
    assert article_text(repeated, kept) == kept


def test_a_heading_inside_the_frame_is_no_dek(monkeypatch):
    import bot.digest.extract.html.article as article

    page = _tree(f"<article><div class='body'><h2>{DEK}</h2><p>{LONG}</p><p>{MIDDLE}</p><p>{OUTRO}</p></div></article>")
    answer = f"{DEK}\n\n{LONG}\n\n{MIDDLE}\n\n{OUTRO}"
    assert article.article_text(page, answer) == answer
    monkeypatch.setattr(article, "DROP_DEKS", False)
    assert article.article_text(_dek_page(), answer) == answer  # the switch
    monkeypatch.setattr(article, "DROP_DEKS", True)
    monkeypatch.setattr(article, "DROP_LEAD_LINES", False)
    short = f"Bridge closed for repairs\n\n{LONG}\n\n{MIDDLE}"
    assert article.article_text(_dek_page("h2", "Bridge closed for repairs"), short) == short


# leadspeed8: the lead-line step's shortcuts (the spellings the page holds, the headings holding one, the text before
# the frame searched first) give the answers of the plain definition: the last exact holder, preceding the frame.
_HEADLINE = "Bridge closed for repairs"


def _lead_page(before: str, after: str = "", inside: str = "") -> lxml_html.HtmlElement:
    return _tree(
        f"""<header>{before}</header><article><div class="body">{inside}<p>{LONG}</p><p>{MIDDLE}</p></div></article>
        <footer>{after}</footer>"""
    )


_LEAD_PAGES = {
    "only before": _lead_page(f"<h1>{_HEADLINE}</h1>"),
    "before, upper-cased": _lead_page(f"<h1>{_HEADLINE.upper()}</h1>"),
    "before, a spelling of none of the four": _lead_page("<h1>bRIDGE cLOSED fOR rEPAIRS</h1>"),
    "before and after the frame": _lead_page(f"<h1>{_HEADLINE}</h1>", after=f"<p>{_HEADLINE}</p>"),
    "before and inside the frame": _lead_page(f"<h1>{_HEADLINE}</h1>", inside=f"<p>{_HEADLINE}</p>"),
    "only inside the frame": _lead_page("<h1>News</h1>", inside=f"<p>{_HEADLINE}</p>"),
    "only after the frame": _lead_page("<h1>News</h1>", after=f"<p>{_HEADLINE}</p>"),
    "before, nested in a holder": _lead_page(f"<div><span>{_HEADLINE}</span></div>"),
    "before, split in pieces": _lead_page("<h1><b>Bridge</b> closed for <i>repairs</i></h1>"),
    "nowhere": _lead_page("<h1>News</h1>"),
}


_DROPPED = {"only before", "before, upper-cased", "before, nested in a holder", "before, split in pieces"}


def _exact_holder(root, line: str, normal: str):
    """The plain definition `article._exact_holder_before` is held to: the last element in page order whose whole text
    is `normal`, found from every text piece of the page holding a spelling of the line's longest word."""
    from bot.digest.extract.html import article

    present = article._present(article._spellings(line), article._PAGE_TEXT(root))
    return article._last_exact(article._pieces_query("//text()", len(present))(root, **present), line, normal) if present else None


@pytest.mark.parametrize("name", sorted(_LEAD_PAGES))
def test_the_holder_before_the_frame_is_the_last_exact_holder_when_it_precedes_the_frame(name):
    from bot.digest.extract.html import article

    page = _LEAD_PAGES[name]
    frame = page.find(".//article/div")
    normal = article._normal(_HEADLINE)
    plain = _exact_holder(page, _HEADLINE, normal)
    expected = plain if plain is not None and article._precedes(plain, frame) else None
    assert article._exact_holder_before(frame, _HEADLINE, normal, article._PAGE_TEXT(page)) is expected
    dropped = article.drop_lead_lines(f"{_HEADLINE}\n\n{LONG}\n\n{MIDDLE}", frame) == f"{LONG}\n\n{MIDDLE}"
    assert dropped == (name in _DROPPED)


def test_the_search_for_a_holder_reads_only_the_spellings_the_page_holds():
    from bot.digest.extract.html import article

    assert article._spellings("Bridge closed") == ("Bridge", "bridge", "BRIDGE")  # each once
    assert article._spellings("-- ..") == ()
    assert article._present(("Bridge", "bridge", "BRIDGE"), "THE BRIDGE, the bridge") == {"s0": "bridge", "s1": "BRIDGE"}
    page = _LEAD_PAGES["before, upper-cased"]
    assert _exact_holder(page, _HEADLINE, article._normal(_HEADLINE)).tag == "h1"  # found by its upper case
    assert _exact_holder(page, "Ferry closed", "ferry closed") is None  # no spelling on the page: no query


def test_a_dek_is_looked_for_only_in_the_headings_holding_a_spelling_of_its_longest_word():
    from bot.digest.extract.html import article

    upper = _dek_page("h2", DEK.upper())
    answer = f"{DEK}\n\n{LONG}\n\n{MIDDLE}\n\n{OUTRO}"
    assert article.article_text(upper, answer).split("\n\n") == [LONG, MIDDLE, OUTRO]  # its upper case is a spelling
    headings = list(_dek_page().iter("h2"))
    assert article._is_heading_text(headings, DEK, article._normal(DEK))
    assert not article._is_heading_text(headings, "The ferry is closed", "the ferry is closed")
    odd = _dek_page("h2", "tHE cOUNCIL sAYS tHE oLD bRIDGE wILL rEOPEN tO wALKERS bY tHE eND oF tHE mONTH.")
    # the same normal text but no spelling of "council" the holder search reads: neither finds it
    assert not article._is_heading_text(list(odd.iter("h2")), DEK, article._normal(DEK))
    assert _exact_holder(odd, DEK, article._normal(DEK)) is None
