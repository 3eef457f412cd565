"""Newsdesk's engine: fetching, parsing, storage, scheduling and digests. No Discord here."""

from .config import Config, load_config
from .digests import Digest
from .errors import ConfigError, DigestError, FetchError
from .fetching import Fetcher
from .models import Entry, Feed, Item, ParsedFeed, PollResult
from .polling import Poller
from .storage import Store

__all__ = [
    "Config",
    "ConfigError",
    "Digest",
    "DigestError",
    "Entry",
    "Feed",
    "FetchError",
    "Fetcher",
    "Item",
    "ParsedFeed",
    "PollResult",
    "Poller",
    "Store",
    "load_config",
]
