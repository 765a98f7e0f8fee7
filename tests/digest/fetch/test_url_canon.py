import pytest

from bot.digest.fetch.url_canon import canonical_url


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTP://Example.COM/Path", "http://example.com/Path"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a#section-2", "https://example.com/a"),
        ("https://example.com/a?utm_source=x&id=7&UTM_Campaign=y&utm_medium=z", "https://example.com/a?id=7"),
        ("https://example.com/a?b=%20c&a=1", "https://example.com/a?b=%20c&a=1"),
        ("https://example.com./a", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_spellings_of_one_page_share_a_key() -> None:
    spellings = [
        "https://News.Example.org/story?id=3",
        "https://news.example.org:443/story?id=3#comments",
        "HTTPS://news.example.org/story?utm_source=discord&id=3",
    ]
    assert len({canonical_url(s) for s in spellings}) == 1


def test_different_pages_keep_different_keys() -> None:
    assert canonical_url("https://example.com/a?id=1") != canonical_url("https://example.com/a?id=2")
    assert canonical_url("http://example.com/a") != canonical_url("https://example.com/a")


@pytest.mark.parametrize("text", ["", "not a url", "http://", "https://[::1/"])
def test_garbage_does_not_raise(text: str) -> None:
    assert canonical_url(text) == canonical_url(canonical_url(text))  # and is stable: a cache key must be
