"""Fifteenth session: an audit of the non-article rules, each switched off, by site and on a second corpus; nothing here ships.

    python -m bench.audit6_study DATA_DIR [--folder PATH] [--only TEXT]

The fourteenth session's article audit (`bench.articles5_study`) for the rules of the other page types: listing.py,
forum.py, region.py, docs_page.py, the profiles' settings (profiles.py) and the non-article hooks of
`html_extractor` (the region's choice, the consent rule, the grid rule, the thread's lead). Every rule that can be
switched off without editing the product (a profile setting, a module setting, a step replaced by one that returns
its input) is switched off by monkeypatching, and the product's own `extract_html` rerun on the WCXB tune pages the
rule can reach (those whose predicted type's profile it changes; every other page's answer cannot move) and on the
ScrapingHub pages taken for those types (no address, as `python -m bot extract` reads a saved page; a check only,
nothing is chosen on it). trafilatura's answer is memoised per page by the tree it is given (`memo_main_text`: the
same tree and address give the same answer), which the shipped run checks against an unmemoised one.

Printed per rule: the pages it moves (up / down), every truth type's summed change, the hosts it moves (up / down),
the summed change of its two best hosts against the rest, the 25 fold sums (5 folds by id and 5 by site under four
salts) up and down, the on/off choice's out-of-fold gain per grouping, and ScrapingHub's shingle F1 on and off.
`FIT_REST_MAX` is the criterion, fixed before the table was read: a rule that moves pages and whose summed change
outside its two best hosts is at most that is a fit (its gain sits on one or two sites, the rest flat or down).
Each variant's answers are cached under `--folder` (delete it after a product change).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from lxml import html as lxml_html

import bot.digest.extract.html.choice as choice
import bot.digest.extract.html.docs_page as docs_page
import bot.digest.extract.html.forum as forum
import bot.digest.extract.html.listing as listing
import bot.digest.extract.html.profiles as profiles
import bot.digest.extract.html_extractor as html_extractor
from bench.articles5_study import cv_gain, shingle_f1
from bench.articles_study import fold_of, tune_urls
from bench.choice_study import site_of, tune_items
from bench.extraction import load_pages as scrapinghub_pages
from bench.forums2_study import SITE_SALTS
from bench.metrics import aggregate, page_counts
from bench.wcxb import word_f1
from bot.digest.extract.html.article import restore_lists_and_headings
from bot.settings import DigestSettings

DEFAULT_FOLDER = Path("/tmp/audit6")
# The criterion (fixed before the table was read; only the first row, MAX_CODE_WORDS, had been seen, which made
# the one-site case plain): a rule is a fit, to be removed, when it moves pages outside the two hosts it helps most
# and its summed word-F1 change over every tune page outside those two is at most FIT_REST_MAX (a hundredth of one
# page's F1: flat or down there), or when its whole tune sum is not above zero. A rule that moves pages on one or
# two hosts only is "narrow": the tune part cannot tell a fit from a rare case there, and removing it would be a
# choice made on those one or two pages; it is reported, not removed.
FIT_REST_MAX = 0.01
NON_ARTICLE = ("documentation", "service", "product", "forum", "listing", "collection")
Patch = tuple[Any, str, Any]


def profile_patch(types: tuple[str, ...], **changes: Any) -> Patch:
    """html_extractor's PROFILES with the profiles of `types` changed by `changes`."""
    return profiles_patch({name: changes for name in types})


def _identity_text(tree: lxml_html.HtmlElement, text: str) -> str:
    return text


def _link_items_out(tree: lxml_html.HtmlElement, text: str) -> str:
    """docs_page.lists_and_headings with the article step's link share (link-only items left out)."""
    return restore_lists_and_headings(tree, text)


def _wrappers_with(**flags: bool) -> Callable[..., Any]:
    shipped = listing.cards_wrappers
    return lambda region, runs, min_chars: shipped(region, runs, min_chars, **flags)


_SPARED_WRAPPER = listing.spared_wrapper
_PLATFORM_ONLY = " | ".join(forum.PLATFORM_POST_XPATHS)
CARD_TYPES = ("service", "listing", "collection")
REGION_TYPES = ("documentation", "service", "product", "forum", "listing", "collection")


def rules() -> dict[str, tuple[tuple[str, ...], list[Patch]]]:
    """Each rule: the predicted types whose pages it can move, and the patches that switch it off."""
    found: dict[str, tuple[tuple[str, ...], list[Patch]]] = {}
    for name in REGION_TYPES:  # the region's choice itself, per type
        found[f"region chosen ({name})"] = ((name,), [profile_patch((name,), region_over_words=None)])
    for name in CARD_TYPES:
        found[f"cards kept whole, keep_cards ({name})"] = ((name,), [profile_patch((name,), keep_cards=False)])
    found["service: card parts, hidden panels only and 6 letter words"] = (("service",), [profile_patch(("service",), hidden_card_panels_only=False, card_part_min_words=0)])
    for name in ("listing", "collection"):
        found[f"grid wrappers spared, cards_wrapper_share ({name})"] = ((name,), [profile_patch((name,), cards_wrapper_share=None)])
        found[f"grid of short lines is text, grid_is_text ({name})"] = ((name,), [profile_patch((name,), grid_is_text=False)])
        found[f"filter and sort bars, _LISTING_CHROME ({name})"] = ((name,), [profile_patch((name,), more_chrome=frozenset())])
    found["grid wrappers: carousel guard"] = (("listing", "collection"), [(listing, "cards_wrappers", _wrappers_with(skip_carousels=False))])
    found["grid wrappers: menu guard (runs and wrappers)"] = (
        ("listing", "collection"),
        [(listing, "cards_wrappers", _wrappers_with(skip_menus=False)), (listing, "spared_wrapper", lambda element: _SPARED_WRAPPER(element, menus_out=False))],
    )
    found["profile-named page-wide wrapper spared (listing.py)"] = (CARD_TYPES, [(listing, "_wrapper_named_by_profile", lambda *args: False)])
    found["footer class still chrome in cards"] = (CARD_TYPES, [(listing, "_STILL_CHROME_IN_CARDS", frozenset())])
    found["collection: card names spared, card_name_max_links"] = (("collection",), [profile_patch(("collection",), card_name_max_links=0)])
    found["collection: class word header no chrome, less_chrome"] = (("collection",), [profile_patch(("collection",), less_chrome=frozenset())])
    found["forum: thread posts by markup, thread_posts"] = (("forum",), [profile_patch(("forum",), thread_posts=False)])
    found["forum: shared (non-platform) post selectors"] = (("forum",), [(forum, "_POST_BODIES", _PLATFORM_ONLY)])
    found["forum: Q&A comments not posts, _NOT_POSTS"] = (("forum",), [(forum, "_NOT_POSTS", frozenset())])
    found["forum: meta/link bodies no post, _NO_BODY_TAGS"] = (("forum",), [(forum, "_NO_BODY_TAGS", frozenset())])
    found["forum: og:description lead, lead_min_words"] = (("forum",), [profile_patch(("forum",), lead_min_words=None)])
    found["forum: signature chrome"] = (("forum",), [profile_patch(("forum",), more_chrome=frozenset())])
    found["product: reviews/recommended chrome, more_chrome"] = (("product",), [profile_patch(("product",), more_chrome=frozenset())])
    for name in ("service", "product", "forum", "collection"):
        found[f"lines read once, repeat_min_words ({name})"] = ((name,), [profile_patch((name,), repeat_min_words=None)])
    for name in ("documentation", "product", "forum"):
        found[f"short lines out, min_line_words ({name})"] = ((name,), [profile_patch((name,), min_line_words=1)])
    for name in ("service", "product", "forum", "collection"):
        found[f"short link lines out, link_line_words ({name})"] = ((name,), [profile_patch((name,), link_line_words=0)])
    found["consent dialog outside the region (choice.py)"] = (REGION_TYPES, [(choice, "CONSENT_MENTIONS_OUTSIDE", 10**9)])
    found["documentation_text as a whole"] = (("documentation",), [(html_extractor, "documentation_text", _identity_text)])
    # (The thirteenth session's box filter, audited here on main 05fa649 as "docs: boxes left out", was removed.)
    found["docs: lists and subheadings put back"] = (("documentation",), [(docs_page, "lists_and_headings", _identity_text)])
    found["docs: link-only items put back"] = (("documentation",), [(docs_page, "lists_and_headings", _link_items_out)])
    found["docs: code blocks put back"] = (("documentation",), [(docs_page, "restore_code_blocks", _identity_text)])
    found["docs: code blocks capped, MAX_CODE_WORDS"] = (("documentation",), [(docs_page, "MAX_CODE_WORDS", 10**9)])
    return found


# The profile settings the criterion calls fits (profiles.py is not this study's to edit): all switched off together.
PROFILE_FITS: dict[str, dict[str, Any]] = {
    "service": {"hidden_card_panels_only": False, "card_part_min_words": 0},
    "collection": {"less_chrome": frozenset()},
    "documentation": {"min_line_words": 1},
    "forum": {"min_line_words": 1},
}


def profiles_patch(changes: dict[str, dict[str, Any]]) -> Patch:
    """html_extractor's PROFILES with each named type's profile changed as `changes` says."""
    changed = dict(profiles.PROFILES)
    for name, values in changes.items():
        changed[name] = dataclasses.replace(changed[name], **values)
    return (html_extractor, "PROFILES", changed)


@contextmanager
def patched(patches: list[Patch]) -> Iterator[None]:
    """Each (object, name, value) set for the block, restored after."""
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, value in patches:
        setattr(owner, name, value)
    try:
        yield
    finally:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)


@contextmanager
def memo_main_text(memo: dict[str, tuple[str, bool]]) -> Iterator[None]:
    """html_extractor._main_text's text memoised by the tree it is given and the address (trafilatura reads a copy:
    the same tree gives the same text); its metadata object is made afresh on the tree."""
    shipped = html_extractor._main_text

    def memoised(tree: lxml_html.HtmlElement, url: str | None, settings: Any) -> tuple[str, Any]:
        key = hashlib.sha1(lxml_html.tostring(tree) + f"\x00{url}\x00{id(settings)}".encode()).hexdigest()
        if key not in memo:
            text, document = shipped(tree, url, settings)
            memo[key] = (text, document is not None)
        text, found = memo[key]
        return text, html_extractor.TrafilaturaMetadata(tree, url) if found else None

    html_extractor._main_text = memoised
    try:
        yield
    finally:
        html_extractor._main_text = shipped


@contextmanager
def recording_type(record: dict[str, str]) -> Iterator[None]:
    """extract_html's page type recorded in record["predicted"]."""
    shipped = html_extractor._page_type

    def recording(tree: lxml_html.HtmlElement, url: str | None, json_ld: list) -> tuple[str, dict[str, Any]]:
        kind, already = shipped(tree, url, json_ld)
        record["predicted"] = kind
        return kind, already

    html_extractor._page_type = recording
    try:
        yield
    finally:
        html_extractor._page_type = shipped


def _answer(html: str, source: str, url: str | None) -> str:
    try:
        return html_extractor.extract_html(html, source, url, DigestSettings().max_html_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


def corpus_items(data_dir: Path, corpus: str) -> Iterator[tuple[str, str, str | None, str, str]]:
    """(id, html, address, truth type, truth) of WCXB's tune pages with a truth, or of ScrapingHub's 181 pages
    (no address, every page an article)."""
    if corpus == "wcxb":
        for page_id, item, html in tune_items(data_dir):
            yield page_id, html, item.get("url") or None, item["type"], item["truth"]
    else:
        for page_id, html, truth in scrapinghub_pages(data_dir):
            yield page_id, html, None, "article", truth


def shipped_answers(data_dir: Path, corpus: str, memo: dict[str, tuple[str, bool]]) -> list[dict[str, Any]]:
    """Every page's shipped answer and predicted type; the memoised answer checked against the product's."""
    pages = []
    record: dict[str, str] = {}
    with recording_type(record):
        for page_id, html, url, kind, truth in corpus_items(data_dir, corpus):
            record.clear()
            final = _answer(html, f"{page_id}.html", url)
            page = {"id": page_id, "type": kind, "truth": truth, "final": final, "predicted": record.get("predicted", "")}
            if page["predicted"] in NON_ARTICLE:
                with memo_main_text(memo):
                    assert _answer(html, f"{page_id}.html", url) == final, page_id
            pages.append(page)
    return pages


def variant_answers(data_dir: Path, corpus: str, types: tuple[str, ...], patches: list[Patch], predicted: dict[str, str], memo: dict[str, tuple[str, bool]]) -> dict[str, str]:
    """The answers of the pages predicted as one of `types`, with `patches` applied."""
    answers = {}
    with ExitStack() as stack:
        stack.enter_context(patched(patches))
        stack.enter_context(memo_main_text(memo))
        for page_id, html, url, _, _ in corpus_items(data_dir, corpus):
            if predicted.get(page_id) in types:
                answers[page_id] = _answer(html, f"{page_id}.html", url)
    return answers


def cached(path: Path, build: Callable[[], Any]) -> Any:
    if path.exists():
        return pickle.loads(path.read_bytes())
    value = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(value))
    return value


def _slug(name: str) -> str:
    return hashlib.sha1(name.encode()).hexdigest()[:12]


@dataclasses.dataclass
class Audit:
    """One rule's figures: `gain` is each WCXB tune page's F1 with the rule on (shipped) less off."""

    name: str
    gain: np.ndarray
    hosts: np.ndarray
    types: np.ndarray
    folds: dict[str, np.ndarray]

    def by_host(self) -> list[tuple[str, float]]:
        sums: dict[str, float] = {}
        for index in np.flatnonzero(np.abs(self.gain) > 1e-9):
            sums[self.hosts[index]] = sums.get(self.hosts[index], 0.0) + float(self.gain[index])
        return sorted(sums.items(), key=lambda item: -item[1])

    def best_two_and_rest(self) -> tuple[float, float]:
        best_two = sum(value for _, value in self.by_host()[:2])
        return best_two, float(self.gain.sum()) - best_two

    def is_narrow(self) -> bool:
        """Pages move on one or two hosts only."""
        return 0 < len({self.hosts[i] for i in np.flatnonzero(np.abs(self.gain) > 1e-9)}) <= 2

    def is_fit(self) -> bool:
        """The criterion: pages move on more than two hosts and the change outside the two best is flat or down,
        or the whole tune sum is not above zero."""
        if not (np.abs(self.gain) > 1e-9).any() or self.is_narrow():
            return False
        return self.best_two_and_rest()[1] <= FIT_REST_MAX or float(self.gain.sum()) <= 1e-9

    def fold_sums(self) -> list[float]:
        return [float(self.gain[fold == k].sum()) for fold in self.folds.values() for k in range(5)]


def print_audit(audit: Audit, news_on: list[Any], news_off: list[Any], news_ids: list[str]) -> None:
    gain = audit.gain
    moved = np.abs(gain) > 1e-9
    hosts = audit.by_host()
    best_two, rest = audit.best_two_and_rest()
    sums = audit.fold_sums()
    by_type = {t[:4]: round(float(gain[audit.types == t].sum()), 3) for t in sorted(set(audit.types)) if abs(gain[audit.types == t].sum()) > 1e-9}
    cv = " ".join(f"{name} {cv_gain(gain, fold):+.3f}" for name, fold in audit.folds.items())
    on, off = aggregate(news_on), aggregate(news_off)
    news_delta = np.array([shingle_f1(a) - shingle_f1(b) for a, b in zip(news_on, news_off)])
    print(f"== {audit.name}: tune sum {gain.sum():+.3f} (mean over all {gain.mean():+.5f}), pages {int(moved.sum())} (+{int((gain > 1e-9).sum())} "
          f"-{int((gain < -1e-9).sum())}), by type {by_type}; hosts +{sum(v > 1e-9 for _, v in hosts)} -{sum(v < -1e-9 for _, v in hosts)}, "
          f"best two {best_two:+.3f}, the rest {rest:+.3f}; folds up {sum(v > 1e-9 for v in sums)} down {sum(v < -1e-9 for v in sums)} of {len(sums)}; "
          f"{'FIT' if audit.is_fit() else 'narrow' if audit.is_narrow() else 'holds' if moved.any() else 'inert'}")
    print(f"   out-of-fold on/off choice: {cv}")
    print(f"   ScrapingHub on F1 {on.f1:.5f} off {off.f1:.5f} delta {on.f1 - off.f1:+.5f}, pages +{int((news_delta > 1e-9).sum())} -{int((news_delta < -1e-9).sum())}"
          + "".join(f"; {news_ids[i]} {news_delta[i]:+.3f}" for i in np.flatnonzero(np.abs(news_delta) > 1e-9)))
    print("   hosts: " + ", ".join(f"{host} {value:+.3f}" for host, value in hosts[:8]) + (" ..." if len(hosts) > 8 else "")
          + ("" if len(hosts) <= 8 else " | worst: " + ", ".join(f"{host} {value:+.3f}" for host, value in hosts[-3:])))


def run(data_dir: Path, folder: Path, only: str | None) -> None:
    memo: dict[str, tuple[str, bool]] = {}
    wcxb = cached(folder / "wcxb_shipped.pkl", lambda: shipped_answers(data_dir, "wcxb", memo))
    news = cached(folder / "scrapinghub_shipped.pkl", lambda: shipped_answers(data_dir, "scrapinghub", memo))
    urls = tune_urls(data_dir)
    hosts = np.array([site_of(urls.get(page["id"], "")) or page["id"] for page in wcxb])
    folds = {"id": np.array([fold_of(page, urls, None) for page in wcxb])}
    folds.update({f"site {salt}": np.array([fold_of(page, urls, salt) for page in wcxb]) for salt in SITE_SALTS})
    types = np.array([page["type"] for page in wcxb])
    base = np.array([word_f1(page["truth"], page["final"]) for page in wcxb])
    news_base = [page_counts(page["truth"], page["final"]) for page in news]
    predicted = {page["id"]: page["predicted"] for page in wcxb}
    news_predicted = {page["id"]: page["predicted"] for page in news}
    print(f"WCXB tune {len(wcxb)} pages, {sum(p != 'article' for p in predicted.values())} predicted non-article, {len(set(hosts))} hosts; "
          f"ScrapingHub {len(news)} pages, {sum(p != 'article' for p in news_predicted.values())} predicted non-article")
    for name in sorted(set(types)):
        chosen = types == name
        print(f"   {name}: {int(chosen.sum())} pages, {len(set(hosts[chosen]))} hosts, shipped {base[chosen].mean():.5f}")
    print(f"   all: shipped {base.mean():.5f}; ScrapingHub F1 {aggregate(news_base).f1:.5f}")
    fits, narrow = [], []
    every = rules()
    # Against the cached shipped answers (main's, when the folder was built there): the branch's own change alone,
    # then with the profile fits.
    every["the branch as it is (no patch)"] = (NON_ARTICLE, [])
    every["the profile fits together (PROFILE_FITS)"] = (tuple(PROFILE_FITS), [profiles_patch(PROFILE_FITS)])
    for name, (rule_types, patches) in every.items():
        if only and only not in name:
            continue
        off = cached(folder / "variants" / f"{_slug(name)}.pkl",
                     lambda: (variant_answers(data_dir, "wcxb", rule_types, patches, predicted, memo),
                              variant_answers(data_dir, "scrapinghub", rule_types, patches, news_predicted, memo)))
        finals_off, news_finals_off = off
        off_scores = np.array([word_f1(page["truth"], finals_off[page["id"]]) if page["id"] in finals_off else score for page, score in zip(wcxb, base)])
        news_off = [page_counts(page["truth"], news_finals_off[page["id"]]) if page["id"] in news_finals_off else counts for page, counts in zip(news, news_base)]
        audit = Audit(name, base - off_scores, hosts, types, folds)
        print_audit(audit, news_base, news_off, [page["id"] for page in news])
        if name in ("the branch as it is (no patch)", "the profile fits together (PROFILE_FITS)"):
            print("   per type, shipped -> off: " + ", ".join(f"{t} {base[types == t].mean():.5f} -> {off_scores[types == t].mean():.5f}" for t in sorted(set(types))))
        if audit.is_fit():
            fits.append(name)
        if audit.is_narrow():
            narrow.append(name)
    print(f"fits by the criterion (rest outside the best two hosts <= {FIT_REST_MAX}, or no tune gain): {fits or 'none'}")
    print(f"narrow (pages move on one or two hosts only): {narrow or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--only", help="the rules whose name holds this text")
    args = parser.parse_args()
    run(args.data_dir, args.folder, args.only)


if __name__ == "__main__":
    main()
