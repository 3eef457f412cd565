"""/ask, /figures and /who: answers quoted from this server's stored items."""

from __future__ import annotations

import io

import discord
from discord import app_commands
from discord.ext import commands

from cogs.charts import chart_png
from cogs.common import Clock, choice, guild_id_of, reply
from cogs.render import render_answer
from cogs.render_figures import render_key_figures
from digests.news.keyfigures import key_figures, topic_suggestions
from digests.news.suggestions import PeopleSuggestions
from digests.newsroom import ask
from digests.runtime.workers import WorkerPool
from digests.servers.scope import guild_view
from digests.store.core import Store

CHART_NAME = "figures.png"


class QuestionsCog(commands.Cog):
    def __init__(self, store: Store, workers: WorkerPool, people: PeopleSuggestions,
                 clock: Clock) -> None:
        self._store = store
        self._workers = workers
        self._people = people
        self._clock = clock

    @app_commands.guild_only()
    @app_commands.command(name="ask", description="Ask about the news; answered with cited quotes")
    @app_commands.describe(question="For example: how many people have fled Ukraine?")
    async def ask(self, interaction: discord.Interaction,
                  question: app_commands.Range[str, 1, 300]) -> None:
        await interaction.response.defer(thinking=True)
        view = await guild_view(self._store, guild_id_of(interaction))
        await reply(interaction, [render_answer(await ask(view, question, self._clock()))])

    @app_commands.guild_only()
    @app_commands.command(name="who", description="Who is this person, as the sources describe them")
    @app_commands.describe(name="A person in the news")
    async def who(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]) -> None:
        await interaction.response.defer(thinking=True)
        view = await guild_view(self._store, guild_id_of(interaction))
        await reply(interaction, [render_answer(await ask(view, f"Who is {name}?", self._clock()))])

    @app_commands.guild_only()
    @app_commands.command(name="figures", description="Key numbers on a topic, or today's most important")
    @app_commands.describe(topic="What the numbers are about, e.g. refugees")
    async def figures(self, interaction: discord.Interaction,
                      topic: app_commands.Range[str, 1, 100] | None = None) -> None:
        await interaction.response.defer(thinking=True)
        view = await guild_view(self._store, guild_id_of(interaction))
        report = await key_figures(view, topic, self._clock())
        chartable = next((s for s in report.series if s.chartable), None)
        files = []
        if chartable is not None:
            png = await self._workers.run(chart_png, chartable)
            files = [discord.File(io.BytesIO(png), filename=CHART_NAME)]
        payload = render_key_figures(report, chart_name=CHART_NAME if files else None)
        await reply(interaction, [payload], files=files)

    @who.autocomplete("name")
    async def name_autocomplete(self, interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        view = await guild_view(self._store, interaction.guild_id)
        names = await self._people.names(view.feed_ids, current, self._clock())
        return [choice(name, name) for name in names]

    @figures.autocomplete("topic")
    async def topic_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        view = await guild_view(self._store, interaction.guild_id)
        labels = await self._store.figure_labels(view.feed_ids)
        return [choice(label, label) for label in topic_suggestions(labels, current)]
