"""How release-ccca36d.sqlite3 was made: run with commit ccca36d's bot/store (schema 4, before [store] url).

    git worktree add /tmp/old ccca36d && cd /tmp/old && python tests/store/data/make_release_ccca36d.py OUT.sqlite3

Kept for the record; running it with a later bot/store writes that version's file instead.
"""

from __future__ import annotations

import asyncio
import sys

from bot.digest.models import Digest, Figure, Hedge, MarkedSentence, Stats
from bot.store.database import DigestSource, Store

NOW = 1_764_763_200.0  # 2025-12-03 12:00 UTC: the rows' timestamps
BIG_GUILD = 1_180_000_000_000_000_001  # real snowflakes need 64 bits
BIG_CHANNEL = 1_180_000_000_000_000_002
BIG_USER = 1_180_000_000_000_000_003
BIG_MESSAGE = 1_180_000_000_000_000_004


def digest() -> Digest:
    hedged = MarkedSentence("One of those three may be a general.", 3, Hedge("hedged", ("may",)))
    return Digest(
        source="https://example.org/a",
        title="3 top Syrian officers defect",
        language="en",
        url="https://example.org/a",
        summary=[hedged, MarkedSentence("Turkey is now host to nearly 33,000 Syrian refugees.", 5)],
        figures=[Figure("nearly 33,000", 33000.0, "Syrian refugees", True, 5)],
        hedges=[hedged],
        stats=Stats(400, 20),
    )


async def main(path: str) -> None:
    store = await Store.open(path, clock=lambda: NOW)
    await store.set_meta("app_commands_hash:1", "abc")
    await store.set_unfurl(BIG_GUILD, None, True, user_id=BIG_USER)
    await store.set_unfurl(BIG_GUILD, BIG_CHANNEL, False, user_id=BIG_USER)
    await store.put_digest("https://example.org/a", "sentences=auto;lang=auto;models=old", digest())
    await store.set_opted_out(BIG_USER, True)
    await store.claim_reaction_answer(BIG_MESSAGE)
    await store.remember_source(BIG_MESSAGE, DigestSource("link", "https://example.org/a", "example.org"))
    await store.remember_source(BIG_MESSAGE + 1, DigestSource("file", "Some text of a file.", "notes.txt", "txt"))
    await store.claim_refresh(BIG_MESSAGE, 60)
    await store.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
