"""The daemon: APScheduler drives a poll tick and a delivery tick until SIGTERM/SIGINT.

``run_once`` polls every source once and tries every pending delivery once.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from monitor.config import Config
from monitor.fetch.client import Fetcher
from monitor.notify import deliver_pending
from monitor.pipeline import Poller, PollOutcome
from monitor.rules import CompiledTopic, compile_topic
from monitor.store import Store, utcnow

log = logging.getLogger("monitor.daemon")


def compile_topics(config: Config) -> list[CompiledTopic]:
    return [compile_topic(t.id, t.name, t.query, fold_diacritics=t.fold_diacritics, threshold=t.threshold)
            for t in config.topics]


class Daemon:
    def __init__(self, config: Config, store: Store):
        self.config = config
        self.store = store
        self.topics = compile_topics(config)
        self._busy = asyncio.Lock()  # one poll round at a time
        self._delivering = asyncio.Lock()

    def _fetcher(self) -> Fetcher:
        s = self.config.settings
        return Fetcher(user_agent=s.user_agent, timeout=s.timeout, max_body_bytes=s.max_body_bytes,
                       allow_private=s.allow_private_addresses, concurrency=s.concurrency)

    async def poll(self, fetcher: Fetcher, *, all_sources: bool = False) -> list[PollOutcome]:
        """Poll the due sources (or all of them) concurrently; each failure stays with its source."""
        async with self._busy:
            ids = [s.id for s in self.config.sources]
            due = ids if all_sources else self.store.due_sources(ids, utcnow())
            if not due:
                return []
            poller = Poller(self.config, self.store, fetcher, self.topics)
            results = await asyncio.gather(*(poller.poll(self.config.source(sid)) for sid in due),
                                           return_exceptions=True)
            outcomes = []
            for sid, r in zip(due, results, strict=True):
                if isinstance(r, BaseException):
                    log.error("source %s: poll crashed: %r", sid, r)
                else:
                    outcomes.append(r)
            return outcomes

    async def deliver(self) -> tuple[int, int]:
        if not self.config.channels:
            return 0, 0
        async with self._delivering:
            return await asyncio.to_thread(deliver_pending, self.store, self.config)

    async def run_once(self) -> list[PollOutcome]:
        async with self._fetcher() as fetcher:
            outcomes = await self.poll(fetcher, all_sources=True)
        await self.deliver()
        return outcomes

    async def run_forever(self, stop: asyncio.Event | None = None) -> None:
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):
                pass
        s = self.config.settings
        async with self._fetcher() as fetcher:
            scheduler = AsyncIOScheduler(timezone="UTC")
            scheduler.add_job(self.poll, "interval", args=[fetcher], seconds=s.poll_tick, id="poll",
                              next_run_time=utcnow(), max_instances=1, coalesce=True, misfire_grace_time=None)
            scheduler.add_job(self.deliver, "interval", seconds=s.delivery_tick, id="deliver",
                              next_run_time=utcnow(), max_instances=1, coalesce=True, misfire_grace_time=None)
            scheduler.start()
            log.info("monitor running: %d sources, %d topics, %d channels; poll tick %gs, delivery tick %gs",
                     len(self.config.sources), len(self.config.topics), len(self.config.channels),
                     s.poll_tick, s.delivery_tick)
            await stop.wait()
            log.info("stopping: finishing in-flight work")
            scheduler.shutdown(wait=False)
            async with self._busy, self._delivering:
                pass  # wait for a poll round or delivery pass that is under way
        log.info("stopped")
