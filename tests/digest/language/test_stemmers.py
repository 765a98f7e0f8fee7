"""PyStemmer's Snowball stemmers against NLTK's, which sumy used; and the digest path without NLTK."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.languages import load_articles
from bot.digest.language.language_detector import language_for
from bot.digest.language.stemmers import SNOWBALL, SUMY_OWN, stemmer
from bot.digest.segment.sumy_adapter import words

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "syrian-officers-defect.txt"
SAMPLES = {language_for(a.code).name: a.text for a in load_articles()} | {"english": SEED.read_text(encoding="utf-8")}

# Share of a sample's distinct words (as written, any case) stemmed as NLTK stems them. PyStemmer
# follows a newer Snowball release: French and Italian strip elided articles ("l'école"), Arabic,
# German, Romanian and Swedish changed some suffix rules, English some prefixes ("international": NLTK
# "intern", PyStemmer "internat"); the rest agree on every word here.
LEAST_AGREEMENT = {"english": 0.99, "arabic": 0.8, "french": 0.85, "italian": 0.9, "german": 0.97, "romanian": 0.95, "swedish": 0.97}


@pytest.mark.parametrize("name", sorted(set(SNOWBALL) & set(SAMPLES)))
def test_snowball_stems_agree_with_nltk(name: str) -> None:
    nltk_stem = pytest.importorskip("nltk.stem.snowball").SnowballStemmer(name).stem
    ours = stemmer(name)
    vocabulary = set(words(SAMPLES[name]))
    assert len(vocabulary) > 100
    agree = sum(ours(word) == nltk_stem(word) for word in vocabulary) / len(vocabulary)
    assert agree >= LEAST_AGREEMENT.get(name, 1.0), f"{name}: {agree:.3f}"


def test_stems_are_lower_case_and_per_thread() -> None:
    import threading

    english = stemmer("english")
    assert english("Running") == english("running") == "run"
    seen: list[str] = []
    threads = [threading.Thread(target=lambda: seen.append(english("Organizations"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [english("organizations")] * 4


def test_sumys_own_stemmers_stay_for_czech() -> None:
    assert stemmer("czech")("hrady") == "hrad"
    with pytest.raises(LookupError):
        stemmer("klingon")


@pytest.mark.parametrize("name", sorted(set(SUMY_OWN) & set(SAMPLES) - {"greek", "polish"}))  # those two need packages not installed
def test_sumys_own_stemmers_are_sumys(name: str) -> None:
    """Read from their modules without sumy.nlp.stemmers' package (NLTK): the same stems as sumy's `Stemmer`."""
    sumy_stem = pytest.importorskip("sumy.nlp.stemmers").Stemmer(name)
    vocabulary = set(words(SAMPLES[name]))
    assert len(vocabulary) > 100
    assert [stemmer(name)(word) for word in sorted(vocabulary)] == [sumy_stem(word) for word in sorted(vocabulary)]


def test_a_czech_digest_does_not_import_nltk() -> None:
    """NLTK and pycountry (through sumy.nlp.stemmers' package) took 24 MB of a digest worker from its first Czech,
    Slovak, Greek, Polish or Ukrainian text on."""
    code = (
        "import sys\n"
        "from bench.languages import load_articles\n"
        "from bot.digest.pipeline import digest_document\n"
        "from bot.digest.sources import document_from_text\n"
        "from bot.settings import DigestSettings\n"
        "article = next(a for a in load_articles() if a.code == 'cs')\n"
        "digest = digest_document(document_from_text(article.text), DigestSettings())\n"
        "print('LANGUAGE', digest.language, 'IMPORTED', sorted(m for m in ('nltk', 'pycountry') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "LANGUAGE cs IMPORTED []" in result.stdout


def test_a_digest_imports_neither_nltk_nor_requests() -> None:
    """The command line's summarize path: NLTK (through sumy's stemmers) and `requests` (through sumy.utils)
    cost about a second of imports and are not needed for English."""
    code = (
        "import sys\n"
        "from bot.cli.main import main\n"
        f"main(['summarize', {str(SEED)!r}])\n"
        "heavy = sorted(m for m in ('nltk', 'requests', 'sumy.utils') if m in sys.modules)\n"
        "print('IMPORTED', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "IMPORTED []" in result.stdout


def test_a_snowball_stemmer_keeps_no_cache_of_its_own() -> None:
    """PyStemmer's own cache (10,000 words by default) grew a worker for hundreds of digests behind the bounded memo
    of `summarize.features`; stems are the same without it."""
    english = stemmer("english")
    assert english._stem_word.__self__.maxCacheSize == 0  # type: ignore[attr-defined]
    assert [english(w) for w in ("Running", "international", "Trump’s")] == ["run", "internat", "trump"]
