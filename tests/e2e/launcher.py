"""Test-only entry point: point discord.py at the fake Discord, then run the bot (or another script).

Environment:
- ``NEWSDESK_FAKE_API``: REST base, e.g. ``http://127.0.0.1:PORT/api/v10`` (sets ``Route.BASE``).
- ``NEWSDESK_FAKE_GATEWAY``: websocket URL, e.g. ``ws://127.0.0.1:PORT/gateway``.
- ``NEWSDESK_FAKE_TARGET``: optional path of a script to run as ``__main__`` instead of ``bot.main``.

The patches are made before the bot module is imported, so nothing can reach the real Discord.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import discord.gateway
import discord.http
import yarl

ROOT = Path(__file__).resolve().parents[2]


def patch_discord(api_base: str, gateway_url: str) -> None:
    """Redirect discord.py's REST calls (and webhook/interaction calls) and its gateway."""
    discord.http.Route.BASE = api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def main(argv: list[str]) -> int:
    try:
        api_base = os.environ["NEWSDESK_FAKE_API"]
        gateway_url = os.environ["NEWSDESK_FAKE_GATEWAY"]
    except KeyError as missing:
        print(f"launcher: environment variable {missing} is not set", file=sys.stderr)
        return 2
    patch_discord(api_base, gateway_url)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    target = os.environ.get("NEWSDESK_FAKE_TARGET")
    if target:
        sys.argv = [target, *argv]
        runpy.run_path(target, run_name="__main__")
        return 0
    import bot  # the product's entry point, imported only after the patches

    return int(bot.main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
