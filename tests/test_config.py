"""Configuration: the example file, defaults, and one precise message per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.config import _RANGES, Config, discord_token, load_config, redacted_url
from digests.errors import ConfigError

from conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads_and_documents_every_key() -> None:
    """config.example.toml is valid and sets every key the loader knows, so it cannot rot."""
    config = load_config(ROOT / "config.example.toml")
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    for table in ("storage", "polling", "network", "discord"):
        for key in type(getattr(config, table)).__dataclass_fields__:
            assert f"\n{key} = " in text, f"[{table}] {key} is not documented in the example"
    assert config.feeds and all(f.url.startswith("https://") for f in config.feeds)


def test_example_values_are_the_defaults() -> None:
    """The example shows the defaults, so copying it changes nothing."""
    example = load_config(ROOT / "config.example.toml")
    defaults = Config()
    assert (defaults.storage, defaults.polling, defaults.network, defaults.discord) == (
        example.storage, example.polling, example.network, example.discord)


def test_contract_defaults() -> None:
    """PRODUCT.md's keys have PRODUCT.md's defaults."""
    config = Config()
    assert config.storage.url == "sqlite:///newsdesk.db"
    assert config.polling.interval_seconds == 600
    assert config.network.allow_private_addresses is False
    assert config.discord.guild_ready_timeout == 2.0
    assert config.network.max_body_bytes == 15 * 1024 * 1024


def test_missing_default_file_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no config.toml in the working directory the built-in defaults apply."""
    monkeypatch.chdir(tmp_path)
    assert load_config() == Config()


def test_feeds_are_read(tmp_path: Path) -> None:
    """[[feeds]] become typed feed settings with optional name and full_text."""
    path = write(tmp_path, '[[feeds]]\nurl = "https://a.example/rss"\nname = "A"\n'
                           '[[feeds]]\nurl = "https://b.example/atom"\nfull_text = true\n')
    feeds = load_config(path).feeds
    assert [(f.url, f.name, f.full_text) for f in feeds] == [
        ("https://a.example/rss", "A", False), ("https://b.example/atom", None, True)]


def test_integer_accepted_where_a_float_is_expected(tmp_path: Path) -> None:
    """guild_ready_timeout = 3 is read as 3.0."""
    path = write(tmp_path, "[discord]\nguild_ready_timeout = 3\n")
    assert load_config(path).discord.guild_ready_timeout == 3.0


@pytest.mark.parametrize(("text", "expected"), [
    ('[polling]\ninterval_seconds = "10m"\n',
     'config.toml: [polling] interval_seconds: expected a whole number, found a string \'10m\''),
    ("[polling]\ninterval_seconds = 0\n",
     "config.toml: [polling] interval_seconds: expected a whole number from 1 to 604,800, found 0"),
    ("[network]\nallow_private_addresses = 1\n",
     "config.toml: [network] allow_private_addresses: expected true or false, found a whole number 1"),
    ("[network]\nallow_private = true\n",
     "config.toml: [network] allow_private: expected one of the keys"),
    ("[network]\nconnect_timeout_seconds = nan\n",
     "config.toml: [network] connect_timeout_seconds: expected a number greater than 0 and at most "
     "300, found nan"),
    ("[network]\nread_timeout_seconds = inf\n",
     "config.toml: [network] read_timeout_seconds: expected a number greater than 0 and at most "
     "600, found inf"),
    ("[polling]\ninterval_seconds = 9223372036854775807\n",
     "config.toml: [polling] interval_seconds: expected a whole number from 1 to 604,800, found "
     "9223372036854775807"),
    ("[polling]\nparse_workers = 1000\n",
     "config.toml: [polling] parse_workers: expected a whole number from 0 to 32, found 1000"),
    ("[network]\nmax_redirects = -1\n",
     "config.toml: [network] max_redirects: expected a whole number from 0 to 20, found -1"),
    ("[storage]\nretention_days = 0\n",
     "config.toml: [storage] retention_days: expected a whole number from 1 to 36,500, found 0"),
    ("[polling]\nintervall_seconds = 600\n",
     "config.toml: [polling] intervall_seconds: expected one of the keys concurrency, "),
    ("[pooling]\ninterval_seconds = 600\n",
     "config.toml: [pooling]: expected one of the tables"),
    ("[polls]\ninterval_seconds = 5\n", "config.toml: [polls]: expected one of the tables"),
    ('storage = "sqlite:///x.db"\n', "config.toml: [storage]: expected a table, found a string"),
    ('[storage]\nurl = "mysql://x"\n', "config.toml: [storage] url: expected a database URL"),
    ('[[feeds]]\nname = "No URL"\n', "config.toml: [[feeds]] #1 url: expected a feed URL, found nothing"),
    ('[[feeds]]\nurl = "ftp://x.example/feed"\n',
     "config.toml: [[feeds]] #1 url: expected an http:// or https:// URL, found 'ftp://x.example/feed'"),
    ('[feeds]\nurl = "https://x.example"\n', "config.toml: [[feeds]]: expected an array of tables"),
    ("[polling]\ninterval_seconds = 600\nmax_interval_seconds = 60\n",
     "config.toml: [polling] max_interval_seconds: expected at least interval_seconds (600), found 60"),
    ("[discord]\ntoken = \"abc\"\n", "config.toml: [discord] token: expected one of the keys"),
    ("[polling\n", "config.toml: file: expected valid TOML, found a syntax error"),
    (f'[[feeds]]\nurl = "https://x.example/rss"\nname = "{"N" * 101}"\n',
     "config.toml: [[feeds]] #1 name: expected a name of 1 to 100 characters, found 101 characters"),
])
def test_each_mistake_is_named(tmp_path: Path, text: str, expected: str) -> None:
    """A wrong file fails with one message naming file, table, key, expected and found."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(expected.replace("config.toml", str(path), 1))


def test_a_typo_gets_a_suggestion(tmp_path: Path) -> None:
    for text, suggestion in (("[polling]\nintervall_seconds = 600\n", "did you mean interval_seconds?"),
                             ("[pooling]\ninterval_seconds = 600\n", "did you mean polling?")):
        with pytest.raises(ConfigError) as caught:
            load_config(write(tmp_path, text))
        assert str(caught.value).endswith(f"found an unknown {'key' if 'intervall' in text else 'table'}"
                                          f" ({suggestion})")


def test_every_numeric_key_has_a_sane_range() -> None:
    """No numeric key is left unbounded: each has a range, and the defaults are inside it."""
    config = Config()
    for table in (config.storage, config.polling, config.network, config.discord):
        for name in type(table).__dataclass_fields__:
            value = getattr(table, name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                assert name in _RANGES and _RANGES[name].holds(value), name


def test_passwords_in_storage_urls_are_hidden() -> None:
    assert redacted_url("postgresql://news:s3cr%40t@db.example:5432/newsdesk") == \
        "postgresql://news:***@db.example:5432/newsdesk"
    assert redacted_url("sqlite:///newsdesk.db") == "sqlite:///newsdesk.db"
    assert redacted_url("postgresql://news@db.example/newsdesk") == "postgresql://news@db.example/newsdesk"


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    """Naming a file that does not exist is a mistake, not a silent fallback."""
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.toml")


def test_token_only_from_environment() -> None:
    """The token comes from DISCORD_TOKEN, and a blank one counts as missing."""
    assert discord_token({"DISCORD_TOKEN": " abc "}) == "abc"
    assert discord_token({"DISCORD_TOKEN": "  "}) is None
    assert discord_token({}) is None


def test_user_agent_carries_the_contact(tmp_path: Path) -> None:
    """The operator's contact is appended to the User-Agent."""
    path = write(tmp_path, '[network]\ncontact = "ops@example.org"\n')
    assert load_config(path).user_agent.endswith("(+ops@example.org)")
