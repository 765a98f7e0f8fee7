"""bench/forums3_study.py: its guards and its keep rule (no data needed)."""

from __future__ import annotations

from bench.forums3_study import Guard, deltas, fires, report, share_inside

TRUTH = "the gasket was worn and a new one stopped the leak"
PLATFORM = Guard("platform", True, 2, 0.8)
ANY = Guard("any", False, 2, 0.0)


def _page(page_id: str, kind: str, page_type: str, off: str, posts: str, bodies: int = 3, platform: int = 3) -> dict[str, object]:
    return {"id": page_id, "type": kind, "url": f"https://s{page_id}.org/t/{page_id}", "candidate": True, "truth": TRUTH, "page_type": page_type,
            "off": off, "posts": posts, "bodies": bodies, "platform_bodies": platform, "extra_bodies": 0, "extra_posts": ""}


def test_share_inside_counts_the_answers_words_found_in_the_posts() -> None:
    assert share_inside("the leak the gasket", "a gasket and the leak") == 1.0
    assert share_inside("one two three four", "one two") == 0.5
    assert share_inside("", "anything") == 0.0


def test_a_guard_fires_only_off_forum_pages_with_the_platforms_markup_and_the_posts_holding_the_answer() -> None:
    assert fires(_page("1", "forum", "article", "the leak", TRUTH), PLATFORM)
    assert not fires(_page("2", "forum", "forum", "the leak", TRUTH), PLATFORM)  # forum pages read their posts already
    assert not fires(_page("3", "forum", "article", "the leak", TRUTH, platform=0), PLATFORM)  # schema.org text only
    assert not fires(_page("4", "article", "article", "an article about pumps and valves", TRUTH), PLATFORM)  # a comment section
    assert fires(_page("4", "article", "article", "an article about pumps and valves", TRUTH), ANY)
    assert not fires({"id": "5", "candidate": False, "type": "article", "url": ""}, ANY)


def test_the_keep_rule_needs_a_gain_and_refuses_a_type_that_loses() -> None:
    gains = [_page(str(i), "forum", "article", "the leak", TRUTH) for i in range(10)]
    assert (deltas(gains, PLATFORM) > 0).all()
    assert report(gains, PLATFORM)
    assert not report([_page("1", "forum", "forum", "the leak", TRUTH)], PLATFORM)  # nothing moves: nothing to keep
    loses = gains + [_page("99", "article", "article", TRUTH, "the leak stopped the gasket")]
    assert not report(loses, ANY)
