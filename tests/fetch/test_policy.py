"""The address policy: only http(s), only public addresses unless private ones are allowed."""

from __future__ import annotations

import asyncio
import socket

import pytest

from monitor.errors import AddressRefused, NetworkError
from monitor.fetch import policy
from monitor.fetch.policy import check_url, is_public


def check(url: str, allow_private: bool = False) -> None:
    asyncio.run(check_url(url, allow_private=allow_private))


@pytest.fixture
def no_dns(monkeypatch):
    """An IP literal must be judged without any lookup."""

    async def forbidden(host: str) -> list[str]:
        raise AssertionError(f"resolved {host!r}: an IP literal needs no network I/O")

    monkeypatch.setattr(policy, "_resolve", forbidden)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/feed.xml",
    "https://10.0.0.1/",
    "http://192.168.1.1/",
    "http://172.16.5.4/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]:8080/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",  # multicast
])
def test_private_ip_literals_refused(no_dns, url):
    with pytest.raises(AddressRefused) as info:
        check(url)
    assert "allow_private_addresses" in str(info.value)


@pytest.mark.parametrize("url", ["http://8.8.8.8/", "https://1.1.1.1:443/x", "http://[2001:4860:4860::8888]/"])
def test_public_ip_literals_allowed(no_dns, url):
    check(url)


def test_private_allowed_when_configured(no_dns):
    check("http://127.0.0.1:9/", allow_private=True)
    check("http://169.254.169.254/", allow_private=True)


def test_localhost_refused_after_resolution():
    with pytest.raises(AddressRefused) as info:
        check("http://localhost:8080/")
    message = str(info.value)
    assert "localhost resolves to" in message
    assert "127.0.0.1" in message or "::1" in message


def test_a_name_refused_if_any_address_is_private(monkeypatch):
    async def resolve(host: str) -> list[str]:
        return ["93.184.216.34", "10.1.2.3"]

    monkeypatch.setattr(policy, "_resolve", resolve)
    with pytest.raises(AddressRefused, match="10.1.2.3"):
        check("https://news.example.org/")


def test_a_name_with_only_public_addresses_allowed(monkeypatch):
    async def resolve(host: str) -> list[str]:
        return ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]

    monkeypatch.setattr(policy, "_resolve", resolve)
    check("https://news.example.org/")


def test_dns_failure_is_a_network_error(monkeypatch):
    async def resolve(host: str) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(policy, "_resolve", resolve)
    with pytest.raises(NetworkError, match="DNS lookup of nowhere.invalid failed"):
        check("https://nowhere.invalid/")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://ftp.example.org/pub/", "gopher://8.8.8.8/",
                                 "javascript:alert(1)", "/relative/path"])
@pytest.mark.parametrize("allow_private", [False, True])
def test_other_schemes_refused(no_dns, url, allow_private):
    with pytest.raises(AddressRefused, match="only http and https"):
        check(url, allow_private=allow_private)


def test_is_public():
    assert is_public("8.8.8.8") and is_public("2001:4860:4860::8888")
    assert not is_public("127.0.0.1") and not is_public("::ffff:192.168.0.1") and not is_public("::")
