"""Rendering digests, answers and feed lists as Discord payloads within limits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from cogs import limits
from cogs.limits import Payload, violations
from cogs.render import render_answer, render_digest, render_feed_list
from digests.models import Feed, Source
from digests.news.answers import Answer, Quote
from digests.news.digest import Digest, DigestFigure, DigestQuote, DigestStory

from workcount import calls_made

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


def test_i_dont_know_with_where_it_is_named_quotes_it() -> None:
    """"I don't know who X is", with the sentences naming X: the headline and the quotes."""
    quotes = (Quote(text="Wera Ahmed says the town should choose.", source=_source(1)),)
    answer = Answer(question="Who?", kind="person", found=False,
                    headline="I don't know who Wera Ahmed is: …", quotes=quotes)
    payload = render_answer(answer)
    _all_valid([payload])
    assert payload.embeds[0].title == "I don't know who Wera Ahmed is: …"
    assert "Wera Ahmed says" in (payload.embeds[0].fields[0].value or "")


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


# Stories at and beyond every limit -----------------------------------------------------------

HUGE_NAME = "Wire " + "[x](https://phish.example) **@everyone** " * 100  # a feed title of ~4,000 characters
LONG_URL = "https://news.example/" + "a" * 10_003  # 10,024 characters


def _story_at_the_limits(n: int, *, url: str | None = None) -> DigestStory:
    source = Source(item_id=n, feed_name=HUGE_NAME, url=LONG_URL, published_at=END)
    quotes = tuple(DigestQuote(text=NASTY * 60, source=source) for _ in range(3))
    figure = DigestFigure(value="1 million", counted=NASTY * 50, said_by=HUGE_NAME, source=source)
    return DigestStory(title=f"Story {n} " + NASTY * 60, url=url or f"https://news.example/story/{n}",
                       summary=quotes, figures=(figure,), people=(), sources=(HUGE_NAME, HUGE_NAME, "AP"),
                       first_seen_at=END - timedelta(hours=5), last_seen_at=END, item_count=3)


def test_ten_stories_at_every_limit_render_within_the_limits() -> None:
    """A feed title of ~4,000 characters made a story's embed 6,400 characters (title 256 +
    description 4,096 + footer 2,048): the digest failed to render. Now each embed is shrunk
    to fit, and every story is delivered, once, in order."""
    digest = Digest(window_start=END - timedelta(hours=24), window_end=END,
                    stories=tuple(_story_at_the_limits(n) for n in range(10)), story_total=10, source_total=3)
    payloads = render_digest(digest)
    _all_valid(payloads)
    embeds = [e for p in payloads for e in p.embeds]
    assert [(e.title or "").split(" ")[1] for e in embeds] == [str(n) for n in range(10)]
    for embed in embeds:
        assert len(embed) <= limits.EMBED_TOTAL and len(embed.description or "") > 1000
        assert (embed.footer.text or "").endswith("+1 · Wed 2 Mar 2022")


def test_a_story_link_discord_would_refuse_is_left_out_and_the_others_kept() -> None:
    """A 10,024-character item link would have made Discord refuse the whole message (up to ten
    stories): that story loses its link, the message goes out."""
    stories = (_story_at_the_limits(0, url=LONG_URL), _story_at_the_limits(1))
    digest = Digest(window_start=END - timedelta(hours=24), window_end=END, stories=stories,
                    story_total=2, source_total=1)
    payloads = render_digest(digest)
    _all_valid(payloads)
    first, second = [e for p in payloads for e in p.embeds]
    assert first.url is None and second.url == "https://news.example/story/1"


def test_an_answer_citing_a_huge_feed_name_and_link_keeps_its_quotes() -> None:
    source = Source(item_id=1, feed_name=HUGE_NAME, url=LONG_URL, published_at=END)
    quotes = tuple(Quote(text="UNHCR said 1 million people have fled. " + NASTY * 100, source=source)
                   for _ in range(3))
    payload = render_answer(Answer(question="How many?", kind="figure", found=True,
                                   headline="About 1 million " + NASTY * 100, quotes=quotes))
    _all_valid([payload])
    for one in payload.embeds[0].fields:
        assert (one.value or "").startswith("“UNHCR said 1 million people have fled.")
        assert "news.example" not in (one.value or "") and (one.value or "").endswith(", Wed 2 Mar 2022")


def test_rendering_megabytes_of_feed_text_costs_what_a_line_does() -> None:
    """Quotes, titles, names and errors of a megabyte each: the work is bounded by what can be
    shown, never by what was given (fitting 100 KB of markdown took minutes on the event loop).
    Work is counted, not timed: rendering megabyte fields makes no more calls than 10 KB ones."""
    def rendering(size: int) -> Callable[[], list[Payload]]:
        mega = ("*a* _b_ [c](https://x.example/d) `e` @everyone " * 25_000)[:size]
        source = Source(item_id=1, feed_name=mega, url="https://news.example/1", published_at=END)
        story = DigestStory(title=mega, url=None, summary=(DigestQuote(mega, source),),
                            figures=(DigestFigure(mega, mega, mega, source),), people=(),
                            sources=(mega,), first_seen_at=END, last_seen_at=END, item_count=1)
        digest = Digest(window_start=END - timedelta(hours=24), window_end=END,
                        stories=(story,) * 10, story_total=10, source_total=1)
        answer = Answer(question="?", kind="figure", found=True, headline=mega,
                        quotes=(Quote(text=mega, source=source),) * 3)
        feeds = [_feed(n, name=mega, failing_since=END, last_error=mega) for n in range(3)]
        return lambda: [*render_digest(digest), render_answer(answer), *render_feed_list(feeds)]

    payloads = rendering(1_000_000)()
    _all_valid(payloads)
    titles = [e.title or "" for p in payloads for e in p.embeds]
    shown = [t for t in titles if t.startswith("\\*a\\* \\_b\\_ \\[c\\]") and t.endswith("…")]
    assert len(shown) >= 10  # the ten stories (and the answer), escaped and cut
    assert calls_made(rendering(1_000_000)) <= calls_made(rendering(10_000))
