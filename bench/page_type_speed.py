"""The page-type features of this checkout against another commit's: identical dicts, and the time.

    python -m bench.page_type_speed DATA_DIR [--reference REV] [--rounds N] [--limit N]

Every WCXB dev page (1,497) and ScrapingHub page (181) is read as the pipeline reads it
(`drop_scripts_and_styles`, parse, `drop_permalinks`, `code_in_preformatted`, its JSON-LD) and
its `page_features` computed by both codes, with its address and without: the dicts must be
equal, key for key and in order. Then both run over all pages in alternating rounds in this one
process; the best CPU time of each gives the ratio (the host is shared: absolute times are noise).
The reference is `bot/digest/extract/html/page_type.py` at REV (default main), loaded as a module.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.html_equivalence import pages
from bot.digest.extract.html import page_type
from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.prune import code_in_preformatted, drop_permalinks, drop_scripts_and_styles
from bot.digest.extract.html_extractor import _parse
from bot.digest.models import DigestError

log = logging.getLogger(__name__)
MODULE_PATH = "bot/digest/extract/html/page_type.py"


def reference_module(revision: str) -> ModuleType:
    source = subprocess.run(["git", "show", f"{revision}:{MODULE_PATH}"], capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "page_type_reference.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("page_type_reference", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def parsed_pages(data_dir: Path, limit: int | None) -> list[tuple[str, Any, str | None, list[Any]]]:
    found = []
    for page_id, url, html in pages(data_dir, limit):
        try:
            tree = _parse(drop_scripts_and_styles(html))
        except DigestError:
            continue
        drop_permalinks(tree)
        code_in_preformatted(tree)
        found.append((page_id, tree, url or None, list(json_ld_documents(tree))))
    return found


def differences(reference: ModuleType, parsed: list[tuple[str, Any, str | None, list[Any]]]) -> int:
    count = 0
    for page_id, tree, url, json_ld in parsed:
        for address in {url, None}:
            old, new = reference.page_features(tree, address, json_ld), page_type.page_features(tree, address, json_ld)
            if list(old.items()) != list(new.items()):
                count += 1
                log.warning("%s (address %s): %s", page_id, address, {k: (v, new.get(k)) for k, v in old.items() if new.get(k) != v})
    return count


def best_times(reference: ModuleType, parsed: list[tuple[str, Any, str | None, list[Any]]], rounds: int) -> dict[str, float]:
    best = {"reference": float("inf"), "candidate": float("inf")}
    for _ in range(rounds):
        for name, module in (("reference", reference), ("candidate", page_type)):
            start = time.process_time()
            for _, tree, url, json_ld in parsed:
                module.page_features(tree, url, json_ld)
            best[name] = min(best[name], time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--reference", default="main", help="git revision of the reference page_type.py (default: main)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    reference = reference_module(args.reference)
    parsed = parsed_pages(args.data_dir, args.limit)
    different = differences(reference, parsed)
    print(f"{len(parsed)} pages, with and without address: {different} feature dicts differ from {args.reference}'s")
    best = best_times(reference, parsed, args.rounds)
    print(
        f"page_features over all pages, best of {args.rounds} alternating rounds (CPU s): reference {best['reference']:.3f}, "
        f"candidate {best['candidate']:.3f}; candidate/reference {best['candidate'] / best['reference']:.3f}"
    )
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
