from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from bot.settings import Settings, load_settings

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"


def test_config_example_documents_every_option_with_its_default() -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    defaults = Settings()
    for section in dataclasses.fields(Settings):
        values = data[section.name]
        for option in dataclasses.fields(getattr(defaults, section.name)):
            assert option.name in values, f"[{section.name}] {option.name} is not documented"
            default = getattr(getattr(defaults, section.name), option.name)
            written = tuple(values[option.name]) if isinstance(default, tuple) else values[option.name]
            assert written == default, f"[{section.name}] {option.name}: the example says {written!r}, the code {default!r}"
    assert load_settings(EXAMPLE, environ={}) == defaults


def test_issue_key_names_are_present() -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    for section, key in [("discord", "prefix"), ("discord", "api_base"), ("discord", "gateway_url"), ("store", "path"),
                         ("unfurl", "default"), ("fetch", "allowed_networks")]:
        assert key in data[section]
