"""Plain-text status views for ``monitor sources`` and ``monitor alerts``. No secret is ever shown."""

from __future__ import annotations

from datetime import datetime

from monitor.config import Config
from monitor.redact import REDACTOR
from monitor.store import Store, to_utc


def _when(moment: datetime | None) -> str:
    moment = to_utc(moment)
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


# What to do about a source that keeps failing, by its status.
_ADVICE = {
    "http error": "open the URL in a browser; if it moved, fix the source's url, if it is gone, remove the source",
    "network error": "check the host name and port in the URL, and that this machine is online (DNS, firewall)",
    "timeout": "the site is slow or unreachable; if it lasts, raise [monitor] timeout or poll less often",
    "tls error": "the site's certificate is invalid or expired; tell the site, or use its http:// URL if it has one",
    "blocked": "the site refuses this client: try its RSS feed, listing page or sitemap instead, or ask the site",
    "parse error": "the answer is no readable feed/page: open the URL in a browser and check it is still the feed",
    "parse timeout": "the document is hostile or huge: raise [monitor] parse_budget only if you trust the site",
    "refused": "the document declares XML entities, which a real feed never needs: ask the site to fix its feed",
    "too large": "the answer passed the size limit: raise [monitor] max_body_bytes if the document is genuine",
    "empty body": "the server answered with nothing: usually the site's fault; check the URL in a browser",
    "redirect loop": "the URL redirects in circles: open it in a browser and use the address it should reach",
    "refused by address policy": "the URL points into a private network: allow_private_addresses = true "
                                 "in [monitor] if that is intended",
    "robots.txt": "the site's robots.txt disallows this URL: ask the site, or set robots_txt = false on the source",
    "internal error": "a bug in monitor on this source's data: please report it with the log lines",
}


def _health(st, threshold: int) -> str:
    if st.consecutive_failures >= threshold:
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
            since = f"last success {_when(st.last_success_at)} UTC" if st.last_success_at else "never succeeded"
            advice = _ADVICE.get(st.status, "see the last error above")
            lines.append(f"  {s.id}: {st.consecutive_failures} failures, {since}; {st.status}: "
                         f"{REDACTOR(st.last_error or '-')}")
            lines.append(f"    what to do: {advice}")
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
