"""The operator round's configuration keys: [metrics] listen, [logging] format, the shard keys,
and feeds listed twice, each refused precisely (file, table, key, expected, found)."""

from __future__ import annotations

from typing import Any

import pytest

from digests.config import Config, parse_config
from digests.errors import ConfigError


def test_defaults_are_off_text_and_one_process() -> None:
    config = Config()
    assert config.metrics.listen == "" and config.metrics.address is None
    assert config.logging.format == "text"
    assert (config.discord.shard_count, config.discord.shard_ids) == (0, ())


def test_the_keys_are_read() -> None:
    config = parse_config({"metrics": {"listen": "[::1]:9108"}, "logging": {"format": "json"},
                           "discord": {"shard_count": 4, "shard_ids": [2, 3]}}, "c.toml")
    assert config.metrics.address == ("::1", 9108)
    assert config.logging.format == "json"
    assert (config.discord.shard_count, config.discord.shard_ids) == (4, (2, 3))


@pytest.mark.parametrize(("data", "message"), [
    ({"metrics": {"listen": "127.0.0.1"}}, '[metrics] listen: expected a host and port such as '
                                          '"127.0.0.1:9108" (or "" for off), found \'127.0.0.1\': no port'),
    ({"metrics": {"listen": "127.0.0.1:99999"}}, "the port is not a number from 1 to 65535"),
    ({"metrics": {"listn": "x"}}, "[metrics] listn: expected one of the keys listen, found an unknown "
                                  "key (did you mean listen?)"),
    ({"logging": {"format": "jsn"}}, '[logging] format: expected one of "text", "json", found \'jsn\' '
                                     "(did you mean json?)"),
    ({"loging": {}}, "[loging]: expected one of the tables discord, feeds, logging, metrics, network, "
                     "polling, storage, found an unknown table (did you mean logging?)"),
    ({"discord": {"shard_ids": [0]}}, "[discord] shard_count: expected the number of shards in all, "
                                      "when shard_ids is set, found 0 (not set)"),
    ({"discord": {"shard_count": 2, "shard_ids": [0, 2]}}, "[discord] shard_ids: expected shard "
                                                           "numbers from 0 to 1 (shard_count is 2), found 2"),
    ({"discord": {"shard_count": 2, "shard_ids": [1, 1]}}, "expected each shard once, found 1 twice"),
    ({"discord": {"shard_count": 2, "shard_ids": "0,1"}}, "expected an array of whole numbers such as "
                                                          "[0, 1], found a string '0,1'"),
    ({"discord": {"shard_count": -1}}, "[discord] shard_count: expected a whole number from 0 to 100,000"),
    ({"discord": {"shard_cont": 2}}, "(did you mean shard_count?)"),
    ({"feeds": [{"url": "https://a.example/f", "name": "Wire"},
                {"url": "https://b.example/f", "name": "wire"}]},
     "[[feeds]] #2 name: expected a name no other feed has, found the name of [[feeds]] #1 ('Wire') again"),
])
def test_mistakes_are_named(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(data, "c.toml")
    assert message in str(caught.value)
