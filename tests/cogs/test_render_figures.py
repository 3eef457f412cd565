"""`/figures` as a Discord message: wording, citations, escaping, limits, the chart image."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from cogs import limits
from cogs.limits import cite, violations
from cogs.render_figures import render_key_figures
from digests.models import Source
from digests.news.keyfigures import FigurePoint, FigureSeries, KeyFigures

END = datetime(2022, 3, 3, 20, 0, tzinfo=UTC)
NASTY = "**bold** @everyone <@123> <@&456> [click](http://evil.example) `code` _u_ ~~x~~ ||s|| # h "


def _point(value: float, display: str, day: int, *, qualifier: str = "exact", said_by: str | None = "UNHCR",
           feed: str = "Kyiv Wire", sentence: str = "UNHCR said so.") -> FigurePoint:
    source = Source(day, feed, f"https://kyivwire.example/2022/03/0{day}/story",
                    datetime(2022, 3, day, 9, tzinfo=UTC))
    return FigurePoint(value, display, date(2022, 3, day), said_by, qualifier, sentence, source)


FLED = FigureSeries("people fled Ukraine", None, (
    _point(660_000, "660,000", 1), _point(874_000, "874,000", 2),
    _point(1_000_000, "1 million", 3, qualifier="lower_bound")))
TROOPS = FigureSeries("additional US troops", None, (_point(3_800, "3,800", 2, qualifier="approximate",
                                                            said_by=None, feed="Border Monitor"),))


def _report(*series: FigureSeries, topic: str | None = "refugees") -> KeyFigures:
    return KeyFigures(topic, series, END - timedelta(hours=24), END)


def _texts(payload: limits.Payload) -> list[str]:
    embed = payload.embeds[0]
    return [embed.title or "", embed.footer.text or "", *(f.name or "" for f in embed.fields),
            *(f.value or "" for f in embed.fields)]


def test_each_series_is_a_field_with_value_who_when_change_and_source() -> None:
    payload = render_key_figures(_report(FLED, TROOPS))
    embed = payload.embeds[0]
    assert embed.title == "Key figures: refugees"
    assert [f.name for f in embed.fields] == ["people fled Ukraine", "additional US troops"]
    fled, troops = (f.value or "" for f in embed.fields)
    assert fled.startswith("**over 1 million** (UNHCR, Thu 3 Mar 2022)\nup from 874,000 on Wed 2 Mar\n")
    assert "> “UNHCR said so.”" in fled
    assert fled.endswith("[Kyiv Wire, Thu 3 Mar 2022](https://kyivwire.example/2022/03/03/story)")
    assert troops.startswith("**about 3,800** (Border Monitor, Wed 2 Mar 2022)\n")
    assert embed.image.url is None and violations(payload) == []


def test_no_topic_has_the_days_title() -> None:
    payload = render_key_figures(_report(TROOPS, topic=None))
    assert payload.embeds[0].title == "Today's key figures"


def test_chart_name_sets_the_attachment_image_of_the_first_chartable_series() -> None:
    payload = render_key_figures(_report(TROOPS, FLED), chart_name="figures.png")
    embed = payload.embeds[0]
    assert embed.image.url == "attachment://figures.png"
    assert embed.footer.text == "Chart: people fled Ukraine"
    unchartable = render_key_figures(_report(TROOPS), chart_name="figures.png").embeds[0]
    assert unchartable.image.url is None


@pytest.mark.parametrize(("topic", "expected"), [
    ("refugees", "No figures are stored on “refugees”."),
    (None, "No figures are stored from the last 24 hours."),
    ("@everyone **now**", "No figures are stored on “@\u200beveryone \\*\\*now\\*\\*”."),
])
def test_an_empty_report_is_one_plain_sentence(topic: str | None, expected: str) -> None:
    payload = render_key_figures(_report(topic=topic))
    assert payload.content == expected and payload.embeds == ()
    assert not payload.allowed_mentions.everyone


def test_feed_text_is_escaped_everywhere() -> None:
    point = _point(5, "5", 3, said_by=NASTY, feed=NASTY, sentence=NASTY)
    payload = render_key_figures(_report(FigureSeries(NASTY, None, (point,)), topic=NASTY))
    for text in _texts(payload):
        assert "@everyone" not in text and "<@" not in text
        assert "[click](" not in text and "**bold**" not in text
    value = payload.embeds[0].fields[0].value or ""
    assert re.findall(r"(?<!\\)\]\(([^)]*)\)", value) == ["https://kyivwire.example/2022/03/03/story"]
    assert not payload.allowed_mentions.everyone and not payload.allowed_mentions.users


def test_very_long_text_stays_within_discord_limits() -> None:
    long = (NASTY + "word " * 300) * 3
    points = tuple(_point(n, f"{n:,}", 1 + n % 3, said_by=long, feed=long, sentence=long)
                   for n in range(1, 4))
    many = tuple(FigureSeries(f"{n} {long}", "USD", points) for n in range(30))
    payload = render_key_figures(_report(*many, topic=long), chart_name="figures.png")
    assert violations(payload) == []
    embed = payload.embeds[0]
    assert len(embed.fields) == limits.EMBED_FIELDS and len(embed) <= limits.EMBED_TOTAL
    assert all(len(f.name or "") <= limits.FIELD_NAME for f in embed.fields)


def test_a_single_long_series_keeps_its_citation() -> None:
    point = _point(1, "1", 2, sentence="A very long sentence. " * 200)
    value = render_key_figures(_report(FigureSeries("x", None, (point,)))).embeds[0].fields[0].value or ""
    assert len(value) <= limits.FIELD_VALUE
    assert value.endswith("[Kyiv Wire, Wed 2 Mar 2022](https://kyivwire.example/2022/03/02/story)")


def test_citation_links_are_safe() -> None:
    when = datetime(2022, 3, 2, 9, tzinfo=UTC)
    odd = cite(Source(1, "Wire", "https://x.example/a (b)/c", when))
    assert odd == "[Wire, Wed 2 Mar 2022](https://x.example/a%20%28b%29/c)"
    assert cite(Source(1, "Wire", "javascript:alert(1)", when)) == "Wire, Wed 2 Mar 2022"
    assert cite(Source(1, "Wire", None, when)) == "Wire, Wed 2 Mar 2022"
