"""Is the daemon healthy? ``ok``, or ``degraded`` with each reason, for ``GET /healthz``.

Three things make it degraded:

- **scheduler stalled**: the scheduler's heartbeat (a job every few seconds on the event
  loop) is late, or sources are overdue while no poll has finished for longer than a poll
  round may take;
- **database unreachable**: a trivial query fails or takes more than a few seconds;
- **deliveries failing**: a channel has alerts still undelivered after several attempts,
  or gave up on one recently.

Reasons never hold a secret: errors are masked like every other output.
"""

from __future__ import annotations

import concurrent.futures
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, func, select

from monitor.config import Config
from monitor.metrics import Metrics
from monitor.redact import REDACTOR
from monitor.store import Store, to_utc
from monitor.store.models import DeliveryRow, SourceState

log = logging.getLogger("monitor.health")

HEARTBEAT = 5.0  # seconds between the scheduler's heartbeat ticks
FAILING_ATTEMPTS = 3  # a delivery still pending after this many attempts counts as failing
DB_TIMEOUT = 5.0

_probe_pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="health-db")


@dataclass
class Health:
    reasons: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.reasons

    def text(self) -> str:
        return "ok\n" if self.ok else "degraded\n" + "".join(f"{r}\n" for r in self.reasons)


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds >= 5400:
        return f"{seconds / 3600:.1f}h"
    if seconds >= 120:
        return f"{seconds // 60}m"
    return f"{seconds}s"


def round_allowance(config: Config) -> float:
    """How long one source's poll may take at most: its document, sitemap children, every article page."""
    s = config.settings
    pages = max((src.max_items for src in config.sources), default=0)
    return max(3 * s.poll_tick, s.timeout * (pages + 4))


def heartbeat_reason(metrics: Metrics, now: float | None = None) -> str | None:
    now = time.time() if now is None else now
    tick = metrics.last_tick or metrics.started
    if now - tick > max(3 * HEARTBEAT, 30.0):
        return f"scheduler stalled: its last tick was {_ago(now - tick)} ago (expected every {HEARTBEAT:g}s)"
    return None


def progress_reason(config: Config, states: dict[str, SourceState], metrics: Metrics,
                    now: float | None = None) -> str | None:
    """Sources overdue by more than a poll may take, and no poll finished for as long: polling is stuck."""
    now = time.time() if now is None else now
    allowance = round_allowance(config)
    progress = max(metrics.last_poll_done or 0.0, metrics.started)
    if not config.sources or now - progress <= allowance:
        return None
    overdue = []
    for src in config.sources:
        st = states.get(src.id)
        due = _stamp(st.next_due_at) if st is not None and st.next_due_at is not None else metrics.started
        if now - due > allowance:
            overdue.append((now - due, src.id))
    if not overdue:
        return None
    late, sid = max(overdue)
    return (f"scheduler stalled: no poll finished for {_ago(now - progress)}; {len(overdue)} source(s) overdue, "
            f"the most: source {sid} by {_ago(late)}")


def _stamp(moment: datetime) -> float:
    return to_utc(moment).timestamp()


def delivery_reasons(config: Config, session: Session, now: datetime | None = None) -> list[str]:
    now = now or datetime.now(UTC)
    channels = [c.id for c in config.channels]
    if not channels:
        return []
    out = []
    failing = session.exec(
        select(DeliveryRow.channel_id, func.count(), func.max(DeliveryRow.attempts))
        .where(DeliveryRow.status == "pending", DeliveryRow.attempts >= FAILING_ATTEMPTS,
               DeliveryRow.channel_id.in_(channels))
        .group_by(DeliveryRow.channel_id)).all()
    recent = now - timedelta(seconds=config.settings.give_up_after + 86400)
    gave_up = dict(session.exec(
        select(DeliveryRow.channel_id, func.count())
        .where(DeliveryRow.status == "failed", DeliveryRow.created_at >= recent, DeliveryRow.channel_id.in_(channels))
        .group_by(DeliveryRow.channel_id)).all())
    for channel, count, attempts in sorted(failing):
        last = session.exec(select(DeliveryRow.last_error).where(
            DeliveryRow.channel_id == channel, DeliveryRow.status == "pending",
            DeliveryRow.attempts >= FAILING_ATTEMPTS).order_by(DeliveryRow.id.desc()).limit(1)).first()
        out.append(f"deliveries failing: channel {channel}: {count} alert(s) undelivered after up to {attempts} "
                   f"attempts; last error: {REDACTOR(last or 'unknown')}")
    for channel, count in sorted(gave_up.items()):
        out.append(f"deliveries failing: channel {channel}: gave up on {count} alert(s) recently "
                   "(see monitor alerts)")
    return out


def _db_reasons(config: Config, store: Store, metrics: Metrics) -> list[str]:
    with Session(store.engine) as s:
        s.exec(text("SELECT 1"))
        states = {r.source_id: r for r in s.exec(select(SourceState)).all()}
        stalled = [r for r in (heartbeat_reason(metrics), progress_reason(config, states, metrics)) if r]
        return stalled + delivery_reasons(config, s)


def check(config: Config, store: Store, metrics: Metrics) -> Health:
    """The daemon's health now. Never raises; never waits on the database more than a few seconds."""
    future = _probe_pool.submit(_db_reasons, config, store, metrics)
    try:
        return Health(future.result(timeout=DB_TIMEOUT))
    except concurrent.futures.TimeoutError:
        reason = f"database unreachable: no answer within {DB_TIMEOUT:g}s"
    except (SQLAlchemyError, OSError) as e:
        detail = str(e).strip().splitlines()[0] if str(e).strip() else ""
        reason = f"database unreachable: {e.__class__.__name__}: {REDACTOR(detail)}"[:400]
    except Exception as e:  # a bug of ours, not the database: say so, and log where it is
        log.exception("health check failed")
        reason = f"health check failed: {e.__class__.__name__} (see the log)"
    # without the database, the heartbeat alone still tells whether the scheduler runs
    return Health([reason, *filter(None, [heartbeat_reason(metrics)])])
