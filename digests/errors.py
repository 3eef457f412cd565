"""Errors of the engine. Each carries a message that is safe to show to a user."""

from __future__ import annotations


class DigestError(Exception):
    """Base class: the message says what went wrong and what to do."""


class ConfigError(DigestError):
    """A configuration file that cannot be used, named down to the key."""

    def __init__(self, file: str, where: str, expected: str, found: str) -> None:
        self.file = file
        self.where = where
        self.expected = expected
        self.found = found
        super().__init__(f"{file}: {where}: expected {expected}, found {found}")


MAX_FETCH_MESSAGE = 300
"""Characters of a fetch error's message: it may quote what a server sent (a URL, a Location
header), and it is stored, logged and shown to members."""


class FetchError(DigestError):
    """A feed could not be fetched or read; `kind` is a short stable code. The message is one
    line of at most `MAX_FETCH_MESSAGE` characters, however much a server put in it."""

    def __init__(self, kind: str, message: str, *, status: int | None = None) -> None:
        self.kind = kind
        self.status = status
        line = " ".join(message.split())
        if len(line) > MAX_FETCH_MESSAGE:
            line = line[:MAX_FETCH_MESSAGE - 1].rstrip() + "…"
        super().__init__(line)


class BlockedAddress(FetchError):
    """The URL points at an address the operator has not allowed."""

    def __init__(self, message: str) -> None:
        super().__init__("blocked-address", message)


class InvalidFeedURL(DigestError):
    """The text given is not an http(s) URL."""


class UnknownFeed(DigestError):
    """No feed matches what was asked for."""


class StorageError(DigestError):
    """The database cannot be used as it is."""


class DatabaseUnavailable(StorageError):
    """The database cannot be used now: its server is down or unreachable, refuses the login,
    lacks the database, its driver is not installed, or (SQLite) another process holds the
    file. The message is one sentence, without the password; retrying later may help."""
