"""The link path on WCXB: each page read with its address (`extract --url`) against without, same run.

    python -m bench.linkpath_study DATA_DIR [--part tune] [--cache /tmp/linkpath]

When someone posts a link the bot knows the page's address; `bench.wcxb` by default writes
each page to a file and reads it with no address. This study reads the chosen part (tune by
default) both ways, and trafilatura's defaults both ways too, and prints:
- the usual bench.wcxb tables for ours without and with the address (trafilatura given the
  address, as bench.wcxb always gives it), and trafilatura without the address;
- the page type the product chooses with and without the address (the classifier in-process:
  the command line does not print it), and the pages whose type changes;
- every page whose title, author or date turns right or wrong, or whose F1 moves, with both answers.

The product's answers are cached as JSON lines in the cache folder (delete it after a product change).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from bench.report import format_table
from bench.wcxb import (
    OURS,
    OURS_WITH_ADDRESS,
    Output,
    Page,
    author_matches,
    date_matches,
    load_pages,
    run_baseline,
    run_ours,
    run_trafilatura,
    score_systems,
    title_matches,
    usable_address,
    word_f1,
)

F1_MOVE = 0.005  # a smaller change in a page's F1 is not listed


def cached(path: Path, compute) -> list[Output]:
    if path.exists():
        return [Output(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]
    outputs = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(asdict(o), ensure_ascii=False) + "\n" for o in outputs), encoding="utf-8")
    return outputs


def page_types(pages: list[Page], address: bool) -> list[str]:
    """The type the product's classifier gives each page, read as extract_html reads it."""
    from bot.digest.extract.html.page_type import classify_page
    from bot.digest.extract.html.prune import space_before_inline_gaps
    from bot.digest.extract.html_extractor import _parse, code_in_preformatted, drop_permalinks, json_ld_documents

    kinds = []
    for page in pages:
        tree = _parse(page.html)
        drop_permalinks(tree)
        code_in_preformatted(tree)
        space_before_inline_gaps(tree)
        url = page.url.strip() if address and usable_address(page.url) else None
        kinds.append(classify_page(tree, url, list(json_ld_documents(tree))))
    return kinds


def _moves(pages: list[Page], without: list[Output], with_url: list[Output]) -> list[str]:
    lines = []
    for page, old, new in zip(pages, without, with_url):
        for name, expected, match in (("title", page.title, title_matches), ("author", page.author, author_matches),
                                      ("date", page.date, date_matches)):
            before, after = getattr(old, name), getattr(new, name)
            if expected and match(expected, before) != match(expected, after):
                sign = "+" if match(expected, after) else "-"
                lines.append(f"{sign} {name} {page.id} {page.type} {page.url}\n    truth {expected!r}\n    without {before!r}\n    with    {after!r}")
        if page.truth.strip():
            delta = word_f1(page.truth, new.text) - word_f1(page.truth, old.text)
            if abs(delta) >= F1_MOVE:
                lines.append(f"{'+' if delta > 0 else '-'} F1 {delta:+.3f} {page.id} {page.type} {page.url}")
        if old.error != new.error:
            lines.append(f"  error {page.id}: {old.error!r} -> {new.error!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.linkpath_study", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--part", choices=("tune", "held-out", "all"), default="tune")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/linkpath"))
    args = parser.parse_args(argv)
    pages = load_pages(args.data_dir, args.part)
    folder = args.cache / args.part
    without = cached(folder / "ours.jsonl", lambda: run_ours(pages))
    with_url = cached(folder / "ours_url.jsonl", lambda: run_ours(pages, address=True))
    reference = cached(folder / "trafilatura_url.jsonl", lambda: [run_trafilatura(p) for p in pages])
    reference_bare = cached(folder / "trafilatura.jsonl", lambda: [run_trafilatura(p, address=False) for p in pages])
    baseline = cached(folder / "baseline.jsonl", lambda: [run_baseline(p) for p in pages])
    rows = score_systems(pages, f"wcxb {args.part}", without, reference, baseline, OURS)
    rows += score_systems(pages, f"wcxb {args.part}, with the page's address", with_url, reference, baseline, OURS_WITH_ADDRESS)
    rows += [r for r in score_systems(pages, f"wcxb {args.part}, trafilatura without the address", without, reference_bare, baseline, OURS)
             if r.system.startswith("trafilatura, default")]
    print(format_table(rows))
    kinds, kinds_url = page_types(pages, False), page_types(pages, True)
    changed = [(p, a, b) for p, a, b in zip(pages, kinds, kinds_url) if a != b]
    right = Counter((a == p.type, b == p.type) for p, a, b in changed)
    print(f"\npage type changed by the address on {len(changed)} of {len(pages)} pages "
          f"(right without -> with: {dict(right)})")
    for page, a, b in changed:
        print(f"  type {page.id} truth={page.type} without={a} with={b} {page.url}")
    print()
    for line in _moves(pages, without, with_url):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
