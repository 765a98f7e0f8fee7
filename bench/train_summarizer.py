"""Fit the summarizer's scorer on the news corpora's train parts; choose its settings by cross-corpus validation.

    python -m bench.train_summarizer DATA_DIR [--out PATH] [--check]   # fit on the CNN Corpus and BBC train parts
    python -m bench.train_summarizer DATA_DIR --choose                 # print the settings grid on dev

Data: the CNN Corpus and BBC News Summary, split as `bench.summaries.split_of`
(sha1 of the id mod 10: 0-5 train, 6-7 dev, 8-9 test); the test parts are never
read here. Every article is used in both forms the product meets (headline and
paragraphs; one bare paragraph with no headline), split into sentences by the
product's own splitter.

Labels: each candidate sentence is labelled half by membership in a greedy
ROUGE oracle (the three sentences that best cover the reference) and half by
membership in the extractive reference itself (the CNN Corpus gold sentences;
the sentences of BBC's summary), `SETTINGS.label_mix`.

Fit: `bench.fitting.fit_logistic`, with each weight held to the sign that
news writing predicts (`SIGNS`: taken up by later sentences, central in the
whole article, on the title: for; repeating earlier sentences, quoting,
asking: against). A feature whose weight
comes out the other way is dropped (weight 0) and the rest refitted, so a
quirk of one corpus cannot turn a signal around; on BBC, whose summaries favour
sentences that repeat the article's words wherever they stand, this is what
keeps a BBC-fitted model from ranking late sentences above the lead.

The shipped model is fitted on both corpora's train parts, the CNN Corpus's
sentences weighing `SETTINGS.cnn_share` of the whole and BBC's the rest; the
cross-corpus rows of `bench.summaries` refit the same recipe on one corpus
alone and report it on the other.

Settings (`--choose`): the CNN share and the lead bonus are chosen on dev
(the label mix, lead sentences and redundancy discount stay as the fourth
session chose them). For each setting three models are fitted: on both train
parts (what ships), on the CNN train part alone and on the BBC train part
alone. Eight dev rows, each against its bar: the shipped model on the CNN
Corpus (both forms) against LEAD-3 and on BBC against sumy's LexRank; the
CNN-only model on BBC and the BBC-only model on the CNN Corpus against LEAD-3.
Of the settings that clear every bar by `CLEAR_MARGIN`, the one whose worse
CNN Corpus row is best wins. The winner is written into `SETTINGS` by hand;
fitting itself is deterministic (two fresh builds give the same bytes).
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from rouge_score.tokenizers import DefaultTokenizer

from bench.fitting import fit_logistic, trainer_parser, write_or_check
from bench.summaries import BBC_FILE, CNN_FILE, CORPORA, FORMS, NewsArticle, lead, lexrank, load
from bot.digest.language.language_detector import language_for
from bot.digest.model_files import model_envelope, package_model_path, sha256_of_files, write_model_file
from bot.digest.segment.sentence_splitter import split_sentences
from bot.digest.summarize.features import FEATURE_NAMES, Candidates, candidates
from bot.digest.summarize.summarizer import MODEL_FORMAT, MODEL_KIND, WEIGHTS_FILE, Model, select

log = logging.getLogger(__name__)

SHIPPED_CORPORA = CORPORA
ORACLE_SIZE = 3
SIGNS = {
    "forward_similarity": 1,
    "backward_similarity": -1,
    "centrality": 1,
    "title_recall": 1,
    "quote": -1,
    "starts_with_quote": -1,
    "question": -1,
}
DATA_FILES = {"CNN Corpus": CNN_FILE, "BBC": BBC_FILE}


@dataclass(frozen=True)
class Settings:
    label_mix: float  # weight of the extractive-reference label against the oracle label
    lead_bonus: float  # added to the first `lead_sentences` eligible sentences, in units of the evidence's spread
    lead_sentences: int
    redundancy: float
    cnn_share: float  # weight of the CNN Corpus's sentences in a fit on both corpora (BBC's: the rest)


# chosen by `--choose` (see the module docstring and docs/quality/summaries.md)
SETTINGS = Settings(label_mix=0.0, lead_bonus=0.625, lead_sentences=3, redundancy=0.0, cnn_share=0.7)
GRID_CNN_SHARE = (0.6, 0.7, 0.8)
GRID_LEAD_BONUS = (0.5, 0.625, 0.75)
CLEAR_MARGIN = 0.5  # ROUGE-1 points by which every dev row must clear its bar


@dataclass
class Prepared:
    """One article in one form: its candidates, their labels, and what ROUGE-1 needs to score a pick fast."""

    corpus: str
    part: str
    form: str
    found: Candidates
    oracle: np.ndarray  # 1.0 where the candidate is in the greedy ROUGE oracle
    reference_member: np.ndarray  # 1.0 where the candidate is a sentence of the extractive reference
    unigrams: list[Counter]  # ROUGE's stemmed tokens of each candidate
    reference: Counter  # ROUGE's stemmed tokens of the reference
    lead_rouge1: float  # LEAD-3's ROUGE-1 F on the same sentences
    lexrank_rouge1: float  # sumy LexRank's (three sentences) on the same sentences; 0 when not computed

    def rouge1(self, picked: Iterable[int]) -> float:
        return _f1(sum((self.unigrams[k] for k in picked), Counter()), self.reference)


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 200 * precision * recall / (precision + recall)


def greedy_oracle(tokens: list[list[str]], reference: list[str], size: int) -> set[int]:
    """Greedily add the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the reference."""
    ref1, ref2 = _ngrams(reference, 1), _ngrams(reference, 2)
    chosen: list[int] = []
    best_value = 0.0
    while len(chosen) < size:
        best = None
        for k in range(len(tokens)):
            if k in chosen:
                continue
            joined = [t for j in sorted(chosen + [k]) for t in tokens[j]]
            value = _f1(_ngrams(joined, 1), ref1) + _f1(_ngrams(joined, 2), ref2)
            if value > best_value:
                best, best_value = k, value
        if best is None:
            break
        chosen.append(best)
    return set(chosen)


def _normalised(text: str) -> str:
    return " ".join(DefaultTokenizer(use_stemmer=False).tokenize(text))


def prepare(articles: Sequence[NewsArticle], part: str, with_lexrank: bool = False) -> list[Prepared]:
    """Both forms of every article, split by the product's splitter, with candidates and labels."""
    english = language_for("en")
    tokenizer = DefaultTokenizer(use_stemmer=True)
    prepared = []
    for article in articles:
        members = {_normalised(s) for s in (article.gold or article.reference)}
        reference_tokens = tokenizer.tokenize(" ".join(article.reference))
        for form in FORMS:
            body = " ".join(article.paragraphs) if form == "one paragraph" else "\n\n".join(article.paragraphs)
            title = "" if form == "one paragraph" else article.title
            sentences = split_sentences(body, "en")
            found = candidates(sentences, title, english)
            if not found.indices:
                continue
            tokens = [tokenizer.tokenize(sentences[i].text) for i in found.indices]
            oracle = greedy_oracle(tokens, reference_tokens, ORACLE_SIZE)
            lead_tokens = [t for i in lead(sentences) for t in tokenizer.tokenize(sentences[i].text)]
            chosen_by_lexrank = lexrank(sentences, english) if with_lexrank else []
            lexrank_tokens = [t for i in chosen_by_lexrank for t in tokenizer.tokenize(sentences[i].text)]
            prepared.append(
                Prepared(
                    corpus=article.corpus,
                    part=part,
                    form=form,
                    found=found,
                    oracle=np.asarray([float(k in oracle) for k in range(len(tokens))]),
                    reference_member=np.asarray([float(_normalised(sentences[i].text) in members) for i in found.indices]),
                    unigrams=[Counter(t) for t in tokens],
                    reference=Counter(reference_tokens),
                    lead_rouge1=_f1(Counter(lead_tokens), Counter(reference_tokens)),
                    lexrank_rouge1=_f1(Counter(lexrank_tokens), Counter(reference_tokens)),
                )
            )
    return prepared


def corpus_weights(prepared: Sequence[Prepared], cnn_share: float) -> np.ndarray:
    """Per candidate sentence: the CNN Corpus's sentences share `cnn_share` of the total weight and BBC's the rest
    (uniform when only one corpus is there), normalised to mean 1."""
    corpus_of = np.concatenate([np.full(len(p.oracle), p.corpus, dtype=object) for p in prepared])
    present = sorted(set(corpus_of))
    if len(present) == 1:
        return np.ones(len(corpus_of))
    share = {"CNN Corpus": cnn_share, "BBC": 1.0 - cnn_share}
    weights = np.zeros(len(corpus_of))
    for corpus in present:
        mask = corpus_of == corpus
        weights[mask] = share[corpus] / mask.sum()
    return weights / weights.mean()


def fit(prepared: Sequence[Prepared], settings: Settings = SETTINGS) -> Model:
    """The logistic scorer with every weight held to its sign in `SIGNS`, plus the lead bonus and redundancy."""
    features = np.vstack([p.found.features for p in prepared])
    labels = np.concatenate([settings.label_mix * p.reference_member + (1 - settings.label_mix) * p.oracle for p in prepared])
    sample_weights = corpus_weights(prepared, settings.cnn_share)
    active = list(range(len(FEATURE_NAMES)))
    while True:
        fitted = fit_logistic(features[:, active], labels, sample_weights)
        against = [
            (SIGNS[FEATURE_NAMES[column]] * weight, position)
            for position, (column, weight) in enumerate(zip(active, fitted.weights))
            if SIGNS[FEATURE_NAMES[column]] * weight < 0
        ]
        if not against:
            break
        del active[min(against)[1]]  # drop the feature furthest against its sign, then refit
    weights = np.zeros(len(FEATURE_NAMES))
    mean = features.mean(axis=0)
    scale = np.ones(len(FEATURE_NAMES))
    weights[active], mean[active], scale[active] = fitted.weights, fitted.mean, fitted.scale
    logits = ((features - mean) / scale) @ weights + fitted.bias
    spread = float(logits.std()) or 1.0
    return Model(weights, mean, scale, fitted.bias, spread, settings.lead_bonus, settings.lead_sentences, settings.redundancy)


def dev_rows(model: Model, prepared: Sequence[Prepared], against: str = "LEAD-3") -> dict[str, float]:
    """Mean ROUGE-1 minus LEAD-3's (or sumy LexRank's, `against="LexRank"`), per corpus and form."""
    gains: dict[str, list[float]] = {}
    for p in prepared:
        picked = select(p.found.overlap, model.score(p.found.features, p.found.ranks), 3, model.redundancy)
        bar = p.lexrank_rouge1 if against == "LexRank" else p.lead_rouge1
        gains.setdefault(f"{p.corpus}, {p.form}", []).append(p.rouge1(picked) - bar)
    return {name: float(np.mean(values)) for name, values in gains.items()}


def load_prepared(data_dir: Path, corpora: Sequence[str], part: str, with_lexrank: bool = False) -> list[Prepared]:
    return [p for corpus in corpora for p in prepare(load(data_dir, corpus, (part,)), part, with_lexrank)]


def fit_recipe(data_dir: Path, corpora: Sequence[str] = SHIPPED_CORPORA) -> tuple[Model, str, str]:
    """The shipped recipe fitted on the train part of `corpora`: (model, what it was trained on, data hash)."""
    prepared = load_prepared(data_dir, corpora, "train")
    articles = len(prepared) // len(FORMS)
    weighing = f", the CNN Corpus's sentences weighing {SETTINGS.cnn_share:g} of the whole" if len(corpora) > 1 else ""
    trained_on = (
        f"{' + '.join(corpora)} train parts (sha1 of the id mod 10 < 6; {articles} articles, each with its headline "
        f"and paragraphs and as one paragraph{weighing}); CNN share and lead bonus chosen by cross-corpus "
        "validation on the CNN Corpus and BBC dev parts"
    )
    data_hash = sha256_of_files(data_dir / DATA_FILES[corpus] for corpus in corpora)
    return fit(prepared), trained_on, data_hash


def envelope(model: Model, trained_on: str, data_hash: str) -> dict:
    return model_envelope(MODEL_KIND, MODEL_FORMAT, FEATURE_NAMES, trained_on, data_hash, model.to_payload())


def write_model(fitted: tuple[Model, str, str], path: Path) -> None:
    write_model_file(path, envelope(*fitted))


def choose(data_dir: Path) -> Settings:
    """Cross-corpus validation over the settings grid (see the module docstring); prints every row, returns the winner."""
    train = {corpus: load_prepared(data_dir, (corpus,), "train") for corpus in CORPORA}
    both = [p for prepared in train.values() for p in prepared]
    dev = load_prepared(data_dir, CORPORA, "dev", with_lexrank=True)
    cnn_dev = [p for p in dev if p.corpus == "CNN Corpus"]
    bbc_dev = [p for p in dev if p.corpus == "BBC"]
    results: dict[Settings, tuple[float, float]] = {}  # (worst margin over the bars, worse CNN Corpus row)
    for bonus in GRID_LEAD_BONUS:
        base = replace(SETTINGS, lead_bonus=bonus)
        cross = dev_rows(fit(train["CNN Corpus"], base), bbc_dev) | dev_rows(fit(train["BBC"], base), cnn_dev)
        for share in GRID_CNN_SHARE:
            settings = replace(base, cnn_share=share)
            shipped = fit(both, settings)
            on_cnn = dev_rows(shipped, cnn_dev)
            rows = (
                {f"shipped, {k} - LEAD-3": v for k, v in on_cnn.items()}
                | {f"shipped, {k} - LexRank": v for k, v in dev_rows(shipped, bbc_dev, "LexRank").items()}
                | {f"fitted on the other corpus, {k} - LEAD-3": v for k, v in cross.items()}
            )
            results[settings] = (min(rows.values()), min(on_cnn.values()))
            detail = "; ".join(f"{k} {v:+.2f}" for k, v in rows.items())
            print(f"{settings}: worst margin {results[settings][0]:+.2f} | {detail}", flush=True)
    clearing = [s for s, (worst, _) in results.items() if worst >= CLEAR_MARGIN] or list(results)
    best = max(clearing, key=lambda s: (results[s][1], results[s][0]))
    print(f"chosen: {best} (worst margin {results[best][0]:+.2f}, worse CNN Corpus row {results[best][1]:+.2f} over LEAD-3)")
    return best


def main(argv: Sequence[str] | None = None) -> int:
    default_out = package_model_path("bot.digest.summarize", WEIGHTS_FILE)
    parser = trainer_parser(__doc__.splitlines()[0], default_out)
    parser.add_argument("--choose", action="store_true", help="print the cross-corpus validation grid on dev and exit")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.choose:
        choose(args.data_dir)
        return 0
    model, trained_on, data_hash = fit_recipe(args.data_dir)
    for name, weight in zip(FEATURE_NAMES, model.weights):
        print(f"  {name:22s} {weight / model.evidence_scale:+.3f} per standard deviation, in evidence units")
    return write_or_check(args.out, envelope(model, trained_on, data_hash), args.check)


if __name__ == "__main__":
    sys.exit(main())
