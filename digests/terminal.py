"""Rendering engine values as text for the terminal (`bot.py demo`, `digest`, `ask`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from digests.models import Feed, PollResult, Source
from digests.news.answers import Answer
from digests.news.digest import Digest, DigestStory
from digests.news.wording import digest_heading, source_label, sources_line

WIDTH = 88


def render_digest(digest: Digest) -> str:
    """A header, then each story: title, quoted summary, key figures, sources and link."""
    header = digest_heading(digest, digest.window_end)
    lines = [header, "=" * len(header)]
    if not digest.stories:
        lines += ["", "Nothing was published in this window."]
    for number, story in enumerate(digest.stories, start=1):
        lines += ["", *_story(number, story)]
    return "\n".join(lines)


def _story(number: int, story: DigestStory) -> list[str]:
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
    link = f" {source.url}" if source.url else ""
    return f"{source_label(source)}{link}"


def render_poll_results(results: Sequence[PollResult]) -> str:
    lines = []
    for r in results:
        detail = f"{r.new} new, {r.updated} updated" if r.outcome == "fetched" else r.error or ""
        lines.append(f"{r.outcome:>12}  {r.title or r.url}  {detail}".rstrip())
    return "\n".join(lines)


def render_feed_status(feeds: Sequence[Feed]) -> str:
    lines = []
    for feed in feeds:
        state = feed.status.value
        if feed.last_error and state != "ok":
            state += f" ({feed.paused_reason or feed.last_error})"
        lines.append(f"{feed.display_name}: {state}, {feed.item_count} items")
    return "\n".join(lines)
