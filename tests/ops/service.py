"""A ``monitor run`` daemon in a subprocess against the loopback news site, and what the ops tests read from it.

The config is self-contained (its own topic, so the tests do not depend on the shipped rules):
two feeds of the fixture site that work, one that answers HTTP 500, a webhook channel.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.servers import NewsSite, free_port

ROOT = Path(__file__).resolve().parents[2]
CANARY = "Zq7canary9secret"  # the secret of every channel URL here: it must never be shown

FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>
<link>{base}/</link><description>test</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{base}/{slug}.html</link><guid>{base}/{slug}.html</guid>
<description>{text}</description><pubDate>Mon, 03 Feb 2025 08:00:00 +0000</pubDate></item>"""


def feed(site: NewsSite, path: str, items: list[tuple[str, str, str]], title: str = "Loopback news") -> None:
    """Serve an RSS feed at ``path`` with items (slug, title, text); each item's page too."""
    body = FEED.format(title=title, base=site.url, items="".join(
        ITEM.format(base=site.url, slug=slug, title=t, text=text) for slug, t, text in items))
    site.add(path, body, "application/rss+xml; charset=utf-8")
    for slug, t, text in items:
        site.add(f"/{slug}.html", f"<html><body><h1>{t}</h1><p>{text}</p></body></html>")


def populate(site: NewsSite) -> None:
    feed(site, "/world.rss", [("kosovo-talks", "Kosovo talks resume in Brussels",
                               "Negotiators for Kosovo and Serbia met again on Monday."),
                              ("weather", "Sunny weekend ahead", "Forecasters expect a dry weekend.")])
    feed(site, "/region.rss", [("kfor-patrols", "KFOR patrols near the Kosovo border",
                                "KFOR troops increased patrols in northern Kosovo.")])
    feed(site, "/extra.rss", [("kosovo-vote", "Kosovo parliament votes on budget",
                               "Lawmakers in Kosovo passed the budget.")])
    site.add("/broken.rss", "internal error", "text/plain", status=500, etag=False)


SOURCE = """
[[source]]
id = "{id}"
name = "{name}"
kind = "feed"
url = "{url}"
interval = "{interval}"
language = "en"
"""


def config_text(site: NewsSite, database: str, *, listen: str | None = None, channel_url_var: str = "OPS_HOOK_URL",
                extra_sources: tuple[str, ...] = (), interval: str = "3s") -> str:
    monitor = [f'database = "{database}"', "allow_private_addresses = true", 'poll_tick = "1s"',
               'delivery_tick = "1s"', 'retry_base = "1s"', 'retry_max = "2s"', 'timeout = "5s"']
    if listen:
        monitor.append(f'listen = "{listen}"')
    sources = [("world", "World (loopback)", "/world.rss"), ("region", "Region (loopback)", "/region.rss"),
               ("broken", "Broken feed (loopback)", "/broken.rss")]
    sources += [(sid, f"{sid} (loopback)", f"/{sid}.rss") for sid in extra_sources]
    text = "[monitor]\n" + "\n".join(monitor) + "\n"
    text += "".join(SOURCE.format(id=sid, name=name, url=site.url + path, interval=interval)
                    for sid, name, path in sources)
    text += '\n[[topic]]\nid = "kosovo"\nname = "Kosovo news"\nquery = "Kosovo"\n'
    text += f'\n[[channel]]\nid = "desk-hook"\nurl = "${{{channel_url_var}}}"\n'
    return text


def closed_port_url() -> str:
    """A webhook URL whose delivery fails (nothing listens there); its path is the secret canary."""
    return f"json://127.0.0.1:{free_port()}/hooks/{CANARY}"


def monitor_env(config: Path, hook_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_") and k != "NOTIFY_SOCKET"}
    return {**env, "MONITOR_CONFIG": str(config), "OPS_HOOK_URL": hook_url, "PYTHONUNBUFFERED": "1", **extra}


def run_cli(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


@dataclass
class Daemon:
    """``monitor run`` in a subprocess; its stderr goes to a file the test reads."""

    proc: subprocess.Popen
    log_path: Path
    url: str | None = None

    @classmethod
    def start(cls, env: dict[str, str], log_path: Path, *args: str, listen: str | None = None) -> Daemon:
        proc = subprocess.Popen([sys.executable, "-m", "monitor", *args, "run"], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=log_path.open("w", encoding="utf-8"))
        return cls(proc, log_path, f"http://{listen}" if listen else None)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_log(self, needle: str, timeout: float = 20, after: int = 0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log()
            if needle in text[after:]:
                return text
            if self.proc.poll() is not None:
                raise AssertionError(f"monitor exited ({self.proc.returncode}) before logging {needle!r}:\n{text}")
            time.sleep(0.1)
        raise AssertionError(f"no {needle!r} in the log within {timeout}s:\n{self.log()}")

    def get(self, path: str, timeout: float = 10) -> tuple[int, dict[str, str], str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()

    def wait_http(self, path: str = "/healthz", timeout: float = 20) -> tuple[int, dict[str, str], str]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.get(path)
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the status endpoint never answered:\n{self.log()}") from None
                time.sleep(0.1)

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def start_listen() -> str:
    return f"127.0.0.1:{free_port()}"
