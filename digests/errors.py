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


class FetchError(DigestError):
    """A feed could not be fetched or read; `kind` is a short stable code."""

    def __init__(self, kind: str, message: str, *, status: int | None = None) -> None:
        self.kind = kind
        self.status = status
        super().__init__(message)


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
