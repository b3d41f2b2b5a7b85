"""Politeness per host: at most N requests in flight to one host, and a minimum delay between
the starts of two requests to it. Other hosts are never held up by a slow or busy one.

    gates = HostGates(per_host=2)
    async with gates.slot("vov.vn", delay=1.0):
        ... one request ...
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class _Gate:
    __slots__ = ("limit", "next_start")

    def __init__(self, per_host: int):
        self.limit = asyncio.Semaphore(per_host)
        self.next_start = 0.0  # monotonic time before which no new request to this host starts


class HostGates:
    def __init__(self, per_host: int = 2):
        self.per_host = per_host
        self._gates: dict[str, _Gate] = {}

    @asynccontextmanager
    async def slot(self, host: str, delay: float = 0.0) -> AsyncIterator[None]:
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = _Gate(self.per_host)
        async with gate.limit:
            if delay > 0:
                now = time.monotonic()
                start = max(now, gate.next_start)
                gate.next_start = start + delay
                if start > now:
                    await asyncio.sleep(start - now)
            yield

