"""The paste headline chooser on WCXB tune, fifteenth session: why 40 titles are in no candidate, and two
new kinds of column measured by cross-validation grouped by site.

    python -m bench.pastetitle6_study DATA_DIR absent [--cache PATH]
    python -m bench.pastetitle6_study DATA_DIR compare [--variants shared,forms] [--l2 10,30] [--group site|page]

`absent`: every tune page whose title no candidate prints, put in one kind by how the title could be made from
the paste's lines (word match, `bench.wcxb.title_words`: case and punctuation aside): `line` (a line outside
the candidates has the title's words), `contained` (one line holds
the title's words in order with more words around them: a line cut differently), `joined` (two or three adjacent
lines, read one after the other, hold them: lines joined differently), `line-and-site` (a line's words then
another short line's: the browser tab's "Headline | Site"), `reworded` (a line holds at least 80 % of the title's
words, not in that order or with others: the `<title>`'s own wording) or `absent`.

`compare`: the trainer's pages (`bench.train_paste_title.paste_pages`, cached as `bench.paste_title_study` does),
each variant's columns appended to the shipped HEADLINE_FEATURES, the pointwise chooser refitted in each of 5 folds
grouped by the page's site, over the trainer's five fold salts; pages right out of fold per salt, and the pages
right on more salts (up) or fewer (down) than with main's columns at the same penalty. Variants:

- `shared`: the share of a candidate's content words found in a headline-like candidate above it, and below it (a
  section heading or a dek restates the headline's subject: "What Is Video Production?" under "Video Production
  101: The Ultimate Guide");
- `forms`: how a candidate's form (a question or not, its first word, Title Case or not) matches the body's own
  subheadings (headline-like kept lines below the window): a section heading looks like its siblings.
Nothing here is shipped; it only reads.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bench.choice_study import site_of
from bench.fitting import hash_bucket
from bench.paste_title_study import CACHE, is_right, load
from bench.pastes import load_pages
from bench.train_paste_title import CV_FOLDS, SPLIT_SALTS, PastePage, as_headline_model, fit_pointwise
from bench.wcxb import title_words
from bot.digest.extract.paste.features import stop_words
from bot.digest.extract.paste.phrases import lower_words
from bot.digest.extract.paste.title import TITLE_RATIO, _HeadlineLike, pick_headline

_SITE_MAX_WORDS = 4  # "| Pierce Freeman", "| Spice AI": a site name line
_REWORDED_SHARE = 0.8
_SUBHEADINGS = 30  # the body's subheadings read for `forms`
_TITLE_CASE = 0.6  # share of capitalised words from which a line is Title Case

Columns = Callable[[PastePage], list[list[float]]]


def _holds(words: Sequence[str], part: Sequence[str]) -> bool:
    """`part` stands in `words` as a contiguous run."""
    n = len(part)
    return n > 0 and any(list(words[k : k + n]) == list(part) for k in range(len(words) - n + 1))


def title_reach(title: str, lines: Sequence[str]) -> str:
    """How the title's words could be made from the paste's lines (the kinds in the module's docstring)."""
    want = title_words(title)
    words = [title_words(line) for line in lines]
    if any(w == want for w in words):
        return "line"
    if any(_holds(w, want) for w in words):
        return "contained"
    for span in (2, 3):
        if any(_holds([x for w in words[k : k + span] for x in w], want) for k in range(len(words) - span + 1)):
            return "joined"
    sites = {tuple(w) for w in words if 0 < len(w) <= _SITE_MAX_WORDS}
    for w in words:
        if w and list(want[: len(w)]) == list(w) and tuple(want[len(w) :]) in sites:
            return "line-and-site"
    wanted = set(want)
    if wanted and any(len(wanted & set(w)) >= _REWORDED_SHARE * len(wanted) for w in words):
        return "reworded"
    return "absent"


def content_words(text: str) -> set[str]:
    """A line's words of three letters or more, no stop word, no number, a plural "s" cut."""
    stop = stop_words()
    return {
        w[:-1] if w.endswith("s") and len(w) > 3 else w
        for w in lower_words(text, 300) if len(w) >= 3 and w not in stop and not w.isdigit()
    }


def shared_words(texts: Sequence[str], headline_like: Sequence[bool]) -> list[list[float]]:
    """For each candidate (texts in line order), the largest share of its content words found in one
    headline-like candidate above it, and in one below it."""
    sets = [content_words(t) for t in texts]
    found = []
    for k, words in enumerate(sets):
        shares = [len(words & sets[j]) / len(words) if words else 0.0 for j in range(len(sets))]
        above = max((shares[j] for j in range(k) if headline_like[j]), default=0.0)
        below = max((shares[j] for j in range(k + 1, len(sets)) if headline_like[j]), default=0.0)
        found.append([above, below])
    return found


def line_form(text: str, title_ratio: float) -> tuple[bool, str, bool]:
    """A heading's form: a question or not, its first word, Title Case or not."""
    words = lower_words(text, 100)
    return text.rstrip().endswith("?"), words[0] if words else "", title_ratio >= _TITLE_CASE


def form_matches(form: tuple[bool, str, bool], subheadings: Sequence[tuple[bool, str, bool]]) -> list[float]:
    """Shares of the body's subheadings with the same first word, the same whole form, the same question mark
    and case."""
    n = max(1, len(subheadings))
    return [
        sum(1 for s in subheadings if s[1] == form[1]) / n,
        sum(1 for s in subheadings if s == form) / n,
        sum(1 for s in subheadings if s[0] == form[0] and s[2] == form[2]) / n,
    ]


def shared_columns(page: PastePage) -> list[list[float]]:
    lines = page.analysis.lines
    like = _HeadlineLike(lines, page.analysis.features)
    return shared_words([lines[i].text for i in page.candidates], [like(i) for i in page.candidates])


def form_columns(page: PastePage) -> list[list[float]]:
    lines, features = page.analysis.lines, page.analysis.features
    like = _HeadlineLike(lines, features)
    below = (i for i in range(page.candidates[-1] + 1, len(lines)) if page.keep[i] and like(i))
    subheadings = [line_form(lines[i].text, features[i][TITLE_RATIO]) for _, i in zip(range(_SUBHEADINGS), below)]
    return [form_matches(line_form(lines[i].text, features[i][TITLE_RATIO]), subheadings) for i in page.candidates]


VARIANTS: dict[str, Columns] = {"shared": shared_columns, "forms": form_columns}


def with_columns(pages: Sequence[PastePage], columns: Sequence[Columns]) -> list[PastePage]:
    """The pages with each variant's columns appended to their rows."""
    found = []
    for page in pages:
        rows = page.rows
        if page.candidates and columns:
            rows = np.hstack([rows, *(np.asarray(c(page), dtype=float).reshape(len(page.candidates), -1) for c in columns)])
        found.append(PastePage(page.id, page.title, page.analysis, page.keep, page.candidates, rows, page.labels))
    return found


def right_out_of_fold(pages: Sequence[PastePage], groups: Sequence[str], salt: str, l2: float) -> set[str]:
    """Ids of the pages right when each fold of groups (sites or pages) is chosen by a model fitted on the others."""
    folds = [hash_bucket(group, CV_FOLDS, salt=salt) for group in groups]
    hits: set[str] = set()
    for fold in range(CV_FOLDS):
        model = as_headline_model(fit_pointwise([p for p, f in zip(pages, folds) if f != fold], l2), 0.0)
        for page, f in zip(pages, folds):
            if f == fold and is_right(page, pick_headline(page.analysis, page.keep, page.candidates, page.rows, model)):
                hits.add(page.id)
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("what", choices=("absent", "compare"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--variants", default="shared,forms", help="comma-separated; each is compared alone")
    parser.add_argument("--l2", default="10,30")
    parser.add_argument("--group", choices=("site", "page"), default="site")
    args = parser.parse_args(argv)
    pages = load(args.data_dir, args.cache)
    if args.what == "absent":
        kinds = Counter()
        for page in pages:
            if not page.labels.any():
                kind = title_reach(page.title, [line.text for line in page.analysis.lines])
                kinds[kind] += 1
                print(f"[{kind}] {page.id}: {page.title}")
        print(f"{sum(kinds.values())} of {len(pages)} tune titles in no candidate:", dict(kinds.most_common()))
        return 0
    urls = {str(page["id"]): page["url"] for page in load_pages(args.data_dir)["wcxb-tune"]}
    groups = [site_of(urls[p.id]) if args.group == "site" else p.id for p in pages]
    base: dict[float, Counter[str]] = {}
    for name in ["main", *args.variants.split(",")]:
        variant = with_columns(pages, [] if name == "main" else [VARIANTS[name]])
        for l2 in (float(x) for x in args.l2.split(",")):
            per = [right_out_of_fold(variant, groups, salt, l2) for salt in SPLIT_SALTS]
            right = Counter(i for hits in per for i in hits)  # per page: on how many salts it is right
            base.setdefault(l2, right)
            up = sum(1 for p in pages if right[p.id] > base[l2][p.id])
            down = sum(1 for p in pages if right[p.id] < base[l2][p.id])
            counts = " ".join(str(len(hits)) for hits in per)
            total = sum(map(len, per))
            print(f"{name}, l2 {l2:g}: {counts} = {total} of {len(pages) * len(per)}; pages up {up}, down {down}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
