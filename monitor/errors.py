"""The project's error hierarchy: each name says what went wrong.

    MonitorError
    ├── ConfigError            rules.toml is wrong (carries every problem found)
    ├── FetchError             a source could not be fetched
    │   ├── NetworkError       DNS, refused, reset, TLS — no HTTP answer
    │   │   └── FetchTimeout   connect/read timeout or the total deadline
    │   ├── HTTPStatusError    an HTTP error status (404, 500, ...)
    │   │   └── Blocked        403/451 or a bot-challenge page: the site refuses us
    │   ├── TooLarge           the body passed the size limit
    │   └── AddressRefused     the URL or a redirect points where the policy forbids
    └── DeliveryError          a notifier refused or could not be reached

Parse errors live with the parsers (``monitor.parse.errors``).
"""

from __future__ import annotations


class MonitorError(Exception):
    pass


class FetchError(MonitorError):
    """Base of everything that stops a fetch; ``str()`` is the plain-words reason."""

    status_word = "error"


class NetworkError(FetchError):
    status_word = "network error"


class FetchTimeout(NetworkError):
    status_word = "timeout"


class HTTPStatusError(FetchError):
    status_word = "http error"

    def __init__(self, message: str, status: int, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503)


class Blocked(HTTPStatusError):
    status_word = "blocked"


class TooLarge(FetchError):
    status_word = "too large"


class AddressRefused(FetchError):
    status_word = "refused by address policy"


class DeliveryError(MonitorError):
    pass


class ConfigError(MonitorError):
    """rules.toml is wrong. ``problems`` holds one plain line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
