"""trafilatura_run.run answers as trafilatura.bare_extraction on built pages, each step exercised."""

from __future__ import annotations

import json
from copy import copy

import pytest
import trafilatura
from lxml import etree

from bot.digest.extract import html_extractor
from bot.digest.extract.html import trafilatura_run
from tests.digest.extract.html import pages

pytestmark = pytest.mark.skipif(not trafilatura_run.SUPPORTED, reason="the restatement runs only under the trafilatura version it was checked on")

_WORDS = "the river council said water levels fell again this week as farmers waited for rain across the valley".split()


def _sentence(number: int, words: int = 18) -> str:
    return " ".join(_WORDS[(number + k) % len(_WORDS)] for k in range(words)).capitalize() + f" ({number})."


def _paragraphs(count: int, start: int = 0) -> str:
    return "".join(f"<p>{_sentence(start + n)} {_sentence(start + n + 50)}</p>" for n in range(count))


_NAV = "<nav><ul>" + "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(12)) + "</ul></nav>"
COMMENTS = f"""<html><head><title>Dry summer</title></head><body>{_NAV}<article><h1>Dry summer</h1>{_paragraphs(6)}</article>
<section id="comments" class="comments"><h2>Comments</h2>{"".join(f'<div class="comment"><p>{_sentence(n + 200, 14)}</p></div>' for n in range(4))}</section>
<footer><p>Copyright 2025 The Valley Times</p></footer></body></html>"""
TABLES = f"""<html><head><title>Rainfall</title></head><body><main><h1>Rainfall by month</h1>{_paragraphs(2)}
<table><tr><th>Month</th><th>Rain (mm)</th></tr>{"".join(f"<tr><td>Month {n}</td><td>{n * 7}</td></tr>" for n in range(12))}</table>
<table><tr><td>Station</td><td>North</td></tr><tr><td>Height</td><td>120 m</td></tr></table>{_paragraphs(1, 30)}</main></body></html>"""
# Two short paragraphs in the body, the article itself only in the JSON-LD: trafilatura's own text is
# under its 250 characters and the baseline (which reads articleBody first) is longer.
_BODY = " ".join(_sentence(n) for n in range(12))
BASELINE_WINS = f"""<html><head><title>Short</title><script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "articleBody": _BODY})}</script>
</head><body><div class="teaser"><p>{_sentence(1, 9)}</p></div></body></html>"""
# One short paragraph of article, a long run of link-list chrome around it: the text covers under a
# fifth of the page's and the recall retry is run.
ESCALATES = f"""<html><head><title>Notice</title></head><body>{"".join(f"<div class='menu'><ul>{''.join(f'<li><a href=/x{k}>{_sentence(k + 9 * n, 6)}</a></li>' for k in range(9))}</ul></div>" for n in range(12))}
<div class="content"><p>{_sentence(1, 30)} {_sentence(2, 30)}</p></div>{"".join(f"<div class='box'><div>{_sentence(n + 300, 20)}</div></div>" for n in range(10))}</body></html>"""
# A long article: readability cannot be more than twice as long, the comparison is not run.
LONG = f"""<html><head><title>Long read</title></head><body><article><h1>Long read</h1>{_paragraphs(25)}</article></body></html>"""
# Readability's text wins: trafilatura drops the "teaser" block, readability keeps it and is more
# than twice as long.
READABILITY = f"""<html><head><title>T</title></head><body><article><p>{_sentence(3, 50)}</p></article>
<div class="teaser">{"".join(f"<p>{_sentence(n, 30)}</p>" for n in range(12))}</div></body></html>"""
# An infinite-scroll container (pruned from the raw tree before anything else).
INFINITE = f"""<html><head><title>Scroll</title></head><body><article><h1>Scroll</h1>{_paragraphs(5)}</article>
<div class="infinite-scroll"><div class="next"><h2>Next story</h2>{_paragraphs(5, 100)}</div></div></body></html>"""
INFINITE_ID = INFINITE.replace('class="infinite-scroll"', 'id="mvp-post-add-wrap"')
ELEMENTOR = f"""<html><head><title>Share</title></head><body><article><h1>Share</h1>{_paragraphs(5)}
<div class="elementor-widget elementor-share-buttons"><p>{_sentence(7, 30)}</p></div>{_paragraphs(2, 40)}</article></body></html>"""
FORUM_THREAD = pages.FORUM.replace(
    "</head>", '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Leak"}</script></head>'
)
BUILT = {
    "comments": COMMENTS,
    "tables": TABLES,
    "baseline wins": BASELINE_WINS,
    "escalates": ESCALATES,
    "long": LONG,
    "readability": READABILITY,
    "infinite scroll": INFINITE,
    "infinite scroll by id": INFINITE_ID,
    "elementor share buttons": ELEMENTOR,
    "forum thread": FORUM_THREAD,
    **{name: getattr(pages, name.upper()) for name in ("forum", "product", "listing", "collection", "article", "docs", "service")},
}
OPTIONS = [
    {},  # our extractor's settings (balanced, comments, tables)
    {"favor_recall": True},  # its thin-answer retry
    {"favor_precision": True},
    {"include_comments": False},
    {"include_tables": False, "fast": True},
]


def _answer(document) -> tuple | None:
    if document is None:
        return None
    return etree.tostring(document.body, encoding="unicode"), document.raw_text, etree.tostring(document.commentsbody, encoding="unicode")


def _both(html: str, **options) -> tuple:
    tree = html_extractor._parse(html)
    before = etree.tostring(tree)
    ours = trafilatura_run.run(tree, url="https://example.org/page", output_format="txt", **options)
    assert etree.tostring(tree) == before, "the caller's tree was changed"
    theirs = trafilatura.bare_extraction(tree, url="https://example.org/page", output_format="txt", **options)
    return _answer(ours), _answer(theirs)


@pytest.mark.parametrize("name", sorted(BUILT))
@pytest.mark.parametrize("options", OPTIONS, ids=lambda options: ",".join(options) or "ours")
def test_run_answers_as_bare_extraction(name: str, options: dict) -> None:
    ours, theirs = _both(BUILT[name], **options)
    assert ours == theirs


class _Spy:
    """Wraps one of trafilatura_run's building blocks, keeping each call's answer."""

    def __init__(self, monkeypatch, name: str) -> None:
        self.answers: list = []
        function = getattr(trafilatura_run, name)

        def spy(*args, **kwargs):
            self.answers.append(answer := function(*args, **kwargs))
            return answer

        monkeypatch.setattr(trafilatura_run, name, spy)


def test_each_step_is_exercised_by_the_built_pages(monkeypatch) -> None:
    """The pages above reach what they are named for: otherwise the comparison proves little."""
    spies = {name: _Spy(monkeypatch, name) for name in ("baseline", "html2txt", "_recall_retry", "compare_extraction", "keeps_own_extraction", "extract_comments")}

    def run(name: str) -> None:
        for spy in spies.values():
            spy.answers.clear()
        assert trafilatura_run.run(html_extractor._parse(BUILT[name]), output_format="txt") is not None

    run("baseline wins")
    (_, text, size), = spies["baseline"].answers
    assert size > 250 and _sentence(5) in text  # the baseline's text is taken: it is the JSON-LD body
    run("escalates")
    assert spies["html2txt"].answers and spies["_recall_retry"].answers
    run("long")
    assert spies["keeps_own_extraction"].answers == [True] and not spies["compare_extraction"].answers and not spies["html2txt"].answers
    run("readability")
    assert spies["keeps_own_extraction"].answers == [False]
    (_, text), = spies["compare_extraction"].answers
    assert len(text) > 2000 and _sentence(11, 30) in text  # readability's text taken
    run("comments")
    assert any(comments for _, comments, _ in spies["extract_comments"].answers)


def test_the_gate_is_closed_without_html2txt_where_the_bound_decides(monkeypatch) -> None:
    """An article of 1,000 to 3,000 characters on a page with little else: the gate is asked, the
    bound answers it."""
    html = f"<html><head><title>Mid</title></head><body><article><h1>Mid</h1>{_paragraphs(8)}</article></body></html>"
    spy = _Spy(monkeypatch, "html2txt")
    fits = []
    real = trafilatura_run.PageText.html2txt_fits
    monkeypatch.setattr(trafilatura_run.PageText, "html2txt_fits", lambda self, limit: fits.append(real(self, limit)) or fits[-1])
    ours, theirs = _both(html)
    assert ours == theirs and fits == [True] and spy.answers == []
    assert 1000 < len(ours[1]) < 3000


def _plain_without(root, tags: tuple[str, ...]) -> int:
    """The plain length of `root`'s text once its descendants with `tags` are deleted (tails kept), on a copy."""
    root = copy(root)
    for element in list(root.iter(*tags)):
        if element is not root and element.getparent() is not None:
            element.drop_tree()
    return len(root.text_content())


def _bounds(tree) -> tuple[int, int]:
    """The readability and html2txt bounds as the docstrings state them: the least of the page's text, its
    text less what each reader deletes first (whole elements, tails kept) and its text folded, plus room."""
    text = tree.text_content()
    body = tree.find(".//body")
    readability = min(len(text), _plain_without(tree, ("script", "style", "fencedframe")), len(" ".join(text.split())))
    html2txt = min(len(text), _plain_without(tree if body is None else body, trafilatura_run._HTML2TXT_DROPS), len(" ".join(text.split())))
    return (
        readability + 6 * len(tree.findall(".//iframe")),
        html2txt + 2 * sum(1 for _ in tree.iter(*trafilatura_run._BLOCK_TAGS)),
    )


# Scripts, styles, an svg, an aside and a footer in the body: their text is most of the page's.
SCRIPTED = f"""<html><head><title>Scripted</title><script>{"var x = 1; " * 300}</script><style>{"p {{ margin: 0 }} " * 200}</style></head>
<body><div class="menu"><a href="/a">Home</a></div><article><h1>Scripted</h1><p>{_sentence(1, 40)}</p>
<script>{"track('view'); " * 200}</script> tail of the script <svg><text>{"label " * 100}</text></svg>
<aside><p>{_sentence(2, 60)}</p><aside><p>nested aside</p></aside></aside><p>{_sentence(3, 40)}</p></article>
<footer><p>{_sentence(4, 30)}</p><template><p>hidden</p></template></footer><iframe src="https://video.example/v"></iframe></body></html>"""


@pytest.mark.parametrize("name", sorted(BUILT) + ["scripted"])
def test_the_bounds_hold_on_the_built_pages(name: str) -> None:
    """readability's text and html2txt's are never longer than the bounds read from the page, and
    PageText answers each limit exactly as the stated bound does."""
    tree = html_extractor._parse(SCRIPTED if name == "scripted" else BUILT[name])
    readability_bound, html2txt_bound = _bounds(tree)
    algo = trafilatura.external.try_readability(copy(tree))
    assert len(trafilatura.utils.trim(etree.tostring(algo, method="text", encoding="unicode"))) <= readability_bound
    assert len(trafilatura.html2txt(tree)) <= html2txt_bound
    bounds = trafilatura_run.PageText(tree)
    assert bounds.readability_fits(readability_bound) and not bounds.readability_fits(readability_bound - 1)
    assert bounds.html2txt_fits(html2txt_bound) and not trafilatura_run.PageText(tree).html2txt_fits(html2txt_bound - 1)


def test_the_deleted_sections_tighten_the_bounds() -> None:
    """On a page whose scripts hold most of its text, the bounds are far under the page's text folded
    (the bound without them would not close the gate or skip readability): the outermost element of
    nested ones is counted once, and a deleted element's tail is kept."""
    tree = html_extractor._parse(SCRIPTED)
    folded = len(" ".join(tree.text_content().split()))
    readability_bound, html2txt_bound = _bounds(tree)
    assert readability_bound < folded / 3 and html2txt_bound < readability_bound
    body = tree.find("body")
    assert trafilatura_run.text_length_without(body, trafilatura_run._HTML2TXT_DROPS) == _plain_without(body, trafilatura_run._HTML2TXT_DROPS)
    assert "tail of the script" in trafilatura.html2txt(tree)


def test_html2txts_sections_are_the_checked_ones() -> None:
    assert trafilatura_run._HTML2TXT_DROPS_CHECKED
    assert all(f".//{tag}|" in trafilatura_run._HTML2TXT_DROPS_PATH for tag in trafilatura_run._HTML2TXT_DROPS)


# Comment sections each of COMMENTS_XPATH's expressions finds (and only the later ones after it).
_COMMENT_SECTIONS = {
    0: '<div class="post-comment-list">{}</div>',
    1: '<section id="comments-area">{}</section>',
    2: '<div id="disqus_thread">{}</div>',
    3: '<div class="user-comment">{}</div>',
    "social": '<div id="social-posts">{}</div>',
    "list, not the fourth": '<ul class="comment">{}</ul>',
    "none": '<div class="remarks" id="main">{}</div>',
}


def _comment_page(section: str) -> str:
    inner = "".join(f"<p>{_sentence(n + 500, 12)}</p>" for n in range(3))
    return f"""<html><head><title>C</title></head><body><article><h1>C</h1>{_paragraphs(6)}</article>
{section.format(inner)}<div class="Comments"><p>{_sentence(900, 12)}</p></div></body></html>"""


@pytest.mark.parametrize("kind", list(_COMMENT_SECTIONS))
@pytest.mark.parametrize("options", OPTIONS[:3], ids=lambda options: ",".join(options) or "ours")
def test_the_comment_search_answers_as_trafilaturas(kind, options: dict) -> None:
    """Body, text and tree as trafilatura's extract_comments leaves them, on cleaned trees; and no
    expression skipped that finds something."""
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_comments
    from trafilatura.settings import Extractor

    extractor = Extractor(output_format="txt", comments=True, precision=options.get("favor_precision", False), recall=options.get("favor_recall", False))
    for html in (_comment_page(_COMMENT_SECTIONS[kind]), *BUILT.values()):
        cleaned = convert_tags(tree_cleaning(html_extractor._parse(html), extractor), extractor, None)
        possible = trafilatura_run.comment_expressions_that_may_match(cleaned)
        assert all(may or not expression(cleaned) for may, expression in zip(possible, trafilatura.xpaths.COMMENTS_XPATH))
        ours, theirs = trafilatura_run.extract_comments(copy(cleaned), extractor), extract_comments(copy(cleaned), extractor)
        assert [etree.tostring(part) if not isinstance(part, str) else part for part in ours] == [
            etree.tostring(part) if not isinstance(part, str) else part for part in theirs
        ]


def test_the_comment_walk_tells_the_expressions_apart() -> None:
    """Each built section leaves the expressions it cannot match out (so the test above reaches skips)."""
    extractor = trafilatura.settings.Extractor(output_format="txt", comments=True)

    def possible(section: str) -> tuple:
        html = f"<html><body><article>{_paragraphs(3)}</article>{section.format('<p>x</p>')}</body></html>"
        return trafilatura_run.comment_expressions_that_may_match(html_extractor._parse(html))

    assert possible(_COMMENT_SECTIONS[0]) == (True, False, False, True)
    assert possible(_COMMENT_SECTIONS[2]) == (False, False, True, False)
    assert possible(_COMMENT_SECTIONS["social"]) == (False, False, False, True)
    assert possible(_COMMENT_SECTIONS["list, not the fourth"].replace("ul", "div")) == (True, True, False, True)
    assert possible(_COMMENT_SECTIONS["none"]) == (False, False, False, False)
    assert trafilatura_run.extract_comments(html_extractor._parse("<html><body><p>x</p></body></html>"), extractor)[1] == ""


def test_the_comment_search_stands_only_over_the_checked_expressions(monkeypatch) -> None:
    assert trafilatura_run._comment_expressions_are_the_checked_ones()
    monkeypatch.setattr(trafilatura_run, "COMMENTS_XPATH", [*trafilatura.xpaths.COMMENTS_XPATH, etree.XPath(".//div[@class='x']")])
    assert not trafilatura_run._comment_expressions_are_the_checked_ones()


@pytest.mark.parametrize("name", sorted(BUILT))
def test_the_walk_for_raw_prunes_misses_nothing_trafilaturas_expressions_find(name: str) -> None:
    tree = html_extractor._parse(BUILT[name])
    found = [bool(expression(tree)) for expression in trafilatura.xpaths.RAW_TREE_PRUNE_XPATH]
    assert trafilatura_run.may_hold_raw_prunes(tree) or not any(found)
    assert trafilatura_run.may_hold_raw_prunes(tree) == (name in {"infinite scroll", "infinite scroll by id", "elementor share buttons"})
    if name in {"infinite scroll", "infinite scroll by id", "elementor share buttons"}:
        assert any(found)  # the pages reach what they are named for


def test_the_walk_for_raw_prunes_stands_only_over_the_checked_expressions(monkeypatch) -> None:
    assert trafilatura_run._raw_prunes_are_the_checked_ones()
    monkeypatch.setattr(trafilatura_run, "RAW_TREE_PRUNE_XPATH", [*trafilatura.xpaths.RAW_TREE_PRUNE_XPATH, etree.XPath(".//div[@class='x']")])
    assert not trafilatura_run._raw_prunes_are_the_checked_ones()


def test_another_trafilatura_version_gets_bare_extraction(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(trafilatura_run, "SUPPORTED", False)
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: calls.append(kwargs) or "theirs")
    assert trafilatura_run.run(html_extractor._parse(LONG), url="u", output_format="txt") == "theirs"
    assert calls == [{"url": "u", "output_format": "txt"}]


@pytest.mark.parametrize("arguments", [{"output_format": "python"}, {"output_format": "txt", "with_metadata": True}, {"output_format": "txt", "target_language": "en"}])
def test_arguments_it_does_not_restate_go_to_bare_extraction(monkeypatch, arguments: dict) -> None:
    calls = []
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: calls.append(kwargs) or "theirs")
    assert trafilatura_run.run(html_extractor._parse(LONG), **arguments) == "theirs"
    assert calls == [{"url": None, **arguments}]


def test_the_extractor_uses_the_restatement(monkeypatch) -> None:
    calls = []
    real = trafilatura_run.run
    monkeypatch.setattr(trafilatura_run, "run", lambda *args, **kwargs: calls.append(kwargs) or real(*args, **kwargs))
    article = html_extractor.extract_html(LONG, source="long")
    assert calls and calls[0]["output_format"] == "txt" and _sentence(3) in article.text
