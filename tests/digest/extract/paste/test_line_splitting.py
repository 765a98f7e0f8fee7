"""The fast paths of line splitting give what the plain definitions give (twelfth session, identical output)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.extract.paste.features import _INVISIBLE, PasteLine, lines_of, split_lines
from bot.digest.extract.paste.wraps import _CONTROL, _LINE_BREAKS, has_odd_characters, normalise, rejoin_hard_wraps, rejoined_lines

# Characters around the ones normalise acts on: line breaks, controls, their UTF-8 neighbours (U+0085's lead byte
# C2 starts other characters too, U+2028's E2 80 starts curly quotes and dashes), lone surrogates, plain text.
_TRICKY = "\r\n\x0b\x0c\x85\x84\x86\u2028\u2029\u2027\u202a\u2019\u201c\x00\x08\x09\x0e\x1f\x7f\x80\xa0\ud800\udfff" + _INVISIBLE
_TEXT = st.text(alphabet=st.sampled_from(list(_TRICKY) + list("ab .-")), max_size=40)


def normalise_by_regex(text: str) -> str:
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_normalise_is_the_two_substitutions(text: str) -> None:
    assert normalise(text) == normalise_by_regex(text)
    assert has_odd_characters(text) == (normalise_by_regex(text) != text)  # each such character is replaced or dropped


def test_every_character_normalise_acts_on_is_seen() -> None:
    for code in range(0x3000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        for text in (char, f"a{char}b", f"\u2019{char}"):
            assert has_odd_characters(text) == (normalise_by_regex(text) != text), hex(code)


def split_lines_by_loop(text: str) -> list[tuple[str, int, bool, bool]]:
    """The loop split_lines was before the twelfth session."""
    raw = [line.strip().strip(_INVISIBLE).strip() for line in text.split("\n")]
    lines: list[tuple[str, int, bool, bool]] = []
    for i, line in enumerate(raw):
        if not line:
            continue
        before = i == 0 or not raw[i - 1]
        after = i + 1 >= len(raw) or not raw[i + 1]
        lines.append((line, len(lines), before, after))
    return lines


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\u200b", "Menu", " Text here. ", "\ufeffx\u00ad"]), max_size=12))
def test_split_lines_matches_the_loop(parts: list[str]) -> None:
    text = "\n".join(parts)
    lines = split_lines(text)
    assert [tuple(line) for line in lines] == split_lines_by_loop(text)
    assert all(isinstance(line, PasteLine) for line in lines)
    assert lines == lines_of(text.split("\n"))


def test_paste_line_fields_read_by_name() -> None:
    first, second = split_lines("Title\n\nBody text.\nMore")[:2]
    assert (first.text, first.index, first.blank_before, first.blank_after) == ("Title", 0, True, True)
    assert (second.text, second.index, second.blank_before, second.blank_after) == ("Body text.", 1, True, False)


_WRAPPED = (
    "The committee met on Tuesday to discuss the budget for the coming year and\n"
    "agreed that spending on roads would rise by a tenth while the well-\n"
    "known library project would wait until the spring session of the council.\n"
    "\n"
    "Members said the decision was hard but necessary given the state of the\n"
    "accounts, and several asked for a fuller report before the next meeting\n"
    "of the finance group in March.\r\n"
)


@given(st.sampled_from([_WRAPPED, _WRAPPED.replace("\n", "\r\n"), "a\rb\x0bc", "", "one line", _WRAPPED + "x" * 400]))
def test_rejoined_lines_are_the_rejoined_text_split(text: str) -> None:
    assert rejoined_lines(text) == rejoin_hard_wraps(text).split("\n")


def test_wrapped_text_is_rejoined() -> None:
    lines = rejoined_lines(_WRAPPED)
    assert "coming year and agreed that" in lines[0] and "" in lines and len(lines) < len(_WRAPPED.split("\n"))
