"""Newsdesk's engine: everything but Discord, in wings stacked on a ground.

    ground      models, errors, config, urls, samples   frozen values, errors, configuration
    runtime/    worker processes, ticks, loop watch     generic: knows no feeds and no news
    store/      the one Store (SQLAlchemy Core)         what is kept, by named methods
    feeds/      fetching, parsing, polling              feeds in
    news/       sentences, figures, people, stories     news understanding, answers, digests
    servers/    following, alerts, schedules            Discord-free server logic
    newsroom, terminal                                  the front desk of the CLI and the cogs

A module imports only from its own wing and the floors below it (feeds and news share a floor
and do not import each other); `tests/test_layers.py` enforces it, and ruff keeps `discord`
out of the whole package. Nothing is imported here: `import digests.models` stays light.
"""
