"""Configuration: a TOML file loaded into frozen, typed objects, failing fast and precisely.

Every table and key is declared once here, as a dataclass field with its default; the loader
walks those declarations, so a key that is not declared is reported as unknown instead of being
silently ignored. The Discord token is never read from the file (see `discord_token`).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from digests.errors import ConfigError
from digests.urls import is_http_url

DEFAULT_PATH = Path("config.toml")
TOKEN_VARIABLE = "DISCORD_TOKEN"
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StorageConfig:
    url: str = "sqlite:///newsdesk.db"


@dataclass(frozen=True, slots=True)
class PollingConfig:
    interval_seconds: int = 600
    tick_seconds: int = 30
    concurrency: int = 32
    max_interval_seconds: int = 6 * 3600
    pause_after_failing_seconds: int = 3 * 86400
    parse_workers: int = 0
    parse_timeout_seconds: float = 30.0
    full_text_min_chars: int = 600


@dataclass(frozen=True, slots=True)
class NetworkConfig:
    allow_private_addresses: bool = False
    user_agent: str = "Newsdesk/0.1 (Discord news digest bot)"
    contact: str = ""
    connect_timeout_seconds: float = 10.0
    read_timeout_seconds: float = 30.0
    total_timeout_seconds: float = 60.0
    max_body_bytes: int = 15 * MIB
    max_redirects: int = 5
    per_host_concurrency: int = 2
    default_cooldown_seconds: int = 300


@dataclass(frozen=True, slots=True)
class DiscordConfig:
    guild_ready_timeout: float = 2.0
    digest_grace_hours: float = 6.0
    alerts_per_hour: int = 5
    alerts_per_member: int = 25
    delivery_seconds: float = 10.0


@dataclass(frozen=True, slots=True)
class FeedConfig:
    url: str
    name: str | None = None
    full_text: bool = False


@dataclass(frozen=True, slots=True)
class Config:
    storage: StorageConfig = field(default_factory=StorageConfig)
    polling: PollingConfig = field(default_factory=PollingConfig)
    network: NetworkConfig = field(default_factory=NetworkConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    feeds: tuple[FeedConfig, ...] = ()
    source: str = "built-in defaults"

    @property
    def user_agent(self) -> str:
        """The User-Agent header: the configured agent, plus the operator's contact if given."""
        if not self.network.contact:
            return self.network.user_agent
        return f"{self.network.user_agent} (+{self.network.contact})"


_TABLES: dict[str, type] = {
    "storage": StorageConfig,
    "polling": PollingConfig,
    "network": NetworkConfig,
    "discord": DiscordConfig,
}

_POSITIVE = {
    "interval_seconds", "tick_seconds", "concurrency", "max_interval_seconds",
    "pause_after_failing_seconds", "connect_timeout_seconds", "read_timeout_seconds",
    "total_timeout_seconds", "max_body_bytes", "per_host_concurrency",
    "default_cooldown_seconds", "guild_ready_timeout", "digest_grace_hours", "alerts_per_hour",
    "alerts_per_member", "delivery_seconds", "parse_timeout_seconds",
}


def load_config(path: Path | str | None = None) -> Config:
    """Load `path` (default `config.toml`); a missing default file means built-in defaults."""
    explicit = path is not None
    file = Path(path) if path is not None else DEFAULT_PATH
    if not file.exists():
        if explicit:
            raise ConfigError(str(file), "file", "an existing TOML file", "no such file")
        return Config()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(file), "file", "valid TOML", f"a syntax error ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(file), "file", "a readable UTF-8 file", str(exc)) from exc
    return parse_config(data, str(file))


def parse_config(data: dict[str, Any], file: str) -> Config:
    """Build a `Config` from already-parsed TOML data, naming `file` in any error."""
    known = {*_TABLES, "feeds"}
    for key in data:
        if key not in known:
            raise ConfigError(file, f"[{key}]", f"one of the tables {_listing(known)}", "an unknown table")
    tables = {name: _table(data, name, cls, file) for name, cls in _TABLES.items()}
    config = Config(**tables, feeds=_feeds(data.get("feeds", []), file), source=file)
    _check_consistency(config, file)
    return config


def discord_token(environ: dict[str, str] | None = None) -> str | None:
    """The bot token, only ever from the environment."""
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_VARIABLE, "").strip()
    return token or None


def _table(data: dict[str, Any], name: str, cls: type, file: str) -> Any:
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise ConfigError(file, f"[{name}]", "a table", _describe(raw))
    return _build(cls, raw, f"[{name}]", file)


def _build(cls: type, raw: dict[str, Any], where: str, file: str) -> Any:
    declared = {f.name: f for f in fields(cls)}
    for key in raw:
        if key not in declared:
            raise ConfigError(file, f"{where} {key}", f"one of the keys {_listing(declared)}",
                              "an unknown key")
    values = {}
    for key, value in raw.items():
        values[key] = _check_value(value, str(declared[key].type), f"{where} {key}", file)
        if key in _POSITIVE and values[key] <= 0:
            raise ConfigError(file, f"{where} {key}", "a number greater than 0", repr(value))
    return cls(**values)  # the only required key, [[feeds]] url, is checked by the caller


def _check_value(value: Any, type_name: str, where: str, file: str) -> Any:
    if type_name == "bool":
        if isinstance(value, bool):
            return value
        raise ConfigError(file, where, "true or false", _describe(value))
    if type_name == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(file, where, "a whole number", _describe(value))
    if type_name == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise ConfigError(file, where, "a number", _describe(value))
    if type_name in ("str", "str | None"):
        if isinstance(value, str):
            return value
        raise ConfigError(file, where, "a string", _describe(value))
    raise AssertionError(f"undeclared config type {type_name}")


def _feeds(raw: Any, file: str) -> tuple[FeedConfig, ...]:
    if not isinstance(raw, list):
        raise ConfigError(file, "[[feeds]]", "an array of tables ([[feeds]] with url = ...)",
                          _describe(raw))
    feeds = []
    for index, item in enumerate(raw, start=1):
        where = f"[[feeds]] #{index}"
        if not isinstance(item, dict):
            raise ConfigError(file, where, "a table with url = ...", _describe(item))
        if "url" not in item:
            raise ConfigError(file, f"{where} url", "a feed URL", "nothing")
        feed = _build(FeedConfig, item, where, file)
        if not is_http_url(feed.url):
            raise ConfigError(file, f"{where} url", "an http:// or https:// URL", repr(feed.url))
        feeds.append(feed)
    return tuple(feeds)


def _check_consistency(config: Config, file: str) -> None:
    url = config.storage.url
    if not url.startswith(("sqlite:///", "sqlite+aiosqlite:///", "postgresql://",
                           "postgresql+asyncpg://")):
        raise ConfigError(file, "[storage] url",
                          'a database URL such as "sqlite:///newsdesk.db"', repr(url))
    net = config.network
    if net.max_redirects < 0:
        raise ConfigError(file, "[network] max_redirects", "0 or more", str(net.max_redirects))
    if config.polling.parse_workers < 0:
        raise ConfigError(file, "[polling] parse_workers", "0 (automatic) or more",
                          str(config.polling.parse_workers))
    if config.polling.max_interval_seconds < config.polling.interval_seconds:
        raise ConfigError(file, "[polling] max_interval_seconds",
                          f"at least interval_seconds ({config.polling.interval_seconds})",
                          str(config.polling.max_interval_seconds))


def _describe(value: Any) -> str:
    kinds = {bool: "a boolean", int: "a whole number", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    kind = kinds.get(type(value), type(value).__name__)
    shown = repr(value) if not isinstance(value, dict | list) else ""
    return f"{kind} {shown}".strip()


def _listing(names: Any) -> str:
    return ", ".join(sorted(names))
