"""The project's error hierarchy: each name says what went wrong.

    MonitorError
    ├── ConfigError            rules.toml is wrong (carries every problem found)
    ├── FetchError             a source could not be fetched
    │   ├── NetworkError       no HTTP answer: the connection broke (reset, truncated body)
    │   │   ├── FetchTimeout   connect/read timeout or the total deadline
    │   │   ├── DNSFailure     the host name does not resolve
    │   │   ├── ConnectionRefused  nothing listens on that host and port
    │   │   └── TLSFailure     the TLS handshake or the certificate failed
    │   ├── HTTPStatusError    an HTTP error status (404, 500, ...)
    │   │   ├── Blocked        401/403/451 or a bot-challenge page: the site refuses us
    │   │   └── RedirectLoop   redirects that come back, or too many of them
    │   ├── EmptyBody          200 with nothing in it
    │   ├── TooLarge           the body passed the size limit
    │   ├── RobotsDisallowed   the site's robots.txt forbids this URL to our User-Agent
    │   └── AddressRefused     the URL or a redirect points where the policy forbids

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


class DNSFailure(NetworkError):
    pass  # status "network error"; the message says DNS


class ConnectionRefused(NetworkError):
    pass  # status "network error"; the message says refused


class TLSFailure(NetworkError):
    status_word = "tls error"


class HTTPStatusError(FetchError):
    status_word = "http error"

    def __init__(self, message: str, status: int, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503)


class Blocked(HTTPStatusError):
    status_word = "blocked"


class RedirectLoop(HTTPStatusError):
    status_word = "redirect loop"


class EmptyBody(FetchError):
    status_word = "empty body"


class TooLarge(FetchError):
    status_word = "too large"


class AddressRefused(FetchError):
    status_word = "refused by address policy"


class RobotsDisallowed(FetchError):
    status_word = "robots.txt"



class ConfigError(MonitorError):
    """rules.toml is wrong. ``problems`` holds one plain line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
