"""Deterministic long articles for timing: real sentences sampled into paragraphs up to a word count.

The sentences come from the article-extraction-benchmark's true article bodies
when the shared data is present, otherwise from the sample article in `seeds/`.
The same seed and word count always give the same article.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO / "seeds" / "syrian-officers-defect.txt"

_WORD = re.compile(r"\w+")
# A sentence end for sampling only: . ! ? and closing quotes, then space and a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“(]?[A-Z])")
_MIN_WORDS, _MAX_WORDS = 6, 45


@dataclass(frozen=True)
class SyntheticArticle:
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """As pasted text: the title line, then paragraphs separated by blank lines."""
        return "\n\n".join((self.title, *self.paragraphs))

    @property
    def html(self) -> str:
        """As a simple article page with a little site chrome around it."""
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        links = "\n".join(f"<li><a href='/a{i}'>Related story {i}</a></li>" for i in range(8))
        title = html.escape(self.title)
        return (
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article><h1>{title}</h1>\n"
            f"{body}\n</article></main><aside><ul>{links}</ul></aside><footer>Copyright.</footer></body></html>"
        )

    @property
    def words(self) -> int:
        return sum(count_words(p) for p in self.paragraphs)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def rough_sentences(text: str) -> list[str]:
    """Prose sentences of a plain text, cut at . ! ? before a capital; lines without an end are dropped."""
    found: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line[-1] not in ".!?\"'”’)":
            continue
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if piece.isascii() and _MIN_WORDS <= count_words(piece) <= _MAX_WORDS:
                found.append(piece)
    return found


def seed_sentences() -> list[str]:
    """Sentences of the seed article's story (its site chrome, from 'Ad Free' on, left out)."""
    lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    story = []
    for line in lines[1:]:
        if line.startswith("Ad Free"):
            break
        story.append(line)
    return rough_sentences("\n".join(story))


def benchmark_sentences(data_dir: Path) -> list[str]:
    """Sentences of the article-extraction-benchmark's true bodies, in page-id order."""
    truth = json.loads((data_dir / "article-extraction-benchmark" / "ground-truth.json").read_text(encoding="utf-8"))
    found: list[str] = []
    for page_id in sorted(truth):
        found += rough_sentences(truth[page_id].get("articleBody", ""))
    return found


def sentence_pool(data_dir: Path | None) -> list[str]:
    if data_dir is not None and (data_dir / "article-extraction-benchmark" / "ground-truth.json").is_file():
        return benchmark_sentences(data_dir)
    return seed_sentences()


def make_article(pool: Sequence[str], words: int, seed: int = 0) -> SyntheticArticle:
    """An article of at least `words` words (it stops after the sentence that reaches it)."""
    if not pool:
        raise ValueError("no sentences to build an article from")
    rng = random.Random(f"{seed}:{words}")
    title_words = rng.choice(pool).rstrip(".!?").split()[:10]
    title = " ".join(title_words)
    paragraphs: list[str] = []
    total = 0
    while total < words:
        size = rng.randint(2, 6)
        sentences = [rng.choice(pool) for _ in range(size)]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += count_words(paragraph)
    return SyntheticArticle(title=title, paragraphs=tuple(paragraphs))
