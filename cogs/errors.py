"""The one place command errors become words: a plain, ephemeral sentence, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable

import discord
from discord import app_commands

from cogs.limits import CONTENT, error_text
from digests.errors import DigestError, StorageError

log = logging.getLogger(__name__)

UNEXPECTED = ("Something went wrong on our side while doing that. It was logged; "
              "please try again in a moment.")
STORAGE = ("The bot cannot reach its database just now. The operator can see why in the logs; "
           "please try again later.")


def error_message(error: BaseException) -> str:
    """What the member reads: our own errors say what to do; anything else says it was logged.
    Our errors quote what a feed's server or a member wrote (a status line, a redirect target,
    an option's value), so their words are made inert and cut like feed text."""
    cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(cause, StorageError):
        return STORAGE  # its text is for the operator (file names, SQLite's words)
    if isinstance(cause, DigestError | app_commands.CheckFailure):
        return error_text(str(cause), CONTENT)
    if isinstance(cause, app_commands.TransformerError):
        return error_text(f"{cause.value!r} is not a valid value for that option.", CONTENT)
    return UNEXPECTED


class NewsdeskTree(app_commands.CommandTree[discord.Client]):
    failed: Callable[[discord.Interaction], None] | None = None
    """Hears every command that ended in an error (the metrics count them)."""

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        if self.failed is not None:
            self.failed(interaction)
        message = error_message(error)
        if message in (UNEXPECTED, STORAGE):
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed", command, exc_info=error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the member about an error: %s", message)
