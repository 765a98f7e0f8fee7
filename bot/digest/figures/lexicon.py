"""Word lists the quantity scanner reads: number words, scales, units, modifiers.

Kept apart from the scanner so the rules read as code and the vocabulary as data.
All word lists are lower-case unless they are case-sensitive unit symbols.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

# Ordinal words ("third", "fifth") are not read: in text they are mostly ranks
# and sequence ("the third scenario"), not amounts; "13th" with digits is.
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    # the same scales in a few other languages, for "1,5 Millionen" or "2 milliards"
    "millionen": 1e6, "millions": 1e6, "millones": 1e6, "milioni": 1e6, "milhões": 1e6,
    "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "milliard": 1e9, "milliards": 1e9,
    "miliardi": 1e9, "mrd": 1e9, "millón": 1e6, "millon": 1e6, "milione": 1e6,
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7, "dozen": 12,
}
# Only straight after a currency amount ("$5m", "£3bn", "€2k").
MONEY_SCALES: dict[str, float] = {"m": 1e6, "b": 1e9, "k": 1e3, "bn": 1e9, "tn": 1e12}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees", "₩": "won",
    "₽": "roubles", "₺": "lira", "₦": "naira", "₱": "pesos",
}
# Letters written before "$": US$, A$, C$, HK$, NZ$, S$.
DOLLAR_PREFIXES = frozenset({"us", "a", "c", "hk", "nz", "s", "au", "ca"})
CURRENCY_CODES: dict[str, str] = {
    "usd": "dollars", "eur": "euros", "gbp": "pounds", "jpy": "yen", "cny": "yuan",
    "rmb": "yuan", "inr": "rupees", "chf": "francs", "aud": "dollars", "cad": "dollars",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "dollars", "dollars": "dollars", "euro": "euros", "euros": "euros",
    "yen": "yen", "yuan": "yuan", "rupee": "rupees", "rupees": "rupees",
    "franc": "francs", "francs": "francs", "peso": "pesos", "pesos": "pesos",
    "rouble": "roubles", "roubles": "roubles", "ruble": "roubles", "rubles": "roubles",
    "pence": "pence", "cents": "cents", "cent": "cents", "sterling": "pounds",
    "dinar": "dinars", "dinars": "dinars", "rand": "rand", "shekel": "shekels",
    "shekels": "shekels", "riyal": "riyals", "riyals": "riyals", "dirham": "dirhams",
    "dirhams": "dirhams", "baht": "baht", "ringgit": "ringgit", "rupiah": "rupiah",
    "kronor": "kronor", "kroner": "kroner", "krona": "kronor", "krone": "kroner",
    "zloty": "zloty", "zlotys": "zloty", "hryvnia": "hryvnias", "hryvnias": "hryvnias",
    "naira": "naira", "reais": "reais", "real": "reais", "lira": "lira", "liras": "lira",
    "renminbi": "yuan", "bitcoin": "bitcoin", "bitcoins": "bitcoin",
}

PERCENT_WORDS = frozenset({"percent", "pct"})

TIME_UNITS: dict[str, str] = {
    "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds",
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "h": "hours",
    "day": "days", "days": "days", "d": "days", "night": "nights", "nights": "nights",
    "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks",
    "fortnight": "fortnights", "month": "months", "months": "months", "mo": "months",
    "year": "years", "years": "years", "yr": "years", "yrs": "years", "y": "years",
    "decade": "decades", "decades": "decades", "century": "centuries",
    "centuries": "centuries", "millennium": "millennia", "millennia": "millennia",
    "ms": "milliseconds", "μs": "microseconds", "µs": "microseconds", "ns": "nanoseconds",
    "ka": "thousand years", "kyr": "thousand years", "ma": "million years",
    "myr": "million years", "ga": "billion years", "gyr": "billion years",
}
# Time symbols whose case matters ("Ma" is mega-annum, "ma" is not a unit here).
TIME_SYMBOLS_CASED = frozenset({"ka", "kyr", "Ma", "Myr", "Ga", "Gyr", "h", "d", "y", "ms", "μs", "µs", "ns"})

# Unit words, matched case-insensitively, singular and plural.
UNIT_WORDS = frozenset(
    word
    for stem in (
        "metre", "meter", "kilometre", "kilometer", "centimetre", "centimeter",
        "millimetre", "millimeter", "micrometre", "micrometer", "nanometre", "nanometer",
        "mile", "yard", "inch", "foot", "gram", "kilogram", "milligram", "microgram",
        "tonne", "ton", "pound", "ounce", "litre", "liter", "millilitre", "milliliter",
        "gallon", "barrel", "acre", "hectare", "degree", "volt", "watt", "kilowatt",
        "megawatt", "gigawatt", "terawatt", "joule", "kilojoule", "calorie", "kilocalorie",
        "byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "pixel", "knot", "newton",
        "pascal", "kelvin", "celsius", "fahrenheit", "hertz", "ampere", "amp", "mole",
        "atmosphere", "bar", "decibel", "cycle", "revolution", "dose", "point", "fold",
        "storey", "story", "lap", "kilowatt-hour", "gigawatt-hour", "megawatt-hour",
        "square", "cubic", "sq",
    )
    for word in (stem, stem + "s", stem + "es")
) | frozenset({"feet", "inches", "mph", "kph", "km/h", "rpm", "bpm", "ppm", "ppb", "ppt", "times"})

# Case-sensitive unit symbols: SI prefixes on SI bases, plus common odd ones.
_PREFIXES = ("", "p", "n", "μ", "µ", "u", "m", "c", "d", "k", "M", "G", "T")
_BASES = ("m", "g", "s", "L", "l", "mol", "M", "Pa", "Hz", "W", "J", "V", "A", "K", "eV",
          "Da", "Wh", "Gy", "Sv", "Bq", "cal", "F", "C", "Ω", "S", "T", "N")
# prefix+base pairs that read as words, abbreviations or times more often than units
_NOT_UNITS = frozenset({
    "pm", "us", "ds", "cs", "Ms", "Gs", "Ts", "ks", "ps", "ds", "Ts", "Ml", "Tl", "Gl",
    "ug", "um", "uL", "ul", "us", "dm", "Tm", "Gm", "Mm", "TV", "MC", "DC",
    "C", "F", "S", "T", "cC", "dC", "cF", "dF", "cS", "dS", "cT", "dT", "cN", "dN", "TN",
    "GN", "cK", "dK", "TK", "GK", "MK", "kK", "cV", "dV", "TA",
    "GA", "cA", "dA", "dW", "cW", "cJ", "dJ", "cHz", "dHz", "cM", "dM", "kM", "GM", "TM",
    "MM", "cmol", "dmol", "Tmol", "Gmol", "Mmol", "Tg", "cg", "dg",
})
UNIT_SYMBOLS = (frozenset(p + b for p in _PREFIXES for b in _BASES) - _NOT_UNITS) | frozenset(
    {
        "km²", "m²", "cm²", "mm²", "m³", "cm³", "km2", "m2", "cm2", "mm2", "m3", "cm3",
        "ha", "wt", "vol", "dB", "dBA", "bp", "kb", "kbp", "Mb", "Mbp", "kDa", "kD", "MWe",
        "GWe", "kWh", "MWh", "GWh", "TWh", "Wp", "kWp", "MWp", "mmHg", "psi", "lb", "lbs",
        "oz", "ft", "mi", "yd", "gal", "ppm", "ppb", "ppt", "ppmv", "ppbv", "pH",
        "rpm", "mph", "kph", "kHz", "MHz", "GHz", "THz", "wk", "wks", "mo", "yr", "yrs",
        "kyr", "Myr", "Gyr", "ka", "Ma", "Ga", "min", "mins", "sec", "secs", "hr", "hrs",
        "h", "d", "y", "cfu", "CFU", "IU", "kcal", "Kcal", "mAh", "Ah", "mbar", "hPa",
        "atm", "Torr", "bar", "GB", "MB", "KB", "kB", "TB", "Gb", "Tb", "px", "dpi", "AU",
        "kpc", "Mpc", "ly", "amu", "mEq", "kt", "Mt", "Gt", "t", "Å", "sccm", "eq",
        "equiv", "rad", "mrad", "sr", "lm", "lx", "Wb", "fs", "mK", "ng",
    }
)
# Letters that follow a number as a degree sign's scale or bearing: °C, °F, °N, ...
DEGREE_LETTERS = frozenset({"C", "F", "K", "N", "S", "E", "W", "c", "f"})
# Words that join two units into one: "km per hour", "mg per litre".
UNIT_JOINERS = frozenset({"per"})

# Modifiers that make a figure approximate (or an open bound). Others, like
# "within", widen the span but leave the number exact.
APPROX_FLAG = frozenset({
    "nearly", "about", "around", "almost", "roughly", "some", "approximately", "approx",
    "circa", "ca", "c", "over", "under", "estimated", "~", "∼", "≈", "≃", "≅", "<", ">",
    "≤", "≥", "⩽", "⩾", "≲", "≳", "below", "above", "upwards", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "as many as", "as much as", "as few as",
    "close to", "in excess of", "upwards of", "well over", "just over", "just under",
    "more than", "no more than", "no fewer than", "no less than", "not more than",
    "an estimated", "the order of", "on the order of", "in the order of", "greater than",
    "higher than", "lower than", "as little as", "a maximum of", "a minimum of",
    "etwa", "rund", "knapp", "über", "mehr als", "fast", "environ", "presque", "plus de",
    "près de", "unos", "unas", "casi", "más de", "cerca de", "oltre", "quasi", "ongeveer", "bijna",
})
# Two- and three-word modifiers, as word tuples read right to left from the number.
APPROX_PHRASES: tuple[tuple[str, ...], ...] = (
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"),
    ("up", "to"), ("as", "many", "as"), ("as", "much", "as"), ("as", "few", "as"),
    ("as", "little", "as"), ("close", "to"), ("in", "excess", "of"), ("upwards", "of"),
    ("well", "over"), ("just", "over"), ("just", "under"), ("an", "estimated"),
    ("no", "more", "than"), ("no", "fewer", "than"), ("no", "less", "than"),
    ("not", "more", "than"), ("greater", "than"), ("higher", "than"), ("lower", "than"),
    ("on", "the", "order", "of"), ("the", "order", "of"), ("in", "the", "order", "of"),
    ("a", "maximum", "of"), ("a", "minimum", "of"), ("some",),
    ("nearly",), ("about",), ("around",), ("almost",), ("roughly",), ("approximately",),
    ("approx",), ("circa",), ("over",), ("under",), ("estimated",), ("below",), ("above",),
    ("within",), ("barely",), ("ca",),
    # a few common ones in other languages, best effort
    ("etwa",), ("rund",), ("knapp",), ("über",), ("mehr", "als"), ("fast",), ("environ",),
    ("presque",), ("plus", "de"), ("près", "de"), ("unos",), ("unas",), ("casi",), ("más", "de"),
    ("cerca", "de"), ("circa",), ("oltre",), ("quasi",), ("ongeveer",), ("bijna",),
)

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
# Words before a bare year that make it a date ("in 1999", "since 2011").
YEAR_CUES = frozenset({
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "of",
    "early", "late", "mid", "year", "years", "summer", "winter", "spring", "autumn", "fall",
    "circa", "between", "and", "to", "through", "around", "the", "c", "ca", "fiscal",
})

# Words before a four-digit number from 1900 to 2100 that make it a year even before a plural noun ("the 2007 world
# championships", "in 2001 convicted members"); not "of" ("a total of 1500 people").
YEAR_BEFORE_A_NOUN = frozenset({
    "in", "since", "by", "until", "from", "during", "before", "after",
    "the", "its", "their", "his", "her", "our", "this", "that", "last", "next",
    # an owner's "'s", a token of its own ("the game's 2026 updates", "Christie's 2013 re-election bid", "Frank Capra's
    # 1946 movie"; seventeenth session, figures9: CNN and BBC tune read no count of 1900-2100 after it)
    "s",
})
# The words whose "'s" is "is" or "has", not an owner's: "it's 2000 people" counts (the lead, after figures9).
IS_CONTRACTED_HOSTS = frozenset({"it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "when", "let"})

# Words before a number that make it a label, not a quantity ("Table 4", "Section 2").
REFERENCE_WORDS = frozenset({
    "table", "tables", "fig", "figs", "figure", "figures", "eq", "eqs", "eqn", "eqns",
    "equation", "equations", "section", "sections", "sect", "sec", "chapter", "chapters",
    "appendix", "line", "lines", "step", "steps", "definition", "theorem", "lemma",
    "proposition", "corollary", "algorithm", "listing", "example", "page", "pages", "p",
    "pp", "vol", "volume", "no", "nos", "number", "ref", "refs", "reference", "references",
    "article", "articles", "rule", "item", "items", "question", "questions", "part",
    "phase", "stage", "type", "grade", "level", "version", "v", "ver", "release", "route",
    "highway", "room", "flight", "gate", "platform", "box", "panel", "scheme", "model",
    "experiment", "experiments", "case", "cases", "study", "trial", "criterion", "remark",
    "assumption", "axiom", "claim", "conjecture", "property", "supplementary", "exp",
    "protocol", "task", "condition", "group", "session", "sample", "site", "station",
    "core", "well", "layer", "zone", "region", "cell", "channel", "mode", "option",
    "test", "round", "game", "episode", "season", "act", "scene", "psalm", "verse",
    "figure", "film", "day", "phase", "phases", "column", "columns", "clone", "complex",
    "month", "cases", "numbered", "fraction", "fractions", "codes", "code", "labels", "fragment", "patient", "subject", "participant", "block",
    "row", "column", "col", "cols", "label", "node", "nodes", "vertex", "iteration",
})

# Words that end a counted noun phrase.
NOUN_STOPS = frozenset({
    "of", "and", "or", "but", "in", "on", "at", "to", "for", "from", "with", "by", "as",
    "who", "whom", "whose", "which", "that", "this", "these", "those", "were", "was",
    "are", "is", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will",
    "would", "could", "should", "may", "might", "must", "can", "shall", "ago", "later",
    "earlier", "before", "after", "since", "than", "the", "a", "an", "their", "his", "her",
    "its", "our", "your", "my", "they", "he", "she", "it", "we", "you", "i", "them",
    "into", "onto", "over", "under", "about", "per", "each", "every", "while", "when",
    "where", "if", "so", "then", "also", "not", "no", "all", "more", "less", "most",
    "least", "such", "same", "other", "another", "including", "include", "includes",
    "according", "among", "between", "against", "during", "through", "across", "around",
    "up", "down", "out", "off", "away", "back", "there", "here", "now", "still", "only",
    "just", "already", "yet", "even", "both", "either", "neither", "again", "too", "very",
    "said", "says", "say", "told", "reported", "announced", "say", "toward", "towards",
    "without", "within", "along", "whether", "because", "though", "although", "via",
    "et", "al", "de", "la", "le", "el", "der", "die", "das", "und", "et", "y", "e",
})
# Verbs in -s that end a noun phrase after its first word ("population lives").
THIRD_PERSON_VERBS = frozenset({
    "lives", "works", "remains", "stands", "seems", "comes", "goes", "makes", "takes",
    "gets", "needs", "wants", "shows", "means", "looks", "lies", "holds", "sits", "stays",
    "grows", "falls", "rises", "stays", "belongs", "depends", "contains", "represents",
    "accounts", "exists", "appears", "becomes", "gives", "keeps", "knows", "leaves",
    "plans", "faces", "runs", "receives", "reaches", "suggests", "shows", "expects",
})
# Verbs and pronouns that can follow a bare number ("19 went", "around 16 let", "10% what"):
# never a counted noun.
NOT_NOUNS = frozenset({
    "went", "let", "got", "came", "made", "took", "gave", "saw", "left", "lost", "won", "ran", "fell",
    "rose", "grew", "put", "cut", "hit", "met", "paid", "sold", "kept", "held", "felt", "knew",
    "die", "remain", "stay", "say", "think", "agree", "want", "need", "what", "who", "which",
    "indicates", "indicate", "percent",
})
# Plurals that do not end in -s.
IRREGULAR_PLURALS = frozenset({
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle",
    "sheep", "fish", "deer", "data", "troops", "feet", "teeth", "mice", "geese", "crew",
    "faculty", "livestock", "offspring", "aircraft", "militia", "youth", "clergy",
})
# Pronoun-like heads that make a count weak ("one of those three").
WEAK_HEADS = frozenset({"of", "more", "times", "other", "others", "such", "ones", "each", "too"})
