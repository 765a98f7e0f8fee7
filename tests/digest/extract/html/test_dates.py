"""The date search asks dateparser in DATE_LANGUAGES only: a string no locale completes loads those, not all 200."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from htmldate import extractors

from bot.digest.extract.html.dates import DATE_LANGUAGES, date_parser, dates_in_few_languages
from bot.digest.extract.html_extractor import extract_html

ROOT = Path(__file__).resolve().parents[4]
_BODY = "<p>" + " ".join(["The council met to discuss the new bridge over the river and the budget for next year."] * 8) + "</p>"


def _page(date_line: str) -> str:
    return f"<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1><div>{date_line}</div>{_BODY}</article></body></html>"


def test_the_restricted_parser_reads_dates_in_its_languages() -> None:
    assert date_parser().get_date_data("Feb. 27, 2025")["date_obj"].date().isoformat() == "2025-02-27"
    assert date_parser().get_date_data("27 février 2025")["date_obj"].date().isoformat() == "2025-02-27"
    assert date_parser().get_date_data("27 de febrero de 2025")["date_obj"].date().isoformat() == "2025-02-27"


def test_the_swap_lasts_only_for_the_block() -> None:
    htmldate_parser = extractors.get_external_parser
    with dates_in_few_languages():
        assert extractors.get_external_parser() is date_parser()
    assert extractors.get_external_parser is htmldate_parser
    assert htmldate_parser().languages is None  # trafilatura's own date search elsewhere is unchanged


def test_a_date_only_dateparser_reads_is_found() -> None:
    # htmldate's own formats do not read "24-Nov-2021"; dateparser does.
    assert extract_html(_page("24-Nov-2021"), "page.html").date == "2021-11-24"


def test_a_string_no_locale_completes_loads_only_the_date_languages() -> None:
    """In a fresh process: htmldate's parser would load every locale (about 35 MB) on this page."""
    script = (
        "import json\n"
        "from dateparser.languages.loader import default_loader\n"
        "from bot.digest.extract.html_extractor import extract_html\n"
        "from tests.digest.extract.html.test_dates import _page\n"
        "extract_html(_page('Through Dec 20, 2026'), 'page.html')\n"
        "print(json.dumps(sorted(default_loader._loaded_locales)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert loaded and loaded <= set(DATE_LANGUAGES)
