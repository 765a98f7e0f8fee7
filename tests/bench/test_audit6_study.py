"""bench.audit6_study: the off switches name real settings and are put back, the memo answers as the product, the criterion."""

import numpy as np

import bot.digest.extract.html.profiles as profiles
import bot.digest.extract.html_extractor as html_extractor
from bench.audit6_study import Audit, memo_main_text, patched, profile_patch, rules

POSTS = [
    "I replaced the pump last winter and the noise stopped for a while, then came back when the weather turned cold again.",
    "Check the mounting bolts first; mine had worked loose and the whole housing rattled against the frame at low speed.",
]
THREAD = (
    "<html><head><title>Pump noise</title></head><body><main><h1>Pump noise</h1>"
    + "".join(f"<div class='post'><div class='cooked'><p>{post}</p></div><div class='signature'>My garage blog</div></div>" for post in POSTS)
    + "</main></body></html>"
)


def test_profile_patch_changes_only_the_named_types() -> None:
    owner, name, changed = profile_patch(("forum",), thread_posts=False)
    assert owner is html_extractor and name == "PROFILES"
    assert changed["forum"].thread_posts is False and profiles.PROFILES["forum"].thread_posts is True
    assert all(changed[kind] is profiles.PROFILES[kind] for kind in profiles.PROFILES if kind != "forum")


def test_every_rule_patches_an_existing_name_with_another_value_and_puts_it_back() -> None:
    for types, patches in rules().values():
        assert types and patches
        for owner, name, value in patches:
            assert hasattr(owner, name) and getattr(owner, name) is not value
    everything = [patch for _, patches in rules().values() for patch in patches]
    saved = [getattr(owner, name) for owner, name, _ in everything]
    with patched(everything):
        assert html_extractor.PROFILES is not profiles.PROFILES
    assert [getattr(owner, name) for owner, name, _ in everything] == saved


def test_thread_posts_switch_is_the_forum_profiles_and_is_put_back() -> None:
    types, patches = rules()["forum: thread posts by markup, thread_posts"]
    assert types == ("forum",)
    with patched(patches):
        assert html_extractor.PROFILES["forum"].thread_posts is False
        assert html_extractor.PROFILES["listing"] is profiles.PROFILES["listing"]
    assert html_extractor.PROFILES["forum"].thread_posts is True


def test_memoised_main_text_answers_as_the_product() -> None:
    shipped = html_extractor.extract_html(THREAD, "t.html").text
    memo: dict = {}
    with memo_main_text(memo):
        first = html_extractor.extract_html(THREAD.replace("cooked", "x"), "t.html").text
        again = html_extractor.extract_html(THREAD.replace("cooked", "x"), "t.html").text
    assert first == again == html_extractor.extract_html(THREAD.replace("cooked", "x"), "t.html").text
    assert memo and html_extractor.extract_html(THREAD, "t.html").text == shipped


def _audit(gain: list[float], hosts: list[str]) -> Audit:
    size = len(gain)
    return Audit("r", np.array(gain), np.array(hosts), np.array(["listing"] * size), {"id": np.arange(size) % 5})


def test_a_gain_on_two_hosts_with_the_rest_flat_is_a_fit() -> None:
    assert _audit([0.3, 0.2, 0.0, -0.05], ["a", "b", "c", "d"]).is_fit()  # acts on d and loses there
    assert not _audit([0.3, 0.2, 0.1, 0.05], ["a", "b", "c", "d"]).is_fit()  # the rest gains too
    assert _audit([0.3, -0.4, 0.05], ["a", "b", "c"]).is_fit()  # no tune gain at all
    assert not _audit([0.0, 0.0], ["a", "b"]).is_fit()  # moves nothing: no fit, no gain


def test_a_rule_on_one_or_two_hosts_is_narrow_not_a_fit() -> None:
    narrow = _audit([0.3, 0.2, 0.0], ["a", "b", "c"])
    assert narrow.is_narrow() and not narrow.is_fit()
    assert _audit([0.3, 0.2, 0.1], ["a", "a", "b"]).best_two_and_rest() == (0.6, 0.0)
