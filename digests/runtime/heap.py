"""The cyclic garbage collector, set for a long-running bot whose event loop must stay quick.

A full collection walks every container object the process holds and holds the GIL while it
does, so it stops the event loop and every thread, whichever thread starts it. Measured in the
bot under load (100 servers, 10,000 alerts, 1,000 feeds polling), full collections came every
3 s and took 120–190 ms each: the largest event-loop lags. Two settings cut both:

- what exists once the bot is built (the imported modules of discord.py, SQLAlchemy, aiohttp
  and the rest, the configuration, the story index loaded at start) is moved out of the
  collector's sight with `gc.freeze()`: it lives as long as the process, and it was about half
  of what every full collection walked;
- young collections wait for `YOUNG_THRESHOLD` new containers instead of 700, so the bot's
  bursts of short-lived rows and items, freed by reference counting anyway, do not push
  objects into the older generations and bring on full collections ten times as often.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000
"""Container allocations (net) between two collections of the youngest generation."""


def settle() -> None:
    """Collect once, freeze what survives, and raise the young threshold. Call it when the
    long-lived part of the process is built, just before the work starts."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
