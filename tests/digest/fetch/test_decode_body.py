"""Undeclared legacy encodings: the decoding that reads as text wins (issue 11, item 3)."""

from __future__ import annotations

import pytest

from bot.digest.fetch.fetcher import decode_body

TEXTS = {
    "english": (
        "The new café on Main Street opened on Monday. Its owner, Zoë Müller, said the cafés in town pay "
        "about £4,000 a month in rent, and that she hopes to break even by spring. Customers praised the "
        "crème brûlée and the décor.\n"
    ),
    "english-prices": (
        "Prices at the cafés rose again. A flat white now costs £3.20, up from £2.90 last year, according "
        "to a survey of 1,200 cafés. The naïve hope that prices would fall was misplaced, the author said.\n"
    ),
    "french": (
        "Le café était plein dès midi. Les élèves attendaient près de la gare où le train n'arrivait pas. "
        "« C'est déjà la troisième fois cette semaine », a déclaré une mère de famille, très fâchée. "
        "La société a présenté ses excuses.\n"
    ),
    "german": (
        "Die Brücke über den Fluss wird im nächsten Jahr gebaut, sagte Bürgermeister Jürgen Müller am "
        "Dienstag. Die Kosten betragen rund 4 Millionen Euro. Anwohner hatten sich über den Lärm beschwert, "
        "größere Lastwagen müssen künftig einen Umweg fahren.\n"
    ),
    "german-street": (
        "Straße gesperrt: Wegen Bauarbeiten ist die Hauptstraße ab Montag für zwei Wochen gesperrt. "
        "Fußgänger können die Baustelle über einen Nebenweg umgehen. Die Stadtwerke erneuern dort Leitungen.\n"
    ),
    "spanish": (
        "El alcalde anunció que la construcción del puente comenzará en otoño. Según él, la obra costará "
        "unos cuatro millones de euros y durará año y medio. Los vecinos están preocupados por el ruido.\n"
    ),
}
# Windows-1252 only: curly quotes, dashes, the euro sign and the ellipsis sit in 0x80-0x9F.
CP1252_ONLY = "He said “it’s fine” – and left… The bill came to €5, and the café was shut by then. " * 2


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("repeat", [1, 4])
def test_western_legacy_text_decodes_as_written(name: str, encoding: str, repeat: int) -> None:
    text = TEXTS[name] * repeat
    assert decode_body(text.encode(encoding), None) == text


def test_windows_1252_punctuation() -> None:
    assert decode_body(CP1252_ONLY.encode("cp1252"), None) == CP1252_ONLY


@pytest.mark.parametrize(
    "text",
    [
        TEXTS["french"],
        "Пожар в центре Москвы потушили к утру. По словам спасателей, никто не пострадал, "
        "а причиной возгорания могла стать неисправная проводка. Движение по улице восстановлено. ",
        "Dziś w Warszawie otwarto nowy most. Według władz miasta budowa kosztowała około 400 mln zł, "
        "a prace trwały dwa lata. Mieszkańcy cieszą się, że dojazd będzie łatwiejszy. ",
        "東京の新しい橋は月曜日に開通した。市によると、建設費は約四百億円だった。",
    ],
)
def test_utf8_is_kept(text: str) -> None:
    assert decode_body(text.encode("utf-8"), None) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Пожар в центре Москвы потушили к утру. По словам спасателей, никто не пострадал, "
            "а причиной возгорания могла стать неисправная проводка. Движение по улице восстановлено. " * 2,
            "cp1251",
        ),
        (
            "Dziś w Warszawie otwarto nowy most. Według władz miasta budowa kosztowała około 400 mln zł, "
            "a prace trwały dwa lata. Mieszkańcy cieszą się, że dojazd będzie łatwiejszy. " * 2,
            "cp1250",
        ),
    ],
)
def test_other_code_pages_still_detected(text: str, encoding: str) -> None:
    assert decode_body(text.encode(encoding), None) == text


def test_declared_charset_still_wins() -> None:
    text = TEXTS["french"]
    assert decode_body(text.encode("latin-1"), "iso-8859-1") == text


@pytest.mark.parametrize("declared_by", ["header", "meta"])
def test_utf8_bytes_beat_a_stale_single_byte_declaration(declared_by: str) -> None:
    text = TEXTS["french"] + " Ticket prices rose — again — to €5. "
    meta = '<meta charset="iso-8859-1">' if declared_by == "meta" else ""
    page = f"<html><head>{meta}</head><body><p>{text}</p></body></html>"
    header = "iso-8859-1" if declared_by == "header" else None
    assert decode_body(page.encode("utf-8"), header) == page


def test_single_byte_text_under_its_declaration_is_not_read_as_utf8() -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{CP1252_ONLY}</p></body></html>'
    assert decode_body(page.encode("cp1252"), None) == page


# Short undeclared texts (sixteenth session): one accented letter or typographic mark, written as the bytes a
# Latin-1 or Windows-1252 file holds. They read as Czech, Latvian, Russian, Big5 or a DOS code page before.
@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"A na\xefve approach to the problem.", "A naïve approach to the problem."),  # was "naďve" / "na’ve"
        (b"Na\xefve", "Naïve"),  # was "Naīve"
        (b"\xdcber alles", "Über alles"),  # was one Big5 character and "er alles"
        (b"Ghislaine Vi\xf1as and David Hotson", "Ghislaine Viñas and David Hotson"),  # was "Viсas" (Cyrillic)
        (b"360\xb0 Cameras", "360° Cameras"),
        (b"spice season\x97it's also a time", "spice season—it's also a time"),  # was "seasonóit" (cp850)
        (b"You guys know I\x92m a Canon girlie", "You guys know I’m a Canon girlie"),  # was a Big5-HKSCS character
        (b"plumbing isn\x92t just numbers\x97it\x92s costs", "plumbing isn’t just numbers—it’s costs"),  # was GB18030
        (b"In the end, though\x85nothing", "In the end, though…nothing"),
        (b"Home Repair Assis\xadtance Program", "Home Repair Assis\u00adtance Program"),  # a soft hyphen; was KOI8-R "╜"
    ],
)
def test_short_western_text_keeps_its_letters(raw: bytes, text: str) -> None:
    assert decode_body(raw, None) == text


# Other code pages, as short: the Windows-1252 prior and the web-only candidates must not cost them.
@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Mám rád čaj.", "cp1250"),
        ("Zażółć gęślą jaźń.", "iso8859-2"),
        ("Пожар в центре Москвы потушили к утру.", "koi8-r"),
        ("Η γέφυρα άνοιξε τη Δευτέρα.", "cp1253"),
        ("Köprü pazartesi günü açıldı.", "cp1254"),
        ("Tiltas atidarytas pirmadienį, sakė meras.", "cp1257"),
        ("東京の新しい橋は月曜日に開通した。市によると、建設費は約四百億円だった。", "euc-jp"),
        ("東京", "shift_jis"),
        ("北京市", "gbk"),
        ("台北市政府週一宣布，新橋將於明年通車，造價約四億元。", "big5"),
        ("서울시는 월요일 새 다리가 내년에 개통된다고 밝혔다.", "euc-kr"),
    ],
)
def test_short_text_in_another_code_page_still_decodes(text: str, encoding: str) -> None:
    assert decode_body(text.encode(encoding), None) == text
