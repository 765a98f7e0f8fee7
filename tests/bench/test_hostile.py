"""bench/hostile.py: the inputs are built as described, deterministically, and each run gives a ratio and an answer."""

from __future__ import annotations

import random

import pytest

from bench import hostile
from bot.settings import DigestSettings


@pytest.mark.parametrize("kind", hostile.KINDS, ids=[kind.name for kind in hostile.KINDS])
def test_each_input_is_deterministic_and_grows_with_its_units(kind: hostile.Kind) -> None:
    small = kind.build(40, random.Random(1))
    assert small == kind.build(40, random.Random(1))
    assert hostile.size_of(kind.build(160, random.Random(1))) > hostile.size_of(small)
    assert isinstance(small, bytes) == (kind.kind == "pdf")


def test_the_named_shapes() -> None:
    rng = random.Random(0)
    assert hostile.nested_divs(50, rng).count("<div>") == 50
    assert hostile.link_flood(100, rng).count("<a href") == 100
    assert hostile.big_table(30, rng).count("<tr>") == 30
    line = hostile.long_line(1000, rng)
    assert len(line) == 1000 and line.isalpha()
    assert hostile.menu_lines(200, rng).count("\n") == 199
    assert hostile.script_blocks(100, rng).count("<script>") + hostile.script_blocks(100, rng).count("<style>") == 100
    assert hostile.empty_pdf(3, rng).startswith(b"%PDF-")


def test_sizes_are_a_quarter_apart() -> None:
    kind = hostile.KINDS[0]
    assert hostile.sizes(kind, quick=False) == (kind.full // 4, kind.full)
    assert hostile.sizes(kind, quick=True) == (kind.full // 16, kind.full // 4)


def test_a_run_gives_cpu_time_a_ratio_and_the_answer() -> None:
    settings = DigestSettings()
    normals = hostile.NormalCosts(settings, timeout=60)
    tiny = hostile.Kind("menu_lines", "text", 400, "lines", hostile.menu_lines)
    rows = hostile.run_kind(tiny, quick=False, settings=settings, normals=normals, timeout=60, seed=1)
    assert [row.units for row in rows] == [100, 400]
    assert all(row.cpu is not None and row.ratio is not None and row.ratio > 0 for row in rows)
    assert rows[0].answer.startswith("error: ")  # menu words only: no article
    table = hostile.format_rows(rows)
    assert "menu_lines" in table and "growth" in table


def test_a_normal_article_is_digested() -> None:
    raw = hostile.document("text", hostile.normal_content("text", 5_000, hostile.seed_sentences()), "normal")
    cpu, answer = hostile.measure(raw, DigestSettings(), timeout=60)
    assert cpu is not None and answer.startswith("digest: ")


def test_a_run_past_its_time_is_reported_not_waited_for() -> None:
    slow = hostile.document("text", "x", "slow")
    cpu, answer = hostile.measure(slow, DigestSettings(), timeout=0.0001)
    assert (cpu is None and answer.startswith("TIMEOUT")) or answer.startswith("error")
