"""A real aiohttp server on 127.0.0.1 that serves feed fixtures and misbehaves on request."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class FeedServer:
    """Routes are plain handlers keyed by path; every request's path and headers are recorded."""

    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0
    _runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def serve(self, path: str, body: bytes | str, *, content_type: str = "application/rss+xml",
              etag: str | None = None, last_modified: str | None = None,
              headers: dict[str, str] | None = None) -> None:
        """A static document that honours If-None-Match / If-Modified-Since with 304."""
        data = body.encode() if isinstance(body, str) else body

        async def handler(request: web.Request) -> web.StreamResponse:
            extra = dict(headers or {})
            if etag:
                extra["ETag"] = etag
            if last_modified:
                extra["Last-Modified"] = last_modified
            fresh = (etag and request.headers.get("If-None-Match") == etag) or (
                last_modified and request.headers.get("If-Modified-Since") == last_modified)
            if fresh:
                return web.Response(status=304, headers=extra)
            return web.Response(body=data, content_type=None,
                                headers={"Content-Type": content_type, **extra})

        self.routes[path] = handler

    def status(self, path: str, status: int, headers: dict[str, str] | None = None) -> None:
        async def handler(_: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers=headers or {})

        self.routes[path] = handler

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.status(path, status, {"Location": to})

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.path, dict(request.headers)))
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="no such fixture")
        return await handler(request)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        self.port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
