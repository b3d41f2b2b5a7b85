"""robots.txt: fetched once per site (scheme, host and port), cached, obeyed for our User-Agent, on
the URL asked for and on each redirect's target (``Fetcher`` checks every hop).

What an answer means (RFC 9309 in spirit, lenient where a news monitor must keep working):
a 2xx is parsed and obeyed; a 4xx (no robots.txt) allows everything; a 5xx, a timeout or a
broken connection allows this time and is asked again soon, so an outage of the site's
robots.txt does not silence a source. Parsing is the standard library's ``urllib.robotparser``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from monitor.errors import FetchError, HTTPStatusError

MAX_ROBOTS_BYTES = 512 * 1024  # Google reads the first 500 KiB
TTL_OK = 24 * 3600.0
TTL_UNREACHABLE = 3600.0


@dataclass
class _Entry:
    rules: RobotFileParser | None  # None: everything allowed
    expires: float


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def parse_robots(text: str) -> RobotFileParser:
    rules = RobotFileParser()
    rules.parse(text.splitlines())
    return rules


class RobotsCache:
    """``await cache.allowed(url)``; ``fetch(url)`` returns (status, body) or raises FetchError."""

    def __init__(self, user_agent: str, fetch: Callable[[str], Awaitable[tuple[int, bytes]]]):
        self.agent = user_agent.split("/")[0].strip() or user_agent  # the product token
        self._fetch = fetch
        self._sites: dict[str, _Entry] = {}
        self._loading: dict[str, asyncio.Future[_Entry]] = {}  # one fetch per site, however many ask at once

    async def allowed(self, url: str) -> bool:
        key = robots_url(url)
        entry = self._sites.get(key)
        if entry is None or entry.expires < time.monotonic():
            pending = self._loading.get(key)
            if pending is None:
                pending = self._loading[key] = asyncio.ensure_future(self._load(key))
                pending.add_done_callback(lambda _f: self._loading.pop(key, None))
            entry = self._sites[key] = await asyncio.shield(pending)
        return entry.rules is None or entry.rules.can_fetch(self.agent, url)

    async def _load(self, robots: str) -> _Entry:
        now = time.monotonic()
        try:
            status, body = await self._fetch(robots)
        except HTTPStatusError as e:
            ttl = TTL_OK if 400 <= e.status < 500 else TTL_UNREACHABLE
            return _Entry(None, now + ttl)
        except FetchError:
            return _Entry(None, now + TTL_UNREACHABLE)
        if status != 200:
            return _Entry(None, now + TTL_OK)
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
        return _Entry(parse_robots(text), now + TTL_OK)
