"""Regexes run only where a cue allows a match (sixteenth session, pastespeed6): the same answers as running them.

The cleaner's batched features search for web addresses and comment headings only on lines holding one of the
regex's cues; `cut_trailing_sections` reads its heading tests from the lines' own features; the pipeline's
`tidy_spaces` skips its regex on text with no tab, no-break space or double space. Each is compared here with the
plain definition, on lines that reach every branch of the regex; a cue list missing one branch fails.
"""

from __future__ import annotations

import random

from bot.digest.extract.paste import features
from bot.digest.extract.paste.features import (
    COMMENT_HEAD, FEATURE_NAMES, SECTION_HEAD, URL, is_comment_head, split_lines, text_feature_rows, text_features,
)
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.phrases import SECTION_HEADS, clear_line_caches, key_of, line_words
from bot.digest.extract.paste.regions import _heading_tests, cut_trailing_sections
from bot.digest.pipeline import tidy_spaces
from bot.digest.segment.sentence_splitter import _SPACE_TO_TIDY

# Each branch of _COMMENT_HEAD, as the line's key reads it, and lines that hold a cue but are no heading.
COMMENT_HEADINGS = [
    "12 Comments", "1 comment", "3 Responses", "1 response", "4 replies", "5 reactions", "7 thoughts on “A title”",
    "1 thought on this", "Comments", "Recent comments", "Show all comments 12", "Leave a Reply", "Leave a comment",
    "Post a Comment", "Add a comment", "Join the discussion", "Join the conversation", "12 Kommentare", "Kommentare",
    "3 commentaires", "Commentaires", "4 comentarios", "Comentarios", "2 commenti", "Commenti", "6 reacties", "Reacties",
    "2 comentários", "Comentários", "COMMENTS (12)",
]
NOT_HEADINGS = [
    "No comment from the mayor", "leave a message", "join the club", "responses vary", "A thought", "replies to all",
    "the reactions were mixed", "Kommentar", "reactie", "comentário", "Home", "By Jane Doe", "Share this",
]
# Each branch of URL, in plain and not plain lines (a cue is looked for in lower-cased plain lines only).
URL_LINES = [
    "Visit https://example.org today", "http://example.org", "See www.example.net for more", "Go to example.com now",
    "mail me@example.org", "Follow @someone.example", "HTTPS://EXAMPLE.ORG", "WWW.EXAMPLE.ORG", "EXAMPLE.COM",
    "Ünïcödé https://example.org", "日本 www.example.jp", "Ärger me@example.de", "x" * 1990 + " https://a.b",
    "x" * 2001 + " https://a.b", "no address here", "http", "www", "dot com", "@", "a.commodity", "example.community",
]


def _same_rows(texts: list[str]) -> None:
    clear_line_caches()
    batched = text_feature_rows(texts)
    clear_line_caches()
    single = [text_features(text) for text in texts]
    for text, a, b in zip(texts, batched, single):
        assert repr(a) == repr(b), (text[:80], [(FEATURE_NAMES[i], x, y) for i, (x, y) in enumerate(zip(a, b)) if repr(x) != repr(y)])


def test_comment_headings_of_every_branch_as_text_features_find_them() -> None:
    rows = text_feature_rows(COMMENT_HEADINGS + NOT_HEADINGS)
    assert [row[COMMENT_HEAD] for row in rows[: len(COMMENT_HEADINGS)]] == [1.0] * len(COMMENT_HEADINGS)
    _same_rows(COMMENT_HEADINGS + NOT_HEADINGS)
    _same_rows(list(reversed(COMMENT_HEADINGS + NOT_HEADINGS)))


def test_each_comment_heading_holds_a_cue_and_a_missing_cue_is_caught(monkeypatch) -> None:
    keys = [key_of(text) for text in COMMENT_HEADINGS]
    for key in keys:
        assert any(cue in key for cue in features._COMMENT_HEAD_CUES), key
    # Without the "reacties" cue the Dutch headings are not found: the rows then differ from text_features.
    monkeypatch.setattr(features, "_COMMENT_HEAD_CUES", tuple(c for c in features._COMMENT_HEAD_CUES if c != "reacties"))
    rows = text_feature_rows(["6 reacties", "Reacties"])
    assert [row[COMMENT_HEAD] for row in rows] == [0.0, 0.0]


def test_url_lines_of_every_branch_as_text_features_find_them() -> None:
    rows = text_feature_rows(URL_LINES)
    url_at = FEATURE_NAMES.index("url")
    assert [row[url_at] for row in rows] == [float(bool(URL.search(text[:2000]))) for text in URL_LINES]
    assert sum(row[url_at] for row in rows) == 10  # the first six, the three not plain and the one within 2,000 characters
    _same_rows(URL_LINES)
    _same_rows(list(reversed(URL_LINES)) + COMMENT_HEADINGS)


def test_random_lines_with_cues_match_text_features() -> None:
    rng = random.Random(16)
    pieces = ["comment", "Comments", "12", "leave a", "reply", "join the", "discussion", "www.", ".com", "http://", "@x.y",
              "HTTP", "é", "日", "reacties", "thought on", "(c)", "©", "a", "the", "of"]
    lines = [" ".join(rng.choices(pieces, k=rng.randint(1, 9))) for _ in range(2000)]
    _same_rows(lines)


def test_heading_tests_from_features_equal_the_tests_of_the_key() -> None:
    texts = COMMENT_HEADINGS + NOT_HEADINGS + ["Related", "Related Articles", "Recent Posts", "More from the author"]
    for text in texts:
        n_words = len(line_words(text, 5000))
        key = key_of(text)
        expected = (is_comment_head(key, n_words), n_words <= 8 and key.startswith(SECTION_HEADS))
        assert _heading_tests(text, text_features(text), n_words) == expected, text


def test_a_long_line_is_tested_from_its_text_not_its_features() -> None:
    # Past 5,000 characters the features count every word (here more than 8: no heading), the closing cut only the
    # words of the first 5,000 (2: a comment heading). The cut keeps its own answer.
    text = "34 Comments " + "." * 5000 + " one two three four five six seven"
    own = text_features(text)
    assert own[COMMENT_HEAD] == 0.0 and own[SECTION_HEAD] == 0.0
    assert _heading_tests(text, own, len(line_words(text, 5000))) == (True, False)


PARAGRAPHS = [
    "The county opened its third public library branch on Saturday, five years after voters approved the bond that paid for it and two years after the work began.",
    "The building holds about forty thousand books, a maker space with two 3D printers and a room that local groups can book for free on any evening of the week.",
    "Librarians said the branch would stay open until nine in the evening on weekdays, two hours later than the older branches, and from ten to four on Sundays.",
]


def _kept_after_cut(lines_text: list[str]) -> list[str]:
    lines = split_lines("\n".join(lines_text))
    keep = cut_trailing_sections(lines, features.own_features(lines), [True] * len(lines), load_model().decode)
    return [line.text for line, kept in zip(lines, keep) if kept]


def test_closing_cut_at_a_short_and_at_a_long_comment_heading() -> None:
    after = ["Great piece, thanks for writing it.", "I disagree with the second point entirely."]
    assert _kept_after_cut([*PARAGRAPHS, "12 Comments", *after]) == PARAGRAPHS
    long_heading = "34 Comments " + "." * 5000 + " one two three four five six seven"
    assert _kept_after_cut([*PARAGRAPHS, long_heading, *after]) == PARAGRAPHS


def test_tidy_spaces_equals_its_regex() -> None:
    rng = random.Random(16)
    alphabet = ["a", "b", " ", " ", "\t", "\u00a0", "\n", "é"]
    texts = ["", " ", "  ", "a b", "a  b", "a\tb", "a\u00a0b", "a \u00a0b", "line\n line", "a \n b"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 30))) for _ in range(3000)]
    for text in texts:
        assert tidy_spaces(text) == _SPACE_TO_TIDY.sub(" ", text), repr(text)


# Sentences reaching each branch of the pipeline's _SITE_NOTICE, in several cases and scripts, and near misses.
SITE_NOTICES = [
    "We use cookies to improve your browser experience.", "This site uses cookies.", "Our website and our partners use tracking cookies",
    "Cookies help us deliver our services; see your cookie settings.", "Please enable JavaScript in your browser.",
    "JavaScript is disabled.", "This page requires JavaScript", "Your browser is out of date.", "Your web browser does not support video.",
    "Copyright 2024 Example News", "(C) 2019 by Foo", "© 2024 The Paper", "All Rights Reserved.", "— Sign up for our newsletter",
    "Subscribe now to our daily emails", "Register for free updates.", "Log in to comment", "Login to continue reading",
    "Sign in to see more", "Signin to view", "Cookie Policy", "Cookies and privacy notice", "By clicking accept all, you agree to the storing of cookies",
    "Click here to download the game.", "  Please click here for more", "COOKIES are used here, see our COOKIE POLICY",
    "Ünïcödé text: we use cookies for analytics", "日本 © 2024", "Wır verwenden Cookies and javascrıpt is off",
    "javaſcript is disabled", "We use cooKies",  # Kelvin sign: not plain, the regex decides
]
NOT_SITE_NOTICES = [
    "The committee will register its objections on Monday.", "She baked cookies for the bake sale.", "The browser wars ended.",
    "Subscribers rose 12% in the quarter.", "He signed in to the hotel late.", "Click the link below.", "A plain sentence.",
    "“Quoted” text — with dashes… and ™ marks", "In to the woods they went.",
]


def test_site_notice_gate_equals_its_regex() -> None:
    from bot.digest.pipeline import _SITE_NOTICE, _names_the_site

    for text in SITE_NOTICES + NOT_SITE_NOTICES:
        assert _names_the_site(text) == bool(_SITE_NOTICE.search(text)), text
    assert sum(map(_names_the_site, SITE_NOTICES)) >= len(SITE_NOTICES) - 3
    rng = random.Random(16)
    pieces = ["cookie", "Cookies", "policy", "we use", "javascript", "enabled", "your browser", "is outdated", "copyright",
              "2024", "(c)", "©", "all rights reserved", "sign up", "for", "newsletter", "log in to", "comment", "click here",
              "the", "a", "’", "é", ".", ":", "—"]
    for _ in range(3000):
        text = " ".join(rng.choices(pieces, k=rng.randint(1, 10)))
        assert _names_the_site(text) == bool(_SITE_NOTICE.search(text)), text


def test_site_notice_cue_list_missing_a_branch_is_caught(monkeypatch) -> None:
    from bot.digest import pipeline

    monkeypatch.setattr(pipeline, "_SITE_NOTICE_CUES", tuple(c for c in pipeline._SITE_NOTICE_CUES if c != "click here"))
    assert not pipeline._names_the_site("Click here to download the game.")
    assert pipeline._SITE_NOTICE.search("Click here to download the game.")
