"""Rendering engine values as text for the terminal (`bot.py demo`, `bot.py digest`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from .models import Digest, Feed, PollResult

WIDTH = 88


def render_digest(digest: Digest) -> str:
    """A readable digest: a header, then each feed with its latest items."""
    start, end = digest.window_start, digest.window_end
    header = (f"Digest · {end:%a %-d %b %Y} · {digest.item_count} items from "
              f"{len(digest.sections)} sources · {start:%d %b %H:%M} – {end:%d %b %H:%M} UTC")
    lines = [header, "=" * min(len(header), WIDTH)]
    if not digest.sections:
        lines += ["", "Nothing was published in this window."]
    for section in digest.sections:
        lines += ["", section.feed_name, "-" * min(len(section.feed_name), WIDTH)]
        for item in section.items:
            lines.append(f"• {item.title}  ({item.published_at:%a %-d %b %H:%M})")
            if item.excerpt:
                lines += textwrap.wrap(item.excerpt, WIDTH, initial_indent="  ",
                                       subsequent_indent="  ")
            if item.url:
                lines.append(f"  {item.url}")
    return "\n".join(lines)


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
