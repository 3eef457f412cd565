"""The loopback feed server of bench/scale_out.py: bench/newsroom_day.py's feed mix (its plans,
texts and answers), plus a log of every answer, so that the bench can count each feed's
fetches in a window (several bot processes share the polling: a feed polled twice in one
interval shows up here, whichever processes did it).

    POST /__t0?at=UNIX_TIME   restart every feed's clock (and empty the log)
    GET  /__fetches           [[unix time the request arrived, plan index, status], ...] since
                              the last /__t0 (each logged once answered)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import time
from typing import Any

from newsroom_day import FeedServer, Settings, Texts, _answer, build_plans, host_address

FEED_PATH = re.compile(r"/f/(\d+)(/feed)?\.xml")


def serve_logged_feeds(settings: Settings, port_queue: Any) -> None:
    """The server process: one socket per publisher host (127.1.x.y), one port for all."""
    import resource

    from aiohttp import web

    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    plans = build_plans(settings)
    texts = Texts(settings.seed, settings.total)
    state: dict[str, Any] = {"t0": time.time(), "log": []}

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.path == "/__t0":
            state["t0"] = float(request.query["at"])
            state["log"] = []
            return web.Response(text="ok")
        if request.path == "/__fetches":
            return web.Response(text=json.dumps(state["log"]), content_type="application/json")
        match = FEED_PATH.fullmatch(request.path)
        if not match or int(match[1]) >= len(plans):
            return web.Response(status=404)
        plan = plans[int(match[1])]
        arrived = time.time()  # when the fetch began (a slow feed answers seconds later)
        log = state["log"]
        response: web.StreamResponse = await _answer(plan, bool(match[2]), request, state["t0"], texts)
        log.append((arrived, plan.index, response.status))
        return response

    async def main() -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handle)
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        sockets = _bind(sorted({p.host for p in plans} | {0}))
        for sock in sockets:
            await web.SockSite(runner, sock).start()
        port_queue.put(sockets[0].getsockname()[1])
        await asyncio.Event().wait()

    asyncio.run(main())


def _bind(hosts: list[int]) -> list[socket.socket]:
    """A listening socket on every host's address, all on one free port."""
    for _attempt in range(20):
        sockets: list[socket.socket] = []
        port = 0
        try:
            for host in hosts:
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sockets.append(sock)
                sock.bind((host_address(host), port))
                sock.listen(1024)
                port = sock.getsockname()[1]
            return sockets
        except OSError:
            for sock in sockets:
                sock.close()
    raise OSError("no port free on every feed host address")


class LoggedFeedServer(FeedServer):
    """`newsroom_day`'s feed server process, serving through `serve_logged_feeds`."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, serve_logged_feeds)

    def fetches(self) -> list[tuple[float, int, int]]:
        """Every answer since the clock was last set: (arrival time, plan index, status)."""
        return [(float(t), int(i), int(s)) for t, i, s in json.loads(self._call("/__fetches"))]
