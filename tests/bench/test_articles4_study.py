"""bench.articles4_study: the FAQ step's settings scored on a page built here."""

import bot.digest.extract.html.article as article
from bench.articles4_study import scores_of

PARAGRAPHS = [  # 20 words or more each: the article's long lines
    "The river rose three metres overnight and the old bridge closed before dawn, the council said on Monday morning after a night of heavy rain.",
    "Engineers inspected the piers at first light and found the stone footings sound, though debris had piled up against the upstream side of the arches.",
]
QUESTION = "When will the bridge reopen to traffic?"
REPLY = "The council expects the crossing to reopen by the weekend if the water keeps falling as the forecasters expect it will."
PAGE = (
    "<html><body><main><article><div class='body'>"
    + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    + f"</div></article><section class='faq'><h3>{QUESTION}</h3><p>{REPLY}</p></section></main></body></html>"
)


def test_scores_of_sets_the_levels_and_puts_them_back() -> None:
    raw = "\n".join(PARAGRAPHS)
    truth = "\n".join([*PARAGRAPHS, QUESTION, REPLY])
    page = {"id": "x", "type": "article", "tree": PAGE, "raw": raw, "art": raw, "final": raw, "truth": truth}
    saved = article.FAQ_LEVELS, article.FAQ_SCHEMA_LEVELS
    off, frame_only, two_up = (scores_of([page], setting)[0] for setting in ((None, None), (0, None), (2, None)))
    assert off == frame_only < two_up == 1.0  # the FAQ section is a sibling of the article element
    assert (article.FAQ_LEVELS, article.FAQ_SCHEMA_LEVELS) == saved
