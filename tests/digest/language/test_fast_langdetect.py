"""FastDetector over the compact profile table must give langdetect's probabilities to the last bit."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect import DetectorFactory
from langdetect.detector import Detector

from bot.digest.language.fast_langdetect import FastDetector
from bot.digest.language.language_detector import _sample
from bot.digest.language.profile_table import langdetect_factory, profile_table

LANGUAGES = Path(__file__).resolve().parents[2] / "data" / "languages"

TEXTS = [
    "The council met on Tuesday. It voted to close the bridge.",
    "NASA and the ESA said the JWST launch slipped; see https://example.com/x or write to a@b.org.",
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen.",
    "Das ist gut. Ok sehr gut.",
    "東京都は月曜日、新しい計画を発表した。カタカナのテスト。",
    "北京市政府周一宣布了一项新的计划。",
    "서울시는 월요일에 새로운 계획을 발표했다.",
    "Москва объявила о новом плане в понедельник. ABC и DEF.",
    "Hà Nội công bố kế hoạch mới vào thứ Hai.",  # Vietnamese marks, normalised by langdetect
    "Şeful guvernului a anunțat un plan; țara îl așteaptă.",  # Romanian comma-below letters
    "   leading  and   repeated   spaces,   ALL CAPS WORDS   and a trailing space ",
    "x",
    "A",
]


@functools.lru_cache(maxsize=1)
def _reference_factory() -> DetectorFactory:
    return langdetect_factory(profile_table().langlist)


def _detector(detector_class: type[Detector]) -> Detector:
    """Ours over the shipped table; langdetect's own Detector over its own profile files."""
    return FastDetector(profile_table()) if detector_class is FastDetector else detector_class(_reference_factory())


def _probabilities(detector_class: type[Detector], text: str) -> tuple[object, str]:
    detector = _detector(detector_class)
    detector.append(text)
    try:
        detector.get_probabilities()
    except Exception as exc:  # "no features": both must fail alike
        return repr(exc), detector.text
    return detector.langprob, detector.text


def _check(text: str) -> None:
    assert _probabilities(FastDetector, text) == _probabilities(Detector, text)


@pytest.mark.parametrize("text", TEXTS)
def test_same_probabilities_as_langdetect(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("path", sorted(LANGUAGES.glob("*.txt")), ids=lambda p: p.stem)
def test_same_probabilities_on_the_language_samples(path: Path) -> None:
    _check(_sample(path.read_text(encoding="utf-8")))


def test_same_probabilities_on_the_sample_article(sample_text: str) -> None:
    _check(_sample(sample_text))


def _answer(detector_class: type[Detector], text: str) -> str:
    detector = _detector(detector_class)
    detector.append(text)
    try:
        return detector.detect()
    except Exception as exc:
        return repr(exc)


MIXED = [  # texts where no language is certain after a few trials: the early exit must not decide them
    "Der Hund. The dog. Le chien. El perro. Il cane. O cão. De hond.",
    "Ok ok ok ja nej si no da",
    "Москва Berlin Paris 東京",
]


@pytest.mark.parametrize("text", TEXTS + MIXED + [p.read_text(encoding="utf-8") for p in sorted(LANGUAGES.glob("*.txt"))])
def test_early_exit_gives_langdetects_answer(text: str) -> None:
    assert _answer(FastDetector, _sample(text)) == _answer(Detector, _sample(text))


def test_early_exit_skips_trials_on_a_clear_text(sample_text: str) -> None:
    detector = FastDetector(profile_table())
    detector.append(_sample(sample_text))
    draws: list[object] = []
    randbelow = detector.random._randbelow  # what random.choice draws with; FastDetector calls it directly
    detector.random._randbelow = lambda n: draws.append(None) or randbelow(n)  # type: ignore[method-assign]
    detector.detect()
    early = len(draws)
    draws.clear()
    detector.get_probabilities()
    assert 0 < early < len(draws)


def test_the_table_holds_langdetects_profiles_to_the_last_bit() -> None:
    """Every n-gram of langdetect's files, with the probabilities its factory computes, nothing else."""
    table, reference = profile_table(), _reference_factory()
    assert table.langlist == reference.langlist == sorted(reference.langlist)
    assert table.grams.keys() == reference.word_lang_prob_map.keys()
    differing = [gram for gram, row in reference.word_lang_prob_map.items() if table.row(table.grams[gram]).tolist() != row]
    assert differing == []


def test_non_latin_class_is_every_character_from_u0300_outside_latin_extended_additional():
    from bot.digest.language.fast_langdetect import _NON_LATIN

    for code in range(0x110000):
        expected = code >= 0x300 and not 0x1E00 <= code <= 0x1EFF
        assert bool(_NON_LATIN.match(chr(code))) == expected, hex(code)


def test_script_counts_are_the_regex_counts_for_every_character() -> None:
    """Byte counts give `len(_LATIN.findall)` and `len(_NON_LATIN.findall)` for each code point alone."""
    from bot.digest.language.fast_langdetect import _LATIN, _NON_LATIN, script_counts

    for code in range(0x110000):
        character = chr(code)
        assert script_counts(character) == (len(_LATIN.findall(character)), len(_NON_LATIN.findall(character))), hex(code)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=40))
def test_script_counts_are_the_regex_counts(text: str) -> None:
    from bot.digest.language.fast_langdetect import _LATIN, _NON_LATIN, script_counts

    assert script_counts(text) == (len(_LATIN.findall(text)), len(_NON_LATIN.findall(text)))


@pytest.mark.parametrize("path", sorted(LANGUAGES.glob("*.txt")), ids=lambda p: p.stem)
def test_script_counts_on_the_language_samples(path: Path) -> None:
    from bot.digest.language.fast_langdetect import _LATIN, _NON_LATIN, script_counts

    text = path.read_text(encoding="utf-8")
    assert script_counts(text) == (len(_LATIN.findall(text)), len(_NON_LATIN.findall(text)))
