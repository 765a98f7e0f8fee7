"""Product pages: a per-page loss table and two structural candidates that add what the answer misses
(fifteenth session, product6; issue 9 target 1). A study: nothing here is in the product.

    python -m bench.product6_study DATA_DIR [--cache PICKLE] [--losses] [--tally] [--candidates]

The cache is bench.profiles_study's (every WCXB tune page with a truth through `extract_html`, with the
type the classifier gave it; built on first use, about 5 minutes). Printed:
- `--losses`: every tune page that is a product or typed product: F1, precision, recall, the true and
  the predicted type, the site; the summed losses (1 - F1, 1 - P, 1 - R) and, on the pages typed product,
  the oracle of the answer and the product profile's region (the room a better choice between the two has);
- `--tally`: on the pages typed product, the words the answers miss and the words they hold that the truth
  lacks, by the kinds of element each line is the text of (tags, hiding, tab panels, a shop's class words);
- `--candidates`: each candidate's change on the pages typed product (the only pages a product step
  reaches), summed, pages up and down, fold sums by id and by site under four salts
  (bench.forums2_study.folds_hold), the pages that move.

The candidates act on the cached answer as a step after the choice would:
- the buy box: the smallest ancestor of the page's first `<h1>` (outside chrome) whose text shows a price,
  under `max_words` words; its lines (chrome stripped, the product profile's words too) that the answer
  lacks are put first (the truth keeps the name, price and pickers' labels that trafilatura drops);
  (also only where the answer shows no price, or lacks a word of the `<h1>`: guards chosen after seeing
  the unguarded figures);
- the tab panels: the main region's outermost tab panels (`role=tabpanel`, or named tab, panel, accordion,
  collapse, or a `<details>` body) outside chrome; their lines the answer lacks are appended.
"""

from __future__ import annotations

import argparse
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import numpy as np
from lxml import html as lxml_html

from bench.choice_study import site_of
from bench.forums2_study import folds_hold
from bench.listing4_study import load
from bench.wcxb import word_f1
from bot.digest.extract.html.region import Line, block_lines, drop_repeated_lines, is_hidden, main_region, region_text, strip_chrome
from bot.digest.extract.html import region as region_module
from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html_extractor import _parse

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/product6/cache.pkl")
_WORD = re.compile(r"\w+")
# A price as a shop shows it: a currency sign before digits, or a currency after them.
PRICE = re.compile(r"[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:€|EUR|USD|GBP|zł|kr)\b")
PANEL_WORDS = frozenset("tab tabs tabpanel panel accordion collapse collapsible".split())
MISSING_SHARE = 0.5  # a line is missing from the answer when half its word pairs are not in it


def tokens(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text or "")]


def _pairs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 2]) for i in range(max(1, len(words) - 1))}


def missing_lines(answer: str, lines: list[Line]) -> list[str]:
    """The lines whose words the answer lacks: a one-word line whose word it lacks, a longer one with
    at least MISSING_SHARE of its word pairs not in the answer."""
    words = tokens(answer)
    present_words, present_pairs = set(words), _pairs(words) if words else set()
    found = []
    for line in lines:
        line_words = tokens(line.text)
        if not line_words:
            continue
        if len(line_words) == 1:
            missing = line_words[0] not in present_words
        else:
            pairs = _pairs(line_words)
            missing = sum(pair not in present_pairs for pair in pairs) >= MISSING_SHARE * len(pairs)
        if missing:
            found.append(line.text)
    return found


def _outside_chrome(element: lxml_html.HtmlElement, chrome_words: frozenset[str], stop: lxml_html.HtmlElement | None = None, skip_hidden: bool = False) -> bool:
    """Whether no ancestor of `element` (below `stop`) is chrome by region.py's rule with `chrome_words`; with
    `skip_hidden`, `element` itself is checked too and hidden elements are passed over (a tab panel is hidden)."""
    chain = [element, *element.iterancestors()] if skip_hidden else list(element.iterancestors())
    for ancestor in chain:
        if ancestor is stop or ancestor.tag in ("body", "html"):
            return True
        if skip_hidden and is_hidden(ancestor):
            continue
        if region_module._is_chrome(ancestor, chrome_words):
            return False
    return True


def buy_box_lines(tree: lxml_html.HtmlElement, max_words: int = 150, min_line_words: int = 1) -> list[Line]:
    """The lines of the smallest ancestor of the first `<h1>` outside chrome whose text shows a price, when it
    holds at most `max_words` words (else none: the ancestor is the page)."""
    headings = [heading for heading in tree.xpath("//body//h1") if _outside_chrome(heading, region_module._CHROME_WORDS)]
    if not headings:
        return []
    for ancestor in headings[0].iterancestors():
        if ancestor.tag in ("body", "html"):
            return []
        text = ancestor.text_content()
        if len(_WORD.findall(text)) > max_words:
            return []
        if PRICE.search(text):
            lines = block_lines(strip_chrome(ancestor, PROFILES["product"].more_chrome))
            return [line for line in lines if line.words >= min_line_words]
    return []


def _is_tab_panel(element: lxml_html.HtmlElement, role_only: bool) -> bool:
    if element.get("role") == "tabpanel":
        return True
    if role_only:
        return False
    parent = element.getparent()
    return bool(region_module._class_words(element) & PANEL_WORDS) or (parent is not None and parent.tag == "details")


def tab_panel_lines(tree: lxml_html.HtmlElement, min_line_words: int = 1, role_only: bool = False) -> list[Line]:
    """The lines of the main region's outermost tab panels outside chrome (a hidden panel, or one inside a
    hidden wrapper, is read: it is content shown on demand)."""
    region = main_region(tree)
    if region is None:
        return []
    panels: list[lxml_html.HtmlElement] = []
    for element in region.iter():
        if not isinstance(element.tag, str) or not _is_tab_panel(element, role_only):
            continue
        if any(ancestor in panels for ancestor in element.iterancestors()):
            continue
        if _outside_chrome(element, region_module._CHROME_WORDS | PROFILES["product"].more_chrome, region, skip_hidden=True):
            panels.append(element)
    lines: list[Line] = []
    for panel in panels:
        lines += [line for line in block_lines(strip_chrome(panel, PROFILES["product"].more_chrome)) if line.words >= min_line_words]
    return lines


def with_buy_box(answer: str, tree: lxml_html.HtmlElement, max_words: int, min_line_words: int) -> str:
    added = missing_lines(answer, buy_box_lines(tree, max_words, min_line_words))
    return "\n\n".join(added + [answer]) if added else answer


def answer_lacks_price(answer: str, tree: lxml_html.HtmlElement) -> bool:
    return not PRICE.search(answer)


def answer_lacks_headline(answer: str, tree: lxml_html.HtmlElement) -> bool:
    """Whether some word of the page's first `<h1>` is not in the answer (trafilatura missed the product's head)."""
    headline = set(tokens(tree.xpath("string(//body//h1)")))
    return bool(headline) and not headline <= set(tokens(answer))


def guarded(guard: Callable[[str, lxml_html.HtmlElement], bool], candidate: Callable[[str, lxml_html.HtmlElement], str]) -> Callable[[str, lxml_html.HtmlElement], str]:
    """`candidate` only where `guard` holds; elsewhere the answer as it is."""
    return lambda answer, tree: candidate(answer, tree) if guard(answer, tree) else answer


def with_tab_panels(answer: str, tree: lxml_html.HtmlElement, min_line_words: int, role_only: bool) -> str:
    added = missing_lines(answer, tab_panel_lines(tree, min_line_words, role_only))
    return "\n\n".join([answer] + added) if added else answer


Candidate = Callable[[str, lxml_html.HtmlElement], str]
CANDIDATES: dict[str, Candidate] = {
    **{
        f"buy box, <= {words} words, lines of {min_words}+ words": (lambda a, t, w=words, m=min_words: with_buy_box(a, t, w, m))
        for words in (150, 300, 600)
        for min_words in (1, 2)
    },
    **{
        f"buy box, <= {words} words, lines of 1+ words, only where {name}": guarded(guard, lambda a, t, w=words: with_buy_box(a, t, w, 1))
        for words in (150, 300)
        for name, guard in (("the answer shows no price", answer_lacks_price), ("the answer lacks a word of the <h1>", answer_lacks_headline))
    },
    **{
        f"tab panels{' (role=tabpanel only)' if role else ''}, lines of {min_words}+ words": (lambda a, t, m=min_words, r=role: with_tab_panels(a, t, m, r))
        for role in (True, False)
        for min_words in (1, 3, 6)
    },
}


def precision_recall(truth: str, answer: str) -> tuple[float, float]:
    """WCXB's bag-of-words precision and recall (word_f1's parts)."""
    truth_bag, answer_bag = Counter(tokens(truth)), Counter(tokens(answer))
    common = sum((truth_bag & answer_bag).values())
    return common / max(1, sum(answer_bag.values())), common / max(1, sum(truth_bag.values()))


def product_region(tree: lxml_html.HtmlElement) -> str:
    """The product profile's region as extract_html reads it (repeats once)."""
    profile = PROFILES["product"]
    text = region_text(tree, profile.min_line_words, profile.link_line_share, profile.link_line_words, profile.more_chrome)
    return drop_repeated_lines(text, profile.repeat_min_words or 3)


def losses(pages: dict[str, dict[str, Any]]) -> None:
    chosen = {page_id: page for page_id, page in pages.items() if page["type"] == "product" or page["predicted"] == "product"}
    rows = []
    for page_id, page in chosen.items():
        precision, recall = precision_recall(page["truth"], page["answer"])
        rows.append((page["f1"], page_id, page["type"], page["predicted"] or "", precision, recall, site_of(page["url"] or "")))
    rows.sort()
    print(f"{len(rows)} tune pages product or typed product: lost F1 {sum(1 - r[0] for r in rows):.2f}, 1-P {sum(1 - r[4] for r in rows):.2f}, 1-R {sum(1 - r[5] for r in rows):.2f}")
    for f1, page_id, kind, predicted, precision, recall, site in rows:
        print(f"  {page_id} {kind[:5]}/{predicted[:5]} F1 {f1:.3f} P {precision:.3f} R {recall:.3f} {site}")
    typed = [page_id for page_id, page in chosen.items() if page["predicted"] == "product"]
    answer = np.array([pages[page_id]["f1"] for page_id in typed])
    region = np.array([word_f1(pages[page_id]["truth"], product_region(_parse(pages[page_id]["html"]))) for page_id in typed])
    print(f"typed product ({len(typed)}): answer {answer.mean():.4f}, region {region.mean():.4f}, oracle of the two {np.maximum(answer, region).mean():.4f}")


# What a line's containers say: tags and roles of structure and chrome, hiding, and class words of a shop's parts.
TALLY_TAGS = frozenset("table dl li form button label select option details aside header footer nav dialog h1 h2 h3 h4".split())
TALLY_WORDS = frozenset(
    "tab tabs accordion price variant option swatch spec specs specification specifications description details faq review reviews modal drawer form size features".split()
)


def container_kinds(element: lxml_html.HtmlElement) -> set[str]:
    """The kinds of `element` and its ancestors: their tags in TALLY_TAGS, HIDDEN, tabpanel, c:<class word>."""
    kinds: set[str] = set()
    for ancestor in [element, *element.iterancestors()]:
        if ancestor.tag in TALLY_TAGS:
            kinds.add(str(ancestor.tag))
        if is_hidden(ancestor):
            kinds.add("HIDDEN")
        if ancestor.get("role") == "tabpanel":
            kinds.add("tabpanel")
        kinds |= {f"c:{word}" for word in region_module._class_words(ancestor) & TALLY_WORDS}
    return kinds or {"plain"}


def _elements_by_text(tree: lxml_html.HtmlElement) -> dict[str, lxml_html.HtmlElement]:
    """The first element of the body whose whole text is each short run of words (lowercased, spaced)."""
    found: dict[str, lxml_html.HtmlElement] = {}
    body = tree.find("body")
    for element in body.iter() if body is not None else ():
        if isinstance(element.tag, str):
            key = " ".join(tokens(element.text_content()))
            if key and len(key) < 400:
                found.setdefault(key, element)
    return found


def tally(pages: dict[str, dict[str, Any]]) -> None:
    """On the pages typed product: the words of the truth's lines the answer misses and of the answer's lines
    the truth lacks (under half their words in the other), by the kinds of the element whose text the line is
    (NOTFOUND: no one element's text; trafilatura joined blocks), with the number of sites."""
    missed: Counter = Counter()
    extra: Counter = Counter()
    sites: dict[tuple[str, str], set[str]] = {}
    for page in pages.values():
        if page["predicted"] != "product":
            continue
        elements = _elements_by_text(_parse(page["html"]))
        site = site_of(page["url"] or "")
        for text, other, bag, side in ((page["truth"], page["answer"], missed, "missed"), (page["answer"], page["truth"], extra, "extra")):
            other_words = set(tokens(other))
            for line in text.split("\n"):
                words = tokens(line)
                if not words or sum(word in other_words for word in words) >= 0.5 * len(words):
                    continue
                element = elements.get(" ".join(words))
                for kind in container_kinds(element) if element is not None else {"NOTFOUND"}:
                    bag[kind] += len(words)
                    sites.setdefault((side, kind), set()).add(site)
    for name, bag, side in (("truth words the answers miss", missed, "missed"), ("answer words the truth lacks", extra, "extra")):
        print(f"{name}, by container kind (words, sites):")
        for kind, count in bag.most_common(25):
            print(f"  {kind:18s} {count:6d} {len(sites[(side, kind)]):3d}")


def score_candidate(pages: dict[str, dict[str, Any]], candidate: Candidate) -> dict[str, float]:
    """Each page typed product: the candidate's F1 less the cached answer's."""
    return {
        page_id: word_f1(page["truth"], candidate(page["answer"], _parse(page["html"]))) - page["f1"]
        for page_id, page in pages.items()
        if page["predicted"] == "product"
    }


def report(pages: dict[str, dict[str, Any]], name: str, deltas: dict[str, float]) -> bool:
    ids = list(deltas)
    delta = np.array([deltas[page_id] for page_id in ids])
    print(f"{name}: sum {delta.sum():+.3f} ({delta.mean():+.4f} a page), {(delta > 1e-9).sum()} up, {(delta < -1e-9).sum()} down")
    held = folds_hold([{"id": page_id, "url": pages[page_id]["url"] or ""} for page_id in ids], delta, "    ")
    moved = sorted((change, page_id) for page_id, change in deltas.items() if abs(change) > 1e-9)
    print("    " + " ".join(f"{page_id}({pages[page_id]['type'][:4]},{site_of(pages[page_id]['url'] or '')}){change:+.3f}" for change, page_id in moved))
    return held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--losses", action="store_true")
    parser.add_argument("--candidates", action="store_true")
    parser.add_argument("--tally", action="store_true", help="where the missed and the extra words sit")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pages = load(args.data_dir, args.cache)
    everything = not (args.losses or args.candidates or args.tally)
    if args.losses or everything:
        losses(pages)
    if args.tally or everything:
        tally(pages)
    if args.candidates or everything:
        for name, candidate in CANDIDATES.items():
            report(pages, name, score_candidate(pages, candidate))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
