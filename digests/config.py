"""Configuration: a TOML file loaded into frozen, typed objects, failing fast and precisely.

Every table and key is declared once here, as a dataclass field with its default; the loader
walks those declarations, so a key that is not declared is reported as unknown instead of being
silently ignored. The Discord token is never read from the file (see `discord_token`).
"""

from __future__ import annotations

import difflib
import math
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from digests.errors import ConfigError
from digests.urls import canonical_url, is_http_url

DEFAULT_PATH = Path("config.toml")
TOKEN_VARIABLE = "DISCORD_TOKEN"
MIB = 1024 * 1024
MAX_FEED_NAME = 100
"""A feed's name is shown beside every item it brings: a line, not a paragraph."""


@dataclass(frozen=True, slots=True)
class StorageConfig:
    url: str = "sqlite:///newsdesk.db"
    retention_days: int = 365

    @property
    def shown_url(self) -> str:
        """The URL with its password hidden: for messages and logs."""
        return redacted_url(self.url)


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
    shard_count: int = 0
    """How many shards the bot has in all; 0 lets discord.py ask Discord (one process)."""
    shard_ids: tuple[int, ...] = ()
    """The shards this process runs; empty: all of them."""


@dataclass(frozen=True, slots=True)
class MetricsConfig:
    listen: str = ""
    """`host:port` of the Prometheus metrics and health endpoint; empty: off."""

    @property
    def address(self) -> tuple[str, int] | None:
        """(host, port) to listen on, or None when the endpoint is off."""
        return listen_address(self.listen) if self.listen else None


LOG_FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class LoggingConfig:
    format: str = "text"
    """"text": one line per event with key=value fields; "json": one JSON object per line."""


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
    metrics: MetricsConfig = field(default_factory=MetricsConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
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
    "metrics": MetricsConfig,
    "logging": LoggingConfig,
}

DAY = 86_400


@dataclass(frozen=True, slots=True)
class _Range:
    """The sane values of a numeric key: from `low` (or above it, when `above`) to `high`."""

    low: float
    high: float
    above: bool = False

    def holds(self, value: float) -> bool:
        lowest_ok = value > self.low if self.above else value >= self.low
        return math.isfinite(value) and lowest_ok and value <= self.high

    def expected(self, whole: bool) -> str:
        kind = "a whole number" if whole else "a number"
        if self.above:
            return f"{kind} greater than {_number(self.low)} and at most {_number(self.high)}"
        return f"{kind} from {_number(self.low)} to {_number(self.high)}"


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


# Every numeric key, with the values that make sense: a value outside fails at load, with the
# range in the message, instead of failing every feed later (nan timeouts) or crashing (2**63).
_RANGES = {
    "retention_days": _Range(1, 36_500),
    "interval_seconds": _Range(1, 7 * DAY),
    "tick_seconds": _Range(1, 3600),
    "concurrency": _Range(1, 1000),
    "max_interval_seconds": _Range(1, 30 * DAY),
    "pause_after_failing_seconds": _Range(1, 365 * DAY),
    "parse_workers": _Range(0, 32),
    "parse_timeout_seconds": _Range(0, 600, above=True),
    "full_text_min_chars": _Range(0, 1_000_000),
    "connect_timeout_seconds": _Range(0, 300, above=True),
    "read_timeout_seconds": _Range(0, 600, above=True),
    "total_timeout_seconds": _Range(0, 3600, above=True),
    "max_body_bytes": _Range(1024, 256 * MIB),
    "max_redirects": _Range(0, 20),
    "per_host_concurrency": _Range(1, 64),
    "default_cooldown_seconds": _Range(1, DAY),
    "guild_ready_timeout": _Range(0, 600, above=True),
    "digest_grace_hours": _Range(0, 168, above=True),
    "alerts_per_hour": _Range(1, 1_000_000),
    "alerts_per_member": _Range(1, 10_000),
    "delivery_seconds": _Range(0, 3600, above=True),
    "shard_count": _Range(0, 100_000),
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
            raise ConfigError(file, f"[{key}]", f"one of the tables {_listing(known)}",
                              "an unknown table" + _did_you_mean(key, known))
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
                              "an unknown key" + _did_you_mean(key, declared))
    values = {}
    for key, value in raw.items():
        type_name = str(declared[key].type)
        values[key] = _check_value(value, type_name, f"{where} {key}", file)
        sane = _RANGES.get(key)
        if sane is not None and not sane.holds(values[key]):
            raise ConfigError(file, f"{where} {key}", sane.expected(type_name == "int"), repr(value))
    return cls(**values)  # the only required key, [[feeds]] url, is checked by the caller


def _did_you_mean(key: str, known: Any) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


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
    if type_name == "tuple[int, ...]":
        if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool)
                                           for v in value):
            return tuple(value)
        raise ConfigError(file, where, "an array of whole numbers such as [0, 1]",
                          _describe(value) + (f" {value!r}" if isinstance(value, list) else ""))
    raise AssertionError(f"undeclared config type {type_name}")


def _feeds(raw: Any, file: str) -> tuple[FeedConfig, ...]:
    if not isinstance(raw, list):
        raise ConfigError(file, "[[feeds]]", "an array of tables ([[feeds]] with url = ...)",
                          _describe(raw))
    feeds: list[FeedConfig] = []
    for index, item in enumerate(raw, start=1):
        where = f"[[feeds]] #{index}"
        if not isinstance(item, dict):
            raise ConfigError(file, where, "a table with url = ...", _describe(item))
        if "url" not in item:
            raise ConfigError(file, f"{where} url", "a feed URL", "nothing")
        feed = _build(FeedConfig, item, where, file)
        if not is_http_url(feed.url):
            raise ConfigError(file, f"{where} url", "an http:// or https:// URL", repr(feed.url))
        if feed.name is not None and not 0 < len(feed.name.strip()) <= MAX_FEED_NAME:
            raise ConfigError(file, f"{where} name", f"a name of 1 to {MAX_FEED_NAME} characters",
                              f"{len(feed.name.strip())} characters")
        _check_not_listed(feed, feeds, where, file)
        feeds.append(feed)
    return tuple(feeds)


def _check_not_listed(feed: FeedConfig, earlier: list[FeedConfig], where: str, file: str) -> None:
    """A feed listed twice (the same URL once canonical, or the same name) is a mistake to
    report: one of the two entries is not what the operator meant."""
    url = canonical_url(feed.url)
    for number, other in enumerate(earlier, start=1):
        if canonical_url(other.url) == url:
            raise ConfigError(file, f"{where} url", "a feed not listed already",
                              f"the feed of [[feeds]] #{number} ({url}) again")
        if feed.name and other.name and feed.name.strip().casefold() == other.name.strip().casefold():
            raise ConfigError(file, f"{where} name", "a name no other feed has",
                              f"the name of [[feeds]] #{number} ({other.name.strip()!r}) again")


def redacted_url(url: str) -> str:
    """`url` with the password of its user part replaced by ***."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url.split("@", 1)[-1] if "@" in url else url
    if not password:
        return url
    user_info, _, host = parts.netloc.rpartition("@")
    user = user_info.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def _check_consistency(config: Config, file: str) -> None:
    url = config.storage.url
    if not url.startswith(("sqlite:///", "sqlite+aiosqlite:///", "postgresql://",
                           "postgresql+asyncpg://")):
        raise ConfigError(file, "[storage] url",
                          'a database URL such as "sqlite:///newsdesk.db"', repr(redacted_url(url)))
    _check_shards(config.discord, file)
    _check_metrics(config.metrics, file)
    if config.logging.format not in LOG_FORMATS:
        raise ConfigError(file, "[logging] format", 'one of "text", "json"',
                          repr(config.logging.format) + _did_you_mean(config.logging.format, LOG_FORMATS))
    if config.polling.max_interval_seconds < config.polling.interval_seconds:
        raise ConfigError(file, "[polling] max_interval_seconds",
                          f"at least interval_seconds ({config.polling.interval_seconds})",
                          str(config.polling.max_interval_seconds))


def _check_shards(discord: DiscordConfig, file: str) -> None:
    ids = discord.shard_ids
    if not ids:
        return
    if discord.shard_count == 0:
        raise ConfigError(file, "[discord] shard_count",
                          "the number of shards in all, when shard_ids is set", "0 (not set)")
    for shard in ids:
        if not 0 <= shard < discord.shard_count:
            raise ConfigError(file, "[discord] shard_ids",
                              f"shard numbers from 0 to {discord.shard_count - 1} "
                              f"(shard_count is {discord.shard_count})", repr(shard))
    if len(set(ids)) != len(ids):
        twice = next(s for s in ids if ids.count(s) > 1)
        raise ConfigError(file, "[discord] shard_ids", "each shard once", f"{twice} twice")


def _check_metrics(metrics: MetricsConfig, file: str) -> None:
    if metrics.listen:
        try:
            listen_address(metrics.listen)
        except ValueError as exc:
            raise ConfigError(file, "[metrics] listen",
                              'a host and port such as "127.0.0.1:9108" (or "" for off)',
                              f"{metrics.listen!r}: {exc}") from None


def listen_address(text: str) -> tuple[str, int]:
    """("host", port) from "host:port" or "[v6 address]:port"; ValueError saying what is wrong."""
    host, colon, port = text.strip().rpartition(":")
    if not colon or not host:
        raise ValueError("no port")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host or any(c.isspace() or c in "/[]" for c in host):
        raise ValueError("not a host name or address")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError("the port is not a number from 1 to 65535")
    return host, int(port)


def _describe(value: Any) -> str:
    kinds = {bool: "a boolean", int: "a whole number", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    kind = kinds.get(type(value), type(value).__name__)
    shown = repr(value) if not isinstance(value, dict | list) else ""
    return f"{kind} {shown}".strip()


def _listing(names: Any) -> str:
    return ", ".join(sorted(names))
