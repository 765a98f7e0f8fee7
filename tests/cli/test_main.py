"""The command line as a user runs it: a subprocess with real files, stdin and a loopback link."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert {"text", "value", "counts", "approximate", "sentence", "kind", "quote"} <= set(first["figures"][0])
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


def test_url_gives_a_saved_page_its_address(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1><p>The old bridge over "
        "the river closed on Monday after engineers found cracks in two of its supporting piers, the city council "
        "said.</p><p>Repairs are expected to take about six months and cost nearly $4 million, according to the "
        "council's estimate.</p></article></body></html>"
    )
    address = "https://example.org/2024/03/05/bridge-closes"
    with_url = json.loads(run_cli("extract", str(page), "--format", "json", "--url", address).stdout)
    without = json.loads(run_cli("extract", str(page), "--format", "json").stdout)
    assert (with_url["url"], with_url["date"]) == (address, "2024-03-05")  # htmldate reads the date in the path
    assert (without["url"], without["date"]) == (None, None)
    piped = json.loads(run_cli("summarize", "-", "--format", "json", "--url", address, stdin=page.read_text()).stdout)
    assert piped["url"] == address


def test_url_is_refused_where_it_cannot_name_the_source(tmp_path: Path) -> None:
    two = run_cli("extract", str(SAMPLE_ARTICLE), str(SAMPLE_ARTICLE), "--url", "https://example.org/a")
    assert two.returncode == 2 and two.stderr == "error: --url names the address of one source; give a single SOURCE with it.\n"
    link = run_cli("summarize", "https://example.org/a", "--url", "https://example.org/b")
    assert link.returncode == 2 and "a link is read from its own address" in link.stderr
    other = run_cli("summarize", str(SAMPLE_ARTICLE), "--url", "ftp://example.org/a")
    assert other.returncode == 2 and "is not an http:// or https:// address" in other.stderr


def test_bad_arguments_are_refused() -> None:
    result = run_cli("summarize", str(SAMPLE_ARTICLE), "--sentences", "0")
    assert result.returncode == 2 and "from 1 to 20" in result.stderr


def test_each_error_is_printed_once_on_standard_error_with_the_path_once(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.txt"
    result = run_cli("summarize", str(missing))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {missing}: no such file.\n"


def test_other_schemes_and_addresses_without_a_scheme_get_their_own_answer() -> None:
    result = run_cli("summarize", "ftp://example.org/article.txt", "example.com/article")
    assert result.returncode == 1
    ftp, bare = result.stderr.splitlines()
    assert ftp == "error: ftp://example.org/article.txt: only http:// and https:// links can be read, not ftp://."
    assert bare.startswith("error: example.com/article: ") and "https://example.com/article" in bare


def test_verbose_after_the_command_logs_progress() -> None:
    result = run_cli("summarize", str(SAMPLE_ARTICLE), "-v", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert f"INFO bot.cli.main: {SAMPLE_ARTICLE}: read text" in result.stderr
    assert f"{SAMPLE_ARTICLE}: done in" in result.stderr


def test_logging_level_and_json_lines_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[logging]\nlevel = "INFO"\nformat = "json"\n')
    result = run_cli("--config", str(config), "summarize", str(SAMPLE_ARTICLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert records and {"time", "level", "logger", "message"} <= set(records[0])
    assert any(r["logger"] == "bot.cli.main" and "done in" in r["message"] for r in records)


def test_version_and_help_texts() -> None:
    from bot.cli.main import build_parser

    parser = build_parser()
    assert "--version" in parser.format_help()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    summarize_help = " ".join(commands["summarize"].format_help().split())
    assert "1 to 20" in summarize_help and "one object a line" in summarize_help
    assert "an http(s) link" in " ".join(commands["extract"].format_help().split())
    assert "--config PATH" in commands["run"].format_help() and "RUN_CONFIG" not in commands["run"].format_help()
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip().endswith("0.1.0")


def test_max_hedges_from_the_config_caps_the_listing_and_says_how_many_more(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[digest]\nmax_hedges = 1\n")
    result = run_cli("--config", str(config), "summarize", str(SAMPLE_ARTICLE), "--sentences", "1")
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("Hedged claims elsewhere\n", 1)[1]
    assert listed.count("  • ") == 1
    json_result = run_cli("summarize", str(SAMPLE_ARTICLE), "--sentences", "1", "--format", "json")
    digest = json.loads(json_result.stdout)
    hidden = len([h for h in digest["hedges"] if h["index"] not in {s["index"] for s in digest["summary"]}]) - 1
    assert f"…and {hidden} more hedged claims" in listed


@pytest.mark.parametrize("content", ["https://example.org/a https://example.org/b\n", "https://example.org/story\n"])
def test_a_file_of_links_gets_an_answer_written_for_the_command_line(tmp_path: Path, content: str) -> None:
    """One link alone in a file too: "give one link on its own" read as nonsense to someone whose file held one."""
    links = tmp_path / "links.txt"
    links.write_text(content)
    result = run_cli("summarize", str(links))
    assert result.returncode == 1
    assert result.stderr == f"error: {links}: That is only links, no article text: give a link itself as the source and its page is read.\n"
    assert "bot" not in result.stderr.replace(str(links), "")


def test_json_of_a_page_without_text_keeps_its_title(tmp_path: Path) -> None:
    page = tmp_path / "login.html"
    page.write_text("<html><head><title>Members' area - Example Club</title></head><body>"
                    "<form><input type='password' name='pw'><button>Log in</button></form></body></html>")
    result = run_cli("extract", str(page), "--format", "json")
    assert result.returncode == 1
    item = json.loads(result.stdout)
    assert item["error"].startswith("No article text was found on the page") and "sign-in form" in item["error"]
    assert item["title"] == "Members' area"
