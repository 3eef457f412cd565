"""Configuration: the example file, defaults, and one precise message per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.config import Config, discord_token, load_config
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
     "config.toml: [polling] interval_seconds: expected a number greater than 0, found 0"),
    ("[network]\nallow_private_addresses = 1\n",
     "config.toml: [network] allow_private_addresses: expected true or false, found a whole number 1"),
    ("[network]\nallow_private = true\n",
     "config.toml: [network] allow_private: expected one of the keys"),
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
])
def test_each_mistake_is_named(tmp_path: Path, text: str, expected: str) -> None:
    """A wrong file fails with one message naming file, table, key, expected and found."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(expected.replace("config.toml", str(path), 1))


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
