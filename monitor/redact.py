"""Keep secrets out of logs, errors and status output.

Notifier URLs hold passwords and tokens. ``secrets_of_url`` lists the parts of an
apprise URL that must never be shown; ``Redactor`` replaces them in any text, and
``RedactingFilter`` applies it to every log record (message, arguments, exception
text) so a library's traceback cannot leak a token either.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, unquote, urlsplit

MASK = "****"
_SECRET_KEYS = {"pass", "password", "token", "key", "apikey", "api_key", "secret", "access_token"}
_MIN_SECRET = 4  # shorter fragments are not worth masking (and would mangle normal text)


def secrets_of_url(url: str) -> list[str]:
    """The URL itself, its password, and its user name, path segments and query values that look like
    tokens or account names."""
    if not url:
        return []
    out = [url]
    try:
        parts = urlsplit(url)
    except ValueError:
        return out
    if parts.password:
        out += [parts.password, unquote(parts.password)]
    user = parts.username or ""
    if _looks_like_token(user) or "@" in unquote(user):  # a plain name ("desk") is no secret, and masking it
        out += [user, unquote(user)]                      # would mangle every word that holds it
    for seg in parts.path.split("/"):
        if _looks_like_token(seg):
            out += [seg, unquote(seg)]  # tokens in the path (Telegram, Slack, Discord ...)
    if parts.netloc and "@" not in parts.netloc:
        # services like tgram://123456:ABCDEF put the token where the host (and port) would be
        host, _, rest = parts.netloc.partition(":")
        if len(rest) >= 8 and not rest.isdigit():
            out += [parts.netloc, rest]
        elif len(host) >= 12 and re.search(r"[A-Za-z].*\d|\d.*[A-Za-z]", parts.hostname or ""):
            out.append(parts.netloc)
    for key, value in parse_qsl(parts.query):
        if key.lower() in _SECRET_KEYS | {"user", "webhook"} and value:
            out.append(value)
    return [s for s in dict.fromkeys(out) if len(s) >= _MIN_SECRET]


def credentials_of_url(url: str) -> list[str]:
    """The password and the token-like query values of a URL that is otherwise fine to show (a source)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    out = [parts.password, unquote(parts.password)] if parts.password else []
    out += [v for k, v in parse_qsl(parts.query) if k.lower() in _SECRET_KEYS and v]
    return [s for s in dict.fromkeys(out) if len(s) >= _MIN_SECRET]


def _looks_like_token(text: str) -> bool:
    return len(text) >= 8 and bool(re.search(r"\d", text)) and bool(re.search(r"[A-Za-z]", text))


class Redactor:
    def __init__(self, secrets: list[str] | None = None):
        self._secrets: list[str] = []
        self.add(secrets or [])

    def add(self, secrets: list[str]) -> None:
        self._secrets = sorted(set(self._secrets) | {s for s in secrets if len(s) >= _MIN_SECRET},
                               key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for s in self._secrets:
            if s in text:
                text = text.replace(s, MASK)
        return text


class RedactingFilter(logging.Filter):
    """A logging filter that renders the record and masks secrets in it."""

    def __init__(self, redactor: Redactor):
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self.redactor(message), None
        if record.exc_text:
            record.exc_text = self.redactor(record.exc_text)
        return True


REDACTOR = Redactor()  # the process-wide one; cli installs it on the root handlers
