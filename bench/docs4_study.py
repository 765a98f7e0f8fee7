"""Documentation pages: trafilatura's recall mode, the docs frameworks' content containers, and a per-page
choice between the answers (fourteenth session; issue 9 target 1).

    python -m bench.docs4_study DATA_DIR [--cache PICKLE] [--candidates PICKLE] [--refresh] [--pages]

Reads the cache of bench.docs3_study (every WCXB tune page with a truth that is documentation by label or
taken for documentation by the classifier, with the product's answer, its branch and trafilatura's
defaults; build it with `python -m bench.docs3_study DATA_DIR --cache /tmp/docs4/pages.pkl --refresh` on
main's code) and adds, per page, in one process (cache `--candidates`):

- `recall`: trafilatura's `extract(favor_recall=True)` beside its defaults (a reference);
- `product_recall`: the product's answer with its trafilatura pass in recall mode (`favor_recall=True`);
- `container`: the product's answer with trafilatura reading only the page's docs-framework content
  container (content_container: Sphinx's `div.body`, MkDocs' `.md-content`, Docusaurus'
  `.theme-doc-markdown`, rustdoc's `#main-content`, ...), empty when the page has none;
- the loss by kind: the share of the page's `<pre>` lines, `<dl>`/`<table>` words and admonition words
  found in the truth and in the answer, and the chrome words (toc, sidebar, breadcrumb, edit, prev/next)
  of the answer that are not in the truth.

Printed: each candidate's documentation mean beside the product's and trafilatura's; with the
candidate replacing the product's answer on the pages typed documentation (the only pages it could
reach), the fold sums by id and by site (bench.forums2_study.folds_hold) and the pages that move; and a
per-page chooser between the product's answer and a candidate by the two answers' features (length
ratio, code share, link share), a threshold chosen on four id folds and scored on the fifth.
"""

from __future__ import annotations

import argparse
import copy
import logging
import pickle
import re
from pathlib import Path
from typing import Any, Callable

import numpy as np
import trafilatura
from lxml import html as lxml_html

import bot.digest.extract.html_extractor as html_extractor
from bench.fitting import hash_bucket
from bench.forums2_study import folds_hold, moved_pages, no_type_loses
from bench.wcxb import word_f1
from bot.settings import DigestSettings

log = logging.getLogger(__name__)
DEFAULT_PAGES = Path("/tmp/docs4/pages.pkl")
DEFAULT_CANDIDATES = Path("/tmp/docs4/candidates.pkl")
_WORD = re.compile(r"\w+")
CANDIDATES = ("recall", "product_recall", "container")


# The content containers of documentation generators, by markup kind (no site named): Sphinx's `div.body`
# (and its `[role=main]`), MkDocs' `.md-content`, Docusaurus' `.theme-doc-markdown`, rustdoc's
# `#main-content`, javadoc's `.contentContainer`, Read the Docs' `[itemprop=articleBody]`, GitBook's
# `.markdown-section`, Docsy's `.td-content`, VuePress' `.theme-default-content`, VitePress' `.vp-doc`.
_CONTAINER_CLASSES = ("body", "md-content", "theme-doc-markdown", "contentContainer", "markdown-section", "td-content",
                      "theme-default-content", "vp-doc")
_CONTAINER_XPATH = " | ".join(
    [f"//div[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in _CONTAINER_CLASSES]
    + ["//*[@id='main-content']", "//*[@itemprop='articleBody']", "//div[@role='main']"]
)
_CONTAINER_MIN_SHARE = 0.3  # of the body's words: a container holding less is a fragment, not the page's content


def content_container(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The outermost docs-framework content container of the page holding a real share of its words, or None."""
    body = tree.find("body")
    if body is None:
        return None
    body_words = len(_WORD.findall(body.text_content()))
    for element in tree.xpath(_CONTAINER_XPATH):  # document order: the outermost first
        if len(_WORD.findall(element.text_content())) >= _CONTAINER_MIN_SHARE * body_words:
            return element
    return None


def container_tree(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """A copy of the page whose body is its docs-framework content container alone, or None."""
    container = content_container(tree)
    if container is None:
        return None
    page = lxml_html.fromstring("<html><body></body></html>")
    head = tree.find("head")
    if head is not None:
        page.insert(0, copy.deepcopy(head))
    page.find("body").append(copy.deepcopy(container))
    return page


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _answer_with(html: str, url: str | None, patch: Callable[[], Callable[[], None]]) -> str:
    """The product's answer with `patch` applied (it returns its own undo)."""
    undo = patch()
    try:
        return html_extractor.extract_html(html, "page.html", url, DigestSettings().max_html_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""
    finally:
        undo()


def _recall_patch() -> Callable[[], None]:
    shipped = html_extractor._extract

    def extracting(tree, url, settings, **overrides):  # noqa: ANN001, ANN202 (_extract's own signature)
        return shipped(tree, url, settings, **{**overrides, "favor_recall": True})

    html_extractor._extract = extracting
    return lambda: setattr(html_extractor, "_extract", shipped)


def _container_patch() -> Callable[[], None]:
    shipped = html_extractor._main_text

    def main_text(tree, url, settings):  # noqa: ANN001, ANN202 (_main_text's own signature)
        inner = container_tree(tree)
        return shipped(tree if inner is None else inner, url, settings)

    html_extractor._main_text = main_text
    return lambda: setattr(html_extractor, "_main_text", shipped)


_CHROME_NAMES = ("toc", "sidebar", "breadcrumb", "breadcrumbs", "edit", "pagination", "prev", "next", "footer", "version", "feedback")
_ADMONITION_NAMES = ("admonition", "note", "warning", "tip", "caution", "callout", "alert", "important")


def _named_words(tree: lxml_html.HtmlElement, names: tuple[str, ...]) -> list[str]:
    words: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        named = set(re.split(r"[\s_\-]+", ((element.get("class") or "") + " " + (element.get("id") or "")).lower()))
        if not named.isdisjoint(names) and not any(
            isinstance(a.tag, str) and not set(re.split(r"[\s_\-]+", ((a.get("class") or "") + " " + (a.get("id") or "")).lower())).isdisjoint(names)
            for a in element.iterancestors()
        ):
            words += _tokens(element.text_content())
    return words


def _share(words: list[str], bag: set[str]) -> float:
    return sum(w in bag for w in words) / len(words) if words else float("nan")


def losses(html: str, truth: str, answer: str) -> dict[str, float]:
    """Per kind of block, the share of its words in the truth and in the answer (nan: the page has none)."""
    tree = lxml_html.fromstring(html)
    truth_bag, answer_bag = set(_tokens(truth)), set(_tokens(answer))
    kinds = {
        "pre": [w for e in tree.iter("pre") for w in _tokens(e.text_content())],
        "dl_table": [w for tag in ("dl", "table") for e in tree.iter(tag) for w in _tokens(e.text_content())],
        "admonition": _named_words(tree, _ADMONITION_NAMES),
        "chrome": _named_words(tree, _CHROME_NAMES),
    }
    found = {}
    for kind, words in kinds.items():
        found[f"{kind}_words"] = float(len(words))
        found[f"{kind}_in_truth"] = _share(words, truth_bag)
        found[f"{kind}_in_answer"] = _share(words, answer_bag)
    return found


def candidates(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each cached page's candidate answers and loss shares."""
    out = []
    for p in pages:
        url = p["url"] or None
        row: dict[str, Any] = {"id": p["id"]}
        row["recall"] = trafilatura.extract(p["html"], url=url, favor_recall=True) or ""
        row["product_recall"] = _answer_with(p["html"], url, _recall_patch) if p["page_type"] == "documentation" else p["answer"]
        has_container = content_container(html_extractor._parse(p["html"])) is not None
        row["has_container"] = has_container
        row["container"] = _answer_with(p["html"], url, _container_patch) if has_container and p["page_type"] == "documentation" else p["answer"]
        row.update(losses(p["html"], p["truth"], p["answer"]))
        out.append(row)
    return out


def features(answer: str, other: str) -> dict[str, float]:
    """The two answers side by side: length ratio, and each one's code and link-line shares."""
    a, b = _tokens(answer), _tokens(other)
    lines_a, lines_b = [x for x in answer.split("\n") if x.strip()], [x for x in other.split("\n") if x.strip()]
    return {
        "ratio": (len(b) + 1) / (len(a) + 1),
        "short_a": sum(len(_tokens(x)) < 3 for x in lines_a) / max(len(lines_a), 1),
        "short_b": sum(len(_tokens(x)) < 3 for x in lines_b) / max(len(lines_b), 1),
    }


def _fold(page_id: str) -> int:
    return hash_bucket(page_id, 5)


def chooser(pages: list[dict[str, Any]], base: np.ndarray, alt: np.ndarray, alt_texts: list[str], name: str) -> None:
    """Take the candidate when its length ratio over the product's answer lies in [low, high]; (low, high)
    chosen on four id folds, scored on the fifth."""
    ratios = np.array([features(p["answer"], t)["ratio"] for p, t in zip(pages, alt_texts)])
    folds = np.array([_fold(p["id"]) for p in pages])
    grid = [0.0, 0.5, 0.8, 0.9, 1.0, 1.05, 1.1, 1.2, 1.5, 2.0, 3.0, np.inf]
    out_of_fold = np.zeros(len(pages))
    for k in range(5):
        train = folds != k
        best = (0.0, (np.inf, np.inf))
        for low in grid:
            for high in grid:
                if high <= low:
                    continue
                take = (ratios >= low) & (ratios <= high)
                gain = (alt - base)[train & take].sum()
                if gain > best[0] + 1e-9:
                    best = (gain, (low, high))
        low, high = best[1]
        take = (ratios >= low) & (ratios <= high) & (folds == k)
        out_of_fold[take] = (alt - base)[take]
        print(f"    {name} chooser fold {k}: ratio in [{low}, {high}] chosen on the other folds, out-of-fold change {out_of_fold[folds == k].sum():+.3f}")
    print(f"    {name} chooser out of fold: mean change {out_of_fold.mean():+.4f} over {len(pages)} pages")


def report(pages: list[dict[str, Any]], rows: list[dict[str, Any]], show_pages: bool) -> None:
    base = np.array([word_f1(p["truth"], p["answer"]) for p in pages])
    ref = np.array([word_f1(p["truth"], p["reference"]) for p in pages])
    docs = np.array([p["type"] == "documentation" for p in pages])
    typed = np.array([p["page_type"] == "documentation" for p in pages])
    types = np.array([p["type"] for p in pages])
    print(f"pages {len(pages)}: documentation by label {docs.sum()}, typed documentation {typed.sum()}, with a container {sum(r['has_container'] for r in rows)}")
    print(f"documentation by label: product {base[docs].mean():.4f}, trafilatura defaults {ref[docs].mean():.4f}")
    scores = {name: np.array([word_f1(p["truth"], r[name]) for p, r in zip(pages, rows)]) for name in CANDIDATES}
    print(f"  trafilatura favor_recall {scores['recall'][docs].mean():.4f}")
    oracle = np.maximum.reduce([base, ref, scores["recall"]])
    print(f"  oracle of product / defaults / recall: {oracle[docs].mean():.4f}")
    for name in ("product_recall", "container"):
        delta = np.where(typed, scores[name] - base, 0.0)
        print(f"  candidate {name}: documentation {np.where(typed, scores[name], base)[docs].mean():.4f}, typed documentation {scores[name][typed].mean():.4f} (product {base[typed].mean():.4f})")
        held = folds_hold(pages, delta, "    ") and no_type_loses(delta, types)
        print(f"    {'KEEP' if held else 'no'}: " + ", ".join(moved_pages(pages, delta, with_page_type=True)))
        chooser([p for p, t in zip(pages, typed) if t], base[typed], scores[name][typed], [r[name] for r, t in zip(rows, typed) if t], name)
    for kind in ("pre", "dl_table", "admonition", "chrome"):
        has = np.array([r[f"{kind}_words"] > 0 for r in rows]) & docs
        truth_share = np.nanmean([r[f"{kind}_in_truth"] for r, h in zip(rows, has) if h]) if has.any() else float("nan")
        answer_share = np.nanmean([r[f"{kind}_in_answer"] for r, h in zip(rows, has) if h]) if has.any() else float("nan")
        print(f"  {kind:10s}: on {has.sum()} documentation pages, share of its words in the truth {truth_share:.2f}, in the answer {answer_share:.2f}")
    if show_pages:
        for p, r, b, f, rc, c in sorted(zip(pages, rows, base, ref, scores["recall"], scores["container"]), key=lambda t: t[2] - t[3]):
            gaps = " ".join(f"{k[:4]} {r[k + '_in_truth']:.2f}/{r[k + '_in_answer']:.2f}" for k in ("pre", "dl_table", "admonition", "chrome") if r[k + "_words"])
            print(f"{p['id']:>6} {p['type'][:5]:5s}/{p['page_type'][:5]:5s} {p['branch'][:5]:5s} ours {b:.3f} traf {f:.3f} recall {rc:.3f} "
                  f"container {c:.3f}{'*' if r['has_container'] else ' '} {gaps} {p['url'][:70]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--candidates", type=Path, default=DEFAULT_CANDIDATES)
    parser.add_argument("--refresh", action="store_true", help="recompute the candidates with the code as it is")
    parser.add_argument("--pages", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pages = pickle.loads(args.cache.read_bytes())
    if args.refresh or not args.candidates.exists():
        rows = candidates(pages)
        args.candidates.write_bytes(pickle.dumps(rows))
    else:
        rows = pickle.loads(args.candidates.read_bytes())
    report(pages, rows, args.pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
