"""Eighteenth session: WCXB tune article pages, our answer against trafilatura's defaults page by page; nothing here ships.

    python -m bench.article10_study DATA_DIR [--cache PATH] [--scrapinghub-cache PATH] [--study stages|words|choice]

Every WCXB tune page with a truth (sha1(id) % 100 < 70) is read once as `python -m bot extract` reads a saved page
(`extract_html`, no address), `article_text`'s input (trafilatura's answer on our pruned tree, `raw`) and answer
(`art`) recorded on the pages taken for articles; beside it, in the same process, trafilatura's defaults as
`bench.wcxb` runs them (the page's own HTML and address: `ref`), and on the pages taken for articles the candidates
the product could compute on its own tree: trafilatura's recall mode (`recall`) and its baseline (`baseline`). The
181 ScrapingHub pages are read the same way (no address anywhere, as `bench.extraction` runs trafilatura). Cached
as pickles (default /tmp/article10/).

`stages`: on the tune article pages (WCXB's type), the gap between our answer and trafilatura's defaults split by
stage: upstream of `article_text` (our pruning passes, `trafilatura_run`, `render_text`: `raw` against `ref`), the
article steps (`art` against `raw`), the headline strip (`final` against `art`), and pages the classifier takes
for another type (the profile's path); pages where trafilatura wins and where we win, by stage.

`words`: on the pages where trafilatura's defaults win, the answer lines one side holds and the other lacks, each
counted by whether the truth holds it, and by the stage that lost or added it.

`choice`: per-page choices among the candidates (ours, `raw`, `recall`, `baseline`) by a rule on features of the
candidates, and a small logistic model fitted on host folds (`hash_bucket(host, 5, salt)`, two salts); the gain
per fold, per true type, pages up and down; then, as a check after the choice, ScrapingHub's shingle F1.
"""

from __future__ import annotations

import argparse
import pickle
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import trafilatura
from lxml import html as lxml_html

import bot.digest.extract.html.article as article
import bot.digest.extract.html_extractor as html_extractor
from bench.articles_study import recording_article_text
from bench.choice_study import site_of, tune_items
from bench.extraction import load_pages as scrapinghub_pages
from bench.fitting import hash_bucket
from bench.metrics import aggregate, page_counts
from bench.sharticles7_study import page_f1, scrapinghub_hosts
from bench.wcxb import load_pages as wcxb_pages
from bench.wcxb import word_f1
from bot.digest.extract.html.settings import DEFAULT_SETTINGS
from bot.digest.extract.html.text import render_text
from bot.settings import DigestSettings

DEFAULT_CACHE = Path("/tmp/article10/wcxb.pkl")
DEFAULT_SCRAPINGHUB_CACHE = Path("/tmp/article10/scrapinghub.pkl")
SALTS = ("a", "b")
FOLDS = 5
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


# --- the caches ------------------------------------------------------------------------------------------------------
def tree_candidates(tree_html: str) -> dict[str, str]:
    """What the product could compute on the tree `article_text` is given: trafilatura's recall mode and its baseline."""
    tree = lxml_html.fromstring(tree_html)
    recall = render_text(getattr(html_extractor._extract(tree, None, DEFAULT_SETTINGS, favor_recall=True), "body", None))
    body, _, _ = trafilatura.baseline(lxml_html.fromstring(tree_html))
    return {"recall": recall, "baseline": render_text(body)}


def read_page(html: str, record: dict[str, Any]) -> str:
    """The product's answer to a saved page (no address), `article_text`'s call recorded in `record`."""
    record.clear()
    try:
        return html_extractor.extract_html(html, "page.html", None, DigestSettings().max_html_elements).text
    except Exception:  # noqa: BLE001 (an error answer scores 0, as in bench.wcxb)
        return ""


def _with_candidates(page: dict[str, Any]) -> dict[str, Any]:
    if page.get("tree") is not None:
        page.update(tree_candidates(page["tree"]))
    return page


def build_wcxb(data_dir: Path) -> list[dict[str, Any]]:
    # trafilatura's reference reads the page as saved, scripts and all, as bench.wcxb does
    originals = {page.id: page.html for page in wcxb_pages(data_dir, "tune")}
    record: dict[str, Any] = {}
    pages = []
    with recording_article_text(record):
        for page_id, item, html in tune_items(data_dir):
            final = read_page(html, record)
            url = item.get("url") or ""
            ref = trafilatura.bare_extraction(originals[page_id], url=url or None, with_metadata=True)
            pages.append(_with_candidates({
                **record, "id": page_id, "type": item["type"], "truth": item["truth"], "final": final,
                "host": site_of(url) or page_id, "ref": (ref.text or "") if ref is not None else "",
            }))
    return pages


def build_scrapinghub(data_dir: Path) -> list[dict[str, Any]]:
    hosts = scrapinghub_hosts(data_dir)
    record: dict[str, Any] = {}
    pages = []
    with recording_article_text(record):
        for page_id, html, body in scrapinghub_pages(data_dir):
            final = read_page(html, record)
            pages.append(_with_candidates({
                **record, "id": page_id, "type": "article", "truth": body, "final": final,
                "host": hosts.get(page_id) or page_id, "ref": trafilatura.extract(html) or "",
            }))
    return pages


def load(builder: Callable[[Path], list[dict[str, Any]]], data_dir: Path, cache: Path) -> list[dict[str, Any]]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = builder(data_dir)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pages))
    return pages


# --- stages ----------------------------------------------------------------------------------------------------------
def stage_scores(page: dict[str, Any], score: Callable[[str, str], float] = word_f1) -> dict[str, float]:
    """The page's score of each text: trafilatura's defaults (`ref`), ours (`final`), and where the page was taken for an
    article, `article_text`'s input (`raw`) and answer (`art`) and the tree's candidates."""
    names = ("ref", "final", "raw", "art", "recall", "baseline") if page.get("tree") is not None else ("ref", "final")
    return {name: score(page["truth"], page[name]) for name in names}


def stage_parts(scores: dict[str, float]) -> dict[str, float]:
    """Our score less trafilatura's, split by stage (they sum to the whole): upstream of `article_text` (pruning,
    `trafilatura_run`, rendering, no address), the article steps, the headline strip; or, on a page not taken for an
    article, the profile's path."""
    if "raw" not in scores:
        return {"profile path": scores["final"] - scores["ref"]}
    return {
        "upstream": scores["raw"] - scores["ref"],
        "article steps": scores["art"] - scores["raw"],
        "headline strip": scores["final"] - scores["art"],
    }


def print_stages(pages: list[dict[str, Any]], label: str, score: Callable[[str, str], float] = word_f1, margin: float = 1e-9) -> None:
    """The stage split summed over the article pages where trafilatura wins, where we win, and in all."""
    articles = [page for page in pages if page["type"] == "article"]
    scores = [stage_scores(page, score) for page in articles]
    print(f"\n{label}: {len(articles)} article pages; ours {np.mean([s['final'] for s in scores]):.5f}, "
          f"trafilatura defaults {np.mean([s['ref'] for s in scores]):.5f}")
    groups = {
        "trafilatura wins": [s for s in scores if s["ref"] > s["final"] + margin],
        "we win": [s for s in scores if s["final"] > s["ref"] + margin],
        "level": [s for s in scores if abs(s["final"] - s["ref"]) <= margin],
    }
    for name, group in groups.items():
        parts: Counter = Counter()
        counts: Counter = Counter()
        for s in group:
            for stage, value in stage_parts(s).items():
                parts[stage] += value
                counts[stage, value > margin] += 1
                counts[stage, value < -margin] += 0
                counts[stage, "down"] += value < -margin
        total = sum(s["final"] - s["ref"] for s in group)
        detail = "; ".join(f"{stage} {value:+.3f} (+{counts[stage, True]} -{counts[stage, 'down']})" for stage, value in parts.items())
        print(f"  {name:17s} {len(group):3d} pages, sum {total:+.3f}: {detail}")
    with_tree = [s for s in scores if "raw" in s]
    for name in ("raw", "art", "final", "recall", "baseline", "ref"):
        print(f"  taken for articles ({len(with_tree)}): {name:8s} {np.mean([s[name] for s in with_tree]):.5f}")
    oracle = np.mean([max(s[k] for k in ("final", "raw", "recall", "baseline")) for s in with_tree])
    print(f"  oracle of final/raw/recall/baseline {oracle:.5f}; of final/ref {np.mean([max(s['final'], s['ref']) for s in with_tree]):.5f}")


def article_steps(tree: lxml_html.HtmlElement, text: str) -> list[tuple[str, str]]:
    """`article.article_text`'s steps in its order, each with the text after it (the last is its answer; checked
    against the recorded answer by `print_steps`)."""
    restored, bodies, paragraphs = article._restore(tree, text, skip_related=article.SKIP_RELATED_BLOCKS)
    steps = [("restore lists, headings, paragraphs", restored)]
    levels = article.faq_levels(tree) if bodies else None
    if levels == 0:
        steps.append(("restore FAQ (in the frame)", article.restore_faq(steps[-1][1], bodies, 0)))
    if article.RESTORE_SECTION_HEADINGS and bodies:
        steps.append(("restore section headings", article.restore_section_headings(steps[-1][1], article._common_ancestor(bodies))))
    steps.append(("drop trailing sections", article.drop_trailing_sections(steps[-1][1], bodies, paragraphs)))
    steps.append(("drop end matter", article.drop_end_matter(steps[-1][1], bodies)))
    steps.append(("drop related links", article.drop_related_links(steps[-1][1], tree)))
    if levels:
        steps.append(("restore FAQ (after the frame)", article.restore_faq(steps[-1][1], bodies, levels)))
    steps.append(("drop label lines", article.drop_label_lines(steps[-1][1])))
    if bodies:
        steps.append(("drop lead lines", article.drop_lead_lines(steps[-1][1], article._common_ancestor(bodies))))
    return steps


def print_steps(pages: list[dict[str, Any]], score: Callable[[str, str], float] = word_f1) -> None:
    """Each article step's change of the word F1, summed over the tune article pages taken for articles: on the pages
    where trafilatura's defaults win, where we win, and all; pages up and down."""
    rows: Counter = Counter()
    mismatched = 0
    for page in pages:
        if page["type"] != "article" or page.get("tree") is None:
            continue
        steps = article_steps(lxml_html.fromstring(page["tree"]), page["raw"])
        mismatched += steps[-1][1] != page["art"]
        ref, final = score(page["truth"], page["ref"]), score(page["truth"], page["final"])
        group = "trafilatura wins" if ref > final + 1e-9 else "we win" if final > ref + 1e-9 else "level"
        before = score(page["truth"], page["raw"])
        for name, text in steps:
            after = score(page["truth"], text)
            for key in (group, "all"):
                rows[key, name, "sum"] += after - before
                rows[key, name, "up"] += after > before + 1e-9
                rows[key, name, "down"] += after < before - 1e-9
            before = after
    print(f"\nthe article steps, replayed (answers differing from the recorded one: {mismatched})")
    names = sorted({name for _, name, _ in rows}, key=lambda n: -abs(rows["all", n, "sum"]))
    for group in ("trafilatura wins", "we win", "all"):
        print(f"  {group}: " + "; ".join(
            f"{name} {rows[group, name, 'sum']:+.3f} (+{rows[group, name, 'up']} -{rows[group, name, 'down']})"
            for name in names if rows[group, name, "up"] or rows[group, name, "down"]))


# --- words -----------------------------------------------------------------------------------------------------------
def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def line_keys(text: str) -> list[tuple[str, int]]:
    """The text's lines as lower-cased words joined by one space, each with its word count (empty lines left out)."""
    keys = []
    for line in text.split("\n"):
        words = tokens(line)
        if words:
            keys.append((" ".join(words), len(words)))
    return keys


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(max(len(words) - 2, 1))}


def in_truth(key: str, truth_key: str, truth_trigrams: set[tuple[str, ...]]) -> bool:
    """A line is the truth's when its words stand in the truth as one run, or half its word trigrams do."""
    if f" {key} " in truth_key:
        return True
    grams = _trigrams(key.split())
    return len(grams & truth_trigrams) >= 0.5 * len(grams)


def missing_lines(text: str, other: str) -> list[tuple[str, int]]:
    """The lines of `text` whose words do not stand as one run in `other` (line breaks may differ between renderings)."""
    other_key = " " + " ".join(key for key, _ in line_keys(other)) + " "
    return [(key, count) for key, count in line_keys(text) if f" {key} " not in other_key]


def line_table(page: dict[str, Any]) -> list[tuple[str, str, bool, str, int]]:
    """Every line one answer holds that the other lacks: (side, stage, in the truth, line, words). `ref only` lines
    are trafilatura's that our answer lacks, `ours only` ours that trafilatura's lacks; the stage says whether our
    trafilatura pass (`raw`) holds the line (an article step or the strip dropped it; an article step added it) or
    not (upstream of `article_text`: pruning, our pass, rendering; or the profile's path on a page not taken for an
    article)."""
    truth_words = tokens(page["truth"])
    truth_key, truth_grams = " " + " ".join(truth_words) + " ", _trigrams(truth_words)
    raw_key = " " + " ".join(key for key, _ in line_keys(page["raw"])) + " " if page.get("tree") is not None else None
    rows = []
    for side, text, other in (("ref only", page["ref"], page["final"]), ("ours only", page["final"], page["ref"])):
        for key, count in missing_lines(text, other):
            if raw_key is None:
                stage = "profile path"
            elif side == "ref only":
                stage = "article steps/strip dropped it" if f" {key} " in raw_key else "upstream (our pass lacks it)"
            else:
                stage = "upstream (our pass has it)" if f" {key} " in raw_key else "article steps added it"
            rows.append((side, stage, in_truth(key, truth_key, truth_grams), key, count))
    return rows


def print_words(pages: list[dict[str, Any]], top: int = 25, score: Callable[[str, str], float] = word_f1) -> None:
    """The lines behind the gap on the tune article pages where trafilatura's defaults win (and, beside it, where we
    win), summed by side, stage and whether the truth holds them; then the largest lines of the worst pages."""
    articles = [page for page in pages if page["type"] == "article"]
    for name, chosen in (
        ("trafilatura wins", [p for p in articles if score(p["truth"], p["ref"]) > score(p["truth"], p["final"]) + 1e-9]),
        ("we win", [p for p in articles if score(p["truth"], p["final"]) > score(p["truth"], p["ref"]) + 1e-9]),
    ):
        table: Counter = Counter()
        page_count: Counter = Counter()
        for page in chosen:
            seen = set()
            for side, stage, truthful, _, count in line_table(page):
                table[side, stage, truthful] += count
                seen.add((side, stage, truthful))
            page_count.update(seen)
        print(f"\n{name}: {len(chosen)} pages; words of the lines one answer holds and the other lacks")
        for (side, stage, truthful), count in sorted(table.items(), key=lambda item: -item[1]):
            print(f"  {side:9s} {stage:32s} {'in truth' if truthful else 'not in truth':12s} {count:7d} words, {page_count[side, stage, truthful]:3d} pages")
    worst = sorted(articles, key=lambda p: score(p["truth"], p["final"]) - score(p["truth"], p["ref"]))[:top]
    print(f"\nthe {top} pages where trafilatura's defaults win most (id, host, ours, trafilatura; largest lines)")
    for page in worst:
        scores = stage_scores(page, score)
        print(f"{page['id'][:12]} {page['host']} final {scores['final']:.3f} ref {scores['ref']:.3f} "
              + (f"raw {scores['raw']:.3f} art {scores['art']:.3f}" if "raw" in scores else "(not taken for an article)"))
        for side, stage, truthful, key, count in sorted(line_table(page), key=lambda row: -row[4])[:5]:
            print(f"    {side:9s} {stage:32s} {'T' if truthful else 'F'} {count:5d} {key[:110]}")


# --- choice ----------------------------------------------------------------------------------------------------------
ALTERNATIVES = ("raw", "recall", "baseline")  # what may replace our answer on a page taken for an article
L2S = (1.0, 10.0, 100.0)
THRESHOLDS = (0.5, 0.7, 0.9)
_STOP = frozenset(
    "the a an and or of to in for on with at by from is are was were be been it this that these those as you your we our "
    "they their he she his her its not but if so can will would should could may might has have had do does did than then "
    "there here what which who when where why how all any each more most other some such no only also into over about after".split()
)


def _bag(text: str) -> Counter:
    return Counter(tokens(text))


def _cover(a: Counter, b: Counter) -> float:
    """The share of `a`'s words that `b` holds."""
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 1.0


def _topic_cosine(a: str, b: str) -> float:
    """The cosine of the two texts' content words (four letters or more, no stop word): how far `a` is about `b`'s topic."""
    x = Counter(w for w in tokens(a) if len(w) > 3 and w not in _STOP and not w.isdigit())
    y = Counter(w for w in tokens(b) if len(w) > 3 and w not in _STOP and not w.isdigit())
    norm = (sum(v * v for v in x.values()) * sum(v * v for v in y.values())) ** 0.5
    return sum(x[w] * y[w] for w in x) / norm if norm else 0.0


def _extra_features(text: str, other: str, links: set[str]) -> list[float]:
    """What `text` holds that `other` lacks: its lines (log count, log words, mean words, share of words in lines of 20
    words or more, share of lines ending a sentence, share of words in lines that are a link's whole text) and how far
    they are about `other`'s topic."""
    extra = missing_lines(text, other)
    words = sum(count for _, count in extra)
    if not extra:
        return [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    long_words = sum(count for _, count in extra if count >= 20)
    link_words = sum(count for key, count in extra if key in links)
    raw_lines = [line.strip() for line in text.split("\n") if line.strip()]
    ends = sum(bool(re.search(r"[.!?][\"'\u201d\u2019)]*$", line)) for line in raw_lines if " ".join(tokens(line)) in {k for k, _ in extra})
    joined = " ".join(key for key, _ in extra)
    return [np.log1p(len(extra)), np.log1p(words), words / len(extra), long_words / words, ends / len(extra), link_words / words, _topic_cosine(joined, other)]


def page_features(page: dict[str, Any]) -> dict[str, list[float]]:
    """Per alternative, the features of replacing our answer by it: our words, the words' ratio, each text's bag cover
    by the other, what each holds that the other lacks (`_extra_features`), and what the article steps did on the page
    (the share of trafilatura's words they dropped and added, the trailing cut's share and topic)."""
    tree = lxml_html.fromstring(page["tree"])
    links = {" ".join(tokens(anchor.text_content())) for anchor in tree.iter("a")}
    links.discard("")
    final, raw = page["final"], page["raw"]
    ours = _bag(final)
    ours_words = max(sum(ours.values()), 1)
    raw_words = max(len(tokens(raw)), 1)
    steps = article_steps(tree, raw)
    at = [name for name, _ in steps].index("drop trailing sections")
    cut_from, cut = steps[at - 1][1], steps[at][1]
    cut_words = len(tokens(cut_from)) - len(tokens(cut))
    stage = [
        sum(count for _, count in missing_lines(raw, final)) / raw_words,
        sum(count for _, count in missing_lines(final, raw)) / ours_words,
        cut_words / max(len(tokens(cut_from)), 1),
        _topic_cosine("\n".join(key for key, _ in missing_lines(cut_from, cut)), cut) if cut_words else 0.0,
    ]
    features = {}
    for name in ALTERNATIVES:
        other = _bag(page[name])
        other_words = max(sum(other.values()), 1)
        features[name] = [
            np.log1p(ours_words), np.log(other_words / ours_words), _cover(ours, other), _cover(other, ours),
            *_extra_features(page[name], final, links), *_extra_features(final, page[name], links), *stage,
        ]
    return features


def choice_arrays(pages: list[dict[str, Any]], score: Callable[[str, str], Any]) -> dict[str, Any]:
    """The pages taken for articles as arrays: per alternative its features and its gain over our answer."""
    chosen = [page for page in pages if page.get("tree") is not None]
    features = [page_features(page) for page in chosen]
    scores = [{name: score(page["truth"], page[name]) for name in ("final", *ALTERNATIVES)} for page in chosen]
    return {
        "pages": chosen,
        "x": {name: np.array([f[name] for f in features]) for name in ALTERNATIVES},
        "scores": scores,
    }


def _fit(x: np.ndarray, gain: np.ndarray, l2: float):
    from bench.fitting import fit_logistic  # the study's only fitting
    return fit_logistic(x, (gain > 1e-9).astype(float), np.abs(gain) + 0.01, l2=l2)


def pick(models: dict[str, Any], x: dict[str, np.ndarray], rows: np.ndarray, threshold: float) -> list[str]:
    """Per row, the alternative whose model is surest above `threshold`, else our answer ("final")."""
    probabilities = {name: 1 / (1 + np.exp(-model.logits(x[name][rows]))) for name, model in models.items()}
    picks = []
    for index in range(len(rows)):
        best = max(probabilities, key=lambda name: probabilities[name][index])
        picks.append(best if probabilities[best][index] > threshold else "final")
    return picks


def _gains(arrays: dict[str, Any], value: Callable[[Any], float]) -> dict[str, np.ndarray]:
    return {name: np.array([value(s[name]) - value(s["final"]) for s in arrays["scores"]]) for name in ALTERNATIVES}


def out_of_fold(arrays: dict[str, Any], folds: np.ndarray, l2: float, threshold: float, rows: np.ndarray | None = None) -> list[str]:
    """Each row's pick by models fitted on the other folds (`rows`: the rows taking part, all by default)."""
    rows = np.arange(len(folds)) if rows is None else rows
    gains = _gains(arrays, float)
    picks = [""] * len(folds)
    for fold in np.unique(folds[rows]):
        train, test = rows[folds[rows] != fold], rows[folds[rows] == fold]
        models = {name: _fit(arrays["x"][name][train], gains[name][train], l2) for name in ALTERNATIVES}
        for row, choice in zip(test, pick(models, arrays["x"], test, threshold)):
            picks[row] = choice
    return picks


def nested_out_of_fold(arrays: dict[str, Any], folds: np.ndarray) -> tuple[list[str], list[tuple[float, float]]]:
    """Out of fold, with (L2, threshold) chosen in each outer fold by an inner cross-validation over the other folds."""
    gains = _gains(arrays, float)
    picks = [""] * len(folds)
    settings = []
    for fold in range(FOLDS):
        train = np.flatnonzero(folds != fold)
        best, best_gain = (L2S[0], THRESHOLDS[-1]), -np.inf
        for l2 in L2S:
            for threshold in THRESHOLDS:
                inner = out_of_fold(arrays, folds, l2, threshold, train)
                total = sum(gains[c][row] for row in train for c in [inner[row]] if c != "final")
                if total > best_gain:
                    best, best_gain = (l2, threshold), total
        settings.append(best)
        test = np.flatnonzero(folds == fold)
        models = {name: _fit(arrays["x"][name][train], gains[name][train], best[0]) for name in ALTERNATIVES}
        for row, choice in zip(test, pick(models, arrays["x"], test, best[1])):
            picks[row] = choice
    return picks, settings


def print_picks(arrays: dict[str, Any], picks: list[str], folds: np.ndarray, label: str) -> None:
    """The picks' gain over our answer: article pages (sum and mean gain), per fold, other types, pages up and down."""
    gains = _gains(arrays, float)
    pages = arrays["pages"]
    change = np.array([gains[c][row] if c != "final" else 0.0 for row, c in enumerate(picks)])
    article = np.array([page["type"] == "article" for page in pages])
    per_fold = " ".join(f"{change[article & (folds == k)].sum():+.3f}" for k in range(FOLDS))
    others = Counter()
    for page, value in zip(pages, change):
        if page["type"] != "article":
            others[page["type"]] += value
    taken = Counter(c for c in picks if c != "final")
    print(f"  {label:34s} articles {change[article].sum():+.3f} (+{int((change[article] > 1e-9).sum())} -{int((change[article] < -1e-9).sum())}) "
          f"folds {per_fold} | other types {' '.join(f'{k[:4]} {v:+.3f}' for k, v in sorted(others.items()) if abs(v) > 1e-9) or '0'} | picks {dict(taken)}")


def print_choice(pages: list[dict[str, Any]], scrapinghub: list[dict[str, Any]]) -> None:
    """The learned per-page choice: out of fold on WCXB tune by host folds (two salts), every setting and the nested
    choice; then fitted on all WCXB tune with the setting the nested choice took most, and scored on ScrapingHub."""
    arrays = choice_arrays(pages, word_f1)
    gains = _gains(arrays, float)
    article = np.array([page["type"] == "article" for page in arrays["pages"]])
    oracle = sum(max(0.0, *(gains[n][row] for n in ALTERNATIVES)) for row in np.flatnonzero(article))
    print(f"\nWCXB tune, {len(arrays['pages'])} pages taken for articles ({int(article.sum())} articles): sums of word F1 over our answer "
          f"(a sum of +0.56 is +0.001 on the 564 article pages' mean); oracle {oracle:+.3f}")
    chosen_settings: Counter = Counter()
    for salt in SALTS:
        folds = np.array([hash_bucket(page["host"], FOLDS, salt) for page in arrays["pages"]])
        print(f" host folds, salt {salt}")
        for l2 in L2S:
            for threshold in THRESHOLDS:
                print_picks(arrays, out_of_fold(arrays, folds, l2, threshold), folds, f"L2 {l2:g}, p > {threshold}")
        picks, settings = nested_out_of_fold(arrays, folds)
        chosen_settings.update(settings)
        print_picks(arrays, picks, folds, "nested (settings " + ", ".join(f"{a:g}/{b}" for a, b in settings) + ")")
    l2, threshold = chosen_settings.most_common(1)[0][0]
    models = {name: _fit(arrays["x"][name], gains[name], l2) for name in ALTERNATIVES}
    shub = choice_arrays(scrapinghub, page_counts)
    picks = pick(models, shub["x"], np.arange(len(shub["pages"])), threshold)
    by_id = {page["id"]: shub["pages"][row][name] if (name := picks[row]) != "final" else shub["pages"][row]["final"]
             for row, page in enumerate(shub["pages"])}
    before = aggregate(page_counts(page["truth"], page["final"]) for page in scrapinghub)
    after = aggregate(page_counts(page["truth"], by_id.get(page["id"], page["final"])) for page in scrapinghub)
    moved = [(page_f1(page_counts(p["truth"], by_id[p["id"]])) - page_f1(page_counts(p["truth"], p["final"]))) for p in shub["pages"]]
    print(f" fitted on all WCXB tune (L2 {l2:g}, p > {threshold}), ScrapingHub: {before.f1:.5f} -> {after.f1:.5f} "
          f"(+{sum(m > 1e-9 for m in moved)} -{sum(m < -1e-9 for m in moved)} pages; picks {dict(Counter(c for c in picks if c != 'final'))})")


# --- the trailing cut spared when it is about the article's topic ------------------------------------------------------
SPARE_GRID = tuple((cosine, lines) for cosine in (0.3, 0.4, 0.5, 0.6, 0.7) for lines in (1, 2, 3, 4))
SPARE_LINE_WORDS = 30


def spared_cut(cosine: float, long_lines: int) -> Callable[..., str]:
    """`article.drop_trailing_sections`, its cut undone when the lines it drops are about the kept text's topic
    (`_topic_cosine` at least `cosine`) and hold `long_lines` lines of `SPARE_LINE_WORDS` words or more: an article that
    goes on after its frame, not end matter (the stage where trafilatura's defaults beat us most)."""
    shipped = article.drop_trailing_sections

    def step(text: str, bodies: Any, paragraphs: set[str]) -> str:
        kept = shipped(text, bodies, paragraphs)
        if kept == text:
            return text
        dropped = [key for key, _ in missing_lines(text, kept)]
        if sum(len(key.split()) >= SPARE_LINE_WORDS for key in dropped) >= long_lines and _topic_cosine("\n".join(dropped), kept) >= cosine:
            return text
        return kept

    return step


def _replayed_final(page: dict[str, Any], step: Callable[..., str]) -> str:
    """The page's answer with `step` in place of the trailing cut (the headline strip after it redone as recorded)."""
    from bench.articles_study import _substitute
    shipped = article.drop_trailing_sections
    article.drop_trailing_sections = step
    try:
        return _substitute(page, article.article_text(lxml_html.fromstring(page["tree"]), page["raw"]))
    finally:
        article.drop_trailing_sections = shipped


def print_spared(pages: list[dict[str, Any]], scrapinghub: list[dict[str, Any]]) -> None:
    """Every setting of `spared_cut` against the shipped cut: WCXB tune articles and other types, pages up and down,
    per host fold (two salts), a nested choice of the setting by host folds; ScrapingHub's shingle F1 beside it."""
    taken = [page for page in pages if page.get("tree") is not None]
    article_rows = np.array([page["type"] == "article" for page in taken])
    gains = {}
    for setting in SPARE_GRID:
        step = spared_cut(*setting)
        gains[setting] = np.array([word_f1(p["truth"], _replayed_final(p, step)) - word_f1(p["truth"], p["final"]) for p in taken])
    before = aggregate(page_counts(p["truth"], p["final"]) for p in scrapinghub)
    print("\nthe trailing cut spared when on topic (WCXB tune sums of word F1 over the shipped cut; ScrapingHub shingle F1)")
    for setting, gain in gains.items():
        step = spared_cut(*setting)
        shub = aggregate(page_counts(p["truth"], _replayed_final(p, step) if p.get("tree") is not None else p["final"]) for p in scrapinghub)
        folds = {salt: np.array([hash_bucket(p["host"], FOLDS, salt) for p in taken]) for salt in SALTS}
        per_fold = " | ".join(" ".join(f"{gain[article_rows & (folds[salt] == k)].sum():+.3f}" for k in range(FOLDS)) for salt in SALTS)
        print(f"  cosine >= {setting[0]}, {setting[1]} long lines: articles {gain[article_rows].sum():+.3f} "
              f"(+{int((gain[article_rows] > 1e-9).sum())} -{int((gain[article_rows] < -1e-9).sum())}), other types {gain[~article_rows].sum():+.3f} "
              f"(-{int((gain[~article_rows] < -1e-9).sum())}); folds a | b {per_fold}; ScrapingHub {before.f1:.5f} -> {shub.f1:.5f}")
    for salt in SALTS:
        folds = np.array([hash_bucket(p["host"], FOLDS, salt) for p in taken])
        out = []
        for k in range(FOLDS):
            train = (folds != k)
            best = max(gains, key=lambda setting: gains[setting][train].sum())
            out.append((best, gains[best][folds == k].sum()) if gains[best][train].sum() > 1e-9 else (None, 0.0))
        print(f"  nested by host folds, salt {salt}: " + "; ".join(f"{b} {g:+.3f}" for b, g in out) + f" (sum {sum(g for _, g in out):+.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--scrapinghub-cache", type=Path, default=DEFAULT_SCRAPINGHUB_CACHE)
    parser.add_argument("--study", choices=("build", "stages", "words", "choice", "spared"), default="stages")
    args = parser.parse_args()
    pages = load(build_wcxb, args.data_dir, args.cache)
    scrapinghub = load(build_scrapinghub, args.data_dir, args.scrapinghub_cache)
    print(f"WCXB tune {len(pages)} pages ({sum(p.get('tree') is not None for p in pages)} taken for articles); ScrapingHub {len(scrapinghub)}")
    if args.study == "stages":
        print_stages(pages, "WCXB tune")
        print_stages(scrapinghub, "ScrapingHub (page shingle F1)", lambda truth, text: page_f1(page_counts(truth, text)))
    elif args.study == "words":
        print_steps(pages)
        print_words(pages)
        print("\nScrapingHub (winners by the page's shingle F1)")
        print_steps(scrapinghub, lambda truth, text: page_f1(page_counts(truth, text)))
        print_words(scrapinghub, 12, lambda truth, text: page_f1(page_counts(truth, text)))
    elif args.study == "choice":
        print_choice(pages, scrapinghub)
    elif args.study == "spared":
        print_spared(pages, scrapinghub)


if __name__ == "__main__":
    main()
