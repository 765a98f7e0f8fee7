"""Hand-written English cue patterns for hedged, conditional and attributed claims.

The patterns are deliberately broad (high recall): the news marker counts
every hedged cue, while in the benchmark mode a learned scorer weighs them
(see `hedge_marker`). Every match keeps the sentence's own spelling so the
digest can quote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.digest.models import HedgeKind

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class CueMatch:
    text: str  # verbatim from the sentence
    name: str  # the pattern's id, e.g. "modal:may", used as a model feature
    kind: HedgeKind
    start: int
    end: int


def _words(*words: str) -> str:
    return r"(?:" + "|".join(words) + r")"


# Words after which a capitalised "May" is the month ("in May", "early May").
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|on|of|since|until|till|by|during|from|through|to|early|late|mid|last|next|this|each|every)[\s-]+$",
    _FLAGS,
)
_MAY = re.compile(r"\bmay\b", _FLAGS)
# "May 5", "May 2020", "May, 2020", "May-June": the month whatever comes before.
_MAY_AS_DATE = re.compile(r"\s*(?:,\s*)?(?:\d|[-–]\s*[A-Z])")

_PASSIVE_EPISTEMIC = _words(
    "believed", "thought", "considered", "regarded", "said", "rumou?red", "reputed", "claimed",
    "alleged", "suspected", "argued", "suggested", "speculated", "feared", "presumed", "supposed",
)

# (name, kind, pattern). Order does not matter: overlapping matches keep the longest.
_PATTERNS: tuple[tuple[str, HedgeKind, str], ...] = (
    # --- hedged: modal and epistemic words
    ("modal:might", "hedged", r"\bmight\b"),
    ("modal:could", "hedged", r"\bcould\b(?!\s+not\s+be\s+reached)"),
    ("adv:maybe", "hedged", r"\bmaybe\b"),
    ("adv:perhaps", "hedged", r"\bperhaps\b"),
    # "as soon as possible", "made possible by" are no hedges.
    ("adj:possible", "hedged", r"\bpossib(?:le|ly|ility|ilities)\b(?<!\bas possible)(?<!\bmade possible)"),
    ("adj:probable", "hedged", r"\b(?:im)?probab(?:le|ly|ility)\b"),
    ("adj:likely", "hedged", r"\b(?:un)?likely\b|\blikelihood\b"),
    ("adv:presumably", "hedged", r"\bpresum(?:ably|able|ed|ption)\b"),
    ("adv:apparently", "hedged", r"\bapparently\b"),
    ("adv:reportedly", "hedged", r"\breportedly\b"),
    ("adv:allegedly", "hedged", r"\balleged(?:ly)?\b"),
    ("adv:supposedly", "hedged", r"\b(?:supposedly|purportedly|ostensibly|seemingly|arguably|conceivably)\b"),
    ("adv:potentially", "hedged", r"\bpotential(?:ly)?\b"),
    ("adj:putative", "hedged", r"\bputative(?:ly)?\b"),
    ("noun:rumour", "hedged", r"\brumou?r(?:s|ed)?\b"),
    ("verb:suggest", "hedged", r"\bsuggest(?:s|ed|ing|ive)?\b"),
    ("verb:seem", "hedged", r"\bseem(?:s|ed|ing|ingly)?\b"),
    ("verb:appear", "hedged", r"\bappear(?:s|ed|ing)?(?=\s+(?:to|that)\b)|(?<=\bit )appears\b"),
    ("verb:indicate", "hedged", r"\bindicat(?:e|es|ed|ing)(?=\s+that\b)"),
    ("verb:speculate", "hedged", r"\bspeculat(?:e|es|ed|ing|ion|ive)\b"),
    ("verb:hypothesise", "hedged", r"\bhypothe(?:sis|ses|sise[ds]?|size[ds]?|tical(?:ly)?)\b"),
    ("verb:suspected", "hedged", r"\bsuspected\b"),
    ("verb:estimate", "hedged", r"\bestimat(?:e|es|ed|ion|ions)\b"),
    ("verb:tend", "hedged", r"\btend(?:s|ed)?\s+to\b"),
    ("verb:believed-to", "hedged", r"\b" + _PASSIVE_EPISTEMIC + r"\s+to\s+(?:be|have)\b"),
    ("passive:epistemic", "hedged",
     r"\b(?:is|are|was|were|be|been|being|widely|generally|commonly|often|long)\s+" + _PASSIVE_EPISTEMIC
     + r"\b(?!\s+(?:by|in|at|on|during)\b)"),  # "the bill was considered by the committee" is no hedge
    ("passive:seen-as", "hedged",
     r"\b(?:is|are|was|were|be|been|being|widely|often|generally)\s+(?:seen|viewed|perceived|regarded|considered)\s+as\b"),
    ("it-is:epistemic", "hedged",
     r"\bit\s+(?:is|was|has\s+been|had\s+been|may\s+be|remains)\s+(?:not\s+)?"
     r"(?:said|claimed|believed|thought|argued|suggested|rumou?red|alleged|reported|feared|estimated|"
     r"doubtful|uncertain|unclear|unknown|not\s+clear|not\s+known|possible|likely|conceivable)\b"),
    # "doubtf\w*" also takes common misspellings ("doubtfil" in the sample article).
    ("adj:doubtful", "hedged", r"\bdoubt(?:f\w*|s|ed)?\b(?<!\bno doubt)(?<!\bwithout doubt)(?<!\bbeyond doubt)"),
    ("adj:unclear", "hedged", r"\b(?:unclear|uncertain(?:ty|ties)?|unsure|not\s+(?:yet\s+)?(?:clear|known|certain))\b"),
    ("adj:unknown-whether", "hedged", r"\bunknown(?=\s+(?:whether|if|how|why|what|who|when))"),
    ("adj:inconclusive", "hedged", r"\b(?:inconclusive|unconfirmed|unverified|unproven|unsubstantiated)\b"),
    ("verb:remain-open", "hedged",
     r"\bremain(?:s|ed|ing)?\s+(?:inconclusive|unclear|uncertain|unconfirmed|unknown|unverified|unproven|"
     r"in\s+doubt|a\s+mystery|to\s+be\s+seen|open\s+to\s+question)\b"),
    ("conj:whether", "hedged", r"\bwhether\b"),
    ("approx", "hedged", r"\b(?:approximately|roughly)\b"),
    ("weasel:some-say", "hedged",
     r"\b(?:some|many|most|several|various|numerous|certain|other|few)\s+"
     r"(?:(?:people|observers|critics|experts|analysts|scholars|historians|commentators|sources|researchers|"
     r"scientists|fans|writers|authors|economists|residents|witnesses|americans|others)\s+)?"
     r"(?:have\s+|had\s+)?(?:say|said|believe[ds]?|argue[ds]?|claim(?:s|ed)?|think|thought|feel|felt|"
     r"contend(?:s|ed)?|maintain(?:s|ed)?|consider(?:s|ed)?|speculated?)\b"),
    ("weasel:critics", "hedged", r"\b(?:critics|skeptics|sceptics|detractors|opponents)\s+(?:say|argue|claim|contend|believe|have\s+argued|have\s+said)\b"),
    ("weasel:widely", "hedged", r"\bwidely\s+(?:believed|considered|regarded|thought|seen|viewed|reported|accepted|held)\b"),
    # --- conditional
    ("cond:if", "conditional", r"(?<!\bas )(?<!\bask )(?<!\bsee )(?<!\bknow )\bif\b(?!\s+(?:any|anything|not|ever)\b)"),
    ("cond:unless", "conditional", r"\bunless\b"),
    ("cond:in-case", "conditional", r"\bin\s+case\b|\bin\s+the\s+event\s+(?:that|of)\b"),
    ("cond:provided", "conditional", r"\b(?:provided|providing|assuming)\s+that\b|\bon\s+(?:the\s+)?condition\s+that\b"),
    ("cond:as-long-as", "conditional", r"\bas\s+long\s+as\b"),
    # --- attributed
    ("attr:according-to", "attributed", r"\baccording\s+to\b"),
    ("attr:inverted", "attributed",
     r"(?<=[,\"”] )(?:reports|reported|writes|wrote|says|said|told|tells|adds|added|notes|noted|explains|explained)\s+"
     r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|al|bin|de|van|von))*"),
    ("attr:told", "attributed", r"\btold\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"),
    ("attr:statement", "attributed", r"\b(?:said|says|wrote|announced)\s+in\s+a\s+(?:statement|tweet|post|interview|report|letter)\b"),
    ("attr:said", "attributed",
     r"\b(?:said|says|stated|announced|claimed|insisted|warned|confirmed|acknowledged|told\s+(?:reporters|journalists))\b"),
)

# Capitalised source names must stay capitalised: these patterns are case-sensitive.
_CASE_SENSITIVE = frozenset({"attr:inverted", "attr:told"})
_COMPILED = tuple(
    (name, kind, re.compile(pattern, 0 if name in _CASE_SENSITIVE else _FLAGS)) for name, kind, pattern in _PATTERNS
)
# A conditional's consequence, "if ..., it would ...": a cue only where a condition is present.
_WOULD = re.compile(r"\bwould\b", _FLAGS)


def _may_matches(sentence: str) -> list[CueMatch]:
    """The modal "may", leaving out the month ("in May 2020", "May 5") and the name ("Theresa May")."""
    found = []
    for m in _MAY.finditer(sentence):
        word = m.group(0)
        after = sentence[m.end():]
        if _MAY_AS_DATE.match(after):
            continue
        if word[0].isupper():
            before = sentence[: m.start()]
            at_start = not before.strip(" \"'“‘([")
            # A capitalised "May" mid-sentence is a month or a name unless the text is in capitals.
            if not at_start and not word.isupper():
                continue
            if _MONTH_CONTEXT.search(before):
                continue
        elif _MONTH_CONTEXT.search(sentence[: m.start()]) and re.match(r"\s*(?:[,.;]|$)", after):
            continue  # "by may." written in lower case
        found.append(CueMatch(word, "modal:may", "hedged", m.start(), m.end()))
    return found


def find_cues(sentence: str) -> list[CueMatch]:
    """All cue matches in reading order; where matches overlap the longest one stays."""
    candidates = _may_matches(sentence)
    for name, kind, rx in _COMPILED:
        for m in rx.finditer(sentence):
            text = m.group(0).rstrip(".,;:")  # a source name at the end of the sentence takes no full stop
            if text:
                candidates.append(CueMatch(text, name, kind, m.start(), m.start() + len(text)))
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[CueMatch] = []
    for cue in candidates:
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    if any(c.kind == "conditional" for c in kept):
        for m in _WOULD.finditer(sentence):
            if all(m.end() <= k.start or m.start() >= k.end for k in kept):
                kept.append(CueMatch(m.group(0), "cond:would", "conditional", m.start(), m.end()))
    kept.sort(key=lambda c: c.start)
    return kept
