"""What a new user trips over when following the README: each bad input gets one clear line on standard error."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from bot.cli.log_setup import CHATTY_LIBRARIES, configure_logging
from bot.settings import LoggingSettings
from tests.cli.test_main import run_cli
from tests.conftest import REPO
from tests.helpers.article_server import SAMPLE_TITLE, article_paragraphs
from tests.helpers.pdf_maker import report_pdf

NO_TEXT_PAGE = "<html><head><title>Nothing</title></head><body><div><img src=x></div></body></html>"


def test_a_page_without_text_is_one_line_on_stderr(tmp_path: Path) -> None:
    """trafilatura's own "discarding data: None" warnings came before the answer, with timestamps."""
    page = tmp_path / "empty-page.html"
    page.write_text(NO_TEXT_PAGE)
    for command in ("summarize", "extract"):
        result = run_cli(command, str(page))
        assert result.returncode == 1
        assert result.stderr.splitlines() == [f"error: {page}: No article text was found on the page; it holds 1 image and no text."]


def test_library_warnings_show_at_debug_only() -> None:
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, {name: logging.getLogger(name).level for name in CHATTY_LIBRARIES})
    try:
        configure_logging(LoggingSettings())
        assert not logging.getLogger("trafilatura.core").isEnabledFor(logging.WARNING)
        assert logging.getLogger("bot.digest").isEnabledFor(logging.WARNING)
        configure_logging(LoggingSettings(level="DEBUG"))
        assert logging.getLogger("trafilatura.core").isEnabledFor(logging.DEBUG)
    finally:  # leave pytest's own handlers and levels as they were
        root.handlers[:], root.level = saved[0], saved[1]
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)


def test_a_pdf_piped_in_is_digested_as_a_pdf(tmp_path: Path) -> None:
    pdf = report_pdf(SAMPLE_TITLE, article_paragraphs())
    result = subprocess.run([sys.executable, "-m", "bot", "summarize", "-"], input=pdf, capture_output=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith(SAMPLE_TITLE + "\n") and " obj" not in out


def test_a_folder_and_a_bare_address(tmp_path: Path) -> None:
    result = run_cli("summarize", str(tmp_path), "example.com/news/story.html")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path}: is a folder, not a file.",
        "error: example.com/news/story.html: no such file; a web address needs its scheme: https://example.com/news/story.html",
    ]


def test_help_names_every_kind_of_source() -> None:
    for command in ("summarize", "extract"):
        assert ".pdf" in run_cli(command, "--help").stdout


def test_an_unknown_lang_stops_both_commands_once() -> None:
    """`extract --lang xx` printed the article with language null and exit 0; `summarize` said it per source."""
    sample = str(REPO / "seeds" / "syrian-officers-defect.txt")
    expected = ["error: --lang: Unknown language code 'xx' (use an ISO code such as en, de, fr)."]
    for command in ("extract", "summarize"):
        result = run_cli(command, sample, sample, "--lang", "xx")
        assert (result.returncode, result.stdout, result.stderr.splitlines()) == (2, "", expected)
    assert run_cli("extract", sample, "--lang", "de", "--format", "json").returncode == 0


def test_a_markdown_file_gets_a_title_and_summary_without_marks(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "# Bridge closes after cracks found\n\nThe old **bridge** over the river closed on Monday after engineers found "
        "cracks in two of its supporting piers, the [city council](https://example.org/council) said.\n\n"
        "- Repairs are expected to take about six months.\n- They will cost nearly $4 million, according to the "
        "council's estimate.\n\n> \"We had no choice,\" the mayor said.\n"
    )
    result = run_cli("summarize", str(story), "--format", "json")
    digest = json.loads(result.stdout)
    assert digest["title"] == "Bridge closes after cracks found"
    said = " ".join(sentence["text"] for sentence in digest["summary"])
    assert "the city council said" in said and not set("#*[]>") & set(said) and "- " not in said


def test_extract_of_a_text_without_headline_names_it_untitled(tmp_path: Path) -> None:
    """`extract` began with a blank line where `summarize` shows "(untitled)"."""
    text = tmp_path / "note.txt"
    text.write_text(
        "The old bridge over the river closed on Monday after engineers found cracks in two of its supporting piers, "
        "the city council said. Repairs are expected to take about six months and cost nearly $4 million, according to "
        "the council's estimate, and the ferry will run every hour until then.\n"
    )
    assert run_cli("extract", str(text)).stdout.startswith("(untitled)\n\nThe old bridge")
    assert run_cli("summarize", str(text)).stdout.startswith("(untitled)\n")


def test_a_latin1_text_file_keeps_its_accented_letters(tmp_path: Path) -> None:
    """A short Windows-1252 file (no charset to declare) read "naïve" as "naďve" and the dash as "ó"."""
    raw = (b"Bridge closes\n\nThe na\xefve plan to keep the old bridge open failed\x97it closes on Monday "
           b"for three weeks of repairs, the council said on Friday. Drivers should use the ring road instead.\n")
    source = tmp_path / "bridge.txt"
    source.write_bytes(raw)
    result = run_cli("extract", str(source))
    assert result.returncode == 0, result.stderr
    assert "The naïve plan to keep the old bridge open failed—it closes on Monday" in result.stdout


def test_a_summary_as_long_as_the_article_says_so() -> None:
    text = ("Bridge closes\n\nThe old bridge over the river closes on Monday for three weeks of repairs, the council "
            "said on Friday. Drivers should use the ring road instead, and buses will follow it too.\n")
    result = run_cli("summarize", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "32 words -> 32 · the summary is the whole article\n" in result.stdout and "0% shorter" not in result.stdout


def test_an_app_shell_without_text_is_said_to_be_built_by_javascript(tmp_path: Path) -> None:
    """WCXB 4681 and 4871 (a single-page app saved without its scripts) were answered "it holds no text."."""
    page = tmp_path / "app.html"
    page.write_text("<html><head><title>App</title><link rel='preload' href='/_next/app.js' as='script'></head>"
                    "<body><div id='root'><main class='skeleton'><span></span></main></div></body></html>")
    result = run_cli("extract", str(page))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {page}: No article text was found on the page; it holds no text (it may build its content with JavaScript)."
    ]


def test_a_bad_environment_variable_is_named_on_one_line() -> None:
    """`DIGEST_BOT_LOG_LEVEL=LOUD python -m bot summarize ...` said "[logging] level must be ...", a key no file held."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "summarize", "seeds/syrian-officers-defect.txt"],
        capture_output=True, text=True, cwd=REPO, timeout=120, env={**os.environ, "DIGEST_BOT_LOG_LEVEL": "LOUD"},
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: [logging] level must be one of DEBUG, INFO, WARNING, ERROR (set by the environment variable DIGEST_BOT_LOG_LEVEL)"
    ]


def test_a_loopback_link_is_refused_with_the_setting_that_allows_it() -> None:
    """The refusal said "the bot only fetches public web addresses" and nothing of [fetch] allowed_networks."""
    result = run_cli("summarize", "http://127.0.0.1:9/page.html", "http://10.0.0.1/news", "http://169.254.169.254/")
    assert result.returncode == 1
    loopback, private, metadata = result.stderr.splitlines()
    hint = ' To read pages of a server on your own machine or network, list its addresses in [fetch] allowed_networks of a --config file (e.g. ["127.0.0.0/8"]).'
    assert loopback.startswith("error: http://127.0.0.1:9/page.html: Refused: that link leads to a loopback address (127.0.0.1)")
    assert loopback.endswith(hint) and private.endswith(hint)
    assert not metadata.endswith(hint)  # the cloud metadata address is nobody's own server
    json_result = run_cli("summarize", "--format", "json", "http://127.0.0.1:9/page.html")
    assert "allowed_networks" not in json_result.stdout and not json_result.stderr  # the JSON contract is unchanged


def test_standard_input_in_a_terminal_says_how_to_end_it() -> None:
    """`summarize -` typed in a terminal waited for input without a word; piped input gets no prompt."""
    import pty

    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "summarize", "-"], stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=REPO, text=True,
        )
        os.write(leader, ("\n".join([SAMPLE_TITLE, *article_paragraphs()]) + "\n").encode())
        os.write(leader, b"\x04")  # Ctrl-D at the start of a line: the end of the input
        out, err = process.communicate(timeout=120)
    finally:
        os.close(leader)
        os.close(follower)
    assert process.returncode == 0, err
    assert err.splitlines() == ["Reading standard input: paste the text or a link, then press Ctrl-D (Ctrl-Z and Enter on Windows)."]
    assert out.startswith(SAMPLE_TITLE)
    piped = run_cli("summarize", "-", stdin="\n".join([SAMPLE_TITLE, *article_paragraphs()]))
    assert piped.returncode == 0 and piped.stderr == ""
