"""The sample feeds bundled with the project, which `bot.py demo` ingests offline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

SAMPLE_HOST = "https://samples.newsdesk.invalid/"
DEMO_NOW = datetime(2022, 3, 3, 20, 0, tzinfo=UTC)
_CONTENT_TYPES = {".xml": "application/xml", ".rdf": "application/rdf+xml",
                  ".json": "application/feed+json"}


@dataclass(frozen=True, slots=True)
class SampleFeed:
    url: str
    body: bytes
    content_type: str


def sample_feeds() -> list[SampleFeed]:
    folder = resources.files("digests") / "samples"
    feeds = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        suffix = "." + path.name.rsplit(".", 1)[-1]
        if suffix in _CONTENT_TYPES:
            feeds.append(SampleFeed(SAMPLE_HOST + path.name, path.read_bytes(),
                                    _CONTENT_TYPES[suffix]))
    return feeds
