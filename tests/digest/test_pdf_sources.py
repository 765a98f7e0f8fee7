"""PDFs as links (by type or by bytes, whatever the URL ends in) and as files on the command
line; a hostile PDF costs only itself (the bot's side: tests/discord_app/test_pdf_e2e.py)."""

from __future__ import annotations

import json
import os
import random
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.digest.fetch.fetcher import FetchError, fetch_page
from bot.digest.pipeline import digest_document
from bot.digest.sources import RawDocument, document_from_page
from bot.settings import DigestSettings, FetchSettings
from tests.cli.test_links import run_cli
from tests.helpers.article_server import SAMPLE_TITLE
from tests.helpers.pdf_maker import REPORT, PdfServer
FETCH = FetchSettings(allowed_networks=("127.0.0.0/8",), total_timeout=10.0)


@pytest.mark.parametrize("path", ["/report.pdf", "/download?id=7", "/story.html"], ids=["pdf-type", "octet-stream", "html-type-pdf-bytes"])
async def test_a_pdf_link_is_read_by_its_bytes(pdf_server: PdfServer, path: str) -> None:
    page = await fetch_page(pdf_server.url(path), FETCH)
    assert page.content_type == "application/pdf" and page.data == REPORT
    digest = digest_document(document_from_page(pdf_server.url(path), page), DigestSettings())
    assert digest.error is None, digest.error
    assert digest.title == SAMPLE_TITLE and digest.url == pdf_server.url(path)


async def test_not_a_pdf_and_too_large_are_refused(pdf_server: PdfServer) -> None:
    with pytest.raises(FetchError, match="not an article page"):
        await fetch_page(pdf_server.url("/fake.pdf"), FETCH)
    with pytest.raises(FetchError, match="larger than"):
        await fetch_page(pdf_server.url("/big.pdf"), FetchSettings(allowed_networks=("127.0.0.0/8",), max_pdf_bytes=len(REPORT)))


async def test_command_line_takes_pdf_files_and_links(pdf_server: PdfServer, tmp_path: Path) -> None:
    path = tmp_path / "briefing.pdf"
    path.write_bytes(REPORT)
    config = tmp_path / "config.toml"
    config.write_text('[fetch]\nallowed_networks = ["127.0.0.0/8"]\n')
    code, out, err = await run_cli("--config", str(config), "summarize", str(path), pdf_server.url("/download?id=7"), "--format", "json")
    assert code == 0, err
    for result in map(json.loads, out.splitlines()):
        assert result["error"] is None and result["title"] == SAMPLE_TITLE
        assert 3 <= len(result["summary"]) <= 5


# --------------------------------------------------------------------------- #
# Fuzzing: mutated PDFs never crash the pipeline and never outlast the time cap
# --------------------------------------------------------------------------- #

FUZZ_SETTINGS = DigestSettings(min_words=5, pdf_timeout_seconds=10.0)
MARKERS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"/Length", b"/Kids", b"<<", b">>", b"[", b"]", b"(", b")", b"/Count", b"R", b"9999999999", b"-1", b"/Filter /FlateDecode"]


def _mutate(data: bytes, seed: int, edits: int) -> bytes:
    """Byte flips, cut-outs, repeats and inserted PDF keywords, as a fuzzer would make them."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(edits):
        at = rng.randrange(len(out))
        kind = rng.randrange(5)
        if kind == 0:
            out[at] = rng.randrange(256)
        elif kind == 1:
            del out[at : at + rng.randrange(1, 200)]
        elif kind == 2:
            out[at:at] = out[at : at + rng.randrange(1, 400)] * rng.randrange(1, 4)
        elif kind == 3:
            out[at:at] = rng.choice(MARKERS)
        else:
            out = out[: max(len(b"%PDF-1.4"), at)]
        if len(out) < 16:
            out = bytearray(data[:16])
    return bytes(out)


# Each example starts a parse process; DIGEST_FUZZ_EXAMPLES=500 runs a longer, randomized campaign by hand.
EXAMPLES = int(os.environ.get("DIGEST_FUZZ_EXAMPLES", "0"))


@pytest.mark.timeout(0 if EXAMPLES else 300)
@settings(max_examples=EXAMPLES or 12, deadline=timedelta(seconds=40), derandomize=not EXAMPLES, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), edits=st.integers(1, 30))
def test_mutated_pdfs_never_crash_the_pipeline(seed: int, edits: int) -> None:
    # digest_document runs the whole pipeline (extract_document's path and the rest).
    result = digest_document(RawDocument(source="fuzz.pdf", text="", kind="pdf", data=_mutate(REPORT, seed, edits)), FUZZ_SETTINGS)
    assert result.error is None or ("\n" not in result.error and "Something went wrong" not in result.error), result.error
