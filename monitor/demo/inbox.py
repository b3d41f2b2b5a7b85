"""A loopback webhook endpoint that keeps what it receives: apprise ``json://`` posts land here.

Used by ``monitor demo`` to show alerts as they are delivered, and by the tests as a real
chat/webhook receiver. ``fail_with`` makes it answer an error status (a notifier outage).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class WebhookInbox:
    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.messages: list[dict] = []
        self.fail_with: int | None = None
        self._lock = threading.Lock()
        inbox = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if inbox.fail_with:
                    self.send_response(inbox.fail_with)
                    self.end_headers()
                    return
                try:
                    message = json.loads(raw.decode("utf-8"))
                except ValueError:
                    message = {"raw": raw.decode("utf-8", "replace")}
                with inbox._lock:
                    inbox.messages.append(message)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"json://{host}:{self.port}/alerts"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def received(self) -> list[dict]:
        with self._lock:
            return list(self.messages)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
