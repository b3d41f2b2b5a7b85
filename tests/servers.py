"""Real servers on loopback for the tests: a news site, an SMTP server, a webhook inbox."""

from __future__ import annotations

import email
import email.policy
import hashlib
import socket
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

from monitor.demo.inbox import WebhookInbox

__all__ = ["NewsSite", "Route", "SmtpInbox", "WebhookInbox", "free_port"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = True  # answer If-None-Match with 304


class NewsSite:
    """Serves ``routes`` (path → Route) on 127.0.0.1 and counts requests per path."""

    def __init__(self, port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                tag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                if route.status == 200 and route.etag and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", tag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **kw) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **kw)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Collect:
    def __init__(self, inbox: SmtpInbox):
        self.inbox = inbox

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=email.policy.default)
        self.inbox.messages.append(message)
        return "250 OK"


class SmtpInbox:
    """A real SMTP server (aiosmtpd) on loopback that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.port = free_port()
        self.controller = Controller(_Collect(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def apprise_url(self) -> str:
        return (f"mailto://127.0.0.1:{self.port}?mode=insecure&from=monitor@example.org"
                f"&to=desk@example.org")

    def stop(self) -> None:
        self.controller.stop()

    def start(self) -> None:
        self.controller = Controller(_Collect(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()
