"""How well the conversation digest picks messages, on real human chats (the BYU ChitChat corpus).

ChitChat has no reference summaries, so nothing here scores a digest against a
human one. What can be measured without one, each for our choice and for the
obvious alternatives with the same number of quotes (the first k messages, the
k longest, k at random):

- on topic: the share of quoted messages that share a content word with the
  conversation's prompt (the topic its two people were given; our choice never
  sees it, so this is not its own objective);
- filler: the share of quotes with fewer than three content words ("lol", "ok");
- words quoted: the size of the digest.

The corpus ships in the PyPI package `chitchat-dataset` (dataset.json), which
the project does not depend on: `pip install chitchat-dataset`, then
`python -m bench.conversation [--data PATH/dataset.json] [--part held-out]`.
Split: sha1(conversation id) mod 100 < 70 is tune, the rest held out; nothing
was tuned on either (the choice's constants were set before this ran).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path
from typing import Callable, Sequence

from bench.fitting import hash_bucket
from bot.digest.conversation import MIN_CONTENT_WORDS, ChatMessage, auto_count, content_words, digest_conversation
from bot.digest.language.language_detector import language_for
from bot.digest.segment.sumy_adapter import stemmer_for, stop_words
from bot.settings import DigestSettings

TUNE_SHARE = 70
MIN_MESSAGES = 16  # shorter chats need no digest


def chitchat_path() -> Path:
    import chitchat_dataset  # type: ignore[import-not-found]

    return Path(chitchat_dataset.__file__).parent / "dataset.json"


def part_of(conversation_id: str) -> str:
    return "tune" if hash_bucket(conversation_id) < TUNE_SHARE else "held-out"


def conversations(path: Path, part: str) -> list[tuple[str, list[ChatMessage]]]:
    """(prompt, messages) of every chat of the part with at least MIN_MESSAGES messages, in id order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for conversation_id in sorted(data):
        if part_of(conversation_id) != part:
            continue
        record = data[conversation_id]
        senders: dict[str, int] = {}
        messages = [
            ChatMessage(n, senders.setdefault(m["sender"], len(senders)), f"user{senders.get(m['sender'], 0)}", m["text"])
            for n, m in enumerate(m for turn in record["messages"] for m in turn)
        ]
        if len(messages) >= MIN_MESSAGES:
            found.append((record.get("prompt") or "", messages))
    return found


Chooser = Callable[[Sequence[ChatMessage], int, int], list[int]]


def ours(messages: Sequence[ChatMessage], k: int, seed: int) -> list[int]:
    digest = digest_conversation(messages, DigestSettings(), count=k)
    return [q.message.message_id for q in digest.quotes]


def first_k(messages: Sequence[ChatMessage], k: int, seed: int) -> list[int]:
    return list(range(min(k, len(messages))))


def longest_k(messages: Sequence[ChatMessage], k: int, seed: int) -> list[int]:
    return sorted(sorted(range(len(messages)), key=lambda i: -len(messages[i].text))[:k])


def random_k(messages: Sequence[ChatMessage], k: int, seed: int) -> list[int]:
    return sorted(random.Random(seed).sample(range(len(messages)), min(k, len(messages))))


CHOOSERS: dict[str, Chooser] = {"ours": ours, "first-k": first_k, "longest-k": longest_k, "random-k": random_k}


def evaluate(path: Path, part: str, limit: int | None = None) -> dict[str, dict[str, float]]:
    language = language_for("en")
    stop, stem = stop_words(language), stemmer_for(language)
    chats = conversations(path, part)[:limit]
    scores: dict[str, dict[str, list[float]]] = {name: {"on_topic": [], "filler": [], "words": []} for name in CHOOSERS}
    for seed, (prompt, messages) in enumerate(chats):
        topic = content_words(prompt, stop, stem)
        k = auto_count(len(messages), DigestSettings())
        for name, choose in CHOOSERS.items():
            picked = choose(messages, k, seed)
            if not picked:
                continue
            bags = [content_words(messages[i].text, stop, stem) for i in picked]
            scores[name]["on_topic"].append(sum(bool(b & topic) for b in bags) / len(bags))
            scores[name]["filler"].append(sum(len(b) < MIN_CONTENT_WORDS for b in bags) / len(bags))
            scores[name]["words"].append(sum(len(messages[i].text.split()) for i in picked))
    table = {name: {metric: statistics.fmean(values) for metric, values in metrics.items()} for name, metrics in scores.items()}
    table["_"] = {"conversations": float(len(chats))}
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="ChitChat's dataset.json (default: the installed package's)")
    parser.add_argument("--part", choices=("tune", "held-out"), default="held-out")
    parser.add_argument("--limit", type=int, default=None, help="only the first N conversations of the part")
    args = parser.parse_args()
    table = evaluate(args.data or chitchat_path(), args.part, args.limit)
    print(f"ChitChat, {args.part}: {table.pop('_')['conversations']:.0f} conversations of {MIN_MESSAGES}+ messages")
    print(f"{'choice':<10} {'on topic':>9} {'filler':>7} {'words quoted':>13}")
    for name, row in table.items():
        print(f"{name:<10} {row['on_topic']:>9.3f} {row['filler']:>7.3f} {row['words']:>13.1f}")


if __name__ == "__main__":
    main()
