"""Log lines: one line per event, as `key=value` text or as JSON, with no secret in them.

Text: `2022-03-02T23:59:00Z WARNING digests.feeds.polling poll failed feed=… kind=timeout`.
JSON (`[logging] format = "json"`): `{"ts": …, "level": …, "logger": …, "message": …}`. A
traceback stays on the event's line (`traceback="…"` with `\\n` escapes, or a JSON field). The
password of any URL is replaced by *** and the given secrets (the Discord token) by [redacted].
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime

_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<password>[^@/\s]+)@",
                           re.IGNORECASE)


class EventFormatter(logging.Formatter):
    """Formats every record as one line: `text` (key=value fields) or `json`."""

    def __init__(self, style: str = "text", *, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._json = style == "json"
        self._secrets = tuple(s for s in secrets if len(s) >= 8)

    def format(self, record: logging.LogRecord) -> str:
        message = self._clean(record.getMessage())
        trace = self._clean(self.formatException(record.exc_info)) if record.exc_info else ""
        moment = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if self._json:
            event = {"ts": moment, "level": record.levelname, "logger": record.name,
                     "message": message}
            if trace:
                event["traceback"] = trace
            return json.dumps(event, ensure_ascii=False)
        line = f"{moment} {record.levelname} {record.name} {_one_line(message)}"
        return f"{line} traceback={json.dumps(trace)}" if trace else line

    def _clean(self, text: str) -> str:
        text = _URL_PASSWORD.sub(r"\g<scheme>\g<user>:***@", text)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def configure_logging(level: int, style: str, *, secrets: Iterable[str] = ()) -> None:
    """Every log record of the process to standard error, one line per event."""
    handler = logging.StreamHandler()
    handler.setFormatter(EventFormatter(style, secrets=secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
