"""The command line, run as a user runs it: `python bot.py …` in a subprocess."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from conftest import ROOT
from feedserver import FeedServer


async def bot(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run bot.py without blocking the loop, so a feed server in this process keeps serving."""
    environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    environment.update(env or {})
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), *args, cwd=cwd, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


EVENTS = {
    1: "Flooding closed the harbour bridge in Port Alba after three days of heavy rain.",
    2: "The national orchestra named Ilse Varga as its first woman conductor.",
    30: "Engineers restarted the northern grain terminal after a week-long strike.",
}


def recent_feed(now: datetime) -> str:
    items = "".join(
        f"<item><title>Recent story {n}</title><link>https://news.example/{n}?utm_source=x</link>"
        f"<guid>recent-{n}</guid><pubDate>{format_datetime(now - timedelta(hours=n))}</pubDate>"
        f"<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
        for n, text in EVENTS.items())
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>{items}' \
           "</channel></rss>"


async def test_demo_prints_a_digest_of_the_samples(tmp_path: Path) -> None:
    """`demo` needs nothing but the install and prints a readable digest of the samples."""
    code, out, err = await bot("demo", cwd=tmp_path)
    assert code == 0, err
    assert "Last 8 days · Thu 3 Mar 2022 · 12 of 19 stories from 4 sources" in out
    assert "A: 1 million people have fled Ukraine (UNHCR" in out
    assert "A: Mykhailo Podolyak — presidential adviser" in out
    assert "A: I don't know" in out
    for outlet in ("Kyiv Wire", "Border Monitor", "Capital Briefing", "Relief Desk"):
        assert outlet in out
    assert "One million have fled" in out
    assert "<p>" not in out and "alert(" not in out
    assert list(tmp_path.iterdir()) == []  # the demo's store was temporary


async def test_digest_polls_then_reads_the_store(tmp_path: Path, feed_server: FeedServer) -> None:
    """`digest --poll` fetches the configured feeds; a later `digest` prints from the store."""
    feed_server.serve("/feed.xml", recent_feed(datetime.now(UTC)))
    (tmp_path / "config.toml").write_text(
        '[network]\nallow_private_addresses = true\n'
        f'[[feeds]]\nurl = "{feed_server.url("/feed.xml")}"\nname = "Loopback"\n')
    code, out, err = await bot("digest", "--poll", cwd=tmp_path)
    assert code == 0, err
    assert "Recent story 1" in out and "Recent story 2" in out
    assert "Recent story 30" not in out  # outside the 24-hour window
    assert "https://news.example/1" in out and "utm_source" not in out
    assert (tmp_path / "newsdesk.db").exists()
    code, again, _ = await bot("digest", "--hours", "48", cwd=tmp_path)
    assert code == 0 and "Recent story 30" in again
    assert feed_server.hits("/feed.xml") == 1


async def test_private_feed_refused_by_default(tmp_path: Path, feed_server: FeedServer) -> None:
    """Without allow_private_addresses a loopback feed is refused, not fetched, and reported
    once, by its configured name, with the setting that allows it; the exit code says so."""
    feed_server.serve("/feed.xml", recent_feed(datetime.now(UTC)))
    feed_server.serve("/other.xml", recent_feed(datetime.now(UTC)))
    (tmp_path / "config.toml").write_text(
        f'[[feeds]]\nurl = "{feed_server.url("/feed.xml")}"\nname = "Local Wire"\n')
    code, out, err = await bot("digest", "--poll", cwd=tmp_path)
    assert code == 1, err
    assert err.count("Local Wire") == 1 and err.count("private or reserved address") == 1
    assert "Local Wire: refused: 127.0.0.1 is a private or reserved address; [network] " \
           "allow_private_addresses = true in the configuration allows it" in err
    assert "Traceback" not in err and "FetchError" not in err
    assert "Daily digest" in out
    assert feed_server.hits("/feed.xml") == 0


async def test_check_config(tmp_path: Path) -> None:
    """check-config accepts a good file, names the mistake in a bad one, and explains no file."""
    code, out, _ = await bot("check-config", str(ROOT / "config.example.toml"), cwd=tmp_path)
    assert code == 0 and "OK" in out
    code, out, _ = await bot("check-config", cwd=tmp_path)
    assert code == 0 and "built-in defaults apply" in out
    bad = tmp_path / "bad.toml"
    bad.write_text("[polling]\ninterval_seconds = \"ten minutes\"\n")
    code, out, err = await bot("check-config", str(bad), cwd=tmp_path)
    assert code == 2
    assert err.strip() == (f"error: {bad}: [polling] interval_seconds: expected a whole number, "
                           "found a string 'ten minutes'")
    assert "Traceback" not in err


async def test_bad_config_stops_every_command(tmp_path: Path) -> None:
    """A wrong config.toml fails at start with one line, for digest as for run."""
    (tmp_path / "config.toml").write_text("[network]\nmax_body_bytes = -1\n")
    for command in ("digest", "run"):
        code, _, err = await bot(command, cwd=tmp_path, env={"DISCORD_TOKEN": "x"})
        assert code == 2
        assert "config.toml: [network] max_body_bytes: expected a whole number from 1,024 to" in err


async def test_run_needs_the_token_from_the_environment(tmp_path: Path) -> None:
    """run refuses to start without DISCORD_TOKEN and says where the token comes from."""
    code, _, err = await bot("run", cwd=tmp_path)
    assert code == 2 and "DISCORD_TOKEN" in err


@pytest.mark.parametrize("hours", ["0", "-3", "many", "inf", "nan"])
async def test_digest_hours_are_checked(tmp_path: Path, hours: str) -> None:
    """--hours takes any positive number on the command line (1-168 is Discord's range)."""
    code, _, err = await bot("digest", "--hours", hours, cwd=tmp_path)
    assert code == 2 and "hours" in err


async def test_digests_and_answers_of_any_moment(tmp_path: Path, feed_server: FeedServer) -> None:
    """--at ends the window (and bounds what answers may use) at a past moment; --hours takes
    any length: a digest of the day a month ago, then of ten days."""
    now = datetime.now(UTC)
    feed_server.serve("/feed.xml", recent_feed(now))
    (tmp_path / "config.toml").write_text(
        '[network]\nallow_private_addresses = true\n'
        f'[[feeds]]\nurl = "{feed_server.url("/feed.xml")}"\nname = "Loopback"\n')
    assert (await bot("digest", "--poll", cwd=tmp_path))[0] == 0
    month_ago = (now - timedelta(hours=29)).strftime("%Y-%m-%d %H:%M")
    code, out, err = await bot("digest", "--at", month_ago, "--hours", "24", cwd=tmp_path)
    assert code == 0, err
    assert "Recent story 30" in out and "Recent story 1" not in out
    code, out, _ = await bot("digest", "--at", month_ago, "--hours", "240", cwd=tmp_path)
    assert code == 0 and "Recent story 30" in out and "Recent story 2" not in out
    code, out, _ = await bot("ask", "Who conducts the national orchestra?", "--at", month_ago,
                             cwd=tmp_path)
    assert code == 0 and "Ilse Varga" not in out  # named two days ago: not yet, then
    code, out, _ = await bot("ask", "Who conducts the national orchestra?", cwd=tmp_path)
    assert code == 0 and "Ilse Varga" in out
    code, _, err = await bot("digest", "--at", "yesterday", cwd=tmp_path)
    assert code == 2 and "2022-03-02 23:59" in err


async def test_help_says_what_newsdesk_is_and_every_default(tmp_path: Path) -> None:
    code, out, _ = await bot("--help", cwd=tmp_path)
    assert code == 0
    assert "Newsdesk runs a newsroom for a Discord server" in out
    assert "exit codes: 0 all well, 1 some feeds failed" in out
    for command in ("demo", "run", "digest", "ask", "feeds", "status", "check-config"):
        assert f"    {command}" in out
    code, out, _ = await bot("digest", "--help", cwd=tmp_path)
    assert code == 0 and "(default: 24)" in " ".join(out.split())
    code, _, err = await bot("digset", cwd=tmp_path)
    assert code == 2 and "did you mean 'digest'?" in err


async def test_verbosity_goes_before_or_after_the_command(tmp_path: Path, feed_server: FeedServer) -> None:
    """-v shows every event (the poller's own lines), -q only the failures, wherever given."""
    wire = feed_server.url("/feed.xml")
    (tmp_path / "config.toml").write_text(f'[[feeds]]\nurl = "{wire}"\nname = "Wire"\n')
    for args in (("-v", "digest", "--poll"), ("digest", "--poll", "-v"), ("digest", "-v", "--poll")):
        code, _, err = await bot(*args, cwd=tmp_path)
        assert code == 1 and "WARNING digests.feeds.polling poll failed feed=" in err, args
    for args in (("-q", "digest", "--poll"), ("digest", "--poll", "--quiet")):
        code, _, err = await bot(*args, cwd=tmp_path)
        assert code == 1 and "poll failed" not in err and "feeds_fetched" not in err, args
        assert "Wire: refused" in err  # failures are always said
    code, _, err = await bot("digest", "--poll", cwd=tmp_path)
    assert "poll failed" not in err and "INFO newsdesk.progress poll feeds_fetched=1/1" in err


async def test_an_empty_question_is_refused(tmp_path: Path) -> None:
    code, out, err = await bot("ask", "  ", cwd=tmp_path)
    assert code == 2 and out == ""
    assert "the question is empty" in err and not (tmp_path / "newsdesk.db").exists()


async def test_a_digest_without_feeds_says_how_to_add_one(tmp_path: Path) -> None:
    code, out, err = await bot("digest", "--poll", cwd=tmp_path)
    assert code == 0 and "Nothing was published" in out
    assert "python bot.py feeds add URL" in err and "[[feeds]]" in err


async def test_a_feed_listed_twice_in_the_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[[feeds]]\nurl = "https://wire.example/rss"\n[[feeds]]\nurl = "HTTPS://wire.example/rss?utm_source=a"\n')
    code, _, err = await bot("check-config", cwd=tmp_path)
    assert code == 2
    assert err.strip() == ("error: config.toml: [[feeds]] #2 url: expected a feed not listed already, "
                           "found the feed of [[feeds]] #1 (https://wire.example/rss) again")


def loopback_config(folder: Path, feeds: dict[str, str]) -> None:
    listed = "".join(f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n' for name, url in feeds.items())
    (folder / "config.toml").write_text("[network]\nallow_private_addresses = true\n" + listed)


async def test_the_operator_runs_the_feeds_from_the_shell(tmp_path: Path, feed_server: FeedServer) -> None:
    """add, list, pause, resume, remove, status: each with its exit code and one clear line."""
    feed_server.serve("/filed.xml", recent_feed(datetime.now(UTC)))
    feed_server.serve("/added.xml", recent_feed(datetime.now(UTC)))
    feed_server.status("/broken.xml", 500)
    loopback_config(tmp_path, {"Filed": feed_server.url("/filed.xml")})
    code, out, err = await bot("feeds", "add", feed_server.url("/added.xml"), "--name", "Shell Wire",
                               cwd=tmp_path)
    assert code == 0, err
    assert out.startswith("Added Shell Wire: 3 items")
    code, _, err = await bot("feeds", "add", feed_server.url("/broken.xml"), cwd=tmp_path)
    assert code == 1 and err.count("\n") == 1 and "HTTP 500" in err
    code, out, _ = await bot("feeds", "list", cwd=tmp_path)
    assert code == 0
    assert out.index("Filed  [ok]") < out.index("Shell Wire  [ok]")
    assert "from the configuration file" in out and "added from the command line" in out
    code, out, _ = await bot("feeds", "pause", "shell wire", cwd=tmp_path)
    assert code == 0 and out.strip() == "Paused Shell Wire for every server."
    code, out, _ = await bot("status", cwd=tmp_path)
    assert code == 0 and "1 ok · 0 failing · 1 paused" in out and "Shell Wire: paused" in out
    code, out, _ = await bot("feeds", "resume", feed_server.url("/added.xml"), cwd=tmp_path)
    assert code == 0 and "Resumed Shell Wire" in out
    code, _, err = await bot("feeds", "remove", "Filed", cwd=tmp_path)
    assert code == 2 and "listed in the configuration file" in err
    code, out, _ = await bot("feeds", "remove", "Shell Wire", cwd=tmp_path)
    assert code == 0 and "Removed Shell Wire" in out
    code, out, _ = await bot("feeds", "list", cwd=tmp_path)
    assert "Shell Wire  [paused: no server follows it any more]" in out
    code, _, err = await bot("feeds", "pause", "Shel Wire", cwd=tmp_path)
    assert code == 2 and "Did you mean 'Shell Wire'?" in err
    assert feed_server.hits("/added.xml") == 1


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>Reader export</title></head><body>
  <outline text="News">
    <outline text="Wire One" type="rss" xmlUrl="{one}"/>
    <outline text="Deeper"><outline text="Wire Two" type="rss" xmlUrl="{two}"/></outline>
  </outline>
  <outline text="Wire One again" type="rss" xmlUrl="{one}?utm_source=reader"/>
  <outline text="Dead" type="rss" xmlUrl="{dead}"/>
  <outline text="Not the web" type="rss" xmlUrl="gopher://old.example/feed"/>
</body></opml>"""


async def test_import_export_and_the_newcomer_path(tmp_path: Path, feed_server: FeedServer) -> None:
    """A fresh folder: `feeds import`, `digest --poll`, `status`, `feeds export`; each feed's
    fate is told, progress is logged off a terminal, and the exit codes say what failed."""
    now = datetime.now(UTC)
    feed_server.serve("/one.xml", recent_feed(now))
    feed_server.serve("/two.xml", recent_feed(now - timedelta(hours=2)))
    feed_server.status("/dead.xml", 410)
    (tmp_path / "config.toml").write_text("[network]\nallow_private_addresses = true\n")
    (tmp_path / "list.opml").write_text(OPML.format(
        one=feed_server.url("/one.xml"), two=feed_server.url("/two.xml"), dead=feed_server.url("/dead.xml")))
    code, out, err = await bot("feeds", "import", "list.opml", cwd=tmp_path)
    assert code == 1, err
    assert out.splitlines()[0] == "2 added, 1 already there, 2 refused."
    assert "  Wire One — 3 items" in out and "  Wire Two — 3 items" in out
    assert "listed twice in the file (as Wire One)" in out and "gone (HTTP 410)" in out
    assert "not a web address" in out
    assert "import feeds_fetched=5/5 items_stored=6 items_understood=6" in err
    code, out, err = await bot("digest", "--poll", cwd=tmp_path)
    assert code == 0, err
    assert "Polled 2 feeds (2 unchanged); 0 new items." in err
    assert "Recent story 1" in out
    code, out, _ = await bot("status", cwd=tmp_path)
    assert code == 0 and "2 ok · 0 failing · 0 paused" in out and "6 stored, all read" in out
    code, exported, _ = await bot("feeds", "export", cwd=tmp_path)
    assert code == 0 and exported.startswith("<?xml")
    (tmp_path / "back.opml").write_text(exported)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "config.toml").write_text("[network]\nallow_private_addresses = true\n")
    code, out, _ = await bot("feeds", "import", str(tmp_path / "back.opml"), cwd=other)
    assert code == 0 and out.splitlines()[0] == "2 added, 0 already there, 0 refused."


async def test_a_file_that_is_no_feed_list_is_refused_with_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "laughs.opml").write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml/>')
    code, _, err = await bot("feeds", "import", "laughs.opml", cwd=tmp_path)
    assert code == 2 and err.startswith("error: The file declares a DTD")
    code, _, err = await bot("feeds", "import", "missing.opml", cwd=tmp_path)
    assert code == 2 and "missing.opml cannot be read: No such file or directory" in err


async def test_json_logs_are_one_object_per_line(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.serve("/feed.xml", recent_feed(datetime.now(UTC)))
    (tmp_path / "config.toml").write_text(
        '[logging]\nformat = "json"\n'
        f'[[feeds]]\nurl = "{feed_server.url("/feed.xml")}"\nname = "Local Wire"\n')
    code, _, err = await bot("digest", "--poll", "-v", cwd=tmp_path)
    assert code == 1
    events = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    messages = [e["message"] for e in events]
    assert any(m.startswith("poll failed feed=http://127.0.0.1:") for m in messages)
    assert "poll feeds_fetched=1/1 items_stored=0 items_understood=0" in messages
    assert all(set(e) >= {"ts", "level", "logger", "message"} for e in events)
    assert [line for line in err.splitlines() if line.startswith("20")] == []  # no text lines


async def test_a_sqlite_store_held_by_a_running_bot_is_said_plainly(tmp_path: Path) -> None:
    """One process per SQLite file: the command line says who holds it, and exits with 2."""
    from digests.store.core import Store

    held = await Store.open(f"sqlite:///{tmp_path / 'newsdesk.db'}")
    try:
        code, out, err = await bot("status", cwd=tmp_path)
    finally:
        await held.close()
    assert code == 2 and out == ""
    assert err.startswith("error: the database newsdesk.db is in use by another Newsdesk process")
    assert err.count("\n") == 1
    code, _, _ = await bot("status", cwd=tmp_path)
    assert code == 0


HIDE_ASYNCPG = """
import sys

sys.modules["asyncpg"] = None  # what a machine without the driver sees: find_spec gives None
"""


async def test_check_config_names_a_missing_database_driver_and_hides_the_password(tmp_path: Path) -> None:
    """A PostgreSQL store without the driver installed is an unusable configuration (exit 2),
    said in one sentence that tells how to install it and never shows the password."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(HIDE_ASYNCPG)
    config = tmp_path / "config.toml"
    config.write_text('[storage]\nurl = "postgresql://newsdesk:s3cret-pw@127.0.0.1:5432/news"\n')
    code, out, err = await bot("check-config", str(config), cwd=tmp_path,
                               env={"PYTHONPATH": str(tmp_path / "site")})
    assert code == 2 and out == ""
    assert "[storage] url: the postgresql database driver (asyncpg) is not installed" in err
    assert 'pip install ".[postgresql]"' in err and "s3cret-pw" not in err
    code, out, _ = await bot("check-config", str(config), cwd=tmp_path)
    assert code == 0 and "s3cret-pw" not in out and "OK" in out


async def test_the_bot_waits_for_a_database_server_that_is_down(
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """`run` keeps trying a PostgreSQL server that refuses connections, with back-off (the
    pause doubles) and one log line per try, never logging the password."""
    import socket

    import bot as entry

    monkeypatch.setattr(entry, "STORE_RETRY_FIRST", 0.05)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://newsdesk:s3cret-pw@127.0.0.1:{port}/news"

    def tries() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.getMessage().startswith("store unavailable")]

    with caplog.at_level("WARNING", logger="newsdesk"):
        waiting = asyncio.create_task(entry.open_store_patiently(url))
        for _ in range(600):  # a hang guard (60 s), not a speed claim: three tries are wanted
            if len(tries()) >= 3 or waiting.done():
                break
            await asyncio.sleep(0.1)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    pauses = [line.rsplit("retry_in=", 1)[1] for line in tries()[:3]]
    assert pauses == ["0.05s", "0.10s", "0.20s"]
    assert "s3cret-pw" not in caplog.text and f"127.0.0.1:{port}" in caplog.text


async def test_the_bot_does_not_wait_for_a_sqlite_file_held_by_another_process(tmp_path: Path) -> None:
    """A SQLite file serves one process: a second bot refuses at once, in a sentence."""
    import bot as entry
    from digests.errors import DatabaseUnavailable

    script = ("import asyncio, sys, time\nfrom digests.store.core import Store\n"
              "async def main():\n    s = await Store.open(sys.argv[1])\n    print('held', flush=True)\n"
              "    time.sleep(30)\nasyncio.run(main())\n")
    url = f"sqlite:///{tmp_path / 'news.db'}"
    holder = await asyncio.create_subprocess_exec(sys.executable, "-c", script, url, cwd=ROOT,
                                                  stdout=asyncio.subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert (await asyncio.wait_for(holder.stdout.readline(), 60)).strip() == b"held"
        with pytest.raises(DatabaseUnavailable, match="in use by another Newsdesk process"):
            await asyncio.wait_for(entry.open_store_patiently(url), 30)
    finally:
        holder.kill()
        await holder.wait()
