"""The paste cleaner's speed-ups (each line split once a paste, cached and cleared per paste) change no answer:
pinned outputs and features on small built-in pastes, and the cached word lists against `WORD.findall` on tricky
lines and, when ../shared is present, on every line of the benchmark pastes."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.paste.features import lexicon_features, split_lines, text_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.phrases import WORD, clear_line_caches, line_key, line_words, lower_words

TEXTS = [
    "Home | News | Sport\nMenu\n\nCity council approves new park budget\n\nBy Jane Doe\nMarch 3, 2024\n\n"
    "The city council voted on Tuesday to approve a budget of two million dollars for a new park in the north district. "
    "The plan includes playgrounds, a pond and walking trails.\n\nResidents had asked for more green space for years. "
    "\"This is a great day for our neighbourhood,\" said one local resident who attended the meeting.\n\n"
    "Share this\nFacebook\nTwitter\n12 Comments\nLeave a Reply\n© 2024 Example News. All rights reserved.",
    "Startseite\nPolitik\n\nRegierung plant neue Steuerreform\n\nVon Max Mustermann\n12.03.2024, 14:32 Uhr\n\n"
    "Die Bundesregierung hat am Dienstag einen Entwurf für eine neue Steuerreform vorgelegt. Der Plan sieht Entlastungen "
    "für kleine und mittlere Einkommen vor.\n\nKritiker bemängeln, dass die Finanzierung noch unklar sei. Die Opposition "
    "kündigte Widerstand im Bundestag an.\n\nMehr zum Thema\nKommentare\nImpressum\nDatenschutz",
    "Can bitcoin succeed in China?\n\nThe currency has had a rough year. Regulators have cracked down on exchanges. Yet "
    "trading volume keeps growing in the country.\n\nAnalysts disagree about what comes next. Some expect a ban. Others "
    "think the market is too big to stop.",
    "Subscribe to our newsletter\nGet the latest news\n\nREAD MORE\n\nRecent Articles\nFirst story headline here\n"
    "Second story headline here\n\nA long day at the harbour: fishermen returned with record catches after weeks of storms "
    "kept the fleet ashore, and prices at the market fell by a third on Friday morning.\nAdvertisement\n"
    "Harbour officials said the season could be the best in a decade if the weather holds.\n\nPosted in Local | Tagged fishing",
]

# What main gave before the speed-up (4 Dec 2026), title and body.
EXPECTED = [
    ('City council approves new park budget', 'The city council voted on Tuesday to approve a budget of two million dollars for a new park in the north district. The plan includes playgrounds, a pond and walking trails.\n\nResidents had asked for more green space for years. "This is a great day for our neighbourhood," said one local resident who attended the meeting.'),
    ('Regierung plant neue Steuerreform', 'Die Bundesregierung hat am Dienstag einen Entwurf für eine neue Steuerreform vorgelegt. Der Plan sieht Entlastungen für kleine und mittlere Einkommen vor.\n\nKritiker bemängeln, dass die Finanzierung noch unklar sei. Die Opposition kündigte Widerstand im Bundestag an.'),
    ('Can bitcoin succeed in China?', 'The currency has had a rough year. Regulators have cracked down on exchanges. Yet trading volume keeps growing in the country.\n\nAnalysts disagree about what comes next. Some expect a ban. Others think the market is too big to stop.'),
    ('Second story headline here', 'A long day at the harbour: fishermen returned with record catches after weeks of storms kept the fleet ashore, and prices at the market fell by a third on Friday morning.\n\nHarbour officials said the season could be the best in a decade if the weather holds.'),
]
# sha1 of repr([(text_features, lexicon_features) for every line of TEXTS]) as main computed them.
FEATURES_SHA1 = "ec7cf3abf45bf398d9d08bf160c4521243d60375"

TRICKY = ["", "a", "Snake_Case HOME | News", "x_" * 160, "İstanbul İSTANBUL", "ǅemal ǄEMAL", "ΣΑΣ σας", "snake_case_WORD", "x" * 2500, "ẞtraße STRASSE " * 200, "日本語のテキスト 2024年5月12日"]
SHARED = Path(__file__).resolve().parents[4] / ".." / "shared" / "data" / "pastes"


def test_pinned_outputs() -> None:
    for _ in range(2):  # the second round runs with whatever the first left in the caches
        assert [(c.title, c.body) for c in map(clean_paste, TEXTS)] == EXPECTED


def test_pinned_features() -> None:
    lexicon = load_model().lexicon
    clear_line_caches()
    rows = [(text_features(line.text), lexicon_features(line.text, lexicon)) for text in TEXTS for line in split_lines(text)]
    assert hashlib.sha1(repr(rows).encode()).hexdigest() == FEATURES_SHA1


def _check_words(lines: list[str]) -> None:
    for text in lines:
        assert line_key(text) == " ".join(WORD.findall(text[:300].lower())).replace("_", " ")
        for limit in (None, 300, 2000):
            assert line_words(text, limit) == WORD.findall(text[:limit])
            assert lower_words(text, limit) == [w.lower() for w in WORD.findall(text[:limit])]


def test_cached_words_match_findall() -> None:
    _check_words(TRICKY)
    _check_words(TRICKY)  # from the caches


@pytest.mark.skipif(not SHARED.is_dir(), reason="benchmark pastes not present")
def test_cached_words_on_benchmark_pastes() -> None:
    lines: list[str] = []
    with open(SHARED / "scrapinghub.jsonl", encoding="utf-8") as handle:
        entries = [json.loads(row) for row in handle if row.strip()]
    with gzip.open(SHARED / "wcxb-dev-articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        entries += [json.loads(row) for row in handle if row.strip()]
    for entry in entries:
        lines += [line.text for line in split_lines(entry.get("paste") or "")]
    assert len(lines) > 1000
    clear_line_caches()
    _check_words(lines)
