"""classify_page without the repeated-group search where it cannot change the type: same types, and the time.

    python -m bench.htmlspeed4_study DATA_DIR [--reference REV] [--rounds N] [--limit N]

Every WCXB dev page (1,497) and ScrapingHub page (181), read as the pipeline reads it
(`drop_scripts_and_styles`, parse, `drop_permalinks`, `code_in_preformatted`,
`space_before_inline_gaps`, its JSON-LD), is classified by this checkout's `classify_page` and by
REV's (default main; its page_type.py loaded as a module), with the page's address and without:
the types must be equal. It counts the pages whose type was certain without the search. Then both
run over all pages in alternating rounds in this one process; the best CPU time of each gives the
ratio (the host is shared: absolute times are noise). Nothing is tuned: the pages only check.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.page_type_speed import parsed_pages, reference_module
from bot.digest.extract.html import page_type
from bot.digest.extract.html.prune import space_before_inline_gaps

log = logging.getLogger(__name__)
Page = tuple[str, Any, "str | None", list[Any]]


def certain_without_groups(tree: Any, url: str | None, json_ld: list[Any]) -> bool:
    """Whether classify_page decides the page without the repeated-group search."""
    partial = page_type._page_features(tree, url, json_ld, groups=False)
    highest = {"log_repeated": page_type._log(partial.most_children), "repeated_share": 1.0}
    return page_type.shipped_model().certain_type(partial.features, highest) is not None


def compare_types(reference: ModuleType, parsed: list[Page]) -> tuple[int, int, int]:
    """(classifications, those that differ, those certain without the search), with and without the address."""
    done = differ = certain = 0
    for page_id, tree, url, json_ld in parsed:
        for address in {url, None}:
            old, new = reference.classify_page(tree, address, json_ld), page_type.classify_page(tree, address, json_ld)
            done += 1
            certain += certain_without_groups(tree, address, json_ld)
            if old != new:
                differ += 1
                log.warning("%s (address %s): %s against the reference's %s", page_id, address, new, old)
    return done, differ, certain


def best_times(reference: ModuleType, parsed: list[Page], rounds: int) -> dict[str, float]:
    """The best CPU seconds of each code over all pages (with their address), in alternating rounds."""
    best = {"reference": float("inf"), "candidate": float("inf")}
    for round_ in range(rounds):
        order = [("reference", reference), ("candidate", page_type)]
        for name, module in order if round_ % 2 == 0 else order[::-1]:
            start = time.process_time()
            for _, tree, url, json_ld in parsed:
                module.classify_page(tree, url, json_ld)
            best[name] = min(best[name], time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--reference", default="main", help="git revision whose page_type.py is the reference")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    reference = reference_module(args.reference)
    parsed = parsed_pages(args.data_dir, args.limit)
    for _, tree, _, _ in parsed:
        space_before_inline_gaps(tree)  # as extract_html does before classifying
    done, differ, certain = compare_types(reference, parsed)
    print(f"{len(parsed)} pages, {done} classifications (with and without the address): {differ} differ from {args.reference}'s; "
          f"{certain} ({certain / max(done, 1):.1%}) certain without the repeated-group search")
    best = best_times(reference, parsed, args.rounds)
    print(
        f"classify_page over all pages, best of {args.rounds} alternating rounds (CPU s): reference {best['reference']:.3f}, "
        f"candidate {best['candidate']:.3f}, candidate/reference {best['candidate'] / best['reference']:.3f}"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
