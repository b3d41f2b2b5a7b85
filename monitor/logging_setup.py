"""Logging: one line per event, human-readable text by default or JSON (``--log-format json``).

Every record passes the process-wide ``RedactingFilter`` first, so no secret reaches a line,
whatever the format, including exception text. A message that spans lines (an alert's
body, a traceback) is folded onto its one line: in text ``\\n`` becomes `` | ``; in JSON the
string keeps its newlines, escaped. A line about a source, an alert or a channel names it in
its message; JSON lines carry it as a field too (``source``, ``alert``, ``channel``), read
from ``extra=`` or from the message's conventional wording (``source ID:``, ``alert ID``).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from typing import TextIO

from monitor.redact import REDACTOR, RedactingFilter, Redactor

FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_QUIET = ("aiohttp", "apscheduler.executors", "apscheduler.scheduler")

# the wording of the project's log lines: "source ID: ...", "alert ID ...", "ALERT ID ...", "channel ID"
_NAMES = {
    "source": re.compile(r"^source ([\w.-]+)\b"),
    "alert": re.compile(r"\b(?:alert|ALERT) ([0-9a-f]{12})\b"),
    "channel": re.compile(r"\bchannel ([\w.-]+)\b"),
}
_FIELDS = ("source", "alert", "topic", "channel")


def setup_logging(level: str = "INFO", fmt: str = "text", stream: TextIO | None = None,
                  redactor: Redactor = REDACTOR) -> logging.Handler:
    """Install one handler on the root logger; returns it."""
    if fmt not in FORMATS:
        raise ValueError(f"log format {fmt!r}: write one of {', '.join(FORMATS)}")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(redactor) if fmt == "json" else TextFormatter(redactor))
    handler.addFilter(RedactingFilter(redactor))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in _QUIET:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # apprise's own lines are captured per delivery and reported once, by alert and channel
    logging.getLogger("apprise").propagate = False
    return handler


def one_line(text: str) -> str:
    return " | ".join(part for part in text.replace("\r\n", "\n").split("\n") if part.strip())


def _exception_text(record: logging.LogRecord, formatter: logging.Formatter) -> str | None:
    if record.exc_info and not record.exc_text:
        record.exc_text = formatter.formatException(record.exc_info)
    text = record.exc_text or ""
    if record.stack_info:
        text = f"{text}\n{record.stack_info}" if text else record.stack_info
    return text or None


class TextFormatter(logging.Formatter):
    """``2025-01-31 12:00:00 WARNING monitor.pipeline: source vov-world: timeout: ...`` on one line."""

    def __init__(self, redactor: Redactor = REDACTOR) -> None:
        super().__init__(TEXT_FORMAT, "%Y-%m-%d %H:%M:%S")
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        record.asctime = self.formatTime(record, self.datefmt)
        line = self.formatMessage(record)
        exc = _exception_text(record, self)
        if exc:
            line = f"{line} | {exc}"
        return self.redactor(one_line(line))  # the filter masked message and exception; this, the rest


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, the names, exception."""

    converter = time.gmtime

    def __init__(self, redactor: Redactor = REDACTOR) -> None:
        super().__init__()
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        message = self.redactor(record.getMessage())
        out: dict[str, object] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname, "logger": record.name, "message": message}
        out.update(names_in(record, message))
        exc = _exception_text(record, self)
        if exc:
            out["exception"] = self.redactor(exc)
        return json.dumps(out, ensure_ascii=False)


def names_in(record: logging.LogRecord, message: str) -> dict[str, str]:
    """The source / alert / topic / channel a record is about: from ``extra=`` first, else the message."""
    out = {}
    for name in _FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            out[name] = value
        elif name in _NAMES:
            m = _NAMES[name].search(message)
            if m:
                out[name] = m.group(1)
    return out


__all__ = ["FORMATS", "JsonFormatter", "TextFormatter", "names_in", "one_line", "setup_logging"]
