"""The read-only HTTP endpoint: ``/healthz``, ``/metrics`` and a status page at ``/``.

Started by ``monitor run`` when ``[monitor] listen = "127.0.0.1:9464"`` is set (or
``MONITOR_LISTEN``). A standard-library threaded HTTP server, beside the event loop: a
scrape never waits for a poll round, and a stalled loop is reported rather than hidden.
GET and HEAD only; the page has no script and a ``default-src 'none'`` content security
policy; nothing on it is a secret (channel URLs are never read here, errors are masked).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from monitor import health as health_mod
from monitor import metrics as metrics_mod
from monitor.config import Config, parse_listen
from monitor.failing import is_failing
from monitor.metrics import METRICS, Metrics
from monitor.redact import REDACTOR
from monitor.store import Store, to_utc
from monitor.store.db import notice_about

log = logging.getLogger("monitor.web")

RECENT_ALERTS = 25
REFRESH_SECONDS = 30
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
OK_STATUSES = metrics_mod.OK_STATUSES


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


class StatusApp:
    """Routes a path to a response. ``config`` is a callable: a reloaded config shows at once."""

    def __init__(self, config: Callable[[], Config], store: Store, metrics: Metrics = METRICS):
        self.config = config
        self.store = store
        self.metrics = metrics

    def handle(self, path: str) -> Response:
        route = urlsplit(path).path
        if route == "/":
            return Response(200, "text/html; charset=utf-8", self.page().encode())
        if route == "/healthz":
            h = health_mod.check(self.config(), self.store, self.metrics)
            return Response(200 if h.ok else 503, "text/plain; charset=utf-8", h.text().encode())
        if route == "/metrics":
            cfg = self.config()
            healthy = health_mod.check(cfg, self.store, self.metrics).ok
            return Response(200, "text/plain; version=0.0.4; charset=utf-8",
                            metrics_mod.render(cfg, self.store, self.metrics, healthy=healthy).encode())
        if route == "/style.css":
            return Response(200, "text/css; charset=utf-8", STYLE.encode(), (("Cache-Control", "max-age=3600"),))
        if route == "/favicon.ico":
            return Response(204, "image/x-icon", b"")
        return Response(404, "text/plain; charset=utf-8", b"not found: try /, /healthz or /metrics\n")

    # -- the status page ---------------------------------------------------------------------

    def page(self) -> str:
        cfg = self.config()
        now = datetime.now(UTC)
        h = health_mod.check(cfg, self.store, self.metrics)
        try:
            db = metrics_mod.read_db(self.store)
            alerts = self.store.recent_alerts(RECENT_ALERTS)
        except Exception:
            db, alerts = None, []
        parts = [_HEAD.format(refresh=REFRESH_SECONDS)]
        state = "ok" if h.ok else "degraded"
        parts.append(f'<header><h1>monitor</h1><p class="health {state}" id="health">{state}</p>')
        if h.reasons:
            parts.append('<ul class="reasons">' + "".join(f"<li>{_t(r)}</li>" for r in h.reasons) + "</ul>")
        pending = sum(n for (c, st), n in db.deliveries.items() if st == "pending") if db else 0
        parts.append(f'<p class="summary">{_n(len(cfg.sources), "source")} · {_n(len(cfg.topics), "topic")} · '
                     f'{_n(len(cfg.channels), "channel")} · {_n(pending, "delivery", "deliveries")} pending · '
                     f'as of {now:%Y-%m-%d %H:%M:%S} UTC, refreshed every {REFRESH_SECONDS}s</p></header><main>')
        parts.append(self._sources(cfg, db, now))
        parts.append(self._alerts(alerts, now))
        parts.append('</main><footer><a href="/healthz">/healthz</a> · <a href="/metrics">/metrics</a>'
                     '</footer></body></html>\n')
        return "".join(parts)

    def _sources(self, cfg: Config, db, now: datetime) -> str:
        rows = []
        for src in cfg.sources:
            st = db.states.get(src.id) if db else None
            articles = st.articles if st else 0
            if st is None or st.status == "new":
                badge, status = "new", "never polled"
            else:
                status = st.status
                bad = is_failing(st, cfg.settings.failure_threshold)
                badge = "ok" if status in OK_STATUSES else "bad" if bad else "warn"
            host = urlsplit(src.url).hostname or ""
            rows.append(
                f'<tr id="source-{_t(src.id)}"><td><span class="id">{_t(src.id)}</span>'
                f'<span class="name">{_t(src.name) if src.name != src.id else ""}</span></td>'
                f"<td>{_t(src.kind)}<span class=\"name\">{_t(host)}</span></td>"
                f'<td><span class="badge {badge}">{_t(status)}</span></td>'
                f"<td>{_when(st.last_poll_at if st else None, now)}</td>"
                f"<td>{_when(st.last_success_at if st else None, now)}</td>"
                f'<td class="num">{st.consecutive_failures if st else 0}</td>'
                f'<td class="num">{st.items_seen if st else 0} / {st.items_new if st else 0}</td>'
                f'<td class="num">{articles}</td>'
                f"<td>{_when(st.next_due_at if st else None, now, due=True)}</td>"
                f'<td class="error">{_t(REDACTOR(st.last_error)) if st and st.last_error else ""}</td></tr>')
        if not rows:
            rows.append('<tr><td colspan="10">no source configured</td></tr>')
        note = "" if db else '<p class="reasons">the database cannot be read: the table shows the config only</p>'
        return ('<section><h2>Sources</h2>' + note + '<table id="sources"><thead><tr><th>Source</th><th>Kind</th>'
                "<th>Status</th><th>Last poll</th><th>Last success</th><th>Failures</th><th>Items / new</th>"
                "<th>Articles</th><th>Next due</th><th>Last error</th></tr></thead><tbody>"
                + "".join(rows) + "</tbody></table></section>")

    def _alerts(self, alerts, now: datetime) -> str:
        rows = []
        for alert, article, deliveries in alerts:
            if article is None:  # an operator notice about a source: no article, no link
                _kind, source = notice_about(alert)
                rows.append(f'<tr id="alert-{_t(alert.id)}"><td>{_when(alert.created_at, now)}</td><td>operator</td>'
                            f'<td>{_t(alert.title)}<span class="name">{_t(source)} · notice {_t(alert.id)}</span>'
                            f"</td><td>{_deliveries(deliveries)}</td></tr>")
                continue
            url = article.url if urlsplit(article.url).scheme in ("http", "https") else ""
            title = f'<a href="{_t(url)}" rel="noreferrer noopener">{_t(alert.title)}</a>' if url else _t(alert.title)
            rows.append(f'<tr id="alert-{_t(alert.id)}"><td>{_when(alert.created_at, now)}</td>'
                        f'<td>{_t(alert.topic_id)}</td><td>{title}<span class="name">{_t(article.source_id)} · '
                        f"alert {_t(alert.id)}</span></td><td>{_deliveries(deliveries)}</td></tr>")
        if not rows:
            rows.append('<tr><td colspan="4">no alerts yet</td></tr>')
        return ('<section><h2>Recent alerts</h2><table id="alerts"><thead><tr><th>When</th><th>Topic</th>'
                "<th>Alert</th><th>Deliveries</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>")


def _deliveries(deliveries) -> str:
    return "".join(f'<span class="badge {_delivery_badge(d.status)}" title="{_t(_delivery_detail(d))}">'
                   f"{_t(d.channel_id)}: {_t(d.status)}</span> " for d in deliveries) \
        or '<span class="name">no channel: stored and logged</span>'


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _t(value: object) -> str:
    return escape(str(value), quote=True)


def _when(moment: datetime | None, now: datetime, due: bool = False) -> str:
    moment = to_utc(moment)
    if moment is None:
        return '<span class="name">–</span>'
    delta = (now - moment).total_seconds()
    if due and delta > -1:
        return f'<time datetime="{moment:%Y-%m-%dT%H:%M:%SZ}" title="{moment:%Y-%m-%d %H:%M:%S} UTC">now</time>'
    span = abs(delta)
    rel = (f"{int(span)}s" if span < 120 else f"{int(span // 60)}m" if span < 7200 else
           f"{span / 3600:.1f}h" if span < 172800 else f"{int(span // 86400)}d")
    rel = f"{rel} ago" if delta >= 0 else f"in {rel}"
    return f'<time datetime="{moment:%Y-%m-%dT%H:%M:%SZ}" title="{moment:%Y-%m-%d %H:%M:%S} UTC">{rel}</time>'


def _delivery_badge(status: str) -> str:
    return {"sent": "ok", "pending": "warn", "failed": "bad"}.get(status, "new")


def _delivery_detail(d) -> str:
    detail = f"{d.attempts} attempt(s)"
    if d.last_error and d.status != "sent":
        detail += f"; last error: {REDACTOR(d.last_error)}"
    return detail


_HEAD = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
         '<meta name="viewport" content="width=device-width, initial-scale=1">'
         '<meta http-equiv="refresh" content="{refresh}"><title>monitor · status</title>'
         '<link rel="stylesheet" href="/style.css"></head><body>')

STYLE = """\
:root { color-scheme: light dark; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --muted: #6e7781; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; padding: 1.5rem;
       max-width: 1400px; }
h1 { display: inline-block; margin: 0 .75rem 0 0; font-size: 1.5rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
.health { display: inline-block; margin: 0; padding: .15rem .6rem; border-radius: 1rem; color: #fff;
          font-weight: 600; vertical-align: .2rem; }
.health.ok { background: var(--ok); } .health.degraded { background: var(--bad); }
.reasons { color: var(--bad); margin: .5rem 0; }
.summary, .name, footer { color: var(--muted); }
.name { display: block; font-size: .85em; }
.id { font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #8884; vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.error { color: var(--bad); font-size: .85em; max-width: 28rem; overflow-wrap: anywhere; }
time { white-space: nowrap; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .85em; white-space: nowrap;
         border: 1px solid currentColor; margin: 0 .2rem .2rem 0; }
.badge.ok { color: var(--ok); } .badge.warn { color: var(--warn); } .badge.bad { color: var(--bad); }
.badge.new { color: var(--muted); }
a { color: inherit; }
footer { margin-top: 2rem; font-size: .85em; }
"""


# -- the server -------------------------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    app: StatusApp  # set on the subclass made per server
    server_version = "monitor"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _refuse(self) -> None:
        self._send(Response(405, "text/plain; charset=utf-8", b"read-only: GET or HEAD\n", (("Allow", "GET, HEAD"),)))

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse  # noqa: N815

    def _answer(self, send_body: bool) -> None:
        try:
            response = self.app.handle(self.path)
        except Exception:
            log.exception("status endpoint: %s failed", urlsplit(self.path).path)
            response = Response(500, "text/plain; charset=utf-8", b"internal error; see the daemon's log\n")
        self._send(response, send_body)

    def _send(self, response: Response, send_body: bool = True) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        headers = {**SECURITY_HEADERS, **dict(response.headers)}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def log_message(self, fmt: str, *args) -> None:
        log.debug("status endpoint: %s %s", self.address_string(), fmt % args)


class StatusServer:
    """A threaded HTTP server in a daemon thread. ``close()`` stops it."""

    def __init__(self, app: StatusApp, host: str, port: int):
        handler = type("Handler", (_Handler,), {"app": app})
        server_class = type("Server", (ThreadingHTTPServer,), {"daemon_threads": True, "allow_reuse_address": True})
        if ":" in host:
            import socket

            server_class.address_family = socket.AF_INET6
        self._server = server_class((host, port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="status-http", daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        return self._server.server_address[:2]

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def start(self) -> StatusServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def serve(listen: str, config: Callable[[], Config], store: Store, metrics: Metrics = METRICS) -> StatusServer:
    """Start the endpoint on ``listen`` ("host:port"). Raises OSError when the address cannot be bound."""
    host, port = parse_listen(listen)
    server = StatusServer(StatusApp(config, store, metrics), host, port).start()
    where = "this machine only" if host in ("127.0.0.1", "::1", "localhost") or host.startswith("127.") else \
        "every network it is on: keep it behind a firewall"
    log.info("status endpoint on %s (/, /healthz, /metrics): reachable from %s", server.url, where)
    return server


__all__ = ["StatusApp", "StatusServer", "serve"]
