"""Where the paste headline chooser goes wrong on WCXB tune, out of fold, sorted into buckets.

    python -m bench.paste_title_study DATA_DIR [--salts paste-title,a,b] [--show BUCKET] [--l2 10] [--cache PATH]

The pages, candidates and labels are the trainer's (`bench.train_paste_title.paste_pages`); every page is
scored by a pointwise model fitted on the other folds of the tune part (the trainer's shipped shape). Each miss
is put in one bucket by what the chosen line and the title are:

- `absent`: no line of the paste is the title (not even less a site tail or a breadcrumb), and no pair of
  adjacent lines makes it;
- `split`: two adjacent lines joined (" ", ": ", " - ", "") make the title;
- `contained`: some line holds the title with more words ("Title | Site Name And More", "Blog: Title") but no
  candidate prints it;
- `not-candidate`: a line equals the title but is not among the candidates;
- for pages where some candidate is right: `holds-title` (the chosen line holds the title with more),
  `breadcrumb`, `site-name` (a short line above the right one, two words or fewer), `dek` (the chosen line is
  just below the right one, or ends a sentence below it), `section` (a heading below the right one, further
  down), `above-other` (another line above the right one).
Nothing here is shipped; it only reads.
"""

from __future__ import annotations

import argparse
import logging
import pickle
import re
from collections import Counter
from pathlib import Path

from bench.fitting import hash_bucket
from bench.pastes import normalise_title
from bench.wcxb import title_matches
from bench.train_paste_title import CV_FOLDS, PastePage, as_headline_model, fit_pointwise, paste_pages
from bot.digest.extract.paste.title import headline_text, pick_headline

log = logging.getLogger(__name__)

CACHE = Path("/tmp/paste_title_study/pages.pkl")  # the trainer's pages; delete it (or --no-cache) after a code change
_JOINS = (" ", ": ", " - ", " – ", " | ", "")


def load(data_dir: Path, cache: Path | None) -> list[PastePage]:
    if cache and cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    pages = paste_pages(data_dir)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as f:
            pickle.dump(pages, f)
    return pages


def out_of_fold(pages: list[PastePage], salt: str, fit=fit_pointwise) -> dict[str, int | None]:
    """Each page's chosen line, by a model fitted on the other folds."""
    folds = [hash_bucket(p.id, CV_FOLDS, salt=salt) for p in pages]
    chosen: dict[str, int | None] = {}
    for fold in range(CV_FOLDS):
        model = as_headline_model(fit([p for p, f in zip(pages, folds) if f != fold]), 0.0)
        for page, f in zip(pages, folds):
            if f == fold:
                chosen[page.id] = pick_headline(page.analysis, page.keep, page.candidates, page.rows, model)
    return chosen


def is_right(page: PastePage, index: int | None) -> bool:
    return index is not None and title_matches(page.title, headline_text(page.analysis.lines[index].text))


def bucket(page: PastePage, index: int | None) -> str:
    lines = [line.text for line in page.analysis.lines]
    normal = [normalise_title(t) for t in lines]
    printed = [normalise_title(headline_text(t)) for t in lines]
    title = normalise_title(page.title)
    rights = [i for i, label in zip(page.candidates, page.labels) if label]
    if not rights:
        if title in printed or title in normal:
            return "not-candidate"
        for a, b in zip(normal, normal[1:]):
            if any(normalise_title(a + j + b) == title for j in _JOINS):
                return "split"
        if any(title in n for n in normal):
            return "contained"
        return "absent"
    if index is None:
        return "none-chosen"
    chosen = normal[index]
    right = min(rights, key=lambda r: abs(r - index))
    if title in chosen:
        return "holds-title"
    if re.search(r"[›»>/|·•]", lines[index]) and index < right:
        return "breadcrumb"
    if index < right and len(lines[index].split()) <= 2:
        return "site-name"
    if index == right + 1:
        return "dek"
    if index > right:
        return "section"
    return "above-other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--salts", default="paste-title")
    parser.add_argument("--show", default="", help="print every miss of these buckets (comma-separated, or 'all')")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--l2", type=float, default=10.0, help="the pointwise chooser's L2 penalty (shipped: 10)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = load(args.data_dir, None if args.no_cache else args.cache)
    ceiling = sum(1 for p in pages if p.labels.any())
    print(f"{len(pages)} tune pastes with a title; some candidate right on {ceiling}")
    show = set(args.show.split(",")) if args.show else set()
    for salt in args.salts.split(","):
        chosen = out_of_fold(pages, salt, lambda chosen_pages: fit_pointwise(chosen_pages, args.l2))
        buckets: Counter[str] = Counter()
        hits = 0
        for page in pages:
            index = chosen[page.id]
            if is_right(page, index):
                hits += 1
                continue
            name = bucket(page, index)
            buckets[name] += 1
            if "all" in show or name in show:
                picked = page.analysis.lines[index].text if index is not None else ""
                print(f"[{name}] {page.id}\n   title:  {page.title}\n   chosen: {picked[:150]}")
        print(f"salt {salt}: right {hits} of {len(pages)} ({hits / len(pages):.3f}); misses by bucket:")
        for name, n in buckets.most_common():
            print(f"  {name:15s} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
