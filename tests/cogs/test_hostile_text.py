"""Hostile feed text through the real path: an RSS document parsed and stored by the poller,
its HTML reduced by `digests.feeds.htmltext`, enriched, then told by the digest, answer, alert,
figures, status and feed renderers. Whatever the feed says, nothing pings, nothing becomes a
link the text did not name openly, no script survives, and no Discord limit is broken."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import discord
import pytest

from bot import open_services
from cogs.limits import Payload, violations
from cogs.render import render_answer, render_digest, render_feed_list
from cogs.render_alerts import render_alert, render_dms_closed
from cogs.render_figures import render_key_figures
from cogs.render_status import render_feed_added, render_paused_notice, render_status
from digests.config import Config, StorageConfig
from digests.errors import InvalidFeedURL
from digests.feeds.htmltext import MAX_URL_WORD, MAX_WORD, html_to_text, plain_title
from digests.feeds.parsing import parse_document
from digests.models import Entry, Feed, Source
from digests.news.answers import Answer, Quote
from digests.news.keyfigures import key_figures
from digests.newsroom import ask, digest_of_last, story_cards
from digests.servers.following import checked_feed_url

NOW = datetime(2022, 3, 3, 20, 0, tzinfo=UTC)
MEMBER = 4242
CHANNEL = 777
FEED_URL = "https://wire.example/feed.xml"
PINGS = "@everyone @here <@123> <@!124> <@&456> <#789> </ban:1> <:e:2>"
HUGE = 100_000
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u2060\ufeff"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # an emoji sequence that needs ZWJ
OPEN_URL = "https://open.example/report"
LONG_URL = "https://long.example/" + "a" * (MAX_URL_WORD + 3000)

ITEMS = [
    ("pings", f"{PINGS} Refugees flee across the border",
     "https://wire.example/pings",
     f"<p>{PINGS} said: UNHCR said 1,000,000 refugees have fled Ukraine.</p>"),
    ("links", "[Click here](https://phish.example/login) **now** __x__ ~~y~~ ||z|| `code` # head",
     "https://wire.example/links",
     '<p><a href="https://evil.example/hidden" onclick="steal()">[read more](https://phish.example/p)'
     "</a> and <https://phish.example/angle> and [x] (https://phish.example/space)</p>"
     "<script>document.write('@everyone'); alert(1)</script>"
     '<img src="x" onerror="alert(\'xss\')"><style>body { color: red }</style>'
     '<iframe src="https://evil.example/frame">framed</iframe><noscript>noscript text</noscript>'
     f"<p>The Pentagon ordered about 3,800 more US troops to Europe. See {OPEN_URL} for more.</p>"
     "<p>&lt;script&gt;escaped script&lt;/script&gt; # not a heading\n> not a quote\n-# not small</p>"),
    ("bidi", f"Refugees \u202egnp.exe\u202c arrive \u2066isolated\u2069 ref\u200bugees {FAMILY} family",
     "https://wire.example/bidi",
     f"<p>{BIDI}Reversed{INVISIBLE} text \u200dstays. 2,500 refugees\x07 crossed\x1b into Moldova,"
     " officials said.</p>"),
    ("huge", "Long " + "A" * HUGE + " word",
     "https://wire.example/with space/and\"quote",
     "<p>" + "W" * HUGE + " then 2,000,000 refugees have fled Ukraine, UNHCR said. "
     + LONG_URL + " " + "B" * HUGE + "</p>"),
]


def hostile_rss() -> bytes:
    items = "".join(
        f"<item><guid>{key}</guid><title>{xml_escape(title)}</title><link>{xml_escape(link)}</link>"
        f"<description>{xml_escape(body)}</description>"
        f"<pubDate>Thu, 03 Mar 2022 1{n}:00:00 +0000</pubDate></item>"
        for n, (key, title, link, body) in enumerate(ITEMS))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire {xml_escape(PINGS)} '
            f"[t](https://phish.example/feed)</title><link>https://wire.example/</link>"
            f"<description>news</description>{items}</channel></rss>").encode()


@dataclass
class World:
    entries: tuple[Entry, ...]
    payloads: dict[str, list[Payload]]
    item_links: set[str]


async def _build(folder: Path) -> World:
    config = Config(storage=StorageConfig(url=f"sqlite:///{folder / 'hostile.db'}"))
    payloads: dict[str, list[Payload]] = {}
    async with open_services(config) as services:
        store = services.store
        feed = await store.add_feed(FEED_URL, now=NOW - timedelta(hours=20))
        result = await services.poller.ingest(feed, hostile_rss(), {"content-type": "application/rss+xml"},
                                              NOW - timedelta(hours=1))
        assert result.error is None and result.entries == len(ITEMS)
        await services.enricher.run(NOW)
        digest = await digest_of_last(store, 24, NOW)
        assert len(digest.stories) >= 3
        payloads["digest"] = render_digest(digest)
        payloads["answers"] = [render_answer(await ask(store, question, NOW)) for question in (
            "How many refugees have fled Ukraine?", "How many US troops were ordered to Europe?",
            "What happened at the border?", "@everyone <@123>?", "Who is Click Here?")]
        payloads["figures"] = [render_key_figures(await key_figures(store, topic, NOW), chart_name="c.png")
                               for topic in (None, "refugees", "@everyone [x](https://phish.example)")]
        cards = await story_cards(store, [s.id for s in await store.stories_between(NOW - timedelta(days=1),
                                                                                    NOW)],
                                  None, NOW - timedelta(days=1))
        queries = ["refugees", "@everyone `x` [a](https://phish.example/q) <@123>"]
        alerts = render_alert(list(cards.values()), queries, mention=MEMBER)
        payloads["alert"] = alerts
        payloads["alert_dm"] = render_alert(list(cards.values())[:1], queries, mention=None)
        payloads["dms_closed"] = [render_dms_closed(MEMBER, alerts[0])]
        [stored] = await store.all_feeds()
        hostile = _hostile_feed(stored)
        payloads["status"] = [render_status([stored, *hostile], next_digest=NOW, digest_channel=CHANNEL,
                                             blocked=[])]
        payloads["feeds"] = render_feed_list([stored, *hostile])
        payloads["notices"] = [render_paused_notice(hostile[1]), render_feed_added(stored, already=False)]
    parsed = parse_document(hostile_rss(), {"content-type": "application/rss+xml"}, FEED_URL, NOW)
    return World(parsed.entries, payloads, {e.url for e in parsed.entries if e.url})


def _hostile_feed(feed: Feed) -> list[Feed]:
    """The stored feed, failing and paused, with feed-given words everywhere the bot shows them."""
    error = f"HTTP 500 {PINGS} [x](https://phish.example/err) " + "E" * 5000
    failing = dataclasses.replace(feed, id=2, failing_since=NOW - timedelta(hours=3), last_error=error)
    paused = dataclasses.replace(feed, id=3, paused=True, paused_reason=error, last_error=error,
                                 url=FEED_URL + "?" + "q" * 3000)
    return [failing, paused]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return asyncio.run(_build(tmp_path_factory.mktemp("hostile")))


def all_payloads(world: World) -> list[tuple[str, Payload]]:
    return [(kind, p) for kind, group in world.payloads.items() for p in group]


def texts(payload: Payload, *, plain_parts: bool = True) -> list[str]:
    """Every piece of text Discord shows for the payload, the embed links included. Without
    `plain_parts`, only the parts where Discord renders markdown and mentions: not the footer,
    the author or the embed's link, which it shows as plain text."""
    out = [payload.content or ""]
    for embed in payload.embeds:
        out += [embed.title or "", embed.description or ""]
        if plain_parts:
            out += [embed.footer.text or "", embed.author.name or "", embed.url or ""]
        out += [part for f in embed.fields for part in (f.name or "", f.value or "")]
    return [t for t in out if t]


_CODE_SPAN = re.compile(r"(?<!\\)`[^`]*`")


def rendered(payload: Payload) -> list[str]:
    """The parts where Discord renders markdown and mentions, less inline code spans (where it
    renders neither: the member's own alert queries are shown in them)."""
    return [_CODE_SPAN.sub("", t) for t in texts(payload, plain_parts=False)]


# Markdown links that Discord renders: `[label](target)` whose `[` is not escaped.
_MASKED_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\S*?)\)")
_PING = re.compile(r"@(everyone|here)|<(@[!&]?|#|/|:|a:)")


def test_every_payload_is_within_discord_limits(world: World) -> None:
    for kind, payload in all_payloads(world):
        assert violations(payload) == [], kind


def test_nothing_can_ping_but_the_alerted_member(world: World) -> None:
    for kind, payload in all_payloads(world):
        mentions = payload.allowed_mentions
        assert mentions.everyone is False and mentions.roles is False, kind
        if kind in ("alert", "dms_closed") and payload.content:
            assert mentions.users == [discord.Object(MEMBER)] or \
                [u.id for u in mentions.users] == [MEMBER], kind  # type: ignore[union-attr]
        else:
            assert mentions.users is False, kind
        for text in rendered(payload):
            own = text.replace(f"<@{MEMBER}>", "").replace(f"<#{CHANNEL}>", "")
            assert _PING.search(own) is None, (kind, _PING.search(own), own[:300])


def test_mentions_are_shown_inert_not_dropped(world: World) -> None:
    """The reader still sees what the feed wrote: "@​everyone", "<​@123>"."""
    digest = "\n".join(t for p in world.payloads["digest"] for t in texts(p))
    assert "@\u200beveryone" in digest and "<\u200b@123" in digest and "<\u200b@&456" in digest


def test_no_link_the_text_did_not_name_openly(world: World) -> None:
    for kind, payload in all_payloads(world):
        for text in texts(payload):
            assert "evil.example" not in text, kind  # an <a href> is never shown
        for text in rendered(payload):
            for label, target in _MASKED_LINK.findall(text):
                assert target in world.item_links, (kind, label, target)
                assert "phish.example" not in target, (kind, label, target)
            for embed in payload.embeds:
                assert embed.url is None or embed.url in world.item_links, kind


def test_links_in_feed_text_stay_bare_and_visible(world: World) -> None:
    """A URL the text names openly is kept whole (Discord links it, showing where it goes); a
    markdown link in the text is shown as the characters it is made of."""
    shown = "\n".join(t for _, p in all_payloads(world) for t in rendered(p))
    assert f"See {OPEN_URL} for more." in shown
    assert "(https://phish.example/p)" in shown and "](https://phish.example/p)" not in shown
    assert "\\[Click here\\](https://phish.example/login) \\*\\*now\\*\\*" in shown


def test_no_script_or_event_handler_text_survives(world: World) -> None:
    stored = "\n".join(f"{e.title}\n{e.text}" for e in world.entries)
    shown = "\n".join(t for _, p in all_payloads(world) for t in texts(p))
    for text in (stored, shown):
        for bad in ("document.write", "alert(", "steal()", "onerror", "onclick", "color: red",
                    "noscript text", "framed", "<img", "<iframe", "https://evil.example"):
            assert bad not in text, bad
    # Markup the feed escaped is text the feed wrote: shown as such, and inert in Discord.
    assert "<script>escaped script</script>" in stored


def test_bidi_overrides_and_invisible_characters_are_removed(world: World) -> None:
    bidi = next(e for e in world.entries if e.key and "Moldova" in e.text)
    assert bidi.title == f"Refugees gnp.exe arrive isolated refugees {FAMILY} family"
    assert "Reversed text \u200dstays." in bidi.text and "refugees crossed into" in bidi.text
    for _, payload in all_payloads(world):
        for text in texts(payload):
            own = text.replace("@\u200b", "").replace("<\u200b", "")  # the escape's own mark
            assert not set(own) & set(BIDI + INVISIBLE + "\x07\x1b"), repr(own[:200])


def test_huge_words_are_cut_before_anything_else_meets_them(world: World) -> None:
    huge = next(e for e in world.entries if "Long" in e.title)
    assert huge.title == "Long " + "A" * (MAX_WORD - 1) + "… word"
    words = huge.text.split()
    assert max(len(w) for w in words) <= MAX_WORD and LONG_URL not in huge.text
    assert "2,000,000 refugees have fled Ukraine" in huge.text
    for kind, payload in all_payloads(world):
        for text in texts(payload):
            assert all(len(w) <= MAX_URL_WORD for w in text.split()), kind


def test_bad_characters_in_an_item_link_are_encoded(world: World) -> None:
    assert "https://wire.example/with%20space/and%22quote" in world.item_links


@pytest.mark.parametrize("markup", [
    "<p>" + "<a href='x' onclick='y'>" * 5000 + "deep</p>",
    "<script>" + "@everyone " * 10_000,
    "<!--" + "x" * 100_000,
    "\u202e" * 10_000 + "A" * HUGE,
])
def test_htmltext_is_quick_and_clean_on_pathological_markup(markup: str) -> None:
    text = html_to_text(markup)
    assert "onclick" not in text and "@everyone" not in text
    assert not set(text) & set(BIDI) and all(len(w) <= MAX_WORD for w in text.split())
    assert all(len(w) <= MAX_WORD for w in plain_title(markup).split())


def test_a_url_word_is_kept_whole_up_to_its_limit_and_never_cut() -> None:
    fine = "https://a.example/" + "p" * 900
    assert html_to_text(f"see {fine} now") == f"see {fine} now"
    assert html_to_text(f"see {LONG_URL} now") == "see … now"


def test_an_item_link_cannot_open_a_masked_link_in_a_citation() -> None:
    link = "https://wire.example/b)[x](https://phish.example/link"
    source = Source(1, "Wire", link, NOW)
    answer = Answer(question="q", kind="search", headline="Found", found=True,
                    quotes=(Quote(text="Refugees fled.", source=source),))
    targets = [target for text in texts(render_answer(answer)) for _, target in _MASKED_LINK.findall(text)]
    # one link, to the item's own host, the rest of the address encoded in its path
    assert targets and all(t.startswith("https://wire.example/b%29%5Bx%5D%28") for t in targets)


@pytest.mark.parametrize(("url", "says"), [
    ("http://user:pw@news.example/feed", "user name or password"),
    ("https://:pw@news.example/feed", "user name or password"),
    ("http://news.example:0/feed", "no valid port"),
    ("http://news.example:70000/feed", "no valid port"),
    ("javascript:alert(1)", "not a web address"),
    ("https://news.example/" + "a" * 2100, "at most 2,000"),
])
def test_feed_urls_members_give_are_checked_before_anything_is_fetched(url: str, says: str) -> None:
    with pytest.raises(InvalidFeedURL) as refused:
        checked_feed_url(url)
    assert says in str(refused.value) and "pw" not in str(refused.value)


@pytest.mark.parametrize(("url", "expected"), [
    ("http://[::1]:8080/feed", "http://[::1]:8080/feed"),
    ("HTTP://News.Example:0443/feed", "http://news.example:0443/feed"),
    ("https://bücher.example/feed", "https://bücher.example/feed"),
    ("https://news.example/a b", "https://news.example/a%20b"),
])
def test_odd_but_valid_feed_urls_are_accepted(url: str, expected: str) -> None:
    assert checked_feed_url(url) == expected
