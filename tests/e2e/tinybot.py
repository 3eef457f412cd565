"""A throwaway bot used only to self-test the fake Discord. Run it through ``launcher.py``.

Environment: ``DISCORD_TOKEN``; ``TINYBOT_GUILD_READY_TIMEOUT`` (seconds, default 2.0);
``TINYBOT_GUILD_ID`` (sync commands to this guild as well as globally).
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import struct
import zlib

import discord
from discord import app_commands
from discord.ext import commands

log = logging.getLogger("tinybot")

FRUITS = [f"fruit-{number:02d}" for number in range(40)]


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built by hand so the test can compare bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


class TinyBot(commands.Bot):
    def __init__(self) -> None:
        timeout = float(os.environ.get("TINYBOT_GUILD_READY_TIMEOUT", "2.0"))
        super().__init__(command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=timeout)

    async def setup_hook(self) -> None:
        register(self.tree)
        guild_id = os.environ.get("TINYBOT_GUILD_ID")
        if guild_id:
            guild = discord.Object(int(guild_id))
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
        await self.tree.sync()

    async def on_ready(self) -> None:
        log.warning("tinybot ready as %s", self.user)


grp = app_commands.Group(name="grp", description="A group",
                         default_permissions=discord.Permissions(manage_guild=True))


@grp.command(name="sub", description="A subcommand with a range")
async def grp_sub(interaction: discord.Interaction, hours: app_commands.Range[int, 1, 168]) -> None:
    await interaction.response.send_message(f"hours={hours}", ephemeral=True)


@app_commands.command(name="embed", description="Reply with an embed")
async def embed_command(interaction: discord.Interaction, title: str) -> None:
    embed = discord.Embed(title=title, description="described")
    embed.add_field(name="field", value="value")
    embed.set_footer(text="footer")
    await interaction.response.send_message(embed=embed)


@app_commands.command(name="picture", description="Defer, then follow up with a PNG")
async def picture_command(interaction: discord.Interaction) -> None:
    await interaction.response.defer(thinking=True)
    await interaction.followup.send("here", file=discord.File(io.BytesIO(tiny_png()), filename="dot.png"))


async def fruit_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    matches = [name for name in FRUITS if current in name]
    return [app_commands.Choice(name=name, value=name) for name in matches[:25]]


@app_commands.command(name="fruit", description="Pick a fruit")
@app_commands.autocomplete(name=fruit_choices)
async def fruit_command(interaction: discord.Interaction, name: str) -> None:
    await interaction.response.send_message(f"fruit {name}")


@app_commands.command(name="post", description="Post to a channel with a nonce")
async def post_command(interaction: discord.Interaction, channel: discord.TextChannel, text: str,
                       nonce: str) -> None:
    await interaction.response.defer(ephemeral=True)
    try:
        message = await channel.send(text, nonce=nonce)
    except discord.HTTPException as error:
        await interaction.followup.send(f"post failed {error.status} {error.code}", ephemeral=True)
        return
    await interaction.followup.send(f"posted {message.id}", ephemeral=True)


@app_commands.command(name="dmme", description="DM the invoking user")
async def dmme_command(interaction: discord.Interaction, text: str) -> None:
    try:
        await interaction.user.send(text)
    except discord.Forbidden as error:
        await interaction.response.send_message(f"dm forbidden {error.code}", ephemeral=True)
        return
    await interaction.response.send_message("dm sent", ephemeral=True)


@app_commands.command(name="long", description="Reply with a message of the given length")
async def long_command(interaction: discord.Interaction, length: int) -> None:
    try:
        await interaction.response.send_message("x" * length)
    except discord.HTTPException as error:
        await interaction.response.send_message(f"rejected {error.status} {error.code}")


@app_commands.command(name="late", description="Answer; the test makes the deadline pass")
async def late_command(interaction: discord.Interaction) -> None:
    try:
        await interaction.response.send_message("late")
    except discord.NotFound as error:
        log.warning("late interaction: NotFound %s", error.code)


def register(tree: app_commands.CommandTree[TinyBot]) -> None:
    for command in (grp, embed_command, picture_command, fruit_command, post_command, dmme_command,
                    long_command, late_command):
        tree.add_command(command)


async def run_until_signalled(bot: TinyBot, token: str) -> None:
    """Like the product: SIGINT/SIGTERM close the client from inside the loop. `Client.run`
    relies on KeyboardInterrupt, which Python 3.11 can lose inside `asyncio.wait_for`."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)


def main() -> None:
    discord.utils.setup_logging(level=logging.INFO)
    asyncio.run(run_until_signalled(TinyBot(), os.environ["DISCORD_TOKEN"]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a repeated Ctrl-C must not break the exit


if __name__ == "__main__":
    main()
