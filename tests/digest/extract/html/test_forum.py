"""A forum thread's posts found by their platform markup (forum.py), read in place of the region and
trafilatura's answer on pages taken for forums."""

from __future__ import annotations

import pytest

from bot.digest.extract.html import forum
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html_extractor import _parse, extract_html
from tests.digest.extract.html import pages

URL = "https://forum.coffee.example/t/espresso-machine-leaking/1234"
# The posts' wrapper carries a chrome word (a site's "popup" layer): the main region drops every post.
HIDDEN_POSTS = pages.FORUM.replace('<div class="posts">', '<div class="posts popup-layer">')


def test_a_threads_post_bodies_are_found_once_each_in_page_order() -> None:
    nested = pages.FORUM.replace('<p>That sounds like', '<div class="post-content"><p>That sounds like').replace("right afterwards.</p>", "right afterwards.</p></div>")
    bodies = forum.post_bodies(_parse(nested))
    assert len(bodies) == 4  # the inner .post-content is inside an itemprop=text body: one post
    assert [body.text_content().split()[0] for body in bodies] == ["My", "That", "Agreed", "Thanks"]


@pytest.mark.parametrize(
    ("markup", "closing"),
    [
        ('<div class="cooked">', "</div>"),  # Discourse
        ('<div class="message-body"><div class="bbWrapper">', "</div></div>"),  # XenForo
        ('<div class="postbody"><div class="content">', "</div></div>"),  # phpBB
        ('<div id="post_message_{n}">', "</div>"),  # vBulletin
        ('<div data-role="commentContent">', "</div>"),  # Invision
        ('<div class="s-prose js-post-body">', "</div>"),  # Stack Exchange
    ],
)
def test_each_platforms_post_markup_is_read(markup: str, closing: str) -> None:
    posts = "".join(f"<div class='row'><span class='author'>user{n}</span>{markup.format(n=n)}<p>{body}</p>{closing}</div>" for n, body in enumerate(pages.FORUM_POSTS))
    text = forum.thread_text(_parse(f"<html><body><div class='modal'>{posts}</div></body></html>"), PROFILES["forum"])
    assert all(body in text for body in pages.FORUM_POSTS)
    assert "user1" not in text  # the author line is no part of a post's body


def test_a_single_body_is_no_thread() -> None:
    one = f"<html><body><article><div itemprop='articleBody'><p>{pages.FORUM_POSTS[0]}</p></div></article></body></html>"
    assert forum.thread_text(_parse(one), PROFILES["forum"]) == ""


def test_a_meta_tags_text_is_no_post() -> None:
    # Microdata's hidden copy of a post (Nairaland's opening post) is no second post of a one-post page.
    one = f"<html><body><meta itemprop='text' content='{pages.FORUM_POSTS[1]}'><div itemprop='text'><p>{pages.FORUM_POSTS[0]}</p></div></body></html>"
    assert len(forum.post_bodies(_parse(one))) == 1
    assert forum.thread_text(_parse(one), PROFILES["forum"]) == ""


def test_a_quoted_post_is_read_once_and_a_signature_not_at_all() -> None:
    quoted = pages.FORUM_POSTS[0]
    motto = "Visit my roastery blog for daily espresso experiments and grinder reviews"
    html = pages.FORUM.replace("<p>Agreed with", f"<blockquote><p>{quoted}</p></blockquote><p>Agreed with").replace(
        "screwdriver.</p>", f'screwdriver.</p><div class="signature"><p>{motto}</p></div>'
    )
    text = forum.thread_text(_parse(html), PROFILES["forum"])
    assert text.count(quoted) == 1 and motto not in text


def test_a_forum_whose_region_misses_the_posts_keeps_every_post() -> None:
    article = extract_html(HIDDEN_POSTS, "thread.html", URL)
    assert all(post in article.text for post in pages.FORUM_POSTS)
    assert "Posts: 37" not in article.text and "Post reply" not in article.text and "Privacy Policy" not in article.text


def test_the_answer_is_the_posts_in_page_order_and_nothing_else() -> None:
    """trafilatura's answer on this page puts the thread's title between two posts; the posts alone are the thread."""
    article = extract_html(HIDDEN_POSTS, "thread.html", URL)
    assert article.text == "\n\n".join(pages.FORUM_POSTS)


def test_only_the_forum_profile_reads_posts() -> None:
    assert [name for name, profile in PROFILES.items() if profile.thread_posts] == ["forum"]


def test_a_qa_sites_comments_under_an_answer_are_no_posts() -> None:
    question, answer = pages.FORUM_POSTS[0], pages.FORUM_POSTS[1]
    comment = "Have you checked whether the portafilter itself is cracked near the spouts?"
    html = (
        f"<html><body><div class='question'><div class='s-prose js-post-body' itemprop='text'><p>{question}</p></div>"
        f"<ul class='comments'><li><span class='comment-copy' itemprop='text'>{comment}</span></li></ul></div>"
        f"<div class='answer'><div class='s-prose js-post-body' itemprop='text'><p>{answer}</p></div></div></body></html>"
    )
    text = forum.thread_text(_parse(html), PROFILES["forum"])
    assert question in text and answer in text and comment not in text
