"""Language identification accuracy, and the digest in many languages, on a small self-written corpus.

    python -m bench.languages [DATA_DIR]

The corpus ships with the tests (`tests/data/languages/`): one news article
per language (headline line, 10-13 sentences in 3-4 paragraphs, with numbers
and hedged sentences), 10 one-line texts of 8-15 words per language
(`short.tsv`), and the articles' hedged and attributed sentences as their
writer marked them (`hedged.tsv`). It was written for this project, not
collected, and it is small (19 languages sumy can stem, 6 it cannot, 230
short texts in 23 languages), so a figure here is a smoke test of breadth, not a benchmark.
Nothing in the pipeline was tuned on it.

DATA_DIR (optional, the shared data folder) adds a sanity row: the
identification of the English true article texts of the paste sets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from bench.report import Row, format_table
from bot.digest.language.language_detector import identify, language_for
from bot.digest.models import Digest, DigestError
from bot.digest.pipeline import digest_document
from bot.digest.sources import document_from_text
from bot.settings import DigestSettings

log = logging.getLogger(__name__)

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "languages"
SHORT_PREFIX_WORDS = 5  # the fewest words `identify` accepts for a short text
UNSPACED = frozenset({"zh-cn", "zh-tw", "ja"})  # no spaces between words: not cut to a word count
ENGLISH_PREFIX_WORDS = 10
# Names for the codes sumy has no name for.
OTHER_NAMES = {"sw": "swahili", "hr": "croatian"}


@dataclass(frozen=True)
class CorpusArticle:
    code: str  # the language the article is written in (ISO 639-1, langdetect's code)
    headline: str
    text: str  # the whole file: headline line, blank line, paragraphs


@dataclass(frozen=True)
class Identification:
    total: int
    correct: int
    misses: Counter  # (true code, answer or "none") -> count

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _read_article(path: Path) -> CorpusArticle:
    text = path.read_text(encoding="utf-8")
    return CorpusArticle(code=path.stem, headline=text.split("\n", 1)[0].strip(), text=text)


def load_articles(corpus: Path = CORPUS_DIR) -> list[CorpusArticle]:
    """The articles in languages sumy can stem, one per `<code>.txt`, by code."""
    return [_read_article(path) for path in sorted(corpus.glob("*.txt"))]


def load_unsupported(corpus: Path = CORPUS_DIR) -> list[CorpusArticle]:
    """Articles in languages langdetect knows but sumy has no stemmer for (`unsupported/<code>.txt`)."""
    return [_read_article(path) for path in sorted((corpus / "unsupported").glob("*.txt"))]


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def load_short(corpus: Path = CORPUS_DIR) -> list[tuple[str, str]]:
    """(code, one-line text) pairs of `short.tsv`."""
    return [(code, text) for code, text in _tsv_rows(corpus / "short.tsv")]


def load_hedged(corpus: Path = CORPUS_DIR) -> list[tuple[str, str, str]]:
    """(code, kind, sentence) for each hedged or attributed sentence marked in `hedged.tsv`."""
    return [(code, kind, sentence) for code, kind, sentence in _tsv_rows(corpus / "hedged.tsv")]


def first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


def identify_or_none(text: str) -> str | None:
    try:
        return identify(text)
    except DigestError:
        return None


def identification(items: Iterable[tuple[str, str]]) -> Identification:
    """How often langdetect (through `identify`) names the true language of each (code, text)."""
    total = correct = 0
    misses: Counter = Counter()
    for code, text in items:
        answer = identify_or_none(text)
        total += 1
        if answer == code:
            correct += 1
        else:
            misses[(code, answer or "none")] += 1
    return Identification(total, correct, misses)


def _misses_note(result: Identification, limit: int = 8) -> str:
    if not result.misses:
        return "no misses"
    shown = ", ".join(f"{truth}->{answer} {n}" for (truth, answer), n in result.misses.most_common(limit))
    more = len(result.misses) - limit
    return f"misses: {shown}" + (f", +{more} more kinds" if more > 0 else "")


def _per_language_note(items: Sequence[tuple[str, str]], result: Identification) -> str:
    """The languages identified less than perfectly, as right/total."""
    totals = Counter(code for code, _ in items)
    wrong = Counter()
    for (code, _), n in result.misses.items():
        wrong[code] += n
    below = [f"{code} {totals[code] - wrong[code]}/{totals[code]}" for code in sorted(totals) if wrong[code]]
    return "below 100%: " + (", ".join(below) if below else "none")


def english_truths(data_dir: Path) -> list[str]:
    """The true article bodies of both paste sets (English pages); empty when the data is absent."""
    pastes = data_dir / "pastes"
    texts: list[str] = []
    for name in ("scrapinghub.jsonl", "wcxb-dev-articles.jsonl.gz"):
        path = pastes / name
        if not path.is_file():
            continue
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                truth = (json.loads(line).get("truth") or "").strip()
                if truth:
                    texts.append(truth)
    return texts


def _mostly_non_latin(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return sum(c > "\u024f" for c in letters) > len(letters) / 2


def paste_rows(truths: Sequence[str]) -> list[Row]:
    """Sanity rows on the paste sets' true texts: mostly English pages, with no language label."""
    answers = [identify_or_none(text) for text in truths]
    english = sum(answer == "en" for answer in answers)
    others = Counter(answer or "none" for answer in answers if answer != "en")
    non_latin = sum(_mostly_non_latin(text) for text, answer in zip(truths, answers) if answer != "en")
    shown = ", ".join(f"{code} {n}" for code, n in others.most_common())
    rows = [Row(
        "language ID: paste sets' true texts (sanity)", "langdetect (ours)", "share identified as en",
        english / len(truths), "",
        f"{len(truths)} texts with no language label; other answers: {shown or 'none'}; {non_latin} of those are "
        "mostly non-Latin script, so the sets hold non-English pages and this share is no error rate",
    )]
    prefix_answers = [identify_or_none(first_words(text, ENGLISH_PREFIX_WORDS)) for text in truths]
    agree = [short == full for short, full in zip(prefix_answers, answers) if full == "en"]
    rows.append(Row(
        f"language ID: first {ENGLISH_PREFIX_WORDS} words of the English pastes", "langdetect (ours)",
        "accuracy vs full text", sum(agree) / len(agree) if agree else 0.0, "",
        f"{len(agree)} texts identified as en in full; the answer on their first {ENGLISH_PREFIX_WORDS} words",
    ))
    return rows


def language_name(code: str) -> str:
    return language_for(code).name or OTHER_NAMES.get(code, code)


def digest_of(article: CorpusArticle, settings: DigestSettings = DigestSettings()) -> Digest:
    return digest_document(document_from_text(article.text, f"{article.code}.txt"), settings)


def digest_problems(article: CorpusArticle, digest: Digest, others: Iterable[CorpusArticle] = ()) -> list[str]:
    """What is wrong with a corpus article's digest; empty when it is right."""
    if digest.error:
        return [f"error: {digest.error}"]
    problems = []
    if digest.language != article.code:
        problems.append(f"language {digest.language}")
    if digest.title != article.headline:
        problems.append(f"title {digest.title!r}")
    if not 3 <= len(digest.summary) <= 5:
        problems.append(f"{len(digest.summary)} summary sentences")
    indices = [s.index for s in digest.summary]
    if indices != sorted(set(indices)):
        problems.append("summary out of order")
    if any(s.text not in article.text for s in digest.summary):
        problems.append("summary not verbatim")
    foreign = [o.code for o in others if o.code != article.code and any(s.text in o.text for s in digest.summary)]
    if foreign:
        problems.append(f"sentences of {','.join(foreign)}")
    return problems


def _digest_row(article: CorpusArticle, digest: Digest, problems: list[str], hedged: list[str], task: str) -> Row:
    language = language_for(article.code)
    flagged = {h.text for h in digest.hedges}
    tools = ("stemmed" if language.stemmer else "unstemmed") + (", stop words" if language.stop_words else ", no stop words")
    parts = [
        "ok" if not problems else "; ".join(problems),
        f"detected {digest.language}",
        f"{len(digest.figures)} figures",
        f"hedges flagged {sum(s in flagged for s in hedged)}/{len(hedged)}",
        tools,
    ]
    if digest.language_note:
        parts.append(f"note: {digest.language_note}")
    return Row(task, "ours", "summary sentences", float(len(digest.summary)), "3-5, verbatim, in order", "; ".join(parts))


def evaluate(data_dir: Path | None = None, corpus: Path = CORPUS_DIR) -> list[Row]:
    articles = load_articles(corpus)
    unsupported = load_unsupported(corpus)
    short = load_short(corpus)
    hedged = load_hedged(corpus)
    corpus_note = "self-written, small"
    rows: list[Row] = []

    result = identification(short)
    languages = len({code for code, _ in short})
    rows.append(Row(
        "language ID: short texts, 8-15 words", "langdetect (ours)", "accuracy", result.accuracy, "",
        f"{result.total} texts, {languages} languages, {corpus_note}; {_per_language_note(short, result)}; {_misses_note(result)}",
    ))
    cut = [(code, first_words(text, SHORT_PREFIX_WORDS)) for code, text in short if code not in UNSPACED]
    result = identification(cut)
    rows.append(Row(
        f"language ID: short texts cut to {SHORT_PREFIX_WORDS} words", "langdetect (ours)", "accuracy", result.accuracy, "",
        f"{result.total} texts (not zh, ja); {_per_language_note(cut, result)}; {_misses_note(result)}",
    ))
    long_items = [(a.code, a.text) for a in articles + unsupported]
    result = identification(long_items)
    rows.append(Row(
        "language ID: long texts (articles, 120-200 words)", "langdetect (ours)", "accuracy", result.accuracy, "",
        f"{result.total} articles in {result.total} languages, {corpus_note}; {_misses_note(result)}",
    ))

    truths = english_truths(data_dir) if data_dir is not None else []
    if truths:
        rows += paste_rows(truths)

    hedged_by_code: dict[str, list[str]] = {}
    for code, _kind, sentence in hedged:
        hedged_by_code.setdefault(code, []).append(sentence)
    failed: list[str] = []
    flagged = total_hedged = 0
    digests = {article.code: digest_of(article) for article in articles + unsupported}
    for article in articles + unsupported:
        marked = hedged_by_code.get(article.code, [])
        flagged += sum(s in {h.text for h in digests[article.code].hedges} for s in marked)
        total_hedged += len(marked)
    for article in articles:
        digest = digests[article.code]
        problems = digest_problems(article, digest, articles + unsupported)
        if problems:
            failed.append(article.code)
        marked = hedged_by_code.get(article.code, [])
        rows.append(_digest_row(article, digest, problems, marked, f"digest in {language_name(article.code)} ({article.code})"))
    rows.append(Row(
        "digest: languages sumy can stem", "ours", "share digested right", (len(articles) - len(failed)) / len(articles),
        "1.0", f"{len(articles)} languages ({corpus_note}); right = no error, language and title right, "
        f"3-5 verbatim sentences in order, none from another file; failed: {', '.join(failed) or 'none'}",
    ))
    for article in unsupported:
        digest = digests[article.code]
        problems = digest_problems(article, digest, articles + unsupported)
        marked = hedged_by_code.get(article.code, [])
        rows.append(_digest_row(article, digest, problems, marked, f"digest in {language_name(article.code)} ({article.code}), no stemmer"))
    rows.append(Row(
        "hedges in other languages: marked sentences flagged", "ours", "recall", flagged / total_hedged if total_hedged else 0.0,
        "", f"{total_hedged} hedged or attributed sentences in {len(hedged_by_code)} languages, any kind counts; {corpus_note}",
    ))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.languages", description=__doc__)
    parser.add_argument("data_dir", type=Path, nargs="?", help="the shared data folder (optional), e.g. ../shared/data")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print(format_table(evaluate(args.data_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
