"""Hand-written cue patterns for hedged, conditional and attributed claims, and the English ones.

The patterns are deliberately broad (high recall): the news marker counts
every hedged cue, while in the benchmark mode a learned scorer weighs them
(see `hedge_marker`). Every match keeps the sentence's own spelling so the
digest can quote it.

Speed: a sentence is cut into letter runs once, and only the patterns one of
its words can start (each pattern names the word beginnings it needs, its
"triggers") are run; most sentences hold none of them. Which patterns a word
can start is cached per word. `CueLexicon.find_cues(..., prefilter=False)`
runs every pattern, for checking that the filter changes nothing.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Callable, Sequence

from bot.digest.models import HedgeKind
from bot.digest.word_memo import WORD_MEMO_SIZE, word_memo

_FLAGS = re.IGNORECASE
# Letter runs: a pattern's trigger word starts at one, since every pattern begins its word at \b.
_LETTERS = re.compile(r"[^\W\d_]+")
# The same runs in ASCII text: a bitmap test per character instead of a Unicode category look-up.
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
# Written words remembered by each per-word cache of the hedge marker (triggers here; stems, parts and
# ceilings in the scorer and the register gate): the pipeline's bound for a per-word memo (see word_memo).
WORD_CACHE_SIZE = WORD_MEMO_SIZE


@dataclass(frozen=True)
class CueMatch:
    text: str  # verbatim from the sentence
    name: str  # the pattern's id, e.g. "modal:may", used as a model feature
    kind: HedgeKind
    start: int
    end: int


@dataclass(frozen=True)
class CuePattern:
    name: str
    kind: HedgeKind
    source: str  # the regular expression
    flags: int
    # Word beginnings (matched like the pattern: case-insensitively): no match is possible
    # unless one of the sentence's letter runs starts with one of them.
    triggers: tuple[str, ...]
    # More word beginnings, each set of which a match also holds one of (the "some" of "some say"): a pattern
    # whose trigger is a common word ("said") is not run on a sentence that lacks one of these.
    needs: tuple[tuple[str, ...], ...] = ()

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: compiling every language's patterns cost about 0.1 s of each command's start.

        Led by a look-ahead for the characters a match can start with (`first_characters`), when they are
        known: the same matches, but the regex engine skips the other positions at once instead of trying the
        pattern's word boundaries, look-behinds and alternatives there (a sentence's patterns cost half as much)."""
        first = first_characters(self.source, self.flags)
        gate = "(?=[" + "".join(map(_class_member, sorted(first))) + "])" if first else ""
        return re.compile(gate + "(?:" + self.source + ")", self.flags) if gate else re.compile(self.source, self.flags)


def _class_member(character: str) -> str:
    return "\\" + character if character in "\\]^-[" else character


# The parsed forms that consume no character: a match's first character is the first consumer's.
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_SMALL_RANGE = 64  # a character range in a class is spelt out up to this size; a wider one gives no gate


def first_characters(source: str, flags: int = 0) -> frozenset[str] | None:
    """The characters (as written in the pattern, matched under its flags) one of which every match of the
    regular expression starts with, or None when that is not plain from its parse (a category such as \\w, a
    negated class, an optional first part, an inline flag)."""
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # noqa: BLE001 (the parser is the interpreter's own: whatever it does not take, no gate)
        return None
    found = _first_of(list(parsed))
    return frozenset(found) if found else None


def _first_of(items: list) -> set[str] | None:
    """`first_characters` of a parsed sequence: its zero-width items passed over, its first consumer read."""
    for at, (op, argument) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return {chr(argument)}
        if op is _constants.IN:
            return _class_characters(argument)
        if op is _constants.SUBPATTERN:
            _, add_flags, del_flags, inner = argument
            return None if add_flags or del_flags else _first_of(list(inner))
        if op is _constants.BRANCH:
            alternatives = [_first_of(list(branch)) for branch in argument[1]]
            return None if any(a is None for a in alternatives) else set().union(*alternatives)  # type: ignore[arg-type]
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            inner = _first_of(list(argument[2]))
            if argument[0] >= 1 or inner is None:
                return inner
            after = _first_of(items[at + 1 :])  # an optional first part ("(?:un)?likely"): it or what follows
            return None if after is None else inner | after
        return None
    return None  # nothing consumed: no character to gate on


def _class_characters(members: list) -> set[str] | None:
    characters: set[str] = set()
    for op, argument in members:
        if op is _constants.LITERAL:
            characters.add(chr(argument))
        elif op is _constants.RANGE and argument[1] - argument[0] < _SMALL_RANGE:
            characters.update(map(chr, range(argument[0], argument[1] + 1)))
        else:
            return None
    return characters


def cue_pattern(name: str, kind: HedgeKind, pattern: str, triggers: Sequence[str], case_sensitive: bool = False,
                needs: Sequence[Sequence[str]] = ()) -> CuePattern:
    return CuePattern(name, kind, pattern, 0 if case_sensitive else _FLAGS, tuple(triggers), tuple(map(tuple, needs)))


@dataclass(frozen=True)
class CueLexicon:
    """One language's cue patterns."""

    language: str
    patterns: tuple[CuePattern, ...]
    # A conditional's consequence ("would"): a cue only in a sentence that also holds a condition cue.
    consequence: re.Pattern[str] | None = None
    consequence_name: str = "cond:consequence"
    # A verb form that passes on hearsay alone and states a consequence beside a condition: the French
    # "serait", Dutch "zou", Italian "sarebbe" (conditionnel de rumeur). Hedged, or conditional with a condition.
    reported: re.Pattern[str] | None = None
    # Cues no single pattern can find (the English modal "may" against the month), with their triggers.
    special: Callable[[str], list[CueMatch]] | None = None
    special_triggers: tuple[str, ...] = ()

    @functools.cached_property
    def _alternations(self) -> list[tuple[str, ...]]:
        """Group i (below `len(patterns)`): pattern i's triggers; then the special finder's; then every needed
        word set of the patterns (`CuePattern.needs`), pattern by pattern (`_needed_groups`)."""
        needed = [need for pattern in self.patterns for need in pattern.needs]
        return [p.triggers for p in self.patterns] + [self.special_triggers] + needed

    @functools.cached_property
    def _needed_groups(self) -> dict[int, tuple[int, ...]]:
        """Pattern index -> the groups of its needed word sets, all of which a sentence must hold for it to run."""
        groups: dict[int, tuple[int, ...]] = {}
        group = len(self.patterns) + 1
        for i, pattern in enumerate(self.patterns):
            if pattern.needs:
                groups[i] = tuple(range(group, group + len(pattern.needs)))
                group += len(pattern.needs)
        return groups

    @functools.cached_property
    def _trigger_regex(self) -> re.Pattern[str]:
        """Which triggers a word starts with: group i is pattern i's triggers, the last group the special finder's.

        Every group sits in its own lookahead at the word's start, so one word can start several patterns;
        a pattern (or special finder) without triggers gets an empty group, which always matches.
        """
        alternations = self._alternations
        groups = "".join(f"(?=({'|'.join(map(re.escape, triggers))})?)" for triggers in alternations)
        return re.compile(groups, _FLAGS)

    @functools.cached_property
    def _ascii_triggers(self) -> tuple[dict[str, list[tuple[str, tuple[int, ...]]]], tuple[int, ...]]:
        """For ASCII words: the triggers as ASCII words in lower case, each with the groups of `_trigger_regex`
        it is in, by their first two letters (a one-letter trigger by its letter); and the groups without
        triggers (they always match). Under IGNORECASE an ASCII word matches what its lower case matches; a
        trigger letter with no ASCII equal ("é") can never match one."""
        alternations = self._alternations
        groups: dict[str, set[int]] = {}
        for i, triggers in enumerate(alternations):
            for trigger in triggers:
                letters = [_ascii_equal(c) for c in trigger]
                if all(letters):
                    groups.setdefault("".join(letters), set()).add(i)  # type: ignore[arg-type]
        by_start: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for trigger, found in sorted(groups.items()):
            by_start.setdefault(trigger[:2], []).append((trigger, tuple(sorted(found))))
        return by_start, tuple(i for i, triggers in enumerate(alternations) if not triggers)

    @functools.cached_property
    def _patterns_of_word(self) -> Callable[[str], tuple[int, ...]]:
        return word_memo(WORD_CACHE_SIZE)(self.patterns_of_word)

    @functools.cached_property
    def patterns_of_word(self) -> Callable[[str], tuple[int, ...]]:
        """A letter run -> the indices of the patterns it can start (`len(patterns)`: the special finder), uncached."""
        trigger_regex = self._trigger_regex
        of_lower_ascii = self.patterns_of_lower_ascii

        def patterns_of_word(word: str) -> tuple[int, ...]:
            if word.isascii():  # the regex's 60-odd lookaheads cost more than a look-up or two
                return of_lower_ascii(word.lower())
            m = trigger_regex.match(word)
            if m is None:
                return ()
            return tuple(i for i, value in enumerate(m.groups()) if value is not None)

        return patterns_of_word

    @functools.cached_property
    def patterns_of_lower_ascii(self) -> Callable[[str], tuple[int, ...]]:
        """`patterns_of_word` of a letter run in ASCII, given in lower case (the hedge model's word pass has it so)."""
        by_start, always = self._ascii_triggers

        def patterns_of_lower_ascii(lower: str) -> tuple[int, ...]:
            first, first_two = by_start.get(lower[:1]), by_start.get(lower[:2]) if len(lower) > 1 else None
            if first is None and first_two is None:
                return always  # most words start no trigger
            found = set(always)
            for trigger, groups in (*(first or ()), *(first_two or ())):
                if lower.startswith(trigger):
                    found.update(groups)
            return tuple(sorted(found))

        return patterns_of_lower_ascii

    def compile_patterns(self) -> None:
        """Compile every pattern now (they compile on first use): a long-lived process pays it once, at
        warm-up, instead of within the first digests that need each pattern."""
        for pattern in self.patterns:
            pattern.regex

    def candidate_patterns(self, sentence: str) -> tuple[list[CuePattern], bool]:
        """The patterns that may match the sentence, and whether the special finder may."""
        return self.patterns_among(set().union(*map(self._patterns_of_word, letter_runs(sentence))))

    def patterns_among(self, wanted: set[int]) -> tuple[list[CuePattern], bool]:
        """The patterns of these indices (of `patterns_of_word`), and whether the special finder is among them."""
        special = len(self.patterns) in wanted
        needed = self._needed_groups
        return [self.patterns[i] for i in sorted(wanted)
                if i < len(self.patterns) and (i not in needed or all(g in wanted for g in needed[i]))], special

    def find_cues(self, sentence: str, prefilter: bool = True) -> list[CueMatch]:
        """All cue matches in reading order; where matches overlap the longest one stays."""
        if prefilter:
            return self.cues_of(sentence, *self.candidate_patterns(sentence))
        return self.cues_of(sentence, list(self.patterns), True)

    def cues_of(self, sentence: str, patterns: Sequence[CuePattern], run_special: bool) -> list[CueMatch]:
        """The cues of `find_cues` from these patterns (and the special finder when `run_special`): the
        sentence's words told which can match (`patterns_among`)."""
        candidates = self.special(sentence) if self.special is not None and run_special else []
        for pattern in patterns:
            for m in pattern.regex.finditer(sentence):
                text = m.group(0).rstrip(".,;:")  # a source name at the end of the sentence takes no full stop
                if text:
                    candidates.append(CueMatch(text, pattern.name, pattern.kind, m.start(), m.start() + len(text)))
        if not candidates and self.reported is None:
            return []
        candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
        kept = _DisjointCues()
        for cue in candidates:
            kept.add_if_free(cue)
        has_condition = any(c.kind == "conditional" for c in kept.cues)
        if self.consequence is not None and has_condition:
            for m in self.consequence.finditer(sentence):
                kept.add_if_free(CueMatch(m.group(0), self.consequence_name, "conditional", m.start(), m.end()))
        if self.reported is not None:
            name, kind = f"{self.language}:reported", "conditional" if has_condition else "hedged"
            for m in self.reported.finditer(sentence):
                kept.add_if_free(CueMatch(m.group(0), name, kind, m.start(), m.end()))
        return kept.cues


def letter_runs(text: str) -> list[str]:
    """The text's letter runs (`[^\\W\\d_]+`: letters of any script, no digits or underscores)."""
    return (_ASCII_LETTERS if text.isascii() else _LETTERS).findall(text)


@functools.lru_cache(maxsize=None)
def _ascii_equal(letter: str) -> str | None:
    """The ASCII letter (lower case) that `letter` matches under re.IGNORECASE, if any ("K", the Kelvin sign: "k")."""
    if letter.isascii():
        return letter.lower()
    pattern = re.compile(re.escape(letter), _FLAGS)
    return next((a for a in "abcdefghijklmnopqrstuvwxyz" if pattern.fullmatch(a)), None)


class _DisjointCues:
    """Cues that do not overlap, in reading order; checking a new one costs a binary search, not a scan
    (a sentence of thousands of cues, such as a pasted list, stays fast)."""

    def __init__(self) -> None:
        self.cues: list[CueMatch] = []
        self._starts: list[int] = []

    def add_if_free(self, cue: CueMatch) -> None:
        i = bisect.bisect_right(self._starts, cue.start)
        if i and self.cues[i - 1].end > cue.start:
            return  # overlaps the cue that starts at or before it
        if i < len(self.cues) and self.cues[i].start < cue.end:
            return  # overlaps the cue that starts after it
        self.cues.insert(i, cue)
        self._starts.insert(i, cue.start)


def _words(*words: str) -> str:
    return r"(?:" + "|".join(words) + r")"


# --- English

# Words after which a capitalised "May" is the month ("in May", "early May").
_MONTH_WORDS = ("in", "on", "of", "since", "until", "till", "by", "during", "from", "through", "to", "early", "late", "mid",
                "last", "next", "this", "each", "every")
_MONTH_CONTEXT = re.compile(r"\b(?:" + "|".join(_MONTH_WORDS) + r")[\s-]+$", _FLAGS)
_LONGEST_MONTH_WORD = max(map(len, _MONTH_WORDS))
_MAY = re.compile(r"\bmay\b", _FLAGS)
# "May 5", "May 2020", "May, 2020", "May-June": the month whatever comes before.
_MAY_AS_DATE = re.compile(r"\s*(?:,\s*)?(?:\d|[-–]\s*[A-Z])")
_LOWER_MAY_AT_END = re.compile(r"\s*(?:[,.;]|$)")

_PASSIVE_EPISTEMIC_WORDS = (
    "believed", "thought", "considered", "regarded", "said", "rumored", "rumoured", "reputed", "claimed",
    "alleged", "suspected", "argued", "suggested", "speculated", "feared", "presumed", "supposed",
)
_PASSIVE_EPISTEMIC = _words(*_PASSIVE_EPISTEMIC_WORDS)
_WEASEL_VERBS = ("say", "said", "believe", "argue", "claim", "think", "thought", "feel", "felt", "contend",
                 "maintain", "consider", "speculate")
_INVERTED_VERBS = ("reports", "reported", "writes", "wrote", "says", "said", "told", "tells", "adds", "added",
                   "notes", "noted", "explains", "explained")
_SAID_VERBS = ("said", "says", "stated", "announced", "claimed", "insisted", "warned", "confirmed", "acknowledged",
               "told")

# (name, kind, pattern, triggers). Order does not matter: overlapping matches keep the longest.
# The triggers are word beginnings one of which every match holds (see `CuePattern`).
_ENGLISH: tuple[tuple[str, HedgeKind, str, tuple[str, ...]], ...] = (
    # --- hedged: modal and epistemic words
    ("modal:might", "hedged", r"\bmight\b", ("might",)),
    ("modal:could", "hedged", r"\bcould\b(?!\s+not\s+be\s+reached)", ("could",)),
    ("adv:maybe", "hedged", r"\bmaybe\b", ("maybe",)),
    ("adv:perhaps", "hedged", r"\bperhaps\b", ("perhaps",)),
    # "as soon as possible", "made possible by" are no hedges.
    ("adj:possible", "hedged", r"\bpossib(?:le|ly|ility|ilities)\b(?<!\bas possible)(?<!\bmade possible)",
     ("possib",)),
    ("adj:probable", "hedged", r"\b(?:im)?probab(?:le|ly|ility)\b", ("probab", "improbab")),
    ("adj:likely", "hedged", r"\b(?:un)?likely\b|\blikelihood\b", ("likel", "unlikel")),
    ("adv:presumably", "hedged", r"\bpresum(?:ably|able|ed|ption)\b", ("presum",)),
    ("adv:apparently", "hedged", r"\bapparently\b", ("apparently",)),
    ("adv:reportedly", "hedged", r"\breportedly\b", ("reportedly",)),
    ("adv:allegedly", "hedged", r"\balleged(?:ly)?\b", ("alleged",)),
    ("adv:supposedly", "hedged", r"\b(?:supposedly|purportedly|ostensibly|seemingly|arguably|conceivably)\b",
     ("supposedly", "purportedly", "ostensibly", "seemingly", "arguably", "conceivably")),
    ("adv:potentially", "hedged", r"\bpotential(?:ly)?\b", ("potential",)),
    ("adj:putative", "hedged", r"\bputative(?:ly)?\b", ("putative",)),
    ("noun:rumour", "hedged", r"\brumou?r(?:s|ed)?\b", ("rumo",)),
    ("verb:suggest", "hedged", r"\bsuggest(?:s|ed|ing|ive)?\b", ("suggest",)),
    ("verb:seem", "hedged", r"\bseem(?:s|ed|ing|ingly)?\b", ("seem",)),
    ("verb:appear", "hedged", r"\bappear(?:s|ed|ing)?(?=\s+(?:to|that)\b)|(?<=\bit )appears\b", ("appear",)),
    ("verb:indicate", "hedged", r"\bindicat(?:e|es|ed|ing)(?=\s+that\b)", ("indicat",)),
    ("verb:speculate", "hedged", r"\bspeculat(?:e|es|ed|ing|ion|ive)\b", ("speculat",)),
    ("verb:hypothesise", "hedged", r"\bhypothe(?:sis|ses|sise[ds]?|size[ds]?|tical(?:ly)?)\b", ("hypothe",)),
    ("verb:suspected", "hedged", r"\bsuspected\b", ("suspected",)),
    # The verb and "an estimated 4,000", not the noun: "the original estimate was $3 million" states a figure.
    ("verb:estimate", "hedged",
     r"\bestimat(?:ed|ing)\b|\bestimates?\b(?=\s+(?:that|the|a|an|about|around|roughly|some|its|their|how|what)\b)"
     r"(?<!\bthe estimate)(?<!\ban estimate)(?<!\bthe estimates)",
     ("estimat",)),
    ("verb:tend", "hedged", r"\btend(?:s|ed)?\s+to\b", ("tend",)),
    ("verb:believed-to", "hedged", r"\b" + _PASSIVE_EPISTEMIC + r"\s+to\s+(?:be|have)\b", _PASSIVE_EPISTEMIC_WORDS),
    ("passive:epistemic", "hedged",
     r"\b(?:is|are|was|were|be|been|being|widely|generally|commonly|often|long)\s+" + _PASSIVE_EPISTEMIC
     + r"\b(?!\s+(?:by|in|at|on|during)\b)",  # "the bill was considered by the committee" is no hedge
     _PASSIVE_EPISTEMIC_WORDS),
    ("passive:seen-as", "hedged",
     r"\b(?:is|are|was|were|be|been|being|widely|often|generally)\s+(?:seen|viewed|perceived|regarded|considered)\s+as\b",
     ("seen", "viewed", "perceived", "regarded", "considered")),
    ("it-is:epistemic", "hedged",
     r"\bit\s+(?:is|was|has\s+been|had\s+been|may\s+be|remains)\s+(?:not\s+)?"
     r"(?:said|claimed|believed|thought|argued|suggested|rumou?red|alleged|reported|feared|estimated|"
     r"doubtful|uncertain|unclear|unknown|not\s+clear|not\s+known|possible|likely|conceivable)\b",
     ("said", "claimed", "believed", "thought", "argued", "suggested", "rumo", "alleged", "reported", "feared",
      "estimated", "doubtful", "uncertain", "unclear", "unknown", "clear", "known", "possible", "likely",
      "conceivable")),
    # "doubtf\w*" also takes common misspellings ("doubtfil" in the sample article).
    ("adj:doubtful", "hedged", r"\bdoubt(?:f\w*|s|ed)?\b(?<!\bno doubt)(?<!\bwithout doubt)(?<!\bbeyond doubt)",
     ("doubt",)),
    ("adj:unclear", "hedged", r"\b(?:unclear|uncertain(?:ty|ties)?|unsure|not\s+(?:yet\s+)?(?:clear|known|certain))\b",
     ("unclear", "uncertain", "unsure", "clear", "known", "certain")),
    ("adj:unknown-whether", "hedged", r"\bunknown(?=\s+(?:whether|if|how|why|what|who|when))", ("unknown",)),
    ("adj:inconclusive", "hedged", r"\b(?:inconclusive|unconfirmed|unverified|unproven|unsubstantiated)\b",
     ("inconclusive", "unconfirmed", "unverified", "unproven", "unsubstantiated")),
    ("verb:remain-open", "hedged",
     r"\bremain(?:s|ed|ing)?\s+(?:inconclusive|unclear|uncertain|unconfirmed|unknown|unverified|unproven|"
     r"in\s+doubt|a\s+mystery|to\s+be\s+seen|open\s+to\s+question)\b",
     ("remain",)),
    ("conj:whether", "hedged", r"\bwhether\b", ("whether",)),
    ("approx", "hedged", r"\b(?:approximately|roughly)\b", ("approximately", "roughly")),
    ("weasel:some-say", "hedged",
     r"\b(?:some|many|most|several|various|numerous|certain|other|few)\s+"
     r"(?:(?:people|observers|critics|experts|analysts|scholars|historians|commentators|sources|researchers|"
     r"scientists|fans|writers|authors|economists|residents|witnesses|americans|others)\s+)?"
     r"(?:have\s+|had\s+)?(?:say|said|believe[ds]?|argue[ds]?|claim(?:s|ed)?|think|thought|feel|felt|"
     r"contend(?:s|ed)?|maintain(?:s|ed)?|consider(?:s|ed)?|speculated?)\b",
     _WEASEL_VERBS),
    ("weasel:critics", "hedged",
     r"\b(?:critics|skeptics|sceptics|detractors|opponents)\s+(?:say|argue|claim|contend|believe|have\s+argued|have\s+said)\b",
     ("critics", "skeptics", "sceptics", "detractors", "opponents")),
    ("weasel:widely", "hedged", r"\bwidely\s+(?:believed|considered|regarded|thought|seen|viewed|reported|accepted|held)\b",
     ("widely",)),
    # --- conditional
    ("cond:if", "conditional", r"(?<!\bas )(?<!\bask )(?<!\bsee )(?<!\bknow )\bif\b(?!\s+(?:any|anything|not|ever)\b)",
     ("if",)),
    ("cond:unless", "conditional", r"\bunless\b", ("unless",)),
    ("cond:in-case", "conditional", r"\bin\s+case\b|\bin\s+the\s+event\s+(?:that|of)\b", ("case", "event")),
    ("cond:provided", "conditional", r"\b(?:provided|providing|assuming)\s+that\b|\bon\s+(?:the\s+)?condition\s+that\b",
     ("provided", "providing", "assuming", "condition")),
    ("cond:as-long-as", "conditional", r"\bas\s+long\s+as\b", ("long",)),
    # --- attributed
    ("attr:according-to", "attributed", r"\baccording\s+to\b", ("according",)),
    ("attr:inverted", "attributed",
     r"(?<=[,\"”] )(?:reports|reported|writes|wrote|says|said|told|tells|adds|added|notes|noted|explains|explained)\s+"
     r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|al|bin|de|van|von))*",
     _INVERTED_VERBS),
    ("attr:told", "attributed", r"\btold\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", ("told",)),
    ("attr:statement", "attributed", r"\b(?:said|says|wrote|announced)\s+in\s+a\s+(?:statement|tweet|post|interview|report|letter)\b",
     ("said", "says", "wrote", "announced")),
    ("attr:said", "attributed",
     r"\b(?:said|says|stated|announced|claimed|insisted|warned|confirmed|acknowledged|told\s+(?:reporters|journalists))\b",
     _SAID_VERBS),
)

# Word beginnings a match holds besides its trigger (see `CuePattern.needs`): each starts a letter run of the match
# (after a word boundary or white space), so a sentence without one cannot match. For patterns whose triggers
# are common words but that seldom match (on the 100k-word benchmark text: 699 runs of weasel:some-say for 5
# matches, 461 of attr:statement for 20, 564 of it-is:epistemic for 3).
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "weasel:some-say": (("some", "many", "most", "several", "various", "numerous", "certain", "other", "few"),),
    "attr:statement": (("statement", "tweet", "post", "interview", "report", "letter"),),
    "it-is:epistemic": (("it",),),
}

# Capitalised source names must stay capitalised: these patterns are case-sensitive.
_CASE_SENSITIVE = frozenset({"attr:inverted", "attr:told"})


def _after_month_word(sentence: str, end: int) -> bool:
    """Whether `_MONTH_CONTEXT` finds a match in `sentence[:end]` (a month word, then spaces or dashes up to `end`).

    Searched only over the end that can hold the match (the run of spaces and dashes before `end` and the longest
    month word before it; `\\b` sees the character before the window as it would in the slice): searched over the
    whole part before each "may", a sentence of 20,000 of them took 20,000 passes over itself (sixteenth session,
    bench/hostile.py)."""
    start = end
    while start > 0 and (sentence[start - 1].isspace() or sentence[start - 1] == "-"):  # isspace() is re's \s
        start -= 1
    return _MONTH_CONTEXT.search(sentence, max(0, start - _LONGEST_MONTH_WORD), end) is not None


def _may_matches(sentence: str) -> list[CueMatch]:
    """The modal "may", leaving out the month ("in May 2020", "May 5") and the name ("Theresa May")."""
    found = []
    opening = len(sentence) - len(sentence.lstrip(" \"'“‘(["))  # where the sentence's text begins
    for m in _MAY.finditer(sentence):
        word = m.group(0)
        if _MAY_AS_DATE.match(sentence, m.end()):  # the regexes read from a position, not a copy of the rest
            continue
        if word[0].isupper():
            at_start = m.start() <= opening
            # A capitalised "May" mid-sentence is a month or a name unless the text is in capitals.
            if not at_start and not word.isupper():
                continue
            if _after_month_word(sentence, m.start()):
                continue
        elif _after_month_word(sentence, m.start()) and _LOWER_MAY_AT_END.match(sentence, m.end()):
            continue  # "by may." written in lower case
        found.append(CueMatch(word, "modal:may", "hedged", m.start(), m.end()))
    return found


ENGLISH = CueLexicon(
    language="en",
    patterns=tuple(cue_pattern(name, kind, pattern, triggers, name in _CASE_SENSITIVE, _NEEDS.get(name, ()))
                   for name, kind, pattern, triggers in _ENGLISH),
    # A conditional's consequence, "if ..., it would ...": a cue only where a condition is present.
    consequence=re.compile(r"\bwould\b", _FLAGS),
    consequence_name="cond:would",
    special=_may_matches,
    special_triggers=("may",),
)


def find_cues(sentence: str) -> list[CueMatch]:
    """The English cues of the sentence in reading order; where matches overlap the longest one stays."""
    return ENGLISH.find_cues(sentence)
