"""One async HTTP client for every source: timeouts, a total deadline, a body limit that also
holds after decompression, manual redirects checked against the address policy, and
conditional GET.

    async with Fetcher(settings) as fetcher:
        result = await fetcher.get(url, etag=..., last_modified=...)

``get`` returns a FetchResult for 2xx and 304 and raises a FetchError subclass otherwise.
"""

from __future__ import annotations

import asyncio
import ssl
import time
import zlib
from urllib.parse import urljoin

import httpx

from monitor.errors import Blocked, FetchError, FetchTimeout, HTTPStatusError, NetworkError, TooLarge
from monitor.fetch.policy import check_url
from monitor.records import FetchResult

MAX_REDIRECTS = 5
_BLOCK_STATUSES = {401: "unauthorized", 403: "forbidden", 451: "unavailable for legal reasons"}


class Fetcher:
    def __init__(self, *, user_agent: str, timeout: float = 20.0, max_body_bytes: int = 5 * 1024 * 1024,
                 allow_private: bool = False, concurrency: int = 8):
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_body_bytes = max_body_bytes
        self.allow_private = allow_private
        self._limit = asyncio.Semaphore(concurrency)
        connect = min(10.0, timeout)
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=connect),
            limits=httpx.Limits(max_connections=concurrency * 2, max_keepalive_connections=concurrency),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                  headers: dict[str, str] | None = None, accept: str = "*/*") -> FetchResult:
        request_headers = {"Accept": accept, **(headers or {})}
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        started = time.monotonic()
        async with self._limit:
            try:
                async with asyncio.timeout(self.timeout):
                    return await self._follow(url, request_headers, started)
            except TimeoutError:
                raise FetchTimeout(f"no complete answer within {self.timeout:g}s (total deadline)") from None

    async def _follow(self, url: str, headers: dict[str, str], started: float) -> FetchResult:
        current = url
        seen: set[str] = set()
        for _hop in range(MAX_REDIRECTS + 1):
            await check_url(current, allow_private=self.allow_private)
            seen.add(current)
            status, response_headers, body = await self._one(current, headers)
            if status in (301, 302, 303, 307, 308) and "location" in response_headers:
                target = urljoin(current, response_headers["location"])
                if target in seen:
                    raise HTTPStatusError(f"redirect loop: {target} redirects back to itself", status)
                current = target
                continue
            elapsed = time.monotonic() - started
            result = FetchResult(url, current, status, response_headers, body, elapsed)
            _raise_for_status(result)
            return result
        raise HTTPStatusError(f"more than {MAX_REDIRECTS} redirects, last to {current}", 310)

    async def _one(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                response_headers = {k.lower(): v for k, v in response.headers.items()}
                if response.status_code in (301, 302, 303, 307, 308, 304):
                    return response.status_code, response_headers, b""
                declared = response_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_body_bytes:
                    raise TooLarge(f"body of {int(declared):,} bytes announced, limit is {self.max_body_bytes:,}")
                body = await self._read(response, response_headers.get("content-encoding", "").lower())
                return response.status_code, response_headers, body
        except httpx.ConnectTimeout:
            raise FetchTimeout(f"connect timeout to {httpx.URL(url).host}") from None
        except httpx.TimeoutException:
            raise FetchTimeout("read timeout: the server stopped sending") from None
        except httpx.ConnectError as e:
            raise NetworkError(_connect_reason(e, url)) from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as e:
            raise NetworkError(f"connection broken by the server ({e.__class__.__name__}: {e})") from None
        except httpx.HTTPError as e:
            raise NetworkError(f"{e.__class__.__name__}: {e}") from None

    async def _read(self, response: httpx.Response, encoding: str) -> bytes:
        """Read the raw stream, inflating it ourselves so the limit holds after decompression."""
        limit = self.max_body_bytes
        inflater = None
        if encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflater = zlib.decompressobj()
        chunks: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw():
            if inflater is None:
                data = raw
            else:
                try:
                    data = inflater.decompress(raw, limit + 1 - size)
                except zlib.error as e:
                    raise NetworkError(f"corrupt {encoding} body: {e}") from None
                if inflater.unconsumed_tail:
                    raise TooLarge(f"body passed the limit of {limit:,} bytes after decompression")
            size += len(data)
            if size > limit:
                raise TooLarge(f"body passed the limit of {limit:,} bytes")
            chunks.append(data)
        return b"".join(chunks)


def _connect_reason(error: httpx.ConnectError, url: str) -> str:
    host = httpx.URL(url).host
    text = str(error)
    chain: list[BaseException] = []  # httpx -> httpcore -> OSError("All connection attempts failed") -> the OS error
    cause: BaseException | None = error
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text \
            or "Temporary failure in name resolution" in text:
        return f"DNS lookup of {host} failed: no such host, or no DNS (offline?)"
    if any(isinstance(c, ssl.SSLError) for c in chain) or "SSL" in text or "certificate" in text:
        return f"TLS error talking to {host}: {text}"
    if any(isinstance(c, ConnectionRefusedError) for c in chain) or "Connection refused" in text \
            or "Errno 111" in text:
        return f"connection refused by {host}"
    if "Network is unreachable" in text or "Errno 101" in text:
        return f"network unreachable for {host} (offline or firewalled?)"
    return f"cannot connect to {host}: {text or error.__class__.__name__}"


def _raise_for_status(result: FetchResult) -> None:
    status = result.status
    if status == 304 or 200 <= status < 300:
        return
    if status in _BLOCK_STATUSES:
        raise Blocked(f"blocked: HTTP {status} {_BLOCK_STATUSES[status]} from {result.final_url} "
                      "(the site refuses this client; try another way in, e.g. a listing page or sitemap)",
                      status)
    retry = result.headers.get("retry-after")
    extra = f", Retry-After {retry}" if retry else ""
    raise HTTPStatusError(f"HTTP {status} from {result.final_url}{extra}", status, _retry_after(retry))


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


__all__ = ["Fetcher", "FetchError"]
