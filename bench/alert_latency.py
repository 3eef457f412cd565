"""Alert latency, end to end: item published → poll → enrichment → match → DM on the fake Discord.

    python bench/alert_latency.py [--interval 120] [--wire 100] [--load-feeds 1000]
                                  [--measure SECONDS] [--phases idle,ingesting] [--json PATH]

Two runs of bench/newsroom_day.py's machinery (the real `python bot.py run`, the fake Discord,
the loopback feed server), each on a new store:

- idle: only `--wire` wire feeds, each publishing 1-3 items per polling interval, every one of
  them carrying a made-up word that exactly one member's DM alert asks for;
- ingesting: the same wire feeds plus `--load-feeds` feeds of the newsroom mix (see
  newsroom_day.py), first due `--load-after` seconds after the start (two intervals: the wire
  feeds are in their steady state by then, as when a server imports many feeds at once): the
  bot's first polls of them and the enrichment of everything they bring happen while the wire
  items are published, polled, read and alerted.

An alert counts when its item was not stored at its feed's first poll (those are never alerted,
by design). Latency is from the moment the item appears on the feed server to the moment the
fake Discord creates the DM; it is split into publish → stored (waiting for the feed's next poll
and the scheduler tick that runs it), stored → read (enrichment) and read → DM (alert matching
and the delivery job). The bot runs with its shipped `tick_seconds` (30) and `delivery_seconds`
(10) unless told otherwise. Targets (issue 13): p99 under interval + 15 s idle, under
interval + 60 s while 1,000 feeds are ingesting.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import newsroom_day  # noqa: E402


def run_phase(name: str, feeds: int, args: argparse.Namespace) -> dict[str, Any]:
    argv = ["--feeds", str(feeds), "--wire", str(args.wire), "--interval", str(args.interval),
            "--steady", str(args.measure), "--max-cold", str(args.max_cold), "--tick", str(args.tick),
            "--delivery", str(args.delivery), "--profile-seconds", "0", "--no-reader",
            "--seed", str(args.seed), "--tracers", "1"]
    if feeds:
        argv += ["--load-after", str(args.load_after)]
    out = Path(f"/tmp/newsdesk-alert-{name}.json") if args.json is None else \
        args.json.with_name(f"{args.json.stem}-{name}.json")
    print(f"\n=== {name}: {feeds:,} feeds of the newsroom mix + {args.wire} wire feeds ===", flush=True)
    if newsroom_day.main([*argv, "--json", str(out)]) != 0 or not out.exists():
        raise SystemExit(f"the {name} phase gave no figures (its message is above)")
    return json.loads(out.read_text())["newsdesk"]  # type: ignore[no-any-return]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--interval", type=int, default=120)
    p.add_argument("--wire", type=int, default=100)
    p.add_argument("--load-feeds", type=int, default=1000)
    p.add_argument("--measure", type=int, default=None, help="steady seconds (default: 3 intervals)")
    p.add_argument("--max-cold", type=int, default=900)
    p.add_argument("--tick", type=int, default=30)
    p.add_argument("--delivery", type=float, default=10.0)
    p.add_argument("--seed", type=int, default=20261204)
    p.add_argument("--phases", default="idle,ingesting")
    p.add_argument("--load-after", type=float, default=None,
                   help="ingesting: the load feeds are first due this long after the start "
                        "(default: two intervals, when the wire feeds are in their steady state)")
    p.add_argument("--json", type=Path, default=None)
    args = p.parse_args()
    if args.measure is None:
        args.measure = 3 * args.interval
    if args.load_after is None:
        args.load_after = 2.0 * args.interval
    results = {}
    for name in args.phases.split(","):
        results[name] = run_phase(name, 0 if name == "idle" else args.load_feeds, args)
    print(f"\nalert latency, publish → DM, seconds (interval {args.interval} s, tick {args.tick} s, "
          f"delivery every {args.delivery:g} s)")
    print(f"{'phase':<34}{'n':>5}{'p50':>7}{'p99':>7}{'max':>7}{'target':>8}  met  "
          f"p99 of: to stored / to read / to DM")
    for name, result in results.items():
        alerts = result["alerts"]
        rows = [("idle, steady state", alerts["steady"], 15),
                ("idle, first interval after start", alerts["settling"], 15)] if name == "idle" else [
            (f"while {args.load_feeds:,} feeds' cold ingest", alerts["cold"], 60),
            (f"{args.load_feeds:,} feeds in steady state", alerts["steady"], 60)]
        for label, a, slack in rows:
            target = args.interval + slack
            met = "yes" if a["total_p99"] is not None and a["total_p99"] < target else "NO"
            print(f"{label:<34}{a['n']:>5}{_f(a['total_p50']):>7}{_f(a['total_p99']):>7}"
                  f"{_f(a['total_max']):>7}{target:>8}  {met:<4} "
                  f"{_f(a['to_stored_p99'])} / {_f(a['to_read_p99'], 1)} / {_f(a['to_dm_p99'], 1)}")
        marks = result["marks"]
        ingest = marks["cold_end"] - marks.get("load_start", 0.0)
        print(f"{'':<34}lost: {alerts['lost']}; "
              + (f"the cold ingest took {ingest:.0f} s" if name != "idle" else
                 f"cold start took {marks['cold_end']:.0f} s"))
    return 0


def _f(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    sys.exit(main())
