"""The HTML equivalence check's in-process mode: record a checkout's answers, compare another's with them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench import html_equivalence

ARTICLE = "<html><head><title>Rain in Spain</title></head><body><article><h1>Rain in Spain</h1>" + "".join(
    f"<p>Paragraph {n} says that the rain in Spain falls mainly on the plain, as the old song has it, and more.</p>" for n in range(8)
) + "</article></body></html>"
EMPTY = "<html><head><title>Sign in</title></head><body><form><input type='password'></form></body></html>"


def _data_dir(root: Path) -> Path:
    """A data folder shaped like ../shared/data: two WCXB dev pages and one ScrapingHub page."""
    (root / "wcxb-dev").mkdir(parents=True)
    with gzip.open(root / "wcxb-dev" / "wcxb-dev.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "a1", "url": "https://example.org/news/rain", "html": ARTICLE}) + "\n")
        out.write(json.dumps({"id": "a2", "url": "https://example.org/login", "html": EMPTY}) + "\n")
    html = root / "article-extraction-benchmark" / "html"
    html.mkdir(parents=True)
    (html / "p1.html.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    return root


def test_an_answer_holds_the_article_or_the_error_and_its_title() -> None:
    article = html_equivalence.article_answer("a1", "https://example.org/news/rain", ARTICLE)
    assert article["title"] == "Rain in Spain" and "rain in Spain falls" in article["text"] and article["url"] == "https://example.org/news/rain"
    failed = html_equivalence.article_answer("a2", "", EMPTY)
    assert set(failed) == {"error", "title"} and "sign-in form" in failed["error"] and failed["title"] == "Sign in"


def test_recorded_answers_compare_equal_and_a_changed_one_is_reported(tmp_path: Path, capsys) -> None:
    data = _data_dir(tmp_path / "data")
    record = tmp_path / "answers.json.gz"
    assert html_equivalence.main([str(data), "--record", str(record)]) == 0
    assert html_equivalence.main([str(data), "--recorded", str(record)]) == 0
    assert "3 of 3 extract answers identical" in capsys.readouterr().out
    with gzip.open(record, "rt", encoding="utf-8") as kept:
        answers = json.load(kept)
    answers["in process"]["scrapinghub-p1"]["text"] += " changed"
    with gzip.open(record, "wt", encoding="utf-8") as out:
        json.dump(answers, out)
    assert html_equivalence.main([str(data), "--recorded", str(record)]) == 1
    assert "scrapinghub-p1 differs in text" in capsys.readouterr().out


def test_a_recording_that_lacks_pages_does_not_pass(tmp_path: Path) -> None:
    data = _data_dir(tmp_path / "data")
    record = tmp_path / "answers.json.gz"
    assert html_equivalence.main([str(data), "--record", str(record), "--limit", "1"]) == 0
    assert html_equivalence.main([str(data), "--recorded", str(record)]) == 1


def test_the_digest_flag_records_and_compares_whole_digests(tmp_path: Path, capsys) -> None:
    data = _data_dir(tmp_path / "data")
    record = tmp_path / "digests.json.gz"
    assert html_equivalence.main([str(data), "--record", str(record), "--digest"]) == 0
    with gzip.open(record, "rt", encoding="utf-8") as kept:
        answers = json.load(kept)
    assert "summary" in json.dumps(answers["in process"]["scrapinghub-p1"])  # a digest, not an Article
    assert html_equivalence.main([str(data), "--recorded", str(record), "--digest"]) == 0
    assert "3 of 3 digests identical" in capsys.readouterr().out
    assert html_equivalence.main([str(data), "--recorded", str(record)]) == 1  # Articles differ from digests
