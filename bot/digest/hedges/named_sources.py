"""A claim credited to a named source: "The Post reported that ...", "according to the Guardian", "the agency said".

A news reader expects such a sentence *attributed*, with the source named as its cue. The cue patterns find
"said" and "according to" but not the name, and not "reported" after a name; and the general scorer, learned from
WikiWeasel, weighs some outlets' names as hedge words ("post": +1.9 for the word, +2.2 for its stem), so "The Post
reported that the minister had resigned." came out hedged with the cue "Post" (the eighteenth session, hedgecue10).

Here:
- `source_cues`: the attributed cue that names the source, as written ("The Post reported", "The New York Times
  said", "according to the Post", "the agency reported"). Shown, and it gives the sentence the attributed kind; it is
  no feature of the scorer (the model file and its features are unchanged).
- `source_name_spans`: where the source's name stands ("Post", "New York Times"). A name holds no hedge cue
  (`identifiers.no_cue_spans`): the scorer weighs its words as words it never saw, as it does an identifier's.

The name is capitalised words after "the" ("The <Capitalised> reported/said"), or after "according to", so a
generalising subject ("Critics say", "Many experts believe", "according to some") is never taken for one; the
common nouns of news sources ("the agency", "the newspaper") are cues without a name span.
"""

from __future__ import annotations

import re

from bot.digest.hedges.cue_lexicon import CueMatch

SOURCE_CUE_NAME = "attr:named-source"

# The verbs that credit a claim to its source ("The Post reported", "the BBC has said"); not those a thing does as
# often ("The AI writes code", "The CSS adds a border", "The Guardian US added 680,000 subscribers": WCXB tune).
_VERBS = (r"(?:(?:has|had)\s+)?(?:reported|reports|said|says|told|noted|stated|announced|confirmed|revealed|claimed|"
          r"learned)")
# A name: capitalised words ("Post", "New York Times", "BBC", "O'Reilly"), joined by "of", "for", "and" or "&"
# ("the Centers for Disease Control and Prevention", "the US Department of Labor").
_WORD = r"[A-Z][\w'’&.-]*"
_NAME = _WORD + r"(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?" + _WORD + r"){0,6}"
# The common nouns a news source goes by ("the agency said"): a cue, no name.
_SOURCE_NOUNS = (r"(?:news\s+agency|agency|newspaper|paper|broadcaster|magazine|outlet|network|channel|station|"
                 r"website|tabloid|daily|wire\s+service|publication)")

_SOURCE_CUE = re.compile(
    r"\b[Tt]he\s+(?P<name>" + _NAME + r")(?:\s+(?:newspaper|paper|daily|magazine|agency|website|broadcaster))?\s+"
    + _VERBS + r"\b"
    r"|\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<after>" + _NAME + r")"
    r"|\b[Tt]he\s+" + _SOURCE_NOUNS + r"\s+" + _VERBS + r"\b"
)


# Every match holds "ccording", or "he" (of "the") and its verb ("report" for reported and reports): two substring
# tests settle some sentences, a search for the literals most of the rest, before the pattern (8 us a sentence on
# WCXB tune text, as much as the other two together) is run.
_MAY_MATCH = re.compile("ccording|said|says|report|told|noted|stated|announced|confirmed|revealed|claimed|learned")


def _matches(sentence: str) -> list[re.Match[str]]:
    if ("he" not in sentence and "ccording" not in sentence) or _MAY_MATCH.search(sentence) is None:
        return []
    return list(_SOURCE_CUE.finditer(sentence))


def source_cues(sentence: str) -> list[CueMatch]:
    """The attributed cues that name a claim's source, as written (a trailing full stop of a name left out)."""
    cues = []
    for match in _matches(sentence):
        text = match.group(0).rstrip(".,;:")
        cues.append(CueMatch(text, SOURCE_CUE_NAME, "attributed", match.start(), match.start() + len(text)))
    return cues


def source_name_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of the named sources' names: where no hedge cue stands."""
    spans = []
    for match in _matches(sentence):
        group = "name" if match.group("name") is not None else "after" if match.group("after") is not None else None
        if group is not None:
            start, end = match.span(group)
            spans.append((start, end - (len(match.group(group)) - len(match.group(group).rstrip(".")))))
    return tuple(spans)


def with_source_cues(sentence: str, cues: list[CueMatch]) -> list[CueMatch]:
    """The cues with each named-source cue added where it overlaps none but the cues it covers (the bare "said" or
    "According to" of "The BBC said", "According to the Post", which it replaces), in reading order."""
    sources = source_cues(sentence)
    if not sources:
        return cues
    kept = list(cues)
    for source in sources:
        covered = [cue for cue in kept if source.start <= cue.start and cue.end <= source.end]
        if any(cue.start < source.end and source.start < cue.end for cue in kept if cue not in covered):
            continue  # it crosses a cue of the patterns: theirs stands
        kept = [cue for cue in kept if cue not in covered] + [source]
    return sorted(kept, key=lambda cue: cue.start)
