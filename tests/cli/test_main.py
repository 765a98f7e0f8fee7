"""The command line as a user runs it: a subprocess with real files, stdin and a loopback link."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLE_ARTICLE


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_summarize_text_output() -> None:
    result = run_cli("summarize", str(SAMPLE_ARTICLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 top Syrian officers defect\n")
    assert "Summary" in result.stdout and "Key figures" in result.stdout and "Hedged claims" in result.stdout


def test_summarize_markdown_output() -> None:
    result = run_cli("summarize", str(SAMPLE_ARTICLE), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## 3 top Syrian officers defect")
    assert "### Summary" in result.stdout


def test_json_contract_with_a_failing_source_in_the_middle(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_cli("summarize", str(SAMPLE_ARTICLE), str(missing), "-", "--format", "json", "--sentences", "3",
                     stdin=SAMPLE_ARTICLE.read_text())
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["source"] for item in lines] == [str(SAMPLE_ARTICLE), str(missing), "-"]
    first, failed, stdin = lines
    for key in ("source", "title", "language", "text", "summary", "figures", "hedges", "stats", "error"):
        assert key in first
    assert first["error"] is None and failed["error"] and "no such file" in failed["error"]
    assert len(first["summary"]) == 3
    assert {"text", "index", "hedge"} <= set(first["summary"][0])
    assert {"text", "value", "counts", "approximate", "sentence"} <= set(first["figures"][0])
    assert {"text", "index", "kind", "cues"} <= set(first["hedges"][0])
    assert set(first["stats"]) == {"words_in", "words_out"}
    assert stdin["title"] == first["title"] and stdin["summary"] == first["summary"]


def test_extract_json(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge closes</title></head><body><nav>Home | News | Sport</nav><article>"
        "<h1>Bridge closes</h1><p>The old bridge over the river closed on Monday after engineers found cracks "
        "in two of its supporting piers, the city council said.</p><p>Repairs are expected to take about "
        "six months and cost nearly $4 million, according to the council's estimate.</p></article>"
        "<footer>Contact us</footer></body></html>"
    )
    result = run_cli("extract", str(page), "--format", "json")
    assert result.returncode == 0, result.stderr
    item = json.loads(result.stdout)
    assert item["title"] == "Bridge closes"
    assert "cracks" in item["text"] and "Contact us" not in item["text"] and "Home | News" not in item["text"]
    assert item["error"] is None


def test_bad_arguments_are_refused() -> None:
    result = run_cli("summarize", str(SAMPLE_ARTICLE), "--sentences", "0")
    assert result.returncode == 2 and "between 1 and 20" in result.stderr
