"""Plain-text status views for ``monitor sources`` and ``monitor alerts``. No secret is ever shown."""

from __future__ import annotations

from monitor import failing
from monitor.config import Config
from monitor.redact import REDACTOR
from monitor.store import Store
from monitor.store.db import notice_about

_when = failing.when


def _health(st, threshold: int) -> str:
    if failing.is_failing(st, threshold):
        return "FAILING"
    return "ok" if st.consecutive_failures == 0 else "retrying"


def sources_table(config: Config, store: Store) -> str:
    """One line per source; a source failing ``failure_threshold`` times in a row is flagged, with what to do."""
    threshold = config.settings.failure_threshold
    states = store.all_source_states()
    lines = [f"{'SOURCE':<22} {'KIND':<8} {'STATUS':<14} {'LAST POLL (UTC)':<20} {'FAILS':>5} "
             f"{'ITEMS':>5} {'NEW':>4}  {'NEXT DUE (UTC)':<20} {'LAST OK (UTC)':<20} LAST ERROR"]
    flagged = []
    for s in config.sources:
        st = states.get(s.id)
        if st is None or st.polls == 0:
            lines.append(f"{s.id:<22} {s.kind:<8} {'never polled':<14}")
            continue
        lines.append(f"{s.id:<22} {s.kind:<8} {st.status:<14} {_when(st.last_poll_at):<20} "
                     f"{st.consecutive_failures:>5} {st.items_seen:>5} {st.items_new:>4}  "
                     f"{_when(st.next_due_at):<20} {_when(st.last_success_at):<20} "
                     f"{REDACTOR(st.last_error or '-')}")
        if _health(st, threshold) == "FAILING":
            flagged.append((s, st))
    if flagged:
        lines += [f"FAILING: {len(flagged)} source(s) failed {threshold} or more polls in a row "
                  "(retried with growing pauses; they recover by themselves on the next success):"]
        for s, st in flagged:
            told = f"; operator notified (notice {st.failing_notice})" if st.failing_notice else ""
            lines.append(f"  {s.id}: {st.consecutive_failures} failures, {failing.since(st)}; "
                         f"{failing.trouble(st)}{told}")
            lines.append(f"    what to do: {failing.advice(st.status)}")
    return "\n".join(lines)


def alerts_table(store: Store, limit: int = 20) -> str:
    """Recent alerts, newest first: each delivery's state, attempts and last error; copies seen elsewhere."""
    import json

    rows = store.recent_alerts(limit)
    if not rows:
        return "no alerts yet"
    out = []
    for alert, article, deliveries in rows:
        held = f"  (held for a {alert.held})" if alert.held else ""
        if article is None:  # an operator notice about a source
            kind, source_id = notice_about(alert)
            out.append(f"{alert.id}  {_when(alert.created_at)}  operator  {alert.title}")
            out.append(f"    notice to the operator: source {source_id or '?'} {kind}")
        else:
            out.append(f"{alert.id}  {_when(alert.created_at)}  {alert.topic_id}  {alert.title}{held}")
            out.append(f"    {article.url}")
        also = json.loads(alert.also_reported_by or "[]")
        if also:
            out.append(f"    also reported by {len(also)}:")
            out += [f"      {x.get('source', '?')}  {x.get('url', '')}" for x in also]
        if not deliveries:
            out.append("    no channel configured: stored and logged only")
        for d in deliveries:
            out.append(f"    {d.channel_id:<18} {d.status:<8} {_delivery_detail(d)}")
    failed = store.delivery_counts().get("failed", 0)
    if failed:
        out.append(f"{failed} {'delivery' if failed == 1 else 'deliveries'} given up in all (status failed): "
                   "fix the channel, then `monitor retry --failed`")
    return "\n".join(out)


def _delivery_detail(d) -> str:
    tries = f"{d.attempts} attempt{'s' if d.attempts != 1 else ''}"
    if d.status == "sent":
        detail = f"sent {_when(d.sent_at)}" + (f" after {tries}" if d.attempts > 1 else "")
    elif d.status == "pending":
        digest = ", in a digest" if d.digest_key else ""
        detail = f"{tries}{digest}, next {_when(d.next_attempt_at)}"
    else:
        detail = f"gave up after {tries}"
    if d.last_error and d.status != "sent":
        detail += f" — {REDACTOR(d.last_error)}"
    return detail
