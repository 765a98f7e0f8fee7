"""The cue a reader sees beside a hedged claim, and news sources as attribution (eighteenth session, hedgecue10).

When the scorer, not a cue pattern, decides that a sentence is hedged, the digest showed the scorer's
top-weighted word as the cue: "One of the best ways to ..." hedged with cue "One", "The Post reported that ..."
hedged with cue "Post". This study counts the hedged claims of the digest by the cue shown, on the WCXB tune pages
(sha1(id) % 100 < 70), the tune pastes (same rule) and the seed article, and reads a sample:

- `texts`: extract every item once in process (`pipeline.extract_article`, the product's extraction) and cache the
  text and language as JSON lines (the marks are then computed from the text, as `pipeline.digest_article` does);
- `count`: mark the cached texts with a checkout's code (`--bot ROOT`: another checkout's `bot` package, e.g. main's
  exported by `git archive`) and count the claims of `hedges` (hedged kind) by the cue shown, the scorer-decided ones
  (no hedged cue pattern in the sentence) apart, and the attributed claims that name a source;
- `read`: a hash-picked sample of scorer-decided hedged claims with their shown cues.

Nothing held out is read: the WCXB items are chosen by `bench.splits.wcxb_part` before their text is looked at.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from bench.splits import wcxb_part

SEED_DIR = Path("/work/shared/seeds")  # the sample article the project started from (outside the data folder)


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def tune_items(data: Path, seeds: Path | None = SEED_DIR) -> Iterator[dict[str, Any]]:
    """(set, id, kind, raw text) of the WCXB tune pages, the tune pastes and the seed articles."""
    with gzip.open(data / "wcxb-dev" / "wcxb-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if wcxb_part(str(page["id"])) == "tune":
                yield {"set": "wcxb-" + page["type"], "id": str(page["id"]), "raw": page["html"], "url": page.get("url") or ""}
    with gzip.open(data / "pastes" / "wcxb-dev-articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            paste = json.loads(line)
            if not paste.get("error") and wcxb_part(str(paste["id"])) == "tune":
                yield {"set": "paste", "id": str(paste["id"]), "raw": paste["paste"], "url": paste.get("url") or ""}
    if seeds is not None and seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            yield {"set": "seed", "id": path.stem, "raw": path.read_text(encoding="utf-8"), "url": ""}


def extract_texts(data: Path, out: Path) -> int:
    """Cache each item's extracted text and language (the product's extraction, in process)."""
    from bot.digest.models import DigestError
    from bot.digest.language.language_detector import detect_language
    from bot.digest.pipeline import extract_article
    from bot.digest.sources import document_from_text
    from bot.settings import DigestSettings

    settings = DigestSettings()
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for item in tune_items(data):
            try:
                article = extract_article(document_from_text(item["raw"], item["id"]), settings)
                language = detect_language(article.text, None).code
            except DigestError:
                continue
            handle.write(json.dumps({"set": item["set"], "id": item["id"], "url": item["url"], "language": language,
                                     "text": article.text}) + "\n")
            written += 1
    return written


def load_texts(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def use_checkout(root: Path | None) -> None:
    """Import `bot` from `root` (another checkout's package) instead of this one: what this process imported of it
    already (`bench.splits` loads `bot.digest.model_files`) is forgotten, so every later import reads `root`'s."""
    if root is not None:
        for name in [name for name in sys.modules if name == "bot" or name.startswith("bot.")]:
            del sys.modules[name]
        sys.path.insert(0, str(root))


def marked_claims(document: dict[str, Any]) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """(sentence, kind, cues shown, scorer-decided) of each claim the digest puts in `hedges` for the document: the
    steps of `pipeline.digest_article` after the summary (hedges7's `marked_again`). Scorer-decided: a hedged claim
    whose sentence holds no hedged cue pattern (outside names), so its shown cue, if any, is the marker's choice."""
    from bench.hedges7_study import marked_again  # imported here: after `use_checkout`, as every `bot` import
    from bot.digest.hedges.cue_lexicon import find_cues
    from bot.digest.hedges.scorer import without_identifier_cues

    english = (document.get("language") or "en").startswith("en")
    claims = []
    for claim in marked_again(document):
        hedge = claim.hedge
        assert hedge is not None  # `marked_again` keeps marked sentences only
        by_scorer = hedge.kind == "hedged" and english and not any(
            c.kind == "hedged" for c in without_identifier_cues(claim.text, find_cues(claim.text)))
        claims.append((claim.text, hedge.kind, tuple(hedge.cues), by_scorer))
    return claims


WEAK_OPENER = 2.0  # a capitalised opener whose own weights (word, stem) are less than this above the bias
CLAUSE_MARKS = ":;–—-•*.!?\"“‘'#(["  # after one of these (and spaces) a capitalised word opens a clause


def is_capitalised_word(sentence: str, cue: str) -> bool:
    """Whether a shown cue is one capitalised word in the middle of its clause (a name: "Post" of "The Post
    reported"), or one that opens the sentence or a clause but weighs less than `WEAK_OPENER` alone in the general
    scorer ("One" of "One of the best")."""
    if " " in cue or not cue[:1].isupper():
        return False
    at = sentence.find(cue)
    before = sentence[:at].rstrip()
    if before and before[-1] not in CLAUSE_MARKS:
        return True  # in the middle of its clause: a name
    from bot.digest.hedges.hedge_model import load_hedge_model

    general = load_hedge_model().general
    return general.word_part(cue).logit < general.token_bias + WEAK_OPENER


def _group(document: dict[str, Any]) -> str:
    return "pages" if document["set"].startswith("wcxb-") else document["set"] + "s"


def count(documents: list[dict[str, Any]], top: int = 60) -> dict[str, Any]:
    """Per group (pages, pastes, seeds): hedged claims, scorer-decided ones, the scorer-decided ones' shown cues
    (as written; "(none)" for a plain "hedged"), documents showing each, and the attributed claims."""
    from bot.digest.hedges.cue_lexicon import find_cues

    result: dict[str, Any] = {}
    for group in ("pages", "pastes", "seeds"):
        docs = [d for d in documents if _group(d) == group]
        hedged = by_scorer = attributed = 0
        cue_claims: Counter[str] = Counter()
        cue_documents: Counter[str] = Counter()
        capitalised = 0
        for document in docs:
            seen: set[str] = set()
            for sentence, kind, cues, scorer in marked_claims(document):
                attributed += kind == "attributed"
                if kind != "hedged":
                    continue
                hedged += 1
                if not scorer:
                    continue
                by_scorer += 1
                shown = ", ".join(cues) or "(none)"
                patterns = {cue.text for cue in find_cues(sentence)}
                capitalised += any(is_capitalised_word(sentence, cue) for cue in cues if cue not in patterns)
                cue_claims[shown] += 1
                seen.add(shown)
            cue_documents.update(seen)
        result[group] = {
            "documents": len(docs), "hedged claims": hedged, "scorer-decided": by_scorer, "attributed claims": attributed,
            "scorer-decided shown a name or a weak opener alone": capitalised,
            "shown cues (claims)": dict(cue_claims.most_common(top)),
            "shown cues (documents)": dict(cue_documents.most_common(top)),
        }
    return result


def read(documents: list[dict[str, Any]], per_group: int, salt: str = "hedgecue10") -> list[str]:
    """A hash-picked sample of scorer-decided hedged claims per group, as "group | cues | sentence" lines."""
    lines = []
    for group in ("pages", "pastes", "seeds"):
        picked = []
        for document in sorted((d for d in documents if _group(d) == group), key=lambda d: _hash(salt + d["id"])):
            for sentence, kind, cues, scorer in marked_claims(document):
                if scorer:
                    picked.append(f"{group} | {', '.join(cues) or '(none)'} | {sentence[:220]}")
                    break
            if len(picked) >= per_group:
                break
        lines += picked
    return lines


def deciding_words(document: dict[str, Any]) -> list[tuple[str, tuple[str, ...]]]:
    """(sentence, words) of each hedged claim of `hedges` for the document (English only): the words (lower-cased)
    whose own weight decides it, i.e. with that word's logit set to an unseen word's (the scorer's bias; its pair,
    cue and phrase weights gone too) the sentence falls below the scorer's threshold (hedgepost10)."""
    from bench.hedges7_study import marked_again  # imported here: after `use_checkout`, as every `bot` import
    from bot.digest.hedges.hedge_model import load_hedge_model
    from bot.digest.hedges.hedge_marker import text_register
    from bot.digest.segment.sentence_splitter import split_sentences

    code = document.get("language") or "en"
    if not code.startswith("en"):
        return []
    model = load_hedge_model()
    sentences = [s.text for s in split_sentences(document.get("text") or "", code) if not s.is_heading]
    scientific = text_register(sentences, code)
    found = []
    for claim in marked_again(document):
        if claim.hedge is None or claim.hedge.kind != "hedged":
            continue
        scorer, uncertain, cues = model.decide(claim.text, scientific)
        words, logits = scorer.token_logits(claim.text, cues)
        score = scorer._score_of_logits(logits)
        deciding = []
        for i, word in enumerate(words):
            if score >= scorer.threshold and logits[i] > scorer.token_bias:
                without = [scorer.token_bias if j == i else z for j, z in enumerate(logits)]
                if scorer._score_of_logits(without) < scorer.threshold:
                    deciding.append(word.group(0).lower())
        found.append((claim.text, tuple(deciding)))
    return found


def deciding(documents: list[dict[str, Any]], top: int = 60, examples: int = 3) -> dict[str, Any]:
    """Per group (pages, pastes): hedged claims, the claims decided by one word alone, and for the words that decide
    most claims, the claims and documents they decide and a few hash-picked examples."""
    result: dict[str, Any] = {}
    for group in ("pages", "pastes"):
        claims: Counter[str] = Counter()
        docs: Counter[str] = Counter()
        picked: dict[str, list[tuple[str, str]]] = {}
        hedged = decided = 0
        for document in (d for d in documents if _group(d) == group):
            seen: set[str] = set()
            for sentence, words in deciding_words(document):
                hedged += 1
                decided += bool(words)
                for word in set(words):
                    claims[word] += 1
                    seen.add(word)
                    picked.setdefault(word, []).append((_hash(word + sentence), sentence[:200]))
            docs.update(seen)
        result[group] = {
            "hedged claims": hedged, "decided by one word alone": decided,
            "words (claims, documents, examples)": {
                word: [n, docs[word], [s for _, s in sorted(picked[word])[:examples]]] for word, n in claims.most_common(top)},
        }
    return result


def load_claims(path: Path) -> dict[tuple[str, str, str], dict[str, tuple[str, tuple[str, ...]]]]:
    """A `count --save` file: (set, id, url) -> sentence -> (kind, cues)."""
    claims: dict[tuple[str, str, str], dict[str, tuple[str, tuple[str, ...]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        group, item, url, sentence, kind, cues, _ = json.loads(line)
        claims.setdefault((group, item, url), {})[sentence] = (kind, tuple(cues))
    return claims


def compare_hedged(before: Path, after: Path, salt: str = "hedgepost10", examples: int = 12) -> dict[str, Any]:
    """Hedged claims of two `count --save` files (two checkouts' marks of the same texts), per page type and per fold
    of sites (`hash_bucket(site, 5, salt)`): claims hedged before and after, claims that stop or start being hedged,
    documents with fewer or more hedged claims; and hash-picked examples of the claims that stop and that start."""
    from urllib.parse import urlsplit

    from bench.fitting import hash_bucket

    old, new = load_claims(before), load_claims(after)
    rows: dict[str, Counter[str]] = {}
    moved: dict[str, list[tuple[str, str]]] = {"stop": [], "start": []}
    for key in sorted(set(old) | set(new)):
        group, item, url = key
        site = urlsplit(url).netloc or item
        a, b = old.get(key, {}), new.get(key, {})
        hedged_a = {s for s, (kind, _) in a.items() if kind == "hedged"}
        hedged_b = {s for s, (kind, _) in b.items() if kind == "hedged"}
        for sentence in hedged_a - hedged_b:
            moved["stop"].append((_hash(salt + sentence), f"{group} | {', '.join(a[sentence][1])} -> "
                                  f"{b[sentence][0] + ': ' + ', '.join(b[sentence][1]) if sentence in b else 'unmarked'} | {sentence[:200]}"))
        for sentence in hedged_b - hedged_a:
            moved["start"].append((_hash(salt + sentence), f"{group} | {', '.join(b[sentence][1])} | {sentence[:200]}"))
        kind = "pages" if group.startswith("wcxb-") else group + "s"
        for name in (group, f"{kind} fold {hash_bucket(site, 5, salt)}"):
            row = rows.setdefault(name, Counter())
            row["documents"] += 1
            row["hedged before"] += len(hedged_a)
            row["hedged after"] += len(hedged_b)
            row["stop"] += len(hedged_a - hedged_b)
            row["start"] += len(hedged_b - hedged_a)
            row["documents fewer"] += len(hedged_b) < len(hedged_a)
            row["documents more"] += len(hedged_b) > len(hedged_a)
    return {"rows": {name: dict(row) for name, row in sorted(rows.items())},
            **{f"{way} (examples of {len(lines)})": [line for _, line in sorted(lines)[:examples]] for way, lines in moved.items()}}


CV_SALT, CV_FOLDS = "cv", 5  # the trainer's folds of the tune parts (`bench.train_hedges`)


def corpus_marks(data: Path) -> dict[str, list[tuple[str, bool, bool, int]]]:
    """(sentence, uncertain, listed as hedged, fold) of the WikiWeasel and BioScope abstracts tune parts
    (sha1 % 100 < 80, the trainer's train part), marked in process as the benchmark's documents are digested
    (`bench.hedges.documents_of`: 40 WikiWeasel sentences or one abstract a document, its register judged over it)."""
    from bench.hedges import _plain, documents_of
    from bench.train_hedges import bucket, load_bioscope, load_wikiweasel, split
    from bot.digest.hedges.hedge_marker import mark_sentence, text_register
    from bot.digest.pipeline import is_listable_claim

    hedges = data / "hedges"
    corpora = {"wikiweasel": ([i for i in split(load_wikiweasel(hedges / "wikiweasel-train.csv.gz"))[0] if i.text], False),
               "bioscope-abstracts": ([i for i in split(load_bioscope(hedges / "bioscope-abstracts.xml.gz"))[0] if i.text], True)}
    result = {}
    for name, (items, by_item_id) in corpora.items():
        marks: list[tuple[str, bool, bool, int]] = [("", False, False, 0)] * len(items)
        for document in documents_of(items, by_item_id):
            texts = [_plain(items[i].text) for i in document]
            scientific = text_register(texts, "en")
            for i, text in zip(document, texts):
                hedge, _ = mark_sentence(text, "en", scientific)
                listed = hedge is not None and hedge.kind == "hedged" and is_listable_claim(text)
                marks[i] = (text, items[i].uncertain, listed, bucket(items[i].item_id, CV_SALT) % CV_FOLDS)
        result[name] = marks
    return result


def fold_f1(marks: list[tuple[str, bool, bool, int]]) -> list[float]:
    """F1 of the hedged marks (uncertain class) in each fold, then over all."""
    from bench.metrics import binary_f1

    figures = []
    for fold in list(range(CV_FOLDS)) + [None]:
        chosen = [m for m in marks if fold is None or m[3] == fold]
        figures.append(binary_f1([m[1] for m in chosen], [m[2] for m in chosen]).f1)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("texts", "count", "read", "corpora", "deciding", "compare"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--texts", type=Path, default=Path("/tmp/hedgecue10/texts.jsonl"))
    parser.add_argument("--bot", type=Path, default=None, help="a checkout root whose `bot` package marks the texts")
    parser.add_argument("--before", type=Path, default=None, help="compare: the `count --save` file of the checkout before")
    parser.add_argument("--after", type=Path, default=None, help="compare: the `count --save` file of the checkout after")
    parser.add_argument("--per-group", type=int, default=40)
    parser.add_argument("--save", type=Path, default=None,
                        help="corpora: write the marks as JSON here; count: write every claim (set, id, url, sentence, "
                             "kind, cues, scorer-decided) as JSON lines here")
    args = parser.parse_args(argv)
    use_checkout(args.bot)
    import bot

    print(f"bot package: {Path(bot.__file__).parent}", file=sys.stderr)
    if args.command == "texts":
        args.texts.parent.mkdir(parents=True, exist_ok=True)
        print(f"{extract_texts(args.data, args.texts)} texts -> {args.texts}")
    elif args.command == "count":
        documents = load_texts(args.texts)
        print(json.dumps(count(documents), indent=1, ensure_ascii=False))
        if args.save is not None:
            with args.save.open("w", encoding="utf-8") as handle:
                for document in documents:
                    for claim in marked_claims(document):
                        handle.write(json.dumps([document["set"], document["id"], document.get("url", ""), *claim]) + "\n")
    elif args.command == "corpora":
        marks = corpus_marks(args.data)
        for name, rows in marks.items():
            print(name, " ".join(f"{f:.4f}" for f in fold_f1(rows)), "(folds 0-4, all)")
        if args.save is not None:
            args.save.write_text(json.dumps(marks), encoding="utf-8")
    elif args.command == "compare":
        print(json.dumps(compare_hedged(args.before, args.after, examples=args.per_group), indent=1, ensure_ascii=False))
    elif args.command == "deciding":
        print(json.dumps(deciding(load_texts(args.texts)), indent=1, ensure_ascii=False))
    else:
        print("\n".join(read(load_texts(args.texts), args.per_group)))


if __name__ == "__main__":
    main()
