"""A forum thread's posts, found by what a post is on the common forum platforms.

A thread is a run of posts, each an author/time line and a body of prose. The page's main region
(region.py) reads `<main>` or the body less its chrome, and on some forums it misses the posts: a
chrome tag wraps them (Invision's and Simple Machines' moderation `<form>`, Flarum's `<noscript>`
copy of its posts), while trafilatura keeps one block of them, or more than the thread. The posts' bodies carry their platform's own
markup: Discourse `.cooked`, XenForo `.bbWrapper`/`.message-body`, phpBB `.postbody .content`,
vBulletin `post_message_<n>`/`.postcontent`, Invision `[data-role=commentContent]`, Flarum
`.Post-body`, Stack Exchange `.s-prose`/`.js-post-body`, Reddit's `usertext-body` and `slot`s,
schema.org's `itemprop=text`/`articleBody` (a `DiscussionForumPosting`'s, a `Comment`'s). Where two
posts or more are found, their bodies, in page order, each less its chrome and short lines as
the forum profile reads the region, are the thread (twelfth session, docs/quality/extraction.md).
The selectors were written from the platforms' markup before measuring; on WCXB's tune part two
generic ones (`comment-body`, `comment-content`) were then dropped and Stack Exchange's comments
left out (`_NOT_POSTS`): a Q&A page's truth keeps the question and answers, not the comments. One
body alone (`MIN_POSTS`) is no thread: a page's only `itemprop=text` is often a fragment of it.
"""

from __future__ import annotations

from lxml import html as lxml_html

from bot.digest.extract.html.profiles import PageProfile
from bot.digest.extract.html.region import block_lines, drop_repeated_lines, lines_text, strip_chrome


def _has_class(word: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {word} ')"


# A post's body on each forum platform, markup only forum software writes (bench/forums3_study.py reads
# these alone on pages typed otherwise).
PLATFORM_POST_XPATHS = (
    f"//*[{_has_class('cooked')}]",  # Discourse
    f"//*[{_has_class('bbWrapper')}]",  # XenForo
    f"//*[{_has_class('postbody')}]//*[{_has_class('content')}]",  # phpBB
    "//*[starts-with(@id, 'post_message_')]",  # vBulletin 3/4
    f"//*[{_has_class('postcontent')}]",  # vBulletin 4
    f"//*[{_has_class('js-post__content-text')}]",  # vBulletin 5
    f"//*[{_has_class('Post-body')}]",  # Flarum
    "//*[@data-role='commentContent']",  # Invision Community
    f"//*[{_has_class('cPost_contentWrap')}]",  # Invision Community
    f"//*[{_has_class('s-prose')}]",  # Stack Exchange
    f"//*[{_has_class('js-post-body')}]",  # Stack Exchange
    f"//*[{_has_class('usertext-body')}]",  # old Reddit
    "//shreddit-comment//*[@slot='comment']",  # Reddit
    "//*[@slot='text-body']",  # Reddit's opening post
    f"//*[{_has_class('userContent')}]",  # Vanilla
)
# And the markup blogs and shops carry too: schema.org's, Simple Machines' `.post .inner`, generic class words.
_SHARED_POST_XPATHS = (
    "//*[@itemprop='text' or @itemprop='articleBody']",  # schema.org DiscussionForumPosting, Comment, Answer
    f"//*[{_has_class('message-body')}]",  # XenForo, others
    f"//*[{_has_class('post_body')}]",
    f"//*[{_has_class('post-body')}]",
    f"//*[{_has_class('post')}]//*[{_has_class('inner')}]",  # Simple Machines
    f"//*[{_has_class('Message')}]",  # Vanilla
    f"//*[{_has_class('message-content')}]",
    f"//*[{_has_class('post-content')}]",
    f"//*[{_has_class('postContent')}]",
)
# One search (the outermost match is read: a body inside another body is one post); lxml returns the
# union in page order, whatever the order of its parts.
_POST_BODIES = " | ".join(PLATFORM_POST_XPATHS + _SHARED_POST_XPATHS)
# A Q&A site's comments under a question or an answer (Stack Exchange's `comment-copy`, marked up as
# schema.org Comment text) are no posts of the thread: the readers' truth leaves them out.
_NOT_POSTS = frozenset({"comment-copy"})
# schema.org microdata may give a post's text as an attribute (`<meta itemprop="text" content=...>`,
# Nairaland): no visible post, so it counts for none towards `MIN_POSTS` (third round).
_NO_BODY_TAGS = frozenset({"meta", "link"})
MIN_POSTS = 2


def post_bodies(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The outermost elements the platforms' post-body markup names, in page order."""
    found = [
        element
        for element in tree.xpath(_POST_BODIES)
        if isinstance(element.tag, str) and element.tag not in _NO_BODY_TAGS and not set((element.get("class") or "").split()) & _NOT_POSTS
    ]
    named = set(found)
    return [element for element in found if not any(ancestor in named for ancestor in element.iterancestors())]


def thread_text(tree: lxml_html.HtmlElement, profile: PageProfile) -> str:
    """The thread's posts, a block a line, each post read as `profile` reads the region (its chrome, short
    lines and link lines out; lines of `profile.repeat_min_words` words read once: a quoted post);
    "" when fewer than `MIN_POSTS` posts are found."""
    bodies = post_bodies(tree)
    if len(bodies) < MIN_POSTS:
        return ""
    posts = (lines_text(block_lines(strip_chrome(body, profile.more_chrome)), profile.min_line_words, profile.link_line_share, profile.link_line_words) for body in bodies)
    text = "\n\n".join(post for post in posts if post)
    return drop_repeated_lines(text, profile.repeat_min_words) if profile.repeat_min_words is not None else text
