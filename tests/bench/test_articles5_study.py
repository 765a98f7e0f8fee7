"""bench.articles5_study: each rule's off switch changes the answer and is put back; the on/off choice's fold gain."""

import numpy as np

import bot.digest.extract.html.article as article
from bench.articles5_study import RULES, cv_gain, settings, wcxb_scores

PARAGRAPHS = [  # 20 words or more each: the article's long lines
    "The river rose three metres overnight and the old bridge closed before dawn, the council said on Monday morning after a night of heavy rain.",
    "Engineers inspected the piers at first light and found the stone footings sound, though debris had piled up against the upstream side of the arches.",
]
ITEM = "Sandbags are handed out at the town hall car park"
PAGE = (
    "<html><body><main><article><div class='body'>"
    + f"<p>{PARAGRAPHS[0]}</p><ul><li>{ITEM}</li></ul><p>{PARAGRAPHS[1]}</p>"
    + "</div></article></main></body></html>"
)


def test_rules_name_module_settings_and_are_put_back() -> None:
    for values in RULES.values():
        assert all(hasattr(article, name) for name in values)
    saved = {name: getattr(article, name) for values in RULES.values() for name in values}
    raw = "\n".join(PARAGRAPHS)
    page = {"id": "x", "type": "article", "tree": PAGE, "raw": raw, "art": raw, "final": raw, "truth": "\n".join([PARAGRAPHS[0], ITEM, PARAGRAPHS[1]])}
    shipped = wcxb_scores([page])[0]
    with settings(RULES["restore: body list items"]):
        without_items = wcxb_scores([page])[0]
    assert shipped == 1.0 > without_items  # the list item comes back only with the rule on
    assert {name: getattr(article, name) for name in saved} == saved


def test_cv_gain_keeps_a_rule_only_where_the_other_folds_gain() -> None:
    gain = np.array([0.5, 0.0, 0.0, 0.0, -0.1])
    folds = np.array([0, 1, 2, 3, 4])
    # fold 0's gain is out of fold only when it is left out: the rule is off there; the other folds see +0.5 and
    # keep it on, so fold 4's loss counts
    assert cv_gain(gain, folds) == -0.1
