"""The command line on a page saved by a browser: its "saved from url" comment gives it its address."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_main import run_cli

ADDRESS = "https://example.org/2024/03/05/bridge-closes"
BODY = (
    "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1><p>The old bridge over "
    "the river closed on Monday after engineers found cracks in two of its supporting piers, the city council "
    "said.</p><p>Repairs are expected to take about six months and cost nearly $4 million, according to the "
    "council's estimate.</p></article></body></html>"
)


def _saved_page(folder: Path) -> Path:
    page = folder / "Bridge closes.html"
    page.write_text(f"<!DOCTYPE html>\n<!-- saved from url=({len(ADDRESS):04d}){ADDRESS} -->\n{BODY}", encoding="utf-8")
    return page


def test_a_saved_page_gets_its_address_without_url(tmp_path: Path) -> None:
    page = _saved_page(tmp_path)
    result = run_cli("extract", str(page), "--format", "json")
    assert result.returncode == 0, result.stderr
    item = json.loads(result.stdout)
    assert (item["url"], item["date"], item["title"]) == (ADDRESS, "2024-03-05", "Bridge closes")  # the date from the path
    piped = json.loads(run_cli("summarize", "-", "--format", "json", stdin=page.read_text()).stdout)
    assert piped["url"] == ADDRESS


def test_url_given_wins_over_the_saved_address(tmp_path: Path) -> None:
    page = _saved_page(tmp_path)
    other = "https://example.com/2023/01/09/elsewhere"
    item = json.loads(run_cli("extract", str(page), "--format", "json", "--url", other).stdout)
    assert (item["url"], item["date"]) == (other, "2023-01-09")


def test_a_page_without_the_comment_still_has_no_address(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(BODY, encoding="utf-8")
    item = json.loads(run_cli("extract", str(page), "--format", "json").stdout)
    assert (item["url"], item["date"]) == (None, None)
