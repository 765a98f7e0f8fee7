"""Checks of the fourteenth session's HTML speed-ups (htmlspeed6) on every page, beside bench.html_equivalence.

    python -m bench.htmlspeed6_study DATA_DIR --reference-page-type PATH [--limit N]

Over every WCXB dev page (with its address and without) and every ScrapingHub page, each parsed as the
extractor parses it, before and after `prune.drop_scripts_and_styles`:

1. `html_extractor.most_nodes(html)` bounds the element count `_NODES` of the parsed page (the count is
   skipped where the bound is under the limit); prints the largest ratio and how many bounds exceed the
   default limit (those pages are counted as before).
2. `page_type.scan_page(..., space_gaps=True)` on a fresh tree against the reference checkout's
   `page_type.py` (PATH, e.g. `git show main:bot/digest/extract/html/page_type.py > /tmp/pt.py`) after
   `space_before_inline_gaps`: the same type, the same features (`page_features`, with and without the
   parsed JSON-LD), the same tree after the walk, and the FAQPage marks and `<p>` list the article step
   would otherwise read from the tree.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from pathlib import Path
from types import ModuleType

from lxml import etree

from bench.html_equivalence import pages
from bot.digest.extract import html_extractor
from bot.digest.extract.html import article, page_type
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks, drop_scripts_and_styles, space_before_inline_gaps
from bot.digest.models import DigestError

log = logging.getLogger(__name__)


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_page_type", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _prepared(html: str) -> etree._Element:
    tree = html_extractor._parse(html)
    drop_permalinks(tree)
    code_in_preformatted(tree)
    return tree


def check(data_dir: Path, reference: ModuleType, limit: int | None = None) -> dict[str, float]:
    worst, over, trees, differ = 0.0, 0, 0, 0
    for number, (page_id, url, raw) in enumerate(pages(data_dir, limit), 1):
        for html in (raw, drop_scripts_and_styles(raw)):
            try:
                tree = html_extractor._parse(html)
            except DigestError:
                continue
            trees += 1
            nodes, bound = html_extractor._NODES(tree), html_extractor.most_nodes(html)
            if nodes > bound:
                raise SystemExit(f"{page_id}: {nodes} nodes over the bound {bound}")
            worst = max(worst, nodes / bound)
            over += bound > html_extractor.MAX_ELEMENTS
        html = drop_scripts_and_styles(raw)
        try:
            walked, passed = _prepared(html), _prepared(html)
        except DigestError:
            continue
        space_before_inline_gaps(passed)
        json_ld = list(json_ld_documents(passed))
        for address in {url or None, None}:
            scan = page_type.scan_page(walked, address, json_ld, space_gaps=True)
            same = (
                etree.tostring(walked) == etree.tostring(passed)
                and scan.page_type == reference.classify_page(passed, address, json_ld)
                and page_type.page_features(passed, address, json_ld) == reference.page_features(passed, address, json_ld)
                and page_type.page_features(passed, address) == reference.page_features(passed, address)
                and (scan.faq_script or article.itemtypes_declare_faq(scan.itemtypes)) == article.declares_faq(passed)
                and [id(p) for p in scan.paragraphs] == [id(p) for p in walked.iter("p")]
            )
            if not same:
                differ += 1
                log.warning("%s (%s): differs", page_id, address)
        if number % 200 == 0:
            log.info("%d pages", number)
    return {"trees": trees, "largest nodes/bound": round(worst, 3), "bounds over the limit": over, "scans that differ": differ}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--reference-page-type", type=Path, required=True, help="the reference checkout's page_type.py")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    for name, value in check(args.data_dir, _load(args.reference_page_type), args.limit).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
