import pytest

from bot.digest.language.language_detector import detect_language, identify, language_for
from bot.digest.models import DigestError

GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
    "Nach Angaben des Ministeriums sollen damit bis zum Jahr 2030 deutlich mehr Windräder gebaut werden."
)


def test_english_sample_is_english(sample_text: str) -> None:
    language = detect_language(sample_text)
    assert (language.code, language.name) == ("en", "english")
    assert language.stemmer and language.stop_words and language.note is None


def test_detection_is_deterministic() -> None:
    # langdetect samples at random; a short, ambiguous text shows any lack of a fixed seed.
    text = "Das ist gut. Ok sehr gut."
    assert len({identify(text) for _ in range(20)}) == 1


def test_german_maps_to_sumy_name() -> None:
    assert detect_language(GERMAN).name == "german"


def test_forced_language_skips_detection() -> None:
    assert detect_language(GERMAN, forced="fr").name == "french"


def test_unknown_language_degrades_with_a_note() -> None:
    language = language_for("sw")
    assert not language.stemmer and not language.stop_words
    assert language.note and "sw" in language.note


def test_language_without_stemmer_says_so() -> None:
    language = language_for("tr")  # stop words exist, no Snowball stemmer in sumy
    assert language.name == "turkish" and not language.stemmer
    assert "stemmer" in (language.note or "")


def test_too_short_text_is_a_clear_error() -> None:
    with pytest.raises(DigestError, match="too short"):
        identify("Hi")


def test_unknown_forced_code_is_refused() -> None:
    with pytest.raises(DigestError, match="Unknown language code"):
        detect_language(GERMAN, forced="xx")


def test_thai_is_refused_with_a_clear_message() -> None:
    text = "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือ ซึ่งคาดว่าจะใช้งบประมาณหลายพันล้านบาท"
    with pytest.raises(DigestError, match="cannot summarize Thai"):
        detect_language(text)


def test_an_article_drowned_in_emoji_is_read_by_its_words() -> None:
    # The start, middle and end of the text (langdetect's sample) are all emoji: the words alone are asked again.
    article = "Die Stadt hat am Dienstag beschlossen, die alte Bibliothek zu schließen und am Fluss eine neue zu bauen. " * 6
    flood = "😀🎉🔥" * 1200 + article + "🚀✨💯" * 1200
    assert identify(flood) == identify(article) == "de"
    with pytest.raises(DigestError, match="Could not tell"):
        identify("😀🎉🔥 ✨💯🚀 " * 400)  # no words at all: still one clear answer
