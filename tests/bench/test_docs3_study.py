"""bench/docs3_study.py: its keep rule on cached pages (no data needed)."""

from __future__ import annotations

from bench.docs3_study import report

TRUTH = "a service exposes a set of pods behind one stable address"


def _page(page_id: str, site: str, kind: str, answer: str) -> dict[str, str]:
    return {"id": page_id, "type": kind, "url": f"https://{site}/docs/{page_id}", "truth": TRUTH, "page_type": "documentation",
            "branch": "trafilatura", "answer": answer, "reference": answer}


def test_a_gain_on_every_page_is_kept_and_a_type_that_loses_is_not() -> None:
    pages = [_page(str(i), f"s{i}.org", "documentation", "a service exposes a set") for i in range(10)]
    assert report(pages, [TRUTH] * len(pages), show_pages=True)
    loses = pages + [_page("99", "x.org", "article", TRUTH)]
    assert not report(loses, [TRUTH] * len(pages) + ["a service"], show_pages=False)


def test_without_answers_it_only_prints() -> None:
    assert report([_page("1", "s.org", "documentation", TRUTH)], None, show_pages=False)
