"""bench/misread6_study.py: the article marks, the answer signals and the three rules (no data needed)."""

from __future__ import annotations

from lxml import html as lxml_html

from bench import misread6_study as study

PROSE = "This is a sentence of the article with more than eight words in it."


def _page(logits: dict[str, float], answers: dict[str, str], marks: dict[str, float] | None = None, key: str = "w1") -> dict:
    full = {kind: -5.0 for kind in study.TYPES} | logits
    base = {"ld_article": 0, "ld_body_words": 0, "og_article": 0, "articles_with_text": 0, "largest_article_share": 0.0}
    return {"key": key, "type": "article", "url": "https://example.org/a", "truth": PROSE, "logits": full, "answers": answers, "marks": base | (marks or {})}


def test_article_marks_read_json_ld_og_and_the_largest_article() -> None:
    body = " ".join(["word"] * 80)
    tree = lxml_html.document_fromstring(
        f'<html><head><meta property="og:type" content="article"></head><body><nav>a b c d</nav><article><p>{body}</p></article><article>x</article></body></html>'
    )
    json_ld = [{"@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "articleBody": "one two three"}]}]
    marks = study.article_marks(tree, json_ld)
    assert marks["ld_article"] == 1 and marks["ld_body_words"] == 3
    assert marks["og_article"] == 1
    assert marks["articles_with_text"] == 1
    assert 0.9 < marks["largest_article_share"] < 1.0
    assert study.article_marks(lxml_html.document_fromstring("<html><body><p>hi</p></body></html>"), [{"@type": "Product"}])["ld_article"] == 0


def test_prose_share_counts_sentence_lines_not_length() -> None:
    assert study.prose_share(PROSE) == 1.0
    assert study.prose_share("Home\nAbout us\nContact") == 0.0
    half = study.prose_share(PROSE + "\n" + " ".join(["menu"] * study.words(PROSE)))
    assert abs(half - 0.5) < 1e-9
    assert study.prose_share(PROSE * 1) == study.prose_share("\n".join([PROSE] * 5))  # longer, same share


def test_markup_rule_reads_a_declared_article_with_one_dominant_article_element() -> None:
    rule = study.markup_rule(1, False, 0.5)
    declared = _page({"service": 1.0}, {}, {"ld_article": 1, "ld_body_words": 200, "articles_with_text": 1, "largest_article_share": 0.8})
    assert rule(declared) == "article"
    assert rule(_page({"service": 1.0}, {}, {"ld_article": 1, "ld_body_words": 200, "articles_with_text": 2, "largest_article_share": 0.8})) == "service"
    assert rule(_page({"service": 1.0}, {}, {"ld_article": 1, "ld_body_words": 0, "articles_with_text": 1, "largest_article_share": 0.8})) == "service"
    assert study.markup_rule(None, True, 0.5)(_page({"listing": 1.0}, {}, {"og_article": 1, "articles_with_text": 1, "largest_article_share": 0.6})) == "article"


def test_close_call_rule_keeps_the_answer_the_signal_prefers_only_when_close() -> None:
    answers = {"service": "Home\nAbout\nContact us today", "article": PROSE}
    rule = study.close_call_rule(1.0, study.prose_share)
    assert rule(_page({"service": 1.0, "article": 0.5}, answers)) == "article"
    assert rule(_page({"service": 3.0, "article": 0.5}, answers)) == "service"  # not close
    assert rule(_page({"service": 1.0, "listing": 0.5}, answers | {"listing": PROSE})) == "service"  # article not among the two
    assert rule(_page({"article": 1.0, "service": 0.5}, {"article": "Home", "service": PROSE})) == "service"


def test_fallback_rule_takes_the_article_answer_when_the_typed_one_is_much_shorter() -> None:
    rule = study.fallback_rule(0.5, least_article_words=10)
    long_article = "\n".join([PROSE] * 4)
    assert rule(_page({"product": 1.0}, {"product": PROSE, "article": long_article})) == "article"
    assert rule(_page({"product": 1.0}, {"product": long_article, "article": long_article})) == "product"
    assert rule(_page({"article": 1.0}, {"article": "x"})) == "article"


def test_evaluate_counts_moves_folds_and_types() -> None:
    good, bad = PROSE, "nothing alike here"
    pages = [
        _page({"service": 1.0, "article": 0.5}, {"service": bad, "article": good}, key="w1"),
        _page({"article": 1.0, "service": 0.9}, {"article": good, "service": good + " extra"}, key="w2"),
    ]
    result = study.evaluate(pages, [], study.close_call_rule(1.0, study.prose_share))
    assert result["moved"] == 1 and result["up"] == 1 and result["down"] == 0
    assert result["per_type"]["article"][1] == 1
    assert all(abs(sum(sums) - (result["mean"] - result["base"]) * 2) < 1e-9 for sums in result["folds"].values())
    assert result["folds_down"] == 0


def test_close_call_toward_article_only_leaves_pages_typed_article() -> None:
    rule = study.close_call_rule(1.0, study.prose_share, toward_article_only=True)
    assert rule(_page({"article": 1.0, "service": 0.5}, {"article": "Home", "service": PROSE})) == "article"
    assert rule(_page({"service": 1.0, "article": 0.5}, {"service": "Home\nAbout", "article": PROSE})) == "article"
