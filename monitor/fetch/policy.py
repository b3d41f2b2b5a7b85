"""Where the daemon may connect: only http(s), and only public addresses unless allowed.

Checked on every hop (the first URL and each redirect), on the *resolved* addresses, so a
public name that resolves to 127.0.0.1 is refused too; and checked again at connect time by
``PolicyResolver``, the client's resolver, so the address connected to is one that was checked
(a name that resolves to a public address first and a private one a moment later gains nothing).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from monitor.errors import AddressRefused, DNSFailure


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise AddressRefused(f"only http and https URLs are fetched, not {scheme or 'a relative URL'}: {url}")


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def check_url(url: str, *, allow_private: bool) -> None:
    """Raise AddressRefused unless the URL is http(s) and (when not allowed) every address is public."""
    check_scheme(url)
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        addresses = [host] if _is_ip(host) else await _resolve(host)
    except socket.gaierror as e:
        raise DNSFailure(f"DNS lookup of {host} failed ({e.strerror}): no such host, or no DNS "
                           "(offline or behind a firewall?)") from None
    refuse_private(host, addresses)


def refuse_private(host: str, addresses: list[str]) -> None:
    for address in addresses:
        if not is_public(address):
            raise AddressRefused(
                f"{host} resolves to {address}, a private/loopback/link-local address; "
                "set allow_private_addresses = true in [monitor] only for sources on your own network")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


async def _resolve(host: str) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


class PolicyResolver(AbstractResolver):
    """The client's resolver: the addresses a connection is opened to pass the policy.

    (An IP literal is not resolved by the client; ``check_url`` judges it on every hop.)
    """

    def __init__(self, *, allow_private: bool):
        self.allow_private = allow_private
        self._inner = ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
                      ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        if not self.allow_private:
            refuse_private(host, [r["host"] for r in results])
        return results

    async def close(self) -> None:
        await self._inner.close()
