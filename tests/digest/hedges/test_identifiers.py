"""A hedge cue found only inside a name (an identifier, an address, a path, a code span, a word glued to
digits) is no cue: the twelfth session's sweep (`hedge.cue_in_identifier`) found the digest calling these
sentences hedged by "some" of `some_func`, "post" of `post_install` and "Post" of "5Post"."""

from __future__ import annotations

import re

import pytest

from bot.digest.hedges.cue_lexicon import ENGLISH
from bot.digest.hedges.hedge_marker import HedgeMarker, mark_sentence
from bot.digest.hedges.hedge_model import load_hedge_model
from bot.digest.hedges.identifiers import identifier_spans

# The sweep's sentences (WCXB forum 0570, service 0021, documentation 2998 and 2879), as the digest has them.
SWEEP_SENTENCES = [
    "What does some_func(A, B), or worse SOME_MACRO(A, B) do in C?",
    'How is writing "virtual some_func();" worse than manually coding up an ops table?',
    "5Post Graduate Certificates in Psychiatric Mental Health – Beginning Spring 2022, students will pay a flat "
    "rate of $1,200 per credit hour, as opposed to separate part-time and full-time rates.",
    "- If the package has an install script, its post_install function is executed (or post_upgrade or "
    "post_remove in the case of an upgraded or removed package).",
    "If some_service_unit fails, failure-notification@some_service_unit.service will be started to handle the "
    "notification delivery (or whatever task it is configured to perform).",
]


def _shown(sentence: str, cue: str) -> bool:
    """Whether a reader finds the cue in the sentence as a word of its own."""
    return re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", sentence, re.IGNORECASE) is not None


@pytest.mark.parametrize("sentence", SWEEP_SENTENCES)
@pytest.mark.parametrize("scientific", [False, True, None])
def test_a_cue_inside_a_name_does_not_hedge_the_sentence(sentence: str, scientific: bool | None) -> None:
    marks = mark_sentence(sentence, "en", scientific)
    assert marks.hedge is None or marks.hedge.kind != "hedged"
    cues = (marks.hedge.cues if marks.hedge else ()) + marks.soft_cues
    assert all(_shown(sentence, cue) for cue in cues), cues


@pytest.mark.parametrize("sentence", SWEEP_SENTENCES)
def test_the_scorer_alone_ignores_names_too(sentence: str) -> None:
    model = load_hedge_model()
    for scorer in (model.general, model.scientific):
        marks = HedgeMarker(scorer).mark(sentence, "en")
        assert marks.hedge is None or marks.hedge.kind != "hedged"
        assert scorer.score(sentence, ENGLISH.find_cues(sentence)) < scorer.threshold


def test_a_real_cue_beside_a_name_still_counts() -> None:
    marks = mark_sentence("The patch may possibly fix some_func in version 2.", "en", False)
    assert marks.hedge is not None and marks.hedge.kind == "hedged" and "may" in marks.hedge.cues


def test_a_cue_pattern_inside_an_address_or_a_code_span_is_dropped() -> None:
    for sentence in ("Read https://example.com/it-may-possibly-fail for the details.",
                     "Run `may_fail --possibly` to see it.", "The config lives in /etc/maybe/possibly.conf today."):
        assert ENGLISH.find_cues(sentence), sentence  # the patterns alone would find one there
        assert mark_sentence(sentence, "en", False).hedge is None, sentence


# Bare domain names (the thirteenth session's sweep): on main the first two showed "Maybe" and "could" as soft cues,
# the third was called hedged by "possibly".
DOMAIN_SENTENCES = [
    "Shop deals at Maybe.com and save on shoes today.",
    "Sign up at could.io to get started with the app.",
    "Visit possibly.net for the full list of products.",
]


@pytest.mark.parametrize("sentence", DOMAIN_SENTENCES)
@pytest.mark.parametrize("scientific", [False, True, None])
def test_a_cue_inside_a_bare_domain_is_no_cue(sentence: str, scientific: bool | None) -> None:
    assert ENGLISH.find_cues(sentence)  # the patterns alone would find one there
    marks = mark_sentence(sentence, "en", scientific)
    assert marks.hedge is None and marks.soft_cues == ()


def test_a_real_cue_beside_a_domain_still_counts() -> None:
    marks = mark_sentence("The plan may possibly fail, says maybe.com.", "en", False)
    assert marks.hedge is not None and "may" in marks.hedge.cues and "maybe" not in marks.hedge.cues


@pytest.mark.parametrize(("text", "names"), [
    ("Try could.io, or shop.may.co.uk/deals and x.com today.", ["could.io", "shop.may.co.uk/deals", "x.com"]),
    # a sentence's missing space, abbreviations and a country-code ending that is an English word are no domain
    ("It may work.It might. He told us.Maybe so.It is e.g. the U.S. and No.1.", []),
    ("some_func(A, B) and SOME_MACRO", ["some_func", "SOME_MACRO"]),
    ("5Post Graduate and p53 in CD4 cells", ["5Post", "p53", "CD4"]),
    ("see https://x.org/a?b=1, www.may.be, me@some.org, /usr/lib, ./run.sh, a/b/c", [
        "https://x.org/a?b=1,", "www.may.be,", "me@some.org", "/usr/lib", "./run.sh", "a/b/c"]),
    ("run `possibly now` here", ["`possibly now`"]),
    # words, not names: decades, ordinals, hours, "and/or", abbreviations, Wikipedia's backtick quotes
    ("in the 1970s, the 19th century, at 10am, and/or the U.S., e.g. ` Ruby' and ` it ``quoted''", []),
])
def test_identifier_spans(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in identifier_spans(text)] == names


def test_a_sentence_without_names_is_scored_as_before() -> None:
    """The word parts are the very same objects: ordinary text is unchanged (the features are not touched)."""
    model = load_hedge_model()
    sentence = "Some experts believe the plan may fail in the 1990s style of the 19th century."
    words = model.sentence_words(sentence)
    parts = [r.general for r in words.records]
    assert model.general.prose_parts(sentence, parts, words.starts(sentence)) is parts
    # a name that can hold no cue keeps its part ("CD4": "CD" is no cue)
    named = "CD4 cells were counted."
    words = model.sentence_words(named)
    parts = [model.scientific._word_part(w) for w in words.words]
    assert model.scientific.prose_parts(named, parts, words.starts(named)) == parts


def test_the_word_pass_marks_names_as_the_separate_walks() -> None:
    from tests.digest.hedges.test_marks_equivalence import differing_marks, differing_parts

    sentences = SWEEP_SENTENCES + ["Read https://example.com/it-may-possibly-fail for the details.",
                                   "The patch may possibly fix some_func in version 2."]
    assert differing_marks(sentences) == []
    assert differing_parts(sentences) == []
