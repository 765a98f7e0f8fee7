"""bench.pasteleak4_study: the stage-by-stage decoding ends where the cleaner's does, and each line's place and the
stage that kept or dropped it are read from the keep-vectors."""

from __future__ import annotations

from bench import pasteleak4_study
from bot.digest.extract.paste.cleaner import decode_keep
from bot.digest.extract.paste.features import own_features, split_lines
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import score_lines

PASTE = "\n".join([
    "Home", "News", "Sport", "Subscribe",
    "Town opens its third library",
    "The county opened its third public library branch on Saturday, five years after voters approved the bond.",
    "The building holds about forty thousand books and a maker space with two printers for local groups.",
    "Librarians said the branch would stay open until nine in the evening on weekdays, later than the others.",
    "Next year the county plans to add a mobile library that will visit the villages in the hills twice a week.",
    "Related Articles", "Council votes on the budget", "Privacy Policy", "© 2026 The Town Paper",
])


def test_staged_keep_ends_as_the_cleaner_does() -> None:
    lines = split_lines(PASTE)
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    title, staged = pasteleak4_study.staged_keep(analysis, model)
    assert (title, staged["final"]) == decode_keep(analysis, model)
    assert set(staged) == set(pasteleak4_study.STAGES)


def test_place_and_stages() -> None:
    labels = [0, 1, 0, 1, 0]
    assert [pasteleak4_study.place(i, labels) for i in range(5)] == ["above", "inside", "inside", "inside", "below"]
    assert pasteleak4_study.place(0, [0, 0]) == "none"
    staged = {name: [False, True, True] for name in pasteleak4_study.STAGES}
    staged["viterbi"] = [False, False, True]  # line 1 came in with the region's growth over prose
    staged["extend"] = [False, True, True]
    staged["trim"] = [False, True, False]  # line 2 trimmed at the edge ...
    staged["rescue"] = staged["final"] = [False, True, False]
    assert pasteleak4_study.kept_by(1, staged) == "extend"
    assert pasteleak4_study.kept_by(2, {**staged, "final": [False, True, True], "rescue": [False, True, True]}) == "rescue"
    assert pasteleak4_study.dropped_by(2, staged) == "trim"
    assert pasteleak4_study.dropped_by(0, staged) == "never"
