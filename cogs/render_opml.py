"""`/feeds import` and `/feeds export` as Discord messages."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from cogs import limits
from cogs.limits import Payload, check, error_text, fit, inert
from digests.servers.operator import Imported

NAME = 100
DETAIL = 200
_GROUPS = (("added", "Added"), ("already", "Already followed"), ("refused", "Refused"))


def render_import(results: Sequence[Imported], list_title: str | None) -> Payload:
    """One embed: how many were added, already followed or refused, then each feed by group
    (a refusal with its reason); long groups are cut with a count of the rest."""
    counts = {key: sum(r.outcome == key for r in results) for key, _ in _GROUPS}
    summary = " · ".join(f"{counts[key]} {title.lower()}" for key, title in _GROUPS)
    if not results:
        return check(Payload(fit("The file lists no feeds: nothing was imported.", limits.CONTENT)))
    title = f"Imported {inert(list_title, NAME)}" if list_title else "Imported feed list"
    embed = discord.Embed(title=fit(title, limits.EMBED_TITLE), description=summary)
    for key, heading in _GROUPS:
        chosen = [r for r in results if r.outcome == key]
        if chosen:
            embed.add_field(name=f"{heading} ({len(chosen)})", value=_lines(chosen), inline=False)
    if counts["added"]:
        embed.set_footer(text="Items of this first read are kept but never alerted on.")
    return check(Payload(None, (embed,)))


def _lines(results: Sequence[Imported]) -> str:
    lines = []
    for r in results:
        line = f"**{inert(r.name, NAME)}**"
        if r.detail:
            line += f": {error_text(r.detail, DETAIL)}"
        lines.append(line)
    taken: list[str] = []
    room = limits.FIELD_VALUE - len("\n… and 99999 more")
    for line in lines:
        if sum(len(t) + 1 for t in taken) + len(line) > room:
            break
        taken.append(line)
    left = len(lines) - len(taken)
    if not taken:  # one line longer than a field: cut it
        return fit(lines[0], limits.FIELD_VALUE)
    return "\n".join(taken) + (f"\n… and {left} more" if left else "")


def render_export(count: int) -> Payload:
    text = (f"This server's {count} feed{'s' if count != 1 else ''}, as OPML: any feed reader "
            "imports it, and so does `/feeds import`." if count
            else "This server follows no feeds yet: the file lists none.")
    return check(Payload(fit(text, limits.CONTENT)))
