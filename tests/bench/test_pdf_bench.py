"""bench/pdf.py: WCXB's page score, and the skip without chromium or pdftotext."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import pdf


def test_wcxb_f1_is_a_bag_of_lowercased_words() -> None:
    assert pdf.wcxb_f1("The cat sat.", "the CAT sat") == 1.0
    # 2 of 3 predicted tokens are right, 2 of 4 true tokens found: P=2/3, R=1/2.
    assert pdf.wcxb_f1("a b c d", "a b x") == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))
    assert pdf.wcxb_f1("a a b", "a") == pytest.approx(2 * 1 * (1 / 3) / (1 + 1 / 3))  # counts, not sets
    assert pdf.wcxb_f1("words here", "") == 0.0


def test_bench_skips_without_tools(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert pdf.evaluate(tmp_path) == []
    assert "skipped" in capsys.readouterr().out
