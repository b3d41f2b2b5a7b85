"""SIGHUP reloads rules.toml in a running daemon; a broken new config leaves the old one running, and says why.

Also the systemd readiness protocol: READY=1 once running, RELOADING=1 then READY=1 around a reload.
"""

from __future__ import annotations

import signal
import socket
import time

import pytest

from tests.ops.service import Daemon, config_text, monitor_env, populate, start_listen


@pytest.fixture
def notify_socket(tmp_path):
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(0.2)
    yield path, sock
    sock.close()


def received(sock: socket.socket, seconds: float = 0.5) -> list[str]:
    out, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            out += sock.recv(4096).decode().split("\n")
        except TimeoutError:
            pass
    return out


def wait_for(check, timeout: float = 20, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def test_sighup_adds_a_source_and_a_broken_config_keeps_the_old_one(site, webhook, tmp_path, notify_socket):
    populate(site)
    sock_path, sock = notify_socket
    listen = start_listen()
    database = f"sqlite:///{tmp_path / 'monitor.db'}"
    path = tmp_path / "rules.toml"
    path.write_text(config_text(site, database, listen=listen, interval="1s"), encoding="utf-8")
    env = monitor_env(path, webhook.url, NOTIFY_SOCKET=str(sock_path))
    daemon = Daemon.start(env, tmp_path / "monitor.log", listen=listen)
    try:
        daemon.wait_log("monitor running")
        assert daemon.wait_http("/healthz")[0] == 200
        assert "READY=1" in received(sock, 1.0)
        wait_for(lambda: site.hits("/world.rss") >= 1, what="the first poll")
        assert site.hits("/extra.rss") == 0

        # 1. a new source: picked up without a restart
        path.write_text(config_text(site, database, listen=listen, interval="1s", extra_sources=("extra",)),
                        encoding="utf-8")
        mark = len(daemon.log())
        daemon.signal(signal.SIGHUP)
        daemon.wait_log("config reloaded from", after=mark)
        assert "4 sources (added: extra)" in daemon.log()[mark:]
        states = received(sock, 1.0)
        assert "RELOADING=1" in states and states.index("READY=1") > states.index("RELOADING=1")
        wait_for(lambda: site.hits("/extra.rss") >= 1, what="the added source's first poll")
        _, _, page = daemon.get("/")
        assert 'id="source-extra"' in page
        daemon.wait_log("source extra: ok")

        # 2. a broken config: the daemon keeps the previous one, and the log says what is wrong
        path.write_text(path.read_text(encoding="utf-8").replace('interval = "1s"', 'interval = "soon"', 1),
                        encoding="utf-8")
        mark = len(daemon.log())
        daemon.signal(signal.SIGHUP)
        log = daemon.wait_log("still running on the previous config", after=mark)
        line = next(ln for ln in log[mark:].splitlines() if "still running on the previous config" in ln)
        assert "ERROR" in line and 'source "world": field "interval": \'soon\' is not a duration' in line
        hits = site.hits("/extra.rss")
        wait_for(lambda: site.hits("/extra.rss") > hits, what="polls to go on with the old config")
        assert daemon.proc.poll() is None
        _, _, metrics = daemon.get("/metrics")
        assert 'monitor_config_reloads_total{result="ok"} 1' in metrics
        assert 'monitor_config_reloads_total{result="failed"} 1' in metrics

        # 3. a TOML syntax error is refused the same way
        path.write_text("[[source]\n", encoding="utf-8")
        mark = len(daemon.log())
        daemon.signal(signal.SIGHUP)
        daemon.wait_log("TOML syntax error", after=mark)
        assert daemon.wait_http("/healthz")[::2] == (200, "ok\n")
        # the added source's article was alerted and delivered like the others
        wait_for(lambda: len(webhook.received()) >= 3, what="three alerts delivered")
        assert any("Kosovo parliament votes on budget" in m["title"] for m in webhook.received())
    finally:
        code = daemon.stop()
    assert code == 0, daemon.log()
    assert "STOPPING=1" in received(sock, 0.5)
    assert "Traceback" not in daemon.log()
