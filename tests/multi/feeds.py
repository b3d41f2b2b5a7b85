"""Many small RSS feeds on one loopback server that logs every request: when, which path, which client."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # hundreds of polls may connect at once
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a killed client resets its connections: expected here


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic()
    path: str
    agent: str


class FeedFarm:
    """``count`` feeds at ``/feed/NNN.xml``; ``add`` puts an item on one; ETag/304 as real sites do."""

    KEEP = 5  # items per feed, newest first

    def __init__(self, count: int):
        self.items: dict[str, list[tuple[str, str, str]]] = {self.path(i): [] for i in range(count)}
        self.docs: dict[str, tuple[bytes, str]] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                with farm._lock:
                    farm.hits.append(Hit(time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                    doc = farm.docs.get(self.path)
                if doc is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, tag = doc
                if self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", tag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        for path in self.items:
            self._publish(path)
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @staticmethod
    def path(i: int) -> str:
        return f"/feed/{i:03d}.xml"

    def article_url(self, slug: str) -> str:
        return f"{self.url}/news/{slug}.html"

    def add(self, i: int, slug: str, title: str, text: str) -> str:
        path = self.path(i)
        with self._lock:
            self.items[path].insert(0, (slug, title, text))
            del self.items[path][self.KEEP:]
            self._publish(path)
        return self.article_url(slug)

    def _publish(self, path: str) -> None:
        entries = "".join(f"<item><title>{escape(t)}</title><link>{self.article_url(s)}</link><guid>{s}</guid>"
                          f"<description>{escape(x)}</description></item>" for s, t, x in self.items[path])
        body = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{path}</title>'
                f"<link>{self.url}/</link>{entries}</channel></rss>").encode()
        self.docs[path] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"')

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
