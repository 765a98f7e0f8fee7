"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.helpers.article_server import ArticleServer
from tests.helpers.pdf_maker import PdfServer

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = REPO / "seeds" / "syrian-officers-defect.txt"
# Public benchmark data beside the project; tests that read it skip when it is absent.
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture
async def articles() -> AsyncIterator[ArticleServer]:
    """The loopback article server (tests/helpers/article_server.py), started for one test."""
    server = ArticleServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def pdf_server() -> AsyncIterator[PdfServer]:
    """The loopback server of the sample report as a PDF (tests/helpers/pdf_maker.py)."""
    server = PdfServer()
    await server.start()
    yield server
    await server.stop()
