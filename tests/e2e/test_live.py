"""A live newsroom: a new bot on an empty store follows three feeds, and the questions asked at
once after get full answers (items are understood before /feeds add answers, not at the next
tick)."""

from __future__ import annotations

from pathlib import Path

from e2e.newsroom import Story, answered, bot_config, open_newsroom, rss

KYIV = [Story("talks", "Delegations meet for talks on the Belarus border",
              "Ukrainian and Russian delegations met on the Belarus border on Monday, officials said. "
              "Mykhailo Podolyak, an adviser to the president, said the talks were difficult.", 90)]
RELIEF = [Story("fled", "One million refugees have fled Ukraine, UNHCR says",
                "One million refugees have fled Ukraine in a week, UNHCR said on Wednesday, and four "
                "million may follow.", 60),
          Story("poland", "Queues grow at the Polish border",
                "Queues of cars stretched for miles at the Polish border, officials said.", 50)]
CAPITAL = [Story("troops", "Pentagon orders 3,800 more US troops to Europe",
                 "The Pentagon ordered about 3,800 additional US troops to Europe on Tuesday, "
                 "officials said.", 40)]


async def test_three_feeds_added_are_answered_at_once(tmp_path: Path) -> None:
    async with open_newsroom(tmp_path, []) as room:
        # No operator feeds (an empty store), and no tick to rely on: only arrival may wake the
        # enrichment.
        room.config.write_text(bot_config(room.database, {}).replace("tick_seconds = 1",
                                                                     "tick_seconds = 3600"))
        feeds = {"/kyiv.xml": ("Kyiv Wire", KYIV), "/relief.xml": ("Relief Desk", RELIEF),
                 "/capital.xml": ("Capital Briefing", CAPITAL)}
        for path, (title, stories) in feeds.items():
            room.feeds.serve(path, rss(title, stories))
        await room.start_bot()
        fake = room.fake
        for path, (title, stories) in feeds.items():
            added = await answered(fake, "feeds add", {"url": room.feeds.url(path)}, within=40,
                                   user=fake.admin)
            assert f"**{title}**" in added.text() and f"{len(stories)} item" in added.text()

        digest = await answered(fake, "digest now", {"hours": 24}, within=30)
        embeds = [e for m in digest.messages for e in m.get("embeds") or []]
        titles = {e.get("title") for e in embeds}
        assert {"Delegations meet for talks on the Belarus border",
                "Pentagon orders 3,800 more US troops to Europe"} <= titles
        assert all((e.get("description") or "").startswith(">") for e in embeds)  # quoted summaries
        assert "3 sources" in digest.text()

        troops = await answered(fake, "ask", {"question": "How many US troops were ordered to Europe?"})
        assert "3,800" in troops.text() and "Capital Briefing" in troops.text()
        refugees = await answered(fake, "figures", {"topic": "refugees"})
        assert "1 million" in refugees.text()
        adviser = await answered(fake, "who", {"name": "Mykhailo Podolyak"})
        assert "adviser" in adviser.text()
