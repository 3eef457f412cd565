"""`/feeds import` and `/feeds export` replies: within Discord's limits however long the list,
every group counted, hostile names made inert."""

from __future__ import annotations

from cogs.limits import violations
from cogs.render_opml import render_export, render_import
from digests.servers.operator import Imported


def test_a_short_import_lists_every_feed_by_group() -> None:
    payload = render_import([
        Imported("https://a.example/rss", "Wire", "added", "12 items"),
        Imported("https://b.example/rss", "Desk", "already"),
        Imported("javascript:x", "Script", "refused", "'javascript:x' is not a web address"),
    ], "Reader export")
    assert violations(payload) == []
    [embed] = payload.embeds
    assert embed.title == "Imported Reader export"
    assert embed.description == "1 added · 1 already followed · 1 refused"
    assert [f.name for f in embed.fields] == ["Added (1)", "Already followed (1)", "Refused (1)"]
    assert embed.fields[0].value == "**Wire**: 12 items"
    assert embed.footer.text == "Items of this first read are kept but never alerted on."


def test_a_list_of_thousands_fits_one_message_with_the_rest_counted() -> None:
    results = [Imported(f"https://f{n}.example/rss", f"Feed number {n} " + "x" * 80, "refused",
                        "could not read a feed at this address: HTTP 404 " + "y" * 150)
               for n in range(3000)]
    payload = render_import(results, "Big list " * 50)
    assert violations(payload) == []
    [field] = payload.embeds[0].fields
    assert field.name == "Refused (3000)" and field.value.endswith("more")
    shown = field.value.count("\n")
    assert f"… and {3000 - shown} more" in field.value


def test_hostile_names_cannot_ping_or_format() -> None:
    hostile = Imported("https://a.example/rss", "@everyone **bold** <@&123>", "added", "1 items")
    payload = render_import([hostile], None)
    assert violations(payload) == []
    text = payload.embeds[0].fields[0].value
    assert text == "**@\u200beveryone \\*\\*bold\\*\\* <\u200b@&123\\>**: 1 items"
    assert not payload.allowed_mentions.everyone and not payload.allowed_mentions.roles
    assert payload.embeds[0].title == "Imported feed list"


def test_nothing_to_import_and_export_say_so() -> None:
    assert render_import([], "Empty").content == "The file lists no feeds: nothing was imported."
    assert "no feeds yet" in (render_export(0).content or "")
    assert render_export(2).content.startswith("This server's 2 feeds, as OPML")  # type: ignore[union-attr]
