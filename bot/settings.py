"""All settings in one typed object, built from `config.toml` and the environment.

Nothing else in the project reads the environment or the config file: every
component receives the part of `Settings` it needs.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

DEFAULT_USER_AGENT = "article-digest-bot/0.1 (a chat bot that summarizes a page someone posted; one request per link)"


@dataclass(frozen=True)
class DiscordSettings:
    token: str = field(default="", repr=False)  # never shown in logs or reprs
    prefix: str = "!"
    api_base: str = ""  # empty: discord.py's own default (the real Discord)
    gateway_url: str = ""
    message_content_intent: bool = True
    # How many digests one user / one guild may ask for per `cooldown_seconds`.
    user_rate: int = 3
    guild_rate: int = 20
    cooldown_seconds: float = 60.0
    # At most this many requests wait for a worker before the bot answers "busy".
    queue_limit: int = 100
    # Seconds to log in and reach the gateway; past this the bot stops and says what it waited for.
    connect_timeout_seconds: float = 60.0
    # Adding this reaction to a message asks for its digest; "" turns the trigger off.
    reaction_trigger: str = "📰"
    # A digest's Refresh button fetches its page again at most once per this many seconds.
    refresh_interval_seconds: float = 60.0
    # Shards: 0 takes Discord's recommendation (GET /gateway/bot); shard_ids are this process's shards, () all of them.
    shard_count: int = 0
    shard_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class StoreSettings:
    path: str = "digest-bot.sqlite3"
    # Empty: the SQLite file at `path`. `sqlite:///file` or `postgresql://user:password@host:port/db`.
    url: str = ""
    cache_ttl_seconds: int = 6 * 3600
    # How long a digest's Refresh and Longer buttons keep working (what it was made from is kept this long).
    buttons_ttl_seconds: int = 30 * 24 * 3600
    # How long the bot remembers which messages the reaction trigger answered (a reaction after that answers again).
    reaction_answers_ttl_seconds: int = 30 * 24 * 3600


@dataclass(frozen=True)
class UnfurlSettings:
    default: str = "off"  # "on" or "off" for channels nobody has set
    max_links: int = 3
    channel_cooldown_seconds: float = 30.0


@dataclass(frozen=True)
class ConversationSettings:
    # The most messages read for one conversation digest (`!summarize last N`, `/summarize` in a thread).
    max_messages: int = 200


@dataclass(frozen=True)
class FetchSettings:
    allowed_networks: tuple[str, ...] = ()
    total_timeout: float = 20.0
    read_timeout: float = 10.0
    connect_timeout: float = 5.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    # PDFs (links and attachments) are read up to this size; HTML and text stop at max_bytes.
    max_pdf_bytes: int = 20_000_000
    user_agent: str = DEFAULT_USER_AGENT
    content_types: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain")
    # Open connections across all fetches, and to any one host.
    max_connections: int = 20
    max_connections_per_host: int = 4


@dataclass(frozen=True)
class DigestSettings:
    min_sentences: int = 3
    max_sentences: int = 5
    max_figures: int = 6
    max_hedges: int = 5
    max_input_chars: int = 2_000_000
    min_words: int = 25
    # Input screening (bot/digest/input_guard.py): above this share of characters
    # that never occur in text, the input is refused as binary data.
    max_binary_share: float = 0.05
    # Diacritics kept on one character; "Zalgo" floods stack hundreds.
    max_combining_marks: int = 4
    # HTML elements in one page; trafilatura slows down sharply beyond a few tens of thousands.
    max_html_elements: int = 40_000
    # PDFs: pages read, and the time and memory of the child process that parses one (docs/SECURITY.md).
    max_pdf_pages: int = 300
    pdf_timeout_seconds: float = 20.0
    pdf_memory_mb: int = 1024
    # A summary model file (bench/train_summarizer.py) to use instead of the shipped one; empty: the shipped one.
    summary_model: str = ""


@dataclass(frozen=True)
class RedisSettings:
    # Empty: cache, cooldowns and answered triggers live in this process. `redis://host:port/db` shares them.
    url: str = ""


@dataclass(frozen=True)
class WorkerSettings:
    # "local": a process pool inside the bot; "queue": jobs on Redis for `python -m bot worker` processes.
    mode: str = "local"
    # Processes that run extraction and summarization off the bot's event loop.
    processes: int = 2
    # A digest not done by then is answered "took too long", so nobody waits forever.
    digest_timeout_seconds: float = 60.0
    # Local pool: its processes are replaced (new ones forked warm, the old ones finish what they hold) once one of
    # them holds this many MB more private memory than as it started (what a long run fragments, copies from the
    # warm fork server or libraries keep); 0: never.
    recycle_growth_mb: float = 32.0
    # Local pool: replaced the same way after this many digests of the pool (about half of them each of 2 workers);
    # 0: never. A worker's memory rises fast in its first 25 digests, then slowly for hundreds (word memos and
    # library caches filling): replaced every 50, the pool stays at its level after 50 digests instead of rising
    # 20 to 30 MB more, for about 1 ms of CPU a digest (5 % in an emulated worker: emptier word memos, a fresh
    # process's first pages copied; docs/PERFORMANCE.md, eleventh session: memory).
    recycle_after_digests: int = 50


@dataclass(frozen=True)
class LoggingSettings:
    level: str = "WARNING"  # DEBUG, INFO, WARNING or ERROR; `-v` makes it INFO
    format: str = "text"  # "text", or "json": one JSON object a line, for log collectors


@dataclass(frozen=True)
class Settings:
    discord: DiscordSettings = DiscordSettings()
    store: StoreSettings = StoreSettings()
    unfurl: UnfurlSettings = UnfurlSettings()
    conversation: ConversationSettings = ConversationSettings()
    fetch: FetchSettings = FetchSettings()
    digest: DigestSettings = DigestSettings()
    redis: RedisSettings = RedisSettings()
    workers: WorkerSettings = WorkerSettings()
    logging: LoggingSettings = LoggingSettings()


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SettingsError(ValueError):
    """The config file or environment holds a value that cannot be used."""


# Environment variables that override a config key: VAR -> (section, key).
_ENV_OVERRIDES: dict[str, tuple[str, str]] = {
    "DISCORD_TOKEN": ("discord", "token"),
    "DISCORD_API_BASE": ("discord", "api_base"),
    "DISCORD_GATEWAY_URL": ("discord", "gateway_url"),
    "DIGEST_BOT_PREFIX": ("discord", "prefix"),
    "DISCORD_SHARD_COUNT": ("discord", "shard_count"),
    "DISCORD_SHARD_IDS": ("discord", "shard_ids"),  # e.g. "0,1"
    "DIGEST_BOT_STORE": ("store", "path"),
    "DIGEST_BOT_STORE_URL": ("store", "url"),
    "DIGEST_BOT_REDIS_URL": ("redis", "url"),
    "DIGEST_BOT_WORKERS_MODE": ("workers", "mode"),
    "DIGEST_BOT_LOG_LEVEL": ("logging", "level"),
}


def _whole_number(section: str, key: str, raw: Any) -> int:
    """`raw` as an int; a fraction, a boolean or a word is an error in plain words (int() said
    "invalid literal for int() with base 10", and cut 2.5 to 2 without a word)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lstrip("+-").isdigit():
        return int(raw)
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    raise SettingsError(f"[{section}] {key} must be a whole number, not {raw!r}")


def _coerce(section: str, key: str, raw: Any, target: Any, annotation: Any = "") -> Any:
    """Convert a TOML or environment value to the type of the default it replaces (a tuple's items: its annotation's)."""
    if isinstance(target, bool):
        if isinstance(raw, str):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        return bool(raw)
    if isinstance(target, int):
        return _whole_number(section, key, raw)
    if isinstance(target, float):
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise SettingsError(f"[{section}] {key} must be a number, not {raw!r}")
        try:
            return float(raw)
        except ValueError:
            raise SettingsError(f"[{section}] {key} must be a number, not {raw!r}") from None
    if isinstance(target, tuple):
        if isinstance(raw, str):
            raw = [part.strip() for part in raw.split(",") if part.strip()]
        if not isinstance(raw, list):
            raise SettingsError(f"[{section}] {key} must be a list")
        if str(annotation).startswith("tuple[int"):
            return tuple(_whole_number(section, f"{key} item", item) for item in raw)
        return tuple(str(item) for item in raw)
    return str(raw)


def _build_section(cls: type, section: str, values: Mapping[str, Any]) -> Any:
    known = {f.name: f for f in dataclasses.fields(cls)}
    defaults = cls()
    kwargs: dict[str, Any] = {}
    for key, raw in values.items():
        if key not in known:
            raise SettingsError(f"unknown setting [{section}] {key}")
        try:
            kwargs[key] = _coerce(section, key, raw, getattr(defaults, key), known[key].type)
        except SettingsError:
            raise
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"[{section}] {key}: {exc}") from exc
    return cls(**kwargs)


def with_overrides(settings: Settings, section: str, values: Mapping[str, Any]) -> Settings:
    """`settings` with some keys of one section replaced (command-line options), read and checked like the file's."""
    current = getattr(settings, section)
    read = _build_section(type(current), section, values)
    changes = {key: getattr(read, key) for key in values}
    changed = dataclasses.replace(settings, **{section: dataclasses.replace(current, **changes)})
    _validate(changed)
    return changed


def _validate_shards(discord: DiscordSettings) -> None:
    if discord.shard_count < 0:
        raise SettingsError("[discord] shard_count must be 1 or more (0: Discord's recommendation)")
    if discord.shard_ids and not discord.shard_count:
        raise SettingsError("[discord] shard_ids needs shard_count too (e.g. --shard-count 2 --shard-ids 0)")
    for shard_id in discord.shard_ids:
        if not 0 <= shard_id < discord.shard_count:
            raise SettingsError(
                f"[discord] shard_ids: {shard_id} is out of range for shard_count {discord.shard_count} "
                f"(0 to {discord.shard_count - 1})"
            )
        if discord.shard_ids.count(shard_id) > 1:
            raise SettingsError(f"[discord] shard_ids: {shard_id} is listed twice")


def _validate(settings: Settings) -> None:
    if settings.unfurl.default not in {"on", "off"}:
        raise SettingsError('[unfurl] default must be "on" or "off"')
    for block in settings.fetch.allowed_networks:
        try:
            ipaddress.ip_network(block, strict=False)
        except ValueError as exc:
            raise SettingsError(f"[fetch] allowed_networks: {exc}") from exc
    if settings.digest.min_sentences < 1 or settings.digest.max_sentences < settings.digest.min_sentences:
        raise SettingsError("[digest] needs 1 <= min_sentences <= max_sentences")
    if settings.discord.connect_timeout_seconds <= 0:
        raise SettingsError("[discord] connect_timeout_seconds must be positive")
    _validate_shards(settings.discord)
    if settings.workers.digest_timeout_seconds <= 0:
        raise SettingsError("[workers] digest_timeout_seconds must be positive")
    if settings.logging.level.upper() not in LOG_LEVELS:
        raise SettingsError(f"[logging] level must be one of {', '.join(LOG_LEVELS)}")
    if settings.logging.format not in {"text", "json"}:
        raise SettingsError('[logging] format must be "text" or "json"')
    if settings.conversation.max_messages < 1:
        raise SettingsError("[conversation] max_messages must be at least 1")
    if settings.store.url and not settings.store.url.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise SettingsError("[store] url must start with sqlite:/// or postgresql:// (empty: the SQLite file at path)")
    if settings.redis.url and not settings.redis.url.startswith(("redis://", "rediss://", "unix://")):
        raise SettingsError("[redis] url must start with redis://, rediss:// or unix:// (empty: no Redis)")
    if settings.workers.mode not in {"local", "queue"}:
        raise SettingsError('[workers] mode must be "local" or "queue"')
    if settings.workers.mode == "queue" and not settings.redis.url:
        raise SettingsError('[workers] mode = "queue" needs [redis] url (the queue lives on Redis)')
    if settings.workers.processes < 0:
        raise SettingsError("[workers] processes must be 0 (run in threads) or more")
    if settings.workers.recycle_growth_mb < 0 or settings.workers.recycle_after_digests < 0:
        raise SettingsError("[workers] recycle_growth_mb and recycle_after_digests must be 0 (never) or more")
    _validate_numbers(settings)


# Limits and timeouts for which 0 means nothing at all (every input refused, no time to fetch), never "no limit".
_MUST_BE_POSITIVE = frozenset({
    ("fetch", "total_timeout"), ("fetch", "read_timeout"), ("fetch", "connect_timeout"), ("fetch", "max_bytes"),
    ("fetch", "max_pdf_bytes"), ("fetch", "max_connections"), ("fetch", "max_connections_per_host"),
    ("digest", "max_input_chars"), ("digest", "max_html_elements"), ("digest", "max_pdf_pages"),
    ("digest", "pdf_timeout_seconds"), ("digest", "pdf_memory_mb"), ("digest", "max_binary_share"), ("unfurl", "max_links"),
})


def _validate_numbers(settings: Settings) -> None:
    """No count, limit or duration below 0 (and the limits above 0): `max_figures = -1` showed no figures and
    `max_hedges = -2` listed none, silently, and a limit of 0 refused every input."""
    for section in dataclasses.fields(settings):
        values = getattr(settings, section.name)
        for key in dataclasses.fields(values):
            value = getattr(values, key.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if (section.name, key.name) in _MUST_BE_POSITIVE and value <= 0:
                raise SettingsError(f"[{section.name}] {key.name} must be more than 0, not {value}")
            if value < 0:
                raise SettingsError(f"[{section.name}] {key.name} must be 0 or more, not {value}")
    if settings.digest.max_binary_share > 1:
        raise SettingsError(f"[digest] max_binary_share is a share of the characters: 1 at most, not {settings.digest.max_binary_share}")


def load_settings(path: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from a TOML file (optional) and environment overrides."""
    environ = os.environ if environ is None else environ
    data: dict[str, dict[str, Any]] = {}
    if path is not None:
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError as exc:
            raise SettingsError(f"config file not found: {path}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"config file {path} is not valid TOML: {exc}") from exc
    sections = {f.name: f.type for f in dataclasses.fields(Settings)}
    for name in data:
        if name not in sections:
            raise SettingsError(f"unknown config section [{name}]")
    merged: dict[str, dict[str, Any]] = {name: dict(data.get(name, {})) for name in sections}
    from_environment = [var for var in _ENV_OVERRIDES if environ.get(var)]
    for var in from_environment:
        section, key = _ENV_OVERRIDES[var]
        merged[section][key] = environ[var]
    classes = {f.name: type(getattr(Settings(), f.name)) for f in dataclasses.fields(Settings)}
    try:
        settings = Settings(**{name: _build_section(classes[name], name, merged[name]) for name in sections})
        _validate(settings)
    except SettingsError as exc:
        raise SettingsError(_naming_environment(str(exc), from_environment)) from exc
    return settings


def _naming_environment(message: str, from_environment: list[str]) -> str:
    """`message`, with the environment variables that set the keys it names: a bad value from
    DISCORD_SHARD_COUNT was reported as "[discord] shard_count", which the config file may not even hold."""
    named = [var for var in from_environment if "[{}] {}".format(*_ENV_OVERRIDES[var]) in message]
    if not named:
        return message
    return f"{message} (set by the environment variable {' and '.join(named)})"
