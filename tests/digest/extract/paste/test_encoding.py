"""A paste of UTF-8 text shown as Latin-1 or cp1252 is repaired before cleaning; other text is left alone."""

from __future__ import annotations

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.mojibake import repair_mojibake

SENTENCES = [
    "The investor’s guide compares twelve retirement calculators and explains what each of them assumes about inflation.",
    "Most calculators ask for your age, your savings and the share of your income you put aside every month.",
    "The best ones also show how a market crash in the year before you retire would change the result.",
]


def _as_cp1252(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_mojibake_is_repaired() -> None:
    assert repair_mojibake(_as_cp1252("A DIY Investor’s Guide — café")) == "A DIY Investor’s Guide — café"


def test_clean_text_is_left_alone() -> None:
    for text in ("Crème brûlée à São Paulo", "Ã is a letter of Portuguese", "plain ASCII"):
        assert repair_mojibake(text) == text


def test_a_mis_decoded_paste_comes_back_repaired() -> None:
    menu = ["Home", "Guides", "Retirement", "Subscribe", ""]
    paste = _as_cp1252("\n".join(menu + ["A DIY Investor’s Guide to Retirement Calculators", ""] + [s + "\n" for s in SENTENCES] + ["© 2025 Example"]))
    result = clean_paste(paste)
    assert "Investorâ€™s" in paste  # what the user pasted
    assert "investor’s guide compares" in result.body
    assert "â€" not in result.body and "â€" not in result.title
