"""The command line, run as a user runs it: `python bot.py …` in a subprocess."""

from __future__ import annotations

import asyncio
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
    """Without allow_private_addresses a loopback feed is refused and reported, not fetched."""
    feed_server.serve("/feed.xml", recent_feed(datetime.now(UTC)))
    (tmp_path / "config.toml").write_text(f'[[feeds]]\nurl = "{feed_server.url("/feed.xml")}"\n')
    code, _, err = await bot("digest", "--poll", cwd=tmp_path)
    assert code == 0
    assert "private or reserved address" in err
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
