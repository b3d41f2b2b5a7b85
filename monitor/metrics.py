"""Metrics in the Prometheus text format (version 0.0.4), for ``GET /metrics``.

What the database knows is read from it at scrape time (source health, articles, alerts by
topic, deliveries by state); only what it cannot tell is counted in the process: poll
outcomes, fetch latency, config reloads, the scheduler's heartbeat. Several instances on
one database therefore report the same database-derived gauges, each its own counters.
"""

from __future__ import annotations

import bisect
import math
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import distinct, func
from sqlmodel import Session, select

from monitor.config import Config
from monitor.store import Store, to_utc
from monitor.store.models import AlertRow, DeliveryRow, SourceState

FETCH_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)
OK_STATUSES = ("ok", "not modified")


@dataclass
class Histogram:
    buckets: tuple[float, ...]
    counts: list[int] = field(default_factory=list)  # per bucket, not cumulative; the last one is +Inf
    total: float = 0.0
    count: int = 0

    def __post_init__(self) -> None:
        self.counts = [0] * (len(self.buckets) + 1)

    def observe(self, value: float) -> None:
        self.counts[bisect.bisect_left(self.buckets, value)] += 1
        self.total += value
        self.count += 1


class Metrics:
    """The in-process part. Thread-safe: the poll loop writes, the HTTP thread reads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.started = time.time()
        self.polls: Counter[tuple[str, str]] = Counter()  # (source, outcome) -> polls
        self.fetch = Histogram(FETCH_BUCKETS)
        self.reloads: Counter[str] = Counter()  # "ok" | "failed"
        self.last_reload_ok: float | None = None
        self.last_tick: float | None = None  # the scheduler's heartbeat job last ran
        self.last_poll_done: float | None = None  # a source's poll last finished

    def poll_done(self, source_id: str, status: str) -> None:
        with self._lock:
            self.polls[(source_id, status)] += 1
            self.last_poll_done = time.time()

    def observe_fetch(self, seconds: float) -> None:
        with self._lock:
            self.fetch.observe(seconds)

    def tick(self) -> None:
        self.last_tick = time.time()

    def reload_done(self, ok: bool) -> None:
        with self._lock:
            self.reloads["ok" if ok else "failed"] += 1
            if ok:
                self.last_reload_ok = time.time()

    def snapshot(self) -> tuple[dict, Histogram, dict]:
        with self._lock:
            fetch = Histogram(self.fetch.buckets)
            fetch.counts, fetch.total, fetch.count = list(self.fetch.counts), self.fetch.total, self.fetch.count
            return dict(self.polls), fetch, dict(self.reloads)


METRICS = Metrics()  # the process-wide one: the pipeline and the daemon report to it


class TimedFetcher:
    """A fetcher whose every ``get`` (source documents and article pages) is timed into ``fetch``."""

    def __init__(self, inner, metrics: Metrics = METRICS):
        self._inner = inner
        self._metrics = metrics

    async def get(self, *args, **kwargs):
        started = time.monotonic()
        try:
            return await self._inner.get(*args, **kwargs)
        finally:
            self._metrics.observe_fetch(time.monotonic() - started)

    async def __aenter__(self):
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc) -> None:
        await self._inner.__aexit__(*exc)

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


# -- what the database tells ------------------------------------------------------------------

@dataclass
class DbFacts:
    states: dict[str, SourceState]
    matches: dict[str, int]  # alerts stored, by topic (every match of a new article is stored as an alert)
    routed: dict[str, int]  # of which with at least one channel to deliver to
    deliveries: dict[tuple[str, str], int]  # (channel, status) -> count
    oldest_pending: dict[str, datetime]  # channel -> created_at of its oldest pending delivery


def read_db(store: Store) -> DbFacts:
    with Session(store.engine) as s:
        states = {r.source_id: r for r in s.exec(select(SourceState)).all()}
        matches = dict(s.exec(select(AlertRow.topic_id, func.count()).group_by(AlertRow.topic_id)).all())
        routed = dict(s.exec(select(AlertRow.topic_id, func.count(distinct(AlertRow.id)))
                             .join(DeliveryRow, DeliveryRow.alert_id == AlertRow.id)
                             .group_by(AlertRow.topic_id)).all())
        deliveries = {(c, st): n for c, st, n in s.exec(
            select(DeliveryRow.channel_id, DeliveryRow.status, func.count())
            .group_by(DeliveryRow.channel_id, DeliveryRow.status)).all()}
        oldest = {c: to_utc(t) for c, t in s.exec(
            select(DeliveryRow.channel_id, func.min(DeliveryRow.created_at))
            .where(DeliveryRow.status == "pending").group_by(DeliveryRow.channel_id)).all() if t is not None}
    return DbFacts(states, matches, routed, deliveries, oldest)


# -- the exposition ---------------------------------------------------------------------------

def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _num(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


class Exposition:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def family(self, name: str, kind: str, help_text: str,
               samples: Iterable[tuple[dict[str, str], float]], suffix: str = "") -> None:
        self.lines.append(f"# HELP {name} {help_text}")
        self.lines.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            self.sample(name + suffix, labels, value)

    def sample(self, name: str, labels: dict[str, str], value: float) -> None:
        inner = ",".join(f'{k}="{_escape(str(v))}"' for k, v in labels.items())
        self.lines.append(f"{name}{{{inner}}} {_num(value)}" if inner else f"{name} {_num(value)}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _ts(moment: datetime | None) -> float | None:
    moment = to_utc(moment)
    return moment.timestamp() if moment else None


def render(config: Config, store: Store, metrics: Metrics = METRICS, *, healthy: bool | None = None,
           now: float | None = None) -> str:
    """The whole /metrics page. A database that cannot be read gives ``monitor_database_up 0``."""
    now = time.time() if now is None else now
    out = Exposition()
    polls, fetch, reloads = metrics.snapshot()

    out.family("monitor_start_time_seconds", "gauge", "When this process started (Unix time).",
               [({}, metrics.started)])
    if healthy is not None:
        out.family("monitor_healthy", "gauge", "1 when /healthz says ok, 0 when degraded.", [({}, int(healthy))])
    out.family("monitor_polls_total", "counter", "Polls of a source by this process, by outcome.",
               [({"source": s, "outcome": o}, n) for (s, o), n in sorted(polls.items())])
    out.family("monitor_fetch_duration_seconds", "histogram",
               "Time of each HTTP fetch (source documents and article pages), redirects included.", [])
    cumulative = 0
    for bound, n in zip((*fetch.buckets, math.inf), fetch.counts, strict=True):
        cumulative += n
        out.sample("monitor_fetch_duration_seconds_bucket", {"le": _num(bound)}, cumulative)
    out.sample("monitor_fetch_duration_seconds_sum", {}, fetch.total)
    out.sample("monitor_fetch_duration_seconds_count", {}, fetch.count)
    out.family("monitor_config_reloads_total", "counter", "Config reloads (SIGHUP) by result.",
               [({"result": r}, reloads.get(r, 0)) for r in ("ok", "failed")])
    if metrics.last_reload_ok is not None:
        out.family("monitor_config_last_reload_success_timestamp_seconds", "gauge",
                   "When the config was last reloaded successfully (Unix time).", [({}, metrics.last_reload_ok)])
    if metrics.last_tick is not None:
        out.family("monitor_scheduler_heartbeat_age_seconds", "gauge", "Seconds since the scheduler last ticked.",
                   [({}, max(0.0, now - metrics.last_tick))])

    try:
        db = read_db(store)
    except Exception:
        out.family("monitor_database_up", "gauge", "1 when the database answered this scrape.", [({}, 0)])
        return out.text()
    out.family("monitor_database_up", "gauge", "1 when the database answered this scrape.", [({}, 1)])
    _db_families(out, config, db)
    return out.text()


def _db_families(out: Exposition, config: Config, db: DbFacts) -> None:
    sources = [s.id for s in config.sources]
    states = {sid: db.states.get(sid) for sid in sources}
    out.family("monitor_source_up", "gauge", "1 when the source's last poll succeeded, 0 when it failed or never ran.",
               [({"source": sid}, int(st is not None and st.status in OK_STATUSES)) for sid, st in states.items()])
    out.family("monitor_source_consecutive_failures", "gauge", "Failed polls of the source in a row.",
               [({"source": sid}, st.consecutive_failures if st else 0) for sid, st in states.items()])
    for name, attr, help_text in (
            ("monitor_source_last_poll_timestamp_seconds", "last_poll_at", "When the source was last polled."),
            ("monitor_source_last_success_timestamp_seconds", "last_success_at",
             "When the source was last polled successfully."),
            ("monitor_source_next_due_timestamp_seconds", "next_due_at", "When the source is due again.")):
        samples = [({"source": sid}, _ts(getattr(st, attr))) for sid, st in states.items() if st is not None]
        out.family(name, "gauge", help_text + " (Unix time)", [(lb, v) for lb, v in samples if v is not None])
    out.family("monitor_source_items", "gauge", "Items the source's last successful poll listed.",
               [({"source": sid}, st.items_seen) for sid, st in states.items() if st is not None])
    out.family("monitor_articles", "gauge", "New articles the source's polls found (each counted once), by source.",
               [({"source": sid}, st.articles if st else 0) for sid, st in states.items()])
    topics = [t.id for t in config.topics]
    out.family("monitor_matches", "gauge", "Articles that matched a topic (each stored as an alert), by topic.",
               [({"topic": t}, db.matches.get(t, 0)) for t in topics])
    out.family("monitor_alerts", "gauge", "Alerts routed to at least one channel, by topic.",
               [({"topic": t}, db.routed.get(t, 0)) for t in topics])
    channels = [c.id for c in config.channels]
    statuses = sorted({"pending", "sent", "failed"} | {st for c, st in db.deliveries if c in channels})
    out.family("monitor_deliveries", "gauge",
               "Deliveries (alert x channel) by state: pending (to send or retry), sent, failed (gave up).",
               [({"channel": c, "status": st}, db.deliveries.get((c, st), 0)) for c in channels for st in statuses])
    out.family("monitor_deliveries_pending", "gauge", "Deliveries waiting to be sent or retried, all channels.",
               [({}, sum(n for (c, st), n in db.deliveries.items() if st == "pending" and c in channels))])
    now = time.time()
    out.family("monitor_delivery_oldest_pending_age_seconds", "gauge",
               "Age of the oldest pending delivery, by channel (absent when none is pending).",
               [({"channel": c}, max(0.0, now - db.oldest_pending[c].timestamp()))
                for c in channels if c in db.oldest_pending])


__all__ = ["METRICS", "Metrics", "TimedFetcher", "read_db", "render"]
