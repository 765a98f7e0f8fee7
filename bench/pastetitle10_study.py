"""The paste headline on WCXB tune, eighteenth session: the misses by kind, and changes measured by cross-validation
grouped by host.

    python -m bench.pastetitle10_study DATA_DIR losses [--cache PATH] [--show]
    python -m bench.pastetitle10_study DATA_DIR compare [--variants text,meta-head,twin] [--cache PATH]

`losses`: every tune page (the trainer's pages, `bench.train_paste_title.paste_pages`) is chosen by a chooser fitted on
the other host folds (salt paste-title); each miss is put in one kind (`loss_kind`), first that applies:

- `near-miss`: the printed title has the title's words but for one word or two more or fewer at an end ("The Best
  Electric Scooters ..." for "Best Electric Scooters ...", "... Guide" for "... Guide 2026"): a reader would call it
  right, the word match does not;
- `site-glued`: no candidate prints the title, but a line holds it with six words or fewer after it or three or fewer
  before it ("Title – Top Local Movers", "Blog: Title", "Title (latimes.com) 87");
- `breadcrumb-end`: the title is the last step of a breadcrumb line, or the chosen line is a trail above the title;
- `cut`: a line holds the title's first words (at least half) and no line all of them: the paste cut the title;
- `outside-window`: a line prints the title but is no candidate (far above or below the body's start);
- `in-longer-line`: a line holds the title's words in order with more around them (a sentence, a longer heading);
- `no-line`: no line holds the title (the `<title>`'s own wording);
- for pages where a candidate is right: `section-or-dek` (the chosen line is below the right one: a dek, a box or
  section heading), `above` (the chosen line is above the right one: a menu label, a site name, another article).

`compare`: each variant against main in the same harness: the pointwise chooser (l2 10) refitted out of fold, folds by
host (`bench.fitting.hash_bucket(host, 5, salt)`, host less "www."), over the trainer's five salts; pages right per
salt, per fold of the first salt, folds up / down of the 25, pages up / down. Variants:

- `text`: `headline_text` with four fixes (`fixed_headline_text`): a trail of arrows ("Home » Section » Coffee")
  prints its last step whatever its length; a tail that is a phrase ("– From an ASE-Certified Mechanic": a
  lower-case article) stays; a source tail "(latimes.com) 87" goes; a section label "Blog: " before a headline goes.
  The labels are recomputed with it (the title right is what the product prints);
- `meta-head`: a column, 1 when a headline-like line up to 8 lines above the candidate has a byline or date within 4
  lines below it (a headline with its byline stands above: the candidate is a dek or a section heading);
- `twin`: a column, 1 when the line just above or below prints the same text (the tab's title and the page's h1);
- `echo-outside`: a column, main's `echoes` counted in lines that are no candidate only;
- `listwise-L2`: the shipped columns, chosen by a softmax over each page's candidates (`fit_listwise`) instead of the
  pointwise logistic model; `blend-L2`: the pointwise chooser's logit plus the listwise one's (`fit_blend`);
  `bag-L2`: the pointwise chooser averaged over ten bootstrap samples of the pages (`fit_bagged`).
Nothing here is shipped by itself; it only reads.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np

import bench.paste_title_study as paste_title_study
import bench.train_paste_title as train_paste_title
import bot.digest.extract.paste.title as title_module
from bench.choice_study import site_of
from bench.fitting import LogisticModel, hash_bucket
from bench.pastes import load_pages
from bench.pastetitle6_study import with_columns
from bench.train_paste_title import CV_FOLDS, SPLIT_SALTS, PastePage, as_headline_model, fit_pointwise
from bench.wcxb import title_words
from bot.digest.extract.paste.title import _HeadlineLike, _is_meta, pick_headline

CACHE = Path("/tmp/pastetitle10/pages.pkl")
_NEAR_WORDS = 2  # at most this many words more or fewer at the ends: a near miss
_CUT_SHARE = 0.5
_GLUED_WORDS = 6  # "Title – Top Local & Long-Distance Movers": a tail of six words or fewer
_LABEL_WORDS = 3  # "Blog: Title", "Home » Section » Title": a head of three words or fewer
_META_REACH = 4
_HEAD_REACH = 8

Columns = Callable[[PastePage], list[list[float]]]
Fit = Callable[[Sequence[PastePage]], LogisticModel] | None


def _starts_or_ends_with(words: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return 0 < n <= len(words) and (list(words[:n]) == list(part) or list(words[-n:]) == list(part))


def _holds(words: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return n > 0 and any(list(words[k : k + n]) == list(part) for k in range(len(words) - n + 1))


def near_miss(title: str, printed: str) -> bool:
    """The printed title has the title's words in order but for one or two words more or fewer at an end."""
    want, got = title_words(title), title_words(printed)
    if not want or not got or want == got:
        return False
    short, long_ = (want, got) if len(want) < len(got) else (got, want)
    return len(long_) - len(short) <= _NEAR_WORDS and len(short) >= 2 and _starts_or_ends_with(long_, short)


_TRAIL = re.compile(r"\s*[›▸»>]\s*")
_GLUE = re.compile(r"[:|»›>–—/(]|\s-\s")  # a separator, a label's colon or a parenthesis glues the title to more


def loss_kind(title: str, lines: Sequence[str], printed: Sequence[str], candidates: Sequence[int],
              labels: Sequence[float], chosen: int | None) -> str:
    """One kind per miss (the module's docstring): `lines` the paste's lines, `printed` each as headline_text prints it."""
    want = title_words(title)
    chosen_text = printed[chosen] if chosen is not None else ""
    if chosen is not None and near_miss(title, chosen_text):
        return "near-miss"
    rights = [i for i, label in zip(candidates, labels) if label]
    if rights and chosen is not None:
        right = min(rights, key=lambda r: abs(r - chosen))
        if len(_TRAIL.split(lines[chosen])) >= 3 and chosen < right:
            return "breadcrumb-end"
        return "section-or-dek" if chosen > right else "above"
    words = [title_words(line) for line in lines]
    if any(w == want for w in (title_words(p) for p in printed)):
        return "outside-window"
    held = [(line, w) for line, w in zip(lines, words) if _holds(w, want)]
    for line, w in held:
        steps = _TRAIL.split(line)
        if len(steps) >= 3 and title_words(steps[-1]) == want:
            return "breadcrumb-end"
    for line, w in held:
        more = len(w) - len(want)
        starts, ends = list(w[: len(want)]) == list(want), list(w[-len(want) :]) == list(want)
        if _GLUE.search(line) and ((starts and more <= _GLUED_WORDS) or (ends and more <= _LABEL_WORDS)):
            return "site-glued"
    if held:
        return "in-longer-line"
    cut = max(1, int(len(want) * _CUT_SHARE + 0.5))
    if len(want) >= 2 and any(len(w) >= cut and list(want[: len(w)]) == list(w) and len(w) < len(want) for w in words):
        return "cut"
    return "no-line"


# --- the `text` variant: headline_text with four fixes -------------------------------------------------------------

_ARROW_TRAIL = re.compile(r"\s*[›▸»]\s*")
_TRAIL_STEP_WORDS = 3
_PHRASE_TAIL = re.compile(r"\s(?:a|an|the)\s")  # "– From an ASE-Certified Mechanic": a phrase, not a site's name
_SOURCE_TAIL = re.compile(r"\s*\((?:[\w-]+\.)+[a-z]{2,}\)(?:\s+\d+)?\s*$")
_LABEL_HEAD = re.compile(r"(?:blog|news|press release)\s*:\s+", re.I)
_LABEL_MIN_WORDS = 3


def fixed_headline_text(line: str) -> str:
    """`headline_text` with the four fixes of the `text` variant."""
    steps = _ARROW_TRAIL.split(line.strip())
    if len(steps) >= 3 and all(0 < len(s.split()) <= _TRAIL_STEP_WORDS for s in steps[:-1]) and steps[-1]:
        return steps[-1].strip()
    line = _SOURCE_TAIL.sub("", line)
    label = _LABEL_HEAD.match(line)
    if label and len(line[label.end() :].split()) >= _LABEL_MIN_WORDS:
        line = line[label.end() :]
    separators = list(title_module._SITE_SEPARATOR.finditer(line))
    if separators and _PHRASE_TAIL.search(" " + line[separators[-1].end() :] + " "):
        return title_module._without_breadcrumb(line)
    return title_module._without_breadcrumb(title_module._without_site_tail(line))  # main's headline_text


@contextmanager
def headline_text_as(function: Callable[[str], str]) -> Iterator[None]:
    """Every user of headline_text in the chooser and its trainer sees `function` for the duration."""
    modules = (title_module, train_paste_title, paste_title_study)
    saved = [m.headline_text for m in modules]
    for m in modules:
        m.headline_text = function  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for m, f in zip(modules, saved):
            m.headline_text = f  # type: ignore[attr-defined]


# --- columns --------------------------------------------------------------------------------------------------------

def meta_head_above(lines: Sequence[str], like: Callable[[int], bool], meta: Callable[[int], bool], i: int) -> float:
    """1.0 when a headline-like line up to _HEAD_REACH lines above `i` has a byline or date within _META_REACH lines
    below it."""
    for j in range(max(0, i - _HEAD_REACH), i):
        if like(j) and any(meta(m) for m in range(j + 1, min(len(lines), j + 1 + _META_REACH))):
            return 1.0
    return 0.0


def meta_head_columns(page: PastePage) -> list[list[float]]:
    lines, features = page.analysis.lines, page.analysis.features
    like = _HeadlineLike(lines, features)
    texts = [line.text for line in lines]
    meta = lambda m: _is_meta(texts[m], features[m])  # noqa: E731
    return [[meta_head_above(texts, like, meta, i)] for i in page.candidates]


def twin(texts: Sequence[str], i: int) -> float:
    """1.0 when the line just above or below prints the same words as line `i`."""
    own = title_words(texts[i])
    return float(bool(own) and any(0 <= j < len(texts) and title_words(texts[j]) == own for j in (i - 1, i + 1)))


def twin_columns(page: PastePage) -> list[list[float]]:
    texts = [line.text for line in page.analysis.lines]
    return [[twin(texts, i)] for i in page.candidates]


def echoes_outside(texts: Sequence[str], candidates: Sequence[int]) -> list[float]:
    """For each candidate, log(1 + how often its text (case-folded, 8 characters or more) stands in a line that is no
    candidate): main's `echoes` also counts a shorter heading inside the longer headline next to it ("Top 11 Gaming
    Console Companies" inside "Top 11 Gaming Console Companies Driving Innovation Globally")."""
    inside = set(candidates)
    folded = "\n".join(t for k, t in enumerate(texts) if k not in inside).casefold()
    return [math.log1p(folded.count(texts[i].casefold())) if len(texts[i]) >= 8 else 0.0 for i in candidates]


def echo_columns(page: PastePage) -> list[list[float]]:
    texts = [line.text for line in page.analysis.lines]
    return [[e] for e in echoes_outside(texts, page.candidates)]


COLUMNS: dict[str, Columns] = {"meta-head": meta_head_columns, "twin": twin_columns, "echo-outside": echo_columns}


# --- the harness ----------------------------------------------------------------------------------------------------

def fit_listwise(pages: Sequence[PastePage], l2: float = 10.0) -> LogisticModel:
    """A page's candidates compete in one softmax: the weights maximise the log of the probability the right
    candidates get together (pages with no right candidate teach nothing), less an L2 penalty on standardised
    features. Its scores rank; no bias is needed."""
    used = [p for p in pages if p.candidates and p.labels.any()]
    x = np.vstack([p.rows for p in used])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    right = np.concatenate([p.labels for p in used]).astype(bool)
    bounds = np.cumsum([0] + [len(p.candidates) for p in used])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        logits = z @ w
        total, gradient = 0.5 * l2 * float(w @ w), l2 * w
        for a, b in zip(bounds[:-1], bounds[1:]):
            page = logits[a:b] - logits[a:b].max()
            prob = np.exp(page) / np.exp(page).sum()
            got = prob[right[a:b]].sum()
            total -= float(np.log(got))
            # d(-log sum_right p)/d logit = p - p * [right] / got
            gradient += z[a:b].T @ (prob - np.where(right[a:b], prob / got, 0.0))
        return total, gradient

    from scipy.optimize import minimize  # the bench extra's: the project's tests install without it

    found = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return LogisticModel(mean=mean, scale=scale, weights=found.x, bias=0.0)


def _as_raw(models: Sequence[LogisticModel], share: float = 1.0) -> LogisticModel:
    """The sum of linear models' logits (each times `share`) as one model on the raw columns."""
    weights = sum(m.weights / m.scale for m in models) * share
    bias = sum(m.bias - float(m.mean @ (m.weights / m.scale)) for m in models) * share
    size = len(np.asarray(weights))
    return LogisticModel(mean=np.zeros(size), scale=np.ones(size), weights=np.asarray(weights), bias=float(bias))


def fit_blend(pages: Sequence[PastePage], l2: float = 10.0) -> LogisticModel:
    """The pointwise chooser's logit (l2 10, as shipped) plus the listwise one's (`l2`), as one linear model on the raw
    columns: two fits of one choice, added to lower the variance of either."""
    return _as_raw([fit_pointwise(list(pages), 10.0), fit_listwise(pages, l2)])


_BAGS = 10


def fit_bagged(pages: Sequence[PastePage], l2: float = 10.0) -> LogisticModel:
    """The pointwise chooser (`l2`) fitted on _BAGS bootstrap samples of the pages and averaged: the shipped shape
    with less of its variance (five changed labels move about ten other pages' choices either way)."""
    rng = np.random.default_rng(0)
    fits = [fit_pointwise([pages[k] for k in rng.integers(0, len(pages), len(pages))], l2) for _ in range(_BAGS)]
    return _as_raw(fits, 1.0 / _BAGS)


def out_of_fold(pages: Sequence[PastePage], hosts: Sequence[str], salt: str, fit: Fit = None,
                min_prob: float | None = 0.0) -> tuple[dict[str, int | None], list[int]]:
    """Each page's chosen line by a chooser fitted on the other host folds (main's pointwise l2 10 unless `fit`),
    and pages right per fold."""
    fit = fit or (lambda chosen_pages: fit_pointwise(chosen_pages, 10.0))
    folds = [hash_bucket(host, CV_FOLDS, salt=salt) for host in hosts]
    chosen: dict[str, int | None] = {}
    per_fold = [0] * CV_FOLDS
    for fold in range(CV_FOLDS):
        model = as_headline_model(fit([p for p, f in zip(pages, folds) if f != fold]), min_prob)
        for page, f in zip(pages, folds):
            if f == fold:
                index = pick_headline(page.analysis, page.keep, page.candidates, page.rows, model)
                chosen[page.id] = index
                per_fold[fold] += paste_title_study.is_right(page, index)
    return chosen, per_fold


def evaluate(pages: Sequence[PastePage], hosts: Sequence[str], fit: Fit = None,
             min_prob: float | None = 0.0) -> tuple[list[list[int]], Counter[str]]:
    """Pages right per fold for each salt, and per page on how many salts it is right."""
    folds, right = [], Counter()
    for salt in SPLIT_SALTS:
        chosen, per_fold = out_of_fold(pages, hosts, salt, fit, min_prob)
        folds.append(per_fold)
        right.update(p.id for p in pages if paste_title_study.is_right(p, chosen[p.id]))
    return folds, right


def compare_line(name: str, folds: list[list[int]], right: Counter[str], base: tuple[list[list[int]], Counter[str]] | None,
                 ceiling: int) -> str:
    line = f"{name}: ceiling {ceiling}; per salt {[sum(f) for f in folds]} = {sum(map(sum, folds))}"
    if base:
        base_folds, base_right = base
        deltas = [a - b for fa, fb in zip(folds, base_folds) for a, b in zip(fa, fb)]
        first = [a - b for a, b in zip(folds[0], base_folds[0])]
        ids = set(right) | set(base_right)
        up = sorted(i for i in ids if right[i] > base_right[i])
        down = sorted(i for i in ids if right[i] < base_right[i])
        line += (f"; folds of salt {SPLIT_SALTS[0]} {first}; of 25 folds up {sum(d > 0 for d in deltas)}, down "
                 f"{sum(d < 0 for d in deltas)}; pages up {len(up)} {up[:10]}, down {len(down)} {down[:10]}")
        per_salt = [[a - b for a, b in zip(fa, fb)] for fa, fb in zip(folds, base_folds)]
        line += "; fold deltas per salt " + " ".join(str(d) for d in per_salt)
        line += f"; salts with 4 of 5 folds up {sum(sum(d > 0 for d in ds) >= 4 for ds in per_salt)}"
    return line


def hosts_of(data_dir: Path, pages: Sequence[PastePage]) -> list[str]:
    urls = {str(page["id"]): page["url"] for page in load_pages(data_dir)["wcxb-tune"]}
    return [site_of(urls[p.id]) for p in pages]


def losses(pages: Sequence[PastePage], hosts: Sequence[str], show: bool) -> Counter[str]:
    chosen, _ = out_of_fold(pages, hosts, SPLIT_SALTS[0])
    kinds: Counter[str] = Counter()
    for page in pages:
        index = chosen[page.id]
        if paste_title_study.is_right(page, index):
            continue
        lines = [line.text for line in page.analysis.lines]
        printed = [title_module.headline_text(t) for t in lines]
        kind = loss_kind(page.title, lines, printed, page.candidates, page.labels, index)
        kinds[kind] += 1
        if show:
            print(f"[{kind}] {page.id}: {page.title!r} <- {printed[index] if index is not None else ''!r}"[:220])
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("what", choices=("losses", "compare"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--variants", default="text,meta-head,twin", help="comma-separated; '+' joins variants")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    pages = paste_title_study.load(args.data_dir, args.cache)
    hosts = hosts_of(args.data_dir, pages)
    if args.what == "losses":
        kinds = losses(pages, hosts, args.show)
        print(f"{sum(kinds.values())} misses of {len(pages)}:", dict(kinds.most_common()))
        return 0
    base = evaluate(pages, hosts)
    print(compare_line("main", *base, None, sum(1 for p in pages if p.labels.any())), flush=True)
    for name in args.variants.split(","):
        parts = name.split("+")
        if "text" in parts:
            with headline_text_as(fixed_headline_text):
                variant = train_paste_title.paste_pages(args.data_dir)
        else:
            variant = list(pages)
        shapes = {"listwise": fit_listwise, "blend": fit_blend, "bag": fit_bagged}
        shape = [(shapes[k], float(v)) for k, _, v in (p.partition("-") for p in parts) if k in shapes]
        variant = with_columns(variant, [COLUMNS[p] for p in parts if p in COLUMNS])
        fit: Fit = (lambda chosen, f=shape[0][0], l2=shape[0][1]: f(chosen, l2)) if shape else None
        with headline_text_as(fixed_headline_text if "text" in parts else title_module.headline_text):
            ranker = bool(shape) and shape[0][0] is not fit_bagged  # a listwise score is no probability
            folds, right = evaluate(variant, hosts, fit, None if ranker else 0.0)
        print(compare_line(name, folds, right, base, sum(1 for p in variant if p.labels.any())), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
