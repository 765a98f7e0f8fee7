"""The sentence splitter's fast path must cut exactly where pysbd alone cuts."""

from __future__ import annotations

import re
from pathlib import Path

import pysbd
import pytest

from bot.digest.segment.sentence_splitter import _CLOSING, _FAST_PATHS, _INERT_CHARS, _LIST_MARKER, _WHOLE_LINE, _ends_closed, _has_whole_line_span, _chunks, _is_one_sentence, _list_markers, _plain_sentences, _PYSBD_SYMBOLS, pysbd_split_line, split_line

LINES = [
    "The council met on Tuesday. It voted to close the bridge. Work starts in May.",
    "Prices rose 2.6 percent in June. Analysts had expected 2.1 percent.",
    "Officials in the U.S. said the talks failed. Dr. Smith was not there.",
    "“We will rebuild,” the mayor said. “It will take years.” Residents were not convinced.",
    "He wrote to louise@wired.com about it. She never answered.",
    "The plan (announced in 2019) was dropped. Nobody knows why.",
    "There are three steps: 1. plan, 2. build, 3. test. Then ship it.",
    "Is it over? Not yet. Wait and see!",
    "He said 'no more delays. Ever.' Then he left.",
    "Gov. Brown signed the bill at 10 a.m. local time. It takes effect in March.",
    "The film (in cinemas now) Opens on Friday. Tickets are sold out.",
    "A headline without a stop",
    # pysbd cuts after a footnote number, after ')' before a letter, and inside "X.509 PKIs."
    "Some states impose an estate tax.9 Those states are:",
    "You may prefer a smaller office (consulting).Consulting offices are smaller.",
    "const name = line.slice(0, equalsIndex).trim()",
    "Anupriya.V.Sagar 6/11/2023 at 3:26am",
    "This sits between the Web of Trust and centralized X.509 PKIs.",
    "sudo ufw allow from xxx.xxx.x.x/xx to any port 22 proto tcp",
    'The vote was close. He said "we lost. Nobody came. Then the rain started.',
    "The vote was close (very. Nobody came. Then the rain started.",
    "What a game! Nobody expected that. Read it on Yahoo! News today. Yum! Great.",
    # numbers before a stop: three digits or more end a sentence, one or two may be list numbers
    "The law passed in 2016. And it stayed in force until 2019! Then 12. Nobody knew why. Call 911. Now.",
    "Item 7. Then the 300. Finally 4,500. The end of No. 123. Again.",
    # a stop, a space and an opening double quote: a sentence boundary when the quote is paired
    "Trump said at a rally last week. “You see it because we’re going up.” Nobody answered.",
    'He left the room. "We lost," she said. "It is over." Then silence. "unquoted start. Next.',
    "The vote was close. “we lost.” Nobody came. He said. “Dr. Smith agreed.” Mr. “Big” Jones.",
]


# Stops pysbd turns into "∯" that the fast path now knows (`_is_english_abbreviation_stop`), and near misses.
ABBREVIATION_LINES = [
    "Kentucky voters beat incumbent Gov. Matt Bevin in a state Trump won. It was close.",
    "Mr. Smith and Dr. Jones met Sen. Brown. They agreed. Rep. The Count spoke.",
    "Nissan hopes to win buyers in the U.S. market this year. Sales fell. The U.S. Army came. In the U.S. The end.",
    "Add 2 tbsp. sugar and 1 oz. butter. Stir on Nov. 5 at noon. Ask for No. 5 today. Then No. way.",
    "The e.g. case and the i.e. rule hold. Pick up at St. Louis. See Fig. Three. Call ext. 42 now.",
    "He met Gen. Smith in the U.K. yesterday. Then the U.S., Canada and Mexico. Then U.S.A. troops.",
    "Ask Mr.Smith. Ask (Mr. Smith) now. Prof. X spoke. It was Lt. Col. Smith. I saw Gov. I. Smith.",
    "The hotel is at 5 Main St. It opened Jan. 5. She left at 5 p.m. Friday. A.B. Smith came.",
]


@pytest.mark.parametrize("line", LINES + ABBREVIATION_LINES)
def test_same_sentences_as_pysbd(line: str) -> None:
    assert split_line(line, "en") == pysbd_split_line(line, "en")


def test_plain_prose_is_cut_without_pysbd() -> None:
    chunks = _chunks("The council met on Tuesday. It voted to close the bridge. Work starts in May.")
    assert chunks is not None
    assert [certain for _, certain in chunks] == [True, True, True]


def test_nothing_is_cut_after_an_unpaired_quote_that_pysbd_might_pair() -> None:
    line = 'The vote was close. He said "we lost (badly. Nobody came." Then it rained.'
    assert _chunks(line) == [("The vote was close.", True), ('He said "we lost (badly. Nobody came." Then it rained.', False)]
    assert split_line(line, "en") == pysbd_split_line(line, "en")


def test_cuts_go_on_after_the_only_quote_of_a_line() -> None:
    chunks = _chunks('The vote was close. He said "we lost. Nobody came.')
    assert chunks == [("The vote was close.", True), ('He said "we lost.', True), ("Nobody came.", True)]


def test_lines_with_list_numbering_go_to_pysbd_whole() -> None:
    assert _chunks("There are three steps: 1. plan, 2. build, 3. test. Then ship it.") is None


LIST_LINES = [
    "There are three steps: 1. plan, 2. build, 3. test. Then ship it.",
    "Options: a) red, b) blue (c) green; iv. four, xviii. eighteen, civil. war, vi) six",
    "(i) first (ii) second -1. minus ⁃2. bullet 12) twelve 123) no 3.5 no",
    "i. ii. iii.iv. x) xx. xxi. abc. a.b. word) wordi. ix.",
    "1. one 123. no 12. yes x-1. dash 1.) paren a12) b 7)x 8) y ٣. arabic 4.",
    "xviiii. xviii) (xx. \txix. 99.9 9.) ",
]


@pytest.mark.parametrize("line", LINES + LIST_LINES)
def test_list_marker_count_is_the_full_patterns(line: str) -> None:
    assert _list_markers(line) == len(_LIST_MARKER.findall(line))


def _pysbd_source() -> str:
    root = Path(pysbd.__file__).parent
    return "".join(path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.py")))


def test_inert_characters_appear_nowhere_in_pysbd() -> None:
    source = _pysbd_source()
    ranges = re.findall(r"(.)-(.)", _INERT_CHARS)
    characters = {c for c in re.sub(r".-.", "", _INERT_CHARS)} | {chr(i) for a, b in ranges for i in range(ord(a), ord(b) + 1)}
    assert len(characters) > 100
    assert sorted(c for c in characters if c in source) == []
    assert not any(c.isspace() or c.isalnum() or c in "_.!?'\"" for c in characters)


INERT_LINES = [
    "Prices rose 5 % → 7 %. Analysts… were surprised™ by it. The “deal” × 2 ✅ 🚀 Go.",
    "Limit ≤ 10 and ≥ 2. Then stop. Call it § 4 · ¶ 2. Next ★ item™. Done.",
]


@pytest.mark.parametrize("line", INERT_LINES)
def test_lines_with_inert_characters_split_as_pysbd(line: str) -> None:
    assert split_line(line, "en") == pysbd_split_line(line, "en")


EDGE_LINES = ["'x", "’x", "a 'b", "a’b", "a\u2009'b", "--", "‘", "x.", 'x."', "x.”)", "x", "x!’»]", "x.)a", "x. )", "Done。",
              "a ‘b.’ c", "a ‘b’ c", "a -- b. -- c", "a -- b -- c", "x -' Then", "a ‘b’s c.’ d"]


@pytest.mark.parametrize("line", LINES + LIST_LINES + INERT_LINES + EDGE_LINES)
def test_character_checks_agree_with_the_patterns(line: str) -> None:
    line = line.strip()  # as `split_sentences` hands lines on
    assert _ends_closed(line) == bool(_CLOSING.search(line))
    spans = re.findall(r"(?<=\s)‘(?:[^’]|’[a-zA-Z])*’|--[^-]*--", line)
    assert _has_whole_line_span(line) == (bool(_WHOLE_LINE.search(line)) or any(re.search(r"[.!?']", span) for span in spans))


RUSSIAN_LINES = [
    "Совет собрался во вторник. Он проголосовал за закрытие моста. Работы начнутся в мае.",
    "Он живёт в г. Москва. Это далеко от пос. Лесной. Туда ездят автобусы.",
    "Ему исполнилось 25 лет. Ст. Петров пришёл. Он сказал «всё. Конец.» Потом ушёл.",
    "Доклад т.е. отчёт готов. Адм.-терр. деление. Волга течёт на юг. ООН. Всё.",
    "Она пришла. Yahoo! Новости. Глава II. Часть III. Итог.",
    "Она сказала: «Мы проиграли». Никто не пришёл. Потом пошёл дождь (сильный. Очень.",
    "Купите 2 ст. л. масла. Ещё 300 г. Потом 2019. Конец.",
]


@pytest.mark.parametrize("line", RUSSIAN_LINES)
def test_russian_lines_split_as_pysbd(line: str) -> None:
    assert split_line(line, "ru") == pysbd_split_line(line, "ru")


def test_plain_russian_prose_takes_the_fast_path() -> None:
    chunks = _chunks(RUSSIAN_LINES[0], _FAST_PATHS["ru"])
    assert chunks is not None and [certain for _, certain in chunks] == [True, True, True]
    chunks = _chunks(RUSSIAN_LINES[1], _FAST_PATHS["ru"])  # "г." and "пос." are abbreviations: pysbd decides
    assert chunks is not None and not all(certain for _, certain in chunks)
def test_known_abbreviation_stops_keep_the_fast_path() -> None:
    chunks = _chunks(ABBREVIATION_LINES[0])
    assert chunks is not None and [certain for _, certain in chunks] == [True, True]
    chunks = _chunks("Sales in the U.S. market rose in Nov. 2019 and Mr. Smith said so.")
    assert chunks is not None and all(certain for _, certain in chunks)


# Lines of plain sentences take `_plain_sentences`; near misses fall through to `_chunks` (or pysbd).
PLAIN_LINES = [
    "The council met on Tuesday. It voted to close the bridge. Work starts in May",
    "Sales rose in 2019. Profits fell! Why? Nobody knows. The e-mail said so.",
    "Yes. No. It cost $499. Then 2019. In 12. Then x-2016. Done.",
    "He met Gov. Brown. The ID. Then rock'n'roll. Then and/or. Then café. Then USA. Then xiv. Then Yahoo! News.",
    "It rained -- hard. Then 'quoted' words. The end…",
    "A very long word " + "x" * 99 + ". Then the end.",
    "Ärger gab es. Dann kam Ruhe.",
    "Wait.  Two spaces. Then one. Lower. case follows. a start. Fine.",
]


@pytest.mark.parametrize("line", PLAIN_LINES + LINES + ABBREVIATION_LINES)
def test_plain_lines_split_as_the_fast_path_and_pysbd(line: str) -> None:
    plain = _plain_sentences(line)
    if plain is not None:
        assert [(piece, True) for piece in plain] == _chunks(line)
    assert split_line(line, "en") == pysbd_split_line(line, "en")


def test_plain_prose_takes_the_plain_line_path() -> None:
    assert _plain_sentences(PLAIN_LINES[0]) == ["The council met on Tuesday.", "It voted to close the bridge.", "Work starts in May"]
    assert _plain_sentences(PLAIN_LINES[1]) is not None
    assert _plain_sentences("He met Gov. Brown. Then he left.") is None


# Quotations and brackets around a cut: after a quotation a stop closes, before a quote or bracket that opens
# on a capital, after a bracket or quote before a stop, and after the only quote of a line.
QUOTE_LINES = [
    'He said "we lost." Then he left. "We won." She smiled.',
    '"I am sure," Dempsey said. "We are paid to be nosy," he said. It was "fine" Then more.',
    "He called it settlement building\". The end. It grew (25). As always (in 2019). Then (Reuters) Officials spoke.",
    'Cable TV Customer? “Channel Bloat” May Be Costing You Over $1,600 a Year',
    'Some books, and More! (My First Preschool Skills Workbooks) Crystal Radke 4.8 out of 5 stars $5.26 2 formats',
    '""Valleys" can also indicate a point to draw a gate." What is gate again?',
    'An indent level of 0, or "" will only insert newlines. None (the default) selects it. If indent is "\\t", it is.',
    'The vote was close. "we lost. Nobody came. Then "We. Won." Again.',
    "He left. (Nobody came. It rained. Then the sun. Fine.",
    'It ended -" Then he left. He said "no." then left. He said "Stop!" Then ran.',
]


def test_a_closed_quotation_before_a_capital_is_cut_after_its_quote() -> None:
    chunks = _chunks(QUOTE_LINES[0])
    assert chunks == [('He said "we lost."', True), ("Then he left.", True), ('"We won."', True), ("She smiled.", True)]


GERMAN_LINES = [
    "Der Rat tagte am Dienstag. Er stimmte für die Schließung der Brücke. Die Arbeiten beginnen im Mai.",
    "Das kostet ca. 5 Euro. Das ist z. B. gut. Die Firma GmbH & Co. KG zahlte. Er kam am 3. Oktober. Gut.",
    "Art und Weise sind neu. Die SmArt. Dann kam die Gegenwart. Das ist gut.",
    "St. Pauli gewann. Die Kunst. Dann das Ende. Der Abt. Das war es.",
    "Viele kamen. Typ V. Das ist neu. Der Film lief. Schluss.",
    "Sa. war Markttag. Die NaSa. Dann die Kasa. Fertig.",
    "Er sagte „Wir kommen. Morgen.“ Dann ging er. Sie sagte \"Nein. Nie.\" Dann nichts.",
    "Das Ziel (Berlin. Hamburg.) war klar. Dann kam die Wende. Ende.",
    "Univ.-Prof. Dr. Müller kam. Die Studenten jubelten. Das Fest begann.",
    "Heute ist es kalt. Ich bleibe zu Hause. Über Nacht schneit es. Äpfel fallen. Öl ist teuer. Übel!",
    "mm. Das ist klein. Und dann mm. Das Ende.",
    "Ä. Dann kam er. Die Ä. Schluss.",
]


def test_plain_german_prose_takes_the_fast_path() -> None:
    chunks = _chunks(GERMAN_LINES[0], _FAST_PATHS["de"])
    assert chunks is not None and all(certain for _, certain in chunks)
    chunks = _chunks(GERMAN_LINES[9], _FAST_PATHS["de"])
    assert chunks is not None and all(certain for _, certain in chunks)
    # after "Art" at the line's start pysbd marks the stop after any "...Art" ("SmArt."): not certain there
    chunks = _chunks(GERMAN_LINES[2], _FAST_PATHS["de"])
    assert chunks is not None and [certain for _, certain in chunks][:2] == [True, False]


def test_pysbd_symbols_are_all_known() -> None:
    """`_PYSBD_SYMBOLS` (what a stop-free line must not hold) has every symbol in pysbd's source but the quotes,
    dashes and signs its rules only match, and every non-ASCII character its rules write in."""
    source = _pysbd_source()
    matched_only = "«»“”‘’„—•⁃®°²³µ"
    symbols = {c for c in source if ord(c) > 127 and not c.isalpha()}
    assert sorted(symbols - set(_PYSBD_SYMBOLS) - set(matched_only)) == []
    written = re.findall(r"""Rule\(\s*r?(['"]).*?\1\s*,\s*r?(['"])(.*?)\2\s*\)""", source)
    written_by_sub = re.findall(r"""re\.sub\([^,]+,\s*r?(['"])(.*?)\1""", source)
    replacements = {c for *_, text in written + written_by_sub for c in text if ord(c) > 127}
    assert len(replacements) > 10 and sorted(replacements - set(_PYSBD_SYMBOLS)) == []
    assert "ȸ" in _PYSBD_SYMBOLS  # appended to a text that does not end with a stop


STOP_FREE_LINES = [
    "| 34 | Jamie McMurray | 19 | 0 | 0 |",
    "June 24 -- Jiffy Lube Live, Bristow, VA",
    "22) Hasbro Gaming – L’ALLEGRO CHIRURGO",
    "'DANCING WITH THE STARS': LAUREN ALAINA IS CHANNELING HER BREAKUP ENERGY",
    "a) red b) blue c) green",
    'He said -" Then nothing',
    '"One" (two) "three" and more',
    "Before ∯ 12 After",
    "A line with ƪ in it",
    "Wait、what",
]


@pytest.mark.parametrize("line", STOP_FREE_LINES)
@pytest.mark.parametrize("code", ["en", "de", "ru"])
def test_stop_free_lines_split_as_pysbd(line: str, code: str) -> None:
    assert split_line(line, code) == pysbd_split_line(line, code)


def test_a_stop_free_line_is_one_sentence_without_pysbd() -> None:
    assert _is_one_sentence(STOP_FREE_LINES[0]) and _is_one_sentence(STOP_FREE_LINES[2])
    assert not _is_one_sentence(STOP_FREE_LINES[4])  # a list pysbd breaks
    assert not _is_one_sentence(STOP_FREE_LINES[5]) and not _is_one_sentence(STOP_FREE_LINES[6])


INITIAL_LINES = [
    "Elizabeth A. Burton: Possession of methamphetamine, held in jail. Then more.",
    "Ford had won the Philip K. Dick Award. It was I. The end. Then V. The end. Also J., K. and L. Smith.",
    "Report by E! News. The U. S. Army came. A. B. Smith and Mr. X. Jones. A. The end.",
]


def test_a_capital_alone_keeps_the_fast_path() -> None:
    chunks = _chunks(INITIAL_LINES[0])
    assert chunks is not None and all(certain for _, certain in chunks)


# Slanted single quotes and double dashes: pysbd pairs them only to change the stops (and apostrophes) inside.
SPAN_LINES = [
    "The vote was close. A ‘phase one’ deal came. Then ‘it failed. Badly.’ Nobody knew. He left.",
    "In his exam -- conducted in February -- he clocked in. Then -- oddly. He left -- or not. The end.",
    "Aug. 4 -- Riverbend Music Center, Cincinnati, OH. It sold out. The ‘best’ show -- ever. Done.",
    "He said ‘don’t’ and left. It’s ‘Tom’s’ car. The ’90s were fine. A -- b -- c -- d. E -- f. G.",
    "It ended -' Then he left. It ended -\" Then he left. It ended --“ Then. Fine.",
]


# Each rule of the fast path against stock pysbd: quotations, initials, slanted quotes and dashes (English), German.
RULE_LINES = [(line, "en") for line in QUOTE_LINES + INITIAL_LINES + SPAN_LINES] + [(line, "de") for line in GERMAN_LINES]


@pytest.mark.parametrize(("line", "code"), RULE_LINES)
def test_lines_of_each_rule_split_as_pysbd(line: str, code: str) -> None:
    assert split_line(line, code) == pysbd_split_line(line, code)
