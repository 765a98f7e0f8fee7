"""Short undeclared texts in legacy code pages: does the decoder give them back as written?

    python -m bench.shortcharset_study DATA_DIR [--priors 0,2,4] [--lengths 40,200]

The texts are real: from each WCXB tune page whose truth holds a non-ASCII character, the lines
from the first such line on, cut to a few lengths (a title, a short message). Each is encoded in
a legacy code page and given to the decoder (`bot.digest.fetch.charset_guess.choose_encoding`,
what `decode_body` and the file reader call for bytes that are not UTF-8 and declare nothing),
once per Windows-1252 prior. Only a text that Windows-1252 cannot hold tests another code page
(a text it can hold would decode the same either way). Counted: texts given back exactly.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

import bot.digest.fetch.charset_guess as charset_guess
from bench.splits import wcxb_part

ENCODINGS = ("cp1252", "latin-1", "cp1250", "iso8859-2", "cp1251", "koi8-r", "cp1253", "cp1254", "cp1257",
             "gbk", "big5", "shift_jis", "euc-jp", "euc-kr")
WESTERN = ("cp1252", "latin-1")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def tune_snippets(data_dir: Path) -> Iterator[str]:
    """From each WCXB tune page with a non-ASCII character in its truth: the truth from that character's line on."""
    with gzip.open(data_dir / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            page = json.loads(line)
            truth = page.get("truth") or ""
            if wcxb_part(page["id"]) != "tune" or not (found := _NON_ASCII.search(truth)):
                continue
            yield truth[truth.rfind("\n", 0, found.start()) + 1 :]


def _encoded(text: str, encoding: str) -> bytes | None:
    """`text` in `encoding` when the decoder would have to guess it (it holds it, and it is not UTF-8)."""
    if encoding not in WESTERN:
        try:
            text.encode("cp1252")
            return None  # Windows-1252 holds it: no test of this code page
        except UnicodeEncodeError:
            pass
    try:
        raw = text.encode(encoding)
        raw.decode("utf-8")
        return None
    except UnicodeEncodeError:
        return None
    except UnicodeDecodeError:
        return raw


def evaluate(snippets: Iterable[str], priors: list[float], lengths: list[int],
             encodings: Iterable[str] = ENCODINGS) -> Counter[tuple[str, int, float, bool]]:
    """Counts of (encoding, length, prior, given back exactly)."""
    counts: Counter[tuple[str, int, float, bool]] = Counter()
    saved = charset_guess.WESTERN_PRIOR
    try:
        for snippet in snippets:
            for length in lengths:
                text = snippet[:length]
                if not _NON_ASCII.search(text):
                    continue
                for encoding in encodings:
                    if (raw := _encoded(text, encoding)) is None:
                        continue
                    detected = [match.encoding for match in from_bytes(raw) if match.encoding]
                    for prior in priors:
                        charset_guess.WESTERN_PRIOR = prior
                        chosen = charset_guess.choose_encoding(raw, detected)
                        counts[(encoding, length, prior, raw.decode(chosen, errors="replace") == text)] += 1
    finally:
        charset_guess.WESTERN_PRIOR = saved
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--priors", default="0,2,4", help="Windows-1252 priors to compare (log units)")
    parser.add_argument("--lengths", default="40,200", help="characters kept of each text")
    args = parser.parse_args(argv)
    priors = [float(value) for value in args.priors.split(",")]
    lengths = [int(value) for value in args.lengths.split(",")]
    counts = evaluate(list(tune_snippets(args.data_dir)), priors, lengths)
    print("encoding   " + "  ".join(f"{length}ch prior {prior:g}" for length in lengths for prior in priors))
    for encoding in ENCODINGS:
        cells = []
        for length in lengths:
            for prior in priors:
                right, wrong = counts[(encoding, length, prior, True)], counts[(encoding, length, prior, False)]
                cells.append(f"{right}/{right + wrong}")
        print(f"{encoding:10} " + "  ".join(f"{cell:>{len(f'{lengths[0]}ch prior {priors[0]:g}')}}" for cell in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
