"""Forum threads the classifier takes for other types (twelfth session, third round; issue 9 target 1): may
a page typed article, service, listing... read its posts (forum.py) when a guard says the posts are the
page's content? A study on WCXB's tune part through the product.

    python -m bench.forums3_study DATA_DIR [--cache PICKLE] [--refresh]

A rule can only change a page where `forum.post_bodies` finds two bodies or more (else `thread_text` is
empty) and the classifier's type is not forum (forum pages read their posts already). Every tune page with
a truth is parsed as `extract_html` parses it and its post bodies counted; each page with two or more goes
through `extract_html` as shipped (`off`, its type recorded), and each candidate rule answers the page with
the thread's posts (read with the forum profile's line filters, the title line dropped as extract_html
drops it) in place of `off` when its guard passes. Every other page keeps its answer by construction.
Guards: the posts' markup a forum platform's own (not schema.org `itemprop=text`, which FAQ answers and
reviews carry too, nor generic class words such as `post-content`, which blogs carry), at least N posts,
and at least `inside` of the shipped answer's words found in the posts (the posts hold the page's main
text, not a comment section under it). Printed per rule: the sum and count of changes per true type, the
sums in the five folds sha1(id) % 5 and in five folds by site for four salts, and the pages that move.
Keep a rule only if no fold of any grouping goes down, some fold goes up, and no type loses.
"""

from __future__ import annotations

import argparse
import logging
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_items
from bench.forums2_study import folds_hold, moved_pages, no_type_loses
from bench.wcxb import TYPES, word_f1
from bot.digest.extract.html import forum
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.region import block_lines, drop_repeated_lines, lines_text, strip_chrome
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks, space_before_inline_gaps
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/forums3/study.pkl")
_has_class = forum._has_class
# The post-body markup only forum platforms write (forum.py's list less schema.org's itemprop=text /
# articleBody and the generic class words, which blogs and shops carry).
PLATFORM_POST_XPATHS = forum.PLATFORM_POST_XPATHS
_PLATFORM_POSTS = " | ".join(PLATFORM_POST_XPATHS)
# Two platforms forum.py does not name, written after reading the two tune forums typed otherwise that have
# no post found (in sample: one page each): Quora's answers and Lemmy's post and comments (Markdown divs).
EXTRA_POST_XPATHS = (f"//*[{_has_class('spacing_log_answer_content')}]", f"//*[{_has_class('md-div')}]")
_EXTRA_POSTS = " | ".join(EXTRA_POST_XPATHS)


@dataclass(frozen=True)
class Guard:
    name: str
    platform_only: bool  # the bodies must be found by a platform's own markup
    min_posts: int
    inside: float  # least share of the shipped answer's words found in the posts
    extra: bool = False  # Quora's and Lemmy's markup as well (EXTRA_POST_XPATHS)
    named: bool = True  # forum.py's markup (False: the extra platforms only)


GUARDS = (
    Guard("platform, 2+ posts, 80% inside", True, 2, 0.8),
    Guard("platform, 3+ posts, 80% inside", True, 3, 0.8),
    Guard("platform, 2+ posts, 60% inside", True, 2, 0.6),
    Guard("platform + Quora, Lemmy, 2+ posts, 80% inside", True, 2, 0.8, extra=True),
    Guard("Quora, Lemmy only, 2+ posts, 80% inside", True, 2, 0.8, extra=True, named=False),
    Guard("any markup, 3+ posts, 80% inside", False, 3, 0.8),
    Guard("any markup, 2+ posts, 60% inside", False, 2, 0.6),
    Guard("any markup, 2+ posts, no share", False, 2, 0.0),
)


def _tree(html: str):  # noqa: ANN202 (an lxml tree)
    """The tree as extract_html reads it before classifying (its first three clean-ups)."""
    tree = html_extractor._parse(html)
    drop_permalinks(tree)
    code_in_preformatted(tree)
    space_before_inline_gaps(tree)
    return tree


def share_inside(answer: str, posts: str) -> float:
    """The share of the answer's words (lower-cased word tokens) that occur in the posts."""
    words = re.findall(r"\w+", answer.lower())
    found = Counter(re.findall(r"\w+", posts.lower()))
    return sum(1 for word in words if found[word]) / len(words) if words else 0.0


def _without_title(text: str, title: str) -> str:
    first, _, rest = text.partition("\n\n")
    return rest if title and first.strip() == title and rest else text


def _outermost(elements: list) -> list:
    named = set(elements)
    return [element for element in elements if isinstance(element.tag, str) and not any(ancestor in named for ancestor in element.iterancestors())]


def _posts_text(bodies: list, title: str) -> str:
    """The bodies read as forum.thread_text reads its own (the forum profile's line filters)."""
    profile = PROFILES["forum"]
    posts = (lines_text(block_lines(strip_chrome(body, profile.more_chrome)), profile.min_line_words, profile.link_line_share, profile.link_line_words) for body in bodies)
    return _without_title(drop_repeated_lines("\n\n".join(post for post in posts if post), profile.repeat_min_words or 0), title)


def build(data_dir: Path) -> list[dict[str, Any]]:
    """Each tune page with two post bodies or more: its shipped answer and type, its posts' text, how many
    bodies the platform markup alone finds. Pages with fewer bodies are counted only (`n_tune`)."""
    max_elements = DigestSettings().max_html_elements
    shipped_classify = html_extractor.classify_page
    seen: dict[str, str] = {}

    def classifying(tree, url, json_ld=None):  # noqa: ANN001, ANN202 (classify_page's own signature)
        seen["type"] = shipped_classify(tree, url, json_ld)
        return seen["type"]

    pages: list[dict[str, Any]] = []
    html_extractor.classify_page = classifying
    try:
        for page_id, item, html in tune_items(data_dir):
            tree = _tree(html)
            bodies = forum.post_bodies(tree)
            extra = _outermost(tree.xpath(_EXTRA_POSTS))
            if len(bodies) < forum.MIN_POSTS and len(extra) < forum.MIN_POSTS:
                pages.append({"id": page_id, "type": item["type"], "url": item.get("url") or "", "candidate": False})
                continue
            seen.clear()
            try:
                shipped = html_extractor.extract_html(html, "page.html", item.get("url") or None, max_elements)
                off, title = shipped.text, shipped.title
            except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
                off, title = "", ""
            platform = [element for element in tree.xpath(_PLATFORM_POSTS) if element in set(bodies)]
            posts = _without_title(forum.thread_text(tree, PROFILES["forum"]), title)
            extra_posts = _posts_text(_outermost(extra + bodies), title) if len(extra) >= forum.MIN_POSTS else ""
            pages.append(
                {"id": page_id, "type": item["type"], "url": item.get("url") or "", "candidate": True, "truth": item["truth"],
                 "page_type": seen.get("type", ""), "off": off, "posts": posts, "bodies": len(bodies), "platform_bodies": len(platform),
                 "extra_bodies": len(extra), "extra_posts": extra_posts}
            )
    finally:
        html_extractor.classify_page = shipped_classify
    return pages


def _answer(page: dict[str, Any], guard: Guard) -> str:
    """The rule's posts: forum.py's, or with the extra platforms where their markup finds two bodies or more."""
    return page["extra_posts"] if guard.extra and page["extra_posts"] else page["posts"]


def fires(page: dict[str, Any], guard: Guard) -> bool:
    if guard.extra and page["candidate"] and page["extra_posts"] and page["page_type"] != "forum":
        return share_inside(page["off"], page["extra_posts"]) >= guard.inside
    if not guard.named:
        return False
    if not page["candidate"] or page["page_type"] == "forum" or not page["posts"].strip():
        return False
    count = page["platform_bodies"] if guard.platform_only else page["bodies"]
    return count >= guard.min_posts and (count == page["bodies"] or not guard.platform_only) and share_inside(page["off"], page["posts"]) >= guard.inside


def deltas(pages: list[dict[str, Any]], guard: Guard) -> np.ndarray:
    return np.array([word_f1(p["truth"], _answer(p, guard)) - word_f1(p["truth"], p["off"]) if fires(p, guard) else 0.0 for p in pages])


def report(pages: list[dict[str, Any]], guard: Guard) -> bool:
    """Print one rule's changes; whether it gains somewhere and loses no fold of any grouping and no type."""
    delta = deltas(pages, guard)
    types = np.array([p["type"] for p in pages])
    print(f"== {guard.name}: fires on {int((delta != 0).sum())} of {len(pages)} tune pages")
    print("  per type (sum of deltas / pages): " + ", ".join(f"{t} {delta[types == t].sum():+.3f}/{(types == t).sum()}" for t in TYPES))
    kept = bool((np.abs(delta) > 1e-9).any()) and no_type_loses(delta, types)
    kept = folds_hold(pages, delta, "  ") and kept
    print(f"  {'KEEP' if kept else 'no'}: " + ", ".join(moved_pages(pages, delta, with_page_type=True)))
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--refresh", action="store_true", help="rebuild the cache")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.refresh or not args.cache.exists():
        pages = build(args.data_dir)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(pages))
    else:
        pages = pickle.loads(args.cache.read_bytes())
    candidates = [p for p in pages if p["candidate"]]
    print(f"tune pages {len(pages)}; with {forum.MIN_POSTS}+ post bodies {len(candidates)}, of them typed other than forum "
          f"{sum(p['page_type'] != 'forum' for p in candidates)}; true forums typed otherwise with posts: "
          + ", ".join(f"{p['id']} {p['page_type']} ({p['bodies']} bodies, {p['platform_bodies']} by platform markup)" for p in candidates if p["type"] == "forum" and p["page_type"] != "forum"))
    for guard in GUARDS:
        report(pages, guard)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
