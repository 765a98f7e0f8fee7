"""Answered triggers: of many claims of one trigger exactly one wins, across processes on Redis."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.shared_state import answered as answered_module
from bot.shared_state.answered import AnsweredTriggers, LocalAnsweredTriggers, RedisAnsweredTriggers, Trigger, answer_once
from bot.shared_state.factory import SharedState
from bot.store.database import Store

COMMAND = Trigger("command", 1234567890123)
LEASE = 60.0


@pytest.fixture
def records(processes: tuple[SharedState, SharedState]) -> tuple[AnsweredTriggers, AnsweredTriggers]:
    return processes[0].answered, processes[1].answered


async def test_exactly_one_of_a_hundred_concurrent_claims_wins(records: tuple[AnsweredTriggers, AnsweredTriggers]) -> None:
    first, second = records
    tokens = await asyncio.gather(*(record.claim(COMMAND, LEASE) for record in (first, second) * 50))
    assert sum(token is not None for token in tokens) == 1
    assert await second.claim(Trigger("reaction", COMMAND.id), LEASE) is not None  # another kind: another trigger


async def test_a_released_claim_can_be_claimed_again_but_only_by_its_owner(records: tuple[AnsweredTriggers, AnsweredTriggers]) -> None:
    first, second = records
    token = await first.claim(COMMAND, LEASE)
    assert token is not None
    await second.release(COMMAND, "someone-else")  # not the holder: nothing happens
    assert await second.claim(COMMAND, LEASE) is None
    await first.release(COMMAND, token)
    assert await second.claim(COMMAND, LEASE) is not None


async def test_a_lease_ends_so_a_process_that_died_mid_answer_holds_nothing(records: tuple[AnsweredTriggers, AnsweredTriggers]) -> None:
    first, second = records
    assert await first.claim(COMMAND, 0.1) is not None
    await asyncio.sleep(0.15)
    assert await second.claim(COMMAND, LEASE) is not None


async def test_answer_once_answers_a_replay_never(records: tuple[AnsweredTriggers, AnsweredTriggers]) -> None:
    first, second = records
    answered: list[str] = []

    async def answer(name: str) -> bool:
        await asyncio.sleep(0.01)  # the replay arrives while the first answer is under way
        answered.append(name)
        return True

    results = await asyncio.gather(answer_once(first, COMMAND, lambda: answer("first"), LEASE),
                                   answer_once(second, COMMAND, lambda: answer("replay"), LEASE))
    assert answered == ["first"] and results == [True, False]
    assert not await answer_once(second, COMMAND, lambda: answer("later"), 0.1)  # confirmed: past any lease


async def test_a_failed_or_refused_answer_lets_a_retry_answer(records: tuple[AnsweredTriggers, AnsweredTriggers]) -> None:
    first, second = records

    async def fail() -> bool:
        raise RuntimeError("Discord refused the reply")

    async def refuse_for_now() -> bool:
        return False  # a cooldown, busy

    async def succeed() -> bool:
        return True

    with pytest.raises(RuntimeError):
        await answer_once(first, COMMAND, fail, LEASE)
    assert await answer_once(second, COMMAND, refuse_for_now, LEASE)
    assert await answer_once(first, COMMAND, succeed, LEASE)
    assert not await answer_once(second, COMMAND, succeed, LEASE)


async def test_redis_records_expire(two_processes: tuple[SharedState, SharedState], redis_client) -> None:
    first, _ = two_processes
    token = await first.answered.claim(COMMAND, LEASE)
    key = RedisAnsweredTriggers.key(COMMAND)
    assert await redis_client.get(key) == token
    assert 0 < await redis_client.pttl(key) <= LEASE * 1000  # while answering: the lease
    await first.answered.confirm(COMMAND, token)  # type: ignore[arg-type]
    assert LEASE * 1000 < await redis_client.pttl(key) <= COMMAND.keep_seconds * 1000  # answered: kept longer
    reaction = Trigger("reaction", 5)
    await answer_once(first.answered, reaction, _settled, LEASE)
    assert await redis_client.ttl(RedisAnsweredTriggers.key(reaction)) > COMMAND.keep_seconds  # reactions come any day


async def _settled() -> bool:
    return True


async def test_without_redis_a_reaction_answer_survives_a_restart(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "bot.sqlite3")
    try:
        reaction = Trigger("reaction", 77)
        assert await answer_once(LocalAnsweredTriggers(store), reaction, _settled, LEASE)
        restarted = LocalAnsweredTriggers(store)
        assert not await answer_once(restarted, reaction, _settled, LEASE)
        assert await answer_once(restarted, Trigger("command", 77), _settled, LEASE)  # memory only: replays come within minutes
    finally:
        await store.close()


async def test_one_process_remembers_a_bounded_number_of_triggers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answered_module, "LOCAL_RECORDS", 8)
    record = LocalAnsweredTriggers()
    for message_id in range(20):
        assert await answer_once(record, Trigger("command", message_id), _settled, LEASE)
    assert len(record._held) <= 8
    assert not await answer_once(record, Trigger("command", 19), _settled, LEASE)  # the latest are remembered
    assert await answer_once(record, Trigger("command", 0), _settled, LEASE)  # the oldest were let go
