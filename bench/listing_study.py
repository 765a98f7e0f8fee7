"""A study of listing and collection pages on WCXB's tune part (issue 9; ninth session).

    python -m bench.listing_study DATA_DIR [--cache PATH]

Every tune page with a truth (sha1(id) % 100 < 70, bench/splits.py) is read once through the
product's own `extract_html` (bench.choice_study.tune_pages_recorded), with `prefer_region`
wrapped to record trafilatura's answer, the region and the page type. Pages taken for listings
or collections then get the card candidate (bot/digest/extract/html/listing.py) built from
their HTML, and every rule is scored on all tune pages by true type and per fold sha1(id) % 5.
"""

from __future__ import annotations

import argparse
import logging
import pickle
from pathlib import Path
from typing import Any

import bot.digest.extract.html_extractor as html_extractor
from bench.choice_study import tune_pages_recorded
from bot.digest.extract.html import choice

log = logging.getLogger(__name__)
DEFAULT_CACHE = Path("/tmp/listing_study/cache.pkl")


def build_cache(data_dir: Path) -> list[dict[str, Any]]:
    """Each tune page's choice inputs (where a choice is made) and the product's answer."""
    record: dict[str, Any] = {}
    shipped = choice.prefer_region

    def recording(page_type, profile, text, region, tree):  # noqa: ANN001, ANN202 (prefer_region's own signature)
        record.update(page_type=page_type, text=text, region=region)
        return shipped(page_type, profile, text, region, tree)

    html_extractor.prefer_region = recording
    try:
        return tune_pages_recorded(data_dir, record)
    finally:
        html_extractor.prefer_region = shipped


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    if not args.cache.exists():
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(build_cache(args.data_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# --- scoring (appended; main() below is redefined) ---
import gzip as _gzip  # noqa: E402
import json as _json  # noqa: E402
from collections import defaultdict as _dd  # noqa: E402

import numpy as np  # noqa: E402

from bench.fitting import hash_bucket  # noqa: E402
from bench.wcxb import DATA_FILE, TYPES, word_f1  # noqa: E402
from bot.digest.extract.html.profiles import PROFILES, PageProfile  # noqa: E402
from bot.digest.extract.html.prune import code_in_preformatted, drop_inline_svg, drop_permalinks, drop_scripts_and_styles  # noqa: E402
from bot.digest.extract.html.region import Line, drop_repeated_lines, region_lines  # noqa: E402
from bot.digest.extract.html import listing  # noqa: E402
from bot.settings import DigestSettings  # noqa: E402

CARD_TYPES = ("listing", "collection")


def load_trees(data_dir: Path, ids: set[str]) -> dict[str, Any]:
    """The named pages' trees as extract_html has them when it reads the region."""
    settings = DigestSettings()
    trees = {}
    with _gzip.open(data_dir / DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = _json.loads(line)
            if str(item["id"]) not in ids:
                continue
            html = drop_scripts_and_styles(item["html"])
            if len(html) > settings.max_input_chars:
                html = drop_inline_svg(html)
            tree = html_extractor._parse(html)
            drop_permalinks(tree)
            code_in_preformatted(tree)
            trees[str(item["id"])] = tree
    return trees


def filtered(lines: list[Line], profile: PageProfile) -> str:
    """region.region_text's filters over `lines`."""
    return "\n\n".join(
        line.text for line in lines
        if line.words >= profile.min_line_words and not (line.words <= profile.link_line_words and line.link_share > profile.link_line_share)
    )


def answer(page: dict[str, Any], region: str, profile: PageProfile, settings: Any) -> str:
    """extract_html's choice with `region` as the region (repeats read once as the profile says)."""
    text = page["text"]
    if profile.repeat_min_words is not None:
        region = drop_repeated_lines(region, profile.repeat_min_words)
    if html_extractor._holds_a_sentence(region, settings) and choice.prefer_region(page["page_type"], profile, text, region, None):
        return region
    return text


def score(pages: list[dict[str, Any]], f1: dict[str, float]) -> str:
    scores: dict[str, list[float]] = _dd(list)
    for page in pages:
        value = f1.get(page["id"], page["f1_final"])
        for key in ("all", page["type"], f"fold{hash_bucket(page['id'], 5)}"):
            scores[key].append(value)
    return " ".join(f"{np.mean(scores[k]):.4f}" for k in ("all",) + TYPES) + " | " + " ".join(f"{np.mean(scores[f'fold{i}']):.4f}" for i in range(5))
