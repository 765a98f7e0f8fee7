"""Plain data that flows through the digest pipeline and out to the fronts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

HedgeKind = Literal["hedged", "conditional", "attributed"]


@dataclass(frozen=True)
class Article:
    """An article after extraction and cleaning: what the rest of the pipeline reads."""

    title: str
    text: str  # the cleaned body; paragraphs separated by blank lines
    source: str
    url: str | None = None
    author: str | None = None
    date: str | None = None
    origin: Literal["html", "text", "pdf"] = "text"
    # A page whose short text sits beside a password field: a sign-in wall, said so rather than "too short".
    behind_sign_in: bool = False


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, e.g. "en"
    name: str  # sumy's language name, e.g. "english"
    stemmer: bool = True  # False: words are compared unstemmed
    stop_words: bool = True  # False: no stop-word list for this language
    note: str | None = None  # a human-readable remark when quality is degraded


@dataclass(frozen=True)
class Sentence:
    index: int  # 0-based position in the article
    text: str  # verbatim from the article
    paragraph: int
    is_heading: bool = False  # a line without closing punctuation (heading, list item)


@dataclass(frozen=True)
class Hedge:
    kind: HedgeKind
    cues: tuple[str, ...]


@dataclass(frozen=True)
class MarkedSentence:
    """A sentence of the article with its hedge mark: an item of the summary and, when it has a hedge, of the
    hedged-claims list."""

    text: str
    index: int  # 0-based position in the article
    hedge: Hedge | None = None
    # Hedge words a reader may want to see that do not make the sentence uncertain (a "may" of capability):
    # shown lightly, never called hedged.
    soft_cues: tuple[str, ...] = ()

    @property
    def kind(self) -> HedgeKind | None:
        return self.hedge.kind if self.hedge is not None else None

    @property
    def cues(self) -> tuple[str, ...]:
        return self.hedge.cues if self.hedge is not None else ()

    def summary_json(self) -> dict[str, Any]:
        """A `summary` item of the JSON contract: {text, index, hedge, soft_cues}."""
        hedge = None if self.hedge is None else {"kind": self.hedge.kind, "cues": list(self.hedge.cues)}
        return {"text": self.text, "index": self.index, "hedge": hedge, "soft_cues": list(self.soft_cues)}

    def hedge_json(self) -> dict[str, Any]:
        """A `hedges` item of the JSON contract: {text, index, kind, cues, soft_cues}."""
        return {"text": self.text, "index": self.index, "kind": self.kind, "cues": list(self.cues),
                "soft_cues": list(self.soft_cues)}


SummarySentence = MarkedSentence  # the name the fronts use for a summary item


@dataclass(frozen=True)
class Figure:
    text: str  # the quantity as written, e.g. "nearly 33,000"
    value: float | None  # its numeric value where it has one (dates: None)
    counts: str  # what it counts or measures, e.g. "Syrian refugees"
    approximate: bool  # "nearly", "about", "at least", ...
    sentence: int  # index of the sentence it stands in
    kind: str = "count"  # count, ordinal, duration, money, percent, date, measure
    quote: str = ""  # when `counts` cannot name what it counts: a few words of its sentence around it, verbatim

    def counts_shown(self) -> str:
        """What to print after the figure: nothing when its text says it already
        ("about 16 months", "three-year", "$250,000" rather than "$250,000 dollars",
        "15%" rather than "15% percent"); a share reads "of" its group ("15% of voters")."""
        text = self.text.lower()
        counts = self.counts.lower()
        if not counts or self.kind == "date" or counts in text or (counts.endswith("s") and counts[:-1] in text):
            return ""
        said = _said_already(text, counts)  # "4-month-old" counts "months old": not "4-month-old months old"
        if said:
            return " ".join(self.counts.split()[said:])
        if self.kind == "percent" and counts in ("percent", "percentage points"):
            return ""  # the text holds "%" or its language's word for it
        if self.kind == "money" and " " not in counts and any(not ch.isalnum() and not ch.isspace() and ch not in ".,-" for ch in self.text):
            return ""  # a currency sign in the text names the currency
        if self.kind == "percent":
            return "of " + self.counts
        return self.counts


def _said_already(text: str, counts: str) -> int:
    """How many of the first words of `counts` the last words of `text` (split at its hyphens) already say, a
    plural's "s" aside: 2 for "4-month-old" and "months old", 1 for "10 years" and "years old", else 0."""
    text_words, count_words = text.replace("-", " ").split(), counts.split()
    for size in range(min(len(text_words), len(count_words)), 0, -1):
        pairs = zip(text_words[-size:], count_words[:size])
        if all(said == word or said == word.removesuffix("s") for said, word in pairs):
            return size
    return 0


READING_WORDS_PER_MINUTE = 230  # a common estimate for adult silent reading


@dataclass(frozen=True)
class Stats:
    words_in: int
    words_out: int

    @property
    def reduction(self) -> float:
        """Share of the words the digest spares the reader, 0..1."""
        return 1 - self.words_out / self.words_in if self.words_in else 0.0

    @property
    def minutes_saved(self) -> float:
        return max(0, self.words_in - self.words_out) / READING_WORDS_PER_MINUTE


@dataclass
class Digest:
    source: str
    title: str = ""
    language: str | None = None
    text: str = ""
    url: str | None = None
    author: str | None = None
    date: str | None = None
    language_note: str | None = None
    summary: list[MarkedSentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    hedges: list[MarkedSentence] = field(default_factory=list)  # every sentence with a hedge, in article order
    stats: Stats = field(default_factory=lambda: Stats(0, 0))
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON contract (see README)."""
        data = asdict(self)
        data["summary"] = [s.summary_json() for s in self.summary]
        data["hedges"] = [h.hedge_json() for h in self.hedges]
        return data


class DigestError(Exception):
    """A source that cannot be digested; the message is one line meant for the user.

    `title` is the page's own title where it could be read although its text could not (a
    sign-in wall, a page built by scripts): the answer then says which page it was."""

    def __init__(self, message: str, title: str = "") -> None:
        super().__init__(message)
        self.title = title
