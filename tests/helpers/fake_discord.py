"""A small fake Discord on 127.0.0.1: the REST routes discord.py calls and a websocket gateway.

The real, unpatched discord.py client connects to it (its API base and gateway
URL pointed here). Every REST request the bot makes is recorded, so tests
assert on what the bot actually sent. Messages the bot posts are echoed back on
the gateway as MESSAGE_CREATE, like Discord does, so a test can prove the bot
never answers itself.

It speaks for several shards as Discord does: IDENTIFY's `shard` is honoured, READY
carries it and lists that shard's guilds only, a guild's events go to shard
`(guild_id >> 22) % shard_count` and events outside any guild (DMs) to shard 0.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from aiohttp import WSMsgType, web

from tests.helpers.loopback import serve_on_loopback

log = logging.getLogger(__name__)

DISCORD_EPOCH_MS = 1420070400000
HEARTBEAT_INTERVAL_MS = 41_250
PERM_ADMIN_LIKE = (1 << 5) | (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16)  # manage guild, view, send, embed, attach, history
MESSAGE_CONTENT_INTENT = 1 << 15
PERM_MEMBER = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16)
PERM_MANAGE_MESSAGES = 1 << 13


@dataclass
class RecordedRequest:
    method: str
    path: str  # without the API prefix, e.g. /channels/1/messages
    query: dict[str, str]
    headers: dict[str, str]
    json: Any = None  # the JSON body, or the multipart payload_json
    files: list[dict[str, Any]] = field(default_factory=list)  # {"name", "filename", "content": bytes}
    status: int = 200
    via: str = ""  # the label of the API base it came through (api_base_for), "" for the plain one

    def __repr__(self) -> str:
        return f"<{self.method} {self.path} -> {self.status}>"


@dataclass
class FakeUser:
    id: int
    username: str
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.username,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


class FakeDiscord:
    """One guild with two text channels (more with add_guild), a bot user, an admin, a member and another bot."""

    def __init__(self, token: str = "fake-token", message_content_allowed: bool = True, recommended_shards: int = 1) -> None:
        self.token = token
        self.recommended_shards = recommended_shards  # what GET /gateway/bot answers
        # False: like an application whose message-content intent is off in the Developer Portal.
        self.message_content_allowed = message_content_allowed
        self._ids = itertools.count(1)
        self.application_id = self._snowflake()
        self.bot_user = FakeUser(self.application_id, "DigestBot", bot=True)
        self.admin = FakeUser(self._snowflake(), "alice")
        self.member = FakeUser(self._snowflake(), "bob")
        self.other_bot = FakeUser(self._snowflake(), "otherbot", bot=True)
        self.moderator = FakeUser(self._snowflake(), "mod")  # Manage Messages, nothing else beyond a member's
        self.guild_id = self._snowflake()
        self.admin_role_id = self._snowflake()
        self.channel_id = self._snowflake()
        self.second_channel_id = self._snowflake()
        self.thread_id = self._snowflake()  # a public thread in the first channel
        self.private_channel_id = self._snowflake()  # only the admin role may read its history
        self.extra_guilds: dict[int, int] = {}  # guild id -> its one text channel (add_guild)
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self.requests: list[RecordedRequest] = []
        self.identifies: list[dict[str, Any]] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.attachments: dict[str, bytes] = {}
        self.commands: list[dict[str, Any]] = []
        self.interaction_messages: dict[str, int] = {}  # interaction token -> id of the message its component is on
        self._rate_limits: list[tuple[str, re.Pattern[str], float]] = []
        self._sockets: list[web.WebSocketResponse] = []
        self._socket_shards: dict[int, tuple[int, int]] = {}  # id(socket) -> (shard id, shard count) it identified with
        self.gateway_paths: list[str] = []  # the path of every gateway connection
        self._seq = 0
        self._changed = asyncio.Condition()
        self._identified = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- addresses -------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v10"

    def api_base_for(self, label: str) -> str:
        """The same API at another base: requests through it are recorded with `via=label`, to tell bot processes apart."""
        return f"{self.base_url}/{label}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- lifecycle -------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/{name}", self._gateway)  # another address for the same gateway (a proxy's)
        app.router.add_get("/attachments/{key}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        app.router.add_route("*", "/{label}/api/v10/{tail:.*}", self._rest)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def drop_connections(self) -> None:
        """Close every gateway connection, as when the bot process exits."""
        for socket in list(self._sockets):
            await socket.close()
        self._identified.clear()

    # -- ids and payloads --------------------------------------------------

    def _snowflake(self, shard: tuple[int, int] = (0, 1)) -> int:
        """A new id; with `shard` (id, count), a guild id whose events go to that shard."""
        shard_id, shard_count = shard
        elapsed_ms = int(datetime.now(timezone.utc).timestamp() * 1000) - DISCORD_EPOCH_MS
        elapsed_ms -= (elapsed_ms - shard_id) % shard_count
        return (elapsed_ms << 22) | next(self._ids)

    def add_guild(self, shard_id: int, shard_count: int) -> tuple[int, int]:
        """Another guild, with one text channel, on shard `shard_id` of `shard_count`: (guild id, channel id)."""
        guild_id = self._snowflake((shard_id, shard_count))
        self.extra_guilds[guild_id] = self._snowflake()
        return guild_id, self.extra_guilds[guild_id]

    def guild_of(self, channel_id: int) -> int:
        return next((guild for guild, channel in self.extra_guilds.items() if channel == channel_id), self.guild_id)

    @staticmethod
    def shard_of(guild_id: int | None, shard_count: int) -> int:
        """Discord's rule: a guild's events go to shard (guild_id >> 22) % shard_count; DMs to shard 0."""
        return (guild_id >> 22) % shard_count if guild_id else 0

    def _member_payload(self, user: FakeUser, with_user: bool = True) -> dict[str, Any]:
        roles = [str(self.admin_role_id)] if user is self.admin else []
        payload: dict[str, Any] = {
            "roles": roles,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
        }
        if with_user:
            payload["user"] = user.payload()
        return payload

    def _channel_payload(self, channel_id: int, name: str, position: int) -> dict[str, Any]:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_of(channel_id)),
            "name": name,
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
        }

    def _thread_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.thread_id),
            "type": 11,
            "guild_id": str(self.guild_id),
            "parent_id": str(self.channel_id),
            "owner_id": str(self.admin.id),
            "name": "release plans",
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 2,
            "flags": 0,
            "thread_metadata": {
                "archived": False, "auto_archive_duration": 1440, "archive_timestamp": self._timestamp(), "locked": False,
            },
        }

    def _private_channel_payload(self) -> dict[str, Any]:
        channel = self._channel_payload(self.private_channel_id, "mods", 2)
        channel["permission_overwrites"] = [
            {"id": str(self.guild_id), "type": 0, "allow": "0", "deny": str(1 << 16)},  # @everyone: no history
            {"id": str(self.admin_role_id), "type": 0, "allow": str(1 << 16), "deny": "0"},
        ]
        return channel

    def guild_payload(self, guild_id: int | None = None) -> dict[str, Any]:
        guild_id = guild_id or self.guild_id
        if guild_id == self.guild_id:
            channels = [
                self._channel_payload(self.channel_id, "general", 0),
                self._channel_payload(self.second_channel_id, "news", 1),
                self._private_channel_payload(),
            ]
            threads = [self._thread_payload()]
        else:
            channels, threads = [self._channel_payload(self.extra_guilds[guild_id], "general", 0)], []
        return {
            "id": str(guild_id),
            "name": "Test Guild",
            "icon": None,
            "owner_id": str(self.other_bot.id),  # nobody under test owns it: permissions come from roles
            "unavailable": False,
            "member_count": 4,
            "large": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                {"id": str(guild_id), "name": "@everyone", "permissions": str(PERM_MEMBER), "position": 0,
                 "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
                {"id": str(self.admin_role_id), "name": "admin", "permissions": str(PERM_ADMIN_LIKE), "position": 1,
                 "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
            ],
            "channels": channels,
            "threads": threads,
            "members": [self._member_payload(self.bot_user)],
            "voice_states": [],
            "presences": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "system_channel_flags": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "joined_at": "2024-01-01T00:00:00+00:00",
        }

    def _timestamp(self) -> str:
        return datetime.now(timezone.utc).isoformat()

    def attachment(self, filename: str, content: bytes, content_type: str = "text/plain; charset=utf-8") -> dict[str, Any]:
        """An attachment payload whose URL the fake serves (its CDN)."""
        key = str(self._snowflake())
        self.attachments[key] = content
        url = f"{self.base_url}/attachments/{key}"
        return {
            "id": key,
            "filename": filename,
            "size": len(content),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
        }

    def message_payload(
        self,
        content: str,
        author: FakeUser,
        channel_id: int | None = None,
        *,
        guild: bool = True,
        attachments: list[dict[str, Any]] | None = None,
        reference: dict[str, Any] | None = None,
        mentions: list[FakeUser] | None = None,
        embeds: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        message_id = self._snowflake()
        payload: dict[str, Any] = {
            "id": str(message_id),
            "channel_id": str(channel_id or self.channel_id),
            "type": 19 if reference else 0,
            "content": content,
            "author": author.payload(),
            "attachments": attachments or [],
            "embeds": embeds or [],
            "mentions": [u.payload() for u in (mentions or [])],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": self._timestamp(),
            "edited_timestamp": None,
            "flags": 0,
            "components": [],
        }
        if guild:
            payload["guild_id"] = str(self.guild_of(int(payload["channel_id"])))
            payload["member"] = self._member_payload(author, with_user=False)
        if reference:
            payload["message_reference"] = {
                "message_id": reference["id"],
                "channel_id": reference["channel_id"],
                **({"guild_id": reference["guild_id"]} if "guild_id" in reference else {}),
            }
            payload["referenced_message"] = reference
        self.messages[message_id] = payload
        return payload

    def dm_channel_for(self, user: FakeUser) -> int:
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = self._snowflake()
        return self.dm_channels[user.id]

    # -- driving the bot ---------------------------------------------------

    async def wait_identified(self, timeout: float = 10.0, shard_ids: tuple[int, ...] = ()) -> None:
        """Wait for an IDENTIFY; with `shard_ids`, until a connection identified for each of those shards."""
        if not shard_ids:
            await asyncio.wait_for(self._identified.wait(), timeout)
            return
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(
                lambda: set(shard_ids) <= {shard_id for shard_id, _count in self._socket_shards.values()}), timeout)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send an event to the connection of the shard it belongs to (every connection of an unsharded bot)."""
        self._seq += 1
        frame = json.dumps({"op": 0, "t": event, "s": self._seq, "d": data})
        guild_id = int(data["guild_id"]) if data.get("guild_id") else None
        for socket in list(self._sockets):
            shard_id, shard_count = self._socket_shards.get(id(socket), (0, 1))
            if not socket.closed and shard_id == self.shard_of(guild_id, shard_count):
                await socket.send_str(frame)

    async def send_message(self, content: str, author: FakeUser | None = None, **kwargs: Any) -> dict[str, Any]:
        payload = self.message_payload(content, author or self.member, **kwargs)
        await self.dispatch("MESSAGE_CREATE", payload)
        return payload

    async def send_dm(self, content: str, author: FakeUser | None = None, **kwargs: Any) -> dict[str, Any]:
        author = author or self.member
        channel_id = self.dm_channel_for(author)
        return await self.send_message(content, author, channel_id=channel_id, guild=False, **kwargs)

    async def react(self, message: dict[str, Any], emoji: str = "📰", user: FakeUser | None = None) -> None:
        """Dispatch MESSAGE_REACTION_ADD: `user` added `emoji` (a Unicode emoji) to `message`."""
        user = user or self.member
        payload: dict[str, Any] = {
            "user_id": str(user.id),
            "channel_id": message["channel_id"],
            "message_id": message["id"],
            "message_author_id": message["author"]["id"],
            "emoji": {"id": None, "name": emoji},
            "burst": False,
            "burst_colors": [],
            "type": 0,
        }
        if "guild_id" in message:
            payload["guild_id"] = message["guild_id"]
            payload["member"] = self._member_payload(user)
        await self.dispatch("MESSAGE_REACTION_ADD", payload)

    def _interaction_base(self, user: FakeUser, channel_id: int | None) -> dict[str, Any]:
        interaction_id = self._snowflake()
        channel = (
            self._thread_payload() if channel_id == self.thread_id
            else self._private_channel_payload() if channel_id == self.private_channel_id
            else self._channel_payload(channel_id or self.channel_id, "general", 0)
        )
        member = self._member_payload(user)
        member["permissions"] = str(
            PERM_ADMIN_LIKE if user is self.admin else (PERM_MEMBER | PERM_MANAGE_MESSAGES) if user is self.moderator else PERM_MEMBER
        )
        return {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "token": f"interaction-token-{interaction_id}",
            "version": 1,
            "guild_id": str(self.guild_id),
            "channel_id": str(channel_id or self.channel_id),
            "channel": channel,
            "member": member,
            "app_permissions": str(PERM_ADMIN_LIKE),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }

    def _command_id(self, name: str) -> str:
        for command in self.commands:
            if command.get("name") == name:
                return str(command["id"])
        return str(self._snowflake())

    async def slash_command(
        self, name: str, options: dict[str, Any], user: FakeUser | None = None, channel_id: int | None = None
    ) -> dict[str, Any]:
        """Dispatch a chat-input interaction; option types are inferred from the Python values.

        `name` may name a subcommand: "digest me off" is the command "digest", its group "me", its subcommand "off".
        """
        payload = self._interaction_base(user or self.member, channel_id)
        typed = []
        for key, value in options.items():
            kind = 4 if isinstance(value, int) and not isinstance(value, bool) else 3
            typed.append({"name": key, "type": kind, "value": value})
        command, *path = name.split()
        for depth, part in reversed(list(enumerate(path))):
            # The last word is a subcommand (type 1); words before it are subcommand groups (type 2).
            typed = [{"name": part, "type": 1 if depth == len(path) - 1 else 2, "options": typed}]
        payload["type"] = 2
        payload["data"] = {"id": self._command_id(command), "name": command, "type": 1, "options": typed}
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def press_button(self, message: dict[str, Any], custom_id: str, user: FakeUser | None = None) -> dict[str, Any]:
        """Dispatch a component interaction: `user` pressed the button `custom_id` on `message`."""
        in_guild = "guild_id" in message
        payload = self._interaction_base(user or self.member, int(message["channel_id"]))
        if not in_guild:
            del payload["guild_id"], payload["member"]
            payload["user"] = (user or self.member).payload()
            payload["channel"] = {"id": message["channel_id"], "type": 1, "recipients": [payload["user"]], "last_message_id": None}
            payload["context"] = 1
        payload["type"] = 3
        payload["message"] = message
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        self.interaction_messages[payload["token"]] = int(message["id"])
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def message_command(self, name: str, target: dict[str, Any], user: FakeUser | None = None) -> dict[str, Any]:
        """Dispatch a message context-menu interaction (Apps > name) on `target`."""
        payload = self._interaction_base(user or self.member, int(target["channel_id"]))
        payload["type"] = 2
        payload["data"] = {
            "id": self._command_id(name),
            "name": name,
            "type": 3,
            "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}},
        }
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    # -- assertions ----------------------------------------------------------

    def rate_limit_once(self, method: str, path_pattern: str, retry_after: float = 0.2) -> None:
        """Answer the next matching request with a 429 carrying `retry_after`."""
        self._rate_limits.append((method, re.compile(path_pattern), retry_after))

    def find(self, method: str | None = None, path: str | None = None) -> list[RecordedRequest]:
        pattern = re.compile(path) if path else None
        return [
            r for r in self.requests
            if (method is None or r.method == method) and (pattern is None or pattern.fullmatch(r.path))
        ]

    async def wait_for(
        self, predicate: Callable[[RecordedRequest], bool], count: int = 1, timeout: float = 15.0
    ) -> list[RecordedRequest]:
        """Wait until at least `count` recorded requests satisfy `predicate`."""

        def matching() -> list[RecordedRequest]:
            return [r for r in self.requests if predicate(r)]

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(matching()) >= count), timeout)
        return matching()

    async def wait_for_request(
        self, method: str, path: str, count: int = 1, timeout: float = 15.0
    ) -> list[RecordedRequest]:
        pattern = re.compile(path)
        return await self.wait_for(lambda r: r.method == method and bool(pattern.fullmatch(r.path)), count, timeout)

    async def _record(self, request: RecordedRequest) -> None:
        async with self._changed:
            self.requests.append(request)
            self._changed.notify_all()

    # -- the gateway -----------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._sockets.append(socket)
        self.gateway_paths.append(request.path)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}}))
        try:
            async for frame in socket:
                if frame.type != WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                op = message.get("op")
                if op == 1:
                    await socket.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    await self._identify(socket, message["d"])
                elif op == 6:  # RESUME: this fake keeps no sessions
                    await socket.send_str(json.dumps({"op": 9, "d": False}))
        finally:
            if socket in self._sockets:
                self._sockets.remove(socket)
            self._socket_shards.pop(id(socket), None)
        return socket

    async def _identify(self, socket: web.WebSocketResponse, data: dict[str, Any]) -> None:
        if data.get("token") != self.token:
            await socket.close(code=4004, message=b"Authentication failed.")
            return
        if not self.message_content_allowed and int(data.get("intents", 0)) & MESSAGE_CONTENT_INTENT:
            await socket.close(code=4014, message=b"Disallowed intent(s).")
            return
        shard_id, shard_count = data.get("shard") or (0, 1)
        if not 0 <= shard_id < shard_count:
            await socket.close(code=4010, message=b"Invalid shard.")
            return
        self.identifies.append(data)
        self._socket_shards[id(socket)] = (shard_id, shard_count)
        guilds = [g for g in (self.guild_id, *self.extra_guilds) if self.shard_of(g, shard_count) == shard_id]
        self._seq += 1
        ready = {
            "v": 10,
            "user": self.bot_user.payload(),
            "guilds": [{"id": str(guild_id), "unavailable": True} for guild_id in guilds],
            "shard": [shard_id, shard_count],
            "session_id": f"session-{self._seq}",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
        }
        await socket.send_str(json.dumps({"op": 0, "t": "READY", "s": self._seq, "d": ready}))
        for guild_id in guilds:
            self._seq += 1
            await socket.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": self._seq, "d": self.guild_payload(guild_id)}))
        async with self._changed:
            self._changed.notify_all()  # for wait_identified(shard_ids=...)
        self._identified.set()

    # -- REST ----------------------------------------------------------------

    async def _attachment(self, request: web.Request) -> web.Response:
        content = self.attachments.get(request.match_info["key"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content, content_type="text/plain")

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if request.content_type.startswith("multipart/"):
            payload: Any = None
            files: list[dict[str, Any]] = []
            reader = await request.multipart()
            async for part in reader:
                data = await part.read()  # type: ignore[union-attr]
                if part.name == "payload_json":  # type: ignore[union-attr]
                    payload = json.loads(data)
                else:
                    files.append({"name": part.name, "filename": part.filename, "content": bytes(data)})  # type: ignore[union-attr]
            return payload, files
        raw = await request.read()
        if not raw:
            return None, []
        try:
            return json.loads(raw), []
        except ValueError:
            return raw.decode("utf-8", "replace"), []

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body, files = await self._read_body(request)
        recorded = RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            headers=dict(request.headers),
            json=body,
            files=files,
            via=request.match_info.get("label", ""),
        )
        if request.headers.get("Authorization") != f"Bot {self.token}" and not path.startswith(("/webhooks/", "/interactions/")):
            recorded.status = 401
            await self._record(recorded)
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        for index, (method, pattern, retry_after) in enumerate(self._rate_limits):
            if method == request.method and pattern.fullmatch(path):
                del self._rate_limits[index]
                recorded.status = 429
                await self._record(recorded)
                return _json(
                    {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
                    status=429,
                    headers={"Via": "1.1 google", "Retry-After": str(retry_after), "X-RateLimit-Scope": "user"},
                )
        status, answer = self._route(request.method, path, body, files, dict(request.query))
        recorded.status = status
        await self._record(recorded)
        if status == 204:
            return web.Response(status=204)
        return _json(answer, status=status)

    def _route(
        self, method: str, path: str, body: Any, files: list[dict[str, Any]], query: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        app = str(self.application_id)
        if method == "GET" and path in ("/gateway/bot", "/gateway"):
            return 200, {
                "url": self.gateway_url,
                "shards": self.recommended_shards,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            }
        if method == "GET" and path == "/users/@me":
            return 200, self.bot_user.payload()
        if method == "GET" and path in ("/oauth2/applications/@me", "/applications/@me"):
            return 200, {
                "id": app,
                "name": "DigestBot",
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": 0,
                "owner": self.admin.payload(),
                "team": None,
                "summary": "",
            }
        if method == "PUT" and re.fullmatch(rf"/applications/{app}/commands", path):
            self.commands = [
                {"description": "", "options": [], "default_member_permissions": None, "dm_permission": True,
                 "nsfw": False, **c, "id": str(self._snowflake()), "application_id": app, "version": "1"}
                for c in body or []
            ]
            return 200, self.commands
        if method == "GET" and re.fullmatch(rf"/applications/{app}/commands", path):
            return 200, self.commands
        if method == "POST" and path == "/users/@me/channels":
            user_id = int(body["recipient_id"])
            user = next((u for u in (self.admin, self.member, self.other_bot, self.moderator) if u.id == user_id), None)
            if user is None:
                return 404, {"message": "Unknown User", "code": 10013}
            return 200, {"id": str(self.dm_channel_for(user)), "type": 1, "recipients": [user.payload()], "last_message_id": None}
        if method == "POST" and (match := re.fullmatch(r"/channels/(\d+)/typing", path)):
            return 204, None
        if method == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages", path)):
            channel_id = int(match.group(1))
            guild = channel_id in self.guild_channel_ids
            return 200, self._bot_message(body or {}, files, channel_id, guild)
        if method == "GET" and (match := re.fullmatch(r"/channels/(\d+)/messages", path)):
            return 200, self.history(int(match.group(1)), query or {})
        if method == "GET" and (match := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", path)):
            found = self.messages.get(int(match.group(2)))
            return (200, found) if found else (404, {"message": "Unknown Message", "code": 10008})
        if method == "POST" and re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path):
            kind = (body or {}).get("type")
            resource: dict[str, Any] = {"type": kind}
            if kind == 4:
                resource["message"] = self._bot_message((body or {}).get("data") or {}, files, self.channel_id, True, echo=False)
            return 200, {"interaction": {"id": path.split("/")[2], "type": 2}, "resource": resource}
        if method == "POST" and re.fullmatch(rf"/webhooks/{app}/[^/]+", path):
            return 200, self._bot_message(body or {}, files, self.channel_id, True, echo=False)
        if method == "PATCH" and (match := re.fullmatch(rf"/webhooks/{app}/([^/]+)/messages/@original", path)):
            edited = self.messages.get(self.interaction_messages.get(match.group(1), 0))
            if edited is not None:  # a component's interaction: its message is edited in place
                edited.update({k: v for k, v in (body or {}).items() if k in ("content", "embeds", "components")})
                edited["edited_timestamp"] = self._timestamp()
                return 200, edited
        if method == "PATCH" and re.fullmatch(rf"/webhooks/{app}/[^/]+/messages/[^/]+", path):
            return 200, self._bot_message(body or {}, files, self.channel_id, True, echo=False)
        return 404, {"message": f"the fake Discord does not serve {method} {path}", "code": 0}

    @property
    def guild_channel_ids(self) -> tuple[int, ...]:
        return (self.channel_id, self.second_channel_id, self.thread_id, self.private_channel_id, *self.extra_guilds.values())

    def history(self, channel_id: int, query: dict[str, str]) -> list[dict[str, Any]]:
        """A channel's messages, newest first, as GET /channels/{id}/messages answers (limit, before, after)."""
        limit = min(int(query.get("limit", 50)), 100)
        before = int(query["before"]) if "before" in query else None
        after = int(query["after"]) if "after" in query else None
        found = sorted(
            (m for m in self.messages.values()
             if int(m["channel_id"]) == channel_id
             and (before is None or int(m["id"]) < before)
             and (after is None or int(m["id"]) > after)),
            key=lambda m: int(m["id"]),
            reverse=True,
        )
        return found[:limit]

    def _bot_message(
        self, body: dict[str, Any], files: list[dict[str, Any]], channel_id: int, guild: bool, echo: bool = True
    ) -> dict[str, Any]:
        reference = None
        if body.get("message_reference"):
            reference = self.messages.get(int(body["message_reference"]["message_id"]))
        payload = self.message_payload(
            body.get("content") or "",
            self.bot_user,
            channel_id,
            guild=guild,
            reference=reference,
            embeds=body.get("embeds") or [],
            attachments=[self.attachment(f["filename"] or "file", f["content"]) for f in files],
        )
        payload["components"] = body.get("components") or []
        if body.get("flags"):
            payload["flags"] = body["flags"]
        if echo:
            # Discord sends the bot its own message back over the gateway.
            asyncio.get_running_loop().create_task(self.dispatch("MESSAGE_CREATE", payload))
        return payload


def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses a body as JSON only when the content type is exactly application/json.
    return web.Response(
        body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json", **(headers or {})}
    )


def embed_total_length(embed: dict[str, Any]) -> int:
    """The characters Discord counts toward the 6,000 limit of one embed."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for item in embed.get("fields") or []:
        total += len(item.get("name") or "") + len(item.get("value") or "")
    return total


def assert_within_discord_limits(payload: dict[str, Any]) -> None:
    """Fail if a message payload breaks any of Discord's documented size limits."""
    assert len(payload.get("content") or "") <= 2000
    embeds = payload.get("embeds") or []
    assert len(embeds) <= 10
    assert sum(embed_total_length(e) for e in embeds) <= 6000
    for embed in embeds:
        assert len(embed.get("title") or "") <= 256
        assert len(embed.get("description") or "") <= 4096
        assert len((embed.get("footer") or {}).get("text") or "") <= 2048
        fields = embed.get("fields") or []
        assert len(fields) <= 25
        for item in fields:
            assert 0 < len(item["name"]) <= 256
            assert 0 < len(item["value"]) <= 1024
