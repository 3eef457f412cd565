"""Rendering engine values as text for the terminal (`bot.py demo`, `digest`, `ask`, `feeds`,
`status`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from digests.models import Feed, PollResult, Source

if TYPE_CHECKING:  # a command imports only what it renders: `status` never loads the news
    # wing's word tables, `ask` never the feed machinery
    from digests.news.answers import Answer
    from digests.news.digest import Digest, DigestStory
    from digests.servers.operator import Imported, ListedFeed
    from digests.store.items import StoreCounts

WIDTH = 88


def render_digest(digest: Digest) -> str:
    """A header, then each story: title, quoted summary, key figures, sources and link."""
    from digests.news.wording import digest_heading

    header = digest_heading(digest, digest.window_end)
    lines = [header, "=" * len(header)]
    if not digest.stories:
        lines += ["", "Nothing was published in this window."]
    for number, story in enumerate(digest.stories, start=1):
        lines += ["", *_story(number, story)]
    return "\n".join(lines)


def _story(number: int, story: DigestStory) -> list[str]:
    from digests.news.wording import sources_line

    lines = textwrap.wrap(f"{number}. {story.title}", WIDTH, subsequent_indent="   ")
    for quote in story.summary:
        lines += textwrap.wrap(f"“{quote.text}” — {quote.source.feed_name}", WIDTH,
                               initial_indent="   ", subsequent_indent="   ")
    for figure in story.figures:
        said = f" — {figure.said_by}" if figure.said_by else ""
        lines.append(f"   ▸ {figure.value} {figure.counted or ''}".rstrip() + said
                     + f" ({figure.source.feed_name}, {figure.source.published_at:%a %-d %b})")
    if story.people:
        people = "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in story.people)
        lines += textwrap.wrap(f"People: {people}", WIDTH, initial_indent="   ",
                               subsequent_indent="     ")
    lines.append(f"   Sources: {sources_line(story.sources)}")
    if story.url:
        lines.append(f"   {story.url}")
    return lines


def render_answer(answer: Answer) -> str:
    lines = [f"Q: {answer.question}", f"A: {answer.headline}"]
    for quote in answer.quotes:
        lines += textwrap.wrap(f"“{quote.text}”", WIDTH, initial_indent="   ",
                               subsequent_indent="   ")
        lines.append(f"     — {cite(quote.source)}")
    return "\n".join(lines)


def cite(source: Source) -> str:
    from digests.news.wording import source_label

    link = f" {source.url}" if source.url else ""
    return f"{source_label(source)}{link}"


def render_feed_status(feeds: Sequence[Feed]) -> str:
    """Each feed by name, with its state in words and its items."""
    return "\n".join(f"{feed.display_name}: {_state(feed)}, {_plural(feed.item_count, 'item')}"
                     for feed in feeds)


# The operator's command line -----------------------------------------------------------------

PRIVATE_HINT = "[network] allow_private_addresses = true in the configuration allows it"
_PRIVATE_WORDS = ("private or reserved address", "loopback name", "not a public address")


def failure_in_words(error: str | None) -> str:
    """A poll's failure as a sentence, with the setting that allows a refused private address."""
    text = (error or "failed for an unknown reason").rstrip(".")
    if any(words in text for words in _PRIVATE_WORDS):
        return f"refused: {text}; {PRIVATE_HINT}"
    return text


def render_poll_summary(results: Sequence[PollResult], names: dict[int, str]) -> str:
    """One line of counts, then each feed that failed, once, by its configured name."""
    outcomes: dict[str, int] = {}
    for result in results:
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
    new = sum(r.new for r in results)
    counted = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
    lines = [f"Polled {_plural(len(results), 'feed')} ({counted}); {_plural(new, 'new item')}."]
    failed = [r for r in results if r.outcome in FAILED_OUTCOMES]
    if failed:
        lines.append(f"{_plural(len(failed), 'feed')} failed:")
        lines += [f"  {names.get(r.feed_id, r.url)}: {failure_in_words(r.error)}" for r in failed]
    return "\n".join(lines)


FAILED_OUTCOMES = ("failed", "paused")


def render_feed_table(listed: Sequence[ListedFeed]) -> str:
    """Every feed: name, state, items, last successful poll, who wants it, and its address."""
    if not listed:
        return NO_FEEDS
    lines = []
    for entry in listed:
        feed = entry.feed
        polled = f"{feed.last_success_at:%Y-%m-%d %H:%M}" if feed.last_success_at else "never"
        lines.append(f"{feed.display_name}  [{_state(feed)}]  {_plural(feed.item_count, 'item')}, "
                     f"last ok poll {polled}, {_WHO[entry.origin]}")
        lines.append(f"    {feed.url}")
    return "\n".join(lines)


NO_FEEDS = ("No feeds yet. Add one with `python bot.py feeds add URL`, import a list with "
            "`python bot.py feeds import FILE.opml`, or list them as [[feeds]] in config.toml "
            "(see config.example.toml).")
_WHO = {"config": "from the configuration file", "command line": "added from the command line",
        "servers": "followed by servers"}


def _state(feed: Feed) -> str:
    if feed.paused:
        return f"paused: {feed.paused_reason or 'no reason given'}"
    if feed.failing_since is not None:
        return f"failing since {feed.failing_since:%Y-%m-%d %H:%M}: {failure_in_words(feed.last_error)}"
    return "ok"


def render_import(results: Sequence[Imported]) -> str:
    """What became of each feed of an imported list, grouped: added, already there, refused."""
    if not results:
        return "The file lists no feeds."
    groups = (("added", "Added"), ("already", "Already there"), ("refused", "Refused"))
    lines = [", ".join(f"{sum(r.outcome == key for r in results)} {title.lower()}"
                       for key, title in groups) + "."]
    for key, title in groups:
        chosen = [r for r in results if r.outcome == key]
        if chosen:
            lines.append(f"{title}:")
            lines += [f"  {r.name}" + (f" — {r.detail}" if r.detail else "") for r in chosen]
    return "\n".join(lines)


def render_status(counts: StoreCounts, backlog: tuple[int, datetime | None],
                  next_digests: Sequence[tuple[int, datetime]], problems: Sequence[Feed],
                  now: datetime) -> str:
    """Feeds ok / failing / paused, items stored and waiting to be read, last poll, next digests."""
    waiting, oldest = backlog
    lines = [
        f"Feeds: {counts.feeds_ok} ok · {counts.feeds_failing} failing · {counts.feeds_paused} paused",
        f"Items: {counts.items:,} stored, " + (
            f"{waiting:,} waiting to be read (the oldest arrived {_ago(oldest, now)})"
            if waiting else "all read"),
        f"Last poll: {_ago(counts.last_poll_at, now) if counts.last_poll_at else 'never'}",
    ]
    if next_digests:
        soonest = sorted(next_digests, key=lambda pair: pair[1])
        shown = ", ".join(f"{at:%a %-d %b %H:%M} UTC (server {guild})" for guild, at in soonest[:3])
        more = f" and {len(soonest) - 3} more" if len(soonest) > 3 else ""
        lines.append(f"Next digests: {shown}{more}")
    else:
        lines.append("Next digests: none scheduled (a server admin sets one with /digest schedule)")
    if problems:
        lines.append("Feeds needing attention:")
        lines += [f"  {feed.display_name}: {_state(feed)}" for feed in problems]
    return "\n".join(lines)


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return f"{_plural(seconds // size, unit)} ago ({moment:%Y-%m-%d %H:%M} UTC)"
    return f"{_plural(seconds, 'second')} ago ({moment:%Y-%m-%d %H:%M} UTC)"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
