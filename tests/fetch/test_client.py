"""The Fetcher against real servers on loopback: the well-behaved NewsSite and the FaultyServer."""

from __future__ import annotations

import asyncio
import gzip
import resource
import time
import tracemalloc
import zlib
from email.utils import formatdate

import pytest

from monitor.errors import (
    AddressRefused,
    Blocked,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NetworkError,
    TooLarge,
)
from monitor.fetch import client as client_mod
from monitor.fetch import policy
from monitor.fetch.client import Fetcher
from tests.fetch.faulty_server import (
    Conn,
    Request,
    chunked,
    drip,
    gzip_bomb,
    head,
    no_body,
    redirect,
    reset,
    respond,
    truncated,
)
from tests.servers import free_port

UA = "monitor-tests/1.0"
MiB = 1024 * 1024


def fetch(url: str, *, etag: str | None = None, last_modified: str | None = None,
          headers: dict[str, str] | None = None, **options):
    """One ``Fetcher.get`` in a fresh event loop; ``options`` go to the Fetcher."""
    options = {"user_agent": UA, "timeout": 5.0, "allow_private": True, **options}

    async def go():
        async with Fetcher(**options) as fetcher:
            return await fetcher.get(url, etag=etag, last_modified=last_modified, headers=headers)

    return asyncio.run(go())


def raises(error: type[FetchError], url: str, **kw) -> FetchError:
    with pytest.raises(error) as info:
        fetch(url, **kw)
    return info.value


# -- 2xx, conditional GET --------------------------------------------------------------------------

def test_200_body_final_url_and_headers(site):
    site.add("/news", "<p>Xin chào KFOR</p>")
    result = fetch(site.url + "/news", headers={"X-Probe": "1"})
    assert result.status == 200
    assert result.body == "<p>Xin chào KFOR</p>".encode()
    assert result.url == result.final_url == site.url + "/news"
    assert result.content_type.startswith("text/html")
    assert not result.not_modified
    assert result.elapsed >= 0
    path, sent = site.requests[-1]
    assert path == "/news" and sent["user-agent"] == UA and sent["x-probe"] == "1"


def test_etag_sent_back_and_304_is_not_modified(site):
    site.add("/feed.xml", "<rss/>", "application/rss+xml")
    first = fetch(site.url + "/feed.xml")
    etag = first.headers["etag"]
    assert "if-none-match" not in site.requests[-1][1]
    again = fetch(site.url + "/feed.xml", etag=etag)
    assert site.requests[-1][1]["if-none-match"] == etag
    assert again.status == 304 and again.not_modified and again.body == b""


def test_last_modified_sent_back_as_if_modified_since(faulty):
    stamp = formatdate(1_700_000_000, usegmt=True)

    def conditional(request: Request, conn: Conn) -> None:
        if request.headers.get("if-modified-since") == stamp:
            no_body(304)(request, conn)
        else:
            respond(200, b"fresh", {"Last-Modified": stamp})(request, conn)

    faulty.add("/page", conditional)
    first = fetch(faulty.url + "/page")
    assert first.status == 200 and first.headers["last-modified"] == stamp
    again = fetch(faulty.url + "/page", last_modified=first.headers["last-modified"], etag='"v1"')
    assert again.not_modified and again.body == b""
    assert faulty.requests[-1].headers["if-modified-since"] == stamp
    assert faulty.requests[-1].headers["if-none-match"] == '"v1"'


def test_gzip_and_deflate_bodies_are_inflated(faulty):
    text = "Lực lượng KFOR tăng viện. ".encode() * 200
    faulty.add("/gz", respond(200, gzip.compress(text), {"Content-Encoding": "gzip"}))
    faulty.add("/deflate", respond(200, zlib.compress(text), {"Content-Encoding": "deflate"}))
    assert fetch(faulty.url + "/gz").body == text
    assert fetch(faulty.url + "/deflate").body == text
    assert "gzip" in faulty.requests[0].headers["accept-encoding"]


# -- error statuses --------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [404, 500])
def test_error_status_raises_with_the_status_in_the_message(faulty, status):
    faulty.add("/x", respond(status, b"oops"))
    error = raises(HTTPStatusError, faulty.url + "/x")
    assert not isinstance(error, Blocked)
    assert error.status == status
    assert str(status) in str(error)
    assert error.retry_after is None


@pytest.mark.parametrize("status", [403, 451])
def test_forbidden_is_blocked(faulty, status):
    faulty.add("/rss", respond(status, b"go away"))
    error = raises(Blocked, faulty.url + "/rss")
    assert error.status == status and str(status) in str(error)
    assert error.status_word == "blocked"


def test_429_retry_after_seconds(faulty):
    faulty.add("/busy", respond(429, b"slow down", {"Retry-After": "120"}))
    error = raises(HTTPStatusError, faulty.url + "/busy")
    assert error.status == 429 and error.retry_after == 120
    assert "429" in str(error)


def test_503_retry_after_http_date(faulty):
    faulty.add("/busy", respond(503, b"", {"Retry-After": formatdate(time.time() + 600, usegmt=True)}))
    error = raises(HTTPStatusError, faulty.url + "/busy")
    assert error.status == 503 and 590 <= error.retry_after <= 601


# -- redirects -------------------------------------------------------------------------------------

def test_redirects_followed_absolute_and_relative(faulty):
    faulty.add("/old", redirect(faulty.url + "/moved", 301))
    faulty.add("/moved", redirect("/final?x=1", 308))
    faulty.add("/final?x=1", respond(200, b"here"))
    result = fetch(faulty.url + "/old")
    assert result.status == 200 and result.body == b"here"
    assert result.url == faulty.url + "/old"
    assert result.final_url == faulty.url + "/final?x=1"
    assert faulty.paths() == ["/old", "/moved", "/final?x=1"]


@pytest.mark.parametrize("chain", [["/a", "/b"], ["/self"]])
def test_redirect_loop(faulty, chain):
    for here, there in zip(chain, chain[1:] + chain[:1], strict=True):
        faulty.add(here, redirect(there))
    error = raises(HTTPStatusError, faulty.url + chain[0])
    assert "redirect loop" in str(error)
    assert len(faulty.requests) == len(chain)


def _redirect_chain(server, hops: int) -> str:
    for i in range(hops):
        server.add(f"/hop{hops}/{i}", redirect(f"/hop{hops}/{i + 1}", 307))
    server.add(f"/hop{hops}/{hops}", respond(200, b"arrived"))
    return f"{server.url}/hop{hops}/0"


def test_five_redirects_are_followed(faulty):
    result = fetch(_redirect_chain(faulty, 5))
    assert result.body == b"arrived" and result.final_url.endswith("/hop5/5")


def test_more_than_five_redirects_raise(faulty):
    error = raises(HTTPStatusError, _redirect_chain(faulty, 6))
    assert "more than 5 redirects" in str(error)
    assert "/hop6/6" not in faulty.paths()


# -- size limit --------------------------------------------------------------------------------------

def test_announced_content_length_over_the_limit_is_refused_before_reading(faulty):
    def announce_and_stall(request: Request, conn: Conn) -> None:
        conn.send(head(200, {"Content-Length": str(10 * MiB)}))
        conn.hold()  # were the body read, this would run into the deadline instead

    faulty.add("/huge", announce_and_stall)
    started = time.monotonic()
    error = raises(TooLarge, faulty.url + "/huge", max_body_bytes=MiB, timeout=3.0)
    assert time.monotonic() - started < 1.5
    assert "limit" in str(error)


@pytest.mark.parametrize("framing", ["chunked", "close-delimited"])
def test_body_over_the_limit_without_content_length(faulty, framing):
    block = b"x" * 65536
    if framing == "chunked":
        faulty.add("/big", chunked(lambda: (block for _ in range(200))))
    else:
        faulty.add("/big", respond(200, block * 40, length=False))
    error = raises(TooLarge, faulty.url + "/big", max_body_bytes=1_000_000)
    assert "1,000,000" in str(error)


def test_body_exactly_at_the_limit_passes_one_more_byte_does_not(faulty):
    faulty.add("/1000", chunked(lambda: [b"a" * 600, b"b" * 400]))
    faulty.add("/1001", chunked(lambda: [b"a" * 600, b"b" * 401]))
    assert len(fetch(faulty.url + "/1000", max_body_bytes=1000).body) == 1000
    raises(TooLarge, faulty.url + "/1001", max_body_bytes=1000)


def test_gzip_bomb_is_stopped_quickly_without_inflating_it(faulty):
    bomb = gzip_bomb(1 << 30)  # 1 GiB of zeros
    assert len(bomb) < 1.2 * MiB
    faulty.add("/bomb.xml", respond(200, bomb, {"Content-Encoding": "gzip", "Content-Type": "application/xml"}))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    tracemalloc.start()
    started = time.monotonic()
    try:
        error = raises(TooLarge, faulty.url + "/bomb.xml", max_body_bytes=5 * MiB)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024
    assert "decompression" in str(error)
    assert elapsed < 2.0
    assert peak < 50 * MiB, f"peak Python allocation {peak / MiB:.0f} MiB"
    assert rss_growth < 50 * MiB, f"max RSS grew by {rss_growth / MiB:.0f} MiB"


def test_corrupt_gzip_is_a_network_error(faulty):
    faulty.add("/bad", respond(200, b"this is not gzip at all", {"Content-Encoding": "gzip"}))
    error = raises(NetworkError, faulty.url + "/bad")
    assert "corrupt gzip" in str(error)


# -- time ------------------------------------------------------------------------------------------------

def test_slow_drip_is_cut_off_by_the_total_deadline(faulty):
    faulty.add("/drip", drip(b"x" * 100, every=0.3))  # each read succeeds: only the total deadline helps
    started = time.monotonic()
    error = raises(FetchTimeout, faulty.url + "/drip", timeout=1.5)
    elapsed = time.monotonic() - started
    assert 1.4 <= elapsed < 2.5
    assert "1.5s" in str(error)
    assert isinstance(error, NetworkError)


def test_server_that_never_answers_times_out(faulty):
    faulty.add("/silent", lambda request, conn: conn.hold())
    started = time.monotonic()
    raises(FetchTimeout, faulty.url + "/silent", timeout=0.7)
    assert time.monotonic() - started < 1.5


# -- broken connections ----------------------------------------------------------------------------

def test_connection_refused(faulty):
    port = free_port()  # bound, then closed: nothing listens there
    for host in ("127.0.0.1", "localhost"):
        error = raises(NetworkError, f"http://{host}:{port}/")
        assert not isinstance(error, FetchTimeout)
        assert "refused" in str(error), str(error)


@pytest.mark.parametrize("handler", [
    reset(),
    reset(head(200, {"Content-Length": "1000"}) + b"0123456789"),
    truncated(b"0123456789", announced=1000),
], ids=["reset-before-answer", "reset-mid-body", "truncated-body"])
def test_broken_connections_are_network_errors(faulty, handler):
    faulty.add("/x", handler)
    error = raises(NetworkError, faulty.url + "/x")
    assert not isinstance(error, FetchTimeout)


# -- address policy --------------------------------------------------------------------------------

def test_private_address_refused_without_connecting(faulty):
    faulty.add("/", respond(200, b"secret"))
    error = raises(AddressRefused, faulty.url + "/", allow_private=False)
    assert "127.0.0.1" in str(error) and "allow_private_addresses" in str(error)
    assert faulty.requests == []


def test_every_redirect_hop_is_checked(faulty, monkeypatch):
    """Only the first URL is let through; the redirect to a loopback address must be refused, unfetched."""
    start = faulty.url + "/start"
    real = policy.check_url

    async def first_url_only(url: str, *, allow_private: bool) -> None:
        if url != start:
            await real(url, allow_private=allow_private)

    monkeypatch.setattr(client_mod, "check_url", first_url_only)
    faulty.add("/start", redirect(faulty.url + "/internal"))
    faulty.add("/internal", respond(200, b"metadata"))
    raises(AddressRefused, start, allow_private=False)
    assert faulty.paths() == ["/start"]


def test_redirect_to_another_scheme_is_refused_even_when_private_is_allowed(faulty):
    faulty.add("/r", redirect("file:///etc/passwd"))
    error = raises(AddressRefused, faulty.url + "/r", allow_private=True)
    assert "file" in str(error)
