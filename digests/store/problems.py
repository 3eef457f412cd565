"""Why a database cannot be used, in one plain sentence that never holds the password.

The drivers' own messages may quote the URL; these sentences are made from the URL's host,
port, database and user only, and say what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from digests.errors import DatabaseUnavailable

_REFUSED_LOGIN = {"InvalidPasswordError", "InvalidAuthorizationSpecificationError"}
_NO_DATABASE = {"InvalidCatalogNameError"}
_BUSY = {"CannotConnectNowError", "TooManyConnectionsError"}


def server_of(url: str) -> str:
    """host:port of a server URL (PostgreSQL's default port when none is given)."""
    try:
        parts = urlsplit(url)
        return f"{parts.hostname or 'localhost'}:{parts.port or 5432}"
    except ValueError:
        return "the configured address"


def _database_and_user(url: str) -> tuple[str, str]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "?", "?"
    return parts.path.lstrip("/") or "?", parts.username or "?"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what SQLAlchemy wrapped (`orig`) and what that was raised from."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [getattr(current, "orig", None), current.__cause__, current.__context__]


def plain_failure(exc: BaseException, url: str) -> DatabaseUnavailable | None:
    """The failure to open a PostgreSQL database as one sentence; None for anything that is
    not about reaching it (SQLite's failures are worded where they happen)."""
    if not url.startswith("postgresql"):
        return None
    server = server_of(url)
    database, user = _database_and_user(url)
    for cause in _causes(exc):
        if isinstance(cause, DatabaseUnavailable):
            return cause
        name = type(cause).__name__
        if name in _REFUSED_LOGIN:
            return DatabaseUnavailable(
                f"the PostgreSQL server at {server} refused the login of user {user} (wrong "
                "password, or no access from this host): correct [storage] url or the server's "
                "access rules")
        if name in _NO_DATABASE:
            return DatabaseUnavailable(
                f"the database {database} does not exist on the PostgreSQL server at {server}: "
                f"create it (createdb -O {user} {database}) or correct [storage] url")
        if name in _BUSY:
            return DatabaseUnavailable(
                f"the PostgreSQL server at {server} accepts no connection now (starting, "
                "stopping or full): try again in a moment")
        if isinstance(cause, OSError | TimeoutError):
            return DatabaseUnavailable(
                f"the PostgreSQL server at {server} cannot be reached "
                f"({_reason(cause)}): start it, or correct the host and port in [storage] url")
    return None


def _reason(cause: BaseException) -> str:
    if isinstance(cause, ConnectionRefusedError):
        return "connection refused"
    if isinstance(cause, TimeoutError):
        return "no answer in time"
    return (getattr(cause, "strerror", None) or type(cause).__name__).lower()
