"""Which triggers got their reply, so each gets exactly one: across gateway resumes, replayed
events, several bot processes and retried jobs.

A trigger is what asked for an answer: a command message, a link to unfurl, a DM, a
reaction on a message (one reply a message, however many react), an interaction.
`answer_once` claims it before answering (`SET key token NX PX lease` on Redis), keeps
the record once answered, and releases it when no answer could be made (an error, or a
refusal for now such as a cooldown), so a retry can answer. The claim is a lease: a
process that dies mid-answer does not hold the trigger forever.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Literal, Protocol

from bot.shared_state import KEY_PREFIX

if TYPE_CHECKING:
    from bot.store.database import Store

log = logging.getLogger(__name__)

TriggerKind = Literal["command", "dm", "unfurl", "reaction", "interaction"]

# How long an answered trigger is remembered. Replays come within minutes of the event; a
# reaction can come any day, so its record lasts as long as a digest's buttons (30 days).
KEEP_SECONDS: dict[str, float] = {"reaction": 30 * 24 * 3600}
DEFAULT_KEEP_SECONDS = 24 * 3600.0
LOCAL_RECORDS = 100_000  # triggers one process remembers at most (a few tens of MB)


@dataclass(frozen=True)
class Trigger:
    kind: TriggerKind
    id: int  # the message's id (the reacted-to message for a reaction), or the interaction's

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def keep_seconds(self) -> float:
        return KEEP_SECONDS.get(self.kind, DEFAULT_KEEP_SECONDS)


class AnsweredTriggers(Protocol):
    async def claim(self, trigger: Trigger, lease_seconds: float) -> str | None:
        """A token when this process may answer: nobody answered and nobody is answering. None: leave it."""
        ...

    async def confirm(self, trigger: Trigger, token: str) -> None:
        """Answered: remember it for `trigger.keep_seconds`, so replays stay quiet."""
        ...

    async def release(self, trigger: Trigger, token: str) -> None:
        """Not answered after all: a later event of the same trigger may claim it."""
        ...


async def answer_once(
    triggers: AnsweredTriggers, trigger: Trigger, answer: Callable[[], Awaitable[bool]], lease_seconds: float
) -> bool:
    """Run `answer` unless the trigger is answered or being answered; False when it was left alone.

    `answer` returns whether the trigger is settled; False (refused for now) or an
    exception releases the claim so a retry can answer."""
    token = await triggers.claim(trigger, lease_seconds)
    if token is None:
        log.info("%s is answered already; not answering again", trigger.name)
        return False
    settled = False
    try:
        settled = await answer()
    finally:
        if settled:
            await triggers.confirm(trigger, token)
        else:
            await triggers.release(trigger, token)
    return True


class LocalAnsweredTriggers:
    """This process's record, in memory; reactions also in the store, so a restart does not answer one twice."""

    def __init__(self, store: "Store | None" = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self._clock = clock
        self._held: dict[str, tuple[str, float]] = {}  # trigger name -> (token, expires at)

    def _durable(self, trigger: Trigger) -> bool:
        return trigger.kind == "reaction" and self.store is not None

    async def claim(self, trigger: Trigger, lease_seconds: float) -> str | None:
        now = self._clock()
        held = self._held.get(trigger.name)
        if held is not None and held[1] > now:
            return None
        token = uuid.uuid4().hex
        self._held.pop(trigger.name, None)  # re-inserted last: the order is the order of claims
        self._held[trigger.name] = (token, now + lease_seconds)  # before any await: two claims cannot both pass
        if self._durable(trigger) and not await self.store.claim_reaction_answer(trigger.id):  # type: ignore[union-attr]
            self._held[trigger.name] = (token, now + trigger.keep_seconds)
            return None
        if len(self._held) > LOCAL_RECORDS:
            self._forget(now)
        return token

    def _forget(self, now: float) -> None:
        """Bound the memory: drop what expired, then the oldest claims (long answered) down to three quarters."""
        for name in [name for name, (_token, expires) in self._held.items() if expires <= now]:
            del self._held[name]
        while len(self._held) > LOCAL_RECORDS * 3 // 4:
            del self._held[next(iter(self._held))]  # dicts keep insertion order: the oldest first

    async def confirm(self, trigger: Trigger, token: str) -> None:
        if self._held.get(trigger.name, ("", 0.0))[0] == token:
            self._held[trigger.name] = (token, self._clock() + trigger.keep_seconds)

    async def release(self, trigger: Trigger, token: str) -> None:
        if self._held.get(trigger.name, ("", 0.0))[0] != token:
            return
        del self._held[trigger.name]
        if self._durable(trigger):
            await self.store.release_reaction_answer(trigger.id)  # type: ignore[union-attr]


# Change a claim only while it is still ours (the lease may have passed to another process).
_CONFIRM = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisAnsweredTriggers:
    """Every process's record, on one Redis: a key a trigger, holding the token of the process answering it."""

    def __init__(self, client: Any, errors: tuple[type[BaseException], ...]) -> None:
        self.client = client
        self._confirm = client.register_script(_CONFIRM)
        self._release = client.register_script(_RELEASE)
        self._errors = errors

    @staticmethod
    def key(trigger: Trigger) -> str:
        return f"{KEY_PREFIX}answered:{trigger.name}"

    async def claim(self, trigger: Trigger, lease_seconds: float) -> str | None:
        token = uuid.uuid4().hex
        try:
            won = await self.client.set(self.key(trigger), token, nx=True, px=max(1, round(lease_seconds * 1000)))
        except self._errors as exc:
            # Unsure whether it was answered: better a possible second reply than none.
            log.warning("answered triggers unreachable (%s); answering %s", exc, trigger.name)
            return token
        return token if won else None

    async def confirm(self, trigger: Trigger, token: str) -> None:
        try:
            await self._confirm(keys=[self.key(trigger)], args=[token, round(trigger.keep_seconds * 1000)])
        except self._errors as exc:
            log.warning("answered triggers unreachable (%s); %s not recorded", exc, trigger.name)

    async def release(self, trigger: Trigger, token: str) -> None:
        try:
            await self._release(keys=[self.key(trigger)], args=[token])
        except self._errors as exc:
            log.warning("answered triggers unreachable (%s); %s stays claimed until its lease ends", exc, trigger.name)
