"""The hedge marker's speed-ups give the answers of the plain code they replace."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bench.languages import load_articles
from bot.digest.hedges.cue_lexicon import ENGLISH, CueLexicon, CuePattern, find_cues, first_characters
from bot.digest.hedges.hedge_model import HedgeModel, WordRecord, load_hedge_model
from bot.digest.language.stemmers import stemmer
from bot.digest.hedges.multilingual_cues import LEXICONS
from bot.digest.hedges.scorer import (
    NEVER_SHOWN_AS_CUE,
    HedgeScorer,
    WordPart,
    _log1m_sigmoid,
    phrases_at,
    tokens_with_features,
    word_regex,
)

SEED = Path(__file__).resolve().parents[3] / "seeds" / "syrian-officers-defect.txt"
_LETTERS = re.compile(r"[^\W\d_]+")


def _sentences() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8"), *(article.text for article in load_articles())]
    sentences = [line for text in texts for line in re.split(r"(?<=[.!?])\s+|\n+", text) if line.strip()]
    words = " ".join(sentences).split()
    rng = random.Random(14)
    sentences += [" ".join(rng.choice(words) for _ in range(rng.randint(2, 30))) for _ in range(400)]
    return sentences + [s.upper() for s in sentences[:100]]


SENTENCES = _sentences()
LEXICON_LIST = [ENGLISH, *dict.fromkeys(LEXICONS.values())]


def _patterns_by_regex(lexicon: CueLexicon, word: str) -> tuple[int, ...]:
    """What `_patterns_of_word` gave before its ASCII look-up: the trigger regex's groups that match."""
    m = lexicon._trigger_regex.match(word)
    return () if m is None else tuple(i for i, value in enumerate(m.groups()) if value is not None)


@pytest.mark.parametrize("lexicon", LEXICON_LIST, ids=lambda lexicon: lexicon.language)
def test_trigger_lookup_matches_the_trigger_regex(lexicon: CueLexicon) -> None:
    triggers = {t for p in lexicon.patterns for t in p.triggers} | set(lexicon.special_triggers)
    triggers |= {t for p in lexicon.patterns for need in p.needs for t in need}
    words = {w for s in SENTENCES for w in _LETTERS.findall(s)}
    words |= triggers | {t.upper() + "s" for t in triggers} | {t[:-1] for t in triggers}
    words |= {"\u212aould", "ſeem", "Mıght", "İf", "MAY", "Ma", "x"}  # letters IGNORECASE equates with ASCII ones
    for word in sorted(words):
        assert lexicon._patterns_of_word(word) == _patterns_by_regex(lexicon, word), word


@pytest.mark.parametrize("scorer_name", ["general", "scientific"])
def test_strongest_token_is_the_full_token_list_at_the_best_logit(scorer_name: str) -> None:
    scorer: HedgeScorer = getattr(load_hedge_model(), scorer_name)
    for sentence in SENTENCES[::3]:
        cues = find_cues(sentence)
        _, logits = scorer.token_logits(sentence, cues)
        if not logits:
            assert scorer.strongest_token(sentence, cues) is None
            continue
        full = tokens_with_features(sentence, cues, scorer._lexicon_index)
        shown = [i for i, token in enumerate(full) if token.text.lower() not in NEVER_SHOWN_AS_CUE] or range(len(full))
        assert scorer.strongest_token(sentence, cues) == full[max(shown, key=logits.__getitem__)]


def test_a_function_word_is_never_the_cue_shown_when_a_content_word_is_there() -> None:
    """The seed's "...such high-level defections have been relatively rare so far.": the model weighs
    "have" (of "have been") above "relatively"; a reader is shown "relatively"."""
    scorer = load_hedge_model().general
    sentence = "Such high-level defections have been relatively rare so far."
    words, logits = scorer.token_logits(sentence, [])
    assert words[max(range(len(logits)), key=logits.__getitem__)].group(0) == "have"
    assert scorer.strongest_token(sentence).text == "relatively"
    assert scorer.strongest_token("It has been.").text in {"It", "has", "been"}  # nothing else to show


@pytest.mark.parametrize("scorer_name", ["general", "scientific"])
def test_token_logits_are_the_logits_of_the_full_feature_sets(scorer_name: str) -> None:
    """`token_logits` (cached word parts, phrases by first and second word) against `token_logit` of `tokens`."""
    scorer: HedgeScorer = getattr(load_hedge_model(), scorer_name)
    extra = ["Many experts believe it is widely held that critics say the plan is thought to be one of the best.",
             "It is said that some historians have argued the castle was reportedly haunted, as is often said."]
    for sentence in [*SENTENCES[::2], *extra]:
        cues = find_cues(sentence)
        _, logits = scorer.token_logits(sentence, cues)
        plain = [scorer.token_logit(token) for token in scorer.tokens(sentence, cues)]
        assert logits == pytest.approx(plain, abs=1e-9), sentence
        assert scorer.score_ceiling(sentence, cues) >= scorer.score(sentence, cues) - 1e-9


def test_ascii_words_are_the_word_regex_findall() -> None:
    """The marker's word pass splits an ASCII sentence without an apostrophe by translate and split."""
    from bot.digest.hedges.hedge_model import ascii_words
    from bot.digest.hedges.scorer import word_regex

    rng = random.Random(7)
    alphabet = "abZ z09_-.,;:!?\"()[]\t\n\x0b\x0c\x1c\x1f\x00~@"
    texts = [*SENTENCES, "", " ", "a", "x\x1cy", "A-B_c 3d"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    split = 0
    for text in texts:
        words = ascii_words(text)
        if words is not None:
            split += 1
            assert words == word_regex(text).findall(text), repr(text)
    assert split > 2000
    assert ascii_words("don't") is None and ascii_words("café") is None


# --- the cue patterns' first-character gate (seventeenth session, hedgespeed9)

def _plain_regex(pattern: CuePattern) -> re.Pattern[str]:
    """The pattern as it was compiled before its gate: the reference."""
    return re.compile(pattern.source, pattern.flags)


def _odd_sentences() -> list[str]:
    """Our sentences with their letters' cases, accents and neighbours stirred: words a gate could wrongly skip."""
    rng = random.Random(17)
    odd = "İıſKÅéÉ’'\"“”-–(,;: \n_1"
    stirred = []
    for sentence in SENTENCES[:300]:
        chars = list(sentence)
        for _ in range(max(1, len(chars) // 10)):
            at = rng.randrange(len(chars) + 1)
            chars.insert(at, rng.choice(odd))
        stirred.append("".join(chars))
        stirred.append(sentence.swapcase())
    return stirred


@pytest.mark.parametrize("lexicon", LEXICON_LIST, ids=lambda lexicon: lexicon.language)
def test_gated_patterns_match_as_the_plain_ones(lexicon: CueLexicon) -> None:
    sentences = SENTENCES + _odd_sentences()
    triggers = [" ".join(pattern.triggers) + " " + pattern.source for pattern in lexicon.patterns]
    sentences += triggers + [t.upper() for t in triggers]  # every trigger word, in both cases
    for pattern in lexicon.patterns:
        plain, gated = _plain_regex(pattern), pattern.regex
        for sentence in sentences:
            assert [m.span() for m in gated.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)], (
                pattern.name, sentence)


def test_most_patterns_are_gated() -> None:
    patterns = [pattern for lexicon in LEXICON_LIST for pattern in lexicon.patterns]
    gated = [p for p in patterns if p.regex.pattern != p.source]
    assert len(gated) > 0.9 * len(patterns)


@pytest.mark.parametrize(("source", "flags", "first"), [
    (r"\bmight\b", re.IGNORECASE, "m"),
    (r"\b(?:un)?likely\b|\blikelihood\b", re.IGNORECASE, "lu"),  # an optional first part: it or what follows
    (r"(?<=[,\"] )(?:says|said|told)\s+[A-Z]", 0, "st"),  # look-behinds consume nothing
    (r"(?:a|b)+c", 0, "ab"),
    (r"[x-z]\d", 0, "xyz"),
    (r"\w+", 0, None),  # a category: no gate
    (r"[^a]b", 0, None),  # a negated class: no gate
    (r"a?", 0, None),  # may match nothing
    (r"(?i:a)b", 0, None),  # an inline flag: no gate
    (r"a*b?", 0, None),
])
def test_first_characters(source: str, flags: int, first: str | None) -> None:
    found = first_characters(source, flags)
    assert (None if found is None else "".join(sorted(found))) == first


# --- a new word's parts, built without string keys or the named tuples' __new__ (hedgespeed9)

def _reference_part(scorer: HedgeScorer, word: str, stem: str) -> WordPart:
    """`HedgeScorer.part_of` as it was: the features by name, `_log1m_sigmoid` called, the named tuple built."""
    weights, bias = scorer.weights, scorer.token_bias
    left, right = scorer._neighbour_weights
    logit = bias + weights.get("w:" + word, 0.0) + weights.get("s:" + stem, 0.0)
    best = [max(0.0, max(pairs[stem].values(), default=0.0)) if stem in pairs else 0.0 for pairs in (left, right)]
    most = logit + best[0] + best[1]
    return WordPart(word, stem, logit, left.get(stem), right.get(stem), most, _log1m_sigmoid(most),
                    word in scorer._lexicon_index, _log1m_sigmoid(logit))


def _reference_record(model: HedgeModel, written: str) -> WordRecord:
    """`HedgeModel._word_record` as it was: the patterns of the written run by `patterns_of_word`."""
    word = written.lower().replace("’", "'")
    stem = stemmer("english")(word)
    if "'" not in word:
        weight = model.register.stem_weights.get(stem, 0.0)
        return WordRecord(_reference_part(model.general, word, stem), ENGLISH.patterns_of_word(written), ((stem, weight),))
    runs = re.split("['’]", written)
    patterns = tuple(sorted(set().union(*map(ENGLISH.patterns_of_word, runs))))
    return WordRecord(_reference_part(model.general, word, stem), patterns, tuple(map(model.register.weight_of_word, runs)))


def test_word_records_are_built_as_before() -> None:
    model = load_hedge_model()
    words = {w for sentence in SENTENCES + _odd_sentences() for w in model.sentence_words(sentence).words}
    words |= {"\u212aay", "\u212aAY", "MAY", "Might", "perhaps", "don’t", "ſeem", "İf"}  # Kelvin sign, long s, dotted I
    word_record = model._word_record.__wrapped__  # type: ignore[attr-defined]
    for word in sorted(words):
        assert word_record(word) == _reference_record(model, word), word
        for scorer in (model.general, model.scientific):
            lower = word.lower().replace("’", "'")
            stem = stemmer("english")(lower)
            assert scorer.part_of(lower, stem) == _reference_part(scorer, lower, stem), word


def test_word_starts_are_the_word_regex_match_starts() -> None:
    model = load_hedge_model()
    sentences = SENTENCES + _odd_sentences() + ["rock'n'roll isn't it’s o'clock '’ x'y ’tis", "aa a aaa a", "", "Über über é"]
    for sentence in sentences:
        words = model.sentence_words(sentence)
        assert words.starts(sentence) == [m.start() for m in word_regex(sentence).finditer(sentence)], sentence


@pytest.mark.parametrize("scorer_name", ["general", "scientific"])
def test_phrase_groups_are_those_of_phrases_at(scorer_name: str) -> None:
    scorer: HedgeScorer = getattr(load_hedge_model(), scorer_name)
    index = scorer._lexicon_index
    phrases = [" ".join(words) for by_second in index.values() for entries in by_second.values() for words, _ in entries]
    for sentence in SENTENCES + phrases + [" ".join(phrases[n : n + 5]) for n in range(0, len(phrases), 3)]:
        parts = [scorer._word_part(w) for w in word_regex(sentence).findall(sentence)]
        words = [part.word for part in parts]
        reference: dict[int, list[str]] = {}
        for i in range(len(words)):
            for phrase, group in phrases_at(index, words, i):
                for j in range(i, i + len(phrase)):
                    reference.setdefault(j, []).append(group)
        found = scorer._phrase_groups(parts)
        assert {i: set(g) for i, g in reference.items()} == found, sentence
