"""Chrome leaking into cleaned pastes: every leaking tune line and why it was kept; second passes over the
decoded article, out of fold (eighteenth session, issue 9 target 4).

    python -m bench.pasteleak10_study DATA_DIR leaks [--cache PATH]
    python -m bench.pasteleak10_study DATA_DIR passes [--only NAMES] [--cache PATH]
    python -m bench.pasteleak10_study DATA_DIR sitenames [--cache PATH]

Tune pages only (WCXB dev article pastes, sha1(id) % 100 < 70). Each half (`tune[0::2]`, `tune[1::2]`) is
scored by line models fitted on the other half (`bench.pasteleak_study.out_of_fold`, pickled at --cache), with
the shipped decoding and the product's learned headline chooser.

`leaks` prints every leaking line: its page, the snippet, the line, its place against the lines the trainer
labels article (above / inside / below / the title), its neighbours (a line between two prose lines is "between
prose"), the stage that kept it, its line score, its stage-1 score and the stage-2 columns that pushed it up
most against the page's average line.

`passes` scores second passes over the decoded keep-vector (none ships): a line repeated elsewhere on the page,
a line whose word trigrams are the `without` snippets of OTHER sites (leave-site-out), a kept run of short
lines between two prose lines, and a line the stage-1 model scores low (kept on its context alone). F1 (title + body) and leaking pages by half and by site fold
(`hash_bucket(host, 5, SALT)`).
"""

from __future__ import annotations

import argparse
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from bench.fitting import hash_bucket
from bench.metrics import shingle_scores
from bench.pasteleak4_study import Scored, kept_by, load_scored, page_rows, place
from bench.pastes import Cleaned, _squash, leaking_snippets, load_pages
from bot.digest.extract.paste.cleaner import as_clean_text, decode_keep
from bot.digest.extract.paste.features import ENDS_SENTENCE, LOG_WORDS, is_prose, line_features
from bot.digest.extract.paste.model import STAGE2_NAMES, PasteModel
from bot.digest.extract.paste.phrases import line_key
from bot.digest.extract.paste.scoring import Analysis, stage2_features
from bot.digest.extract.paste.title import headline_text

log = logging.getLogger(__name__)
SALT = "pasteleak10"
FOLDS = 5
Keep = list[bool]
# A second pass: (page, analysis, title index, keep-vector) -> a new keep-vector.
Pass = Callable[[dict[str, Any], Analysis, "int | None", Keep], Keep]


def site_of(url: str) -> str:
    """The URL's host without "www."."""
    host = urlparse(url or "").netloc.lower()
    return host[4:] if host.startswith("www.") else host


def word_count(features: Sequence[float]) -> float:
    return math.expm1(features[LOG_WORDS])


# --- why a leaking line was kept ---------------------------------------------------------------------------


def stage2_push(analysis: Analysis, model: PasteModel, index: int, top: int = 4) -> list[tuple[str, float]]:
    """The stage-2 columns that raise line `index`'s logit most against the page's average line (column, logit)."""
    rows1 = line_features(analysis.lines, model.lexicon, analysis.features)
    rows2 = stage2_features(model.stage1.logits(rows1), rows1)
    push = model.stage2.coefficients * (rows2[index] - rows2.mean(axis=0))
    order = np.argsort(-push)[:top]
    return [(STAGE2_NAMES[j], round(float(push[j]), 2)) for j in order]


def stage1_prob(analysis: Analysis, model: PasteModel, index: int) -> float:
    return float(stage1_probs(analysis, model)[index])


def neighbours(analysis: Analysis, index: int) -> str:
    """'between prose' when the nearest lines above and below read as prose, else which side does ('prose above')."""
    features = analysis.features
    above = index > 0 and is_prose(features[index - 1])
    below = index + 1 < len(features) and is_prose(features[index + 1])
    return {(True, True): "between prose", (True, False): "prose above", (False, True): "prose below"}.get((above, below), "no prose by")


@dataclass(frozen=True)
class LeakLine:
    page: str
    half: int
    index: int
    snippet: str
    text: str
    where: str  # above / inside / below the article's labelled lines, or "title"
    by: str  # between prose / prose above / prose below / no prose by
    stage: str  # the decoding stage that kept it (pasteleak4_study.kept_by)
    prob: float
    stage1: float
    push: list[tuple[str, float]]


def leak_lines(tune: Sequence[dict[str, Any]], scored: Scored) -> list[LeakLine]:
    found: list[LeakLine] = []
    for page, (half, analysis, model) in zip(tune, scored):
        rows = page_rows(page, analysis, model)
        if rows is None:
            continue
        for i, snippets in sorted(rows["leaking"].items()):
            title = i == rows["title"]
            found.append(LeakLine(
                str(page["id"]), half, i, snippets[0], analysis.lines[i].text,
                "title" if title else place(i, rows["labels"]), neighbours(analysis, i),
                "title" if title else kept_by(i, rows["staged"]), analysis.probs[i],
                stage1_prob(analysis, model, i), stage2_push(analysis, model, i),
            ))
    return found


def print_leaks(found: Sequence[LeakLine]) -> None:
    for leak in found:
        push = ", ".join(f"{name} {value:+.2f}" for name, value in leak.push)
        print(f"{leak.page} h{leak.half} {leak.where:6} {leak.by:13} {leak.stage:8} p={leak.prob:.2f} s1={leak.stage1:.2f} "
              f"w={len(leak.text.split()):3} {leak.text[:80]!r}\n      up: {push}")
    by_place = Counter((leak.where, leak.by) for leak in found)
    print("leaking lines by place x neighbours:")
    for (where, by), n in sorted(by_place.items()):
        pages = len({leak.page for leak in found if (leak.where, leak.by) == (where, by)})
        print(f"  {where:7} {by:14} lines {n:3} pages {pages}")
    print("pages", len({leak.page for leak in found}), "lines", len(found))


# --- second passes ---------------------------------------------------------------------------------------------


def repeated_pass(max_words: int, kept_only: bool) -> Pass:
    """Drop a kept line of at most `max_words` words that ends no sentence and whose words (line key) stand on
    another line too: another kept line (`kept_only`) or any line of the paste. The headline's copies stay."""

    def apply(page: dict[str, Any], analysis: Analysis, title: int | None, keep: Keep) -> Keep:
        keys = [line_key(line.text) for line in analysis.lines]
        counts = Counter(k for k, kept in zip(keys, keep) if kept or not kept_only)
        title_key = keys[title] if title is not None else None
        return [kept and not (key and key != title_key and counts[key] >= 2 and not f[ENDS_SENTENCE] and word_count(f) <= max_words)
                for kept, key, f in zip(keep, keys, analysis.features)]

    return apply


def trigrams(text: str) -> set[str]:
    words = line_key(text).split()
    return {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}


def site_sets(pages: Iterable[dict[str, Any]], texts: Callable[[dict[str, Any]], Iterable[str]]) -> dict[str, set[str]]:
    """trigram -> the sites whose texts hold it."""
    sites: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        site = site_of(page.get("url", ""))
        for text in texts(page):
            for gram in trigrams(text):
                sites[gram].add(site)
    return sites


def snippet_shape_pass(tune: Sequence[dict[str, Any]], min_sites: int, share: float) -> Pass:
    """Drop a kept line when at least `share` of its word trigrams stand in the leaking `without` snippets of
    `min_sites` or more OTHER sites and in the true text of no more sites than that (leave-site-out)."""
    chrome = site_sets(tune, leaking_snippets)
    truth = site_sets(tune, lambda page: [page.get("truth") or ""])

    def chrome_share(text: str, site: str) -> float:
        grams = trigrams(text)
        if not grams:
            return 0.0
        hits = 0
        for gram in grams:
            elsewhere = len(chrome.get(gram, set()) - {site})
            hits += elsewhere >= min_sites and len(truth.get(gram, set()) - {site}) <= elsewhere
        return hits / len(grams)

    def apply(page: dict[str, Any], analysis: Analysis, title: int | None, keep: Keep) -> Keep:
        site = site_of(page.get("url", ""))
        return [kept and chrome_share(line.text, site) < share for kept, line in zip(keep, analysis.lines)]

    return apply


def short_run_pass(max_words: int, max_run: int, min_prose_words: int) -> Pass:
    """Drop a kept run of 1..`max_run` lines, each of at most `max_words` words and ending no sentence, whose kept
    neighbours above and below are prose lines of `min_prose_words` words or more (a block of labels inside the
    article), unless the run's last line ends in ":" or the line below starts a list (a heading over its text)."""

    def apply(page: dict[str, Any], analysis: Analysis, title: int | None, keep: Keep) -> Keep:
        features, lines = analysis.features, analysis.lines
        out = list(keep)
        kept = [i for i, k in enumerate(keep) if k]
        short = [not features[i][ENDS_SENTENCE] and word_count(features[i]) <= max_words for i in kept]
        start = 0
        while start < len(kept):
            if not short[start]:
                start += 1
                continue
            end = start
            while end + 1 < len(kept) and short[end + 1]:
                end += 1
            run = kept[start:end + 1]
            above = kept[start - 1] if start > 0 else None
            below = kept[end + 1] if end + 1 < len(kept) else None
            framed = above is not None and below is not None and all(
                word_count(features[j]) >= min_prose_words and features[j][ENDS_SENTENCE] for j in (above, below))
            heading = lines[run[-1]].text.rstrip().endswith(":") or len(run) == 1
            if framed and len(run) <= max_run and not heading:
                for i in run:
                    out[i] = False
            start = end + 1
        return out

    return apply


def stage1_probs(analysis: Analysis, model: PasteModel) -> np.ndarray:
    """Each line's stage-1 probability: its own text and its neighbours' shapes, before the page context of stage 2."""
    rows1 = line_features(analysis.lines, model.lexicon, analysis.features)
    return 1.0 / (1.0 + np.exp(-model.stage1.logits(rows1)))


def own_score_pass(models: dict[int, PasteModel], max_prob: float, max_words: int, sentences: bool) -> Pass:
    """Drop a kept line that stage 1 scores below `max_prob` (stage 2 lifted it on its context alone) and that has
    at most `max_words` words (and ends no sentence unless `sentences`)."""

    def apply(page: dict[str, Any], analysis: Analysis, title: int | None, keep: Keep) -> Keep:
        own = stage1_probs(analysis, models[id(analysis)])
        return [kept and not (p < max_prob and word_count(f) <= max_words and (sentences or not f[ENDS_SENTENCE]))
                for kept, p, f in zip(keep, own, analysis.features)]

    return apply


# The site's own name as its copyright line gives it ("© 2025 Glossier Inc." -> "glossier"): the first word of four
# letters or more after the sign and an optional year, not a legal word (the fifteenth session's `site_names`). The
# `names_site` line-model column measured this session was this flag (patched into features.line_features, not kept).
_COPYRIGHT_NAME = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*(?:\d{4})?)?\s*([^\n|.,]{2,60})", re.I)
_NAME_WORD = re.compile(r"[^\W\d_][\w&'-]{3,}")
_NOT_NAMES = frozenset({"all", "rights", "reserved", "inc", "llc", "ltd", "the", "and", "company", "corp", "gmbh", "media", "group", "copyright"})
_NAME_CUES = ("©", "(c)", "copyright")


def site_name_flags(texts: Sequence[str]) -> list[float]:
    """1.0 for each line naming the site (its name from the paste's copyright lines), else 0.0."""
    names: set[str] = set()
    for text in texts:
        if any(cue in text.lower() for cue in _NAME_CUES):
            for found in _COPYRIGHT_NAME.finditer(text):
                words = [w.lower() for w in _NAME_WORD.findall(found.group(1)) if w.lower() not in _NOT_NAMES]
                names.update(words[:1])
    if not names:
        return [0.0] * len(texts)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b", re.I)
    return [float(pattern.search(text[:2000]) is not None) for text in texts]


def site_names(tune: Sequence[dict[str, Any]], scored: Scored) -> None:
    """How many pastes and lines the site-name flag marks, and which leaking lines."""
    named = flagged = 0
    for _, analysis, _ in scored:
        flags = site_name_flags([line.text for line in analysis.lines])
        named += any(flags)
        flagged += int(sum(flags))
    leaks = leak_lines(tune, scored)
    by_page = {page: site_name_flags([line.text for line in analysis.lines]) for page, (_, analysis, _) in zip((str(p["id"]) for p in tune), scored)}
    hits = [leak for leak in leaks if by_page[leak.page][leak.index]]
    print(f"pastes with a site-name line {named} of {len(scored)}; lines flagged {flagged}; leaking lines flagged {len(hits)} of {len(leaks)}")
    for leak in hits:
        print(f"  {leak.page} {leak.text[:80]!r}")


def cleaned(analysis: Analysis, title: int | None, keep: Keep) -> Cleaned:
    return Cleaned(headline_text(analysis.lines[title].text) if title is not None else "",
                   "\n\n".join(line.text for line, k in zip(analysis.lines, keep) if k))


def decoded(scored: Scored) -> list[tuple[Analysis, int | None, Keep] | Cleaned]:
    """Each page's decoding: (analysis, title, keep), or the clean text kept whole."""
    out: list[tuple[Analysis, int | None, Keep] | Cleaned] = []
    for _, analysis, model in scored:
        clean = as_clean_text(analysis.lines, analysis.features)
        if clean is not None:
            out.append(Cleaned(clean.title, clean.body))
        else:
            title, keep = decode_keep(analysis, model)
            out.append((analysis, title, keep))
    return out


def with_pass(tune: Sequence[dict[str, Any]], base: Sequence[tuple[Analysis, int | None, Keep] | Cleaned], second: Pass | None) -> list[Cleaned]:
    outputs: list[Cleaned] = []
    for page, item in zip(tune, base):
        if isinstance(item, Cleaned):
            outputs.append(item)
            continue
        analysis, title, keep = item
        outputs.append(cleaned(analysis, title, second(page, analysis, title, keep) if second else keep))
    return outputs


def group_figures(tune: Sequence[dict[str, Any]], halves: Sequence[int], outputs: Sequence[Cleaned]) -> dict[str, tuple[float, int]]:
    """(F1 of title + body, leaking pages) for all pages, each half and each site fold."""
    texts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    leaking: Counter[str] = Counter()
    for page, half, out in zip(tune, halves, outputs):
        leak = any(s in _squash(out.text) for s in leaking_snippets(page))
        for group in ("all", f"half{half}", f"fold{hash_bucket(site_of(page.get('url', '')), FOLDS, SALT)}"):
            texts[group].append((page["truth"], out.text))
            leaking[group] += leak
    return {group: (shingle_scores(pairs).f1, leaking[group]) for group, pairs in sorted(texts.items())}


def moved(tune: Sequence[dict[str, Any]], before: Sequence[Cleaned], after: Sequence[Cleaned]) -> tuple[int, int]:
    """Pages whose F1 rose, fell."""
    up = down = 0
    for page, b, a in zip(tune, before, after):
        if b.text == a.text:
            continue
        fb, fa = (shingle_scores([(page["truth"], o.text)]).f1 for o in (b, a))
        up += fa > fb
        down += fa < fb
    return up, down


def passes(tune: Sequence[dict[str, Any]], scored: Scored, only: str = "") -> None:
    base = decoded(scored)
    halves = [half for half, _, _ in scored]
    reference = with_pass(tune, base, None)
    variants: list[tuple[str, Pass | None]] = [("main", None)]
    variants += [(f"repeated, kept lines, <= {w} words", repeated_pass(w, True)) for w in (4, 12)]
    variants += [(f"repeated, any line, <= {w} words", repeated_pass(w, False)) for w in (4, 12)]
    variants += [(f"snippet shape, >= {n} other sites, share {s}", snippet_shape_pass(tune, n, s)) for n in (2, 3) for s in (0.3, 0.7)]
    variants += [(f"short run <= {r} lines of <= {w} words between prose", short_run_pass(w, r, 12)) for w, r in ((6, 3), (6, 8), (10, 8))]
    models = {id(analysis): model for _, analysis, model in scored}
    variants += [(f"own score < {t}, <= {w} words{', sentences too' if s else ''}", own_score_pass(models, t, w, s))
                 for t in (0.1, 0.2, 0.3) for w in (4, 12, 40) for s in (False, True)]
    for name, second in variants:
        if only and not any(part in name for part in only.split(",")) and name != "main":
            continue
        outputs = with_pass(tune, base, second)
        figures = group_figures(tune, halves, outputs)
        up, down = moved(tune, reference, outputs)
        print(f"{name:48} " + " ".join(f"{g}={f:.5f}/{n}" for g, (f, n) in figures.items()) + f"  up {up} down {down}", flush=True)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m bench.pasteleak10_study", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("command", choices=("leaks", "passes", "sitenames"))
    parser.add_argument("--only", default="", help="passes: run only the variants whose name holds one of these comma-separated words")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pasteleak10/oof.pkl"), help="pickle of the out-of-fold scores (written when absent)")
    args = parser.parse_args(argv)
    tune = load_pages(args.data_dir)["wcxb-tune"]
    scored = load_scored(tune, args.cache)
    if args.command == "leaks":
        print_leaks(leak_lines(tune, scored))
    elif args.command == "sitenames":
        site_names(tune, scored)
    else:
        passes(tune, scored, args.only)


if __name__ == "__main__":
    main()
