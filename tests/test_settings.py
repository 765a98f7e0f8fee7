from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings


def test_defaults_without_file_or_environment() -> None:
    settings = load_settings(None, environ={})
    assert settings == Settings()
    assert settings.fetch.allowed_networks == ()
    assert settings.unfurl.default == "off"


def test_file_values_and_environment_overrides(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[discord]\nprefix = "?"\napi_base = "http://127.0.0.1:1/api/v10"\n'
        '[store]\npath = "x.sqlite3"\n[unfurl]\ndefault = "on"\n'
        '[fetch]\nallowed_networks = ["127.0.0.0/8"]\nmax_bytes = 1000\n'
    )
    settings = load_settings(config, environ={"DISCORD_TOKEN": "secret", "DISCORD_GATEWAY_URL": "ws://127.0.0.1:2"})
    assert settings.discord.prefix == "?"
    assert settings.discord.token == "secret"
    assert settings.discord.gateway_url == "ws://127.0.0.1:2"
    assert settings.store.path == "x.sqlite3"
    assert settings.unfurl.default == "on"
    assert settings.fetch.allowed_networks == ("127.0.0.0/8",)
    assert settings.fetch.max_bytes == 1000


def test_token_is_not_in_repr() -> None:
    settings = load_settings(None, environ={"DISCORD_TOKEN": "very-secret-token"})
    assert "very-secret-token" not in repr(settings)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[nope]\n", "unknown config section"),
        ("[discord]\nprefx = '!'\n", "unknown setting"),
        ("[unfurl]\ndefault = 'maybe'\n", "on"),
        ("[fetch]\nallowed_networks = ['not a network']\n", "allowed_networks"),
        ("[fetch]\nmax_bytes = 'lots'\n", "max_bytes"),
        ("this is = = not toml", "not valid TOML"),
    ],
)
def test_bad_config_gives_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text)
    with pytest.raises(SettingsError, match=message):
        load_settings(config, environ={})


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="not found"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_scale_out_settings_are_read_and_checked() -> None:
    settings = load_settings(environ={
        "DIGEST_BOT_STORE_URL": "postgresql://bot@127.0.0.1:5432/bot",
        "DIGEST_BOT_REDIS_URL": "redis://127.0.0.1:6379/0",
        "DIGEST_BOT_WORKERS_MODE": "queue",
    })
    assert settings.store.url.startswith("postgresql://")
    assert settings.redis.url == "redis://127.0.0.1:6379/0"
    assert settings.workers.mode == "queue"
    with pytest.raises(SettingsError, match="needs \\[redis\\] url"):
        load_settings(environ={"DIGEST_BOT_WORKERS_MODE": "queue"})
    with pytest.raises(SettingsError, match="\\[store\\] url"):
        load_settings(environ={"DIGEST_BOT_STORE_URL": "mysql://x"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A value of the wrong kind: int() said "invalid literal for int() with base 10", and cut 2.5 and true silently.
        ("[digest]\nmax_figures = 'six'\n", "[digest] max_figures must be a whole number, not 'six'"),
        ("[digest]\nmin_words = 2.5\n", "[digest] min_words must be a whole number, not 2.5"),  # int() cut it to 2
        ("[discord]\nuser_rate = true\n", "[discord] user_rate must be a whole number, not True"),  # int() made it 1
        ("[discord]\ncooldown_seconds = 'a minute'\n", "[discord] cooldown_seconds must be a number, not 'a minute'"),
        ("[discord]\nshard_count = 2\nshard_ids = [0, 'one']\n", "[discord] shard_ids item must be a whole number, not 'one'"),
        # Out of range: max_figures = -1 showed no figures and max_hedges = -2 listed none, silently.
        ("[digest]\nmax_figures = -1\n", "[digest] max_figures must be 0 or more, not -1"),  # showed no figures, silently
        ("[digest]\nmax_hedges = -2\n", "[digest] max_hedges must be 0 or more, not -2"),
        ("[discord]\nuser_rate = -1\n", "[discord] user_rate must be 0 or more, not -1"),
        ("[digest]\nmax_input_chars = 0\n", "[digest] max_input_chars must be more than 0, not 0"),  # refused every input
        ("[fetch]\ntotal_timeout = 0\n", "[fetch] total_timeout must be more than 0, not 0.0"),
        ("[digest]\nmax_binary_share = 2\n", "[digest] max_binary_share is a share of the characters: 1 at most, not 2.0"),
    ],
)
def test_a_value_of_the_wrong_kind_or_out_of_range_is_said_in_plain_words(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text)
    with pytest.raises(SettingsError) as raised:
        load_settings(config, environ={})
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DISCORD_SHARD_COUNT": "abc"}, "[discord] shard_count must be a whole number, not 'abc' (set by the environment variable DISCORD_SHARD_COUNT)"),
        ({"DIGEST_BOT_LOG_LEVEL": "LOUD"}, "[logging] level must be one of DEBUG, INFO, WARNING, ERROR (set by the environment variable DIGEST_BOT_LOG_LEVEL)"),
        ({"DIGEST_BOT_WORKERS_MODE": "quue", "DIGEST_BOT_LOG_LEVEL": "INFO"}, '[workers] mode must be "local" or "queue" (set by the environment variable DIGEST_BOT_WORKERS_MODE)'),
    ],
)
def test_a_bad_value_from_the_environment_names_its_variable(environ: dict[str, str], message: str) -> None:
    """The error named the config key only, which the config file may not hold: the variable was hard to find."""
    with pytest.raises(SettingsError) as raised:
        load_settings(None, environ=environ)
    assert str(raised.value) == message


def test_a_bad_value_from_the_file_names_no_variable(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[logging]\nlevel = 'LOUD'\n")
    with pytest.raises(SettingsError) as raised:
        load_settings(config, environ={"DISCORD_SHARD_COUNT": "2"})
    assert str(raised.value) == "[logging] level must be one of DEBUG, INFO, WARNING, ERROR"


def test_zero_still_turns_off_what_it_turns_off(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[discord]\nuser_rate = 0\nguild_rate = 0\n[digest]\nmax_figures = 0\nmax_hedges = 0\n[workers]\nprocesses = 0\n")
    settings = load_settings(config, environ={})
    assert (settings.discord.user_rate, settings.digest.max_figures, settings.workers.processes) == (0, 0, 0)
