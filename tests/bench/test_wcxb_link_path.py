"""bench/wcxb.py's link path: each page read by the command line with its own address."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.product import run_cli_each, write_documents
from bench.wcxb import Page, run_ours, usable_address

PAGE = (
    "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1><p>The old bridge over "
    "the river closed on Monday after engineers found cracks in two of its supporting piers, the city council "
    "said.</p><p>Repairs are expected to take about six months and cost nearly $4 million, according to the "
    "council's estimate.</p></article></body></html>"
)


def _page(page_id: str, url: str) -> Page:
    return Page(id=page_id, type="article", url=url, html=PAGE, truth="", title="Bridge closes", author="", date="")


def test_each_page_gets_its_own_address() -> None:
    pages = [_page("a", "https://example.org/2024/03/05/bridge"), _page("b", "not an address"), _page("c", "https://example.com/2021/11/30/x")]
    with_address = run_ours(pages, address=True)
    without = run_ours(pages)
    assert [output.date for output in with_address] == ["2024-03-05", "", "2021-11-30"]
    assert [output.date for output in without] == ["", "", ""]
    assert {output.title for output in with_address + without} == {"Bridge closes"}


def test_run_cli_each_keeps_input_order_and_refuses_mismatched_options(tmp_path: Path) -> None:
    paths = write_documents(tmp_path, [("one", ".html", PAGE), ("two", ".html", PAGE)])
    results = run_cli_each("extract", paths, [["--url", "https://b.example/2"], ["--url", "https://a.example/1"]])
    assert [result["url"] for result in results] == ["https://b.example/2", "https://a.example/1"]
    assert [result["source"] for result in results] == [str(path) for path in paths]
    with pytest.raises(ValueError):
        run_cli_each("extract", paths, [[]])


def test_usable_address() -> None:
    assert usable_address("https://example.org/a") and usable_address(" http://example.org ")
    assert not usable_address("") and not usable_address("example.org/a") and not usable_address("ftp://example.org/a")
