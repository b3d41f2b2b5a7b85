"""A deliberately misbehaving HTTP/1.1 server on 127.0.0.1, for the fetch tests.

Every route is a handler ``(request, conn) -> None`` that writes raw bytes, so a test can
answer anything a real server might: a slow drip, a connection reset, a truncated body,
a gzip bomb, a redirect loop. One request per connection (``Connection: close``), so the
client never reuses a socket the server is closing.

    server = FaultyServer()
    server.add("/slow", drip(b"x" * 100, every=0.3))
    ... server.url + "/slow" ...
    server.close()
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Conn", "FaultyServer", "Request", "chunked", "drip", "gzip_bomb", "head", "no_body", "redirect",
           "reset", "respond", "truncated"]

_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            307: "Temporary Redirect", 308: "Permanent Redirect", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 429: "Too Many Requests", 451: "Unavailable For Legal Reasons",
            500: "Internal Server Error", 503: "Service Unavailable"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names


class Conn:
    """The server side of one connection."""

    def __init__(self, sock: socket.socket, closing: threading.Event):
        self.sock = sock
        self._closing = closing

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def wait(self, seconds: float) -> bool:
        """Sleep; False when the server is shutting down (the handler should stop)."""
        return not self._closing.wait(seconds)

    def hold(self) -> None:
        """Keep the connection open, sending nothing, until the client goes or the server closes."""
        self.sock.settimeout(0.1)
        while not self._closing.is_set():
            try:
                if self.sock.recv(1024) == b"":
                    return
            except TimeoutError:
                continue
            except OSError:
                return

    def reset(self) -> None:
        """Close with a TCP RST instead of a FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


Handler = Callable[[Request, Conn], None]


def head(status: int, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None,
            length: bool = True) -> Handler:
    """A whole answer; without ``length`` the body is delimited by closing the connection."""
    all_headers = {"Content-Type": "text/plain; charset=utf-8", **(headers or {})}
    if length:
        all_headers["Content-Length"] = str(len(body))

    def handler(request: Request, conn: Conn) -> None:
        conn.send(head(status, all_headers) + body)

    return handler


def no_body(status: int, headers: dict[str, str] | None = None) -> Handler:
    """Status and headers only (304, or a redirect)."""
    return respond(status, b"", headers)


def redirect(location: str, status: int = 302) -> Handler:
    return no_body(status, {"Location": location})


def chunked(chunks: Callable[[], Iterable[bytes]], headers: dict[str, str] | None = None) -> Handler:
    """``Transfer-Encoding: chunked``, no Content-Length; ``chunks()`` is called per request."""

    def handler(request: Request, conn: Conn) -> None:
        conn.send(head(200, {"Content-Type": "text/plain", **(headers or {}), "Transfer-Encoding": "chunked"}))
        for chunk in chunks():
            if chunk:
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")

    return handler


def drip(body: bytes, every: float) -> Handler:
    """Announce the whole body, then send it one byte every ``every`` seconds."""

    def handler(request: Request, conn: Conn) -> None:
        conn.send(head(200, {"Content-Type": "text/plain", "Content-Length": str(len(body))}))
        for i in range(len(body)):
            if not conn.wait(every):
                return
            conn.send(body[i:i + 1])

    return handler


def truncated(body: bytes, announced: int) -> Handler:
    """Announce ``announced`` bytes, send fewer, close normally."""

    def handler(request: Request, conn: Conn) -> None:
        conn.send(head(200, {"Content-Type": "text/plain", "Content-Length": str(announced)}) + body)

    return handler


def reset(before: bytes = b"") -> Handler:
    """Send ``before`` (maybe nothing), then reset the connection."""

    def handler(request: Request, conn: Conn) -> None:
        if before:
            conn.send(before)
        conn.reset()

    return handler


def gzip_bomb(inflated: int = 1 << 30, block: int = 1 << 20) -> bytes:
    """A valid gzip stream of ``inflated`` zero bytes, about 1/1000 of that compressed.

    Built in a fraction of a second: after a full flush the compressor's state is reset, so
    every further block of zeros compresses to the same bytes, which are repeated.
    """
    assert inflated % block == 0 and inflated >= 2 * block
    zeros = bytes(block)
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    repeat = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    count = inflated // block
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    final_empty_block = b"\x03\x00"  # BFINAL=1, fixed Huffman, end-of-block
    return first + repeat * (count - 1) + final_empty_block + struct.pack("<II", crc, inflated & 0xFFFFFFFF)


class FaultyServer:
    """Serves ``routes`` (path -> Handler) on 127.0.0.1; unknown paths get a 404. Records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Request] = []
        self.closing = threading.Event()
        server = self

        class _Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(65536).decode("latin-1").strip()
                if not line:
                    return
                method, path, _version = line.split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    raw = self.rfile.readline(65536).decode("latin-1")
                    if raw in ("\r\n", "\n", ""):
                        break
                    name, _, value = raw.partition(":")
                    headers[name.strip().lower()] = value.strip()
                request = Request(method, path, headers)
                server.requests.append(request)
                handler = server.routes.get(path, respond(404, b"not found"))
                try:
                    handler(request, Conn(self.connection, server.closing))
                except OSError:
                    pass  # the client went away: that is what many of these tests do

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            block_on_close = False

            def handle_error(self, request, client_address) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), _Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def add(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def close(self) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()
