# ruff: noqa: ASYNC109  -- the documented API takes plain ``timeout=`` arguments, as tests expect
"""A loopback fake of the Discord REST API and gateway, for end-to-end tests of the bot.

One aiohttp app on 127.0.0.1 serves ``/api/v10/...`` (REST) and ``/gateway`` (websocket, TEXT JSON
frames, no compression). The bot process is pointed at it by ``tests/e2e/launcher.py``.

The fake keeps a small world (guilds, channels, users), records every request, stores the messages the
bot creates, builds INTERACTION_CREATE payloads from the command schema the bot synced, and validates
messages against Discord's limits. Levers inject 429s, errors, forbidden channels, closed DMs, gateway
reconnects and dropped connections.

Sharding is modelled as Discord does it: ``GET /gateway/bot`` recommends ``shard_count`` shards, an
IDENTIFY may carry ``shard: [id, count]``, and a connection receives the guilds (GUILD_CREATE) and the
interactions of the guilds of its shard only, ``(guild_id >> 22) % count == id``; DMs go to shard 0.
Several connections (one per shard, from one process or several) are live at once, each with its own
session and sequence. A connection without ``shard`` is shard 0 of 1: it receives every guild.
"""

from __future__ import annotations

import asyncio
import copy
import json
import mimetypes
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

DISCORD_EPOCH_MS = 1420070400000
API_PREFIX = "/api/v10"
JSON_TYPE = "application/json"  # discord.py compares the header to this exact string
NONCE_WINDOW_SECONDS = 300.0
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

# Permission bits used by the default world.
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
ADD_REACTIONS = 1 << 6
USE_APPLICATION_COMMANDS = 1 << 31
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ALL_PERMISSIONS = (1 << 51) - 1
MEMBER_PERMISSIONS = (VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY
                      | ADD_REACTIONS | USE_APPLICATION_COMMANDS)
ADMIN_ROLE_PERMISSIONS = MEMBER_PERMISSIONS | MANAGE_GUILD | ADMINISTRATOR

# Application command option types.
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = 3, 4, 5, 6, 7, 8, 9, 10
ATTACHMENT = 11

# Interaction callback types.
PONG, CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 1, 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9
EPHEMERAL = 1 << 6
LOADING = 1 << 7


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class Snowflakes:
    """Discord ids that encode the current time (``Interaction.expires_at`` depends on it)."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        value = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        value = max(value, self._last + 1)
        self._last = value
        return value

    def advance_to(self, value: int) -> None:
        """Never hand out ``value`` or anything below it (it was made by hand)."""
        self._last = max(self._last, value)


def snowflake_time(snowflake: int) -> float:
    """Unix time in seconds encoded in ``snowflake``."""
    return ((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000


class DiscordError(Exception):
    """An API error, answered in Discord's shape: ``{"code", "message", "errors"?}``."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


class UnknownCommandError(LookupError):
    """A test tried to invoke a command, subcommand or option the bot never synced."""


class InvalidOptionError(ValueError):
    """A test passed an option value Discord's client would not let a user send."""


class CommandNotPermittedError(PermissionError):
    """The invoking user lacks the command's ``default_member_permissions``; Discord hides it."""


@dataclass
class RecordedRequest:
    """One REST request the bot made. ``json`` is the body (``payload_json`` for multipart)."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[tuple[str, bytes]]
    status: int = 0


@dataclass
class FakeGuild:
    id: int
    name: str
    owner_id: int
    admin_role_id: int
    channels: dict[str, int] = field(default_factory=dict)
    member_ids: list[int] = field(default_factory=list)
    admin_ids: set[int] = field(default_factory=set)


@dataclass
class FakeChannel:
    id: int
    type: int  # 0 guild text, 1 DM
    name: str | None
    guild_id: int | None = None
    recipient_id: int | None = None


@dataclass
class _Lever:
    """An injected response for the next ``count`` requests matching method and path."""

    method: str
    pattern: re.Pattern[str]
    count: int
    respond: Callable[[], web.Response]


@dataclass
class _Session:
    """A gateway session: its shard ``(id, count)`` and the last sequence number sent in it."""

    id: str
    shard: tuple[int, int]
    sequence: int = 0


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    session_id: str | None = None
    session: _Session | None = None

    @property
    def shard(self) -> tuple[int, int]:
        return self.session.shard if self.session is not None else (0, 1)

    def holds(self, guild_id: int | None) -> bool:
        """Whether Discord sends this guild's events here (DMs, ``None``, go to shard 0)."""
        shard_id, count = self.shard
        return shard_of(guild_id or 0, count) == shard_id


def shard_of(guild_id: int, count: int) -> int:
    """Discord's formula: the shard whose connection receives a guild's events."""
    return (guild_id >> 22) % count


def _compile_path(pattern: str) -> re.Pattern[str]:
    """``/channels/{id}/messages`` or ``/channels/*/messages``; ``{x}`` and ``*`` match one segment."""
    parts = re.split(r"(\{[^}]*\}|\*)", pattern)
    regex = "".join("[^/]+" if part == "*" or part.startswith("{") else re.escape(part) for part in parts)
    return re.compile(regex)


def _json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    all_headers = {"Content-Type": JSON_TYPE, **(headers or {})}
    return web.Response(status=status, body=json.dumps(body).encode(), headers=all_headers)


def _no_content() -> web.Response:
    return web.Response(status=204)


def public_message(message: dict[str, Any]) -> dict[str, Any]:
    """The message as sent over the wire: attachment bytes (``_bytes``) left out."""
    out = {key: value for key, value in message.items() if not key.startswith("_")}
    out["attachments"] = [{k: v for k, v in att.items() if not k.startswith("_")}
                          for att in message.get("attachments", [])]
    return out


# ---------------------------------------------------------------------------------------------------
# Limits
# ---------------------------------------------------------------------------------------------------

Violation = tuple[tuple[str, ...], str, str]  # path in the body, Discord error code, message


def _max_length(path: tuple[str, ...], value: Any, limit: int) -> list[Violation]:
    if isinstance(value, str) and len(value) > limit:
        return [(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")]
    return []


def _embed_text_length(embed: dict[str, Any]) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for item in embed.get("fields") or []:
        total += len(item.get("name") or "") + len(item.get("value") or "")
    return total


def _embed_violations(index: int, embed: dict[str, Any]) -> list[Violation]:
    base = ("embeds", str(index))
    found = _max_length((*base, "title"), embed.get("title"), 256)
    found += _max_length((*base, "description"), embed.get("description"), 4096)
    found += _max_length((*base, "footer", "text"), (embed.get("footer") or {}).get("text"), 2048)
    found += _max_length((*base, "author", "name"), (embed.get("author") or {}).get("name"), 256)
    fields = embed.get("fields") or []
    if len(fields) > 25:
        found.append(((*base, "fields"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
    for number, item in enumerate(fields):
        for key, limit in (("name", 256), ("value", 1024)):
            path = (*base, "fields", str(number), key)
            text = item.get(key)
            if not isinstance(text, str) or not text:
                found.append((path, "BASE_TYPE_REQUIRED", "This field is required"))
            else:
                found += _max_length(path, text, limit)
    return found + _url_violations(base, embed)


URL_LIMIT = 2048
_LINKS = (("url",), ("author", "url"), ("author", "icon_url"), ("footer", "icon_url"),
          ("image", "url"), ("thumbnail", "url"))


def _url_violations(base: tuple[str, ...], embed: dict[str, Any]) -> list[Violation]:
    """Discord refuses an embed link that is longer than 2,048 characters or not http(s)
    (images and icons may name an attachment)."""
    found: list[Violation] = []
    for path in _LINKS:
        part = embed.get(path[0]) if len(path) == 2 else embed
        url = (part or {}).get(path[-1]) if isinstance(part, dict) else None
        if not isinstance(url, str):
            continue
        attachment = path[-1] != "url" or path[0] in ("image", "thumbnail")
        allowed = url.startswith(("http://", "https://")) or (attachment and url.startswith("attachment://"))
        if len(url) > URL_LIMIT or not allowed or any(c.isspace() for c in url):
            found.append(((*base, *path), "URL_TYPE_INVALID_URL", "Not a well formed URL."))
    return found


def message_violations(payload: dict[str, Any]) -> list[Violation]:
    """Length and count limits of one message body (create or edit)."""
    found = _max_length(("content",), payload.get("content"), 2000)
    embeds = payload.get("embeds") or []
    if len(embeds) > 10:
        found.append((("embeds",), "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."))
    for index, embed in enumerate(embeds):
        found += _embed_violations(index, embed)
    if sum(_embed_text_length(embed) for embed in embeds) > 6000:
        found.append((("embeds",), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"))
    return found


def choices_violations(choices: list[dict[str, Any]]) -> list[Violation]:
    found: list[Violation] = []
    if len(choices) > 25:
        found.append((("data", "choices"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
    for index, choice in enumerate(choices):
        name = choice.get("name")
        path = ("data", "choices", str(index), "name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            found.append((path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
        value = choice.get("value")
        if isinstance(value, str) and len(value) > 100:
            found.append(((*path[:-1], "value"), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."))
    return found


def nested_errors(violations: Iterable[Violation]) -> dict[str, Any]:
    """Discord's nested error shape: ``{"embeds": {"0": {"title": {"_errors": [...]}}}}``."""
    root: dict[str, Any] = {}
    for path, code, message in violations:
        node = root
        for key in path:
            node = node.setdefault(key, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
    return root


def _describe(violations: Iterable[Violation]) -> str:
    return "; ".join(f"{'.'.join(path)}: {message}" for path, _, message in violations)


def has_body(message: dict[str, Any]) -> bool:
    return bool(message.get("content") or message.get("embeds") or message.get("attachments")
                or message.get("components") or message.get("sticker_ids") or message.get("poll"))


# ---------------------------------------------------------------------------------------------------
# Interactions
# ---------------------------------------------------------------------------------------------------

Waiter = Callable[[Callable[[], bool], float, str], Awaitable[None]]


@dataclass
class InteractionRecord:
    """One interaction the fake dispatched, and everything the bot answered to it."""

    id: int
    token: str
    command: str
    kind: int  # 2 application command, 4 autocomplete
    channel_id: int
    user_id: int
    sent_at: float
    _wait: Waiter = field(repr=False)
    callback_type: int | None = None
    callback: dict[str, Any] | None = None
    first_response_at: float | None = None
    original: dict[str, Any] | None = None
    original_edited: bool = False
    followups: list[dict[str, Any]] = field(default_factory=list)
    ephemeral: bool = False
    expired: bool = False
    error_codes: list[int] = field(default_factory=list)
    shard: tuple[int, int] | None = None  # (id, count) of the connection it was dispatched to

    @property
    def acknowledged(self) -> bool:
        return self.callback_type is not None

    @property
    def done(self) -> bool:
        """Final content is present: a message callback, or a defer then an edit or a followup."""
        if self.callback_type in (CHANNEL_MESSAGE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL):
            return True
        return self.callback_type is not None and (self.original_edited or bool(self.followups))

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The type-4 message or the edited original, then the followups, in order."""
        first = [self.original] if self.original is not None and not self._is_placeholder() else []
        return first + list(self.followups)

    def _is_placeholder(self) -> bool:
        return self.original is not None and bool(self.original.get("flags", 0) & LOADING)

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete choices of a type-8 callback."""
        if self.callback_type != AUTOCOMPLETE_RESULT or self.callback is None:
            return []
        return list((self.callback.get("data") or {}).get("choices") or [])

    async def wait_response(self, timeout: float = 5) -> dict[str, Any]:
        """The first accepted callback body (``{"type", "data"}``)."""
        await self._wait(lambda: self.callback is not None or self.expired, timeout,
                         f"a callback to interaction {self.command!r}")
        if self.callback is None:
            raise AssertionError(f"interaction {self.command!r} expired; errors {self.error_codes}")
        return self.callback

    async def wait_done(self, timeout: float = 10) -> None:
        await self._wait(lambda: self.done, timeout, f"final content for interaction {self.command!r}")

    def text(self) -> str:
        """All content and embed text of :attr:`messages`, one piece per line."""
        return "\n".join(message_text(message) for message in self.messages)


def message_text(message: dict[str, Any]) -> str:
    """Content plus embed titles, descriptions, fields, footers and authors, joined by newlines."""
    pieces = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        pieces += [embed.get("title") or "", embed.get("description") or ""]
        pieces.append((embed.get("author") or {}).get("name") or "")
        for item in embed.get("fields") or []:
            pieces += [item.get("name") or "", item.get("value") or ""]
        pieces.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(piece for piece in pieces if piece)


# ---------------------------------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------------------------------

Handler = Callable[["_Call"], Awaitable[web.Response]]


@dataclass
class _Call:
    """A parsed REST request and its path captures."""

    request: RecordedRequest
    params: dict[str, str]

    @property
    def body(self) -> dict[str, Any]:
        return self.request.json if isinstance(self.request.json, dict) else {}


class FakeDiscord:
    """Discord REST + gateway on 127.0.0.1. Set up the world, start it, point the bot at :meth:`env`."""

    def __init__(self, *, heartbeat_interval_ms: int = 1000, interaction_deadline: float = 3.0,
                 shard_count: int = 1) -> None:
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.shard_count = shard_count  # what GET /gateway/bot recommends
        self.interaction_deadline = interaction_deadline
        self.snowflakes = Snowflakes()
        self.port = 0
        self.application_id = self.snowflakes.next()
        self.bot_user_id = self.application_id
        self.users: dict[int, dict[str, Any]] = {}
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.requests: list[RecordedRequest] = []
        self.unknown_routes: list[str] = []
        self.rejected: list[tuple[str, str]] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.gateway_frames: list[dict[str, Any]] = []  # frames the bot sent (heartbeats left out)
        self.identify_payloads: list[dict[str, Any]] = []
        self.resumes = 0
        self.heartbeats = 0
        self.deleted_messages: list[dict[str, Any]] = []
        self.sync_count = 0
        self._messages: dict[int, list[dict[str, Any]]] = {}
        self._forbidden_channels: set[int] = set()
        self._closed_dms: set[int] = set()
        self._levers: list[_Lever] = []
        self._holds: list[list[Any]] = []
        self._command_ids: dict[tuple[int | None, str], int] = {}
        self._connections: list[_Connection] = []
        self._live: list[_Connection] = []  # identified or resumed, not closed: one per shard
        self._sessions: dict[str, _Session] = {}
        self._identify_events = 0
        self._identify_seen = 0
        self._sync_seen = 0
        self._change: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self._background: set[asyncio.Future[None]] = set()
        self._routes = self._route_table()
        self.users[self.bot_user_id] = self._user_payload(self.bot_user_id, "Newsdesk", bot=True)
        self.uploads: dict[int, bytes] = {}
        self.admin = self.add_user("admin")
        self.member = self.add_user("member")
        self.guild = self.add_guild()

    # ---- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        app.router.add_get("/attachments/{aid}/{name}", self._get_upload)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        for connection in list(self._connections):
            await connection.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def env(self) -> dict[str, str]:
        return {"NEWSDESK_FAKE_API": self.api_base, "NEWSDESK_FAKE_GATEWAY": self.gateway_url}

    # ---- world -----------------------------------------------------------------------------------

    def add_user(self, name: str) -> int:
        user_id = self.snowflakes.next()
        self.users[user_id] = self._user_payload(user_id, name)
        for guild in self.guilds.values():
            guild.member_ids.append(user_id)
        return user_id

    def add_guild(self, guild_id: int | None = None, *, name: str = "Test guild",
                  channels: Iterable[str] = ("general", "news"), owner_id: int | None = None) -> FakeGuild:
        """A guild with text channels; every known user is a member. Sent live if the bot is connected."""
        guild = FakeGuild(id=guild_id or self.snowflakes.next(), name=name,
                          owner_id=owner_id or self.admin,
                          admin_role_id=self.snowflakes.next())
        guild.member_ids = [uid for uid in self.users if uid != self.bot_user_id]
        guild.admin_ids.add(self.admin)
        self.guilds[guild.id] = guild
        for channel_name in channels:
            self.add_channel(guild.id, channel_name)
        if self.connection_for(guild.id) is not None:
            self._schedule(self._dispatch("GUILD_CREATE", self._guild_payload(guild), guild=guild.id))
        return guild

    def add_guild_on_shard(self, shard: int, count: int, **options: Any) -> FakeGuild:
        """A guild (as :meth:`add_guild`) whose id puts it on shard ``shard`` of ``count``."""
        moment = (self.snowflakes.next() >> 22) + 1  # above every id handed out so far
        moment += (shard - moment) % count
        guild_id = moment << 22
        self.snowflakes.advance_to(guild_id)
        return self.add_guild(guild_id, **options)

    def add_channel(self, guild_id: int, name: str) -> int:
        channel = FakeChannel(id=self.snowflakes.next(), type=0, name=name, guild_id=guild_id)
        self.channels[channel.id] = channel
        self.guilds[guild_id].channels[name] = channel.id
        return channel.id

    def channel_messages(self, channel_id: int) -> list[dict[str, Any]]:
        """Messages created in a channel (guild or DM); attachment bytes are under ``att["_bytes"]``."""
        return list(self._messages.get(channel_id, []))

    def dm_channel_id(self, user_id: int) -> int | None:
        for channel in self.channels.values():
            if channel.type == 1 and channel.recipient_id == user_id:
                return channel.id
        return None

    def dm_messages(self, user_id: int) -> list[dict[str, Any]]:
        channel_id = self.dm_channel_id(user_id)
        return [] if channel_id is None else self.channel_messages(channel_id)

    @staticmethod
    def attachment_bytes(message: dict[str, Any], filename: str) -> bytes:
        for attachment in message.get("attachments", []):
            if attachment["filename"] == filename:
                return bytes(attachment["_bytes"])
        raise KeyError(filename)

    def requests_to(self, method: str, path_pattern: str) -> list[RecordedRequest]:
        pattern = _compile_path(path_pattern)
        return [r for r in self.requests
                if method in ("*", r.method) and pattern.fullmatch(r.path)]

    # ---- waiting ---------------------------------------------------------------------------------

    def _notify(self) -> None:
        if self._change is not None:
            self._change.set()
            self._change = None

    async def wait_until(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        """Wait until ``predicate()`` holds: re-checked on every change in the fake and every 50 ms."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            if self._change is None:
                self._change = asyncio.Event()
            event = self._change
            try:
                await asyncio.wait_for(event.wait(), min(remaining, 0.05))
            except TimeoutError:
                continue

    async def wait_for_messages(self, channel_id: int, count: int = 1,
                                timeout: float = 10) -> list[dict[str, Any]]:
        await self.wait_until(lambda: len(self._messages.get(channel_id, [])) >= count, timeout,
                               f"{count} message(s) in channel {channel_id}")
        return self.channel_messages(channel_id)

    async def wait_for_dms(self, user_id: int, count: int = 1, timeout: float = 10) -> list[dict[str, Any]]:
        await self.wait_until(lambda: len(self.dm_messages(user_id)) >= count, timeout,
                               f"{count} DM(s) to user {user_id}")
        return self.dm_messages(user_id)

    async def wait_identified(self, timeout: float = 10) -> None:
        """Return once an IDENTIFY or RESUME arrived that no earlier call has returned for."""
        await self.wait_until(lambda: self._identify_events > self._identify_seen, timeout,
                               "the bot to IDENTIFY or RESUME")
        self._identify_seen = self._identify_events

    async def wait_synced(self, timeout: float = 10) -> None:
        """Return once a command sync arrived that no earlier call has returned for."""
        await self.wait_until(lambda: self.sync_count > self._sync_seen, timeout, "a command sync")
        self._sync_seen = self.sync_count

    # ---- levers ----------------------------------------------------------------------------------

    def rate_limit_next(self, method: str, path_pattern: str, *, retry_after: float = 0.3, count: int = 1,
                        global_: bool = False) -> None:
        """The next ``count`` matching requests get a 429 that discord.py honours (``Via`` is set)."""
        def respond() -> web.Response:
            headers = {"Via": "1.1 google", "Retry-After": str(max(1, round(retry_after))),
                       "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
                       "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                       "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                       "X-RateLimit-Bucket": "fakebucket",
                       "X-RateLimit-Scope": "global" if global_ else "user"}
            if global_:
                headers["X-RateLimit-Global"] = "true"
            body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": global_,
                    "code": 0}
            return _json_response(body, 429, headers)
        self._levers.append(_Lever(method.upper(), _compile_path(path_pattern), count, respond))

    def fail_next(self, method: str, path_pattern: str, *, status: int, code: int, message: str,
                  count: int = 1) -> None:
        """The next ``count`` matching requests get ``status`` with ``{"code", "message"}``."""
        error = DiscordError(status, code, message)
        self._levers.append(_Lever(method.upper(), _compile_path(path_pattern), count,
                                   lambda: _json_response(error.body(), status)))

    def forbid_channel(self, channel_id: int) -> None:
        self._forbidden_channels.add(channel_id)

    def allow_channel(self, channel_id: int) -> None:
        self._forbidden_channels.discard(channel_id)

    def close_dms(self, user_id: int) -> None:
        self._closed_dms.add(user_id)

    def open_dms(self, user_id: int) -> None:
        self._closed_dms.discard(user_id)

    async def reconnect(self, *, timeout: float = 10, shard: int = 0) -> None:
        """Send op 7 RECONNECT (on ``shard``'s connection) and wait until the bot has RESUMEd."""
        before = self._identify_events
        connection = self._require_connection(shard)
        await connection.ws.send_str(json.dumps({"op": 7, "d": None, "s": None, "t": None}))
        await self.wait_until(lambda: self._identify_events > before, timeout, "RESUME after RECONNECT")
        self._identify_seen = self._identify_events

    async def drop_connection(self, *, code: int = 4000, timeout: float = 10, shard: int = 0) -> None:
        """Close ``shard``'s websocket with a resumable code and wait until the bot has RESUMEd."""
        before = self._identify_events
        connection = self._require_connection(shard)
        await connection.ws.close(code=code, message=b"dropped by the fake")
        await self.wait_until(lambda: self._identify_events > before, timeout,
                               "RESUME after a dropped connection")
        self._identify_seen = self._identify_events

    @property
    def _active(self) -> _Connection | None:
        """The live connection of shard 0 (the only one when the bot is not sharded)."""
        return self.connection_for(None)

    def connection_for(self, guild_id: int | None) -> _Connection | None:
        """The live connection that receives this guild's events (``None``: DMs, shard 0)."""
        return next((c for c in self._live if c.holds(guild_id)), None)

    def live_shards(self) -> list[tuple[int, int]]:
        """``(id, count)`` of every live connection."""
        return [c.shard for c in self._live]

    def _require_connection(self, shard: int = 0) -> _Connection:
        connection = next((c for c in self._live if c.shard[0] == shard), None)
        if connection is None:
            raise RuntimeError(f"no bot is connected to the fake gateway on shard {shard}")
        return connection

    # ---- payloads --------------------------------------------------------------------------------

    def _user_payload(self, user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
        return {"id": str(user_id), "username": name, "global_name": None, "discriminator": "0",
                "avatar": None, "bot": bot, "system": False, "public_flags": 0, "flags": 0}

    def _role_permissions(self, guild: FakeGuild, user_id: int) -> int:
        return ADMIN_ROLE_PERMISSIONS if user_id in guild.admin_ids or user_id == guild.owner_id else 0

    def permissions_of(self, user_id: int, guild_id: int) -> int:
        """Resolved guild permissions, as an interaction's ``member.permissions`` carries them."""
        guild = self.guilds[guild_id]
        value = MEMBER_PERMISSIONS | self._role_permissions(guild, user_id)
        return ALL_PERMISSIONS if value & ADMINISTRATOR or user_id == guild.owner_id else value

    def _member_payload(self, guild: FakeGuild, user_id: int, *, with_user: bool = True) -> dict[str, Any]:
        roles = [str(guild.admin_role_id)] if self._role_permissions(guild, user_id) else []
        member: dict[str, Any] = {"roles": roles, "joined_at": now_iso(), "deaf": False, "mute": False,
                                  "flags": 0, "pending": False, "nick": None, "avatar": None,
                                  "premium_since": None, "communication_disabled_until": None}
        if with_user:
            member["user"] = self.users[user_id]
        return member

    def _channel_payload(self, channel: FakeChannel) -> dict[str, Any]:
        if channel.type == 1:
            recipient = self.users[channel.recipient_id or 0]
            return {"id": str(channel.id), "type": 1, "last_message_id": None, "recipients": [recipient],
                    "flags": 0}
        return {"id": str(channel.id), "type": 0, "name": channel.name, "guild_id": str(channel.guild_id),
                "position": 0, "permission_overwrites": [], "topic": None, "nsfw": False,
                "parent_id": None, "last_message_id": None, "rate_limit_per_user": 0, "flags": 0}

    def _guild_payload(self, guild: FakeGuild) -> dict[str, Any]:
        everyone = {"id": str(guild.id), "name": "@everyone", "permissions": str(MEMBER_PERMISSIONS),
                    "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False,
                    "flags": 0, "icon": None, "unicode_emoji": None}
        admin_role = {**everyone, "id": str(guild.admin_role_id), "name": "Admin", "position": 1,
                      "permissions": str(ADMIN_ROLE_PERMISSIONS)}
        channels = [self._channel_payload(self.channels[cid]) for cid in guild.channels.values()]
        for position, channel in enumerate(channels):
            channel["position"] = position
            channel.pop("guild_id", None)
        members = [self._member_payload(guild, self.bot_user_id)]
        members += [self._member_payload(guild, uid) for uid in guild.member_ids]
        return {"id": str(guild.id), "name": guild.name, "icon": None, "splash": None,
                "discovery_splash": None, "banner": None, "description": None,
                "owner_id": str(guild.owner_id), "afk_channel_id": None,
                "afk_timeout": 300, "verification_level": 0, "default_message_notifications": 0,
                "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "premium_tier": 0,
                "premium_subscription_count": 0, "system_channel_id": None, "system_channel_flags": 0,
                "rules_channel_id": None, "public_updates_channel_id": None, "vanity_url_code": None,
                "preferred_locale": "en-US", "features": [], "roles": [everyone, admin_role], "emojis": [],
                "stickers": [], "channels": channels, "threads": [], "members": members,
                "member_count": len(members), "voice_states": [], "presences": [], "stage_instances": [],
                "guild_scheduled_events": [], "large": False, "unavailable": False,
                "joined_at": now_iso(), "max_members": 500000, "application_id": None,
                "premium_progress_bar_enabled": False}

    def _application_payload(self) -> dict[str, Any]:
        return {"id": str(self.application_id), "name": "Newsdesk", "description": "", "icon": None,
                "bot_public": True, "bot_require_code_grant": False, "owner": self.users[self.admin],
                "verify_key": "0" * 64, "team": None, "flags": 0, "summary": "", "rpc_origins": [],
                "bot": self.users[self.bot_user_id]}

    # ---- gateway ---------------------------------------------------------------------------------

    def _schedule(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        connection = _Connection(ws)
        self._connections.append(connection)
        await self._send(connection, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms},
                                      "s": None, "t": None})
        try:
            async for frame in ws:
                if frame.type is WSMsgType.TEXT:
                    await self._on_frame(connection, json.loads(frame.data))
        finally:
            self._connections.remove(connection)
            if connection in self._live:
                self._live.remove(connection)
            self._notify()
        return ws

    async def _send(self, connection: _Connection, payload: dict[str, Any]) -> None:
        if not connection.ws.closed:
            await connection.ws.send_str(json.dumps(payload))

    async def _dispatch(self, event: str, data: dict[str, Any], *, guild: int | None = None) -> None:
        """Send an event to the connection of ``guild``'s shard (``None``: shard 0)."""
        connection = self.connection_for(guild)
        if connection is None:
            raise RuntimeError(f"no bot is connected to the fake gateway for guild {guild}")
        await self._send_event(connection, event, data)

    async def _send_event(self, connection: _Connection, event: str, data: dict[str, Any]) -> None:
        assert connection.session is not None, "events follow IDENTIFY or RESUME"
        connection.session.sequence += 1
        await self._send(connection, {"op": 0, "t": event, "s": connection.session.sequence, "d": data})

    async def _on_frame(self, connection: _Connection, frame: dict[str, Any]) -> None:
        op = frame.get("op")
        if op == 1:
            self.heartbeats += 1
            await self._send(connection, {"op": 11, "d": None, "s": None, "t": None})
            return
        self.gateway_frames.append(frame)
        if op == 2:
            await self._on_identify(connection, frame.get("d") or {})
        elif op == 6:
            await self._on_resume(connection, frame.get("d") or {})
        elif op == 8:
            await self._on_request_members(connection, frame.get("d") or {})

    async def _on_identify(self, connection: _Connection, data: dict[str, Any]) -> None:
        self.identify_payloads.append(data)
        shard = data.get("shard", [0, 1])
        if not (isinstance(shard, list) and len(shard) == 2 and all(isinstance(n, int) for n in shard)
                and 0 <= shard[0] < shard[1]):
            await connection.ws.close(code=4010, message=b"Invalid shard")
            return
        # A new session of a shard ends the earlier one (its RESUME is refused) and its connection.
        for old in [c for c in self._live if c.shard[0] == shard[0]]:
            self._live.remove(old)
        self._sessions = {k: v for k, v in self._sessions.items() if v.shard[0] != shard[0]}
        session = _Session(secrets.token_hex(16), (shard[0], shard[1]))
        self._sessions[session.id] = session
        connection.session_id, connection.session = session.id, session
        self._live.append(connection)
        guilds = [g for g in self.guilds.values() if connection.holds(g.id)]
        ready: dict[str, Any] = {
            "v": 10, "user": {**self.users[self.bot_user_id], "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id, "session_type": "normal", "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0}, "private_channels": [],
            "relationships": [], "presences": [], "user_settings": {}, "geo_ordered_rtc_regions": [],
            "auth": {}, "_trace": ["fakediscord"]}
        if "shard" in data:
            ready["shard"] = data["shard"]
        await self._send_event(connection, "READY", ready)
        for guild in guilds:
            await self._send_event(connection, "GUILD_CREATE", self._guild_payload(guild))
        self._identify_events += 1
        self._notify()

    async def _on_resume(self, connection: _Connection, data: dict[str, Any]) -> None:
        session = self._sessions.get(str(data.get("session_id")))
        if session is None:
            await self._send(connection, {"op": 9, "d": False, "s": None, "t": None})
            return
        for old in [c for c in self._live if c.session is session]:
            self._live.remove(old)
        connection.session_id, connection.session = session.id, session
        self._live.append(connection)
        self.resumes += 1
        await self._send_event(connection, "RESUMED", {"_trace": ["fakediscord"]})
        self._identify_events += 1
        self._notify()

    async def _on_request_members(self, connection: _Connection, data: dict[str, Any]) -> None:
        guild = self.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        members = [self._member_payload(guild, uid) for uid in [self.bot_user_id, *guild.member_ids]]
        chunk = {"guild_id": str(guild.id), "members": members, "chunk_index": 0, "chunk_count": 1,
                 "not_found": []}
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        if connection.session is not None:
            await self._send_event(connection, "GUILD_MEMBERS_CHUNK", chunk)

    # ---- REST plumbing ---------------------------------------------------------------------------

    def _route_table(self) -> list[tuple[str, re.Pattern[str], Handler]]:
        table: list[tuple[str, str, Handler]] = [
            ("GET", "/users/@me", self._get_me),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway_bot),
            ("PUT", "/applications/{app}/commands", self._put_commands),
            ("GET", "/applications/{app}/commands", self._get_commands),
            ("PUT", "/applications/{app}/guilds/{guild}/commands", self._put_commands),
            ("GET", "/applications/{app}/guilds/{guild}/commands", self._get_commands),
            ("POST", "/interactions/{iid}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            ("GET", "/webhooks/{app}/{token}/messages/{mid}", self._get_webhook_message),
            ("PATCH", "/webhooks/{app}/{token}/messages/{mid}", self._edit_webhook_message),
            ("DELETE", "/webhooks/{app}/{token}/messages/{mid}", self._delete_webhook_message),
            ("POST", "/channels/{cid}/messages", self._post_message),
            ("GET", "/channels/{cid}/messages", self._list_messages),
            ("GET", "/channels/{cid}/messages/{mid}", self._get_message),
            ("PATCH", "/channels/{cid}/messages/{mid}", self._edit_message),
            ("DELETE", "/channels/{cid}/messages/{mid}", self._delete_message),
            ("GET", "/channels/{cid}", self._get_channel),
            ("POST", "/channels/{cid}/typing", self._typing),
            ("POST", "/users/@me/channels", self._create_dm),
        ]
        return [(method, re.compile(self._capture(path)), handler) for method, path, handler in table]

    @staticmethod
    def _capture(path: str) -> str:
        return re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", re.escape(path).replace(r"\{", "{").replace(r"\}", "}"))

    async def _read_request(self, request: web.Request, path: str) -> RecordedRequest:
        files: list[tuple[str, bytes]] = []
        body: Any = None
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                data = await part.read()  # type: ignore[union-attr]
                if part.name == "payload_json":  # type: ignore[union-attr]
                    body = json.loads(data)
                else:
                    files.append((part.filename or part.name or "file", bytes(data)))  # type: ignore[union-attr]
        elif request.can_read_body:
            raw = await request.read()
            body = json.loads(raw) if raw else None
        return RecordedRequest(request.method, path, dict(request.query), body, files)

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        recorded = await self._read_request(request, path)
        self.requests.append(recorded)
        response = self._lever_response(recorded) or await self._route(recorded)
        recorded.status = response.status
        self._notify()
        hold = self._hold_for(recorded)
        if hold:
            await asyncio.sleep(hold)  # done, but the answer is late: a crash can fall in between
        return response

    def hold_next(self, method: str, path_pattern: str, *, seconds: float, count: int = 1) -> None:
        """Carry out the next ``count`` matching requests, then wait ``seconds`` before answering."""
        self._holds.append([method.upper(), _compile_path(path_pattern), count, seconds])

    def _hold_for(self, recorded: RecordedRequest) -> float:
        for hold in self._holds:
            method, pattern, count, seconds = hold
            if method in ("*", recorded.method) and pattern.fullmatch(recorded.path):
                hold[2] = count - 1
                if hold[2] <= 0:
                    self._holds.remove(hold)
                return float(seconds)
        return 0.0

    def _lever_response(self, recorded: RecordedRequest) -> web.Response | None:
        for lever in self._levers:
            if lever.method in ("*", recorded.method) and lever.pattern.fullmatch(recorded.path):
                lever.count -= 1
                if lever.count <= 0:
                    self._levers.remove(lever)
                return lever.respond()
        return None

    async def _route(self, recorded: RecordedRequest) -> web.Response:
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(recorded.path)
            if match and method == recorded.method:
                try:
                    return await handler(_Call(recorded, match.groupdict()))
                except DiscordError as error:
                    return _json_response(error.body(), error.status)
        self.unknown_routes.append(f"{recorded.method} {recorded.path}")
        return _json_response({"code": 0, "message": "404: Not Found (fakediscord has no such route)"}, 404)

    def _reject(self, path: str, violations: list[Violation]) -> None:
        self.rejected.append((path, _describe(violations)))
        raise DiscordError(400, 50035, "Invalid Form Body", nested_errors(violations))

    def _validate(self, path: str, payload: dict[str, Any], prefix: tuple[str, ...] = ()) -> None:
        violations = [((*prefix, *where), code, text) for where, code, text in message_violations(payload)]
        if violations:
            self._reject(path, violations)

    def _require_body(self, path: str, message: dict[str, Any]) -> None:
        if not has_body(message):
            self.rejected.append((path, "empty message"))
            raise DiscordError(400, 50006, "Cannot send an empty message")

    # ---- REST: identity and commands -------------------------------------------------------------

    async def _get_me(self, call: _Call) -> web.Response:
        return _json_response({**self.users[self.bot_user_id], "verified": True, "mfa_enabled": False,
                               "email": None, "locale": "en-US"})

    async def _get_application(self, call: _Call) -> web.Response:
        return _json_response(self._application_payload())

    async def _get_gateway(self, call: _Call) -> web.Response:
        return _json_response({"url": self.gateway_url})

    async def _get_gateway_bot(self, call: _Call) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1}
        return _json_response({"url": self.gateway_url, "shards": self.shard_count,
                               "session_start_limit": limit})

    def _guild_scope(self, call: _Call) -> int | None:
        if call.params.get("app") != str(self.application_id):
            raise DiscordError(403, 50001, "Missing Access")
        guild = call.params.get("guild")
        if guild is None:
            return None
        if int(guild) not in self.guilds:
            raise DiscordError(403, 50001, "Missing Access")
        return int(guild)

    async def _put_commands(self, call: _Call) -> web.Response:
        scope = self._guild_scope(call)
        stored = [self._stored_command(scope, command) for command in (call.request.json or [])]
        self.commands[scope] = stored
        self.sync_count += 1
        return _json_response(stored)

    def _stored_command(self, scope: int | None, command: dict[str, Any]) -> dict[str, Any]:
        key = (scope, command["name"])
        command_id = self._command_ids.setdefault(key, self.snowflakes.next())
        stored = {**copy.deepcopy(command), "id": str(command_id), "application_id": str(self.application_id),
                  "version": str(self.snowflakes.next())}
        stored.setdefault("type", 1)
        stored.setdefault("description", "")
        stored.setdefault("default_member_permissions", None)
        if scope is not None:
            stored["guild_id"] = str(scope)
        return stored

    async def _get_commands(self, call: _Call) -> web.Response:
        return _json_response(self.commands.get(self._guild_scope(call), []))

    # ---- REST: channels and messages -------------------------------------------------------------

    def _channel(self, channel_id: str) -> FakeChannel:
        channel = self.channels.get(int(channel_id)) if channel_id.isdigit() else None
        if channel is None:
            raise DiscordError(404, 10003, "Unknown Channel")
        return channel

    async def _get_channel(self, call: _Call) -> web.Response:
        return _json_response(self._channel_payload(self._channel(call.params["cid"])))

    async def _typing(self, call: _Call) -> web.Response:
        self._channel(call.params["cid"])
        return _no_content()

    async def _create_dm(self, call: _Call) -> web.Response:
        recipient = int(call.body.get("recipient_id", 0))
        if recipient not in self.users:
            raise DiscordError(400, 50035, "Invalid Form Body",
                               nested_errors([(("recipient_id",), "NUMBER_TYPE_COERCE", "Unknown user")]))
        channel_id = self.dm_channel_id(recipient)
        if channel_id is None:
            channel_id = self.snowflakes.next()
            self.channels[channel_id] = FakeChannel(channel_id, 1, None, recipient_id=recipient)
        return _json_response(self._channel_payload(self.channels[channel_id]))

    def _check_can_post(self, channel: FakeChannel) -> None:
        if channel.id in self._forbidden_channels:
            raise DiscordError(403, 50013, "Missing Permissions")
        if channel.type == 1 and channel.recipient_id in self._closed_dms:
            raise DiscordError(403, 50007, "Cannot send messages to this user")

    def _existing_nonce(self, channel_id: int, nonce: Any) -> dict[str, Any] | None:
        horizon = time.time() - NONCE_WINDOW_SECONDS
        for message in self._messages.get(channel_id, []):
            if (message.get("nonce") is not None and str(message["nonce"]) == str(nonce)
                    and message["author"]["id"] == str(self.bot_user_id)
                    and snowflake_time(int(message["id"])) >= horizon):
                return message
        return None

    async def _post_message(self, call: _Call) -> web.Response:
        channel = self._channel(call.params["cid"])
        self._check_can_post(channel)
        payload = call.body
        self._validate(call.request.path, payload)
        if payload.get("nonce") is not None and payload.get("enforce_nonce"):
            existing = self._existing_nonce(channel.id, payload["nonce"])
            if existing is not None:
                return _json_response(public_message(existing))
        message = self._new_message(channel, payload, call.request.files)
        self._require_body(call.request.path, message)
        self._messages.setdefault(channel.id, []).append(message)
        return _json_response(public_message(message))

    def _stored_message(self, call: _Call) -> dict[str, Any]:
        channel = self._channel(call.params["cid"])
        for message in self._messages.get(channel.id, []):
            if message["id"] == call.params["mid"]:
                return message
        raise DiscordError(404, 10008, "Unknown Message")

    async def _list_messages(self, call: _Call) -> web.Response:
        """Newest first, honouring ``limit`` (``before``/``after`` are not implemented)."""
        channel = self._channel(call.params["cid"])
        limit = int(call.request.query.get("limit", "50"))
        newest_first = list(reversed(self._messages.get(channel.id, [])))[:limit]
        return _json_response([public_message(message) for message in newest_first])

    async def _get_message(self, call: _Call) -> web.Response:
        return _json_response(public_message(self._stored_message(call)))

    async def _edit_message(self, call: _Call) -> web.Response:
        message = self._stored_message(call)
        self._validate(call.request.path, call.body)
        edited = copy.deepcopy(message)
        self._apply_edit(edited, call.body, call.request.files)
        self._require_body(call.request.path, edited)
        message.clear()
        message.update(edited)
        return _json_response(public_message(message))

    async def _delete_message(self, call: _Call) -> web.Response:
        message = self._stored_message(call)
        self._messages[int(message["channel_id"])].remove(message)
        self.deleted_messages.append(message)
        return _no_content()

    def _attachments(self, payload: dict[str, Any], files: list[tuple[str, bytes]]) -> list[dict[str, Any]]:
        described = {str(item.get("id")): item for item in payload.get("attachments") or []}
        attachments = []
        for index, (filename, data) in enumerate(files):
            meta = described.get(str(index), {})
            name = meta.get("filename") or filename
            attachment_id = self.snowflakes.next()
            url = f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{name}"
            attachments.append({"id": str(attachment_id), "filename": name, "size": len(data), "url": url,
                                "proxy_url": url, "content_type": mimetypes.guess_type(name)[0],
                                "description": meta.get("description"), "ephemeral": False, "_bytes": data})
        return attachments

    def _new_message(self, channel: FakeChannel, payload: dict[str, Any], files: list[tuple[str, bytes]],
                     *, webhook: bool = False) -> dict[str, Any]:
        embeds = [{"type": "rich", **embed} for embed in payload.get("embeds") or []]
        message: dict[str, Any] = {
            "id": str(self.snowflakes.next()), "channel_id": str(channel.id), "type": 0,
            "content": payload.get("content") or "", "author": self.users[self.bot_user_id],
            "embeds": embeds, "attachments": self._attachments(payload, files), "mentions": [],
            "mention_roles": [], "mention_everyone": False, "pinned": False, "tts": bool(payload.get("tts")),
            "timestamp": now_iso(), "edited_timestamp": None, "flags": int(payload.get("flags") or 0),
            "components": payload.get("components") or [], "nonce": payload.get("nonce"),
            "allowed_mentions": payload.get("allowed_mentions")}
        if channel.guild_id is not None:
            message["guild_id"] = str(channel.guild_id)
        if webhook:
            message["webhook_id"] = str(self.application_id)
            message["application_id"] = str(self.application_id)
        if payload.get("message_reference"):
            message["message_reference"] = payload["message_reference"]
        return message

    def _apply_edit(self, message: dict[str, Any], payload: dict[str, Any],
                    files: list[tuple[str, bytes]]) -> None:
        for key in ("content", "components", "allowed_mentions", "flags"):
            if key in payload:
                message[key] = payload[key] if payload[key] is not None else message.get(key)
        if "embeds" in payload:
            message["embeds"] = [{"type": "rich", **embed} for embed in payload["embeds"] or []]
        kept = message["attachments"]
        if "attachments" in payload:
            wanted = {str(item.get("id")) for item in payload["attachments"] or []}
            kept = [att for att in kept if att["id"] in wanted]
        message["attachments"] = kept + self._attachments(payload, files)
        message["edited_timestamp"] = now_iso()

    # ---- REST: interactions ----------------------------------------------------------------------

    def _interaction(self, interaction_id: str, token: str) -> InteractionRecord:
        record = self.interactions.get(int(interaction_id)) if interaction_id.isdigit() else None
        if record is None or record.token != token or record.expired:
            raise DiscordError(404, 10062, "Unknown interaction")
        return record

    def _webhook_interaction(self, call: _Call) -> InteractionRecord:
        if call.params["app"] != str(self.application_id):
            raise DiscordError(404, 10015, "Unknown Webhook")
        for record in self.interactions.values():
            if record.token == call.params["token"]:
                if record.expired or not record.acknowledged:
                    record.error_codes.append(10015)
                    raise DiscordError(404, 10015, "Unknown Webhook")
                return record
        raise DiscordError(404, 10015, "Unknown Webhook")

    async def _callback(self, call: _Call) -> web.Response:
        record = self._interaction(call.params["iid"], call.params["token"])
        try:
            return self._accept_callback(record, call)
        except DiscordError as error:
            record.error_codes.append(error.code)
            raise

    def _accept_callback(self, record: InteractionRecord, call: _Call) -> web.Response:
        if record.acknowledged:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if time.monotonic() - record.sent_at > self.interaction_deadline:
            record.expired = True
            raise DiscordError(404, 10062, "Unknown interaction")
        body = call.body
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        channel = self.channels[record.channel_id]
        message: dict[str, Any] | None = None
        if kind in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            self._validate(call.request.path, data, ("data",))
            message = self._new_message(channel, data, call.request.files, webhook=True)
            message["interaction_metadata"] = self._interaction_metadata(record)
            self._require_body(call.request.path, message)
        elif kind == DEFERRED_CHANNEL_MESSAGE:
            flags = int(data.get("flags") or 0)
            message = self._new_message(channel, {"flags": flags | LOADING}, [], webhook=True)
            message["interaction_metadata"] = self._interaction_metadata(record)
        elif kind == AUTOCOMPLETE_RESULT:
            violations = choices_violations(list(data.get("choices") or []))
            if violations:
                self._reject(call.request.path, violations)
        elif kind not in (PONG, DEFERRED_UPDATE, MODAL):
            raise DiscordError(400, 50035, "Invalid Form Body",
                               nested_errors([(("type",), "BASE_TYPE_CHOICES", f"Unknown type {kind}")]))
        record.callback_type = kind
        record.callback = body
        record.first_response_at = time.monotonic()
        record.ephemeral = record.ephemeral or bool(int(data.get("flags") or 0) & EPHEMERAL)
        record.original = message
        if message is None:
            return _no_content()
        return _json_response(self._callback_reply(record, kind, message))

    def _interaction_metadata(self, record: InteractionRecord) -> dict[str, Any]:
        return {"id": str(record.id), "type": 2, "user": self.users[record.user_id],
                "authorizing_integration_owners": {}}

    def _callback_reply(self, record: InteractionRecord, kind: int,
                        message: dict[str, Any]) -> dict[str, Any]:
        flags = int(message.get("flags") or 0)
        interaction = {"id": str(record.id), "type": record.kind, "response_message_id": message["id"],
                       "response_message_loading": bool(flags & LOADING),
                       "response_message_ephemeral": bool(flags & EPHEMERAL)}
        return {"interaction": interaction, "resource": {"type": kind, "message": public_message(message)}}

    async def _followup(self, call: _Call) -> web.Response:
        record = self._webhook_interaction(call)
        payload = call.body
        self._validate(call.request.path, payload)
        channel = self.channels[record.channel_id]
        message = self._new_message(channel, payload, call.request.files, webhook=True)
        self._require_body(call.request.path, message)
        record.followups.append(message)
        record.ephemeral = record.ephemeral or bool(message["flags"] & EPHEMERAL)
        return _json_response(public_message(message))

    def _webhook_message(self, record: InteractionRecord, message_id: str) -> dict[str, Any]:
        if message_id == "@original" and record.original is not None:
            return record.original
        for message in record.followups:
            if message["id"] == message_id:
                return message
        raise DiscordError(404, 10008, "Unknown Message")

    async def _get_webhook_message(self, call: _Call) -> web.Response:
        record = self._webhook_interaction(call)
        return _json_response(public_message(self._webhook_message(record, call.params["mid"])))

    async def _edit_webhook_message(self, call: _Call) -> web.Response:
        record = self._webhook_interaction(call)
        message = self._webhook_message(record, call.params["mid"])
        self._validate(call.request.path, call.body)
        edited = copy.deepcopy(message)
        self._apply_edit(edited, call.body, call.request.files)
        edited["flags"] = int(edited.get("flags") or 0) & ~LOADING
        self._require_body(call.request.path, edited)
        message.clear()
        message.update(edited)
        if message is record.original:
            record.original_edited = True
        return _json_response(public_message(message))

    async def _delete_webhook_message(self, call: _Call) -> web.Response:
        record = self._webhook_interaction(call)
        message = self._webhook_message(record, call.params["mid"])
        if message is record.original:
            record.original = None
        else:
            record.followups.remove(message)
        return _no_content()

    # ---- attachments a member uploads as a command option ------------------------------------------

    def upload(self, filename: str, data: bytes) -> dict[str, Any]:
        """An attachment as Discord resolves it for an ATTACHMENT option; its URL serves `data`."""
        attachment_id = self.snowflakes.next()
        url = f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{filename}"
        self.uploads[attachment_id] = data
        return {"id": str(attachment_id), "filename": filename, "size": len(data), "url": url,
                "proxy_url": url, "content_type": mimetypes.guess_type(filename)[0] or "text/xml",
                "ephemeral": True}

    async def _get_upload(self, request: web.Request) -> web.Response:
        data = self.uploads.get(int(request.match_info["aid"]))
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, content_type="application/octet-stream")

    # ---- invoking commands -----------------------------------------------------------------------

    def find_command(self, name: str, guild: int | None) -> dict[str, Any]:
        for scope in (guild, None):
            for command in self.commands.get(scope, []):
                if command["name"] == name and command.get("type", 1) == 1:
                    return command
        raise UnknownCommandError(f"/{name} was not synced (guild {guild} or global)")

    async def invoke(self, command: str, options: dict[str, Any] | None = None, *, user: int | None = None,
                     guild: int | None = None, channel: int | None = None, permissions: int | None = None,
                     enforce_default_permissions: bool = True) -> InteractionRecord:
        """Dispatch a slash command built from the synced schema; returns its record at once."""
        return await self._send_interaction(2, command, options or {}, None, user=user, guild=guild,
                                            channel=channel, permissions=permissions,
                                            enforce_default_permissions=enforce_default_permissions)

    async def autocomplete(self, command: str, options: dict[str, Any], focused: str, *,
                           user: int | None = None, guild: int | None = None, channel: int | None = None,
                           permissions: int | None = None, timeout: float = 5) -> list[dict[str, Any]]:
        """Dispatch an autocomplete interaction and return the choices of the type-8 callback."""
        record = await self._send_interaction(4, command, options, focused, user=user, guild=guild,
                                              channel=channel, permissions=permissions,
                                              enforce_default_permissions=True)
        body = await record.wait_response(timeout)
        if body.get("type") != AUTOCOMPLETE_RESULT:
            raise AssertionError(f"autocomplete answered with callback type {body.get('type')}")
        return record.choices

    async def _send_interaction(self, kind: int, command: str, options: dict[str, Any], focused: str | None,
                                *, user: int | None, guild: int | None, channel: int | None,
                                permissions: int | None, enforce_default_permissions: bool
                                ) -> InteractionRecord:
        user_id = user if user is not None else self.member
        channel_id = channel if channel is not None else self._default_channel(guild)
        target = self.channels[channel_id]
        guild_id = guild if guild is not None else target.guild_id
        perms = permissions if permissions is not None else (
            self.permissions_of(user_id, guild_id) if guild_id is not None else MEMBER_PERMISSIONS)
        path = command.split()
        schema = self.find_command(path[0], guild_id)
        self._check_default_permissions(schema, perms, enforce_default_permissions)
        builder = _OptionBuilder(self, guild_id, focused)
        data = {"id": schema["id"], "name": schema["name"], "type": 1,
                "options": builder.build(schema, path, options), "resolved": builder.resolved}
        if not builder.resolved:
            data.pop("resolved")
        if "guild_id" in schema:
            data["guild_id"] = schema["guild_id"]
        record = InteractionRecord(id=self.snowflakes.next(), token=secrets.token_urlsafe(48),
                                   command=command, kind=kind, channel_id=channel_id, user_id=user_id,
                                   sent_at=time.monotonic(),
                                   _wait=self.wait_until)
        payload = self._interaction_payload(record, data, user_id, guild_id, target, perms)
        await self.wait_until(lambda: self.connection_for(guild_id) is not None, 10,
                              f"a bot connected on the shard of guild {guild_id}")
        self.interactions[record.id] = record
        record.shard = self.connection_for(guild_id).shard  # type: ignore[union-attr]
        record.sent_at = time.monotonic()
        await self._dispatch("INTERACTION_CREATE", payload, guild=guild_id)
        return record

    def _default_channel(self, guild: int | None) -> int:
        target = self.guilds[guild if guild is not None else self.guild.id]
        return next(iter(target.channels.values()))

    @staticmethod
    def _check_default_permissions(schema: dict[str, Any], perms: int, enforce: bool) -> None:
        required = schema.get("default_member_permissions")
        if not enforce or required in (None, ""):
            return
        needed = int(required)
        if perms & ADMINISTRATOR == 0 and perms & needed != needed:
            raise CommandNotPermittedError(
                f"/{schema['name']} needs permissions {needed}; the user has {perms}")

    def _interaction_payload(self, record: InteractionRecord, data: dict[str, Any], user_id: int,
                             guild_id: int | None, channel: FakeChannel, perms: int) -> dict[str, Any]:
        channel_payload = {**self._channel_payload(channel), "permissions": str(perms)}
        payload: dict[str, Any] = {
            "id": str(record.id), "application_id": str(self.application_id), "type": record.kind,
            "data": data, "channel_id": str(channel.id), "channel": channel_payload, "token": record.token,
            "version": 1, "app_permissions": str(ALL_PERMISSIONS), "locale": "en-US", "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT}
        if guild_id is not None:
            member = self._member_payload(self.guilds[guild_id], user_id)
            member["permissions"] = str(perms)
            payload.update(guild_id=str(guild_id), member=member, guild_locale="en-US", context=0,
                           guild={"id": str(guild_id), "locale": "en-US", "features": []},
                           authorizing_integration_owners={"0": str(guild_id)})
        else:
            payload.update(user=self.users[user_id], context=1,
                           authorizing_integration_owners={"1": str(user_id)})
        return payload


class _OptionBuilder:
    """Turns ``{"name": value}`` into an interaction's ``data.options`` after checking the schema."""

    def __init__(self, fake: FakeDiscord, guild_id: int | None, focused: str | None) -> None:
        self.fake = fake
        self.guild_id = guild_id
        self.focused = focused
        self.resolved: dict[str, dict[str, Any]] = {}

    def build(self, schema: dict[str, Any], path: list[str], values: dict[str, Any]) -> list[dict[str, Any]]:
        node = schema
        chain: list[dict[str, Any]] = []
        for name in path[1:]:
            child = self._child(node, name, (SUB_COMMAND, SUB_COMMAND_GROUP))
            chain.append(child)
            node = child
        if any(opt.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for opt in node.get("options") or []):
            raise UnknownCommandError(f"/{' '.join(path)} needs a subcommand")
        options = self._leaf_options(node, values)
        for parent in reversed(chain):
            options = [{"name": parent["name"], "type": parent["type"], "options": options}]
        return options

    @staticmethod
    def _child(node: dict[str, Any], name: str, types: tuple[int, ...]) -> dict[str, Any]:
        for option in node.get("options") or []:
            if option["name"] == name and option.get("type") in types:
                return option
        raise UnknownCommandError(f"{node['name']!r} has no subcommand {name!r}")

    def _leaf_options(self, node: dict[str, Any], values: dict[str, Any]) -> list[dict[str, Any]]:
        schema = {option["name"]: option for option in node.get("options") or []}
        for name in values:
            if name not in schema:
                raise UnknownCommandError(f"{node['name']!r} has no option {name!r}")
        if self.focused is not None and self.focused not in values:
            raise UnknownCommandError(f"focused option {self.focused!r} has no value")
        out = []
        for name, option in schema.items():
            if name not in values:
                if option.get("required") and self.focused is None:
                    raise InvalidOptionError(f"required option {name!r} missing")
                continue
            if name == self.focused:
                out.append({"name": name, "type": option["type"], "value": values[name], "focused": True})
            else:
                out.append({"name": name, "type": option["type"], "value": self._value(option, values[name])})
        return out

    def _value(self, option: dict[str, Any], value: Any) -> Any:
        kind = option["type"]
        name = option["name"]
        checks: dict[int, Callable[[Any], bool]] = {
            STRING: lambda v: isinstance(v, str), BOOLEAN: lambda v: isinstance(v, bool),
            INTEGER: lambda v: isinstance(v, int) and not isinstance(v, bool),
            NUMBER: lambda v: isinstance(v, int | float) and not isinstance(v, bool)}
        if kind in checks and not checks[kind](value):
            raise InvalidOptionError(f"option {name!r} expects type {kind}, got {value!r}")
        if option.get("choices") and value not in [choice["value"] for choice in option["choices"]]:
            raise InvalidOptionError(f"option {name!r} must be one of its choices, got {value!r}")
        self._check_range(option, value)
        if kind == ATTACHMENT:
            return self._resolve_attachment(value)
        if kind == CHANNEL:
            return self._resolve_channel(int(value))
        if kind in (USER, MENTIONABLE):
            return self._resolve_user(int(value))
        if kind == ROLE:
            return str(value)
        return value

    @staticmethod
    def _check_range(option: dict[str, Any], value: Any) -> None:
        name = option["name"]
        if isinstance(value, int | float) and not isinstance(value, bool):
            low, high = option.get("min_value"), option.get("max_value")
            if (low is not None and value < low) or (high is not None and value > high):
                raise InvalidOptionError(f"option {name!r}={value} outside [{low}, {high}]")
        if isinstance(value, str):
            low, high = option.get("min_length"), option.get("max_length")
            if (low is not None and len(value) < low) or (high is not None and len(value) > high):
                raise InvalidOptionError(f"option {name!r} length {len(value)} outside [{low}, {high}]")

    def _resolve_channel(self, channel_id: int) -> str:
        channel = self.fake.channels.get(channel_id)
        if channel is None:
            raise InvalidOptionError(f"unknown channel {channel_id}")
        payload = self.fake._channel_payload(channel)
        payload["permissions"] = str(ALL_PERMISSIONS)
        self.resolved.setdefault("channels", {})[str(channel_id)] = payload
        return str(channel_id)

    def _resolve_attachment(self, value: Any) -> str:
        """`value` is (filename, bytes): uploaded, then resolved as Discord does."""
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bytes)):
            raise InvalidOptionError(f"an attachment option takes (filename, bytes), got {value!r}")
        attachment = self.fake.upload(value[0], value[1])
        self.resolved.setdefault("attachments", {})[attachment["id"]] = attachment
        return str(attachment["id"])

    def _resolve_user(self, user_id: int) -> str:
        if user_id not in self.fake.users:
            raise InvalidOptionError(f"unknown user {user_id}")
        self.resolved.setdefault("users", {})[str(user_id)] = self.fake.users[user_id]
        if self.guild_id is not None:
            member = self.fake._member_payload(self.fake.guilds[self.guild_id], user_id, with_user=False)
            member["permissions"] = str(self.fake.permissions_of(user_id, self.guild_id))
            self.resolved.setdefault("members", {})[str(user_id)] = member
        return str(user_id)
