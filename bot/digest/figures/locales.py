"""How numbers are written in each language the digest reads.

`number_locale(code)` gives the scanner one `NumberLocale`: whether "3,5" is a
decimal and "1.200" a thousand, and the words for scales, percent, currencies,
small numbers, months and approximations. English ("en") is exactly the
scanner's original vocabulary, so English results do not move; every other
code gets English's unambiguous symbols plus its own words. Words that mean
something else in another language ("mil", "bin", "tre", "sei") are only read
in their own language. The lists are best effort and lower-case.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Mapping

from stop_words import AVAILABLE_LANGUAGES, get_stop_words

from bot.digest.figures import lexicon as lx
from bot.digest.language.language_detector import SUMY_NAMES, base_code
from bot.digest.language.stop_words import stop_words_for

# Languages whose decimal mark is a comma and whose thousands mark is a point
# or a space: there "3,5" is 3.5 and "1.200" is 1200.
_COMMA_DECIMAL = frozenset({
    "de", "nl", "es", "it", "pt", "da", "sv", "no", "nb", "nn", "fi", "pl", "cs", "sk", "ru",
    "uk", "ro", "el", "hu", "tr", "fr", "id", "hr", "sl", "sr", "bg", "ca", "et", "lv", "lt",
    "is", "be", "az", "vi",
})
# Languages that write "1." for "first" and "1. März" for a date.
_DOT_ORDINALS = frozenset({"de", "da", "no", "nb", "nn", "fi", "cs", "sk", "pl", "hu", "hr", "sl", "sr", "tr", "et", "lv", "is"})
# Languages that glue case endings to a number with a hyphen: "2029-ben", "40-luvulla", "2020'de".
_CASE_SUFFIXES = frozenset({"hu", "fi", "tr", "et"})


def _forms(value: float, *words: str) -> dict[str, float]:
    return {word: value for word in words}


# Scale words per language. English's own list (lx.SCALES) is read in every language.
_SCALES: dict[str, dict[str, float]] = {
    "de": {**_forms(1e6, "million", "millionen", "mio"), **_forms(1e9, "milliarde", "milliarden", "mrd"),
           **_forms(1e12, "billion", "billionen", "bio"), **_forms(1e3, "tausend", "tsd")},
    "fr": {**_forms(1e6, "million", "millions"), **_forms(1e9, "milliard", "milliards", "md", "mds", "mrd"),
           **_forms(1e12, "billion", "billions"), "mille": 1e3},
    "es": {**_forms(1e6, "millón", "millones", "millon"), **_forms(1e12, "billón", "billones"),
           "mil": 1e3, "mdd": 1e6},
    "it": {**_forms(1e6, "milione", "milioni", "mln"), **_forms(1e9, "miliardo", "miliardi", "mld", "mrd"),
           "mila": 1e3},
    "pt": {**_forms(1e6, "milhão", "milhões", "milhao", "milhoes"), **_forms(1e9, "bilhão", "bilhões", "mil milhões"),
           **_forms(1e12, "bilião", "biliões"), "mil": 1e3, "mi": 1e6, "bi": 1e9},
    "nl": {**_forms(1e6, "miljoen", "mln"), **_forms(1e9, "miljard", "mld", "mrd"), "duizend": 1e3},
    "da": {**_forms(1e6, "million", "millioner", "mio"), **_forms(1e9, "milliard", "milliarder", "mia", "mia."),
           "tusind": 1e3},
    "no": {**_forms(1e6, "million", "millioner", "mill", "mln"), **_forms(1e9, "milliard", "milliarder", "mrd"),
           "tusen": 1e3},
    "sv": {**_forms(1e6, "miljon", "miljoner", "milj", "mkr"), **_forms(1e9, "miljard", "miljarder", "mdr", "mdkr"),
           "tusen": 1e3},
    "fi": {**_forms(1e6, "miljoona", "miljoonaa", "milj"), **_forms(1e9, "miljardi", "miljardia", "mrd"),
           **_forms(1e3, "tuhat", "tuhatta")},
    "pl": {**_forms(1e6, "milion", "miliony", "milionów", "mln"), **_forms(1e9, "miliard", "miliardy", "miliardów", "mld"),
           **_forms(1e3, "tysiąc", "tysiące", "tysięcy", "tys")},
    "cs": {**_forms(1e6, "milion", "miliony", "milionů", "milionu", "mil"), **_forms(1e9, "miliarda", "miliardy", "miliard", "mld"),
           **_forms(1e3, "tisíc", "tisíce", "tis")},
    "sk": {**_forms(1e6, "milión", "milióny", "miliónov", "mil"), **_forms(1e9, "miliarda", "miliardy", "miliárd", "mld"),
           **_forms(1e3, "tisíc", "tisíce", "tis")},
    "ru": {**_forms(1e6, "миллион", "миллиона", "миллионов", "млн"), **_forms(1e9, "миллиард", "миллиарда", "миллиардов", "млрд"),
           **_forms(1e12, "триллион", "триллиона", "триллионов", "трлн"), **_forms(1e3, "тысяча", "тысячи", "тысяч", "тыс")},
    "uk": {**_forms(1e6, "мільйон", "мільйона", "мільйонів", "млн"), **_forms(1e9, "мільярд", "мільярда", "мільярдів", "млрд"),
           **_forms(1e12, "трильйон", "трильйона", "трильйонів", "трлн"), **_forms(1e3, "тисяча", "тисячі", "тисяч", "тис")},
    "ro": {**_forms(1e6, "milion", "milioane", "mil"), **_forms(1e9, "miliard", "miliarde", "mld"), "mii": 1e3},
    "el": {**_forms(1e6, "εκατομμύριο", "εκατομμύρια", "εκατομμυρίων", "εκατ"),
           **_forms(1e9, "δισεκατομμύριο", "δισεκατομμύρια", "δισεκατομμυρίων", "δισ"), **_forms(1e3, "χιλιάδες", "χιλιάδων")},
    "hu": {**_forms(1e6, "millió", "mió"), **_forms(1e9, "milliárd", "mrd"), "ezer": 1e3},
    "tr": {**_forms(1e6, "milyon", "mn"), **_forms(1e9, "milyar", "mr"), "bin": 1e3},
    "ar": {**_forms(1e6, "مليون", "ملايين"), **_forms(1e9, "مليار", "مليارات"), **_forms(1e3, "ألف", "آلاف")},
    "id": {**_forms(1e6, "juta", "jt"), **_forms(1e9, "miliar", "milyar"), **_forms(1e12, "triliun"), "ribu": 1e3, "rb": 1e3},
    "hr": {**_forms(1e6, "milijun", "milijuna", "mil"), **_forms(1e9, "milijarda", "milijardi", "mlrd"), **_forms(1e3, "tisuća", "tisuće")},
}
# Frequent verbs that may follow a bare number ("20 peuvent être reconstruits") and
# are missing from the stop-word lists: they end a counted noun before it starts.
VERB_STOPS: dict[str, frozenset[str]] = {
    "fr": frozenset({"peuvent", "doivent", "veulent", "pourraient", "devraient", "ont", "avaient", "seront", "auront", "étaient"}),
    "es": frozenset({"pueden", "deben", "quieren", "podrían", "deberían", "han", "habían", "serán", "fueron", "eran"}),
    "it": frozenset({"possono", "devono", "vogliono", "potrebbero", "dovrebbero", "hanno", "avevano", "saranno", "erano", "furono"}),
    "pt": frozenset({"podem", "devem", "querem", "poderiam", "deveriam", "têm", "tinham", "serão", "foram", "eram"}),
    "de": frozenset({"können", "müssen", "sollen", "wollen", "dürfen", "könnten", "sollten", "haben", "hatten", "sind", "waren", "werden", "wurden"}),
    "nl": frozenset({"kunnen", "moeten", "willen", "zouden", "hebben", "hadden", "zijn", "waren", "worden", "werden"}),
}

# Scale abbreviations that are written with a full stop ("3 Mrd. Euro", "5 mln. zł").
SCALE_ABBREVIATIONS = frozenset({
    "mio", "mrd", "mln", "mld", "md", "mds", "bio", "tsd", "tys", "tis", "mil", "milj", "mill", "mia",
    "млн", "млрд", "трлн", "тыс", "тис", "εκατ", "δισ", "mlrd", "jt", "rb", "mi", "bi", "mr", "mn",
})
# Ideographic scales: 12亿 (1.2 billion), 250億, 15万 (150,000).
CJK_SCALES: dict[str, float] = {"十": 10, "百": 1e2, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
CJK_CURRENCIES: dict[str, str] = {"元": "yuan", "円": "yen", "块": "yuan"}
# Ideographic units, two characters or one: (unit, kind).
CJK_UNITS: dict[str, tuple[str, str]] = {
    "公里": ("km", "measure"), "千米": ("km", "measure"), "米": ("m", "measure"), "キロ": ("km", "measure"),
    "公斤": ("kg", "measure"), "吨": ("tonnes", "measure"), "トン": ("tonnes", "measure"),
    "分钟": ("minutes", "duration"), "分": ("minutes", "duration"), "小时": ("hours", "duration"),
    "時間": ("hours", "duration"), "天": ("days", "duration"), "周": ("weeks", "duration"),
    "个月": ("months", "duration"), "か月": ("months", "duration"), "ヶ月": ("months", "duration"),
}
# A number glued to these is part of a date: 2024年, 12月, 1日.
CJK_DATE_MARKS = frozenset({"年", "月", "日", "号"})

# Currency words and symbols read after a number in every language but English
# (English keeps lx.CURRENCY_WORDS); the value is the name the figure reports.
_FOREIGN_CURRENCIES: dict[str, str] = {
    **{w: "euros" for w in ("euro", "euros", "eur", "euroa", "eurot", "eurót", "eura", "eurů", "евро", "євро", "ευρώ", "avro", "يورو")},
    **{w: "dollars" for w in ("dollar", "dollars", "dólar", "dólares", "dollari", "dollaro", "dolar", "dolarów", "dolarů",
                               "доллар", "доллара", "долларов", "долар", "долари", "доларів", "δολάρια", "dolari", "دولار")},
    **{w: "roubles" for w in ("рубль", "рубля", "рублей", "руб", "rubli", "rubel", "rubli")},
    **{w: "hryvnias" for w in ("гривня", "гривні", "гривень", "грн")},
    **{w: "zloty" for w in ("złoty", "złote", "złotych", "zł", "zloty")},
    **{w: "koruna" for w in ("korun", "koruna", "koruny", "kč", "korún")},
    **{w: "kroner" for w in ("kroner", "krone", "kronor", "krona", "kr", "dkk", "nok", "sek", "kruunua")},
    **{w: "forint" for w in ("forint", "forintot", "forintba", "forintért", "forintból", "forintos", "ft", "huf")},
    **{w: "lei" for w in ("lei", "leu", "ron")},
    **{w: "pounds" for w in ("pfund", "sterline", "libras", "جنيه", "جنيهات", "фунтов")},
    **{w: "francs" for w in ("franken", "franchi", "francos", "chf")},
    **{w: "lira" for w in ("lira", "lirası", "tl", "ليرة")},
    **{w: "yuan" for w in ("yuan", "юаней", "юанів")},
    **{w: "yen" for w in ("yen", "иен", "jenů", "jeny")},
    **{w: "reais" for w in ("reais", "real")},
    **{w: "pesos" for w in ("peso", "pesos")},
    **{w: "rupiah" for w in ("rupiah", "rp")},
    **{w: "kuna" for w in ("kuna", "kuna")},
    **{w: "riyals" for w in ("ريال",)},
    **{w: "dirhams" for w in ("درهم",)},
    **{w: "dinars" for w in ("دينار",)},
}
# Unit symbols in Cyrillic and Greek script (Latin ones are in lx.UNIT_SYMBOLS).
FOREIGN_UNIT_SYMBOLS = frozenset({
    "г", "кг", "мг", "мл", "л", "см", "мм", "км", "м", "га", "т", "гр", "кВт", "МВт", "ГВт", "кВт·ч",
    "χλμ", "χιλ", "μ", "τ", "κιλά", "γρ", "lt", "Std",
})
# Unit words outside English by stem, declined forms included ("kilometri", "километров").
FOREIGN_UNIT_STEMS: tuple[str, ...] = (
    "kilomet", "kilómet", "kilomét", "chilomet", "quilómet", "quilômet", "километ", "кіломет", "χιλιόμετρ",
    "kilometr", "meter", "mètre", "metri", "metrů", "metrov", "metrów", "метр", "μέτρ",
    "hektar", "hectare", "hectárea", "ettar", "гектар", "στρέμμ",
    "tonne", "tonelada", "tonnellat", "tonn", "тонн", "τόνο",
    "grad", "degré", "grados", "gradi", "градус", "stopni", "stupň", "βαθμ", "fok",
    "gramm", "gramo", "grammi", "грамм", "грам", "kilogramm", "kilogramo", "килограмм", "кілограм",
    "liter", "litre", "litro", "litri", "литр", "літр", "λίτρ",
)
# Currency symbols that may follow the amount ("10 000 €", "50 zł"); "$" only outside English.
CURRENCY_SYMBOLS_AFTER: dict[str, str] = {
    "€": "euros", "£": "pounds", "₽": "roubles", "₴": "hryvnias", "₺": "lira", "₹": "rupees",
    "¥": "yen", "₩": "won", "₦": "naira", "₱": "pesos", "₪": "shekels", "₫": "dong",
}

# Single-word percent names outside English; English keeps lx.PERCENT_WORDS.
_FOREIGN_PERCENT_WORDS = frozenset({
    "prozent", "procent", "procenta", "procentu", "procentů", "procentům", "procentów", "procenty",
    "procentowe", "proc", "prosent", "prosenttia", "prosentti", "prosentin", "százalék", "százalékkal",
    "százalékot", "százalékos", "százaléka", "процент", "процента", "процентов", "відсоток", "відсотки",
    "відсотків", "відсотка", "percent", "percenta", "percent", "percentá", "percentuale", "procente",
    "porcentaje", "pct", "pourcent", "pourcents", "bps",
})
# Two-word percent names, as the words after the number.
PERCENT_PHRASES: tuple[tuple[str, str], ...] = (
    ("por", "cento"), ("por", "ciento"), ("per", "cento"), ("pour", "cent"), ("per", "cent"),
    ("la", "sută"), ("la", "suta"), ("τοις", "εκατό"), ("في", "المئة"), ("في", "المائة"),
)
_ARABIC_PERCENT = frozenset({"بالمئة", "بالمائة"})

# Number words, for counts only ("drei Linien"); a word that is also an article
# ("un", "ein", "een") is left out, and 1 with it in most languages.
_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
           "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
           "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
           "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
           "soixante": 60, "cent": 100},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
           "diez": 10, "once": 11, "doce": 12, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
           "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
           "dieci": 10, "undici": 11, "dodici": 12, "venti": 20, "trenta": 30, "quaranta": 40,
           "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
           "nove": 9, "dez": 10, "onze": 11, "doze": 12, "vinte": 20, "trinta": 30, "quarenta": 40,
           "cinquenta": 50, "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100},
    "nl": {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
           "één": 1, "tien": 10, "elf": 11, "twaalf": 12, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
           "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100},
    "sv": {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
           "elva": 11, "tolv": 12, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50},
    "da": {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10,
           "elleve": 11, "tolv": 12, "tyve": 20, "tredive": 30, "fyrre": 40, "halvtreds": 50},
    "no": {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9,
           "ti": 10, "elleve": 11, "tolv": 12, "tjue": 20, "tretti": 30, "førti": 40, "femti": 50},
    "ru": {"один": 1, "одна": 1, "одно": 1, "одиннадцать": 11, "двенадцать": 12, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
           "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50},
    "uk": {"один": 1, "одна": 1, "одне": 1, "одинадцять": 11, "дванадцять": 12, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
           "дев'ять": 9, "десять": 10, "двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50},
    "pl": {"jeden": 1, "jedna": 1, "jedno": 1, "jedenaście": 11, "dwanaście": 12, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8,
           "dziewięć": 9, "dziesięć": 10, "dwadzieścia": 20, "trzydzieści": 30, "czterdzieści": 40, "pięćdziesiąt": 50},
    "cs": {"jeden": 1, "jedna": 1, "jedno": 1, "jedenáct": 11, "dvanáct": 12, "dvacet": 20, "dva": 2, "dvě": 2, "tři": 3, "čtyři": 4, "pět": 5, "šest": 6, "sedm": 7, "osm": 8, "devět": 9, "deset": 10},
    "sk": {"jeden": 1, "jedna": 1, "jedno": 1, "jedenásť": 11, "dvanásť": 12, "dvadsať": 20, "dva": 2, "dve": 2, "tri": 3, "štyri": 4, "päť": 5, "šesť": 6, "sedem": 7, "osem": 8, "deväť": 9, "desať": 10},
    "ro": {"doi": 2, "două": 2, "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "şase": 6, "șapte": 7,
           "şapte": 7, "opt": 8, "nouă": 9, "zece": 10, "unsprezece": 11, "doisprezece": 12, "douăsprezece": 12, "douăzeci": 20},
    "fi": {"kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7, "kahdeksan": 8,
           "yhdeksän": 9, "kymmenen": 10, "yksitoista": 11, "kaksitoista": 12, "kaksikymmentä": 20},
    "hu": {"kettő": 2, "két": 2, "három": 3, "négy": 4, "öt": 5, "hat": 6, "hét": 7, "nyolc": 8, "kilenc": 9, "tíz": 10, "tizenegy": 11, "tizenkét": 12, "tizenkettő": 12, "húsz": 20},
    "el": {"δύο": 2, "τρεις": 3, "τρία": 3, "τέσσερις": 4, "τέσσερα": 4, "πέντε": 5, "έξι": 6, "επτά": 7,
           "εφτά": 7, "οκτώ": 8, "οχτώ": 8, "εννέα": 9, "δέκα": 10, "έντεκα": 11, "δώδεκα": 12, "είκοσι": 20},
}

# How tens and units join: "vingt-cinq" (a glued hyphen), "treinta y dos", "vinte e dois".
NUMBER_JOINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"-", "et"}), "es": frozenset({"y"}), "pt": frozenset({"e"}), "it": frozenset(),
    "ro": frozenset({"și", "şi"}), "ru": frozenset({" "}), "uk": frozenset({" "}), "pl": frozenset({" "}),
    "cs": frozenset({" "}), "sk": frozenset({" "}), "el": frozenset({" "}), "fi": frozenset({" "}),
}

# Words between a number (or scale) and what it counts: "millions d'euros", "21 de kilometri".
_LINKS: dict[str, frozenset[str]] = {
    "fr": frozenset({"de", "d", "des"}),
    "es": frozenset({"de"}),
    "pt": frozenset({"de"}),
    "it": frozenset({"di", "d"}),
    "ro": frozenset({"de"}),
    "ca": frozenset({"de", "d"}),
    "en": frozenset({"of"}),
}
# Elided function words glued to the next word with an apostrophe: "d'euros", "l'hôtel".
ELIDED_ARTICLES = frozenset({"d", "l", "dell", "dall", "nell", "all", "sull", "un", "de"})

_MONTHS: dict[str, frozenset[str]] = {
    "de": frozenset({"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"}),
    "fr": frozenset({"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}),
    "es": frozenset({"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre"}),
    "it": frozenset({"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}),
    "pt": frozenset({"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}),
    "nl": frozenset({"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}),
    "da": frozenset({"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}),
    "no": frozenset({"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}),
    "sv": frozenset({"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}),
    "fi": frozenset({"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"}),
    "pl": frozenset({"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"}),
    "cs": frozenset({"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"}),
    "sk": frozenset({"januára", "februára", "marca", "apríla", "mája", "júna", "júla", "augusta", "septembra", "októbra", "novembra", "decembra"}),
    "ru": frozenset({"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}),
    "uk": frozenset({"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"}),
    "ro": frozenset({"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"}),
    "hu": frozenset({"január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"}),
    "el": frozenset({"ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"}),
    "tr": frozenset({"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"}),
}

# Time units outside English, by the English unit they report.
_TIME_UNITS: dict[str, dict[str, str]] = {
    "de": {**dict.fromkeys(("minute", "minuten"), "minutes"), **dict.fromkeys(("stunde", "stunden"), "hours"),
           **dict.fromkeys(("tag", "tage", "tagen"), "days"), **dict.fromkeys(("woche", "wochen"), "weeks"),
           **dict.fromkeys(("monat", "monate", "monaten"), "months"), **dict.fromkeys(("jahr", "jahre", "jahren"), "years")},
    "fr": {**dict.fromkeys(("minute", "minutes"), "minutes"), **dict.fromkeys(("heure", "heures"), "hours"),
           **dict.fromkeys(("jour", "jours"), "days"), **dict.fromkeys(("semaine", "semaines"), "weeks"),
           "mois": "months", **dict.fromkeys(("an", "ans", "année", "années"), "years")},
    "es": {**dict.fromkeys(("minuto", "minutos"), "minutes"), **dict.fromkeys(("hora", "horas"), "hours"),
           **dict.fromkeys(("día", "días"), "days"), **dict.fromkeys(("semana", "semanas"), "weeks"),
           **dict.fromkeys(("mes", "meses"), "months"), **dict.fromkeys(("año", "años"), "years")},
    "it": {**dict.fromkeys(("minuto", "minuti"), "minutes"), **dict.fromkeys(("ora", "ore"), "hours"),
           **dict.fromkeys(("giorno", "giorni"), "days"), **dict.fromkeys(("settimana", "settimane"), "weeks"),
           **dict.fromkeys(("mese", "mesi"), "months"), **dict.fromkeys(("anno", "anni"), "years")},
    "pt": {**dict.fromkeys(("minuto", "minutos"), "minutes"), **dict.fromkeys(("hora", "horas"), "hours"),
           **dict.fromkeys(("dia", "dias"), "days"), **dict.fromkeys(("semana", "semanas"), "weeks"),
           **dict.fromkeys(("mês", "meses"), "months"), **dict.fromkeys(("ano", "anos"), "years")},
    "nl": {**dict.fromkeys(("minuut", "minuten"), "minutes"), **dict.fromkeys(("uur", "uren"), "hours"),
           **dict.fromkeys(("dag", "dagen"), "days"), **dict.fromkeys(("week", "weken"), "weeks"),
           **dict.fromkeys(("maand", "maanden"), "months"), "jaar": "years"},
    "sv": {**dict.fromkeys(("minut", "minuter"), "minutes"), **dict.fromkeys(("timme", "timmar"), "hours"),
           **dict.fromkeys(("dag", "dagar"), "days"), **dict.fromkeys(("vecka", "veckor"), "weeks"),
           **dict.fromkeys(("månad", "månader"), "months"), "år": "years"},
    "da": {**dict.fromkeys(("minut", "minutter"), "minutes"), **dict.fromkeys(("time", "timer"), "hours"),
           **dict.fromkeys(("dag", "dage"), "days"), **dict.fromkeys(("uge", "uger"), "weeks"),
           **dict.fromkeys(("måned", "måneder"), "months"), "år": "years"},
    "no": {**dict.fromkeys(("minutt", "minutter"), "minutes"), **dict.fromkeys(("time", "timer"), "hours"),
           **dict.fromkeys(("dag", "dager"), "days"), **dict.fromkeys(("uke", "uker"), "weeks"),
           **dict.fromkeys(("måned", "måneder"), "months"), "år": "years"},
    "fi": {**dict.fromkeys(("minuuttia", "minuutissa", "minuuttiin"), "minutes"), **dict.fromkeys(("tuntia", "tunnissa"), "hours"),
           **dict.fromkeys(("päivää", "päivässä"), "days"), "viikkoa": "weeks", "kuukautta": "months",
           **dict.fromkeys(("vuotta", "vuodessa"), "years")},
    "pl": {**dict.fromkeys(("minut", "minuty", "minutę"), "minutes"), **dict.fromkeys(("godzin", "godziny"), "hours"),
           **dict.fromkeys(("dni", "dzień"), "days"), **dict.fromkeys(("tygodni", "tygodnie"), "weeks"),
           **dict.fromkeys(("miesięcy", "miesiące"), "months"), **dict.fromkeys(("lat", "lata"), "years")},
    "cs": {**dict.fromkeys(("minut", "minuty"), "minutes"), **dict.fromkeys(("hodin", "hodiny"), "hours"),
           **dict.fromkeys(("dní", "dnů", "dny"), "days"), **dict.fromkeys(("týdnů", "týdny"), "weeks"),
           **dict.fromkeys(("měsíců", "měsíce"), "months"), **dict.fromkeys(("let", "roky", "roků"), "years")},
    "sk": {**dict.fromkeys(("minút", "minúty"), "minutes"), **dict.fromkeys(("hodín", "hodiny"), "hours"),
           **dict.fromkeys(("dní", "dni"), "days"), **dict.fromkeys(("týždňov", "týždne"), "weeks"),
           **dict.fromkeys(("mesiacov", "mesiace"), "months"), **dict.fromkeys(("rokov", "roky"), "years")},
    "ru": {**dict.fromkeys(("минут", "минуты", "минуту"), "minutes"), **dict.fromkeys(("часов", "часа", "час"), "hours"),
           **dict.fromkeys(("дней", "дня", "день", "суток"), "days"), **dict.fromkeys(("недель", "недели"), "weeks"),
           **dict.fromkeys(("месяцев", "месяца"), "months"), **dict.fromkeys(("лет", "года", "год"), "years")},
    "uk": {**dict.fromkeys(("хвилин", "хвилини"), "minutes"), **dict.fromkeys(("годин", "години"), "hours"),
           **dict.fromkeys(("днів", "дні"), "days"), **dict.fromkeys(("тижнів", "тижні"), "weeks"),
           **dict.fromkeys(("місяців", "місяці"), "months"), **dict.fromkeys(("років", "роки", "рік"), "years")},
    "ro": {**dict.fromkeys(("minut", "minute"), "minutes"), **dict.fromkeys(("ore",), "hours"),
           **dict.fromkeys(("zile",), "days"), **dict.fromkeys(("săptămâni",), "weeks"),
           **dict.fromkeys(("luni",), "months"), **dict.fromkeys(("ani",), "years")},
    "el": {**dict.fromkeys(("λεπτά",), "minutes"), **dict.fromkeys(("ώρες",), "hours"), **dict.fromkeys(("ημέρες", "μέρες"), "days"),
           **dict.fromkeys(("εβδομάδες",), "weeks"), **dict.fromkeys(("μήνες",), "months"), **dict.fromkeys(("χρόνια", "έτη"), "years")},
    "hu": {**dict.fromkeys(("perc", "percet", "perces", "percig"), "minutes"), **dict.fromkeys(("óra", "órát"), "hours"),
           **dict.fromkeys(("nap", "napot"), "days"), **dict.fromkeys(("hét", "hetet"), "weeks"),
           **dict.fromkeys(("hónap", "hónapot"), "months"), **dict.fromkeys(("év", "évet", "éve"), "years")},
    "tr": {**dict.fromkeys(("dakika", "dakikada", "dakikadan", "dakikaya"), "minutes"), **dict.fromkeys(("saat",), "hours"),
           **dict.fromkeys(("gün",), "days"), **dict.fromkeys(("hafta",), "weeks"), **dict.fromkeys(("ay",), "months"),
           **dict.fromkeys(("yıl", "yıldır", "sene"), "years")},
}

# Modifiers before a number, as word tuples; all approximate or open bounds.
_APPROX: dict[str, tuple[tuple[str, ...], ...]] = {
    "de": (("etwa",), ("rund",), ("knapp",), ("über",), ("mehr", "als"), ("fast",), ("gut",), ("ungefähr",), ("circa",), ("ca",), ("bis", "zu"), ("mindestens",), ("weniger", "als")),
    "fr": (("environ",), ("presque",), ("plus", "de"), ("près", "de"), ("moins", "de"), ("quelque",), ("jusqu", "à"), ("au", "moins")),
    "es": (("unos",), ("unas",), ("casi",), ("más", "de"), ("cerca", "de"), ("alrededor", "de"), ("aproximadamente",), ("hasta",), ("menos", "de")),
    "it": (("circa",), ("quasi",), ("oltre",), ("più", "di"), ("meno", "di"), ("almeno",), ("fino", "a")),
    "pt": (("cerca", "de"), ("quase",), ("mais", "de"), ("menos", "de"), ("aproximadamente",), ("até",), ("pelo", "menos")),
    "nl": (("ongeveer",), ("bijna",), ("ruim",), ("circa",), ("meer", "dan"), ("minder", "dan"), ("zo", "'", "n"), ("zo", "’", "n"), ("tot",)),
    "da": (("omkring",), ("cirka",), ("knap",), ("næsten",), ("over",), ("mere", "end"), ("op", "til")),
    "no": (("omkring",), ("cirka",), ("rundt",), ("nesten",), ("over",), ("mer", "enn"), ("opptil",)),
    "sv": (("omkring",), ("cirka",), ("nästan",), ("drygt",), ("runt",), ("över",), ("mer", "än"), ("upp", "till")),
    "fi": (("noin",), ("yli",), ("lähes",), ("jopa",), ("vajaa",), ("alle",)),
    "pl": (("około",), ("ponad",), ("prawie",), ("blisko",), ("niemal",), ("do",), ("ok",), ("przeszło",)),
    "cs": (("přibližně",), ("zhruba",), ("asi",), ("téměř",), ("až",), ("více", "než"), ("přes",), ("cca",)),
    "sk": (("približne",), ("zhruba",), ("asi",), ("takmer",), ("až",), ("viac", "ako"), ("vyše",), ("cca",)),
    "ru": (("около",), ("почти",), ("более",), ("свыше",), ("до",), ("примерно",), ("порядка",), ("больше",), ("менее",)),
    "uk": (("близько",), ("понад",), ("майже",), ("до",), ("приблизно",), ("більше",), ("менше",)),
    "ro": (("aproximativ",), ("peste",), ("aproape",), ("circa",), ("circa",), ("până", "la"), ("mai", "mult", "de")),
    "el": (("περίπου",), ("σχεδόν",), ("πάνω", "από"), ("περισσότερα", "από"), ("περισσότεροι", "από"), ("έως",)),
    "hu": (("mintegy",), ("közel",), ("több", "mint"), ("csaknem",), ("körülbelül",), ("kb",), ("akár",)),
    "tr": (("yaklaşık",), ("yaklasik",), ("ortalama",), ("en", "az")),
    "ar": (("نحو",), ("حوالي",), ("أكثر", "من"), ("قرابة",)),
    "id": (("sekitar",), ("hampir",), ("lebih", "dari")),
    "hr": (("oko",), ("gotovo",), ("više", "od")),
}


# Words before a number that make it a label outside English ("numer 2", "Nummer 5").
REFERENCE_WORDS = frozenset({
    "nummer", "nr", "numer", "número", "numero", "numéro", "núm", "num", "n", "nº", "č", "číslo",
    "номер", "№", "tabelle", "tabla", "tableau", "tabella", "abbildung", "figura", "kapitel",
    "capítulo", "chapitre", "capitolo", "artikel", "artículo", "article", "articolo", "artigo",
    "linie", "línea", "ligne", "linea", "lijn", "linje", "paragraf", "paragraph", "absatz", "seite",
    "página", "page", "pagina", "bus", "tram", "gleis", "platz", "puesto", "rang", "sala", "salle",
})


@dataclass(frozen=True)
class NumberLocale:
    code: str
    english: bool  # the scanner's original rules, untouched
    comma_decimal: bool  # "3,5" is 3.5 and "1.200" is 1200
    dot_ordinals: bool  # "1. März" is a date, "3." an ordinal
    case_suffixes: bool  # "2029-ben": a case ending, not a counted noun
    scales: Mapping[str, float]
    number_words: Mapping[str, int]  # beyond English's; read only before a counted noun
    currency_words: Mapping[str, str]
    percent_words: frozenset[str]
    months: frozenset[str]
    time_units: Mapping[str, str]
    approx_phrases: tuple[tuple[str, ...], ...]
    links: frozenset[str]
    stop_words: frozenset[str]  # never a counted noun


def _stop_words(name: str) -> frozenset[str]:
    """sumy's stop words and the `stop-words` package's together (each misses some: "à", "în")."""
    words = set(stop_words_for(name))
    if name in AVAILABLE_LANGUAGES:
        words.update(word.lower() for word in get_stop_words(name, cache=False))
    return frozenset(words)


# Prepositions and conjunctions some stop lists miss.
_EXTRA_STOPS: dict[str, frozenset[str]] = {
    "ro": frozenset({"în", "și", "şi", "la", "pe", "cu", "din", "pentru", "până", "între", "după"}),
    "fr": frozenset({"à", "au", "aux", "en", "et", "par", "pour", "sur", "dans", "chaque", "entre"}),
    "es": frozenset({"a", "al", "en", "y", "por", "para", "cada", "entre"}),
    "pt": frozenset({"a", "ao", "em", "e", "por", "para", "cada", "entre", "no", "na"}),
    "it": frozenset({"a", "al", "in", "e", "per", "ogni", "tra", "fra"}),
    "tr": frozenset({"ve", "ile", "için", "her"}),
}


@functools.lru_cache(maxsize=64)
def number_locale(code: str = "en") -> NumberLocale:
    """The number-writing conventions of a language by ISO code; English for "" or None."""
    base = base_code(code or "en")
    if base == "en":
        return NumberLocale(
            code="en", english=True, comma_decimal=False, dot_ordinals=False, case_suffixes=False,
            scales=lx.SCALES, number_words=lx.NUMBER_WORDS, currency_words=lx.CURRENCY_WORDS,
            percent_words=lx.PERCENT_WORDS, months=frozenset(lx.MONTHS), time_units=lx.TIME_UNITS,
            approx_phrases=lx.APPROX_PHRASES, links=frozenset(), stop_words=frozenset(),
        )
    known = base in _SCALES or base in _NUMBER_WORDS or base in SUMY_NAMES
    stops = _stop_words(SUMY_NAMES.get(base, "")) | _EXTRA_STOPS.get(base, frozenset())
    # Number words: the language's own; English's only for languages we have no list for.
    number_words = dict(_NUMBER_WORDS.get(base, {}) if known else lx.NUMBER_WORDS)
    return NumberLocale(
        code=base,
        english=False,
        comma_decimal=base in _COMMA_DECIMAL,
        dot_ordinals=base in _DOT_ORDINALS,
        case_suffixes=base in _CASE_SUFFIXES,
        scales={**lx.SCALES, **_SCALES.get(base, {})},
        number_words=number_words,
        currency_words={**lx.CURRENCY_WORDS, **_FOREIGN_CURRENCIES},
        percent_words=lx.PERCENT_WORDS | _FOREIGN_PERCENT_WORDS | _ARABIC_PERCENT,
        months=frozenset(lx.MONTHS) | _MONTHS.get(base, frozenset()),
        time_units={**lx.TIME_UNITS, **_TIME_UNITS.get(base, {})},
        approx_phrases=lx.APPROX_PHRASES + _APPROX.get(base, ()),
        links=_LINKS.get(base, frozenset()),
        stop_words=stops | frozenset(_LINKS.get(base, frozenset())),
    )
