"""The status page in a real browser: Debian's chromium, headless, against the endpoint on loopback."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from monitor.metrics import Metrics
from monitor.web import StatusApp, StatusServer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's)")


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1400,900", *args],
        capture_output=True, text=True, timeout=90)


class RecordingApp(StatusApp):
    def __init__(self, *args):
        super().__init__(*args)
        self.paths: list[str] = []

    def handle(self, path):
        self.paths.append(path)
        return super().handle(path)


def test_the_status_page_renders_in_headless_chromium(polled, tmp_path):
    cfg, store, _ = polled
    metrics = Metrics()
    metrics.tick()
    app = RecordingApp(lambda: cfg, store, metrics)
    server = StatusServer(app, "127.0.0.1", 0).start()
    try:
        out = chromium(tmp_path, "--dump-dom", server.url + "/")
        shot = chromium(tmp_path, f"--screenshot={tmp_path / 'status.png'}", server.url + "/")
    finally:
        server.close()
    assert out.returncode == 0, out.stderr[-2000:]
    dom = out.stdout
    # the DOM as the browser built it: the sources table with one row per source, its health, the alerts
    rows = re.findall(r'<tr id="source-([\w.-]+)">(.*?)</tr>', dom, re.S)
    assert [sid for sid, _ in rows] == ["world", "region", "broken"]
    health = dict(rows)
    assert 'class="badge ok">ok<' in health["world"]
    assert "http error" in health["broken"] and "HTTP 500" in health["broken"]
    assert "Kosovo talks resume in Brussels" in dom
    assert re.search(r'<p class="health ok" id="health">ok</p>', dom)
    assert "/style.css" in app.paths, "the browser fetched the stylesheet the CSP allows"
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert (tmp_path / "status.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
