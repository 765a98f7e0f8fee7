"""bench.speed --against: the other checkout's digest runs its own code, also what the pipeline imports at the call."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bench.speed import REPO, _digest_function
from bot.digest.sources import RawDocument

_MARKER = "Read by the other checkout"
_PAGE = "<html><head><title>A page</title></head><body><article>" + "".join(
    f"<p>On day {day} the river fell to its lowest level in {day + 20} years, the water board of the valley said.</p>" for day in range(1, 9)
) + "</article></body></html>"


def test_the_other_checkouts_html_extractor_is_the_one_that_runs(tmp_path: Path) -> None:
    shutil.copytree(REPO / "bot", tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    extractor = tmp_path / "bot" / "digest" / "extract" / "html_extractor.py"
    # The pipeline imports extract_html inside extract_article: the copy's version must be the one called.
    extractor.write_text(extractor.read_text() + f'''

_extract_html = extract_html


def extract_html(*args, **kwargs):
    import dataclasses
    return dataclasses.replace(_extract_html(*args, **kwargs), title={_MARKER!r})
''')
    here = sys.modules.get("bot.digest.extract.html_extractor")
    digest = _digest_function(tmp_path)(RawDocument(source="page.html", text=_PAGE, kind="html"))
    assert digest.title == _MARKER
    assert sys.modules.get("bot.digest.extract.html_extractor") is here  # this checkout's modules put back
    ours = _digest_function(REPO)(RawDocument(source="page.html", text=_PAGE, kind="html"))
    assert ours.title != _MARKER


def test_an_error_is_compared_by_its_class_name_and_message() -> None:
    from bench.speed import _answer
    from bot.digest.models import DigestError

    def failing(document: RawDocument):  # noqa: ANN202
        raise DigestError("No article text was found on the page")

    document = RawDocument("page", _PAGE, "html")
    assert _answer(failing, document) == "DigestError: No article text was found on the page"
    assert _answer(lambda d: d.source, document) == repr("page")


def test_wcxb_pages_are_read_with_their_addresses(tmp_path: Path) -> None:
    import gzip
    import json

    from bench.speed import wcxb_html_pages

    (tmp_path / "wcxb-dev").mkdir()
    with gzip.open(tmp_path / "wcxb-dev" / "wcxb-dev.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "0001", "url": "https://example.org/a", "html": _PAGE}) + "\n")
        out.write(json.dumps({"id": "0002", "url": "", "html": _PAGE}) + "\n")
    items = wcxb_html_pages(tmp_path)
    assert [(i.id, i.document.url, i.document.kind) for i in items] == [("wcxb-0001", "https://example.org/a", "html"), ("wcxb-0002", None, "html")]
