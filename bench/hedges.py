"""Sentence-level hedge detection (F1 of the uncertain class) on WikiWeasel and BioScope.

    python -m bench.hedges /work/shared/data

Splits (see `bench.train_hedges`): SHA-1 of the item id modulo 100, buckets
80-99 are the held-out test part; WikiWeasel items are sentences, BioScope
items are documents. Every number below is on a test part; all training and
tuning used the train parts only.

Systems:
- ours: cue patterns plus a logistic-regression scorer that alone decides
  (`HedgeMarker(scorer, trust_cues=False)`). WikiWeasel uses the shipped model
  (trained on the WikiWeasel train split). BioScope uses a biomedical scorer
  trained here, the same way, on the train split of the BioScope abstracts; the
  pipeline does not ship it. The full papers (9 documents, too few to split
  by document) are all held out: a cross-document test, as in CoNLL-2010.
- shipped news marker: `is_uncertain` as the digest runs it (every hedged cue
  counts), for reference.
- lexicon only: our cue patterns without a scorer (any hedged cue).
- any lexicon word: the sentence holds any entry of the hedge word list
  (`hedges/lexicon/hedge_words.txt`).
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path
from typing import Callable, Sequence

from bench.metrics import binary_f1
from bench.report import Row, format_table
from bench.train_hedges import (
    LabelledSentence,
    load_bioscope,
    load_lexicon_groups,
    load_wikiweasel,
    split,
    train_scorer,
)
from bot.digest.hedges.hedge_marker import HedgeMarker, is_uncertain
from bot.digest.hedges.scorer import load_scorer, words_of

log = logging.getLogger(__name__)

SPLIT_NOTE = "test = sha1(id)%100>=80"


def any_word_baseline(lexicon_file: Path) -> Callable[[str], bool]:
    """Uncertain when any entry of the word list occurs (as whole words)."""
    entries = []
    for line in lexicon_file.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(" " + " ".join(words_of(line)) + " ")

    def predict(sentence: str) -> bool:
        padded = " " + " ".join(words_of(sentence)) + " "
        return any(entry in padded for entry in entries)

    return predict


def _rows(
    task: str,
    test: Sequence[LabelledSentence],
    systems: list[tuple[str, Callable[[str], bool], str, str]],
    split_note: str = SPLIT_NOTE,
) -> list[Row]:
    gold = [item.uncertain for item in test]
    rows = []
    for system, predict, target, note in systems:
        started = time.perf_counter()
        scores = binary_f1(gold, [predict(item.text) for item in test])
        log.info("%s / %s: F1 %.4f in %.1fs", task, system, scores.f1, time.perf_counter() - started)
        detail = f"P {scores.precision:.3f} R {scores.recall:.3f}, n={scores.pages}, {split_note}"
        rows.append(Row(task, system, "F1", scores.f1, target, f"{detail}; {note}" if note else detail))
    return rows


def evaluate(data_dir: Path) -> list[Row]:
    hedges = Path(data_dir) / "hedges"
    groups = load_lexicon_groups(hedges / "lexicon")
    any_word = any_word_baseline(hedges / "lexicon" / "hedge_words.txt")
    lexicon_only = HedgeMarker(None)
    shipped = load_scorer()
    if shipped is None:
        raise RuntimeError("the shipped hedge model is missing; run python -m bench.train_hedges first")

    wiki_train, wiki_test = split(load_wikiweasel(hedges / "wikiweasel-train.csv.gz"))
    abstracts_train, abstracts_test = split(load_bioscope(hedges / "bioscope-abstracts.xml.gz"))
    # The full papers are 9 documents: too few to split by document, so all of them are held out.
    papers = load_bioscope(hedges / "bioscope-full-papers.xml.gz")
    bio_scorer = train_scorer(abstracts_train, "biomedical (BioScope abstracts train split)", groups)

    ours_wiki = HedgeMarker(shipped, trust_cues=False)
    ours_bio = HedgeMarker(bio_scorer, trust_cues=False)
    shipped_note = "the digest's is_uncertain: every hedged cue counts"
    baselines = [
        ("lexicon only", lexicon_only.uncertain, "", "our cue patterns, no scorer"),
        ("any lexicon word", any_word, "", "hedge_words.txt"),
    ]
    rows = _rows(
        "hedges: WikiWeasel (held-out test)",
        wiki_test,
        [
            (
                "ours",
                ours_wiki.uncertain,
                ">= 0.62",
                f"shipped model, trained on {len(wiki_train)} train sentences (5-fold CV F1 there {shipped.info.get('cv_f1')})",
            ),
            ("shipped news marker", is_uncertain, "", shipped_note),
            *baselines,
        ],
    )
    bio_note = (
        f"separate biomedical scorer, trained on the abstracts' train split ({bio_scorer.info['trained_on']}, "
        f"5-fold CV F1 there {bio_scorer.info['cv_f1']})"
    )
    rows += _rows(
        "hedges: BioScope abstracts (held-out test)",
        abstracts_test,
        [
            ("ours", ours_bio.uncertain, ">= 0.86", bio_note),
            ("shipped news marker", is_uncertain, "", shipped_note),
            *baselines,
        ],
    )
    rows += _rows(
        "hedges: BioScope full papers (all held out)",
        papers,
        [
            ("ours", ours_bio.uncertain, "", bio_note),
            ("shipped news marker", is_uncertain, "", shipped_note),
            *baselines,
        ],
        split_note="all 9 papers, none used in training",
    )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="hedge detection benchmark")
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(format_table(evaluate(args.data_dir)))


if __name__ == "__main__":
    main()
