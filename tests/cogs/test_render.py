"""Rendering digests, answers and feed lists as Discord payloads within limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from cogs.limits import Payload, violations
from cogs.render import render_answer, render_digest, render_feed_list
from digests.models import Feed, Source
from digests.news.answers import Answer, Quote
from digests.news.digest import Digest, DigestFigure, DigestQuote, DigestStory

END = datetime(2022, 3, 2, 23, 30, tzinfo=UTC)
NASTY = "**bold** @everyone <@123> <@&456> [click](http://evil.example) `code` _u_ ~~x~~ ||s|| # h "


def _source(n: int) -> Source:
    return Source(item_id=n, feed_name=f"Feed {n % 5}", url=f"https://news.example/{n}",
                  published_at=END - timedelta(hours=n))


def _story(n: int) -> DigestStory:
    quotes = tuple(DigestQuote(text=f"Quote {n}.{q} " + NASTY * 8, source=_source(q)) for q in range(3))
    figure = DigestFigure(value="1 million", counted="people have fled Ukraine", said_by="UNHCR",
                          source=_source(n))
    return DigestStory(title=f"Story {n} " + NASTY * 10, url=f"https://news.example/story/{n}",
                       summary=quotes, figures=(figure,), people=(), sources=("BBC", "Guardian", "AP", "NYT"),
                       first_seen_at=END - timedelta(hours=5), last_seen_at=END, item_count=4)


def _digest(count: int) -> Digest:
    return Digest(window_start=END - timedelta(hours=24), window_end=END,
                  stories=tuple(_story(n) for n in range(count)), story_total=count, source_total=5)


def _all_valid(payloads: list[Payload]) -> None:
    for payload in payloads:
        assert violations(payload) == []
        assert not payload.allowed_mentions.everyone


def test_big_digest_is_split_and_valid() -> None:
    """Forty long stories spread over several messages, every one within limits."""
    payloads = render_digest(_digest(40))
    _all_valid(payloads)
    assert len(payloads) > 4


def test_every_story_appears_once() -> None:
    """Each story is one embed, in order, across all payloads."""
    titles = [e.title or "" for p in render_digest(_digest(40)) for e in p.embeds]
    assert len(titles) == 40
    assert [t.split(" ")[1] for t in titles] == [str(n) for n in range(40)]


def test_header_wording_and_timezone() -> None:
    """The header matches the terminal wording, with the date in the given zone."""
    header = render_digest(_digest(14))[0].content
    assert header == "Daily digest · Wed 2 Mar 2022 · 14 stories from 5 sources"
    local = render_digest(_digest(1), tz=ZoneInfo("Europe/Kyiv"))[0].content
    assert local == "Daily digest · Thu 3 Mar 2022 · 1 story from 5 sources"


def test_story_embed_content() -> None:
    """A story embed links its url, quotes with source, figures and the sources line."""
    embed = render_digest(_digest(1))[0].embeds[0]
    assert embed.url == "https://news.example/story/0"
    assert "— Feed 0" in (embed.description or "")
    assert "1 million people have fled Ukraine — UNHCR" in (embed.description or "")
    assert (embed.footer.text or "").startswith("BBC, Guardian +2")
    assert "@everyone" not in (embed.title or "") + (embed.description or "")


def test_empty_digest_is_one_sentence() -> None:
    """No stories gives one plain message."""
    payloads = render_digest(_digest(0))
    assert len(payloads) == 1 and not payloads[0].embeds
    assert "Nothing was published" in (payloads[0].content or "")


def test_answer_with_quotes() -> None:
    """An answer shows its headline and at most three cited quotes within limits."""
    quotes = tuple(Quote(text=NASTY * 30, source=_source(n)) for n in range(5))
    answer = Answer(question="How many?", kind="figure", found=True, headline="About 1 million",
                    quotes=quotes)
    payload = render_answer(answer)
    _all_valid([payload])
    fields = payload.embeds[0].fields
    assert len(fields) == 3
    assert "](https://news.example/0)" in (fields[0].value or "")
    assert "@everyone" not in (fields[0].value or "")


def test_answer_not_found_is_plain() -> None:
    """An unanswered question is plain text."""
    answer = Answer(question="Who?", kind="person", found=False, headline="I don't know yet.")
    payload = render_answer(answer)
    assert payload.content == "I don't know yet." and not payload.embeds


def _feed(n: int, **state: object) -> Feed:
    base: dict[str, object] = dict(
        id=n, url=f"https://feeds.example/{n}", title=None, name=f"Feed {n} " + NASTY * 30, site_url=None,
        full_text=False, etag=None, last_modified=None, body_hash=None, paused=False, paused_reason=None,
        failing_since=None, failure_count=0, last_error=None, last_success_at=END, last_polled_at=END,
        next_check_at=END, first_polled=True, item_count=n)
    base.update(state)
    return Feed(**base)  # type: ignore[arg-type]


def test_feed_list_within_limits() -> None:
    """Many feeds with long names and errors render within limits, showing each status."""
    feeds = [_feed(n) for n in range(30)]
    feeds += [_feed(100 + n, failing_since=END, last_error="HTTP 500 " * 200) for n in range(30)]
    feeds += [_feed(200 + n, paused=True, paused_reason="gone @here") for n in range(30)]
    payloads = render_feed_list(feeds)
    _all_valid(payloads)
    values = [f.value or "" for p in payloads for e in p.embeds for f in e.fields]
    assert len(values) == 90
    assert any(v.startswith("failing since") for v in values)
    assert any(v.startswith("paused: gone @\u200bhere") for v in values)
    assert "Last successful poll: Wed 2 Mar 2022 23:30" in values[0]
