"""Hostile input, case by case: what each does to Newsdesk, how long it takes, how much memory.

Each case runs in a fresh process (`--case NAME`), so its peak RSS is its own: the table shows
the process's peak RSS (MiB) beside its RSS once Newsdesk's modules were imported, and the
case's wall time. Run all: `python bench/hostile_input.py`; one: `--case NAME`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

from digests.config import NetworkConfig, parse_config  # noqa: E402
from digests.errors import ConfigError, FetchError  # noqa: E402
from digests.feeds.addresses import connector_for  # noqa: E402
from digests.feeds.fetching import Fetcher  # noqa: E402
from digests.feeds.parsing import parse_document  # noqa: E402
from digests.models import Entry  # noqa: E402
from digests.news.analysis import analyse_items  # noqa: E402
from digests.readings import ItemText  # noqa: E402
from digests.store.core import Store  # noqa: E402

NOW = datetime(2022, 3, 3, 12, 0, tzinfo=UTC)
Case = Callable[[], Awaitable[str]]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, description: str) -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        CASES[name] = (description, function)
        return function
    return register


def rss(items: str, head: str = "") -> bytes:
    return (f'<?xml version="1.0"?>{head}<rss version="2.0"><channel><title>Hostile</title>'
            f"{items}</channel></rss>").encode()


def json_feed(items: str) -> bytes:
    return ('{"version": "https://jsonfeed.org/version/1.1", "title": "Hostile", "items": ['
            + items + "]}").encode()


def read(body: bytes) -> str:
    parsed = parse_document(body, {}, "https://hostile.example/feed", NOW)
    problem = f", ill-formed ({parsed.ill_formed[:40]})" if parsed.ill_formed else ""
    return f"{len(parsed.entries)} entries kept{problem}"


def read_and_analyse(body: bytes) -> str:
    parsed = parse_document(body, {}, "https://hostile.example/feed", NOW)
    texts = [ItemText(n, e.title, e.text, e.published_at) for n, e in enumerate(parsed.entries)]
    sentences = sum(len(a.sentences) for a in analyse_items(texts))
    [entry] = parsed.entries
    return f"title {len(entry.title):,} chars, text {len(entry.text):,}; {sentences:,} sentences"


# Feeds in ------------------------------------------------------------------------------------

@case("entity-expansion", "RSS with a billion-laughs DTD (entities nested 10 deep)")
async def entity_expansion() -> str:
    lol = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    head = f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{lol}]>'
    return read(rss("<item><title>&lol9;</title><guid>a</guid></item>", head))


@case("title-10mb", "an item title of 10 MB, parsed and analysed")
async def huge_title() -> str:
    return read_and_analyse(rss(f"<item><title>{'word ' * 2_000_000}</title><guid>a</guid></item>"))


@case("body-5mb", "an item body of 5 MB of sentences, parsed and analysed")
async def huge_body() -> str:
    text = "Officials said 3,800 troops were sent. " * 130_000
    return read_and_analyse(rss(f"<item><title>T</title><guid>a</guid><description>{text}"
                                "</description></item>"))


@case("categories-100k", "100,000 categories on one RSS item")
async def many_categories() -> str:
    tags = "".join(f"<category>tag{n}</category>" for n in range(100_000))
    parsed = parse_document(rss(f"<item><title>T</title><guid>a</guid>{tags}</item>"), {},
                            "https://hostile.example/feed", NOW)
    return f"{len(parsed.entries[0].categories)} categories kept"


@case("charref-surrogate", "RSS titles with &#xD800;, &#x110000; and a 5,000-digit reference")
async def bad_charrefs() -> str:
    refs = ["&#xD800;", "&#x110000;", "&#" + "9" * 5000 + ";"]
    return read(rss("".join(f"<item><title>A {r} B</title><guid>{n}</guid></item>"
                            for n, r in enumerate(refs))))


@case("json-dates", "JSON Feed dates UTC cannot hold (0001-01-01T00:00:00+00:01, 9999-12-31-00:01)")
async def json_dates() -> str:
    dates = ["0001-01-01T00:00:00+00:01", "9999-12-31T23:59:00-00:01", "2022-03-02T10:00:00Z"]
    return read(json_feed(",".join(f'{{"id": "{n}", "title": "T{n}", "date_published": "{d}"}}'
                                   for n, d in enumerate(dates))))


@case("json-huge-int", "a JSON Feed integer of 5,000 digits (and 10 million) among the items")
async def json_big_int() -> str:
    return read(json_feed(f'{{"id": {"7" * 5000}, "title": "A"}}, {{"id": "b", "title": "B", '
                          f'"x": {"1" * 10_000_000}}}'))


@case("json-5m-items", "15 MB of JSON Feed: five million empty items, in a worker with its cap")
async def json_many_items() -> str:
    from digests.feeds.reading import WORKER_MEMORY_LIMIT, FeedReader
    from digests.runtime.workers import WorkerPool

    pool = WorkerPool(1, warm=("digests.feeds.parsing",), memory_limit=WORKER_MEMORY_LIMIT)
    try:
        parsed = await FeedReader(pool).parse(json_feed(",".join(["{}"] * 5_000_000)), {},
                                              "https://hostile.example/feed.json", NOW)
        return f"{len(parsed.entries)} entries kept (empty items are not entries)"
    except FetchError as exc:
        return f"refused: {exc}"
    finally:
        pool.close()


async def _serve(routes: dict[str, Callable[[web.Request], Awaitable[web.StreamResponse]]]
                 ) -> tuple[web.AppRunner, int]:
    app = web.Application()
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


@case("gzip-bomb", "a 1 MB gzip body that inflates to 1 GB, over loopback")
async def gzip_bomb() -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing, made a megabyte at a time
    zeros = b"\0" * (1024 * 1024)
    bomb = b"".join(packer.compress(zeros) for _ in range(1024)) + packer.flush()

    async def handler(_: web.Request) -> web.StreamResponse:
        return web.Response(body=bomb, headers={"Content-Encoding": "gzip",
                                                "Content-Type": "application/rss+xml"})

    runner, port = await _serve({"/feed": handler})
    try:
        async with aiohttp.ClientSession(connector=connector_for(True)) as session:
            fetcher = Fetcher(session, NetworkConfig(allow_private_addresses=True), "bench")
            try:
                await fetcher.fetch(f"http://127.0.0.1:{port}/feed", now=NOW)
            except FetchError as exc:
                return f"refused ({len(bomb):,} bytes sent): {exc}"
            return "read whole"
    finally:
        await runner.cleanup()


@case("ssrf-spellings", "15 spellings of 127.0.0.1 and localhost as feed hosts (full-width, ...)")
async def ssrf() -> str:
    hits = 0

    async def handler(_: web.Request) -> web.StreamResponse:
        nonlocal hits
        hits += 1
        return web.Response(text="internal")

    runner, port = await _serve({"/": handler})
    hosts = ["１２７．０．０．１", "127。0。0。1", "⑫⑦.0.0.1", "127.1", "0x7f.0.0.1", "0177.0.0.1",
             "2130706433", "[::ffff:127.0.0.1]", "[::1]", "localhost.", "ｌｏｃａｌｈｏｓｔ",
             "LocalHost", "api.localhost.", "127.0.0.1", "①②⑦.０.０.１"]
    refused = 0
    try:
        async with aiohttp.ClientSession(connector=connector_for(False)) as session:
            fetcher = Fetcher(session, NetworkConfig(), "bench")
            for host in hosts:
                try:
                    await fetcher.fetch(f"http://{host}:{port}/", now=NOW)
                except FetchError:
                    refused += 1
    finally:
        await runner.cleanup()
    return f"{refused} of {len(hosts)} refused, {hits} requests reached the server"


# The Discord side --------------------------------------------------------------------------

MARKDOWN = "*a* _b_ ~~c~~ ||d|| `e` [f](https://phish.example/f) "


@case("fit-30kb-markdown", "cogs.limits.fit on 30 KB of markdown-heavy text, cut to 4,096")
async def fit_markdown() -> str:
    from cogs.limits import fit

    text = (MARKDOWN * 700)[:30_000]
    return f"{len(fit(text, 4096)):,} characters kept"


@case("fit-3mb-words", "cogs.limits.fit on 3 MB of plain words, cut to 4,096")
async def fit_words() -> str:
    from cogs.limits import fit

    return f"{len(fit('word ' * 600_000, 4096)):,} characters kept"


def _oversized_digest(name: str, link: str):  # type: ignore[no-untyped-def]
    from digests.models import Source
    from digests.news.digest import Digest, DigestFigure, DigestQuote, DigestStory

    source = Source(1, name, link, NOW)
    story = DigestStory(title="Refugees " + MARKDOWN * 100, url=link,
                        summary=tuple(DigestQuote("Officials said " + MARKDOWN * 80, source)
                                      for _ in range(3)),
                        figures=(DigestFigure("1 million", "people " * 500, name, source),),
                        people=(), sources=(name,) * 5, first_seen_at=NOW, last_seen_at=NOW,
                        item_count=5)
    return Digest(NOW - timedelta(days=1), NOW, (story,) * 10, 10, 1)


@case("digest-oversized", "a digest of 10 stories, each with a 4,000-character source name, "
                          "markdown-heavy title and quotes, and a 10,024-character link")
async def digest_oversized() -> str:
    from cogs.limits import violations
    from cogs.render import render_digest

    payloads = render_digest(_oversized_digest("Kyiv Wire " * 400, "https://wire.example/" + "a" * 10_003))
    broken = sum(bool(violations(p)) for p in payloads)
    links = sum(1 for p in payloads for e in p.embeds if e.url)
    return f"{len(payloads)} messages, {broken} over a limit, {links} embed links kept"


@case("error-1mb", "a /feeds add error of 1 MB quoting the server: masked links, @everyone, bidi")
async def error_text_case() -> str:
    from cogs.limits import error_text

    shown = error_text("HTTP 302 to [login](https://phish.example) @everyone \u202egnp.exe "
                       * 20_000, 2000)
    pings = "@everyone" in shown.replace("@\u200beveryone", "")
    links = re.search(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\S*?)\)", shown)
    return (f"{len(shown):,} characters shown, "
            f"{'live markup' if pings or links or chr(0x202e) in shown else 'inert'}")


# Storage and configuration --------------------------------------------------------------------

@case("config-values", "nan and inf timeouts, an interval of 2**63-1, parse_workers = 1000")
async def config_values() -> str:
    refused = 0
    for table, key, value in (("network", "connect_timeout_seconds", float("nan")),
                              ("network", "total_timeout_seconds", float("inf")),
                              ("polling", "interval_seconds", 2**63 - 1),
                              ("polling", "parse_workers", 1000)):
        try:
            parse_config({table: {key: value}}, "config.toml")
        except ConfigError:
            refused += 1
    return f"{refused} of 4 refused with file, table, key, expected and found"


def _entry(key: str, url: str) -> Entry:
    return Entry(key=key, guid=key, url=url, title="Same story", text="Text.", author=None,
                 categories=(), language=None, published_at=NOW, dated=True, content_hash=url)


@case("guid-rotation", "a feed of 10 links whose guids change at every poll, 5 polls")
async def guid_rotation() -> str:
    with tempfile.TemporaryDirectory() as folder:
        store = await Store.open(f"sqlite:///{folder}/r.db")
        feed = await store.add_feed("https://rotating.example/feed", now=NOW)
        for poll in range(5):
            batch = [_entry(f"{poll}-{n}", f"https://rotating.example/{n}") for n in range(10)]
            await store.save_entries(feed.id, batch, now=NOW + timedelta(hours=poll),
                                     first_poll=poll == 0)
        rows = len(await store.items_published_between(NOW - timedelta(days=1), NOW))
        await store.close()
    return f"{rows} rows stored for 10 links"


@case("migration-halfway", "a schema upgrade that fails after adding a column and a table")
async def migration_halfway() -> str:
    import sqlite3

    from digests.store import legacy

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.db"
        kept = legacy.MIGRATIONS[-1]  # the first Alembic revision runs these: fail at its end
        legacy.MIGRATIONS[-1] = [*kept, "ALTER TABLE feeds ADD COLUMN colour TEXT", "NOT SQL"]
        with contextlib.suppress(Exception):
            await Store.open(f"sqlite:///{path}")
        with sqlite3.connect(path) as conn:
            columns = {r[1] for r in conn.execute("PRAGMA table_info(feeds)")}
        legacy.MIGRATIONS[-1] = kept
        await (await Store.open(f"sqlite:///{path}")).close()
    left = "left" if columns else "nothing left"
    return f"failed upgrade: {left} behind; mended upgrade: applied"


@case("fts-damage", "the full-text index's root page overwritten, then the store opened")
async def fts_damage() -> str:
    import sqlite3

    from digests.store.integrity import full_check

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.db"
        store = await Store.open(f"sqlite:///{path}")
        async with store._engine.begin() as conn:
            from sqlalchemy import text
            for n in range(5000):
                await conn.execute(text("INSERT INTO sentences_fts (rowid, text) VALUES (:r, :t)"),
                                   {"r": n, "t": f"refugees crossed the border {n}"})
        await store.close()
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            [root] = conn.execute("SELECT rootpage FROM sqlite_master "
                                  "WHERE name = 'sentences_fts_data'").fetchone()
        with path.open("r+b") as file:
            file.seek((root - 1) * size + 8)
            file.write(b"\xa5" * (size - 16))
        started = time.perf_counter()
        store = await Store.open(f"sqlite:///{path}")
        opened = time.perf_counter() - started
        problem = await full_check(store._engine, "d.db")
        await store.close()
    return f"index rebuilt at open ({opened:.2f} s); whole-file check afterwards: {problem or 'ok'}"


# Linear time: each hostile input against a baseline timed in the same run -------------------
# The tests count work where a count can see it; these cases hold the timing the tests leave
# out (cost spent in regular expressions and string methods), as ratios, not seconds.

def _seconds(work: Callable[[], object], rounds: int = 3) -> float:
    """The fastest of `rounds` runs of `work`: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _ratios(hostile: dict[str, str], read: Callable[[str], object],
            ordinary: Callable[[int], str]) -> str:
    """For each hostile text: how many times longer `read` takes on it than on ordinary text of
    its length, and on it repeated 4 times than on it once (4 is linear, 16 quadratic)."""
    shown = []
    for name, text in hostile.items():
        baseline, longer = ordinary(len(text)), text * 4
        hostile_seconds = _seconds(partial(read, text))
        ratio = hostile_seconds / max(_seconds(partial(read, baseline)), 1e-6)
        growth = _seconds(partial(read, longer)) / max(hostile_seconds, 1e-6)
        shown.append(f"{name} {ratio:.1f}x ordinary, 4x as long {growth:.1f}x")
    return "; ".join(shown)


def _words(length: int) -> str:
    return ("Officials said 3,800 troops were sent to the border on Monday. " * (length // 60 + 1)
            )[:length]


def _growth(work_on: Callable[[int], object], size: int) -> float:
    """How many times longer `work_on(4 * size)` takes than `work_on(size)`: 4 when linear."""
    return _seconds(lambda: work_on(4 * size)) / max(_seconds(lambda: work_on(size)), 1e-6)


@case("figures-hostile-runs", "extract_figures on one sentence of 500 runs of digits, signs, "
                              "dashes and letters (tests/news/test_figure_defects.py)")
async def figures_hostile_runs() -> str:
    from digests.news.figures import extract_figures

    run = "+1-2-3-4-5 USD9 0600 $US7 3m 4-5bn x, 45, said"

    def runs(count: int) -> object:
        return extract_figures(" ".join([run] * count), NOW)

    return (_ratios({"500 runs": " ".join([run] * 500)}, lambda t: extract_figures(t, NOW), _words)
            + f"; 4x the runs: {_growth(runs, 250):.1f}x the time (4 is linear)")


@case("fit-hostile", "cogs.limits.fit to 4,096 on the hostile texts of tests/cogs/test_limits.py")
async def fit_hostile() -> str:
    from cogs.limits import EMBED_DESCRIPTION, escape, fit

    hostile = {"escaped markdown": escape(("*a* _b_ [c](https://x.example/d) `e` " * 1500)[:45_000]),
               "open star among links": "*" + "[l](https://x.example/) " * 2_000,
               "unclosed brackets": "[" * 30_000, "unclosed links": "[a](" * 10_000,
               "many backticks": "`a " * 15_000}
    return _ratios(hostile, lambda t: fit(t, EMBED_DESCRIPTION), _words)


@case("escape-hostile", "cogs.limits.escape on blank lines and markdown characters by the thousand")
async def escape_hostile() -> str:
    from cogs.limits import escape

    # 4 times the tests' sizes: below ~50,000 characters the timings are too short to compare
    return _ratios({"60,000 newlines": "\n" * 60_000, "40,000 blank lines": " \n" * 40_000,
                    "300,000 stars": "*" * 300_000}, escape, _words)


@case("render-megabytes", "a digest, an answer and a feed list whose every text is 1 MB of markdown")
async def render_megabytes() -> str:
    from cogs.render import render_answer, render_digest
    from digests.models import Source
    from digests.news.answers import Answer, Quote
    from digests.news.digest import Digest, DigestFigure, DigestQuote, DigestStory

    def render(size: int) -> object:
        text = ("*a* _b_ [c](https://x.example/d) `e` @everyone " * 25_000)[:size]
        source = Source(1, text, "https://news.example/1", NOW)
        story = DigestStory(title=text, url=None, summary=(DigestQuote(text, source),),
                            figures=(DigestFigure(text, text, text, source),), people=(),
                            sources=(text,), first_seen_at=NOW, last_seen_at=NOW, item_count=1)
        digest = Digest(NOW - timedelta(days=1), NOW, (story,) * 10, 10, 1)
        answer = Answer(question="?", kind="figure", found=True, headline=text,
                        quotes=(Quote(text=text, source=source),) * 3)
        return [*render_digest(digest), render_answer(answer)]

    ratio = _seconds(lambda: render(1_000_000)) / max(_seconds(lambda: render(10_000)), 1e-6)
    return f"1 MB texts take {ratio:.1f}x the time of 10 KB ones (1 is bounded by what is shown)"


@case("html-hostile", "html_to_text on 250 KB of each unfinished construct of "
                      "tests/feeds/test_htmltext.py")
async def html_hostile() -> str:
    from digests.feeds.htmltext import html_to_text

    block = ("<div class='story'><h2><a href='/s?id=1&amp;x=2'>Headline</a></h2><p>Some <em>text"
             "</em> with a <a href='/x'>link</a> &amp; more words in it.</p></div>\n")
    pieces = ["<!--", "<a", "<a b='", "</", "<!", "<?", "<![CDATA[", "<script", "&#", "<!-- -->"]
    return _ratios({p: p * (250_000 // len(p)) for p in pieces}, html_to_text,
                   lambda length: (block * (length // len(block) + 1))[:length])


# Running ----------------------------------------------------------------------------------------

def _rss_mib(field: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"{field}:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


def run_one(name: str) -> None:
    _, function = CASES[name]
    before = _rss_mib("VmRSS")
    started = time.perf_counter()
    try:
        outcome = asyncio.run(function())
    except Exception as exc:  # an unhandled failure is an outcome to report, not to hide
        outcome = f"UNHANDLED {type(exc).__name__}: {exc}"[:160]
    seconds = time.perf_counter() - started
    print(json.dumps({"outcome": outcome, "seconds": seconds, "before": before,
                      "peak": _rss_mib("VmHWM")}))


def run_all(names: list[str]) -> None:
    print("| case | outcome | time (s) | peak RSS (MiB, after imports) |")
    print("|---|---|---|---|")
    for name in names:
        description, _ = CASES[name]
        done = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True,
                              text=True, check=False)
        try:
            result = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(f"| {description} | the case process failed: {done.stderr.strip()[-200:]} | | |")
            continue
        print(f"| {description} | {result['outcome']} | {result['seconds']:.2f} | "
              f"{result['peak']:.0f} ({result['before']:.0f}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), help="run one case in this process")
    args = parser.parse_args()
    if args.case:
        run_one(args.case)
    else:
        run_all(list(CASES))


if __name__ == "__main__":
    main()
