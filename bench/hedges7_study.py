"""Hedged claims a reader would reject, by kind and page type, on the WCXB tune pages (sixteenth session, hedges7).

The fronts list at most five hedged claims after the summary (`front_rules.hedges_to_list`). sweep7 found site
notices and marketing copy among them on non-article pages. This study reads the product's JSON answers of the sweep
(`python -m bench.sweep /work/shared/data --per-type 5000 --pastes 0`, one JSON line per item, WCXB tune then
ScrapingHub) and

- `count`: documents whose listed claims hold each kind: the sweep's `hedge.chrome` check (`SUMMARY_CHROME`,
  `STORE_BANNER`), a site notice as the summary passes it over (`pipeline.is_site_notice`), and the hedged claims whose
  only cues are quantity or ranking words ("many", "most", "one", ...), per page type; with `--variant site-notice`
  the listing is recomputed with the site notices left out of `hedges` (the shipped change);
- `read`: a hash-picked sample of listed claims on each page type, for reading by hand;
- `folds`: documents with a rejected kind per fold of sites, main's answers against `--after`'s (or marked again);
- `corpora` and `evidence` (no answers needed): the WikiWeasel and BioScope train sentences each rule would leave out,
  and the train labels of the constructions in question (the scorer's own evidence).

Tune pages only (sha1(id) % 100 < 70, as `bench.sweep` picks them); nothing held out is read here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from bench.sweep import STORE_BANNER, SUMMARY_CHROME, Item, digest_from_json, scrapinghub_items, wcxb_items
from bot.digest.hedges.identifiers import concessive_whether_spans
from bot.digest.models import Digest, MarkedSentence

# Cues that count or rank: in shop and service copy they are most often a claim of the site's own ("our most popular",
# "one of the best", "many colours"), in Wikipedia's weasel wording the unsourced "many believe".
QUANTITY_CUES = frozenset({"many", "most", "one", "some", "several", "often", "widely", "various", "numerous", "few",
                           "mostly", "usually", "generally", "largely", "typically", "commonly"})
Variant = Callable[[MarkedSentence], bool]  # True: the claim stays out of `hedges`


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def page_type(item: Item) -> str:
    return item.set.removeprefix("wcxb-")


def load(data: Path, results: Path) -> list[tuple[Item, dict[str, Any]]]:
    """The sweep's items beside their answers, WCXB tune only (ScrapingHub follows them in the sweep's order)."""
    items = wcxb_items(data, 5000, "tune") + scrapinghub_items(data)
    answers = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    if len(answers) < len(items):
        raise SystemExit(f"{results}: {len(answers)} answers for {len(items)} items (not the sweep's sample?)")
    return [(item, answer) for item, answer in zip(items, answers) if item.set.startswith("wcxb-")]


def marked_again(result: dict[str, Any]) -> list[MarkedSentence]:
    """The answer's hedged claims as this checkout's code marks and lists them (`pipeline.digest_article`'s steps
    after the summary), from the answer's `text`: the marks change, the summary's choice does not."""
    from bot.digest.hedges.hedge_marker import mark_sentence, text_register
    from bot.digest.pipeline import is_listable_claim
    from bot.digest.segment.sentence_splitter import split_sentences

    code = result.get("language") or "en"
    sentences = [s for s in split_sentences(result.get("text") or "", code) if not s.is_heading]
    scientific = text_register([s.text for s in sentences], code)
    hedges = []
    for sentence in sentences:
        hedge, soft = mark_sentence(sentence.text, code, scientific)
        if hedge is not None and is_listable_claim(sentence.text):
            hedges.append(MarkedSentence(sentence.text, sentence.index, hedge, soft))
    return hedges


def listed(result: dict[str, Any], leave_out: Variant | None = None, again: bool = False) -> list[MarkedSentence]:
    """The hedged claims the fronts show after the summary, with `leave_out`'s claims dropped from `hedges` first
    (`again`: the claims marked again by this checkout's code, `marked_again`)."""
    from bot.digest.front_rules import hedges_to_list
    from bot.settings import DigestSettings

    if result.get("error"):
        return []
    digest: Digest = digest_from_json(result)
    if again:
        digest = replace(digest, hedges=marked_again(result))
    if leave_out is not None:
        digest = replace(digest, hedges=[h for h in digest.hedges if not leave_out(h)])
    return hedges_to_list(digest, DigestSettings()).shown


def kinds_of(claim: MarkedSentence) -> list[str]:
    """The kinds of fault a claim shows, as this study counts them."""
    from bot.digest.pipeline import is_site_notice

    found = []
    if SUMMARY_CHROME.search(claim.text) or STORE_BANNER.search(claim.text):
        found.append("sweep hedge.chrome")
    if is_site_notice(claim.text):
        found.append("site notice (is_site_notice)")
    if claim.hedge is not None and claim.hedge.kind == "hedged":
        cues = {c.lower() for c in claim.hedge.cues}
        if cues and cues <= QUANTITY_CUES:
            found.append("hedged by quantity cues only")
        if cues == {"whether"} and concessive_whether_spans(claim.text):
            found.append("hedged by a concessive whether only")
    return found


def site_notice(claim: MarkedSentence) -> bool:
    from bot.digest.pipeline import is_site_notice

    return is_site_notice(claim.text)


def notice_or_menu(claim: MarkedSentence) -> bool:
    from bot.digest.summarize.unfit import is_menu_run

    return site_notice(claim) or is_menu_run(claim.text)


def notice_or_page_furniture(claim: MarkedSentence) -> bool:
    """Every rule of the summary's that judges a sentence by its text alone: a notice, a menu, a price row, a
    government banner, code."""
    from bot.digest.summarize.unfit import is_code, is_gov_banner, is_price_row

    return notice_or_menu(claim) or is_price_row(claim.text) or is_gov_banner(claim.text) or is_code(claim.text)


def shipped(claim: MarkedSentence) -> bool:
    """What the pipeline leaves out of `hedges` (`pipeline.is_listable_claim`)."""
    from bot.digest.pipeline import is_listable_claim

    return not is_listable_claim(claim.text)


VARIANTS: dict[str, Variant | None] = {"none": None, "site-notice": site_notice, "notice-or-menu": notice_or_menu,
                                       "notice-or-furniture": notice_or_page_furniture, "shipped": shipped}


def corpora(data: Path) -> None:
    """The labelled train sentences (WikiWeasel, BioScope abstracts) each variant would leave out of `hedges`: the
    uncertain ones among them are hedges the product would lose."""
    from bench.train_hedges import load_training_corpora

    for name, items in load_training_corpora(data).items():
        for variant, leave_out in VARIANTS.items():
            if leave_out is None:
                continue
            out = [i for i in items if leave_out(MarkedSentence(i.text, 0))]
            print(f"{name} train ({len(items)}), {variant}: {len(out)} left out, {sum(i.uncertain for i in out)} of them uncertain")


def count(pairs: list[tuple[Item, dict[str, Any]]], leave_out: Variant | None, again: bool = False) -> dict[str, Counter[str]]:
    """Documents with each kind among their listed claims, per page type (and "claims listed" for scale)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for item, result in pairs:
        claims = listed(result, leave_out, again)
        table["claims listed"][page_type(item)] += len(claims)
        for kind in sorted({k for claim in claims for k in kinds_of(claim)}):
            table[kind][page_type(item)] += 1
    return table


REJECTED = ("sweep hedge.chrome", "site notice (is_site_notice)", "hedged by a concessive whether only")


def by_fold(pairs: list[tuple[Item, dict[str, Any]]], after: list[dict[str, Any]] | None = None, folds: int = 5) -> None:
    """Documents with a rejected kind (`REJECTED`) among their listed claims, the answers' own marks -> `after`'s
    answers (the product's, same items) or, without them, marked again by this checkout, per fold of sites
    (`hash_bucket(site, folds, "hedges7")`), and documents whose listing changed."""
    from bench.fitting import hash_bucket

    before: Counter[int] = Counter()
    rejected_after: Counter[int] = Counter()
    changed: Counter[int] = Counter()
    sites: dict[int, set[str]] = defaultdict(set)
    for n, (item, result) in enumerate(pairs):
        site = urlsplit(item.url).netloc.lower().removeprefix("www.") or item.id
        fold = hash_bucket(site, folds, "hedges7")
        sites[fold].add(site)
        old, new = listed(result), (listed(after[n]) if after is not None else listed(result, again=True))
        before[fold] += any(k in REJECTED for c in old for k in kinds_of(c))
        rejected_after[fold] += any(k in REJECTED for c in new for k in kinds_of(c))
        changed[fold] += [(c.index, c.hedge) for c in old] != [(c.index, c.hedge) for c in new]
    print("| fold of sites | sites | documents with a rejected kind, before -> after | listings changed |")
    print("|---|---|---|---|")
    for fold in range(folds):
        print(f"| {fold} | {len(sites[fold])} | {before[fold]} -> {rejected_after[fold]} | {changed[fold]} |")


def print_table(table: dict[str, Counter[str]]) -> None:
    types = ["article", "forum", "product", "listing", "collection", "service", "documentation"]
    print("| kind | " + " | ".join(types) + " | all |")
    print("|---" * (len(types) + 2) + "|")
    for kind, row in table.items():
        print(f"| {kind} | " + " | ".join(str(row[t]) for t in types) + f" | {sum(row.values())} |")


def read(pairs: list[tuple[Item, dict[str, Any]]], per_type: int) -> None:
    """`per_type` documents of each type that list a claim, in the order of sha1("hedges7:" + id), their claims printed."""
    by_type: dict[str, list[tuple[Item, dict[str, Any]]]] = defaultdict(list)
    for item, result in pairs:
        if listed(result):
            by_type[page_type(item)].append((item, result))
    for kind, rows in sorted(by_type.items()):
        for item, result in sorted(rows, key=lambda row: _hash("hedges7:" + row[0].id))[:per_type]:
            print(f"== {kind} {item.id} {item.url}")
            for claim in listed(result):
                mark = f"{claim.hedge.kind}: {', '.join(claim.hedge.cues)}" if claim.hedge else ""
                print(f"  [{mark}] {claim.text[:240]}  {kinds_of(claim) or ''}")


# The constructions whose labels in the train parts say whether the scorer's annotators call them uncertain.
CONSTRUCTIONS = {
    "whether anywhere": r"\bwhether\b",
    "opening Some": r"^\W*some\b",
    "opening Many": r"^\W*many\b",
    "opening Most": r"^\W*most\b",
    "one of the most/best/...est": r"\bone of the (?:most|best|largest|first|\w+est)\b",
    "most popular": r"\bmost popular\b",
    "one of our, our most/many, we offer many": r"\b(?:one of (?:our|my)|(?:our|we offer|we have) (?:\w+ )?(?:most|many|some))\b",
}
QUANTITY_WORDS = ("some", "many", "most", "several", "one of the")


def evidence(data: Path) -> None:
    """Train sentences with each construction and how many are labelled uncertain; then, among the sentences with no
    hedged cue pattern (the quantity words are no patterns: the scorer weighs them as words), each quantity word
    opening the sentence and elsewhere."""
    import re

    from bench.train_hedges import load_training_corpora
    from bot.digest.hedges.cue_lexicon import find_cues

    for name, items in load_training_corpora(data).items():
        print(f"{name} train: {len(items)} sentences, {sum(i.uncertain for i in items)} uncertain")
        concessive = [i for i in items if concessive_whether_spans(i.text)]
        print(f"  concessive whether (the shipped rule): {len(concessive)}, {sum(i.uncertain for i in concessive)} uncertain")
        for label, pattern in CONSTRUCTIONS.items():
            hits = [i for i in items if re.search(pattern, i.text, re.IGNORECASE)]
            print(f"  {label}: {len(hits)}, {sum(i.uncertain for i in hits)} uncertain")
        plain = [i for i in items if not any(c.kind == "hedged" for c in find_cues(i.text))]
        print(f"  no hedged cue pattern: {len(plain)}, {sum(i.uncertain for i in plain)} uncertain")
        for word in QUANTITY_WORDS:
            with_word = [i for i in plain if re.search(rf"\b{word}\b", i.text, re.IGNORECASE)]
            opening = [i for i in with_word if re.match(rf"\W*{word}\b", i.text, re.IGNORECASE)]
            elsewhere = [i for i in with_word if i not in opening]
            print(f"    {word}: opening {sum(i.uncertain for i in opening)}/{len(opening)} uncertain, "
                  f"elsewhere {sum(i.uncertain for i in elsewhere)}/{len(elsewhere)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("count", "read", "corpora", "folds", "evidence"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--results", type=Path, default=None, help="the sweep's answers (a JSON line per item)")
    parser.add_argument("--variant", choices=sorted(VARIANTS), default="none", help="claims left out of `hedges` (count)")
    parser.add_argument("--after", type=Path, default=None, help="answers to compare with --results (folds)")
    parser.add_argument("--again", action="store_true", help="mark the claims again with this checkout's code (count)")
    parser.add_argument("--per-type", type=int, default=20, help="documents read per type (read)")
    args = parser.parse_args(argv)
    if args.command in ("corpora", "evidence"):
        (corpora if args.command == "corpora" else evidence)(args.data)
        return
    if args.results is None:
        parser.error("count and read need --results")
    pairs = load(args.data, args.results)
    if args.command == "folds":
        by_fold(pairs, [r for _, r in load(args.data, args.after)] if args.after else None)
    elif args.command == "count":
        print_table(count(pairs, VARIANTS[args.variant], args.again))
    else:
        read(pairs, args.per_type)


if __name__ == "__main__":
    main()
