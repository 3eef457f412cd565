"""Alerts as Discord messages: the story cards, bundles, the member's subscriptions."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from cogs import limits
from cogs.limits import Payload, check, escape, fit, fit_lines, pack_embeds, split_message, visible
from cogs.render import story_embed
from digests.news.digest import DigestStory
from digests.servers.alerts import describe, parse_query
from digests.store.servers import Subscription

QUERY_SHOWN = 120


def render_alert(stories: Sequence[DigestStory], queries: Sequence[str], *,
                 mention: int | None) -> list[Payload]:
    """One story, or a bundle of them, with the alerts they matched. `mention` pings that
    member (a channel alert) and nobody else; a DM mentions no one."""
    matched = ", ".join(f"`{_shown(q)}`" for q in dict.fromkeys(queries))
    what = "A new story matches" if len(stories) == 1 else f"{len(stories)} new stories match"
    lead = f"{what} your alert {matched}"
    if mention is not None:
        lead = f"<@{mention}> {lead}"
    return split_message(lead, (story_embed(story, None) for story in stories), _only(mention))


def render_dms_closed(member: int, alert: Payload) -> Payload:
    """Told once, in the channel: the DM could not be delivered; the alert itself comes along."""
    text = (f"<@{member}> I could not send you an alert by direct message: your DMs are closed "
            "to this server. Open them, or add the alert again with `deliver: channel`.")
    return check(Payload(text, tuple(pack_embeds(alert.embeds)[0]), _only(member)))


def render_subscriptions(subscriptions: Sequence[Subscription]) -> Payload:
    if not subscriptions:
        return check(Payload("You have no alerts here. Add one with `/alerts add`."))
    lines = (f"**{n}.** `{_shown(s.query)}` — {_how(s)}" for n, s in enumerate(subscriptions, start=1))
    embed = discord.Embed(title="Your alerts", description=fit_lines(lines, limits.EMBED_DESCRIPTION))
    return check(Payload(None, (embed,)))


def render_subscribed(subscription: Subscription) -> Payload:
    how = _how(subscription)
    shown = describe(parse_query(subscription.query))
    return check(Payload(fit(f"Alert added: `{_shown(subscription.query)}` (read as {escape(shown)}). "
                             f"New stories that match will reach you {how}.", limits.CONTENT)))


def _how(subscription: Subscription) -> str:
    if subscription.deliver == "dm":
        return "by direct message"
    return f"with a mention in <#{subscription.channel_id}>"


def _shown(query: str) -> str:
    return fit(visible(query[:QUERY_SHOWN * 2]).replace("`", "'"), QUERY_SHOWN)


def _only(member: int | None) -> discord.AllowedMentions:
    if member is None:
        return discord.AllowedMentions.none()
    return discord.AllowedMentions(everyone=False, roles=False, replied_user=False,
                                   users=[discord.Object(member)])
