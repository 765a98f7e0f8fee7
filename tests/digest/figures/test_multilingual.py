"""The quantity scanner and figure finder outside English: separators, scales, percent,
money, number words, counted nouns, ideographic numerals, and the sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures.figure_finder import find_figures
from bot.digest.figures.locales import number_locale
from bot.digest.figures.quantities import Quantity, counted_noun_after, find_quantities
from bot.digest.language.language_detector import language_for
from bot.digest.language.stop_words import stop_words_for
from bot.digest.models import Sentence
from bot.digest.segment.sentence_splitter import split_sentences
from tests.digest.figures.conftest import no_internal_errors, scan_cleanly
from tests.helpers.growth import grows_linearly

LANGUAGES_DIR = Path(__file__).resolve().parents[2] / "data" / "languages"
ARTICLE_CODES = sorted(path.stem for path in LANGUAGES_DIR.glob("*.txt"))


def only(text: str, code: str) -> Quantity:
    found = find_quantities(text, code)
    assert len(found) == 1, found
    return found[0]


def test_the_language_articles_are_there() -> None:
    assert len(ARTICLE_CODES) == 19


# --- digit groups -------------------------------------------------------------


@pytest.mark.parametrize("separator", [" ", "\u202f", "\u00a0"])
def test_space_grouped_thousands(separator: str) -> None:
    quantity = only(f"la plantation de 50{separator}000 arbres", "fr")
    assert quantity.value == 50000 and quantity.text == f"50{separator}000" and quantity.unit_or_counts == "arbres"


@pytest.mark.parametrize(
    ("code", "text", "value", "noun"),
    [
        ("de", "unter 1.200 Nutzern", 1200, "Nutzern"),
        ("nl", "met ruim 12.500 plekken", 12500, "plekken"),
        ("es", "ha recogido 2.300 firmas", 2300, "firmas"),
        ("de", "mehr als 90.000 Menschen", 90000, "Menschen"),
        ("pt", "cerca de 9.800 unidades", 9800, "unidades"),
        ("de", "1.234.567 Einwohner", 1234567, "Einwohner"),
    ],
)
def test_dotted_thousands_by_language(code: str, text: str, value: float, noun: str) -> None:
    quantity = only(text, code)
    assert quantity.value == value and quantity.unit_or_counts == noun


def test_dotted_groups_stay_decimal_in_english() -> None:
    assert only("1.200 users", "en").value == pytest.approx(1.2)
    assert find_quantities("1.200 users")[0].value == pytest.approx(1.2)  # the default is English
    assert only("90.000 people", "en").value == 90000  # the old round-thousands rule stays


@pytest.mark.parametrize(
    ("code", "text", "value"),
    [
        ("de", "3,5 Prozent", 3.5),
        ("no", "3,5 millioner kroner", 3.5e6),
        ("de", "1.234,5 Tonnen", 1234.5),
        ("fr", "1 250,5 tonnes", 1250.5),
        ("de", "2.5 Punkte", 2.5),  # one or two digits after the point: a decimal point
        ("ro", "1,2 miliarde de lei", 1.2e9),
    ],
)
def test_comma_decimals(code: str, text: str, value: float) -> None:
    assert find_quantities(text, code)[0].value == pytest.approx(value)


def test_comma_groups_stay_thousands_in_english() -> None:
    assert only("3,500 people", "en").value == 3500


# --- scales, percent, money --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text", "value"),
    [
        ("ru", "60 миллиардов", 60e9),
        ("hu", "48 milliárd", 48e9),
        ("nl", "46 miljoen", 46e6),
        ("sv", "210 miljoner", 210e6),
        ("de", "2 Milliarden", 2e9),
        ("fr", "3 millions", 3e6),
        ("es", "1,5 millones", 1.5e6),
        ("cs", "2 miliardy", 2e9),
        ("pl", "5 mln", 5e6),
        ("de", "3 Mrd.", 3e9),
        ("pl", "15 tysięcy", 15e3),
        ("uk", "200 тисяч", 200e3),
        ("tr", "60 bin", 60e3),
        ("de", "2 Billionen", 2e12),  # a German Billion is a million millions
    ],
)
def test_scale_words(code: str, text: str, value: float) -> None:
    assert only(text, code).value == pytest.approx(value)


def test_language_only_scales_stay_in_their_language() -> None:
    assert only("60 bin", "en").value == 60  # Turkish "bin" is no English word
    assert only("40 mil toneladas", "es").value == 40000


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("pt", "48 por cento"),
        ("fr", "15 %"),
        ("de", "15 Prozent"),
        ("fr", "15 pour cent"),
        ("nl", "15 procent"),
        ("ru", "15 процентов"),
        ("it", "35 per cento"),
        ("es", "20 por ciento"),
        ("no", "20 prosent"),
        ("ro", "20 la sută"),
    ],
)
def test_percent_words(code: str, text: str) -> None:
    quantity = only(text, code)
    assert quantity.kind == "percent" and quantity.value in (15, 20, 35, 48) and quantity.text == text


def test_percent_counts_no_function_word() -> None:
    quantity = find_quantities("o preço dos quartos subiu 48 por cento em dois anos", "pt")[0]
    assert quantity.unit_or_counts == "por cento"
    figure = find_figures([Sentence(0, "O preço subiu 48 por cento.", 0)], language_code="pt")[0]
    assert figure.kind == "percent" and figure.value == 48


@pytest.mark.parametrize(
    ("code", "text", "value", "currency"),
    [
        ("de", "5 Millionen Euro", 5e6, "euros"),
        ("fr", "10 000 €", 10000, "euros"),
        ("de", "€10", 10, "euros"),
        ("ru", "2 млрд рублей", 2e9, "roubles"),
        ("ru", "60 миллиардов рублей", 60e9, "roubles"),
        ("pl", "300 złotych", 300, "zloty"),
        ("da", "50 kr", 50, "kroner"),
        ("de", "3 Mrd. Euro", 3e9, "euros"),
        ("fr", "38 millions d'euros", 38e6, "euros"),
        ("es", "27 millones de euros", 27e6, "euros"),
        ("it", "650.000 euro", 650000, "euros"),
        ("cs", "320 milionů korun", 320e6, "koruna"),
        ("uk", "45 мільйонів гривень", 45e6, "hryvnias"),
    ],
)
def test_money(code: str, text: str, value: float, currency: str) -> None:
    quantity = only(text, code)
    assert quantity.kind == "money" and quantity.value == pytest.approx(value) and quantity.unit_or_counts == currency
    assert quantity.text == text


def test_elided_article_is_not_a_day_unit() -> None:
    quantity = only("Son coût est estimé à 38 millions d'euros, financés", "fr")
    assert quantity.kind == "money" and quantity.text == "38 millions d'euros"


# --- number words and counted nouns ------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text", "value", "noun"),
    [
        ("de", "drei Linien", 3, "Linien"),
        ("de", "zwölf Stationen", 12, "Stationen"),
        ("fr", "trois lignes", 3, "lignes"),
        ("fr", "vingt bus", 20, "bus"),
        ("es", "tres líneas", 3, "líneas"),
        ("es", "once estaciones", 11, "estaciones"),
        ("it", "tre biblioteche", 3, "biblioteche"),
        ("pt", "três linhas", 3, "linhas"),
        ("pt", "duas escolas", 2, "escolas"),
        ("nl", "drie lijnen", 3, "lijnen"),
        ("ru", "три линии", 3, "линии"),
        ("sv", "fem stationer", 5, "stationer"),
        ("fr", "vingt-cinq arbres", 25, "arbres"),
        ("es", "treinta y dos personas", 32, "personas"),
        ("pt", "vinte e duas escolas", 22, "escolas"),
        ("ru", "двадцать пять станций", 25, "станций"),
        ("nl", "één station", 1, "station"),
        ("pl", "jedenaście przystanków", 11, "przystanków"),
    ],
)
def test_number_words(code: str, text: str, value: float, noun: str) -> None:
    quantity = only(text, code)
    assert quantity.value == value and quantity.unit_or_counts == noun


@pytest.mark.parametrize(
    ("code", "text"),
    [("fr", "Le bâtiment est neuf."), ("it", "Tu sei qui."), ("de", "Das ist elf.")],
)
def test_number_words_need_a_noun(code: str, text: str) -> None:
    assert find_quantities(text, code) == []


def test_number_words_of_other_languages_are_not_read() -> None:
    assert find_quantities("tre biblioteche", "en") == []
    assert find_quantities("three libraries", "de") == []


@pytest.mark.parametrize(
    ("code", "text", "noun"),
    [
        ("ro", "peste 50.000 de oameni", "oameni"),
        ("ro", "o lungime de 21 de kilometri", "kilometri"),
        ("fr", "120 sites a montré", "sites"),
        ("ru", "14 автобусных маршрутов", "автобусных маршрутов"),
        ("de", "vier zusätzliche Nachtlinien", "zusätzliche Nachtlinien"),
        ("fr", "3 millions d'habitants", "habitants"),
        ("es", "27 millones de pasajeros", "pasajeros"),
    ],
)
def test_counted_nouns_skip_linking_words(code: str, text: str, noun: str) -> None:
    assert find_quantities(text, code)[0].unit_or_counts == noun


@pytest.mark.parametrize(
    ("code", "text"),
    [("fr", "six à huit degrés"), ("ro", "trei în oraș"), ("es", "120 de los"), ("de", "45 und mehr")],
)
def test_counted_noun_is_never_a_function_word(code: str, text: str) -> None:
    stops = number_locale(code).stop_words
    for quantity in find_quantities(text, code):
        assert not set(quantity.unit_or_counts.lower().split()) & stops, quantity


def test_counted_noun_after_takes_a_language() -> None:
    assert counted_noun_after("27 millones de pasajeros", 3, language_code="es") == "millones"
    assert counted_noun_after("x de pasajeros", 1, language_code="es") == "pasajeros"


@pytest.mark.parametrize(
    ("code", "text", "unit", "kind"),
    [
        ("ru", "150 г муки", "г", "measure"),
        ("ru", "9 километров от центра", "километров", "measure"),
        ("ro", "21 de kilometri", "kilometri", "measure"),
        ("pl", "70 hektarów", "hektarów", "measure"),
        ("fr", "55 degrés", "degrés", "measure"),
        ("ru", "шесть лет", "years", "duration"),
        ("de", "nach 28 Tagen", "days", "duration"),
        ("sk", "14 mesiacov", "months", "duration"),
    ],
)
def test_units_outside_english(code: str, text: str, unit: str, kind: str) -> None:
    quantity = only(text, code)
    assert quantity.unit_or_counts == unit and quantity.kind == kind


@pytest.mark.parametrize(
    ("code", "text", "span", "value"),
    [("de", "bundesweit ca. 10 Mio. Versicherten", "ca. 10 Mio.", 1e7), ("pl", "ok. 5 tys. osób", "ok. 5 tys.", 5000)],
)
def test_abbreviated_modifiers_and_scales(code: str, text: str, span: str, value: float) -> None:
    quantity = only(text, code)
    assert quantity.text == span and quantity.value == value and quantity.approximate


# --- dates and years -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("de", "ab dem 1. März"),
        ("da", "fra 1. juni"),
        ("fr", "le 14 octobre"),
        ("uk", "з 1 липня"),
        ("hu", "2029-ben indulhatnak"),
        ("nl", "moet in 2029 klaar zijn"),
        ("fr", "plantés en 2019 n'aurait pas survécu"),
        ("ru", "до 2031 года"),
        ("es", "en 2028 si los resultados"),
        ("de", "Bis zum 01.01.2019 sollen"),
    ],
)
def test_dates(code: str, text: str) -> None:
    quantity = only(text, code)
    assert quantity.kind == "date" and quantity.value is None


def test_german_nouns_before_amounts_are_no_names() -> None:
    assert only("Laut Polizei 300 Menschen", "de").value == 300
    assert only("Kosten 5 Millionen Euro", "de").kind == "money"
    assert find_quantities("der neue Airbus 380 fliegt", "de") == []  # still a name


def test_four_digit_count_after_a_verb() -> None:
    quantity = only("ha recogido 2300 firmas", "es")
    assert quantity.kind == "count" and quantity.value == 2300


def test_clock_times() -> None:
    assert only("um 20 Uhr", "de").kind == "time"
    assert only("fino alle 24, ogni", "it").kind == "time"


# --- ideographs ----------------------------------------------------------------------------


def test_chinese_and_japanese_scales_and_currencies() -> None:
    yuan = only("项目总投资约为12亿元，其中一半", "zh-cn")
    assert yuan.text == "12亿元" and yuan.value == 1.2e9 and yuan.kind == "money" and yuan.unit_or_counts == "yuan"
    yen = only("関連予算は約250億円で", "ja")
    assert yen.text == "250億円" and yen.value == 2.5e10 and yen.unit_or_counts == "yen"
    assert only("苦情は1万2000件を超えた", "ja").value == 12000
    assert only("每天将有超过15万人次乘坐", "zh-cn").value == 150000
    assert only("计划于明年6月试运行", "zh-cn").kind == "date"


# --- the sample articles ------------------------------------------------------------------------

# The main money figure of each sample article, read by eye (the articles are the languages engineer's).
ARTICLE_MONEY = {
    "ar": 850e6, "cs": 320e6, "da": 9e6, "de": 2.4e6, "el": 12e6, "es": 27e6, "fi": 42e6, "fr": 38e6,
    "hu": 48e9, "it": 650000, "nl": 46e6, "no": 3.5e6, "pl": 3e9, "pt": 15e6, "ro": 1.2e9, "ru": 60e9,
    "sk": 18e6, "sv": 210e6, "uk": 45e6,
}


@pytest.mark.parametrize("code", ARTICLE_CODES)
def test_article_figures(code: str) -> None:
    text = (LANGUAGES_DIR / f"{code}.txt").read_text(encoding="utf-8")
    figures = find_figures(split_sentences(text, code), language_code=code)
    valued = [f for f in figures if f.value]
    assert len(valued) >= 2, figures
    stops = stop_words_for(language_for(code).name)
    assert stops, code
    for figure in figures:
        if figure.kind in ("count", "ordinal"):  # a counted noun is never a stop word
            assert not {word.lower() for word in figure.counts.split()} & stops, figure
        elif figure.kind != "date":  # a unit is reported as the article writes it, never in English
            assert figure.counts in figure.text, figure
            assert figure.counts_shown() == "", figure
    money = [f for f in figures if f.kind == "money"]
    assert [f.value for f in money] == [pytest.approx(ARTICLE_MONEY[code])], figures


def test_german_article_reads_thousands() -> None:
    text = (LANGUAGES_DIR / "de.txt").read_text(encoding="utf-8")
    values = {q.value for q in find_quantities(text, "de")}
    assert {1200, 90000, 2.4e6} <= values and 1.2 not in values


# --- safety ----------------------------------------------------------------------------------------

_CODES = st.sampled_from(["de", "fr", "es", "ru", "pl", "hu", "fi", "zh-cn", "ja", "ar", "xx", "", "EN", "nb"])
_ALPHABET = "0123456789 ,.-'’/:%€$亿億万元円\u202f\u00a0deMilionenmrdдомлнжzłkr\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200), _CODES)
def test_never_raises_and_spans_hold(text: str, code: str) -> None:
    for quantity in scan_cleanly(text, code):
        assert text[quantity.start : quantity.end] == quantity.text
        assert 0 <= quantity.start < quantity.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), _CODES)
def test_any_text_any_language(text: str, code: str) -> None:
    with no_internal_errors():
        find_quantities(text, code)
        find_figures([Sentence(0, text, 0)], language_code=code)


def test_odd_language_codes_fall_back() -> None:
    assert only("1.200 users", "").value == pytest.approx(1.2)
    assert only("unter 1.200 Nutzern", "DE").value == 1200
    assert find_quantities("3 Linien", None) != []  # type: ignore[arg-type]
    figures = find_figures([Sentence(0, "Es kostet 5 Millionen Euro.", 0)], language_code=None)  # type: ignore[arg-type]
    assert [f.value for f in figures] == [5e6]


@pytest.mark.parametrize(
    "unit",
    ["1.000.", "1 000 ", "12亿", "50 000,5 ", "3 Mrd. ", "d'", "de ", "1. März ", "2029-ben "],
)
def test_linear_time(unit: str) -> None:
    """Eight times the input may take at most about eight times as long (a quadratic scan: 64)."""

    def run(n: int) -> None:
        text = unit * n + " 5 km"
        find_quantities(text, "de")
        find_quantities(text, "fr")

    linear, small, large = grows_linearly(run)
    assert linear, (small, large)


# --- what a reader sees after a figure (issue 11, item 1) ---------------------------------------


def _shown(text: str, code: str) -> list[str]:
    """Each figure as both fronts print it: its text, then what it counts when that adds anything."""
    figures = find_figures([Sentence(0, text, 0)], limit=10, language_code=code)
    return [f"{f.text} {f.counts_shown()}".strip() for f in figures]


@pytest.mark.parametrize(
    ("code", "text", "line"),
    [
        ("de", "Die Sanierung dauerte sechs Jahren lang.", "sechs Jahren"),
        ("de", "Das Projekt kostet etwa 45 Milliarden Euro.", "etwa 45 Milliarden Euro"),
        ("de", "Dafür stimmten 64 Prozent der Mitglieder.", "64 Prozent"),
        ("de", "Die Quote stieg auf 85,4 % im Mai.", "85,4 %"),
        ("fr", "Le chantier a duré trois ans selon la mairie.", "trois ans"),
        ("fr", "La ville a reçu 38 millions d'euros de l'État.", "38 millions d'euros"),
        ("es", "El 48 por ciento de los votantes no acudió.", "48 por ciento"),
        ("it", "Il cantiere è rimasto chiuso per sei giorni.", "sei giorni"),
        ("ru", "Строительство заняло шесть лет.", "шесть лет"),
        ("en", "The council signed a three-year contract.", "three-year"),
        ("en", "Sales rose 15% in March.", "15%"),
    ],
)
def test_no_english_unit_after_a_unit_the_text_writes(code: str, text: str, line: str) -> None:
    assert _shown(text, code) == [line]


@pytest.mark.parametrize(
    ("code", "text", "line"),
    [
        ("de", "Es gibt 40 besonders gefährliche Korridore im Land.", "40 besonders gefährliche Korridore"),
        ("de", "Die Stadt plant 12 neue Linien für den Nahverkehr.", "12 neue Linien"),
        ("en", "About 60 percent of the cost was paid by the state.", "About 60 percent of the cost"),
        ("en", "About 15% of voters stayed at home.", "About 15% of voters"),
        ("en", "The print measures 23 x 13 cm and hangs in the hall.", "23 x 13 cm"),
        ("de", "Das Bild misst 23 x 13 cm und hängt im Flur.", "23 x 13 cm"),
    ],
)
def test_the_counted_noun_is_the_right_word(code: str, text: str, line: str) -> None:
    assert _shown(text, code) == [line]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "Write to the Free Software Foundation, 51 Franklin Street, Fifth Floor, Boston."),
        ("en", "The office moved to 350 Fifth Avenue last year."),
    ],
)
def test_no_figure_in_a_street_address(code: str, text: str) -> None:
    assert _shown(text, code) == []


@pytest.mark.parametrize(
    ("code", "text", "quote"),
    [
        ("fr", "Parmi les maisons détruites, 20 peuvent être reconstruites.", "20 peuvent être reconstruites"),
        ("es", "De las casas dañadas, 20 pueden ser reparadas.", "20 pueden ser reparadas"),
        ("it", "Delle case colpite, 20 possono essere ricostruite.", "20 possono essere ricostruite"),
        ("de", "Von den Häusern können nur 20 wieder aufgebaut werden.", "den Häusern können nur 20 wieder aufgebaut werden"),
        ("en", "After the storm, 19 went home early.", "19 went home early"),
        ("en", "Asked about the plan, 64 said what they thought.", "64 said what they thought"),
    ],
)
def test_a_number_with_no_noun_is_shown_with_its_words(code: str, text: str, quote: str) -> None:
    """A verb after the number ("20 peuvent") is no counted noun: the figure keeps none and quotes its clause."""
    [figure] = find_figures([Sentence(0, text, 0)], limit=10, language_code=code)
    assert (figure.value, figure.counts, figure.quote) == (int("".join(filter(str.isdigit, quote))), "", quote)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("pt", "Tempo de leitura: 2 minutos"),
        ("en", "Reading time: 4 minutes"),
        ("en", "Subscribe today: 12 issues for £11.99."),
    ],
)
def test_no_figure_from_page_furniture(code: str, text: str) -> None:
    assert _shown(text, code) == []


def test_a_dateline_is_a_date_and_no_figure() -> None:
    dateline = [Sentence(0, "sexta-feira, 22 de outubro de 2010 às 20:13", 0, is_heading=True)]
    assert find_figures(dateline, language_code="pt") == []
    assert [q.kind for q in find_quantities("Chegaram em 5 de maio de 2024.", "pt")] == ["date"]
