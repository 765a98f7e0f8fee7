"""The conversation digest's choice of messages, its quotes and their marks."""

from __future__ import annotations

from bot.digest.conversation import ChatMessage, content_words, digest_conversation, pick_messages, shorten_quote
from bot.settings import DigestSettings


def chat(*texts: str) -> list[ChatMessage]:
    return [ChatMessage(i, i % 2, f"user{i % 2}", text, f"https://discord.com/channels/1/2/{i}") for i, text in enumerate(texts)]


def bag(text: str) -> set[str]:
    return content_words(text, frozenset({"the", "a", "is", "on"}), str)


def test_a_repeat_loses_to_a_message_that_adds_something() -> None:
    bags = [
        bag("parser release breaks windows build"),
        bag("parser release breaks windows build again"),
        bag("memory fix lands friday for parser"),
        bag("ok"),
    ]
    picked = pick_messages(bags, 2)
    assert 2 in picked and not {0, 1} <= set(picked)
    assert 3 not in pick_messages(bags, 4)  # too few words to quote


def test_content_words_skip_numbers_links_and_stop_words() -> None:
    assert bag("The build is on https://example.org 42 times") == {"build", "example", "org", "times"}


def test_long_quotes_end_at_a_sentence() -> None:
    text = "The first sentence is short. " + "The second one goes on and on " * 20 + "until it ends."
    quote, shortened = shorten_quote(text, "en", limit=120)
    assert shortened and quote == "The first sentence is short.…"
    assert shorten_quote("Short enough.", "en") == ("Short enough.", False)
    quote, shortened = shorten_quote("word " * 100, "en", limit=50)
    assert shortened and len(quote) <= 50


def test_digest_quotes_verbatim_in_time_order_with_marks() -> None:
    messages = chat(
        "Has anyone measured the new parser release on the Windows build machines yet?",
        "lol",
        "Yes: the parser release needs about 2 GB of memory on the Windows build machines.",
        "ok thanks",
        "We might roll back the parser release until the memory fix lands on the build machines.",
        "Totally unrelated: my cat likes the sofa.",
    )
    digest = digest_conversation(messages, DigestSettings(), count=3)
    ids = [q.message.message_id for q in digest.quotes]
    assert ids == sorted(ids) and len(ids) == 3 and 1 not in ids and 3 not in ids
    by_id = {q.message.message_id: q for q in digest.quotes}
    for quote in digest.quotes:
        assert quote.quote == messages[quote.message.message_id].text  # verbatim
    if 2 in by_id:
        assert [f.text for f in by_id[2].figures] == ["about 2 GB"]
    if 4 in by_id:
        assert by_id[4].hedge is not None and "might" in by_id[4].hedge.cues
    assert digest.messages_in == 6 and digest.words_out <= digest.words_in


def test_nothing_worth_quoting() -> None:
    assert digest_conversation(chat("hi", "ok", "lol"), DigestSettings()).quotes == []
