"""bench.speed's stage table: every wrapped function exists, labels appear once, and what the
extractor's parts leave of it is shown as its rest."""

from __future__ import annotations

import importlib

import pytest

from bench.speed import EXTRACTION, EXTRACTION_REST, STAGES, counted_stages, stage_labels


@pytest.mark.parametrize(("label", "module_name", "name"), STAGES)
def test_every_stage_names_a_function_of_its_module(label: str, module_name: str, name: str) -> None:
    assert callable(getattr(importlib.import_module(module_name), name))


def test_labels_appear_once_and_the_rest_is_what_the_extractors_parts_leave() -> None:
    totals = {
        EXTRACTION: 10.0,
        "  of which parse": 1.0,
        "  of which tree passes": 0.5,
        "  of which trafilatura": 5.0,
        "    in trafilatura: tree copies": 1.0,  # inside trafilatura's row: not subtracted again
        "  of which text rendering": 0.5,
        "summary": 3.0,
        "  of which sentence similarities": 1.0,  # the summary's part, not extraction's
    }
    rows = stage_labels(totals)
    labels = [label for label, _ in rows]
    assert len(labels) == len(set(labels))
    assert dict(rows)[EXTRACTION_REST] == pytest.approx(10.0 - 1.0 - 0.5 - 5.0 - 0.5)
    assert labels.index(EXTRACTION_REST) == labels.index("  of which text rendering") + 1
    assert labels.index("summary") > labels.index(EXTRACTION_REST)


def test_no_rest_row_without_extraction() -> None:
    assert EXTRACTION_REST not in dict(stage_labels({"summary": 1.0}))


def test_the_functions_are_restored_after_the_block() -> None:
    before = [getattr(importlib.import_module(module_name), name) for _, module_name, name in STAGES]
    with counted_stages({}):
        pass
    assert [getattr(importlib.import_module(module_name), name) for _, module_name, name in STAGES] == before
