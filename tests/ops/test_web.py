"""The health, metrics and status endpoint over real HTTP, on a database a real poll round filled."""

from __future__ import annotations

import re
import time
import urllib.request
from datetime import UTC, datetime

import pytest

from monitor import config as config_mod
from monitor.metrics import Metrics
from monitor.store import Store
from monitor.store.models import DeliveryRow
from monitor.web import StatusApp, StatusServer
from tests.ops.service import CANARY, closed_port_url, config_text, monitor_env, run_cli

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? '
                    r"(-?[0-9.e+-]+|\+Inf|-Inf|NaN)$")


@pytest.fixture
def server(polled):
    cfg, store, _ = polled
    metrics = Metrics()
    metrics.tick()
    srv = StatusServer(StatusApp(lambda: cfg, store, metrics), "127.0.0.1", 0).start()
    srv.metrics = metrics
    yield srv
    srv.close()


def get(srv: StatusServer, path: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    req = urllib.request.Request(srv.url + path, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read().decode()


def parse_metrics(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Check the Prometheus text format line by line; return {(name, labels): value}."""
    types: dict[str, str] = {}
    samples = {}
    assert text.endswith("\n")
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("counter", "gauge", "histogram", "summary", "untyped"), line
            assert name not in types, f"two TYPE lines for {name}"
            types[name] = kind
            continue
        m = SAMPLE.match(line)
        assert m, f"not a sample line: {line!r}"
        name = m.group(1)
        family = re.sub(r"_(bucket|sum|count)$", "", name) if name not in types else name
        assert family in types, f"{name} has no TYPE line"
        labels = tuple(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        assert (name, labels) not in samples, f"duplicate sample {line}"
        samples[(name, labels)] = float(m.group(3))
    return samples


def test_healthz_ok_when_the_scheduler_ticks_and_nothing_fails_yet(server):
    status, headers, body = get(server, "/healthz")
    assert (status, body) == (200, "ok\n")
    assert headers["content-type"].startswith("text/plain")


def test_metrics_are_prometheus_text_with_every_family(server, polled):
    server.metrics.poll_done("world", "ok")
    server.metrics.poll_done("broken", "http error")
    server.metrics.observe_fetch(0.03)
    server.metrics.observe_fetch(7.0)
    status, headers, body = get(server, "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain; version=0.0.4")
    m = parse_metrics(body)
    assert m[("monitor_polls_total", (("source", "world"), ("outcome", "ok")))] == 1
    assert m[("monitor_polls_total", (("source", "broken"), ("outcome", "http error")))] == 1
    assert m[("monitor_fetch_duration_seconds_bucket", (("le", "0.05"),))] == 1
    assert m[("monitor_fetch_duration_seconds_bucket", (("le", "10"),))] == 2
    assert m[("monitor_fetch_duration_seconds_bucket", (("le", "+Inf"),))] == 2
    assert m[("monitor_fetch_duration_seconds_count", ())] == 2
    assert m[("monitor_database_up", ())] == 1
    # from the database: the round found 3 Kosovo articles, one alert each, one delivery each, all pending
    assert m[("monitor_source_up", (("source", "world"),))] == 1
    assert m[("monitor_source_up", (("source", "broken"),))] == 0
    assert m[("monitor_source_consecutive_failures", (("source", "broken"),))] == 1
    assert m[("monitor_articles", (("source", "world"),))] == 2
    assert m[("monitor_articles", (("source", "region"),))] == 1
    assert m[("monitor_matches", (("topic", "kosovo"),))] == 2
    assert m[("monitor_alerts", (("topic", "kosovo"),))] == 2
    assert m[("monitor_deliveries", (("channel", "desk-hook"), ("status", "pending")))] == 2
    assert m[("monitor_deliveries", (("channel", "desk-hook"), ("status", "sent")))] == 0
    assert m[("monitor_deliveries_pending", ())] == 2
    assert m[("monitor_delivery_oldest_pending_age_seconds", (("channel", "desk-hook"),))] >= 0
    assert ("monitor_source_last_success_timestamp_seconds", (("source", "world"),)) in m
    assert CANARY not in body


def test_status_page_lists_sources_and_alerts_without_a_secret(server, polled):
    status, headers, body = get(server, "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert "<script" not in body.lower()
    assert not re.search(r"\son[a-z]+=", body), "no inline event handler"
    for sid in ("world", "region", "broken"):
        assert f'id="source-{sid}"' in body
    assert "http error" in body and "Kosovo talks resume in Brussels" in body
    assert "desk-hook: pending" in body
    assert CANARY not in body
    css_status, css_headers, css = get(server, "/style.css")
    assert css_status == 200 and css_headers["content-type"].startswith("text/css") and "table" in css


def test_read_only_and_unknown_paths(server):
    assert get(server, "/", "POST")[0] == 405
    status, headers, _ = get(server, "/metrics", "DELETE")
    assert status == 405 and headers["allow"] == "GET, HEAD"
    assert get(server, "/nope")[0] == 404
    status, headers, body = get(server, "/healthz", "HEAD")
    assert status == 200 and body == "" and int(headers["content-length"]) == 3


def test_degraded_when_the_scheduler_stops_ticking(server):
    server.metrics.last_tick = time.time() - 120
    status, _, body = get(server, "/healthz")
    assert status == 503
    assert body.startswith("degraded\nscheduler stalled: its last tick was 2m ago")
    assert "monitor_healthy 0" in get(server, "/metrics")[2]


def test_degraded_when_polls_stop_while_sources_are_overdue(polled):
    from monitor.health import progress_reason

    cfg, store, _ = polled
    metrics = Metrics()
    metrics.poll_done("world", "ok")
    states = store.all_source_states()
    an_hour_later = time.time() + 3600  # no poll since; every source was due again after 3 s
    reason = progress_reason(cfg, states, metrics, now=an_hour_later)
    assert reason.startswith("scheduler stalled: no poll finished for 60m; 3 source(s) overdue, the most: source ")
    assert progress_reason(cfg, states, metrics, now=time.time() + 60) is None, "within a poll's allowance"


def test_degraded_when_deliveries_keep_failing(polled, server):
    cfg, store, _ = polled
    pending = store.pending_deliveries(datetime.max.replace(tzinfo=UTC), ["desk-hook"])
    assert pending
    with store._session() as s:
        for p in pending:
            d = s.get(DeliveryRow, p.delivery_id)
            d.attempts, d.last_error = 3, f"connection refused by json://127.0.0.1/hooks/{CANARY}"
            s.add(d)
        s.commit()
    try:
        from monitor.redact import REDACTOR

        REDACTOR.add(cfg.secrets())
        status, _, body = get(server, "/healthz")
        assert status == 503
        assert "deliveries failing: channel desk-hook: 2 alert(s) undelivered after up to 3 attempts" in body
        assert CANARY not in body and CANARY not in get(server, "/")[2]
    finally:
        with store._session() as s:
            for p in pending:
                d = s.get(DeliveryRow, p.delivery_id)
                d.attempts, d.last_error = 1, None
                s.add(d)
            s.commit()


def test_degraded_when_the_database_cannot_be_read(tmp_path, polled):
    cfg, _, site = polled
    db = tmp_path / "gone.db"
    store = Store(f"sqlite:///{db}")
    store.engine.dispose()
    db.write_bytes(b"this is not a database file " * 200)
    metrics = Metrics()
    metrics.tick()
    srv = StatusServer(StatusApp(lambda: cfg, store, metrics), "127.0.0.1", 0).start()
    try:
        status, _, body = get(srv, "/healthz")
        assert status == 503 and body.startswith("degraded\ndatabase unreachable: DatabaseError")
        status, _, body = get(srv, "/metrics")
        assert status == 200 and "monitor_database_up 0" in body
        status, _, body = get(srv, "/")
        assert status == 200 and "database unreachable" in body and 'id="source-world"' in body
    finally:
        srv.close()
        store.close()


def test_listen_address_is_validated(tmp_path):
    site_url = "http://127.0.0.1:9"
    path = tmp_path / "rules.toml"
    path.write_text(f'[monitor]\nlisten = "9464"\n[[source]]\nid = "a"\nkind = "feed"\nurl = "{site_url}/a.rss"\n',
                    encoding="utf-8")
    with pytest.raises(config_mod.ConfigError) as e:
        config_mod.load(path, env={})
    assert 'field "listen": \'9464\' is not an address and port; write e.g. "127.0.0.1:9464"' in e.value.problems[0]


def test_a_busy_listen_address_stops_the_daemon_with_a_clear_message(tmp_path, polled):
    cfg, store, site = polled
    blocker = StatusServer(StatusApp(lambda: cfg, store, Metrics()), "127.0.0.1", 0).start()
    try:
        listen = f"127.0.0.1:{blocker.address[1]}"
        path = tmp_path / "rules.toml"
        path.write_text(config_text(site, f"sqlite:///{tmp_path / 'm.db'}", listen=listen), encoding="utf-8")
        out = run_cli(monitor_env(path, closed_port_url()), "run", timeout=30)
        assert out.returncode == 2
        assert f'field "listen": cannot listen on {listen}: Address already in use' in out.stderr
    finally:
        blocker.close()
