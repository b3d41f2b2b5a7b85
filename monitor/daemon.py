"""The daemon: APScheduler drives a poll tick and a delivery tick until SIGTERM/SIGINT.

``run_once`` polls every source once and tries every pending delivery once.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from monitor import sdnotify
from monitor.config import Config
from monitor.errors import ConfigError
from monitor.fetch.client import Fetcher
from monitor.health import HEARTBEAT
from monitor.metrics import METRICS, TimedFetcher
from monitor.notify import deliver_pending
from monitor.parse.budget import ParsePool
from monitor.pipeline import Poller, PollOutcome
from monitor.store import Store, utcnow

log = logging.getLogger("monitor.daemon")


class Daemon:
    def __init__(self, config: Config, store: Store):
        self.config = config
        self.store = store
        self._busy = asyncio.Lock()  # one poll round at a time
        self._delivering = asyncio.Lock()
        self.parser: ParsePool | None = None  # the parse workers, while a round or the daemon runs
        self._scheduler: AsyncIOScheduler | None = None  # while run_forever runs
        self._stored: dict[str, frozenset[str]] = {}  # what each feed's last poll found stored (Poller.stored)

    def apply_config(self, config: Config) -> None:
        """Use a reloaded config (SIGHUP) from the next poll and delivery tick on."""
        old, self.config = self.config.settings, config
        for job, tick in (("poll", "poll_tick"), ("deliver", "delivery_tick")):
            if self._scheduler is not None and getattr(old, tick) != getattr(config.settings, tick):
                self._scheduler.reschedule_job(job, trigger="interval", seconds=getattr(config.settings, tick))

    async def _heartbeat(self) -> None:
        METRICS.tick()  # on the event loop: it runs only while the loop and the scheduler do
        if sdnotify.watchdog_enabled():
            sdnotify.notify("WATCHDOG=1")

    def _serve_status(self):
        """The health, metrics and status endpoint when ``[monitor] listen`` is set, else None."""
        listen = self.config.settings.listen
        if not listen:
            return None
        from monitor.web import serve

        try:
            return serve(listen, lambda: self.config, self.store)
        except OSError as e:
            raise ConfigError([f'{self.config.path}: [monitor]: field "listen": cannot listen on {listen}: '
                               f"{e.strerror or e}; stop what uses it or choose another address"]) from None

    def _fetcher(self) -> Fetcher:
        s = self.config.settings
        return Fetcher(user_agent=s.user_agent, timeout=s.timeout, max_body_bytes=s.max_body_bytes,
                       allow_private=s.allow_private_addresses, concurrency=s.concurrency,
                       host_concurrency=s.host_concurrency, politeness_delay=s.politeness_delay,
                       robots=s.robots_txt)

    def _parse_pool(self) -> ParsePool:
        s = self.config.settings
        return ParsePool(s.parse_workers or None, s.parse_budget)

    async def poll(self, fetcher: Fetcher, *, all_sources: bool = False) -> list[PollOutcome]:
        """Poll the due sources (or all of them) concurrently; each failure stays with its source."""
        async with self._busy:
            ids = [s.id for s in self.config.sources]
            poller = Poller(self.config, self.store, fetcher, self.parser, self._stored)
            if not all_sources:
                return await self._poll_claimed(poller, ids)
            self.store.add_sources(ids)
            results = await asyncio.gather(*(poller.poll(self.config.source(sid)) for sid in ids),
                                           return_exceptions=True)
            return [r for sid, r in zip(ids, results, strict=True) if _polled(sid, r)]

    async def _poll_claimed(self, poller: Poller, ids: list[str]) -> list[PollOutcome]:
        """Poll the sources due now, claimed a batch at a time with a lease (other instances on the same
        database claim the others); the batch is topped up as polls finish, until none is left to claim."""
        s = self.config.settings
        start, batch = utcnow(), max(4 * s.concurrency, 16)
        running: dict[asyncio.Task, str] = {}
        outcomes: list[PollOutcome] = []
        more = True
        while more or running:
            if more and len(running) <= batch // 2:
                want = batch - len(running)
                claimed = self.store.leases.claim_sources(ids, utcnow(), s.lease, want, due_by=start)
                more = len(claimed) == want
                for sid in claimed:
                    running[asyncio.create_task(poller.poll(self.config.source(sid)))] = sid
                if not running:
                    break
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                sid = running.pop(task)
                r = task.exception() or task.result()
                if _polled(sid, r):
                    outcomes.append(r)
        return outcomes

    async def _renew_leases(self) -> None:
        try:
            await asyncio.to_thread(self.store.leases.renew, utcnow(), self.config.settings.lease)
        except Exception as e:  # the database is away: the health check says so; the leases may lapse
            log.warning("could not renew this instance's leases: %s", e.__class__.__name__)

    async def deliver(self) -> tuple[int, int]:
        if not self.config.channels:
            return 0, 0
        async with self._delivering:
            return await asyncio.to_thread(deliver_pending, self.store, self.config)

    async def run_once(self) -> list[PollOutcome]:
        own_pool = self.parser is None
        if own_pool:
            self.parser = self._parse_pool()
        try:
            async with self._fetcher() as fetcher:
                outcomes = await self.poll(fetcher, all_sources=True)
        finally:
            if own_pool:
                self.parser.close()
                self.parser = None
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
        web = self._serve_status()
        reloads: set[asyncio.Task] = set()  # held until done, as asyncio asks
        loop.add_signal_handler(signal.SIGHUP, lambda: _hold(reloads, loop.create_task(self._reload())))
        self.parser = self._parse_pool()
        try:
            async with TimedFetcher(self._fetcher()) as fetcher:
                scheduler = self._scheduler = AsyncIOScheduler(timezone="UTC")
                scheduler.add_job(self._heartbeat, "interval", seconds=HEARTBEAT, id="heartbeat",
                                  next_run_time=utcnow(), max_instances=1, coalesce=True, misfire_grace_time=None)
                scheduler.add_job(self.poll, "interval", args=[fetcher], seconds=s.poll_tick, id="poll",
                                  next_run_time=utcnow(), max_instances=1, coalesce=True, misfire_grace_time=None)
                scheduler.add_job(self.deliver, "interval", seconds=s.delivery_tick, id="deliver",
                                  next_run_time=utcnow(), max_instances=1, coalesce=True, misfire_grace_time=None)
                scheduler.add_job(self._renew_leases, "interval", seconds=max(0.5, s.lease / 3), id="leases",
                                  max_instances=1, coalesce=True, misfire_grace_time=None)
                scheduler.start()
                log.info("monitor running: %d sources, %d topics, %d channels; poll tick %gs, delivery tick %gs",
                         len(self.config.sources), len(self.config.topics), len(self.config.channels),
                         s.poll_tick, s.delivery_tick)
                sdnotify.notify("READY=1", f"STATUS=polling {len(self.config.sources)} sources")
                await stop.wait()
                log.info("stopping: finishing in-flight work")
                sdnotify.notify("STOPPING=1")
                loop.remove_signal_handler(signal.SIGHUP)
                scheduler.pause()  # no new round starts; the one under way is finished, not cancelled
                async with self._busy, self._delivering:
                    pass  # wait for a poll round or delivery pass that is under way
                scheduler.shutdown(wait=False)
                try:
                    self.store.leases.release_all()  # what this instance held is free for the others now
                except Exception as e:
                    log.warning("could not release this instance's leases (they expire): %s", e.__class__.__name__)
        finally:  # workers and the HTTP endpoint never outlive the daemon, whatever stopped it
            self.parser.close()
            self.parser = None
            self._scheduler = None
            if web is not None:
                web.close()
        log.info("stopped")

    async def _reload(self) -> None:
        from monitor.reload import reload

        await reload(self)


def _polled(source_id: str, result: PollOutcome | BaseException) -> bool:
    if isinstance(result, BaseException):
        log.error("source %s: poll crashed: %r", source_id, result)
        return False
    return True


def _hold(tasks: set[asyncio.Task], task: asyncio.Task) -> None:
    tasks.add(task)
    task.add_done_callback(tasks.discard)
