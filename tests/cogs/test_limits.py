"""Discord limits: the validator, safe shortening and escaping."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime

import discord
import pytest

from cogs import limits
from cogs.limits import Payload, check, cite, error_text, escape, fit, fit_embed, inert, violations
from digests.models import Source

from workcount import calls_made, hang_guard

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


# Hostile sizes: linear time, links Discord refuses, embeds that cannot fit -----------------------

# Their cost is in the regular expressions and string methods, which no count of calls sees:
# bench/hostile_input.py times each against plain text of the same length (`fit-hostile`,
# `escape-hostile`); here a hang guard stops a test that would run for minutes.

HOSTILE_TEXTS = {
    "escaped markdown": escape(("*a* _b_ [c](https://x.example/d) `e` " * 1500)[:45_000]),
    "an open star among links": "*" + "[l](https://x.example/) " * 2_000,
    "unclosed brackets": "[" * 30_000,
    "unclosed links": "[a](" * 10_000,
    "many backticks": "`a " * 15_000,
}


@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_fit_takes_linear_time_on_hostile_text(name: str) -> None:
    """Markdown-heavy text of tens of kilobytes is cut cleanly (it took seconds, growing with
    the square of the length; bench/hostile_input.py `fit-hostile` measures it)."""
    text = HOSTILE_TEXTS[name]
    out = hang_guard(lambda: fit(text, limits.EMBED_DESCRIPTION))
    assert len(out) <= limits.EMBED_DESCRIPTION and out.endswith("…") and text.startswith(out[:-1])
    assert not _odd_markdown(out[:-1])


def test_fit_reads_no_further_than_the_limit_needs() -> None:
    """Three megabytes of words cost what a line does: as many calls as a thousand characters."""
    words = "word " * 600_000
    assert calls_made(lambda: fit(words, 100)) <= calls_made(lambda: fit(words[:1_000], 100))
    assert fit(words, 100) == fit(words[:1_000], 100) == "word " * 19 + "word…"
    assert fit(words, 12) == "word word…"


@pytest.mark.parametrize(("text", "escaped"), [("\n" * 15_000, "\n" * 15_000),
                                               (" \n" * 10_000, " \n" * 10_000),
                                               ("*" * 300_000, "\\*" * 300_000)])
def test_escape_takes_linear_time(text: str, escaped: str) -> None:
    """Blank lines and markdown characters by the thousand are escaped right (blank lines took
    seconds; bench/hostile_input.py `escape-hostile` measures it; the guard only stops a hang)."""
    assert hang_guard(lambda: escape(text)) == escaped


def test_inert_is_escape_then_fit_reading_only_the_head() -> None:
    """For any text, `inert` shows what escaping it all and cutting would, at the cost of a line."""
    rng = random.Random(3)
    pieces = ["word", "**b**", "_u_", "[x](https://p.example/a)", "https://q.example/b_c", "@everyone",
              "<@1>", "\n# head", "\n- item", "`c`", "||s||", "\\"]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        limit = rng.randint(1, 200)
        assert inert(text, limit) == fit(escape(text), limit), (text, limit)
    huge = "**bold** [x](https://p.example/a) @everyone " * 100_000
    head = huge[:20_000]  # five times what the limit can show, escaped
    assert inert(huge, limits.EMBED_DESCRIPTION) == inert(head, limits.EMBED_DESCRIPTION)
    # Work counted, not timed: 4.4 MB cost as many calls as the 20,000 characters of its head.
    assert (calls_made(lambda: inert(huge, limits.EMBED_DESCRIPTION))
            <= calls_made(lambda: inert(head, limits.EMBED_DESCRIPTION)))


def test_inert_removes_characters_that_reorder_or_hide_text() -> None:
    shown = inert("\u202egnp.exe\u202c \u2066x\u2069 a\u200bb \x1b[31m \U0001f468\u200d\U0001f469", 100)
    assert shown == "gnp.exe x ab [31m \U0001f468\u200d\U0001f469".replace("[", "\\[")


def test_error_text_is_one_bounded_inert_line() -> None:
    error = "HTTP 500\n# [click](https://phish.example) @everyone\n\n" + "E " * 5000
    shown = error_text(error, 300)
    assert len(shown) <= 300 and "\n" not in shown and shown.endswith("…")
    assert "\\[click\\](https://phish.example)" in shown and "@\u200beveryone" in shown


LONG = "https://news.example/" + "a" * 10_003  # 10,024 characters


@pytest.mark.parametrize(("embed", "word"), [
    (discord.Embed(title="t", url=LONG), "url"),
    (discord.Embed(title="t", url="javascript:alert(1)"), "url"),
    (discord.Embed(title="t", url="https://news.example/a b"), "url"),
    (discord.Embed(title="t").set_author(name="a", url=LONG), "author url"),
    (discord.Embed(title="t").set_author(name="a", icon_url=LONG), "author icon"),
    (discord.Embed(title="t").set_footer(text="f", icon_url=LONG), "footer icon"),
    (discord.Embed(title="t").set_image(url=LONG), "image"),
    (discord.Embed(title="t").set_thumbnail(url=LONG), "thumbnail"),
    (discord.Embed(description=f"see [the story]({LONG[:4000]})"), "link"),
])
def test_validator_refuses_links_discord_refuses(embed: discord.Embed, word: str) -> None:
    """Every URL limit is in the one validator: over 2,048 characters, or not http(s)."""
    found = violations(Payload(None, (embed,)))
    assert any(word in problem for problem in found), found


def test_validator_accepts_links_at_the_limit_and_attachments() -> None:
    at_limit = LONG[:limits.URL]
    embed = discord.Embed(title="t", url=at_limit, description=f"[a]({at_limit})")
    embed.set_image(url="attachment://chart.png").set_thumbnail(url=at_limit)
    assert violations(Payload(None, (embed,))) == []


def test_fit_embed_drops_the_links_discord_refuses_and_keeps_the_rest() -> None:
    embed = discord.Embed(title="Story", url=LONG, description=f"Read [the story]({LONG[:3000]}) now.")
    embed.set_author(name="Wire", url="https://wire.example/", icon_url=LONG)
    embed.set_image(url="attachment://chart.png").set_thumbnail(url="javascript:alert(1)")
    fitted = fit_embed(embed)
    assert violations(Payload(None, (fitted,))) == []
    assert fitted.url is None and fitted.author.icon_url is None
    assert fitted.author.url == "https://wire.example/"
    assert fitted.image.url == "attachment://chart.png" and fitted.thumbnail.url is None
    assert fitted.description == "Read the story now."


def test_fit_embed_shrinks_an_embed_at_every_limit_to_6000_characters() -> None:
    """Title 256 + description 4,096 + footer 2,048 + author 256 + 25 full fields: the longest
    texts are cut, the short ones kept whole."""
    words = "**w** " * 2000
    embed = discord.Embed(title="T" * 20, description=words[:4096]).set_footer(text=words[:2048])
    embed.set_author(name="A " * 128)
    for n in range(30):
        embed.add_field(name=f"N{n} " * 60, value=words[:1024])
    fitted = fit_embed(embed)
    assert violations(Payload(None, (fitted,))) == []
    assert len(fitted.fields) == limits.EMBED_FIELDS and fitted.title == "T" * 20
    assert all(not _odd_markdown(f.value or "") for f in fitted.fields)


def test_fit_embed_fills_empty_fields_and_leaves_valid_embeds_alone() -> None:
    embed = discord.Embed(title="t").add_field(name="", value="")
    assert [(f.name, f.value) for f in fit_embed(embed).fields] == [("—", "—")]
    fine = discord.Embed(title="t", description="d", url="https://a.example/")
    assert fit_embed(fine) is fine


def test_a_citation_links_only_what_fits() -> None:
    """A link too long to cite is left out; the feed's name and the date stay."""
    when = datetime(2022, 3, 2, tzinfo=UTC)
    assert cite(Source(1, "Wire", LONG, when)) == "Wire, Wed 2 Mar 2022"
    assert cite(Source(1, "Wire" * 2000, "https://a.example/", when)).endswith("](https://a.example/)")
    assert len(cite(Source(1, "W " * 100_000, LONG, when))) < 100
