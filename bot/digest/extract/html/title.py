"""The page's title: every candidate the page offers, ranked by a small learned model.

Candidates come from the visible headings (`<h1>`s, the first `<h2>`), the `<title>`, Open
Graph's and Twitter's titles (whole, and cut at their separators: " | ", " - ", " – ", " :: "),
JSON-LD headlines and names, and the last breadcrumb. Candidates with the same words are one
candidate that remembers every source that offered it, so agreement between sources is a
feature; so are "this is the site's name", "the <title> starts with it" and its length. A
logistic model (bench/train_title.py, fitted on WCXB's tune part) scores each candidate; the
best one is the title.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np

from bot.digest.linear_model import LinearModel, load_linear_model
from bot.digest.model_files import package_model_path

MODEL_NAME = "title_model.json"
MODEL_KIND = "html-title-ranker"
MODEL_FORMAT = 1
TRAINER = "python -m bench.train_title ../shared/data"
MAX_TITLE_WORDS = 40

# Where a candidate came from. "head": the first parts of a cut title (the site's name cut off
# its end); "tail": its last parts (a leading site name cut off); "part": any one other part.
SOURCES = (
    "h1_first",
    "h1_other",
    "h2_first",
    "title",
    "title_head",
    "title_tail",
    "title_part",
    "og",
    "og_head",
    "og_tail",
    "og_part",
    "ld_content",
    "ld_page",
    "ld_other",
    "crumb",
    "rule",
)
FEATURES = (
    *(f"from_{source}" for source in SOURCES),
    "source_families",
    "log_words",
    "long",
    "is_site_name",
    "holds_site_name",
    "starts_title",
    "best_overlap",
    "headline_agrees",
    "inside_other",
    "has_separator",
    "only_h1",
    "ends_heading",
    "title_first_page",
    "title_first_h1",
    "title_first_head",
    "slug_recall",
    "slug_precision",
    "home_page",
    "home_whole_title",
    "rest_is_site",
    "rest_is_other",
)
# Open Graph's title is most often a copy of the <title>: both are the page's head.
_FAMILIES = {source: {"h1": "heading", "h2": "heading", "title": "head", "og": "head"}.get(source.split("_")[0], source.split("_")[0]) for source in SOURCES}
_SEPARATOR = re.compile(r"(\s+[\-–—~:/]\s+|\s*[|·•»]\s*|\s+::\s+)")
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
_NOT_ALNUM = re.compile(r"[\W_]+")
# A page's generic label, never what it is called: passed over while any other candidate is left.
GENERIC_LABELS = frozenset({"home", "homepage", "index", "welcome", "untitled", "untitleddocument", "main", "mainpage"})
_WORD = re.compile(r"\w+")
# Words and short numbers of the path's last step, a file extension cut off ("best-travel-insurance-2025.html");
# a long id yields its last four digits as a number too, which a title rarely holds (fixing it needs a retrain).
_SLUG_WORDS = re.compile(r"[a-z]+|\d{1,4}(?!\d)")


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


@dataclass
class Candidate:
    text: str
    sources: set[str] = field(default_factory=set)


def _parts(title: str) -> list[tuple[str, str]]:
    """The title cut at its separators: (source suffix, text) for heads, tails and single parts."""
    pieces = _SEPARATOR.split(title)
    segments, separators = pieces[0::2], pieces[1::2]
    if len(segments) < 2:
        return []
    found = []
    for cut in range(1, len(segments)):
        head = segments[0] + "".join(sep + seg for sep, seg in zip(separators[: cut - 1], segments[1:cut]))
        tail = segments[cut] + "".join(sep + seg for sep, seg in zip(separators[cut:], segments[cut + 1 :]))
        found += [("head", head), ("tail", tail), ("part", segments[cut])]
    return found


def collect_candidates(
    headings: list[str],
    subheading: str,
    html_title: str,
    og_title: str,
    json_ld: list[tuple[str, str]],
    crumb: str,
    rule_title: str,
) -> list[Candidate]:
    """Every candidate title, one per distinct wording, with the sources that offered it."""
    offered: list[tuple[str, str]] = []
    offered += [("h1_first" if index == 0 else "h1_other", heading) for index, heading in enumerate(headings)]
    offered.append(("h2_first", subheading))
    for name, title in (("title", html_title), ("og", og_title)):
        offered.append((name, title))
        offered += [(f"{name}_{kind}", part) for kind, part in _parts(title)]
        # A trailing aside is a head too: "Best Books Ever (77141 books)", "... 5.25 oz (149 g) (Discontinued Item)".
        without_aside = _TRAILING_ASIDE.sub("", title)
        if without_aside != title:
            offered.append((f"{name}_head", without_aside))
    offered += json_ld
    offered.append(("crumb", crumb))
    offered.append(("rule", rule_title))
    candidates: dict[str, Candidate] = {}
    for source, text in offered:
        text = text.strip()
        key = _key(text)
        if not key:
            continue
        candidate = candidates.setdefault(key, Candidate(text))
        candidate.sources.add(source)
    return list(candidates.values())


def _is_site_name(key: str, site_keys: list[str]) -> bool:
    return len(key) >= 3 and any(len(site) >= 3 and (key in site or (site in key and 2 * len(site) >= len(key))) for site in site_keys)


def slug_words(url: str) -> tuple[set[str], bool]:
    """The words of the address's last path step (a page's address often spells its title),
    and whether the address is the site's home page (no path)."""
    path = urlsplit(url).path if url else ""
    steps = [step for step in path.split("/") if step]
    if not steps:
        return set(), bool(url)
    last = unquote(re.sub(r"\.[a-z]{2,5}$", "", steps[-1].lower()))
    return set(_SLUG_WORDS.findall(last)), False


def _rest_of(key: str, whole: str) -> str | None:
    """What is left of `whole` once `key` is cut off its start or end; None when it is neither."""
    if key == whole or not key:
        return None
    if whole.startswith(key):
        return whole[len(key) :]
    if whole.endswith(key):
        return whole[: -len(key)]
    return None


def candidate_features(
    candidates: list[Candidate], html_title: str, site_names: list[str], headline_first: bool = True, url: str = ""
) -> np.ndarray:
    """One row of FEATURES per candidate. `headline_first` False: the page type's profile
    (bot/digest/extract/html/profiles.py) says its <title> names it better than its <h1>.
    `url`: the page's address (or its canonical link), whose path often spells the title."""
    site_keys = [_key(name) for name in site_names if len(_key(name)) >= 3]
    slug, home = slug_words(url)
    title_key = _key(html_title)
    keys = [_key(candidate.text) for candidate in candidates]
    words = [set(_WORD.findall(candidate.text.casefold())) for candidate in candidates]
    families = [{_FAMILIES[source] for source in candidate.sources} - {"rule"} for candidate in candidates]
    h1_count = sum(1 for candidate in candidates if candidate.sources & {"h1_first", "h1_other"})
    rows = []
    for index, (candidate, key) in enumerate(zip(candidates, keys)):
        # How closely another source's candidate says the same (word Jaccard): agreement short of equality.
        overlap = max(
            (len(words[index] & words[other]) / len(words[index] | words[other]) for other in range(len(candidates)) if other != index and families[other] - families[index]),
            default=0.0,
        )
        shared = [len({w for w in words[index] if len(w) > 3} & words[other]) for other in range(len(candidates)) if "head" in families[other] or "ld" in families[other]]
        long_words = len({w for w in words[index] if len(w) > 3})
        row = [1.0 if source in candidate.sources else 0.0 for source in SOURCES]
        row += [
            len(families[index]),
            math.log1p(len(words[index])),
            1.0 if len(candidate.text.split()) > MAX_TITLE_WORDS else 0.0,
            1.0 if _is_site_name(key, site_keys) else 0.0,
            1.0 if any(site in key and site != key for site in site_keys) else 0.0,
            1.0 if title_key.startswith(key) else 0.0,
            overlap,
            # The visible headline shares words with the page's head or JSON-LD titles (a logo or "Search" does not).
            1.0 if "h1_first" in candidate.sources and long_words and max(shared, default=0) >= min(2, long_words) else 0.0,
            1.0 if any(key in other and key != other for other in keys) else 0.0,
            1.0 if _SEPARATOR.search(candidate.text) else 0.0,
            1.0 if h1_count == 1 and candidate.sources & {"h1_first"} else 0.0,
        ]
        # A forum's or a shop's <h1> often leads with a label ("Thread:", "News", a brand) the title has not.
        row.append(1.0 if any(other.endswith(key) and other != key for other, c in zip(keys, candidates) if c.sources & {"h1_first", "h1_other"}) else 0.0)
        title_first = 0.0 if headline_first else 1.0
        row += [title_first, title_first * row[SOURCES.index("h1_first")], title_first * max(row[SOURCES.index("title_head")], row[SOURCES.index("og_head")])]
        found = {w for w in words[index] if not w.isdigit() or len(w) <= 4}
        row += [len(slug & found) / len(slug) if slug else 0.0, len(slug & found) / len(found) if slug and found else 0.0]
        # A home page's <title> is the site's name and its motto, which is what the page is called.
        row += [1.0 if home else 0.0, 1.0 if home and row[SOURCES.index("title")] else 0.0]
        # Cut off the <title>: what was cut is the site's name (the usual case) or a subtitle.
        rest = _rest_of(key, title_key)
        row += [1.0 if rest is not None and _is_site_name(rest, site_keys) else 0.0, 1.0 if rest is not None and not _is_site_name(rest, site_keys) else 0.0]
        rows.append(row)
    return np.asarray(rows, dtype=float).reshape(len(rows), len(FEATURES))


class TitleModel(LinearModel):
    """The title ranker: a candidate's score is `scores` of its feature row."""


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> TitleModel:
    """The shipped ranker (or the one at `path`); raises ModelFileError when it does not fit the code."""
    return load_linear_model(TitleModel, path or package_model_path(__package__, MODEL_NAME), MODEL_KIND, MODEL_FORMAT, FEATURES, TRAINER)


def best_title(
    candidates: list[Candidate], html_title: str, site_names: list[str], headline_first: bool = True, url: str = "",
    model: TitleModel | None = None, not_site_name: bool = False,
) -> str:
    """The candidate the ranker scores highest; "" when the page offers none.

    With `not_site_name` (an article page) a candidate that is just the site's name is passed over
    while there is another: a reader of "Garden Weekly | How to plant garlic" wants the headline.
    On the WCXB tune pages labelled article this changes no title (measured with the shipped ranker);
    on other page types the site's name is sometimes the right title, so it stays a candidate there."""
    if not candidates:
        return ""
    scores = (model or load_model()).scores(candidate_features(candidates, html_title, site_names, headline_first, url))
    generic = np.array([_key(candidate.text) in GENERIC_LABELS for candidate in candidates])
    if generic.any() and not generic.all():  # "Home" names no page a reader could tell apart
        scores = np.where(generic, -np.inf, scores)
    if not_site_name:
        site_keys = [_key(name) for name in site_names if len(_key(name)) >= 3]
        is_site = np.array([_is_site_name(_key(candidate.text), site_keys) for candidate in candidates])
        if not is_site.all():
            scores = np.where(is_site, -np.inf, scores)
    return candidates[int(np.argmax(scores))].text
