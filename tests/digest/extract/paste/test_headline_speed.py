"""The headline choice and the promo test made cheaper (eighth session) give what the plain versions gave.

The reference functions below are the code before that change, kept verbatim: `headline_rows` (with
`title_candidates`, `find_title` and `_echoes`) asked `headline_like` and `_is_meta` for the same lines
again and again; `is_promo_line` lower-cased the line once per cued search and split every short line into
sentences. Both versions must return the same candidates, the same feature rows (bit for bit) and the same verdicts.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest

from bot.digest.extract.paste import promo, title
from bot.digest.extract.paste.cleaner import paste_lines
from bot.digest.extract.paste.features import DATE_ONLY, PasteLine, is_plain, own_features, search_with_cues
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.phrases import CTA_TARGETS, CTA_VERBS, WORD, clear_line_caches, line_words, lower_words
from bot.digest.extract.paste.regions import select_lines
from bot.digest.extract.paste.scoring import Analysis, score_lines
from bot.digest.extract.paste.wraps import BULLET_START
from tests.digest.extract.paste.test_realistic_pastes import PASTES


# --- reference: title.py before the change ------------------------------------------------------------------

def reference_overlap(text: str, vocabulary) -> float:  # type: ignore[no-untyped-def]
    words = [w for w in lower_words(text, 300) if len(w) >= 3]
    return sum(1 for w in words if w in vocabulary) / len(words) if words else 0.0


def reference_body_word_counts(lines, keep, first):  # type: ignore[no-untyped-def]
    counts: Counter[str] = Counter()
    for i in range(first, len(lines)):
        if keep[i]:
            counts.update(lower_words(lines[i].text, 3000))
            if len(counts) > title._BODY_VOCABULARY:
                break
    return counts


def reference_find_title(lines, features, keep, lookback):  # type: ignore[no-untyped-def]
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return None
    start = first if title.headline_like(lines[first], features[first]) and any(keep[first + 1 :]) else first - 1
    for i in range(start, max(-1, first - 1 - lookback), -1):
        if title.headline_like(lines[i], features[i]):
            return i
    return None


def reference_title_candidates(analysis: Analysis, keep: Sequence[bool], lookback: int, body_counts: Counter[str]):  # type: ignore[no-untyped-def]
    lines = analysis.lines
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return [], np.zeros((0, len(title.TITLE_NAMES)))
    candidates = [
        i for i in range(max(0, first - lookback), min(len(lines), first + title._TITLE_BODY_LINES))
        if len(lines[i].text) <= title._TITLE_MAX_CHARS and not analysis.features[i][DATE_ONLY] and not title._never_headline(lines[i].text)
    ]
    if not candidates:
        return [], np.zeros((0, len(title.TITLE_NAMES)))
    wanted = {lines[i].text for i in candidates}
    counts: dict[str, int] = {}
    for line in lines:
        if line.text in wanted:
            counts[line.text] = counts.get(line.text, 0) + 1
    rule = reference_find_title(lines, analysis.features, keep, lookback)
    body_words = body_counts.keys()
    features = analysis.features
    longest = max(features[i][title.LOG_CHARS] for i in candidates)
    rows = []
    rank = 0
    meta_reach = title._META_REACH
    for i in sorted(candidates, key=lambda c: abs(c - first)):
        line = lines[i]
        own = analysis.features[i]
        headline = title.headline_like(line, own)
        text_part = [own[k] for k in title._TITLE_TEXT_INDEX]
        text_part[title._BLANK_BEFORE_AT] = float(line.blank_before)
        text_part[title._BLANK_AFTER_AT] = float(line.blank_after)
        rows.append((i, text_part + [
            math.log(counts[line.text]), math.log1p(abs(first - i)), float(i >= first), analysis.probs[i],
            float(headline), math.log1p(rank) if headline else 3.0, float(i == 0), float(i == rule),
            reference_overlap(line.text, body_words), float("»" in line.text or " > " in line.text or " / " in line.text),
            float(line.text.rstrip().endswith("?")),
            float(any(title._is_meta(lines[j].text, features[j]) for j in range(i + 1, min(len(lines), i + 1 + meta_reach)))),
            float(any(title._is_meta(lines[j].text, features[j]) for j in range(max(0, i - meta_reach), i))),
            own[title.LOG_CHARS] - longest,
            title._menu_share(features, i),
        ]))
        rank += headline
    rows.sort()
    return [i for i, _ in rows], np.array([row for _, row in rows], dtype=float)


def reference_echoes(lines, candidates):  # type: ignore[no-untyped-def]
    folded = "\n".join(line.text for line in lines).casefold()
    exact: dict[str, int] = {}
    for line in lines:
        exact[line.text] = exact.get(line.text, 0) + 1
    return {i: folded.count(lines[i].text.casefold()) - exact[lines[i].text] if len(lines[i].text) >= 8 else 0 for i in candidates}


def reference_headline_rows(analysis: Analysis, keep: Sequence[bool], lookback: int):  # type: ignore[no-untyped-def]
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return [], np.zeros((0, len(title.HEADLINE_FEATURES)))
    lines, features = analysis.lines, analysis.features
    body_counts = reference_body_word_counts(lines, keep, first)
    candidates, base = reference_title_candidates(analysis, keep, lookback, body_counts)
    if not candidates:
        return [], np.zeros((0, len(title.HEADLINE_FEATURES)))
    most_capitalised = max(features[i][title.TITLE_RATIO] for i in candidates)
    echoes = reference_echoes(lines, candidates)
    lede = title._lede_words(lines, keep, first)
    topics = np.array([title._topic(lines[i].text, body_counts) for i in candidates], dtype=float)
    extra = []
    for i in candidates:
        text = lines[i].text
        above = i > 0 and title.headline_like(lines[i - 1], features[i - 1]) and len(lines[i - 1].text) < len(text)
        extra.append([
            math.log1p(echoes[i]), features[i][title.TITLE_RATIO] - most_capitalised, reference_overlap(text, lede),
            float(above), float(title.headline_text(text) != text),
        ])
    below = [
        [features[i][title.TITLE_RATIO] - features[i + 1][title.TITLE_RATIO]
         if i + 1 < len(lines) and title.headline_like(lines[i + 1], features[i + 1]) else 0.0]
        for i in candidates
    ]
    # The contents-heading column (eleventh session) came after that change: the shipped function is reused.
    contents = np.array([[c] for c in title.below_contents(lines, candidates)], dtype=float)
    # The headline-like lines above each candidate (twelfth session), counted afresh line by line.
    above = [
        [math.log1p(sum(title.headline_like(lines[j], features[j]) for j in range(candidates[0], i)))] for i in candidates
    ]
    return candidates, np.hstack([
        base, np.asarray(extra, dtype=float), topics, topics - topics.max(axis=0), np.asarray(below, dtype=float), contents,
        np.asarray(above, dtype=float),
    ])


# --- reference: promo.py before the change ------------------------------------------------------------------

def reference_is_call_to_action(sentence: str) -> bool:
    lowered = [w.lower() for w in WORD.findall(sentence[:300])]
    return (
        0 < len(lowered) <= 12 and lowered[0] in CTA_VERBS and not sentence.rstrip().endswith(".")
        and any(w in CTA_TARGETS for w in lowered[1:])
    )


def reference_is_promo_line(text: str) -> bool:
    p = promo
    sample = text[:600]
    words = line_words(text, 600)
    if not words or len(words) > 60:
        return False
    plain = is_plain(sample)
    disclosure = search_with_cues(p._DISCLOSURE, p._DISCLOSURE_CUES, sample, plain)
    if (disclosure and p._FIRST_PERSON.search(sample)) or p._LEAD_IN.match(sample) or search_with_cues(p._CONSENT, ("cookie",), sample, plain):
        return True
    if search_with_cues(p._SITE_CALL, p._SITE_CALL_CUES, sample, plain) or search_with_cues(p._SITE_NOTICE, p._SITE_NOTICE_CUES, sample, plain):
        return True
    if p._MORE_BY.match(sample) or p._NAVIGATION_OR_CREDIT.match(sample):
        return True
    if len(words) <= 40 and p.AUTHOR_BIO.match(sample):
        return True
    if len(text) <= 400 and p._FIRST_NAME_BIO.match(sample):
        return True
    if p._POSTED.match(sample) and (len(words) <= 14 or len(words) <= 40 and p._POSTED_ON.match(sample) and not p.SENTENCE_END.search(sample)):
        return True
    if p._PATH_LINE.fullmatch(sample) and not p.URL.match(sample):
        return True
    if len(words) > 20 or BULLET_START.match(sample):
        return False
    sentences = p._SENTENCE_SPLIT.split(sample.strip())
    return len(sentences) <= 2 and (reference_is_call_to_action(sentences[0]) or reference_is_call_to_action(sentences[-1]))


# --- lines and pastes -------------------------------------------------------------------------------------------

PROMO_LINES = [
    "Get the FREE eBook!", "Stop Searching & Start Winning. Talk To Our Experts", "Download our free guide now",
    "Subscribe to our newsletter", "Sign up for updates.", "Get the FREE eBook today. It is good.", "GET THE FREE EBOOK",
    "We may earn a commission from links on this page.", "We use cookies to improve your experience.",
    "Nous utilisons des cookies pour améliorer votre expérience.", "Jane Doe is a freelance writer who covers tech.",
    "Irene is an experienced writer with ten years in travel.", "Posted by David at December 16, 2025",
    "Related: How to grow tomatoes", "/content/site/fragments/article-details", "Follow us on Instagram",
    "Download ÉBOOK gratuit — get the guide", "Learn more about our courses! Contact us", "Read more: the full story",
    "Already have an account? Log in", "Previous: Paying for the rides", "Recently by Jeffrey Zeldman",
    "Get " + "x" * 400 + " guide", "x" * 297 + " get the guide", "  Get your free quote   ", "Get. Free guide.",
    "Contact us for a free consultation", "Book a demo today", "Try it free for 30 days", "Join our community",
]
PROSE = [
    "The council approved the new budget on Tuesday after a long debate.",
    "Researchers found that the drug reduced symptoms in most patients.",
    "Get ready: the storm is expected to reach the coast by Friday night, officials said.",
    "Download speeds fell sharply during the outage, according to the report.",
    "She said the plan would cost about $2 million over five years.",
]
MENU = ["Home", "News", "Sport", "Business | World", "Home › News › Science", "Search", "Sign in", "By Jane Doe", "June 3, 2024", "5 min read"]
HEADLINES = [
    "Storm Batters Coast as Thousands Lose Power", "Council approves the new budget | Daily Example",
    "Why the drug works – and why it may not", "How we tested the best laptops", "Key Takeaways", "What happens next?",
]


def random_paste(rng: random.Random) -> str:
    parts = rng.sample(MENU, rng.randint(0, len(MENU)))
    parts += rng.sample(HEADLINES, rng.randint(1, 2))
    parts += rng.sample(MENU, rng.randint(0, 3))
    for _ in range(rng.randint(2, 12)):
        parts.append(rng.choice(PROSE + PROMO_LINES + PROSE + HEADLINES))
        if rng.random() < 0.2:
            parts.append("")
    parts += rng.sample(PROMO_LINES, rng.randint(0, 4)) + rng.sample(MENU, rng.randint(0, 4))
    return "\n".join(parts)


def analyses() -> list[Analysis]:
    texts = [paste.text() for paste in PASTES.values()]
    rng = random.Random(14)
    texts += [random_paste(rng) for _ in range(120)]
    model = load_model()
    found = []
    for text in texts:
        clear_line_caches()
        lines = paste_lines(text)
        found.append(score_lines(lines, own_features(lines), model))
    return found


@pytest.fixture(scope="module")
def scored() -> list[Analysis]:
    return analyses()


def keep_masks(analysis: Analysis, rng: random.Random) -> list[list[bool]]:
    n = len(analysis.lines)
    masks = [select_lines(analysis, load_model().decode)]
    for _ in range(3):
        start = rng.randrange(n)
        masks.append([start <= i and rng.random() < 0.8 for i in range(n)])
    return masks


def test_headline_rows_match_the_reference(scored: list[Analysis]) -> None:
    rng = random.Random(4)
    compared = 0
    for analysis in scored:
        for keep in keep_masks(analysis, rng):
            for lookback in (3, 12, 30):
                want = reference_headline_rows(analysis, keep, lookback)
                got = title.headline_rows(analysis, keep, lookback)
                assert got[0] == want[0]
                assert got[1].shape == want[1].shape and got[1].tobytes() == want[1].tobytes()
                assert title.find_title(analysis.lines, analysis.features, keep, lookback) == reference_find_title(
                    analysis.lines, analysis.features, keep, lookback
                )
                compared += bool(want[0])
    assert compared > 300


def test_title_candidates_without_a_shared_cache_match(scored: list[Analysis]) -> None:
    for analysis in scored[:20]:
        keep = select_lines(analysis, load_model().decode)
        first = next((i for i, k in enumerate(keep) if k), None)
        if first is None:
            continue
        counts = reference_body_word_counts(analysis.lines, keep, first)
        want = reference_title_candidates(analysis, keep, 12, counts)
        got = title.title_candidates(analysis, keep, 12)
        assert got[0] == want[0] and got[1].tobytes() == want[1].tobytes()


def test_promo_verdicts_match_the_reference(scored: list[Analysis]) -> None:
    texts = {line.text for analysis in scored for line in analysis.lines} | set(PROMO_LINES) | set(PROSE)
    rng = random.Random(9)
    words = [w for text in PROMO_LINES + PROSE for w in text.split()]
    texts |= {" ".join(rng.choices(words, k=rng.randint(1, 25))) + rng.choice(["", ".", "!", "?"]) for _ in range(3000)}
    verdicts = Counter()
    for text in texts:
        want = reference_is_promo_line(text)
        assert promo.is_promo_line(text) == want, text
        verdicts[want] += 1
    assert verdicts[True] > 100 and verdicts[False] > 100
    for sentence in texts:
        assert promo._is_call_to_action(sentence) == reference_is_call_to_action(sentence), sentence


def test_body_word_counts_stop_where_the_line_by_line_count_stops() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(6000)] + ["the", "The", "THE", "Straße", "İstanbul"]
    for size in (5, 50, 400, 1500):
        lines = [PasteLine(" ".join(rng.choices(vocabulary, k=rng.randint(1, 60))), n, False, False) for n in range(size)]
        for _ in range(3):
            keep = [rng.random() < 0.7 for _ in lines]
            first = next((i for i, k in enumerate(keep) if k), 0)
            want = reference_body_word_counts(lines, keep, first)
            got = title.body_word_counts(lines, keep, first)
            assert list(got.items()) == list(want.items())
    assert len(want) > title._BODY_VOCABULARY  # the stop was reached
