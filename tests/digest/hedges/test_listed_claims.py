"""The sixteenth session (hedges7): what the hedged claims' list may show. A site notice or a menu read as one
sentence is no claim of the page's (`pipeline.is_listable_claim`, the summary's own rules), and a concessive
"whether" ("Whether you're X or Y, ...") grants every case: it is no hedge cue (`identifiers.no_cue_spans`)."""

from __future__ import annotations

import pytest

from bot.digest.hedges.hedge_marker import mark_sentence
from bot.digest.hedges.identifiers import concessive_whether_spans, no_cue_spans
from bot.digest.models import Article
from bot.digest.pipeline import digest_article, is_listable_claim
from bot.settings import DigestSettings

# Concessive: WCXB tune shop, service and blog copy (sweep answers), as the digest has them.
CONCESSIVE = [
    "Whether you're new to the outdoors or a seasoned pro, check out our wide selection of quality outdoor gear.",
    "So, whether you're planning a small office lunch or a large business conference, keep these trends in mind.",
    "We work with local junk removal services, whether it's a cluttered basement, appliances or a storage unit.",
    "Cybersecurity is undoubtedly crucial for any business – whether it’s a million-dollar corporation or a startup.",
    "- Whether you are a beginner woodworker or a seasoned pro, there’s something for everyone.",
]
# Embedded questions: the "whether" asks, and stays a cue.
ASKING = [
    "We examined whether the protein binds to DNA or to RNA in these cells.",
    "Decide whether your goal is to drive awareness or to get viewers to convert.",
    "Review the trial terms, and whether you’ll qualify for free or discounted months.",
    "Whether he did or not obviously is a matter in dispute.",
]


@pytest.mark.parametrize("sentence", CONCESSIVE)
def test_a_concessive_whether_is_no_cue(sentence: str) -> None:
    spans = concessive_whether_spans(sentence)
    assert [sentence[a:b].lower() for a, b in spans] == ["whether"]
    assert spans[0] in no_cue_spans(sentence)
    for scientific in (False, True, None):
        marks = mark_sentence(sentence, "en", scientific)
        cues = (marks.hedge.cues if marks.hedge else ()) + marks.soft_cues
        assert "whether" not in {cue.lower() for cue in cues}, (scientific, marks)


@pytest.mark.parametrize("sentence", ASKING)
def test_a_whether_that_asks_stays_a_cue(sentence: str) -> None:
    assert concessive_whether_spans(sentence) == ()
    marks = mark_sentence(sentence, "en", True)
    assert "whether" in {cue.lower() for cue in (marks.hedge.cues if marks.hedge else ()) + marks.soft_cues}


def test_a_concessive_whether_leaves_the_other_cues_of_its_sentence() -> None:
    marks = mark_sentence("Whether you're at home or away, the results may suggest that the drug could fail.", "en", False)
    assert marks.hedge is not None and marks.hedge.kind == "hedged"
    assert "whether" not in {cue.lower() for cue in marks.hedge.cues} and marks.hedge.cues


@pytest.mark.parametrize("sentence", [
    "We may earn commission on some of the items you choose to buy.",
    "If you don't know how to turn on Javascript, click here for help.",
    "Skip to main content Skip to navigation Support the Guardian Fund Independent Journalism With Support Us Print "
    "Subscriptions Search Jobs Sign In Europe Edition UK Edition US Edition Australia Edition International Edition "
    "News Opinion Sport Culture Lifestyle Show More Hide Expanded Menu News View All News World News",
])
def test_site_notices_and_menus_are_not_listable(sentence: str) -> None:
    assert not is_listable_claim(sentence)


def test_the_digest_lists_the_pages_hedges_but_not_its_notices() -> None:
    body = [
        "The council approved the new budget on Tuesday after a long debate about school funding.",
        "Officials said the plan may raise property taxes for some households next year.",
        "We may earn commission on some of the items you choose to buy.",
        "The vote was seven to two, and the budget takes effect in July.",
        "Critics argued that the spending increases were larger than the city could afford.",
        "The mayor said she would sign the budget once the final text reaches her office.",
    ]
    article = Article(title="Council passes budget", text="\n\n".join(body * 3), source="test")
    assert mark_sentence(body[2], "en", False).hedge is not None  # marked, as a claim, before the list leaves it out
    digest = digest_article(article, DigestSettings())
    listed = {h.text for h in digest.hedges}
    assert body[1] in listed
    assert body[2] not in listed
    assert is_listable_claim(body[1]) and not is_listable_claim(body[2])
