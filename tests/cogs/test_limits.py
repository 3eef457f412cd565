"""Discord limits: the validator, safe shortening and escaping."""

from __future__ import annotations

import random
import re

import discord
import pytest

from cogs import limits
from cogs.limits import Payload, check, escape, fit, violations

LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
URL = re.compile(r"https?://\S+")


def _embed(**parts: str) -> discord.Embed:
    return discord.Embed(title=parts.get("title"), description=parts.get("description"))


def test_valid_payload_has_no_violations() -> None:
    """A short message with one small embed passes and check returns it."""
    payload = Payload("hi", (_embed(title="t", description="d"),))
    assert violations(payload) == []
    assert check(payload) is payload


def test_default_allowed_mentions_is_none() -> None:
    """Payloads ping nobody unless told otherwise."""
    mentions = Payload("hi").allowed_mentions
    assert not (mentions.everyone or mentions.users or mentions.roles)


@pytest.mark.parametrize(("payload", "word"), [
    (Payload("x" * (limits.CONTENT + 1)), "content"),
    (Payload(None, (_embed(title="x" * 257),)), "title"),
    (Payload(None, (_embed(description="x" * 4097),)), "description"),
    (Payload(None, (discord.Embed().set_footer(text="x" * 2049),)), "footer"),
    (Payload(None, (discord.Embed().set_author(name="x" * 257),)), "author"),
    (Payload(None, (discord.Embed().add_field(name="x" * 257, value="v"),)), "name"),
    (Payload(None, (discord.Embed().add_field(name="n", value="x" * 1025),)), "value"),
    (Payload(None, tuple(_embed(title="t") for _ in range(11))), "embeds"),
    (Payload(None, tuple(_embed(description="x" * 4000) for _ in range(2))), "in all"),
    (Payload(None), "empty"),
])
def test_validator_catches_each_limit(payload: Payload, word: str) -> None:
    """Each of Discord's limits is reported and check raises."""
    found = violations(payload)
    assert found and any(word in problem for problem in found)
    with pytest.raises(ValueError, match="Discord limits"):
        check(payload)


def test_validator_catches_too_many_fields() -> None:
    """More than 25 fields in an embed is a violation."""
    embed = discord.Embed()
    for n in range(26):
        embed.add_field(name=str(n), value="v")
    assert any("fields" in problem for problem in violations(Payload(None, (embed,))))


def _odd_markdown(text: str) -> bool:
    bare = re.sub(r"\\.", "", URL.sub("", LINK.sub("", text)))
    if bare.count("`") % 2:
        return True
    bare = re.sub(r"`[^`]*`", "", bare)
    for marker in ("**", "~~", "||", "*", "_"):
        if bare.count(marker) % 2:
            return True
        bare = bare.replace(marker, "")
    return False


def _assert_clean_cut(text: str, limit: int) -> None:
    out = fit(text, limit)
    assert len(out) <= limit
    if out == text:
        return
    assert out.endswith("…")
    head = out[:-1]
    assert text.startswith(head)
    assert not head.endswith("\\") or head.endswith("\\\\")
    for match in [*LINK.finditer(text), *URL.finditer(text)]:
        assert not match.start() < len(head) < match.end(), (head, match.group(0))
    assert len(head) == len(text) or not text[len(head)].isalnum() or not head
    assert not _odd_markdown(head)


SAMPLES = [
    "plain words that go on and on for quite a while",
    "some **bold text here** and *italic words* and _under score_ end",
    "see [the report](https://example.com/a/very/long/path) for more details now",
    "bare https://example.com/some/long/path_with_underscores then more words",
    "code `x = 1 + 2 and more` and ~~struck words~~ and ||spoiler text here|| ok",
    "escaped \\*star\\* and \\_under\\_ survive cutting fine",
    "averyveryverylongwordwithoutanyspacesatallthatcannotbesplit",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("limit", [1, 5, 12, 20, 33, 47, 60])
def test_fit_cuts_cleanly(text: str, limit: int) -> None:
    """fit stays within the limit, ends with an ellipsis and never cuts a link or markup."""
    _assert_clean_cut(text, limit)


def test_fit_leaves_short_text_alone() -> None:
    """Text within the limit is returned unchanged."""
    assert fit("short", 10) == "short"


def test_fit_on_random_cut_points() -> None:
    """Many random markdown-and-link texts cut at random points all come out clean."""
    rng = random.Random(7)
    pieces = ["word", "**bold words**", "*it*", "_u_", "`co de`", "~~gone~~", "||secret||",
              "[label here](https://x.example/p)", "https://y.example/a_b*c", "\\*", "@everyone"]
    for _ in range(500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        _assert_clean_cut(text, rng.randint(1, len(text) + 5))


@pytest.mark.parametrize("raw", ["@everyone", "@here", "<@123>", "<@&123>", "<#123>", "<@!123>"])
def test_escape_neutralises_mentions(raw: str) -> None:
    """Mentions no longer parse as mentions once escaped."""
    out = escape(f"hi {raw} there")
    assert raw not in out
    assert "\u200b" in out


@pytest.mark.parametrize("raw", ["[x](http://evil)", "**bold**", "`code`", "~~s~~", "||sp||", "_u_"])
def test_escape_neutralises_markdown(raw: str) -> None:
    """Markdown and masked links from feeds are escaped."""
    out = escape(raw)
    assert out != raw
    assert not LINK.search(out.replace("\\[", "")) or "\\[" in out
    assert not _odd_markdown(out)


@pytest.mark.parametrize("raw", ["# Heading", "- item", "1. item", "> quote", "+ item"])
def test_escape_neutralises_line_markup(raw: str) -> None:
    """Headings, list markers and quotes at line start are escaped."""
    assert escape(raw).startswith("\\")
