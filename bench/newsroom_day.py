# ruff: noqa: ASYNC109  -- plain ``timeout=`` arguments read best here
"""The 10,000-feed day: the real bot, N loopback feeds with a realistic mix, servers and alerts.

    python bench/newsroom_day.py [--feeds 10000] [--interval 600] [--steady SECONDS]
                                 [--servers 20] [--no-reader] [--json PATH]

The real `python bot.py run` (through tests/e2e's launcher, against the fake Discord on
127.0.0.1) polls N feeds served by a separate process on loopback addresses 127.1.x.y (one
address per publisher host, so the bot's per-host limit applies as it would on the web). Before
it starts, the store holds the feeds, which servers follow which (1-3 servers each, plus 10
operator feeds in the configuration that all follow), a daily digest schedule per server (due at
times spread over the run) and alert subscriptions: topic alerts of ordinary members, and
"tracer" alerts, each on a made-up word that exactly one future item carries in its title, one
member per few tracers, so that every tracer item must end in exactly one DM.

The feed mix (`Mix`; fractions of N): 60 % answer 304 to a conditional request (ETag and
Last-Modified), 22 % send no validators and answer 200 with the same body until they change,
5 % are "active" (a wire or a live page: 1-3 new items in every polling interval), 5 % are slow
(2-8 s before the first byte), 5 % fail (404, 410, 500, an HTML page with no feed link, a body
that is not XML, or no answer within the bot's 30 s read timeout), 3 % redirect (half 301 to a
new URL, half 302 every time). Every feed that is not active gains an item now and then (mean
gap between 2 hours and 7 days, log-uniform), 10-50 items are listed at the start (mean ~22),
80 % RSS 2.0 and 20 % Atom. Hosts: N/20 of them (at most 500), feeds spread over them with a
skew (the largest host holds ~4 % of the feeds, as a blog platform would). Item texts: the
news-2022 corpus, each item once as published and then in copies whose proper nouns are
swapped for others of the corpus (so that copies are other stories, not one story told
N times); never stored anywhere but the run's temporary folder.

The day: a cold start (every feed's first poll, and the enrichment of all it brought), then
`--steady` seconds (default: one interval) of steady state, then `--profile-seconds` of py-spy
sampling the bot (kept out of the steady figures), then the bot is stopped. Throughout, /ask,
/figures and /who are sent through the fake every `--pace` seconds and /digest now every
`--digest-every` seconds. Measured:

- CPU of the bot's whole process tree (bot, workers, resource tracker) from /proc, as a share of the
  machine's two cores, in the steady window; the feed server and this script apart;
- memory: RSS of the tree (peak and steady), and PSS from /proc/PID/smaps_rollup per process;
- event-loop lag: every 50 ms sample of the bot's own watcher, written out by bench/lagprobe.py
  (p50/p99/max per phase), and from outside: the slash commands' first response;
- enrichment lag, item stored (first_seen_at) to enriched, from the store's SQLite file read
  read-only every second (resolution 1 s);
- alert latency, item published on the feed server to the DM created on the fake Discord;
- time to a useful digest: the share of feeds whose newest item is read, against time;
- the same day for `reader` 3.26 (polling and storing only), side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(BENCH)]

from ingest_1000 import descendants, memory_kib  # noqa: E402  (stdlib only at import)

ITEMS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"
QUESTIONS = BENCH / "questions_ukraine.jsonl"
TICK = os.sysconf("SC_CLK_TCK")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
CORES = os.cpu_count() or 2
OPERATOR_FEEDS = 10
SYLLABLES = ("ka", "lo", "mi", "ren", "tav", "vu", "dor", "pel", "zin", "sar", "tov", "bri",
             "gan", "hel", "jor", "nix", "ost", "ulm", "zed", "fra", "wen", "yat", "cor", "dru")
TOPIC_WORDS = ("inflation", "refugees", "sanctions", "election", "climate", "vaccine", "strike",
               "bitcoin", "tesla", "wildfire", "earthquake", "oscars", "interest rates", "nato",
               "energy prices", "premier league", "covid", "china", "brexit", "ukraine grain")
PEOPLE = ("Volodymyr Zelensky", "Vladimir Putin", "Boris Johnson", "Joe Biden", "Emmanuel Macron",
          "Olaf Scholz", "Rishi Sunak", "Antonio Guterres", "Dmytro Kuleba", "Jens Stoltenberg")
FIGURE_TOPICS = (None, "refugees", "troops", "civilians killed", "sanctions", "oil")


# The feeds ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mix:
    """Shares of the feeds by behaviour (they sum to 1)."""

    conditional: float = 0.60
    unconditional: float = 0.22
    active: float = 0.05
    slow: float = 0.05
    failing: float = 0.05
    redirect: float = 0.03

    def kinds(self) -> list[tuple[str, float]]:
        return [("conditional", self.conditional), ("unconditional", self.unconditional),
                ("active", self.active), ("slow", self.slow), ("failing", self.failing),
                ("redirect", self.redirect)]


FAILURES = (("404", 0.35), ("410", 0.10), ("500", 0.20), ("html", 0.15), ("garbage", 0.10),
            ("timeout", 0.10))
INITIAL_ITEMS = (10, 15, 20, 20, 25, 30, 50)


@dataclass(frozen=True)
class Settings:
    """What both the feed server and the bench need to build the same plans."""

    feeds: int
    wire: int
    interval: int
    horizon: float
    seed: int
    tracers_per_interval: int
    mix: Mix = field(default_factory=Mix)

    @property
    def total(self) -> int:
        return self.feeds + self.wire

    @property
    def hosts(self) -> int:
        return max(2, min(500, math.ceil(self.feeds / 20)))


@dataclass
class FeedPlan:
    index: int
    kind: str  # conditional | unconditional | active | slow | failing | redirect | wire
    detail: str  # failure kind; "301" or "302"; ""
    host: int
    initial: int
    spacing: float  # mean seconds between items before t0
    events: list[float]  # seconds after t0 at which new items appear
    tracers: set[int]  # item numbers carrying a tracer word
    atom: bool
    delay: float = 0.0

    def count(self, elapsed: float) -> int:
        return self.initial + bisect.bisect_right(self.events, elapsed)

    def published(self, n: int, t0: float) -> float:
        if n >= self.initial:
            return t0 + self.events[n - self.initial]
        wobble = (zlib.crc32(f"{self.index}:{n}".encode()) % 1000) / 2000  # 0 to 0.5
        return t0 - (self.initial - n - wobble) * self.spacing

    @property
    def serves_items(self) -> bool:
        return self.kind != "failing"

    @property
    def conditional(self) -> bool:
        return self.kind in ("conditional", "active", "slow", "redirect", "wire")


def build_plans(s: Settings) -> list[FeedPlan]:
    plans = [_plan(s, f) for f in range(s.total)]
    active_items = sum(2 for p in plans if p.kind == "active")  # per interval, on average
    every = max(1, round(active_items / max(1, s.tracers_per_interval)))
    for plan in plans:
        if plan.kind == "active":
            plan.tracers = {n for n in range(plan.initial, plan.initial + len(plan.events))
                            if zlib.crc32(f"t{plan.index}:{n}".encode()) % every == 0}
        elif plan.kind == "wire":
            plan.tracers = set(range(plan.initial, plan.initial + len(plan.events)))
    return plans


def _plan(s: Settings, f: int) -> FeedPlan:
    rng = random.Random(s.seed * 1_000_003 + f)
    if f >= s.feeds:  # the wire feeds of the alert-latency bench: a host of their own each ten
        kind, detail, host = "wire", "", s.hosts + (f - s.feeds) // 10
    else:
        kind = rng.choices([k for k, _ in s.mix.kinds()], [w for _, w in s.mix.kinds()])[0]
        detail = ""
        if kind == "failing":
            detail = rng.choices([k for k, _ in FAILURES], [w for _, w in FAILURES])[0]
        elif kind == "redirect":
            detail = rng.choice(("301", "302"))
        host = min(s.hosts - 1, int(s.hosts * rng.random() ** 2))
    initial = rng.choice(INITIAL_ITEMS)
    events: list[float] = []
    if kind in ("active", "wire"):
        spacing = s.interval / 2
        for window in range(math.ceil(s.horizon / s.interval) + 1):
            k = rng.choice((1, 2, 3))
            events += sorted(rng.uniform(window * s.interval, (window + 1) * s.interval)
                             for _ in range(k))
    elif kind != "failing":
        spacing = math.exp(rng.uniform(math.log(2 * 3600), math.log(7 * 86400)))
        moment = rng.expovariate(1 / spacing)
        while moment < s.horizon:
            events.append(moment)
            moment += rng.expovariate(1 / spacing)
    else:
        spacing, initial = 3600.0, 0
    return FeedPlan(f, kind, detail, host, initial, spacing, events, set(), rng.random() < 0.2,
                    delay=rng.uniform(2, 8) if kind == "slow" else 0.0)


def host_address(host: int) -> str:
    return f"127.1.{host // 250}.{host % 250 + 1}"


def feed_url(plan: FeedPlan, port: int) -> str:
    return f"http://{host_address(plan.host)}:{port}/f/{plan.index}.xml"


def item_link(plan: FeedPlan, n: int) -> str:
    return f"https://site{plan.host}.example/{plan.index}/{n}"


def tracer_word(plan: FeedPlan, n: int) -> str:
    """A made-up word, different for every (feed, item): the only query it matches."""
    value = plan.index * 4096 + n
    parts = []
    while True:
        value, digit = divmod(value, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if not value:
            break
    return "Zy" + "".join(parts)


def link_key(url: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"https://site\d+\.example/(\d+)/(\d+)", url or "")
    return (int(match[1]), int(match[2])) if match else None


class Texts:
    """Item titles and bodies from news-2022: each corpus item as published, then in copies
    whose proper nouns are swapped for other proper nouns of the corpus."""

    _WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")

    def __init__(self, seed: int, total_feeds: int) -> None:
        rows = [json.loads(line) for line in ITEMS.read_text().splitlines() if line.strip()]
        random.Random(seed).shuffle(rows)
        self.rows = [(str(r.get("title") or ""), str(r.get("description") or "")) for r in rows]
        self.total_feeds = total_feeds
        lower = set()
        capital: Counter[str] = Counter()
        for title, text in self.rows:
            for word in re.findall(r"\b[a-z]{3,}\b", f"{title} {text}"):
                lower.add(word)
            for word in self._WORD.findall(f"{title} {text}"):
                capital[word] += 1
        self.names = sorted(w for w in capital if w.lower() not in lower)
        self.name_set = frozenset(self.names)

    def item(self, plan: FeedPlan, n: int) -> tuple[str, str]:
        serial = n * self.total_feeds + plan.index
        title, text = self.rows[serial % len(self.rows)]
        copy = serial // len(self.rows)
        if copy:
            def swap(match: re.Match[str]) -> str:
                word = match.group()
                if word not in self.name_set:
                    return word
                return self.names[(zlib.crc32(word.encode()) + copy * 7919) % len(self.names)]
            title, text = self._WORD.sub(swap, title), self._WORD.sub(swap, text)
        if n in plan.tracers:
            title = f"{title} — {tracer_word(plan, n)}"
        return title, text


# The feed server (a process of its own) -----------------------------------------------------

def render_feed(plan: FeedPlan, texts: Texts, count: int, t0: float) -> tuple[bytes, float]:
    newest = max(0, count - 1)
    listed = range(count - 1, max(-1, count - 1 - max(plan.initial, 10)), -1)
    parts = []
    for n in listed:
        title, text = texts.item(plan, n)
        when = datetime.fromtimestamp(plan.published(n, t0), UTC)
        if plan.atom:
            parts.append(f"<entry><title>{escape(title)}</title><link href=\"{item_link(plan, n)}\"/>"
                         f"<id>urn:newsday:{plan.index}:{n}</id><updated>{when.isoformat()}</updated>"
                         f"<published>{when.isoformat()}</published>"
                         f"<summary type=\"html\">{escape(text)}</summary></entry>")
        else:
            parts.append(f"<item><title>{escape(title)}</title><link>{item_link(plan, n)}</link>"
                         f"<guid isPermaLink=\"false\">urn:newsday:{plan.index}:{n}</guid>"
                         f"<pubDate>{format_datetime(when)}</pubDate>"
                         f"<description>{escape(text)}</description></item>")
    name = f"Newsday feed {plan.index}"
    if plan.atom:
        updated = datetime.fromtimestamp(plan.published(newest, t0), UTC).isoformat()
        body = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>{name}</title><id>urn:newsday:{plan.index}</id><updated>{updated}</updated>"
                f'<link href="https://site{plan.host}.example/{plan.index}/"/>{"".join(parts)}</feed>')
    else:
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}'
                f"</title><link>https://site{plan.host}.example/{plan.index}/</link>"
                f"<description>news</description>{''.join(parts)}</channel></rss>")
    return body.encode(), plan.published(newest, t0)


def serve_feeds(settings: Settings, port_queue: Any) -> None:
    """The feed server: every feed's state is a function of the time since `t0`, which the
    bench sets (and resets for the next contender) with POST /__t0?at=UNIX_TIME."""
    import resource

    from aiohttp import web

    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    plans = build_plans(settings)
    texts = Texts(settings.seed, settings.total)
    state: dict[str, Any] = {"t0": time.time(), "stats": Counter()}
    path = re.compile(r"/f/(\d+)(/feed)?\.xml")

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.path == "/__t0":
            state["t0"] = float(request.query["at"])
            state["stats"] = Counter()
            return web.Response(text="ok")
        if request.path == "/__stats":
            return web.json_response(dict(state["stats"]))
        match = path.fullmatch(request.path)
        if not match or int(match[1]) >= len(plans):
            return web.Response(status=404)
        plan = plans[int(match[1])]
        stats: Counter[str] = state["stats"]
        response = await _answer(plan, bool(match[2]), request, state["t0"], texts)
        stats[f"{plan.kind} {response.status}"] += 1
        stats[f"all {response.status}"] += 1
        return response

    async def main() -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handle)
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        hosts = sorted({p.host for p in plans} | {0})  # host 0 also answers the bench's calls
        port = 0
        for attempt in range(20):
            sockets = []
            try:
                for host in hosts:
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    sock.bind((host_address(host), port))
                    sock.listen(1024)
                    port = sock.getsockname()[1]
                    sockets.append(sock)
                break
            except OSError:
                for sock in sockets:
                    sock.close()
                port = 0
                if attempt == 19:
                    raise
        for sock in sockets:
            await web.SockSite(runner, sock).start()
        port_queue.put(port)
        await asyncio.Event().wait()

    asyncio.run(main())


async def _answer(plan: FeedPlan, moved: bool, request: Any, t0: float, texts: Texts) -> Any:
    from aiohttp import web

    if plan.kind == "failing":
        kind = plan.detail
        if kind == "timeout":
            await asyncio.sleep(75)
            return web.Response(status=504)
        if kind == "html":
            return web.Response(text="<!doctype html><html><head><title>Page moved</title></head>"
                                "<body><p>Our feeds have moved.</p></body></html>",
                                content_type="text/html")
        if kind == "garbage":
            return web.Response(body=b"Internal error: upstream database unavailable\n" * 20,
                                content_type="application/rss+xml")
        return web.Response(status=int(kind), text="error")
    if plan.kind == "redirect" and not moved:
        return web.Response(status=int(plan.detail),
                            headers={"Location": f"/f/{plan.index}/feed.xml"})
    if plan.delay:
        await asyncio.sleep(plan.delay)
    count = plan.count(time.time() - t0)
    etag = f'"{plan.index}-{count}"'
    if plan.conditional and request.headers.get("If-None-Match") == etag:
        return web.Response(status=304, headers={"ETag": etag})
    body, newest = render_feed(plan, texts, count, t0)
    headers = {"Content-Type": "application/atom+xml" if plan.atom else "application/rss+xml"}
    if plan.conditional:
        headers["ETag"] = etag
        headers["Last-Modified"] = format_datetime(datetime.fromtimestamp(newest, UTC), usegmt=True)
    return web.Response(body=body, headers=headers)


class FeedServer:
    """The feed server process (`serve`, by default `serve_feeds`), started at construction."""

    def __init__(self, settings: Settings, serve: Callable[[Settings, Any], None] | None = None) -> None:
        spawn = multiprocessing.get_context("spawn")
        ports = spawn.Queue()
        self.process = spawn.Process(target=serve or serve_feeds, args=(settings, ports), daemon=True)
        self.process.start()
        self.port: int = ports.get(timeout=180)
        self.base = f"http://{host_address(0)}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process.pid is not None
        return self.process.pid

    def _call(self, path: str, method: str = "GET") -> bytes:
        import urllib.request
        request = urllib.request.Request(self.base + path, method=method)
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()  # type: ignore[no-any-return]

    def start_clock(self, t0: float) -> None:
        self._call(f"/__t0?at={t0}", "POST")

    def stats(self) -> dict[str, int]:
        return json.loads(self._call("/__stats"))  # type: ignore[no-any-return]

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


# /proc sampling -----------------------------------------------------------------------------

def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def smaps_rollup(pid: int) -> dict[str, int]:
    """Rss, Pss, Shared_*, Private_* of a process, in KiB (empty if it is gone)."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, value = line.split(":", 1)
            out[key] = int(value.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return out


def role_of(pid: int, root: int) -> str:
    if pid == root:
        return "bot"
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "gone"
    if "resource_tracker" in cmdline:
        return "resource tracker"
    if "multiprocessing.spawn" in cmdline:  # a worker the pool spawned itself
        try:
            maps = Path(f"/proc/{pid}/maps").read_text()
        except OSError:
            maps = ""
        return "chart worker" if "matplotlib" in maps else "parse/enrich worker"
    if "forkserver import main" in cmdline:
        fields = _stat_fields(pid)
        parent = int(fields[1]) if fields else 0
        if parent == root:
            return "fork server"
        try:
            maps = Path(f"/proc/{pid}/maps").read_text()
        except OSError:
            maps = ""
        return "chart worker" if "matplotlib" in maps else "parse/enrich worker"
    return "other"


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


class TreeSampler(threading.Thread):
    """Every second: CPU and RSS of a process tree (root and descendants), of the feed server
    and of this process; every 10 s, smaps_rollup of every process in the tree."""

    def __init__(self, root: int, server: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.server = server
        self.samples: list[dict[str, Any]] = []
        self.rollups: list[dict[str, Any]] = []
        self.peak_rss_kib = 0
        self.peak_pss_kib = 0
        self._last: dict[int, int] = {}
        self._cum = 0
        self._cum_by_role: Counter[str] = Counter()
        self._last_thread: dict[int, int] = {}
        self._cum_by_thread: Counter[str] = Counter()
        self._halt = threading.Event()
        self._roles: dict[int, str] = {}

    def run(self) -> None:
        n = 0
        while not self._halt.is_set():
            self.sample(rollup=n % 10 == 0)
            n += 1
            self._halt.wait(1.0)
        self.sample(rollup=True)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def sample(self, rollup: bool) -> None:
        pids = descendants(self.root)
        rss = 0
        by_role: Counter[str] = Counter()
        for pid in pids:
            fields = _stat_fields(pid)
            if fields is None:
                continue
            cpu = int(fields[11]) + int(fields[12])
            if pid not in self._roles or (rollup and self._roles[pid] == "parse/enrich worker"):
                self._roles[pid] = role_of(pid, self.root)
            spent = max(0, cpu - self._last.get(pid, 0))
            self._cum += spent
            self._cum_by_role[self._roles[pid]] += spent
            self._last[pid] = cpu
            kib = int(fields[21]) * PAGE_KIB
            rss += kib
            by_role[self._roles[pid]] += kib
        self._sample_threads()
        server = _stat_fields(self.server)
        me = _stat_fields(os.getpid())
        busy, total = machine_busy()
        self.peak_rss_kib = max(self.peak_rss_kib, rss)
        self.samples.append({
            "t": time.time(), "cpu": self._cum / TICK, "rss_kib": rss, "rss_by_role": dict(by_role),
            "cpu_by_role": {role: ticks / TICK for role, ticks in self._cum_by_role.items()},
            "bot_cpu_by_thread": {name: ticks / TICK for name, ticks in self._cum_by_thread.items()},
            "server_cpu": (int(server[11]) + int(server[12])) / TICK if server else 0.0,
            "self_cpu": (int(me[11]) + int(me[12])) / TICK if me else 0.0,
            "machine_busy": busy / TICK, "machine_total": total / TICK,
            "load": os.getloadavg()[0]})
        if rollup:
            processes = []
            for pid in pids:
                figures = smaps_rollup(pid)
                if figures:
                    processes.append({
                        "pid": pid, "role": self._roles.get(pid, "?"),
                        "rss": figures.get("Rss", 0), "pss": figures.get("Pss", 0),
                        "shared": figures.get("Shared_Clean", 0) + figures.get("Shared_Dirty", 0),
                        "private": figures.get("Private_Clean", 0) + figures.get("Private_Dirty", 0),
                        "anon": figures.get("Anonymous", 0), "hwm": memory_kib(pid, "VmHWM")})
            pss = sum(p["pss"] for p in processes)
            self.peak_pss_kib = max(self.peak_pss_kib, pss)
            self.rollups.append({"t": time.time(), "processes": processes, "pss_kib": pss})

    def _sample_threads(self) -> None:
        """CPU of the bot's threads: the event loop's, and each other one by its id (Python
        3.11 does not name its threads for the system)."""
        try:
            tids = [int(t) for t in os.listdir(f"/proc/{self.root}/task")]
        except OSError:
            return
        for tid in tids:
            try:
                text = Path(f"/proc/{self.root}/task/{tid}/stat").read_text()
            except OSError:
                continue
            fields = text[text.rindex(")") + 2:].split()
            cpu = int(fields[11]) + int(fields[12])
            self._cum_by_thread["event loop" if tid == self.root else f"thread {tid}"] += \
                max(0, cpu - self._last_thread.get(tid, 0))
            self._last_thread[tid] = cpu

    def between(self, start: float, end: float) -> dict[str, Any]:
        """CPU share of the cores, mean and peak RSS, mean PSS, others' load, over a window."""
        inside = [s for s in self.samples if start <= s["t"] <= end]
        if len(inside) < 2:
            return {}
        first, last = inside[0], inside[-1]
        wall = last["t"] - first["t"]
        machine = last["machine_busy"] - first["machine_busy"]
        mine = (last["cpu"] - first["cpu"]) + (last["server_cpu"] - first["server_cpu"]) + \
               (last["self_cpu"] - first["self_cpu"])
        rolls = [r for r in self.rollups if start <= r["t"] <= end]
        return {
            "wall": wall,
            "tree_cpu_s": last["cpu"] - first["cpu"],
            "tree_cpu_share": (last["cpu"] - first["cpu"]) / wall / CORES,
            "server_cpu_share": (last["server_cpu"] - first["server_cpu"]) / wall / CORES,
            "bench_cpu_share": (last["self_cpu"] - first["self_cpu"]) / wall / CORES,
            "others_cpu_share": max(0.0, machine - mine) / wall / CORES,
            "rss_mean_mib": statistics.mean(s["rss_kib"] for s in inside) / 1024,
            "rss_peak_mib": max(s["rss_kib"] for s in inside) / 1024,
            "pss_mean_mib": statistics.mean(r["pss_kib"] for r in rolls) / 1024 if rolls else None,
            "load_mean": statistics.mean(s["load"] for s in inside),
            "cpu_share_by_role": _shares(first.get("cpu_by_role", {}), last.get("cpu_by_role", {}), wall),
            "bot_cpu_share_by_thread": _shares(first.get("bot_cpu_by_thread", {}),
                                               last.get("bot_cpu_by_thread", {}), wall),
        }


def _shares(first: dict[str, float], last: dict[str, float], wall: float) -> dict[str, float]:
    """Each name's CPU between two cumulative samples, as a share of the machine's cores."""
    spent = {name: (total - first.get(name, 0.0)) / wall / CORES for name, total in last.items()}
    return dict(sorted(((n, v) for n, v in spent.items() if v > 0), key=lambda nv: -nv[1]))


# The store, read-only -----------------------------------------------------------------------

def _moment(text: str | None) -> float | None:
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


class StoreTracker(threading.Thread):
    """Reads the bot's SQLite file read-only every second: new items (when first stored, at a
    first poll or not), which are still unread (enriched = 0), feeds polled, the coverage of
    each feed's newest item."""

    def __init__(self, database: Path, recent_feeds: set[int], plans: list[FeedPlan],
                 late_after: float = 90.0) -> None:
        super().__init__(daemon=True)
        self.late_after = late_after  # a feed whose next check is further behind is overdue
        self.database = database
        self.recent_feeds = recent_feeds  # feed ids (= plan index + 1) with an item in the last 24 h
        self.plans = plans
        self.items: dict[int, list[Any]] = {}  # id -> [feed, stored, first poll, read at, first_seen_at]
        self.newest: dict[int, tuple[float, int]] = {}  # feed id -> (published, item id)
        self.tracers: dict[tuple[int, int], int] = {}  # (plan index, n) -> item id
        self.pending: set[int] = set()
        self.timeline: list[dict[str, Any]] = []
        self.max_id = 0
        self.polled = 0
        self._halt = threading.Event()

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def run(self) -> None:
        n = 0
        while not self._halt.is_set():
            try:
                self.tick(coverage=n % 5 == 0)
            except sqlite3.Error as exc:
                print(f"  (store tracker: {exc})", flush=True)
            n += 1
            self._halt.wait(1.0)

    def tick(self, coverage: bool) -> None:
        now = time.time()
        with contextlib.closing(sqlite3.connect(f"file:{self.database}?mode=ro", uri=True,
                                                timeout=30)) as conn:
            rows = conn.execute("SELECT id, feed_id, first_seen_at, seen_at_first_poll, enriched, "
                                "published_at, url FROM items WHERE id > ?", (self.max_id,)).fetchall()
            pending = {r[0] for r in conn.execute("SELECT id FROM items WHERE enriched = 0")}
            self.polled = conn.execute("SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL"
                                       ).fetchone()[0]
            late = datetime.fromtimestamp(now - self.late_after, UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            overdue = conn.execute("SELECT count(*) FROM feeds WHERE paused = 0 AND next_check_at < ?",
                                   (late,)).fetchone()[0]
        for item_id, feed_id, first_seen, first_poll, enriched, published, url in rows:
            # When the item really reached the store: first_seen_at is the time the bot's
            # polling batch started, which can be minutes earlier; this read sees it within 1 s.
            noted = _moment(first_seen)
            stored = max(noted or 0.0, now - 0.5)
            self.items[item_id] = [feed_id, stored, bool(first_poll), now if enriched else None, noted]
            if not enriched:
                self.pending.add(item_id)
            stamp = _moment(published) or 0.0
            if stamp >= self.newest.get(feed_id, (-1.0, 0))[0]:
                self.newest[feed_id] = (stamp, item_id)
            key = link_key(url)
            if key is not None and key[0] < len(self.plans) and key[1] in self.plans[key[0]].tracers:
                self.tracers[key] = item_id
            self.max_id = max(self.max_id, item_id)
        for item_id in self.pending - pending:
            if item_id in self.items and self.items[item_id][3] is None:
                self.items[item_id][3] = now
        self.pending &= pending
        entry: dict[str, Any] = {"t": now, "items": len(self.items), "pending": len(pending),
                                 "polled": self.polled, "overdue": overdue}
        if coverage:
            read = sum(1 for f in self.recent_feeds
                       if f in self.newest and self.items[self.newest[f][1]][3] is not None)
            stored = sum(1 for f in self.recent_feeds if f in self.newest)
            entry["covered"] = read / max(1, len(self.recent_feeds))
            entry["stored_share"] = stored / max(1, len(self.recent_feeds))
        self.timeline.append(entry)

    def first_time(self, predicate: Any, after: float = 0.0) -> float | None:
        return next((e["t"] for e in self.timeline if e["t"] >= after and predicate(e)), None)


# Seeding the store and the fake Discord -----------------------------------------------------

@dataclass
class World:
    guilds: list[int]
    channels: dict[int, int]  # guild -> news channel
    follows: dict[int, list[int]]  # plan index -> guilds
    tracer_member: dict[tuple[int, int], int]  # (plan index, n) -> member
    digest_due: dict[int, datetime]
    subscriptions: int = 0


async def seed(database: Path, plans: list[FeedPlan], port: int, fake: Any, servers: int,
               topic_subs: int, start: datetime, digest_span: float, seed_value: int,
               tracers_until: float, load_after: float = 0.0) -> World:
    from sqlalchemy import insert

    from digests.store.core import Store
    from digests.store.schema import feeds as feeds_table
    from digests.store.schema import follows as follows_table

    rng = random.Random(seed_value)
    for n in range(servers - 1):
        fake.add_guild(name=f"Newsroom {n + 2}")
    guilds = list(fake.guilds)
    channels = {g: fake.guilds[g].channels["news"] for g in guilds}
    follows: dict[int, list[int]] = {}
    for plan in plans:
        follows[plan.index] = ([guilds[0]] if plan.kind == "wire"
                               else rng.sample(guilds, rng.choice((1, 1, 2, 3))))
    store = await Store.open(f"sqlite:///{database}")
    engine = store._engine  # the bench writes the set-up in bulk; the bot reads it through Store
    now = start
    async with engine.begin() as conn:
        later = now + timedelta(seconds=load_after)
        rows = [{"url": feed_url(p, port), "name": None, "full_text": False, "operator": False,
                 "next_check_at": now if p.kind == "wire" else later, "created_at": now,
                 "failure_count": 0, "paused": False, "first_polled": False} for p in plans]
        for chunk in range(0, len(rows), 2000):
            await conn.execute(insert(feeds_table), rows[chunk:chunk + 2000])
        links = [{"guild_id": g, "feed_id": p.index + 1, "name": None, "removed": False,
                  "paused": False, "created_at": now} for p in plans for g in follows[p.index]]
        for chunk in range(0, len(links), 2000):
            await conn.execute(insert(follows_table), links[chunk:chunk + 2000])
    # Tracer alerts: one subscription per tracer item, in a server that follows its feed, at
    # most four per member (members get five alert messages an hour: none is bundled).
    tracers = sorted((p.published(n, 0.0), p.index, n) for p in plans for n in p.tracers
                     if p.published(n, 0.0) <= tracers_until)
    members = max(1, math.ceil(len(tracers) / 4))
    member_ids = [fake.add_user(f"tracer{m}") for m in range(members)]
    tracer_member: dict[tuple[int, int], int] = {}
    count = 0
    for k, (_, index, n) in enumerate(tracers):
        member = member_ids[k % members]
        guild = follows[index][0]
        await store.add_subscription(guild, member, query=tracer_word(plans[index], n).lower(),
                                     deliver="dm", channel_id=None, now=now, cap=10**6)
        tracer_member[(index, n)] = member
        count += 1
    # Topic alerts of ordinary members: half by DM, half with a mention in #news.
    readers = [fake.add_user(f"reader{m}") for m in range(max(3, servers // 2))]
    for guild in guilds:
        for k in range(topic_subs):
            member = readers[(k + guild) % len(readers)]
            deliver = "dm" if k % 2 else "channel"
            await store.add_subscription(guild, member, query=TOPIC_WORDS[(k * 7 + guild) % len(TOPIC_WORDS)],
                                         deliver=deliver, channel_id=channels[guild], now=now, cap=10**6)
            count += 1
    # Daily digests, due at times spread over the run (whole minutes, UTC).
    digest_due: dict[int, datetime] = {}
    for k, guild in enumerate(guilds):
        due = start + timedelta(seconds=240 + k * digest_span / len(guilds))
        due = (due + timedelta(minutes=1)).replace(second=0, microsecond=0)
        await store.set_digest_schedule(guild, channel_id=channels[guild], time=f"{due:%H:%M}",
                                        timezone="UTC", now=now)
        digest_due[guild] = due
    await store.close()
    return World(guilds, channels, follows, tracer_member, digest_due, count)


def write_config(folder: Path, database: Path, plans: list[FeedPlan], port: int,
                 args: argparse.Namespace) -> Path:
    chosen = [p for p in plans if p.kind in ("conditional", "unconditional")][:OPERATOR_FEEDS]
    listed = "".join(f'\n[[feeds]]\nurl = "{feed_url(p, port)}"\nname = "Wire {p.index}"\n'
                     for p in chosen)
    config = folder / "config.toml"
    config.write_text(f"""
[storage]
url = "sqlite:///{database}"

[polling]
interval_seconds = {args.interval}
tick_seconds = {args.tick}
parse_workers = {args.workers}

[network]
allow_private_addresses = true

[discord]
delivery_seconds = {args.delivery}
{listed}""")
    return config


# Slash commands while the day runs ----------------------------------------------------------

@dataclass
class Probe:
    command: str
    sent: float  # unix time
    first: float | None  # seconds to the first response (the deferral)
    done: float | None  # seconds to the complete answer
    text: str = ""


async def slash_probe(fake: Any, pace: float, out: list[Probe], stop: asyncio.Event) -> None:
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line]
    n = 0
    while not stop.is_set():
        kind = ("ask", "figures", "who")[n % 3]
        if kind == "ask":
            options: dict[str, Any] = {"question": questions[n // 3 % len(questions)]}
        elif kind == "figures":
            topic = FIGURE_TOPICS[n // 3 % len(FIGURE_TOPICS)]
            options = {"topic": topic} if topic else {}
        else:
            options = {"name": PEOPLE[n // 3 % len(PEOPLE)]}
        out.append(await _invoke(fake, kind, options, 120))
        n += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pace)


async def digest_probe(fake: Any, every: float, out: list[Probe], stop: asyncio.Event) -> None:
    while not stop.is_set():
        out.append(await _invoke(fake, "digest now", {}, 300))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


async def _invoke(fake: Any, command: str, options: dict[str, Any], timeout: float) -> Probe:
    sent = time.time()
    record = await fake.invoke(command, options)
    with contextlib.suppress(TimeoutError):
        await record.wait_done(timeout=timeout)
    first = None if record.first_response_at is None else record.first_response_at - record.sent_at
    done = time.monotonic() - record.sent_at if record.done else None
    text = record.messages[0].get("content", "") if record.done and record.messages else ""
    return Probe(command, sent, first, done, text[:200])


# The day, for Newsdesk ----------------------------------------------------------------------

def pct(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def read_lags(path: Path) -> list[tuple[float, float]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        with contextlib.suppress(ValueError):
            t, lag = line.split()
            out.append((float(t), float(lag)))
    return out


def lag_figures(lags: list[tuple[float, float]], start: float, end: float) -> dict[str, Any]:
    values = [lag for t, lag in lags if start <= t <= end]
    if not values:
        return {}
    return {"samples": len(values), "p50": pct(values, 0.5), "p99": pct(values, 0.99),
            "p999": pct(values, 0.999), "max": max(values),
            "over_100ms": sum(1 for v in values if v > 100)}


async def run_newsdesk(args: argparse.Namespace, settings: Settings, plans: list[FeedPlan],
                       server: FeedServer, folder: Path) -> dict[str, Any]:
    from e2e.botprocess import BotProcess
    from e2e.fakediscord import FakeDiscord, snowflake_time

    database = folder / "newsdesk.db"
    fake = FakeDiscord(heartbeat_interval_ms=41_250)
    seed_started = time.time()
    expected_cold = 60 + settings.total * 0.05
    world = await seed(database, plans, server.port, fake, args.servers, args.topic_subs,
                       datetime.now(UTC), expected_cold + args.steady, args.seed,
                       args.max_cold + args.max_settle + args.steady + args.profile_seconds + 60,
                       args.load_after)
    print(f"seeded {len(plans):,} feeds, {len(world.guilds)} servers, {world.subscriptions:,} "
          f"alert subscriptions ({len(world.tracer_member):,} tracers) in "
          f"{time.time() - seed_started:.0f} s", flush=True)
    config = write_config(folder, database, plans, server.port, args)
    lag_file = folder / "lags.txt"
    await fake.start()
    t0 = time.time()
    server.start_clock(t0)
    recent = {p.index + 1 for p in plans if p.serves_items and p.count(0) > 0
              and t0 - p.published(p.count(0) - 1, t0) < 86400}
    bot = BotProcess(fake, ["run", "--config", str(config)], cwd=folder, log_path=folder / "bot.log",
                     env={"NEWSDESK_FAKE_TARGET": str(BENCH / "lagprobe.py"),
                          "NEWSDESK_LAG_FILE": str(lag_file)})
    await bot.start()
    assert bot.process is not None
    sampler = TreeSampler(bot.process.pid, server.pid)
    sampler.start()
    tracker = StoreTracker(database, recent, plans, late_after=2 * args.tick + 30)
    tracker.start()
    probes: list[Probe] = []
    digests: list[Probe] = []
    stop_probes = asyncio.Event()
    marks: dict[str, float] = {"start": t0, "load_start": t0 + args.load_after}
    profile: dict[str, Any] = {}
    tasks: list[asyncio.Task[None]] = []
    stats_before: dict[str, int] = {}
    try:
        await bot.wait_identified(timeout=120)
        await fake.wait_synced(timeout=120)
        marks["ready"] = time.time()
        print(f"bot ready after {marks['ready'] - t0:.1f} s; cold start begins", flush=True)
        tasks = [asyncio.create_task(slash_probe(fake, args.pace, probes, stop_probes)),
                 asyncio.create_task(digest_probe(fake, args.digest_every, digests, stop_probes))]
        last_print = 0.0
        while True:
            await asyncio.sleep(1)
            now = time.time()
            if bot.returncode is not None:
                raise RuntimeError(f"the bot exited with {bot.returncode}:\n{bot.log_text()[-4000:]}")
            timeline = tracker.timeline[-1] if tracker.timeline else {}
            if "all_polled" not in marks and timeline.get("polled", 0) >= len(plans):
                marks["all_polled"] = now
            if "all_polled" in marks and timeline.get("pending", 1) == 0 and now - marks["all_polled"] > 0:
                marks["cold_end"] = now
                break
            if now - t0 > args.max_cold:
                marks["cold_end"] = now
                print("cold start did not finish within --max-cold; steady state starts anyway")
                break
            if now - last_print >= 30:
                last_print = now
                tree = sampler.samples[-1] if sampler.samples else {}
                print(f"  {now - t0:6.0f} s: {timeline.get('polled', 0):,} of {len(plans):,} feeds "
                      f"polled, {timeline.get('items', 0):,} items, {timeline.get('pending', 0):,} "
                      f"unread; tree RSS {tree.get('rss_kib', 0) / 1024:.0f} MiB, "
                      f"CPU {tree.get('cpu', 0):.0f} s", flush=True)
        # After its first poll a feed is next polled at its slot, half an interval to one and a
        # half later; from half an interval after the last first poll every feed is on its
        # slot, polled once in any window of one interval: that is the steady state.
        # The steady state also needs the bot to keep up with its schedule: no feed overdue
        # by more than two ticks (after a long cold start, every feed can be due at once).
        earliest = marks.get("all_polled", marks["cold_end"]) + args.interval / 2
        print(f"cold start done after {marks['cold_end'] - t0:.0f} s; waiting for the steady "
              f"state (from {earliest - t0:.0f} s at the earliest)", flush=True)
        last_print = 0.0
        while True:
            now = time.time()
            timeline = tracker.timeline[-1] if tracker.timeline else {}
            if now >= earliest and timeline.get("overdue", 1) == 0:
                break
            if now - marks["cold_end"] > args.max_settle:
                marks["not_settled"] = now
                print("the bot did not keep up with its schedule within --max-settle; "
                      "steady window starts anyway", flush=True)
                break
            if now - last_print >= 30:
                last_print = now
                print(f"  {now - t0:6.0f} s: {timeline.get('overdue', 0):,} feeds overdue, "
                      f"{timeline.get('items', 0):,} items, {timeline.get('pending', 0):,} unread",
                      flush=True)
            await asyncio.sleep(1)
        marks["steady_start"] = time.time()
        print(f"steady window: {marks['steady_start'] - t0:.0f} s to "
              f"{marks['steady_start'] - t0 + args.steady:.0f} s", flush=True)
        stats_before = server.stats()
        await asyncio.sleep(args.steady)
        marks["steady_end"] = time.time()
        stats_after = server.stats()
        if args.profile_seconds:
            print(f"profiling the bot with py-spy for {args.profile_seconds} s", flush=True)
            profile = await asyncio.to_thread(py_spy, bot.process.pid, args.profile_seconds, folder,
                                                  dict(sampler._roles))
        marks["end"] = time.time()
    finally:
        stop_probes.set()
        for task in tasks:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 310)
        await bot.stop(timeout=120)
        marks["stopped"] = time.time()
        sampler.stop()
        tracker.tick(coverage=True)
        tracker.stop()
        await fake.stop()
    log = (folder / "bot.log").read_text(errors="replace")
    if args.keep:
        print(f"kept: {folder}")
    return analyse_newsdesk(args, plans, world, fake, sampler, tracker, probes, digests, marks,
                            read_lags(lag_file), log, profile, stats_before, stats_after,
                            snowflake_time, database, t0)


def analyse_newsdesk(args: argparse.Namespace, plans: list[FeedPlan], world: World, fake: Any,
                     sampler: TreeSampler, tracker: StoreTracker, probes: list[Probe],
                     digests: list[Probe], marks: dict[str, float], lags: list[tuple[float, float]],
                     log: str, profile: dict[str, Any], stats_before: dict[str, int],
                     stats_after: dict[str, int], snowflake_time: Any, database: Path,
                     t0: float) -> dict[str, Any]:
    cold = (marks["start"], marks["cold_end"])
    steady = (marks["steady_start"], marks["steady_end"])
    result: dict[str, Any] = {"feeds": args.feeds, "wire": args.wire, "interval": args.interval,
                              "marks": {k: v - t0 for k, v in marks.items()}}
    result["cpu_steady"] = sampler.between(*steady)
    result["cpu_cold"] = sampler.between(*cold)
    result["peak_rss_mib"] = sampler.peak_rss_kib / 1024
    result["peak_pss_mib"] = sampler.peak_pss_kib / 1024
    steady_rolls = [r for r in sampler.rollups if steady[0] <= r["t"] <= steady[1]]
    result["rollup_steady"] = steady_rolls[-1] if steady_rolls else None
    result["rollup_peak"] = max(sampler.rollups, key=lambda r: r["pss_kib"]) if sampler.rollups else None
    result["lag_cold"] = lag_figures(lags, *cold)
    result["lag_steady"] = lag_figures(lags, *steady)
    result["lag_all"] = lag_figures(lags, marks["start"], marks["stopped"])
    largest = re.findall(r"largest event-loop lag: (\d+) ms", log)
    result["lag_logged_max_ms"] = int(largest[-1]) if largest else None
    # Enrichment lag: stored -> read.
    lag_new, lag_backlog = [], []
    steady_items = 0
    skew = []
    for _, first_seen, first_poll, enriched_at, noted in tracker.items.values():
        if noted is not None:
            skew.append(first_seen - noted)
        if enriched_at is None:
            continue
        (lag_backlog if first_poll else lag_new).append(max(0.0, enriched_at - first_seen))
        if steady[0] <= first_seen <= steady[1]:
            steady_items += 1
    unread_at_end = sum(1 for v in tracker.items.values() if v[3] is None)
    result["enrichment"] = {
        "items": len(tracker.items), "new_items": len(lag_new), "steady_items": steady_items,
        "new_p50": pct(lag_new, 0.5), "new_p99": pct(lag_new, 0.99), "new_max": max(lag_new, default=None),
        "backlog_p50": pct(lag_backlog, 0.5), "backlog_p99": pct(lag_backlog, 0.99),
        "backlog_max": max(lag_backlog, default=None), "unread_at_end": unread_at_end,
        "first_seen_at_behind_p50": pct(skew, 0.5), "first_seen_at_behind_max": max(skew, default=None)}
    # Coverage of the newest items, and the whole history.
    result["coverage"] = {
        "recent_feeds": len(tracker.recent_feeds),
        "all_polled_s": marks.get("all_polled", math.nan) - t0,
        **{f"{what}_{int(share * 100)}_s": _minus(tracker.first_time(
            lambda e, s=share, k=key: e.get(k, 0) >= s), t0)
           for what, key in (("read", "covered"), ("stored", "stored_share"))
           for share in (0.5, 0.9, 0.99)},
        "history_read_s": marks["cold_end"] - t0}
    # Alerts: tracer items not seen at a first poll, and the DMs of their members.
    result["alerts"] = tracer_latency(plans, world, fake, tracker, snowflake_time, database, t0,
                                      marks)
    # Slash commands and digests.
    result["slash"] = {}
    for phase, (start, end) in (("cold", cold), ("after cold", (cold[1], marks["stopped"]))):
        inside = [p for p in probes if start <= p.sent <= end]
        firsts = [p.first * 1000 for p in inside if p.first is not None]
        dones = [p.done * 1000 for p in inside if p.done is not None]
        result["slash"][phase] = {"n": len(inside), "unanswered": sum(1 for p in inside if p.done is None),
                                  "first_p50": pct(firsts, 0.5), "first_p99": pct(firsts, 0.99),
                                  "first_max": max(firsts, default=None),
                                  "done_p50": pct(dones, 0.5), "done_p99": pct(dones, 0.99)}
    result["digest_now"] = [{"at": p.sent - t0, "first_ms": None if p.first is None else p.first * 1000,
                             "done_s": p.done, "heading": p.text.split("\n")[0][:120]} for p in digests]
    posted = []
    for guild, due in world.digest_due.items():
        messages = [m for m in fake.channel_messages(world.channels[guild])
                    if m["content"].startswith("Daily digest")]
        if messages:
            posted.append({"due": due.timestamp() - t0,
                           "posted_after_due_s": snowflake_time(int(messages[0]["id"])) - due.timestamp(),
                           "heading": messages[0]["content"][:120]})
    result["daily_digests"] = {"due_during_run": sum(1 for d in world.digest_due.values()
                                                     if d.timestamp() < marks["stopped"] - 30),
                               "posted": posted}
    # Requests seen by the feed server in the steady window, and the bot log.
    result["steady_requests"] = {k: stats_after.get(k, 0) - stats_before.get(k, 0)
                                 for k in sorted(stats_after)}
    result["log"] = {
        "blocked_warnings": len(re.findall(r"the event loop was blocked", log)),
        "errors": len(re.findall(r" ERROR ", log)), "tracebacks": log.count("Traceback"),
        "backlog_lines": re.findall(r"enrichment backlog items=(\d+)", log)[:3] +
        re.findall(r"enrichment backlog items=(\d+)", log)[-3:],
        "first_error_lines": [line[:300] for line in log.splitlines() if " ERROR " in line][:5]}
    result["profile"] = profile
    result["fake"] = {"rejected": len(fake.rejected), "unknown_routes": len(fake.unknown_routes)}
    result["series"] = {  # for other windows than the ones printed: every 5 s
        "tree": [{"t": s["t"] - t0, "cpu": s["cpu"], "rss_mib": s["rss_kib"] / 1024,
                  "server_cpu": s["server_cpu"], "machine_busy": s["machine_busy"], "load": s["load"]}
                 for s in sampler.samples[::5]],
        "store": [{k: (v - t0 if k == "t" else v) for k, v in e.items()} for e in tracker.timeline[::5]],
        "lag_per_minute": [{"minute": m, **lag_figures(lags, t0 + 60 * m, t0 + 60 * (m + 1))}
                           for m in range(int((marks["stopped"] - t0) // 60) + 1)],
        "pss": [{"t": r["t"] - t0, "pss_mib": r["pss_kib"] / 1024,
                 "by_role": _pss_by_role(r["processes"])}
                for r in sampler.rollups]}
    return result


def _pss_by_role(processes: list[dict[str, Any]]) -> dict[str, float]:
    by_role: Counter[str] = Counter()
    for process in processes:
        by_role[process["role"]] += process["pss"] / 1024
    return dict(by_role)


def _minus(value: float | None, base: float) -> float | None:
    return None if value is None else value - base


def tracer_latency(plans: list[FeedPlan], world: World, fake: Any, tracker: StoreTracker,
                   snowflake_time: Any, database: Path, t0: float,
                   marks: dict[str, float]) -> dict[str, Any]:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        first_poll = dict(conn.execute("SELECT id, seen_at_first_poll FROM items").fetchall())
    samples = []
    lost = []
    for key, item_id in tracker.tracers.items():
        if first_poll.get(item_id, 1):
            continue  # seen at its feed's first poll: never alerted, by design
        plan = plans[key[0]]
        member = world.tracer_member.get(key)
        if member is None:
            continue
        published = plan.published(key[1], t0)
        _, first_seen, _, enriched_at, _ = tracker.items[item_id]
        word = tracer_word(plan, key[1]).lower()
        shown = [m for m in fake.dm_messages(member) if word in json.dumps(m).lower()]
        if not shown:
            if first_seen is not None and first_seen < marks["stopped"] - 60:
                lost.append(item_id)
            continue
        sent = snowflake_time(int(shown[0]["id"]))
        seen = first_seen if first_seen is not None else sent
        # Steady: published in the steady window. An item published before it (right after
        # its feed's first poll, say) waits for the feed's move to its polling slot, up to
        # 1.5 intervals once; that is the settling, even when it is stored later. With
        # --load-after, what is stored before the mix's cold ingest begins is settling too.
        phase = ("settling" if seen < marks.get("load_start", 0.0) else
                 "cold" if seen < marks["cold_end"] else
                 "settling" if min(seen, published) < marks["steady_start"] else "steady")
        samples.append({"phase": phase, "total": sent - published,
                        "to_stored": (first_seen or sent) - published,
                        "to_read": (enriched_at or sent) - (first_seen or sent),
                        "to_dm": sent - (enriched_at or first_seen or sent)})
    out: dict[str, Any] = {"lost": len(lost), "delivered": len(samples)}
    for phase in ("cold", "settling", "steady", "after cold", "all"):
        chosen = [s for s in samples if phase == "all" or s["phase"] == phase
                  or (phase == "after cold" and s["phase"] != "cold")]
        out[phase] = {"n": len(chosen), **{
            f"{part}_{name}": pct([s[part] for s in chosen], share)
            for part in ("total", "to_stored", "to_read", "to_dm")
            for name, share in (("p50", 0.5), ("p99", 0.99))},
            "total_max": max((s["total"] for s in chosen), default=None)}
    return out


# Profiling ----------------------------------------------------------------------------------

def py_spy(pid: int, seconds: int, folder: Path, roles: dict[int, str]) -> dict[str, Any]:
    """`py-spy record --format raw --nonblocking --subprocesses` of the bot and its workers;
    the top functions by own samples and by inclusive samples, per process role."""
    executable = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    out = folder / "profile.txt"
    command = [executable, "record", "--pid", str(pid), "--duration", str(seconds), "--format", "raw",
               "--nonblocking", "--subprocesses", "--rate", str(PROFILE_RATE), "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120, check=False)
    if not out.exists():
        return {"error": (done.stderr or done.stdout)[-500:]}
    return summarise_profile(out.read_text(errors="replace"), roles, seconds, PROFILE_RATE)


PROFILE_RATE = 50
IDLE_LEAVES = ("EpollSelector.select (selectors.py)", "_connection_worker_thread (aiosqlite/core.py)",
               "Condition.wait (threading.py)", "_worker (concurrent/futures/thread.py)",
               "_recv (multiprocessing/connection.py)", "wait (multiprocessing/connection.py)")


def summarise_profile(raw: str, roles: dict[int, str], seconds: int, rate: int) -> dict[str, Any]:
    """py-spy's raw lines ("frame;frame;... COUNT"; a process's command line may hold a line
    break) summed per process role: own samples of the leaf function, and inclusive samples of
    every function on the stack. Samples whose leaf is a wait (the selector, a queue, a
    condition) are counted apart as idle."""
    records, pending = [], ""
    for line in raw.splitlines():
        pending += line
        if re.search(r" \d+$", pending):
            records.append(pending)
            pending = ""
        else:
            pending += " "
    per_role: dict[str, dict[str, Counter[str]]] = {}
    for record in records:
        stack, _, count_text = record.rpartition(" ")
        pid = None
        while match := re.match(r'process (\d+):"[^"]*";?', stack):  # command lines hold ";"
            pid, stack = int(match[1]), stack[match.end():]
        frames = [_short(f) for f in stack.split(";") if f and not f.startswith("thread ")]
        if not frames:
            continue
        role = roles.get(pid or 0, "other")
        counts = per_role.setdefault(role, {"self": Counter(), "inclusive": Counter(), "n": Counter()})
        samples = int(count_text)
        if frames[-1] in IDLE_LEAVES:
            counts["n"]["idle"] += samples
            continue
        counts["n"]["busy"] += samples
        counts["n"][f"pid {pid}"] += samples
        counts["self"][frames[-1]] += samples
        for frame in dict.fromkeys(frames):
            counts["inclusive"][frame] += samples
    summary: dict[str, Any] = {"seconds": seconds, "rate": rate}
    for role, counts in per_role.items():
        busy = counts["n"]["busy"]
        processes = sum(1 for key in counts["n"] if key.startswith("pid "))
        if not busy:
            continue
        summary[role] = {
            "busy_samples": busy, "processes": processes,
            "busy_share": busy / (seconds * rate * max(1, processes)),
            "self": [(name, n / busy) for name, n in counts["self"].most_common(20)],
            "inclusive": [(name, n / busy) for name, n in counts["inclusive"].most_common(60)]}
    return summary


def _short(frame: str) -> str:
    """"function (path/to/module.py:123)" -> "function (module.py)"."""
    match = re.match(r"(.*) \((.*?):\d+\)$", frame)
    if not match:
        return frame
    path = match[2]
    for marker in ("site-packages/", "/work/main/", "python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{match[1]} ({path})"


# The day, for reader ------------------------------------------------------------------------

def reader_day(urls: list[str], database: str, interval: int, workers: int, control: Any,
               events: Any) -> None:
    import logging

    import reader
    from reader import make_reader
    logging.getLogger().setLevel(logging.CRITICAL)
    db = make_reader(database)
    started = time.time()
    for url in urls:
        db.add_feed(url)
    db.set_tag((), ".reader.update", {"interval": max(1, interval // 60), "jitter": 1.0})
    events.put(("ready", time.time() - started, reader.__version__))
    control.get()
    cold = Counter(_outcome(r.value) for r in db.update_feeds_iter(workers=workers))
    events.put(("cold", time.time(), dict(cold), db.get_entry_counts().total))
    rounds: Counter[str] = Counter()
    while True:
        with contextlib.suppress(Exception):
            if control.get(timeout=30) == "stop":
                break
        rounds.update(_outcome(r.value) for r in db.update_feeds_iter(workers=workers))
    events.put(("done", dict(rounds), db.get_entry_counts().total))
    db.close()


def _outcome(value: object) -> str:
    if value is None:
        return "not-modified"
    if isinstance(value, Exception):
        return f"error {type(value).__name__}"
    return "updated" if getattr(value, "new", 0) or getattr(value, "modified", 0) else "unchanged"


def run_reader(args: argparse.Namespace, plans: list[FeedPlan], server: FeedServer,
               folder: Path) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    control, events = spawn.Queue(), spawn.Queue()
    urls = [feed_url(p, server.port) for p in plans]
    process = spawn.Process(target=reader_day, args=(urls, str(folder / "reader.sqlite"),
                                                     args.interval, args.reader_workers, control, events))
    process.start()
    assert process.pid is not None
    _, setup, version = events.get(timeout=1800)
    print(f"reader {version}: {len(urls):,} feeds added in {setup:.0f} s", flush=True)
    t0 = time.time()
    server.start_clock(t0)
    sampler = TreeSampler(process.pid, server.pid)
    sampler.start()
    control.put("go")
    try:
        _, cold_end, cold_outcomes, cold_entries = events.get(timeout=args.max_cold * 4)
        # reader schedules every feed at the next multiple of the interval plus a random share
        # of one interval: its steady state is that whole interval.
        period = max(60, args.interval // 60 * 60)
        steady_start = math.ceil(cold_end / period) * period
        print(f"reader cold update done after {cold_end - t0:.0f} s ({cold_entries:,} entries); "
              f"steady window starts in {steady_start - time.time():.0f} s", flush=True)
        stats_before: dict[str, int] = {}
        while time.time() < steady_start:
            time.sleep(1)
        stats_before = server.stats()
        time.sleep(args.steady)
        steady_end = time.time()
        stats_after = server.stats()
        control.put("stop")
        _, rounds, entries = events.get(timeout=1800)
    finally:
        sampler.stop()
        process.join(60)
        if process.is_alive():
            process.kill()
    return {"version": version, "cold_s": cold_end - t0, "cold_outcomes": cold_outcomes,
            "cold_entries": cold_entries, "entries": entries, "rounds": rounds,
            "cpu_cold": sampler.between(t0, cold_end),
            "cpu_steady": sampler.between(steady_start, steady_end),
            "peak_rss_mib": sampler.peak_rss_kib / 1024, "peak_pss_mib": sampler.peak_pss_kib / 1024,
            "steady_requests": {k: stats_after.get(k, 0) - stats_before.get(k, 0)
                                for k in sorted(stats_after)}}


# Report -------------------------------------------------------------------------------------

def fmt(value: Any, unit: str = "", digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def report(result: dict[str, Any], rdr: dict[str, Any] | None) -> None:
    steady, cold = result["cpu_steady"], result["cpu_cold"]
    marks, cov, en = result["marks"], result["coverage"], result["enrichment"]
    alerts = result["alerts"]
    rows: list[tuple[str, str]] = [
        ("feeds (+ wire feeds)", f"{result['feeds']:,} (+{result['wire']})"),
        ("polling interval", f"{result['interval']} s"),
        ("bot ready / all feeds polled once / cold start done / steady window (s)",
         f"{fmt(marks.get('ready'), '', 0)} / {fmt(marks.get('all_polled'), '', 0)} / "
         f"{fmt(marks.get('cold_end'), '', 0)} / {fmt(marks.get('steady_start'), '', 0)}-"
         f"{fmt(marks.get('steady_end'), '', 0)}"),
        ("items stored / read during the run", f"{en['items']:,} / {en['items'] - en['unread_at_end']:,}"),
        ("newest item of a recent feed read, 50 % / 90 % / 99 % of feeds (s)",
         f"{fmt(cov['read_50_s'])} / {fmt(cov['read_90_s'])} / {fmt(cov['read_99_s'])}"),
        ("whole history read (s)", fmt(cov["history_read_s"])),
        ("load average (1 min) of the machine, mean: cold / steady",
         f"{fmt(cold.get('load_mean'), '', 2)} / {fmt(steady.get('load_mean'), '', 2)}"),
        ("CPU of the tree, share of 2 cores: cold / steady",
         f"{fmt(cold.get('tree_cpu_share', 0) * 100, ' %', 1)} / "
         f"**{fmt(steady.get('tree_cpu_share', 0) * 100, ' %', 1)}**"),
        ("  steady: feed server / bench (fake Discord) / others on the machine",
         f"{fmt(steady.get('server_cpu_share', 0) * 100, ' %', 1)} / "
         f"{fmt(steady.get('bench_cpu_share', 0) * 100, ' %', 1)} / "
         f"{fmt(steady.get('others_cpu_share', 0) * 100, ' %', 1)} "
         f"(load {fmt(steady.get('load_mean'), '', 2)})"),
        ("  steady, by process (share of 2 cores)", _split(steady.get("cpu_share_by_role"))),
        ("  steady, the bot's threads", _split(steady.get("bot_cpu_share_by_thread"))),
        ("  cold, by process", _split(cold.get("cpu_share_by_role"))),
        ("  cold, the bot's threads", _split(cold.get("bot_cpu_share_by_thread"))),
        ("RSS of the tree: peak / steady mean (MiB)",
         f"{fmt(result['peak_rss_mib'])} / {fmt(steady.get('rss_mean_mib'))}"),
        ("RSS by process at the tree's largest PSS (MiB)", _by_process(result.get("rollup_peak"))),
        ("RSS by process at the end of the steady window (MiB)",
         _by_process(result.get("rollup_steady"))),
        ("PSS of the tree: peak / steady mean (MiB)",
         f"{fmt(result['peak_pss_mib'])} / {fmt(steady.get('pss_mean_mib'))}"),
        ("loop lag p50 / p99 / p99.9 / max (ms), cold", _lag(result["lag_cold"])),
        ("loop lag p50 / p99 / p99.9 / max (ms), steady", _lag(result["lag_steady"])),
        ("loop lag p50 / p99 / p99.9 / max (ms), whole run", _lag(result["lag_all"])),
        ("largest loop lag logged by the bot (ms)", fmt(result["lag_logged_max_ms"])),
        ("enrichment lag, new items p50 / p99 / max (s)",
         f"{fmt(en['new_p50'], '', 1)} / {fmt(en['new_p99'], '', 1)} / {fmt(en['new_max'], '', 1)} "
         f"({en['new_items']:,} items)"),
        ("items stored later than their first_seen_at says: p50 / max (s)",
         f"{fmt(en['first_seen_at_behind_p50'], '', 1)} / {fmt(en['first_seen_at_behind_max'], '', 0)}"),
        ("enrichment lag, cold backlog p50 / p99 / max (s)",
         f"{fmt(en['backlog_p50'], '', 0)} / {fmt(en['backlog_p99'], '', 0)} / "
         f"{fmt(en['backlog_max'], '', 0)}"),
    ]
    for phase in ("cold", "settling", "steady"):
        a = alerts[phase]
        rows.append((f"alert latency publish → DM, {phase}: n, p50 / p99 / max (s)",
                     f"{a['n']}, {fmt(a['total_p50'], '', 0)} / {fmt(a['total_p99'], '', 0)} / "
                     f"{fmt(a['total_max'], '', 0)} (to stored p99 {fmt(a['to_stored_p99'], '', 0)}, "
                     f"read p99 {fmt(a['to_read_p99'], '', 1)}, DM p99 {fmt(a['to_dm_p99'], '', 1)})"))
    rows.append(("tracer alerts lost", fmt(alerts["lost"])))
    for phase in ("cold", "after cold"):
        s = result["slash"][phase]
        rows.append((f"/ask /figures /who, {phase}: n, first p50 / p99 / max (ms), done p99 (ms)",
                     f"{s['n']}, {fmt(s['first_p50'], '', 1)} / {fmt(s['first_p99'], '', 1)} / "
                     f"{fmt(s['first_max'], '', 1)}, {fmt(s['done_p99'])} ({s['unanswered']} unanswered)"))
    digest_times = [d["done_s"] for d in result["digest_now"] if d["done_s"] is not None]
    rows.append(("/digest now: n, done p50 / max (s)",
                 f"{len(result['digest_now'])}, {fmt(pct(digest_times, 0.5), '', 1)} / "
                 f"{fmt(max(digest_times, default=None), '', 1)}"))
    daily = result["daily_digests"]
    rows.append(("daily digests due / posted, posted after due p50 (s)",
                 f"{daily['due_during_run']} / {len(daily['posted'])}, "
                 f"{fmt(pct([p['posted_after_due_s'] for p in daily['posted']], 0.5), '', 0)}"))
    rows.append(("log: blocked-loop warnings / ERROR lines", f"{result['log']['blocked_warnings']} / "
                                                            f"{result['log']['errors']}"))
    if rdr is not None:
        rs, rc = rdr["cpu_steady"], rdr["cpu_cold"]
        rows += [
            (f"reader {rdr['version']}: cold update (s), entries",
             f"{rdr['cold_s']:.0f}, {rdr['cold_entries']:,}"),
            ("reader: CPU share of 2 cores, cold / steady",
             f"{fmt(rc.get('tree_cpu_share', 0) * 100, ' %', 1)} / "
             f"{fmt(rs.get('tree_cpu_share', 0) * 100, ' %', 1)}"),
            ("reader: RSS peak / steady mean (MiB)",
             f"{fmt(rdr['peak_rss_mib'])} / {fmt(rs.get('rss_mean_mib'))}"),
            ("reader: steady requests", json.dumps(rdr["steady_requests"])),
            ("reader: cold outcomes", json.dumps(rdr["cold_outcomes"])),
        ]
    rows.append(("Newsdesk: steady requests", json.dumps(result["steady_requests"])))
    width = max(len(k) for k, _ in rows)
    print()
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    for process, summary in result.get("profile", {}).items():
        if not isinstance(summary, dict) or "self" not in summary:
            continue
        print(f"\npy-spy, {process} ({summary['processes']}): busy {summary['busy_share'] * 100:.0f} % "
              f"of the time (each); top functions by own samples:")
        for name, share in summary["self"][:12]:
            print(f"  {share * 100:5.1f} %  {name}")
        print("  inclusive:")
        for name, share in summary["inclusive"][:25]:
            print(f"  {share * 100:5.1f} %  {name}")


def _split(shares: dict[str, float] | None) -> str:
    if not shares:
        return "–"
    return ", ".join(f"{name} {share * 100:.1f} %" for name, share in list(shares.items())[:6])


def _by_process(rollup: dict[str, Any] | None) -> str:
    if not rollup:
        return "–"
    ordered = sorted(rollup["processes"], key=lambda p: -p["rss"])
    return ", ".join(f"{p['role']} {p['rss'] / 1024:.0f}" for p in ordered)


def _lag(figures: dict[str, Any]) -> str:
    if not figures:
        return "–"
    return (f"{fmt(figures['p50'], '', 1)} / {fmt(figures['p99'], '', 1)} / "
            f"{fmt(figures['p999'], '', 1)} / {fmt(figures['max'], '', 0)}"
            f" ({figures['samples']:,} samples, {figures['over_100ms']} over 100 ms)")


async def newsdesk_day(args: argparse.Namespace, settings: Settings, plans: list[FeedPlan],
                       server: FeedServer, folder: Path) -> dict[str, Any]:
    return await run_newsdesk(args, settings, plans, server, folder)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--feeds", type=int, default=10_000)
    p.add_argument("--wire", type=int, default=0,
                   help="extra active feeds whose every new item is a tracer (alert latency)")
    p.add_argument("--interval", type=int, default=600, help="the bot's polling interval (s)")
    p.add_argument("--steady", type=int, default=None, help="steady-state seconds (default: interval)")
    p.add_argument("--max-cold", type=int, default=3600, help="give the cold start at most this (s)")
    p.add_argument("--load-after", type=float, default=0.0,
                   help="the feeds of the mix are first due this many seconds after the start (the "
                        "wire feeds at once): their cold ingest then runs while the wire feeds are "
                        "in their steady state, as when a server imports many feeds at once")
    p.add_argument("--max-settle", type=int, default=None,
                   help="after the cold start, wait at most this for the bot to keep up with its "
                        "schedule before the steady window (default: two intervals)")
    p.add_argument("--tick", type=int, default=30, help="the bot's tick_seconds (default as shipped)")
    p.add_argument("--delivery", type=float, default=10.0, help="the bot's delivery_seconds")
    p.add_argument("--workers", type=int, default=0, help="the bot's parse_workers (0: per core)")
    p.add_argument("--servers", type=int, default=20)
    p.add_argument("--topic-subs", type=int, default=10, help="topic alerts per server")
    p.add_argument("--tracers", type=int, default=40, help="tracer items per interval (about)")
    p.add_argument("--pace", type=float, default=3.0, help="seconds between slash commands")
    p.add_argument("--digest-every", type=float, default=60.0, help="seconds between /digest now")
    p.add_argument("--profile-seconds", type=int, default=120)
    p.add_argument("--seed", type=int, default=20261204)
    p.add_argument("--no-reader", action="store_true")
    p.add_argument("--reader-only", action="store_true")
    p.add_argument("--reader-workers", type=int, default=4)
    p.add_argument("--json", type=Path, default=None, help="write every figure here")
    p.add_argument("--keep", action="store_true", help="keep the working folder (store, logs)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.steady is None:
        args.steady = args.interval
    if args.max_settle is None:
        args.max_settle = 2 * args.interval
    if not ITEMS.exists():
        print(f"needs {ITEMS} (../shared/corpora next to the project)")
        return 2
    horizon = args.max_cold + args.max_settle + args.steady + args.profile_seconds + 3 * args.interval
    settings = Settings(args.feeds, args.wire, args.interval, horizon, args.seed, args.tracers)
    plans = build_plans(settings)
    kinds = Counter(p.kind if not p.detail or p.kind == "redirect" else f"{p.kind} {p.detail}"
                    for p in plans)
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; load average {os.getloadavg()[0]:.2f}; "
          f"{len(plans):,} feeds: {dict(sorted(kinds.items()))}; "
          f"{sum(p.initial for p in plans):,} items listed at start", flush=True)
    server = FeedServer(settings)
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-day-"))
    result: dict[str, Any] = {}
    rdr = None
    started = time.time()
    try:
        if not args.reader_only:
            result = asyncio.run(newsdesk_day(args, settings, plans, server, folder))
            result["load_at_start"] = os.getloadavg()
        if not args.no_reader:
            rdr = run_reader(args, plans, server, folder)
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    result["wall_s"] = time.time() - started
    if result.get("marks"):
        report(result, rdr)
    elif rdr is not None:
        print(json.dumps(rdr, indent=1, default=str))
    print(f"\nwhole bench: {result['wall_s'] / 60:.1f} min")
    if args.json:
        args.json.write_text(json.dumps({"newsdesk": result, "reader": rdr, "args": vars(args)},
                                        indent=1, default=str))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(main())
