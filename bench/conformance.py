"""Feed conformance: every feedparser suite case and every real feed through Newsdesk's parser.

    python bench/conformance.py [--shared PATH] [--workers N] [--verbose]

Each document goes through `digests.feeds.parsing.parse_document`, the function the worker pool
runs, with its bytes, the response headers a server would send and a request URL, exactly as
after a fetch. The same bytes and headers also go through plain feedparser (its defaults), and
the entries Newsdesk keeps are compared with the entries feedparser found: count, then title and
link of each entry in order. Every difference is listed with the reason it was classified under.

Reads `../shared/corpora/` (or `--shared`); exits with a message when it is not there.
`tests/http/` and `tests/compression/` of the suite are skipped: status codes, redirects and
Content-Encoding are handled by the fetcher (aiohttp) before any byte reaches the parser.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import feedparser  # noqa: E402

from digests.feeds.htmltext import html_to_text, plain_title  # noqa: E402
from digests.feeds.jsonfeed import is_json_feed  # noqa: E402
from digests.feeds.parsing import MAX_ENTRIES, parse_document  # noqa: E402
from digests.models import Entry  # noqa: E402
from digests.urls import canonical_url, is_http_url  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
SUITE_FOLDERS = ("wellformed", "illformed", "encoding", "entities", "json")
FETCH_LAYER_FOLDERS = ("http", "compression")
FETCHED_AT = datetime(2026, 3, 1, tzinfo=UTC)  # after every real feed's capture date
SUITE_BASE = "http://localhost:8097/tests/"
REAL_BASE = "https://feeds.example/"

# Encodings tried, in order, to read a case's comment header (some files are UTF-16/32 or EBCDIC).
_HEADER_CODECS = ("utf-8", "utf-32", "utf-16", "utf-32-be", "utf-32-le", "utf-16-be",
                  "utf-16-le", "cp037", "cp500", "latin-1")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_HEADER_LINE = re.compile(r"^Header:\s*([^:\s]+)\s*:\s*(.*?)\s*$", re.MULTILINE)
_SKIP_UNLESS = re.compile(r"^SkipUnless:\s*(.*?)\s*$", re.MULTILINE)
_CODEC_LOOKUP = re.compile(r"lookup\(\s*['\"]([^'\"]+)['\"]\s*\)")


@dataclass
class Outcome:
    """What one document gave: Newsdesk's entries against feedparser's, and the checks."""

    name: str
    group: str
    reference_entries: int = 0
    kept_entries: int = 0
    exception: str | None = None
    differences: list[str] = field(default_factory=list)  # "reason: detail"
    no_title_or_text: int = 0
    no_link_where_feed_has_links: int = 0
    no_date: int = 0
    undated_in_feed: int = 0
    date_lost: int = 0
    placeholder_dates: int = 0
    ill_formed: str | None = None
    cpu_seconds: float = 0.0


# ---------------------------------------------------------------- reading the corpora

def case_comment(body: bytes) -> str | None:
    """The suite's test comment of a case, decoding UTF-16/32 and EBCDIC files as needed."""
    for name in _HEADER_CODECS:
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        match = _COMMENT.search(text)
        if match and ("Expect:" in match.group(1) or "Description:" in match.group(1)):
            return match.group(1)
    return None


def skip_reason(comment: str) -> str | None:
    """Why a case cannot run here (its SkipUnless), read without evaluating it."""
    for condition in _SKIP_UNLESS.findall(comment):
        codec = _CODEC_LOOKUP.search(condition)
        if codec:
            try:
                codecs.lookup(codec.group(1))
            except LookupError:
                return f"codec {codec.group(1)} not available"
        elif "chardet" in condition:
            try:
                __import__("chardet")
            except ImportError:
                return "chardet not installed"
    return None


def case_headers(comment: str | None, path: Path) -> dict[str, str]:
    """The response headers a server sends: the case's own, else a type for the extension."""
    headers: dict[str, str] = {}
    for name, value in _HEADER_LINE.findall(comment or ""):
        if name.lower() != "status":
            headers[name.lower()] = value
    if "content-type" not in headers:
        headers["content-type"] = ("application/feed+json" if path.suffix == ".json"
                                   else "application/xml")
    return headers


def served_type(body: bytes) -> str:
    """The content type a typical server sends for a real feed (as bench/ingest_real_feeds)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "application/feed+json"
    if b"<feed" in head:
        return "application/atom+xml"
    return "application/rss+xml"


# ---------------------------------------------------------------- the reference

@dataclass(frozen=True)
class Reference:
    title: str
    link: str | None
    has_text: bool
    has_date_text: bool
    placeholder_date: bool = False  # dated before 1900 (0001-01-01 and the like)


def reference_entries(body: bytes, headers: dict[str, str], url: str) -> list[Reference]:
    """What plain feedparser finds (a JSON Feed, which feedparser 6 cannot read: its items)."""
    if is_json_feed(body):
        return _json_reference(body, url)
    result = feedparser.parse(io.BytesIO(body), response_headers={**headers,
                                                                  "content-location": url})
    found = []
    for entry in result.entries:
        texts = [c.get("value", "") for c in entry.get("content") or []]
        texts.append(entry.get("summary", ""))
        found.append(Reference(
            title=plain_title(entry.get("title", "")),
            link=_expected_link(entry.get("link"), url),
            has_text=any(html_to_text(t) for t in texts if t),
            has_date_text=any(entry.get(k) for k in ("published", "updated", "created")),
            placeholder_date=any(entry.get(k) and entry[k].tm_year < 1900 for k in
                                 ("published_parsed", "updated_parsed", "created_parsed")),
        ))
    return found


def _json_reference(body: bytes, url: str) -> list[Reference]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except ValueError:
        return []
    items = data.get("items") if isinstance(data, dict) else None
    found = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        title = item.get("title")
        link = item.get("url") or item.get("external_url")
        texts = [item.get(k) for k in ("content_html", "content_text", "summary")]
        found.append(Reference(
            title=plain_title(title) if isinstance(title, str) else "",
            link=_expected_link(link if isinstance(link, str) else None, url),
            has_text=any(isinstance(t, str) and html_to_text(t) for t in texts),
            has_date_text=bool(item.get("date_published") or item.get("date_modified")),
        ))
    return found


def _expected_link(link: str | None, base: str) -> str | None:
    if not link or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    return canonical_url(absolute) if is_http_url(absolute) else None


# ---------------------------------------------------------------- one document

# Why Newsdesk's kept entries may differ from feedparser's; all but the last three are choices.
REASONS = {
    "dropped": "deliberate: an entry with neither title nor text (nor a labelled media embed) "
               "is not kept",
    "media-title": "deliberate: a text-less entry is titled from its embedded media's label",
    "dropped-markup": "deliberate: read as HTML (as a browser would), the entry's only text is "
                      "markup that shows nothing; feedparser's sanitiser escapes it into text",
    "title-markup": "deliberate: Newsdesk drops the contents of script/style/head/object/iframe "
                    "elements in titles; feedparser's sanitiser keeps their text",
    "recovered": "deliberate: feedparser found no entry; Newsdesk reads the entries of an RSS "
                 "document whose elements carry an undeclared `rss:` prefix",
    "capped": "deliberate: only a document's first 1,000 entries are read (digests.feeds.parsing."
              "MAX_ENTRIES; feeds list their newest first)",
    "title": "unexplained title difference",
    "link": "unexplained link difference",
    "count": "unexplained count difference",
}
_DROPPED_ELEMENT = re.compile(
    r"<(?:script|style|head|object|iframe|noscript|template|svg|math|noembed|noframes|xmp)\b",
    re.IGNORECASE)


def check(name: str, group: str, body: bytes, headers: dict[str, str], url: str) -> Outcome:
    started = time.process_time()
    outcome = _check(name, group, body, headers, url)
    outcome.cpu_seconds = time.process_time() - started
    return outcome


def _check(name: str, group: str, body: bytes, headers: dict[str, str], url: str) -> Outcome:
    outcome = Outcome(name, group)
    try:
        parsed = parse_document(body, headers, url, FETCHED_AT)
    except Exception as exc:  # the whole point: count them
        last = traceback.extract_tb(exc.__traceback__)[-1]
        outcome.exception = f"{type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
        return outcome
    reference = reference_entries(body, headers, url)
    kept = parsed.entries
    outcome.reference_entries, outcome.kept_entries = len(reference), len(kept)
    outcome.ill_formed = parsed.ill_formed
    compare(outcome, reference, kept, lambda: raw_entries(body, headers, url))
    feed_has_links = any(r.link for r in reference) or any(e.url for e in kept)
    for entry in kept:
        if not entry.title.strip() and not entry.text.strip():
            outcome.no_title_or_text += 1
        if feed_has_links and not entry.url:
            outcome.no_link_where_feed_has_links += 1
        if not isinstance(entry.published_at, datetime) or entry.published_at.tzinfo is None:
            outcome.no_date += 1
        if not entry.dated:
            outcome.undated_in_feed += 1
    return outcome


def compare(outcome: Outcome, reference: list[Reference], kept: tuple[Entry, ...],
            raw_reading: Callable[[], list[tuple[str, bool]]]) -> None:
    """Walk both lists in order, pairing entries; record each difference with its reason."""
    position = 0
    dropped = 0
    raw: list[tuple[str, bool]] = []
    if len(kept) != len(reference):
        raw = raw_reading()
    for index, ref in enumerate(reference):
        entry = kept[position] if position < len(kept) else None
        if (ref.title or ref.has_text) and index < len(raw) and raw[index] == ("", False):
            outcome.differences.append(f"dropped-markup: #{index} shows no text")
            continue
        if not ref.title and not ref.has_text:
            if entry is not None and entry.url == ref.link and entry.title and not entry.text:
                outcome.differences.append(f"media-title: #{index} titled {entry.title!r}")
                position += 1
            else:
                dropped += 1
            continue
        if entry is None:
            reason = "capped" if index >= MAX_ENTRIES else "count"
            outcome.differences.append(f"{reason}: feedparser's entry #{index} {ref.title!r} missing")
            continue
        position += 1
        if ref.title and entry.title != ref.title:
            raw = raw or raw_reading()
            reason = ("title-markup" if index < len(raw) and _DROPPED_ELEMENT.search(raw[index][0])
                      else "title")
            outcome.differences.append(f"{reason}: #{index} {ref.title[:70]!r} != {entry.title[:70]!r}")
        if ref.link != entry.url:
            outcome.differences.append(f"link: #{index} {ref.link!r} != {entry.url!r}")
        if ref.has_date_text and not entry.dated:
            if ref.placeholder_date:
                outcome.placeholder_dates += 1  # deliberate: read as undated
            else:
                outcome.date_lost += 1
    if dropped:
        outcome.differences.append(f"dropped: {dropped} of {len(reference)}")
    if not reference and kept:
        outcome.differences.append(f"recovered: {len(kept)} entries")
    elif position < len(kept):
        outcome.differences.append(f"count: {len(kept) - position} more kept than feedparser found")


def raw_entries(body: bytes, headers: dict[str, str], url: str) -> list[tuple[str, bool]]:
    """Each entry's raw title and whether its unsanitised text reads as any text (to explain
    a difference); the title is "" when it reads as nothing."""
    if is_json_feed(body):
        return []
    result = feedparser.parse(io.BytesIO(body), response_headers={**headers, "content-location": url},
                              sanitize_html=False, resolve_relative_uris=False)
    found = []
    for entry in result.entries:
        texts = [c.get("value", "") for c in entry.get("content") or []]
        texts.append(entry.get("summary", ""))
        title = entry.get("title", "")
        found.append((title if plain_title(title) else "", any(html_to_text(t) for t in texts if t)))
    return found


def check_suite_case(path: str, suite: str) -> Outcome:
    file = Path(path)
    relative = file.relative_to(suite).as_posix()
    group = relative.split("/", 1)[0]
    body = file.read_bytes()
    comment = case_comment(body)
    headers = case_headers(comment, file)
    return check(relative, group, body, headers, SUITE_BASE + relative)


def check_real_feed(path: str) -> Outcome:
    file = Path(path)
    body = file.read_bytes()
    return check(file.name, "real", body, {"content-type": served_type(body)}, REAL_BASE + file.name)


# ---------------------------------------------------------------- report

def percent(part: int, whole: int) -> str:
    return f"{part:,} ({100 * part / whole:.2f} %)" if whole else f"{part:,}"


def print_rows(rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


def reason_of(difference: str) -> str:
    return difference.split(":", 1)[0]


def comparison_rows(outcomes: list[Outcome], unit: str) -> list[tuple[str, str]]:
    differing = [o for o in outcomes if o.differences]
    unexplained = [o for o in differing if any(reason_of(d) in ("title", "link", "count")
                                               for d in o.differences)]

    def having(*reasons: str) -> int:
        return sum(1 for o in differing if any(reason_of(d) in reasons for d in o.differences))

    rows = [
        (f"{unit} whose kept entries differ from feedparser's", percent(len(differing), len(outcomes))),
        ("  by count (dropped or missing entries)",
         percent(having("dropped", "dropped-markup", "recovered", "capped", "count"), len(outcomes))),
        ("  by title or link identity", percent(having("media-title", "title-markup", "title", "link"),
                                                 len(outcomes))),
        ("  unexplained (bugs)", percent(len(unexplained), len(outcomes))),
    ]
    reasons = Counter(r for o in differing for r in {reason_of(d) for d in o.differences})
    rows += [(f"  {unit} with '{r}'", f"{n:,}  ({REASONS[r]})") for r, n in reasons.most_common()]
    return rows


def list_differences(outcomes: list[Outcome], verbose: bool) -> None:
    """Unexplained differences in full; deliberate ones as a list of names per reason."""
    by_reason: dict[str, list[str]] = {}
    for o in outcomes:
        for difference in o.differences:
            reason = reason_of(difference)
            if reason in ("title", "link", "count") or verbose:
                print(f"    {o.name}: {difference}")
            by_reason.setdefault(reason, [])
            if o.name not in by_reason[reason]:
                by_reason[reason].append(o.name)
    if verbose:
        return
    for reason, names in by_reason.items():
        if reason in ("title", "link", "count"):
            continue
        shown = ", ".join(names[:12]) + (f", … ({len(names) - 12} more; --verbose lists them)"
                                         if len(names) > 12 else "")
        print(f"    {reason} ({len(names)}): {shown}")
        if reason not in ("dropped", "dropped-markup") or len(names) < 4:
            for o in outcomes:
                for difference in o.differences:
                    if reason_of(difference) == reason:
                        print(f"      {o.name}: {difference.split(': ', 1)[1][:150]}")


def report_suite(outcomes: list[Outcome], skipped: dict[str, str], verbose: bool) -> int:
    print("== feedparser suite ==")
    by_group = Counter(o.group for o in outcomes)
    exceptions = [o for o in outcomes if o.exception]
    kept = sum(o.kept_entries for o in outcomes)
    found = sum(o.reference_entries for o in outcomes)
    rows = [
        ("cases run", f"{len(outcomes):,} ("
         + ", ".join(f"{g} {by_group[g]}" for g in SUITE_FOLDERS) + ")"),
        ("cases skipped", f"{len(skipped):,}"),
        ("exceptions", percent(len(exceptions), len(outcomes))),
        ("entries found by feedparser", f"{found:,}"),
        ("entries kept by Newsdesk", f"{kept:,} ({100 * kept / found:.1f} %)" if found else "0"),
        *comparison_rows(outcomes, "cases"),
        ("kept entries without title or text", f"{sum(o.no_title_or_text for o in outcomes):,}"),
        ("kept entries without a date", f"{sum(o.no_date for o in outcomes):,}"),
    ]
    print_rows(rows)
    for reason, count in Counter(skipped.values()).most_common():
        print(f"  skipped: {count} x {reason}")
    for o in exceptions:
        print(f"  EXCEPTION {o.name}: {o.exception}")
    print("  differing cases:")
    list_differences(outcomes, verbose)
    return len(exceptions)


def report_real(outcomes: list[Outcome], verbose: bool) -> int:
    print("== real feeds ==")
    entries = sum(o.kept_entries for o in outcomes)
    reference = sum(o.reference_entries for o in outcomes)
    exceptions = [o for o in outcomes if o.exception]
    print_rows([
        ("feeds", f"{len(outcomes):,}"),
        ("exceptions", percent(len(exceptions), len(outcomes))),
        ("feeds with no entries (Newsdesk)", percent(sum(1 for o in outcomes if not o.kept_entries
                                                         and not o.exception), len(outcomes))),
        ("feeds flagged ill-formed (entries still used)",
         percent(sum(1 for o in outcomes if o.ill_formed), len(outcomes))),
        ("entries found by plain feedparser", f"{reference:,}"),
        ("entries kept by Newsdesk", f"{entries:,} ({100 * entries / reference:.2f} %)"
         if reference else "0"),
        *comparison_rows(outcomes, "feeds"),
        ("kept entries without title or text", percent(sum(o.no_title_or_text for o in outcomes),
                                                       entries)),
        ("kept entries without a link (feed has links)",
         percent(sum(o.no_link_where_feed_has_links for o in outcomes), entries)),
        ("kept entries without a date", percent(sum(o.no_date for o in outcomes), entries)),
        ("  of which read as undated (dated at fetch time)",
         percent(sum(o.undated_in_feed for o in outcomes), entries)),
        ("    of these, dated before 1900 in the feed (a placeholder)",
         percent(sum(o.placeholder_dates for o in outcomes), entries)),
        ("  feed date present but not read", percent(sum(o.date_lost for o in outcomes), entries)),
    ])
    for o in exceptions:
        print(f"  EXCEPTION {o.name}: {o.exception}")
    for o in outcomes:
        if o.ill_formed:
            print(f"  ill-formed {o.name}: {o.ill_formed[:110]}")
    print("  differing feeds:")
    list_differences(outcomes, verbose)
    return len(exceptions)


def suite_cases(suite: Path) -> tuple[list[Path], dict[str, str]]:
    run: list[Path] = []
    skipped: dict[str, str] = {}
    for folder in (*SUITE_FOLDERS, *FETCH_LAYER_FOLDERS):
        for file in sorted((suite / folder).rglob("*")):
            if not file.is_file():
                continue
            relative = file.relative_to(suite).as_posix()
            if folder in FETCH_LAYER_FOLDERS:
                skipped[relative] = "fetch layer (HTTP status / Content-Encoding)"
                continue
            comment = case_comment(file.read_bytes())
            reason = skip_reason(comment) if comment else None
            if reason:
                skipped[relative] = reason
            else:
                run.append(file)
    return run, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="list every difference")
    args = parser.parse_args()
    suite = args.shared / "corpora" / "feedparser-suite" / "tests"
    real = args.shared / "corpora" / "real-feeds" / "benchmark_data"
    if not suite.is_dir() or not real.is_dir():
        print(f"corpora not found under {args.shared}: need {suite} and {real}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    cases, skipped = suite_cases(suite)
    feeds = sorted((p for p in real.iterdir() if p.is_file()), key=lambda p: -p.stat().st_size)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        real_jobs = [pool.submit(check_real_feed, str(p)) for p in feeds]
        suite_outcomes = list(pool.map(check_suite_case, map(str, cases),
                                       [str(suite)] * len(cases), chunksize=32))
        real_outcomes = sorted((j.result() for j in real_jobs), key=lambda o: o.name)
    failures = report_suite(suite_outcomes, skipped, args.verbose)
    failures += report_real(real_outcomes, args.verbose)
    cpu = sum(o.cpu_seconds for o in (*suite_outcomes, *real_outcomes))
    print(f"wall time {time.perf_counter() - start:.1f} s with {args.workers} workers "
          f"({cpu:.1f} s of CPU in the workers)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
