"""Plain-text status views for ``monitor sources`` and ``monitor alerts``. No secret is ever shown."""

from __future__ import annotations

from datetime import datetime

from monitor.config import Config
from monitor.redact import REDACTOR
from monitor.store import Store, as_utc


def _when(moment: datetime | None) -> str:
    moment = as_utc(moment)
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


def sources_table(config: Config, store: Store) -> str:
    states = store.all_source_states()
    lines = [f"{'SOURCE':<22} {'KIND':<8} {'STATUS':<14} {'LAST POLL (UTC)':<20} {'FAILS':>5} "
             f"{'ITEMS':>5} {'NEW':>4}  {'NEXT DUE (UTC)':<20} LAST ERROR"]
    for s in config.sources:
        st = states.get(s.id)
        if st is None:
            lines.append(f"{s.id:<22} {s.kind:<8} {'never polled':<14}")
            continue
        lines.append(f"{s.id:<22} {s.kind:<8} {st.status:<14} {_when(st.last_poll_at):<20} "
                     f"{st.consecutive_failures:>5} {st.items_seen:>5} {st.items_new:>4}  "
                     f"{_when(st.next_due_at):<20} {REDACTOR(st.last_error or '-')}")
    return "\n".join(lines)


def alerts_table(store: Store, limit: int = 20) -> str:
    rows = store.recent_alerts(limit)
    if not rows:
        return "no alerts yet"
    out = []
    for alert, article, deliveries in rows:
        out.append(f"{alert.id}  {_when(alert.created_at)}  {alert.topic_id}  {alert.title}")
        out.append(f"    {article.url}")
        if not deliveries:
            out.append("    no channel configured: stored and logged only")
        for d in deliveries:
            detail = f"sent {_when(d.sent_at)}" if d.status == "sent" else \
                f"{d.attempts} attempts, next {_when(d.next_attempt_at)}" if d.status == "pending" else \
                f"gave up after {d.attempts} attempts"
            err = f" — {REDACTOR(d.last_error)}" if d.last_error and d.status != "sent" else ""
            out.append(f"    {d.channel_id:<18} {d.status:<8} {detail}{err}")
    return "\n".join(out)
