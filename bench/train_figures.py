"""Fit the key figures' ranker (bot/digest/figures/ranker.json) on the CNN tune half and the BBC tune part.

    python -m bench.train_figures DATA_DIR [--out PATH] [--check]

Examples: every candidate figure (`figure_finder.candidates`) of every article of the CNN Corpus tune half
(CRC-32 of `file` even) and of the BBC News Summary tune part (sha1("figures" + id) % 100 in 50-74), read
through the digest's own steps (paste cleaning, language, sentences, the summary and its sentence scores).
Label: a number the figure shows (`bench.figures.shown_numbers`) is one of the article's key numbers (its
highlights' or reference summary's, as `bench/figures.py` scores). Model: one L2 logistic regression
(`bench.fitting.fit_logistic`), its L2 chosen by two-fold cross-validation inside the tune parts (folds by
CRC-32 of the article's name), scored as the benchmark scores: key numbers among the six chosen.
The held-out CNN half and the BBC 25% sample are never read.
"""

from __future__ import annotations

import logging
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.figures import NewsArticle, _matched, bbc_articles, cnn_articles, shown_numbers
from bench.fitting import LogisticModel, fit_logistic, run_trainer
from bot.digest.figures import figure_finder as ff
from bot.digest.figures import ranker
from bot.digest.language.language_detector import detect_language
from bot.digest.model_files import model_envelope, sha256_of_files
from bot.digest.models import DigestError
from bot.digest.pipeline import extract_article
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.sources import document_from_text
from bot.digest.summarize.summarizer import load_model, sentence_count_for, summarize_scored
from bot.settings import DigestSettings

log = logging.getLogger(__name__)

L2_CHOICES = (3.0, 10.0, 30.0, 100.0)
FOLDS = 2
LIMIT = 6
CNN_FILE = Path("summarization") / "cnn-corpus.jsonl.gz"
BBC_FILE = Path("summarization") / "bbc-news-summary.jsonl.gz"


@dataclass(frozen=True)
class ArticleExamples:
    name: str
    gold: frozenset[float]
    language: str
    found: list[ff.Candidate]
    rows: np.ndarray  # one row of ranker.FEATURE_NAMES per candidate
    labels: np.ndarray  # 1.0: the candidate shows a key number


def article_examples(article: NewsArticle, settings: DigestSettings) -> ArticleExamples | None:
    """The candidates of one article as the digest sees them (the steps of `pipeline.digest_article`)."""
    try:
        cleaned = extract_article(document_from_text(article.text, article.name + ".txt"), settings)
    except DigestError:
        return None
    language = detect_language(cleaned.text)
    sentences = split_sentences(cleaned.text, language.code)
    count = sentence_count_for(len(sentences), settings.min_sentences, settings.max_sentences)
    chosen, scores = summarize_scored(sentences, cleaned.title, language, count, model=load_model(settings.summary_model))
    found = ff.candidates(sentences, (), language.code, chosen, cleaned.title)
    rows = ranker.features(found, sentences, scores, [ff.score(c) for c in found])
    labels = np.array([float(_matched(article.gold, shown_numbers(_shown(c.figure), language.code)) > 0) for c in found])
    return ArticleExamples(article.name, article.gold, language.code, found, rows, labels)


def _shown(figure: ff.Figure) -> dict:
    return {"value": figure.value, "text": figure.text}


def key_numbers_found(examples: list[ArticleExamples], model: LogisticModel | None) -> int:
    """Key numbers among the six chosen, over the articles (the hand weights when `model` is None)."""
    total = 0
    for ex in examples:
        scores = None if model is None or not ex.found else list(model.logits(ex.rows))
        figures = ff.choose(ex.found, LIMIT, scores=scores)
        total += _matched(ex.gold, [n for f in figures for n in shown_numbers(_shown(f), ex.language)])
    return total


def fit(examples: list[ArticleExamples], l2: float) -> LogisticModel:
    rows = [ex.rows for ex in examples if len(ex.found)]
    return fit_logistic(np.vstack(rows), np.concatenate([ex.labels for ex in examples if len(ex.found)]), l2=l2)


def fold_of(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % FOLDS


def cross_validated(corpora: dict[str, list[ArticleExamples]], l2: float) -> dict[str, int]:
    """Key numbers found per corpus, each fold scored by a model fitted on the other folds of both corpora."""
    found = dict.fromkeys(corpora, 0)
    for fold in range(FOLDS):
        model = fit([ex for part in corpora.values() for ex in part if fold_of(ex.name) != fold], l2)
        for name, part in corpora.items():
            found[name] += key_numbers_found([ex for ex in part if fold_of(ex.name) == fold], model)
    return found


def tune_examples(data_dir: Path) -> dict[str, list[ArticleExamples]]:
    settings = DigestSettings()
    corpora = {
        "cnn": cnn_articles(data_dir / CNN_FILE, "tune"),
        "bbc": bbc_articles(data_dir / BBC_FILE, part="tune"),
    }
    out: dict[str, list[ArticleExamples]] = {}
    for name, articles in corpora.items():
        examples = [ex for a in articles if (ex := article_examples(a, settings)) is not None]
        log.info("%s tune: %d articles, %d candidates, %d key numbers", name, len(examples),
                 sum(len(ex.found) for ex in examples), sum(len(ex.gold) for ex in examples))
        out[name] = examples
    return out


def build(data_dir: Path) -> dict:
    corpora = tune_examples(data_dir)
    hand = {name: key_numbers_found(part, None) for name, part in corpora.items()}
    log.info("hand weights (chosen on these parts, in-sample): %s", hand)
    results = []
    for l2 in L2_CHOICES:
        found = cross_validated(corpora, l2)
        log.info("l2 %s: two-fold CV %s", l2, found)
        results.append((sum(found.values()), l2, found))
    best_total, l2, found = max(results, key=lambda r: r[0])  # ties: the first (smaller L2)
    model = fit([ex for part in corpora.values() for ex in part], l2)
    in_sample = {name: key_numbers_found(part, model) for name, part in corpora.items()}
    log.info("chosen l2 %s (CV %s); in-sample %s", l2, found, in_sample)
    payload = {**model.to_json(), "l2": l2, "cv_found": found, "hand_found": hand,
               "key_numbers": {name: sum(len(ex.gold) for ex in part) for name, part in corpora.items()}}
    return model_envelope(
        ranker.MODEL_KIND,
        ranker.MODEL_FORMAT,
        ranker.FEATURE_NAMES,
        "CNN Corpus tune half (CRC-32 of file even) and BBC News Summary tune part (sha1('figures'+id) % 100 in 50-74)",
        sha256_of_files([data_dir / CNN_FILE, data_dir / BBC_FILE]),
        payload,
    )


def main(argv: list[str] | None = None) -> int:
    return run_trainer(__doc__.splitlines()[0], ranker.model_path(), build, argv)


if __name__ == "__main__":
    sys.exit(main())
